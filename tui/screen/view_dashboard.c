/* fuhua tui — the dashboard: stages, coverage, occupancy, hubs, recent
 * activity. Enter on a hub opens its tenants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/audit.h"
#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/report.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "mentoring.h"
#include "party.h"
#include "spaces.h"
#include "tabs.h"
#include "tenants.h"
#include "tui.h"
#include "../common/width.h"

#define ACTIVITY 40
/* the hub pane's columns, headings and rows alike */
#define COL_COUNT 7
#define COL_BAR 11

enum { OP_NEXT_PANE = FH_ACT_LOCAL, OP_ACCOUNT };

/* What waits for a manager, a line each, in the order they are decided. */
enum waiting_kind { W_REVIEW, W_BOOKINGS, W_GRADUATIONS, W_HANDOVERS, W_SYNC, W_MILESTONES, W_COUNT };

struct waiting_row {
	enum waiting_kind kind;
	int n;
	bool more;
};

struct dash {
	fh_dashboard d;
	fh_waiting w;
	bool manages; /* a manager or an admin: what waits for them */
	fh_level level;
	struct fh_list hubs, waiting, activity;
	int pane; /* 0 hubs, 1 waiting (a manager's), 2 activity */
	char error[512];
};

static void draw_waiting(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const struct waiting_row *r = row;
	static const char *const words[W_COUNT] = {
		N_("applications to review"), N_("bookings to approve"), N_("graduations due (past the planned end)"),
		N_("handovers overdue"),      N_("sync checks late"),    N_("milestones late"),
	};
	char n[16];
	snprintf(n, sizeof n, r->more ? "%4d+" : "%5d", r->n);
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, n, 6, true, r->n ? fh_attr(app, FH_C_WARN) | a | A_BOLD : a);
	fh_draw_text(y, x + 8, _(words[r->kind]), cols - 9, false, a);
}

static void draw_hub(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_hub *h = row;
	char line[256], count[32];
	int name_w = cols - COL_COUNT - COL_BAR - 2;
	snprintf(line, sizeof line, "%*s%s", h->depth * 2, "", h->name);
	fh_draw_text(y, x + 1, line, name_w, true, a);
	snprintf(count, sizeof count, "%*d", COL_COUNT - 1, h->tenants);
	fh_draw_text(y, x + 1 + name_w, count, COL_COUNT, true, a);
	fh_draw_bar(app, y, x + 1 + name_w + COL_COUNT, COL_BAR, h->seats_used, h->seats, false);
}

static void draw_event(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app, (void)ctx;
	const fh_audit_row *r = row;
	char when[32], line[400];
	fh_clock_format(r->at, when, sizeof when);
	snprintf(line, sizeof line, "%s %s %s %s %s", when + 5, r->operator_name, fh_label_action(r->action),
		 fh_label_entity(r->entity), r->summary);
	fh_draw_text(y, x, line, cols, true, a);
}

static const struct fh_list_source hub_source = { sizeof(fh_hub), NULL, NULL, draw_hub, NULL };
static const struct fh_list_source event_source = { sizeof(fh_audit_row), NULL, NULL, draw_event, NULL };
static const struct fh_list_source waiting_source = { sizeof(struct waiting_row), NULL, NULL, draw_waiting, NULL };

