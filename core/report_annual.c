/* fuhua core — the annual report (年度报告) as sheets (sheet.h): the
 * year's tenants and their moves, Party coverage at its end, mentoring,
 * training, activities and projects of the year, the inspections of the
 * year (参检率, 合格率), the ratings that hold at its end (3A and above,
 * 参评率), graduations and follow-ups, 以社孵社; each from a module's own
 * figures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/activity.h"
#include "fuhua/course.h"
#include "fuhua/followup.h"
#include "fuhua/inspection.h"
#include "fuhua/mentor.h"
#include "fuhua/project.h"
#include "fuhua/rating.h"
#include "fuhua/tenant.h"
#include "i18n.h"
#include "report_int.h"

/* clang-format off */
static const fh_sheet_col tenant_cols[] = {
	{ "incubating", N_("In incubation"), FH_CELL_COUNT, { 0 } },
	{ "admitted", N_("Admitted"), FH_CELL_COUNT, { 0 } },
	{ "graduated", N_("Graduated"), FH_CELL_COUNT, { 0 } },
	{ "exited", N_("Exited"), FH_CELL_COUNT, { 0 } },
	{ "graduated_ever", N_("Graduated since opening"), FH_CELL_COUNT, { 0 } },
	{ "with_org", N_("With Party org"), FH_CELL_COUNT, { 0 } },
	{ "org_rate", N_("Org coverage %"), FH_CELL_PERCENT, { 5, 0 } },
	{ "covered", N_("Work covered"), FH_CELL_COUNT, { 0 } },
	{ "work_rate", N_("Work coverage %"), FH_CELL_PERCENT, { 7, 0 } },
};
static const fh_sheet_col service_cols[] = {
	{ "sessions", N_("Mentoring sessions"), FH_CELL_COUNT, { 0 } },
	{ "session_hours", N_("Mentoring hours"), FH_CELL_DECIMAL, { 0 } },
	{ "courses", N_("Training sessions"), FH_CELL_COUNT, { 0 } },
	{ "attendances", N_("Attendances"), FH_CELL_COUNT, { 0 } },
	{ "activities", N_("Activities"), FH_CELL_COUNT, { 0 } },
	{ "served", N_("People served"), FH_CELL_COUNT, { 0 } },
	{ "volunteers", N_("Volunteers"), FH_CELL_COUNT, { 0 } },
	{ "volunteer_hours", N_("Volunteer hours"), FH_CELL_DECIMAL, { 0 } },
};
static const fh_sheet_col project_cols[] = {
	{ "projects", N_("Projects of the year"), FH_CELL_COUNT, { 0 } },
	{ "closed", N_("Closed"), FH_CELL_COUNT, { 0 } },
	{ "granted", N_("Granted"), FH_CELL_FEN, { 0 } },
	{ "paid_year", N_("Paid in the year"), FH_CELL_FEN, { 0 } },
};
static const fh_sheet_col record_cols[] = {
	{ "due", N_("Due to inspect"), FH_CELL_COUNT, { 0 } },
	{ "filed", N_("Inspected"), FH_CELL_COUNT, { 0 } },
	{ "inspection_rate", N_("Inspection rate %"), FH_CELL_PERCENT, { 1, 0 } },
	{ "passed", N_("Passed"), FH_CELL_COUNT, { 0 } },
	{ "pass_rate", N_("Pass rate %"), FH_CELL_PERCENT, { 3, 1 } },
	{ "eligible", N_("Eligible for rating"), FH_CELL_COUNT, { 0 } },
	{ "rated", N_("Rated"), FH_CELL_COUNT, { 0 } },
	{ "rating_rate", N_("Rating participation %"), FH_CELL_PERCENT, { 6, 5 } },
	{ "a3plus", N_("3A and above"), FH_CELL_COUNT, { 0 } },
};
static const fh_sheet_col followup_cols[] = {
	{ "graduated", N_("Graduated"), FH_CELL_COUNT, { 0 } },
	{ "due", N_("Follow-ups due"), FH_CELL_COUNT, { 0 } },
	{ "done", N_("Recorded"), FH_CELL_COUNT, { 0 } },
	{ "done_rate", N_("Recorded %"), FH_CELL_PERCENT, { 2, 1 } },
	{ "overdue", N_("Overdue"), FH_CELL_COUNT, { 0 } },
	{ "incubating", N_("Graduates incubating others"), FH_CELL_COUNT, { 0 } },
	{ "incubated", N_("Organisations they incubate"), FH_CELL_COUNT, { 0 } },
};
/* clang-format on */

static fh_status tenants(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_tenant_flow *f;
	fh_coverage *c;
	size_t n;
	fh_status st = fh_tenant_flow_list(b->s, b->actor, b->hub_code, b->from, b->to, &f, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, f[i].hub_code);
		if (r) {
			r->v[1] = f[i].admitted;
			r->v[2] = f[i].graduated;
			r->v[3] = f[i].exited;
			r->v[4] = f[i].graduated_ever;
		}
	}
	if (st != FH_OK)
		return st;
	free(f);
	st = fh_report_coverage(b, &c, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, c[i].code);
		if (r) {
			r->v[0] = c[i].counted;
			r->v[5] = c[i].org;
			r->v[7] = c[i].work;
		}
	}
	if (st == FH_OK)
		free(c);
	return st;
}

