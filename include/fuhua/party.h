/* fuhua — dual incubation (双孵化): each tenant's Party record beside its
 * organisation record, the joint branches, the sync checks that tie the two
 * tracks together, and coverage computed from the records, never typed.
 *
 * Every Party rule lives here, with its numbers from the level's
 * configuration (party:, sync:, coverage: in fuhua-config(5)): the
 * dashboard, the reports, the Party screen, the demo and the command line
 * all ask this module. */
#ifndef FUHUA_PARTY_H
#define FUHUA_PARTY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/calendar.h"
#include "fuhua/config.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

/* ---- the rules of a hub -------------------------------------------------- */

/* The hub's rules as configured (fuhua init keeps them in the database). On
 * error *out is unchanged. */
fh_status fh_party_rules_load(fh_store *store, int64_t hub_id, fh_party_rules *out, fh_error *err);

/* ---- the record ---------------------------------------------------------- */

#define FH_PARTY_TEXT_MAX 40 /* secretary, reason: characters */
#define FH_PARTY_REASON_MAX 100

typedef struct fh_party {
	int64_t tenant_id, hub_id;
	char tenant_name[FH_TENANT_NAME_MAX * 4 + 1];
	char hub_code[33];
	fh_stage stage;
	fh_party_org form;
	int full;           /* 正式党员 */
	int probationary;   /* 预备党员: never counted for a branch */
	int applicants;     /* 入党申请人 */
	int activists;      /* 入党积极分子 */
	int relations_here; /* full members whose 组织关系 is in this organisation */
	int64_t branch_id;  /* the joint branch, when form is joint_branch */
	char branch_name[FH_PARTY_TEXT_MAX * 4 + 1];
	char founded[11]; /* the organisation's founding, YYYY-MM-DD or "" */
	char elected[11]; /* its committee's last election (换届), or "" */
	char secretary[FH_PARTY_TEXT_MAX * 4 + 1];
	bool secretary_in_mgmt; /* 交叉任职: the secretary sits in the management */
	bool fallback;          /* 兜底管理 by the hub's own branch */
	int64_t instructor_id;  /* 党建指导员/联络员 (a person of kind instructor) */
	char instructor[FH_PARTY_TEXT_MAX * 4 + 1];
	char employer[FH_PARTY_TEXT_MAX * 4 + 1];
	char appointed[11];                       /* the instructor's appointment here */
	char reason[FH_PARTY_REASON_MAX * 4 + 1]; /* why no organisation of its own */
	int64_t version;                          /* the tenant's: one version for both records */
} fh_party;

typedef enum fh_party_field {
	FH_PF_FORM,
	FH_PF_FULL,
	FH_PF_PROBATIONARY,
	FH_PF_APPLICANTS,
	FH_PF_ACTIVISTS,
	FH_PF_RELATIONS_HERE,
	FH_PF_BRANCH,
	FH_PF_FOUNDED,
	FH_PF_ELECTED,
	FH_PF_SECRETARY,
	FH_PF_SECRETARY_IN_MGMT,
	FH_PF_FALLBACK,
	FH_PF_INSTRUCTOR,
	FH_PF_APPOINTED,
	FH_PF_REASON,
	FH_PF_COUNT
} fh_party_field;

/* The field's identifier ("full_members") and label; the field with that
 * identifier (or with '-' for '_'); false if none. */
const char *fh_party_field_name(fh_party_field f);
const char *fh_party_field_label(fh_party_field f, bool zh);
bool fh_party_field_lookup(const char *name, fh_party_field *out);

/* Sets one field from text as people write it (labels in either language,
 * yes/no/是/否, dates as fh_date_parse takes them; the branch and the
 * instructor by number, "" for none). FH_EINVAL naming the field otherwise;
 * the record is unchanged then. On error *p is unchanged. */
fh_status fh_party_set(fh_party *p, fh_party_field f, const char *text, fh_error *err);
/* The field as text: identifiers when `ids`, else labels (the branch and the
 * instructor by name). Returns buf. */
const char *fh_party_get(const fh_party *p, fh_party_field f, bool ids, bool zh, char *buf, size_t size);