static void reload(struct app *app, struct view *v)
{
	struct dash *d = v->priv;
	fh_error err;
	fh_hub *hubs = NULL;
	fh_audit_row *audit = NULL;
	size_t nh = 0, na = 0;
	d->error[0] = 0;
	if (fh_report_dashboard(app->store, &app->actor, &d->d, &err) != FH_OK ||
	    fh_hub_list(app->store, &app->actor, &hubs, &nh, &err) != FH_OK ||
	    fh_audit_recent(app->store, &app->actor, ACTIVITY, &audit, &na, &err) != FH_OK)
		snprintf(d->error, sizeof d->error, "%s", err.message);
	d->manages = fh_role_allows(app->actor.role, FH_ROLE_MANAGER);
	if (d->manages && !d->error[0] && fh_report_waiting(app->store, &app->actor, &d->d, &d->w, &err) != FH_OK)
		snprintf(d->error, sizeof d->error, "%s", err.message);
	const struct waiting_row w[W_COUNT] = {
		{ W_REVIEW, d->w.review, false },           { W_BOOKINGS, d->w.bookings, false },
		{ W_GRADUATIONS, d->w.graduations, false }, { W_HANDOVERS, d->w.handovers, false },
		{ W_SYNC, d->w.sync_late, d->w.sync_more }, { W_MILESTONES, d->w.milestones_late, false },
	};
	fh_list_set(&d->waiting, w, d->manages ? W_COUNT : 0);
	d->level = nh ? hubs[0].level : FH_LEVEL_CITY;
	fh_list_set(&d->hubs, hubs, nh);
	fh_list_set(&d->activity, audit, na);
	free(hubs);
	free(audit);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)arg;
	struct dash *d = v->priv;
	fh_list_init(&d->hubs, &hub_source, d);
	fh_list_init(&d->activity, &event_source, d);
	fh_list_init(&d->waiting, &waiting_source, d);
	reload(app, v);
	return true;
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
	int tw = fh_draw_text(y, 1, line, half - 2, false, A_BOLD);
	if (f->overdue) {
		/* the standing overdue list's size; F5 has it */
		snprintf(line, sizeof line, _(" · %d overdue (F5)"), f->overdue);
		fh_draw_text(y, 1 + tw, line, half - 2 - tw, false, fh_attr(app, FH_C_BAD));
	}
	int max = 1;
	for (int s = 0; s < FH_STAGE_COUNT; s++)
		max = f->by_stage[s] > max ? f->by_stage[s] : max;
	for (int s = 0; s < FH_STAGE_COUNT; s++) {
		fh_draw_text(y + 1 + s, 2, fh_label_stage((fh_stage)s), 10, true, A_NORMAL);
		snprintf(line, sizeof line, "%6d", f->by_stage[s]);
		fh_draw_text(y + 1 + s, 12, line, 6, false, A_NORMAL);
		if (half - 22 > 3)
			fh_draw_bar(app, y + 1 + s, 19, half - 22, f->by_stage[s], max, true);
	}
	int incubating = f->by_stage[FH_STAGE_INCUBATING], x = half + 1, label = 16;
	int bar = cols - x - label - 9;
	const struct {
		const char *name;
		double v, total;
		bool good;
	} rows[] = {
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
	snprintf(line, sizeof line, _("%d seats, %d used · %.0f m² in %d spaces"), f->seats, f->seats_used, f->area,
		 f->spaces);
	fh_draw_text(y + 5, x, line, cols - x - 1, false, fh_attr(app, FH_C_DIM));
}

/* The hub pane's heading, in the columns its rows use. */
static void draw_hub_heading(struct app *app, struct dash *d, int y, int w)
{
	attr_t a = d->pane == 0 ? fh_attr(app, FH_C_SELECT) : fh_attr(app, FH_C_BAR);
	int name_w = w - COL_COUNT - COL_BAR - 2;
	fh_draw_text(y, 0, "", w, true, a);
	fh_draw_text(y, 1, _("Hubs"), name_w, true, a);
	/* right-aligned over the numbers, reaching into the name column if longer */
	const char *inc = _("incubating");
	int iw = fh_str_width(inc);
	fh_draw_text(y, 1 + name_w + COL_COUNT - 1 - iw, inc, iw, false, a);
	fh_draw_text(y, 1 + name_w + COL_COUNT, _("seats"), COL_BAR, true, a);
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct dash *d = v->priv;
	int top = a.y, rows = a.rows, cols = a.cols;
	char title[256], today[16], pos[32];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	snprintf(title, sizeof title, "%s · %s", app->actor.hub_name, fh_label_level(d->level));
	fh_draw_text(top, 1, title, cols - 14, false, A_BOLD);
	fh_draw_text(top, cols - 11, today, 10, false, A_NORMAL);
	if (d->error[0]) {
		fh_draw_wrapped(top + 1, 1, d->error, cols - 2, 3, fh_attr(app, FH_C_BAD));
		return;
	}
	draw_figures(app, d, top + 2, cols);
	int y = top + 9, left = cols / 2 + 6;
	if (rows - 9 < 3)
		return;
	draw_hub_heading(app, d, y, left - 1);
	fh_list_draw(app, &d->hubs, (struct rect){ y + 1, 0, rows - 10, left - 1 }, d->pane == 0);
	struct fh_list *cur = d->pane == 0 ? &d->hubs : d->pane == 1 ? &d->waiting : &d->activity;
	fh_list_position(cur, pos, sizeof pos);
	int ay = y, arows = rows - 10;
	if (d->manages && rows - 10 >= W_COUNT + 3) {
		/* what waits for the manager's decision, above the activity */
		attr_t wa = d->pane == 1 ? fh_attr(app, FH_C_SELECT) : fh_attr(app, FH_C_BAR);
		fh_draw_text(y, left, "", cols - left, true, wa);
		fh_draw_text(y, left + 1, _("Waiting for your decision"), cols - left - 10, false, wa);
		fh_list_draw(app, &d->waiting, (struct rect){ y + 1, left, W_COUNT, cols - left }, d->pane == 1);
		ay = y + 1 + W_COUNT;
		arows = rows - 10 - 1 - W_COUNT;
	}
	attr_t ta = d->pane == 2 ? fh_attr(app, FH_C_SELECT) : fh_attr(app, FH_C_BAR);
	fh_draw_text(ay, left, "", cols - left, true, ta);
	fh_draw_text(ay, left + 1, _("Recent activity"), cols - left - 10, false, ta);
	/* the position of the pane with the keys, at the right of the first heading */
	bool first_is_waiting = ay != y;
	attr_t pa =
		(first_is_waiting ? d->pane == 1 : d->pane == 2) ? fh_attr(app, FH_C_SELECT) : fh_attr(app, FH_C_BAR);
	fh_draw_text(y, cols - fh_str_width(pos) - 1, pos, fh_str_width(pos), false, pa);
	fh_list_draw(app, &d->activity, (struct rect){ ay + 1, left, arows, cols - left }, d->pane == 2);
	if (d->activity.nrows == 0)
		fh_draw_text(ay + 1, left + 1, _("Nothing yet."), cols - left - 1, false, fh_attr(app, FH_C_DIM));
}

