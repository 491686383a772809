/* fuhua — the spaces section of a hub's rules (free_period_months,
 * fee_per_m2_month, fee_per_seat_month, handover_working_days and booking:
 * in fuhua-config(5)), owned by the space module: read by
 * core/config_space.c, kept in the database and read back by core/space.c.
 * Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_SPACE_RULES_H
#define FUHUA_SPACE_RULES_H

typedef struct fh_space_rules {
	int free_period_months;    /* rent-free months from admission, 0–60 */
	double fee_per_m2_month;   /* yuan per m² and month after the free period */
	double fee_per_seat_month; /* yuan per desk seat and month after it */
	int handover_working_days; /* working days to hand a space back, 1–90 */
	int opens, closes;         /* booking.opens/closes: rooms' hours, minutes after midnight */
	int max_hours_per_week;    /* booking.max_hours_per_week: a tenant's booked hours in
				      one week, 0 = no cap */
} fh_space_rules;

/* The section's defaults (12 months free, no fees, 15 working days, 08:30
 * to 21:00, no cap): the one place they are written. */
void fh_space_rules_defaults(fh_space_rules *r);

#endif
