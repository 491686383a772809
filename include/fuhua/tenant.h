/* fuhua — tenants (入驻组织): the record, its checks, its lifecycle, and the
 * paged, searchable list.
 *
 * Every rule about a tenant lives here: which values a field takes, which
 * stage may follow which, who may admit and graduate. The terminal, the
 * command line and the importer all go through these functions. */
#ifndef FUHUA_TENANT_H
#define FUHUA_TENANT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/config.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

typedef enum fh_org_type {
	FH_ORG_SOCIAL_GROUP,  /* 社会团体 */
	FH_ORG_SERVICE_ORG,   /* 民办非企业单位 / 社会服务机构 */
	FH_ORG_FOUNDATION,    /* 基金会 */
	FH_ORG_COMMUNITY_ORG, /* 社区社会组织 (备案类) */
	FH_ORG_TYPE_COUNT
} fh_org_type;

typedef enum fh_reg_state {
	FH_REG_PREPARING,  /* 筹备 */
	FH_REG_REGISTERED, /* 已登记 */
	FH_REG_FILED,      /* 已备案 (community organisations) */
	FH_REG_STATE_COUNT
} fh_reg_state;

typedef enum fh_party_org {
	FH_PARTY_NONE,
	FH_PARTY_BRANCH,       /* 独立党支部 */
	FH_PARTY_JOINT_BRANCH, /* 联合党支部 */
	FH_PARTY_FUNCTIONAL,   /* 功能型 */
	FH_PARTY_EXTENDED,     /* 拓展型 */
	FH_PARTY_ORG_COUNT
} fh_party_org;

/* Identifiers ("social_group") and names for people, in Chinese (the terms of
 * the field, "社会团体") or English. NULL for an out-of-range value. */
const char *fh_org_type_name(fh_org_type t);
const char *fh_org_type_label(fh_org_type t, bool zh);
const char *fh_reg_state_name(fh_reg_state r);
const char *fh_reg_state_label(fh_reg_state r, bool zh);
const char *fh_party_org_name(fh_party_org p);
const char *fh_party_org_label(fh_party_org p, bool zh);
const char *fh_stage_label(fh_stage s, bool zh);
/* The party column of spreadsheets and lists: the form, or "fallback" (兜底管理)
 * for a tenant without one under the hub's branch; identifier or label. */
const char *fh_party_column(fh_party_org p, bool fallback, bool ids, bool zh);
/* The parse functions take the identifier or either label (and the common
 * older names: 民办非企业单位); false for anything else. */
bool fh_org_type_parse(const char *s, fh_org_type *out);
bool fh_reg_state_parse(const char *s, fh_reg_state *out);
bool fh_party_org_parse(const char *s, fh_party_org *out);
bool fh_stage_parse_label(const char *s, fh_stage *out);

/* 统一社会信用代码 (GB 32100-2015): the check character for the first 17
 * characters, or 0 if one of them is not in the code's alphabet. */
char fh_credit_code_check_char(const char *first17);

/* Checks an 18-character credit code: length, alphabet (digits and capital
 * letters without I, O, S, V, Z) and check character. FH_EINVAL with field
 * "credit_code" and the reason otherwise. */
fh_status fh_credit_code_check(const char *code, fh_error *err);

/* Normalises a mainland phone number into out (size ≥ 24): a mobile number as
 * 11 digits ("13812345678", "+86" and spaces dropped), a landline as
 * "021-62345678" or "0571-8765432", an extension as "-123". FH_EINVAL with
 * field "phone" and the reason otherwise. On error out is unchanged. */
fh_status fh_phone_normalize(const char *in, char *out, size_t size, fh_error *err);


/* ---- the record ---------------------------------------------------------------- */

/* The fields, in the order forms and CSV files show them. The first
 * FH_TF_EDITABLE are what an operator types; the rest are set by the
 * lifecycle, and only an import may give them. */
