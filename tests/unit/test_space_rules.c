/* fuhua tests — space_rules.h: the spaces' section of a hub's rules — its
 * defaults written once, the free period required, fees, the handover
 * deadline and rooms' hours read and overridden, bad values refused
 * naming them. Degenerate cases first. */
#include "rules.h"

#include "fuhua/space_rules.h"

/* The defaults, over whatever was there. */
static void defaults(void **s)
{
	(void)s;
	fh_space_rules r;
	memset(&r, 0xff, sizeof r);
	fh_space_rules_defaults(&r);
	assert_int_equal(r.free_period_months, 12);
	assert_true(r.fee_per_m2_month == 0 && r.fee_per_seat_month == 0);
	assert_int_equal(r.handover_working_days, 15);
	assert_int_equal(r.opens, 8 * 60 + 30);
	assert_int_equal(r.closes, 21 * 60);
	assert_int_equal(r.max_hours_per_week, 0);
}

/* Each key read, a hub's override over its level's; the free period is
 * required; rooms that close before they open, and fees below nothing,
 * refused. */
static void keys_read_and_checked(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED "fee_per_m2_month: 1.5\nhandover_working_days: 10\n"
						   "booking: { opens: \"09:00\", max_hours_per_week: 8 }\n",
				    "  free_period_months: 6\n  fee_per_seat_month: 200\n", &cfg, &err),
			 FH_OK);
	const fh_space_rules *r = &rules_of(cfg)->space;
	assert_int_equal(r->free_period_months, 6);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->space.free_period_months, 12);
	assert_true(r->fee_per_m2_month == 1.5 && r->fee_per_seat_month == 200);
	assert_int_equal(r->handover_working_days, 10);
	assert_int_equal(r->opens, 9 * 60);
	assert_int_equal(r->closes, 21 * 60); /* not named: the default */
	assert_int_equal(r->max_hours_per_week, 8);
	fh_config_free(&cfg);
	rules_refused("incubation_term_months: 24\nfields: [其他]\n", "missing required key 'free_period_months'");
	rules_refused(LEVEL_REQUIRED "booking: { opens: \"20:00\", closes: \"09:00\" }\n", "close before they open");
	rules_refused(LEVEL_REQUIRED "booking: { opens: \"08:10\" }\n", "quarter hour");
	rules_refused(LEVEL_REQUIRED "fee_per_m2_month: -1\n", "not a number");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(keys_read_and_checked),
	};
	return cmocka_run_group_tests_name("space_rules", tests, NULL, NULL);
}
