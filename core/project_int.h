/* fuhua core — private: the project module as the module table and the
 * modules above it (activities) see it. */
#ifndef FUHUA_CORE_PROJECT_INT_H
#define FUHUA_CORE_PROJECT_INT_H

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/project.h"

struct fh_cfg_section;

extern const struct fh_cfg_section fh_project_config;
extern const char *const fh_project_schema[];
/* project_totals.c: the step that keeps the projects' and payments' totals,
 * and their recount for fuhua check. */
extern const char fh_project_totals_step[];
fh_status fh_project_totals_check(fh_store *store, fh_check_report *rep, fh_error *err);
fh_status fh_project_write_rules(fh_store *store, int64_t hub, const fh_rules *r, fh_error *err);
void fh_project_describe_rules(fh_buf *b, const fh_rules *r);
/* For `fuhua check`: each project's amount paid against its payments,
 * and the people served against its activities'. */
fh_status fh_project_check(fh_store *store, fh_check_report *rep, fh_error *err);

/* Whether an activity of `tenant` on `day` may serve project `id`, read in
 * the caller's write transaction: FH_OK when the project is the tenant's
 * and approved or later (not refused), and the day not before its start;
 * FH_EINVAL ("project") saying why; or the store's error (the write is
 * refused). */
fh_status fh_project_may_serve(fh_store *store, int64_t id, int64_t tenant, int64_t day, fh_error *err);
/* Adds `served` people to what project `id` has served, in the caller's
 * write transaction: FH_OK, or the store's error. */
fh_status fh_project_served_add(fh_store *store, int64_t id, int64_t served, fh_error *err);

#endif
