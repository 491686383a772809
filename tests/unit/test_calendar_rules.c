/* fuhua tests — calendar_rules.h: the calendar's section of a hub's rules
 * — no days by default, days off and weekend days worked read, sorted and
 * overridden, a weekday worked or a day both off and worked refused.
 * Degenerate cases first. */
#include "rules.h"

#include "fuhua/calendar_rules.h"
#include <string.h>

/* No holidays: an empty calendar. Days and ranges read and sorted; a hub's
 * own list replaces its level's. */
static void days_read(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_int_equal(rules_of(cfg)->calendar.noff + rules_of(cfg)->calendar.nworked, 0);
	assert_null(rules_of(cfg)->calendar.off);
	fh_config_free(&cfg);
	assert_int_equal(rules_load(LEVEL_REQUIRED "holidays:\n  off: [2026-10-05, 2026-10-01..2026-10-03]\n"
						   "  worked: [2026-10-10]\n",
				    "  holidays: { off: [2026-06-19] }\n", &cfg, &err),
			 FH_OK);
	const fh_calendar *lc = &fh_config_level(cfg, FH_LEVEL_CITY)->calendar, *hc = &rules_of(cfg)->calendar;
	assert_int_equal(lc->noff, 4);
	for (size_t i = 1; i < lc->noff; i++)
		assert_true(lc->off[i - 1] < lc->off[i]);
	assert_int_equal(lc->nworked, 1);
	assert_int_equal(hc->noff, 1);
	assert_int_equal(hc->nworked, 0);
	fh_config_free(&cfg);
}

/* A weekday worked, a day both off and worked, a range backwards and a day
 * that is none are refused, naming them. */
static void days_checked(void **s)
{
	(void)s;
	rules_refused(LEVEL_REQUIRED "holidays: { worked: [2026-10-09] }\n", "weekday");
	rules_refused(LEVEL_REQUIRED "holidays: { off: [2026-10-10], worked: [2026-10-10] }\n", "both");
	rules_refused(LEVEL_REQUIRED "holidays: { off: [2026-10-07..2026-10-01] }\n", "ends before it starts");
	rules_refused(LEVEL_REQUIRED "holidays: { off: [2026-02-30] }\n", "2026-02-30");
	rules_refused(LEVEL_REQUIRED "holidays: { of: [2026-10-01] }\n", "did you mean 'off'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(days_read),
		cmocka_unit_test(days_checked),
	};
	return cmocka_run_group_tests_name("calendar_rules", tests, NULL, NULL);
}
