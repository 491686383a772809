/* fuhua core — projects and their funds: states, amounts, payments and
 * evaluations (project.h). */
#include "fuhua/project.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "project_int.h"
#include "store_int.h"

bool fh_project_state_allows(fh_project_state from, fh_project_state to)
{
	switch (from) {
	case FH_PROJECT_APPLIED: return to == FH_PROJECT_APPROVED || to == FH_PROJECT_REFUSED;
	case FH_PROJECT_APPROVED: return to == FH_PROJECT_RUNNING || to == FH_PROJECT_REFUSED;
	case FH_PROJECT_RUNNING: return to == FH_PROJECT_CLOSED;
	default: return false;
	}
}

/* ---- the hub's rules ----------------------------------------------------------- */

/* clang-format off */
const char *const fh_project_schema[] = {
	/* 1: projects, their payments and the hubs' rules for them */
	"ALTER TABLE hubs ADD COLUMN evaluation_days INTEGER;"
	"ALTER TABLE hubs ADD COLUMN contract_advance_percent INTEGER;"
	"CREATE TABLE project_funders(hub_id INTEGER NOT NULL REFERENCES hubs(id) ON DELETE CASCADE,"
	" seq INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY(hub_id, seq)) STRICT;"
	"CREATE TABLE projects(id INTEGER PRIMARY KEY,"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
	" kind TEXT NOT NULL CHECK(kind IN ('venture_grant', 'service_contract', 'subsidy', 'other')),"
	" funder TEXT NOT NULL, category TEXT NOT NULL, year INTEGER NOT NULL CHECK(year BETWEEN 2000 AND 2100),"
	" batch TEXT NOT NULL, title TEXT NOT NULL,"
	" granted INTEGER NOT NULL CHECK(granted >= 0), paid INTEGER NOT NULL CHECK(paid BETWEEN 0 AND granted),"
	" start_on INTEGER, end_on INTEGER CHECK(end_on > start_on),"
	" state TEXT NOT NULL CHECK(state IN ('applied', 'approved', 'running', 'closed', 'evaluated', 'refused')),"
	" closed_on INTEGER, grade TEXT CHECK(grade IN ('excellent', 'good', 'pass', 'fail')),"
	" score REAL CHECK(score BETWEEN 0 AND 100), evaluated_on INTEGER,"
	" target_served INTEGER NOT NULL CHECK(target_served >= 0), served INTEGER NOT NULL DEFAULT 0,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX projects_hub ON projects(hub_id, year, kind);"
	"CREATE INDEX projects_tenant ON projects(tenant_id);"
	"CREATE INDEX projects_state ON projects(state, end_on);"
	"CREATE INDEX projects_closed ON projects(state, closed_on);"
	"CREATE TABLE project_payments(id INTEGER PRIMARY KEY,"
	" project_id INTEGER NOT NULL REFERENCES projects(id), on_day INTEGER NOT NULL,"
	" fen INTEGER NOT NULL CHECK(fen > 0), note TEXT NOT NULL,"
	" created_at INTEGER NOT NULL, created_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX project_payments_project ON project_payments(project_id, on_day);"
	"CREATE INDEX project_payments_day ON project_payments(on_day);"
	"CREATE TRIGGER changes_projects_i AFTER INSERT ON projects BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;"
	"CREATE TRIGGER changes_projects_u AFTER UPDATE ON projects BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;",
	/* 2: the year's totals kept as projects and payments are written
	 * (project_totals.c) */
	fh_project_totals_step,
	NULL,
};
/* clang-format on */

