/* fuhua tests — rating.h: the ratings' history kept as tenants' records
 * change; eligibility two full years after registration, to the day; a
 * rating's last day and the list of those expiring; the totals per hub
 * against an independent count; the history seeded from the records of a
 * database older than the module. */
#include "module.h"

#include "../../core/store_sqlite.h"
#include "fuhua/rating.h"

MODULE_TEST("rating.db", "2026-06-10T09:00")

/* A registered tenant of ja-gh founded on `founded`; its id. */
static int64_t registered(const char *name, const char *founded, int serial)
{
	int64_t id = tenant("ja-gh", name);
	fh_tenant t;
	fh_error err;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, id, &t, &err), FH_OK);
	code_for(serial, t.credit_code);
	t.org_type = FH_ORG_SOCIAL_GROUP;
	t.reg_state = FH_REG_REGISTERED;
	snprintf(t.founded, sizeof t.founded, "%s", founded);
	assert_int_equal(fh_tenant_update(st, &sys_actor, &t, NULL, &err), FH_OK);
	return id;
}

/* Rates tenant `id` `grade` on `ymd` through its record. */
static fh_status rate(int64_t id, int grade, const char *ymd, fh_error *err)
{
	fh_tenant t;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, id, &t, err), FH_OK);
	t.rating = grade;
	snprintf(t.rating_date, sizeof t.rating_date, "%s", ymd);
	return fh_tenant_update(st, &sys_actor, &t, NULL, err);
}

static void eligibility_to_the_day(void **s)
{
	(void)s;
	assert_int_equal(fh_rating_eligible_from(day("2024-03-01")), day("2026-03-01"));
	assert_int_equal(fh_rating_eligible_from(day("2024-02-29")), day("2026-02-28")); /* clamped */
	assert_int_equal(fh_rating_eligible_from(at("2024-03-01", 15, 30)), day("2026-03-01"));
	fh_error err;
	int64_t t = registered("评估资格社", "2023-06-02", 101);
	assert_int_equal(rate(t, 3, "2025-06-01", &err), FH_EINVAL);
	assert_string_equal(err.field, "rating_date");
	assert_non_null(strstr(err.message, "2025-06-02"));
	assert_int_equal(count_where("SELECT count(*) FROM ratings WHERE tenant_id = %lld", t), 0);
	assert_int_equal(rate(t, 3, "2025-06-02", &err), FH_OK);
}

/* Each rating stays in the history, the latest first, each with its last
 * day; the record saved again unchanged adds nothing. */
static void history(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = registered("评估历史社", "2015-01-10", 102);
	assert_int_equal(rate(t, 2, "2020-03-01", &err), FH_OK);
	assert_int_equal(rate(t, 4, "2025-03-01", &err), FH_OK);
	assert_int_equal(rate(t, 4, "2025-03-01", &err), FH_OK);
	fh_rating *rows;
	size_t n;
	assert_int_equal(fh_rating_history(st, &sys_actor, t, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].grade, 4);
	assert_int_equal(rows[0].rated_on, day("2025-03-01"));
	assert_int_equal(rows[0].expires_on, day("2030-02-28"));
	assert_int_equal(rows[1].grade, 2);
	free(rows);
	assert_int_equal(fh_rating_history(st, &sys_actor, 999999, &rows, &n, &err), FH_ENOTFOUND);
	assert_null(rows);
}

/* Expiring within the hub's 180 days (or the days asked for): the
 * latest rating only. */
