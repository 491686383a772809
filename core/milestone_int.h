/* fuhua core — private: what the milestones ask of a tenant's change. */
#ifndef FUHUA_CORE_MILESTONE_INT_H
#define FUHUA_CORE_MILESTONE_INT_H

#include "fuhua/milestone.h"
#include "modules.h"

/* The module table's hook (modules.h): on admission, the templates'
 * milestones; on every change, those the record now proves. In the
 * change's transaction; FH_OK, or the store's error. */
fh_status fh_milestone_tenant_changed(fh_store *store, const struct fh_tenant_change *c, fh_error *err);

/* The module table's rules hooks (modules.h): its part of a hub's rules kept
 * by `fuhua init`, and its part of their fingerprint. */
fh_status fh_milestone_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_milestone_describe_rules(struct fh_buf *b, const struct fh_rules *r);

struct fh_cfg_section;
/* Its own schema, ending with NULL, for the module table. */
extern const char *const fh_milestone_schema[];
/* Its section of the configuration (milestone_config.c), for the module table. */
extern const struct fh_cfg_section fh_milestone_config;

#endif