fh_status fh_project_write_rules(fh_store *s, int64_t hub, const fh_rules *rules, fh_error *err)
{
	const fh_project_rules *r = &rules->project;
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s, "UPDATE hubs SET evaluation_days = ?2, contract_advance_percent = ?3 WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, r->evaluation_days);
	fh_bind_int(q, 3, r->contract_advance_percent);
	if ((st = fh_store_done(s, q, _("saving hub rules"), err)) != FH_OK ||
	    (st = fh_store_stmt(s, "DELETE FROM project_funders WHERE hub_id = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	st = fh_store_done(s, q, _("saving hub rules"), err);
	for (size_t i = 0; st == FH_OK && i < r->nfunders; i++) {
		if ((st = fh_store_stmt(s, "INSERT INTO project_funders(hub_id, seq, name) VALUES(?1, ?2, ?3)", &q,
					err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, hub);
		fh_bind_int64(q, 2, (int64_t)i);
		fh_bind_str(q, 3, r->funders[i]);
		st = fh_store_done(s, q, _("saving hub rules"), err);
	}
	return st;
}

void fh_project_describe_rules(fh_buf *b, const fh_rules *rules)
{
	const fh_project_rules *r = &rules->project;
	fh_buf_printf(b, "|pj:%d:%d", r->evaluation_days, r->contract_advance_percent);
	for (size_t i = 0; i < r->nfunders; i++)
		fh_buf_printf(b, "|pf:%s", r->funders[i]);
}

/* What a project's checks read of its hub's rules. */
struct hub_rules {
	int evaluation_days, advance_percent;
};

static void hub_rules_read(fh_stmt *q, void *out)
{
	struct hub_rules *r = out;
	fh_project_rules d;
	fh_project_rules_defaults(&d); /* a hub kept before the module: its defaults until `fuhua init` */
	r->evaluation_days = fh_column_null(q, 0) ? d.evaluation_days : fh_column_int(q, 0);
	r->advance_percent = fh_column_null(q, 1) ? d.contract_advance_percent : fh_column_int(q, 1);
}

static fh_status hub_rules(fh_store *s, int64_t hub, struct hub_rules *r, fh_error *err)
{
	return fh_store_hub_row(s, "SELECT evaluation_days, contract_advance_percent FROM hubs WHERE id = ?1", hub,
				hub_rules_read, r, err);
}

/* The funder one of the hub's when it lists any: FH_OK, FH_EINVAL
 * ("funder") naming them, or the store's error. */
static fh_status check_funder(fh_store *s, int64_t hub, const char *funder, fh_error *err)
{
	int listed = 0, found = 0;
	fh_status st = fh_store_count(s, "SELECT count(*) FROM project_funders WHERE hub_id = ?1", hub, 0, &listed,
				      _("reading the hub's funders"), err);
	if (st != FH_OK || !listed)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s, "SELECT count(*) FROM project_funders WHERE hub_id = ?1 AND name = ?2", &q, err)) !=
	    FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_str(q, 2, funder);
	int rc = fh_step(q);
	found = rc == FH_ROW ? fh_column_int(q, 0) : 0;
	fh_reset(q);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading the hub's funders"));
	if (found)
		return FH_OK;
	fh_buf b = FH_BUF_INIT;
	if ((st = fh_store_stmt(s, "SELECT name FROM project_funders WHERE hub_id = ?1 ORDER BY seq", &q, err)) !=
	    FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	while ((rc = fh_step(q)) == FH_ROW)
		fh_buf_printf(&b, "%s%s", fh_buf_str(&b)[0] ? _(", ") : "", fh_column_str(q, 0));
	fh_reset(q);
	st = rc == FH_DONE ? fh_error_set(err, FH_EINVAL, "funder", _("'%s' is not one of the hub's funders (%s)"),
					  funder, fh_buf_str(&b))
			   : fh_store_fail(s, err, _("reading the hub's funders"));
	fh_buf_free(&b);
	return st;
}

/* The category one of the hub's service fields when it has them. */
static fh_status check_category(fh_store *s, int64_t hub, const char *category, fh_error *err)
{
	char fields[64][128];
	size_t n = 0;
	fh_status st = fh_tenant_service_fields(s, hub, fields, 64, &n, err);
	if (st != FH_OK || !category[0] || !n)
		return st;
	for (size_t i = 0; i < n; i++)
		if (strcmp(fields[i], category) == 0)
			return FH_OK;
	return fh_error_set(err, FH_EINVAL, "category", _("'%s' is not one of the hub's service fields"), category);
}

/* The checks of a project's own fields, its text taken into p (trimmed). */
static fh_status check_fields(fh_project *p, const fh_project *in, fh_error *err)
{
	fh_status st;
	if ((st = fh_text_field_take(p->title, sizeof p->title, FH_PROJECT_TEXT_MAX, in->title, false, true, "title",
				     err)) != FH_OK ||
	    (st = fh_text_field_take(p->funder, sizeof p->funder, FH_PROJECT_NAME_MAX, in->funder, false, false,
				     "funder", err)) != FH_OK ||
	    (st = fh_text_field_take(p->category, sizeof p->category, FH_PROJECT_NAME_MAX, in->category, false, false,
				     "category", err)) != FH_OK ||
	    (st = fh_text_field_take(p->batch, sizeof p->batch, FH_PROJECT_NAME_MAX, in->batch, false, false, "batch",
				     err)) != FH_OK)
		return st;
	if (!p->title[0])
		return fh_error_set(err, FH_EINVAL, "title", "%s", _("is needed"));
	if (!p->funder[0])
		return fh_error_set(err, FH_EINVAL, "funder", "%s", _("is needed"));
	if ((unsigned)p->kind >= FH_PROJECT_KIND_COUNT)
		return fh_error_set(err, FH_EINVAL, "kind", "%s",
				    _("venture_grant, service_contract, subsidy or other"));
	if (p->year < 2000 || p->year > 2100)
		return fh_error_set(err, FH_EINVAL, "year", "%s", _("a year from 2000 to 2100"));
	if (p->granted < 0 || p->granted > FH_YUAN_MAX_FEN)
		return fh_error_set(err, FH_EINVAL, "granted", "%s", _("is not an amount fuhua keeps"));
	if (p->target_served < 0 || p->target_served > 100000000)
		return fh_error_set(err, FH_EINVAL, "target", "%s", _("people to serve: 0 to 100000000"));
	if (p->start_on && p->end_on && p->end_on <= p->start_on)
		return fh_error_set(err, FH_EINVAL, "end", "%s", _("the period ends before it starts"));
	return FH_OK;
}

/* Approved and later: granted, with a period. */
static fh_status check_approvable(const fh_project *p, fh_error *err)
{
	if (p->granted <= 0)
		return fh_error_set(err, FH_EINVAL, "granted", "%s", _("an approved project needs the amount granted"));
	if (!p->start_on || !p->end_on)
		return fh_error_set(err, FH_EINVAL, p->start_on ? "end" : "start", "%s",
				    _("an approved project needs its period (start and end)"));
	return FH_OK;
}

/* ---- reading ------------------------------------------------------------------ */

#define PROJECT_COLUMNS                                                                                        \
	"p.id, p.hub_id, h.code, t.name, p.kind, p.funder, p.category, p.year, p.batch, p.title, p.granted,"   \
	" p.paid, coalesce(p.start_on, 0), coalesce(p.end_on, 0), p.state, coalesce(p.grade, ''),"             \
	" coalesce(p.score, 0), coalesce(p.evaluated_on, 0), p.target_served, p.served,"                       \
	" CASE WHEN p.state = 'closed' THEN p.closed_on + coalesce(h.evaluation_days, ?9) * 86400 ELSE 0 END," \
	" p.version, p.tenant_id, coalesce(p.closed_on, 0)"                                                    \
	" FROM projects p JOIN hubs h ON h.id = p.hub_id JOIN tenants t ON t.id = p.tenant_id"

static void project_read(fh_stmt *q, void *row)
{
	fh_project *p = row;
	memset(p, 0, sizeof *p);
	p->id = fh_column_int64(q, 0);
	p->hub_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, p->hub_code, sizeof p->hub_code);
	fh_column_text(q, 3, p->tenant, sizeof p->tenant);
	fh_project_kind_parse(fh_column_str(q, 4), &p->kind);
	fh_column_text(q, 5, p->funder, sizeof p->funder);
	fh_column_text(q, 6, p->category, sizeof p->category);
	p->year = fh_column_int(q, 7);
	fh_column_text(q, 8, p->batch, sizeof p->batch);
	fh_column_text(q, 9, p->title, sizeof p->title);
	p->granted = fh_column_int64(q, 10);
	p->paid = fh_column_int64(q, 11);
	p->start_on = fh_column_int64(q, 12);
	p->end_on = fh_column_int64(q, 13);
	fh_project_state_parse(fh_column_str(q, 14), &p->state);
	fh_project_grade_parse(fh_column_str(q, 15), &p->grade);
	p->score = fh_column_double(q, 16);
	p->evaluated_on = fh_column_int64(q, 17);
	p->target_served = fh_column_int(q, 18);
	p->served = fh_column_int64(q, 19);
	p->evaluation_due = fh_column_int64(q, 20);
	p->version = fh_column_int64(q, 21);
	p->tenant_id = fh_column_int64(q, 22);
	p->closed_on = fh_column_int64(q, 23);
}

static int default_evaluation_days(void)
{
	fh_project_rules d;
	fh_project_rules_defaults(&d);
	return d.evaluation_days;
}

/* Project `id` whatever its hub (the caller checks the scope). */
static fh_status read_one(fh_store *s, int64_t id, fh_project *out, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT " PROJECT_COLUMNS " WHERE p.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int(q, 9, default_evaluation_days());
	int rc = fh_step(q);
	if (rc == FH_ROW)
		project_read(q, out);
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "project", _("no project no. %lld"), (long long)id);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("reading projects"));
}

fh_status fh_project_get(fh_store *s, const fh_actor *actor, int64_t id, fh_project *out, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st = read_one(s, id, out, err);
	return st == FH_OK ? fh_actor_scope(s, actor, out->hub_id, err) : st;
}

fh_status fh_project_list(fh_store *s, const fh_actor *actor, const fh_project_filter *f, fh_project **rows, size_t *n,
			  fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, f->hub_code, &hub, err);
	if (st != FH_OK)
		return st;
		/* the due lists by the day they fell due (their own index), the
	 * others by number (the first page read in order, not sorted) */
#define PROJECT_FILTERS                                                               \
	" WHERE +p.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR p.tenant_id = ?2)" \
	" AND (?3 IS NULL OR p.kind = ?3) AND (?4 IS NULL OR p.state = ?4)"           \
	" AND (?5 = 0 OR p.year = ?5) AND (?6 IS NULL OR p.funder = ?6) AND p.id > ?8"
	if (f->due == FH_PROJECT_PAST_END)
		st = fh_store_stmt(s,
				   FH_SQL_SCOPE "SELECT " PROJECT_COLUMNS PROJECT_FILTERS
						" AND p.state IN ('approved', 'running') AND p.end_on < ?10 AND ?7 = 1"
						" ORDER BY p.end_on, p.id LIMIT ?11",
				   &q, err);
	else if (f->due == FH_PROJECT_EVALUATION_DUE)
		st = fh_store_stmt(s,
				   FH_SQL_SCOPE
				   "SELECT " PROJECT_COLUMNS PROJECT_FILTERS
				   " AND p.state = 'closed' AND ?7 = 2 ORDER BY p.closed_on, p.id LIMIT ?11",
				   &q, err);
	else /* +p.hub_id: read in number order, the scope a filter (no sort of the city's projects) */
		st = fh_store_stmt(s,
				   FH_SQL_SCOPE
				   "SELECT " PROJECT_COLUMNS
				   " WHERE +p.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR p.tenant_id = ?2)"
				   " AND (?3 IS NULL OR p.kind = ?3) AND (?4 IS NULL OR p.state = ?4)"
				   " AND (?5 = 0 OR p.year = ?5) AND (?6 IS NULL OR p.funder = ?6) AND p.id > ?8"
				   " AND ?7 = 0 AND ?10 >= 0 ORDER BY p.id LIMIT ?11",
				   &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, f->tenant);
	if (f->kind >= 0)
		fh_bind_str(q, 3, fh_project_kind_name((fh_project_kind)f->kind));
	if (f->state >= 0)
		fh_bind_str(q, 4, fh_project_state_name((fh_project_state)f->state));
	fh_bind_int(q, 5, f->year);
	if (f->funder)
		fh_bind_str(q, 6, f->funder);
	fh_bind_int(q, 7, (int)f->due);
	fh_bind_int64(q, 8, f->after);
	fh_bind_int(q, 9, default_evaluation_days());
	fh_bind_int64(q, 10, fh_clock_day(fh_clock_now()));
	fh_bind_int(q, 11, f->limit > 0 ? f->limit : -1);
	return fh_store_rows(s, q, rows, n, sizeof **rows, project_read, _("reading projects"), err);
}

