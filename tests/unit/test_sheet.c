/* fuhua tests — sheet.h: a report as sheets — a row per hub of the scope
 * in tree order, then the total, its counts the sums and its rates of the
 * totals — and the monthly report's figures against the modules' rows. */
#include "module.h"

#include "fuhua/activity.h"
#include "fuhua/sheet.h"

MODULE_TEST("sheet.db", "2026-06-10T09:00")

/* The monthly report: a row per hub of the scope in tree order, then the
 * total — each count the sum of the hubs', each rate of the totals (never
 * an average of rates); a hub's own activities as the module counts them;
 * a street's scope its hubs alone; a month not begun refused, a month gone
 * final as of its last day. */
static void monthly_sheets(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted("ja-dn", "月报活动社", NULL);
	fh_activity a = { .tenant_id = t, .on = day("2026-06-10"), .kind = FH_ACTIVITY_SERVICE, .served = 37 };
	snprintf(a.title, sizeof a.title, "%s", "社区义诊");
	int64_t id;
	assert_int_equal(fh_activity_add(st, &sys_actor, &a, &id, &err), FH_OK);
	fh_report_doc d;
	assert_int_equal(fh_report_monthly(st, &sys_actor, "ja", 2026, 7, &d, &err), FH_EINVAL);
	assert_string_equal(err.field, "month");
	assert_int_equal(fh_report_monthly(st, &sys_actor, "ja", 2026, 6, &d, &err), FH_OK);
	assert_true(d.preliminary);
	assert_string_equal(d.hub_code, "ja");
	assert_true(d.nsheets >= 5);
	for (int i = 0; i < d.nsheets; i++) {
		const fh_sheet *sh = &d.sheets[i];
		assert_true(sh->nrows >= 2);
		assert_string_equal(sh->rows[0].hub_code, "ja");
		assert_true(sh->rows[sh->nrows - 1].total);
		const fh_sheet_row *total = &sh->rows[sh->nrows - 1];
		for (int c = 0; c < sh->ncols; c++) {
			if (sh->cols[c].cell == FH_CELL_PERCENT) {
				double part = total->v[sh->cols[c].of[0]], whole = total->v[sh->cols[c].of[1]];
				assert_true(whole <= 0 ||
					    (total->v[c] > 100 * part / whole - 1e-9 &&
					     total->v[c] < 100 * part / whole + 1e-9));
				continue;
			}
			double sum = 0;
			for (size_t r = 0; r + 1 < sh->nrows; r++)
				sum += sh->rows[r].v[c];
			assert_true(total->v[c] > sum - 1e-6 && total->v[c] < sum + 1e-6);
		}
	}
	const fh_sheet *act = &d.sheets[2];
	assert_string_equal(act->key, "activities");
	for (size_t r = 0; r + 1 < act->nrows; r++)
		if (strcmp(act->rows[r].hub_code, "ja-dn") == 0)
			assert_int_equal((int64_t)act->rows[r].v[1],
					 count_where("SELECT sum(served) FROM activities WHERE hub_id = %lld"
						     " AND on_day >= unixepoch('2026-06-01') - 28800",
						     hub("ja-dn")));
	const fh_sheet *ten = &d.sheets[0];
	assert_int_equal((int64_t)ten->rows[ten->nrows - 1].v[0],
			 count_where("SELECT count(*) FROM tenants WHERE stage = 'incubating' AND hub_id IN"
				     " (SELECT id FROM hubs WHERE code GLOB 'ja*') AND %lld",
				     1));
	fh_report_doc_free(&d);
	fh_actor gh = signed_in("月报街道", FH_ROLE_MANAGER, "ja-gh");
	assert_int_equal(fh_report_monthly(st, &gh, NULL, 2026, 5, &d, &err), FH_OK);
	assert_false(d.preliminary);
	assert_int_equal(d.as_of, day("2026-05-31"));
	for (size_t r = 0; r + 1 < d.sheets[0].nrows; r++)
		assert_int_equal(strncmp(d.sheets[0].rows[r].hub_code, "ja-gh", 5), 0);
	fh_report_doc_free(&d);
	assert_int_equal(fh_report_monthly(st, &gh, "ja-dn", 2026, 5, &d, &err), FH_EDENIED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(monthly_sheets),
	};
	return cmocka_run_group_tests_name("sheet", tests, module_setup, module_teardown);
}
