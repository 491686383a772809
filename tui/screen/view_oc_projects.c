/* fuhua tui — Outcomes' Projects tab: this year's projects and those of
 * any year still waiting for their evaluation, each with what was paid of
 * its grant as a bar and a mark when it runs past its end or its
 * evaluation is due; a records one, p a payment, m its next state, v its
 * evaluation, Enter opens its tenant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/width.h"
#include "list.h"
#include "outcomes.h"
#include "tenants.h"

enum { OP_NEW = FH_ACT_LOCAL, OP_PAY, OP_MOVE, OP_EVALUATE };

#define SHOWN_MAX 2000

static void draw_project(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_project *p = row;
	char line[900], hub[64], g[32], paid[32];
	int64_t today = fh_clock_day(fh_clock_now());
	const char *flag = "";
	if ((p->state == FH_PROJECT_RUNNING || p->state == FH_PROJECT_APPROVED) && p->end_on && p->end_on < today)
		flag = _("past end");
	else if (p->state == FH_PROJECT_CLOSED && p->evaluation_due && p->evaluation_due < today)
		flag = _("evaluation late");
	else if (p->state == FH_PROJECT_CLOSED)
		flag = _("to evaluate");
	int right = 31, fw = flag[0] ? fh_str_width(flag) + 1 : 0; /* paid/granted and the bar; the flag */
	fh_str_pad(fh_app_hub_label(app, p->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, "%s %s · %s · %s · %s", hub, p->tenant, p->title, fh_label_project_kind(p->kind),
		 fh_label_project_state(p->state));
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - right - fw - 2, false, a);
	if (fw)
		fh_draw_text(y, x + cols - right - fw - 1, flag, fw, false, fh_attr(app, FH_C_WARN) | a);
	snprintf(line, sizeof line, "%s/%s", fh_yuan_format(p->paid, paid, sizeof paid),
		 fh_yuan_format(p->granted, g, sizeof g));
	int bx = x + cols - right;
	fh_draw_text(y, bx, line, 21, false, a);
	if (p->granted > 0)
		fh_draw_bar(app, y, bx + 22, 8, (double)p->paid, (double)p->granted, true);
}

static void whole_project(struct app *app, void *ctx, const void *row, char *buf, size_t size)
{
	(void)ctx;
	const fh_project *p = row;
	char g[32], paid[32], d1[16], d2[16];
	snprintf(buf, size,
		 _("No. %lld · %s · %s · %s %d %s · %s to %s · granted %s, paid %s · to serve %d, served %lld"),
		 (long long)p->id, fh_app_hub_label(app, p->hub_code), p->tenant, p->funder, p->year, p->batch,
		 p->start_on ? fh_clock_format_date(p->start_on, d1, sizeof d1) : "–",
		 p->end_on ? fh_clock_format_date(p->end_on, d2, sizeof d2) : "–",
		 fh_yuan_format(p->granted, g, sizeof g), fh_yuan_format(p->paid, paid, sizeof paid), p->target_served,
		 (long long)p->served);
}

static const struct fh_list_source project_source = { sizeof(fh_project), NULL, NULL, draw_project, whole_project };

/* This year's projects, then those of earlier years waiting for their
 * evaluation; the counts for the heading. */
static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	struct fh_oc_shared *sh = p->shared;
	fh_project *rows = NULL, *due = NULL, *late = NULL;
	size_t n = 0, nd = 0, nl = 0;
	fh_error err;
	char d[16];
	int year = atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d));
	fh_project_filter f = { .kind = -1, .state = -1, .year = year, .limit = SHOWN_MAX };
	p->error[0] = 0;
	if (fh_project_list(app->store, &app->actor, &f, &rows, &n, &err) != FH_OK)
		goto fail;
	f.year = 0;
	f.due = FH_PROJECT_EVALUATION_DUE;
	if (fh_project_list(app->store, &app->actor, &f, &due, &nd, &err) != FH_OK)
		goto fail;
	f.due = FH_PROJECT_PAST_END;
	if (fh_project_list(app->store, &app->actor, &f, &late, &nl, &err) != FH_OK)
		goto fail;
	sh->past_end = (int)nl;
	sh->evaluation_due = (int)nd;
	fh_project *all = malloc((n + nd + 1) * sizeof *all);
	if (!all) {
		fh_error_set(&err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		goto fail;
	}
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		all[k++] = rows[i];
	for (size_t i = 0; i < nd; i++)
		if (due[i].year != year)
			all[k++] = due[i];
	fh_list_set(&p->list, all, k);
	free(all);
	free(rows);
	free(due);
	free(late);
	return;
fail:
	free(rows);
	free(due);
	free(late);
	fh_error_text(&err, p->error, sizeof p->error);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &project_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_project *x = fh_list_selected(&p->list);
	struct fh_oc_form_arg fa = { .kind = FH_OCF_PROJECT };
	switch (action) {
	case OP_NEW: fh_view_push(app, &fh_oc_form_view, &fa); return FH_R_DONE;
	case FH_ACT_OPEN:
		if (x)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ x->tenant_id });
		return FH_R_DONE;
	case OP_PAY:
	case OP_MOVE:
	case OP_EVALUATE:
		if (!x) {
			fh_app_say(app, true, "%s", _("Choose a project first (a records a new one)."));
			return FH_R_DONE;
		}
		fa.kind = action == OP_PAY ? FH_OCF_PAY : action == OP_MOVE ? FH_OCF_MOVE : FH_OCF_EVALUATE;
		fa.id = x->id;
		fa.tenant = x->tenant_id;
		fh_view_push(app, &fh_oc_form_view, &fa);
		return FH_R_DONE;
	default: return fh_list_request(app, &p->list, action);
	}
}

static const struct fh_binding projects_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("tenant"), N_("Open the project's tenant") },
	{ 'a', false, OP_NEW, 0, "a", true, N_("new"),
	  N_("Record a tenant's project (a grant, a contract, a subsidy)") },
	{ 'p', false, OP_PAY, 0, "p", true, N_("pay"), N_("Record a payment to the selected project (a manager)") },
	{ 'm', false, OP_MOVE, 0, "m", true, N_("state"),
	  N_("Move the selected project on: approved, running, closed") },
	{ 'v', false, OP_EVALUATE, 0, "v", false, N_("evaluate"),
	  N_("Record the selected closed project's evaluation (绩效评估)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap projects_keymap = { N_("Projects"), projects_keys, &fh_list_keymap };

const struct view_ops fh_oc_projects_view = {
	.name = "outcomes-projects",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &projects_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_list_tab_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