fh_status fh_project_funders(fh_store *s, const fh_actor *actor, const char *hub_code,
			     char (*out)[FH_PROJECT_NAME_MAX * 4 + 1], size_t max, size_t *n, fh_error *err)
{
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s, "SELECT name FROM project_funders WHERE hub_id = ?1 ORDER BY seq", &q, err)) !=
		    FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW)
		if (*n < max)
			fh_column_text(q, 0, out[(*n)++], sizeof out[0]);
	fh_reset(q);
	if (rc != FH_DONE) {
		*n = 0;
		return fh_store_fail(s, err, _("reading the hub's funders"));
	}
	return FH_OK;
}

static void payment_read(fh_stmt *q, void *row)
{
	fh_payment *p = row;
	memset(p, 0, sizeof *p);
	p->id = fh_column_int64(q, 0);
	p->project_id = fh_column_int64(q, 1);
	p->on = fh_column_int64(q, 2);
	p->fen = fh_column_int64(q, 3);
	fh_column_text(q, 4, p->note, sizeof p->note);
	fh_column_text(q, 5, p->by, sizeof p->by);
}

fh_status fh_project_payments(fh_store *s, const fh_actor *actor, int64_t project, fh_payment **rows, size_t *n,
			      fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_project p;
	fh_stmt *q;
	fh_status st = fh_project_get(s, actor, project, &p, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				"SELECT id, project_id, on_day, fen, note, created_by FROM project_payments"
				" WHERE project_id = ?1 ORDER BY on_day, id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, project);
	return fh_store_rows(s, q, rows, n, sizeof **rows, payment_read, _("reading payments"), err);
}

/* ---- writing ------------------------------------------------------------------ */

static void audit_fields(fh_buf *b, const fh_project *p)
{
	char g[24];
	fh_buf_printf(b, "{\"kind\":\"%s\",\"title\":", fh_project_kind_name(p->kind));
	fh_buf_json_string(b, p->title);
	fh_buf_puts(b, ",\"funder\":");
	fh_buf_json_string(b, p->funder);
	fh_buf_printf(b, ",\"year\":%d,\"granted\":\"%s\",\"state\":\"%s\"}", p->year,
		      fh_yuan_format(p->granted, g, sizeof g), fh_project_state_name(p->state));
}

/* The checks that read the database, in the write transaction: the tenant
 * in scope, the funder and the category of its hub. */
static fh_status check_stored(fh_store *s, const fh_actor *actor, fh_project *p, fh_error *err)
{
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, p->tenant_id, &t, err);
	if (st != FH_OK)
		return st;
	if (!p->hub_id)
		p->hub_id = t.hub_id;
	if (!p->category[0])
		fh_text_copy(p->category, sizeof p->category, t.field);
	if ((st = check_funder(s, p->hub_id, p->funder, err)) != FH_OK)
		return st;
	return check_category(s, p->hub_id, p->category, err);
}

