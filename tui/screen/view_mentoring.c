/* fuhua tui — the Mentoring screen (F5): its tabs, each a view of its own —
 * Late and Due soon (view_ms_due.c), Mentors, Pairings and Sessions — and a
 * heading of late and due counts, or this month's sessions. Enter on a line
 * opens the tenant's timeline. */
#include <stdio.h>

#include "fuhua/milestone.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "mentoring.h"
#include "tabs.h"

static const struct fh_tab tabs[FH_MS_TAB_COUNT] = {
	[FH_MS_TAB_LATE] = { N_("Late"), &fh_ms_late_view, true },
	[FH_MS_TAB_SOON] = { N_("Due soon"), &fh_ms_soon_view, true },
	[FH_MS_TAB_MENTORS] = { N_("Mentors"), &fh_ms_mentors_view, false },
	[FH_MS_TAB_PAIRINGS] = { N_("Pairings"), &fh_ms_pairings_view, false },
	[FH_MS_TAB_SESSIONS] = { N_("Sessions"), &fh_ms_sessions_view, false },
};

/* The hub's longest lead time: what "due soon" means. */
static void reload(struct app *app, void *shared, char *error, size_t size)
{
	struct fh_ms_shared *sh = shared;
	int lead[4], nlead = 0;
	fh_error err;
	if (fh_milestone_lead_days(app->store, app->actor.hub_id, lead, &nlead, &err) != FH_OK)
		fh_error_text(&err, error, size);
	sh->lead = nlead ? lead[0] : 30;
}

static int heading(struct app *app, const void *shared, int shown, struct rect a)
{
	(void)app;
	const struct fh_ms_shared *sh = shared;
	char line[300];
	size_t size = sizeof line;
	if (shown == FH_MS_TAB_SESSIONS)
		snprintf(line, size, _("Mentoring · this month %d sessions, %.1f hours"), sh->month_sessions,
			 sh->month_hours);
	else
		snprintf(line, size, _("Mentoring · %d overdue · %d due within %d days"), sh->total[0], sh->total[1],
			 sh->lead);
	return fh_tabs_heading_line(line, a);
}

static const struct fh_tabs_def mentoring_tabs = {
	.title = N_("Mentoring"),
	.tabs = tabs,
	.ntabs = (int)(sizeof tabs / sizeof tabs[0]),
	.shared_size = sizeof(struct fh_ms_shared),
	.reload = reload,
	.heading = heading,
};

const struct view_ops fh_mentoring_view =
	FH_TABS_VIEW("mentoring", &mentoring_tabs, FH_TOPIC(MENTOR) | FH_TOPIC(MILESTONE) | FH_TOPIC(HUB));
