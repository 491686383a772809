/* Unit tests: the database, migrations, hub sync, the version check. */
#include <dirent.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "fixture.h"

#include "../../core/store_sqlite.h"
#include "fuhua/audit.h"
#include "fuhua/config.h"
#include "fuhua/demo.h"
#include "fuhua/hub.h"
#include "fuhua/scratch.h"
#include "fuhua/store.h"
#include "../../core/store_int.h"

static char *path_for(const char *name)
{
	static char p[256];
	snprintf(p, sizeof p, "%s/%s", tmpdir(), name);
	unlink(p);
	return p;
}

static void open_degenerate(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	assert_int_equal(fh_store_open(NULL, &st, &err), FH_EINVAL);
	assert_int_equal(fh_store_open("", &st, &err), FH_EINVAL);
	assert_int_equal(fh_store_create("/nonexistent/dir/x.db", &st, &err), FH_ESTORE);
	/* opening never creates: a mistyped path is bad input, named */
	char *missing = path_for("missing.db");
	assert_int_equal(fh_store_open(missing, &st, &err), FH_EINVAL);
	assert_null(st);
	assert_string_equal(err.field, "db");
	assert_non_null(strstr(err.message, missing));
	assert_int_equal(access(missing, F_OK), -1);
	char *p = path_for("text.db");
	write_file(p, "this is not a database, just some text that is long enough to matter\n");
	assert_int_equal(fh_store_open(p, &st, &err), FH_ESTORE);
	assert_non_null(strstr(err.message, "not a database"));
}

static void open_creates_0660_and_migrates(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	char *p = path_for("new.db");
	mode_t old = umask(077);
	assert_int_equal(fh_store_create(p, &st, &err), FH_OK);
	umask(old);
	struct stat sb;
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	assert_int_equal(fh_store_schema_version(st), fh_store_schema_latest());
	/* Debian 12's SQLite 3.40.1 has the WAL-reset race: rollback journal */
	assert_string_equal(fh_store_journal_mode(st),
			    fh_store_wal_safe(sqlite3_libversion_number()) ? "wal" : "delete");
	assert_string_equal(fh_store_path(st), p);
	/* nothing left beside a new file to sweep */
	assert_int_equal(fh_store_sweep(p, NULL, 0), 0);
	/* its data version moves when another connection commits, not before */
	int64_t v = fh_store_data_version(st);
	assert_true(v >= 0);
	assert_int_equal(fh_store_data_version(st), v);
	fh_store *other;
	assert_int_equal(fh_store_open(p, &other, &err), FH_OK);
	assert_int_equal(
		sqlite3_exec(fh_store_db(other), "INSERT INTO settings(key, value) VALUES('x', '1')", NULL, NULL, NULL),
		SQLITE_OK);
	fh_store_close(&other);
	assert_true(fh_store_data_version(st) != v);
	fh_store_close(&st);
	assert_null(st);
	/* reopening changes nothing */
	assert_int_equal(fh_store_open(p, &st, &err), FH_OK);
	fh_store_close(&st);
}

/* A module's own schema: no steps, nothing done; its steps run once, in
 * order, and are counted; a step added later runs alone; a database that
 * has run more steps than the program has is refused; a failing step is
 * the caller's to roll back. */
static void module_schema_steps(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	char *p = path_for("module.db");
	assert_int_equal(fh_store_create(p, &st, &err), FH_OK);
	static const char *const none[] = { NULL };
	static const char *const two[] = { "CREATE TABLE trial_a(x);", "CREATE TABLE trial_b(x);", NULL };
	static const char *const three[] = { "CREATE TABLE trial_a(x);", "CREATE TABLE trial_b(x);",
					     "ALTER TABLE trial_b ADD COLUMN y;", NULL };
	static const char *const bad[] = { "CREATE TABLE trial_c(x);", "NOT SQL;", NULL };
	assert_int_equal(fh_tx_begin(st, &err), FH_OK);
	assert_int_equal(fh_store_migrate_module(st, "trial", none, NULL, &err), FH_OK);
	assert_int_equal(fh_store_migrate_module(st, "trial", NULL, NULL, &err), FH_OK);
	assert_int_equal(fixture_count(st, "SELECT count(*) FROM module_schema WHERE module = 'trial'"), 0);
	assert_int_equal(fh_store_migrate_module(st, "trial", two, NULL, &err), FH_OK);
	assert_int_equal(fh_store_migrate_module(st, "trial", two, NULL, &err), FH_OK); /* again: nothing */
	assert_int_equal(fixture_count(st, "SELECT version FROM module_schema WHERE module = 'trial'"), 2);
	assert_int_equal(fh_store_migrate_module(st, "trial", three, NULL, &err), FH_OK);
	assert_int_equal(fixture_count(st, "SELECT version FROM module_schema WHERE module = 'trial'"), 3);
	assert_int_equal(fixture_count(st, "SELECT count(*) FROM pragma_table_info('trial_b')"), 2);
	assert_int_equal(fh_store_migrate_module(st, "trial", two, NULL, &err), FH_EVERSION);
	assert_non_null(strstr(err.message, "trial"));
	assert_int_equal(fh_store_migrate_module(st, "other", bad, NULL, &err), FH_ESTORE);
	fh_tx_rollback(st);
	assert_int_equal(fixture_count(st, "SELECT count(*) FROM module_schema WHERE module IN ('trial', 'other')"), 0);
	fh_store_close(&st);
}