typedef enum fh_tenant_field {
	FH_TF_NAME,
	FH_TF_SHORT_NAME,
	FH_TF_ORG_TYPE,
	FH_TF_REG_STATE,
	FH_TF_CREDIT_CODE,
	FH_TF_FIELD,
	FH_TF_LEGAL_REP,
	FH_TF_CONTACT,
	FH_TF_PHONE,
	FH_TF_ADDRESS,
	FH_TF_STAFF,
	FH_TF_VOLUNTEERS,
	FH_TF_FOUNDED,
	FH_TF_RATING,
	FH_TF_RATING_DATE,
	FH_TF_PARTY_ORG,
	FH_TF_PARTY_MEMBERS,
	FH_TF_NOTES,
	FH_TF_EDITABLE,
	FH_TF_STAGE = FH_TF_EDITABLE,
	FH_TF_ADMITTED_ON,
	FH_TF_PLANNED_END,
	FH_TF_EXIT_REASON,
	FH_TF_COUNT
} fh_tenant_field;

/* The longest stored sort key of a name (bytes; ICU's, see the list). */
#define FH_TENANT_NAME_KEY_MAX 400

/* Limits, in characters. */
#define FH_TENANT_NAME_MAX 60
#define FH_TENANT_SHORT_MAX 20
#define FH_TENANT_PERSON_MAX 20
#define FH_TENANT_ADDRESS_MAX 120
#define FH_TENANT_NOTES_MAX 1000
#define FH_TENANT_REASON_MAX 200
#define FH_TENANT_PEOPLE_MAX 100000

typedef struct fh_tenant {
	int64_t id; /* 0 for a new tenant */
	int64_t hub_id;
	char hub_code[33], hub_name[128];
	char name[FH_TENANT_NAME_MAX * 4 + 1];
	char short_name[FH_TENANT_SHORT_MAX * 4 + 1];
	fh_org_type org_type;
	fh_reg_state reg_state;
	char credit_code[19]; /* "" before registration */
	char field[128];      /* one of the hub's service fields, or "" */
	char legal_rep[FH_TENANT_PERSON_MAX * 4 + 1];
	char contact[FH_TENANT_PERSON_MAX * 4 + 1];
	char phone[24]; /* normalised, or "" */
	char address[FH_TENANT_ADDRESS_MAX * 4 + 1];
	int staff, volunteers;
	char founded[11]; /* "YYYY-MM-DD" or "" */
	int rating;       /* 等级评估: 0 none, 1–5 = 1A–5A */
	char rating_date[11];
	fh_party_org party_org;
	int party_members;
	bool party_fallback; /* 兜底管理 by the hub's own branch (party.h) */
	char notes[FH_TENANT_NOTES_MAX * 4 + 1];
	fh_stage stage;
	int64_t stage_since, admitted_on, planned_end; /* 0 = not set */
	bool extended;
	char exit_reason[FH_TENANT_REASON_MAX * 4 + 1];
	int64_t instructor_id;
	int64_t version, updated_at;
	char updated_by[64];
} fh_tenant;

/* A new record with the defaults of an application (stage applied,
 * preparing, service organisation). */
void fh_tenant_init(fh_tenant *t);

/* The field's identifier ("credit_code"), its label for people in Chinese or
 * English, and the field with that identifier, label or a usual spreadsheet
 * heading (机构名称, 手机, …); false if none. */
const char *fh_tenant_field_name(fh_tenant_field f);
const char *fh_tenant_field_label(fh_tenant_field f, bool zh);
bool fh_tenant_field_lookup(const char *heading, fh_tenant_field *out);

/* Sets one field from text as a person or a spreadsheet writes it (labels in
 * either language, "3A", "2024/3/5", "138 1234 5678"). FH_EINVAL with the
 * field and why when the text cannot be that field's value; the record is
 * unchanged then. On error *t is unchanged. */
fh_status fh_tenant_set(fh_tenant *t, fh_tenant_field f, const char *text, fh_error *err);
/* The field as text into buf: enumerations as identifiers and the rating as
 * a number when `ids` (JSON, scripts), else as labels in Chinese or English
 * and "3A"; dates as YYYY-MM-DD; "" for an unset value. Returns buf. */
const char *fh_tenant_get(const fh_tenant *t, fh_tenant_field f, bool ids, bool zh, char *buf, size_t size);


