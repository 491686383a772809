/* fuhua tui — a tenant's page, its outcome tabs: its projects with what was
 * paid; its activities this year by month and the latest; its inspections
 * and its ratings' history; its follow-ups after graduating and whom it
 * incubates (以社孵社). Read from each module when the page loads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/followup.h"
#include "fuhua/inspection.h"
#include "fuhua/rating.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "tenant_outcomes.h"

void fh_tenant_outcomes_free(struct fh_tenant_outcomes *o)
{
	free(o->projects);
	free(o->activities);
	free(o->inspections);
	free(o->ratings);
	free(o->followups);
	free(o->links);
	memset(o, 0, sizeof *o);
}

fh_status fh_tenant_outcomes_load(struct app *app, int64_t tenant, struct fh_tenant_outcomes *o, fh_error *err)
{
	fh_tenant_outcomes_free(o);
	char d[16];
	o->year = atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d));
	fh_project_filter pf = { .tenant = tenant, .kind = -1, .state = -1 };
	fh_activity_filter af = { .tenant = tenant, .limit = 50 };
	fh_status st;
	if ((st = fh_project_list(app->store, &app->actor, &pf, &o->projects, &o->nprojects, err)) != FH_OK ||
	    (st = fh_activity_list(app->store, &app->actor, &af, &o->activities, &o->nactivities, err)) != FH_OK ||
	    (st = fh_inspection_list(app->store, &app->actor, NULL, tenant, 0, &o->inspections, &o->ninspections,
				     err)) != FH_OK ||
	    (st = fh_rating_history(app->store, &app->actor, tenant, &o->ratings, &o->nratings, err)) != FH_OK ||
	    (st = fh_followup_list(app->store, &app->actor, NULL, tenant, 0, 0, &o->followups, &o->nfollowups, err)) !=
		    FH_OK ||
	    (st = fh_followup_links(app->store, &app->actor, tenant, &o->links, &o->nlinks, err)) != FH_OK)
		return st;
	/* the year's totals of its activities, from core */
	fh_activity_total *t;
	size_t n;
	if ((st = fh_activity_totals(app->store, &app->actor, NULL, o->year, 0, FH_ACTIVITY_BY_TENANT, &t, &n, err)) !=
	    FH_OK)
		return st;
	for (size_t i = 0; i < n; i++)
		if (t[i].key_id == tenant)
			o->year_total = t[i];
	free(t);
	return FH_OK;
}

/* One line at row `row` of the tab (scrolled by `scroll`), if it shows. */
static void line_at(int y, int rows, int scroll, int row, int cols, const char *text, attr_t a)
{
	row -= scroll;
	if (row >= 0 && row < rows)
		fh_draw_text(y + row, 1, text, cols - 2, false, a);
}

static int none(struct app *app, int y, int row, const char *what, int cols)
{
	fh_draw_text(y + row, 1, what, cols - 2, false, fh_attr(app, FH_C_DIM));
	return row + 1;
}

