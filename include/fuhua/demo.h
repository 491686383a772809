/* fuhua — a deterministic, realistic demo database (also the benchmark data). */
#ifndef FUHUA_DEMO_H
#define FUHUA_DEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "fuhua/config.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"

typedef struct fh_store fh_store;

typedef struct fh_demo_options {
	int tenants;   /* 0 – 1 000 000 */
	uint64_t seed; /* the same seed and day give the same database */
	/* Called now and then with the tenants written so far; may be NULL. */
	void (*progress)(void *ctx, int done, int total);
	void *ctx;
	/* Everything on the calling thread. Else, on a machine with two cores
	 * or more, the search indexes and milestones are made on a second one;
	 * the database is the same either way. */
	bool one_core;
} fh_demo_options;

/* Brings hubs and spaces in line with cfg, then writes demo operators (one
 * per role, see fuhua(1)), mentors, party instructors, tenants with their
 * milestones and party status, and desk and office allocations, all dated
 * relative to today (fh_clock_now()). Marks the database as a demo. Refuses
 * (FH_ECONFLICT) a database that already holds tenants. The hub sync is one
 * transaction (as `fuhua init`), everything else a second one: on failure
 * none of the demo data is written. FH_OK, or the error that stopped it. */
fh_status fh_demo_generate(fh_store *store, const fh_config *cfg, const fh_demo_options *opt, fh_error *err);

#endif
