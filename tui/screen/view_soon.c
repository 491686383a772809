/* fuhua tui — screens whose issues are still open: each says what it will hold. */
#include "../common/i18n.h"
#include "party.h"
#include "mentoring.h"
#include "outcomes.h"
#include "spaces.h"
#include "tenants.h"
#include "tui.h"

struct soon {
	const char *title;
	const char *lines[4];
};

static void draw_soon(const struct soon *t, struct app *app, struct rect a)
{
	fh_draw_text(a.y + 1, 2, _(t->title), a.cols - 4, false, A_BOLD);
	for (int i = 0; i < 4 && t->lines[i]; i++)
		fh_draw_text(a.y + 3 + i, 2, _(t->lines[i]), a.cols - 4, false, A_NORMAL);
	fh_draw_text(a.y + 7, 2, _("This screen is not built yet."), a.cols - 4, false, fh_attr(app, FH_C_DIM));
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)app, (void)v, (void)action, (void)arg, (void)in;
	return FH_R_UNHANDLED;
}

#define SOON_VIEW(var, id, ...)                                                \
	static const struct soon var##_text = __VA_ARGS__;                     \
	static void var##_draw(struct app *app, struct view *v, struct rect a) \
	{                                                                      \
		(void)v;                                                       \
		draw_soon(&var##_text, app, a);                                \
	}                                                                      \
	const struct view_ops var = { .name = id, .draw = var##_draw, .request = request };

SOON_VIEW(fh_reports_view, "reports",
	  { N_("Reports"),
	    { N_("The monthly report for the civil-affairs bureau, coverage and occupancy,"), N_("exported as CSV."),
	      NULL } })

/* Every view, for the tests that hold hint lines against keymaps. */
/* clang-format off */
const struct view_ops *const fh_all_views[] = {
#define FH_SCREEN_ALL(id, name, title) &fh_##name##_view,
	FH_SCREENS(FH_SCREEN_ALL)
#undef FH_SCREEN_ALL
	&fh_login_view, &fh_help_view, &fh_confirm_view, &fh_account_view, &fh_account_form_view,
	&fh_tenant_page_view, &fh_tenant_form_view, &fh_stage_view,
	&fh_party_form_view, &fh_branch_form_view, &fh_party_members_view, &fh_party_member_form_view,
	&fh_instructed_view,
	&fh_space_page_view, &fh_allocation_form_view, &fh_booking_form_view,
	&fh_timeline_view, &fh_ms_form_view,
	&fh_ms_late_view, &fh_ms_soon_view, &fh_ms_mentors_view, &fh_ms_pairings_view, &fh_ms_sessions_view,
	&fh_sp_map_view, &fh_sp_timeline_view, &fh_sp_rooms_view, &fh_sp_ending_view, &fh_sp_handover_view,
	&fh_sp_waiting_view, &fh_sp_pending_view, &fh_sp_occupancy_view,
	&fh_pa_uncovered_view, &fh_pa_should_view, &fh_pa_gaps_view, &fh_pa_reelect_view, &fh_pa_instructors_view,
	&fh_pa_board_view, &fh_pa_meetings_view, &fh_meeting_form_view,
	&fh_oc_form_view, &fh_oc_projects_view, &fh_oc_activities_view, &fh_oc_training_view, &fh_oc_followup_view,
	NULL,
};
/* clang-format on */
