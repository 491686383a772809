/* fuhua tests — project.h: projects and their funds at the boundaries of
 * their rules: the states and their moves, the amounts granted and paid to
 * the fen, a service contract's advance before its evaluation, the lists of
 * those running past their end and waiting for evaluation, the totals
 * against an independent count, and two terminals paying at once. */
#include "module.h"
#include "race.h"

#include "fuhua/project.h"

MODULE_TEST("project.db", "2026-06-10T09:00")

/* A running project of tenant t (street ja-gh's funder), granted `fen`,
 * over 2026; its id. */
static int64_t running(int64_t t, fh_project_kind kind, int64_t fen)
{
	fh_project p = { .tenant_id = t, .kind = kind, .year = 2026, .granted = fen, .state = FH_PROJECT_RUNNING };
	snprintf(p.title, sizeof p.title, "%s", "邻里守望计划");
	snprintf(p.funder, sizeof p.funder, "%s", "街道办事处");
	p.start_on = day("2026-01-01");
	p.end_on = day("2026-12-31");
	int64_t id;
	fh_error err;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_OK);
	return id;
}

static void names_and_moves(void **s)
{
	(void)s;
	fh_project_kind k;
	fh_project_state ps;
	fh_project_grade g;
	for (int i = 0; i < FH_PROJECT_KIND_COUNT; i++) {
		assert_true(fh_project_kind_parse(fh_project_kind_name((fh_project_kind)i), &k));
		assert_int_equal(k, i);
	}
	for (int i = 0; i < FH_PROJECT_STATE_COUNT; i++) {
		assert_true(fh_project_state_parse(fh_project_state_name((fh_project_state)i), &ps));
		assert_int_equal(ps, i);
	}
	assert_true(fh_project_grade_parse("fail", &g));
	assert_int_equal(g, FH_GRADE_FAIL);
	assert_false(fh_project_grade_parse("", &g)); /* "not evaluated" is no grade to give */
	assert_string_equal(fh_project_grade_name(FH_GRADE_EXCELLENT), "excellent");
	assert_null(fh_project_grade_name(FH_GRADE_COUNT));
	assert_false(fh_project_kind_parse("grant", &k));
	assert_null(fh_project_kind_name(FH_PROJECT_KIND_COUNT));
	/* forward one step at a time; refused only before running; evaluated only by an evaluation */
	assert_true(fh_project_state_allows(FH_PROJECT_APPLIED, FH_PROJECT_APPROVED));
	assert_true(fh_project_state_allows(FH_PROJECT_APPROVED, FH_PROJECT_REFUSED));
	assert_false(fh_project_state_allows(FH_PROJECT_RUNNING, FH_PROJECT_REFUSED));
	assert_false(fh_project_state_allows(FH_PROJECT_APPLIED, FH_PROJECT_RUNNING));
	assert_false(fh_project_state_allows(FH_PROJECT_CLOSED, FH_PROJECT_EVALUATED));
	assert_false(fh_project_state_allows(FH_PROJECT_REFUSED, FH_PROJECT_APPROVED));
}

/* What a new project must have, each refused naming its field. */
static void project_checks(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "项目检查社"), id;
	fh_project p = { .tenant_id = t, .kind = FH_PROJECT_VENTURE_GRANT, .year = 2026 };
	snprintf(p.funder, sizeof p.funder, "%s", "街道办事处");
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "title");
	snprintf(p.title, sizeof p.title, "%s", "  青少年课堂  ");
	snprintf(p.funder, sizeof p.funder, "%s", "市民政局"); /* the city's, not this street's */
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "funder");
	assert_non_null(strstr(err.message, "街道办事处"));
	char funders[8][FH_PROJECT_NAME_MAX * 4 + 1];
	size_t nf;
	assert_int_equal(fh_project_funders(st, &sys_actor, "ja-gh", funders, 8, &nf, &err), FH_OK);
	assert_int_equal(nf, 5); /* the street level's list */
	assert_string_equal(funders[0], "街道办事处");
	assert_int_equal(fh_project_funders(st, &sys_actor, "ja-gh", funders, 2, &nf, &err), FH_OK);
	assert_int_equal(nf, 2);
	snprintf(p.funder, sizeof p.funder, "%s", "街道办事处");
	snprintf(p.category, sizeof p.category, "%s", "航天");
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "category");
	p.category[0] = 0;
	p.state = FH_PROJECT_APPROVED; /* approved without an amount */
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "granted");
	p.granted = 100;
	p.start_on = day("2026-03-01");
	p.end_on = day("2026-03-01"); /* ends the day it starts */
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "end");
	p.state = FH_PROJECT_CLOSED;
	p.end_on = day("2026-03-02");
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "state");
	p.state = FH_PROJECT_APPLIED;
	p.tenant_id = 999999;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_ENOTFOUND);
	p.tenant_id = t;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_OK);
	fh_project got;
	assert_int_equal(fh_project_get(st, &sys_actor, id, &got, &err), FH_OK);
	assert_string_equal(got.title, "青少年课堂");
	assert_string_equal(got.category, ""); /* the tenant has no field: none */
	assert_int_equal(got.state, FH_PROJECT_APPLIED);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE entity = 'project' AND entity_id = %lld", id),
			 1);
}

