/* Unit tests: the counts the database keeps (tally.c) equal a full recount
 * after random writes of every kind through the modules — edits of type and
 * field, stage moves both ways through the lifecycle, milestones ticked,
 * waived and reopened, an import — and every figure read from them (the
 * dashboard, the list's count, the due lists' totals) equals the same
 * figure counted from the rows. The list's two plans give the rows a plain
 * ORDER BY gives, for every filter and sort; every kind of search finds
 * what a scan of the search text finds in the operator's scope; an import
 * large enough to set the indexes aside puts every one back. (A crash
 * mid-transaction is tests/crash.sh: SIGKILLs, then `fuhua check`.) */
#include <sqlite3.h>

#include "fixture.h"

#include "../../core/store_sqlite.h"
#include "../../core/tally.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/demo.h"
#include "fuhua/import.h"
#include "fuhua/milestone.h"
#include "fuhua/operator.h"
#include "fuhua/report.h"
#include "fuhua/tenant.h"

static fh_store *st;
static fh_actor sys_actor;

static int setup(void **s)
{
	(void)s;
	if (fixture_open("tally.db", "2026-11-23T09:00", &st, &sys_actor) != 0)
		return -1;
	fh_config *cfg;
	fh_error err;
	if (fh_config_load(FIXTURES, &cfg, &err) != FH_OK)
		return -1;
	fh_demo_options opt = { .tenants = 600, .seed = 7 };
	fh_status rc = fh_demo_generate(st, cfg, &opt, &err);
	fh_config_free(&cfg);
	return rc == FH_OK ? 0 : -1;
}

static int teardown(void **s)
{
	(void)s;
	fh_store_close(&st);
	return 0;
}

static int64_t count_sql(const char *sql)
{
	return fixture_count(st, sql);
}

static int checked_problems(void)
{
	fh_check_report rep = { 0 };
	fh_error err;
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	for (size_t i = 0; i < rep.n && i < FH_CHECK_MAX; i++)
		print_message("check: %s\n", rep.problem[i]);
	return (int)rep.n;
}

static uint64_t rng = 12345;
static int pick(int n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)((rng >> 33) % (uint64_t)n);
}

static void random_edit(int64_t id)
{
	static const char *const fields[] = { "为老服务", "环保", "文化", "社区治理" };
	static const char *const types[] = { "social_group", "service_org", "foundation", "community_org" };
	fh_tenant t;
	fh_error err;
	if (fh_tenant_get_by_id(st, &sys_actor, id, &t, &err) != FH_OK)
		return;
	fh_tenant_set(&t, FH_TF_FIELD, fields[pick(4)], &err);
	fh_tenant_set(&t, FH_TF_ORG_TYPE, types[pick(4)], &err);
	fh_tenant_update(st, &sys_actor, &t, NULL, &err); /* may be refused: fine */
}

static void random_move(int64_t id)
{
	fh_tenant t;
	fh_error err;
	if (fh_tenant_get_by_id(st, &sys_actor, id, &t, &err) != FH_OK)
		return;
	fh_stage next[FH_STAGE_COUNT];
	size_t n = fh_stage_next(t.stage, next);
	if (n)
		fh_tenant_move(st, &sys_actor, id, t.version, next[pick((int)n)], "随机测试退出", NULL, &err);
}

static void random_milestone(int64_t id)
{
	fh_milestone *ms;
	size_t n;
	fh_error err;
	if (fh_milestone_list(st, &sys_actor, id, &ms, &n, &err) != FH_OK)
		return;
	if (n) {
		fh_milestone *m = &ms[pick((int)n)];
		int what = pick(3);
		if (m->state != FH_MS_PENDING)
			fh_milestone_reopen(st, &sys_actor, m->id, &err);
		else if (what == 0)
			fh_milestone_waive(st, &sys_actor, m->id, "测试豁免", &err);
		else
			fh_milestone_done(st, &sys_actor, m->id, 0, "测试材料", &err);
	}
	free(ms);
}

