/* fuhua core — milestones of both tracks: instantiated from the templates at
 * admission, ticked off with evidence, waived by a manager, proved by the
 * records, and what is due or overdue per hub. */
#include "fuhua/milestone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "fuhua/tenant.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "merge.h"
#include "milestone_int.h"
#include "store_int.h"

#define DAY 86400

static const char *const state_names[FH_MS_STATE_COUNT] = { "pending", "done", "waived" };

const char *fh_ms_state_name(fh_ms_state st)
{
	return (unsigned)st < FH_MS_STATE_COUNT ? state_names[st] : "?";
}

#define MS_COLS                                                                                       \
	"m.id, m.version, m.tenant_id, m.track = 'party', m.code, m.title, coalesce(m.title_en, '')," \
	" m.kind, m.required, ifnull(m.due, 0), ifnull(m.done_on, 0), m.state,"                       \
	" coalesce(m.evidence, m.note, ''), coalesce(m.verified_by, '')"

static void ms_read(fh_stmt *q, void *row)
{
	fh_milestone *m = row;
	memset(m, 0, sizeof *m);
	m->id = fh_column_int64(q, 0);
	m->version = fh_column_int64(q, 1);
	m->tenant_id = fh_column_int64(q, 2);
	m->party = fh_column_int(q, 3) != 0;
	fh_column_text(q, 4, m->code, sizeof m->code);
	fh_column_text(q, 5, m->title, sizeof m->title);
	fh_column_text(q, 6, m->title_en, sizeof m->title_en);
	fh_column_text(q, 7, m->kind, sizeof m->kind);
	m->required = fh_column_int(q, 8) != 0;
	m->due = fh_column_int64(q, 9);
	m->done_on = fh_column_int64(q, 10);
	const char *st = fh_column_str(q, 11);
	for (int i = 0; st && i < FH_MS_STATE_COUNT; i++)
		if (strcmp(st, state_names[i]) == 0)
			m->state = (fh_ms_state)i;
	fh_column_text(q, 12, m->evidence, sizeof m->evidence);
	fh_column_text(q, 13, m->verified_by, sizeof m->verified_by);
	m->late = m->state == FH_MS_PENDING && m->due && m->due < fh_clock_day(fh_clock_now());
}

/* The tenant's hub, if the actor sees it. */
static fh_status tenant_hub(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t *hub, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT hub_id FROM tenants WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	*hub = fh_step(q) == FH_ROW ? fh_column_int64(q, 0) : 0;
	fh_reset(q);
	if (!*hub)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no tenant no. %lld"), (long long)tenant);
	return fh_actor_scope(s, actor, *hub, err);
}

fh_status fh_milestone_list(fh_store *s, const fh_actor *actor, int64_t tenant, fh_milestone **rows, size_t *n,
			    fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = tenant_hub(s, actor, tenant, &hub, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				"SELECT " MS_COLS " FROM milestones m"
				" WHERE m.tenant_id = ?1 ORDER BY m.track, m.due, m.seq",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	return fh_store_rows(s, q, rows, n, sizeof **rows, ms_read, _("reading milestones"), err);
}

fh_status fh_milestone_get(fh_store *s, const fh_actor *actor, int64_t id, fh_milestone *out, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT " MS_COLS " FROM milestones m WHERE m.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		ms_read(q, out);
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no milestone no. %lld"), (long long)id);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading milestones"));
	int64_t hub;
	return tenant_hub(s, actor, out->tenant_id, &hub, err);
}

/* ---- ticking off, waiving, reopening ------------------------------------------ */

