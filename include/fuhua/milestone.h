/* fuhua — milestones (里程碑) on a tenant's two tracks: created from the
 * level's templates at admission (those then in force: later template
 * changes do not rewrite them), due a whole number of calendar months after
 * admission (fh_clock_add_months: 31 January + 1 month = 28/29 February),
 * then pending, done (a date, the evidence, who verified it) or waived (a
 * manager, with the reason). Milestones other modules can prove tick
 * themselves with the proof recorded: registration when the tenant has a
 * credit code, the rating when a rating of the grade asked is recorded, the
 * party track's when the party record shows the organisation, the
 * instructor or covered Party work. */
#ifndef FUHUA_MILESTONE_H
#define FUHUA_MILESTONE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

typedef enum fh_ms_state { FH_MS_PENDING, FH_MS_DONE, FH_MS_WAIVED, FH_MS_STATE_COUNT } fh_ms_state;

/* A state's identifier ("pending", "done", "waived"); "?" for a value out
 * of range. */
const char *fh_ms_state_name(fh_ms_state state);

#define FH_MS_TEXT_MAX 60 /* characters of evidence or a reason */

typedef struct fh_milestone {
	int64_t id, version, tenant_id;
	bool party; /* the party track, else the organisation's */
	char code[33];
	char title[256];      /* the template's title then, as instantiated */
	char title_en[256];   /* "" when the template had none */
	char kind[16];        /* the template's kind (config.h) */
	bool required;        /* graduation needs it done or waived */
	int64_t due, done_on; /* 0 when unset / not done */
	fh_ms_state state;
	char evidence[FH_MS_TEXT_MAX * 4 + 1]; /* done: the evidence or the proof; waived: the reason */
	char verified_by[64];                  /* who ticked or waived it; "auto" for a proof */
	bool late;                             /* pending and past its due day */
} fh_milestone;

/* A tenant's milestones, each track by due date. The caller frees *rows. On
 * error *rows is NULL and *n 0: nothing to free. fh_milestone_get: on error
 * *out is not to be used. */
fh_status fh_milestone_list(fh_store *store, const fh_actor *actor, int64_t tenant_id, fh_milestone **rows, size_t *n,
			    fh_error *err);
fh_status fh_milestone_get(fh_store *store, const fh_actor *actor, int64_t id, fh_milestone *out, fh_error *err);

/* Ticks a pending milestone off on day `on` (0: today; not in the future,
 * not before admission) with its evidence (what the template asks for).
 * These three: FH_OK, FH_EINVAL naming what is wrong, FH_EDENIED,
 * FH_ENOTFOUND, FH_ECONFLICT when it is not in the state the step starts
 * from, or the database's error; nothing changes on error. */
fh_status fh_milestone_done(fh_store *store, const fh_actor *actor, int64_t id, int64_t on, const char *evidence,
			    fh_error *err);
/* Waives a pending milestone: a manager, with the reason (errors as
 * fh_milestone_done). */
fh_status fh_milestone_waive(fh_store *store, const fh_actor *actor, int64_t id, const char *reason, fh_error *err);
/* Back to pending (a tick or a waiver made by mistake): a manager (errors
 * as fh_milestone_done). */
fh_status fh_milestone_reopen(fh_store *store, const fh_actor *actor, int64_t id, fh_error *err);

/* Gives a tenant in incubation the milestones of its hub's templates now in
 * force that it does not have, due from its admission day; *added says how
 * many. Admission calls it; a manager calls it for a tenant imported as
 * already incubating. Then ticks what can be proved. On error *added is 0. */
fh_status fh_milestone_instantiate(fh_store *store, const fh_actor *actor, int64_t tenant, int *added, fh_error *err);
/* Ticks the tenant's pending milestones that the records prove, with the
 * proof as evidence, in the caller's transaction (the tenant and party
 * saves call it). *ticked may be NULL. On error *ticked is not to be used (the
 * caller's transaction undoes what was ticked). */
fh_status fh_milestone_prove(fh_store *store, const fh_actor *actor, int64_t tenant, int *ticked, fh_error *err);

/* What is due: a pending milestone of a tenant in incubation, or (id 0) a
 * tenant in incubation past its planned end. */
typedef struct fh_due {
	int64_t id, tenant_id;
	char tenant[128];
	char hub_code[33];
	bool party;
	char title[256];
	int64_t due;
	int days; /* overdue: days late; upcoming: days left */
} fh_due;

/* The overdue (due before today; `within` ignored) or the upcoming (due
 * today or within `within` days) of hub_code and below (NULL: the actor's
 * scope), oldest first, at most `limit`; *total counts them all (from the
 * counts the database keeps). The caller frees *rows. On error *rows is NULL
 * and *n 0 (nothing to free); *total is not to be used. */
fh_status fh_milestone_due(fh_store *store, const fh_actor *actor, const char *hub_code, bool overdue, int within,
			   int limit, fh_due **rows, size_t *n, int *total, fh_error *err);
/* The same list whole, oldest first, each row to `each` (false stops): for
 * a list of any length (fuhua remind). Each hub's rows are read by day in
 * chunks, a statement each, whose read lock is let go before the next:
 * another session's write waits for one chunk at most, never for the
 * list. A row is as it was when its chunk was read. On error `each` has been
 * given the rows read before it. */
fh_status fh_milestone_due_walk(fh_store *store, const fh_actor *actor, const char *hub_code, bool overdue, int within,
				bool (*each)(void *ctx, const fh_due *row), void *ctx, fh_error *err);

/* How many required milestones of the tenant are neither done nor waived,
 * in *n: FH_OK, or the database's error. On error *n is 0. */
fh_status fh_milestone_open_required(fh_store *store, int64_t tenant, int *n, fh_error *err);

/* The hub's lead times (mentoring.lead_days), largest first, and in *n how
 * many: FH_OK (*n may be 0), or the database's error. On error out or *n is not
 * to be used. */
fh_status fh_milestone_lead_days(fh_store *store, int64_t hub, int out[4], int *n, fh_error *err);

#endif
