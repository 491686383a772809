/* fuhua tui — the Party screen's lists to act on: tenants uncovered, those
 * that should form a branch of their own, sync checks late by age (d marks
 * one done, after asking), committees whose re-election is due (a joint
 * branch's opens its form). Enter opens the tenant, e its party record. */
#include <stdio.h>
#include <stdlib.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "../common/labels.h"
#include "list.h"
#include "party.h"

#define LIST_MAX 500

enum { OP_EDIT = FH_ACT_LOCAL, OP_DONE };

struct lists_tab {
	struct fh_list_tab base; /* its shared state: struct fh_pa_shared */
	fh_party_list_kind kind;
};

static void draw_party_row(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app;
	struct lists_tab *t = ctx;
	const fh_party_row *r = row;
	bool zh = fh_i18n_is_zh();
	char line[600], what[200] = "";
	fh_sync_kind k;
	switch (t->kind) {
	case FH_PL_SYNC_GAPS:
		snprintf(what, sizeof what, _("%s, %d days late"),
			 fh_sync_kind_parse(r->what, &k) ? fh_sync_kind_label(k, zh) : r->what, r->days);
		break;
	case FH_PL_REELECTION: {
		char d[11];
		fh_clock_format_date(r->date, d, sizeof d);
		snprintf(what, sizeof what, r->days >= 0 ? _("term ended %s") : _("term ends %s"), d);
		break;
	}
	case FH_PL_UNCOVERED:
		snprintf(what, sizeof what, "%s",
			 r->fallback ? _("fallback without an instructor") : _("no organisation, no fallback"));
		break;
	default: snprintf(what, sizeof what, _("%d full members, %s"), r->full, fh_party_org_label(r->form, zh));
	}
	int name_w = cols > 60 ? cols - 44 : cols / 2;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, r->name, name_w - 2, true, a);
	char hub[64];
	fh_str_pad(fh_app_hub_label(app, r->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, "%s %s", hub, what);
	fh_draw_text(y, x + name_w, line, cols - name_w, true, a);
}

static const struct fh_list_source party_source = { sizeof(fh_party_row), NULL, NULL, draw_party_row, NULL };

static void reload(struct app *app, struct view *v)
{
	struct lists_tab *t = v->priv;
	fh_party_row *rows;
	size_t n;
	bool more = false;
	fh_error err;
	t->base.error[0] = 0;
	if (fh_party_list(app->store, &app->actor, 0, t->kind, LIST_MAX, &rows, &n, &more, &err) != FH_OK) {
		fh_error_text(&err, t->base.error, sizeof t->base.error);
		return;
	}
	fh_list_set(&t->base.list, rows, n);
	free(rows);
	t->base.list.count_more = more;
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct lists_tab *t = v->priv;
	t->kind = v->ops == &fh_pa_uncovered_view ? FH_PL_UNCOVERED
		: v->ops == &fh_pa_should_view    ? FH_PL_SHOULD_BRANCH
		: v->ops == &fh_pa_gaps_view      ? FH_PL_SYNC_GAPS
						  : FH_PL_REELECTION;
	return fh_list_tab_open(app, v, arg, &party_source);
}

static int done_yes(struct app *app, struct view *under, int item)
{
	(void)under;
	fh_error err;
	char buf[600];
	if (fh_party_sync_done(app->store, &app->actor, item, 0, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else
		fh_app_say(app, false, "%s", _("Marked done today."));
	return FH_R_RELOAD;
}

/* d on a sync gap: the check done today, after saying what it is. */
static int ask_done(struct app *app, const fh_party_row *r)
{
	fh_sync_kind k;
	if (!r) {
		fh_app_say(app, true, "%s", _("d marks a sync check done: on the Sync gaps list."));
		return FH_R_DONE;
	}
	if (r->item_id > INT32_MAX)
		return FH_R_DONE;
	struct fh_confirm c = { .yes = done_yes, .arg = (int)r->item_id };
	snprintf(c.title, sizeof c.title, _("Done: %s?"), r->name);
	snprintf(c.text, sizeof c.text, _("%s is marked done today (%d days late). The audit log keeps who did it."),
		 fh_sync_kind_parse(r->what, &k) ? fh_sync_kind_label(k, fh_i18n_is_zh()) : r->what, r->days);
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct lists_tab *t = v->priv;
	const fh_party_row *r = fh_list_selected(&t->base.list);
	switch (action) {
	case FH_ACT_OPEN:
	case OP_EDIT:
		if (r && !r->tenant_id && t->kind == FH_PL_REELECTION) { /* a joint branch's committee */
			fh_view_push(app, &fh_branch_form_view, &(struct fh_branch_arg){ r->item_id });
			return FH_R_DONE;
		}
		return fh_pa_open_tenant(app, r ? r->tenant_id : 0, action == OP_EDIT);
	case OP_DONE: return ask_done(app, r);
	default: {
		int rr = fh_pa_request(app, t->base.shared, action);
		return rr != FH_R_UNHANDLED ? rr : fh_list_request(app, &t->base.list, action);
	}
	}
}

static const struct fh_binding list_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"),
	  N_("Open the tenant (the joint branch, the instructor's tenants)") },
	{ 'e', false, OP_EDIT, 0, "e", true, N_("party record"), N_("Edit the selected tenant's party record") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_binding gap_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"),
	  N_("Open the tenant (the joint branch, the instructor's tenants)") },
	{ 'e', false, OP_EDIT, 0, "e", true, N_("party record"), N_("Edit the selected tenant's party record") },
	{ 'd', false, OP_DONE, 0, "d", true, N_("done"),
	  N_("On the Sync gaps list: the selected check done today (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap list_keymap = { N_("Party lists"), list_keys, &fh_pa_keymap };
static const struct fh_keymap gap_keymap = { N_("Sync gaps"), gap_keys, &fh_pa_keymap };

#define LIST_VIEW(name_, keymap_)                                                                                 \
	{                                                                                                         \
		.name = name_, .private_size = sizeof(struct lists_tab), .keymap = keymap_, .open = open,         \
		.reload = reload, .draw = fh_list_tab_draw, .request = request, .position = fh_list_tab_position, \
		.done = fh_list_tab_done                                                                          \
	}

const struct view_ops fh_pa_uncovered_view = LIST_VIEW("party-uncovered", &list_keymap);
const struct view_ops fh_pa_should_view = LIST_VIEW("party-should", &list_keymap);
const struct view_ops fh_pa_gaps_view = LIST_VIEW("party-gaps", &gap_keymap);
const struct view_ops fh_pa_reelect_view = LIST_VIEW("party-reelect", &list_keymap);
