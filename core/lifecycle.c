/* fuhua core — the tenant lifecycle: 申请 → 评审 → 孵化中 → 出壳, and 退出
 * from any stage before the end. Every move is one transaction: the tenant,
 * its stage history, its milestones and the audit log. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fuhua/booking.h"
#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "fuhua/party.h"
#include "fuhua/space.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "lifecycle_int.h"
#include "store_int.h"
#include "tenant_int.h"

bool fh_stage_step_allowed(fh_stage from, fh_stage to)
{
	if ((unsigned)from >= FH_STAGE_COUNT || (unsigned)to >= FH_STAGE_COUNT)
		return false;
	if (from == FH_STAGE_GRADUATED || from == FH_STAGE_EXITED)
		return false; /* final */
	return to == FH_STAGE_EXITED || to == from + 1;
}

size_t fh_stage_next(fh_stage from, fh_stage out[FH_STAGE_COUNT])
{
	size_t n = 0;
	for (int s = 0; s < FH_STAGE_COUNT; s++)
		if (fh_stage_step_allowed(from, (fh_stage)s))
			out[n++] = (fh_stage)s;
	return n;
}

int fh_tenant_months(const fh_tenant *t, int64_t now)
{
	if (!t->admitted_on)
		return 0;
	int64_t end = t->stage >= FH_STAGE_GRADUATED ? t->stage_since : now;
	char a[16], b[16];
	int y1, m1, d1, y2, m2, d2;
	fh_clock_format_date(t->admitted_on, a, sizeof a);
	fh_clock_format_date(end, b, sizeof b);
	if (end < t->admitted_on || sscanf(a, "%d-%d-%d", &y1, &m1, &d1) != 3 ||
	    sscanf(b, "%d-%d-%d", &y2, &m2, &d2) != 3)
		return 0;
	int m = (y2 * 12 + m2) - (y1 * 12 + m1) - (d2 < d1);
	return m > 0 ? m : 0;
}

static void rules_read(fh_stmt *q, void *out)
{
	fh_lifecycle_rules *r = out;
	*r = (fh_lifecycle_rules){ 0 };
	r->incubation_term_months = fh_column_int(q, 0);
	r->extension_months = fh_column_int(q, 1);
	r->grad_min_months = fh_column_int(q, 2);
	r->grad_min_rating = fh_column_int(q, 3);
	r->grad_all_milestones = fh_column_int(q, 4) != 0;
	r->grad_party_coverage = fh_column_int(q, 5) != 0;
	r->grad_registered = fh_column_int(q, 6) != 0;
	r->grad_handovers = fh_column_int(q, 7) != 0;
}

fh_status fh_tenant_past_term(fh_store *s, const fh_actor *actor, int64_t day, int *n, fh_error *err)
{
	*n = 0;
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	/* tenants_past_end: (hub_id, planned_end) of those incubating */
	fh_status st = fh_store_count(s,
				      FH_SQL_SCOPE "SELECT count(*) FROM tenants WHERE stage = 'incubating'"
						   " AND hub_id IN (SELECT id FROM scope) AND planned_end < ?2",
				      actor->hub_id, fh_clock_day(day), n, _("reading tenants"), err);
	if (st != FH_OK)
		*n = 0;
	return st;
}

/* The hub's lifecycle rules as `fuhua init` kept them (no stage labels). */
static fh_status load_rules(fh_store *s, int64_t hub, fh_lifecycle_rules *r, fh_error *err)
{
	return fh_store_hub_row(s,
				"SELECT incubation_term_months, extension_months, grad_min_months, grad_min_rating,"
				" grad_all_milestones, grad_party_coverage, grad_registered, grad_handovers"
				" FROM hubs WHERE id = ?1",
				hub, rules_read, r, err);
}

