/* fuhua tests — activity.h: activities at the boundaries of their rules
 * (the tenant's days in the hub, a volunteer's day, a project's and a
 * booking's), the totals kept per hub and month against an independent
 * count, the import of a month's spreadsheet (problems on given lines and
 * nothing written; GB18030; the same activity twice), and a tenant leaving
 * while an activity is recorded. */
#include <iconv.h>

#include "module.h"
#include "race.h"

#include "fuhua/activity.h"
#include "fuhua/booking.h"
#include "fuhua/project.h"

MODULE_TEST("activity.db", "2026-06-10T09:00")

/* A tenant of `hub` admitted on 2026-03-02. */
static int64_t admitted_in_march(const char *hub_code, const char *name)
{
	setenv("FUHUA_NOW", "2026-03-02T09:00", 1);
	int64_t t = tenant(hub_code, name);
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	return t;
}

static fh_activity act(int64_t t, const char *ymd, const char *title, int served)
{
	fh_activity a = { .tenant_id = t, .on = day(ymd), .served = served };
	snprintf(a.title, sizeof a.title, "%s", title);
	return a;
}

static void kinds(void **s)
{
	(void)s;
	fh_activity_kind k;
	for (int i = 0; i < FH_ACTIVITY_KIND_COUNT; i++) {
		assert_true(fh_activity_kind_parse(fh_activity_kind_name((fh_activity_kind)i), &k));
		assert_int_equal(k, i);
	}
	assert_true(fh_activity_kind_parse("志愿服务", &k));
	assert_int_equal(k, FH_ACTIVITY_VOLUNTEERING);
	k = FH_ACTIVITY_OTHER;
	assert_false(fh_activity_kind_parse("party ", &k));
	assert_int_equal(k, FH_ACTIVITY_OTHER);
	assert_null(fh_activity_kind_name(FH_ACTIVITY_KIND_COUNT));
}

/* Each check at its boundary, refused naming its field. */
static void activity_checks(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted_in_march("ja-gh", "活动检查社"), id;
	fh_activity a = act(t, "2026-03-02", "", 10);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "title");
	a = act(t, "2026-06-11", "明日活动", 10);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "on");
	a = act(t, "2026-03-01", "入驻前一日", 10);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "on");
	a = act(t, "2026-03-02", "入驻当日", FH_ACTIVITY_SERVED_MAX + 1);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "served");
	a.served = FH_ACTIVITY_SERVED_MAX;
	a.volunteers = 2;
	a.volunteer_hours = 48.1;
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "volunteer_hours");
	a.volunteer_hours = 48;
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_OK);
	/* an applicant's activities do not count yet */
	fh_tenant ap;
	fh_tenant_init(&ap);
	ap.hub_id = hub("ja-gh");
	snprintf(ap.name, sizeof ap.name, "%s", "尚在申请社");
	assert_int_equal(fh_tenant_add(st, &sys_actor, &ap, NULL, &err), FH_OK);
	a = act(ap.id, "2026-06-10", "申请期活动", 1);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "tenant");
	/* another street's operator cannot record for this one */
	fh_actor dn = signed_in("大宁前台", FH_ROLE_FRONT_DESK, "ja-dn");
	a = act(t, "2026-06-10", "越界活动", 1);
	assert_int_equal(fh_activity_add(st, &dn, &a, &id, &err), FH_EDENIED);
}

/* A tenant that left: its activities up to the day it left, not after. */
static void activities_of_a_tenant_that_left(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted_in_march("ja-gh", "已退出社"), id;
	setenv("FUHUA_NOW", "2026-05-20T09:00", 1);
	assert_int_equal(fh_tenant_move(st, &sys_actor, t, 0, FH_STAGE_EXITED, "停止活动", NULL, &err), FH_OK);
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	fh_activity a = act(t, "2026-05-21", "退出次日", 5);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "on");
	a = act(t, "2026-05-20", "退出当日", 5);
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_OK);
}

/* An activity serves its tenant's project once the project is approved and
 * has begun; the project counts the people served, and forgets them when
 * the activity is deleted. */