/* Problems found in a record, one per field at most, in field order. */
typedef struct fh_field_errors {
	size_t n;
	fh_error e[FH_TF_COUNT + 1];
} fh_field_errors;

/* Adds a problem unless its field has one already; finds a field's problem
 * (NULL if none). */
void fh_field_errors_add(fh_field_errors *errs, const fh_error *e);
const fh_error *fh_field_errors_find(const fh_field_errors *errs, fh_tenant_field f);

/* Checks every field against the rules and the hub's configuration (its
 * service fields). Returns FH_OK, or FH_EINVAL with every new problem added
 * to *errs (may be NULL; problems already there, from fh_tenant_set, keep
 * their fields) and the first in err. On FH_EINVAL every problem is in
 * *errs (after those already there); on another error *errs holds those found
 * before it. */
fh_status fh_tenant_validate(fh_store *store, const fh_tenant *t, fh_field_errors *errs, fh_error *err);

/* Takes in an application: validates, writes the tenant at stage applied in
 * the hub t->hub_id (0: the actor's hub) with its first history line, audits.
 * Sets t->id and t->version. On error t->id is 0 and, on FH_EINVAL, every
 * problem is in *errs. */
fh_status fh_tenant_add(fh_store *store, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs, fh_error *err);

/* A tenant that looks like another one: why it matched. */
typedef struct fh_tenant_match {
	int64_t id, hub_id;
	char name[FH_TENANT_NAME_MAX * 4 + 1];
	char hub_code[33];
	fh_tenant_field why; /* FH_TF_NAME, FH_TF_CREDIT_CODE or FH_TF_PHONE */
} fh_tenant_match;

/* Tenants other than t (t->id; 0 for one not yet saved), in the hubs the
 * actor sees, with the same name, credit code or phone: up to max into out,
 * *n of them. Intake and 'tenant add' warn with them; import refuses a row
 * whose name is taken in its own hub (or whose code is taken anywhere), so
 * that a re-run never duplicates. On error out or *n is not to be used. */
fh_status fh_tenant_similar(fh_store *store, const fh_actor *actor, const fh_tenant *t, fh_tenant_match *out,
			    size_t max, size_t *n, fh_error *err);

/* Saves the editable fields of t over the stored tenant if its version is
 * still t->version; FH_ECONFLICT "changed by X at T" if not (nothing written).
 * Audits the fields that changed. Updates t->version. When no field differs
 * nothing is written: FH_OK with *t the stored tenant, its version unchanged.
 * On error *t is as given and, on FH_EINVAL, every problem is in *errs. */
fh_status fh_tenant_update(fh_store *store, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs, fh_error *err);

/* Reads a tenant the actor's hub scope covers. On error *out is not to be used. */
fh_status fh_tenant_get_by_id(fh_store *store, const fh_actor *actor, int64_t id, fh_tenant *out, fh_error *err);

/* ---- the lifecycle --------------------------------------------------------------- */

/* Whether the lifecycle allows from → to (one step forward, or exit from a
 * stage that is not final). */
bool fh_stage_step_allowed(fh_stage from, fh_stage to);
/* The stages a tenant at `from` may move to, in order; returns how many. */
size_t fh_stage_next(fh_stage from, fh_stage out[FH_STAGE_COUNT]);

/* What a step of the lifecycle would do, for a confirmation that says it. */
#define FH_UNMET_MAX 8
typedef struct fh_stage_plan {
	fh_stage from, to;
	int64_t planned_end;    /* admission: the planned end; extension: the new one */
	int months;             /* admission: the term; extension: the months added */
	int milestones;         /* admission: milestones created from the templates */
	int open_milestones;    /* milestones not done now */
	int allocations, seats; /* spaces allocated to the tenant now, and their seats */
	int64_t handover_due;   /* graduating or exiting today: when they are due back */
	int pairings;           /* mentor pairings running (they end with graduation or exit) */
	int bookings;           /* room bookings to come (kept on graduation, cancelled on exit) */
	size_t nunmet;          /* graduation: every criterion not met, for people */
	char unmet[FH_UNMET_MAX][200];
	size_t nmet; /* graduation: every criterion met, for people */
	char met[FH_UNMET_MAX][200];
} fh_stage_plan;

