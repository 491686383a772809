/* fuhua core — private: what the lifecycle keeps of a hub's rules. */
#ifndef FUHUA_CORE_LIFECYCLE_INT_H
#define FUHUA_CORE_LIFECYCLE_INT_H

#include "fuhua/tenant.h"
#include "modules.h"

/* The module table's rules hooks (modules.h): the incubation term, the
 * extension, the graduation criteria and the stages (labels, days at most),
 * kept by `fuhua init`, and their part of the fingerprint. */
fh_status fh_lifecycle_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_lifecycle_describe_rules(struct fh_buf *b, const struct fh_rules *r);

struct fh_cfg_section;
/* Its own schema, ending with NULL, for the module table. */
extern const char *const fh_lifecycle_schema[];
/* Its section of the configuration (lifecycle_config.c), for the module table. */
extern const struct fh_cfg_section fh_lifecycle_config;

#endif