static void activities_serve_projects(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted_in_march("ja-gh", "项目活动社"), other = admitted_in_march("ja-gh", "别家社"), id;
	fh_project p = { .tenant_id = t, .kind = FH_PROJECT_VENTURE_GRANT, .year = 2026 };
	snprintf(p.title, sizeof p.title, "%s", "长者食堂");
	snprintf(p.funder, sizeof p.funder, "%s", "街道办事处");
	int64_t pid;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &pid, &err), FH_OK);
	fh_activity a = act(t, "2026-04-02", "送餐", 30);
	a.project_id = pid;
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL); /* only applied */
	assert_string_equal(err.field, "project");
	assert_int_equal(fh_project_get(st, &sys_actor, pid, &p, &err), FH_OK);
	p.granted = 100000;
	p.start_on = day("2026-04-02");
	p.end_on = day("2026-12-31");
	assert_int_equal(fh_project_edit(st, &sys_actor, &p, &err), FH_OK);
	assert_int_equal(fh_project_set_state(st, &sys_actor, pid, FH_PROJECT_APPROVED, 0, &err), FH_OK);
	a.on = day("2026-04-01"); /* the day before it began */
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	a.on = day("2026-04-02");
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_OK);
	fh_activity b = act(other, "2026-04-02", "别家送餐", 9);
	b.project_id = pid;
	int64_t bid;
	assert_int_equal(fh_activity_add(st, &sys_actor, &b, &bid, &err), FH_EINVAL);
	assert_int_equal(fh_project_get(st, &sys_actor, pid, &p, &err), FH_OK);
	assert_int_equal(p.served, 30);
	assert_int_equal(fh_activity_delete(st, &sys_actor, id, &err), FH_OK);
	assert_int_equal(fh_activity_delete(st, &sys_actor, id, &err), FH_ENOTFOUND);
	assert_int_equal(fh_project_get(st, &sys_actor, pid, &p, &err), FH_OK);
	assert_int_equal(p.served, 0);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE entity = 'activity' AND action = 'delete'"
				     " AND entity_id = %lld",
				     id),
			 1);
}

/* An activity in a room the tenant booked that day takes the room's name. */
static void activity_in_a_booked_room(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted_in_march("ja-gh", "借用活动室社"), other = admitted_in_march("ja-gh", "不借活动室社"), id;
	int64_t room =
		count_where("SELECT min(id) FROM spaces WHERE hub_id = %lld AND type = 'activity_room'", hub("ja-gh"));
	assert_true(room > 0);
	fh_booking_req req = { .space_id = room,
			       .tenant_id = t,
			       .starts = at("2026-06-10", 14, 0),
			       .ends = at("2026-06-10", 16, 0),
			       .title = "读书会",
			       .weeks = 1 };
	fh_booking_result res;
	assert_int_equal(fh_booking_add(st, &sys_actor, &req, &res, &err), FH_OK);
	fh_activity a = act(other, "2026-06-10", "读书会", 20);
	a.booking_id = res.first;
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "booking");
	a.tenant_id = t;
	a.on = day("2026-06-09");
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_EINVAL);
	a.on = day("2026-06-10");
	snprintf(a.place, sizeof a.place, "%s", "随便写的");
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_OK);
	fh_activity_filter f = { .tenant = t };
	fh_activity *rows;
	size_t n;
	assert_int_equal(fh_activity_list(st, &sys_actor, &f, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	char name[200];
	snprintf(name, sizeof name, "SELECT count(*) FROM spaces WHERE id = %%lld AND name = '%s'", rows[0].place);
	assert_int_equal(count_where(name, room), 1);
	assert_int_equal(rows[0].booking_id, res.first);
	free(rows);
}

/* The totals kept per hub and month, by hub, by month and by tenant,
 * against the activities counted in SQL; a district's roll-up is its
 * streets' sum. */
static void totals_against_a_count(void **s)
{
	(void)s;
	fh_error err;
	int64_t a = admitted_in_march("ja-dn", "合计活动甲社"), b = admitted_in_march("ja-pp", "合计活动乙社"), id;
	const char *days[] = { "2026-03-31", "2026-04-01", "2026-04-30", "2026-05-01" };
	for (int i = 0; i < 4; i++) {
		fh_activity x = act(i % 2 ? a : b, days[i], "合计活动", 10 + i);
		x.volunteers = i;
		x.volunteer_hours = 1.5 * i;
		assert_int_equal(fh_activity_add(st, &sys_actor, &x, &id, &err), FH_OK);
	}
	fh_activity_total *rows;
	size_t n;
	assert_int_equal(fh_activity_totals(st, &sys_actor, "ja", 2026, 4, FH_ACTIVITY_BY_HUB, &rows, &n, &err), FH_OK);
	int64_t sum = 0, served = 0;
	for (size_t i = 0; i < n; i++) {
		char sql[200];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM activities WHERE hub_id = %lld AND on_day >= %lld AND on_day < %lld",
			 (long long)rows[i].key_id, (long long)day("2026-04-01"), (long long)day("2026-05-01"));
		assert_int_equal(rows[i].activities, fixture_count(st, sql));
		sum += rows[i].activities;
		served += rows[i].served;
	}
	assert_int_equal(sum, 2);
	assert_int_equal(served, 11 + 12);
	free(rows);
	assert_int_equal(fh_activity_totals(st, &sys_actor, "ja", 2026, 0, FH_ACTIVITY_BY_MONTH, &rows, &n, &err),
			 FH_OK);
	int64_t year = 0;
	double hours = 0;
	for (size_t i = 0; i < n; i++) {
		year += rows[i].activities;
		hours += rows[i].volunteer_hours;
	}
	assert_int_equal(year,
			 count_where("SELECT count(*) FROM activities WHERE hub_id IN (SELECT id FROM hubs"
				     " WHERE id = %lld OR parent_id = %1$lld OR parent_id IN"
				     " (SELECT id FROM hubs WHERE parent_id = %1$lld))",
				     hub("ja")));
	assert_true(hours >= 9.0 - 1e-9);
	free(rows);
	assert_int_equal(fh_activity_totals(st, &sys_actor, "ja-dn", 2026, 4, FH_ACTIVITY_BY_TENANT, &rows, &n, &err),
			 FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].key_id, a);
	assert_int_equal(rows[0].activities, 1);
	free(rows);
	assert_int_equal(fh_activity_totals(st, &sys_actor, "ja", 2026, 13, FH_ACTIVITY_BY_HUB, &rows, &n, &err),
			 FH_EINVAL);
	assert_null(rows);
}

