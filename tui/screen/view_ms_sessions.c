/* fuhua tui — Mentoring's Sessions tab: the last 90 days' sessions, and
 * this month's count and hours for the screen's heading; s records one,
 * Enter opens the tenant's timeline. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "../common/i18n.h"
#include "../common/width.h"
#include "../common/labels.h"
#include "list.h"
#include "mentoring.h"

enum { OP_SESSION = FH_ACT_LOCAL };

static void draw_session(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_session *s = row;
	char line[900], d[16];
	char hub[64];
	fh_str_pad(fh_app_hub_label(app, s->hub_code), 8, hub, sizeof hub);
	snprintf(line, sizeof line, "%s  %s %s → %s · %s, %.1f h", fh_clock_format_date(s->on, d, sizeof d), hub,
		 s->mentor, s->tenant, s->topic, s->hours);
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, true, a);
}

static void whole_session(struct app *app, void *ctx, const void *row, char *buf, size_t size)
{
	(void)ctx;
	const fh_session *s = row;
	char d[16];
	snprintf(buf, size, "%s  %s · %s → %s · %s, %.1f h", fh_clock_format_date(s->on, d, sizeof d),
		 fh_app_hub_label(app, s->hub_code), s->mentor, s->tenant, s->topic, s->hours);
}

static const struct fh_list_source session_source = { sizeof(fh_session), NULL, NULL, draw_session, whole_session };

static int busiest_first(const void *a, const void *b)
{
	const fh_session_month *x = a, *y = b;
	return (y->sessions > x->sessions) - (y->sessions < x->sessions);
}

/* The last 90 days' sessions, and this month's totals per hub from core
 * (fh_session_totals): the figures are core's, not summed here. */
static void reload(struct app *app, struct view *v)
{
	struct fh_list_tab *p = v->priv;
	struct fh_ms_shared *sh = p->shared;
	fh_session *rows;
	fh_session_month *months;
	size_t n, nm;
	fh_error err;
	char ym[16];
	int64_t from = fh_clock_day(fh_clock_now()) - 90 * 86400;
	fh_clock_format_date(fh_clock_now(), ym, sizeof ym);
	ym[7] = 0;
	p->error[0] = 0;
	if (fh_session_list(app->store, &app->actor, 0, 0, from, 0, &rows, &n, &err) != FH_OK ||
	    fh_session_totals(app->store, &app->actor, NULL, atoi(ym), &months, &nm, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	sh->month_sessions = 0;
	sh->month_hours = 0;
	sh->nmonth = sh->more_hubs = 0;
	qsort(months, nm, sizeof *months, busiest_first);
	for (size_t i = 0; i < nm; i++) {
		if (strcmp(months[i].month, ym) != 0)
			continue;
		sh->month_sessions += months[i].sessions;
		sh->month_hours += months[i].hours;
		if (sh->nmonth < FH_MS_MONTH_HUBS)
			sh->month[sh->nmonth++] = months[i];
		else
			sh->more_hubs++;
	}
	free(months);
	fh_list_set(&p->list, rows, n);
	free(rows);
}

/* This month per hub above the sessions, as many lines as the screen
 * spares (a third of it), then the list. */
static void draw(struct app *app, struct view *v, struct rect a)
{
	struct fh_list_tab *p = v->priv;
	const struct fh_ms_shared *sh = p->shared;
	int lines = sh->nmonth + (sh->more_hubs > 0);
	if (p->error[0] || lines == 0 || a.rows < 9) {
		fh_list_tab_draw(app, v, a);
		return;
	}
	if (lines > a.rows / 3)
		lines = a.rows / 3;
	for (int i = 0; i < lines; i++) {
		char line[300], hub[64];
		if (i == lines - 1 && (sh->more_hubs > 0 || lines < sh->nmonth))
			snprintf(line, sizeof line, _("… and %d hubs more (fuhua session totals lists every month)"),
				 sh->more_hubs + sh->nmonth - i);
		else {
			fh_str_pad(fh_app_hub_label(app, sh->month[i].hub_code), 10, hub, sizeof hub);
			snprintf(line, sizeof line, _("%s this month: %d sessions with %d tenants, %.1f hours"), hub,
				 sh->month[i].sessions, sh->month[i].tenants, sh->month[i].hours);
		}
		fh_draw_text(a.y + i, 1, line, a.cols - 2, false, fh_attr(app, FH_C_DIM));
	}
	fh_list_draw_tab(app, &p->list, p->error, (struct rect){ a.y + lines + 1, a.x, a.rows - lines - 1, a.cols });
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &session_source);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_list_tab *p = v->priv;
	const fh_session *x = fh_list_selected(&p->list);
	struct fh_ms_form_arg fa = { .tenant = x ? x->tenant_id : 0 };
	int r = fh_ms_tenant_request(app, action, OP_SESSION, &fa);
	return r != FH_R_UNHANDLED ? r : fh_list_request(app, &p->list, action);
}

static const struct fh_binding sessions_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("timeline"),
	  N_("Open the tenant's two tracks as a timeline") },
	{ 's', false, OP_SESSION, 0, "s", true, N_("session"),
	  N_("Record a mentoring session with the selected tenant") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap sessions_keymap = { N_("Sessions"), sessions_keys, &fh_list_keymap };

const struct view_ops fh_ms_sessions_view = {
	.name = "mentoring-sessions",
	.private_size = sizeof(struct fh_list_tab),
	.keymap = &sessions_keymap,
	.open = open,
	.reload = reload,
	.draw = draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
