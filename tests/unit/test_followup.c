/* fuhua tests — followup.h: graduation opens the follow-ups at the hub's
 * months, each due to the day (month ends clamped); those overdue from the
 * day after; each recorded once, not before the graduation; a dissolved
 * graduate closes the rest; 以社孵社 kept both ways; the totals against an
 * independent count. */
#include "module.h"

#include "fuhua/followup.h"

MODULE_TEST("followup.db", "2026-06-10T09:00")

/* A tenant of ja-gh graduated (by override) on 2026-01-31. */
static int64_t graduated(const char *name)
{
	setenv("FUHUA_NOW", "2025-06-01T09:00", 1);
	int64_t t = tenant("ja-gh", name);
	setenv("FUHUA_NOW", "2026-01-31T10:00", 1);
	fh_error err;
	assert_int_equal(fh_tenant_graduate_override(st, &sys_actor, t, 0, "测试出壳", NULL, &err), FH_OK);
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	return t;
}

static void states(void **s)
{
	(void)s;
	fh_followup_state x;
	for (int i = 0; i < FH_FOLLOWUP_STATE_COUNT; i++) {
		assert_true(fh_followup_state_parse(fh_followup_state_name((fh_followup_state)i), &x));
		assert_int_equal(x, i);
	}
	assert_true(fh_followup_state_parse("运营困难", &x));
	assert_int_equal(x, FH_FOLLOWUP_DIFFICULTY);
	assert_false(fh_followup_state_parse("closed", &x));
	assert_null(fh_followup_state_name(FH_FOLLOWUP_STATE_COUNT));
}

/* Graduation on 01-31 opens 3, 6 and 12 months: 04-30 (clamped), 07-31,
 * 2027-01-31; on 06-10 the first is 41 days overdue. */
