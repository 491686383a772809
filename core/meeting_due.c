/* fuhua core — the day each branch's next meeting of each kind is due,
 * kept as branches, meetings and the hubs' months are written.
 *
 * A branch is a tenant's own (its party organisation a branch, the tenant
 * in incubation) or a joint branch. For each and each kind, meeting_due
 * keeps the day the branch was founded (since), the last meeting held
 * (last, 0: none) and the hub's months for the kind; the day the next is
 * due is a column SQLite computes from them (the months added to the last,
 * or to the founding, a month's end kept: 01-31 + 1 month is 02-28, as
 * fh_clock_add_months). Triggers keep the rows in the transaction of every
 * write to their sources, so the branches behind today are the rows of an
 * index, most behind first, and a city's first page is read without
 * looking at its hundred thousand branches. Beside them, meeting_tally
 * keeps the meetings held per hub, year and kind with their attendance,
 * for the totals. `fuhua check` recounts both. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/meeting.h"
#include "i18n.h"
#include "meeting_int.h"
#include "store_int.h"

/* clang-format off */
/* Midnight in China of the day epoch second x falls on, in SQL. */
#define DAY_OF(x) "(unixepoch(date(" x ", 'unixepoch', '+8 hours')) - 28800)"
/* Day d plus m months, a month's end kept, in SQL. */
#define ADD_MONTHS(d, m) \
	"(unixepoch(min(date(" d ", 'unixepoch', '+8 hours', '+' || " m " || ' months')," \
	" date(" d ", 'unixepoch', '+8 hours', 'start of month', '+' || (" m " + 1) || ' months', '-1 day')))" \
	" - 28800)"
/* Whether tenant t has a branch of its own the meetings count. */
#define OWN_BRANCH(t) "(" t ".party_org = 'branch' AND " t ".stage = 'incubating')"
/* When a tenant's branch (t) or a joint branch (b) was founded. */
#define SINCE_TENANT(t) \
	DAY_OF("ifnull(coalesce((SELECT unixepoch(p.founded) - 28800 FROM party p" \
	       " WHERE p.tenant_id = " t ".id), " t ".admitted_on, " t ".stage_since), 0)")
#define SINCE_BRANCH(b) DAY_OF("ifnull(coalesce(unixepoch(" b ".founded) - 28800, " b ".updated_at), 0)")
/* The hub's months for kind k: its meeting_months, else the default. */
#define MONTHS(hub, k) \
	"coalesce((SELECT json_extract('[' || h.meeting_months || ']', '$[' || mi.idx || ']')" \
	" FROM hubs h, meeting_kinds mi WHERE h.id = " hub " AND mi.kind = " k ")," \
	" (SELECT mi.months FROM meeting_kinds mi WHERE mi.kind = " k "))"
/* The last meeting of kind k held by a tenant's branch or a joint one. */
#define LAST(who, id, k) \
	"coalesce((SELECT max(on_day) FROM meetings m WHERE m." who " = " id " AND m.kind = " k "), 0)"
/* The rows of tenant t's branch, and of joint branch b (more: the table
 * they are read from, when not a trigger's row). */
#define ROWS_TENANT(t, more) \
	"SELECT " t ".id AS tenant_id, 0 AS branch_id, mk.kind, " t ".hub_id, " SINCE_TENANT(t) "," \
	" " LAST("tenant_id", t ".id", "mk.kind") ", " MONTHS(t ".hub_id", "mk.kind") \
	" FROM meeting_kinds mk" more " WHERE " OWN_BRANCH(t)
#define ROWS_BRANCH(b, more) \
	"SELECT 0 AS tenant_id, " b ".id AS branch_id, mk.kind, " b ".hub_id, " SINCE_BRANCH(b) "," \
	" " LAST("branch_id", b ".id", "mk.kind") ", " MONTHS(b ".hub_id", "mk.kind") \
	" FROM meeting_kinds mk" more " WHERE 1"
#define UPSERT \
	" ON CONFLICT DO UPDATE SET hub_id = excluded.hub_id, since = excluded.since, last = excluded.last," \
	" months = excluded.months;"
