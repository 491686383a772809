/* fuhua core — private: the rating module as the module table sees it. */
#ifndef FUHUA_CORE_RATING_INT_H
#define FUHUA_CORE_RATING_INT_H

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/rating.h"

struct fh_cfg_section;
struct fh_tenant_change;

extern const struct fh_cfg_section fh_rating_config;
extern const char *const fh_rating_schema[];
/* Before the module (from 0): the history seeded from the records. */
fh_status fh_rating_after_schema(fh_store *store, int from, fh_error *err);
/* One history row for each rating the tenants' records hold (a row there
 * already is kept, its grade as the record's), written by `by`: the
 * migration's and the demo's (its tenants are written beside the hooks). */
fh_status fh_rating_seed(fh_store *store, const char *by, fh_error *err);
/* A rating given or changed on a tenant's record: its row in the history,
 * or FH_EINVAL ("rating_date") for one given before the tenant was
 * eligible. */
fh_status fh_rating_tenant_changed(fh_store *store, const struct fh_tenant_change *c, fh_error *err);
fh_status fh_rating_write_rules(fh_store *store, int64_t hub, const fh_rules *r, fh_error *err);
void fh_rating_describe_rules(fh_buf *b, const fh_rules *r);

#endif
