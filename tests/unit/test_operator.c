/* Unit tests: operators, passwords, roles and hub scope. */
#include <sqlite3.h>

#include "fixture.h"
#include "helpers.h"
#include "race.h"

#include "../../core/store_sqlite.h"
#include "fuhua/audit.h"
#include "fuhua/config.h"
#include "fuhua/demo.h"
#include "fuhua/hub.h"
#include "fuhua/operator.h"
#include "fuhua/report.h"
#include "fuhua/store.h"

static fh_store *st;
static fh_actor sys_actor;

static int setup(void **s)
{
	(void)s;
	fh_error err;
	fh_config *cfg;
	char p[256];
	snprintf(p, sizeof p, "%s/ops.db", tmpdir());
	unlink(p);
	if (fh_config_load(FIXTURES, &cfg, &err) != FH_OK || fh_store_create(p, &st, &err) != FH_OK ||
	    fh_hub_sync(st, cfg, "test", NULL, &err) != FH_OK || fh_actor_system(st, "test", &sys_actor, &err) != FH_OK)
		return -1;
	fh_config_free(&cfg);
	return 0;
}

static int teardown(void **s)
{
	(void)s;
	fh_store_close(&st);
	return 0;
}

static void add_degenerate(void **s)
{
	(void)s;
	fh_error err;
	assert_int_equal(fh_operator_add(st, &sys_actor, "", FH_ROLE_FRONT_DESK, "ja-gh", "secret1", &err), FH_EINVAL);
	assert_string_equal(err.field, "name");
	assert_int_equal(fh_operator_add(st, &sys_actor, "a b", FH_ROLE_FRONT_DESK, "ja-gh", "secret1", &err),
			 FH_EINVAL);
	assert_int_equal(fh_operator_add(st, &sys_actor, "wang", FH_ROLE_FRONT_DESK, "ja-gh", "12345", &err),
			 FH_EINVAL);
	assert_string_equal(err.field, "password");
	assert_int_equal(fh_operator_add(st, &sys_actor, "wang", FH_ROLE_FRONT_DESK, "nowhere", "secret1", &err),
			 FH_ENOTFOUND);
	assert_string_equal(err.field, "hub");
	assert_int_equal(fh_operator_add(st, NULL, "wang", FH_ROLE_FRONT_DESK, "ja-gh", "secret1", &err), FH_EDENIED);
}

static void add_login_and_never_store_clear(void **s)
{
	(void)s;
	fh_error err;
	fh_actor a;
	assert_int_equal(fh_operator_add(st, &sys_actor, "王芳", FH_ROLE_FRONT_DESK, "ja-gh", "春晖2026", &err), FH_OK);
	assert_int_equal(fh_operator_add(st, &sys_actor, "王芳", FH_ROLE_FRONT_DESK, "ja-gh", "春晖2026", &err),
			 FH_ECONFLICT);
	assert_int_equal(fh_operator_login(st, "王芳", "春晖2026", "test", &a, &err), FH_OK);
	assert_string_equal(a.hub_code, "ja-gh");
	assert_int_equal(a.role, FH_ROLE_FRONT_DESK);
	assert_int_equal(a.idle_lock_minutes, 5);
	assert_int_equal(fh_operator_login(st, "王芳", "wrong-password", "test", &a, &err), FH_EAUTH);
	assert_int_equal(fh_operator_login(st, "nobody", "春晖2026", "test", &a, &err), FH_EAUTH);
	assert_string_equal(err.message, "wrong name or password");
	/* the hash is yescrypt and the password is nowhere in the file's tables */
	sqlite3_stmt *q;
	sqlite3_prepare_v2(fh_store_db(st), "SELECT pw_hash FROM operators WHERE name = '王芳'", -1, &q, NULL);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_memory_equal(sqlite3_column_text(q, 0), "$y$", 3);
	sqlite3_finalize(q);
	sqlite3_prepare_v2(fh_store_db(st),
			   "SELECT count(*) FROM audit WHERE instr(coalesce(new,'') || coalesce(old,''), '春晖2026')",
			   -1, &q, NULL);
	sqlite3_step(q);
	assert_int_equal(sqlite3_column_int(q, 0), 0);
	sqlite3_finalize(q);
}