/* A tenant's record (an empty one when nothing was recorded). On error *out is
 * not to be used. */
fh_status fh_party_get_record(fh_store *store, const fh_actor *actor, int64_t tenant_id, fh_party *out, fh_error *err);

/* Checks the record against the rules: a branch of its own needs
 * branch_min_members full members (probationary ones do not count), a
 * founding date and a secretary; a joint branch needs a branch of the hub
 * with room (joint_max_tenants); fallback only without an organisation and
 * with its reason; relations here at most the full members; dates real and
 * not in the future. FH_EINVAL with every problem in *errs (field names are
 * fh_party_field_name's). On FH_EINVAL every problem is in *errs (after
 * those already there); on another error *errs holds those found before it. */
fh_status fh_party_validate(fh_store *store, const fh_party *p, fh_field_errors *errs, fh_error *err);

/* The size rule of a branch of its own, once for the party form, the
 * tenant form and the import: true when `full` full members may form one;
 * else false with the reason in err (naming `field`). */
bool fh_party_branch_size_ok(const fh_party_rules *rules, int full, const char *field, fh_error *err);

/* Validates and saves, with the tenant's version check (FH_ECONFLICT when
 * someone changed the tenant since p->version was read) and an audit row.
 * Sets p->version. On FH_EINVAL every problem is in *errs and *p is as given;
 * on another error *p is not to be relied on (it may be partly read again). */
fh_status fh_party_save(fh_store *store, const fh_actor *actor, fh_party *p, fh_field_errors *errs, fh_error *err);

/* ---- members by name ------------------------------------------------------ */

/* Members may be counted only, or named too; a record's counts are never
 * fewer than its named members of each kind (and relations held here never
 * fewer than the named full members whose relation is here). */
typedef enum fh_member_kind {
	FH_MEMBER_FULL,         /* 正式党员 */
	FH_MEMBER_PROBATIONARY, /* 预备党员 */
	FH_MEMBER_APPLICANT,    /* 入党申请人 */
	FH_MEMBER_ACTIVIST,     /* 入党积极分子 */
	FH_MEMBER_KIND_COUNT
} fh_member_kind;

/* A kind's identifier ("full"), NULL out of range; its label in Chinese or
 * English; and back from its identifier or Chinese label: false for none,
 * *out unchanged. */
const char *fh_member_kind_name(fh_member_kind k);
const char *fh_member_kind_label(fh_member_kind k, bool zh);
bool fh_member_kind_parse(const char *s, fh_member_kind *out);

typedef struct fh_party_member {
	int64_t id, tenant_id;
	char name[FH_PARTY_TEXT_MAX * 4 + 1];
	fh_member_kind kind;
	bool relation_here; /* 组织关系 in this organisation, else elsewhere */
} fh_party_member;

/* A tenant's named members, full members first, by name. The caller frees
 * *rows. On error *rows is NULL and *n 0: nothing to free. */
fh_status fh_party_members(fh_store *store, const fh_actor *actor, int64_t tenant_id, fh_party_member **rows, size_t *n,
			   fh_error *err);
/* Names a member (m->id 0: the counts rise only as far as needed to cover
 * the named, who may have been counted already) or changes one's kind or
 * relation (转正: one fewer probationary member, one more full one; a full
 * member's relation moving here or away moves the count held here). Audited on the tenant, whose version moves. FH_EINVAL for an
 * empty or bad name, FH_ECONFLICT for a name the tenant has already. On error
 * m->id is as given (a new member keeps 0). */
fh_status fh_party_member_save(fh_store *store, const fh_actor *actor, fh_party_member *m, fh_error *err);
/* One named member. On error *m is not to be used. */
fh_status fh_party_member_get(fh_store *store, const fh_actor *actor, int64_t member_id, fh_party_member *out,
			      fh_error *err);
/* Removes a named member (they left): the count of their kind drops by one.
 * FH_OK, FH_EDENIED, FH_ENOTFOUND, or the database's error. */
