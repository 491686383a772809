/* fuhua core — what every report's builder uses (report_int.h): the
 * kinds' names, a sheet with the rows of the scope's hubs, a hub's own
 * coverage and the coverage sheets, and, once the rows are filled, the
 * total and every rate.
 * Nothing here counts a record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/text.h"
#include "i18n.h"
#include "report_int.h"

/* clang-format off */
static const fh_sheet_col coverage_cols[] = {
	{ "incubating", N_("In incubation"), FH_CELL_COUNT, { 0 } },
	{ "with_org", N_("With Party org"), FH_CELL_COUNT, { 0 } },
	{ "org_rate", N_("Org coverage %"), FH_CELL_PERCENT, { 1, 0 } },
	{ "covered", N_("Work covered"), FH_CELL_COUNT, { 0 } },
	{ "work_rate", N_("Work coverage %"), FH_CELL_PERCENT, { 3, 0 } },
	{ "uncovered", N_("Uncovered"), FH_CELL_COUNT, { 0 } },
	{ "members", N_("Full members"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col form_cols[] = {
	{ "branch", N_("Own branch"), FH_CELL_COUNT, { 0 } },
	{ "joint_branch", N_("Joint branch"), FH_CELL_COUNT, { 0 } },
	{ "functional", N_("Functional"), FH_CELL_COUNT, { 0 } },
	{ "extended", N_("Extended"), FH_CELL_COUNT, { 0 } },
	{ "fallback_guided", N_("Fallback, guided"), FH_CELL_COUNT, { 0 } },
	{ "fallback_alone", N_("Fallback, alone"), FH_CELL_COUNT, { 0 } },
};
/* clang-format on */

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
		sh->rows[i].hub_id = b->hubs[i].hub_id;
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

/* The sheets' rows from each hub's own coverage (fm may be NULL). */
static fh_status fill_coverage(struct fh_report_build *b, fh_sheet *cv, fh_sheet *fm, fh_error *err)
{
	fh_coverage *c;
	size_t n;
	fh_status st = fh_report_coverage(b, &c, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(cv, c[i].code), *f = fm ? fh_report_row(fm, c[i].code) : NULL;
		if (!r)
			continue;
		r->v[0] = c[i].counted;
		r->v[1] = c[i].org;
		r->v[3] = c[i].work;
		r->v[5] = c[i].uncovered;
		r->v[6] = c[i].members;
		if (!f)
			continue;
		for (int k = FH_PARTY_BRANCH; k < FH_PARTY_ORG_COUNT; k++)
			f->v[k - FH_PARTY_BRANCH] = c[i].by_form[k];
		f->v[4] = c[i].fallback_guided;
		f->v[5] = c[i].fallback_alone;
	}
	if (st == FH_OK)
		free(c);
	return st;
}

fh_status fh_report_coverage_sheets(struct fh_report_build *b, bool forms, fh_error *err)
{
	fh_sheet *cv = fh_report_sheet(b, "coverage", N_("Party coverage"), coverage_cols, FH_NCOLS(coverage_cols)),
		 *fm = cv && forms
		? fh_report_sheet(b, "forms", N_("Forms of organisation"), form_cols, FH_NCOLS(form_cols))
		: NULL;
	if (!cv || (forms && !fm))
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	return fill_coverage(b, cv, fm, err);
}
