/* fuhua — the reports section of a hub's rules (reports: in
 * fuhua-config(5)), owned by the report module: read by
 * core/report_config.c, kept in the database and read back by
 * core/report_rules.c. Adding a key touches these files and
 * fuhua-config(5). */
#ifndef FUHUA_REPORT_RULES_H
#define FUHUA_REPORT_RULES_H

#define FH_REPORT_DIR_MAX 400 /* characters */

typedef struct fh_report_rules {
	/* reports.dir: the folder the Reports screen files a hub's reports in
	 * (one folder per hub below it): absolute, or taken from the
	 * database's folder; "" for "reports" beside the database */
	char dir[FH_REPORT_DIR_MAX * 4 + 1];
} fh_report_rules;

/* The section's defaults (no folder of its own: "reports" beside the
 * database): the one place they are written. */
void fh_report_rules_defaults(fh_report_rules *r);

#endif