static const char good_head[] = "日期,机构,活动名称,类型,服务人次,志愿者,志愿时长\n";

/* A file with problems on lines 3 and 5 writes nothing and names both;
 * the same file fixed writes every row and one audit line. */
static void import_all_or_nothing(void **s)
{
	(void)s;
	fh_error err;
	admitted_in_march("ja-gh", "导入活动社");
	char csv[1024];
	snprintf(csv, sizeof csv,
		 "%s2026-04-01,导入活动社,义诊,服务,40,3,9\n"
		 "2026-04-31,导入活动社,义诊,服务,40,3,9\n"
		 "2026-04-02,导入活动社,讲座,活动,25,,\n"
		 "2026-04-03,没有这个社,讲座,活动,25,,\n",
		 good_head);
	int64_t before = count_where("SELECT count(*) FROM activities WHERE %lld", 1);
	fh_import_options opt = { .hub_code = "ja-gh", .source = "四月.csv" };
	fh_import_result res;
	assert_int_equal(fh_activity_import(st, &sys_actor, csv, strlen(csv), &opt, &res, &err), FH_EINVAL);
	assert_int_equal(res.nproblems, 2);
	assert_int_equal(res.problems[0].line, 3);
	assert_string_equal(res.problems[0].field, "on");
	assert_int_equal(res.problems[1].line, 5);
	assert_string_equal(res.problems[1].field, "tenant");
	assert_int_equal(res.imported, 0);
	fh_import_result_free(&res);
	assert_int_equal(count_where("SELECT count(*) FROM activities WHERE %lld", 1), before);
	assert_int_equal(fixture_count(st, "SELECT coalesce(sum(activities), 0) FROM activity_tally"), before);
	opt.skip_bad = true;
	assert_int_equal(fh_activity_import(st, &sys_actor, csv, strlen(csv), &opt, &res, &err), FH_OK);
	assert_int_equal(res.imported, 2);
	assert_int_equal(res.skipped, 2);
	fh_import_result_free(&res);
	assert_int_equal(count_where("SELECT count(*) FROM activities WHERE %lld", 1), before + 2);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE entity = 'activity' AND action = 'import'"
				     " AND %lld",
				     1),
			 1);
	/* the same file again: every row is there already */
	opt.skip_bad = false;
	assert_int_equal(fh_activity_import(st, &sys_actor, csv, strlen(csv), &opt, &res, &err), FH_EINVAL);
	assert_int_equal(res.nproblems, 4);
	assert_non_null(strstr(res.problems[0].message, "already recorded"));
	fh_import_result_free(&res);
}

/* The same row twice in one file: the second names the first's line. A
 * file of GB18030 (what Excel in China saves) reads as UTF-8 does. */
