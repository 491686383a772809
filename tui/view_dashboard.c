/* fuhua tui — the dashboard: stages, coverage, occupancy, hubs, recent activity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/audit.h"
#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/report.h"
#include "i18n.h"
#include "labels.h"
#include "tui.h"
#include "width.h"

#define ACTIVITY 40

struct dash {
	bool loaded;
	fh_dashboard d;
	fh_hub *hubs;
	size_t nhubs;
	fh_audit_row *audit;
	size_t naudit;
	int pane;            /* 0 hubs, 1 activity */
	int sel[2], scroll[2];
	char error[512];
};

static struct dash *state(struct app *app)
{
	if (!app->view_state[FH_SCREEN_DASHBOARD])
		app->view_state[FH_SCREEN_DASHBOARD] = calloc(1, sizeof(struct dash));
	return app->view_state[FH_SCREEN_DASHBOARD];
}

static void release(struct dash *d)
{
	free(d->hubs);
	free(d->audit);
	d->hubs = NULL;
	d->audit = NULL;
	d->nhubs = d->naudit = 0;
}

static void load(struct app *app, struct dash *d)
{
	fh_error err;
	release(d);
	d->error[0] = 0;
	if (fh_report_dashboard(app->store, &app->actor, &d->d, &err) != FH_OK ||
	    fh_hub_list(app->store, &app->actor, &d->hubs, &d->nhubs, &err) != FH_OK ||
	    fh_audit_recent(app->store, &app->actor, ACTIVITY, &d->audit, &d->naudit, &err) != FH_OK)
		snprintf(d->error, sizeof d->error, "%s", err.message);
	d->loaded = true;
}

static void percent(char *buf, size_t size, int part, int whole)
{
	if (whole > 0)
		snprintf(buf, size, "%5.1f%%", 100.0 * part / whole);
	else
		snprintf(buf, size, "    –");
}

static void draw_figures(struct app *app, struct dash *d, int y, int cols)
{
	const fh_dashboard *f = &d->d;
	int half = cols / 2;
	char line[256];
	snprintf(line, sizeof line, _("Tenants: %d"), f->tenants);
	fh_draw_text(y, 1, line, half - 2, false, A_BOLD);
	int max = 1;
	for (int s = 0; s < FH_STAGE_COUNT; s++)
		if (f->by_stage[s] > max)
			max = f->by_stage[s];
	for (int s = 0; s < FH_STAGE_COUNT; s++) {
		fh_draw_text(y + 1 + s, 2, fh_label_stage((fh_stage)s), 10, true, A_NORMAL);
		snprintf(line, sizeof line, "%6d", f->by_stage[s]);
		fh_draw_text(y + 1 + s, 12, line, 6, false, A_NORMAL);
		int bar = half - 22;
		if (bar > 3)
			fh_draw_bar(app, y + 1 + s, 19, bar, f->by_stage[s], max, true);
	}
	int incubating = f->by_stage[FH_STAGE_INCUBATING], x = half + 1, label = 16;
	int bar = cols - x - label - 9;
	const struct { const char *name; double v, total; bool good; } rows[] = {
		{ _("Party org."), f->party_org_covered, incubating, true },
		{ _("Party work"), f->party_work_covered, incubating, true },
		{ _("Seats in use"), f->seats_used, f->seats, false },
	};
	fh_draw_text(y, x, _("Coverage of tenants in incubation"), cols - x - 1, false, A_BOLD);
	fh_draw_text(y + 3, x, _("Occupancy"), cols - x - 1, false, A_BOLD);
	static const int offset[] = { 1, 2, 4 };
	for (int i = 0; i < 3; i++) {
		int ry = y + offset[i];
		fh_draw_text(ry, x, rows[i].name, label, true, A_NORMAL);
		if (bar > 3)
			fh_draw_bar(app, ry, x + label, bar, rows[i].v, rows[i].total, rows[i].good);
		percent(line, sizeof line, (int)rows[i].v, (int)rows[i].total);
		fh_draw_text(ry, cols - 8, line, 7, false, A_NORMAL);
	}
	snprintf(line, sizeof line, _("%d seats, %d used · %.0f m² in %d spaces"), f->seats,
		 f->seats_used, f->area, f->spaces);
	fh_draw_text(y + 5, x, line, cols - x - 1, false, fh_attr(app, FH_C_DIM));
}

static void draw_pane_title(struct app *app, struct dash *d, int pane, int y, int x, int w,
			    const char *title)
{
	attr_t a = d->pane == pane ? fh_attr(app, FH_C_SELECT) : fh_attr(app, FH_C_BAR);
	fh_draw_text(y, x, title, w, true, a);
}

