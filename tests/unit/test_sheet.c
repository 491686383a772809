/* fuhua tests — sheet.h: a report as sheets — a row per hub of the scope
 * in tree order, then the total, its counts the sums and its rates of the
 * totals — the monthly report's figures against the modules' rows, and a
 * month closed: its figures kept whatever is edited after, reopened only by
 * an administrator with a reason, audited. */
#include "module.h"
#include "race.h"

#include "fuhua/activity.h"
#include "fuhua/sheet.h"

/* The sheet of d called `key` (asserted). */
static const fh_sheet *sheet(const fh_report_doc *d, const char *key)
{
	for (int i = 0; i < d->nsheets; i++)
		if (strcmp(d->sheets[i].key, key) == 0)
			return &d->sheets[i];
	fail_msg("no sheet %s", key);
	return NULL;
}

/* The figure `col` of hub `code` in sheet `key` of d. */
static double figure(const fh_report_doc *d, const char *key, const char *code, const char *col)
{
	const fh_sheet *sh = sheet(d, key);
	for (int c = 0; c < sh->ncols; c++)
		if (strcmp(sh->cols[c].key, col) == 0)
			for (size_t r = 0; r < sh->nrows; r++)
				if (code ? !sh->rows[r].total && strcmp(sh->rows[r].hub_code, code) == 0
					 : sh->rows[r].total)
					return sh->rows[r].v[c];
	fail_msg("no figure %s/%s", key, col);
	return -1;
}

/* Each count of the total the sum of the hubs', each rate of the totals. */
static void sums_hold(const fh_report_doc *d)
{
	for (int i = 0; i < d->nsheets; i++) {
		const fh_sheet *sh = &d->sheets[i];
		assert_true(sh->nrows >= 2);
		const fh_sheet_row *total = &sh->rows[sh->nrows - 1];
		assert_true(total->total);
		for (int c = 0; c < sh->ncols; c++) {
			if (sh->cols[c].cell == FH_CELL_PERCENT) {
				double part = total->v[sh->cols[c].of[0]], whole = total->v[sh->cols[c].of[1]];
				assert_true(whole <= 0 ||
					    (total->v[c] > 100 * part / whole - 1e-9 &&
					     total->v[c] < 100 * part / whole + 1e-9));
				continue;
			}
			double sum = 0;
			for (size_t r = 0; r + 1 < sh->nrows; r++)
				sum += sh->rows[r].v[c];
			assert_true(total->v[c] > sum - 1e-6 && total->v[c] < sum + 1e-6);
		}
	}
}

static int64_t served_on(const char *hub_code, const char *on, int served, const char *title)
{
	fh_error err;
	setenv("FUHUA_NOW", "2025-01-06T09:00", 1); /* admitted before the activity */
	int64_t t = admitted(hub_code, title, NULL), id;
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	fh_activity a = { .tenant_id = t, .on = day(on), .kind = FH_ACTIVITY_SERVICE, .served = served };
	snprintf(a.title, sizeof a.title, "%s", title);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_OK);
	return t;
}

MODULE_TEST("sheet.db", "2026-06-10T09:00")

/* The monthly report: a row per hub of the scope in tree order, then the
 * total — each count the sum of the hubs', each rate of the totals (never
 * an average of rates); a hub's own activities as the module counts them;
 * a street's scope its hubs alone; a month not begun refused, a month gone
 * final as of its last day. */
static void monthly_sheets(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted("ja-dn", "月报活动社", NULL);
	fh_activity a = { .tenant_id = t, .on = day("2026-06-10"), .kind = FH_ACTIVITY_SERVICE, .served = 37 };
	snprintf(a.title, sizeof a.title, "%s", "社区义诊");
	int64_t id;
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_OK);
	fh_report_doc d;
	assert_int_equal(fh_report_build(st, &sys_actor, FH_REPORT_MONTHLY, "ja", 2026, 7, &d, &err), FH_EINVAL);
	assert_string_equal(err.field, "month");
	assert_int_equal(fh_report_build(st, &sys_actor, FH_REPORT_MONTHLY, "ja", 2026, 6, &d, &err), FH_OK);
	assert_true(d.preliminary);
	assert_string_equal(d.hub_code, "ja");
	assert_true(d.nsheets >= 8);
	assert_string_equal(d.sheets[0].rows[0].hub_code, "ja");
	sums_hold(&d);
	const fh_sheet *act = sheet(&d, "activities");
	for (size_t r = 0; r + 1 < act->nrows; r++)
		if (strcmp(act->rows[r].hub_code, "ja-dn") == 0)
			assert_int_equal((int64_t)act->rows[r].v[1],
					 count_where("SELECT sum(served) FROM activities WHERE hub_id = %lld"
						     " AND on_day >= unixepoch('2026-06-01') - 28800",
						     hub("ja-dn")));
	const fh_sheet *ten = sheet(&d, "tenants");
	assert_int_equal((int64_t)ten->rows[ten->nrows - 1].v[0],
			 count_where("SELECT count(*) FROM tenants WHERE stage = 'incubating' AND hub_id IN"
				     " (SELECT id FROM hubs WHERE code GLOB 'ja*') AND %lld",
				     1));
	fh_report_doc_free(&d);
	fh_actor gh = signed_in("月报街道", FH_ROLE_MANAGER, "ja-gh");
	assert_int_equal(fh_report_build(st, &gh, FH_REPORT_MONTHLY, NULL, 2026, 5, &d, &err), FH_OK);
	assert_true(d.preliminary); /* over, but not closed */
	assert_int_equal(d.closed_on, 0);
	assert_int_equal(d.as_of, day("2026-05-31"));
	for (size_t r = 0; r + 1 < d.sheets[0].nrows; r++)
		assert_int_equal(strncmp(d.sheets[0].rows[r].hub_code, "ja-gh", 5), 0);
	fh_report_doc_free(&d);
	assert_int_equal(fh_report_build(st, &gh, FH_REPORT_MONTHLY, "ja-dn", 2026, 5, &d, &err), FH_EDENIED);
}