static fh_status add_locked(fh_store *s, const fh_actor *actor, fh_project *p, int64_t *id, fh_error *err)
{
	fh_status st = check_stored(s, actor, p, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO projects(hub_id, tenant_id, kind, funder, category, year, batch, title,"
				" granted, paid, start_on, end_on, state, target_served, updated_at, updated_by)"
				" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?12, ?13, ?14, ?15)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, p->hub_id);
	fh_bind_int64(q, 2, p->tenant_id);
	fh_bind_str(q, 3, fh_project_kind_name(p->kind));
	fh_bind_str(q, 4, p->funder);
	fh_bind_str(q, 5, p->category);
	fh_bind_int(q, 6, p->year);
	fh_bind_str(q, 7, p->batch);
	fh_bind_str(q, 8, p->title);
	fh_bind_int64(q, 9, p->granted);
	if (p->start_on)
		fh_bind_int64(q, 10, p->start_on);
	if (p->end_on)
		fh_bind_int64(q, 11, p->end_on);
	fh_bind_str(q, 12, fh_project_state_name(p->state));
	fh_bind_int(q, 13, p->target_served);
	fh_bind_int64(q, 14, fh_clock_now());
	fh_bind_str(q, 15, actor->name);
	if ((st = fh_store_done(s, q, _("saving the project"), err)) != FH_OK)
		return st;
	*id = fh_store_last_id(s);
	fh_buf b = FH_BUF_INIT;
	audit_fields(&b, p);
	st = fh_audit_write(s, actor, p->hub_id, "project", *id, "create", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_project_add(fh_store *s, const fh_actor *actor, const fh_project *in, int64_t *id, fh_error *err)
{
	fh_project p = *in;
	p.hub_id = 0;
	fh_status st = check_fields(&p, in, err);
	if (st != FH_OK)
		return st;
	if (p.state != FH_PROJECT_APPLIED && p.state != FH_PROJECT_APPROVED && p.state != FH_PROJECT_RUNNING)
		return fh_error_set(err, FH_EINVAL, "state", "%s", _("a new project is applied, approved or running"));
	if (p.state != FH_PROJECT_APPLIED && (st = check_approvable(&p, err)) != FH_OK)
		return st;
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, add_locked(s, actor, &p, id, err), err);
}

static fh_status edit_locked(fh_store *s, const fh_actor *actor, fh_project *p, fh_error *err)
{
	fh_project old;
	fh_status st = fh_project_get(s, actor, p->id, &old, err);
	if (st != FH_OK || (st = fh_store_check_version(s, "projects", p->id, p->version, err)) != FH_OK)
		return st;
	p->tenant_id = old.tenant_id;
	p->hub_id = old.hub_id;
	p->kind = old.kind;
	p->state = old.state;
	if ((st = check_stored(s, actor, p, err)) != FH_OK)
		return st;
	if (p->granted < old.paid) {
		char paid[24];
		return fh_error_set(err, FH_EINVAL, "granted",
				    _("%s yuan has been paid already: no less can be granted"),
				    fh_yuan_format(old.paid, paid, sizeof paid));
	}
	if (p->state != FH_PROJECT_APPLIED && p->state != FH_PROJECT_REFUSED &&
	    (st = check_approvable(p, err)) != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"UPDATE projects SET funder = ?2, category = ?3, year = ?4, batch = ?5, title = ?6,"
				" granted = ?7, start_on = ?8, end_on = ?9, target_served = ?10,"
				" version = version + 1, updated_at = ?11, updated_by = ?12 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, p->id);
	fh_bind_str(q, 2, p->funder);
	fh_bind_str(q, 3, p->category);
	fh_bind_int(q, 4, p->year);
	fh_bind_str(q, 5, p->batch);
	fh_bind_str(q, 6, p->title);
	fh_bind_int64(q, 7, p->granted);
	if (p->start_on)
		fh_bind_int64(q, 8, p->start_on);
	if (p->end_on)
		fh_bind_int64(q, 9, p->end_on);
	fh_bind_int(q, 10, p->target_served);
	fh_bind_int64(q, 11, fh_clock_now());
	fh_bind_str(q, 12, actor->name);
	if ((st = fh_store_done(s, q, _("saving the project"), err)) != FH_OK)
		return st;
	fh_buf ob = FH_BUF_INIT, nb = FH_BUF_INIT;
	audit_fields(&ob, &old);
	audit_fields(&nb, p);
	st = fh_audit_write(s, actor, p->hub_id, "project", p->id, "update", fh_buf_str(&ob), fh_buf_str(&nb), err);
	fh_buf_free(&ob);
	fh_buf_free(&nb);
	return st;
}

fh_status fh_project_edit(fh_store *s, const fh_actor *actor, const fh_project *in, fh_error *err)
{
	fh_project p = *in;
	fh_status st = check_fields(&p, in, err);
	if (st != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, edit_locked(s, actor, &p, err), err);
}

/* A day given (0: today): not in the future. */
static fh_status day_of(int64_t on, int64_t *day, fh_error *err)
{
	int64_t today = fh_clock_day(fh_clock_now());
	*day = on ? fh_clock_day(on) : today;
	return *day > today ? fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future")) : FH_OK;
}

static fh_status state_locked(fh_store *s, const fh_actor *actor, int64_t id, fh_project_state to, int64_t day,
			      fh_error *err)
{
	fh_project p;
	fh_status st = fh_project_get(s, actor, id, &p, err);
	if (st != FH_OK)
		return st;
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("a project's state is a manager's to change"));
	if (!fh_project_state_allows(p.state, to))
		return fh_error_set(err, FH_ECONFLICT, "state", _("a project %s cannot become %s"),
				    fh_project_state_name(p.state), fh_project_state_name(to));
	if ((to == FH_PROJECT_APPROVED || to == FH_PROJECT_RUNNING) && (st = check_approvable(&p, err)) != FH_OK)
		return st;
	if (to == FH_PROJECT_CLOSED && day < p.start_on)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("a project closes after its period began"));
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"UPDATE projects SET state = ?2, closed_on = CASE WHEN ?2 = 'closed' THEN ?3 END,"
				" version = version + 1, updated_at = ?4, updated_by = ?5 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_str(q, 2, fh_project_state_name(to));
	fh_bind_int64(q, 3, day);
	fh_bind_int64(q, 4, fh_clock_now());
	fh_bind_str(q, 5, actor->name);
	if ((st = fh_store_done(s, q, _("saving the project"), err)) != FH_OK)
		return st;
	char ob[64], nb[64];
	snprintf(ob, sizeof ob, "{\"state\":\"%s\"}", fh_project_state_name(p.state));
	snprintf(nb, sizeof nb, "{\"state\":\"%s\"}", fh_project_state_name(to));
	return fh_audit_write(s, actor, p.hub_id, "project", id, "state", ob, nb, err);
}

fh_status fh_project_set_state(fh_store *s, const fh_actor *actor, int64_t id, fh_project_state to, int64_t on,
			       fh_error *err)
{
	int64_t day;
	fh_status st = day_of(on, &day, err);
	if (st != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, state_locked(s, actor, id, to, day, err), err);
}

static fh_status evaluate_locked(fh_store *s, const fh_actor *actor, int64_t id, fh_project_grade grade, double score,
				 int64_t day, fh_error *err)
{
	fh_project p;
	fh_status st = fh_project_get(s, actor, id, &p, err);
	if (st != FH_OK)
		return st;
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("an evaluation is a manager's to record"));
	if (p.state != FH_PROJECT_CLOSED)
		return fh_error_set(err, FH_ECONFLICT, "state",
				    _("a project %s cannot be evaluated (only a closed one)"),
				    fh_project_state_name(p.state));
	if (day < p.closed_on)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("an evaluation comes after the project closed"));
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"UPDATE projects SET state = 'evaluated', grade = ?2, score = ?3, evaluated_on = ?4,"
				" version = version + 1, updated_at = ?5, updated_by = ?6 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_str(q, 2, fh_project_grade_name(grade));
	fh_bind_double(q, 3, score);
	fh_bind_int64(q, 4, day);
	fh_bind_int64(q, 5, fh_clock_now());
	fh_bind_str(q, 6, actor->name);
	if ((st = fh_store_done(s, q, _("saving the project"), err)) != FH_OK)
		return st;
	char nb[96];
	snprintf(nb, sizeof nb, "{\"grade\":\"%s\",\"score\":%.1f}", fh_project_grade_name(grade), score);
	return fh_audit_write(s, actor, p.hub_id, "project", id, "evaluate", NULL, nb, err);
}

