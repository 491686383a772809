/* fuhua tests — report_rules.h: the reports section of a hub's rules — its
 * default written once, a level's folder and a hub's own, a folder that
 * climbs out with '..', an empty one, a control character and an unknown
 * key refused. Degenerate cases first. */
#include "rules.h"

#include "fuhua/report_rules.h"

static void folder(void **s)
{
	(void)s;
	fh_report_rules r = { .dir = "x" };
	fh_report_rules_defaults(&r);
	assert_string_equal(r.dir, "");
	fh_config *cfg;
	fh_error err;
	assert_int_equal(
		rules_load(LEVEL_REQUIRED "reports: { dir: /srv/报表 }\n", "  reports: { dir: 静安 }\n", &cfg, &err),
		FH_OK);
	assert_string_equal(fh_config_level(cfg, FH_LEVEL_CITY)->reports.dir, "/srv/报表");
	assert_string_equal(rules_of(cfg)->reports.dir, "静安"); /* the hub's own, from the database's folder */
	fh_config_free(&cfg);
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_string_equal(rules_of(cfg)->reports.dir, "");
	fh_config_free(&cfg);
	rules_refused(LEVEL_REQUIRED "reports: { dir: ../elsewhere }\n", "'..'");
	rules_refused(LEVEL_REQUIRED "reports: { dir: /srv/a/../../etc }\n", "'..'");
	rules_refused(LEVEL_REQUIRED "reports: { dir: '' }\n", "empty");
	rules_refused(LEVEL_REQUIRED "reports: { dir: \"/srv/\\e[2J\" }\n", "control");
	rules_refused(LEVEL_REQUIRED "reports: { dirs: /srv }\n", "did you mean 'dir'");
	rules_refused(LEVEL_REQUIRED "reports: /srv\n", "map");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(folder),
	};
	return cmocka_run_group_tests_name("report_rules", tests, NULL, NULL);
}