/* The Party-building and annual reports: the same shape; the annual report
 * takes a year, not a month; the kinds by name and back. */
static void party_and_annual(void **s)
{
	(void)s;
	fh_error err;
	fh_report_doc d;
	fh_report_kind k;
	for (int i = 0; i < FH_REPORT_KIND_COUNT; i++) {
		assert_true(fh_report_kind_parse(fh_report_kind_name((fh_report_kind)i), &k));
		assert_int_equal(k, i);
	}
	assert_false(fh_report_kind_parse("weekly", &k));
	assert_null(fh_report_kind_name(FH_REPORT_KIND_COUNT));
	served_on("ja-gh", "2025-07-01", 11, "年报活动社");
	assert_int_equal(fh_report_build(st, &sys_actor, FH_REPORT_PARTY, "ja", 2026, 6, &d, &err), FH_OK);
	sums_hold(&d);
	/* beside the published rates of the district's configuration */
	assert_int_equal(d.nrefs, 3);
	assert_string_equal(d.refs[1].name, "浙江省");
	assert_true(d.refs[1].org == 82.9 && d.refs[1].work == 100 && d.refs[0].work < 0);
	assert_int_equal((int)figure(&d, "coverage", NULL, "incubating"),
			 count_where("SELECT count(*) FROM tenants WHERE stage = 'incubating' AND hub_id IN"
				     " (SELECT id FROM hubs WHERE code GLOB 'ja*') AND %lld",
				     1));
	fh_report_doc_free(&d);
	assert_int_equal(fh_report_build(st, &sys_actor, FH_REPORT_ANNUAL, NULL, 2025, 6, &d, &err), FH_EINVAL);
	assert_string_equal(err.field, "month");
	assert_int_equal(fh_report_build(st, &sys_actor, FH_REPORT_ANNUAL, NULL, 2027, 0, &d, &err), FH_EINVAL);
	assert_string_equal(err.field, "year");
	assert_int_equal(fh_report_build(st, &sys_actor, FH_REPORT_ANNUAL, NULL, 2025, 0, &d, &err), FH_OK);
	assert_false(d.preliminary);
	assert_int_equal(d.as_of, day("2025-12-31"));
	sums_hold(&d);
	assert_int_equal((int)figure(&d, "services", "ja-gh", "served"), 11);
	assert_int_equal((int)figure(&d, "tenants", NULL, "admitted"),
			 count_where("SELECT count(*) FROM tenants WHERE admitted_on >= unixepoch('2025-01-01') - 28800"
				     " AND admitted_on < unixepoch('2026-01-01') - 28800 AND %lld",
				     1));
	fh_report_doc_free(&d);
}

/* A closed month: its report the same after an edit; closing a manager's
 * of the top hub, reopening an administrator's with a reason, audited;
 * reopened, it reads the records again; closed again, it says revised. */