static fh_status services(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	int y = b->d->year;
	fh_session_month *m;
	fh_course_total *c;
	fh_activity_total *a;
	size_t n;
	fh_status st = fh_session_totals(b->s, b->actor, b->hub_code, y, &m, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, m[i].hub_code);
		if (r) {
			r->v[0] += m[i].sessions;
			r->v[1] += m[i].hours;
		}
	}
	if (st != FH_OK)
		return st;
	free(m);
	st = fh_course_totals(b->s, b->actor, b->hub_code, y, 0, false, &c, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, c[i].key);
		if (r) {
			r->v[2] = c[i].sessions;
			r->v[3] = c[i].attendances;
		}
	}
	if (st != FH_OK)
		return st;
	free(c);
	st = fh_activity_totals(b->s, b->actor, b->hub_code, y, 0, FH_ACTIVITY_BY_HUB, &a, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, a[i].key);
		if (r) {
			r->v[4] = (double)a[i].activities;
			r->v[5] = (double)a[i].served;
			r->v[6] = (double)a[i].volunteers;
			r->v[7] = a[i].volunteer_hours;
		}
	}
	if (st == FH_OK)
		free(a);
	return st;
}

static fh_status projects(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_project_total *t;
	size_t n;
	fh_status st = fh_project_totals(b->s, b->actor, b->hub_code, b->d->year, &t, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, t[i].hub_code);
		if (r) {
			r->v[0] += t[i].projects;
			r->v[1] += t[i].by_state[FH_PROJECT_CLOSED] + t[i].by_state[FH_PROJECT_EVALUATED];
			r->v[2] += (double)t[i].granted;
			r->v[3] += (double)t[i].paid_in_year;
		}
	}
	if (st == FH_OK)
		free(t);
	return st;
}

/* Inspections of the year and the ratings holding on its last day. */
static fh_status records(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_inspection_total *in;
	fh_rating_total *rt;
	size_t n;
	fh_status st = fh_inspection_totals(b->s, b->actor, b->hub_code, b->d->year, &in, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, in[i].hub_code);
		if (r) {
			r->v[0] = in[i].due;
			r->v[1] = in[i].filed;
			r->v[3] = in[i].by_result[FH_INSPECTION_PASSED];
		}
	}
	if (st != FH_OK)
		return st;
	free(in);
	st = fh_rating_totals(b->s, b->actor, b->hub_code, b->d->as_of, &rt, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, rt[i].hub_code);
		if (r) {
			r->v[5] = rt[i].eligible;
			r->v[6] = rt[i].rated;
			r->v[8] = rt[i].a3plus;
		}
	}
	if (st == FH_OK)
		free(rt);
	return st;
}

static fh_status followups(struct fh_report_build *b, fh_sheet *sh, fh_error *err)
{
	fh_followup_total *f;
	size_t n;
	fh_status st = fh_followup_totals(b->s, b->actor, b->hub_code, b->d->year, &f, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sheet_row *r = fh_report_row(sh, f[i].hub_code);
		if (r) {
			r->v[0] = f[i].graduated;
			r->v[1] = f[i].due;
			r->v[2] = f[i].done;
			r->v[4] = f[i].overdue;
			r->v[5] = f[i].incubating;
			r->v[6] = f[i].incubated;
		}
	}
	if (st == FH_OK)
		free(f);
	return st;
}

fh_status fh_report_annual_sheets(struct fh_report_build *b, fh_error *err)
{
	fh_sheet *tn =
		fh_report_sheet(b, "tenants", N_("Tenants and Party coverage"), tenant_cols, FH_NCOLS(tenant_cols));
	fh_sheet *sv = fh_report_sheet(b, "services", N_("Mentoring, training and activities"), service_cols,
				       FH_NCOLS(service_cols));
	fh_sheet *pr = fh_report_sheet(b, "projects", N_("Projects and funds"), project_cols, FH_NCOLS(project_cols));
	fh_sheet *rc =
		fh_report_sheet(b, "records", N_("Annual inspections and ratings"), record_cols, FH_NCOLS(record_cols));
	fh_sheet *fu =
		fh_report_sheet(b, "followup", N_("Graduates and follow-up"), followup_cols, FH_NCOLS(followup_cols));
	if (!tn || !sv || !pr || !rc || !fu)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_status st;
	if ((st = tenants(b, tn, err)) != FH_OK || (st = services(b, sv, err)) != FH_OK ||
	    (st = projects(b, pr, err)) != FH_OK || (st = records(b, rc, err)) != FH_OK)
		return st;
	return followups(b, fu, err);
}
