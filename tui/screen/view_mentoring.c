/* fuhua tui — the Mentoring screen (F5): the standing overdue list (until a
 * milestone is done or waived, and tenants past their planned end), what is
 * due within the hub's longest lead time, the mentors with their loads and
 * quiet pairings, the pairings (x ends one), and sessions per month. Enter
 * opens a tenant's timeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "mentoring.h"
#include "tenants.h"
#include "../common/width.h"

#define LIST_MAX 200

enum { OP_NEXT_TAB = FH_ACT_LOCAL, OP_PREV_TAB, OP_DONE, OP_WAIVE, OP_SESSION, OP_ASSIGN, OP_NEW_MENTOR,
       OP_END_PAIRING };
enum { M_OVERDUE, M_UPCOMING, M_MENTORS, M_PAIRINGS, M_SESSIONS, M_COUNT };

static const char *const tab_titles[M_COUNT] = {
	N_("Late"), N_("Due soon"), N_("Mentors"), N_("Pairings"), N_("Sessions"),
};

struct mscreen {
	int tab;
	struct fh_list lists[M_COUNT];
	int total[2];
	int lead;           /* the longest lead time: "due soon" */
	int month_sessions; /* this month, in the scope: sessions and hours */
	double month_hours;
	char error[600];
};

static void draw_due(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	struct mscreen *p = ctx;
	const fh_due *d = row;
	char line[700], when[64], day[16];
	fh_clock_format_date(d->due, day, sizeof day);
	if (p->tab == M_OVERDUE)
		snprintf(when, sizeof when, _("%s, %d days late"), day, d->days);
	else
		snprintf(when, sizeof when, d->days ? _("%s, in %d days") : _("%s, today"), day, d->days);
	int name_w = cols > 90 ? 30 : cols / 3;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, d->tenant, name_w - 2, true, a);
	snprintf(line, sizeof line, "%-6s %s%s%s · %s", d->hub_code, d->id ? (d->party ? _("party: ") : _("org: ")) : "",
		 d->title, "", when);
	fh_draw_text(y, x + name_w, line, cols - name_w, true, p->tab == M_OVERDUE ? fh_attr(app, FH_C_BAD) | a : a);
}

static void draw_mentor(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_mentor *m = row;
	char line[700];
	snprintf(line, sizeof line, _("%-6s %s · %s · carries %d of %d · %.1f h in 12 months"), m->hub_code, m->name,
		 m->expertise[0] ? m->expertise : "–", m->load, m->capacity, m->hours);
	fh_draw_text(y, x, "", cols, true, a);
	int w = fh_draw_text(y, x + 1, line, cols - 2, false, a);
	if (m->quiet && w + 4 < cols) {
		snprintf(line, sizeof line, _("  %d quiet"), m->quiet);
		fh_draw_text(y, x + 1 + w, line, cols - w - 2, false, fh_attr(app, FH_C_WARN) | a);
	}
}

static void draw_pairing(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_pairing *p = row;
	char line[900], since[16], last[16];
	fh_clock_format_date(p->since, since, sizeof since);
	if (p->last_session)
		fh_clock_format_date(p->last_session, last, sizeof last);
	snprintf(line, sizeof line, _("%s → %s · since %s · last session %s"), p->mentor, p->tenant, since,
		 p->last_session ? last : _("none yet"));
	fh_draw_text(y, x, "", cols, true, a);
	int w = fh_draw_text(y, x + 1, line, cols - 2, true, a);
	if (p->quiet && w + 4 < cols)
		fh_draw_text(y, x + 1 + w, _("  quiet"), cols - w - 2, false, fh_attr(app, FH_C_WARN) | a);
}

static void draw_session(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app, (void)ctx;
	const fh_session *s = row;
	char line[900], d[16];
	snprintf(line, sizeof line, "%s  %-6s %s → %s · %s, %.1f h", fh_clock_format_date(s->on, d, sizeof d), s->hub_code,
		 s->mentor, s->tenant, s->topic, s->hours);
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, true, a);
}

