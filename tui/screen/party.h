/* fuhua tui — the party views: the Party screen (view_party.c), the party
 * record's form and the joint branch form (view_party_form.c); a tenant's
 * page has a Party tab (view_tenant.c). */
#ifndef FUHUA_TUI_PARTY_H
#define FUHUA_TUI_PARTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/party.h"
#include "tui.h"

/* Opening a joint branch's form: the branch (0: a new one in the hub). */
struct fh_branch_arg {
	int64_t id;
};

/* An instructor's tenants: the instructor, and the name for the title. */
struct fh_instructor_arg {
	int64_t id;
	char name[FH_PARTY_TEXT_MAX * 4 + 1];
};

/* A named member's form: the tenant, and the member (0: a new one). */
struct fh_member_arg {
	int64_t tenant, id;
};

/* The party record's form and the members list open on a tenant (struct
 * fh_tenant_arg); the member form on a struct fh_member_arg. */
extern const struct view_ops fh_party_form_view, fh_branch_form_view, fh_party_members_view, fh_party_member_form_view,
	fh_instructed_view;

/* What the Party screen's tabs share (view_party_data.c): coverage per hub
 * with the published rates, of tenants in incubation or of every tenant. */
struct fh_pa_shared {
	fh_coverage *cov;
	size_t ncov;
	fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
	size_t nrefs;
	bool all_stages;
};
void fh_pa_reload(struct app *app, void *shared, char *error, size_t size);
void fh_pa_done(void *shared);

/* What every tab of the Party screen answers: a switches coverage between
 * every tenant and those in incubation, n founds a joint branch. Its keymap
 * goes after a tab's own; FH_R_UNHANDLED for any other action. */
enum { FH_PA_ALL_STAGES = FH_ACT_LOCAL + 50, FH_PA_NEW_BRANCH };
extern const struct fh_keymap fh_pa_keymap;
int fh_pa_request(struct app *app, struct fh_pa_shared *p, int action);
/* Enter and e on a tenant's line: its page, or its party record's form. */
int fh_pa_open_tenant(struct app *app, int64_t tenant, bool edit);

/* The tabs: uncovered, should branch, sync gaps, re-elections
 * (view_pa_lists.c), instructors, the dual-track board, the branches'
 * meetings. */
extern const struct view_ops fh_pa_uncovered_view, fh_pa_should_view, fh_pa_gaps_view, fh_pa_reelect_view,
	fh_pa_instructors_view, fh_pa_board_view, fh_pa_meetings_view;
/* The meeting form (view_pa_meetings.c) opens on a branch's line
 * (fh_meeting_behind, fuhua/meeting.h): its kind behind first. */
extern const struct view_ops fh_meeting_form_view;

/* The Party screen's tabs, in their order on the bar. */
enum {
	FH_PA_TAB_UNCOVERED,
	FH_PA_TAB_SHOULD,
	FH_PA_TAB_SYNC_GAPS,
	FH_PA_TAB_REELECT,
	FH_PA_TAB_INSTRUCTORS,
	FH_PA_TAB_BOARD,
	FH_PA_TAB_MEETINGS,
	FH_PA_TAB_COUNT
};

#endif