static fh_status set_state(fh_store *s, const fh_actor *actor, const fh_milestone *m, fh_ms_state to, int64_t on,
			   const char *text, const char *by, const char *action, fh_error *err)
{
	int64_t hub;
	fh_status st = tenant_hub(s, actor, m->tenant_id, &hub, err);
	fh_stmt *q;
	if (st == FH_OK)
		st = fh_store_stmt(s,
				   "UPDATE milestones SET state = ?2, done_on = ?3, evidence = ?4,"
				   " verified_by = ?5, note = NULL, version = version + 1, updated_at = ?6,"
				   " updated_by = ?7 WHERE id = ?1",
				   &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, m->id);
	fh_bind_static(q, 2, state_names[to], -1);
	if (to != FH_MS_PENDING)
		fh_bind_int64(q, 3, on);
	fh_bind_text(q, 4, text);
	fh_bind_text(q, 5, by);
	fh_bind_int64(q, 6, fh_clock_now());
	fh_bind_str(q, 7, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the milestone"));
	char summary[600], ob[48];
	snprintf(summary, sizeof summary, "%s%s%s", m->title, text && *text ? " · " : "", text ? text : "");
	snprintf(ob, sizeof ob, "{\"state\":\"%s\"}", state_names[m->state]);
	return fh_audit_summary(s, actor, hub, "milestone", m->id, action, ob, summary, err, "\"state\":\"%s\"",
				state_names[to]);
}

static fh_status must_be_pending(const fh_milestone *m, fh_error *err)
{
	char d[16];
	if (m->state == FH_MS_DONE)
		return fh_error_set(err, FH_ECONFLICT, "milestone", _("“%s” was done on %s"), m->title,
				    fh_clock_format_date(m->done_on, d, sizeof d));
	if (m->state == FH_MS_WAIVED)
		return fh_error_set(err, FH_ECONFLICT, "milestone", _("“%s” was waived: %s"), m->title, m->evidence);
	return FH_OK;
}

/* A change of state, what it is checked against (the milestone as it is,
 * the actor's role) read under the write lock. */
struct change {
	fh_ms_state to;
	int64_t on;
	const char *text, *action;
	bool manager;       /* only a manager may */
	const char *denied; /* the refusal when not */
};

static fh_status change_locked(fh_store *s, const fh_actor *actor, int64_t id, const struct change *c, fh_error *err)
{
	fh_milestone m;
	fh_status st = fh_milestone_get(s, actor, id, &m, err);
	if (st != FH_OK)
		return st;
	if (c->to == FH_MS_PENDING) {
		if (m.state == FH_MS_PENDING)
			return fh_error_set(err, FH_ECONFLICT, "milestone", _("“%s” is still pending"), m.title);
	} else if ((st = must_be_pending(&m, err)) != FH_OK) {
		return st;
	}
	if (c->manager && !fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", c->denied);
	return set_state(s, actor, &m, c->to, c->on, c->text, c->to == FH_MS_PENDING ? NULL : actor->name, c->action,
			 err);
}

static fh_status change(fh_store *s, const fh_actor *actor, int64_t id, const struct change *c, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, change_locked(s, actor, id, c, err), err);
}

fh_status fh_milestone_done(fh_store *s, const fh_actor *actor, int64_t id, int64_t on, const char *evidence_in,
			    fh_error *err)
{
	char evidence[sizeof((fh_milestone *)0)->evidence];
	fh_status st = fh_text_field_take(evidence, sizeof evidence, FH_MS_TEXT_MAX, evidence_in ? evidence_in : "",
					  false, false, "evidence", err);
	if (st != FH_OK)
		return st;
	int64_t today = fh_clock_day(fh_clock_now());
	on = on ? fh_clock_day(on) : today;
	if (on > today)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	struct change c = { FH_MS_DONE, on, evidence, "done", false, NULL };
	return change(s, actor, id, &c, err);
}

fh_status fh_milestone_waive(fh_store *s, const fh_actor *actor, int64_t id, const char *reason_in, fh_error *err)
{
	char reason[sizeof((fh_milestone *)0)->evidence];
	if (actor && !fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("waiving a milestone needs a manager"));
	fh_status st = fh_text_field_take(reason, sizeof reason, FH_MS_TEXT_MAX, reason_in ? reason_in : "", false,
					  false, "reason", err);
	if (st != FH_OK)
		return st;
	if (!reason[0])
		return fh_error_set(err, FH_EINVAL, "reason", "%s", _("say why it is waived"));
	struct change c = { FH_MS_WAIVED, fh_clock_day(fh_clock_now()),
			    reason,       "waive",
			    true,         _("waiving a milestone needs a manager") };
	return change(s, actor, id, &c, err);
}

fh_status fh_milestone_reopen(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	struct change c = { FH_MS_PENDING, 0, NULL, "reopen", true, _("reopening a milestone needs a manager") };
	return change(s, actor, id, &c, err);
}

/* ---- proofs ------------------------------------------------------------------- */

/* The proof the records give for a milestone of this kind, or "". */
static void proof(const char *kind, int min_rating, const fh_tenant *t, const fh_party_state *ps, char *out,
		  size_t size)
{
	out[0] = 0;
	if (strcmp(kind, "registration") == 0 && t->credit_code[0])
		snprintf(out, size, _("credit code %s"), t->credit_code);
	else if (strcmp(kind, "rating") == 0 && t->rating >= min_rating)
		snprintf(out, size, _("rated %dA"), t->rating);
	else if (strcmp(kind, "party_org") == 0 && ps->org_covered)
		snprintf(out, size, "%s", _("a party organisation in the party record"));
	else if (strcmp(kind, "instructor") == 0 && t->instructor_id)
		snprintf(out, size, "%s", _("an instructor or liaison in the party record"));
	else if (strcmp(kind, "party_work") == 0 && ps->work_covered)
		snprintf(out, size, "%s", _("Party work covered in the party record"));
}

/* fh_milestone_prove of a tenant's record as loaded (t). */
static fh_status prove(fh_store *s, const fh_actor *actor, const fh_tenant *t, int *ticked, fh_error *err)
{
	fh_party_rules pr;
	fh_status st = fh_party_rules_load(s, t->hub_id, &pr, err);
	if (st != FH_OK)
		return st;
	fh_party p = { .form = t->party_org,
		       .full = t->party_members,
		       .fallback = t->party_fallback,
		       .instructor_id = t->instructor_id };
	fh_party_state ps;
	fh_party_evaluate(&pr, &p, fh_clock_now(), &ps);
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"SELECT " MS_COLS ", m.min_rating FROM milestones m WHERE m.tenant_id = ?1"
				" AND m.state = 'pending' AND m.kind IN"
				" ('registration','rating','party_org','instructor','party_work')",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, t->id);
	struct {
		fh_milestone m;
		int min_rating;
	} todo[32];
	int n = 0, rc = FH_DONE;
	while (n < 32 && (rc = fh_step(q)) == FH_ROW) {
		ms_read(q, &todo[n].m);
		todo[n++].min_rating = fh_column_int(q, 14);
	}
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE)
		return fh_store_fail(s, err, _("reading milestones"));
	for (int i = 0; st == FH_OK && i < n; i++) {
		char why[300];
		proof(todo[i].m.kind, todo[i].min_rating, t, &ps, why, sizeof why);
		if (!why[0])
			continue;
		st = set_state(s, actor, &todo[i].m, FH_MS_DONE, fh_clock_day(fh_clock_now()), why, "auto", "proved",
			       err);
		if (st == FH_OK && ticked)
			(*ticked)++;
	}
	return st;
}

