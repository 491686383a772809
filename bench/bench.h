/* fuhua bench — the benches bench.c runs from the other files. */
#ifndef FUHUA_BENCH_H
#define FUHUA_BENCH_H

#include <stdint.h>

#include "fuhua/operator.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

/* scale.c: the figures of issue 12's growth table. */
void foreign_write_bench(fh_store *s, const fh_actor *admin, const char *path);
void list_bench(fh_store *s, const fh_actor *admin);
void search_bench(fh_store *s, const fh_actor *admin);
void rss_bench(const char *path, const char *bin);

/* jobs.c: the longest wait of a writer beside each long job (issue 20). */
void jobs_bench(fh_store *s, const char *path, const char *bin);

/* outcomes.c: activity totals, the outcome lists, the activity import
 * (issue 23). Adds 100 000 activities to the database at path. */
void outcomes_bench(fh_store *s, const fh_actor *admin, const char *path);

#endif
