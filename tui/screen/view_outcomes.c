/* fuhua tui — the Outcomes screen (F7): what a hub is judged by — its
 * tenants' projects and funds, their activities and the people served,
 * the hub's training, the follow-up of its graduates — each a tab of its
 * own, under a heading of this year's figures from core. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/course.h"
#include "fuhua/followup.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "outcomes.h"
#include "tabs.h"

static const struct fh_tab tabs[FH_OC_TAB_COUNT] = {
	[FH_OC_TAB_PROJECTS] = { N_("Projects"), &fh_oc_projects_view, true },
	[FH_OC_TAB_ACTIVITIES] = { N_("Activities"), &fh_oc_activities_view, false },
	[FH_OC_TAB_TRAINING] = { N_("Training"), &fh_oc_training_view, false },
	[FH_OC_TAB_FOLLOWUP] = { N_("Follow-up"), &fh_oc_followup_view, false },
};

/* The year's figures for the heading, each from its module's totals. */
static void reload(struct app *app, void *shared, char *error, size_t size)
{
	struct fh_oc_shared *sh = shared;
	char d[16];
	fh_clock_format_date(fh_clock_now(), d, sizeof d);
	memset(sh, 0, sizeof *sh);
	sh->year = atoi(d);
	sh->month = atoi(d + 5);
	fh_error err;
	fh_project_total *pt;
	fh_activity_total *at;
	fh_course_total *ct;
	size_t n;
	if (fh_project_totals(app->store, &app->actor, NULL, sh->year, &pt, &n, &err) != FH_OK)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		sh->projects += pt[i].projects;
		sh->granted += pt[i].granted;
		sh->paid += pt[i].paid_in_year;
	}
	free(pt);
	if (fh_activity_totals(app->store, &app->actor, NULL, sh->year, 0, FH_ACTIVITY_BY_MONTH, &at, &n, &err) !=
	    FH_OK)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		int m = (int)(at[i].key_id % 100);
		if (m >= 1 && m <= 12)
			sh->months[m - 1] = at[i];
		if (m == sh->month) {
			sh->activities = at[i].activities;
			sh->served = at[i].served;
		}
	}
	free(at);
	if (fh_course_totals(app->store, &app->actor, NULL, sh->year, 0, false, &ct, &n, &err) != FH_OK)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		sh->sessions += ct[i].sessions;
		sh->attendances += ct[i].attendances;
	}
	free(ct);
	if (fh_followup_overdue(app->store, &app->actor, NULL, &sh->overdue, &err) != FH_OK)
		goto fail;
	return;
fail:
	fh_error_text(&err, error, size);
}

/* Two lines: the year's projects and funds; this month's activities, the
 * year's training and the follow-ups overdue. */
static int heading(struct app *app, const void *shared, int shown, struct rect a)
{
	(void)app, (void)shown;
	const struct fh_oc_shared *sh = shared;
	char line[400], g[32], p[32];
	/* in 万元 as the bureau counts them, to one decimal */
	snprintf(g, sizeof g, "%.1f", (double)sh->granted / 1000000.0);
	snprintf(p, sizeof p, "%.1f", (double)sh->paid / 1000000.0);
	snprintf(line, sizeof line, _("%d: %d projects · granted %s paid %s (10k ¥) · past end %d · to evaluate %d"),
		 sh->year, sh->projects, g, p, sh->past_end, sh->evaluation_due);
	fh_draw_text(a.y, a.x + 1, line, a.cols - 2, false, A_BOLD);
	snprintf(line, sizeof line, _("Month: %lld activities, %lld served · %d courses, %d attended · %d visits late"),
		 (long long)sh->activities, (long long)sh->served, sh->sessions, sh->attendances, sh->overdue);
	fh_draw_text(a.y + 1, a.x + 1, line, a.cols - 2, false, A_NORMAL);
	return 2;
}

static const struct fh_tabs_def outcomes_tabs = {
	.title = N_("Outcomes"),
	.tabs = tabs,
	.ntabs = FH_OC_TAB_COUNT,
	.shared_size = sizeof(struct fh_oc_shared),
	.reload = reload,
	.heading = heading,
};

const struct view_ops fh_outcomes_view = FH_TABS_VIEW("outcomes", &outcomes_tabs, FH_TOPIC(TENANT) | FH_TOPIC(HUB));
