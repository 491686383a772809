/* fuhua — projects and their funds (项目): venture-philanthropy grants
 * (公益创投), government service contracts (政府购买服务), subsidies and other
 * funding, each a tenant's, with its amounts to the fen, its payments, its
 * states and its evaluation (绩效评估).
 *
 * A project goes applied → approved → running → closed → evaluated, or is
 * refused while applied or approved. Payments are made once it is approved
 * and never exceed what was granted; a service contract is paid beyond the
 * hub's projects.contract_advance_percent only after an evaluation graded
 * pass or better. Each rule reads what it depends on in the transaction that
 * writes. */
#ifndef FUHUA_PROJECT_H
#define FUHUA_PROJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

#define FH_PROJECT_TEXT_MAX 60          /* characters of a title */
#define FH_PROJECT_NAME_MAX 30          /* characters of a funder, a category, a batch */
#define FH_YUAN_MAX_FEN 1000000000000LL /* ten billion yuan: more is a typing error */

typedef enum fh_project_kind {
	FH_PROJECT_VENTURE_GRANT,    /* 公益创投 */
	FH_PROJECT_SERVICE_CONTRACT, /* 政府购买服务 */
	FH_PROJECT_SUBSIDY,          /* 专项资金/补贴 */
	FH_PROJECT_OTHER,
	FH_PROJECT_KIND_COUNT
} fh_project_kind;

typedef enum fh_project_state {
	FH_PROJECT_APPLIED,
	FH_PROJECT_APPROVED,
	FH_PROJECT_RUNNING,
	FH_PROJECT_CLOSED,
	FH_PROJECT_EVALUATED,
	FH_PROJECT_REFUSED,
	FH_PROJECT_STATE_COUNT
} fh_project_state;

typedef enum fh_project_grade {
	FH_GRADE_NONE,      /* not evaluated */
	FH_GRADE_EXCELLENT, /* 优秀 */
	FH_GRADE_GOOD,      /* 良好 */
	FH_GRADE_PASS,      /* 合格 */
	FH_GRADE_FAIL,      /* 不合格 */
	FH_GRADE_COUNT
} fh_project_grade;

/* The identifiers ("venture_grant", "applied", "excellent"), NULL out of
 * range; and back: false for none of them, *out unchanged. */
const char *fh_project_kind_name(fh_project_kind k);
bool fh_project_kind_parse(const char *name, fh_project_kind *out);
const char *fh_project_state_name(fh_project_state s);
bool fh_project_state_parse(const char *name, fh_project_state *out);
const char *fh_project_grade_name(fh_project_grade g);
bool fh_project_grade_parse(const char *name, fh_project_grade *out);

/* Whether a project may go from one state to another by
 * fh_project_set_state (evaluated is reached by fh_project_evaluate
 * only). */
bool fh_project_state_allows(fh_project_state from, fh_project_state to);

typedef struct fh_project {
	int64_t id, hub_id, tenant_id;
	char hub_code[33];
	char tenant[128];
	fh_project_kind kind;
	char funder[FH_PROJECT_NAME_MAX * 4 + 1];
	char category[FH_PROJECT_NAME_MAX * 4 + 1]; /* one of the hub's service fields */
	int year;                                   /* the funding year */
	char batch[FH_PROJECT_NAME_MAX * 4 + 1];    /* 第二批 … */
	char title[FH_PROJECT_TEXT_MAX * 4 + 1];
	int64_t granted;          /* fen; 0 until approved */
	int64_t paid;             /* fen, the payments' sum */
	int64_t start_on, end_on; /* the period, days; 0: not set */
	fh_project_state state;
	fh_project_grade grade;
	double score; /* 0–100, with the grade */
	int64_t closed_on, evaluated_on;
	int target_served;      /* the people it was to serve (人次) */
	int64_t served;         /* those its activities served */
	int64_t evaluation_due; /* a closed project's: end_on + evaluation_days; else 0 */
	int64_t version;
} fh_project;

/* Records a project of a tenant in the actor's scope (in->tenant_id), in
 * state in->state: applied, approved or running (a project entered after
 * the fact). Checked in the write transaction: title and year needed; the
 * funder one of the hub's funders when it lists them; the category one of
 * its service fields; approved and running need the amount granted and the
 * period (end after start). FH_EINVAL naming the field, FH_ENOTFOUND,
 * FH_EDENIED. Audited. On error *id is not to be used. */
fh_status fh_project_add(fh_store *store, const fh_actor *actor, const fh_project *in, int64_t *id, fh_error *err);
/* Changes a project's funder, category, year, batch, title, amount
 * granted, period and target (in->id at in->version): the same checks,
 * and the amount granted never below what was paid. FH_ECONFLICT "changed
 * by …" when another wrote it since. */
