/* fuhua tui — Mentoring's Mentors tab: each mentor with their load and
 * quiet pairings; Enter (or a) pairs the selected one with a tenant, n
 * adds one. */
#include <stdio.h>
#include <stdlib.h>

#include "fuhua/mentor.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "../common/labels.h"
#include "list.h"
#include "mentoring.h"

enum { OP_ASSIGN = FH_ACT_LOCAL, OP_NEW_MENTOR };

static void draw_mentor(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_mentor *m = row;
	char line[700];
	char hub[64];
	fh_str_pad(fh_app_hub_label(app, m->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, _("%s %s · %s · carries %d of %d · %.1f h in 12 months"), hub, m->name,
		 m->expertise[0] ? m->expertise : "–", m->load, m->capacity, m->hours);
	fh_draw_text(y, x, "", cols, true, a);
	int w = fh_draw_text(y, x + 1, line, cols - 2, false, a);
	if (m->quiet && w + 4 < cols) {
		snprintf(line, sizeof line, _("  %d quiet"), m->quiet);
		fh_draw_text(y, x + 1 + w, line, cols - w - 2, false, fh_attr(app, FH_C_WARN) | a);
	}
}

static const struct fh_list_source mentor_source = { sizeof(fh_mentor), NULL, NULL, draw_mentor, NULL };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	fh_mentor *rows;
	size_t n;
	fh_error err;
	p->error[0] = 0;
	if (fh_mentor_list(app->store, &app->actor, NULL, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	fh_list_set(&p->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &mentor_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_mentor *m = fh_list_selected(&p->list);
	struct fh_ms_form_arg fa = { .kind = FH_MSF_MENTOR };
	switch (action) {
	case OP_ASSIGN:
		if (!m) {
			fh_app_say(app, true, "%s", _("a pairs the selected mentor with a tenant: on Mentors."));
			return FH_R_DONE;
		}
		fa.kind = FH_MSF_ASSIGN;
		fa.mentor = m->id;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	case OP_NEW_MENTOR: fh_view_push(app, &fh_ms_form_view, &fa); return FH_R_DONE;
	default: return fh_list_request(app, &p->list, action);
	}
}

static const struct fh_binding mentors_keys[] = {
	{ '\n', false, OP_ASSIGN, 0, "Enter", true, N_("pair"), N_("Mentors: pair the selected mentor with a tenant") },
	{ 'a', false, OP_ASSIGN, 0, "a", false, N_("pair"), N_("Mentors: pair the selected mentor with a tenant") },
	{ 'n', false, OP_NEW_MENTOR, 0, "n", true, N_("new mentor"), N_("Add a mentor to your hub (a manager)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap mentors_keymap = { N_("Mentors"), mentors_keys, &fh_list_keymap };

const struct view_ops fh_ms_mentors_view = {
	.name = "mentoring-mentors",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &mentors_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_list_tab_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
