/* fuhua tests — followup_rules.h: the follow-up section of a hub's rules —
 * its defaults written once, a level's and a hub's months, months that do
 * not rise or are too many refused. Degenerate cases first. */
#include "rules.h"

#include "fuhua/followup_rules.h"

static void months(void **s)
{
	(void)s;
	fh_followup_rules r = { .n = -1 };
	fh_followup_rules_defaults(&r);
	assert_int_equal(r.n, 3);
	assert_int_equal(r.months[0], 3);
	assert_int_equal(r.months[2], 12);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED "followup: { months: [6, 12, 24] }\n",
				    "  followup: { months: [] }\n", &cfg, &err),
			 FH_OK);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->followup.n, 3);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->followup.months[2], 24);
	assert_int_equal(rules_of(cfg)->followup.n, 0); /* a hub that follows nobody up */
	fh_config_free(&cfg);
	rules_refused(LEVEL_REQUIRED "followup: { months: [6, 6] }\n", "must rise");
	rules_refused(LEVEL_REQUIRED "followup: { months: [1, 2, 3, 4, 5, 6, 7] }\n", "at most 6");
	rules_refused(LEVEL_REQUIRED "followup: { months: [0] }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "followup: { month: [3] }\n", "did you mean 'months'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(months),
	};
	return cmocka_run_group_tests_name("followup_rules", tests, NULL, NULL);
}