/* Moves tenant id (at version `version`, 0 = whatever it is) to stage `to`.
 * Admission (→ incubating) and graduation need a manager, as does an exit
 * after admission; an exit needs a reason. Admission sets the planned end
 * from the hub's term and creates the milestones of both tracks from the
 * hub's templates; graduation checks the hub's graduation rules. Writes the
 * stage history and the audit log in one transaction, every check read
 * inside it. Graduation and exit release the tenant's spaces and end its
 * mentor pairings; an exit cancels its room bookings to come (a graduate
 * keeps them). *did (may be NULL) says what the move did: the plan as
 * checked under the write lock. On error *did (may be NULL) says what was
 * checked: on FH_ECONFLICT the criteria not met. */
fh_status fh_tenant_move(fh_store *store, const fh_actor *actor, int64_t id, int64_t version, fh_stage to,
			 const char *reason, fh_stage_plan *did, fh_error *err);

/* Checks fh_tenant_move(…, to, reason) without writing: FH_OK with *plan
 * filled when the step is allowed, else the status and error the move would
 * give; a graduation refused for its criteria lists each in plan->unmet. On
 * error *plan says what was checked: on FH_ECONFLICT the criteria not met. */
fh_status fh_tenant_move_plan(fh_store *store, const fh_actor *actor, int64_t id, fh_stage to, const char *reason,
			      fh_stage_plan *plan, fh_error *err);

/* Graduates a tenant whose graduation criteria are not all met: a manager,
 * with the reason (required). The stage history keeps the reason and every
 * criterion not met; the audit log's action is "override". On error *did (may
 * be NULL) says what was checked. */
fh_status fh_tenant_graduate_override(fh_store *store, const fh_actor *actor, int64_t id, int64_t version,
				      const char *reason, fh_stage_plan *did, fh_error *err);

/* Extends an incubating tenant's planned end by the hub's extension months,
 * once, if the hub allows it. Needs a manager. */
/* Checks fh_tenant_extend() without writing: FH_OK with the new planned end
 * and the months added in *plan, else the error the extension would give. On
 * error *plan says what was checked. */
fh_status fh_tenant_extend_plan(fh_store *store, const fh_actor *actor, int64_t id, fh_stage_plan *plan, fh_error *err);
fh_status fh_tenant_extend(fh_store *store, const fh_actor *actor, int64_t id, int64_t version, fh_error *err);

/* Months of incubation so far (to `now`, or to the day it left). */
int fh_tenant_months(const fh_tenant *t, int64_t now);
/* How many tenants in incubation at the actor's hubs are past their planned
 * end on the day of `day` (graduations due, or an extension, or an exit):
 * FH_OK, FH_EDENIED for nobody, or the database's error; on error *n is 0. */
fh_status fh_tenant_past_term(fh_store *store, const fh_actor *actor, int64_t day, int *n, fh_error *err);

typedef struct fh_stage_event {
	int64_t at;
	fh_stage from; /* FH_STAGE_COUNT for the first line */
	fh_stage to;
	char operator_name[64];
	char reason[FH_TENANT_REASON_MAX * 4 + 1];
} fh_stage_event;

/* The tenant's stage history, oldest first; free *rows with free(). On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_tenant_stages(fh_store *store, const fh_actor *actor, int64_t id, fh_stage_event **rows, size_t *n,
			   fh_error *err);

typedef struct fh_tenant_flow {
	char hub_code[33];
	int admitted, graduated, exited; /* moved so during [from, to) */
	int graduated_ever;              /* graduated by then since the hub opened (left since too) */
	int incubating;                  /* in incubation now */
	int by_type[FH_ORG_TYPE_COUNT];  /* of them, by organisation type */
	int by_reg[FH_REG_STATE_COUNT];  /* … and by registration state */
} fh_tenant_flow;

/* Per hub of the scope (hub_code, NULL: the actor's hub and those below),
 * the tenants admitted, graduated and exited during [from, to) — a move
 * read from the tenant's stage and its day, or from its history when it
 * moved on since — and those in incubation now; hubs in code order, a row
 * only where there is a tenant. On error *rows is NULL and *n 0: nothing
 * to free. */
