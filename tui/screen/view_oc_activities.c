/* fuhua tui — Outcomes' Activities tab: the people served each month of
 * the year as bars (from the totals core keeps per hub and month), then
 * the last three months' activities, the newest first; a records one, Enter opens its tenant. A month's
 * spreadsheet goes in with `fuhua activity import`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/width.h"
#include "list.h"
#include "outcomes.h"
#include "tenants.h"

enum { OP_NEW = FH_ACT_LOCAL };

#define LATEST 200

static void draw_activity(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_activity *r = row;
	char line[900], hub[64], d[16];
	fh_str_pad(fh_app_hub_label(app, r->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, _("%s %s %s · %s · %s · %d served, %d volunteers"),
		 fh_clock_format_date(r->on, d, sizeof d), hub, r->tenant, r->title, fh_label_activity_kind(r->kind),
		 r->served, r->volunteers);
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, false, a);
}

static void whole_activity(struct app *app, void *ctx, const void *row, char *buf, size_t size)
{
	(void)ctx;
	const fh_activity *r = row;
	char d[16];
	snprintf(buf, size, _("No. %lld · %s · %s · %s at %s · %d served, %d volunteers, %.1f hours"), (long long)r->id,
		 fh_clock_format_date(r->on, d, sizeof d), fh_app_hub_label(app, r->hub_code), r->title,
		 r->place[0] ? r->place : "–", r->served, r->volunteers, r->volunteer_hours);
}

static const struct fh_list_source activity_source = { sizeof(fh_activity), NULL, NULL, draw_activity, whole_activity };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	fh_activity *rows;
	size_t n;
	fh_error err;
	/* the last three months: the newest first */
	fh_activity_filter f = { .limit = LATEST, .from = fh_clock_add_months(fh_clock_day(fh_clock_now()), -3) };
	p->error[0] = 0;
	if (fh_activity_list(app->store, &app->actor, &f, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	fh_list_set(&p->list, rows, n);
	free(rows);
}

/* A bar per month so far (people served), as many as the screen spares,
 * then the list. */
static void draw(struct app *app, struct view *v, struct rect a)
{
	struct fh_list_tab *p = v->priv;
	const struct fh_oc_shared *sh = p->shared;
	int months = sh->month > 0 ? sh->month : 12;
	int64_t max = 1;
	for (int m = 0; m < months; m++)
		if (sh->months[m].served > max)
			max = sh->months[m].served;
	int lines = a.rows >= 24 ? months : a.rows / 3;
	if (p->error[0] || a.rows < 12) {
		fh_list_tab_draw(app, v, a);
		return;
	}
	if (lines > months)
		lines = months;
	for (int i = 0; i < lines; i++) {
		int m = months - lines + i; /* the latest months when not all fit */
		char line[200];
		snprintf(line, sizeof line, _("%d-%02d  %6lld served  %5lld activities"), sh->year, m + 1,
			 (long long)sh->months[m].served, (long long)sh->months[m].activities);
		int w = fh_draw_text(a.y + i, 1, line, a.cols - 2, false, fh_attr(app, FH_C_DIM));
		if (a.cols - w - 4 > 8)
			fh_draw_bar(app, a.y + i, w + 3, a.cols - w - 5, (double)sh->months[m].served, (double)max,
				    true);
	}
	fh_list_draw_tab(app, &p->list, p->error, (struct rect){ a.y + lines + 1, a.x, a.rows - lines - 1, a.cols });
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &activity_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_activity *x = fh_list_selected(&p->list);
	struct fh_oc_form_arg fa = { .kind = FH_OCF_ACTIVITY, .tenant = x ? x->tenant_id : 0 };
	switch (action) {
	case OP_NEW: fh_view_push(app, &fh_oc_form_view, &fa); return FH_R_DONE;
	case FH_ACT_OPEN:
		if (x)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ x->tenant_id });
		return FH_R_DONE;
	default: return fh_list_request(app, &p->list, action);
	}
}

static const struct fh_binding activities_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("tenant"), N_("Open the activity's tenant") },
	{ 'a', false, OP_NEW, 0, "a", true, N_("new"), N_("Record an activity and the people it served") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap activities_keymap = { N_("Activities"), activities_keys, &fh_list_keymap };

const struct view_ops fh_oc_activities_view = {
	.name = "outcomes-activities",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &activities_keymap,
	.open = open,
	.reload = reload,
	.draw = draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