/* A grant is paid up to what was granted, to the fen; nothing before it is
 * approved; never granted less than was paid. */
static void grant_paid_to_the_fen(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "拨付社"), pay;
	fh_project p = { .tenant_id = t, .kind = FH_PROJECT_VENTURE_GRANT, .year = 2026 };
	snprintf(p.title, sizeof p.title, "%s", "社区花园");
	snprintf(p.funder, sizeof p.funder, "%s", "社区基金会");
	int64_t id;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &id, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, id, 100, 0, "", &pay, &err), FH_ECONFLICT);
	assert_int_equal(fh_project_set_state(st, &sys_actor, id, FH_PROJECT_APPROVED, 0, &err), FH_EINVAL);
	assert_int_equal(fh_project_get(st, &sys_actor, id, &p, &err), FH_OK);
	p.granted = 5000000; /* 50 000 yuan */
	p.start_on = day("2026-04-01");
	p.end_on = day("2027-03-31");
	assert_int_equal(fh_project_edit(st, &sys_actor, &p, &err), FH_OK);
	assert_int_equal(fh_project_edit(st, &sys_actor, &p, &err), FH_ECONFLICT); /* p.version is old now */
	assert_int_equal(fh_project_set_state(st, &sys_actor, id, FH_PROJECT_APPROVED, 0, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, id, 4999999, day("2026-05-01"), "首期", &pay, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, id, 2, 0, "", &pay, &err), FH_ECONFLICT);
	assert_string_equal(err.field, "amount");
	assert_int_equal(fh_project_pay(st, &sys_actor, id, 1, 0, "", &pay, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, id, 0, 0, "", &pay, &err), FH_EINVAL);
	assert_int_equal(fh_project_pay(st, &sys_actor, id, 1, day("2026-06-11"), "", &pay, &err), FH_EINVAL);
	assert_int_equal(fh_project_get(st, &sys_actor, id, &p, &err), FH_OK);
	assert_int_equal(p.paid, 5000000);
	p.granted = 4999999;
	assert_int_equal(fh_project_edit(st, &sys_actor, &p, &err), FH_EINVAL);
	assert_string_equal(err.field, "granted");
	assert_int_equal(count_where("SELECT sum(fen) FROM project_payments WHERE project_id = %lld", id), 5000000);
	fh_payment *pays;
	size_t n;
	assert_int_equal(fh_project_payments(st, &sys_actor, id, &pays, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(pays[0].fen, 4999999);
	assert_string_equal(pays[0].note, "首期");
	assert_int_equal(pays[0].on, day("2026-05-01"));
	free(pays);
	assert_int_equal(fh_project_payments(st, &sys_actor, 999999, &pays, &n, &err), FH_ENOTFOUND);
	assert_null(pays);
	/* a front desk records none */
	fh_actor desk = signed_in("拨付前台", FH_ROLE_FRONT_DESK, "ja-gh");
	assert_int_equal(fh_project_pay(st, &desk, id, 1, 0, "", &pay, &err), FH_EDENIED);
}

/* A service contract: paid up to its advance (70 % at a street) before
 * its evaluation, the rest once it passed; a failed one gets no more. */
static void contract_paid_on_its_evaluation(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "购买服务社"), pay;
	int64_t a = running(t, FH_PROJECT_SERVICE_CONTRACT, 1000000),
		b = running(t, FH_PROJECT_SERVICE_CONTRACT, 1000001);
	assert_int_equal(fh_project_pay(st, &sys_actor, a, 700001, 0, "", &pay, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "7000.00"));
	assert_int_equal(fh_project_pay(st, &sys_actor, a, 700000, 0, "", &pay, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, b, 700000, 0, "", &pay, &err), FH_OK); /* 70 % rounds down */
	assert_int_equal(fh_project_pay(st, &sys_actor, b, 1, 0, "", &pay, &err), FH_ECONFLICT);
	assert_int_equal(fh_project_evaluate(st, &sys_actor, a, FH_GRADE_PASS, 75, 0, &err),
			 FH_ECONFLICT); /* running */
	assert_int_equal(fh_project_set_state(st, &sys_actor, a, FH_PROJECT_CLOSED, day("2025-12-31"), &err),
			 FH_EINVAL);
	assert_int_equal(fh_project_set_state(st, &sys_actor, a, FH_PROJECT_CLOSED, 0, &err), FH_OK);
	assert_int_equal(fh_project_set_state(st, &sys_actor, b, FH_PROJECT_CLOSED, 0, &err), FH_OK);
	assert_int_equal(fh_project_evaluate(st, &sys_actor, a, FH_GRADE_NONE, 75, 0, &err), FH_EINVAL);
	assert_int_equal(fh_project_evaluate(st, &sys_actor, a, FH_GRADE_PASS, 100.5, 0, &err), FH_EINVAL);
	assert_int_equal(fh_project_evaluate(st, &sys_actor, a, FH_GRADE_PASS, 75, day("2026-06-09"), &err), FH_EINVAL);
	assert_int_equal(fh_project_evaluate(st, &sys_actor, a, FH_GRADE_PASS, 75, 0, &err), FH_OK);
	assert_int_equal(fh_project_evaluate(st, &sys_actor, b, FH_GRADE_FAIL, 40, 0, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, a, 300000, 0, "尾款", &pay, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, b, 1, 0, "", &pay, &err), FH_ECONFLICT);
	assert_int_equal(fh_project_evaluate(st, &sys_actor, a, FH_GRADE_GOOD, 85, 0, &err), FH_ECONFLICT); /* once */
}