#define COLUMNS "tenant_id, branch_id, kind, hub_id, since, last, months"
/* The year (in China) of meeting day d. */
#define YEAR_OF(d) "CAST(strftime('%Y', " d ", 'unixepoch', '+8 hours') AS INTEGER)"
/* The meetings held per hub, year and kind, and their attendance. */
#define HELD_RECOUNT \
	"SELECT hub_id, " YEAR_OF("on_day") " AS year, kind, count(*), sum(attendance) FROM meetings GROUP BY 1, 2, 3"
#define HELD(sign, m) \
	" INSERT INTO meeting_tally VALUES(" m ".hub_id, " YEAR_OF(m ".on_day") ", " m ".kind, " sign "1," \
	" " sign m ".attendance) ON CONFLICT DO UPDATE SET n = n + excluded.n," \
	" attendance = attendance + excluded.attendance;"
/* Every row counted from the branches, the meetings and the hubs. */
#define RECOUNT ROWS_TENANT("t", ", tenants t") " UNION ALL " ROWS_BRANCH("b", ", party_branches b")

const char fh_meeting_due_step[] =
	"CREATE TABLE meeting_kinds(kind TEXT PRIMARY KEY, idx INTEGER NOT NULL, months INTEGER NOT NULL) STRICT;"
	"CREATE TABLE meeting_due(tenant_id INTEGER NOT NULL, branch_id INTEGER NOT NULL, kind TEXT NOT NULL,"
	" hub_id INTEGER NOT NULL, since INTEGER NOT NULL, last INTEGER NOT NULL, months INTEGER NOT NULL,"
	" due INTEGER AS (CASE WHEN months > 0 THEN "
	ADD_MONTHS("CASE WHEN last > 0 THEN last ELSE since END", "months") " END) STORED,"
	" PRIMARY KEY(tenant_id, branch_id, kind)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX meeting_due_hub ON meeting_due(hub_id, due);"
	"CREATE INDEX meeting_due_day ON meeting_due(due, hub_id);"
	"CREATE TRIGGER meeting_due_ti AFTER INSERT ON tenants WHEN " OWN_BRANCH("new") " BEGIN"
	" INSERT INTO meeting_due(" COLUMNS ") " ROWS_TENANT("new", "") UPSERT " END;"
	"CREATE TRIGGER meeting_due_td AFTER DELETE ON tenants BEGIN"
	" DELETE FROM meeting_due WHERE tenant_id = old.id AND branch_id = 0; END;"
	"CREATE TRIGGER meeting_due_tu AFTER UPDATE OF party_org, stage, hub_id, admitted_on, stage_since ON tenants"
	" WHEN " OWN_BRANCH("old") " OR " OWN_BRANCH("new") " BEGIN"
	" DELETE FROM meeting_due WHERE tenant_id = new.id AND branch_id = 0 AND NOT " OWN_BRANCH("new") ";"
	" INSERT INTO meeting_due(" COLUMNS ") " ROWS_TENANT("new", "") UPSERT " END;"
	"CREATE TRIGGER meeting_due_pi AFTER INSERT ON party BEGIN"
	" UPDATE meeting_due SET since = (SELECT " SINCE_TENANT("t") " FROM tenants t WHERE t.id = new.tenant_id)"
	"  WHERE tenant_id = new.tenant_id AND branch_id = 0; END;"
	"CREATE TRIGGER meeting_due_pu AFTER UPDATE OF founded ON party BEGIN"
	" UPDATE meeting_due SET since = (SELECT " SINCE_TENANT("t") " FROM tenants t WHERE t.id = new.tenant_id)"
	"  WHERE tenant_id = new.tenant_id AND branch_id = 0; END;"
	"CREATE TRIGGER meeting_due_pd AFTER DELETE ON party BEGIN"
	" UPDATE meeting_due SET since = (SELECT " SINCE_TENANT("t") " FROM tenants t WHERE t.id = old.tenant_id)"
	"  WHERE tenant_id = old.tenant_id AND branch_id = 0; END;"
	"CREATE TRIGGER meeting_due_bi AFTER INSERT ON party_branches BEGIN"
	" INSERT INTO meeting_due(" COLUMNS ") " ROWS_BRANCH("new", "") UPSERT " END;"
	"CREATE TRIGGER meeting_due_bu AFTER UPDATE OF hub_id, founded, updated_at ON party_branches BEGIN"
	" INSERT INTO meeting_due(" COLUMNS ") " ROWS_BRANCH("new", "") UPSERT " END;"
	"CREATE TRIGGER meeting_due_bd AFTER DELETE ON party_branches BEGIN"
	" DELETE FROM meeting_due WHERE tenant_id = 0 AND branch_id = old.id; END;"
	"CREATE TABLE meeting_tally(hub_id INTEGER NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL,"
	" n INTEGER NOT NULL, attendance INTEGER NOT NULL, PRIMARY KEY(hub_id, year, kind)) STRICT, WITHOUT ROWID;"
	"INSERT INTO meeting_tally " HELD_RECOUNT ";"
	"CREATE TRIGGER meeting_due_mi AFTER INSERT ON meetings BEGIN"
	" UPDATE meeting_due SET last = max(last, new.on_day) WHERE tenant_id = ifnull(new.tenant_id, 0)"
	"  AND branch_id = ifnull(new.branch_id, 0) AND kind = new.kind;" HELD("", "new") " END;"
	"CREATE TRIGGER meeting_due_md AFTER DELETE ON meetings BEGIN"
	" UPDATE meeting_due SET last = coalesce((SELECT max(on_day) FROM meetings m"
	"  WHERE m.tenant_id IS old.tenant_id AND m.branch_id IS old.branch_id AND m.kind = old.kind), 0)"
	"  WHERE tenant_id = ifnull(old.tenant_id, 0) AND branch_id = ifnull(old.branch_id, 0) AND kind = old.kind;"
	HELD("-", "old") " END;"
	"CREATE TRIGGER meeting_due_mu AFTER UPDATE OF tenant_id, branch_id, kind, on_day, hub_id, attendance"
	" ON meetings BEGIN"
	" UPDATE meeting_due SET last = coalesce((SELECT max(on_day) FROM meetings m"
	"  WHERE m.tenant_id IS old.tenant_id AND m.branch_id IS old.branch_id AND m.kind = old.kind), 0)"
	"  WHERE tenant_id = ifnull(old.tenant_id, 0) AND branch_id = ifnull(old.branch_id, 0) AND kind = old.kind;"
	" UPDATE meeting_due SET last = max(last, new.on_day) WHERE tenant_id = ifnull(new.tenant_id, 0)"
	"  AND branch_id = ifnull(new.branch_id, 0) AND kind = new.kind;" HELD("-", "old") HELD("", "new") " END;"
	"CREATE TRIGGER meeting_due_hu AFTER UPDATE OF meeting_months ON hubs BEGIN"
	" UPDATE meeting_due SET months = " MONTHS("new.id", "meeting_due.kind") " WHERE hub_id = new.id; END;";
