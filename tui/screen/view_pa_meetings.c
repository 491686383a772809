/* fuhua tui — the Party screen's Meetings tab: organisational life (三会一课)
 * of the branches, own and joint — each branch behind its hub's
 * meetings.months for a kind, the longest behind first, with when it last
 * met — and the meeting form: a records one for the selected branch (its
 * kind first), Enter opens the tenant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuhua/clock.h"
#include "fuhua/meeting.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/width.h"
#include "list.h"
#include "party.h"

enum { OP_RECORD = FH_ACT_LOCAL };

static void draw_behind(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_meeting_behind *b = row;
	char line[700], hub[64], d[16];
	fh_str_pad(fh_app_hub_label(app, b->hub_code), 8, hub, sizeof hub);
	if (b->last)
		snprintf(line, sizeof line, _("%s %s · %s · last %s · %d days behind"), hub, b->branch,
			 fh_label_meeting_kind(b->kind), fh_clock_format_date(b->last, d, sizeof d), b->days);
	else
		snprintf(line, sizeof line, _("%s %s · %s · none held · %d days behind"), hub, b->branch,
			 fh_label_meeting_kind(b->kind), b->days);
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, false, b->days > 30 ? fh_attr(app, FH_C_WARN) | a : a);
}

static const struct fh_list_source behind_source = { sizeof(fh_meeting_behind), NULL, NULL, draw_behind, NULL };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	fh_meeting_behind *rows;
	size_t n;
	fh_error err;
	p->error[0] = 0;
	if (fh_meeting_behind_list(app->store, &app->actor, NULL, 0, 500, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	fh_list_set(&p->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &behind_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_meeting_behind *b = fh_list_selected(&p->list);
	switch (action) {
	case OP_RECORD:
		if (!b) {
			fh_app_say(app, true, "%s",
				   _("No branch is behind: a records a meeting from a branch's line."));
			return FH_R_DONE;
		}
		fh_view_push(app, &fh_meeting_form_view, b);
		return FH_R_DONE;
	case FH_ACT_OPEN:
		if (b && b->tenant_id)
			return fh_pa_open_tenant(app, b->tenant_id, false);
		return FH_R_DONE;
	default: {
		int r = fh_pa_request(app, p->shared, action);
		return r != FH_R_UNHANDLED ? r : fh_list_request(app, &p->list, action);
	}
	}
}

static const struct fh_binding meetings_keys[] = {
	{ 'a', false, OP_RECORD, 0, "a", true, N_("meeting"),
	  N_("Record a meeting of the selected branch (三会一课)") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the branch's tenant") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap meetings_keymap = { N_("Meetings"), meetings_keys, &fh_pa_keymap };

const struct view_ops fh_pa_meetings_view = {
	.name = "party-meetings",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &meetings_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_list_tab_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};

/* ---- the meeting form ------------------------------------------------------------- */

struct mform {
	fh_meeting_behind b;
	struct fh_form form;
	char title[400];
};

static const char *const ids[] = { "kind", "on", "attendance", "topic" };

static bool form_open(struct app *app, struct view *v, const void *arg)
{
	(void)app;
	struct mform *p = v->priv;
	p->b = *(const fh_meeting_behind *)arg;
	char today[16];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	snprintf(p->title, sizeof p->title, _("A meeting of %s"), p->b.branch);
	struct fh_form_field *k = fh_form_add(&p->form, _("Kind (←/→)"), FH_FIELD_CHOICE, "");
	for (int i = 0; i < FH_MEETING_KIND_COUNT; i++)
		k->choices[k->nchoices++] = fh_label_meeting_kind((fh_meeting_kind)i);
	snprintf(k->value, sizeof k->value, "%s", fh_label_meeting_kind(p->b.kind)); /* the kind behind */
	fh_form_add(&p->form, _("Date"), FH_FIELD_TEXT, today);
	fh_form_add(&p->form, _("Members present"), FH_FIELD_TEXT, "");
	fh_form_add(&p->form, _("Topic"), FH_FIELD_TEXT, "");
	return true;
}

static void form_draw(struct app *app, struct view *v, struct rect a)
{
	struct mform *p = v->priv;
	fh_form_draw(app, &p->form, p->title, a);
}

static int form_save(struct app *app, struct view *v)
{
	struct mform *p = v->priv;
	struct fh_form_field *f = p->form.f;
	fh_meeting m = { .tenant_id = p->b.tenant_id, .branch_id = p->b.branch_id };
	long long present = 0;
	fh_error err = { 0 };
	fh_status st;
	fh_form_clear_errors(&p->form);
	for (int i = 0; i < f[0].nchoices; i++)
		if (strcmp(f[0].value, f[0].choices[i]) == 0)
			m.kind = (fh_meeting_kind)i;
	if (!fh_form_day(&f[1], &m.on))
		st = fh_error_set(&err, FH_EINVAL, "on", "%s", f[1].error);
	else if (!fh_form_int(&f[2], 0, 1000, &present))
		st = fh_error_set(&err, FH_EINVAL, "attendance", "%s", f[2].error);
	else if (strlen(f[3].value) >= sizeof m.topic)
		st = fh_error_set(&err, FH_EINVAL, "topic", "%s", _("is too long"));
	else {
		int64_t id;
		m.attendance = (int)present;
		memcpy(m.topic, f[3].value, strlen(f[3].value) + 1); /* it fits: measured above */
		st = fh_meeting_add(app->store, &app->actor, &m, &id, &err);
	}
	if (st == FH_OK) {
		fh_app_say(app, false, "%s", _("Saved"));
		return FH_R_POP;
	}
	char buf[700];
	for (int i = 0; i < p->form.n; i++)
		if (f[i].error[0] || strcmp(err.field, ids[i]) == 0) {
			if (!f[i].error[0])
				snprintf(f[i].error, sizeof f[i].error, "%s", err.message);
			fh_form_focus_error(&p->form);
			return FH_R_DONE;
		}
	snprintf(p->form.message, sizeof p->form.message, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_DONE;
}

static int form_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct mform *)v->priv)->form, action, in, form_save);
}

static bool form_typing(struct view *v)
{
	return fh_form_typing(&((struct mform *)v->priv)->form);
}

const struct view_ops fh_meeting_form_view = {
	.form = true,
	.name = "party-meeting-form",
	.private_size = sizeof(struct mform),
	.keymap = &fh_form_keymap,
	.open = form_open,
	.draw = form_draw,
	.request = form_request,
	.typing = form_typing,
};