static void wal_versions(void **s)
{
	(void)s;
	assert_false(fh_store_wal_safe(3040001));
	assert_false(fh_store_wal_safe(3051002));
	assert_true(fh_store_wal_safe(3051003));
	assert_true(fh_store_wal_safe(3044006));
	assert_false(fh_store_wal_safe(3045000));
	assert_true(fh_store_wal_safe(3050007));
}

static void newer_and_foreign_refused(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	sqlite3 *db;
	char *p = path_for("newer.db");
	assert_int_equal(fh_store_create(p, &st, &err), FH_OK);
	fh_store_close(&st);
	sqlite3_open(p, &db);
	sqlite3_exec(db, "PRAGMA user_version=999", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(fh_store_open(p, &st, &err), FH_EVERSION);
	assert_non_null(strstr(err.message, "999"));
	p = path_for("foreign.db");
	sqlite3_open(p, &db);
	sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(fh_store_open(p, &st, &err), FH_ESTORE);
	assert_non_null(strstr(err.message, "not a fuhua database"));
}

static int count(fh_store *st, const char *sql)
{
	sqlite3_stmt *q;
	int n = -1;
	sqlite3_prepare_v2(fh_store_db(st), sql, -1, &q, NULL);
	if (sqlite3_step(q) == SQLITE_ROW)
		n = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	return n;
}

static void sync_is_idempotent_and_refuses_space_in_use(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	fh_config *cfg;
	char *p = path_for("sync.db");
	assert_int_equal(fh_config_load(FIXTURES, &cfg, &err), FH_OK);
	assert_int_equal(fh_store_create(p, &st, &err), FH_OK);
	fh_sync_report r;
	assert_int_equal(fh_hub_sync(st, cfg, "test", &r, &err), FH_OK);
	assert_int_equal(r.hubs_added, (int)fh_config_hub_count(cfg));
	int audit = count(st, "SELECT count(*) FROM audit");
	assert_true(audit > r.hubs_added);
	assert_int_equal(fh_hub_sync(st, cfg, "test", &r, &err), FH_OK);
	assert_int_equal(r.hubs_added + r.hubs_changed + r.spaces_added + r.spaces_changed, 0);
	assert_int_equal(count(st, "SELECT count(*) FROM audit"), audit);

	/* the demo gives tenants spaces; then one in use leaves the configuration */
	fh_demo_options opt = { .tenants = 60, .seed = 7 };
	assert_int_equal(fh_demo_generate(st, cfg, &opt, &err), FH_OK);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(fh_store_db(st),
			   "SELECT h.code, s.code FROM allocations a JOIN spaces s ON s.id = a.space_id"
			   " JOIN hubs h ON h.id = s.hub_id WHERE a.released_on IS NULL ORDER BY a.id LIMIT 1",
			   -1, &q, NULL);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	char hub[33], space[33], quoted[40];
	snprintf(hub, sizeof hub, "%s", sqlite3_column_text(q, 0));
	snprintf(space, sizeof space, "%s", sqlite3_column_text(q, 1));
	sqlite3_finalize(q);
	fh_hub_def *h = (fh_hub_def *)fh_config_find_hub(cfg, hub);
	size_t k = 0;
	while (strcmp(h->spaces[k].code, space) != 0)
		k++;
	fh_space_def saved = h->spaces[k];
	h->spaces[k] = h->spaces[h->nspaces - 1];
	h->spaces[h->nspaces - 1] = saved;
	h->nspaces--;
	int before = count(st, "SELECT count(*) FROM audit");
	assert_int_equal(fh_hub_sync(st, cfg, "test", &r, &err), FH_ECONFLICT);
	snprintf(quoted, sizeof quoted, "'%s'", space);
	assert_non_null(strstr(err.message, quoted));
	assert_non_null(strstr(err.message, "in use"));
	assert_int_equal(count(st, "SELECT count(*) FROM audit"), before);
	assert_int_equal(count(st, "SELECT count(*) FROM spaces WHERE retired = 1"), 0);
	h->nspaces++;
	/* the demo refuses a database with tenants, and writes nothing */
	assert_int_equal(fh_demo_generate(st, cfg, &opt, &err), FH_ECONFLICT);
	assert_int_equal(count(st, "SELECT count(*) FROM tenants"), 60);
	fh_store_close(&st);
	fh_config_free(&cfg);
}

static void version_check_names_who_and_when(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	fh_config *cfg;
	setenv("FUHUA_NOW", "2026-11-23T09:30", 1);
	assert_int_equal(fh_config_load(FIXTURES, &cfg, &err), FH_OK);
	assert_int_equal(fh_store_create(path_for("ver.db"), &st, &err), FH_OK);
	assert_int_equal(fh_hub_sync(st, cfg, "test", NULL, &err), FH_OK);
	assert_int_equal(fh_store_check_version(st, "hubs", 1, 1, &err), FH_OK);
	sqlite3_exec(fh_store_db(st), "UPDATE hubs SET version = 2, updated_by = '李敏' WHERE id = 1", NULL, NULL,
		     NULL);
	assert_int_equal(fh_store_check_version(st, "hubs", 1, 1, &err), FH_ECONFLICT);
	assert_string_equal(err.message, "changed by 李敏 at 2026-11-23 09:30");
	assert_int_equal(fh_store_check_version(st, "hubs", 999, 1, &err), FH_ENOTFOUND);
	assert_int_equal(fh_store_check_version(st, "sqlite_schema", 1, 1, &err), FH_EINVAL);
	unsetenv("FUHUA_NOW");
	fh_store_close(&st);
	fh_config_free(&cfg);
}

/* fh_store_stmt: a status and *out NULL on error, with or without err; a
 * statement being stepped is never finalized by the cache filling up. */
static void statements(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	fh_stmt *q = (fh_stmt *)&err; /* not NULL: must become NULL */
	assert_int_equal(fh_store_create(path_for("stmt.db"), &st, &err), FH_OK);
	assert_int_equal(fh_store_stmt(st, "SELECT no_such_column FROM hubs", &q, NULL), FH_ESTORE);
	assert_null(q);
	assert_int_equal(fh_store_stmt(st, "SELECT * FROM", &q, &err), FH_ESTORE);
	assert_null(q);
	assert_int_equal(err.code, FH_ESTORE);

	static const char counting[] =
		"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 500) SELECT x FROM c";
	fh_stmt *running;
	assert_int_equal(fh_store_stmt(st, counting, &running, &err), FH_OK);
	assert_int_equal(fh_step(running), FH_ROW);
	/* 200 other statements (distinct texts, so distinct cache keys) while it runs */
	enum { OTHERS = 200 };
	char *texts[OTHERS];
	for (int i = 0; i < OTHERS; i++) {
		texts[i] = malloc(32);
		snprintf(texts[i], 32, "SELECT %d", i);
		fh_stmt *o;
		assert_int_equal(fh_store_stmt(st, texts[i], &o, &err), FH_OK);
		assert_int_equal(fh_step(o), FH_ROW);
		assert_int_equal(fh_column_int(o, 0), i);
		fh_reset(o);
	}
	/* still the same statement, still counting */
	assert_int_equal(fh_step(running), FH_ROW);
	assert_int_equal(fh_column_int(running, 0), 2);
	fh_reset(running);

	/* every cached statement running: refused, not pulled away */
	fh_stmt *busy[OTHERS];
	int nbusy = 0;
	for (int i = 0; i < OTHERS; i++) {
		fh_status r = fh_store_stmt(st, texts[i], &busy[nbusy], &err);
		if (r != FH_OK) {
			assert_int_equal(r, FH_ESTORE);
			assert_null(busy[nbusy]);
			break;
		}
		assert_int_equal(fh_step(busy[nbusy]), FH_ROW);
		nbusy++;
	}
	assert_true(nbusy > 0 && nbusy < OTHERS);
	for (int i = 0; i < nbusy; i++)
		assert_int_equal(fh_column_int(busy[i], 0), i);
	for (int i = 0; i < nbusy; i++)
		fh_reset(busy[i]);
	fh_store_close(&st);
	for (int i = 0; i < OTHERS; i++)
		free(texts[i]);
}

/* The seconds a busy message says it waited ("waited 0.2 s"), -1 if none. */
static double waited(const char *message)
{
	const char *w = strstr(message, "waited ");
	return w ? atof(w + 7) : -1;
}

/* A write that waits says what is in the way and how long it waited: a
 * long report (named when its session announced it), another reading
 * session, or another session writing. */
static void busy_says_what_is_in_the_way(void **s)
{
	(void)s;
	fh_store *reader, *writer;
	fh_error err;
	char *p = path_for("busy.db");
	assert_int_equal(fh_store_create(p, &writer, &err), FH_OK);
	assert_int_equal(fh_store_open(p, &reader, &err), FH_OK);
	fh_store_busy_ms(writer, 200);
	static const char *const sql[] = { "BEGIN; SELECT count(*) FROM settings;", "BEGIN IMMEDIATE;" };
	for (int k = 0; k < 3; k++) {
		if (k == 1)
			fh_store_announce(reader, "remind");
		/* the reader reads (0, 1) or another session writes (2) */
		assert_int_equal(sqlite3_exec(fh_store_db(reader), sql[k == 2], NULL, NULL, NULL), SQLITE_OK);
		fh_status st = fh_tx_begin(writer, &err);
		if (st == FH_OK) {
			assert_true(k < 2);
			assert_int_equal(sqlite3_exec(fh_store_db(writer),
						      "INSERT INTO settings VALUES('busy', 'x')"
						      " ON CONFLICT DO UPDATE SET value = 'y'",
						      NULL, NULL, NULL),
					 SQLITE_OK);
			st = fh_tx_commit(writer, &err);
		}
		assert_int_equal(st, FH_EBUSY);
		assert_non_null(strstr(err.message,
				       k == 0           ? "another session is reading;"
					       : k == 1 ? "another session is reading a long report (remind)"
							: "another session is writing"));
		assert_true(waited(err.message) >= 0.2 && waited(err.message) < 5);
		assert_int_equal(sqlite3_exec(fh_store_db(reader), "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	}
	/* the announcement lives as long as its session */
	assert_int_equal(fh_scratch_live(p, "reading", NULL, 0), 1);
	fh_store_close(&reader);
	assert_int_equal(fh_scratch_live(p, "reading", NULL, 0), 0);
	assert_int_equal(fh_tx_begin(writer, &err), FH_OK);
	assert_int_equal(fh_tx_commit(writer, &err), FH_OK);
	fh_store_close(&writer);
}

/* `fuhua check` reads each table where nothing is written (no lock held
 * for long): a table whose file changed at every try is "not verified",
 * named, neither sound nor broken; the other tables are checked. Another
 * session writes at the moment each mark of the first table's tries is
 * read (a trace on the checking connection), always, without a sleep. */
static fh_store *meddler;
static int writes_left;

static int meddle(unsigned type, void *ctx, void *stmt, void *x)
{
	(void)type;
	(void)ctx;
	(void)x;
	const char *sql = sqlite3_sql(stmt);
	if (writes_left > 0 && sql && strstr(sql, "pragma_data_version")) {
		writes_left--;
		sqlite3_exec(fh_store_db(meddler),
			     "INSERT INTO settings VALUES('meddle', 'x')"
			     " ON CONFLICT DO UPDATE SET value = value || 'x'",
			     NULL, NULL, NULL);
	}
	return 0;
}

/* A backup: no target refused, a copy that opens with the same rows; the
 * store's settings, memory and journal as it says; a problem added to a
 * report. */
static void backup_settings_and_memory(void **s)
{
	(void)s;
	fh_store *st, *copy;
	fh_error err;
	char p[256], to[256];
	snprintf(p, sizeof p, "%s", path_for("backed.db"));
	snprintf(to, sizeof to, "%s", path_for("backed-copy.db"));
	assert_int_equal(fh_store_create(p, &st, &err), FH_OK);
	assert_int_equal(fh_store_backup(st, NULL, NULL, NULL, &err), FH_EINVAL);
	assert_int_equal(fh_store_backup(st, "", NULL, NULL, &err), FH_EINVAL);
	assert_null(fh_store_setting(st, "no such key"));
	assert_int_equal(sqlite3_exec(fh_store_db(st), "INSERT INTO settings(key, value) VALUES('demo', 'yes')", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	assert_string_equal(fh_store_setting(st, "demo"), "yes");
	assert_int_equal(fh_store_backup(st, to, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_store_open(to, &copy, &err), FH_OK);
	assert_string_equal(fh_store_setting(copy, "demo"), "yes");
	fh_store_close(&copy);
	/* the page cache as set: a bigger one holds more after a full read */
	fh_store_cache_kib(st, 64);
	int64_t small = fh_store_memory_used(st);
	assert_true(small > 0);
	fh_store_cache_kib(st, FH_STORE_JOB_CACHE_KIB);
	assert_true(fh_store_memory_used(st) > 0);
	const char *why = fh_store_journal_reason(st);
	assert_non_null(why);
	assert_non_null(strstr(why, "SQLite"));
	fh_check_report rep = { 0 };
	fh_check_add(&rep, "%s: %d", "tenants", 3);
	assert_int_equal(rep.n, 1);
	assert_string_equal(rep.problem[0], "tenants: 3");
	fh_store_close(&st);
}

static void check_verifies_or_says_not(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	char *p = path_for("quiet.db");
	assert_int_equal(fh_store_create(p, &st, &err), FH_OK);
	assert_int_equal(fh_store_open(p, &meddler, &err), FH_OK);
	fh_check_report rep;
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
	assert_int_equal(rep.unverified, 0);
	/* every mark of the first table's ten tries (two each) sees a write */
	writes_left = 20;
	sqlite3_trace_v2(fh_store_db(st), SQLITE_TRACE_STMT, meddle, NULL);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	sqlite3_trace_v2(fh_store_db(st), 0, NULL, NULL);
	assert_int_equal(writes_left, 0);
	assert_int_equal(rep.unverified, 1);
	assert_int_equal(rep.n, 1);
	assert_non_null(strstr(rep.problem[0], "activities: not verified"));
	fh_store_close(&meddler);
	fh_store_close(&st);
}

/* The statement interface answers in fuhua's terms: a row, the end, a
 * UNIQUE refusal; NULL reads as NULL, 0 or no bytes. */
static void steps_and_columns(void **s)
{
	(void)s;
	fh_store *st;
	fh_error err;
	assert_int_equal(fh_store_create(path_for("steps.db"), &st, &err), FH_OK);
	static const char add[] = "INSERT INTO hubs(code, name, level, config_hash, updated_at, updated_by)"
				  " VALUES(?1, '一个', 'city', 'h', 0, 't')";
	fh_stmt *q;
	assert_int_equal(fh_store_stmt(st, add, &q, &err), FH_OK);
	assert_int_equal(fh_bind_str(q, 1, "x"), FH_OK);
	assert_int_equal(fh_step(q), FH_DONE);
	assert_int_equal(fh_reset(q), FH_OK);
	assert_int_equal(fh_step(q), FH_STEP_DUPLICATE); /* the same code again */
	fh_reset(q);
	assert_int_equal(fh_bind_int(q, 9, 1), FH_ESTORE); /* no such parameter */
	assert_true(fh_store_last_id(st) > 0);

	assert_int_equal(
		fh_store_prepare(st, "SELECT NULL, 'a', x'0102', 2.5 UNION ALL SELECT 1, NULL, NULL, 0", &q, &err),
		FH_OK);
	assert_int_equal(fh_step(q), FH_ROW);
	assert_true(fh_column_null(q, 0));
	assert_int_equal(fh_column_int64(q, 0), 0);
	assert_string_equal(fh_column_str(q, 1), "a");
	int n = 0;
	const unsigned char *b = fh_column_blob(q, 2, &n);
	assert_int_equal(n, 2);
	assert_int_equal(b[1], 2);
	assert_true(fh_column_double(q, 3) == 2.5);
	assert_int_equal(fh_step(q), FH_ROW);
	assert_null(fh_column_str(q, 1));
	assert_null(fh_column_blob(q, 2, &n));
	assert_int_equal(n, 0);
	char copy[4];
	fh_column_text(q, 1, copy, sizeof copy);
	assert_string_equal(copy, "");
	assert_int_equal(fh_step(q), FH_DONE);
	fh_finalize(q);
	assert_int_equal(fh_store_prepare(st, "SELECT FROM", &q, &err), FH_ESTORE);
	assert_null(q);
	assert_int_equal(fh_store_exec(st, "NOT SQL", &err), FH_ESTORE);
	fh_store_close(&st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_degenerate),
		cmocka_unit_test(open_creates_0660_and_migrates),
		cmocka_unit_test(module_schema_steps),
		cmocka_unit_test(wal_versions),
		cmocka_unit_test(newer_and_foreign_refused),
		cmocka_unit_test(sync_is_idempotent_and_refuses_space_in_use),
		cmocka_unit_test(version_check_names_who_and_when),
		cmocka_unit_test(statements),
		cmocka_unit_test(steps_and_columns),
		cmocka_unit_test(busy_says_what_is_in_the_way),
		cmocka_unit_test(check_verifies_or_says_not),
		cmocka_unit_test(backup_settings_and_memory),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