static void failures_slow_down(void **s)
{
	(void)s;
	assert_int_equal(fh_operator_delay_ms(0), 0);
	assert_int_equal(fh_operator_delay_ms(1), 1000);
	assert_int_equal(fh_operator_delay_ms(2), 2000);
	assert_int_equal(fh_operator_delay_ms(4), 8000);
	assert_int_equal(fh_operator_delay_ms(40), 30000);
	fh_error err;
	fh_actor a;
	for (int i = 0; i < 2; i++)
		fh_operator_login(st, "王芳", "bad-password", "test", &a, &err);
	fh_operator_row *rows;
	size_t n;
	assert_int_equal(fh_operator_list(st, &sys_actor, &rows, &n, &err), FH_OK);
	int failures = -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].name, "王芳") == 0)
			failures = rows[i].failures;
	free(rows);
	assert_int_equal(failures, 3);
	/* the gate: right after the third failure even the right password
	 * waits (at most 2 s, for every terminal); it never sleeps */
	assert_int_equal(fh_operator_login(st, "王芳", "春晖2026", "test", &a, &err), FH_EBUSY);
	assert_non_null(strstr(err.message, "try again"));
	assert_int_equal(sqlite3_exec(fh_store_db(st),
				      "UPDATE operators SET last_failure ="
				      " last_failure - 2 WHERE name = '王芳'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(fh_operator_login(st, "王芳", "春晖2026", "test", &a, &err), FH_OK);
}

/* A street operator must not read or change another street's data. */
static void street_scope(void **s)
{
	(void)s;
	fh_error err;
	fh_actor gh, ja;
	assert_int_equal(fh_operator_add(st, &sys_actor, "zhang", FH_ROLE_ADMIN, "ja-gh", "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_add(st, &sys_actor, "li", FH_ROLE_MANAGER, "ja", "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "zhang", "secret1", "test", &gh, &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "li", "secret1", "test", &ja, &err), FH_OK);
	fh_hub h;
	assert_int_equal(fh_hub_get(st, &gh, "ja-gh", &h, &err), FH_OK);
	assert_int_equal(fh_hub_get(st, &gh, "ja-gh-yq", &h, &err), FH_OK);     /* below it */
	assert_int_equal(fh_hub_get(st, &gh, "ja-dn", &h, &err), FH_ENOTFOUND); /* a sibling */
	assert_int_equal(fh_hub_get(st, &gh, "ja", &h, &err), FH_ENOTFOUND);    /* its parent */
	fh_hub *rows;
	size_t n;
	assert_int_equal(fh_hub_list(st, &gh, &rows, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		assert_true(strncmp(rows[i].code, "ja-gh", 5) == 0);
	free(rows);
	assert_int_equal(fh_hub_list(st, &ja, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 5); /* 静安 and its three streets and one community site */
	free(rows);
	/* an admin of one street cannot add an operator to another street */
	assert_int_equal(fh_operator_add(st, &gh, "zhao", FH_ROLE_FRONT_DESK, "ja-dn", "secret1", &err), FH_EDENIED);
	assert_int_equal(fh_operator_add(st, &gh, "zhao", FH_ROLE_FRONT_DESK, "ja-gh-yq", "secret1", &err), FH_OK);
	/* nor change a password there; a manager resets those of its hubs */
	assert_int_equal(fh_operator_set_password(st, &gh, "li", "another1", 0, &err),
			 FH_EDENIED); /* not yours, said so */
	assert_int_equal(fh_operator_set_password(st, &ja, "zhao", "another1", 0, &err), FH_OK);
	assert_int_equal(fh_operator_set_password(st, &ja, "li", "another1", 0, &err), FH_OK);
	/* operators listed and audit rows read are only those in scope */
	fh_operator_row *ops;
	assert_int_equal(fh_operator_list(st, &gh, &ops, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		assert_true(strncmp(ops[i].hub_code, "ja-gh", 5) == 0);
	free(ops);
	fh_audit_row *audit;
	assert_int_equal(fh_audit_recent(st, &gh, 200, &audit, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		assert_true(strncmp(audit[i].hub_code, "ja-gh", 5) == 0);
	free(audit);
	fh_dashboard d;
	assert_int_equal(fh_report_dashboard(st, &gh, &d, &err), FH_OK);
	fh_actor nobody = { 0 };
	assert_int_equal(fh_report_dashboard(st, &nobody, &d, &err), FH_EDENIED);
}

/* A Unix login bound to an operator: only an administrator binds, a login
 * a shell would read is refused, one login binds one operator; the command
 * then acts as it (its role and hubs, via cli:LOGIN), not once it is
 * disabled, and nobody once it is unbound; each bind audited. */
static void unix_login(void **s)
{
	(void)s;
	fh_error err;
	fh_actor a, mgr;
	assert_int_equal(fh_actor_unix(st, "nobody-bound", &a, &err), FH_ENOTFOUND);
	assert_int_equal(a.id, 0);
	assert_int_equal(fh_operator_add(st, &sys_actor, "wang", FH_ROLE_MANAGER, "ja-dn", "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_add(st, &sys_actor, "chen", FH_ROLE_FRONT_DESK, "ja-dn", "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "wang", "secret1", "test", &mgr, &err), FH_OK);
	assert_int_equal(fh_operator_bind_unix(st, &mgr, "chen", "chen", &err), FH_EDENIED); /* a manager does not */
	assert_int_equal(fh_operator_bind_unix(st, &sys_actor, "wang", "a;b", &err), FH_EINVAL);
	assert_int_equal(fh_operator_bind_unix(st, &sys_actor, "wang", "-x", &err), FH_EINVAL);
	assert_int_equal(fh_operator_bind_unix(st, &sys_actor, "wang", "wang.dn", &err), FH_OK);
	assert_int_equal(fh_operator_bind_unix(st, &sys_actor, "chen", "wang.dn", &err), FH_ECONFLICT);
	assert_string_equal(err.field, "unix");
	assert_int_equal(fh_actor_unix(st, "wang.dn", &a, &err), FH_OK);
	assert_string_equal(a.name, "wang");
	assert_int_equal(a.role, FH_ROLE_MANAGER);
	assert_string_equal(a.hub_code, "ja-dn");
	assert_string_equal(a.via, "cli:wang.dn");
	assert_int_equal(
		fixture_count(st, "SELECT count(*) FROM audit WHERE action = 'bind_unix' AND new LIKE '%wang.dn%'"), 1);
	fh_operator_row *ops;
	size_t n;
	assert_int_equal(fh_operator_list(st, &sys_actor, &ops, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(ops[i].unix_login, strcmp(ops[i].name, "wang") == 0 ? "wang.dn" : "");
	free(ops);
	assert_int_equal(fh_operator_set_disabled(st, &sys_actor, "wang", true, &err), FH_OK);
	assert_int_equal(fh_actor_unix(st, "wang.dn", &a, &err), FH_EDENIED);
	assert_int_equal(a.id, 0);
	assert_int_equal(fh_operator_set_disabled(st, &sys_actor, "wang", false, &err), FH_OK);
	assert_int_equal(fh_operator_bind_unix(st, &sys_actor, "wang", "", &err), FH_OK);
	assert_int_equal(fh_actor_unix(st, "wang.dn", &a, &err), FH_ENOTFOUND);
}

/* Two administrators bind one login to two operators at once: the second
 * reads the first's binding in its write and is refused. */
static void test_race_bind_unix(void **s)
{
	(void)s;
	fh_error err;
	assert_int_equal(fh_operator_add(st, &sys_actor, "zhou", FH_ROLE_FRONT_DESK, "ja-dn", "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_add(st, &sys_actor, "wu", FH_ROLE_FRONT_DESK, "ja-dn", "secret1", &err), FH_OK);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(sqlite3_exec(fh_store_db(r.b), "UPDATE operators SET unix_login = 'desk1' WHERE name = 'zhou'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	race_arm(&r);
	fh_status got = fh_operator_bind_unix(st, &sys_actor, "wu", "desk1", &err);
	race_end(&r);
	assert_int_equal(got, FH_ECONFLICT);
	assert_int_equal(fixture_count(st, "SELECT count(*) FROM operators WHERE unix_login = 'desk1'"), 1);
}

static void stale_password_change_conflicts(void **s)
{
	(void)s;
	fh_error err;
	fh_operator_row *ops;
	size_t n;
	assert_int_equal(fh_operator_list(st, &sys_actor, &ops, &n, &err), FH_OK);
	int64_t version = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(ops[i].name, "zhang") == 0)
			version = ops[i].version;
	free(ops);
	assert_int_equal(fh_operator_set_password(st, &sys_actor, "zhang", "first-change", version, &err), FH_OK);
	assert_int_equal(fh_operator_set_password(st, &sys_actor, "zhang", "second-change", version, &err),
			 FH_ECONFLICT);
	assert_non_null(strstr(err.message, "changed by system"));
}

static size_t demo_logins(fh_operator_row *rows)
{
	size_t n = 99;
	fh_error err;
	assert_int_equal(fh_operator_demo_logins(st, rows, 8, &n, &err), FH_OK);
	return n;
}

/* The demo's login hint lasts only while an account has the demo password:
 * the accounts whose hash is still the one recorded, front desk first; a
 * database made before the hashes were recorded gets them on migrating. */
static void demo_hint_follows_passwords(void **s)
{
	(void)s;
	fh_error err;
	fh_operator_row rows[8];
	assert_int_equal(demo_logins(rows), 0); /* not a demo */
	assert_int_equal(fh_operator_add(st, &sys_actor, "演示主任", FH_ROLE_MANAGER, "ja", FH_DEMO_PASSWORD, &err),
			 FH_OK);
	assert_int_equal(
		fh_operator_add(st, &sys_actor, "演示前台", FH_ROLE_FRONT_DESK, "ja-dn", FH_DEMO_PASSWORD, &err),
		FH_OK);
	assert_int_equal(fh_operator_mark_demo(st, &err), FH_OK); /* every account there is now */
	size_t all = demo_logins(rows);
	assert_true(all >= 2);
	for (size_t i = 1; i < all; i++) /* front desk, then managers, then admins */
		assert_true(rows[i - 1].role == rows[i].role || rows[i - 1].role == FH_ROLE_FRONT_DESK ||
			    rows[i].role == FH_ROLE_ADMIN);
	/* a password set again, even to the same text, is no longer the demo's */
	assert_int_equal(fh_operator_set_password(st, &sys_actor, "演示主任", FH_DEMO_PASSWORD, 0, &err), FH_OK);
	assert_int_equal(demo_logins(rows), all - 1);
	for (size_t i = 0; i < all - 1; i++)
		assert_string_not_equal(rows[i].name, "演示主任");
	assert_int_equal(fh_operator_set_password(st, &sys_actor, "演示前台", "Another-pw-9", 0, &err), FH_OK);
	assert_int_equal(demo_logins(rows), all - 2);
	/* an old demo database: no hashes recorded; migrating checks the
	 * password once and records the hash of each account that takes it */
	assert_int_equal(sqlite3_exec(fh_store_db(st),
				      "DELETE FROM settings WHERE key LIKE 'demo_hash:%';"
				      " INSERT OR REPLACE INTO settings(key, value) VALUES('demo', '1');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(schema_back_to_8(fh_store_db(st)), SQLITE_OK);
	assert_int_equal(
		fh_operator_add(st, &sys_actor, "旧演示前台", FH_ROLE_FRONT_DESK, "ja-dn", FH_DEMO_PASSWORD, &err),
		FH_OK);
	char path[256];
	snprintf(path, sizeof path, "%s", fh_store_path(st));
	fh_store_close(&st);
	assert_int_equal(fh_store_open(path, &st, &err), FH_OK);
	/* those that take the demo password: the old front desk, and the
	 * manager whose password was set to it again */
	assert_int_equal(demo_logins(rows), 2);
	assert_string_equal(rows[0].name, "旧演示前台");
	assert_string_equal(rows[1].name, "演示主任");
}

/* A role out of range has no name; an unknown one parses as nothing, the
 * output kept; each goes and comes back; a role allows itself and those
 * below it only. */
static void roles(void **s)
{
	(void)s;
	fh_role r = FH_ROLE_ADMIN;
	assert_null(fh_role_name(FH_ROLE_COUNT));
	assert_false(fh_role_parse("boss", &r));
	assert_int_equal(r, FH_ROLE_ADMIN);
	for (int i = 0; i < FH_ROLE_COUNT; i++) {
		assert_true(fh_role_parse(fh_role_name((fh_role)i), &r));
		assert_int_equal(r, i);
	}
	assert_true(fh_role_allows(FH_ROLE_ADMIN, FH_ROLE_MANAGER));
	assert_true(fh_role_allows(FH_ROLE_MANAGER, FH_ROLE_FRONT_DESK));
	assert_true(fh_role_allows(FH_ROLE_FRONT_DESK, FH_ROLE_FRONT_DESK));
	assert_false(fh_role_allows(FH_ROLE_FRONT_DESK, FH_ROLE_MANAGER));
	assert_false(fh_role_allows(FH_ROLE_MANAGER, FH_ROLE_ADMIN));
}

/* Operators help themselves: anyone changes their own password with the
 * old one (a wrong one refused and counted); a manager adds front desk and
 * managers of its hubs, never an admin, disables and enables them (not
 * itself), and a disabled operator cannot log in; each change audited. */
static void managers_and_own_passwords(void **s)
{
	(void)s;
	fh_error err;
	fh_actor mgr, desk, again;
	int before = -1, after = -1;
	assert_int_equal(fh_operator_count(st, &before, &err), FH_OK);
	assert_int_equal(fh_operator_add(st, &sys_actor, "dn-mgr", FH_ROLE_MANAGER, "ja-dn", "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "dn-mgr", "secret1", "test", &mgr, &err), FH_OK);
	/* a manager adds front desk at its hub, not elsewhere, not an admin */
	assert_int_equal(fh_operator_add(st, &mgr, "dn-desk", FH_ROLE_FRONT_DESK, "ja-dn", "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_add(st, &mgr, "dn-admin", FH_ROLE_ADMIN, "ja-dn", "secret1", &err), FH_EDENIED);
	assert_int_equal(fh_operator_add(st, &mgr, "gh-desk", FH_ROLE_FRONT_DESK, "ja-gh", "secret1", &err),
			 FH_EDENIED);
	assert_int_equal(fh_operator_count(st, &after, &err), FH_OK);
	assert_int_equal(after, before + 2);
	/* front desk manages nobody */
	assert_int_equal(fh_operator_login(st, "dn-desk", "secret1", "test", &desk, &err), FH_OK);
	assert_int_equal(fh_operator_add(st, &desk, "dn-desk2", FH_ROLE_FRONT_DESK, "ja-dn", "secret1", &err),
			 FH_EDENIED);
	assert_int_equal(fh_operator_set_disabled(st, &desk, "dn-mgr", true, &err), FH_EDENIED);
	/* one's own password: the old one first, a new one the rules take */
	assert_int_equal(fh_operator_change_own(st, &desk, "wrong-pw", "newpass1", &err), FH_EAUTH);
	assert_string_equal(err.field, "old");
	assert_int_equal(fh_operator_change_own(st, &desk, "secret1", "12345", &err), FH_EINVAL);
	assert_int_equal(fh_operator_change_own(st, &desk, "secret1", "secret1", &err), FH_EINVAL);
	assert_int_equal(fh_operator_change_own(st, &desk, "secret1", "新的密码2026", &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "dn-desk", "secret1", "test", &again, &err), FH_EAUTH);
	assert_int_equal(fh_operator_login(st, "dn-desk", "新的密码2026", "test", &again, &err), FH_OK);
	/* disabled: no login, even with the right password; enabled again */
	assert_int_equal(fh_operator_set_disabled(st, &mgr, "dn-mgr", true, &err), FH_EINVAL); /* not oneself */
	assert_int_equal(fh_operator_set_disabled(st, &mgr, "nobody-here", true, &err), FH_ENOTFOUND);
	assert_int_equal(fh_operator_set_disabled(st, &mgr, "dn-desk", false, &err), FH_ECONFLICT);
	assert_int_equal(fh_operator_set_disabled(st, &mgr, "dn-desk", true, &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "dn-desk", "新的密码2026", "test", &again, &err), FH_EDENIED);
	assert_non_null(strstr(err.message, "disabled"));
	fh_operator_row *rows;
	size_t n;
	bool listed = false;
	assert_int_equal(fh_operator_list(st, &mgr, &rows, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].name, "dn-desk") == 0)
			listed = rows[i].disabled;
	free(rows);
	assert_true(listed);
	assert_int_equal(fh_operator_set_disabled(st, &mgr, "dn-desk", false, &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "dn-desk", "新的密码2026", "test", &again, &err), FH_OK);
	/* a manager resets its front desk's password */
	assert_int_equal(fh_operator_set_password(st, &mgr, "dn-desk", "reset-2026", 0, &err), FH_OK);
	assert_int_equal(fh_operator_login(st, "dn-desk", "reset-2026", "test", &again, &err), FH_OK);
	/* every change audited */
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(
				 fh_store_db(st),
				 "SELECT group_concat(action, ' ') FROM (SELECT action FROM audit"
				 " WHERE entity = 'operator' AND action IN ('create', 'password', 'disable', 'enable')"
				 " AND entity_id = (SELECT id FROM operators WHERE name = 'dn-desk') ORDER BY id)",
				 -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(q, 0), "create password disable enable password");
	sqlite3_finalize(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(roles),
		cmocka_unit_test(add_degenerate),
		cmocka_unit_test(add_login_and_never_store_clear),
		cmocka_unit_test(failures_slow_down),
		cmocka_unit_test(street_scope),
		cmocka_unit_test(stale_password_change_conflicts),
		cmocka_unit_test(demo_hint_follows_passwords),
		cmocka_unit_test(managers_and_own_passwords),
		cmocka_unit_test(unix_login),
		cmocka_unit_test(test_race_bind_unix),
	};
	return cmocka_run_group_tests_name("operator", tests, setup, teardown);
}
