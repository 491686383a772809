/* fuhua core — each year's inspection of a registered tenant, with the
 * party track's annual check closed by its party-building report
 * (inspection.h). */
#include "fuhua/inspection.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "inspection_int.h"
#include "store_int.h"

static const char *const result_names[FH_INSPECTION_RESULT_COUNT][2] = {
	{ "passed", "合格" },
	{ "basic", "基本合格" },
	{ "failed", "不合格" },
	{ "absent", "未参检" },
};

const char *fh_inspection_result_name(fh_inspection_result r)
{
	return (unsigned)r < FH_INSPECTION_RESULT_COUNT ? result_names[r][0] : NULL;
}

bool fh_inspection_result_parse(const char *text, fh_inspection_result *out)
{
	int i = fh_word_find(result_names, FH_INSPECTION_RESULT_COUNT, text);
	if (i < 0)
		return false;
	*out = (fh_inspection_result)i;
	return true;
}

/* clang-format off */
/* Whether tenant t (new, old or a table's name) is due an inspection from
 * the year it was admitted on: registered, incubating or graduated. */
#define DUE(t) \
	"(" t ".reg_state = 'registered' AND " t ".stage IN ('incubating', 'graduated')" \
	" AND " t ".admitted_on IS NOT NULL)"
#define ADMITTED_YEAR(t) "CAST(strftime('%Y', " t ".admitted_on, 'unixepoch', '+8 hours') AS INTEGER)"
/* Whether inspection x is one tenant t was due at the hub that recorded it. */
#define COVERED(t, x) "(" DUE(t) " AND " t ".hub_id = " x ".hub_id AND " ADMITTED_YEAR(t) " <= " x ".year)"
/* The kept counts counted from the tenants and from the inspections, in
 * the tallies' column order. */
#define DUE_RECOUNT \
	"SELECT hub_id, " ADMITTED_YEAR("tenants") " AS year, count(*) FROM tenants" \
	" WHERE " DUE("tenants") " GROUP BY 1, 2"
#define INSPECTION_RECOUNT \
	"SELECT x.hub_id AS hub_id, x.year AS year, x.result, x.party_report," \
	" coalesce((SELECT " COVERED("t", "x") " FROM tenants t WHERE t.id = x.tenant_id), 0) AS covered," \
	" count(*) FROM inspections x GROUP BY 1, 2, 3, 4, 5"
/* Moves tenant new.id's inspections between covered (to "1") and not
 * (to "0") as the tenant's record changed, old → new: a statement of a
 * trigger. */
#define COVER_MOVES(to) \
	" INSERT INTO inspection_tally SELECT hub_id, year, result, party_report, " to ", (" to " * 2 - 1) * c" \
	" FROM (SELECT x.*, " COVERED("new", "x") " - " COVERED("old", "x") " AS c FROM inspections x" \
	"  WHERE x.tenant_id = new.id) WHERE c != 0 ON CONFLICT DO UPDATE SET n = n + excluded.n;"

