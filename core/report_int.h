/* fuhua core — private: what the reports' builders share (sheet.h). A
 * builder adds its sheets to the document from the modules' own figures;
 * report_sheet.c opens the rows of the scope's hubs, applies a closed
 * month's kept figures (report_close.c) and computes the totals and rates. */
#ifndef FUHUA_CORE_REPORT_INT_H
#define FUHUA_CORE_REPORT_INT_H

#include "fuhua/buf.h"
#include "fuhua/party.h"
#include "fuhua/sheet.h"
#include "fuhua/space.h"

struct fh_report_build {
	fh_store *s;
	const fh_actor *actor;
	const char *hub_code; /* as asked: NULL for the actor's hub */
	int64_t hub;          /* its id */
	fh_report_doc *d;
	int64_t from, to;         /* the period, [from, to) */
	const fh_occupancy *hubs; /* the scope's hubs in tree order, with their own spaces on as_of */
	size_t nhubs;
};

#define FH_NCOLS(c) ((int)(sizeof c / sizeof c[0]))

/* A new sheet of the document with a row per hub of the scope and the
 * total: NULL when out of memory or the document is full. */
fh_sheet *fh_report_sheet(struct fh_report_build *b, const char *key, const char *title, const fh_sheet_col *cols,
			  int ncols);
/* The sheet's row of hub `code`, NULL when it is not of the scope. */
fh_sheet_row *fh_report_row(fh_sheet *sh, const char *code);

/* The sheet's total row as the sum of the hubs', then each row's rates (a
 * total's of the totals). */
void fh_report_sheet_close(fh_sheet *sh);

/* Each hub's own coverage (its subtree's less the hubs right below it),
 * in tree order. On error *rows is NULL: nothing to free. */
fh_status fh_report_coverage(struct fh_report_build *b, fh_coverage **rows, size_t *n, fh_error *err);

/* The Party coverage sheet of the monthly and Party-building reports, each
 * hub's own (in incubation, with an organisation, work covered, both rates,
 * uncovered, full members), and with `forms` the forms of organisation
 * beside it: opened and filled. */
fh_status fh_report_coverage_sheets(struct fh_report_build *b, bool forms, fh_error *err);

/* The builders: each adds its sheets. */
fh_status fh_report_monthly_sheets(struct fh_report_build *b, fh_error *err);
fh_status fh_report_party_sheets(struct fh_report_build *b, fh_error *err);
fh_status fh_report_annual_sheets(struct fh_report_build *b, fh_error *err);

/* When month d->year-d->month is closed, the figures kept then into d's
 * rows of the hubs (those of the hubs it did not know 0), and the month's
 * state into d. FH_OK, or the store's error. */
fh_status fh_report_kept(fh_store *store, fh_report_doc *d, fh_error *err);

/* The report module's own schema (modules.h). */
extern const char *const fh_report_schema[];

/* Its section of the configuration (report_config.c) and its rules kept
 * in the hub's row (report_rules.c; modules.h). */
struct fh_cfg_section;
struct fh_rules;
extern const struct fh_cfg_section fh_report_config;
fh_status fh_report_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_report_describe_rules(fh_buf *b, const struct fh_rules *r);

#endif
