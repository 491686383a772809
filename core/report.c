/* fuhua core — reports. */
#include "fuhua/report.h"

#include <stdlib.h>
#include <string.h>

#include "fuhua/booking.h"
#include "fuhua/clock.h"
#include "fuhua/milestone.h"
#include "fuhua/party.h"
#include "fuhua/space.h"
#include "fuhua/tenant.h"
#include "i18n.h"
#include "store_int.h"

fh_status fh_report_dashboard(fh_store *s, const fh_actor *actor, fh_dashboard *out, fh_error *err)
{
	memset(out, 0, sizeof *out);
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	/* tenants by stage from the counts the database keeps (tally.c) */
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(s,
				       FH_SQL_SCOPE
				       "SELECT stage, sum(n) FROM tenant_tally WHERE hub_id IN (SELECT id FROM scope)"
				       " GROUP BY stage",
				       &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, actor->hub_id);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_stage stage;
		if (!fh_stage_parse(fh_column_str(q, 0), &stage))
			continue;
		out->by_stage[stage] = fh_column_int(q, 1);
		out->tenants += out->by_stage[stage];
	}
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("reading tenants"));
	fh_coverage *cov;
	size_t ncov;
	fh_status cs = fh_party_coverage(s, actor, actor->hub_id, false, &cov, &ncov, err);
	if (cs != FH_OK)
		return cs;
	if (ncov) {
		out->party_org_covered = cov[0].org;
		out->party_work_covered = cov[0].work;
		out->party_members = cov[0].members;
	}
	free(cov);

	fh_due *due;
	size_t ndue;
	fh_status ds = fh_milestone_due(s, actor, NULL, true, 0, 0, &due, &ndue, &out->overdue, err);
	if (ds != FH_OK)
		return ds;
	free(due);

	fh_occupancy *occ;
	size_t nocc;
	fh_status os = fh_occupancy_report(s, actor, NULL, 0, true, &occ, &nocc, err);
	if (os != FH_OK)
		return os;
	if (nocc) {
		out->spaces = occ[0].spaces;
		out->seats = occ[0].seats;
		out->area = occ[0].area_all;
		out->seats_used = occ[0].seats_used;
	}
	free(occ);

	fh_status qs = fh_store_stmt(
		s,
		FH_SQL_SCOPE
		"SELECT (SELECT count(*) FROM mentors WHERE kind = 'mentor' AND hub_id IN (SELECT id FROM scope)),"
		" (SELECT count(*) FROM mentors WHERE kind = 'instructor' AND hub_id IN (SELECT id FROM scope)),"
		" (SELECT count(*) FROM operators WHERE system = 0 AND hub_id IN (SELECT id FROM scope))",
		&q, err);
	if (qs != FH_OK)
		return qs;
	fh_bind_int64(q, 1, actor->hub_id);
	if ((rc = fh_step(q)) == FH_ROW) {
		out->mentors = fh_column_int(q, 0);
		out->instructors = fh_column_int(q, 1);
		out->operators = fh_column_int(q, 2);
	}
	fh_reset(q);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading mentors"));
	return FH_OK;
}

/* How many a list counts at most for the dashboard's pane: "200+" past it. */
#define WAITING_MAX 200

fh_status fh_report_waiting(fh_store *s, const fh_actor *actor, const fh_dashboard *dash, fh_waiting *out,
			    fh_error *err)
{
	memset(out, 0, sizeof *out);
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	int64_t today = fh_clock_day(fh_clock_now());
	fh_dashboard d;
	fh_status st = FH_OK;
	if (dash)
		d = *dash;
	else if ((st = fh_report_dashboard(s, actor, &d, err)) != FH_OK)
		return st;
	out->review = d.by_stage[FH_STAGE_REVIEWING];
	if ((st = fh_tenant_past_term(s, actor, today, &out->graduations, err)) != FH_OK)
		return st;
	/* the overdue count holds the tenants past their planned end too */
	out->milestones_late = d.overdue > out->graduations ? d.overdue - out->graduations : 0;
	fh_booking *b;
	size_t n;
	fh_booking_filter bf = { .pending = true, .from = today };
	if ((st = fh_booking_list(s, actor, &bf, &b, &n, err)) != FH_OK)
		return st;
	free(b);
	out->bookings = (int)n;
	fh_allocation *al;
	fh_allocation_filter af = { .which = FH_ALLOC_HANDOVER };
	if ((st = fh_allocation_list(s, actor, &af, &al, &n, err)) != FH_OK)
		return st;
	free(al);
	out->handovers = (int)n;
	fh_party_row *pr;
	if ((st = fh_party_list(s, actor, 0, FH_PL_SYNC_GAPS, WAITING_MAX, &pr, &n, &out->sync_more, err)) != FH_OK)
		return st;
	free(pr);
	out->sync_late = (int)n;
	return FH_OK;
}
