/* fuhua core — private: a list over many hubs, in order, without reading it all.
 *
 * A list of a whole scope (what is due, the committees to re-elect) is one
 * ordered stream per hub and kind, each read on its own index by key, a
 * chunk at a time, one statement per chunk, merged with a heap. A page of
 * the list reads about as many rows as it shows, whatever the tables hold;
 * a list walked whole holds the read lock for one chunk at a time, never
 * for the list. */
#ifndef FUHUA_CORE_MERGE_H
#define FUHUA_CORE_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

/* One hub's rows of one kind, read by (key, id). */
struct fh_stream {
	int kind; /* the caller's: which list of the hub */
	int64_t hub;
	void *rows; /* the chunk held: n rows of fh_merge.size bytes */
	size_t n, at;
	int64_t key, id; /* read up to (INT64_MIN: from the start) */
	bool done;       /* nothing after the chunk held */
};

struct fh_merge {
	fh_store *store;
	size_t size;  /* bytes of a row */
	size_t chunk; /* rows per statement */
	void *ctx;    /* the caller's, for read */
	/* The next chunk of x after (x->key, x->id), at most m->chunk rows,
	 * into x->rows (allocated; the merge frees it) and x->n. */
	fh_status (*read)(const struct fh_merge *m, struct fh_stream *x, fh_error *err);
	/* A row's key and id, to read on from. */
	void (*key)(const void *row, int64_t *key, int64_t *id);
	/* Whether row a (of stream xa) comes before row b (of xb). */
	bool (*before)(const struct fh_stream *xa, const void *a, const struct fh_stream *xb, const void *b);
};

/* The rows of the nx streams in order, each to `each` with its stream
 * (false stops), at most `limit` (0: all); *given counts them. Frees the
 * streams' rows. */
fh_status fh_merge_walk(const struct fh_merge *m, struct fh_stream *x, size_t nx, size_t limit,
			bool (*each)(void *ctx, const struct fh_stream *x, void *row), void *ctx, size_t *given,
			fh_error *err);

/* The hubs of hub_id (0: the actor's) and below that the actor may see,
 * narrowed to hub_code and below unless it is NULL or empty (FH_ENOTFOUND
 * naming "hub" when no hub in scope has that code). The caller frees *hubs. */
fh_status fh_scope_hubs(fh_store *store, const fh_actor *actor, int64_t hub_id, const char *hub_code, int64_t **hubs,
			size_t *n, fh_error *err);

#endif
