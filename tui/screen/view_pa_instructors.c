/* fuhua tui — the Party screen's Instructors tab: each instructor or
 * liaison with the tenants they guide; Enter lists those tenants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "../common/labels.h"
#include "list.h"
#include "party.h"

static void draw_instructor(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_instructor *r = row;
	char line[400];
	char hub[64];
	fh_str_pad(fh_app_hub_label(app, r->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, _("%s %s (%s): %d tenants"), hub, r->name, r->employer[0] ? r->employer : "–",
		 r->tenants);
	fh_draw_text(y, x + 1, line, cols - 1, true, a);
}

static const struct fh_list_source instructor_source = { sizeof(fh_instructor), NULL, NULL, draw_instructor, NULL };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *t = v->priv;
	fh_instructor *rows;
	size_t n;
	fh_error err;
	t->error[0] = 0;
	if (fh_party_instructors(app->store, &app->actor, 0, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, t->error, sizeof t->error);
		return;
	}
	fh_list_set(&t->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &instructor_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *t = v->priv;
	if (action == FH_ACT_OPEN) {
		const fh_instructor *person = fh_list_selected(&t->list);
		struct fh_instructor_arg who = { 0 };
		if (person) {
			who.id = person->id;
			memcpy(who.name, person->name, sizeof who.name);
			fh_view_push(app, &fh_instructed_view, &who);
		}
		return FH_R_DONE;
	}
	int r = fh_pa_request(app, t->shared, action);
	return r != FH_R_UNHANDLED ? r : fh_list_request(app, &t->list, action);
}

static const struct fh_binding instructor_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"),
	  N_("Open the tenant (the joint branch, the instructor's tenants)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap instructor_keymap = { N_("Instructors"), instructor_keys, &fh_pa_keymap };

const struct view_ops fh_pa_instructors_view = {
	.name = "party-instructors",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &instructor_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_list_tab_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
