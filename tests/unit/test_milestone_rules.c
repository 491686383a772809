/* fuhua tests — milestone_rules.h: the milestones' section of a hub's
 * rules — its defaults written once, the templates of both tracks and the
 * mentoring rules read and overridden, bad templates and lead times
 * refused naming them. Degenerate cases first. */
#include "rules.h"

#include "fuhua/milestone_rules.h"

/* The defaults, over whatever was there: no templates, 30 quiet days,
 * reminders 30, 7 and 0 days before. */
static void defaults(void **s)
{
	(void)s;
	fh_milestone_rules r;
	memset(&r, 0xff, sizeof r);
	fh_milestone_rules_defaults(&r);
	assert_null(r.org);
	assert_null(r.party);
	assert_int_equal(r.norg + r.nparty, 0);
	assert_int_equal(r.quiet_days, 30);
	assert_int_equal(r.nlead, 3);
	assert_int_equal(r.lead_days[0], 30);
	assert_int_equal(r.lead_days[1], 7);
	assert_int_equal(r.lead_days[2], 0);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_int_equal(rules_of(cfg)->milestone.norg, 0);
	assert_int_equal(rules_of(cfg)->milestone.quiet_days, 30);
	fh_config_free(&cfg);
}

/* Templates read with their defaults (required, a task), copied into the
 * hub; the mentoring rules overridden; bad ones refused. */
static void keys_read_and_checked(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(
		rules_load(
			LEVEL_REQUIRED
			"milestones:\n  org:\n    - { code: charter, title: 章程, due_months: 3 }\n"
			"  party:\n    - { code: plan, title: 党建方案, due_months: 1, kind: task, required: false }\n",
			"  mentoring: { quiet_days: 45, lead_days: [14, 1] }\n", &cfg, &err),
		FH_OK);
	const fh_milestone_rules *m = &rules_of(cfg)->milestone;
	assert_int_equal(m->norg, 1);
	assert_string_equal(m->org[0].code, "charter");
	assert_string_equal(m->org[0].kind, "task");
	assert_true(m->org[0].required);
	assert_int_equal(m->nparty, 1);
	assert_false(m->party[0].required);
	assert_true(m->org != fh_config_level(cfg, FH_LEVEL_CITY)->milestone.org); /* the hub's own copy */
	assert_int_equal(m->quiet_days, 45);
	assert_int_equal(m->nlead, 2);
	assert_int_equal(m->lead_days[1], 1);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->milestone.quiet_days, 30);
	fh_config_free(&cfg);
	rules_refused(LEVEL_REQUIRED "mentoring: { lead_days: [] }\n", "1 to 4");
	rules_refused(LEVEL_REQUIRED "mentoring: { lead_days: [1, 2, 3, 4, 5] }\n", "1 to 4");
	rules_refused(LEVEL_REQUIRED "mentoring: { quiet_days: 0 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "milestones:\n  org:\n    - { code: a, title: 甲, due_months: 1 }\n"
				     "    - { code: a, title: 乙, due_months: 2 }\n",
		      "used twice");
	rules_refused(LEVEL_REQUIRED "milestones:\n  org:\n    - { code: a, title: 甲, due_months: 1, kind: party }\n",
		      "unknown milestone kind");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(keys_read_and_checked),
	};
	return cmocka_run_group_tests_name("milestone_rules", tests, NULL, NULL);
}
