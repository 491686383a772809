/* fuhua — the lifecycle section of a hub's rules (incubation_term_months,
 * extension_months, stages: and graduation: in fuhua-config(5)), owned by
 * the lifecycle module: read by core/lifecycle_config.c, kept in the
 * database and read back by core/lifecycle.c. Adding a key touches these
 * files and fuhua-config(5). */
#ifndef FUHUA_LIFECYCLE_RULES_H
#define FUHUA_LIFECYCLE_RULES_H

#include <stdbool.h>

typedef enum fh_stage {
	FH_STAGE_APPLIED,
	FH_STAGE_REVIEWING,
	FH_STAGE_INCUBATING,
	FH_STAGE_GRADUATED,
	FH_STAGE_EXITED,
	FH_STAGE_COUNT
} fh_stage;

typedef struct fh_stage_rule {
	char *label;  /* stages.S.label: what people call the stage at this level, or NULL */
	int max_days; /* stages.S.max_days: 0 = no limit on time spent in the stage */
} fh_stage_rule;

typedef struct fh_lifecycle_rules {
	int incubation_term_months;           /* 1–120 */
	int extension_months;                 /* 0 = no extension allowed, else up to 60 */
	fh_stage_rule stages[FH_STAGE_COUNT]; /* owned; fh_lifecycle_rules_load leaves none */
	int grad_min_months;                  /* graduation.min_months of incubation, 0–120 */
	bool grad_all_milestones;             /* graduation.all_milestones: every required milestone done */
	bool grad_party_coverage;             /* graduation.party_coverage: party organisation or instructor */
	int grad_min_rating;                  /* graduation.min_rating: 0 = none, else 1–5 (1A–5A) */
	bool grad_registered;                 /* graduation.registered, with a credit code */
	bool grad_handovers;                  /* graduation.handovers_clear: no handover overdue */
} fh_lifecycle_rules;

/* The section's defaults (24 months, no extension, no labels or limits,
 * graduation after 12 months with every criterion but a rating): the one
 * place they are written. */
void fh_lifecycle_rules_defaults(fh_lifecycle_rules *r);

#endif