static void import_some(void)
{
	const char csv[] = "name,org_type,field,stage\n"
			   "计数导入一号服务社,service_org,环保,applied\n"
			   "计数导入二号协会,social_group,文化,applied\n"
			   "计数导入三号睦邻点,community_org,,applied\n";
	fh_import_options o = { .hub_code = "ja-dn", .source = "tally.csv" };
	fh_import_result res;
	fh_error err;
	fh_status rc = fh_tenant_import(st, &sys_actor, csv, sizeof csv - 1, &o, &res, &err);
	if (rc != FH_OK)
		print_message("import: %s (%zu problems: %s)\n", err.message, res.nproblems,
			      res.nproblems ? res.problems[0].message : "");
	assert_int_equal(rc, FH_OK);
	assert_int_equal(res.imported, 3);
	fh_import_result_free(&res);
}

/* A list filter of one stage and one type (-1: any), and the same as SQL. */
static void stage_type(int stage, int type, fh_tenant_filter *f, char *where, size_t size)
{
	fh_tenant_filter_init(f);
	f->stage = stage;
	f->org_type = type;
	snprintf(where, size, "(%d < 0 OR stage = '%s') AND (%d < 0 OR org_type = '%s')", stage,
		 stage < 0 ? "" : fh_stage_name((fh_stage)stage), type,
		 type < 0 ? "" : fh_org_type_name((fh_org_type)type));
}

/* The figures read from the kept counts against the rows. */
static void figures_equal_a_recount(void)
{
	fh_dashboard d;
	fh_error err;
	assert_int_equal(fh_report_dashboard(st, &sys_actor, &d, &err), FH_OK);
	assert_int_equal(d.tenants, count_sql("SELECT count(*) FROM tenants"));
	assert_int_equal(d.by_stage[FH_STAGE_INCUBATING],
			 count_sql("SELECT count(*) FROM tenants WHERE stage = 'incubating'"));
	int64_t today = fh_clock_day(fh_clock_now());
	char sql[400];
	snprintf(sql, sizeof sql,
		 "SELECT (SELECT count(*) FROM milestones m JOIN tenants t ON t.id = m.tenant_id"
		 " WHERE m.state = 'pending' AND t.stage = 'incubating' AND m.due < %lld)"
		 " + (SELECT count(*) FROM tenants WHERE stage = 'incubating' AND planned_end < %lld)",
		 (long long)today, (long long)today);
	assert_int_equal(d.overdue, count_sql(sql));
	assert_true(d.overdue > 0);
	fh_due *rows;
	size_t n;
	int total;
	assert_int_equal(fh_milestone_due(st, &sys_actor, NULL, false, 30, 10, &rows, &n, &total, &err), FH_OK);
	free(rows);
	snprintf(sql, sizeof sql,
		 "SELECT count(*) FROM milestones m JOIN tenants t ON t.id = m.tenant_id WHERE m.state = 'pending'"
		 " AND t.stage = 'incubating' AND m.due BETWEEN %lld AND %lld",
		 (long long)today, (long long)today + 30 * 86400);
	assert_int_equal(total, count_sql(sql));
	/* the list's count for each stage × type, against count(*) */
	for (int stage = -1; stage < FH_STAGE_COUNT; stage++)
		for (int type = -1; type < FH_ORG_TYPE_COUNT; type++) {
			fh_tenant_filter f;
			char where[200];
			stage_type(stage, type, &f, where, sizeof where);
			int c;
			bool more;
			assert_int_equal(fh_tenant_count(st, &sys_actor, &f, 100000, &c, &more, &err), FH_OK);
			snprintf(sql, sizeof sql, "SELECT count(*) FROM tenants WHERE %s", where);
			assert_int_equal(c, count_sql(sql));
			assert_false(more);
		}
}

static void test_counts_after_random_writes(void **s)
{
	(void)s;
	assert_int_equal(checked_problems(), 0);
	figures_equal_a_recount();
	int64_t max = count_sql("SELECT max(id) FROM tenants");
	for (int i = 0; i < 400; i++) {
		int64_t id = 1 + pick((int)max);
		switch (pick(3)) {
		case 0: random_edit(id); break;
		case 1: random_move(id); break;
		default: random_milestone(id); break;
		}
		if (i == 200)
			import_some();
	}
	assert_int_equal(checked_problems(), 0);
	figures_equal_a_recount();
}

