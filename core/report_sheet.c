/* fuhua core — what every report's builder uses (report_int.h): the
 * kinds' names, a sheet with the rows of the scope's hubs, a hub's own
 * coverage, and, once the rows are filled, the total and every rate.
 * Nothing here counts a record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "report_int.h"
#include "store_int.h"

static const char *const kind_names[FH_REPORT_KIND_COUNT] = { "monthly", "party", "annual" };

const char *fh_report_kind_name(fh_report_kind k)
{
	return (unsigned)k < FH_REPORT_KIND_COUNT ? kind_names[k] : NULL;
}

bool fh_report_kind_parse(const char *name, fh_report_kind *out)
{
	for (int k = 0; name && k < FH_REPORT_KIND_COUNT; k++)
		if (strcmp(name, kind_names[k]) == 0) {
			*out = (fh_report_kind)k;
			return true;
		}
	return false;
}

fh_sheet *fh_report_sheet(struct fh_report_build *b, const char *key, const char *title, const fh_sheet_col *cols,
			  int ncols)
{
	fh_report_doc *d = b->d;
	if (d->nsheets == FH_REPORT_SHEETS || ncols > FH_SHEET_COLS)
		return NULL;
	fh_sheet *sh = &d->sheets[d->nsheets];
	memset(sh, 0, sizeof *sh);
	sh->rows = calloc(b->nhubs + 1, sizeof *sh->rows);
	if (!sh->rows)
		return NULL;
	d->nsheets++;
	sh->key = key;
	sh->title = title;
	sh->cols = cols;
	sh->ncols = ncols;
	sh->nrows = b->nhubs + 1;
	for (size_t i = 0; i < b->nhubs; i++) {
		fh_text_copy(sh->rows[i].hub_code, sizeof sh->rows[i].hub_code, b->hubs[i].code);
		fh_text_copy(sh->rows[i].hub_name, sizeof sh->rows[i].hub_name, b->hubs[i].name);
		sh->rows[i].depth = b->hubs[i].depth;
	}
	fh_sheet_row *t = &sh->rows[b->nhubs];
	t->total = true;
	fh_text_copy(t->hub_code, sizeof t->hub_code, d->hub_code); /* its name the front end's "Total" */
	return sh;
}

fh_sheet_row *fh_report_row(fh_sheet *sh, const char *code)
{
	for (size_t i = 0; i + 1 < sh->nrows; i++)
		if (strcmp(sh->rows[i].hub_code, code) == 0)
			return &sh->rows[i];
	return NULL;
}

void fh_report_sheet_close(fh_sheet *sh)
{
	fh_sheet_row *t = &sh->rows[sh->nrows - 1];
	memset(t->v, 0, sizeof t->v);
	for (size_t i = 0; i + 1 < sh->nrows; i++)
		for (int c = 0; c < sh->ncols; c++)
			t->v[c] += sh->rows[i].v[c];
	for (size_t i = 0; i < sh->nrows; i++)
		for (int c = 0; c < sh->ncols; c++)
			if (sh->cols[c].cell == FH_CELL_PERCENT) {
				double part = sh->rows[i].v[sh->cols[c].of[0]],
				       whole = sh->rows[i].v[sh->cols[c].of[1]];
				sh->rows[i].v[c] = whole > 0 ? 100.0 * part / whole : 0;
			}
}

fh_status fh_report_coverage(struct fh_report_build *b, fh_coverage **rows, size_t *n, fh_error *err)
{
	fh_coverage *c;
	fh_status st = fh_party_coverage(b->s, b->actor, b->hub, false, &c, n, err);
	if (st != FH_OK) {
		*rows = NULL;
		return st;
	}
	/* from the first: a hub's children are still their subtrees' when it is reached */
	for (size_t i = 0; i < *n; i++)
		for (size_t j = i + 1; j < *n && c[j].depth > c[i].depth; j++) {
			if (c[j].depth != c[i].depth + 1)
				continue;
			c[i].counted -= c[j].counted;
			c[i].org -= c[j].org;
			c[i].work -= c[j].work;
			for (int f = 0; f < FH_PARTY_ORG_COUNT; f++)
				c[i].by_form[f] -= c[j].by_form[f];
			c[i].fallback_guided -= c[j].fallback_guided;
			c[i].fallback_alone -= c[j].fallback_alone;
			c[i].uncovered -= c[j].uncovered;
			c[i].members -= c[j].members;
		}
	*rows = c;
	return FH_OK;
}