/* Running past its end from the day after its end; an evaluation due
 * evaluation_days (60 at a street) after it closed. */
static void due_lists(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "到期社");
	fh_project p = { .tenant_id = t,
			 .kind = FH_PROJECT_SUBSIDY,
			 .year = 2026,
			 .granted = 100,
			 .state = FH_PROJECT_RUNNING,
			 .start_on = day("2026-01-01"),
			 .end_on = day("2026-06-10") };
	snprintf(p.title, sizeof p.title, "%s", "今日结束");
	snprintf(p.funder, sizeof p.funder, "%s", "其他");
	int64_t today_end, yesterday_end;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &today_end, &err), FH_OK);
	p.end_on = day("2026-06-09");
	snprintf(p.title, sizeof p.title, "%s", "昨日结束");
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &yesterday_end, &err), FH_OK);
	fh_project_filter f = { .hub_code = "ja-gh", .tenant = t, .kind = -1, .state = -1, .due = FH_PROJECT_PAST_END };
	fh_project *rows;
	size_t n;
	assert_int_equal(fh_project_list(st, &sys_actor, &f, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, yesterday_end);
	free(rows);
	assert_int_equal(
		fh_project_set_state(st, &sys_actor, yesterday_end, FH_PROJECT_CLOSED, day("2026-06-09"), &err), FH_OK);
	f.due = FH_PROJECT_EVALUATION_DUE;
	assert_int_equal(fh_project_list(st, &sys_actor, &f, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].evaluation_due, day("2026-08-08"));
	free(rows);
	f.due = FH_PROJECT_ANY;
	f.state = FH_PROJECT_RUNNING;
	assert_int_equal(fh_project_list(st, &sys_actor, &f, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, today_end);
	free(rows);
	f.hub_code = "nowhere";
	assert_int_equal(fh_project_list(st, &sys_actor, &f, &rows, &n, &err), FH_ENOTFOUND);
	assert_null(rows);
}

/* The year's totals per hub and kind against the same counted in SQL, and
 * a street operator sees only their street's. */
static void totals_and_scope(void **s)
{
	(void)s;
	fh_error err;
	int64_t t1 = tenant("ja-dn", "合计甲社"), t2 = tenant("ja-dn", "合计乙社"), pay;
	fh_project p = { .tenant_id = t1,
			 .kind = FH_PROJECT_VENTURE_GRANT,
			 .year = 2026,
			 .granted = 12345,
			 .state = FH_PROJECT_APPROVED,
			 .start_on = day("2026-01-01"),
			 .end_on = day("2026-12-31") };
	snprintf(p.title, sizeof p.title, "%s", "合计项目");
	snprintf(p.funder, sizeof p.funder, "%s", "区民政局");
	int64_t a, b;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &a, &err), FH_OK);
	p.tenant_id = t2;
	assert_int_equal(fh_project_add(st, &sys_actor, &p, &b, &err), FH_OK);
	assert_int_equal(fh_project_pay(st, &sys_actor, a, 345, day("2026-02-01"), "", &pay, &err), FH_OK);
	assert_int_equal(fh_project_set_state(st, &sys_actor, b, FH_PROJECT_REFUSED, 0, &err), FH_OK);
	fh_project_total *rows;
	size_t n;
	assert_int_equal(fh_project_totals(st, &sys_actor, "ja", 2026, &rows, &n, &err), FH_OK);
	int64_t hub_dn = hub("ja-dn");
	bool seen = false;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(rows[i].hub_code, "ja-dn") != 0 || rows[i].kind != FH_PROJECT_VENTURE_GRANT)
			continue;
		seen = true;
		assert_int_equal(rows[i].projects,
				 count_where("SELECT count(*) FROM projects WHERE hub_id = %lld AND year = 2026"
					     " AND kind = 'venture_grant' AND state != 'refused'",
					     hub_dn));
		assert_int_equal(rows[i].by_state[FH_PROJECT_REFUSED], 1);
		assert_int_equal(rows[i].granted,
				 count_where("SELECT sum(granted) FROM projects WHERE hub_id = %lld AND year = 2026"
					     " AND kind = 'venture_grant' AND state != 'refused'",
					     hub_dn));
		assert_int_equal(rows[i].paid_in_year, 345);
	}
	assert_true(seen);
	free(rows);
	/* what was paid in a month and in the year to its end, kept per month */
	fh_project_paid *paid;
	assert_int_equal(fh_project_paid_in(st, &sys_actor, "ja", 2026, 2, &paid, &n, &err), FH_OK);
	seen = false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(paid[i].hub_code, "ja-dn") == 0) {
			seen = true;
			assert_int_equal(paid[i].month,
					 count_where("SELECT sum(x.fen) FROM project_payments x JOIN projects p"
						     " ON p.id = x.project_id WHERE p.hub_id = %lld"
						     " AND x.on_day >= unixepoch('2026-02-01') - 28800"
						     " AND x.on_day < unixepoch('2026-03-01') - 28800",
						     hub_dn));
			assert_int_equal(paid[i].year,
					 count_where("SELECT sum(x.fen) FROM project_payments x JOIN projects p"
						     " ON p.id = x.project_id WHERE p.hub_id = %lld"
						     " AND x.on_day >= unixepoch('2026-01-01') - 28800"
						     " AND x.on_day < unixepoch('2026-03-01') - 28800",
						     hub_dn));
		}
	assert_true(seen);
	free(paid);
	assert_int_equal(fh_project_paid_in(st, &sys_actor, "ja", 2026, 13, &paid, &n, &err), FH_EINVAL);
	assert_null(paid);
	fh_actor other = signed_in("大宁主任", FH_ROLE_MANAGER, "ja-dn"),
		 gh = signed_in("共和主任", FH_ROLE_MANAGER, "ja-gh");
	fh_project got;
	assert_int_equal(fh_project_get(st, &other, a, &got, &err), FH_OK);
	assert_int_equal(fh_project_get(st, &gh, a, &got, &err), FH_EDENIED);
	assert_int_equal(fh_project_pay(st, &gh, a, 1, 0, "", &pay, &err), FH_EDENIED);
	assert_int_equal(fh_project_totals(st, &gh, "ja-dn", 2026, &rows, &n, &err), FH_EDENIED);
	assert_null(rows);
}

