/* fuhua tests — rating_rules.h: the ratings section of a hub's rules —
 * its defaults written once, read and overridden at its bounds, out of
 * range refused. Degenerate cases first. */
#include "rules.h"

#include "fuhua/rating_rules.h"

static void valid_years_and_warning(void **s)
{
	(void)s;
	fh_rating_rules r = { .valid_years = -1, .warn_days = -1 };
	fh_rating_rules_defaults(&r);
	assert_int_equal(r.valid_years, 5);
	assert_int_equal(r.warn_days, 180);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_int_equal(rules_of(cfg)->rating.valid_years, 5);
	fh_config_free(&cfg);
	assert_int_equal(rules_load(LEVEL_REQUIRED "ratings: { valid_years: 1, warn_days: 730 }\n",
				    "  ratings: { valid_years: 10 }\n", &cfg, &err),
			 FH_OK);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->rating.valid_years, 1);
	assert_int_equal(rules_of(cfg)->rating.valid_years, 10);
	assert_int_equal(rules_of(cfg)->rating.warn_days, 730);
	fh_config_free(&cfg);
	rules_refused(LEVEL_REQUIRED "ratings: { valid_years: 0 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "ratings: { warn_days: 731 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "ratings: { valid_year: 5 }\n", "did you mean 'valid_years'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_years_and_warning),
	};
	return cmocka_run_group_tests_name("rating_rules", tests, NULL, NULL);
}
