/* fuhua tui — Outcomes' Follow-up tab: the graduates' follow-ups past
 * due, the longest overdue first, and those due in the next month (each
 * with the months after graduating it is for); r
 * records the selected one, Enter opens its tenant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/followup.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/width.h"
#include "list.h"
#include "outcomes.h"
#include "tenants.h"

enum { OP_RECORD = FH_ACT_LOCAL };

static void draw_followup(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_followup *f = row;
	char line[900], hub[64], d[16];
	fh_str_pad(fh_app_hub_label(app, f->hub_code), 8, hub, sizeof hub);
	if (f->late_days)
		snprintf(line, sizeof line, _("%s %s · %d mo. · due %s · %d days late"), hub, f->tenant, f->months,
			 fh_clock_format_date(f->due, d, sizeof d), f->late_days);
	else
		snprintf(line, sizeof line, _("%s %s · %d mo. · due %s"), hub, f->tenant, f->months,
			 fh_clock_format_date(f->due, d, sizeof d));
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, false, f->late_days ? fh_attr(app, FH_C_WARN) | a : a);
}

static const struct fh_list_source followup_source = { sizeof(fh_followup), NULL, NULL, draw_followup, NULL };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	fh_followup *rows;
	size_t n;
	fh_error err;
	p->error[0] = 0;
	if (fh_followup_list(app->store, &app->actor, NULL, 0, fh_clock_add_months(fh_clock_now(), 1), 500, &rows, &n,
			     &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	fh_list_set(&p->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &followup_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_followup *x = fh_list_selected(&p->list);
	switch (action) {
	case OP_RECORD:
		if (!x) {
			fh_app_say(app, true, "%s", _("No follow-up is due."));
			return FH_R_DONE;
		}
		fh_view_push(app, &fh_oc_form_view,
			     &(struct fh_oc_form_arg){ .kind = FH_OCF_FOLLOWUP, .id = x->id, .tenant = x->tenant_id });
		return FH_R_DONE;
	case FH_ACT_OPEN:
		if (x)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ x->tenant_id });
		return FH_R_DONE;
	default: return fh_list_request(app, &p->list, action);
	}
}

static const struct fh_binding followup_keys[] = {
	{ 'r', false, OP_RECORD, 0, "r", true, N_("record"),
	  N_("Record the selected follow-up: the state, people served") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("tenant"), N_("Open the graduate's page") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap followup_keymap = { N_("Follow-up"), followup_keys, &fh_list_keymap };

const struct view_ops fh_oc_followup_view = {
	.name = "outcomes-followup",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &followup_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_list_tab_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