/* A graduation criterion, met or not, for people: both lists are shown. */
static void criterion(fh_stage_plan *p, bool ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void criterion(fh_stage_plan *p, bool ok, const char *fmt, ...)
{
	size_t *n = ok ? &p->nmet : &p->nunmet;
	if (*n >= FH_UNMET_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ok ? p->met[(*n)++] : p->unmet[(*n)++], sizeof p->unmet[0], fmt, ap);
	va_end(ap);
}

/* The party module's rule: an organisation counted by coverage.org_forms,
 * or fallback with an instructor or liaison; its rules unread refuse. */
static fh_status party_work_covered(fh_store *s, const fh_tenant *t, bool *covered, fh_error *err)
{
	fh_party_rules pr;
	*covered = false;
	fh_status st = fh_party_rules_load(s, t->hub_id, &pr, err);
	if (st != FH_OK)
		return st;
	fh_party p = { .form = t->party_org,
		       .full = t->party_members,
		       .fallback = t->party_fallback,
		       .instructor_id = t->instructor_id };
	fh_party_state ps;
	fh_party_evaluate(&pr, &p, fh_clock_now(), &ps);
	*covered = ps.work_covered;
	return FH_OK;
}

/* The graduation rules of the hub: everything that is missing, each in
 * plan->unmet and all in one message (FH_ECONFLICT). A criterion whose
 * records cannot be read refuses with the database's error: never "met". */
static fh_status check_graduation(fh_store *s, const fh_tenant *t, const fh_lifecycle_rules *r, fh_stage_plan *p,
				  fh_error *err)
{
	int open = 0, late = 0;
	bool covered = false;
	fh_status st;
	if ((r->grad_all_milestones && (st = fh_milestone_open_required(s, t->id, &open, err)) != FH_OK) ||
	    (r->grad_handovers && (st = fh_space_handovers_late(s, t->id, fh_clock_now(), &late, err)) != FH_OK) ||
	    (r->grad_party_coverage && (st = party_work_covered(s, t, &covered, err)) != FH_OK))
		return st;
	int months = fh_tenant_months(t, fh_clock_now());
	if (months < r->grad_min_months)
		criterion(p, false, _("%d of the %d months of incubation"), months, r->grad_min_months);
	else
		criterion(p, true, _("%d months of incubation (%d needed)"), months, r->grad_min_months);
	if (r->grad_registered)
		criterion(p, t->credit_code[0] != 0, "%s",
			  t->credit_code[0] ? _("registered, with a credit code")
					    : _("not registered: no credit code"));
	if (open)
		criterion(p, false,
			  N3_("%d required milestone neither done nor waived",
			      "%d required milestones neither done nor waived", open),
			  open);
	else if (r->grad_all_milestones)
		criterion(p, true, "%s", _("every required milestone done or waived"));
	if (late)
		criterion(p, false, N3_("%d space not handed back in time", "%d spaces not handed back in time", late),
			  late);
	else if (r->grad_handovers)
		criterion(p, true, "%s", _("no space overdue for handover"));
	if (r->grad_party_coverage) {
		criterion(
			p, covered, "%s",
			covered ? _("Party work covered")
				: _("Party work not covered: no party organisation, and no fallback with an instructor"));
	}
	if (t->rating < r->grad_min_rating)
		criterion(p, false, _("rated %s, needs %dA"),
			  t->rating ? (char[]){ (char)('0' + t->rating), 'A', 0 } : _("not rated"), r->grad_min_rating);
	else if (r->grad_min_rating)
		criterion(p, true, _("rated %dA (%dA needed)"), t->rating, r->grad_min_rating);
	if (!p->nunmet)
		return FH_OK;
	char why[FH_UNMET_MAX * 202] = "";
	size_t used = 0;
	for (size_t i = 0; i < p->nunmet && used < sizeof why; i++)
		used += (size_t)snprintf(why + used, sizeof why - used, "%s%s", i ? _("; ") : "", p->unmet[i]);
	return fh_error_set(err, FH_ECONFLICT, "stage", _("cannot graduate yet: %s"), why);
}

/* What a move does besides the stage, for its confirmation: the templates
 * admission would instantiate, the open milestones, the tenant's spaces and
 * their handover deadline, its mentor pairings, its bookings to come. */
static fh_status count_things(fh_store *s, const fh_tenant *t, fh_stage_plan *p, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT (SELECT count(*) FROM milestone_templates WHERE hub_id = ?2),"
				     " (SELECT count(*) FROM milestones WHERE tenant_id = ?1 AND done_on IS NULL)",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, t->id);
	fh_bind_int64(q, 2, t->hub_id);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		p->milestones = fh_column_int(q, 0);
		p->open_milestones = fh_column_int(q, 1);
	}
	fh_reset(q);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading milestones"));
	int64_t now = fh_clock_now();
	if ((st = fh_space_held(s, t->id, now, &p->allocations, &p->seats, err)) != FH_OK ||
	    (st = fh_space_handover_due(s, t->hub_id, now, &p->handover_due, err)) != FH_OK ||
	    (st = fh_mentor_pairings_open(s, t->id, &p->pairings, err)) != FH_OK)
		return st;
	return fh_booking_ahead(s, t->id, now, &p->bookings, err);
}

