/* fuhua core — private: the milestones of an admission. */
#ifndef FUHUA_CORE_MILESTONE_INT_H
#define FUHUA_CORE_MILESTONE_INT_H

#include "fuhua/milestone.h"

/* Admission's part of fh_milestone_instantiate: the templates' milestones
 * and their proofs, in the caller's transaction, audited as the admission. */
fh_status fh_milestone_admit(fh_store *store, const fh_actor *actor, int64_t tenant, int *added,
			     fh_error *err);

#endif
