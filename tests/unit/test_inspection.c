/* fuhua tests — inspection.h: a year's inspection at the boundaries of its
 * rules (registered tenants only, filed after the year ends, late after the
 * deadline), a correction replacing what was recorded, the party track's
 * annual check closed by the report filed with it, and the rates per hub
 * against an independent count. */
#include "module.h"
#include "race.h"

#include "fuhua/inspection.h"
#include "fuhua/party.h"

MODULE_TEST("inspection.db", "2026-06-10T09:00")

/* A registered tenant of `hub` admitted in March 2025; its id. */
static int64_t registered(const char *hub_code, const char *name, int serial)
{
	setenv("FUHUA_NOW", "2025-03-03T09:00", 1);
	int64_t id = tenant(hub_code, name);
	fh_tenant t;
	fh_error err;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, id, &t, &err), FH_OK);
	code_for(serial, t.credit_code);
	t.org_type = FH_ORG_SOCIAL_GROUP;
	t.reg_state = FH_REG_REGISTERED;
	assert_int_equal(fh_tenant_update(st, &sys_actor, &t, NULL, &err), FH_OK);
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	return id;
}

static fh_inspection filed(int64_t t, int year, const char *on, fh_inspection_result r, bool report)
{
	fh_inspection x = { .tenant_id = t, .year = year, .result = r, .party_report = report };
	x.filed_on = on ? day(on) : 0;
	return x;
}

static void results(void **s)
{
	(void)s;
	fh_inspection_result r;
	for (int i = 0; i < FH_INSPECTION_RESULT_COUNT; i++) {
		assert_true(fh_inspection_result_parse(fh_inspection_result_name((fh_inspection_result)i), &r));
		assert_int_equal(r, i);
	}
	assert_true(fh_inspection_result_parse("基本合格", &r));
	assert_int_equal(r, FH_INSPECTION_BASIC);
	r = FH_INSPECTION_PASSED;
	assert_false(fh_inspection_result_parse("合 格", &r));
	assert_int_equal(r, FH_INSPECTION_PASSED);
	assert_null(fh_inspection_result_name(FH_INSPECTION_RESULT_COUNT));
}

static void checks_at_their_bounds(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, t = registered("ja-gh", "年检边界社", 201), unregistered = tenant("ja-gh", "未登记社");
	fh_inspection x = filed(unregistered, 2025, "2026-03-01", FH_INSPECTION_PASSED, false);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "tenant");
	x = filed(t, 2026, "2026-03-01", FH_INSPECTION_PASSED, false); /* this year is not over */
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "year");
	x = filed(t, 2025, "2025-12-31", FH_INSPECTION_PASSED, false);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "filed_on");
	x = filed(t, 2025, "2026-06-11", FH_INSPECTION_PASSED, false);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_EINVAL);
	x = filed(t, 2025, NULL, FH_INSPECTION_ABSENT, true);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "party_report");
	x = filed(t, 2025, "2026-05-31", FH_INSPECTION_PASSED, false); /* the deadline itself */
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_OK);
	x = filed(t, 2024, "2025-06-01", FH_INSPECTION_BASIC, false); /* a day late */
	int64_t late;
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &late, &err), FH_OK);
	fh_inspection *rows;
	size_t n;
	assert_int_equal(fh_inspection_list(st, &sys_actor, NULL, t, 0, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].year, 2025);
	assert_false(rows[0].late);
	assert_int_equal(rows[1].id, late);
	assert_true(rows[1].late);
	free(rows);
	/* a correction replaces the year's, the old result kept in the audit */
	x = filed(t, 2025, "2026-05-20", FH_INSPECTION_FAILED, false);
	int64_t again;
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &again, &err), FH_OK);
	assert_int_equal(again, id);
	assert_int_equal(count_where("SELECT count(*) FROM inspections WHERE tenant_id = %lld AND year = 2025", t), 1);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE action = 'inspection' AND entity_id = %lld"
				     " AND old LIKE '%%passed%%'",
				     t),
			 1);
	fh_actor other = signed_in("大宁年检", FH_ROLE_FRONT_DESK, "ja-dn");
	assert_int_equal(fh_inspection_record(st, &other, &x, &again, &err), FH_EDENIED);
}

/* Filed with its party-building report, the tenant's annual check of the
 * filing's year is done on the filing day. */
static void report_closes_the_annual_check(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, t = registered("ja-gh", "同年检社", 202);
	fh_inspection x = filed(t, 2025, "2026-04-15", FH_INSPECTION_PASSED, true);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_OK);
	fh_sync_item *items;
	size_t n;
	assert_int_equal(fh_party_sync_list(st, &sys_actor, t, &items, &n, &err), FH_OK);
	int done = 0;
	for (size_t i = 0; i < n; i++)
		done += items[i].kind == FH_SYNC_REPORT && items[i].done_on == day("2026-04-15");
	assert_int_equal(done, 1);
	free(items);
}

