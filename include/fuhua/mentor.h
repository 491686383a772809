/* fuhua — mentors (导师) and mentoring sessions (辅导记录): who carries which
 * tenants and how many they can, a pairing gone quiet (no session in the
 * hub's mentoring.quiet_days), and the sessions with their hours and the
 * milestone each served. */
#ifndef FUHUA_MENTOR_H
#define FUHUA_MENTOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

#define FH_MENTOR_TEXT_MAX 40 /* characters of a name, expertise, organization */

typedef struct fh_mentor {
	int64_t id, hub_id;
	char hub_code[33];
	char name[FH_MENTOR_TEXT_MAX * 4 + 1];
	char expertise[FH_MENTOR_TEXT_MAX * 4 + 1];
	char organization[FH_MENTOR_TEXT_MAX * 4 + 1];
	char phone[64];
	int capacity; /* tenants they can carry, 1–50 */
	int load;     /* tenants they carry now */
	int quiet;    /* of those, pairings with no session in quiet_days */
	double hours; /* session hours in the last 12 months */
} fh_mentor;

/* Adds a mentor to hub_code (NULL: the actor's hub): a manager. On error *id is
 * not to be used. */
fh_status fh_mentor_add(fh_store *store, const fh_actor *actor, const char *hub_code, const fh_mentor *m, int64_t *id,
			fh_error *err);
/* Mentors of hub_code and below (NULL: the actor's scope) with their loads,
 * by hub and name. The caller frees *rows. On error *rows is NULL and *n 0:
 * nothing to free. */
fh_status fh_mentor_list(fh_store *store, const fh_actor *actor, const char *hub_code, fh_mentor **rows, size_t *n,
			 fh_error *err);
/* Pairs a mentor with a tenant in incubation from today, inside the write
 * transaction so that a mentor never carries more than their capacity:
 * FH_OK, FH_ECONFLICT at capacity or when already paired, FH_EINVAL for a
 * tenant not in incubation, FH_ENOTFOUND, or the database's error. */
fh_status fh_mentor_assign(fh_store *store, const fh_actor *actor, int64_t mentor, int64_t tenant, fh_error *err);

/* Ends a pairing on day `on` (0: today; its last day): the mentor carries
 * one tenant fewer. Read and written in one write transaction. FH_ENOTFOUND
 * ("pairing") for none in the actor's scope; FH_ECONFLICT when it has
 * ended already; FH_EINVAL ("on") for a day in the future or before the
 * pairing began. Audited on the mentor. */
fh_status fh_mentor_end(fh_store *store, const fh_actor *actor, int64_t pairing, int64_t on, fh_error *err);
/* How many pairings of the tenant are running, in *n. On error *n is 0. */
fh_status fh_mentor_pairings_open(fh_store *store, int64_t tenant, int *n, fh_error *err);
/* Ends every pairing of a tenant on day `on`, in the caller's transaction
 * (graduation and exit: a tenant that has left uses no mentor's place);
 * *ended says how many. On error *ended is not to be used (the caller's
 * transaction undoes what was done). */
fh_status fh_mentor_end_tenant(fh_store *store, const fh_actor *actor, int64_t tenant, int64_t on, int *ended,
			       fh_error *err);

typedef struct fh_pairing {
	int64_t id, mentor_id, tenant_id;
	char mentor[FH_MENTOR_TEXT_MAX * 4 + 1];
	char tenant[128];
	int64_t since, last_session; /* last_session 0: none yet */
	bool quiet;                  /* no session in quiet_days (since the pairing began) */
} fh_pairing;

/* Current pairings of a mentor or a tenant (0: any, in the actor's scope). On
 * error *rows is NULL and *n 0: nothing to free. */
fh_status fh_mentor_pairings(fh_store *store, const fh_actor *actor, int64_t mentor, int64_t tenant, fh_pairing **rows,
			     size_t *n, fh_error *err);

typedef struct fh_session {
	int64_t id, mentor_id, tenant_id, milestone_id; /* milestone 0: none */
	char mentor[FH_MENTOR_TEXT_MAX * 4 + 1];
	char tenant[128];
	char hub_code[33];
	int64_t on; /* the day */
	char topic[FH_MENTOR_TEXT_MAX * 4 + 1];
	double hours; /* 0.5–12 */
	char notes[1024];
	char milestone[256]; /* its title */
} fh_session;

/* Records a session (mentor, tenant, day, topic, hours, notes, milestone),
 * its checks read in the write transaction: FH_EINVAL ("on") for a day
 * after the tenant left the hub (exited). On error *id is not to be used. */
fh_status fh_session_add(fh_store *store, const fh_actor *actor, const fh_session *in, int64_t *id, fh_error *err);
/* Sessions of a mentor and/or a tenant (0: any) in [from, to) (0: open),
 * latest first. On error *rows is NULL and *n 0: nothing to free. */
fh_status fh_session_list(fh_store *store, const fh_actor *actor, int64_t mentor, int64_t tenant, int64_t from,
			  int64_t to, fh_session **rows, size_t *n, fh_error *err);

typedef struct fh_session_month {
	char hub_code[33];
	char month[8]; /* "2026-11" */
	int sessions, tenants;
	double hours;
} fh_session_month;

/* Sessions, tenants met and hours per hub and month of year `year`. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_session_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int year,
			    fh_session_month **rows, size_t *n, fh_error *err);

#endif
