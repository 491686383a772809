/* fuhua tui — a tenant's two tracks as one timeline: the organisation's and
 * the party's milestones by due date, done, waived or late, and the
 * mentoring sessions between them. d ticks a milestone off (two keys: d,
 * then y), e records it with a date and evidence, w waives it, s records a
 * session, o reopens, g gives an imported tenant its milestones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "fuhua/tenant.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "mentoring.h"
#include "tenants.h"

enum { OP_DONE = FH_ACT_LOCAL, OP_EVIDENCE, OP_WAIVE, OP_SESSION, OP_REOPEN, OP_GIVE };

/* A line of the timeline: a milestone or a session. */
struct tl_row {
	int64_t day;
	bool session;
	fh_milestone m;
	fh_session x;
};

struct timeline {
	fh_tenant t;
	struct fh_list list;
	int64_t today;
	char error[600];
};

static void draw_row(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const struct tl_row *r = row;
	char line[900], d[16];
	fh_clock_format_date(r->day, d, sizeof d);
	bool zh = fh_i18n_is_zh();
	attr_t at = a;
	if (r->session) {
		snprintf(line, sizeof line, _("%s  mentoring  %s: %s, %.1f h%s%s"), d, r->x.mentor, r->x.topic,
			 r->x.hours, r->x.milestone[0] ? " → " : "", r->x.milestone);
		at |= fh_attr(app, FH_C_DIM);
	} else {
		const fh_milestone *m = &r->m;
		const char *title = !zh && m->title_en[0] ? m->title_en : m->title;
		char state[300];
		if (m->state == FH_MS_DONE)
			snprintf(state, sizeof state, _("✓ done %s%s%s"),
				 fh_clock_format_date(m->done_on, (char[16]){ 0 }, 16), m->evidence[0] ? " · " : "",
				 m->evidence);
		else if (m->state == FH_MS_WAIVED)
			snprintf(state, sizeof state, _("– waived: %s"), m->evidence);
		else if (m->late)
			snprintf(state, sizeof state, _("! %d days late"),
				 (int)((fh_clock_day(fh_clock_now()) - m->due) / 86400));
		else
			snprintf(state, sizeof state, "%s", _("· pending"));
		snprintf(line, sizeof line, "%s  %-6s %s%s  %s", d, m->party ? _("party") : _("org"), title,
			 m->required ? "" : _(" (optional)"), state);
		if (m->late)
			at |= fh_attr(app, FH_C_BAD);
		else if (m->state != FH_MS_PENDING)
			at |= fh_attr(app, FH_C_GOOD);
	}
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, true, at);
}

static const struct fh_list_source tl_source = { sizeof(struct tl_row), NULL, NULL, draw_row, NULL };

static int by_day(const void *a, const void *b)
{
	const struct tl_row *x = a, *y = b;
	return (x->day > y->day) - (x->day < y->day);
}

