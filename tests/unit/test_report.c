/* fuhua tests — report.h: the dashboard's figures over the hubs an
 * operator sees — a street sees its own, the city everything, and a
 * tenant taken in counts once in its stage. Degenerate cases first. */
#include "module.h"

#include "fuhua/booking.h"
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

/* What waits for a manager: nothing for nobody; then an application in
 * review, a booking waiting for approval, a tenant past its planned end
 * (the clock two years on) are each counted once, at the hubs in scope. */
static void waiting_for_a_manager(void **s)
{
	(void)s;
	fh_error err;
	fh_waiting w, after;
	fh_actor nobody = { 0 };
	assert_int_equal(fh_report_waiting(st, &nobody, NULL, &w, &err), FH_EDENIED);
	assert_int_equal(fh_report_waiting(st, &sys_actor, NULL, &w, &err), FH_OK);
	fh_tenant t;
	fh_tenant_init(&t);
	t.hub_id = hub("ja-dn");
	snprintf(t.name, sizeof t.name, "%s", "待评审服务社");
	assert_int_equal(fh_tenant_add(st, &sys_actor, &t, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &sys_actor, t.id, 0, FH_STAGE_REVIEWING, NULL, NULL, &err), FH_OK);
	int64_t admitted_one = tenant("ja-dn", "两年后到期服务社");
	fh_booking_req b = { .space_id = space("ja-dn/B1"),
			     .tenant_id = admitted_one,
			     .starts = at("2026-06-15", 10, 0),
			     .ends = at("2026-06-15", 12, 0),
			     .title = "年会",
			     .weeks = 1 };
	fh_booking_result res;
	assert_int_equal(fh_booking_add(st, &sys_actor, &b, &res, &err), FH_OK);
	assert_int_equal(res.pending, 1);
	fh_dashboard d;
	assert_int_equal(fh_report_dashboard(st, &sys_actor, &d, &err), FH_OK);
	assert_int_equal(fh_report_waiting(st, &sys_actor, &d, &after, &err), FH_OK);
	assert_int_equal(after.review, w.review + 1);
	assert_int_equal(after.bookings, w.bookings + 1);
	assert_int_equal(after.graduations, w.graduations);
	/* a street beside sees none of it */
	fh_actor gh = signed_in("等待共和新路", FH_ROLE_MANAGER, "ja-gh");
	fh_waiting street;
	assert_int_equal(fh_report_waiting(st, &gh, NULL, &street, &err), FH_OK);
	assert_int_equal(street.review, 0);
	assert_int_equal(street.bookings, 0);
	/* two years on, the tenant admitted today is past its planned end */
	setenv("FUHUA_NOW", "2028-07-01T09:00", 1);
	assert_int_equal(fh_report_waiting(st, &sys_actor, NULL, &after, &err), FH_OK);
	assert_true(after.graduations >= 1);
	assert_int_equal(after.bookings, 0); /* that booking is past */
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dashboard_in_scope),
		cmocka_unit_test(waiting_for_a_manager),
	};
	return cmocka_run_group_tests_name("report", tests, module_setup, module_teardown);
}
