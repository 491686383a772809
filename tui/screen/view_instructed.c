/* fuhua tui — the tenants an instructor or liaison carries, from the Party
 * screen's instructors list; Enter opens one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "../common/labels.h"
#include "list.h"
#include "party.h"
#include "tenants.h"
#include "tui.h"

#define INSTRUCTED_MAX 1000

struct instructed {
	struct fh_instructor_arg who;
	struct fh_list list;
	char error[600];
};

static void draw_row(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_party_row *r = row;
	char line[300];
	char hub[64];
	fh_str_pad(fh_app_hub_label(app, r->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, "%s %s", hub, fh_party_column(r->form, r->fallback, false, fh_i18n_is_zh()));
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, r->name, cols / 2 - 2, true, a);
	fh_draw_text(y, x + cols / 2, line, cols - cols / 2, true, a);
}

static const struct fh_list_source source = { sizeof(fh_party_row), NULL, NULL, draw_row, NULL };

static void reload(struct app *app, struct view *v)
{
	struct instructed *t = v->priv;
	fh_party_row *rows = NULL;
	size_t n = 0;
	bool more = false;
	fh_error err;
	t->error[0] = 0;
	if (fh_party_instructed(app->store, &app->actor, t->who.id, INSTRUCTED_MAX, &rows, &n, &more, &err) != FH_OK)
		fh_error_text(&err, t->error, sizeof t->error);
	fh_list_set(&t->list, rows, n);
	t->list.count_more = more;
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct instructed *t = v->priv;
	t->who = *(const struct fh_instructor_arg *)arg;
	fh_list_init(&t->list, &source, t);
	reload(app, v);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct instructed *t = v->priv;
	char title[400], pos[32];
	snprintf(title, sizeof title, _("Tenants in incubation with %s as instructor or liaison"), t->who.name);
	fh_draw_text(a.y, 0, title, a.cols, true, fh_attr(app, FH_C_TITLE));
	fh_list_position(&t->list, pos, sizeof pos);
	fh_draw_text(a.y + 1, 1, pos, a.cols - 2, false, fh_attr(app, FH_C_DIM));
	if (t->error[0]) {
		fh_draw_wrapped(a.y + 3, 1, t->error, a.cols - 2, 3, fh_attr(app, FH_C_BAD));
		return;
	}
	fh_list_draw(app, &t->list, (struct rect){ a.y + 3, 0, a.rows - 3, a.cols }, true);
	if (t->list.nrows == 0)
		fh_draw_text(a.y + 3, 2, _("None in incubation."), a.cols - 3, false, fh_attr(app, FH_C_DIM));
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct instructed *t = v->priv;
	const fh_party_row *r = fh_list_selected(&t->list);
	if (action == FH_ACT_OPEN) {
		if (r)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ r->tenant_id });
		return FH_R_DONE;
	}
	return fh_list_request(app, &t->list, action);
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	fh_list_free(&((struct instructed *)v->priv)->list);
}

static const struct fh_binding keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the tenant") },
	{ 'q', false, FH_ACT_BACK, 0, "q", true, NULL, NULL },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap keymap = { N_("An instructor's tenants"), keys, &fh_scroll_keymap };

const struct view_ops fh_instructed_view = {
	.name = "instructed",
	.private_size = sizeof(struct instructed),
	.keymap = &keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(PARTY) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};
