/* fuhua tui — the stage dialog over a tenant's page: the next stages, a
 * reason, and for steps that cannot be undone (admit, graduate, exit) a
 * confirmation saying what will happen. Everything unmet is listed whole. */
#include <stdio.h>
#include <string.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "tenants.h"
#include "tui.h"
#include "../common/width.h"

enum { OP_GO = FH_ACT_LOCAL, OP_UP, OP_DOWN, OP_OVERRIDE };

struct stage {
	fh_tenant t;
	fh_stage next[FH_STAGE_COUNT];
	size_t nnext;
	int sel;
	bool refused; /* a graduation refused for its criteria: F8 overrides */
	char reason[FH_TENANT_REASON_MAX * 4 + 1];
	char error[2000];
};

static bool zh(void)
{
	return fh_i18n_is_zh();
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct stage *s = v->priv;
	const struct fh_tenant_arg *a = arg;
	fh_error err;
	char buf[600];
	if (fh_tenant_get_by_id(app->store, &app->actor, a->id, &s->t, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	s->nnext = fh_stage_next(s->t.stage, s->next);
	if (!s->nnext) {
		fh_app_say(app, true, "%s", _("The tenant has left incubation; its stage is final."));
		return false;
	}
	return true;
}

static void reload(struct app *app, struct view *v)
{
	struct stage *s = v->priv;
	fh_error err;
	fh_tenant t;
	if (fh_tenant_get_by_id(app->store, &app->actor, s->t.id, &t, &err) == FH_OK)
		s->t = t;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct stage *s = v->priv;
	attr_t box = fh_attr(app, FH_C_BAR);
	int w = a.cols - 4 < 72 ? a.cols - 4 : 72, inner = w - 4;
	int err_rows = s->error[0] ? fh_draw_wrapped(0, 0, s->error, inner, 0, 0) : 0;
	int h = (int)s->nnext + 7 + err_rows;
	if (h > a.rows) {
		err_rows -= h - a.rows;
		h = a.rows;
	}
	int y = a.y + (a.rows - h) / 2, x = a.x + (a.cols - w) / 2;
	for (int r = 0; r < h; r++)
		fh_draw_text(y + r, x, "", w, true, box);
	char line[600];
	snprintf(line, sizeof line, _("Move %s from %s to:"), s->t.name, fh_stage_label(s->t.stage, zh()));
	fh_draw_text(y + 1, x + 2, line, inner, false, box | A_BOLD);
	for (size_t i = 0; i < s->nnext; i++) {
		snprintf(line, sizeof line, "%s %s", (int)i == s->sel ? "▶" : " ", fh_stage_label(s->next[i], zh()));
		fh_draw_text(y + 3 + (int)i, x + 2, line, inner, true,
			     (int)i == s->sel ? fh_attr(app, FH_C_SELECT) : box);
	}
	int ry = y + 4 + (int)s->nnext;
	snprintf(line, sizeof line, _("Reason: %s"), s->reason);
	fh_draw_text(ry, x + 2, line, inner, true, box);
	if (err_rows > 0)
		fh_draw_wrapped(ry + 1, x + 2, s->error, inner, err_rows, box | A_BOLD);
	int cx = x + 2 + fh_str_width(line);
	fh_draw_cursor(ry, cx < x + w - 1 ? cx : x + w - 2);
}

static void fail(struct stage *s, const fh_error *err, const fh_stage_plan *plan)
{
	char buf[600];
	size_t used = (size_t)snprintf(s->error, sizeof s->error, "%s",
				       plan && plan->nunmet ? _("Cannot graduate yet:")
							    : fh_error_text(err, buf, sizeof buf));
	for (size_t i = 0; plan && i < plan->nunmet && used < sizeof s->error; i++)
		used += (size_t)snprintf(s->error + used, sizeof s->error - used, "\n✗ %s", plan->unmet[i]);
	for (size_t i = 0; plan && plan->nunmet && i < plan->nmet && used < sizeof s->error; i++)
		used += (size_t)snprintf(s->error + used, sizeof s->error - used, "\n✓ %s", plan->met[i]);
	s->refused = plan && plan->nunmet;
	if (s->refused && used < sizeof s->error)
		snprintf(s->error + used, sizeof s->error - used, "\n%s",
			 _("A manager may graduate it all the same: type the reason, then F8."));
}

static int override_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct stage *s = under->priv;
	fh_error err;
	if (fh_tenant_graduate_override(app->store, &app->actor, s->t.id, s->t.version, s->reason, NULL, &err) !=
	    FH_OK) {
		fail(s, &err, NULL);
		return FH_R_RELOAD;
	}
	fh_app_say(app, false, _("%s: graduated by a manager's override"), s->t.name);
	return FH_R_POP;
}

static int ask_override(struct app *app, struct view *v)
{
	struct stage *s = v->priv;
	if (!s->refused || s->next[s->sel] != FH_STAGE_GRADUATED)
		return FH_R_DONE;
	if (!s->reason[0]) {
		snprintf(s->error, sizeof s->error, "%s", _("Type the reason for the override first."));
		s->refused = true;
		return FH_R_DONE;
	}
	struct fh_confirm c = { .yes = override_yes };
	snprintf(c.title, sizeof c.title, _("Graduate %s in spite of the criteria?"), s->t.name);
	snprintf(
		c.text, sizeof c.text,
		_("Reason: %s. The criteria not met and your reason are kept in the stage history and the audit log. The stage becomes final and its spaces are released today."),
		s->reason);
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int move_yes(struct app *app, struct view *under, int arg)
{
	struct stage *s = under->priv;
	fh_error err;
	fh_stage to = (fh_stage)arg;
	if (fh_tenant_move(app->store, &app->actor, s->t.id, s->t.version, to, s->reason, NULL, &err) != FH_OK) {
		fail(s, &err, NULL);
		return FH_R_RELOAD;
	}
	fh_app_say(app, false, _("%s: now %s"), s->t.name, fh_stage_label(to, zh()));
	return FH_R_POP;
}

/* One more sentence (a format taking n) after the text in c->text. */
static size_t add_sentence(struct fh_confirm *c, size_t used, const char *fmt, int n)
{
	const char *gap = fh_i18n_is_zh() ? "" : " "; /* Chinese sentences follow without a space */
	if (used + 1 < sizeof c->text) {
		used += (size_t)snprintf(c->text + used, sizeof c->text - used, "%s", gap);
		if (used < sizeof c->text)
			used += (size_t)snprintf(c->text + used, sizeof c->text - used, fmt, n);
	}
	return used < sizeof c->text ? used : sizeof c->text;
}

/* What leaving does to the tenant's pairings and bookings to come, and
 * that it is final. */
static size_t leaving(const fh_stage_plan *p, struct fh_confirm *c, size_t used)
{
	if (p->pairings)
		used = add_sentence(
			c, used,
			N3_("Its mentor pairing ends today.", "Its %d mentor pairings end today.", p->pairings),
			p->pairings);
	if (p->to == FH_STAGE_GRADUATED)
		used = add_sentence(c, used,
				    p->bookings ? N3_("%d room booking to come stays: a graduate may still book rooms.",
						      "%d room bookings to come stay: a graduate may still book rooms.",
						      p->bookings)
						: _("It has no room bookings to come."),
				    p->bookings);
	else if (p->bookings)
		used = add_sentence(c, used,
				    N3_("Its room booking to come is cancelled.",
					"Its %d room bookings to come are cancelled.", p->bookings),
				    p->bookings);
	return add_sentence(c, used, _("This cannot be undone."), 0);
}

/* What the step will do, for the confirmation. */
static void describe(const struct stage *s, const fh_stage_plan *p, struct fh_confirm *c)
{
	char d[16];
	const char *name = s->t.name;
	size_t used;
	switch (p->to) {
	case FH_STAGE_INCUBATING:
		snprintf(c->title, sizeof c->title, _("Admit %s?"), name);
		snprintf(
			c->text, sizeof c->text,
			_("Incubation starts today and is planned to end on %s (%d months). %d milestones of the organisation and party tracks are created. An admission cannot be undone."),
			fh_clock_format_date(p->planned_end, d, sizeof d), p->months, p->milestones);
		break;
	case FH_STAGE_GRADUATED:
		snprintf(c->title, sizeof c->title, _("Graduate %s (出壳)?"), name);
		used = (size_t)snprintf(
			c->text, sizeof c->text,
			_("The incubation ends today and the stage becomes final. Its %d spaces (%d seats) are released today, to be handed back by %s."),
			p->allocations, p->seats, fh_clock_format_date(p->handover_due, d, sizeof d));
		used = leaving(p, c, used);
		for (size_t i = 0; i < p->nmet && used < sizeof c->text; i++)
			used += (size_t)snprintf(c->text + used, sizeof c->text - used, "\n✓ %s", p->met[i]);
		break;
	default:
		snprintf(c->title, sizeof c->title, _("%s leaves incubation?"), name);
		used = (size_t)snprintf(
			c->text, sizeof c->text,
			_("Reason: %s. The stage becomes final; %d open milestones stay open. Its %d spaces (%d seats) are released today, to be handed back by %s."),
			s->reason, p->open_milestones, p->allocations, p->seats,
			fh_clock_format_date(p->handover_due, d, sizeof d));
		leaving(p, c, used > sizeof c->text ? sizeof c->text : used);
		break;
	}
}

static int go(struct app *app, struct view *v)
{
	struct stage *s = v->priv;
	fh_stage to = s->next[s->sel];
	fh_stage_plan plan;
	fh_error err;
	s->error[0] = 0;
	if (fh_tenant_move_plan(app->store, &app->actor, s->t.id, to, s->reason, &plan, &err) != FH_OK) {
		fail(s, &err, &plan);
		return FH_R_DONE;
	}
	if (to == FH_STAGE_REVIEWING)
		return move_yes(app, v, (int)to);
	struct fh_confirm c = { .yes = move_yes, .arg = (int)to };
	describe(s, &plan, &c);
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	struct stage *s = v->priv;
	int n = (int)s->nnext;
	switch (action) {
	case OP_UP:
	case OP_DOWN:
		s->sel = (s->sel + (action == OP_UP ? n - 1 : 1)) % n;
		s->refused = false;
		s->error[0] = 0;
		return FH_R_DONE;
	case OP_GO: return go(app, v);
	case OP_OVERRIDE: return ask_override(app, v);
	case FH_ACT_CANCEL: return FH_R_POP;
	case FH_ACT_NONE: fh_edit_key(s->reason, sizeof s->reason, in); return FH_R_DONE;
	default: return FH_R_UNHANDLED;
	}
}

static bool typing(struct view *v)
{
	(void)v;
	return true; /* the reason */
}

static const struct fh_binding stage_keys[] = {
	{ KEY_UP, true, OP_UP, 0, "↑↓", true, N_("choose"), N_("Choose the next stage") },
	{ KEY_DOWN, true, OP_DOWN, 0, NULL, false, NULL, NULL },
	{ '\n', false, OP_GO, 0, "Enter", true, N_("move"),
	  N_("Move to the chosen stage (asks first when it cannot be undone)") },
	{ '\r', false, OP_GO, 0, NULL, false, NULL, NULL },
	{ KEY_ENTER, true, OP_GO, 0, NULL, false, NULL, NULL },
	{ 27, false, FH_ACT_CANCEL, 0, "Esc", true, N_("cancel"), N_("Close the dialog") },
	{ KEY_F(8), true, OP_OVERRIDE, 0, "F8", false, N_("override"),
	  N_("Graduate in spite of unmet criteria, with the reason (a manager; asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap stage_keymap = { N_("Stage change (type a reason)"), stage_keys, NULL };

const struct view_ops fh_stage_view = {
	.form = true,
	.name = "stage",
	.private_size = sizeof(struct stage),
	.keymap = &stage_keymap,
	.overlay = true,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(TENANT) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.typing = typing,
};
