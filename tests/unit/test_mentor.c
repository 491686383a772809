/* fuhua tests — mentor.h: mentors and their pairings with tenants,
 * sessions and their monthly totals; a pairing ends once, by hand or when
 * its tenant leaves; two terminals at once. Degenerate cases first. */
#include "module.h"
#include "race.h"

#include "../../core/store_sqlite.h"
#include "fuhua/booking.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

#include "fuhua/mentor.h"

MODULE_TEST("mentor.db", "2026-01-31T09:00")

/* A mentor without a name or with no room for a tenant is refused, as is a
 * hub that is not one; a hub's list is empty, then holds the mentor added,
 * carrying nobody. */
static void mentors_added_and_listed(void **s)
{
	(void)s;
	fh_error err;
	fh_mentor m = { .capacity = 2 }, *rows;
	int64_t id;
	size_t n;
	assert_int_equal(fh_mentor_add(st, &sys_actor, "ja-gh", &m, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "name");
	snprintf(m.name, sizeof m.name, "%s", "名单导师");
	m.capacity = 0;
	assert_int_equal(fh_mentor_add(st, &sys_actor, "ja-gh", &m, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "capacity");
	m.capacity = 2;
	assert_int_equal(fh_mentor_add(st, &sys_actor, "nowhere", &m, &id, &err), FH_ENOTFOUND);
	assert_int_equal(fh_mentor_list(st, &sys_actor, "nowhere", &rows, &n, &err), FH_ENOTFOUND);
	assert_null(rows); /* its contract: nothing to free */
	assert_int_equal(n, 0);
	assert_int_equal(fh_mentor_list(st, &sys_actor, "ja-gh-yq", &rows, &n, &err), FH_OK);
	size_t before = n;
	free(rows);
	assert_int_equal(fh_mentor_add(st, &sys_actor, "ja-gh-yq", &m, &id, &err), FH_OK);
	assert_int_equal(fh_mentor_list(st, &sys_actor, "ja-gh-yq", &rows, &n, &err), FH_OK);
	assert_int_equal(n, before + 1);
	bool found = false;
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == id) {
			found = true;
			assert_string_equal(rows[i].name, "名单导师");
			assert_int_equal(rows[i].load, 0);
			assert_int_equal(rows[i].capacity, 2);
		}
	assert_true(found);
	free(rows);
}

/* A pairing and its sessions read back; a tenant leaving ends its
 * pairings. */
static void test_pairings_and_sessions(void **s)
{
	(void)s;
	fh_error err;
	int64_t mentor = new_mentor("ja-dn", "读数导师", 3);
	int64_t t = admitted("ja-dn", "读数配对社", NULL);
	int open = -1;
	assert_int_equal(fh_mentor_pairings_open(st, t, &open, &err), FH_OK);
	assert_int_equal(open, 0);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, mentor, t, &err), FH_OK);
	assert_int_equal(fh_mentor_pairings_open(st, t, &open, &err), FH_OK);
	assert_int_equal(open, 1);
	fh_pairing *pr;
	size_t n;
	assert_int_equal(fh_mentor_pairings(st, &sys_actor, mentor, 0, &pr, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(pr[0].tenant_id, t);
	free(pr);
	fh_session x = { .mentor_id = mentor, .tenant_id = t, .hours = 1.5 };
	snprintf(x.topic, sizeof x.topic, "%s", "项目书");
	int64_t sid;
	assert_int_equal(fh_session_add(st, &sys_actor, &x, &sid, &err), FH_OK);
	fh_session *ss;
	assert_int_equal(fh_session_list(st, &sys_actor, mentor, 0, 0, 0, &ss, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ss[0].topic, "项目书");
	free(ss);
	assert_int_equal(fh_session_list(st, &sys_actor, 0, t, fh_clock_now() + 86400, 0, &ss, &n, &err), FH_OK);
	assert_int_equal(n, 0); /* none from tomorrow */
	free(ss);
	fh_session_month *months;
	assert_int_equal(fh_session_totals(st, &sys_actor, "ja-dn", 2026, &months, &n, &err), FH_OK);
	double hours = 0;
	for (size_t i = 0; i < n; i++)
		hours += months[i].hours;
	assert_true(hours >= 1.5);
	free(months);
	assert_int_equal(fh_session_totals(st, &sys_actor, "nowhere", 2026, &months, &n, &err), FH_ENOTFOUND);
	assert_null(months);
	/* leaving: its pairings end that day */
	int ended = -1;
	assert_int_equal(fh_tx_begin(st, &err), FH_OK);
	assert_int_equal(fh_mentor_end_tenant(st, &sys_actor, t, fh_clock_now(), &ended, &err), FH_OK);
	assert_int_equal(fh_tx_commit(st, &err), FH_OK);
	assert_int_equal(ended, 1);
	assert_int_equal(fh_mentor_pairings_open(st, t, &open, &err), FH_OK);
	assert_int_equal(open, 0);
}

/* An exit while a mentor is paired with the tenant: refused. */
static void test_race_exit_and_pairing(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted("ja-gh", "竞速配对服务社", NULL), m = new_mentor("ja-gh", "竞速导师甲", 3);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_tenant_move(r.b, &sys_actor, t, 0, FH_STAGE_EXITED, "停止活动", NULL, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_mentor_assign(st, &sys_actor, m, t, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_int_equal(count_where("SELECT count(*) FROM mentor_assignments WHERE tenant_id = %lld", t), 0);
}

/* Two terminals give a mentor's last place to two tenants: one wins. */
static void test_race_mentor_capacity(void **s)
{
	(void)s;
	fh_error err;
	int64_t m = new_mentor("ja-gh", "竞速导师乙", 1);
	int64_t t1 = admitted("ja-gh", "名额甲社", NULL), t2 = admitted("ja-gh", "名额乙社", NULL);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_mentor_assign(r.b, &sys_actor, m, t1, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_mentor_assign(st, &sys_actor, m, t2, &err);
	race_end(&r);
	assert_int_equal(got, FH_ECONFLICT);
	assert_int_equal(count_where("SELECT count(*) FROM mentor_assignments WHERE mentor_id = %lld", m), 1);
}

/* Two terminals end one pairing: the second is told it has ended. */
static void test_race_pairing_ended_twice(void **s)
{
	(void)s;
	fh_error err;
	int64_t m = new_mentor("ja-gh", "竞速导师丙", 2), t = admitted("ja-gh", "结束配对社", NULL);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, m, t, &err), FH_OK);
	int64_t p = count_where("SELECT id FROM mentor_assignments WHERE mentor_id = %lld", m);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_mentor_end(r.b, &sys_actor, p, 0, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_mentor_end(st, &sys_actor, p, 0, &err);
	race_end(&r);
	assert_int_equal(got, FH_ECONFLICT);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE entity = 'mentor' AND action = 'end'"
				     " AND entity_id = %lld",
				     m),
			 1);
}

/* A tenant leaves the hub today while a session of tomorrow's is being
 * recorded for it: a session after the day a tenant left is refused. */
static void test_race_exit_and_session(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted("ja-gh", "竞速辅导社", NULL), m = new_mentor("ja-gh", "竞速导师丁", 3);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_tenant_move(r.b, &sys_actor, t, 0, FH_STAGE_EXITED, "停止活动", NULL, &err), FH_OK);
	setenv("FUHUA_NOW", "2026-02-01T09:00", 1); /* the next morning */
	fh_session x = { .mentor_id = m, .tenant_id = t, .hours = 1 };
	snprintf(x.topic, sizeof x.topic, "%s", "交接");
	int64_t id = 0;
	race_arm(&r);
	fh_status got = fh_session_add(st, &sys_actor, &x, &id, &err);
	race_end(&r);
	setenv("FUHUA_NOW", "2026-01-31T09:00", 1);
	assert_int_equal(got, FH_EINVAL);
	assert_string_equal(err.field, "on");
	assert_int_equal(count_where("SELECT count(*) FROM sessions WHERE tenant_id = %lld", t), 0);
}

/* A room booking for tenant t next Tuesday, at hour h for an hour. */
static void book_for(int64_t t, int h)
{
	fh_space sp;
	fh_error err;
	fh_booking_result res;
	assert_int_equal(fh_space_find(st, &sys_actor, "ja-gh/05", 0, &sp, &err), FH_OK);
	fh_booking_req r = { .space_id = sp.id,
			     .tenant_id = t,
			     .starts = day("2026-02-03") + h * 3600,
			     .ends = day("2026-02-03") + (h + 1) * 3600,
			     .title = "交流会",
			     .weeks = 1 };
	assert_int_equal(fh_booking_add(st, &sys_actor, &r, &res, &err), FH_OK);
}

/* Graduation ends the tenant's pairings and keeps its bookings to come
 * (the confirmation says how many); exit ends both. */
static void test_leaving_ends_pairings(void **s)
{
	(void)s;
	fh_error err;
	fh_stage_plan plan;
	int64_t m = new_mentor("ja-gh", "出壳导师", 2);
	int64_t g = admitted("ja-gh", "出壳配对社", NULL), x = admitted("ja-gh", "退出配对社", NULL);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, m, g, &err), FH_OK);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, m, x, &err), FH_OK);
	book_for(g, 10);
	book_for(x, 11);
	assert_int_equal(fh_tenant_move_plan(st, &sys_actor, g, FH_STAGE_GRADUATED, NULL, &plan, &err), FH_ECONFLICT);
	assert_int_equal(plan.pairings, 1);
	assert_int_equal(plan.bookings, 1);
	assert_int_equal(fh_tenant_graduate_override(st, &sys_actor, g, 0, "测试出壳", NULL, &err), FH_OK);
	assert_int_equal(count_where("SELECT count(*) FROM mentor_assignments WHERE tenant_id = %lld"
				     " AND end_on IS NULL",
				     g),
			 0);
	assert_int_equal(count_where("SELECT count(*) FROM bookings WHERE tenant_id = %lld AND state = 'confirmed'", g),
			 1);
	/* the mentor has a place again */
	int64_t other = admitted("ja-gh", "接替配对社", NULL);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, m, other, &err), FH_OK);
	/* exit: the pairing ends and the booking to come is cancelled */
	assert_int_equal(fh_tenant_move_plan(st, &sys_actor, x, FH_STAGE_EXITED, "停止活动", &plan, &err), FH_OK);
	assert_int_equal(plan.bookings, 1);
	assert_int_equal(fh_tenant_move(st, &sys_actor, x, 0, FH_STAGE_EXITED, "停止活动", NULL, &err), FH_OK);
	assert_int_equal(count_where("SELECT count(*) FROM mentor_assignments WHERE tenant_id = %lld"
				     " AND end_on IS NULL",
				     x),
			 0);
	assert_int_equal(count_where("SELECT count(*) FROM bookings WHERE tenant_id = %lld AND state = 'cancelled'", x),
			 1);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE entity = 'booking' AND action = 'cancel'"
				     " AND entity_id = (SELECT id FROM bookings WHERE tenant_id = %lld)",
				     x),
			 1);
	/* by hand: a pairing ends once, not in the future, not before it began */
	int64_t p = count_where("SELECT id FROM mentor_assignments WHERE tenant_id = %lld", other);
	assert_int_equal(fh_mentor_end(st, &sys_actor, p, day("2026-02-01"), &err), FH_EINVAL);
	assert_string_equal(err.field, "on");
	assert_int_equal(fh_mentor_end(st, &sys_actor, p, day("2026-01-30"), &err), FH_EINVAL);
	assert_int_equal(fh_mentor_end(st, &sys_actor, p, 0, &err), FH_OK);
	assert_int_equal(fh_mentor_end(st, &sys_actor, p, 0, &err), FH_ECONFLICT);
	assert_int_equal(fh_mentor_end(st, &sys_actor, 999999, 0, &err), FH_ENOTFOUND);
}

