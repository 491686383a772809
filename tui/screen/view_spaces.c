/* fuhua tui — the Spaces screen (F4): its tabs, each a view of its own — a
 * hub's floor map and the timeline of its allocations (view_sp_map.c), its
 * rooms by the day or week, the lists to act on (allocations ending,
 * handovers overdue, the waiting list, bookings waiting for approval or a
 * retry) and occupancy up the tree — over the hub's spaces, loaded once
 * (view_spaces_data.c); < > change the hub on every tab. */
#include <stdio.h>

#include "fuhua/clock.h"
#include "../common/i18n.h"
#include "spaces.h"
#include "tabs.h"

static const struct fh_tab tabs[T_COUNT] = {
	[T_MAP] = { N_("Map"), &fh_sp_map_view, false },
	[T_TIMELINE] = { N_("Timeline"), &fh_sp_timeline_view, false },
	[T_ROOMS] = { N_("Rooms"), &fh_sp_rooms_view, false },
	[T_ENDING] = { N_("Ending"), &fh_sp_ending_view, false },
	[T_HANDOVER] = { N_("Handovers"), &fh_sp_handover_view, false },
	[T_WAITING] = { N_("Waiting"), &fh_sp_waiting_view, false },
	[T_PENDING] = { N_("Pending"), &fh_sp_pending_view, false },
	[T_OCCUPANCY] = { N_("Occupancy"), &fh_sp_occupancy_view, false },
};

static int heading(struct app *app, const void *shared, int shown, struct rect a)
{
	(void)shown;
	const struct sscreen *p = shared;
	char d[16], line[300];
	size_t size = sizeof line;
	fh_clock_format_date(p->today, d, sizeof d);
	if (p->nhubs > 1)
		snprintf(line, size, _("Spaces · %s (hub %d of %d: < >) · %s"),
			 fh_app_hub_label(app, fh_spaces_hub_code(p)), p->hub + 1, p->nhubs, d);
	else if (p->nhubs)
		snprintf(line, size, _("Spaces · %s · %s"), fh_app_hub_label(app, fh_spaces_hub_code(p)), d);
	else
		snprintf(line, size, "%s", _("Spaces"));
	return fh_tabs_heading_line(line, a);
}

static void done(void *shared)
{
	struct sscreen *p = shared;
	fh_list_free(&p->bookings);
	fh_spaces_free(p);
}

static const struct fh_tabs_def spaces_tabs = {
	.title = N_("Spaces"),
	.tabs = tabs,
	.ntabs = T_COUNT,
	.shared_size = sizeof(struct sscreen),
	.reload = fh_spaces_reload,
	.heading = heading,
	.done = done,
};

const struct view_ops fh_spaces_view = FH_TABS_VIEW("spaces", &spaces_tabs, FH_TOPIC(SPACE) | FH_TOPIC(HUB));
