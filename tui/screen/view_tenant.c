/* fuhua tui — a tenant's page: profile, stage history, change history, the
 * party record, and its outcomes (view_tenant_outcomes.c). e
 * edits (view_tenant_form.c), m changes the stage (view_stage.c), x extends
 * the incubation after saying what it does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/milestone.h"
#include "fuhua/party.h"
#include "fuhua/tenant.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "mentoring.h"
#include "../common/labels.h"
#include "party.h"
#include "tenant_outcomes.h"
#include "tenants.h"
#include "tui.h"

enum { OP_TAB = FH_ACT_LOCAL, OP_EDIT, OP_STAGE, OP_EXTEND, OP_MEMBERS, OP_TIMELINE };

#define TABS 8

struct page {
	fh_tenant t;
	int tab; /* 0 profile, 1 stages, 2 history, 3 party, then the outcomes' (FH_TO_* + 4) */
	struct fh_tenant_outcomes out;
	fh_party party;
	fh_milestone *ms;
	size_t nms;
	fh_sync_item *sync;
	size_t nsync;
	fh_party_member *members;
	size_t nmembers;
	fh_stage_event *stages;
	size_t nstages;
	fh_change *changes;
	size_t nchanges;
	int scroll;
	char error[600];
};

static bool zh(void)
{
	return fh_i18n_is_zh();
}

static void release(struct page *p)
{
	free(p->stages);
	free(p->changes);
	free(p->ms);
	free(p->sync);
	free(p->members);
	p->members = NULL;
	p->nmembers = 0;
	fh_tenant_outcomes_free(&p->out);
	p->stages = NULL;
	p->changes = NULL;
	p->ms = NULL;
	p->sync = NULL;
	p->nstages = p->nchanges = p->nms = p->nsync = 0;
}