/* A count changed behind core's back is found, and a rebuild mends it. */
static void test_damage_found_and_rebuilt(void **s)
{
	(void)s;
	const char *damage[] = {
		"UPDATE tenant_tally SET n = n + 1 WHERE (hub_id, stage, org_type, field) ="
		" (SELECT hub_id, stage, org_type, field FROM tenant_tally WHERE n > 0 LIMIT 1)",
		"DELETE FROM due_tally WHERE due = (SELECT min(due) FROM due_tally WHERE n > 0)",
		"UPDATE party_tally SET members = members + 2 WHERE n > 0 AND stage = 'incubating'",
		"UPDATE due_span SET n = n + 1 WHERE span = (SELECT max(span) FROM due_span)",
	};
	for (size_t i = 0; i < sizeof damage / sizeof damage[0]; i++) {
		assert_int_equal(sqlite3_exec(fh_store_db(st), damage[i], NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_changes(fh_store_db(st)) > 0, 1);
		assert_true(checked_problems() > 0);
		fh_error err;
		assert_int_equal(fh_tally_rebuild(st, &err), FH_OK);
		assert_int_equal(checked_problems(), 0);
	}
}

/* Both ways of reading a page (walking a sort index, collecting the
 * matches) give the rows of a plain ORDER BY, for every stage, type and
 * sort, from the first page and from the page after it. */
static void test_pages_equal_order_by(void **s)
{
	(void)s;
	static const char *const order[FH_SORT_COUNT] = {
		"name_key, id",
		"ifnull(admitted_on, 9223372036854775807), id",
		"id DESC",
	};
	for (int sort = 0; sort < FH_SORT_COUNT; sort++)
		for (int stage = -1; stage < FH_STAGE_COUNT; stage++)
			for (int type = -1; type < FH_ORG_TYPE_COUNT; type++) {
				fh_tenant_filter f;
				char where[200];
				stage_type(stage, type, &f, where, sizeof where);
				f.sort = (fh_tenant_sort)sort;
				fh_tenant_row rows[2][7];
				size_t n[2];
				fh_error err;
				assert_int_equal(
					fh_tenant_page(st, &sys_actor, &f, NULL, false, rows[0], 7, &n[0], &err),
					FH_OK);
				n[1] = 0;
				if (n[0] == 7)
					assert_int_equal(fh_tenant_page(st, &sys_actor, &f, &rows[0][6], false, rows[1],
									7, &n[1], &err),
							 FH_OK);
				char sql[400];
				snprintf(sql, sizeof sql, "SELECT id FROM tenants WHERE %s ORDER BY %s LIMIT 14", where,
					 order[sort]);
				sqlite3_stmt *q;
				assert_int_equal(sqlite3_prepare_v2(fh_store_db(st), sql, -1, &q, NULL), SQLITE_OK);
				size_t k = 0;
				while (sqlite3_step(q) == SQLITE_ROW) {
					size_t page = k / 7, at = k % 7;
					if (page == 1 && n[0] == 7 && at < n[1])
						assert_int_equal(rows[1][at].id, sqlite3_column_int64(q, 0));
					else if (page == 0)
						assert_int_equal(rows[0][at].id, sqlite3_column_int64(q, 0));
					k++;
				}
				sqlite3_finalize(q);
				assert_int_equal(n[0] + n[1], k > 14 ? 14 : k);
			}
}

/* A search by `who` counts and pages what a scan of the search text finds
 * in their scope. */
static void search_equals_a_scan(const fh_actor *who, const char *query)
{
	fh_error err;
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	snprintf(f.search, sizeof f.search, "%s", query);
	int c;
	bool more;
	assert_int_equal(fh_tenant_count(st, who, &f, 100000, &c, &more, &err), FH_OK);
	char sql[600];
	snprintf(sql, sizeof sql,
		 "WITH RECURSIVE scope(id) AS (SELECT %lld UNION ALL SELECT h.id FROM hubs h"
		 " JOIN scope ON h.parent_id = scope.id) SELECT count(*) FROM tenant_search s"
		 " JOIN tenants t ON t.id = s.id WHERE t.hub_id IN (SELECT id FROM scope)"
		 " AND instr(s.hay, '%s') > 0",
		 (long long)who->hub_id, query);
	int64_t want = count_sql(sql);
	if (c != want)
		print_message("search \"%s\" by %s: %d, a scan finds %lld\n", query, who->name, c, (long long)want);
	assert_int_equal(c, want);
	/* the first page holds as many as it can, newest first */
	fh_tenant_row rows[10];
	size_t n;
	assert_int_equal(fh_tenant_page(st, who, &f, NULL, false, rows, 10, &n, &err), FH_OK);
	assert_int_equal(n, want < 10 ? (size_t)want : 10);
	for (size_t k = 1; k < n; k++)
		assert_true(rows[k - 1].id > rows[k].id);
}

/* Every kind of search finds, in the operator's scope, exactly the tenants
 * whose search text holds the query — counted against a scan of the text:
 * Chinese of 1, 2 and more characters, letters, digits, a mix, nothing; by
 * the city (every hub) and by a street manager (one hub, where 闵行 names
 * are not). */
static void test_search_equals_a_scan(void **s)
{
	(void)s;
	fh_actor street;
	fh_error err;
	assert_int_equal(fh_operator_login(st, "jiedao", FH_DEMO_PASSWORD, "test", &street, &err), FH_OK);
	const fh_actor *who[] = { &sys_actor, &street };
	static const char *const queries[] = {
		"静", "静安", "静安青", "闵行", "闵行春晖", "服务社", "j",          "ja", "jaq", "mxch", "1",
		"13", "138",  "5231",   "x",    "zq",       "qqqq",   "9999999999", "龘", "a静", "·",    "社会组织",
	};
	for (size_t w = 0; w < 2; w++)
		for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
			search_equals_a_scan(who[w], queries[i]);
	/* a street manager never sees the other district's names */
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	snprintf(f.search, sizeof f.search, "闵行");
	int c;
	bool more;
	assert_int_equal(fh_tenant_count(st, &street, &f, 100000, &c, &more, &err), FH_OK);
	assert_int_equal(c, 0);
	assert_int_equal(fh_tenant_count(st, &sys_actor, &f, 100000, &c, &more, &err), FH_OK);
	assert_true(c > 0);
}

/* The indexes and triggers, by name and SQL. */
static char *schema_objects(void)
{
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(fh_store_db(st),
					    "SELECT group_concat(name || ':' || ifnull(sql, ''),"
					    " '|') FROM (SELECT name, sql FROM sqlite_master WHERE type IN"
					    " ('index', 'trigger') ORDER BY name)",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	char *all = strdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	return all;
}

/* An import larger than the tenants already there sets the indexes and
 * kept counts aside and makes them again: the same indexes and triggers
 * after it, the counts equal a recount, its tenants found by search. */
static void test_bulk_import(void **s)
{
	(void)s;
	int64_t before = count_sql("SELECT count(*) FROM tenants");
	fh_buf csv = FH_BUF_INIT;
	fh_buf_puts(&csv, "name,org_type,field,stage,admitted\n");
	size_t rows = 1000 + (size_t)before;
	for (size_t i = 0; i < rows; i++)
		fh_buf_printf(&csv, "批量导入第%04zu号%s,%s,%s,%s,%s\n", i, i % 3 ? "服务社" : "协会",
			      i % 3 ? "service_org" : "social_group", i % 2 ? "环保" : "文化",
			      i % 4 ? "incubating" : "applied", i % 4 ? "2026-03-02" : "");
	char *schema = schema_objects();
	fh_import_options o = { .hub_code = "ja-dn", .source = "bulk.csv" };
	fh_import_result res;
	fh_error err;
	fh_status rc = fh_tenant_import(st, &sys_actor, fh_buf_str(&csv), csv.len, &o, &res, &err);
	if (rc != FH_OK)
		print_message("import: %s (%zu problems: %s)\n", err.message, res.nproblems,
			      res.nproblems ? res.problems[0].message : "");
	assert_int_equal(rc, FH_OK);
	assert_int_equal(res.imported, rows);
	fh_import_result_free(&res);
	fh_buf_free(&csv);
	char *after = schema_objects();
	assert_string_equal(after, schema);
	free(after);
	free(schema);
	assert_int_equal(count_sql("SELECT count(*) FROM tenants"), before + (int64_t)rows);
	assert_int_equal(checked_problems(), 0);
	figures_equal_a_recount();
	search_equals_a_scan(&sys_actor, "批量导入第0042");
	search_equals_a_scan(&sys_actor, "第004");
	search_equals_a_scan(&sys_actor, "0042号");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_after_random_writes),
		cmocka_unit_test(test_damage_found_and_rebuilt),
		cmocka_unit_test(test_pages_equal_order_by),
		cmocka_unit_test(test_search_equals_a_scan),
		cmocka_unit_test(test_bulk_import),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
