/* fuhua tests — project_rules.h: the projects section of a hub's rules —
 * its defaults written once, the funders listed at a level and replaced by
 * a hub, the evaluation's days and a contract's advance at their bounds,
 * and what is refused with its place. Degenerate cases first. */
#include "rules.h"

#include "fuhua/project_rules.h"

/* Nothing set: no funder list (any funder), 90 days, 70 %. */
static void defaults(void **s)
{
	(void)s;
	fh_project_rules r = { .evaluation_days = -1, .contract_advance_percent = -1 };
	fh_project_rules_defaults(&r);
	assert_int_equal(r.evaluation_days, 90);
	assert_int_equal(r.contract_advance_percent, 70);
	assert_int_equal(r.nfunders, 0);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_int_equal(rules_of(cfg)->project.evaluation_days, 90);
	assert_int_equal(rules_of(cfg)->project.nfunders, 0);
	fh_config_free(&cfg);
}

/* A level's funders, a hub's own in their place; a hub that names only
 * its days keeps its level's funders; the bounds read. */
static void funders_and_bounds(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED "projects:\n  funders: [市民政局, 其他]\n  evaluation_days: 1\n"
						   "  contract_advance_percent: 0\n",
				    "  projects: { funders: [区慈善基金会] }\n", &cfg, &err),
			 FH_OK);
	const fh_rules *level = fh_config_level(cfg, FH_LEVEL_CITY);
	assert_int_equal(level->project.nfunders, 2);
	assert_string_equal(level->project.funders[1], "其他");
	assert_int_equal(level->project.evaluation_days, 1);
	assert_int_equal(rules_of(cfg)->project.nfunders, 1);
	assert_string_equal(rules_of(cfg)->project.funders[0], "区慈善基金会");
	assert_int_equal(rules_of(cfg)->project.contract_advance_percent, 0);
	fh_config_free(&cfg);
	assert_int_equal(rules_load(LEVEL_REQUIRED "projects: { funders: [市民政局] }\n",
				    "  projects: { evaluation_days: 365, contract_advance_percent: 100 }\n", &cfg,
				    &err),
			 FH_OK);
	assert_int_equal(rules_of(cfg)->project.nfunders, 1);
	assert_string_equal(rules_of(cfg)->project.funders[0], "市民政局");
	assert_int_equal(rules_of(cfg)->project.evaluation_days, 365);
	assert_int_equal(rules_of(cfg)->project.contract_advance_percent, 100);
	fh_config_free(&cfg);
}

static void refused(void **s)
{
	(void)s;
	rules_refused(LEVEL_REQUIRED "projects: { evaluation_days: 0 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "projects: { contract_advance_percent: 101 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "projects: { funders: [甲, 甲] }\n", "listed twice");
	rules_refused(LEVEL_REQUIRED "projects: { funders: 甲 }\n", "a list of funders");
	rules_refused(LEVEL_REQUIRED "projects: { funder: [甲] }\n", "did you mean 'funders'");
	rules_refused(LEVEL_REQUIRED "projects: [甲]\n", "a map of project rules");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(funders_and_bounds),
		cmocka_unit_test(refused),
	};
	return cmocka_run_group_tests_name("project_rules", tests, NULL, NULL);
}