fh_status fh_party_member_remove(fh_store *store, const fh_actor *actor, int64_t member_id, fh_error *err);

/* ---- what the rules say about a record ------------------------------------ */

typedef struct fh_party_state {
	bool org_covered;    /* its form counts as a party organisation (coverage.org_forms) */
	bool work_covered;   /* … or under fallback with an instructor or liaison */
	bool separate;       /* functional or extended: reported on their own */
	bool should_branch;  /* branch_min_members full members, no branch of its own */
	int64_t term_ends;   /* its own branch's committee term, 0 if none */
	bool reelection_due; /* the term has ended (换届 overdue) */
} fh_party_state;

/* The rules applied to a record on the day `today`. For a joint branch the
 * term is the branch's (fh_branch). */
void fh_party_evaluate(const fh_party_rules *rules, const fh_party *p, int64_t today, fh_party_state *out);

/* The day a committee elected on `elected` (YYYY-MM-DD) ends its term; 0
 * for "". */
int64_t fh_party_term_end(const fh_party_rules *rules, const char *elected);

/* ---- joint branches (联合党支部) ---------------------------------------- */

typedef struct fh_branch {
	int64_t id, hub_id;
	char hub_code[33];
	char name[FH_PARTY_TEXT_MAX * 4 + 1];
	char secretary[FH_PARTY_TEXT_MAX * 4 + 1];
	char founded[11], elected[11];
	int tenants;       /* tenants it covers */
	int max_tenants;   /* the hub's joint_max_tenants */
	int full;          /* their full members, summed */
	int64_t term_ends; /* 0 without an election date */
	int64_t version;
} fh_branch;

/* The joint branches of the actor's hubs (hub_id 0) or of one hub, by hub
 * and name. The caller frees *rows. On error *rows is NULL and *n 0: nothing to
 * free. fh_branch_get: on error *out is not to be used. */
fh_status fh_branch_list(fh_store *store, const fh_actor *actor, int64_t hub_id, fh_branch **rows, size_t *n,
			 fh_error *err);
fh_status fh_branch_get(fh_store *store, const fh_actor *actor, int64_t id, fh_branch *out, fh_error *err);
/* Adds (b->id 0, in hub b->hub_id, 0 = the actor's) or edits a branch: a
 * name unique in the hub, dates real and not in the future, the version
 * check and an audit row. FH_EINVAL with the field ("name", "secretary",
 * "founded", "elected") otherwise. On error *b is not to be used. */
fh_status fh_branch_save(fh_store *store, const fh_actor *actor, fh_branch *b, fh_error *err);

/* ---- the sync checks (四同 / 两关六同步) ------------------------------------ */

/* An event on the organisation track … */
typedef enum fh_sync_event {
	FH_EVENT_REGISTRATION, /* 登记: the commitment and the members survey */
	FH_EVENT_ANNUAL,       /* 年检/年报: the party-building report */
	FH_EVENT_LEADERSHIP,   /* 换届: the party committee's change */
	FH_EVENT_RATING,       /* 等级评估: the party organisation's standardisation rating */
	FH_EVENT_ASSESSMENT,   /* 年度考核: the party-building assessment with it (同步考核) */
	FH_EVENT_COMMENDATION, /* 表彰: the party-building commendation with it (同步表彰) */
	FH_EVENT_COUNT
} fh_sync_event;

/* … opens these items on the party track. */
typedef enum fh_sync_kind {
	FH_SYNC_COMMITMENT,   /* 党建工作承诺 */
	FH_SYNC_SURVEY,       /* 党员摸底 */
	FH_SYNC_REPORT,       /* 党建工作报告 */
	FH_SYNC_COMMITTEE,    /* 党组织同步换届 */
	FH_SYNC_STANDARD,     /* 党组织规范化评定 */
	FH_SYNC_ASSESSMENT,   /* 党建工作同步考核 */
	FH_SYNC_COMMENDATION, /* 党建工作同步表彰 */
	FH_SYNC_KIND_COUNT
} fh_sync_kind;

