/* fuhua tui — every view in one table. */
#include "../common/i18n.h"
#include "party.h"
#include "mentoring.h"
#include "outcomes.h"
#include "spaces.h"
#include "tenants.h"
#include "tui.h"

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
