/* fuhua tui — the list widget: one page at a time by keyset, or all in memory. */
#include "list.h"

#include "../common/i18n.h"
#include "../common/labels.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROW(l, i) ((l)->rows + (size_t)(i) * (l)->src->row_size)
#define COUNT_CAP 999

void fh_list_init(struct fh_list *l, const struct fh_list_source *src, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->src = src;
	l->ctx = ctx;
	l->count = -1;
	l->height = 10;
}

void fh_list_free(struct fh_list *l)
{
	free(l->rows);
	free(l->anchor);
	l->rows = l->anchor = NULL;
	l->nrows = l->cap = 0;
}

static bool reserve(struct fh_list *l, size_t n)
{
	if (n <= l->cap)
		return true;
	unsigned char *r = realloc(l->rows, n * l->src->row_size);
	if (!r)
		return false;
	l->rows = r;
	l->cap = n;
	if (!l->anchor && !(l->anchor = malloc(l->src->row_size)))
		return false;
	return true;
}

static int page_size(const struct fh_list *l)
{
	return l->height < 1 ? 1 : l->height > FH_LIST_PAGE_MAX ? FH_LIST_PAGE_MAX : l->height;
}

static void fail(struct fh_list *l, const fh_error *err)
{
	char buf[600];
	snprintf(l->error, sizeof l->error, "%s", fh_error_text(err, buf, sizeof buf));
}

/* Loads the page after the anchor; one row more tells whether another follows. */
static void load_page(struct app *app, struct fh_list *l)
{
	fh_error err;
	size_t n = 0, want = (size_t)page_size(l);
	l->error[0] = 0;
	if (!reserve(l, FH_LIST_PAGE_MAX + 1)) {
		snprintf(l->error, sizeof l->error, "out of memory");
		l->nrows = 0;
		return;
	}
	if (l->src->page(app, l->ctx, l->has_anchor ? l->anchor : NULL, false, l->rows, want + 1, &n, &err) != FH_OK) {
		fail(l, &err);
		n = 0;
	}
	l->more = n > want;
	l->nrows = l->more ? want : n;
	if (l->sel >= (int)l->nrows)
		l->sel = l->nrows ? (int)l->nrows - 1 : 0;
	l->top = 0;
}

static void load_count(struct app *app, struct fh_list *l)
{
	fh_error err;
	if (!l->src->count || l->src->count(app, l->ctx, COUNT_CAP, &l->count, &l->count_more, &err) != FH_OK)
		l->count = -1;
}

void fh_list_first(struct app *app, struct fh_list *l, int height)
{
	l->height = height;
	l->has_anchor = false;
	l->offset = 0;
	l->sel = 0;
	load_page(app, l);
	if (l->more || l->error[0]) {
		load_count(app, l);
	} else { /* no page after the first: it is the count */
		l->count = (int)l->nrows;
		l->count_more = false;
	}
}

void fh_list_reload(struct app *app, struct fh_list *l, int height)
{
	if (!l->src->page)
		return;
	l->height = height;
	load_page(app, l);
	load_count(app, l);
}

void fh_list_set(struct fh_list *l, const void *rows, size_t n)
{
	l->nrows = 0;
	if (n && !reserve(l, n))
		return;
	if (n)
		memcpy(l->rows, rows, n * l->src->row_size);
	l->nrows = n;
	l->offset = 0;
	l->count = (int)n;
	l->count_more = false;
	if (l->sel >= (int)n)
		l->sel = n ? (int)n - 1 : 0;
}

const void *fh_list_selected(const struct fh_list *l)
{
	return l->nrows && l->sel >= 0 && l->sel < (int)l->nrows ? ROW(l, l->sel) : NULL;
}

static void next_page(struct app *app, struct fh_list *l)
{
	if (!l->more || !l->nrows)
		return;
	memcpy(l->anchor, ROW(l, l->nrows - 1), l->src->row_size);
	l->has_anchor = true;
	if (l->offset >= 0)
		l->offset += (long)l->nrows;
	l->sel = 0;
	load_page(app, l);
}

/* Reads `want` + 1 rows backward from `from` (NULL: the end): the first of
 * them, when there are that many, is the anchor of the page. */
static bool back_from(struct app *app, struct fh_list *l, const void *from, size_t *got)
{
	size_t want = (size_t)page_size(l), n = 0;
	fh_error err;
	unsigned char *back = malloc((want + 1) * l->src->row_size);
	if (!back)
		return false;
	if (l->src->page(app, l->ctx, from, true, back, want + 1, &n, &err) != FH_OK) {
		fail(l, &err);
		free(back);
		return false;
	}
	l->has_anchor = n > want;
	if (l->has_anchor)
		memcpy(l->anchor, back, l->src->row_size);
	*got = l->has_anchor ? want : n;
	free(back);
	return true;
}

static void prev_page(struct app *app, struct fh_list *l)
{
	size_t got;
	if (!l->has_anchor || !l->nrows)
		return;
	unsigned char *from = malloc(l->src->row_size);
	if (!from)
		return;
	memcpy(from, ROW(l, 0), l->src->row_size);
	bool ok = back_from(app, l, from, &got);
	free(from);
	if (!ok)
		return;
	if (l->offset >= 0)
		l->offset = l->has_anchor ? l->offset - (long)got : 0;
	if (!l->has_anchor)
		l->offset = 0;
	l->sel = 0;
	load_page(app, l);
}