/* Due, filed, passed and the two rates of a street against SQL. */
static void rates(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, a = registered("ja-pp", "年检甲社", 301), b = registered("ja-pp", "年检乙社", 302);
	registered("ja-pp", "年检丙社", 303); /* nothing recorded: absent */
	fh_inspection x = filed(a, 2025, "2026-03-01", FH_INSPECTION_PASSED, true);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_OK);
	x = filed(b, 2025, "2026-03-02", FH_INSPECTION_FAILED, false);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_OK);
	fh_inspection_total *rows;
	size_t n;
	assert_int_equal(fh_inspection_totals(st, &sys_actor, "ja-pp", 2025, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	int64_t due = count_where("SELECT count(*) FROM tenants WHERE hub_id = %lld AND reg_state = 'registered'"
				  " AND stage IN ('incubating', 'graduated') AND admitted_on < 1767196800",
				  hub("ja-pp"));
	assert_int_equal(rows[0].due, due);
	assert_int_equal(rows[0].filed, 2);
	assert_int_equal(rows[0].by_result[FH_INSPECTION_PASSED], 1);
	assert_int_equal(rows[0].with_report, 1);
	assert_int_equal(rows[0].by_result[FH_INSPECTION_ABSENT], due - 2);
	assert_true(rows[0].participation > 100.0 * 2 / due - 1e-9 && rows[0].participation < 100.0 * 2 / due + 1e-9);
	assert_true(rows[0].pass_rate > 49.99 && rows[0].pass_rate < 50.01);
	free(rows);
	assert_int_equal(fh_inspection_totals(st, &sys_actor, "ja-pp", 1999, &rows, &n, &err), FH_EINVAL);
	assert_null(rows);
}

static fh_inspection_total totals_of(const char *hub_code, int year)
{
	fh_error err;
	fh_inspection_total *rows, got = { .due = -1 };
	size_t n;
	assert_int_equal(fh_inspection_totals(st, &sys_actor, hub_code, year, &rows, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].hub_code, hub_code) == 0)
			got = rows[i];
	free(rows);
	return got;
}

/* A tenant whose registration is withdrawn is no longer due; what it
 * filed still counts where it was recorded, beside the due. */
static void kept_counts_follow_the_tenant(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, t = registered("ja-dn", "年检撤登社", 401);
	fh_inspection x = filed(t, 2025, "2026-03-05", FH_INSPECTION_BASIC, false);
	assert_int_equal(fh_inspection_record(st, &sys_actor, &x, &id, &err), FH_OK);
	fh_inspection_total before = totals_of("ja-dn", 2025);
	fh_tenant r;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, t, &r, &err), FH_OK);
	r.reg_state = FH_REG_PREPARING;
	r.credit_code[0] = '\0';
	assert_int_equal(fh_tenant_update(st, &sys_actor, &r, NULL, &err), FH_OK);
	fh_inspection_total after = totals_of("ja-dn", 2025);
	/* one fewer due, but its inspection is one more recorded: as many */
	assert_int_equal(after.due, before.due);
	assert_int_equal(after.by_result[FH_INSPECTION_BASIC], before.by_result[FH_INSPECTION_BASIC]);
	assert_int_equal(after.due - 1,
			 count_where("SELECT count(*) FROM tenants WHERE hub_id = %lld"
				     " AND reg_state = 'registered' AND stage IN"
				     " ('incubating', 'graduated') AND admitted_on < 1767196800",
				     hub("ja-dn")));
	assert_int_equal(check_problems(), 0);
	assert_int_equal(sqlite3_exec(fh_store_db(st), "UPDATE inspection_due SET n = n + 1", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_true(check_problems() > 0);
	assert_int_equal(sqlite3_exec(fh_store_db(st), "UPDATE inspection_due SET n = n - 1", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_exec(fh_store_db(st), "UPDATE inspection_tally SET n = n + 1", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_true(check_problems() > 0);
	assert_int_equal(sqlite3_exec(fh_store_db(st), "UPDATE inspection_tally SET n = n - 1", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(check_problems(), 0);
}

/* One terminal records a tenant's inspection while another withdraws its
 * registration: whichever commits second moves the counts the first had
 * written, so the kept counts are the inspections' and the tenants'. */
static void test_race_inspection_and_registration(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, t = registered("ja-dn", "年检竞速社", 402);
	fh_inspection_total before = totals_of("ja-dn", 2025);
	struct race r;
	race_begin(&r, st);
	fh_inspection x = filed(t, 2025, "2026-03-06", FH_INSPECTION_PASSED, false);
	assert_int_equal(fh_inspection_record(r.b, &sys_actor, &x, &id, &err), FH_OK);
	fh_tenant rec;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, t, &rec, &err), FH_OK);
	rec.reg_state = FH_REG_PREPARING;
	rec.credit_code[0] = '\0';
	race_arm(&r);
	fh_status got = fh_tenant_update(st, &sys_actor, &rec, NULL, &err);
	race_end(&r);
	assert_int_equal(got, FH_OK);
	fh_inspection_total after = totals_of("ja-dn", 2025);
	/* no longer due, but recorded: as many, one more passed, one fewer absent */
	assert_int_equal(after.due, before.due);
	assert_int_equal(after.by_result[FH_INSPECTION_PASSED], before.by_result[FH_INSPECTION_PASSED] + 1);
	assert_int_equal(after.by_result[FH_INSPECTION_ABSENT], before.by_result[FH_INSPECTION_ABSENT] - 1);
	assert_int_equal(check_problems(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(results),
		cmocka_unit_test(checks_at_their_bounds),
		cmocka_unit_test(report_closes_the_annual_check),
		cmocka_unit_test(rates),
		cmocka_unit_test(kept_counts_follow_the_tenant),
		cmocka_unit_test(test_race_inspection_and_registration),
	};
	return cmocka_run_group_tests_name("inspection", tests, module_setup, module_teardown);
}
