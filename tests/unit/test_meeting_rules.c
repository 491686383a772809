/* fuhua tests — meeting_rules.h: the meetings section of a hub's rules —
 * its defaults (quarterly general meeting and lecture, monthly committee
 * and group) written once, a kind's months read at their bounds (0: not
 * required), out of range refused. Degenerate cases first. */
#include "rules.h"

#include "fuhua/meeting_rules.h"

static void months_per_kind(void **s)
{
	(void)s;
	fh_meeting_rules r = { .months = { -1, -1, -1, -1 } };
	fh_meeting_rules_defaults(&r);
	assert_int_equal(r.months[0], 3);
	assert_int_equal(r.months[1], 1);
	assert_int_equal(r.months[3], 3);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED "meetings: { group: 0, lecture: 12 }\n",
				    "  meetings: { committee: 2 }\n", &cfg, &err),
			 FH_OK);
	const fh_meeting_rules *m = &rules_of(cfg)->meeting;
	assert_int_equal(m->months[0], 3);
	assert_int_equal(m->months[1], 2);
	assert_int_equal(m->months[2], 0);
	assert_int_equal(m->months[3], 12);
	fh_config_free(&cfg);
	rules_refused(LEVEL_REQUIRED "meetings: { lecture: 13 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "meetings: { lectures: 3 }\n", "did you mean 'lecture'");
	rules_refused(LEVEL_REQUIRED "meetings: 3\n", "a map of months");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(months_per_kind),
	};
	return cmocka_run_group_tests_name("meeting_rules", tests, NULL, NULL);
}