fh_status fh_project_evaluate(fh_store *s, const fh_actor *actor, int64_t id, fh_project_grade grade, double score,
			      int64_t on, fh_error *err)
{
	int64_t day;
	if (grade <= FH_GRADE_NONE || grade >= FH_GRADE_COUNT)
		return fh_error_set(err, FH_EINVAL, "grade", "%s", _("excellent, good, pass or fail"));
	if (!(score >= 0 && score <= 100))
		return fh_error_set(err, FH_EINVAL, "score", "%s", _("a score from 0 to 100"));
	fh_status st = day_of(on, &day, err);
	if (st != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, evaluate_locked(s, actor, id, grade, score, day, err), err);
}

/* What may still be paid to p now: the rest of what was granted, and for
 * a service contract not evaluated pass or better, the rest of its
 * advance. */
static int64_t payable(const fh_project *p, int advance_percent, bool *capped)
{
	int64_t cap = p->granted;
	bool passed = p->grade == FH_GRADE_EXCELLENT || p->grade == FH_GRADE_GOOD || p->grade == FH_GRADE_PASS;
	*capped = p->kind == FH_PROJECT_SERVICE_CONTRACT && !passed;
	if (*capped)
		cap = p->granted * advance_percent / 100;
	return cap > p->paid ? cap - p->paid : 0;
}

