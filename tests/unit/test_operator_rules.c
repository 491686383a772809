/* fuhua tests — operator_rules.h: the operator's section of a hub's rules
 * — the idle lock's default written once, read and overridden, out of
 * range refused. Degenerate cases first. */
#include "rules.h"

#include "fuhua/operator_rules.h"

/* The default, over whatever was there; none set, 10 minutes; 0 (never)
 * and a hub's own read; out of range refused. */
static void idle_lock(void **s)
{
	(void)s;
	fh_operator_rules r = { .idle_lock_minutes = -1 };
	fh_operator_rules_defaults(&r);
	assert_int_equal(r.idle_lock_minutes, 10);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_int_equal(rules_of(cfg)->operator.idle_lock_minutes, 10);
	fh_config_free(&cfg);
	assert_int_equal(rules_load(LEVEL_REQUIRED "idle_lock_minutes: 0\n", "  idle_lock_minutes: 240\n", &cfg, &err),
			 FH_OK);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->operator.idle_lock_minutes, 0);
	assert_int_equal(rules_of(cfg)->operator.idle_lock_minutes, 240);
	fh_config_free(&cfg);
	rules_refused(LEVEL_REQUIRED "idle_lock_minutes: 241\n", "out of range");
	rules_refused(LEVEL_REQUIRED "idle_lock_minute: 5\n", "did you mean 'idle_lock_minutes'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(idle_lock),
	};
	return cmocka_run_group_tests_name("operator_rules", tests, NULL, NULL);
}
