/* fuhua tests — course.h: courses and who attended them at the bounds of
 * their rules (a course's hours, attendance once held and once per person),
 * sessions and attendances per hub and month against an independent
 * count, and the tenants nobody of which was trained in a year. */
#include "module.h"

#include "fuhua/course.h"

MODULE_TEST("course.db", "2026-06-10T09:00")

static fh_course course(const char *ymd, const char *title, double hours, fh_course_audience a)
{
	fh_course c = { .on = day(ymd), .hours = hours, .audience = a };
	snprintf(c.title, sizeof c.title, "%s", title);
	snprintf(c.trainer, sizeof c.trainer, "%s", "李老师");
	return c;
}

static void audiences(void **s)
{
	(void)s;
	fh_course_audience a;
	for (int i = 0; i < FH_AUDIENCE_COUNT; i++) {
		assert_true(fh_course_audience_parse(fh_course_audience_name((fh_course_audience)i), &a));
		assert_int_equal(a, i);
	}
	assert_true(fh_course_audience_parse("党组织书记", &a));
	assert_int_equal(a, FH_AUDIENCE_SECRETARIES);
	assert_false(fh_course_audience_parse("学生", &a));
	assert_null(fh_course_audience_name(FH_AUDIENCE_COUNT));
}

static void courses_and_attendance(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, att, t = tenant("ja-gh", "培训参加社");
	fh_course c = course("2026-05-12", "项目书写作", 0.4, FH_AUDIENCE_TENANT_STAFF);
	assert_int_equal(fh_course_add(st, &sys_actor, "ja-gh", &c, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "hours");
	c.hours = 24.5;
	assert_int_equal(fh_course_add(st, &sys_actor, "ja-gh", &c, &id, &err), FH_EINVAL);
	c.hours = 0.5;
	c.trainer[0] = 0;
	assert_int_equal(fh_course_add(st, &sys_actor, "ja-gh", &c, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "trainer");
	c = course("2026-05-12", "项目书写作", 0.5, FH_AUDIENCE_TENANT_STAFF);
	assert_int_equal(fh_course_add(st, &sys_actor, "ja-gh", &c, &id, &err), FH_OK);
	assert_int_equal(fh_course_attend(st, &sys_actor, id, t, "", &att, &err), FH_EINVAL);
	assert_int_equal(fh_course_attend(st, &sys_actor, id, t, "张敏", &att, &err), FH_OK);
	assert_int_equal(fh_course_attend(st, &sys_actor, id, t, " 张敏 ", &att, &err), FH_ECONFLICT);
	assert_int_equal(fh_course_attend(st, &sys_actor, id, 0, "张敏", &att, &err), FH_OK); /* another 张敏 */
	assert_int_equal(fh_course_attend(st, &sys_actor, 999999, t, "王强", &att, &err), FH_ENOTFOUND);
	fh_course planned = course("2026-06-11", "明日课程", 2, FH_AUDIENCE_SECRETARIES);
	int64_t tomorrow;
	assert_int_equal(fh_course_add(st, &sys_actor, "ja-gh", &planned, &tomorrow, &err), FH_OK);
	assert_int_equal(fh_course_attend(st, &sys_actor, tomorrow, t, "王强", &att, &err), FH_EINVAL);
	fh_attendance *who;
	size_t n;
	assert_int_equal(fh_course_attendees(st, &sys_actor, id, &who, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	free(who);
	fh_actor dn = signed_in("大宁培训", FH_ROLE_FRONT_DESK, "ja-dn");
	assert_int_equal(fh_course_attend(st, &dn, id, 0, "赵六", &att, &err), FH_EDENIED);
	fh_course *rows;
	assert_int_equal(fh_course_list(st, &sys_actor, "ja-gh", day("2026-05-01"), 0, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, tomorrow);
	assert_int_equal(rows[1].attended, 2);
	free(rows);
}

/* Sessions and attendances of May against SQL; a planned course is no
 * session yet. */
static void totals_and_untrained(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, att, t = tenant("ja-gh", "五月受训社"), idle = tenant("ja-gh", "未受训社");
	fh_course c = course("2026-05-20", "财务规范", 3, FH_AUDIENCE_TENANT_STAFF);
	assert_int_equal(fh_course_add(st, &sys_actor, "ja-gh", &c, &id, &err), FH_OK);
	assert_int_equal(fh_course_attend(st, &sys_actor, id, t, "周丽", &att, &err), FH_OK);
	fh_course_total *rows;
	size_t n;
	assert_int_equal(fh_course_totals(st, &sys_actor, "ja-gh", 2026, 5, false, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].key, "ja-gh");
	assert_int_equal(rows[0].sessions,
			 fixture_count(st,
				       "SELECT count(*) FROM courses WHERE on_day >= 1777564800"
				       " AND on_day < 1780243200"));
	assert_int_equal(rows[0].attendances,
			 fixture_count(st,
				       "SELECT count(*) FROM attendances a JOIN courses c"
				       " ON c.id = a.course_id WHERE c.on_day >= 1777564800"
				       " AND c.on_day < 1780243200"));
	assert_int_equal(rows[0].tenants, 2);
	assert_true(rows[0].hours > 3.49 && rows[0].hours < 3.51);
	free(rows);
	assert_int_equal(fh_course_totals(st, &sys_actor, "ja", 2026, 0, true, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1); /* June's course is planned, not held */
	assert_string_equal(rows[0].key, "2026-05");
	free(rows);
	fh_untrained *u;
	assert_int_equal(fh_course_untrained(st, &sys_actor, "ja-gh", 2026, &u, &n, &err), FH_OK);
	bool trained = false, untrained = false;
	for (size_t i = 0; i < n; i++) {
		trained |= u[i].tenant_id == t;
		untrained |= u[i].tenant_id == idle;
	}
	assert_false(trained);
	assert_true(untrained);
	free(u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(audiences),
		cmocka_unit_test(courses_and_attendance),
		cmocka_unit_test(totals_and_untrained),
	};
	return cmocka_run_group_tests_name("course", tests, module_setup, module_teardown);
}