/* clang-format on */

fh_status fh_meeting_due_fill(fh_store *s, fh_error *err)
{
	/* the kinds and their default months, from the rules' defaults */
	fh_meeting_rules r;
	fh_meeting_rules_defaults(&r);
	fh_status st = FH_OK;
	for (int k = 0; st == FH_OK && k < FH_MEETING_KIND_COUNT; k++) {
		fh_stmt *q;
		if ((st = fh_store_stmt(s, "INSERT OR REPLACE INTO meeting_kinds VALUES(?1, ?2, ?3)", &q, err)) !=
		    FH_OK)
			break;
		fh_bind_str(q, 1, fh_meeting_kind_name((fh_meeting_kind)k));
		fh_bind_int(q, 2, k);
		fh_bind_int(q, 3, r.months[k]);
		st = fh_store_done(s, q, _("saving the meetings' kinds"), err);
	}
	if (st == FH_OK &&
	    fh_store_exec(s, "DELETE FROM meeting_due; INSERT INTO meeting_due(" COLUMNS ") " RECOUNT ";", NULL) !=
		    FH_OK)
		st = fh_store_fail(s, err, _("counting the meetings due"));
	return st;
}

fh_status fh_meeting_due_check(fh_store *s, fh_check_report *rep, fh_error *err)
{
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(s,
			      "SELECT tenant_id, branch_id FROM (SELECT * FROM (" RECOUNT ") EXCEPT SELECT " COLUMNS
			      " FROM meeting_due UNION ALL SELECT * FROM (SELECT " COLUMNS
			      " FROM meeting_due EXCEPT SELECT * FROM (" RECOUNT "))) GROUP BY 1, 2",
			      &q, err);
	if (st != FH_OK)
		return st;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (fh_column_int64(q, 0))
			fh_check_add(rep, _("tenant %lld's branch: the meetings due kept do not match its meetings"),
				     (long long)fh_column_int64(q, 0));
		else
			fh_check_add(rep, _("joint branch %lld: the meetings due kept do not match its meetings"),
				     (long long)fh_column_int64(q, 1));
	}
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("checking meetings"));
	return fh_check_kept(s, rep, "meeting_tally", "n != 0", HELD_RECOUNT,
			     _("meetings of hub %lld in %lld: the kept totals do not match the meetings"),
			     _("checking meetings"), err);
}