static void import_twice_in_a_file_and_gb18030(void **s)
{
	(void)s;
	fh_error err;
	admitted_in_march("ja-gh", "国标活动社");
	char csv[1024];
	snprintf(csv, sizeof csv,
		 "%s2026-05-01,国标活动社,健步走,志愿服务,15,2,4\n2026-05-01,国标活动社,健步走,,15,2,4\n", good_head);
	fh_import_options opt = { .hub_code = "ja" };
	fh_import_result res;
	assert_int_equal(fh_activity_import(st, &sys_actor, csv, strlen(csv), &opt, &res, &err), FH_EINVAL);
	assert_int_equal(res.nproblems, 1);
	assert_int_equal(res.problems[0].line, 3);
	assert_non_null(strstr(res.problems[0].message, "line 2"));
	fh_import_result_free(&res);
	/* one row, in GB18030 */
	char *nl = strchr(strchr(csv, '\n') + 1, '\n');
	nl[1] = 0;
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	char gb[1024], *in = csv, *out = gb;
	size_t inleft = strlen(csv), outleft = sizeof gb;
	assert_true(iconv(cd, &in, &inleft, &out, &outleft) != (size_t)-1);
	iconv_close(cd);
	assert_int_equal(fh_activity_import(st, &sys_actor, gb, (size_t)(out - gb), &opt, &res, &err), FH_OK);
	assert_string_equal(res.encoding, "gb18030");
	assert_int_equal(res.imported, 1);
	fh_import_result_free(&res);
	assert_int_equal(count_where("SELECT count(*) FROM activities WHERE title = '健步走' AND kind = 'volunteering'"
				     " AND volunteer_tenths = 40 AND %lld",
				     1),
			 1);
}

/* A heading that is no activity's, or a needed column missing: the file
 * is refused at line 1. */
static void import_headings(void **s)
{
	(void)s;
	fh_error err;
	fh_import_options opt = { 0 };
	fh_import_result res;
	const char *a = "日期,机构,活动名称,服务人次,颜色\n";
	assert_int_equal(fh_activity_import(st, &sys_actor, a, strlen(a), &opt, &res, &err), FH_EINVAL);
	assert_non_null(strstr(err.message, "颜色"));
	fh_import_result_free(&res);
	const char *b = "日期,机构,活动名称\n";
	assert_int_equal(fh_activity_import(st, &sys_actor, b, strlen(b), &opt, &res, &err), FH_EINVAL);
	assert_non_null(strstr(err.message, "served"));
	fh_import_result_free(&res);
	assert_int_equal(fh_activity_import(st, &sys_actor, "", 0, &opt, &res, &err), FH_EINVAL);
	fh_import_result_free(&res);
}

/* `fuhua check` finds kept totals that are not the activities'. */
static void check_finds_tally_drift(void **s)
{
	(void)s;
	fh_error err;
	fh_check_report rep;
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
	assert_int_equal(
		sqlite3_exec(fh_store_db(st), "UPDATE activity_tally SET served = served + 1", NULL, NULL, NULL),
		SQLITE_OK);
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_true(rep.n > 0);
	assert_int_equal(
		sqlite3_exec(fh_store_db(st), "UPDATE activity_tally SET served = served - 1", NULL, NULL, NULL),
		SQLITE_OK);
}

/* A tenant leaves yesterday while today's activity of it is recorded in
 * another terminal: refused, the tenant's last day read in the write
 * transaction. */
static void test_race_exit_and_activity(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted_in_march("ja-gh", "竞速活动社"), id = 0;
	setenv("FUHUA_NOW", "2026-06-09T09:00", 1);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_tenant_move(r.b, &sys_actor, t, 0, FH_STAGE_EXITED, "停止活动", NULL, &err), FH_OK);
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	fh_activity a = act(t, "2026-06-10", "离开后活动", 3);
	race_arm(&r);
	fh_status got = fh_activity_add(st, &sys_actor, &a, &id, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_int_equal(count_where("SELECT count(*) FROM activities WHERE tenant_id = %lld", t), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(activity_checks),
		cmocka_unit_test(activities_of_a_tenant_that_left),
		cmocka_unit_test(activities_serve_projects),
		cmocka_unit_test(activity_in_a_booked_room),
		cmocka_unit_test(totals_against_a_count),
		cmocka_unit_test(import_all_or_nothing),
		cmocka_unit_test(import_twice_in_a_file_and_gb18030),
		cmocka_unit_test(import_headings),
		cmocka_unit_test(check_finds_tally_drift),
		cmocka_unit_test(test_race_exit_and_activity),
	};
	return cmocka_run_group_tests_name("activity", tests, module_setup, module_teardown);
}
