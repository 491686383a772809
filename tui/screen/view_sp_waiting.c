/* fuhua tui — the Spaces screen's Waiting tab: the hub's waiting list in
 * its order; d takes a tenant off it (after asking), Enter opens the tenant. */
#include <stdio.h>
#include <stdlib.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "spaces.h"
#include "tenants.h"

enum { OP_UNWAIT = FH_ACT_LOCAL };

static void draw_wait(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app, (void)ctx;
	const fh_wait *w = row;
	char line[600], d[16];
	int name_w = cols > 70 ? cols - 46 : cols / 2;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, w->tenant, name_w - 2, true, a);
	fh_clock_format_date(w->since, d, sizeof d);
	if (w->type == FH_SPACE_DESK)
		snprintf(line, sizeof line, _("%s ×%d, since %s %s"), fh_label_space_type(w->type), w->seats, d,
			 w->note);
	else
		snprintf(line, sizeof line, _("%s, since %s %s"), fh_label_space_type(w->type), d, w->note);
	fh_draw_text(y, x + name_w, line, cols - name_w, true, a);
}

static const struct fh_list_source wait_source = { sizeof(fh_wait), NULL, NULL, draw_wait, NULL };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *t = v->priv;
	fh_wait *rows;
	size_t n;
	fh_error err;
	t->error[0] = 0;
	if (fh_wait_list(app->store, &app->actor, fh_spaces_hub_code(t->shared), -1, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, t->error, sizeof t->error);
		return;
	}
	fh_list_set(&t->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &wait_source);
}

static int unwait_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct fh_list_tab *t = under->priv;
	const fh_wait *w = fh_list_selected(&t->list);
	fh_error err;
	char buf[700];
	if (w && fh_wait_remove(app->store, &app->actor, w->id, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (w)
		fh_app_say(app, false, _("%s is off the waiting list"), w->tenant);
	return FH_R_RELOAD;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *t = v->priv;
	const fh_wait *w = fh_list_selected(&t->list);
	switch (action) {
	case FH_ACT_OPEN:
		if (w && w->tenant_id)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ w->tenant_id });
		return FH_R_DONE;
	case OP_UNWAIT: {
		if (!w) {
			fh_app_say(app, true, "%s", _("d takes a tenant off the waiting list: on the Waiting list."));
			return FH_R_DONE;
		}
		struct fh_confirm c = { .yes = unwait_yes };
		snprintf(c.title, sizeof c.title, _("Take %s off the waiting list?"), w->tenant);
		snprintf(c.text, sizeof c.text, _("%s waits for: %s. It loses its place in the queue."), w->tenant,
			 fh_label_space_type(w->type));
		fh_view_push(app, &fh_confirm_view, &c);
		return FH_R_DONE;
	}
	default: {
		int r = fh_spaces_request(app, t->shared, action, NULL);
		return r != FH_R_UNHANDLED ? r : fh_list_request(app, &t->list, action);
	}
	}
}

static const struct fh_binding waiting_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the tenant") },
	{ 'd', false, OP_UNWAIT, 0, "d", true, N_("off the list"),
	  N_("Waiting: take the tenant off the waiting list (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap waiting_keymap = { N_("Waiting"), waiting_keys, &fh_spaces_keymap };

const struct view_ops fh_sp_waiting_view = {
	.name = "spaces-waiting",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &waiting_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_spaces_list_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