static void last_page(struct app *app, struct fh_list *l)
{
	size_t got;
	if (!back_from(app, l, NULL, &got))
		return;
	load_page(app, l);
	l->offset = !l->has_anchor ? 0 : l->count >= 0 && !l->count_more ? l->count - (long)l->nrows : -1;
	l->sel = l->nrows ? (int)l->nrows - 1 : 0;
}

static int memory_request(struct fh_list *l, int action)
{
	int n = (int)l->nrows, h = page_size(l);
	switch (action) {
	case FH_ACT_MOVE_UP: l->sel--; break;
	case FH_ACT_MOVE_DOWN: l->sel++; break;
	case FH_ACT_PAGE_UP: l->sel -= h; break;
	case FH_ACT_PAGE_DOWN: l->sel += h; break;
	case FH_ACT_MOVE_FIRST: l->sel = 0; break;
	case FH_ACT_MOVE_LAST: l->sel = n - 1; break;
	default: return FH_R_UNHANDLED;
	}
	if (l->sel >= n)
		l->sel = n - 1;
	if (l->sel < 0)
		l->sel = 0;
	return FH_R_DONE;
}

int fh_list_request(struct app *app, struct fh_list *l, int action)
{
	if (!l->src->page)
		return memory_request(l, action);
	switch (action) {
	case FH_ACT_MOVE_DOWN:
		if (l->sel + 1 < (int)l->nrows)
			l->sel++;
		else if (l->more)
			next_page(app, l);
		return FH_R_DONE;
	case FH_ACT_MOVE_UP:
		if (l->sel > 0) {
			l->sel--;
		} else if (l->has_anchor) {
			prev_page(app, l);
			l->sel = l->nrows ? (int)l->nrows - 1 : 0;
		}
		return FH_R_DONE;
	case FH_ACT_PAGE_DOWN:
		if (l->more)
			next_page(app, l);
		else
			l->sel = l->nrows ? (int)l->nrows - 1 : 0;
		return FH_R_DONE;
	case FH_ACT_PAGE_UP:
		if (l->has_anchor)
			prev_page(app, l);
		else
			l->sel = 0;
		return FH_R_DONE;
	case FH_ACT_MOVE_FIRST: fh_list_first(app, l, l->height); return FH_R_DONE;
	case FH_ACT_MOVE_LAST: last_page(app, l); return FH_R_DONE;
	default: return FH_R_UNHANDLED;
	}
}

void fh_list_draw(struct app *app, struct fh_list *l, struct rect a, bool focus)
{
	int y = a.y;
	if (l->error[0]) {
		y += fh_draw_wrapped(y, a.x, l->error, a.cols, 2, fh_attr(app, FH_C_BAD));
		a.rows -= y - a.y;
	}
	if (a.rows < 1)
		return;
	/* the selected row whole, under the list, when the rows may be cut */
	if (l->src->whole && focus && l->nrows && a.rows >= 6) {
		char text[1600];
		const void *row = ROW(l, l->sel);
		l->src->whole(app, l->ctx, row, text, sizeof text);
		a.rows -= 2;
		fh_draw_wrapped(a.y + a.rows + (y - a.y), a.x + 1, text, a.cols - 2, 2, fh_attr(app, FH_C_DIM));
	}
	if (!l->src->page)
		l->height = a.rows;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + a.rows)
		l->top = l->sel - a.rows + 1;
	for (int i = 0; i < a.rows && l->top + i < (int)l->nrows; i++) {
		int r = l->top + i;
		attr_t at = focus && r == l->sel ? fh_attr(app, FH_C_SELECT) : A_NORMAL;
		if (at != A_NORMAL)
			fh_draw_text(y + i, a.x, "", a.cols, true, at);
		l->src->draw_row(app, l->ctx, ROW(l, r), y + i, a.x, a.cols, at);
	}
}

const char *fh_list_position(const struct fh_list *l, char *buf, size_t size)
{
	long at = l->nrows ? l->offset + l->sel + 1 : 0;
	char total[32];
	if (l->count < 0)
		snprintf(total, sizeof total, "?");
	else
		snprintf(total, sizeof total, "%d%s", l->count, l->count_more ? "+" : "");
	if (l->offset < 0 && l->nrows)
		snprintf(buf, size, "?/%s", total);
	else
		snprintf(buf, size, "%ld/%s", at, total);
	return buf;
}

void fh_list_draw_tab(struct app *app, struct fh_list *l, const char *error, struct rect a)
{
	if (error && error[0]) {
		fh_draw_wrapped(a.y, 1, error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	fh_list_draw(app, l, a, true);
	if (!l->nrows)
		fh_draw_text(a.y, 2, _("Nothing to act on here."), a.cols - 3, false, fh_attr(app, FH_C_DIM));
}

bool fh_list_tab_open(struct app *app, struct view *v, const void *shared, const struct fh_list_source *src)
{
	struct fh_list_tab *t = v->priv;
	t->shared = (void *)shared;
	fh_list_init(&t->list, src, v->priv);
	if (v->ops->reload)
		v->ops->reload(app, v);
	return true;
}

void fh_list_tab_draw(struct app *app, struct view *v, struct rect a)
{
	struct fh_list_tab *t = v->priv;
	fh_list_draw_tab(app, &t->list, t->error, a);
}

const char *fh_list_tab_position(struct view *v, char *buf, size_t size)
{
	return fh_list_position(&((struct fh_list_tab *)v->priv)->list, buf, size);
}

void fh_list_tab_done(struct app *app, struct view *v)
{
	(void)app;
	fh_list_free(&((struct fh_list_tab *)v->priv)->list);
}