static void expiring(void **s)
{
	(void)s;
	fh_error err;
	int64_t soon = registered("即将到期社", "2010-01-01", 103), later = registered("明年到期社", "2010-01-01", 104);
	assert_int_equal(rate(soon, 3, "2021-12-07", &err), FH_OK);  /* last day 2026-12-06: 179 days on */
	assert_int_equal(rate(later, 5, "2021-12-08", &err), FH_OK); /* last day 2026-12-07: 180 days on */
	int64_t renewed = registered("已续评社", "2010-01-01", 105);
	assert_int_equal(rate(renewed, 3, "2021-07-01", &err), FH_OK);
	assert_int_equal(rate(renewed, 4, "2026-05-01", &err), FH_OK);
	fh_rating *rows;
	size_t n;
	assert_int_equal(fh_rating_expiring(st, &sys_actor, "ja-gh", 0, 0, &rows, &n, &err), FH_OK);
	bool s1 = false, s2 = false, s3 = false;
	for (size_t i = 0; i < n; i++) {
		s1 |= rows[i].tenant_id == soon;
		s2 |= rows[i].tenant_id == later;
		s3 |= rows[i].tenant_id == renewed;
	}
	assert_true(s1);
	assert_true(s2);
	assert_false(s3);
	free(rows);
	assert_int_equal(fh_rating_expiring(st, &sys_actor, "ja-gh", 179, 0, &rows, &n, &err), FH_OK);
	s2 = false;
	for (size_t i = 0; i < n; i++)
		s2 |= rows[i].tenant_id == later;
	assert_false(s2);
	free(rows);
}

/* Registered, eligible, rated and 3A and above per hub against SQL. */
static void totals(void **s)
{
	(void)s;
	fh_error err;
	fh_rating_total *rows;
	size_t n;
	assert_int_equal(fh_rating_totals(st, &sys_actor, "ja", 0, &rows, &n, &err), FH_OK);
	bool seen = false;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].hub_code, "ja-gh") != 0)
			continue;
		seen = true;
		int64_t h = hub("ja-gh");
		assert_int_equal(
			rows[i].registered,
			count_where("SELECT count(*) FROM tenants WHERE hub_id = %lld AND reg_state = 'registered'"
				    " AND stage IN ('incubating', 'graduated')",
				    h));
		assert_int_equal(
			rows[i].eligible,
			count_where("SELECT count(*) FROM tenants WHERE hub_id = %lld AND reg_state = 'registered'"
				    " AND stage IN ('incubating', 'graduated') AND founded <= '2024-06-10'",
				    h));
		/* rated now: 评估资格社 3A, 评估历史社 4A, 即将到期社 3A, 明年到期社 5A, 已续评社 4A */
		assert_int_equal(rows[i].rated, 5);
		assert_int_equal(rows[i].a3plus, 5);
		assert_true(rows[i].participation > 100.0 * 5 / rows[i].eligible - 1e-9 &&
			    rows[i].participation < 100.0 * 5 / rows[i].eligible + 1e-9);
	}
	assert_true(seen);
	free(rows);
	/* on 2021-12-07 only the ratings given by then that held */
	assert_int_equal(fh_rating_totals(st, &sys_actor, "ja-gh", day("2021-12-07"), &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].rated, 3); /* 2A of 评估历史社, 即将到期社, 已续评社 */
	assert_int_equal(rows[0].a3plus, 2);
	free(rows);
}

/* A database made before the module: its history starts with the
 * ratings the tenants' records hold. */
static void seeded_from_the_records(void **s)
{
	(void)s;
	fh_error err;
	sqlite3 *db = fh_store_db(st);
	assert_int_equal(sqlite3_exec(db,
				      "DROP TABLE ratings; ALTER TABLE hubs DROP COLUMN rating_valid_years;"
				      " ALTER TABLE hubs DROP COLUMN rating_warn_days;"
				      " DELETE FROM module_schema WHERE module = 'rating';",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	char path[256];
	snprintf(path, sizeof path, "%s", fh_store_path(st));
	fh_store_close(&st);
	assert_int_equal(fh_store_open(path, &st, &err), FH_OK);
	assert_int_equal(fixture_count(st, "SELECT count(*) FROM ratings"),
			 fixture_count(st, "SELECT count(*) FROM tenants WHERE rating > 0"));
	assert_int_equal(fixture_count(st,
				       "SELECT count(*) FROM ratings r JOIN tenants t ON t.id = r.tenant_id"
				       " WHERE r.grade != t.rating OR r.created_by != 'migration'"),
			 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(eligibility_to_the_day),
		cmocka_unit_test(history),
		cmocka_unit_test(expiring),
		cmocka_unit_test(totals),
		cmocka_unit_test(seeded_from_the_records),
	};
	return cmocka_run_group_tests_name("rating", tests, module_setup, module_teardown);
}