const char *const fh_inspection_schema[] = {
	/* 1: a tenant's inspection of a year */
	"CREATE TABLE inspections(id INTEGER PRIMARY KEY,"
	" tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), year INTEGER NOT NULL, filed_on INTEGER,"
	" result TEXT NOT NULL CHECK(result IN ('passed', 'basic', 'failed', 'absent')),"
	" party_report INTEGER NOT NULL CHECK(party_report IN (0, 1)), late INTEGER NOT NULL, note TEXT NOT NULL,"
	" version INTEGER NOT NULL DEFAULT 1, updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" CHECK((result = 'absent') = (filed_on IS NULL)), UNIQUE(tenant_id, year)) STRICT;"
	"CREATE INDEX inspections_hub ON inspections(hub_id, year);"
	/* the tenants due, counted from an index alone */
	"CREATE INDEX tenants_inspected ON tenants(hub_id, reg_state, stage, admitted_on);"
	"CREATE TRIGGER changes_inspections_i AFTER INSERT ON inspections BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;"
	"CREATE TRIGGER changes_inspections_u AFTER UPDATE ON inspections BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;",
	/* 2: the counts kept as tenants and inspections are written: the
	 * tenants due per hub and year of admission (due every year from it
	 * on), and the inspections per hub, year, result and report, apart
	 * those of a tenant due at that hub (covered) and others */
	"CREATE TABLE inspection_due(hub_id INTEGER NOT NULL, year INTEGER NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY(hub_id, year)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE inspection_tally(hub_id INTEGER NOT NULL, year INTEGER NOT NULL, result TEXT NOT NULL,"
	" party_report INTEGER NOT NULL, covered INTEGER NOT NULL, n INTEGER NOT NULL,"
	" PRIMARY KEY(hub_id, year, result, party_report, covered)) STRICT, WITHOUT ROWID;"
	"INSERT INTO inspection_due " DUE_RECOUNT ";"
	"INSERT INTO inspection_tally " INSPECTION_RECOUNT ";"
	"CREATE TRIGGER inspection_due_ai AFTER INSERT ON tenants WHEN " DUE("new") " BEGIN"
	" INSERT INTO inspection_due VALUES(new.hub_id, " ADMITTED_YEAR("new") ", 1)"
	"  ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER inspection_due_ad AFTER DELETE ON tenants WHEN " DUE("old") " BEGIN"
	" UPDATE inspection_due SET n = n - 1 WHERE hub_id = old.hub_id AND year = " ADMITTED_YEAR("old") "; END;"
	"CREATE TRIGGER inspection_due_au AFTER UPDATE OF hub_id, reg_state, stage, admitted_on ON tenants"
	" WHEN " DUE("old") " IS NOT " DUE("new") " OR (" DUE("new") " AND (old.hub_id != new.hub_id"
	"  OR old.admitted_on != new.admitted_on)) BEGIN"
	" UPDATE inspection_due SET n = n - 1 WHERE " DUE("old") " AND hub_id = old.hub_id"
	"  AND year = " ADMITTED_YEAR("old") ";"
	" INSERT INTO inspection_due SELECT new.hub_id, " ADMITTED_YEAR("new") ", 1 WHERE " DUE("new")
	"  ON CONFLICT DO UPDATE SET n = n + 1;"
	COVER_MOVES("1") COVER_MOVES("0") " END;"
	"CREATE TRIGGER inspection_tally_ai AFTER INSERT ON inspections BEGIN"
	" INSERT INTO inspection_tally VALUES(new.hub_id, new.year, new.result, new.party_report,"
	"  coalesce((SELECT " COVERED("t", "new") " FROM tenants t WHERE t.id = new.tenant_id), 0), 1)"
	"  ON CONFLICT DO UPDATE SET n = n + 1; END;"
	"CREATE TRIGGER inspection_tally_ad AFTER DELETE ON inspections BEGIN"
	" UPDATE inspection_tally SET n = n - 1 WHERE hub_id = old.hub_id AND year = old.year"
	"  AND result = old.result AND party_report = old.party_report"
	"  AND covered = coalesce((SELECT " COVERED("t", "old") " FROM tenants t WHERE t.id = old.tenant_id), 0); END;"
	"CREATE TRIGGER inspection_tally_au AFTER UPDATE OF tenant_id, hub_id, year, result, party_report"
	" ON inspections BEGIN"
	" UPDATE inspection_tally SET n = n - 1 WHERE hub_id = old.hub_id AND year = old.year"
	"  AND result = old.result AND party_report = old.party_report"
	"  AND covered = coalesce((SELECT " COVERED("t", "old") " FROM tenants t WHERE t.id = old.tenant_id), 0);"
	" INSERT INTO inspection_tally VALUES(new.hub_id, new.year, new.result, new.party_report,"
	"  coalesce((SELECT " COVERED("t", "new") " FROM tenants t WHERE t.id = new.tenant_id), 0), 1)"
	"  ON CONFLICT DO UPDATE SET n = n + 1; END;",
	NULL,
};
/* clang-format on */

