/* fuhua core — the Party-building report (党建工作月报, to the social-work
 * committee) as sheets (sheet.h): coverage with its counts, the forms of
 * organisation, the instructors and what they carry, the sync checks of
 * the month and their gaps, committees due for re-election, and the
 * organisational life of the year to the month's end with the stars given;
 * each from the party and meeting modules' own figures. */
#include <stdlib.h>
#include <string.h>

#include "fuhua/meeting.h"
#include "i18n.h"
#include "report_int.h"

/* clang-format off */
static const fh_sheet_col instructor_cols[] = {
	{ "instructors", N_("Instructors"), FH_CELL_COUNT, { 0 } },
	{ "carried", N_("Tenants they carry"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col sync_cols[] = {
	{ "due", N_("Due in the month"), FH_CELL_COUNT, { 0 } },
	{ "done", N_("Done in time"), FH_CELL_COUNT, { 0 } },
	{ "done_rate", N_("In time %"), FH_CELL_PERCENT, { 1, 0 } },
	{ "late", N_("Late"), FH_CELL_COUNT, { 0 } },
	{ "gaps", N_("Open gaps"), FH_CELL_COUNT, { 0 } },
	{ "reelection", N_("Re-elections due"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col life_cols[] = {
	{ "branches", N_("Branches"), FH_CELL_COUNT, { 0 } },
	{ "general", N_("General meetings"), FH_CELL_COUNT, { 0 } },
	{ "committee", N_("Committee meetings"), FH_CELL_COUNT, { 0 } },
	{ "group", N_("Group meetings"), FH_CELL_COUNT, { 0 } },
	{ "lecture", N_("Party lectures"), FH_CELL_COUNT, { 0 } },
	{ "attendance", N_("Attendance"), FH_CELL_COUNT, { 0 } },
	{ "behind", N_("Branches behind"), FH_CELL_COUNT, { 0 } },
	{ "starred", N_("Starred"), FH_CELL_COUNT, { 0 } },
	{ "five_stars", N_("Five stars"), FH_CELL_COUNT, { 0 } },
};
/* clang-format on */

static fh_status instructors(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_instructor *in;
	size_t n;
	fh_status st = fh_party_instructors(b->s, b->actor, b->hub, &in, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, in[i].hub_code);
		if (r) {
			r->v[0]++;
			r->v[1] += in[i].tenants;
		}
	}
	if (st == FH_OK)
		free(in);
	return st;
}

static fh_status sync(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_sync_total *t;
	size_t n;
	fh_status st = fh_party_sync_totals(b->s, b->actor, b->hub, b->from, b->to, b->d->as_of, &t, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, t[i].hub_code);
		if (r) {
			r->v[0] = t[i].due;
			r->v[1] = t[i].done;
			r->v[3] = t[i].late;
			r->v[4] = t[i].gaps;
			r->v[5] = t[i].reelected;
		}
	}
	if (st == FH_OK)
		free(t);
	return st;
}

static fh_status life(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_meeting_total *m;
	size_t n;
	fh_status st = fh_meeting_totals(b->s, b->actor, b->hub_code, b->d->year, &m, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, m[i].hub_code);
		if (!r)
			continue;
		r->v[0] = m[i].branches;
		for (int k = 0; k < FH_MEETING_KIND_COUNT; k++)
			r->v[1 + k] = m[i].held[k];
		r->v[5] = m[i].attendance;
		r->v[6] = m[i].behind;
		for (int s = 1; s <= 5; s++)
			r->v[7] += m[i].stars[s];
		r->v[8] = m[i].stars[5];
	}
	if (st == FH_OK)
		free(m);
	return st;
}

fh_status fh_report_party_sheets(struct fh_report_build *b, fh_error *err)
{
	fh_status st = fh_report_coverage_sheets(b, true, err);
	if (st != FH_OK)
		return st;
	fh_sheet *in = fh_report_sheet(b, "instructors", N_("Party-building instructors"), instructor_cols,
				       FH_NCOLS(instructor_cols));
	fh_sheet *sy = fh_report_sheet(b, "sync", N_("Sync checks and re-elections"), sync_cols, FH_NCOLS(sync_cols));
	fh_sheet *lf =
		fh_report_sheet(b, "life", N_("Organisational life, the year to date"), life_cols, FH_NCOLS(life_cols));
	if (!in || !sy || !lf)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	if ((st = instructors(b, in, err)) != FH_OK || (st = sync(b, sy, err)) != FH_OK)
		return st;
	return life(b, lf, err);
}