static void opened_by_graduation(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = graduated("出壳跟踪社");
	fh_followup *rows;
	size_t n;
	assert_int_equal(fh_followup_list(st, &sys_actor, NULL, t, 0, 0, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].due, day("2026-04-30"));
	assert_int_equal(rows[0].late_days, 41);
	assert_int_equal(rows[1].due, day("2026-07-31"));
	assert_int_equal(rows[1].late_days, 0);
	assert_int_equal(rows[2].due, day("2027-01-31"));
	assert_int_equal(rows[2].state, FH_FOLLOWUP_OPEN);
	free(rows);
	/* overdue: due before today; due by a day given */
	assert_int_equal(fh_followup_list(st, &sys_actor, "ja-gh", 0, 0, 0, &rows, &n, &err), FH_OK);
	int overdue = -1;
	assert_int_equal(fh_followup_overdue(st, &sys_actor, "ja-gh", &overdue, &err), FH_OK);
	assert_int_equal(overdue, (int)n);
	bool first = false, second = false;
	for (size_t i = 0; i < n; i++) {
		first |= rows[i].tenant_id == t && rows[i].months == 3;
		second |= rows[i].tenant_id == t && rows[i].months == 6;
	}
	assert_true(first);
	assert_false(second);
	free(rows);
	assert_int_equal(fh_followup_list(st, &sys_actor, "ja-gh", 0, day("2026-07-31"), 0, &rows, &n, &err), FH_OK);
	second = false;
	for (size_t i = 0; i < n; i++)
		second |= rows[i].tenant_id == t && rows[i].months == 6;
	assert_true(second);
	free(rows);
	assert_int_equal(fh_followup_list(st, &sys_actor, "ja-gh", 0, day("2026-07-31"), 1, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1); /* a first page */
	assert_int_equal(rows[0].due, day("2026-04-30"));
	free(rows);
}

static void recorded_once(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = graduated("记录跟踪社");
	int64_t f3 = count_where("SELECT id FROM followups WHERE tenant_id = %lld AND months = 3", t);
	fh_followup in = { .id = f3, .state = FH_FOLLOWUP_OPERATING, .served = 1200, .done_on = day("2026-01-30") };
	snprintf(in.notes, sizeof in.notes, "%s", "运营正常，新增两个项目");
	assert_int_equal(fh_followup_record(st, &sys_actor, &in, &err), FH_EINVAL); /* before graduating */
	assert_string_equal(err.field, "on");
	in.done_on = day("2026-06-11");
	assert_int_equal(fh_followup_record(st, &sys_actor, &in, &err), FH_EINVAL);
	in.done_on = 0;
	in.state = FH_FOLLOWUP_OPEN;
	assert_int_equal(fh_followup_record(st, &sys_actor, &in, &err), FH_EINVAL);
	assert_string_equal(err.field, "state");
	in.state = FH_FOLLOWUP_OPERATING;
	fh_actor dn = signed_in("大宁跟踪", FH_ROLE_FRONT_DESK, "ja-dn");
	assert_int_equal(fh_followup_record(st, &dn, &in, &err), FH_EDENIED);
	assert_int_equal(fh_followup_record(st, &sys_actor, &in, &err), FH_OK);
	assert_int_equal(fh_followup_record(st, &sys_actor, &in, &err), FH_ECONFLICT);
	in.id = 999999;
	assert_int_equal(fh_followup_record(st, &sys_actor, &in, &err), FH_ENOTFOUND);
	/* dissolved at six months: the twelve-month visit is closed with it */
	in.id = count_where("SELECT id FROM followups WHERE tenant_id = %lld AND months = 6", t);
	in.state = FH_FOLLOWUP_DISSOLVED;
	assert_int_equal(fh_followup_record(st, &sys_actor, &in, &err), FH_OK);
	assert_int_equal(count_where("SELECT count(*) FROM followups WHERE tenant_id = %lld AND done_on IS NULL", t),
			 0);
	assert_int_equal(count_where("SELECT served FROM followups WHERE tenant_id = %lld AND months = 3", t), 1200);
}

static void incubating_others(void **s)
{
	(void)s;
	fh_error err;
	int64_t g = graduated("以社孵社母社"), young = tenant("ja-gh", "被孵新社"), other = tenant("ja-dn", "外街新社");
	assert_int_equal(fh_followup_link(st, &sys_actor, young, g, 0, &err), FH_EINVAL); /* not a graduate */
	assert_int_equal(fh_followup_link(st, &sys_actor, g, g, 0, &err), FH_EINVAL);
	assert_int_equal(fh_followup_link(st, &sys_actor, g, young, 0, &err), FH_OK);
	assert_int_equal(fh_followup_link(st, &sys_actor, g, young, 0, &err), FH_ECONFLICT);
	fh_actor gh = signed_in("共和跟踪", FH_ROLE_MANAGER, "ja-gh");
	assert_int_not_equal(fh_followup_link(st, &gh, g, other, 0, &err), FH_OK); /* another street's */
	assert_int_equal(fh_followup_link(st, &sys_actor, g, other, 0, &err), FH_OK);
	fh_incubation *rows;
	size_t n;
	assert_int_equal(fh_followup_links(st, &sys_actor, young, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].by_id, g);
	free(rows);
	assert_int_equal(fh_followup_links(st, &sys_actor, g, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	free(rows);
}

static void totals(void **s)
{
	(void)s;
	fh_error err;
	fh_followup_total *rows;
	size_t n;
	assert_int_equal(fh_followup_totals(st, &sys_actor, "ja-gh", 2026, &rows, &n, &err), FH_OK);
	assert_true(n >= 1);
	int64_t h = hub("ja-gh");
	assert_string_equal(rows[0].hub_code, "ja-gh");
	assert_int_equal(rows[0].graduated,
			 count_where("SELECT count(*) FROM tenants WHERE hub_id = %lld"
				     " AND stage = 'graduated'",
				     h));
	assert_int_equal(rows[0].due,
			 count_where("SELECT count(*) FROM followups WHERE hub_id = %lld AND due"
				     " BETWEEN 1767196800 AND 1798732799",
				     h));
	assert_int_equal(rows[0].done,
			 count_where("SELECT count(*) FROM followups WHERE hub_id = %lld AND due"
				     " BETWEEN 1767196800 AND 1798732799 AND done_on IS NOT NULL",
				     h));
	assert_int_equal(rows[0].by_state[FH_FOLLOWUP_DISSOLVED], 2);
	assert_int_equal(rows[0].incubating, 1);
	assert_int_equal(rows[0].incubated, 2);
	free(rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(states),        cmocka_unit_test(opened_by_graduation),
		cmocka_unit_test(recorded_once), cmocka_unit_test(incubating_others),
		cmocka_unit_test(totals),
	};
	return cmocka_run_group_tests_name("followup", tests, module_setup, module_teardown);
}
