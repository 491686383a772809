/* fuhua — the operator section of a hub's rules (idle_lock_minutes in
 * fuhua-config(5)), owned by the operator module: read by
 * core/operator_config.c, kept in the database and read back with the
 * operator who signs in (core/operator.c). Adding a key touches these files
 * and fuhua-config(5). */
#ifndef FUHUA_OPERATOR_RULES_H
#define FUHUA_OPERATOR_RULES_H

typedef struct fh_operator_rules {
	int idle_lock_minutes; /* the screen locks after so long idle: 0 = never, 1–240 */
} fh_operator_rules;

/* The section's defaults (10 minutes): the one place they are written. */
void fh_operator_rules_defaults(fh_operator_rules *r);

#endif
