/* fuhua core — private: the change counts for the other core modules. */
#ifndef FUHUA_CORE_CHANGES_INT_H
#define FUHUA_CORE_CHANGES_INT_H

#include "fuhua/changes.h"

/* The counting triggers, as a GLOB of their names (a bulk load sets them
 * aside, fh_tally_pause). */
#define FH_CHANGES_TRIGGERS "changes_*"

/* Counts one write of every topic (after a bulk load). */
fh_status fh_changes_bump_all(fh_store *store, fh_error *err);

#endif