fh_status fh_tenant_flow_list(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t from, int64_t to,
			      fh_tenant_flow **rows, size_t *n, fh_error *err);

typedef struct fh_change {
	int64_t at;
	char operator_name[64];
	char via[64];
	char action[32]; /* "create", "update", "move", "extend", "import", "party" */
	int nfields;     /* the fields changed (all but the name on "create") */
	struct {
		fh_tenant_field field;   /* FH_TF_COUNT for a field of the party record ("party") */
		char key[32];            /* the field's identifier as the log holds it */
		char old[128], new[128]; /* as identifiers, "" for unset; cut short */
	} f[8];
} fh_change;

/* The tenant's audit history, newest first, at most `limit` lines. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_tenant_changes(fh_store *store, const fh_actor *actor, int64_t id, int limit, fh_change **rows, size_t *n,
			    fh_error *err);

/* ---- the list ---------------------------------------------------------------------- */

typedef enum fh_tenant_sort {
	FH_SORT_NAME,     /* by name in pinyin order (ICU's Chinese collation) */
	FH_SORT_ADMITTED, /* longest in incubation first; not admitted last */
	FH_SORT_NEWEST,   /* latest intake first */
	FH_SORT_COUNT
} fh_tenant_sort;

typedef struct fh_tenant_filter {
	int64_t hub_id;      /* the hub and every hub below it; 0 = the actor's */
	int stage;           /* an fh_stage, or -1 for any */
	int org_type;        /* an fh_org_type, or -1 */
	char field[128];     /* a service field, or "" */
	char search[128];    /* name, short name, credit code, contact, phone,
				pinyin initials; "" for none */
	fh_tenant_sort sort; /* a search lists newest first, whatever the sort */
} fh_tenant_filter;

/* An empty filter: the actor's hub, every stage, by name. */
void fh_tenant_filter_init(fh_tenant_filter *f);

typedef struct fh_tenant_row {
	int64_t id;
	char name[FH_TENANT_NAME_MAX * 4 + 1];
	char short_name[FH_TENANT_SHORT_MAX * 4 + 1];
	char hub_code[33];
	char field[128];
	char credit_code[19];
	char contact[FH_TENANT_PERSON_MAX * 4 + 1];
	char phone[24];
	fh_org_type org_type;
	fh_stage stage;
	fh_party_org party_org;
	int party_members;
	bool party_fallback;
	bool instructor;                                /* a party-building instructor is assigned */
	unsigned char name_key[FH_TENANT_NAME_KEY_MAX]; /* the sort keys: the name's place */
	size_t name_key_len;                            /* in pinyin order, and */
	int64_t admitted_on;
	int months; /* in incubation, 0 if never admitted */
} fh_tenant_row;

/* One page of the list: up to `max` rows after `from` (NULL: the first page),
 * or before it when `backward`, always in list order. Reads only what the
 * page needs (keyset pagination on the sort key). On error rows or *n is not to
 * be used. */
fh_status fh_tenant_page(fh_store *store, const fh_actor *actor, const fh_tenant_filter *f, const fh_tenant_row *from,
			 bool backward, fh_tenant_row *rows, size_t max, size_t *n, fh_error *err);

/* How many tenants the filter matches, counting at most `cap`; *more is set
 * when there are more than cap. Without a search the count is the one the
 * database keeps: exact, at any size. A search's count that would cost more
 * than a few pages gives up: *count is -1 then. On error *count or *more is not
 * to be used. */
fh_status fh_tenant_count(fh_store *store, const fh_actor *actor, const fh_tenant_filter *f, int cap, int *count,
			  bool *more, fh_error *err);


/* The service fields a hub's tenants work in, as configured (fields:),
 * into out (at most max), and in *n how many: FH_OK, or the database's
 * error. On error *n is 0. */
fh_status fh_tenant_service_fields(fh_store *store, int64_t hub_id, char (*out)[128], size_t max, size_t *n,
				   fh_error *err);
#endif
