/* fuhua core — the monthly report (月报) as sheets (sheet.h), each built
 * from a module's own figures: nothing here counts a row. */
#include "fuhua/sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/activity.h"
#include "fuhua/clock.h"
#include "fuhua/course.h"
#include "fuhua/party.h"
#include "fuhua/project.h"
#include "fuhua/space.h"
#include "i18n.h"
#include "store_int.h"

/* clang-format off */
static const fh_sheet_col tenant_cols[] = {
	{ "incubating", N_("In incubation"), FH_CELL_COUNT, { 0 } },
	{ "with_org", N_("With Party org"), FH_CELL_COUNT, { 0 } },
	{ "org_rate", N_("Org coverage %"), FH_CELL_PERCENT, { 1, 0 } },
	{ "covered", N_("Work covered"), FH_CELL_COUNT, { 0 } },
	{ "work_rate", N_("Work coverage %"), FH_CELL_PERCENT, { 3, 0 } },
	{ "members", N_("Members"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col space_cols[] = {
	{ "area", N_("Area m²"), FH_CELL_DECIMAL, { 0 } },
	{ "area_used", N_("In use m²"), FH_CELL_DECIMAL, { 0 } },
	{ "area_rate", N_("Area in use %"), FH_CELL_PERCENT, { 1, 0 } },
	{ "seats", N_("Seats"), FH_CELL_COUNT, { 0 } },
	{ "seats_used", N_("Seats in use"), FH_CELL_COUNT, { 0 } },
	{ "seat_rate", N_("Seats in use %"), FH_CELL_PERCENT, { 4, 3 } },
};
static const fh_sheet_col activity_cols[] = {
	{ "activities", N_("Activities"), FH_CELL_COUNT, { 0 } },
	{ "served", N_("People served"), FH_CELL_COUNT, { 0 } },
	{ "volunteers", N_("Volunteers"), FH_CELL_COUNT, { 0 } },
	{ "volunteer_hours", N_("Volunteer hours"), FH_CELL_DECIMAL, { 0 } },
};
static const fh_sheet_col training_cols[] = {
	{ "sessions", N_("Sessions"), FH_CELL_COUNT, { 0 } },
	{ "hours", N_("Hours"), FH_CELL_DECIMAL, { 0 } },
	{ "attendances", N_("Attendances"), FH_CELL_COUNT, { 0 } },
	{ "tenants", N_("Tenants reached"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col fund_cols[] = {
	{ "paid_month", N_("Paid in the month"), FH_CELL_FEN, { 0 } },
	{ "paid_year", N_("Paid in the year to date"), FH_CELL_FEN, { 0 } },
};
/* clang-format on */

#define NCOLS(c) ((int)(sizeof c / sizeof c[0]))

/* The sheet's row of hub `code`, or NULL when it is not of the scope. */
static fh_sheet_row *row_of(fh_sheet *sh, const char *code)
{
	for (size_t i = 0; i + 1 < sh->nrows; i++)
		if (strcmp(sh->rows[i].hub_code, code) == 0)
			return &sh->rows[i];
	return NULL;
}

/* A sheet with a row per hub of `hubs` (their codes, names and depths)
 * and the total: false when out of memory. */
static bool sheet_open(fh_report_doc *d, const char *key, const char *title, const fh_sheet_col *cols, int ncols,
		       const fh_occupancy *hubs, size_t nhubs)
{
	fh_sheet *sh = &d->sheets[d->nsheets];
	memset(sh, 0, sizeof *sh);
	sh->rows = calloc(nhubs + 1, sizeof *sh->rows);
	if (!sh->rows)
		return false;
	d->nsheets++;
	sh->key = key;
	sh->title = title;
	sh->cols = cols;
	sh->ncols = ncols;
	sh->nrows = nhubs + 1;
	for (size_t i = 0; i < nhubs; i++) {
		snprintf(sh->rows[i].hub_code, sizeof sh->rows[i].hub_code, "%s", hubs[i].code);
		snprintf(sh->rows[i].hub_name, sizeof sh->rows[i].hub_name, "%s", hubs[i].name);
		sh->rows[i].depth = hubs[i].depth;
	}
	fh_sheet_row *t = &sh->rows[nhubs];
	t->total = true;
	snprintf(t->hub_code, sizeof t->hub_code, "%s", d->hub_code); /* its name the front end's "Total" */
	return true;
}

/* The total row as the sum of the hubs', then each row's percentages. */
static void sheet_close(fh_sheet *sh)
{
	fh_sheet_row *t = &sh->rows[sh->nrows - 1];
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

/* Tenants in incubation and the Party coverage: each hub's own, its
 * subtree's figures less those of the hubs right below it. */
static fh_status tenants(fh_store *s, const fh_actor *actor, int64_t hub, fh_sheet *sh, fh_error *err)
{
	fh_coverage *c;
	size_t n;
	fh_status st = fh_party_coverage(s, actor, hub, false, &c, &n, err);
	if (st != FH_OK)
		return st;
	for (size_t i = 0; i < n; i++) {
		fh_sheet_row *r = row_of(sh, c[i].code);
		if (!r)
			continue;
		double v[4] = { c[i].counted, c[i].org, c[i].work, c[i].members };
		for (size_t j = i + 1; j < n && c[j].depth > c[i].depth; j++)
			if (c[j].depth == c[i].depth + 1) {
				v[0] -= c[j].counted;
				v[1] -= c[j].org;
				v[2] -= c[j].work;
				v[3] -= c[j].members;
			}
		r->v[0] = v[0];
		r->v[1] = v[1];
		r->v[3] = v[2];
		r->v[5] = v[3];
	}
	free(c);
	return FH_OK;
}

static fh_status activities(fh_store *s, const fh_actor *actor, const char *hub, int y, int m, fh_sheet *sh,
			    fh_error *err)
{
	fh_activity_total *a;
	size_t n;
	fh_status st = fh_activity_totals(s, actor, hub, y, m, FH_ACTIVITY_BY_HUB, &a, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = row_of(sh, a[i].key);
		if (r) {
			r->v[0] = (double)a[i].activities;
			r->v[1] = (double)a[i].served;
			r->v[2] = (double)a[i].volunteers;
			r->v[3] = a[i].volunteer_hours;
		}
	}
	if (st == FH_OK)
		free(a);
	return st;
}

static fh_status training(fh_store *s, const fh_actor *actor, const char *hub, int y, int m, fh_sheet *sh,
			  fh_error *err)
{
	fh_course_total *c;
	size_t n;
	fh_status st = fh_course_totals(s, actor, hub, y, m, false, &c, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = row_of(sh, c[i].key);
		if (r) {
			r->v[0] = c[i].sessions;
			r->v[1] = c[i].hours;
			r->v[2] = c[i].attendances;
			r->v[3] = c[i].tenants;
		}
	}
	if (st == FH_OK)
		free(c);
	return st;
}

static fh_status funds(fh_store *s, const fh_actor *actor, const char *hub, int y, int m, fh_sheet *sh, fh_error *err)
{
	fh_project_paid *p;
	size_t n;
	fh_status st = fh_project_paid_in(s, actor, hub, y, m, &p, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = row_of(sh, p[i].hub_code);
		if (r) {
			r->v[0] = (double)p[i].month;
			r->v[1] = (double)p[i].year;
		}
	}
	if (st == FH_OK)
		free(p);
	return st;
}

static fh_status monthly(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t hub, fh_report_doc *d,
			 fh_error *err)
{
	/* the hubs of the scope in tree order, with their own spaces */
	fh_occupancy *o;
	size_t n;
	fh_status st = fh_occupancy_report(s, actor, hub_code, d->as_of, false, &o, &n, err);
	if (st != FH_OK)
		return st;
	if (n) {
		snprintf(d->hub_code, sizeof d->hub_code, "%s", o[0].code);
		snprintf(d->hub_name, sizeof d->hub_name, "%s", o[0].name);
	}
	bool ok = sheet_open(d, "tenants", N_("Tenants in incubation and Party coverage"), tenant_cols,
			     NCOLS(tenant_cols), o, n) &&
		sheet_open(d, "spaces", N_("Spaces"), space_cols, NCOLS(space_cols), o, n) &&
		sheet_open(d, "activities", N_("Activities and people served"), activity_cols, NCOLS(activity_cols), o,
			   n) &&
		sheet_open(d, "training", N_("Training"), training_cols, NCOLS(training_cols), o, n) &&
		sheet_open(d, "funds", N_("Projects: payments"), fund_cols, NCOLS(fund_cols), o, n);
	for (size_t i = 0; ok && i < n; i++) {
		fh_sheet_row *r = &d->sheets[1].rows[i];
		r->v[0] = o[i].area;
		r->v[1] = o[i].area_used;
		r->v[3] = o[i].seats;
		r->v[4] = o[i].seats_used;
	}
	free(o);
	if (!ok)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	if ((st = tenants(s, actor, hub, &d->sheets[0], err)) != FH_OK ||
	    (st = activities(s, actor, hub_code, d->year, d->month, &d->sheets[2], err)) != FH_OK ||
	    (st = training(s, actor, hub_code, d->year, d->month, &d->sheets[3], err)) != FH_OK ||
	    (st = funds(s, actor, hub_code, d->year, d->month, &d->sheets[4], err)) != FH_OK)
		return st;
	for (int i = 0; i < d->nsheets; i++)
		sheet_close(&d->sheets[i]);
	return FH_OK;
}

fh_status fh_report_monthly(fh_store *s, const fh_actor *actor, const char *hub_code, int year, int month,
			    fh_report_doc *out, fh_error *err)
{
	memset(out, 0, sizeof *out);
	out->key = "monthly";
	out->title = N_("Monthly report");
	out->year = year;
	out->month = month;
	char first[16];
	snprintf(first, sizeof first, "%04d-%02d-01", year, month);
	int64_t from = fh_date_epoch(first), today = fh_clock_day(fh_clock_now());
	if (year < 2000 || year > 2100 || month < 1 || month > 12 || !from || from > today)
		return fh_error_set(err, FH_EINVAL, "month", "%s", _("a month begun, as YYYY-MM"));
	int64_t end = fh_clock_add_months(from, 1) - 86400; /* its last day */
	out->preliminary = end >= today;
	out->as_of = out->preliminary ? today : end;
	int64_t hub;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st == FH_OK)
		st = monthly(s, actor, hub_code, hub, out, err);
	if (st != FH_OK)
		fh_report_doc_free(out);
	return st;
}

void fh_report_doc_free(fh_report_doc *d)
{
	for (int i = 0; i < d->nsheets; i++)
		free(d->sheets[i].rows);
	d->nsheets = 0;
}