/* Two terminals pay one grant at once, each within what is left alone:
 * together they would pay more than was granted, so the second is refused
 * (the sum is read inside the write transaction). */
static void test_race_two_payments(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "竞速拨付社"), pay;
	int64_t id = running(t, FH_PROJECT_VENTURE_GRANT, 10000);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_project_pay(r.b, &sys_actor, id, 6000, 0, "", &pay, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_project_pay(st, &sys_actor, id, 5000, 0, "", &pay, &err);
	race_end(&r);
	assert_int_equal(got, FH_ECONFLICT);
	assert_int_equal(count_where("SELECT paid FROM projects WHERE id = %lld", id), 6000);
}

/* Two terminals: one closes a project while the other approves it from
 * the state it read before: the second move is refused. */
static void test_race_state(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "竞速状态社");
	int64_t id = running(t, FH_PROJECT_SUBSIDY, 100);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_project_set_state(r.b, &sys_actor, id, FH_PROJECT_CLOSED, 0, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_project_set_state(st, &sys_actor, id, FH_PROJECT_CLOSED, 0, &err);
	race_end(&r);
	assert_int_equal(got, FH_ECONFLICT);
	assert_int_equal(count_where("SELECT count(*) FROM audit WHERE entity = 'project' AND action = 'state'"
				     " AND entity_id = %lld",
				     id),
			 1);
}