fh_status fh_milestone_prove(fh_store *s, const fh_actor *actor, int64_t tenant, int *ticked, fh_error *err)
{
	if (ticked)
		*ticked = 0;
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, tenant, &t, err);
	return st != FH_OK ? st : prove(s, actor, &t, ticked, err);
}

/* ---- instantiation -------------------------------------------------------------- */

static fh_status add_from_templates(fh_store *s, const fh_actor *actor, const fh_tenant *t, int *added, fh_error *err)
{
	fh_stmt *tpl;
	if (fh_store_prepare(s,
			     "SELECT track, seq, code, title, kind, due_months, title_en, required, min_rating"
			     " FROM milestone_templates WHERE hub_id = ?1 ORDER BY track, seq",
			     &tpl, NULL) != FH_OK)
		return fh_store_fail(s, err, _("reading milestone templates"));
	fh_bind_int64(tpl, 1, t->hub_id);
	fh_status st = FH_OK;
	int64_t admitted = fh_clock_day(t->admitted_on);
	while (st == FH_OK && fh_step(tpl) == FH_ROW) {
		fh_stmt *q;
		if ((st = fh_store_stmt(
			     s,
			     "INSERT OR IGNORE INTO milestones(tenant_id, track, seq, code, title, kind, due, title_en,"
			     " required, min_rating, hub_id, active, updated_at, updated_by)"
			     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?13)",
			     &q, err)) != FH_OK)
			break;
		fh_bind_int64(q, 1, t->id);
		for (int i = 0; i < 5; i++)
			fh_bind_column(q, 2 + i, tpl, i);
		/* the one month rule of every due date */
		fh_bind_int64(q, 7, fh_clock_add_months(admitted, fh_column_int(tpl, 5)));
		for (int i = 0; i < 3; i++)
			fh_bind_column(q, 8 + i, tpl, 6 + i);
		fh_bind_int64(q, 11, t->hub_id);
		fh_bind_int64(q, 12, fh_clock_now());
		fh_bind_str(q, 13, actor->name);
		if (fh_step(q) != FH_DONE)
			st = fh_store_fail(s, err, _("writing milestones"));
		else
			*added += fh_store_changes(s);
		fh_reset(q);
	}
	fh_finalize(tpl);
	return st;
}

