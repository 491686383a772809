/* fuhua tests — hub.h: the hubs as configured — a sync that adds, then
 * changes nothing when run again, then sees a changed rule; the hubs an
 * operator sees, in tree order; one hub by code, and one that is not
 * there or not theirs. Degenerate cases first. */
#include "module.h"

#include "fuhua/hub.h"
#include "fuhua/config.h"

MODULE_TEST("hub.db", "2026-06-10T09:00")

/* A hub not there, and one not the operator's, are not found alike; the
 * hubs a street sees are its own and below, in tree order; the city's all. */
static void hubs_seen(void **s)
{
	(void)s;
	fh_error err;
	fh_hub h, *rows;
	size_t n;
	assert_int_equal(fh_hub_get(st, &sys_actor, "nowhere", &h, &err), FH_ENOTFOUND);
	assert_int_equal(fh_hub_get(st, &sys_actor, "", &h, &err), FH_ENOTFOUND);
	fh_actor gh = signed_in("共和新路主任", FH_ROLE_MANAGER, "ja-gh");
	assert_int_equal(fh_hub_get(st, &gh, "ja-gh-yq", &h, &err), FH_OK); /* below it */
	assert_string_equal(h.parent, "ja-gh");
	assert_string_equal(h.short_name, "延秋");
	assert_int_equal(h.level, FH_LEVEL_COMMUNITY);
	assert_int_equal(fh_hub_get(st, &gh, "ja-dn", &h, &err), FH_ENOTFOUND); /* a sibling */
	assert_int_equal(fh_hub_get(st, &gh, "ja", &h, &err), FH_ENOTFOUND);    /* its parent */
	assert_int_equal(fh_hub_list(st, &gh, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].code, "ja-gh");
	assert_int_equal(rows[0].depth, 0);
	assert_string_equal(rows[1].code, "ja-gh-yq");
	assert_int_equal(rows[1].depth, 1);
	assert_int_equal(rows[0].spaces, 5);
	free(rows);
	assert_int_equal(fh_hub_list(st, &sys_actor, &rows, &n, &err), FH_OK);
	assert_true(n >= 9);
	assert_int_equal(rows[0].level, FH_LEVEL_CITY);
	for (size_t i = 1; i < n; i++) { /* each hub's parent comes before it */
		bool seen = false;
		for (size_t j = 0; j < i; j++)
			seen |= strcmp(rows[j].code, rows[i].parent) == 0;
		assert_true(seen);
	}
	free(rows);
}

/* The same configuration again changes nothing; a hub's rule changed is one
 * hub changed; a hub gone from the configuration is refused, and nothing
 * is written. */
static void sync_again_and_changed(void **s)
{
	(void)s;
	fh_error err;
	fh_config *cfg;
	fh_sync_report r;
	assert_int_equal(fh_config_load(FIXTURES, &cfg, &err), FH_OK);
	assert_int_equal(fh_hub_sync(st, cfg, "test", &r, &err), FH_OK);
	assert_int_equal(r.hubs_added + r.hubs_changed + r.spaces_added + r.spaces_changed + r.spaces_retired, 0);
	fh_config_free(&cfg);
	char dir[300], cmd[700];
	snprintf(dir, sizeof dir, "%s/changed", tmpdir());
	snprintf(cmd, sizeof cmd,
		 "rm -rf '%s' && cp -r " FIXTURES " '%s' && printf 'overrides:\\n  idle_lock_minutes: 7\\n'"
		 " >> '%s/hubs/ja-gh-yq.yaml'",
		 dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(fh_config_load(dir, &cfg, &err), FH_OK);
	assert_int_equal(fh_hub_sync(st, cfg, "test", &r, &err), FH_OK);
	assert_int_equal(r.hubs_changed, 1);
	assert_int_equal(r.hubs_added, 0);
	fh_config_free(&cfg);
	snprintf(cmd, sizeof cmd, "rm '%s/hubs/ja-gh-yq.yaml'", dir);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(fh_config_load(dir, &cfg, &err), FH_OK);
	int64_t audit = fixture_count(st, "SELECT count(*) FROM audit");
	assert_int_equal(fh_hub_sync(st, cfg, "test", &r, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "ja-gh-yq"));
	assert_int_equal(fixture_count(st, "SELECT count(*) FROM audit"), audit);
	fh_config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hubs_seen),
		cmocka_unit_test(sync_again_and_changed),
	};
	return cmocka_run_group_tests_name("hub", tests, module_setup, module_teardown);
}
