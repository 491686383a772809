/* fuhua — the Party track's own records: a branch's organisational life
 * (三会一课: the branch general meeting, the committee meeting, the group
 * meeting and the Party lecture), each with its day, attendance and topic;
 * the branches behind the hub's meetings.months for a kind, with how long;
 * and the star rating of Party organisations (星级, 1–5 per year).
 *
 * A branch is a tenant's own (its party organisation a branch, tenant_id)
 * or a joint branch of the hub (branch_id, party.h). */
#ifndef FUHUA_MEETING_H
#define FUHUA_MEETING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/meeting_rules.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

typedef enum fh_meeting_kind {
	FH_MEETING_GENERAL,   /* 支部党员大会 */
	FH_MEETING_COMMITTEE, /* 支委会 */
	FH_MEETING_GROUP,     /* 党小组会 */
	FH_MEETING_LECTURE,   /* 党课 */
	FH_MEETING_KIND_COUNT
} fh_meeting_kind;

/* The identifier ("committee"), NULL out of range; and back from the
 * identifier or the Chinese term: false for none, *out unchanged. */
const char *fh_meeting_kind_name(fh_meeting_kind k);
bool fh_meeting_kind_parse(const char *text, fh_meeting_kind *out);

typedef struct fh_meeting {
	int64_t id, hub_id;
	int64_t tenant_id, branch_id; /* the branch: exactly one is set */
	char branch[128];             /* the tenant's or the joint branch's name */
	char hub_code[33];
	fh_meeting_kind kind;
	int64_t on;
	int attendance; /* members present */
	char topic[241];
} fh_meeting;

/* Records a meeting of a branch in the actor's scope, checked in the write
 * transaction: the tenant's party organisation a branch of its own (a joint
 * branch's meetings are the joint branch's), the day not in the future,
 * attendance 0 to 1000. FH_EINVAL naming the field. Audited. On error *id
 * is not to be used. */
fh_status fh_meeting_add(fh_store *store, const fh_actor *actor, const fh_meeting *in, int64_t *id, fh_error *err);
/* Meetings of one branch (tenant or branch ≠ 0) or of hub_code's scope
 * (NULL: the actor's), of year `year` (0: any), latest first. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_meeting_list(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t tenant, int64_t branch,
			  int year, fh_meeting **rows, size_t *n, fh_error *err);

typedef struct fh_meeting_behind {
	int64_t tenant_id, branch_id;
	char branch[128];
	char hub_code[33];
	fh_meeting_kind kind;
	int64_t last; /* the last held; 0: none since the branch was founded */
	int64_t due;  /* the next was due then */
	int days;     /* days behind (≥ 1) */
} fh_meeting_behind;

/* The branches of hub_code's scope (own branches of tenants in incubation
 * and joint branches) behind their hub's meetings.months for a kind on
 * day `at` (0: today) — a kind is due its months after the last held, or
 * after the branch was founded — most behind first, at most limit (0:
 * all). For today or later the days due are kept as meetings are written
 * (a city's first page is an index's first rows); an earlier day is
 * counted from the meetings held by then. On error *rows is NULL and *n
 * 0: nothing to free. */
fh_status fh_meeting_behind_list(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t at, int limit,
				 fh_meeting_behind **rows, size_t *n, fh_error *err);

/* Sets a branch's star rating of year `year` (1–5; 0 takes it away), a
 * manager's, audited. FH_EINVAL naming the field. */
fh_status fh_meeting_stars_set(fh_store *store, const fh_actor *actor, int64_t tenant, int64_t branch, int year,
			       int stars, fh_error *err);

typedef struct fh_meeting_total {
	char hub_code[33];
	int branches;                    /* own and joint */
	int held[FH_MEETING_KIND_COUNT]; /* in the year */
	int attendance;                  /* people present, in all */
	int behind;                      /* branches behind in some kind, on the year's last day or today */
	int stars[6];                    /* branches by stars of the year; [0]: none given */
} fh_meeting_total;

/* Per hub of the scope, for year `year`, hubs in code order. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_meeting_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int year,
			    fh_meeting_total **rows, size_t *n, fh_error *err);

#endif