/* A tenant's change: admission instantiates the templates' milestones; then
 * whatever the record now shows (a credit code, a rating, the party
 * track's organisation) proves those it proves. A new tenant has none. */
fh_status fh_milestone_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	if (!c->old)
		return FH_OK;
	int added = 0;
	fh_status st = FH_OK;
	if (c->next->stage == FH_STAGE_INCUBATING && c->old->stage != FH_STAGE_INCUBATING)
		st = add_from_templates(s, c->actor, c->next, &added, err);
	return st == FH_OK ? prove(s, c->actor, c->next, NULL, err) : st;
}

static fh_status instantiate_locked(fh_store *s, const fh_actor *actor, int64_t tenant, int *added, fh_error *err)
{
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, tenant, &t, err);
	if (st != FH_OK)
		return st;
	if (t.stage != FH_STAGE_INCUBATING || !t.admitted_on)
		return fh_error_set(err, FH_EINVAL, "stage",
				    _("%s is not in incubation: milestones start at admission"), t.name);
	if ((st = add_from_templates(s, actor, &t, added, err)) != FH_OK)
		return st;
	if (*added) {
		char nb[64];
		snprintf(nb, sizeof nb, "{\"milestones\":%d}", *added);
		st = fh_audit_write(s, actor, t.hub_id, "tenant", t.id, "milestones", NULL, nb, err);
	}
	return st == FH_OK ? prove(s, actor, &t, NULL, err) : st;
}

fh_status fh_milestone_instantiate(fh_store *s, const fh_actor *actor, int64_t tenant, int *added, fh_error *err)
{
	*added = 0;
	if (!actor || !fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("giving milestones needs a manager"));
	fh_status st = fh_tx_begin(s, err);
	if (st == FH_OK)
		st = fh_tx_end(s, instantiate_locked(s, actor, tenant, added, err), err);
	if (st != FH_OK)
		*added = 0;
	return st;
}

/* ---- due and overdue ------------------------------------------------------------ */

fh_status fh_milestone_open_required(fh_store *s, int64_t tenant, int *n, fh_error *err)
{
	return fh_store_count(s,
			      "SELECT count(*) FROM milestones WHERE tenant_id = ?1 AND required = 1"
			      " AND state = 'pending'",
			      tenant, 0, n, _("reading milestones"), err);
}

fh_status fh_milestone_lead_days(fh_store *s, int64_t hub, int out[4], int *n, fh_error *err)
{
	fh_stmt *q;
	*n = 0;
	fh_status st = fh_store_stmt(s, "SELECT lead_days FROM hubs WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		char buf[64];
		fh_column_text(q, 0, buf, sizeof buf);
		for (char *save = NULL, *w = strtok_r(buf, ",", &save); w && *n < 4; w = strtok_r(NULL, ",", &save))
			out[(*n)++] = atoi(w);
	}
	fh_reset(q);
	return rc == FH_ROW || rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading the hub's rules"));
}

