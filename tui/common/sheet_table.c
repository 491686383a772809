/* fuhua tui — a report's sheet as a table (sheet_table.h). */
#include "sheet_table.h"

#include <stdio.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "i18n.h"

char *fh_sheet_period(const fh_report_doc *d, char *out, size_t size)
{
	if (d->month)
		snprintf(out, size, "%04d-%02d", d->year, d->month);
	else
		snprintf(out, size, "%04d", d->year);
	return out;
}

char *fh_sheet_state(const fh_report_doc *d, char *out, size_t size)
{
	char day[16], why[1100];
	if (d->revised_on)
		snprintf(out, size, _("closed, revised on %s"), fh_clock_format_date(d->revised_on, day, sizeof day));
	else if (d->closed_on)
		snprintf(out, size, _("closed on %s"), fh_clock_format_date(d->closed_on, day, sizeof day));
	else if (d->reopened_on)
		snprintf(out, size, _("preliminary: reopened on %s (%s)"),
			 fh_clock_format_date(d->reopened_on, day, sizeof day),
			 fh_text_escape(why, sizeof why, d->reopen_reason));
	else if (d->preliminary)
		snprintf(out, size, "%s",
			 d->month ? _("preliminary: the month is not closed") : _("preliminary: the year is not over"));
	else
		snprintf(out, size, "%s", _("final"));
	return out;
}

const char *fh_sheet_month_state(const fh_report_month *m)
{
	if (m->closed)
		return m->revisions ? _("closed, revised") : _("closed");
	return m->revisions ? _("reopened") : _("not closed");
}

char *fh_sheet_doc_title(const fh_report_doc *d, char *out, size_t size)
{
	char name[512], period[16], state[1300];
	snprintf(out, size, "%s · %s · %s · %s", _(d->title), fh_text_escape(name, sizeof name, d->hub_name),
		 fh_sheet_period(d, period, sizeof period), fh_sheet_state(d, state, sizeof state));
	return out;
}

char *fh_sheet_refs(const fh_report_doc *d, char *out, size_t size)
{
	size_t at = 0;
	*out = '\0';
	for (size_t i = 0; i < d->nrefs && at < size; i++) {
		char name[256], one[400];
		const fh_coverage_ref *r = &d->refs[i];
		fh_text_escape(name, sizeof name, r->name);
		if (r->work >= 0)
			snprintf(one, sizeof one, _("%s organisation %.1f %%, work %.1f %%"), name, r->org, r->work);
		else
			snprintf(one, sizeof one, _("%s organisation %.1f %%"), name, r->org);
		int w = snprintf(out + at, size - at, "%s%s", i ? "; " : _("Published rates: "), one);
		at += w > 0 ? (size_t)w : 0;
	}
	return out;
}

void fh_sheet_figure(const fh_sheet_col *col, double v, char *out, size_t size)
{
	switch (col->cell) {
	case FH_CELL_COUNT: snprintf(out, size, "%.0f", v); break;
	case FH_CELL_FEN: snprintf(out, size, "%.2f", v / 100); break;
	default: snprintf(out, size, "%.1f", v); break;
	}
}

void fh_sheet_table(const fh_sheet *sh, struct fh_sheet_table *out)
{
	memset(out->keys, 0, sizeof out->keys);
	memset(out->titles, 0, sizeof out->titles);
	out->keys[0] = "hub";
	out->keys[1] = "name";
	out->titles[0] = _("Hub");
	out->titles[1] = _("Name");
	for (int c = 0; c < sh->ncols; c++) {
		out->keys[2 + c] = sh->cols[c].key;
		out->titles[2 + c] = _(sh->cols[c].title);
	}
	fh_table_init(&out->t, out->keys, out->titles);
	out->t.numeric = ((1u << sh->ncols) - 1) << 2;
	for (size_t r = 0; r < sh->nrows; r++) {
		const fh_sheet_row *row = &sh->rows[r];
		char v[FH_SHEET_COLS][32];
		const char *cells[FH_SHEET_COLS + 3] = { row->total ? "" : row->hub_code,
							 row->total ? _("Total") : row->hub_name };
		for (int c = 0; c < sh->ncols; c++) {
			fh_sheet_figure(&sh->cols[c], row->v[c], v[c], sizeof v[c]);
			cells[2 + c] = v[c];
		}
		fh_table_row(&out->t, cells);
	}
}
