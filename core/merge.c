/* fuhua core — a list over many hubs, merged from their streams (merge.h). */
#include "merge.h"

#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "i18n.h"
#include "store_int.h"

static fh_status oom(fh_error *err)
{
	return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
}

static fh_status refill(const struct fh_merge *m, struct fh_stream *x, fh_error *err)
{
	free(x->rows);
	x->rows = NULL;
	x->n = x->at = 0;
	fh_status st = m->read(m, x, err);
	if (st != FH_OK)
		return st;
	x->done = x->n < m->chunk;
	if (x->n)
		m->key((const char *)x->rows + (x->n - 1) * m->size, &x->key, &x->id);
	return FH_OK;
}

static const void *row_at(const struct fh_merge *m, const struct fh_stream *x)
{
	return (const char *)x->rows + x->at * m->size;
}

static bool earlier(const struct fh_merge *m, const struct fh_stream *a, const struct fh_stream *b)
{
	return m->before(a, row_at(m, a), b, row_at(m, b));
}

static void sift_down(const struct fh_merge *m, struct fh_stream *x, size_t *heap, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, k = i;
		if (l < n && earlier(m, &x[heap[l]], &x[heap[k]]))
			k = l;
		if (r < n && earlier(m, &x[heap[r]], &x[heap[k]]))
			k = r;
		if (k == i)
			return;
		size_t t = heap[i];
		heap[i] = heap[k];
		heap[k] = t;
		i = k;
	}
}

fh_status fh_merge_walk(const struct fh_merge *m, struct fh_stream *x, size_t nx, size_t limit,
			bool (*each)(void *ctx, const struct fh_stream *x, void *row), void *ctx, size_t *given,
			fh_error *err)
{
	*given = 0;
	size_t *heap = malloc((nx ? nx : 1) * sizeof *heap), nheap = 0;
	void *row = malloc(m->size);
	fh_status st = heap && row ? FH_OK : oom(err);
	for (size_t i = 0; st == FH_OK && i < nx; i++)
		if ((st = refill(m, &x[i], err)) == FH_OK && x[i].n)
			heap[nheap++] = i;
	for (size_t i = nheap; st == FH_OK && i-- > 0;)
		sift_down(m, x, heap, nheap, i);
	while (st == FH_OK && nheap && (!limit || *given < limit)) {
		struct fh_stream *top = &x[heap[0]];
		/* a copy: the next chunk may replace the rows */
		memcpy(row, row_at(m, top), m->size);
		top->at++;
		(*given)++;
		if (!each(ctx, top, row))
			break;
		if (top->at == top->n && !top->done)
			st = refill(m, top, err);
		if (top->at == top->n) /* this stream is all given */
			heap[0] = heap[--nheap];
		sift_down(m, x, heap, nheap, 0);
	}
	for (size_t i = 0; i < nx; i++) {
		free(x[i].rows);
		x[i].rows = NULL;
	}
	free(heap);
	free(row);
	return st;
}

fh_status fh_scope_hubs(fh_store *s, const fh_actor *actor, int64_t hub_id, const char *hub_code, int64_t **hubs,
			size_t *n, fh_error *err)
{
	*hubs = NULL;
	*n = 0;
	if (!hub_id && actor)
		hub_id = actor->hub_id;
	fh_status st = fh_actor_scope(s, actor, hub_id, err);
	fh_stmt *q;
	if (st != FH_OK ||
	    (st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT h.id FROM hubs h WHERE h.id IN (SELECT id FROM scope) AND (?2 = '' OR h.code = ?2"
		     " OR h.id IN (WITH RECURSIVE sub(id) AS (SELECT id FROM hubs WHERE code = ?2 UNION ALL"
		     "  SELECT c.id FROM hubs c JOIN sub ON c.parent_id = sub.id) SELECT id FROM sub))"
		     " ORDER BY h.id",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub_id);
	fh_bind_str(q, 2, hub_code ? hub_code : "");
	size_t cap = 0;
	int rc;
	bool full = false;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(hubs, &cap, *n, sizeof **hubs)) {
			full = true;
			break;
		}
		(*hubs)[(*n)++] = fh_column_int64(q, 0);
	}
	fh_reset(q);
	if (full || (rc != FH_ROW && rc != FH_DONE)) {
		free(*hubs);
		*hubs = NULL;
		*n = 0;
		return full ? oom(err) : fh_store_fail(s, err, _("reading the hubs"));
	}
	if (hub_code && hub_code[0] && !*n)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub '%s' in your scope"), hub_code);
	return FH_OK;
}