/* Midnight of month*100+day (mmdd) of year y. */
static int64_t year_day(int y, int mmdd)
{
	char d[40];
	snprintf(d, sizeof d, "%04d-%02d-%02d", y, mmdd / 100 % 100, mmdd % 100);
	return fh_date_epoch(d);
}

/* The party track's annual check of tenant `t` for the filing's year:
 * opened if it was not, then done on the filing day. */
static fh_status close_annual(fh_store *s, const fh_actor *actor, int64_t t, int64_t filed_on, fh_error *err)
{
	int opened;
	fh_status st = fh_party_event(s, actor, t, FH_EVENT_ANNUAL, filed_on, &opened, err);
	if (st != FH_OK)
		return st;
	fh_sync_item *items;
	size_t n;
	if ((st = fh_party_sync_list(s, actor, t, &items, &n, err)) != FH_OK)
		return st;
	char y[16];
	fh_clock_format_date(filed_on, y, sizeof y);
	int year = atoi(y);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		char e[16];
		fh_clock_format_date(items[i].event_on, e, sizeof e);
		if (items[i].kind == FH_SYNC_REPORT && items[i].event == FH_EVENT_ANNUAL && !items[i].done_on &&
		    atoi(e) == year && items[i].event_on <= filed_on)
			st = fh_party_sync_done(s, actor, items[i].id, filed_on, err);
	}
	free(items);
	return st;
}