/* An event's and a kind's identifier ("registration", "commitment"), NULL out
 * of range; their labels in Chinese or English; and back (an event from its
 * identifier or Chinese label, a kind from its identifier): false for none,
 * *out unchanged. */
const char *fh_sync_event_name(fh_sync_event e);
const char *fh_sync_event_label(fh_sync_event e, bool zh);
bool fh_sync_event_parse(const char *s, fh_sync_event *out);
const char *fh_sync_kind_name(fh_sync_kind k);
const char *fh_sync_kind_label(fh_sync_kind k, bool zh);
bool fh_sync_kind_parse(const char *s, fh_sync_kind *out);

/* When an item opened by event `e` on day `on` is due: registration,
 * leadership, rating, assessment and commendation within
 * registration_days working days; the annual
 * report by the year's annual_deadline (or registration_days after an event
 * recorded past it). */
int64_t fh_sync_due(const fh_party_rules *rules, const fh_calendar *cal, fh_sync_event e, int64_t on);

typedef struct fh_sync_item {
	int64_t id, tenant_id, hub_id;
	char tenant[FH_TENANT_NAME_MAX * 4 + 1];
	char hub_code[33];
	fh_sync_kind kind;
	fh_sync_event event;
	int64_t event_on, due, done_on; /* done_on 0 while open */
	int late_days;                  /* days past due while open, else 0 */
} fh_sync_item;

/* Records an event on the organisation track of a tenant on day `on` (0:
 * today) and opens its items on the party track; *opened says how many
 * were new (an event recorded twice opens nothing). A rating event needs
 * the tenant registered two full years before `on`. On error *opened is not to
 * be used (the transaction is rolled back). */
fh_status fh_party_event(fh_store *store, const fh_actor *actor, int64_t tenant_id, fh_sync_event e, int64_t on,
			 int *opened, fh_error *err);
/* Opens the year's annual items for every registered tenant in incubation
 * in the actor's hubs (hub_id 0) or one hub; *opened counts the new ones. On
 * error *opened is not to be used (the transaction is rolled back). */
fh_status fh_party_open_annual(fh_store *store, const fh_actor *actor, int64_t hub_id, int year, int *opened,
			       fh_error *err);
/* Closes an item on day `on` (0: today): FH_OK, FH_EINVAL for a day in the
 * future or before the event, FH_ECONFLICT for an item done already,
 * FH_EDENIED, FH_ENOTFOUND, or the database's error. */
fh_status fh_party_sync_done(fh_store *store, const fh_actor *actor, int64_t item_id, int64_t on, fh_error *err);
/* A tenant's items, by due date. The caller frees *rows. On error *rows is NULL
 * and *n 0: nothing to free. */
fh_status fh_party_sync_list(fh_store *store, const fh_actor *actor, int64_t tenant_id, fh_sync_item **rows, size_t *n,
			     fh_error *err);

typedef struct fh_sync_total {
	char hub_code[33];
	int due;       /* sync checks of its tenants due in the period */
	int done;      /* of them, done by their day */
	int late;      /* of them, done after it, or open after it */
	int gaps;      /* open past their day, whenever due, on the period's last day */
	int reelected; /* committees whose term ended or ends within 90 days (today) */
} fh_sync_total;

/* Per hub of hub_id's scope (0: the actor's hub and below), the sync
 * checks due in [from, to) and how they went, read on day `at`; hubs in
 * code order, a row only where there is one. On error *rows is NULL and *n
 * 0: nothing to free. */
fh_status fh_party_sync_totals(fh_store *store, const fh_actor *actor, int64_t hub_id, int64_t from, int64_t to,
			       int64_t at, fh_sync_total **rows, size_t *n, fh_error *err);

/* ---- coverage ------------------------------------------------------------- */

typedef struct fh_coverage {
	int64_t hub_id;
	char code[33], name[128];
	int depth;   /* 0 for the hub asked for */
	int counted; /* tenants counted (in incubation, or every stage) */
	int org;     /* with a party organisation (coverage.org_forms) */
	int work;    /* … plus fallback with an instructor or liaison */
	int by_form[FH_PARTY_ORG_COUNT];
	int fallback_guided; /* no organisation counted, fallback with an instructor */
	int fallback_alone;  /* fallback without one: uncovered */
	int uncovered;       /* counted − work */
	int members;         /* full members */
} fh_coverage;