/* An audit JSON object for a tenant: {"name":…,"key":"value"…}; closed by
 * the caller with "}". */
static void named(fh_buf *b, const char *name, const char *key, const char *value)
{
	fh_buf_puts(b, "{\"name\":");
	fh_buf_json_string(b, name);
	fh_buf_printf(b, ",\"%s\":", key);
	fh_buf_json_string(b, value);
}

/* Writes the audit row of a lifecycle step (if st is FH_OK) and frees the
 * JSON. */
static fh_status finish(fh_store *s, const fh_actor *actor, const fh_tenant *t, const char *action, fh_buf *o,
			fh_buf *n, fh_status st, fh_error *err)
{
	if (st == FH_OK)
		st = fh_audit_write(s, actor, t->hub_id, "tenant", t->id, action, fh_buf_str(o), fh_buf_str(n), err);
	fh_buf_free(o);
	fh_buf_free(n);
	return st;
}

static fh_status stage_line(fh_store *s, const fh_actor *actor, int64_t id, fh_stage from, fh_stage to, int64_t at,
			    const char *reason, fh_error *err)
{
	fh_stmt *q;
	fh_status q_rc =
		fh_store_stmt(s,
			      "INSERT INTO stage_history(tenant_id, from_stage, to_stage, at, operator, reason)"
			      " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
			      &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, id);
	fh_bind_static(q, 2, fh_stage_name(from), -1);
	fh_bind_static(q, 3, fh_stage_name(to), -1);
	fh_bind_int64(q, 4, at);
	fh_bind_str(q, 5, actor->name);
	fh_bind_text(q, 6, reason);
	int rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("writing the stage history"));
}

/* Every check of a move, without writing; fills *p (and *r, the rules). */
static fh_status plan_move(fh_store *s, const fh_actor *actor, const fh_tenant *t, fh_stage to, const char *reason,
			   fh_lifecycle_rules *r, fh_stage_plan *p, fh_error *err)
{
	memset(p, 0, sizeof *p);
	p->from = t->stage;
	p->to = to;
	if ((unsigned)to >= FH_STAGE_COUNT)
		return fh_error_set(err, FH_EINVAL, "stage", "%s", _("is not a stage"));
	if (to == t->stage)
		return fh_error_set(err, FH_EINVAL, "stage", _("%s is already at that stage"), t->name);
	if (!fh_stage_step_allowed(t->stage, to)) {
		if (t->stage == FH_STAGE_GRADUATED || t->stage == FH_STAGE_EXITED)
			return fh_error_set(err, FH_EINVAL, "stage", "%s",
					    _("the tenant has left incubation; its stage is final"));
		return fh_error_set(err, FH_EINVAL, "stage",
				    _("cannot go from %s to %s: stages are not skipped or gone back"),
				    fh_stage_label(t->stage, true), fh_stage_label(to, true));
	}
	bool needs_manager = to == FH_STAGE_INCUBATING || to == FH_STAGE_GRADUATED ||
		(to == FH_STAGE_EXITED && t->stage == FH_STAGE_INCUBATING);
	if (needs_manager && !fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, "stage", "%s",
				    to == FH_STAGE_INCUBATING          ? _("admitting a tenant needs a manager")
					    : to == FH_STAGE_GRADUATED ? _("graduating a tenant needs a manager")
								       : _("ending an incubation needs a manager"));
	if (to == FH_STAGE_EXITED && !reason[0])
		return fh_error_set(err, FH_EINVAL, "reason", "%s", _("say why the tenant leaves"));
	const char *why = fh_text_field_problem(reason, false, false);
	if (why)
		return fh_error_set(err, FH_EINVAL, "reason", "%s", _(why));
	if (fh_utf8_chars(reason) > FH_TENANT_REASON_MAX)
		return fh_error_set(err, FH_EINVAL, "reason", _("must be one line of at most %d characters"),
				    FH_TENANT_REASON_MAX);
	fh_status st = load_rules(s, t->hub_id, r, err);
	if (st != FH_OK || (st = count_things(s, t, p, err)) != FH_OK)
		return st;
	p->months = r->incubation_term_months;
	p->planned_end = to == FH_STAGE_INCUBATING ? fh_clock_add_months(fh_clock_now(), r->incubation_term_months)
						   : t->planned_end;
	if (to == FH_STAGE_GRADUATED)
		return check_graduation(s, t, r, p, err);
	return FH_OK;
}

