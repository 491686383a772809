/* fuhua — the ratings section of a hub's rules (ratings: in
 * fuhua-config(5)), owned by the rating module: read by
 * core/rating_config.c, kept in the database and read back by
 * core/rating.c. Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_RATING_RULES_H
#define FUHUA_RATING_RULES_H

typedef struct fh_rating_rules {
	int valid_years; /* a rating (等级评估) holds so many years (1–10) */
	int warn_days;   /* one expiring within so many days is listed (1–730) */
} fh_rating_rules;

/* The section's defaults (5 years, 180 days): the one place they are
 * written. */
void fh_rating_rules_defaults(fh_rating_rules *r);

#endif
