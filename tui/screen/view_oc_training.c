/* fuhua tui — Outcomes' Training tab: the courses of the last year and
 * those planned, each with its audience and how many attended; a adds a
 * course, t records who attended the selected one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/course.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/width.h"
#include "list.h"
#include "outcomes.h"

enum { OP_NEW = FH_ACT_LOCAL, OP_ATTEND };

static void draw_course(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_course *c = row;
	char line[900], hub[64], d[16];
	fh_str_pad(fh_app_hub_label(app, c->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, _("%s %s %s · %s · %.1f h · %s · %d attended"),
		 fh_clock_format_date(c->on, d, sizeof d), hub, c->title, c->trainer, c->hours,
		 fh_label_course_audience(c->audience), c->attended);
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, false,
		     c->on > fh_clock_day(fh_clock_now()) ? fh_attr(app, FH_C_DIM) | a : a);
}

static const struct fh_list_source course_source = { sizeof(fh_course), NULL, NULL, draw_course, NULL };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	fh_course *rows;
	size_t n;
	fh_error err;
	p->error[0] = 0;
	if (fh_course_list(app->store, &app->actor, NULL, fh_clock_add_months(fh_clock_day(fh_clock_now()), -12), 0,
			   &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	fh_list_set(&p->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &course_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_course *x = fh_list_selected(&p->list);
	struct fh_oc_form_arg fa = { .kind = FH_OCF_COURSE };
	switch (action) {
	case OP_NEW: fh_view_push(app, &fh_oc_form_view, &fa); return FH_R_DONE;
	case OP_ATTEND:
		if (!x) {
			fh_app_say(app, true, "%s", _("Choose a course first (a adds one)."));
			return FH_R_DONE;
		}
		fa.kind = FH_OCF_ATTEND;
		fa.id = x->id;
		fh_view_push(app, &fh_oc_form_view, &fa);
		return FH_R_DONE;
	default: return fh_list_request(app, &p->list, action);
	}
}

static const struct fh_binding training_keys[] = {
	{ 'a', false, OP_NEW, 0, "a", true, N_("new"), N_("Add a course, held or planned") },
	{ 't', false, OP_ATTEND, 0, "t", true, N_("attended"), N_("Record who attended the selected course") },
	{ '\n', false, OP_ATTEND, 0, "Enter", false, N_("attended"), N_("Record who attended the selected course") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap training_keymap = { N_("Training"), training_keys, &fh_list_keymap };

const struct view_ops fh_oc_training_view = {
	.name = "outcomes-training",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &training_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_list_tab_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
