/* fuhua tui — what the Mentoring screen's files share: the tenant's
 * timeline and the small forms (tick off with evidence, waive, a session, a
 * pairing, a mentor). */
#ifndef FUHUA_TUI_MENTORING_H
#define FUHUA_TUI_MENTORING_H

#include <stdint.h>

#include "fuhua/mentor.h"
#include "tui.h"

enum fh_ms_form_kind { FH_MSF_DONE, FH_MSF_WAIVE, FH_MSF_SESSION, FH_MSF_ASSIGN, FH_MSF_MENTOR };

struct fh_ms_form_arg {
	enum fh_ms_form_kind kind;
	int64_t milestone; /* done, waive; a session's default */
	int64_t tenant;    /* a session's tenant */
	int64_t mentor;    /* assign; a session's default */
};

extern const struct view_ops fh_timeline_view, fh_ms_form_view;

/* On a tab's line about a tenant (fa->tenant, 0 for none): Enter opens its
 * timeline, s records a session (fa's kind set here). FH_R_DONE, or
 * FH_R_UNHANDLED for any other action (view_ms_form.c). */
int fh_ms_tenant_request(struct app *app, int action, int session_action, struct fh_ms_form_arg *fa);

/* What the Mentoring screen's tabs share: the hub's longest lead time (due
 * soon), the late and due counts and this month's sessions for the heading. */
#define FH_MS_MONTH_HUBS 8

struct fh_ms_shared {
	int lead;
	int total[2];       /* late, due soon */
	int month_sessions; /* this month, in the scope: sessions and hours */
	double month_hours;
	/* this month's totals per hub (fh_session_totals), the busiest first */
	fh_session_month month[FH_MS_MONTH_HUBS];
	int nmonth, more_hubs;
};

/* The tabs: late, due soon (view_ms_due.c), mentors, pairings, sessions. */
extern const struct view_ops fh_ms_late_view, fh_ms_soon_view, fh_ms_mentors_view, fh_ms_pairings_view,
	fh_ms_sessions_view;

/* The Mentoring screen's tabs, in their order on the bar. */
enum { FH_MS_TAB_LATE, FH_MS_TAB_SOON, FH_MS_TAB_MENTORS, FH_MS_TAB_PAIRINGS, FH_MS_TAB_SESSIONS, FH_MS_TAB_COUNT };

#endif
