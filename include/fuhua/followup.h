/* fuhua — after graduation (出壳后跟踪): graduating opens a tenant's
 * follow-ups at the months its hub's followup.months give (3, 6 and 12),
 * each recorded once with the day, the state of the organisation and the
 * people it has served since; those past due and not recorded are listed.
 * And 以社孵社: a graduate recorded as incubating another organisation,
 * the link kept both ways and counted. */
#ifndef FUHUA_FOLLOWUP_H
#define FUHUA_FOLLOWUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

typedef enum fh_followup_state {
	FH_FOLLOWUP_OPEN,       /* not recorded yet */
	FH_FOLLOWUP_OPERATING,  /* 正常运营 */
	FH_FOLLOWUP_DIFFICULTY, /* 运营困难 */
	FH_FOLLOWUP_DISSOLVED,  /* 已注销/解散 */
	FH_FOLLOWUP_STATE_COUNT
} fh_followup_state;

/* The identifier ("operating"), NULL out of range; and back from the
 * identifier or the Chinese term: false for none, *out unchanged. */
const char *fh_followup_state_name(fh_followup_state s);
bool fh_followup_state_parse(const char *text, fh_followup_state *out);

typedef struct fh_followup {
	int64_t id, tenant_id, hub_id;
	char tenant[128];
	char hub_code[33];
	int64_t graduated_on; /* the day it graduated */
	int months;           /* after graduation */
	int64_t due;          /* the day it is due */
	int64_t done_on;      /* 0 while open */
	fh_followup_state state;
	int served; /* people served since graduation */
	char notes[1024];
	int late_days; /* past due while open, else 0 */
} fh_followup;

/* Records follow-up `id` (in->id) done on in->done_on (0: today) with its
 * state and the people served: once; not before the graduation, not in
 * the future. A graduate recorded dissolved needs no further visit: its
 * later open follow-ups are closed with it. FH_ECONFLICT when done already;
 * FH_EINVAL naming the field; FH_ENOTFOUND; FH_EDENIED. Audited on the
 * tenant. */
fh_status fh_followup_record(fh_store *store, const fh_actor *actor, const fh_followup *in, fh_error *err);

/* A tenant's follow-ups (tenant ≠ 0), or those of hub_code's scope (NULL:
 * the actor's) still open and due by `by` (a day; 0: before today — those
 * overdue), by due day, at most max (0: all). On error *rows is NULL and
 * *n 0: nothing to free. */
fh_status fh_followup_list(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t tenant, int64_t by,
			   int max, fh_followup **rows, size_t *n, fh_error *err);
/* How many follow-ups of the scope are overdue (due before today, open)
 * in *n. On error *n is 0. */
fh_status fh_followup_overdue(fh_store *store, const fh_actor *actor, const char *hub_code, int *n, fh_error *err);

/* 以社孵社: graduate `by` incubates organisation `other` (a tenant of any
 * hub in the actor's scope, another than itself) since day `on` (0:
 * today). FH_EINVAL when `by` has not graduated; FH_ECONFLICT when the link
 * is there already. Audited on the graduate. */
fh_status fh_followup_link(fh_store *store, const fh_actor *actor, int64_t by, int64_t other, int64_t on,
			   fh_error *err);

typedef struct fh_incubation {
	int64_t by_id, other_id;
	char by[128], other[128];
	int64_t since;
} fh_incubation;

/* The links of a tenant both ways: those it incubates and who incubated
 * it. On error *rows is NULL and *n 0: nothing to free. */
fh_status fh_followup_links(fh_store *store, const fh_actor *actor, int64_t tenant, fh_incubation **rows, size_t *n,
			    fh_error *err);

typedef struct fh_followup_total {
	char hub_code[33];
	int graduated;                         /* graduated during the year */
	int due, done, overdue;                /* follow-ups due in the year: recorded, open past due */
	int by_state[FH_FOLLOWUP_STATE_COUNT]; /* of those recorded in the year, by state */
	int incubating;                        /* graduates incubating others (以社孵社) */
	int incubated;                         /* organisations they incubate */
} fh_followup_total;

/* Per hub of the scope, for year `year`. Hubs in code order. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_followup_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int year,
			     fh_followup_total **rows, size_t *n, fh_error *err);

#endif