/* Opens the list where what waits is decided. */
static void open_waiting(struct app *app, const struct waiting_row *r)
{
	switch (r->kind) {
	case W_REVIEW: {
		struct fh_tenants_arg t = { .stage = FH_STAGE_REVIEWING + 1 };
		fh_view_push(app, &fh_tenants_view, &t);
		break;
	}
	case W_BOOKINGS: fh_tabs_goto(app, FH_SCREEN_SPACES, T_PENDING); break;
	case W_HANDOVERS: fh_tabs_goto(app, FH_SCREEN_SPACES, T_HANDOVER); break;
	case W_SYNC: fh_tabs_goto(app, FH_SCREEN_PARTY, FH_PA_TAB_SYNC_GAPS); break;
	case W_GRADUATIONS:
	case W_MILESTONES: fh_tabs_goto(app, FH_SCREEN_MENTORING, FH_MS_TAB_LATE); break;
	default: break;
	}
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct dash *d = v->priv;
	if (action == OP_ACCOUNT) {
		fh_view_push(app, &fh_account_view, NULL);
		return FH_R_DONE;
	}
	if (action == OP_NEXT_PANE) {
		d->pane = (d->pane + 1) % 3;
		if (d->pane == 1 && !d->manages)
			d->pane = 2;
		return FH_R_DONE;
	}
	if (action == FH_ACT_OPEN && d->pane == 1) {
		const struct waiting_row *r = fh_list_selected(&d->waiting);
		if (r)
			open_waiting(app, r);
		return FH_R_DONE;
	}
	if (action == FH_ACT_OPEN && d->pane == 0) {
		const fh_hub *h = fh_list_selected(&d->hubs);
		if (h) {
			struct fh_tenants_arg t = { .hub_id = h->id };
			fh_view_push(app, &fh_tenants_view, &t);
		}
		return FH_R_DONE;
	}
	return fh_list_request(app, d->pane == 0 ? &d->hubs : d->pane == 1 ? &d->waiting : &d->activity, action);
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	struct dash *d = v->priv;
	fh_list_free(&d->hubs);
	fh_list_free(&d->activity);
	fh_list_free(&d->waiting);
}

static const struct fh_binding dash_keys[] = {
	{ '\t', false, OP_NEXT_PANE, 0, "Tab", true, N_("next pane"),
	  N_("Next pane: hubs, what waits for your decision (managers), recent activity") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"),
	  N_("Open the selected hub's tenants, or the list where what waits is decided") },
	{ 'o', false, OP_ACCOUNT, 0, "o", true, N_("account"),
	  N_("Your account: change your password; a manager's operators") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap dash_keymap = { N_("Dashboard"), dash_keys, &fh_list_keymap };

const struct view_ops fh_dashboard_view = {
	.name = "dashboard",
	.private_size = sizeof(struct dash),
	.keymap = &dash_keymap,
	.open = open,
	.reload = reload,
	.draw = draw,
	.request = request,
	.done = done,
};