fh_status fh_tenant_move_plan(fh_store *s, const fh_actor *actor, int64_t id, fh_stage to, const char *reason_in,
			      fh_stage_plan *plan, fh_error *err)
{
	fh_tenant t;
	fh_lifecycle_rules r;
	memset(plan, 0, sizeof *plan);
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	if (st != FH_OK)
		return st;
	char reason[FH_TENANT_REASON_MAX * 4 + 1];
	fh_text_trim(reason, sizeof reason, reason_in ? reason_in : "");
	return plan_move(s, actor, &t, to, reason, &r, plan, err);
}

/* The record as a move to `to` at `now` leaves it (the UPDATE below). */
static fh_tenant moved(const fh_tenant *t, fh_stage to, int64_t now, int64_t planned, const char *reason)
{
	fh_tenant n = *t;
	n.stage = to;
	n.stage_since = now;
	if (to == FH_STAGE_INCUBATING) {
		n.admitted_on = now;
		n.planned_end = planned;
	}
	if (to == FH_STAGE_EXITED)
		snprintf(n.exit_reason, sizeof n.exit_reason, "%s", reason);
	n.version = t->version + 1;
	return n;
}

/* A move, read and written under the write lock; with override, a
 * graduation whose criteria are not all met, the manager's reason and the
 * criteria missing recorded with it. */
static fh_status move_locked(fh_store *s, const fh_actor *actor, int64_t id, int64_t version, fh_stage to,
			     const char *reason, bool override, fh_stage_plan *did, fh_error *err)
{
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	if (st != FH_OK || (version && (st = fh_store_check_version(s, "tenants", id, version, err)) != FH_OK))
		return st;
	fh_lifecycle_rules r;
	fh_stage_plan plan;
	st = plan_move(s, actor, &t, to, reason, &r, &plan, err);
	if (did)
		*did = plan;
	/* what the history keeps: an override's reason with what was not met */
	char said[FH_TENANT_REASON_MAX * 4 + 1 + 40 + FH_UNMET_MAX * 202];
	snprintf(said, sizeof said, "%s", reason);
	if (st == FH_ECONFLICT && override && plan.nunmet) {
		size_t used = (size_t)snprintf(said, sizeof said, _("override: %s; not met: "), reason);
		for (size_t i = 0; i < plan.nunmet && used < sizeof said; i++)
			used += (size_t)snprintf(said + used, sizeof said - used, "%s%s", i ? _("; ") : "",
						 plan.unmet[i]);
		st = FH_OK;
	}
	if (st != FH_OK)
		return st;
	int64_t now = fh_clock_now();
	fh_stmt *q = NULL;
	if ((st = fh_store_stmt(s,
				"UPDATE tenants SET stage = ?1, stage_since = ?2,"
				" admitted_on = coalesce(?3, admitted_on), planned_end = coalesce(?4, planned_end),"
				" exit_reason = coalesce(?5, exit_reason), version = version + 1, updated_at = ?2,"
				" updated_by = ?6 WHERE id = ?7",
				&q, err)) != FH_OK)
		return st;
	int64_t planned = fh_clock_add_months(now, r.incubation_term_months);
	fh_bind_static(q, 1, fh_stage_name(to), -1);
	fh_bind_int64(q, 2, now);
	if (to == FH_STAGE_INCUBATING) {
		fh_bind_int64(q, 3, now);
		fh_bind_int64(q, 4, planned);
	}
	if (to == FH_STAGE_EXITED)
		fh_bind_static(q, 5, reason, -1);
	fh_bind_str(q, 6, actor->name);
	fh_bind_int64(q, 7, id);
	if (fh_step(q) != FH_DONE)
		st = fh_store_fail(s, err, _("saving the stage"));
	fh_reset(q);
	if (st == FH_OK)
		st = stage_line(s, actor, id, t.stage, to, now, said, err);
	fh_buf o = FH_BUF_INIT, n = FH_BUF_INIT;
	char d[16];
	named(&o, t.name, "stage", fh_stage_name(t.stage));
	fh_buf_puts(&o, "}");
	named(&n, t.name, "stage", fh_stage_name(to));
	/* what follows, each module's count on the line: admission's
	 * milestones; on graduation and exit the spaces released, the
	 * pairings ended, and on exit the bookings to come cancelled */
	fh_tenant next = moved(&t, to, now, planned, reason);
	if (st == FH_OK)
		st = fh_tenant_changed(s, &(struct fh_tenant_change){ actor, &t, &next, now, &n }, err);
	if (to == FH_STAGE_INCUBATING)
		fh_buf_printf(&n, ",\"planned_end\":\"%s\"", fh_clock_format_date(planned, d, sizeof d));
	if (said[0]) {
		fh_buf_puts(&n, to == FH_STAGE_EXITED ? ",\"exit_reason\":" : ",\"reason\":");
		fh_buf_json_string(&n, said);
	}
	fh_buf_puts(&n, "}");
	return finish(s, actor, &t, override ? "override" : "move", &o, &n, st, err);
}

