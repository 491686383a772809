/* fuhua tests — report.h: the dashboard's figures over the hubs an
 * operator sees — a street sees its own, the city everything, and a
 * tenant taken in counts once in its stage. Degenerate cases first. */
#include "module.h"

#include "fuhua/report.h"

MODULE_TEST("report.db", "2026-06-10T09:00")

/* No actor, no figures; a street's dashboard counts its own hubs, the
 * city's every hub; a tenant taken in counts once, in its stage. */
static void dashboard_in_scope(void **s)
{
	(void)s;
	fh_error err;
	fh_dashboard city, street, after;
	fh_actor nobody = { 0 };
	assert_int_equal(fh_report_dashboard(st, &nobody, &city, &err), FH_EDENIED);
	fh_actor gh = signed_in("报表街道", FH_ROLE_MANAGER, "ja-gh");
	signed_in("报表大宁", FH_ROLE_FRONT_DESK, "ja-dn");
	assert_int_equal(fh_report_dashboard(st, &sys_actor, &city, &err), FH_OK);
	assert_int_equal(fh_report_dashboard(st, &gh, &street, &err), FH_OK);
	assert_int_equal(city.tenants, 0);
	assert_true(street.spaces == 7 && city.spaces > street.spaces); /* ja-gh 5, ja-gh-yq 2 */
	assert_int_equal(city.operators, street.operators + 1);         /* ja-dn's is not the street's */
	tenant("ja-gh-yq", "报表睦邻社");
	assert_int_equal(fh_report_dashboard(st, &gh, &after, &err), FH_OK);
	assert_int_equal(after.tenants, street.tenants + 1);
	assert_int_equal(after.by_stage[FH_STAGE_INCUBATING], street.by_stage[FH_STAGE_INCUBATING] + 1);
	int sum = 0;
	for (int i = 0; i < FH_STAGE_COUNT; i++)
		sum += after.by_stage[i];
	assert_int_equal(sum, after.tenants);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dashboard_in_scope),
	};
	return cmocka_run_group_tests_name("report", tests, module_setup, module_teardown);
}