static void due_read(fh_stmt *q, void *row)
{
	fh_due *d = row;
	memset(d, 0, sizeof *d);
	d->id = fh_column_int64(q, 0);
	d->tenant_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, d->tenant, sizeof d->tenant);
	fh_column_text(q, 3, d->hub_code, sizeof d->hub_code);
	d->party = fh_column_int(q, 4) != 0;
	fh_column_text(q, 5, d->title, sizeof d->title);
	d->due = fh_column_int64(q, 6);
}

/* How many rows a list has in all, from the counts by hub and day (and by
 * spans of 24 days) the database keeps (due_tally, due_span; tally.c):
 * overdue milestones and planned ends before today, or the milestones due
 * from today to `within` days on. */
static fh_status list_total(fh_store *s, const int64_t *hubs, size_t nh, bool overdue, int64_t today, int within,
			    int *total, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		overdue ? "SELECT (SELECT ifnull(sum(n), 0) FROM due_span WHERE hub_id = ?1"
			  "  AND kind IN ('milestone', 'end') AND span < ?2 >> 21)"
			  " + (SELECT ifnull(sum(n), 0) FROM due_tally WHERE hub_id = ?1 AND kind IN ('milestone', 'end')"
			  "  AND due >= (?2 >> 21) << 21 AND due < ?2)"
			: "SELECT ifnull(sum(n), 0) FROM due_tally WHERE hub_id = ?1 AND kind = 'milestone'"
			  " AND due BETWEEN ?2 AND ?2 + ?3 * 86400",
		&q, err);
	for (size_t i = 0; st == FH_OK && i < nh; i++) {
		fh_bind_int64(q, 1, hubs[i]);
		fh_bind_int64(q, 2, today);
		fh_bind_int(q, 3, within);
		if (fh_step(q) == FH_ROW)
			*total += fh_column_int(q, 0);
		else
			st = fh_store_fail(s, err, _("reading milestones"));
		fh_reset(q);
	}
	return st;
}

/* ---- walking a due list: each hub's rows by day, in chunks, merged --------------- */

/* A hub's pending milestones (kind 0) or its tenants past their planned
 * end (kind 1), due in [lo, hi). */
struct due_span {
	int64_t lo, hi, today;
	bool overdue;
};

static fh_status due_chunk(const struct fh_merge *m, struct fh_stream *x, fh_error *err)
{
	static const char *const chunk_sql[2] = {
		"SELECT m.id, m.tenant_id, t.name, h.code, m.track = 'party', m.title, m.due"
		" FROM milestones m INDEXED BY milestones_due JOIN tenants t ON t.id = m.tenant_id"
		" JOIN hubs h ON h.id = m.hub_id WHERE m.hub_id = ?1 AND m.state = 'pending' AND m.active = 1"
		" AND m.due >= ?2 AND m.due < ?3 AND (m.due, m.id) > (?4, ?5)"
		" ORDER BY m.due, m.id LIMIT ?6",
		"SELECT t.id, t.id, t.name, h.code, 0, '', t.planned_end"
		" FROM tenants t INDEXED BY tenants_past_end JOIN hubs h ON h.id = t.hub_id"
		" WHERE t.hub_id = ?1 AND t.stage = 'incubating' AND t.planned_end >= ?2 AND t.planned_end < ?3"
		" AND (t.planned_end, t.id) > (?4, ?5) ORDER BY t.planned_end, t.id LIMIT ?6",
	};
	const struct due_span *w = m->ctx;
	fh_stmt *q;
	fh_status st = fh_store_stmt(m->store, chunk_sql[x->kind], &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, x->hub);
	fh_bind_int64(q, 2, w->lo);
	fh_bind_int64(q, 3, w->hi);
	fh_bind_int64(q, 4, x->key);
	fh_bind_int64(q, 5, x->id);
	fh_bind_int64(q, 6, (int64_t)m->chunk);
	return fh_store_rows(m->store, q, &x->rows, &x->n, sizeof(fh_due), due_read, _("reading milestones"), err);
}

