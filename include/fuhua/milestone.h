/* fuhua — milestones (里程碑) on a tenant's two tracks, created from the
 * level's templates at admission (lifecycle.c). */
#ifndef FUHUA_MILESTONE_H
#define FUHUA_MILESTONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

typedef struct fh_milestone {
	int64_t id;
	bool party;          /* the party track, else the organisation's */
	char code[33];
	char title[256];
	int64_t due, done_on; /* 0 when unset / open */
	bool late;            /* open and past its due day */
} fh_milestone;

/* A tenant's milestones, each track by due date. The caller frees *rows. */
fh_status fh_milestone_list(fh_store *store, const fh_actor *actor, int64_t tenant_id,
			    fh_milestone **rows, size_t *n, fh_error *err);

#endif