static const struct fh_list_source due_source = { sizeof(fh_due), NULL, NULL, draw_due };
static const struct fh_list_source mentor_source = { sizeof(fh_mentor), NULL, NULL, draw_mentor };
static const struct fh_list_source pairing_source = { sizeof(fh_pairing), NULL, NULL, draw_pairing };
static const struct fh_list_source session_source = { sizeof(fh_session), NULL, NULL, draw_session };

static void load(struct app *app, struct mscreen *p)
{
	fh_error err;
	fh_status st;
	struct fh_list *l = &p->lists[p->tab];
	if (p->tab <= M_UPCOMING) {
		fh_due *rows;
		size_t n;
		if ((st = fh_milestone_due(app->store, &app->actor, NULL, p->tab == M_OVERDUE, p->lead, LIST_MAX,
					   &rows, &n, &p->total[p->tab], &err)) == FH_OK) {
			fh_list_set(l, rows, n);
			free(rows);
			l->count_more = p->total[p->tab] > (int)n;
		}
	} else if (p->tab == M_MENTORS) {
		fh_mentor *rows;
		size_t n;
		if ((st = fh_mentor_list(app->store, &app->actor, NULL, &rows, &n, &err)) == FH_OK) {
			fh_list_set(l, rows, n);
			free(rows);
		}
	} else if (p->tab == M_PAIRINGS) {
		fh_pairing *rows;
		size_t n;
		if ((st = fh_mentor_pairings(app->store, &app->actor, 0, 0, &rows, &n, &err)) == FH_OK) {
			fh_list_set(l, rows, n);
			free(rows);
		}
	} else {
		fh_session *rows;
		size_t n;
		char ym[16];
		int64_t from = fh_clock_day(fh_clock_now()) - 90 * 86400;
		fh_clock_format_date(fh_clock_now(), ym, sizeof ym);
		if ((st = fh_session_list(app->store, &app->actor, 0, 0, from, 0, &rows, &n, &err)) == FH_OK) {
			p->month_sessions = 0;
			p->month_hours = 0;
			for (size_t i = 0; i < n; i++) {
				char d[16];
				if (strncmp(fh_clock_format_date(rows[i].on, d, sizeof d), ym, 7) == 0) {
					p->month_sessions++;
					p->month_hours += rows[i].hours;
				}
			}
			fh_list_set(l, rows, n);
			free(rows);
		}
	}
	if (st != FH_OK)
		fh_error_text(&err, p->error, sizeof p->error);
}

