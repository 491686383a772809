/* fuhua tui — screens whose issues are still open: each says what it will hold. */
#include "i18n.h"
#include "tui.h"

struct soon {
	const char *title;
	const char *lines[4];
};

static const struct soon texts[FH_SCREEN_COUNT] = {
	[FH_SCREEN_PARTY] = { N_("Party"), {
		N_("Dual incubation: each tenant's party track, branches and instructors,"),
		N_("coverage of party organisation and party work, the four sync checks."), NULL } },
	[FH_SCREEN_SPACES] = { N_("Spaces"), {
		N_("Rooms and desks on a floor map: allocate and release them,"),
		N_("occupancy and free-rent periods."), NULL } },
	[FH_SCREEN_MENTORING] = { N_("Mentoring"), {
		N_("Mentors, mentoring sessions and milestone timelines of both tracks,"),
		N_("with overdue milestones first."), NULL } },
	[FH_SCREEN_REPORTS] = { N_("Reports"), {
		N_("The monthly report for the civil-affairs bureau, coverage and occupancy,"),
		N_("exported as CSV."), NULL } },
};

static void draw_screen(enum fh_screen s, struct app *app, int top, int rows, int cols)
{
	(void)rows;
	const struct soon *t = &texts[s];
	fh_draw_text(top + 1, 2, _(t->title), cols - 4, false, A_BOLD);
	for (int i = 0; i < 4 && t->lines[i]; i++)
		fh_draw_text(top + 3 + i, 2, _(t->lines[i]), cols - 4, false, A_NORMAL);
	fh_draw_text(top + 7, 2, _("This screen is not built yet."), cols - 4, false,
		     fh_attr(app, FH_C_DIM));
}

static bool key(struct app *app, enum fh_action action, const struct fh_input *in)
{
	(void)app, (void)action, (void)in;
	return false;
}

#define SOON_VIEW(var, screen, name)                                                \
	static void draw_##var(struct app *app, int top, int rows, int cols)       \
	{                                                                           \
		draw_screen(screen, app, top, rows, cols);                          \
	}                                                                           \
	const struct view_ops var = { name, draw_##var, key, NULL, NULL };

SOON_VIEW(fh_party_view, FH_SCREEN_PARTY, "party")
SOON_VIEW(fh_spaces_view, FH_SCREEN_SPACES, "spaces")
SOON_VIEW(fh_mentoring_view, FH_SCREEN_MENTORING, "mentoring")
SOON_VIEW(fh_reports_view, FH_SCREEN_REPORTS, "reports")
