/* fuhua tui — what the Mentoring screen's files share: the tenant's
 * timeline and the small forms (tick off with evidence, waive, a session, a
 * pairing, a mentor). */
#ifndef FUHUA_TUI_MENTORING_H
#define FUHUA_TUI_MENTORING_H

#include <stdint.h>

#include "tui.h"

enum fh_ms_form_kind { FH_MSF_DONE, FH_MSF_WAIVE, FH_MSF_SESSION, FH_MSF_ASSIGN, FH_MSF_MENTOR };

struct fh_ms_form_arg {
	enum fh_ms_form_kind kind;
	int64_t milestone;  /* done, waive; a session's default */
	int64_t tenant;     /* a session's tenant */
	int64_t mentor;     /* assign; a session's default */
};

extern const struct view_ops fh_timeline_view, fh_ms_form_view;

#endif