static void due_key(const void *row, int64_t *key, int64_t *id)
{
	const fh_due *d = row;
	*key = d->due;
	*id = d->id;
}

/* By day, milestones before planned ends, then by number. */
static bool due_before(const struct fh_stream *xa, const void *a, const struct fh_stream *xb, const void *b)
{
	const fh_due *p = a, *q = b;
	if (p->due != q->due)
		return p->due < q->due;
	if (xa->kind != xb->kind)
		return xa->kind < xb->kind;
	return p->id < q->id;
}

struct due_each {
	const struct due_span *w;
	bool (*each)(void *ctx, const fh_due *row);
	void *ctx;
};

static bool due_give(void *ctx, const struct fh_stream *x, void *row)
{
	struct due_each *e = ctx;
	fh_due *d = row;
	if (x->kind == 1) {
		d->id = 0;
		snprintf(d->title, sizeof d->title, "%s", _("past its planned end, not graduated"));
	}
	d->days = (int)((e->w->overdue ? e->w->today - d->due : d->due - e->w->today) / DAY);
	return e->each(e->ctx, d);
}

/* Walks a due list of the hubs given: at most `limit` rows (0: all), read
 * `chunk` rows per hub and statement. */
static fh_status walk(fh_store *s, const int64_t *hubs, size_t nh, bool overdue, int within, size_t chunk, size_t limit,
		      bool (*each)(void *ctx, const fh_due *row), void *ctx, fh_error *err)
{
	struct due_span w = { .overdue = overdue, .today = fh_clock_day(fh_clock_now()) };
	w.lo = overdue ? INT64_MIN : w.today;
	w.hi = overdue ? w.today : w.today + (int64_t)within * DAY + 1;
	struct fh_merge m = { .store = s,
			      .size = sizeof(fh_due),
			      .chunk = chunk ? chunk : 1,
			      .ctx = &w,
			      .read = due_chunk,
			      .key = due_key,
			      .before = due_before };
	size_t nx = nh * (overdue ? 2 : 1), given;
	struct fh_stream *x = calloc(nx ? nx : 1, sizeof *x);
	if (!x)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	for (size_t i = 0; i < nx; i++)
		x[i] = (struct fh_stream){ .kind = (int)(i % (overdue ? 2 : 1)),
					   .hub = hubs[i / (overdue ? 2 : 1)],
					   .key = INT64_MIN,
					   .id = INT64_MIN };
	struct due_each e = { &w, each, ctx };
	fh_status st = fh_merge_walk(&m, x, nx, limit, due_give, &e, &given, err);
	free(x);
	return st;
}

fh_status fh_milestone_due_walk(fh_store *s, const fh_actor *actor, const char *hub_code, bool overdue, int within,
				bool (*each)(void *ctx, const fh_due *row), void *ctx, fh_error *err)
{
	int64_t *hubs;
	size_t nh;
	fh_status st = fh_scope_hubs(s, actor, 0, hub_code, &hubs, &nh, err);
	if (st != FH_OK)
		return st;
	/* some 16 000 rows held at most, whatever the hubs */
	size_t chunk = nh ? 16384 / (nh * (overdue ? 2 : 1)) : 1;
	st = walk(s, hubs, nh, overdue, within, chunk < 64 ? 64 : chunk, 0, each, ctx, err);
	free(hubs);
	return st;
}

struct collect {
	fh_due *rows;
	size_t n;
};

static bool collect_row(void *ctx, const fh_due *row)
{
	struct collect *c = ctx;
	c->rows[c->n++] = *row;
	return true;
}

