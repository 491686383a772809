/* fuhua core — the monthly report (月报, to the civil-affairs bureau) as
 * sheets (sheet.h), each built from a module's own figures: nothing here
 * counts a record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/activity.h"
#include "fuhua/booking.h"
#include "fuhua/course.h"
#include "fuhua/mentor.h"
#include "fuhua/project.h"
#include "fuhua/tenant.h"
#include "i18n.h"
#include "report_int.h"

/* clang-format off */
static const fh_sheet_col tenant_cols[] = {
	{ "incubating", N_("In incubation"), FH_CELL_COUNT, { 0 } },
	{ "social_group", N_("Social groups"), FH_CELL_COUNT, { 0 } },
	{ "service_org", N_("Service orgs"), FH_CELL_COUNT, { 0 } },
	{ "foundation", N_("Foundations"), FH_CELL_COUNT, { 0 } },
	{ "community_org", N_("Community orgs"), FH_CELL_COUNT, { 0 } },
	{ "registered", N_("Registered"), FH_CELL_COUNT, { 0 } },
	{ "filed", N_("Filed, not registered"), FH_CELL_COUNT, { 0 } },
	{ "preparing", N_("Preparing"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col move_cols[] = {
	{ "admitted", N_("Admitted"), FH_CELL_COUNT, { 0 } },
	{ "graduated", N_("Graduated"), FH_CELL_COUNT, { 0 } },
	{ "exited", N_("Exited"), FH_CELL_COUNT, { 0 } },
	{ "graduated_ever", N_("Graduated since opening"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col space_cols[] = {
	{ "area", N_("Area m²"), FH_CELL_DECIMAL, { 0 } },
	{ "area_used", N_("In use m²"), FH_CELL_DECIMAL, { 0 } },
	{ "area_rate", N_("Area in use %"), FH_CELL_PERCENT, { 1, 0 } },
	{ "seats", N_("Seats"), FH_CELL_COUNT, { 0 } },
	{ "seats_used", N_("Seats in use"), FH_CELL_COUNT, { 0 } },
	{ "seat_rate", N_("Seats in use %"), FH_CELL_PERCENT, { 4, 3 } },
	{ "room_bookings", N_("Room bookings"), FH_CELL_COUNT, { 0 } },
	{ "room_hours", N_("Rooms booked h"), FH_CELL_DECIMAL, { 0 } },
	{ "room_open_hours", N_("Rooms open h"), FH_CELL_DECIMAL, { 0 } },
	{ "room_rate", N_("Rooms in use %"), FH_CELL_PERCENT, { 7, 8 } },
};
static const fh_sheet_col mentoring_cols[] = {
	{ "sessions", N_("Sessions"), FH_CELL_COUNT, { 0 } },
	{ "tenants", N_("Tenants met"), FH_CELL_COUNT, { 0 } },
	{ "hours", N_("Hours"), FH_CELL_DECIMAL, { 0 } },
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
	{ "projects", N_("Projects of the year"), FH_CELL_COUNT, { 0 } },
	{ "new", N_("New (applied, approved)"), FH_CELL_COUNT, { 0 } },
	{ "running", N_("Running"), FH_CELL_COUNT, { 0 } },
	{ "closed", N_("Closed"), FH_CELL_COUNT, { 0 } },
	{ "granted", N_("Granted"), FH_CELL_FEN, { 0 } },
	{ "paid_month", N_("Paid in the month"), FH_CELL_FEN, { 0 } },
	{ "paid_year", N_("Paid in the year to date"), FH_CELL_FEN, { 0 } },
};
static const fh_sheet_col kind_cols[] = { /* by fh_project_kind */
	{ "venture_grant", N_("Venture grants"), FH_CELL_COUNT, { 0 } },
	{ "service_contract", N_("Service contracts"), FH_CELL_COUNT, { 0 } },
	{ "subsidy", N_("Subsidies"), FH_CELL_COUNT, { 0 } },
	{ "other", N_("Other"), FH_CELL_COUNT, { 0 } },
	{ "venture_grant_granted", N_("Venture grants, granted"), FH_CELL_FEN, { 0 } },
	{ "service_contract_granted", N_("Service contracts, granted"), FH_CELL_FEN, { 0 } },
	{ "subsidy_granted", N_("Subsidies, granted"), FH_CELL_FEN, { 0 } },
	{ "other_granted", N_("Other, granted"), FH_CELL_FEN, { 0 } },
};
/* clang-format on */

/* Tenants in incubation by type and registration, and the month's moves. */
static fh_status flows(struct fh_report_build *b, fh_sheet *tn, fh_sheet *mv, fh_error *err)
{
	fh_tenant_flow *f;
	size_t n;
	fh_status st = fh_tenant_flow_list(b->s, b->actor, b->hub_code, b->from, b->to, &f, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(tn, f[i].hub_code), *m = fh_report_row(mv, f[i].hub_code);
		if (!r || !m)
			continue;
		r->v[0] = f[i].incubating;
		for (int t = 0; t < FH_ORG_TYPE_COUNT; t++)
			r->v[1 + t] = f[i].by_type[t];
		r->v[5] = f[i].by_reg[FH_REG_REGISTERED];
		r->v[6] = f[i].by_reg[FH_REG_FILED];
		r->v[7] = f[i].by_reg[FH_REG_PREPARING];
		m->v[0] = f[i].admitted;
		m->v[1] = f[i].graduated;
		m->v[2] = f[i].exited;
		m->v[3] = f[i].graduated_ever;
	}
	if (st == FH_OK)
		free(f);
	return st;
}

/* The rooms' bookings of the month beside their opening hours. */
static fh_status rooms(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_room_hours *h;
	size_t n;
	fh_status st = fh_booking_hours(b->s, b->actor, b->hub_code, b->from, b->to, &h, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, h[i].hub_code);
		if (r) {
			r->v[6] = h[i].bookings;
			r->v[7] = h[i].booked_h;
			r->v[8] = h[i].open_h;
		}
	}
	if (st == FH_OK)
		free(h);
	return st;
}

static fh_status mentoring(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_session_month *m;
	size_t n;
	char month[8];
	snprintf(month, sizeof month, "%04d-%02d", b->d->year, b->d->month);
	fh_status st = fh_session_totals(b->s, b->actor, b->hub_code, b->d->year, &m, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = strcmp(m[i].month, month) == 0 ? fh_report_row(sh, m[i].hub_code) : NULL;
		if (r) {
			r->v[0] = m[i].sessions;
			r->v[1] = m[i].tenants;
			r->v[2] = m[i].hours;
		}
	}
	if (st == FH_OK)
		free(m);
	return st;
}

static fh_status activities(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_activity_total *a;
	size_t n;
	fh_status st = fh_activity_totals(b->s, b->actor, b->hub_code, b->d->year, b->d->month, FH_ACTIVITY_BY_HUB, &a,
					  &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, a[i].key);
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

static fh_status training(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_course_total *c;
	size_t n;
	fh_status st = fh_course_totals(b->s, b->actor, b->hub_code, b->d->year, b->d->month, false, &c, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, c[i].key);
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

/* The year's projects by state with what was granted them, and by kind,
 * and what all projects were paid in the month and the year to its end. */
static fh_status funds(struct fh_report_build *b, fh_sheet *sh, fh_sheet *kinds, fh_error *err)
{
	fh_project_total *t;
	fh_project_paid *p;
	size_t n;
	fh_status st = fh_project_totals(b->s, b->actor, b->hub_code, b->d->year, &t, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, t[i].hub_code), *k = fh_report_row(kinds, t[i].hub_code);
		if (!r || !k)
			continue;
		r->v[0] += t[i].projects;
		r->v[1] += t[i].by_state[FH_PROJECT_APPLIED] + t[i].by_state[FH_PROJECT_APPROVED];
		r->v[2] += t[i].by_state[FH_PROJECT_RUNNING];
		r->v[3] += t[i].by_state[FH_PROJECT_CLOSED] + t[i].by_state[FH_PROJECT_EVALUATED];
		r->v[4] += (double)t[i].granted;
		k->v[t[i].kind] += t[i].projects;
		k->v[FH_PROJECT_KIND_COUNT + t[i].kind] += (double)t[i].granted;
	}
	if (st != FH_OK)
		return st;
	free(t);
	st = fh_project_paid_in(b->s, b->actor, b->hub_code, b->d->year, b->d->month, &p, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, p[i].hub_code);
		if (r) {
			r->v[5] = (double)p[i].month;
			r->v[6] = (double)p[i].year;
		}
	}
	if (st == FH_OK)
		free(p);
	return st;
}

fh_status fh_report_monthly_sheets(struct fh_report_build *b, fh_error *err)
{
	fh_sheet *tn = fh_report_sheet(b, "tenants", N_("Tenants in incubation"), tenant_cols, FH_NCOLS(tenant_cols));
	fh_sheet *mv = fh_report_sheet(b, "moves", N_("Admitted, graduated and exited in the month"), move_cols,
				       FH_NCOLS(move_cols));
	fh_status st = tn && mv ? fh_report_coverage_sheets(b, false, err)
				: fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	if (st != FH_OK)
		return st;
	fh_sheet *sp = fh_report_sheet(b, "spaces", N_("Spaces"), space_cols, FH_NCOLS(space_cols));
	fh_sheet *mt = fh_report_sheet(b, "mentoring", N_("Mentoring"), mentoring_cols, FH_NCOLS(mentoring_cols));
	fh_sheet *tr = fh_report_sheet(b, "training", N_("Training"), training_cols, FH_NCOLS(training_cols));
	fh_sheet *ac = fh_report_sheet(b, "activities", N_("Activities and people served"), activity_cols,
				       FH_NCOLS(activity_cols));
	fh_sheet *fu = fh_report_sheet(b, "projects", N_("Projects and funds"), fund_cols, FH_NCOLS(fund_cols));
	fh_sheet *pk =
		fh_report_sheet(b, "project_kinds", N_("Projects of the year by kind"), kind_cols, FH_NCOLS(kind_cols));
	if (!sp || !mt || !tr || !ac || !fu || !pk)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	for (size_t i = 0; i < b->nhubs; i++) {
		fh_sheet_row *r = &sp->rows[i];
		r->v[0] = b->hubs[i].area;
		r->v[1] = b->hubs[i].area_used;
		r->v[3] = b->hubs[i].seats;
		r->v[4] = b->hubs[i].seats_used;
	}
	if ((st = flows(b, tn, mv, err)) != FH_OK || (st = rooms(b, sp, err)) != FH_OK ||
	    (st = mentoring(b, mt, err)) != FH_OK || (st = training(b, tr, err)) != FH_OK ||
	    (st = activities(b, ac, err)) != FH_OK)
		return st;
	return funds(b, fu, pk, err);
}