static void reload(struct app *app, struct view *v)
{
	struct timeline *p = v->priv;
	fh_error err;
	fh_milestone *ms = NULL;
	fh_session *xs = NULL;
	size_t nm = 0, nx = 0;
	p->error[0] = 0;
	p->today = fh_clock_day(fh_clock_now());
	fh_tenant t;
	if (fh_tenant_get_by_id(app->store, &app->actor, p->t.id, &t, &err) != FH_OK ||
	    fh_milestone_list(app->store, &app->actor, p->t.id, &ms, &nm, &err) != FH_OK ||
	    fh_session_list(app->store, &app->actor, 0, p->t.id, 0, 0, &xs, &nx, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		free(ms);
		return;
	}
	p->t = t;
	struct tl_row *rows = calloc(nm + nx + 1, sizeof *rows);
	if (rows) {
		for (size_t i = 0; i < nm; i++)
			rows[i] = (struct tl_row){ .day = ms[i].due, .m = ms[i] };
		for (size_t i = 0; i < nx; i++)
			rows[nm + i] = (struct tl_row){ .day = xs[i].on, .session = true, .x = xs[i] };
		qsort(rows, nm + nx, sizeof *rows, by_day);
		fh_list_set(&p->list, rows, nm + nx);
	}
	free(rows);
	free(ms);
	free(xs);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct timeline *p = v->priv;
	p->t.id = ((const struct fh_tenant_arg *)arg)->id;
	fh_list_init(&p->list, &tl_source, p);
	reload(app, v);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct timeline *p = v->priv;
	char line[700], d1[16], d2[16];
	int done = 0, total = 0, hours10 = 0;
	for (size_t i = 0; i < p->list.nrows; i++) {
		const struct tl_row *r = (const struct tl_row *)(p->list.rows + i * sizeof *r);
		if (r->session) {
			hours10 += (int)(r->x.hours * 10 + 0.5);
		} else {
			total++;
			done += r->m.state != FH_MS_PENDING;
		}
	}
	snprintf(line, sizeof line, _("%s · %s · admitted %s, planned end %s"), p->t.name, fh_label_stage(p->t.stage),
		 p->t.admitted_on ? fh_clock_format_date(p->t.admitted_on, d1, sizeof d1) : "–",
		 p->t.planned_end ? fh_clock_format_date(p->t.planned_end, d2, sizeof d2) : "–");
	fh_draw_text(a.y, 1, line, a.cols - 2, false, A_BOLD);
	snprintf(line, sizeof line, _("Milestones done or waived: %d of %d · mentoring: %d.%d h"), done, total,
		 hours10 / 10, hours10 % 10);
	fh_draw_text(a.y + 1, 1, line, a.cols - 2, false, fh_attr(app, FH_C_DIM));
	if (p->error[0]) {
		fh_draw_wrapped(a.y + 2, 1, p->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	fh_list_draw(app, &p->list, (struct rect){ a.y + 2, 0, a.rows - 2, a.cols }, true);
	if (!p->list.nrows)
		fh_draw_text(a.y + 2, 2, _("No milestones: g gives this tenant its hub's milestones (a manager)."),
			     a.cols - 3, false, fh_attr(app, FH_C_DIM));
}

static const fh_milestone *selected_milestone(struct timeline *p)
{
	const struct tl_row *r = fh_list_selected(&p->list);
	return r && !r->session ? &r->m : NULL;
}

static int done_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct timeline *p = under->priv;
	const fh_milestone *m = selected_milestone(p);
	fh_error err;
	char buf[700];
	if (m && fh_milestone_done(app->store, &app->actor, m->id, 0, "", &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (m)
		fh_app_say(app, false, _("Done today: %s"), m->title);
	return FH_R_RELOAD;
}

static int reopen_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct timeline *p = under->priv;
	const fh_milestone *m = selected_milestone(p);
	fh_error err;
	char buf[700];
	if (m && fh_milestone_reopen(app->store, &app->actor, m->id, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_RELOAD;
}

static int give_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct timeline *p = under->priv;
	fh_error err;
	char buf[700];
	int added;
	if (fh_milestone_instantiate(app->store, &app->actor, p->t.id, &added, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else
		fh_app_say(app, false, N3_("%d milestone given", "%d milestones given", added), added);
	return FH_R_RELOAD;
}

static int ask(struct app *app, struct timeline *p, int op)
{
	const fh_milestone *m = selected_milestone(p);
	struct fh_confirm c = { 0 };
	if (op == OP_GIVE) {
		c.yes = give_yes;
		snprintf(c.title, sizeof c.title, _("Give %s its milestones?"), p->t.name);
		snprintf(
			c.text, sizeof c.text, "%s",
			_("The hub's templates now in force, due from the admission day; those it has are kept. A manager."));
	} else if (!m) {
		fh_app_say(app, true, "%s", _("Choose a milestone first."));
		return FH_R_DONE;
	} else if (op == OP_DONE) {
		c.yes = done_yes;
		snprintf(c.title, sizeof c.title, _("Done: %s?"), m->title);
		snprintf(c.text, sizeof c.text, "%s",
			 _("Ticked off today, by you. (e records a date and evidence instead.)"));
	} else {
		c.yes = reopen_yes;
		snprintf(c.title, sizeof c.title, _("Reopen: %s?"), m->title);
		snprintf(c.text, sizeof c.text, "%s",
			 _("It becomes pending again; the audit log keeps what it was. A manager."));
	}
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct timeline *p = v->priv;
	const fh_milestone *m = selected_milestone(p);
	struct fh_ms_form_arg fa = { .tenant = p->t.id, .milestone = m ? m->id : 0 };
	switch (action) {
	case OP_DONE:
	case OP_REOPEN:
	case OP_GIVE: return ask(app, p, action);
	case OP_EVIDENCE:
	case OP_WAIVE:
		if (!m) {
			fh_app_say(app, true, "%s", _("Choose a milestone first."));
			return FH_R_DONE;
		}
		fa.kind = action == OP_WAIVE ? FH_MSF_WAIVE : FH_MSF_DONE;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	case OP_SESSION:
		fa.kind = FH_MSF_SESSION;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	case FH_ACT_OPEN: fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ p->t.id }); return FH_R_DONE;
	default: return fh_list_request(app, &p->list, action);
	}
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	fh_list_free(&((struct timeline *)v->priv)->list);
}

static const struct fh_binding timeline_keys[] = {
	{ 'd', false, OP_DONE, 0, "d", true, N_("done"), N_("The selected milestone done today (asks first)") },
	{ 'e', false, OP_EVIDENCE, 0, "e", true, N_("done with evidence"),
	  N_("The selected milestone done: a date and the evidence") },
	{ 'w', false, OP_WAIVE, 0, "w", true, N_("waive"),
	  N_("Waive the selected milestone, with the reason (a manager)") },
	{ 's', false, OP_SESSION, 0, "s", true, N_("session"), N_("Record a mentoring session") },
	{ 'o', false, OP_REOPEN, 0, "o", false, N_("reopen"),
	  N_("Make the selected milestone pending again (a manager; asks first)") },
	{ 'g', false, OP_GIVE, 0, "g", false, N_("give milestones"),
	  N_("Give a tenant imported in incubation its hub's milestones (a manager)") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("tenant"), N_("Open the tenant's page (stage, graduation)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap timeline_keymap = { N_("Timeline"), timeline_keys, &fh_list_keymap };

const struct view_ops fh_timeline_view = {
	.name = "timeline",
	.private_size = sizeof(struct timeline),
	.keymap = &timeline_keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(TENANT) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};