static void month_closed(void **s)
{
	(void)s;
	fh_error err;
	fh_report_doc d;
	served_on("ja-dn", "2026-04-08", 20, "四月活动社");
	fh_actor street = signed_in("四月街道", FH_ROLE_MANAGER, "ja-dn");
	fh_actor top = signed_in("四月主任", FH_ROLE_MANAGER, "sh");
	assert_int_equal(fh_report_close(st, &street, 2026, 4, &err), FH_EDENIED);
	assert_int_equal(fh_report_close(st, &top, 2026, 6, &err), FH_EINVAL); /* not over */
	assert_int_equal(fh_report_close(st, &top, 2026, 4, &err), FH_OK);
	assert_int_equal(fh_report_close(st, &top, 2026, 4, &err), FH_ECONFLICT);
	served_on("ja-dn", "2026-04-09", 5, "四月补录社"); /* edited after */
	assert_int_equal(fh_report_build(st, &street, FH_REPORT_MONTHLY, NULL, 2026, 4, &d, &err), FH_OK);
	assert_false(d.preliminary);
	assert_true(d.closed_on > 0);
	assert_int_equal(d.revised_on, 0);
	assert_int_equal((int)figure(&d, "activities", "ja-dn", "served"), 20);
	sums_hold(&d);
	fh_report_doc_free(&d);
	assert_int_equal(fh_report_reopen(st, &top, 2026, 4, "补录", &err), FH_EDENIED);
	assert_int_equal(fh_report_reopen(st, &sys_actor, 2026, 4, "", &err), FH_EINVAL);
	assert_string_equal(err.field, "reason");
	assert_int_equal(fh_report_reopen(st, &sys_actor, 2026, 4, "补录四月的活动", &err), FH_OK);
	assert_int_equal(fh_report_reopen(st, &sys_actor, 2026, 4, "再次", &err), FH_ECONFLICT);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE entity = 'report_month' AND entity_id = %lld"
				     " AND action = 'reopen' AND new LIKE '%%补录四月的活动%%'",
				     202604),
			 1);
	assert_int_equal(fh_report_build(st, &street, FH_REPORT_MONTHLY, NULL, 2026, 4, &d, &err), FH_OK);
	assert_true(d.preliminary);
	assert_true(d.reopened_on > 0);
	assert_string_equal(d.reopen_reason, "补录四月的活动");
	assert_int_equal((int)figure(&d, "activities", "ja-dn", "served"), 25);
	fh_report_doc_free(&d);
	assert_int_equal(fh_report_close(st, &top, 2026, 4, &err), FH_OK);
	assert_int_equal(fh_report_build(st, &street, FH_REPORT_PARTY, NULL, 2026, 4, &d, &err), FH_OK);
	assert_true(d.revised_on > 0);
	fh_report_doc_free(&d);
	fh_report_month *m;
	size_t n;
	assert_int_equal(fh_report_months(st, 3, &m, &n, &err), FH_OK);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].month, 6);
	assert_false(m[0].closed);
	assert_int_equal(m[2].month, 4);
	assert_true(m[2].closed);
	assert_int_equal(m[2].revisions, 1);
	assert_string_equal(m[2].reason, "补录四月的活动");
	free(m);
}

/* Two terminals: one records an activity of March while the other closes
 * March; the close waits for the lock and keeps what the first committed
 * (it reads inside its own transaction), and a second close at once is a
 * conflict. */
static void test_race_close_month(void **s)
{
	(void)s;
	fh_error err;
	setenv("FUHUA_NOW", "2026-01-05T09:00", 1);
	int64_t t = admitted("ja-pp", "三月竞速社", NULL), id;
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	struct race r;
	race_begin(&r, st);
	fh_activity a = { .tenant_id = t, .on = day("2026-03-10"), .kind = FH_ACTIVITY_SERVICE, .served = 7 };
	snprintf(a.title, sizeof a.title, "%s", "三月义卖");
	assert_int_equal(fh_activity_add(r.b, &sys_actor, &a, &id, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_report_close(st, &sys_actor, 2026, 3, &err);
	race_end(&r);
	assert_int_equal(got, FH_OK);
	assert_int_equal(r.commit, FH_OK);
	fh_report_doc d;
	assert_int_equal(fh_report_build(st, &sys_actor, FH_REPORT_MONTHLY, "ja-pp", 2026, 3, &d, &err), FH_OK);
	assert_int_equal((int)figure(&d, "activities", "ja-pp", "served"), 7);
	fh_report_doc_free(&d);
	assert_int_equal(fh_report_close(st, &sys_actor, 2026, 3, &err), FH_ECONFLICT);
}

/* fh_report_dir: "reports" beside the database unless the hub's rules
 * name a folder, taken from the database's folder when not absolute; no
 * such hub is refused. */
static void report_dir(void **s)
{
	(void)s;
	char dir[600] = "untouched", db[600], want[700];
	fh_error err;
	assert_int_equal(fh_report_dir(st, "没有", dir, sizeof dir, &err), FH_ENOTFOUND);
	assert_string_equal(dir, "untouched");
	snprintf(db, sizeof db, "%s", fh_store_path(st));
	*strrchr(db, '/') = '\0';
	assert_int_equal(fh_report_dir(st, "ja", dir, sizeof dir, &err), FH_OK);
	snprintf(want, sizeof want, "%s/reports", db);
	assert_string_equal(dir, want);
	assert_int_equal(sqlite3_exec(fh_store_db(st),
				      "UPDATE hubs SET reports_dir = '静安报表' WHERE code = 'ja';"
				      "UPDATE hubs SET reports_dir = '/srv/fuhua/报表' WHERE code = 'mh'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(fh_report_dir(st, "ja", dir, sizeof dir, &err), FH_OK);
	snprintf(want, sizeof want, "%s/静安报表", db);
	assert_string_equal(dir, want);
	assert_int_equal(fh_report_dir(st, "mh", dir, sizeof dir, &err), FH_OK);
	assert_string_equal(dir, "/srv/fuhua/报表");
	sqlite3_exec(fh_store_db(st), "UPDATE hubs SET reports_dir = NULL", NULL, NULL, NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(monthly_sheets), cmocka_unit_test(party_and_annual),
		cmocka_unit_test(month_closed),   cmocka_unit_test(test_race_close_month),
		cmocka_unit_test(report_dir),
	};
	return cmocka_run_group_tests_name("sheet", tests, module_setup, module_teardown);
}