static bool load(struct app *app, struct page *p, int64_t id)
{
	fh_error err;
	char buf[600];
	p->error[0] = 0;
	release(p);
	if (fh_tenant_get_by_id(app->store, &app->actor, id, &p->t, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	if (fh_tenant_stages(app->store, &app->actor, id, &p->stages, &p->nstages, &err) != FH_OK ||
	    fh_tenant_changes(app->store, &app->actor, id, 100, &p->changes, &p->nchanges, &err) != FH_OK ||
	    fh_party_get_record(app->store, &app->actor, id, &p->party, &err) != FH_OK ||
	    fh_milestone_list(app->store, &app->actor, id, &p->ms, &p->nms, &err) != FH_OK ||
	    fh_party_sync_list(app->store, &app->actor, id, &p->sync, &p->nsync, &err) != FH_OK ||
	    fh_party_members(app->store, &app->actor, id, &p->members, &p->nmembers, &err) != FH_OK ||
	    fh_tenant_outcomes_load(app, id, &p->out, &err) != FH_OK)
		snprintf(p->error, sizeof p->error, "%s", fh_error_text(&err, buf, sizeof buf));
	return true;
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	const struct fh_tenant_arg *a = arg;
	return load(app, v->priv, a->id);
}

static void reload(struct app *app, struct view *v)
{
	struct page *p = v->priv;
	load(app, p, p->t.id);
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	release(v->priv);
}

/* ---- drawing ----------------------------------------------------------------------- */

static const char *date_or_dash(int64_t t, char *buf, size_t size)
{
	return t ? fh_clock_format_date(t, buf, size) : "—";
}

/* The profile: the fields two to a row; one too long for its half (an
 * address, an exit reason) on a row of its own under them, whole, as the
 * notes: nothing is cut. */
static void draw_profile(struct page *p, int y, int rows, int cols)
{
	char val[FH_TENANT_NOTES_MAX * 4 + 1];
	int lw = zh() ? 18 : 15, half = cols / 2, i = 0, nlong = 0;
	fh_tenant_field longs[FH_TF_COUNT];
	for (int f = 0; f < FH_TF_COUNT; f++) {
		if (f == FH_TF_NOTES || f == FH_TF_STAGE)
			continue;
		if (f == FH_TF_EXIT_REASON && p->t.stage != FH_STAGE_EXITED)
			continue;
		fh_tenant_get(&p->t, (fh_tenant_field)f, false, zh(), val, sizeof val);
		if (fh_str_width(val) > half - lw - 1) {
			longs[nlong++] = (fh_tenant_field)f;
			continue;
		}
		int col = i % 2, row = i / 2;
		if (row >= rows - 2)
			break;
		fh_draw_text(y + row, col * half, fh_tenant_field_label((fh_tenant_field)f, zh()), lw, true, A_BOLD);
		fh_draw_text(y + row, col * half + lw, val[0] ? val : "—", half - lw - 1, false, A_NORMAL);
		i++;
	}
	int ny = y + (i + 1) / 2;
	for (int k = 0; k < nlong && ny < y + rows - 1; k++) {
		fh_draw_text(ny, 0, fh_tenant_field_label(longs[k], zh()), lw, true, A_BOLD);
		fh_tenant_get(&p->t, longs[k], false, zh(), val, sizeof val);
		ny += fh_draw_wrapped(ny, lw, val, cols - lw, 3, A_NORMAL);
	}
	ny++;
	if (ny < y + rows) {
		fh_draw_text(ny, 0, fh_tenant_field_label(FH_TF_NOTES, zh()), lw, true, A_BOLD);
		fh_draw_wrapped(ny, lw, p->t.notes[0] ? p->t.notes : "—", cols - lw, y + rows - ny, A_NORMAL);
	}
}

static void draw_stages(struct page *p, int y, int rows, int cols)
{
	char when[32], line[1200];
	int row = 0;
	/* each move whole: a long reason (an override's) wraps, never cut */
	for (size_t i = p->scroll; i < p->nstages && row < rows; i++) {
		const fh_stage_event *e = &p->stages[i];
		snprintf(line, sizeof line, "%s  %s%s%s  %s%s%s", fh_clock_format(e->at, when, sizeof when),
			 e->from < FH_STAGE_COUNT ? fh_stage_label(e->from, zh()) : "",
			 e->from < FH_STAGE_COUNT ? " → " : "", fh_stage_label(e->to, zh()), e->operator_name,
			 e->reason[0] ? " · " : "", e->reason);
		row += fh_draw_wrapped(y + row, 0, line, cols, rows - row, A_NORMAL);
	}
}

/* What an audit row's action was, in the words of a tenant's history. */
static const char *action_label(const char *action)
{
	if (strcmp(action, "create") == 0)
		return P_("history", "taken in");
	if (strcmp(action, "update") == 0)
		return P_("history", "edited");
	if (strcmp(action, "move") == 0)
		return P_("history", "stage changed");
	if (strcmp(action, "extend") == 0)
		return P_("history", "extended");
	if (strcmp(action, "import") == 0)
		return P_("history", "imported");
	return fh_label_action(action);
}

/* A changed field's name: the tenant's, or the party record's. */
static const char *field_label(const fh_change *c, int k)
{
	fh_party_field pf;
	if (c->f[k].field < FH_TF_COUNT)
		return fh_tenant_field_label(c->f[k].field, zh());
	return fh_party_field_lookup(c->f[k].key, &pf) ? fh_party_field_label(pf, zh()) : c->f[k].key;
}

/* A stored value (identifiers, as the audit log holds them) for people. */
static const char *value_label(fh_tenant_field f, const char *raw, char *out, size_t size)
{
	fh_tenant t;
	fh_tenant_init(&t);
	snprintf(out, size, "%s", raw);
	bool choice = f == FH_TF_STAGE || f == FH_TF_ORG_TYPE || f == FH_TF_REG_STATE || f == FH_TF_PARTY_ORG ||
		f == FH_TF_RATING;
	if (choice && *raw && fh_tenant_set(&t, f, raw, NULL) == FH_OK)
		fh_tenant_get(&t, f, false, zh(), out, size);
	return *out ? out : "∅";
}

static void draw_changes(struct app *app, struct page *p, int y, int rows, int cols)
{
	char when[32], line[2400], part[600], x[200], y2[200];
	int row = -p->scroll;
	for (size_t i = 0; i < p->nchanges && row < rows; i++) {
		const fh_change *c = &p->changes[i];
		snprintf(line, sizeof line, "%s  %-8s %s", fh_clock_format(c->at, when, sizeof when), c->operator_name,
			 action_label(c->action));
		if (row >= 0)
			fh_draw_text(y + row, 0, line, cols, false, A_BOLD);
		row++;
		for (int k = 0; k < c->nfields && row < rows; k++, row++) {
			fh_tenant_field f = c->f[k].field;
			if (strcmp(c->action, "create") == 0)
				snprintf(part, sizeof part, "%s: %s", field_label(c, k),
					 value_label(f, c->f[k].new, y2, sizeof y2));
			else
				snprintf(part, sizeof part, "%s: %s → %s", field_label(c, k),
					 value_label(f, c->f[k].old, x, sizeof x),
					 value_label(f, c->f[k].new, y2, sizeof y2));
			if (row >= 0)
				fh_draw_text(y + row, 4, part, cols - 4, false, A_NORMAL);
		}
	}
	if (!p->nchanges)
		fh_draw_text(y, 0, _("No changes recorded."), cols, false, fh_attr(app, FH_C_DIM));
}

static int by_date(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b; /* each line starts with its date */
	return (x > y) - (x < y);
}

/* The Party tab's record in two columns and the members named; returns the next line. */
static int draw_party_record(struct page *p, int y, int bottom, int cols)
{
	const fh_party *r = &p->party;
	char line[800], v[FH_PARTY_REASON_MAX * 4 + 8];
	int half = cols / 2;
	for (int f = 0; f < FH_PF_COUNT && y < bottom; f += 2) {
		for (int k = 0; k < 2 && f + k < FH_PF_COUNT; k++) {
			fh_party_get(r, (fh_party_field)(f + k), false, zh(), v, sizeof v);
			snprintf(line, sizeof line, "%s: %s", fh_party_field_label((fh_party_field)(f + k), zh()),
				 v[0] ? v : "–");
			fh_draw_text(y, 1 + k * half, line, half - 2, true, A_NORMAL);
		}
		y++;
	}
	size_t used = 0;
	line[0] = 0;
	for (size_t i = 0; i < p->nmembers && used < sizeof line; i++)
		/* TRANSLATORS: a named member: name (kind, relation elsewhere) */
		used += (size_t)snprintf(line + used, sizeof line - used, _("%s%s (%s%s)"), i ? _(", ") : "",
					 p->members[i].name, fh_member_kind_label(p->members[i].kind, zh()),
					 p->members[i].relation_here ? "" : _(", relation elsewhere"));
	if (y < bottom) {
		char named[900];
		snprintf(named, sizeof named, _("Named (p): %s"), p->nmembers ? line : _("none"));
		fh_draw_text(y++, 1, named, cols - 2, true, A_NORMAL);
	}
	return y;
}

/* Both tracks side by side, each by date: the milestones, and on the party
 * track the sync checks; late ones marked. */
static void draw_tracks(struct app *app, struct page *p, int y, int bottom, int cols)
{
	int half = cols / 2;
	if (y >= bottom)
		return;
	fh_draw_text(y, 1, _("Organisation track"), half - 2, false, A_BOLD);
	fh_draw_text(y++, half, _("Party track"), cols - half - 1, false, A_BOLD);
	/* each track's lines by date: milestones, and on the party track the sync checks */
	struct line {
		int64_t date;
		char text[300];
		attr_t attr;
	} *lines = calloc(p->nms + p->nsync + 1, sizeof *lines);
	size_t nl[2] = { 0, 0 };
	if (!lines)
		return;
	struct line *track[2] = { lines, NULL }; /* org first, party after */
	size_t norg = 0;
	for (size_t i = 0; i < p->nms; i++)
		norg += !p->ms[i].party;
	track[1] = lines + norg;
	for (size_t i = 0; i < p->nms; i++) {
		const fh_milestone *m = &p->ms[i];
		struct line *l = &track[m->party][nl[m->party]++];
		char due[16];
		l->date = m->done_on ? m->done_on : m->due;
		snprintf(l->text, sizeof l->text, "%s %s %s",
			 m->done_on        ? "✓"
				 : m->late ? "!"
					   : "·",
			 date_or_dash(l->date, due, sizeof due), m->title);
		l->attr = m->late ? fh_attr(app, FH_C_BAD) : m->done_on ? fh_attr(app, FH_C_DIM) : A_NORMAL;
	}
	for (size_t i = 0; i < p->nsync; i++) {
		const fh_sync_item *s = &p->sync[i];
		struct line *l = &track[1][nl[1]++];
		char due[16];
		l->date = s->done_on ? s->done_on : s->due;
		snprintf(l->text, sizeof l->text, "%s %s %s (%s)",
			 s->done_on             ? "✓"
				 : s->late_days ? "!"
						: "·",
			 date_or_dash(l->date, due, sizeof due), fh_sync_kind_label(s->kind, zh()),
			 fh_sync_event_label(s->event, zh()));
		l->attr = s->late_days ? fh_attr(app, FH_C_BAD) : s->done_on ? fh_attr(app, FH_C_DIM) : A_NORMAL;
	}
	for (int t = 0; t < 2; t++) {
		qsort(track[t], nl[t], sizeof *lines, by_date);
		for (size_t i = 0; i < nl[t] && y + (int)i < bottom; i++)
			fh_draw_text(y + (int)i, t ? half : 1, track[t][i].text, (t ? cols - half : half) - 2, true,
				     track[t][i].attr);
	}
	free(lines);
}

/* The Party tab: the record, then the two tracks. */
static void draw_party(struct app *app, struct page *p, int y, int rows, int cols)
{
	int bottom = y + rows;
	y = draw_party_record(p, y, bottom, cols);
	draw_tracks(app, p, y + 1, bottom, cols);
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct page *p = v->priv;
	char line[800], d1[16], d2[16];
	const fh_tenant *t = &p->t;
	snprintf(line, sizeof line, "%s  [%s]  %s", t->name, fh_stage_label(t->stage, zh()), t->hub_name);
	fh_draw_text(a.y, 0, line, a.cols, true, fh_attr(app, FH_C_TITLE));
	if (t->admitted_on && t->stage == FH_STAGE_GRADUATED)
		snprintf(line, sizeof line, _("No. %lld · admitted %s · graduated %s, after %d months of incubation"),
			 (long long)t->id, date_or_dash(t->admitted_on, d1, sizeof d1),
			 date_or_dash(t->stage_since, d2, sizeof d2), fh_tenant_months(t, fh_clock_now()));
	else if (t->admitted_on && t->stage == FH_STAGE_EXITED)
		snprintf(line, sizeof line, _("No. %lld · admitted %s · left %s, after %d months of incubation"),
			 (long long)t->id, date_or_dash(t->admitted_on, d1, sizeof d1),
			 date_or_dash(t->stage_since, d2, sizeof d2), fh_tenant_months(t, fh_clock_now()));
	else if (t->admitted_on)
		snprintf(line, sizeof line, _("No. %lld · admitted %s · planned end %s%s · %d months"),
			 (long long)t->id, date_or_dash(t->admitted_on, d1, sizeof d1),
			 date_or_dash(t->planned_end, d2, sizeof d2), t->extended ? _(" (extended)") : "",
			 fh_tenant_months(t, fh_clock_now()));
	else
		snprintf(line, sizeof line, _("No. %lld · in this stage since %s"), (long long)t->id,
			 date_or_dash(t->stage_since, d1, sizeof d1));
	fh_draw_text(a.y + 1, 0, line, a.cols, false, A_NORMAL);
	static const char *const tabs[TABS] = { N_("Profile"),  N_("Stages"),     N_("History"), N_("Party"),
						N_("Projects"), N_("Activities"), N_("Records"), N_("Follow-up") };
	/* a column between the tabs when the bar has room for it */
	int x = 0, wide = 0;
	for (int i = 0; i < TABS; i++)
		wide += fh_str_width(_(tabs[i])) + 3;
	for (int i = 0; i < TABS; i++) {
		snprintf(line, sizeof line, " %s ", _(tabs[i]));
		x += fh_draw_text(a.y + 2, x, line, a.cols - x, false,
				  i == p->tab ? fh_attr(app, FH_C_SELECT) : A_UNDERLINE) +
			(wide <= a.cols);
	}
	if (p->error[0])
		fh_draw_text(a.y + 3, 0, p->error, a.cols, false, fh_attr(app, FH_C_BAD));
	int y = a.y + 4, body = a.rows - 4;
	if (p->tab == 0)
		draw_profile(p, y, body, a.cols);
	else if (p->tab == 1)
		draw_stages(p, y, body, a.cols);
	else if (p->tab == 3)
		draw_party(app, p, y, body, a.cols);
	else if (p->tab >= 4)
		fh_tenant_outcomes_draw(app, &p->out, p->tab - 4, y, body, a.cols, p->scroll);
	else
		draw_changes(app, p, y, body, a.cols);
}

/* ---- keys -------------------------------------------------------------------------- */

static int extend_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct page *p = under->priv;
	fh_error err;
	char buf[600], d[16];
	if (fh_tenant_extend(app->store, &app->actor, p->t.id, p->t.version, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return FH_R_RELOAD;
	}
	load(app, p, p->t.id);
	fh_app_say(app, false, _("%s: planned end now %s"), p->t.name,
		   fh_clock_format_date(p->t.planned_end, d, sizeof d));
	return FH_R_DONE;
}

static void ask_extend(struct app *app, struct page *p)
{
	fh_stage_plan plan;
	fh_error err;
	char buf[600], d1[16], d2[16];
	if (fh_tenant_extend_plan(app->store, &app->actor, p->t.id, &plan, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return;
	}
	struct fh_confirm c = { .yes = extend_yes };
	snprintf(c.title, sizeof c.title, _("Extend the incubation of %s?"), p->t.name);
	snprintf(
		c.text, sizeof c.text,
		_("The planned end moves from %s to %s (%d months more). A tenant is extended only once; this cannot be undone."),
		date_or_dash(p->t.planned_end, d1, sizeof d1), date_or_dash(plan.planned_end, d2, sizeof d2),
		plan.months);
	fh_view_push(app, &fh_confirm_view, &c);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct page *p = v->priv;
	switch (action) {
	case OP_TAB:
		p->tab = (p->tab + 1) % TABS;
		p->scroll = 0;
		return FH_R_DONE;
	case OP_EDIT:
		fh_view_push(app, p->tab == 3 ? &fh_party_form_view : &fh_tenant_form_view,
			     &(struct fh_tenant_arg){ p->t.id });
		return FH_R_DONE;
	case OP_STAGE: fh_view_push(app, &fh_stage_view, &(struct fh_tenant_arg){ p->t.id }); return FH_R_DONE;
	case OP_MEMBERS:
		fh_view_push(app, &fh_party_members_view, &(struct fh_tenant_arg){ p->t.id });
		return FH_R_DONE;
	case OP_TIMELINE: fh_view_push(app, &fh_timeline_view, &(struct fh_tenant_arg){ p->t.id }); return FH_R_DONE;
	case OP_EXTEND: ask_extend(app, p); return FH_R_DONE;
	case FH_ACT_MOVE_DOWN:
	case FH_ACT_PAGE_DOWN: p->scroll += action == FH_ACT_MOVE_DOWN ? 1 : 10; return FH_R_DONE;
	case FH_ACT_MOVE_UP:
	case FH_ACT_PAGE_UP:
		p->scroll -= action == FH_ACT_MOVE_UP ? 1 : 10;
		p->scroll = p->scroll < 0 ? 0 : p->scroll;
		return FH_R_DONE;
	case FH_ACT_MOVE_FIRST: p->scroll = 0; return FH_R_DONE;
	default: return FH_R_UNHANDLED;
	}
}

static const struct fh_binding page_keys[] = {
	{ '\t', false, OP_TAB, 0, "Tab", true, N_("next tab"),
	  N_("Next tab: profile, stages, history, party, projects, activities, records, follow-up") },
	{ 'e', false, OP_EDIT, 0, "e", true, NP_("key", "edit"),
	  N_("Edit the tenant (on the Party tab: its party record)") },
	{ 'm', false, OP_STAGE, 0, "m", true, N_("change stage"), N_("Move to the next stage, or exit") },
	{ 'x', false, OP_EXTEND, 0, "x", false, NP_("key", "extend"), N_("Extend the incubation once (asks first)") },
	{ 'p', false, OP_MEMBERS, 0, "p", true, N_("members"), N_("Party members by name, kind and relation") },
	{ 't', false, OP_TIMELINE, 0, "t", true, N_("milestones"),
	  N_("Milestones and mentoring sessions: tick off, waive, record") },
	{ 'q', false, FH_ACT_BACK, 0, "q", true, NULL, NULL },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap page_keymap = { N_("A tenant's page"), page_keys, &fh_scroll_keymap };

const struct view_ops fh_tenant_page_view = {
	.name = "tenant",
	.private_size = sizeof(struct page),
	.keymap = &page_keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(TENANT) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};