/* Migration 9 ends the pairings that tenants who left before kept. */
static void test_migration_ends_old_pairings(void **s)
{
	(void)s;
	fh_error err;
	int64_t m = new_mentor("ja-gh", "迁移导师", 3), t = admitted("ja-gh", "迁移前出壳社", NULL);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, m, t, &err), FH_OK);
	assert_int_equal(fh_tenant_graduate_override(st, &sys_actor, t, 0, "测试出壳", NULL, &err), FH_OK);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE mentor_assignments SET end_on = NULL WHERE tenant_id = %lld;", (long long)t);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(schema_back_to_8(fh_store_db(st)), SQLITE_OK);
	char path[256];
	snprintf(path, sizeof path, "%s", fh_store_path(st));
	fh_store_close(&st);
	assert_int_equal(fh_store_open(path, &st, &err), FH_OK);
	assert_int_equal(fh_store_schema_version(st), fh_store_schema_latest());
	assert_int_equal(count_where("SELECT count(*) FROM mentor_assignments WHERE tenant_id = %lld"
				     " AND end_on = (SELECT stage_since - (stage_since + 28800) %% 86400 FROM tenants"
				     " WHERE id = tenant_id)",
				     t),
			 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(mentors_added_and_listed),      cmocka_unit_test(test_pairings_and_sessions),
		cmocka_unit_test(test_race_exit_and_pairing),    cmocka_unit_test(test_race_mentor_capacity),
		cmocka_unit_test(test_race_pairing_ended_twice), cmocka_unit_test(test_race_exit_and_session),
		cmocka_unit_test(test_leaving_ends_pairings),    cmocka_unit_test(test_migration_ends_old_pairings),
	};
	return cmocka_run_group_tests_name("mentor", tests, module_setup, module_teardown);
}
