/* fuhua core — private: what the mentoring module asks of a tenant's change. */
#ifndef FUHUA_CORE_MENTOR_INT_H
#define FUHUA_CORE_MENTOR_INT_H

#include "fuhua/mentor.h"
#include "modules.h"

/* The module table's hook (modules.h): a tenant that graduates or leaves
 * ends its pairings that day, their count added to the change's audit
 * line. */
fh_status fh_mentor_tenant_changed(fh_store *store, const struct fh_tenant_change *c, fh_error *err);

#endif
