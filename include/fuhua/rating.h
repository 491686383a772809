/* fuhua — the rating of social organisations (等级评估, 1A–5A) as a
 * history: each rating a tenant was given, on which day, and until when it
 * holds (the hub's ratings.valid_years); those expiring within the hub's
 * ratings.warn_days; and per hub the organisations rated 3A and above and
 * the participation rate (参评率: rated among those eligible).
 *
 * A rating is given through the tenant's record (its rating and the day):
 * the rating module keeps the history as the record changes, in the same
 * transaction, and refuses a rating given before the tenant was eligible —
 * two full years after its registration (founded). */
#ifndef FUHUA_RATING_H
#define FUHUA_RATING_H

#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

/* The first day a tenant registered on `registered` (a day) may be rated:
 * two full years later. */
int64_t fh_rating_eligible_from(int64_t registered);

typedef struct fh_rating {
	int64_t id, tenant_id, hub_id;
	char tenant[128];
	char hub_code[33];
	int grade;          /* 1–5: 1A–5A */
	int64_t rated_on;   /* the day it was given */
	int64_t expires_on; /* its last day */
} fh_rating;

/* A tenant's ratings, the latest first. On error *rows is NULL and *n 0:
 * nothing to free. */
fh_status fh_rating_history(fh_store *store, const fh_actor *actor, int64_t tenant, fh_rating **rows, size_t *n,
			    fh_error *err);
/* The latest rating of each tenant of hub_code's scope (NULL: the actor's)
 * that expires within `days` days from today (0: the hub's warn_days) or
 * has expired in the last year, by expiry, at most max (0: all). On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_rating_expiring(fh_store *store, const fh_actor *actor, const char *hub_code, int days, int max,
			     fh_rating **rows, size_t *n, fh_error *err);

typedef struct fh_rating_total {
	char hub_code[33];
	int registered;       /* registered tenants in incubation or graduated */
	int eligible;         /* of them, two full years after registration */
	int rated;            /* of them, with a rating that holds on the day */
	int a3plus;           /* of those, 3A and above */
	double participation; /* 参评率: rated ÷ eligible, % (0 when none is eligible) */
} fh_rating_total;

/* Per hub of the scope (NULL: the actor's hub and below), on day `at` (0:
 * today), hubs in code order. On error *rows is NULL and *n 0: nothing to
 * free. */
fh_status fh_rating_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t at,
			   fh_rating_total **rows, size_t *n, fh_error *err);

#endif