/* `fuhua check` finds a project whose amount paid is not its payments'. */
static void check_finds_paid_drift(void **s)
{
	(void)s;
	fh_error err;
	fh_check_report rep;
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	size_t before = rep.n;
	int64_t id = running(tenant("ja-gh", "核对社"), FH_PROJECT_OTHER, 500);
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE projects SET paid = 7 WHERE id = %lld", (long long)id);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, before + 1);
	snprintf(sql, sizeof sql, "UPDATE projects SET paid = 0 WHERE id = %lld", (long long)id);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
}

static int64_t paid_in_year(const char *hub_code, fh_project_kind kind, int year)
{
	fh_error err;
	fh_project_total *rows;
	size_t n;
	int64_t paid = -1;
	assert_int_equal(fh_project_totals(st, &sys_actor, "ja", year, &rows, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].hub_code, hub_code) == 0 && rows[i].kind == kind)
			paid = rows[i].paid_in_year;
	free(rows);
	return paid;
}

/* Two terminals pay two grants of one hub at once: the totals kept for the
 * hub's year hold both payments (each added in its own write's
 * transaction, to the row the other had just written). */
static void test_race_kept_totals(void **s)
{
	(void)s;
	fh_error err;
	int64_t a = running(tenant("ja-gh", "竞速合计甲社"), FH_PROJECT_SUBSIDY, 9000),
		b = running(tenant("ja-gh", "竞速合计乙社"), FH_PROJECT_SUBSIDY, 9000), pay;
	char d[16];
	int year = atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d));
	int64_t before = paid_in_year("ja-gh", FH_PROJECT_SUBSIDY, year);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_project_pay(r.b, &sys_actor, a, 700, 0, "", &pay, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_project_pay(st, &sys_actor, b, 300, 0, "", &pay, &err);
	race_end(&r);
	assert_int_equal(got, FH_OK);
	assert_int_equal(paid_in_year("ja-gh", FH_PROJECT_SUBSIDY, year), (before < 0 ? 0 : before) + 1000);
	fh_check_report rep;
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
}

/* A project moved to another hub or kind takes its totals and what was
 * paid with it; `fuhua check` finds kept totals that drifted. */
static void check_finds_kept_drift(void **s)
{
	(void)s;
	fh_error err;
	fh_check_report rep;
	int64_t id = running(tenant("ja-gh", "搬家项目社"), FH_PROJECT_VENTURE_GRANT, 800), pay;
	assert_int_equal(fh_project_pay(st, &sys_actor, id, 80, 0, "", &pay, &err), FH_OK);
	char sql[200];
	snprintf(sql, sizeof sql, "UPDATE projects SET hub_id = %lld, kind = 'other' WHERE id = %lld",
		 (long long)hub("ja-dn"), (long long)id);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
	static const char *const drift[][2] = {
		{ "UPDATE project_tally SET granted = granted + 1 WHERE kind = 'other' AND state = 'running'",
		  "UPDATE project_tally SET granted = granted - 1 WHERE kind = 'other' AND state = 'running'" },
		{ "UPDATE payment_tally SET fen = fen + 1 WHERE kind = 'other'",
		  "UPDATE payment_tally SET fen = fen - 1 WHERE kind = 'other'" },
	};
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(sqlite3_exec(fh_store_db(st), drift[i][0], NULL, NULL, NULL), SQLITE_OK);
		memset(&rep, 0, sizeof rep);
		assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
		assert_true(rep.n > 0);
		assert_int_equal(sqlite3_exec(fh_store_db(st), drift[i][1], NULL, NULL, NULL), SQLITE_OK);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_moves),
		cmocka_unit_test(project_checks),
		cmocka_unit_test(grant_paid_to_the_fen),
		cmocka_unit_test(contract_paid_on_its_evaluation),
		cmocka_unit_test(due_lists),
		cmocka_unit_test(totals_and_scope),
		cmocka_unit_test(test_race_two_payments),
		cmocka_unit_test(test_race_state),
		cmocka_unit_test(check_finds_paid_drift),
		cmocka_unit_test(test_race_kept_totals),
		cmocka_unit_test(check_finds_kept_drift),
	};
	return cmocka_run_group_tests_name("project", tests, module_setup, module_teardown);
}