static fh_status record_locked(fh_store *s, const fh_actor *actor, fh_inspection *in, int64_t *id, fh_error *err)
{
	fh_tenant t;
	fh_party_rules pr;
	fh_status st = fh_tenant_get_by_id(s, actor, in->tenant_id, &t, err);
	if (st != FH_OK || (st = fh_party_rules_load(s, t.hub_id, &pr, err)) != FH_OK)
		return st;
	if (t.reg_state != FH_REG_REGISTERED)
		return fh_error_set(err, FH_EINVAL, "tenant", _("%s is not registered: it has no inspection"), t.name);
	in->hub_id = t.hub_id;
	in->late = in->filed_on && in->filed_on > year_day(in->year + 1, pr.annual_deadline);
	fh_stmt *q;
	char old[200] = "";
	if ((st = fh_store_stmt(
		     s, "SELECT result, coalesce(filed_on, 0) FROM inspections WHERE tenant_id = ?1 AND year = ?2", &q,
		     err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, in->tenant_id);
	fh_bind_int(q, 2, in->year);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		char d[16];
		snprintf(old, sizeof old, "{\"result\":\"%s\",\"filed_on\":\"%s\"}", fh_column_str(q, 0),
			 fh_column_int64(q, 1) ? fh_clock_format_date(fh_column_int64(q, 1), d, sizeof d) : "");
	}
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE)
		return fh_store_fail(s, err, _("reading inspections"));
	if ((st = fh_store_stmt(
		     s,
		     "INSERT INTO inspections(tenant_id, hub_id, year, filed_on, result, party_report, late, note,"
		     " updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
		     " ON CONFLICT(tenant_id, year) DO UPDATE SET hub_id = excluded.hub_id,"
		     " filed_on = excluded.filed_on, result = excluded.result,"
		     " party_report = excluded.party_report, late = excluded.late, note = excluded.note,"
		     " version = version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, in->tenant_id);
	fh_bind_int64(q, 2, in->hub_id);
	fh_bind_int(q, 3, in->year);
	if (in->filed_on)
		fh_bind_int64(q, 4, in->filed_on);
	fh_bind_str(q, 5, fh_inspection_result_name(in->result));
	fh_bind_int(q, 6, in->party_report);
	fh_bind_int(q, 7, in->late);
	fh_bind_str(q, 8, in->note);
	fh_bind_int64(q, 9, fh_clock_now());
	fh_bind_str(q, 10, actor->name);
	if ((st = fh_store_done(s, q, _("saving the inspection"), err)) != FH_OK ||
	    (st = fh_store_stmt(s, "SELECT id FROM inspections WHERE tenant_id = ?1 AND year = ?2", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, in->tenant_id);
	fh_bind_int(q, 2, in->year);
	rc = fh_step(q);
	*id = rc == FH_ROW ? fh_column_int64(q, 0) : 0;
	fh_reset(q);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading inspections"));
	char nb[200], d[16];
	snprintf(nb, sizeof nb, "{\"year\":%d,\"result\":\"%s\",\"filed_on\":\"%s\",\"party_report\":%s}", in->year,
		 fh_inspection_result_name(in->result),
		 in->filed_on ? fh_clock_format_date(in->filed_on, d, sizeof d) : "",
		 in->party_report ? "true" : "false");
	if ((st = fh_audit_write(s, actor, in->hub_id, "tenant", in->tenant_id, "inspection", old[0] ? old : NULL, nb,
				 err)) != FH_OK)
		return st;
	return in->party_report && in->filed_on ? close_annual(s, actor, in->tenant_id, in->filed_on, err) : FH_OK;
}

fh_status fh_inspection_record(fh_store *s, const fh_actor *actor, const fh_inspection *in, int64_t *id, fh_error *err)
{
	fh_inspection x = *in;
	char d[16];
	int this_year = atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d));
	fh_status st = fh_text_field_take(x.note, sizeof x.note, 60, in->note, false, false, "note", err);
	if (st != FH_OK)
		return st;
	if ((unsigned)x.result >= FH_INSPECTION_RESULT_COUNT)
		return fh_error_set(err, FH_EINVAL, "result", "%s", _("passed, basic, failed or absent"));
	if (x.year < 2000 || x.year >= this_year)
		return fh_error_set(err, FH_EINVAL, "year", _("a year from 2000 to %d (the year inspected)"),
				    this_year - 1);
	x.filed_on = x.result == FH_INSPECTION_ABSENT ? 0 : fh_clock_day(x.filed_on);
	if (x.result == FH_INSPECTION_ABSENT && x.party_report)
		return fh_error_set(err, FH_EINVAL, "party_report", "%s",
				    _("no report goes with an inspection not filed"));
	if (x.result != FH_INSPECTION_ABSENT) {
		if (!x.filed_on)
			return fh_error_set(err, FH_EINVAL, "filed_on", "%s", _("is needed"));
		if (x.filed_on > fh_clock_day(fh_clock_now()))
			return fh_error_set(err, FH_EINVAL, "filed_on", "%s", _("is in the future"));
		if (x.filed_on < year_day(x.year + 1, 101))
			return fh_error_set(err, FH_EINVAL, "filed_on", _("the %d inspection is filed after %d ends"),
					    x.year, x.year);
	}
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, record_locked(s, actor, &x, id, err), err);
}

static void inspection_read(fh_stmt *q, void *row)
{
	fh_inspection *x = row;
	memset(x, 0, sizeof *x);
	x->id = fh_column_int64(q, 0);
	x->tenant_id = fh_column_int64(q, 1);
	x->hub_id = fh_column_int64(q, 2);
	fh_column_text(q, 3, x->tenant, sizeof x->tenant);
	fh_column_text(q, 4, x->hub_code, sizeof x->hub_code);
	x->year = fh_column_int(q, 5);
	x->filed_on = fh_column_int64(q, 6);
	fh_inspection_result_parse(fh_column_str(q, 7), &x->result);
	x->party_report = fh_column_int(q, 8);
	x->late = fh_column_int(q, 9);
	fh_column_text(q, 10, x->note, sizeof x->note);
}

fh_status fh_inspection_list(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t tenant, int year,
			     fh_inspection **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT x.id, x.tenant_id, x.hub_id, t.name, h.code, x.year, coalesce(x.filed_on, 0),"
				" x.result, x.party_report, x.late, x.note FROM inspections x"
				" JOIN tenants t ON t.id = x.tenant_id JOIN hubs h ON h.id = x.hub_id"
				" WHERE x.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR x.tenant_id = ?2)"
				" AND (?3 = 0 OR x.year = ?3) ORDER BY h.code, t.name, x.year DESC",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, tenant);
	fh_bind_int(q, 3, year);
	return fh_store_rows(s, q, rows, n, sizeof **rows, inspection_read, _("reading inspections"), err);
}

static double percent(int part, int whole)
{
	return whole ? 100.0 * part / whole : 0;
}

static void total_read(fh_stmt *q, void *row)
{
	fh_inspection_total *t = row;
	memset(t, 0, sizeof *t);
	fh_column_text(q, 0, t->hub_code, sizeof t->hub_code);
	t->due = fh_column_int(q, 1);
	for (int i = 0; i < FH_INSPECTION_RESULT_COUNT; i++)
		t->by_result[i] = fh_column_int(q, 2 + i);
	t->with_report = fh_column_int(q, 6);
	t->filed = t->due - t->by_result[FH_INSPECTION_ABSENT];
	t->participation = percent(t->filed, t->due);
	t->pass_rate = percent(t->by_result[FH_INSPECTION_PASSED], t->filed);
}

fh_status fh_inspection_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int year,
			       fh_inspection_total **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	if (year < 2000 || year > 2100)
		return fh_error_set(err, FH_EINVAL, "year", "%s", _("a year from 2000 to 2100"));
	/* from the kept counts: the tenants due (admitted by the year's end),
	 * those of them recorded, and the others recorded at the hub; the
	 * due with nothing recorded are absent */
	if ((st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     ", due AS (SELECT d.hub_id AS hub, sum(d.n) AS n FROM scope"
		     "  JOIN inspection_due d ON d.hub_id = scope.id AND d.year <= ?2 GROUP BY 1),"
		     " rec AS (SELECT x.hub_id AS hub, sum(x.n * (x.result = 'passed')) AS passed,"
		     "  sum(x.n * (x.result = 'basic')) AS basic, sum(x.n * (x.result = 'failed')) AS failed,"
		     "  sum(x.n * (x.result = 'absent')) AS absent, sum(x.n * x.party_report) AS rep,"
		     "  sum(x.n * x.covered) AS covered, sum(x.n * (1 - x.covered)) AS others FROM scope"
		     "  JOIN inspection_tally x ON x.hub_id = scope.id AND x.year = ?2 GROUP BY 1),"
		     " hub AS (SELECT hub FROM due UNION SELECT hub FROM rec)"
		     " SELECT h.code, ifnull(due.n, 0) + ifnull(rec.others, 0), ifnull(rec.passed, 0),"
		     " ifnull(rec.basic, 0), ifnull(rec.failed, 0),"
		     " ifnull(rec.absent, 0) + ifnull(due.n, 0) - ifnull(rec.covered, 0), ifnull(rec.rep, 0)"
		     " FROM hub JOIN hubs h ON h.id = hub.hub LEFT JOIN due ON due.hub = hub.hub"
		     " LEFT JOIN rec ON rec.hub = hub.hub"
		     " WHERE ifnull(due.n, 0) + ifnull(rec.others, 0) > 0 ORDER BY h.code",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, year);
	return fh_store_rows(s, q, rows, n, sizeof **rows, total_read, _("reading inspections"), err);
}

fh_status fh_inspection_check(fh_store *s, fh_check_report *rep, fh_error *err)
{
	fh_status st = fh_check_kept(
		s, rep, "inspection_due", "n != 0", DUE_RECOUNT,
		_("hub %lld, tenants admitted in %lld: the kept count due an inspection is not the tenants'"),
		_("checking inspections"), err);
	if (st != FH_OK)
		return st;
	return fh_check_kept(s, rep, "inspection_tally", "n != 0", INSPECTION_RECOUNT,
			     _("inspections of hub %lld for %lld: the kept counts do not match the inspections"),
			     _("checking inspections"), err);
}
