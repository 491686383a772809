/* fuhua tui — Mentoring's Late and Due soon tabs: the standing overdue list
 * (until a milestone is done or waived, and tenants past their planned
 * end), and what is due within the hub's longest lead time. d ticks one off
 * today, w waives it, s records a session, Enter opens the timeline. */
#include <stdio.h>
#include <stdlib.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/milestone.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "../common/labels.h"
#include "list.h"
#include "mentoring.h"

#define LIST_MAX 200

enum { OP_DONE = FH_ACT_LOCAL, OP_WAIVE, OP_SESSION };

struct due_tab {
	struct fh_list_tab base; /* its shared state: struct fh_ms_shared */
	bool late;
};

/* When it was or is due: "2026-11-01, 22 days late". */
static void due_when(const struct due_tab *p, const fh_due *d, char *when, size_t size)
{
	char day[16];
	fh_clock_format_date(d->due, day, sizeof day);
	if (p->late)
		snprintf(when, size, _("%s, %d days late"), day, d->days);
	else
		snprintf(when, size, d->days ? _("%s, in %d days") : _("%s, today"), day, d->days);
}

static void whole_due(struct app *app, void *ctx, const void *row, char *buf, size_t size)
{
	const fh_due *d = row;
	char when[64];
	due_when(ctx, d, when, sizeof when);
	snprintf(buf, size, "%s · %s · %s%s · %s", d->tenant, fh_app_hub_label(app, d->hub_code),
		 d->id ? (d->party ? _("party: ") : _("org: ")) : "", d->title, when);
}

static void draw_due(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	struct due_tab *p = ctx;
	const fh_due *d = row;
	char line[700], when[64];
	due_when(p, d, when, sizeof when);
	int name_w = cols > 90 ? 30 : cols / 3;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, d->tenant, name_w - 2, true, a);
	char hub[64];
	fh_str_pad(fh_app_hub_label(app, d->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, "%s %s%s%s · %s", hub, d->id ? (d->party ? _("party: ") : _("org: ")) : "",
		 d->title, "", when);
	fh_draw_text(y, x + name_w, line, cols - name_w, true, p->late ? fh_attr(app, FH_C_BAD) | a : a);
}

static const struct fh_list_source due_source = { sizeof(fh_due), NULL, NULL, draw_due, whole_due };

static void reload(struct app *app, struct view *v)
{
	struct due_tab *p = v->priv;
	struct fh_ms_shared *sh = p->base.shared;
	fh_due *rows;
	size_t n;
	fh_error err;
	int *total = &sh->total[p->late ? 0 : 1];
	p->base.error[0] = 0;
	if (fh_milestone_due(app->store, &app->actor, NULL, p->late, sh->lead, LIST_MAX, &rows, &n, total, &err) !=
	    FH_OK) {
		fh_error_text(&err, p->base.error, sizeof p->base.error);
		return;
	}
	fh_list_set(&p->base.list, rows, n);
	free(rows);
	p->base.list.count_more = *total > (int)n;
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	((struct due_tab *)v->priv)->late = v->ops == &fh_ms_late_view;
	return fh_list_tab_open(app, v, arg, &due_source);
}

static int done_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct due_tab *p = under->priv;
	const fh_due *d = fh_list_selected(&p->base.list);
	fh_error err;
	char buf[700];
	if (d && d->id && fh_milestone_done(app->store, &app->actor, d->id, 0, "", &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (d)
		fh_app_say(app, false, _("Done today: %s"), d->title);
	return FH_R_RELOAD;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct due_tab *p = v->priv;
	const fh_due *d = fh_list_selected(&p->base.list);
	struct fh_ms_form_arg fa = { .milestone = d ? d->id : 0, .tenant = d ? d->tenant_id : 0 };
	switch (action) {
	case OP_DONE: {
		if (!d || !d->id) {
			fh_app_say(app, true, "%s", _("d ticks off the selected milestone: on Overdue or Due soon."));
			return FH_R_DONE;
		}
		struct fh_confirm c = { .yes = done_yes };
		snprintf(c.title, sizeof c.title, _("Done: %s?"), d->title);
		snprintf(
			c.text, sizeof c.text,
			_("%s: ticked off today, by you. Enter opens the tenant's timeline to record a date and evidence instead."),
			d->tenant);
		fh_view_push(app, &fh_confirm_view, &c);
		return FH_R_DONE;
	}
	case OP_WAIVE:
		if (!d || !d->id) {
			fh_app_say(app, true, "%s", _("w waives the selected milestone: on Overdue or Due soon."));
			return FH_R_DONE;
		}
		fa.kind = FH_MSF_WAIVE;
		fh_view_push(app, &fh_ms_form_view, &fa);
		return FH_R_DONE;
	default: {
		int r = fh_ms_tenant_request(app, action, OP_SESSION, &fa);
		return r != FH_R_UNHANDLED ? r : fh_list_request(app, &p->base.list, action);
	}
	}
}

static const struct fh_binding due_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("timeline"),
	  N_("Open the tenant's two tracks as a timeline") },
	{ 'd', false, OP_DONE, 0, "d", true, N_("done"), N_("The selected milestone done today (asks first)") },
	{ 'w', false, OP_WAIVE, 0, "w", true, N_("waive"),
	  N_("Waive the selected milestone, with the reason (a manager)") },
	{ 's', false, OP_SESSION, 0, "s", true, N_("session"),
	  N_("Record a mentoring session with the selected tenant") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap due_keymap = { N_("Late and due soon"), due_keys, &fh_list_keymap };

#define DUE_VIEW(name_)                                                                                           \
	{                                                                                                         \
		.name = name_, .private_size = sizeof(struct due_tab), .keymap = &due_keymap, .open = open,       \
		.reload = reload, .draw = fh_list_tab_draw, .request = request, .position = fh_list_tab_position, \
		.done = fh_list_tab_done                                                                          \
	}

const struct view_ops fh_ms_late_view = DUE_VIEW("mentoring-late");
const struct view_ops fh_ms_soon_view = DUE_VIEW("mentoring-soon");