fh_status fh_project_edit(fh_store *store, const fh_actor *actor, const fh_project *in, fh_error *err);
/* Moves a project to `to` on day `on` (0: today) when
 * fh_project_state_allows it; approving needs the amount granted and the
 * period, closing a period begun. FH_ECONFLICT for a move the state does
 * not allow, naming both states. Audited. */
fh_status fh_project_set_state(fh_store *store, const fh_actor *actor, int64_t id, fh_project_state to, int64_t on,
			       fh_error *err);
/* Records a closed project's evaluation (grade, score 0–100, day; 0:
 * today): it becomes evaluated. FH_ECONFLICT unless closed; FH_EINVAL for
 * no grade or a score out of range, or a day before its end. */
fh_status fh_project_evaluate(fh_store *store, const fh_actor *actor, int64_t id, fh_project_grade grade, double score,
			      int64_t on, fh_error *err);
/* Records a payment of `fen` on day `on` (0: today) to an approved,
 * running, closed or evaluated project: never more in all than granted, and
 * for a service contract not beyond contract_advance_percent of it before
 * an evaluation graded pass or better (FH_ECONFLICT saying how much may be
 * paid now). A manager's. On error *payment is not to be used. */
fh_status fh_project_pay(fh_store *store, const fh_actor *actor, int64_t id, int64_t fen, int64_t on, const char *note,
			 int64_t *payment, fh_error *err);
/* One project in the actor's scope. On error *out is not to be used. */
fh_status fh_project_get(fh_store *store, const fh_actor *actor, int64_t id, fh_project *out, fh_error *err);

enum fh_project_due {
	FH_PROJECT_ANY,
	FH_PROJECT_PAST_END,       /* running after its end */
	FH_PROJECT_EVALUATION_DUE, /* closed, not evaluated: by evaluation_due */
};

typedef struct fh_project_filter {
	const char *hub_code; /* NULL: the actor's hub; with those below it */
	int64_t tenant;       /* 0: any */
	int kind;             /* an fh_project_kind, or -1 */
	int state;            /* an fh_project_state, or -1 */
	int year;             /* 0: any */
	const char *funder;   /* NULL: any */
	enum fh_project_due due;
	int64_t after; /* keyset: projects after this number (0: from the first) */
	int limit;     /* at most so many (0: all) */
} fh_project_filter;

/* The projects the filter matches, by number (the due lists by the day
 * they fell due). On error *rows is NULL and *n 0: nothing to free. */
fh_status fh_project_list(fh_store *store, const fh_actor *actor, const fh_project_filter *f, fh_project **rows,
			  size_t *n, fh_error *err);

typedef struct fh_project_total {
	char hub_code[33];
	fh_project_kind kind;
	int projects; /* of the year, not refused */
	int by_state[FH_PROJECT_STATE_COUNT];
	int64_t granted, paid; /* fen: granted to them; paid in all */
	int64_t paid_in_year;  /* fen: paid during the calendar year */
} fh_project_total;

/* Per hub of the scope (hub_code, NULL: the actor's) and kind, the
 * projects of funding year `year`: counts by state, amounts granted and
 * paid, and what all projects were paid during that calendar year; hubs in
 * code order, a row only where there are projects. On error *rows is NULL
 * and *n 0: nothing to free. */
fh_status fh_project_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int year,
			    fh_project_total **rows, size_t *n, fh_error *err);

typedef struct fh_project_paid {
	char hub_code[33];
	int64_t month, year; /* fen paid in the month, and from January to its end */
} fh_project_paid;

/* Per hub of the scope (hub_code, NULL: the actor's) with anything paid in
 * year `year` by the end of month `month` (1–12), what all its projects
 * were paid in the month and in the year to its end, from the payments
 * kept per hub and month; hubs in code order. On error *rows is NULL and
 * *n 0: nothing to free. */
fh_status fh_project_paid_in(fh_store *store, const fh_actor *actor, const char *hub_code, int year, int month,
			     fh_project_paid **rows, size_t *n, fh_error *err);

/* The funders hub_code (NULL: the actor's hub) lists (projects.funders),
 * in order, at most max into out, in *n how many: none when it lists none
 * (any funder is taken). On error *n is 0. */
fh_status fh_project_funders(fh_store *store, const fh_actor *actor, const char *hub_code,
			     char (*out)[FH_PROJECT_NAME_MAX * 4 + 1], size_t max, size_t *n, fh_error *err);

typedef struct fh_payment {
	int64_t id, project_id;
	int64_t on, fen;
	char note[256];
	char by[64];
} fh_payment;

/* A project's payments, by day. On error *rows is NULL and *n 0. */
fh_status fh_project_payments(fh_store *store, const fh_actor *actor, int64_t project, fh_payment **rows, size_t *n,
			      fh_error *err);

#endif