fh_status fh_milestone_due(fh_store *s, const fh_actor *actor, const char *hub_code, bool overdue, int within,
			   int limit, fh_due **rows, size_t *n, int *total, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	*total = 0;
	int64_t *hubs;
	size_t nh;
	fh_status st = fh_scope_hubs(s, actor, 0, hub_code, &hubs, &nh, err);
	int64_t today = fh_clock_day(fh_clock_now());
	if (st == FH_OK)
		st = list_total(s, hubs, nh, overdue, today, within, total, err);
	struct collect c = { NULL, 0 };
	if (st == FH_OK && limit > 0 && !(c.rows = calloc((size_t)limit, sizeof *c.rows)))
		st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	/* each hub's first `limit` rows at most, in one statement each */
	if (st == FH_OK && limit > 0 &&
	    (st = walk(s, hubs, nh, overdue, within, (size_t)limit, (size_t)limit, collect_row, &c, err)) == FH_OK) {
		*rows = c.rows;
		*n = c.n;
		c.rows = NULL;
	}
	free(c.rows);
	free(hubs);
	return st;
}

/* ---- the hub's milestone templates and mentoring ---------------------------------- */

/* The module's own schema (modules.h): what it adds to the database after
 * the store's migration 12, one step at the end for each change, each run
 * once. */
const char *const fh_milestone_schema[] = { NULL };

fh_status fh_milestone_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	fh_stmt *q;
	char lead[64] = "";
	for (int i = 0, used = 0; i < r->milestone.nlead; i++)
		used += snprintf(lead + used, sizeof lead - (size_t)used, "%s%d", i ? "," : "",
				 r->milestone.lead_days[i]);
	fh_status st = fh_store_stmt(s, "UPDATE hubs SET quiet_days = ?2, lead_days = ?3 WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, r->milestone.quiet_days);
	fh_bind_str(q, 3, lead);
	if ((st = fh_store_done(s, q, _("saving hub rules"), err)) != FH_OK ||
	    (st = fh_store_stmt(s, "DELETE FROM milestone_templates WHERE hub_id = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	st = fh_store_done(s, q, _("saving hub rules"), err);
	for (int track = 0; st == FH_OK && track < 2; track++) {
		const fh_milestone_tpl *t = track ? r->milestone.party : r->milestone.org;
		size_t n = track ? r->milestone.nparty : r->milestone.norg;
		for (size_t i = 0; st == FH_OK && i < n; i++) {
			if ((st = fh_store_stmt(s,
						"INSERT INTO milestone_templates(hub_id, track, seq, code, title,"
						" due_months, kind, title_en, evidence, required, min_rating)"
						" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
						&q, err)) != FH_OK)
				return st;
			fh_bind_int64(q, 1, hub);
			fh_bind_static(q, 2, track ? "party" : "org", -1);
			fh_bind_int64(q, 3, (int64_t)i);
			fh_bind_str(q, 4, t[i].code);
			fh_bind_str(q, 5, t[i].title);
			fh_bind_int(q, 6, t[i].due_months);
			fh_bind_str(q, 7, t[i].kind);
			fh_bind_text(q, 8, t[i].title_en);
			fh_bind_text(q, 9, t[i].evidence);
			fh_bind_int(q, 10, t[i].required);
			fh_bind_int(q, 11, t[i].min_rating);
			st = fh_store_done(s, q, _("saving hub rules"), err);
		}
	}
	return st;
}

static void describe_templates(fh_buf *b, const char *track, const fh_milestone_tpl *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fh_buf_printf(b, "|%s:%s:%s:%d:%s:%s:%s:%d:%d", track, t[i].code, t[i].title, t[i].due_months,
			      t[i].kind, t[i].title_en ? t[i].title_en : "", t[i].evidence ? t[i].evidence : "",
			      t[i].required, t[i].min_rating);
}

void fh_milestone_describe_rules(fh_buf *b, const fh_rules *r)
{
	describe_templates(b, "org", r->milestone.org, r->milestone.norg);
	describe_templates(b, "party", r->milestone.party, r->milestone.nparty);
	fh_buf_printf(b, "|m:%d", r->milestone.quiet_days);
	for (int i = 0; i < r->milestone.nlead; i++)
		fh_buf_printf(b, ":%d", r->milestone.lead_days[i]);
}
