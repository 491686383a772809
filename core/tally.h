/* fuhua core — private: the counts the database keeps (tally.c). */
#ifndef FUHUA_CORE_TALLY_H
#define FUHUA_CORE_TALLY_H

#include "fuhua/error.h"
#include "fuhua/store.h"
#include "store_int.h"

/* For `fuhua check`: every tally against a full recount. */
fh_status fh_tally_check(fh_store *store, fh_check_report *rep, fh_error *err);
/* Every tally written again from its recount. */
fh_status fh_tally_rebuild(fh_store *store, fh_error *err);

/* A bulk load into a new or small database (the demo, a large import),
 * inside its transaction: the indexes of the tables it fills (but UNIQUE
 * ones) and the tallies' triggers set aside for the load (fh_store_set_aside),
 * then made again and every tally recounted — each index sorted once, each
 * tally counted once, instead of one update per row written. Resume after a
 * failure too (with another fh_error), to free *a. */
fh_status fh_tally_pause(fh_store *store, struct fh_set_aside *a, fh_error *err);
fh_status fh_tally_resume(fh_store *store, struct fh_set_aside *a, fh_error *err);

#endif
