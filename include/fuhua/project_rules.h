/* fuhua — the projects section of a hub's rules (projects: in
 * fuhua-config(5)), owned by the project module: read by
 * core/project_config.c, kept in the database and read back by
 * core/project.c. Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_PROJECT_RULES_H
#define FUHUA_PROJECT_RULES_H

#include <stddef.h>

#define FH_FUNDERS_MAX 40

typedef struct fh_project_rules {
	char **funders; /* funders: who grants (民政局, 街道…), in order, owned; none: any */
	size_t nfunders;
	int evaluation_days;          /* a closed project's evaluation is due so many days after its end (1–365) */
	int contract_advance_percent; /* a service contract's share paid before its evaluation passed (0–100) */
} fh_project_rules;

/* The section's defaults (no funder list, 90 days, 70 %): the one place
 * they are written. */
void fh_project_rules_defaults(fh_project_rules *r);

#endif
