/* Unit tests: a screen left open reads again only what another session's
 * write can have changed (the topics it shows, counted by the database's
 * triggers), once a second at most, and every screen when the counts
 * cannot be read. */
#include "fixture.h"

#include "../../tui/screen/tui.h"
#include "fuhua/changes.h"
#include "fuhua/mentor.h"
#include "fuhua/party.h"

static fh_store *st, *other;
static fh_actor sys_actor, other_actor;
static struct app app;
static int64_t tenant_id;

static const struct {
	enum fh_screen screen;
	const struct view_ops *ops;
} open_views[] = {
	{ FH_SCREEN_DASHBOARD, &fh_dashboard_view }, { FH_SCREEN_TENANTS, &fh_tenants_view },
	{ FH_SCREEN_PARTY, &fh_party_view },         { FH_SCREEN_SPACES, &fh_spaces_view },
	{ FH_SCREEN_MENTORING, &fh_mentoring_view },
};
#define NVIEWS (sizeof open_views / sizeof open_views[0])

static int setup(void **s)
{
	(void)s;
	fh_error err;
	if (fixture_open("changes.db", "2026-06-10T09:00", &st, &sys_actor) != 0 ||
	    fh_store_open(fh_store_path(st), &other, &err) != FH_OK ||
	    fh_actor_system(other, "other", &other_actor, &err) != FH_OK)
		return -1;
	tenant_id = fixture_admitted(st, &sys_actor, "ja-gh", "话题测试社", NULL);
	/* the screens as the interface holds them, open and drawn */
	app.store = st;
	app.logged_in = true;
	for (size_t i = 0; i < NVIEWS; i++) {
		app.stack[open_views[i].screen][0].ops = open_views[i].ops;
		app.depth[open_views[i].screen] = 1;
	}
	app.data_version = fh_store_data_version(st);
	return fh_changes_read(st, app.changes, &err) == FH_OK ? 0 : -1;
}

static int teardown(void **s)
{
	(void)s;
	fh_store_close(&other);
	fh_store_close(&st);
	return 0;
}

/* The screens marked to read again, as a string of their initials in the
 * order of open_views (d t p s m), and marks cleared. */
static const char *stale(void)
{
	static char out[NVIEWS + 1];
	size_t n = 0;
	for (size_t i = 0; i < NVIEWS; i++) {
		struct view *v = &app.stack[open_views[i].screen][0];
		if (v->stale)
			out[n++] = "dtpsm"[i];
		v->stale = false;
	}
	out[n] = 0;
	return out;
}

static void note(const char *text)
{
	fh_tenant t;
	fh_error err;
	assert_int_equal(fh_tenant_get_by_id(other, &other_actor, tenant_id, &t, &err), FH_OK);
	snprintf(t.notes, sizeof t.notes, "%s", text);
	assert_int_equal(fh_tenant_update(other, &other_actor, &t, NULL, &err), FH_OK);
}

/* A note on a tenant: the dashboard and the tenants' list; not the Party,
 * Spaces or Mentoring screens. A party record: the Party screen and the
 * tenants'. A pairing: Mentoring. */
static void test_only_what_a_write_changed(void **s)
{
	(void)s;
	note("前台的备注");
	fh_app_check_changes(&app, 1000);
	assert_string_equal(stale(), "dt");
	fh_party p;
	fh_error err;
	assert_int_equal(fh_party_get_record(other, &other_actor, tenant_id, &p, &err), FH_OK);
	p.applicants = 2;
	assert_int_equal(fh_party_save(other, &other_actor, &p, NULL, &err), FH_OK);
	fh_app_check_changes(&app, 3000);
	assert_string_equal(stale(), "dtp");
	fh_mentor m = { .capacity = 3 };
	snprintf(m.name, sizeof m.name, "话题导师");
	int64_t mentor;
	assert_int_equal(fh_mentor_add(other, &other_actor, "ja-gh", &m, &mentor, &err), FH_OK);
	assert_int_equal(fh_mentor_assign(other, &other_actor, mentor, tenant_id, &err), FH_OK);
	fh_app_check_changes(&app, 5000);
	assert_string_equal(stale(), "dtm");
	/* no write: nothing */
	fh_app_check_changes(&app, 7000);
	assert_string_equal(stale(), "");
}

/* Writes every 100 ms: read again once a second, not at each. */
static void test_once_a_second_at_most(void **s)
{
	(void)s;
	int64_t now = 100000;
	int marked = 0;
	for (int i = 0; i < 30; i++, now += 100) {
		char text[32];
		snprintf(text, sizeof text, "第%d次", i);
		note(text);
		fh_app_check_changes(&app, now);
		marked += stale()[0] != 0;
	}
	assert_int_equal(marked, 3); /* at 100.0, 101.0 and 102.0 s */
}

/* Counts that cannot be read: every screen reads again. */
static void test_unreadable_counts_reload_everything(void **s)
{
	(void)s;
	assert_int_equal(
		sqlite3_exec(fh_store_db(other), "ALTER TABLE changes RENAME TO changes_away", NULL, NULL, NULL),
		SQLITE_OK);
	fh_app_check_changes(&app, 200000);
	assert_string_equal(stale(), "dtpsm");
	assert_int_equal(
		sqlite3_exec(fh_store_db(other), "ALTER TABLE changes_away RENAME TO changes", NULL, NULL, NULL),
		SQLITE_OK);
}

/* Nothing changed between two equal counts; one topic's count moved. */
static void changes_between_counts(void **s)
{
	(void)s;
	int64_t was[FH_TOPIC_COUNT] = { 0 }, now[FH_TOPIC_COUNT] = { 0 };
	assert_int_equal(fh_changes_between(was, now), 0);
	now[FH_TOPIC_SPACE] = 3;
	assert_int_equal(fh_changes_between(was, now), 1u << FH_TOPIC_SPACE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(changes_between_counts),
		cmocka_unit_test(test_only_what_a_write_changed),
		cmocka_unit_test(test_once_a_second_at_most),
		cmocka_unit_test(test_unreadable_counts_reload_everything),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
