/* fuhua core — reports. */
#include "fuhua/report.h"

#include <stdlib.h>
#include <string.h>

#include "fuhua/party.h"
#include "i18n.h"
#include "store_int.h"

fh_status fh_report_dashboard(fh_store *s, const fh_actor *actor, fh_dashboard *out,
			      fh_error *err)
{
	memset(out, 0, sizeof *out);
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	/* tenants by stage from the counts the database maintains (party.c) */
	sqlite3_stmt *q;
	fh_status q_rc = fh_store_stmt(s, FH_SQL_SCOPE
		"SELECT stage, sum(n) FROM party_tally WHERE hub_id IN (SELECT id FROM scope)"
		" GROUP BY stage", &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	sqlite3_bind_int64(q, 1, actor->hub_id);
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		fh_stage stage;
		if (!fh_stage_parse((const char *)sqlite3_column_text(q, 0), &stage))
			continue;
		out->by_stage[stage] = sqlite3_column_int(q, 1);
		out->tenants += out->by_stage[stage];
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE)
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

	fh_status qs = fh_store_stmt(s, FH_SQL_SCOPE
		"SELECT (SELECT count(*) FROM spaces WHERE retired = 0 AND hub_id IN (SELECT id FROM scope)),"
		" (SELECT coalesce(sum(seats), 0) FROM spaces WHERE retired = 0 AND type IN ('office','desk')"
	"   AND hub_id IN (SELECT id FROM scope)),"
		" (SELECT coalesce(sum(area), 0) FROM spaces WHERE retired = 0 AND hub_id IN (SELECT id FROM scope)),"
		" (SELECT coalesce(sum(a.seats), 0) FROM allocations a JOIN spaces sp ON sp.id = a.space_id"
		"   WHERE a.end_on IS NULL AND sp.hub_id IN (SELECT id FROM scope)),"
		" (SELECT count(*) FROM mentors WHERE kind = 'mentor' AND hub_id IN (SELECT id FROM scope)),"
		" (SELECT count(*) FROM mentors WHERE kind = 'instructor' AND hub_id IN (SELECT id FROM scope)),"
		" (SELECT count(*) FROM operators WHERE system = 0 AND hub_id IN (SELECT id FROM scope))", &q, err);
	if (qs != FH_OK)
		return qs;
	sqlite3_bind_int64(q, 1, actor->hub_id);
	if ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		out->spaces = sqlite3_column_int(q, 0);
		out->seats = sqlite3_column_int(q, 1);
		out->area = sqlite3_column_double(q, 2);
		out->seats_used = sqlite3_column_int(q, 3);
		out->mentors = sqlite3_column_int(q, 4);
		out->instructors = sqlite3_column_int(q, 5);
		out->operators = sqlite3_column_int(q, 6);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_ROW)
		return fh_store_fail(s, err, _("reading spaces"));
	return FH_OK;
}
