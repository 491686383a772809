/* fuhua core — private: the meeting module as the module table sees it. */
#ifndef FUHUA_CORE_MEETING_INT_H
#define FUHUA_CORE_MEETING_INT_H

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/meeting.h"

struct fh_cfg_section;

extern const struct fh_cfg_section fh_meeting_config;
extern const char *const fh_meeting_schema[];
/* meeting_due.c: the step that keeps when each branch's next meeting of
 * each kind is due; after it ran, the kinds and the rows counted from
 * what is there (FH_OK, or the store's error); `fuhua check`'s recount. */
extern const char fh_meeting_due_step[];
fh_status fh_meeting_after_schema(fh_store *store, int from, fh_error *err);
fh_status fh_meeting_due_fill(fh_store *store, fh_error *err);
fh_status fh_meeting_due_check(fh_store *store, fh_check_report *rep, fh_error *err);
/* Calls `each` for every kind a branch of hub's scope is behind in on
 * `day` (today or later), most behind first, at most limit (0: all):
 * FH_OK, or the store's error. */
fh_status fh_meeting_due_behind(fh_store *store, int64_t hub, int64_t day, int limit,
				void (*each)(void *ctx, const fh_meeting_behind *b), void *ctx, fh_error *err);
fh_status fh_meeting_write_rules(fh_store *store, int64_t hub, const fh_rules *r, fh_error *err);
void fh_meeting_describe_rules(fh_buf *b, const fh_rules *r);

/* Per hub of hub's scope, calls `each` with what = -1: n its branches,
 * m those behind in some kind on `day` (today or later); and with what a
 * kind: n the meetings of that kind held in `year`, m their attendance.
 * FH_OK, or the store's error. */
fh_status fh_meeting_due_counts(fh_store *store, int64_t hub, int64_t day, int year,
				void (*each)(void *ctx, const char *hub_code, int what, int64_t n, int64_t m),
				void *ctx, fh_error *err);

#endif
