/* fuhua tests — calendar.h: working days — Monday to Friday without a
 * calendar, a hub's days off and weekend days worked, counting working
 * days across a holiday; a hub that is not one. Degenerate cases first. */
#include "module.h"

#include "fuhua/calendar.h"
#include "fuhua/hub.h"

MODULE_TEST("calendar.db", "2026-06-10T09:00")

/* No calendar: nothing is a day off, Monday to Friday are worked; a hub
 * with no days listed (or none at all) has an empty calendar; a listed day
 * off. */
static void days_without_a_calendar(void **s)
{
	(void)s;
	fh_error err;
	fh_calendar cal;
	/* 2026-11-23 is a Monday */
	assert_int_equal(fh_weekday(day("2026-11-23")), 0);
	assert_int_equal(fh_weekday(day("2026-11-29") + 23 * 3600), 6);
	assert_false(fh_calendar_off(NULL, day("2026-10-01")));
	assert_true(fh_calendar_working(NULL, day("2026-10-01")));
	assert_false(fh_calendar_working(NULL, day("2026-10-03")));
	assert_int_equal(fh_calendar_add(NULL, day("2026-11-27"), 1), day("2026-11-30"));
	assert_int_equal(fh_calendar_load(st, 999999, &cal, &err), FH_OK);
	assert_int_equal(cal.noff + cal.nworked, 0);
	fh_calendar_free(&cal);
	int64_t off[] = { day("2026-10-01") };
	fh_calendar one = { .off = off, .noff = 1 };
	assert_true(fh_calendar_off(&one, day("2026-10-01") + 3600));
	assert_false(fh_calendar_off(&one, day("2026-10-02")));
}

static void test_working_days(void **s)
{
	(void)s;
	fh_error err;
	fh_hub h;
	fh_calendar cal;
	assert_int_equal(fh_hub_get(st, &sys_actor, "ja-dn", &h, &err), FH_OK);
	assert_int_equal(fh_calendar_load(st, h.id, &cal, &err), FH_OK);
	/* National Day: 1–7 October off; Saturday 10 October worked */
	assert_false(fh_calendar_working(&cal, day("2026-10-01")));
	assert_true(fh_calendar_working(&cal, day("2026-10-10")));
	assert_false(fh_calendar_working(&cal, day("2026-10-11")));
	assert_int_equal(fh_calendar_add(&cal, day("2026-09-30"), 1), day("2026-10-08"));
	assert_int_equal(fh_calendar_add(&cal, day("2026-10-09"), 1), day("2026-10-10"));
	/* without the calendar, Monday to Friday */
	assert_int_equal(fh_calendar_add(NULL, day("2026-09-30"), 1), day("2026-10-01"));
	/* 15 working days from 28 September: 29, 30 Sep; 8, 9, 10 (Sat), 12–16, 19–23 Oct */
	assert_int_equal(fh_calendar_add(&cal, day("2026-09-28"), 15), day("2026-10-23"));
	fh_calendar_free(&cal);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_without_a_calendar),
		cmocka_unit_test(test_working_days),
	};
	return cmocka_run_group_tests_name("calendar", tests, module_setup, module_teardown);
}
