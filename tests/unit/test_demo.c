/* Unit tests: the demo made on two cores (tenant_side.c) is the database it
 * makes on one — the same milestones, search rows and every entry of both
 * search indexes — and passes `fuhua check`; it leaves no file, attached
 * database or switched-off foreign keys behind. When the work beside the
 * load fails, the load makes the rows itself. */
#include <dirent.h>

#include "fixture.h"

#include "../../core/tenant_int.h"
#include "fuhua/demo.h"

/* Files of the test's directory whose name holds "-side-". */
static int side_files(void)
{
	DIR *d = opendir(tmpdir());
	assert_non_null(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strstr(e->d_name, "-side-") != NULL;
	closedir(d);
	return n;
}

/* The store as it is after a load: foreign keys on, nothing attached. */
static void assert_left_clean(fh_store *st)
{
	assert_int_equal(fixture_count(st, "PRAGMA foreign_keys"), 1);
	assert_int_equal(
		fixture_count(st, "SELECT count(*) FROM pragma_database_list WHERE name LIKE 'fh\\_%' ESCAPE '\\'"), 0);
	assert_int_equal(side_files(), 0);
}

static fh_store *demo(const char *name, bool one_core, int tenants)
{
	fh_store *st;
	fh_actor actor;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(fixture_open(name, "2026-11-23T09:00", &st, &actor), 0);
	assert_int_equal(fh_config_load(FIXTURES, &cfg, &err), FH_OK);
	fh_demo_options opt = { .tenants = tenants, .seed = 11, .one_core = one_core };
	assert_int_equal(fh_demo_generate(st, cfg, &opt, &err), FH_OK);
	fh_config_free(&cfg);
	return st;
}

/* Rows of `what` (a query over main and `other`, an attached database:
 * %s stands for either) in one and not the other, both ways. */
static int64_t differ(fh_store *st, const char *what)
{
	char a[600], b[600], sql[2600];
	snprintf(a, sizeof a, what, "main", "main");
	snprintf(b, sizeof b, what, "other", "other");
	snprintf(sql, sizeof sql,
		 "SELECT (SELECT count(*) FROM (%s EXCEPT %s)) + (SELECT count(*) FROM (%s EXCEPT %s))", a, b, b, a);
	return fixture_count(st, sql);
}

static void test_two_cores_make_the_same_database(void **state)
{
	(void)state;
	/* chunks handed over, the trigram index written a slice at a time
	 * while the thread waits for them (SIDE_SLICE), and the rest at the end */
	fh_store *two = demo("two.db", false, 24000);
	fh_store *one = demo("one.db", true, 24000);
	int cores = sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1;
	char want[40];
	snprintf(want, sizeof want, "%%\"cores\":%d}", cores);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(fh_store_db(two),
					    "SELECT count(*) FROM audit WHERE entity = 'demo'"
					    " AND new LIKE ?1",
					    -1, &q, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(q, 1, want, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	assert_int_equal(
		fixture_count(one, "SELECT count(*) FROM audit WHERE entity = 'demo' AND new LIKE '%\"cores\":1}'"), 1);
	assert_left_clean(two);
	assert_left_clean(one);

	char attach[600];
	snprintf(attach, sizeof attach,
		 "ATTACH '%s/one.db' AS other;"
		 "CREATE VIRTUAL TABLE temp.fts_main USING fts5vocab(main, tenant_fts, instance);"
		 "CREATE VIRTUAL TABLE temp.fts_other USING fts5vocab(other, tenant_fts, instance);"
		 "CREATE VIRTUAL TABLE temp.grams_main USING fts5vocab(main, tenant_grams, instance);"
		 "CREATE VIRTUAL TABLE temp.grams_other USING fts5vocab(other, tenant_grams, instance);",
		 tmpdir());
	assert_int_equal(sqlite3_exec(fh_store_db(two), attach, NULL, NULL, NULL), SQLITE_OK);
	assert_true(fixture_count(two, "SELECT count(*) FROM milestones") > 24000);
	assert_int_equal(fixture_count(two, "SELECT count(*) FROM tenant_search"), 24000);
	assert_int_equal(differ(two, "SELECT * FROM %s.milestones"), 0);
	assert_int_equal(differ(two, "SELECT * FROM %s.tenants"), 0);
	assert_int_equal(differ(two, "SELECT * FROM %s.tenant_search"), 0);
	assert_true(fixture_count(two, "SELECT count(*) FROM temp.fts_main") > 100000);
	assert_true(fixture_count(two, "SELECT count(*) FROM temp.grams_main") > 100000);
	assert_int_equal(differ(two, "SELECT * FROM temp.fts_%s"), 0);
	assert_int_equal(differ(two, "SELECT * FROM temp.grams_%s"), 0);
	/* the index against its rows, and a search through it */
	assert_int_equal(sqlite3_exec(fh_store_db(two),
				      "INSERT INTO tenant_fts(tenant_fts, rank) VALUES('integrity-check', 1);"
				      "INSERT INTO tenant_grams(tenant_grams) VALUES('integrity-check')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(fixture_count(two, "SELECT count(*) FROM tenant_fts WHERE tenant_fts MATCH '\"138\"'"),
			 fixture_count(two, "SELECT count(*) FROM tenant_search WHERE instr(ascii, '138') > 0"));
	sqlite3_exec(fh_store_db(two), "DETACH other", NULL, NULL, NULL);
	fh_check_report rep;
	fh_error err;
	assert_int_equal(fh_store_check(two, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
	fh_store_close(&two);
	fh_store_close(&one);
}

/* A job that fails beside the load: nothing is copied in, the load is told
 * to make the rows, and nothing is left behind. */
static void test_failure_beside_the_load(void **state)
{
	(void)state;
	fh_store *st;
	fh_actor actor;
	fh_error err;
	assert_int_equal(fixture_open("fail.db", "2026-11-23T09:00", &st, &actor), 0);
	struct fh_side_job job = { "INSERT INTO milestones SELECT * FROM no_such_table", 0, "test",
				   "milestone_templates", "milestones" };
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
		assert_false(fh_tenant_side_open(st, &job));
		fh_store_close(&st);
		return;
	}
	assert_true(fh_tenant_side_open(st, &job));
	assert_int_equal(side_files(), 2);
	assert_int_equal(fh_tx_begin_main(st, &err), FH_OK);
	struct fh_side_tenant t = { .id = 1,
				    .hub_id = 1,
				    .stage = "incubating",
				    .admitted_on = 1,
				    .name = "静安仁爱文化艺术发展中心",
				    .phone = "13877554812" };
	fh_tenant_side_feed(st, &t);
	bool built = true;
	assert_int_equal(fh_tenant_side_rows(st, &built, &err), FH_OK);
	assert_false(built);
	built = true;
	assert_int_equal(fh_tenant_side_finish(st, &built, &err), FH_OK);
	assert_false(built);
	assert_int_equal(fixture_count(st, "SELECT count(*) FROM milestones"), 0);
	fh_tx_rollback(st);
	fh_tenant_side_close(st);
	assert_left_clean(st);
	/* and none opens for a database with tenants */
	fixture_admitted(st, &actor, "ja-gh", "绿洲新市民融合促进会", NULL);
	assert_false(fh_tenant_side_open(st, &job));
	assert_left_clean(st);
	fh_store_close(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_cores_make_the_same_database),
		cmocka_unit_test(test_failure_beside_the_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