static void reload(struct app *app, struct view *v)
{
	struct mscreen *p = v->priv;
	int lead[4], nlead = 0;
	fh_error err;
	p->error[0] = 0;
	if (fh_milestone_lead_days(app->store, app->actor.hub_id, lead, &nlead, &err) != FH_OK)
		fh_error_text(&err, p->error, sizeof p->error);
	p->lead = nlead ? lead[0] : 30;
	/* both counts for the heading; the tab shown in full */
	int keep = p->tab;
	for (int t = M_OVERDUE; t <= M_UPCOMING; t++) {
		p->tab = t;
		load(app, p);
	}
	p->tab = keep;
	if (p->tab > M_UPCOMING)
		load(app, p);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)arg;
	struct mscreen *p = v->priv;
	fh_list_init(&p->lists[M_OVERDUE], &due_source, p);
	fh_list_init(&p->lists[M_UPCOMING], &due_source, p);
	fh_list_init(&p->lists[M_MENTORS], &mentor_source, p);
	fh_list_init(&p->lists[M_PAIRINGS], &pairing_source, p);
	fh_list_init(&p->lists[M_SESSIONS], &session_source, p);
	reload(app, v);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct mscreen *p = v->priv;
	char line[300], pos[32];
	if (p->tab == M_SESSIONS)
		snprintf(line, sizeof line, _("Mentoring · this month %d sessions, %.1f hours (fuhua session totals: by month)"),
			 p->month_sessions, p->month_hours);
	else
		snprintf(line, sizeof line, _("Mentoring · %d overdue · %d due within %d days"), p->total[M_OVERDUE],
			 p->total[M_UPCOMING], p->lead);
	fh_draw_text(a.y, 1, line, a.cols - 2, false, A_BOLD);
	attr_t bar = fh_attr(app, FH_C_BAR);
	fh_draw_text(a.y + 1, 0, "", a.cols, true, bar);
	int x = 1;
	for (int i = 0; i < M_COUNT; i++) {
		snprintf(line, sizeof line, " %s ", _(tab_titles[i]));
		fh_draw_text(a.y + 1, x, line, a.cols - x, false, i == p->tab ? fh_attr(app, FH_C_SELECT) : bar);
		x += fh_str_width(line) + 1;
	}
	fh_list_position(&p->lists[p->tab], pos, sizeof pos);
	if (x + fh_str_width(pos) + 2 < a.cols)
		fh_draw_text(a.y + 1, a.cols - fh_str_width(pos) - 1, pos, fh_str_width(pos), false, bar);
	if (p->error[0]) {
		fh_draw_wrapped(a.y + 2, 1, p->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	struct fh_list *l = &p->lists[p->tab];
	fh_list_draw(app, l, (struct rect){ a.y + 2, 0, a.rows - 2, a.cols }, true);
	if (!l->nrows)
		fh_draw_text(a.y + 2, 2, _("Nothing to act on here."), a.cols - 3, false, fh_attr(app, FH_C_DIM));
}

static int done_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct mscreen *p = under->priv;
	const fh_due *d = fh_list_selected(&p->lists[p->tab]);
	fh_error err;
	char buf[700];
	if (d && d->id && fh_milestone_done(app->store, &app->actor, d->id, 0, "", &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (d)
		fh_app_say(app, false, _("Done today: %s"), d->title);
	return FH_R_RELOAD;
}

static int end_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct mscreen *p = under->priv;
	const fh_pairing *pr = fh_list_selected(&p->lists[M_PAIRINGS]);
	fh_error err;
	char buf[700];
	if (pr && fh_mentor_end(app->store, &app->actor, pr->id, 0, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (pr)
		fh_app_say(app, false, _("The pairing %s → %s ended today."), pr->mentor, pr->tenant);
	return FH_R_RELOAD;
}

static int end_pairing(struct app *app, const fh_pairing *pr)
{
	if (!pr) {
		fh_app_say(app, true, "%s", _("x ends the selected pairing: on Pairings."));
		return FH_R_DONE;
	}
	struct fh_confirm c = { .yes = end_yes };
	snprintf(c.title, sizeof c.title, _("End the pairing %s → %s?"), pr->mentor, pr->tenant);
	snprintf(c.text, sizeof c.text,
		 _("Today is its last day: %s carries one tenant fewer, and the sessions recorded stay. A pairing ended cannot be resumed; pair them again instead."),
		 pr->mentor);
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct mscreen *p = v->priv;
	const fh_due *d = p->tab <= M_UPCOMING ? fh_list_selected(&p->lists[p->tab]) : NULL;
	const fh_mentor *m = p->tab == M_MENTORS ? fh_list_selected(&p->lists[M_MENTORS]) : NULL;
	const fh_pairing *pr = p->tab == M_PAIRINGS ? fh_list_selected(&p->lists[M_PAIRINGS]) : NULL;
	const fh_session *x = p->tab == M_SESSIONS ? fh_list_selected(&p->lists[M_SESSIONS]) : NULL;
	struct fh_ms_form_arg fa = { .milestone = d ? d->id : 0,
				     .tenant = d ? d->tenant_id : x ? x->tenant_id : pr ? pr->tenant_id : 0 };
	switch (action) {
	case OP_NEXT_TAB:
	case OP_PREV_TAB:
		p->tab = (p->tab + (action == OP_NEXT_TAB ? 1 : M_COUNT - 1)) % M_COUNT;
		load(app, p);
		return FH_R_DONE;
	case FH_ACT_OPEN:
		if (fa.tenant)
			fh_view_push(app, &fh_timeline_view, &(struct fh_tenant_arg){ fa.tenant });
		return FH_R_DONE;
	case OP_DONE: {
		if (!d || !d->id) {
			fh_app_say(app, true, "%s", _("d ticks off the selected milestone: on Overdue or Due soon."));
			return FH_R_DONE;
		}
		struct fh_confirm c = { .yes = done_yes };
		snprintf(c.title, sizeof c.title, _("Done: %s?"), d->title);
		snprintf(c.text, sizeof c.text, _("%s: ticked off today, by you. Enter opens the tenant's timeline to record a date and evidence instead."),
			 d->tenant);
		fh_view_push(app, &fh_confirm_view, &c);
		return FH_R_DONE;
	}
	case OP_WAIVE:
		if (!d || !d->id) {
			fh_app_say(app, true, "%s", _("w waives the selected milestone: on Overdue or Due soon."));
			return FH_R_DONE;
		}
		fa.kind = FH_MSF_WAIVE;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	case OP_SESSION:
		if (!fa.tenant) {
			fh_app_say(app, true, "%s", _("s records a session with the selected line's tenant."));
			return FH_R_DONE;
		}
		fa.kind = FH_MSF_SESSION;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	case OP_ASSIGN:
		if (!m) {
			fh_app_say(app, true, "%s", _("a pairs the selected mentor with a tenant: on Mentors."));
			return FH_R_DONE;
		}
		fa.kind = FH_MSF_ASSIGN;
		fa.mentor = m->id;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	case OP_NEW_MENTOR:
		fa.kind = FH_MSF_MENTOR;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	case OP_END_PAIRING:
		return end_pairing(app, pr);
	default:
		return fh_list_request(app, &p->lists[p->tab], action);
	}
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	struct mscreen *p = v->priv;
	for (int i = 0; i < M_COUNT; i++)
		fh_list_free(&p->lists[i]);
}

static const struct fh_binding mentoring_keys[] = {
	{ '\t', false, OP_NEXT_TAB, 0, "Tab", true, N_("next list"), N_("Next list: overdue, due soon, mentors, pairings, sessions") },
	{ KEY_BTAB, true, OP_PREV_TAB, 0, "S-Tab", false, N_("previous list"), N_("Previous list") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("timeline"), N_("Open the tenant's two tracks as a timeline") },
	{ 'd', false, OP_DONE, 0, "d", true, N_("done"), N_("The selected milestone done today (asks first)") },
	{ 'w', false, OP_WAIVE, 0, "w", false, N_("waive"), N_("Waive the selected milestone, with the reason (a manager)") },
	{ 's', false, OP_SESSION, 0, "s", true, N_("session"), N_("Record a mentoring session with the selected tenant") },
	{ 'a', false, OP_ASSIGN, 0, "a", false, N_("pair"), N_("Mentors: pair the selected mentor with a tenant") },
	{ 'n', false, OP_NEW_MENTOR, 0, "n", false, N_("new mentor"), N_("Add a mentor to your hub (a manager)") },
	{ 'x', false, OP_END_PAIRING, 0, "x", false, N_("end pairing"), N_("Pairings: end the selected pairing today (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap mentoring_keymap = { N_("Mentoring"), mentoring_keys, &fh_list_keymap };

const struct view_ops fh_mentoring_view = {
	.name = "mentoring",
	.private_size = sizeof(struct mscreen),
	.keymap = &mentoring_keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(MENTOR) | FH_TOPIC(MILESTONE) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};