/* Coverage of hub_id (0: the actor's) and every hub below it, each rolled
 * up over its own subtree, in tree order; from the maintained counts, so it
 * costs the same at any number of tenants. The caller frees *rows. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_party_coverage(fh_store *store, const fh_actor *actor, int64_t hub_id, bool all_stages, fh_coverage **rows,
			    size_t *n, fh_error *err);

/* A rate in per cent, 0 when nothing is counted. */
double fh_coverage_rate(int part, int whole);

/* The reference rates configured for a hub (coverage.references). On error *n
 * is 0. */
fh_status fh_party_references(fh_store *store, int64_t hub_id, fh_coverage_ref *out, size_t max, size_t *n,
			      fh_error *err);

/* ---- lists to act on -------------------------------------------------------- */

typedef enum fh_party_list_kind {
	FH_PL_UNCOVERED,     /* no organisation and no guided fallback */
	FH_PL_SHOULD_BRANCH, /* enough full members for a branch of its own */
	FH_PL_SYNC_GAPS,     /* open sync items past their date, oldest first */
	FH_PL_REELECTION,    /* committee terms ended or ending within 90 days */
	FH_PL_COUNT
} fh_party_list_kind;

typedef struct fh_party_row {
	int64_t tenant_id; /* 0 for a joint branch's line */
	int64_t item_id;   /* the sync item, or the joint branch */
	char name[FH_TENANT_NAME_MAX * 4 + 1];
	char hub_code[33];
	fh_party_org form;
	int full;
	bool fallback, guided;
	int64_t date;   /* due date, or the end of the term */
	int days;       /* days late (negative: days left) */
	char what[128]; /* the sync item, or the committee */
} fh_party_row;

/* Up to `max` rows of one list over hub_id (0: the actor's) and below, in
 * incubation; *more when there are more. The caller frees *rows. On error *rows
 * is NULL, *n 0 and *more false: nothing to free. */
fh_status fh_party_list(fh_store *store, const fh_actor *actor, int64_t hub_id, fh_party_list_kind which, size_t max,
			fh_party_row **rows, size_t *n, bool *more, fh_error *err);

/* Instructors and liaisons (党建指导员/联络员) with the tenants each carries. */
typedef struct fh_instructor {
	int64_t id, hub_id;
	char hub_code[33];
	char name[FH_PARTY_TEXT_MAX * 4 + 1];
	char employer[FH_PARTY_TEXT_MAX * 4 + 1];
	int tenants; /* in incubation */
} fh_instructor;

/* Every instructor and liaison of hub_id (0: the actor's) and the hubs below
 * it, with the tenants in incubation each carries, by hub and name. The
 * caller frees *rows. On error *rows is NULL and *n 0: nothing to free. */
fh_status fh_party_instructors(fh_store *store, const fh_actor *actor, int64_t hub_id, fh_instructor **rows, size_t *n,
			       fh_error *err);
/* The tenants in incubation an instructor carries, in the actor's hubs, by
 * hub and name: up to max rows, *more when there are more. On error *rows is
 * NULL, *n 0 and *more false: nothing to free. */
fh_status fh_party_instructed(fh_store *store, const fh_actor *actor, int64_t instructor_id, size_t max,
			      fh_party_row **rows, size_t *n, bool *more, fh_error *err);

/* ---- both tracks ------------------------------------------------------------- */

/* A tenant's two tracks side by side, for the board: milestones done of
 * all, sync items late, and the party state's marks. */
typedef struct fh_tracks {
	int org_done, org_total, org_late;
	int party_done, party_total, party_late;
	int sync_late;
} fh_tracks;

/* The tracks of n tenants (a page of the board) into out[i] for ids[i], in
 * two queries whatever n is. On error out is not to be used. */
fh_status fh_party_tracks(fh_store *store, const int64_t *ids, size_t n, fh_tracks *out, fh_error *err);

#endif