/* The branches behind, most first: a hub's own from its rows in the order
 * of their days due; a scope of several hubs walking the days due of all,
 * each row's hub read from the index, so that the first page is the first
 * rows whatever the scope's size — never every branch behind sorted. */
#define BEHIND(index, hub)                                                                                    \
	FH_SQL_SCOPE "SELECT d.tenant_id, d.branch_id, coalesce(t.name, b.name, ''), h.code, d.kind, d.last," \
		     " d.due FROM meeting_due d INDEXED BY " index " JOIN hubs h ON h.id = d.hub_id"          \
		     " LEFT JOIN tenants t ON d.tenant_id != 0 AND t.id = d.tenant_id"                        \
		     " LEFT JOIN party_branches b ON d.branch_id != 0 AND b.id = d.branch_id"                 \
		     " WHERE d.due < ?2 AND " hub " ORDER BY d.due, 3 LIMIT ?3"

fh_status fh_meeting_due_behind(fh_store *s, int64_t hub, int64_t day, int limit,
				void (*each)(void *ctx, const fh_meeting_behind *b), void *ctx, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT EXISTS(SELECT 1 FROM hubs WHERE parent_id = ?1)", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	int rc = fh_step(q);
	bool several = rc == FH_ROW && fh_column_int(q, 0);
	fh_reset(q);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading meetings"));
	if ((st = fh_store_stmt(s,
				several ? BEHIND("meeting_due_day", "d.hub_id IN (SELECT id FROM scope)")
					: BEHIND("meeting_due_hub", "d.hub_id = ?1"),
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, day);
	fh_bind_int(q, 3, limit > 0 ? limit : -1);
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_meeting_behind b = { .tenant_id = fh_column_int64(q, 0),
					.branch_id = fh_column_int64(q, 1),
					.last = fh_column_int64(q, 5),
					.due = fh_column_int64(q, 6) };
		fh_column_text(q, 2, b.branch, sizeof b.branch);
		fh_column_text(q, 3, b.hub_code, sizeof b.hub_code);
		if (!fh_meeting_kind_parse(fh_column_str(q, 4), &b.kind))
			continue;
		b.days = (int)((day - b.due) / 86400);
		each(ctx, &b);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading meetings"));
}

fh_status fh_meeting_due_counts(fh_store *s, int64_t hub, int64_t day, int year,
				void (*each)(void *ctx, const char *hub_code, int what, int64_t n, int64_t m),
				void *ctx, fh_error *err)
{
	/* per hub of the scope, every one: its branches (its rows of one kind:
	 * a branch has a row of each), those behind in some kind on `day`, and
	 * the year's meetings kept per kind */
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		FH_SQL_SCOPE "SELECT h.code, -1, (SELECT count(*) FROM meeting_due d INDEXED BY meeting_due_hub"
			     "  WHERE d.hub_id = scope.id AND d.kind = (SELECT kind FROM meeting_kinds WHERE idx = 0)),"
			     " (SELECT count(DISTINCT d.tenant_id * 4294967296 + d.branch_id) FROM meeting_due d"
			     "  INDEXED BY meeting_due_hub WHERE d.hub_id = scope.id AND d.due < ?2)"
			     " FROM scope JOIN hubs h ON h.id = scope.id"
			     " UNION ALL SELECT h.code, mk.idx, x.n, x.attendance FROM scope"
			     " JOIN meeting_tally x ON x.hub_id = scope.id AND x.year = ?3"
			     " JOIN meeting_kinds mk ON mk.kind = x.kind JOIN hubs h ON h.id = x.hub_id",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, day);
	fh_bind_int(q, 3, year);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW)
		each(ctx, fh_column_str(q, 0), fh_column_int(q, 1), fh_column_int64(q, 2), fh_column_int64(q, 3));
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading meetings"));
}
