/* fuhua tui — the Party screen (F3): coverage per hub beside the published
 * rates, above its tabs, each a view of its own — the lists to act on
 * (uncovered tenants, "should form a branch", sync gaps by age and
 * re-elections: view_pa_lists.c), the instructors, the dual-track board and
 * the branches behind their meetings (view_pa_meetings.c).
 * Enter opens the tenant; e edits its party record. */
#include <stdio.h>

#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "party.h"
#include "tabs.h"

static const struct fh_tab tabs[FH_PA_TAB_COUNT] = {
	[FH_PA_TAB_UNCOVERED] = { N_("Uncovered"), &fh_pa_uncovered_view, false },
	[FH_PA_TAB_SHOULD] = { N_("Should branch"), &fh_pa_should_view, false },
	[FH_PA_TAB_SYNC_GAPS] = { N_("Sync gaps"), &fh_pa_gaps_view, false },
	[FH_PA_TAB_REELECT] = { N_("Re-elections"), &fh_pa_reelect_view, false },
	[FH_PA_TAB_INSTRUCTORS] = { N_("Instructors"), &fh_pa_instructors_view, false },
	[FH_PA_TAB_BOARD] = { N_("Board"), &fh_pa_board_view, false },
	[FH_PA_TAB_MEETINGS] = { N_("Meetings"), &fh_pa_meetings_view, false },
};

/* One hub's gauges: organisation and work coverage with the counts. */
static void draw_gauge(struct app *app, const fh_coverage *c, int y, int cols)
{
	char line[300], org[64], work[64];
	int name_w = cols > 90 ? 30 : cols / 3, bar = (cols - name_w - 40) / 2;
	snprintf(line, sizeof line, "%*s%s", c->depth * 2, "", c->name);
	fh_draw_text(y, 1, line, name_w - 1, true, A_NORMAL);
	snprintf(org, sizeof org, "%5.1f%% %d/%d", fh_coverage_rate(c->org, c->counted), c->org, c->counted);
	snprintf(work, sizeof work, "%5.1f%% %d/%d", fh_coverage_rate(c->work, c->counted), c->work, c->counted);
	int x = name_w;
	if (bar > 3)
		fh_draw_bar(app, y, x, bar, c->org, c->counted ? c->counted : 1, true);
	fh_draw_text(y, x + (bar > 3 ? bar + 1 : 0), org, 19, false, A_NORMAL);
	x += (bar > 3 ? bar + 1 : 0) + 20;
	if (bar > 3)
		fh_draw_bar(app, y, x, bar, c->work, c->counted ? c->counted : 1, true);
	fh_draw_text(y, x + (bar > 3 ? bar + 1 : 0), work, 19, false, A_NORMAL);
}

/* The coverage part: a gauge per hub (as many as a third of the screen
 * holds) and the published rates. Returns the next free line. */
static int draw_coverage(struct app *app, const struct fh_pa_shared *p, int y, int rows, int cols)
{
	char line[600];
	snprintf(line, sizeof line,
		 p->all_stages ? _("Party coverage · every tenant in the hubs")
			       : _("Party coverage · tenants in incubation"));
	fh_draw_text(y, 1, line, cols - 2, false, A_BOLD);
	int name_w = cols > 90 ? 30 : cols / 3, bar = (cols - name_w - 40) / 2;
	fh_draw_text(y + 1, name_w, _("organisation"), bar + 20, false, fh_attr(app, FH_C_DIM));
	fh_draw_text(y + 1, name_w + (bar > 3 ? bar + 1 : 0) + 20, _("work"), bar + 20, false, fh_attr(app, FH_C_DIM));
	int gauges = (int)p->ncov, room = rows / 3;
	if (gauges > room)
		gauges = room > 1 ? room : 1;
	for (int i = 0; i < gauges; i++)
		draw_gauge(app, &p->cov[i], y + 2 + i, cols);
	y += 2 + gauges;
	if (p->ncov > (size_t)gauges) {
		snprintf(line, sizeof line, _("… %zu more hubs: fuhua report coverage"), p->ncov - (size_t)gauges);
		fh_draw_text(y++, 2, line, cols - 3, false, fh_attr(app, FH_C_DIM));
	}
	size_t used = 0;
	line[0] = 0;
	for (size_t i = 0; i < p->nrefs && used < sizeof line; i++)
		used += (size_t)(p->refs[i].work >= 0
					 ? snprintf(line + used, sizeof line - used, _("%s %.1f%% (work %.1f%%)  "),
						    p->refs[i].name, p->refs[i].org, p->refs[i].work)
					 : snprintf(line + used, sizeof line - used, "%s %.1f%%  ", p->refs[i].name,
						    p->refs[i].org));
	if (p->nrefs) {
		char refs[700];
		snprintf(refs, sizeof refs, _("Published: %s"), line);
		fh_draw_text(y++, 1, refs, cols - 2, true, fh_attr(app, FH_C_DIM));
	}
	return y + 1;
}

static int heading(struct app *app, const void *shared, int shown, struct rect a)
{
	(void)shown;
	return draw_coverage(app, shared, a.y, a.rows, a.cols) - a.y;
}

static const struct fh_tabs_def party_tabs = {
	.title = N_("Party"),
	.tabs = tabs,
	.ntabs = (int)(sizeof tabs / sizeof tabs[0]),
	.shared_size = sizeof(struct fh_pa_shared),
	.reload = fh_pa_reload,
	.heading = heading,
	.done = fh_pa_done,
};

const struct view_ops fh_party_view = FH_TABS_VIEW("party", &party_tabs, FH_TOPIC(PARTY) | FH_TOPIC(HUB));