void fh_tenant_outcomes_draw(struct app *app, const struct fh_tenant_outcomes *o, int tab, int y, int rows, int cols,
			     int scroll)
{
	char line[1200], a[32], b[32], d1[16], d2[16];
	int row = 0;
	switch (tab) {
	case FH_TO_PROJECTS:
		if (!o->nprojects)
			none(app, y, row, _("No projects recorded (Outcomes, F7: a records one)."), cols);
		for (size_t i = 0; i < o->nprojects; i++) {
			const fh_project *p = &o->projects[i];
			snprintf(line, sizeof line, _("%d %s · %s · %s · %s · %s"), p->year, p->batch, p->title,
				 fh_label_project_kind(p->kind), p->funder, fh_label_project_state(p->state));
			line_at(y, rows, scroll, row++, cols, line, A_BOLD);
			snprintf(line, sizeof line,
				 _("   %s to %s · granted %s, paid %s · to serve %d, served %lld%s%s"),
				 p->start_on ? fh_clock_format_date(p->start_on, d1, sizeof d1) : "–",
				 p->end_on ? fh_clock_format_date(p->end_on, d2, sizeof d2) : "–",
				 fh_yuan_format(p->granted, a, sizeof a), fh_yuan_format(p->paid, b, sizeof b),
				 p->target_served, (long long)p->served, p->grade ? " · " : "",
				 p->grade ? fh_label_project_grade(p->grade) : "");
			line_at(y, rows, scroll, row++, cols, line, A_NORMAL);
		}
		break;
	case FH_TO_ACTIVITIES:
		snprintf(line, sizeof line,
			 _("%d: %lld activities, %lld people served, %lld volunteers, %.1f volunteer hours"), o->year,
			 (long long)o->year_total.activities, (long long)o->year_total.served,
			 (long long)o->year_total.volunteers, o->year_total.volunteer_hours);
		line_at(y, rows, scroll, row++, cols, line, A_BOLD);
		if (!o->nactivities)
			line_at(y, rows, scroll, row++, cols, _("No activities recorded."), fh_attr(app, FH_C_DIM));
		for (size_t i = 0; i < o->nactivities; i++) {
			const fh_activity *x = &o->activities[i];
			snprintf(line, sizeof line, _("%s %s · %s · %s · served %d · volunteers %d"),
				 fh_clock_format_date(x->on, d1, sizeof d1), x->title, fh_label_activity_kind(x->kind),
				 x->place[0] ? x->place : "–", x->served, x->volunteers);
			line_at(y, rows, scroll, row++, cols, line, A_NORMAL);
		}
		break;
	case FH_TO_RECORDS:
		line_at(y, rows, scroll, row++, cols, _("Yearly inspections (年检)"), A_BOLD);
		if (!o->ninspections)
			line_at(y, rows, scroll, row++, cols, _("None recorded."), fh_attr(app, FH_C_DIM));
		for (size_t i = 0; i < o->ninspections; i++) {
			const fh_inspection *x = &o->inspections[i];
			snprintf(line, sizeof line, _("%d: %s%s%s%s"), x->year, fh_label_inspection_result(x->result),
				 x->filed_on ? _(", filed ") : "",
				 x->filed_on ? fh_clock_format_date(x->filed_on, d1, sizeof d1) : "",
				 x->party_report ? _(", with the party-building report") : "");
			line_at(y, rows, scroll, row++, cols, line,
				x->late || x->result >= FH_INSPECTION_FAILED ? fh_attr(app, FH_C_WARN) : A_NORMAL);
		}
		row++;
		line_at(y, rows, scroll, row++, cols, _("Ratings (等级评估)"), A_BOLD);
		if (!o->nratings)
			line_at(y, rows, scroll, row++, cols, _("Not rated."), fh_attr(app, FH_C_DIM));
		for (size_t i = 0; i < o->nratings; i++) {
			const fh_rating *r = &o->ratings[i];
			snprintf(line, sizeof line, _("%dA, rated %s, holds until %s"), r->grade,
				 fh_clock_format_date(r->rated_on, d1, sizeof d1),
				 fh_clock_format_date(r->expires_on, d2, sizeof d2));
			line_at(y, rows, scroll, row++, cols, line, i ? fh_attr(app, FH_C_DIM) : A_NORMAL);
		}
		break;
	default:
		line_at(y, rows, scroll, row++, cols, _("Follow-ups after graduating"), A_BOLD);
		if (!o->nfollowups)
			line_at(y, rows, scroll, row++, cols, _("None: follow-ups open when the tenant graduates."),
				fh_attr(app, FH_C_DIM));
		for (size_t i = 0; i < o->nfollowups; i++) {
			const fh_followup *f = &o->followups[i];
			if (f->done_on)
				snprintf(line, sizeof line, _("%d months: %s on %s, %d served since · %s"), f->months,
					 fh_label_followup_state(f->state),
					 fh_clock_format_date(f->done_on, d1, sizeof d1), f->served, f->notes);
			else
				snprintf(line, sizeof line, _("%d months: due %s%s"), f->months,
					 fh_clock_format_date(f->due, d1, sizeof d1), f->late_days ? _(", late") : "");
			line_at(y, rows, scroll, row++, cols, line, f->late_days ? fh_attr(app, FH_C_WARN) : A_NORMAL);
		}
		row++;
		line_at(y, rows, scroll, row++, cols, _("以社孵社: incubating and incubated by"), A_BOLD);
		if (!o->nlinks)
			line_at(y, rows, scroll, row++, cols, _("None."), fh_attr(app, FH_C_DIM));
		for (size_t i = 0; i < o->nlinks; i++) {
			snprintf(line, sizeof line, _("%s incubates %s since %s"), o->links[i].by, o->links[i].other,
				 fh_clock_format_date(o->links[i].since, d1, sizeof d1));
			line_at(y, rows, scroll, row++, cols, line, A_NORMAL);
		}
	}
}
