/* fuhua core — private: the counts the database keeps (tally.c). */
#ifndef FUHUA_CORE_TALLY_H
#define FUHUA_CORE_TALLY_H

#include "fuhua/error.h"
#include "fuhua/store.h"

/* For `fuhua check`: every tally against a full recount. */
fh_status fh_tally_check(fh_store *store, fh_check_report *rep, fh_error *err);
/* Every tally written again from its recount. */
fh_status fh_tally_rebuild(fh_store *store, fh_error *err);

/* A bulk load into a new or small database (the demo, a large import):
 * inside its transaction, the
 * tallies' triggers and the indexes of the tables it fills (but UNIQUE ones)
 * dropped for the load, then made again — each index sorted once, each
 * tally recounted once, instead of one update per row written. */
#define FH_TALLY_TRIGGERS_MAX 40
struct fh_tally_paused {
	char *sql[FH_TALLY_TRIGGERS_MAX];
	int n;
};
void fh_tally_pause(fh_store *store, struct fh_tally_paused *p);
fh_status fh_tally_resume(fh_store *store, struct fh_tally_paused *p, fh_error *err);

#endif
