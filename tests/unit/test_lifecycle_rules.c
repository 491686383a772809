/* fuhua tests — lifecycle_rules.h: the lifecycle's section of a hub's
 * rules — its defaults written once and taken by a level that sets
 * nothing else, the term required, each key read and overridden, values
 * out of range refused naming them. Degenerate cases first. */
#include "rules.h"

#include "fuhua/lifecycle_rules.h"

/* The defaults, over whatever was there; a level with only the required
 * keys has them. */
static void defaults(void **s)
{
	(void)s;
	fh_lifecycle_rules r;
	memset(&r, 0xff, sizeof r);
	fh_lifecycle_rules_defaults(&r);
	assert_int_equal(r.incubation_term_months, 24);
	assert_int_equal(r.extension_months, 0);
	assert_int_equal(r.grad_min_months, 12);
	assert_true(r.grad_all_milestones && r.grad_party_coverage && r.grad_registered && r.grad_handovers);
	assert_int_equal(r.grad_min_rating, 0);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	const fh_lifecycle_rules *l = &rules_of(cfg)->lifecycle;
	assert_int_equal(l->extension_months, 0);
	assert_int_equal(l->grad_min_months, 12);
	for (int g = 0; g < FH_STAGE_COUNT; g++) {
		assert_null(l->stages[g].label);
		assert_int_equal(l->stages[g].max_days, 0);
	}
	fh_config_free(&cfg);
}

/* Each key read, and a hub's override over its level's; the term is
 * required; out of range and unknown keys refused, naming them. */
static void keys_read_and_checked(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED
				    "extension_months: 6\nstages:\n  applied: { label: 申请, max_days: 30 }\n"
				    "graduation: { min_months: 18, min_rating: 3, registered: false }\n",
				    "  incubation_term_months: 36\n", &cfg, &err),
			 FH_OK);
	const fh_lifecycle_rules *l = &rules_of(cfg)->lifecycle;
	assert_int_equal(l->incubation_term_months, 36);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->lifecycle.incubation_term_months, 24);
	assert_int_equal(l->extension_months, 6);
	assert_string_equal(l->stages[FH_STAGE_APPLIED].label, "申请");
	assert_int_equal(l->stages[FH_STAGE_APPLIED].max_days, 30);
	assert_int_equal(l->grad_min_months, 18);
	assert_int_equal(l->grad_min_rating, 3);
	assert_false(l->grad_registered);
	assert_true(l->grad_handovers); /* not named: the default */
	fh_config_free(&cfg);
	rules_refused("free_period_months: 12\nfields: [其他]\n", "missing required key 'incubation_term_months'");
	rules_refused(LEVEL_REQUIRED "extension_months: 61\n", "out of range");
	rules_refused(LEVEL_REQUIRED "graduation: { min_rating: 6 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "graduation: { min_monhts: 6 }\n", "did you mean 'min_months'");
	rules_refused(LEVEL_REQUIRED "stages: { hatched: { label: 孵 } }\n", "hatched");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(keys_read_and_checked),
	};
	return cmocka_run_group_tests_name("lifecycle_rules", tests, NULL, NULL);
}
