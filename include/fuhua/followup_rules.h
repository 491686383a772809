/* fuhua — the follow-up section of a hub's rules (followup: in
 * fuhua-config(5)), owned by the follow-up module: read by
 * core/followup_config.c, kept in the database and read back by
 * core/followup.c. Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_FOLLOWUP_RULES_H
#define FUHUA_FOLLOWUP_RULES_H

#define FH_FOLLOWUP_MAX 6

typedef struct fh_followup_rules {
	int months[FH_FOLLOWUP_MAX]; /* follow-ups so many months after graduation, rising, 1–60 */
	int n;                       /* how many (0: none) */
} fh_followup_rules;

/* The section's defaults (3, 6 and 12 months): the one place they are
 * written. */
void fh_followup_rules_defaults(fh_followup_rules *r);

#endif