static void clamp(struct dash *d, int pane, int n, int rows)
{
	if (d->sel[pane] >= n)
		d->sel[pane] = n - 1;
	if (d->sel[pane] < 0)
		d->sel[pane] = 0;
	if (d->sel[pane] < d->scroll[pane])
		d->scroll[pane] = d->sel[pane];
	if (d->sel[pane] >= d->scroll[pane] + rows)
		d->scroll[pane] = d->sel[pane] - rows + 1;
}

static void draw_hubs(struct app *app, struct dash *d, int y, int rows, int w)
{
	char line[256], count[32];
	draw_pane_title(app, d, 0, y, 0, w - 1, _(" Hubs                      incubating  seats"));
	clamp(d, 0, (int)d->nhubs, rows - 1);
	for (int i = 0; i < rows - 1 && d->scroll[0] + i < (int)d->nhubs; i++) {
		const fh_hub *h = &d->hubs[d->scroll[0] + i];
		bool sel = d->pane == 0 && d->scroll[0] + i == d->sel[0];
		snprintf(line, sizeof line, "%*s%s", h->depth * 2, "", h->name);
		attr_t a = sel ? fh_attr(app, FH_C_SELECT) : A_NORMAL;
		int name_w = w - 20;
		fh_draw_text(y + 1 + i, 1, line, name_w, true, a);
		snprintf(count, sizeof count, "%5d", h->tenants);
		fh_draw_text(y + 1 + i, 1 + name_w, count, 6, false, a);
		fh_draw_bar(app, y + 1 + i, 8 + name_w, 11, h->seats_used, h->seats, false);
	}
}

static void draw_activity(struct app *app, struct dash *d, int y, int x, int rows, int w)
{
	draw_pane_title(app, d, 1, y, x, w, _(" Recent activity"));
	clamp(d, 1, (int)d->naudit, rows - 1);
	for (int i = 0; i < rows - 1 && d->scroll[1] + i < (int)d->naudit; i++) {
		const fh_audit_row *r = &d->audit[d->scroll[1] + i];
		char when[32], line[400];
		fh_clock_format(r->at, when, sizeof when);
		snprintf(line, sizeof line, "%s %s %s %s %s", when + 5, r->operator_name,
			 fh_label_action(r->action), fh_label_entity(r->entity), r->summary);
		bool sel = d->pane == 1 && d->scroll[1] + i == d->sel[1];
		fh_draw_text(y + 1 + i, x, line, w, true, sel ? fh_attr(app, FH_C_SELECT) : A_NORMAL);
	}
	if (d->naudit == 0)
		fh_draw_text(y + 1, x + 1, _("Nothing yet."), w - 1, false, fh_attr(app, FH_C_DIM));
}

static void draw(struct app *app, int top, int rows, int cols)
{
	struct dash *d = state(app);
	if (!d)
		return;
	if (!d->loaded)
		load(app, d);
	char title[256], today[16];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	snprintf(title, sizeof title, "%s · %s", app->actor.hub_name, fh_label_level(
		 d->nhubs ? d->hubs[0].level : FH_LEVEL_CITY));
	fh_draw_text(top, 1, title, cols - 14, false, A_BOLD);
	fh_draw_text(top, cols - 11, today, 10, false, A_NORMAL);
	if (d->error[0]) {
		fh_draw_text(top + 1, 1, d->error, cols - 2, false, fh_attr(app, FH_C_BAD));
		return;
	}
	draw_figures(app, d, top + 2, cols);
	int y = top + 9, left = cols / 2 + 6;
	if (rows - 9 >= 3) {
		draw_hubs(app, d, y, rows - 9, left);
		draw_activity(app, d, y, left, rows - 9, cols - left);
	}
}

static bool key(struct app *app, enum fh_action action, const struct fh_input *in)
{
	(void)in;
	struct dash *d = state(app);
	if (!d)
		return false;
	int n = d->pane == 0 ? (int)d->nhubs : (int)d->naudit;
	switch (action) {
	case FH_ACT_NEXT_PANE:
		d->pane = !d->pane;
		return true;
	case FH_ACT_MOVE_DOWN:
		d->sel[d->pane]++;
		return true;
	case FH_ACT_MOVE_UP:
		d->sel[d->pane]--;
		return true;
	case FH_ACT_PAGE_DOWN:
		d->sel[d->pane] += 10;
		return true;
	case FH_ACT_PAGE_UP:
		d->sel[d->pane] -= 10;
		return true;
	case FH_ACT_MOVE_FIRST:
		d->sel[d->pane] = 0;
		return true;
	case FH_ACT_MOVE_LAST:
		d->sel[d->pane] = n - 1;
		return true;
	default:
		return false;
	}
}

static void reload(struct app *app)
{
	struct dash *d = state(app);
	if (d)
		d->loaded = false;
}

static void done(struct app *app)
{
	struct dash *d = app->view_state[FH_SCREEN_DASHBOARD];
	if (d)
		release(d);
}

const struct view_ops fh_dashboard_view = { "dashboard", draw, key, reload, done };
