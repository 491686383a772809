/* fuhua tui — Mentoring's Pairings tab: who mentors whom since when, and
 * the last session; x ends the selected pairing today (after asking), s
 * records a session, Enter opens the tenant's timeline. */
#include <stdio.h>
#include <stdlib.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "mentoring.h"

enum { OP_SESSION = FH_ACT_LOCAL, OP_END_PAIRING };

static void draw_pairing(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_pairing *p = row;
	char line[900], since[16], last[16];
	fh_clock_format_date(p->since, since, sizeof since);
	if (p->last_session)
		fh_clock_format_date(p->last_session, last, sizeof last);
	snprintf(line, sizeof line, _("%s → %s · since %s · last session %s"), p->mentor, p->tenant, since,
		 p->last_session ? last : _("none yet"));
	fh_draw_text(y, x, "", cols, true, a);
	int w = fh_draw_text(y, x + 1, line, cols - 2, true, a);
	if (p->quiet && w + 4 < cols)
		fh_draw_text(y, x + 1 + w, _("  quiet"), cols - w - 2, false, fh_attr(app, FH_C_WARN) | a);
}

static const struct fh_list_source pairing_source = { sizeof(fh_pairing), NULL, NULL, draw_pairing, NULL };

static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	fh_pairing *rows;
	size_t n;
	fh_error err;
	p->error[0] = 0;
	if (fh_mentor_pairings(app->store, &app->actor, 0, 0, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	fh_list_set(&p->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &pairing_source);
}

static int end_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct fh_list_tab *p = under->priv;
	const fh_pairing *pr = fh_list_selected(&p->list);
	fh_error err;
	char buf[700];
	if (pr && fh_mentor_end(app->store, &app->actor, pr->id, 0, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (pr)
		fh_app_say(app, false, _("The pairing %s → %s ended today."), pr->mentor, pr->tenant);
	return FH_R_RELOAD;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_pairing *pr = fh_list_selected(&p->list);
	struct fh_ms_form_arg fa = { .tenant = pr ? pr->tenant_id : 0 };
	switch (action) {
	case OP_END_PAIRING: {
		if (!pr) {
			fh_app_say(app, true, "%s", _("x ends the selected pairing: on Pairings."));
			return FH_R_DONE;
		}
		struct fh_confirm c = { .yes = end_yes };
		snprintf(c.title, sizeof c.title, _("End the pairing %s → %s?"), pr->mentor, pr->tenant);
		snprintf(
			c.text, sizeof c.text,
			_("Today is its last day: %s carries one tenant fewer, and the sessions recorded stay. A pairing ended cannot be resumed; pair them again instead."),
			pr->mentor);
		fh_view_push(app, &fh_confirm_view, &c);
		return FH_R_DONE;
	}
	default: {
		int r = fh_ms_tenant_request(app, action, OP_SESSION, &fa);
		return r != FH_R_UNHANDLED ? r : fh_list_request(app, &p->list, action);
	}
	}
}

static const struct fh_binding pairings_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("timeline"),
	  N_("Open the tenant's two tracks as a timeline") },
	{ 's', false, OP_SESSION, 0, "s", true, N_("session"),
	  N_("Record a mentoring session with the selected tenant") },
	{ 'x', false, OP_END_PAIRING, 0, "x", true, N_("end pairing"),
	  N_("Pairings: end the selected pairing today (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap pairings_keymap = { N_("Pairings"), pairings_keys, &fh_list_keymap };

const struct view_ops fh_ms_pairings_view = {
	.name = "mentoring-pairings",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &pairings_keymap,
	.open = open,
	.reload = reload,
	.draw = fh_list_tab_draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
