/* fuhua core — private: the activity module as the module table and its
 * CSV import (activity_import.c) see it. */
#ifndef FUHUA_CORE_ACTIVITY_INT_H
#define FUHUA_CORE_ACTIVITY_INT_H

#include "fuhua/activity.h"
#include "fuhua/tenant.h"

extern const char *const fh_activity_schema[];
/* For `fuhua check`: the totals kept per hub and month against the
 * activities, and each project's people served against its activities'. */
fh_status fh_activity_check(fh_store *store, fh_check_report *rep, fh_error *err);

/* A month's sums of activities. */
struct fh_activity_sums {
	int64_t activities, served, volunteers, tenths; /* tenths of volunteer hours */
};

/* Volunteer hours (never negative) in tenths, rounded. */
static inline int64_t fh_activity_tenths(double hours)
{
	return (int64_t)(hours * 10 + 0.5);
}

/* The month a day falls in, as 202611 (China time). */
int fh_activity_month(int64_t day);
/* Adds (sign 1) or takes away (-1) sums from the totals kept for hub and
 * month, in the caller's write transaction: FH_OK or the store's error. */
fh_status fh_activity_tally_add(fh_store *store, int64_t hub, int month, const struct fh_activity_sums *a, int sign,
				fh_error *err);
/* The checks of an activity's own fields (title, kind, numbers, a day not
 * in the future): FH_OK or FH_EINVAL naming the field. */
fh_status fh_activity_check_own(const fh_activity *a, fh_error *err);
/* The tenant's checks of an activity on `day`: admitted by then, not
 * gone before it. FH_OK or FH_EINVAL naming the field. */
fh_status fh_activity_check_tenant(const char *name, fh_stage stage, int64_t admitted_on, int64_t stage_since,
				   int64_t day, fh_error *err);
/* Writes the activity's row (a->hub_id set) and what its project has
 * served, not the totals, in the caller's transaction; *id its number. */
fh_status fh_activity_insert(fh_store *store, const fh_actor *actor, const fh_activity *a, int64_t *id, fh_error *err);

#endif