static fh_status move(fh_store *s, const fh_actor *actor, int64_t id, int64_t version, fh_stage to,
		      const char *reason_in, bool override, fh_stage_plan *did, fh_error *err)
{
	char reason[FH_TENANT_REASON_MAX * 4 + 1];
	fh_text_trim(reason, sizeof reason, reason_in ? reason_in : "");
	if (override && !reason[0])
		return fh_error_set(err, FH_EINVAL, "reason", "%s", _("say why the criteria are overridden"));
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, move_locked(s, actor, id, version, to, reason, override, did, err), err);
}

fh_status fh_tenant_move(fh_store *s, const fh_actor *actor, int64_t id, int64_t version, fh_stage to,
			 const char *reason, fh_stage_plan *did, fh_error *err)
{
	return move(s, actor, id, version, to, reason, false, did, err);
}

fh_status fh_tenant_graduate_override(fh_store *s, const fh_actor *actor, int64_t id, int64_t version,
				      const char *reason, fh_stage_plan *did, fh_error *err)
{
	return move(s, actor, id, version, FH_STAGE_GRADUATED, reason, true, did, err);
}

/* Every check of an extension; the new planned end and the months in *p. */
static fh_status plan_extend(fh_store *s, const fh_actor *actor, const fh_tenant *t, fh_stage_plan *p, int64_t *base,
			     fh_error *err)
{
	memset(p, 0, sizeof *p);
	p->from = p->to = t->stage;
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, "planned_end", "%s", _("extending an incubation needs a manager"));
	if (t->stage != FH_STAGE_INCUBATING)
		return fh_error_set(err, FH_EINVAL, "planned_end", "%s", _("only an incubating tenant is extended"));
	fh_lifecycle_rules r;
	fh_status st = load_rules(s, t->hub_id, &r, err);
	if (st != FH_OK)
		return st;
	char d[16];
	if (r.extension_months <= 0)
		return fh_error_set(err, FH_EINVAL, "planned_end", "%s", _("this hub's rules allow no extension"));
	if (t->extended)
		return fh_error_set(err, FH_EINVAL, "planned_end", _("already extended once, to %s"),
				    fh_clock_format_date(t->planned_end, d, sizeof d));
	*base = t->planned_end ? t->planned_end : fh_clock_add_months(t->admitted_on, r.incubation_term_months);
	p->months = r.extension_months;
	p->planned_end = fh_clock_add_months(*base, r.extension_months);
	return FH_OK;
}

fh_status fh_tenant_extend_plan(fh_store *s, const fh_actor *actor, int64_t id, fh_stage_plan *plan, fh_error *err)
{
	fh_tenant t;
	int64_t base;
	memset(plan, 0, sizeof *plan);
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	return st != FH_OK ? st : plan_extend(s, actor, &t, plan, &base, err);
}