static fh_status pay_locked(fh_store *s, const fh_actor *actor, int64_t id, int64_t fen, int64_t day, const char *note,
			    int64_t *payment, fh_error *err)
{
	fh_project p;
	struct hub_rules r;
	fh_status st = fh_project_get(s, actor, id, &p, err);
	if (st != FH_OK || (st = hub_rules(s, p.hub_id, &r, err)) != FH_OK)
		return st;
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("a payment is a manager's to record"));
	if (p.state == FH_PROJECT_APPLIED || p.state == FH_PROJECT_REFUSED)
		return fh_error_set(err, FH_ECONFLICT, "state", _("a project %s is paid nothing"),
				    fh_project_state_name(p.state));
	bool capped;
	int64_t may = payable(&p, r.advance_percent, &capped);
	if (fen > may) {
		char a[24], b[24];
		fh_yuan_format(may, a, sizeof a);
		if (capped)
			return fh_error_set(
				err, FH_ECONFLICT, "amount",
				_("a service contract is paid at most %d%% of its grant before its evaluation "
				  "passes: %s yuan may be paid now"),
				r.advance_percent, a);
		return fh_error_set(err, FH_ECONFLICT, "amount", _("only %s of the %s yuan granted is left to pay"), a,
				    fh_yuan_format(p.granted, b, sizeof b));
	}
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO project_payments(project_id, on_day, fen, note, created_at, created_by)"
				" VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int64(q, 2, day);
	fh_bind_int64(q, 3, fen);
	fh_bind_str(q, 4, note);
	fh_bind_int64(q, 5, fh_clock_now());
	fh_bind_str(q, 6, actor->name);
	if ((st = fh_store_done(s, q, _("saving the payment"), err)) != FH_OK)
		return st;
	*payment = fh_store_last_id(s);
	if ((st = fh_store_stmt(s,
				"UPDATE projects SET paid = paid + ?2, version = version + 1, updated_at = ?3,"
				" updated_by = ?4 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int64(q, 2, fen);
	fh_bind_int64(q, 3, fh_clock_now());
	fh_bind_str(q, 4, actor->name);
	if ((st = fh_store_done(s, q, _("saving the payment"), err)) != FH_OK)
		return st;
	char amount[24], d[16];
	fh_buf nb = FH_BUF_INIT;
	fh_buf_printf(&nb, "{\"payment\":%lld,\"amount\":\"%s\",\"on\":\"%s\",\"note\":", (long long)*payment,
		      fh_yuan_format(fen, amount, sizeof amount), fh_clock_format_date(day, d, sizeof d));
	fh_buf_json_string(&nb, note);
	fh_buf_puts(&nb, "}");
	st = fh_audit_write(s, actor, p.hub_id, "project", id, "pay", NULL, fh_buf_str(&nb), err);
	fh_buf_free(&nb);
	return st;
}

fh_status fh_project_pay(fh_store *s, const fh_actor *actor, int64_t id, int64_t fen, int64_t on, const char *note,
			 int64_t *payment, fh_error *err)
{
	int64_t day;
	char text[256];
	if (fen <= 0 || fen > FH_YUAN_MAX_FEN)
		return fh_error_set(err, FH_EINVAL, "amount", "%s", _("a payment is more than nothing"));
	fh_status st = fh_text_field_take(text, sizeof text, 60, note ? note : "", false, false, "note", err);
	if (st != FH_OK || (st = day_of(on, &day, err)) != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, pay_locked(s, actor, id, fen, day, text, payment, err), err);
}

/* ---- for the activities ----------------------------------------------------- */

fh_status fh_project_may_serve(fh_store *s, int64_t id, int64_t tenant, int64_t day, fh_error *err)
{
	fh_project p;
	fh_status st = read_one(s, id, &p, err);
	if (st == FH_ENOTFOUND)
		return fh_error_set(err, FH_EINVAL, "project", _("no project no. %lld"), (long long)id);
	if (st != FH_OK)
		return st;
	if (p.tenant_id != tenant)
		return fh_error_set(err, FH_EINVAL, "project", _("project no. %lld is another tenant's"),
				    (long long)id);
	if (p.state == FH_PROJECT_APPLIED || p.state == FH_PROJECT_REFUSED)
		return fh_error_set(err, FH_EINVAL, "project", _("project no. %lld is %s: it serves nobody yet"),
				    (long long)id, fh_project_state_name(p.state));
	if (p.start_on && day < p.start_on)
		return fh_error_set(err, FH_EINVAL, "project", _("project no. %lld had not begun on that day"),
				    (long long)id);
	return FH_OK;
}

fh_status fh_project_served_add(fh_store *s, int64_t id, int64_t served, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "UPDATE projects SET served = served + ?2 WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int64(q, 2, served);
	return fh_store_done(s, q, _("saving the project"), err);
}

fh_status fh_project_check(fh_store *s, fh_check_report *rep, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT p.id, p.paid, (SELECT coalesce(sum(fen), 0) FROM project_payments x"
				     " WHERE x.project_id = p.id) AS sum_paid FROM projects p WHERE p.paid != sum_paid",
				     &q, err);
	if (st != FH_OK)
		return st;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW)
		fh_check_add(rep, _("project %lld: paid %lld fen, its payments %lld fen"),
			     (long long)fh_column_int64(q, 0), (long long)fh_column_int64(q, 1),
			     (long long)fh_column_int64(q, 2));
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("checking projects"));
	return fh_project_totals_check(s, rep, err);
}
