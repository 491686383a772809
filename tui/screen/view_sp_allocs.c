/* fuhua tui — the Spaces screen's Ending and Handovers tabs: the hub's
 * allocations ending within 90 days, and those ended whose space is not yet
 * handed back (h records a handover, after asking); Enter opens the tenant. */
#include <stdio.h>
#include <stdlib.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "../common/labels.h"
#include "spaces.h"
#include "tenants.h"

#define DAY 86400

enum { OP_HANDED = FH_ACT_LOCAL };

struct allocs_tab {
	struct fh_list_tab base; /* its shared state: struct sscreen */
	bool handover;
};

static void draw_allocation(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app;
	struct allocs_tab *t = ctx;
	const struct sscreen *p = t->base.shared;
	const fh_allocation *r = row;
	char line[600], d[16], e[16];
	int name_w = cols > 70 ? cols - 46 : cols / 2;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, r->tenant, name_w - 2, true, a);
	fh_clock_format_date(r->end_on, d, sizeof d);
	if (t->handover) {
		fh_clock_format_date(r->handover_due, e, sizeof e);
		snprintf(line, sizeof line, _("%-6s %s  ended %s, due back %s (%d days late)"), r->space_code,
			 fh_app_hub_label(app, r->hub_code), d, e, (int)((p->today - r->handover_due) / DAY));
	} else {
		snprintf(line, sizeof line, _("%-6s %s  ends %s, in %d days"), r->space_code,
			 fh_app_hub_label(app, r->hub_code), d, (int)((r->end_on - p->today) / DAY));
	}
	fh_draw_text(y, x + name_w, line, cols - name_w, true, a);
}

static const struct fh_list_source alloc_source = { sizeof(fh_allocation), NULL, NULL, draw_allocation, NULL };

static void reload(struct app *app, struct view *v)
{
	struct allocs_tab *t = v->priv;
	fh_allocation_filter f = { .which = t->handover ? FH_ALLOC_HANDOVER : FH_ALLOC_ENDING,
				   .hub_code = fh_spaces_hub_code(t->base.shared),
				   .own_hub = true,
				   .days = 90 };
	fh_allocation *rows;
	size_t n;
	fh_error err;
	t->base.error[0] = 0;
	if (fh_allocation_list(app->store, &app->actor, &f, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, t->base.error, sizeof t->base.error);
		return;
	}
	fh_list_set(&t->base.list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	((struct allocs_tab *)v->priv)->handover = v->ops == &fh_sp_handover_view;
	return fh_list_tab_open(app, v, arg, &alloc_source);
}

static int handed_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct allocs_tab *t = under->priv;
	const fh_allocation *a = fh_list_selected(&t->base.list);
	fh_error err;
	char buf[700];
	if (a && fh_allocation_handed_over(app->store, &app->actor, a->id, 0, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (a)
		fh_app_say(app, false, _("%s handed back today"), a->space_code);
	return FH_R_RELOAD;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct allocs_tab *t = v->priv;
	const fh_allocation *a = fh_list_selected(&t->base.list);
	switch (action) {
	case FH_ACT_OPEN:
		if (a && a->tenant_id)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ a->tenant_id });
		return FH_R_DONE;
	case OP_HANDED: {
		if (!a) {
			fh_app_say(app, true, "%s", _("h records a handover: on the Handovers list."));
			return FH_R_DONE;
		}
		struct fh_confirm c = { .yes = handed_yes };
		snprintf(c.title, sizeof c.title, _("%s handed back?"), a->space_code);
		snprintf(c.text, sizeof c.text, _("%s has handed %s (%s) back today: the handover is recorded."),
			 a->tenant, a->space_code, a->space_name);
		fh_view_push(app, &fh_confirm_view, &c);
		return FH_R_DONE;
	}
	default: {
		int r = fh_spaces_request(app, t->base.shared, action, NULL);
		return r != FH_R_UNHANDLED ? r : fh_list_request(app, &t->base.list, action);
	}
	}
}

static const struct fh_binding ending_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the tenant") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_binding handover_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the tenant") },
	{ 'h', false, OP_HANDED, 0, "h", true, N_("handed back"),
	  N_("Handovers: the space was handed back today (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap ending_keymap = { N_("Ending"), ending_keys, &fh_spaces_keymap };
static const struct fh_keymap handover_keymap = { N_("Handovers"), handover_keys, &fh_spaces_keymap };

#define ALLOCS_VIEW(name_, keymap_)                                                                                  \
	{                                                                                                            \
		.name = name_, .private_size = sizeof(struct allocs_tab), .keymap = keymap_, .open = open,           \
		.reload = reload, .draw = fh_spaces_list_draw, .request = request, .position = fh_list_tab_position, \
		.done = fh_list_tab_done                                                                             \
	}

const struct view_ops fh_sp_ending_view = ALLOCS_VIEW("spaces-ending", &ending_keymap);
const struct view_ops fh_sp_handover_view = ALLOCS_VIEW("spaces-handover", &handover_keymap);