static fh_status extend_locked(fh_store *s, const fh_actor *actor, int64_t id, int64_t version, fh_error *err)
{
	fh_tenant t;
	fh_stage_plan plan;
	int64_t base;
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	if (st != FH_OK || (version && (st = fh_store_check_version(s, "tenants", id, version, err)) != FH_OK) ||
	    (st = plan_extend(s, actor, &t, &plan, &base, err)) != FH_OK)
		return st;
	int64_t to = plan.planned_end;
	char d[16];
	fh_stmt *q = NULL;
	if ((st = fh_store_stmt(s,
				"UPDATE tenants SET planned_end = ?1, extended = 1, version = version + 1,"
				" updated_at = ?2, updated_by = ?3 WHERE id = ?4",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, to);
	fh_bind_int64(q, 2, fh_clock_now());
	fh_bind_str(q, 3, actor->name);
	fh_bind_int64(q, 4, id);
	if (fh_step(q) != FH_DONE)
		st = fh_store_fail(s, err, _("saving the extension"));
	fh_reset(q);
	fh_tenant next = t;
	next.planned_end = to;
	next.extended = true;
	next.version = t.version + 1;
	if (st == FH_OK)
		st = fh_tenant_changed(s, &(struct fh_tenant_change){ actor, &t, &next, fh_clock_now(), NULL }, err);
	fh_buf o = FH_BUF_INIT, n = FH_BUF_INIT;
	char d2[16];
	named(&o, t.name, "planned_end", fh_clock_format_date(base, d, sizeof d));
	fh_buf_puts(&o, "}");
	named(&n, t.name, "planned_end", fh_clock_format_date(to, d2, sizeof d2));
	fh_buf_puts(&n, "}");
	return finish(s, actor, &t, "extend", &o, &n, st, err);
}

fh_status fh_tenant_extend(fh_store *s, const fh_actor *actor, int64_t id, int64_t version, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, extend_locked(s, actor, id, version, err), err);
}

/* ---- the hub's incubation rules --------------------------------------------------- */

/* The module's own schema (modules.h): what it adds to the database after
 * the store's migration 12, one step at the end for each change, each run
 * once. */
const char *const fh_lifecycle_schema[] = {
	/* 1: the month's moves (fh_tenant_flow) as ranges of two indexes */
	"CREATE INDEX tenants_stage_since ON tenants(stage, stage_since, hub_id);"
	"CREATE INDEX stage_history_to ON stage_history(to_stage, at);",
	/* 2: those in incubation by registration, a covering range (50 ms, not
	 * 1.4 s, at a million tenants) */
	"CREATE INDEX tenants_stage_reg ON tenants(stage, hub_id, reg_state);",
	NULL,
};

fh_status fh_lifecycle_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		"UPDATE hubs SET incubation_term_months = ?2, extension_months = ?3, grad_min_months = ?4,"
		" grad_all_milestones = ?5, grad_party_coverage = ?6, grad_min_rating = ?7, grad_registered = ?8,"
		" grad_handovers = ?9 WHERE id = ?1",
		&q, err);
	if (st != FH_OK)
		return st;
	const int vals[] = { r->lifecycle.incubation_term_months, r->lifecycle.extension_months,
			     r->lifecycle.grad_min_months,        r->lifecycle.grad_all_milestones,
			     r->lifecycle.grad_party_coverage,    r->lifecycle.grad_min_rating,
			     r->lifecycle.grad_registered,        r->lifecycle.grad_handovers };
	fh_bind_int64(q, 1, hub);
	for (int i = 0; i < 8; i++)
		fh_bind_int(q, 2 + i, vals[i]);
	if ((st = fh_store_done(s, q, _("saving hub rules"), err)) != FH_OK ||
	    (st = fh_store_stmt(s, "DELETE FROM hub_stages WHERE hub_id = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	st = fh_store_done(s, q, _("saving hub rules"), err);
	for (int g = 0; st == FH_OK && g < FH_STAGE_COUNT; g++) {
		if ((st = fh_store_stmt(s,
					"INSERT INTO hub_stages(hub_id, stage, label, max_days) VALUES(?1, ?2, ?3, ?4)",
					&q, err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, hub);
		fh_bind_static(q, 2, fh_stage_name((fh_stage)g), -1);
		fh_bind_text(q, 3, r->lifecycle.stages[g].label);
		fh_bind_int(q, 4, r->lifecycle.stages[g].max_days);
		st = fh_store_done(s, q, _("saving hub rules"), err);
	}
	return st;
}

void fh_lifecycle_describe_rules(fh_buf *b, const fh_rules *r)
{
	fh_buf_printf(b, "|i:%d:%d:%d:%d:%d:%d:%d:%d", r->lifecycle.incubation_term_months,
		      r->lifecycle.extension_months, r->lifecycle.grad_min_months, r->lifecycle.grad_all_milestones,
		      r->lifecycle.grad_party_coverage, r->lifecycle.grad_min_rating, r->lifecycle.grad_registered,
		      r->lifecycle.grad_handovers);
	for (int g = 0; g < FH_STAGE_COUNT; g++)
		fh_buf_printf(b, "|s:%s:%d", r->lifecycle.stages[g].label ? r->lifecycle.stages[g].label : "",
			      r->lifecycle.stages[g].max_days);
}
