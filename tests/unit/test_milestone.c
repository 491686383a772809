/* Unit tests: milestones and mentoring — instantiation at admission from the
 * templates then in force, due dates across month ends (31 January + 1
 * month), template changes after admission, waiving permissions, the
 * milestones that tick themselves, each graduation criterion and the
 * override, mentors' capacity and sessions, the due lists. */
#include <sqlite3.h>
#include <time.h>

#include "module.h"
#include "race.h"

#include "../../core/store_sqlite.h"
#include "fuhua/booking.h"
#include "fuhua/clock.h"
#include "fuhua/config.h"
#include "fuhua/hub.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "fuhua/operator.h"
#include "fuhua/party.h"
#include "fuhua/space.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

MODULE_TEST("milestone.db", "2026-01-31T09:00")

/* A credit code with a valid check character, from its first 17. */
static const char *code_with(const char *first17, char out[19])
{
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	for (const char *c = chars; *c; c++) {
		snprintf(out, 19, "%s%c", first17, *c);
		if (fh_credit_code_check(out, NULL) == FH_OK)
			return out;
	}
	fail_msg("no check character for %s", first17);
	return NULL;
}

static const fh_milestone *find(const fh_milestone *rows, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].code, code) == 0)
			return &rows[i];
	fail_msg("no milestone %s", code);
	return NULL;
}

static void test_instantiation_and_month_ends(void **s)
{
	(void)s;
	fh_error err;
	int64_t id = admitted("ja-dn", "月末入驻服务社", NULL);
	fh_milestone *rows;
	size_t n;
	assert_int_equal(fh_milestone_list(st, &sys_actor, id, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 7); /* the street's 4 + 3 templates */
	/* admitted 31 January: the party plan is due a month later, on 28 February */
	assert_int_equal(find(rows, n, "plan")->due, day("2026-02-28"));
	assert_int_equal(find(rows, n, "charter")->due, day("2026-03-31"));
	assert_int_equal(find(rows, n, "register")->due, day("2026-05-31"));
	assert_false(find(rows, n, "venture")->required);
	assert_string_equal(find(rows, n, "register")->title_en, "Registered or filed");
	free(rows);
	/* the one rule, in a leap year too */
	assert_int_equal(fh_clock_add_months(day("2028-01-31"), 1), day("2028-02-29"));
	/* templates changed after admission: the tenant's milestones stay as they were */
	sqlite3_exec(fh_store_db(st),
		     "UPDATE milestone_templates SET title = '改过的标题', due_months = 11"
		     " WHERE code = 'charter'",
		     NULL, NULL, NULL);
	int added;
	assert_int_equal(fh_milestone_instantiate(st, &sys_actor, id, &added, &err), FH_OK);
	assert_int_equal(added, 0);
	assert_int_equal(fh_milestone_list(st, &sys_actor, id, &rows, &n, &err), FH_OK);
	assert_string_equal(find(rows, n, "charter")->title, "制定章程与活动规则");
	assert_int_equal(find(rows, n, "charter")->due, day("2026-03-31"));
	free(rows);
	/* a template added later is given on request, due from the admission day */
	sqlite3_exec(fh_store_db(st),
		     "INSERT INTO milestone_templates(hub_id, track, seq, code, title, due_months, kind)"
		     " SELECT hub_id, 'org', 9, 'extra', '新增节点', 2, 'task' FROM milestone_templates"
		     " WHERE code = 'charter' AND hub_id = (SELECT id FROM hubs WHERE code = 'ja-dn')",
		     NULL, NULL, NULL);
	assert_int_equal(fh_milestone_instantiate(st, &sys_actor, id, &added, &err), FH_OK);
	assert_int_equal(added, 1);
	assert_int_equal(fh_milestone_list(st, &sys_actor, id, &rows, &n, &err), FH_OK);
	assert_int_equal(find(rows, n, "extra")->due, day("2026-03-31"));
	free(rows);
	sqlite3_exec(
		fh_store_db(st),
		"DELETE FROM milestone_templates WHERE code = 'extra';"
		" UPDATE milestone_templates SET title = '制定章程与活动规则', due_months = 2 WHERE code = 'charter'",
		NULL, NULL, NULL);
}

static void test_done_and_waive_permissions(void **s)
{
	(void)s;
	fh_error err;
	int64_t id = admitted("ja-dn", "豁免测试社", NULL);
	fh_milestone *rows;
	size_t n;
	assert_int_equal(fh_milestone_list(st, &sys_actor, id, &rows, &n, &err), FH_OK);
	int64_t charter = find(rows, n, "charter")->id, project = find(rows, n, "project")->id;
	free(rows);
	fh_actor desk = sys_actor;
	desk.role = FH_ROLE_FRONT_DESK;
	/* front desk ticks off; a day in the future is refused */
	assert_int_equal(fh_milestone_done(st, &desk, charter, day("2026-02-01"), "章程", &err), FH_EINVAL);
	assert_int_equal(fh_milestone_done(st, &desk, charter, 0, "章程（2026年1月修订）", &err), FH_OK);
	assert_int_equal(fh_milestone_done(st, &desk, charter, 0, "", &err), FH_ECONFLICT);
	/* only a manager waives, and only with a reason */
	assert_int_equal(fh_milestone_waive(st, &desk, project, "不适用", &err), FH_EDENIED);
	assert_int_equal(fh_milestone_waive(st, &sys_actor, project, "  ", &err), FH_EINVAL);
	assert_string_equal(err.field, "reason");
	assert_int_equal(fh_milestone_waive(st, &sys_actor, project, "社区已有同类项目", &err), FH_OK);
	fh_milestone m;
	assert_int_equal(fh_milestone_get(st, &sys_actor, project, &m, &err), FH_OK);
	assert_int_equal(m.state, FH_MS_WAIVED);
	assert_string_equal(m.evidence, "社区已有同类项目");
	assert_string_equal(m.verified_by, sys_actor.name);
	assert_int_equal(fh_milestone_reopen(st, &desk, project, &err), FH_EDENIED);
	assert_int_equal(fh_milestone_reopen(st, &sys_actor, project, &err), FH_OK);
	assert_int_equal(fh_milestone_get(st, &sys_actor, charter, &m, &err), FH_OK);
	assert_int_equal(m.state, FH_MS_DONE);
	assert_int_equal(m.done_on, day("2026-01-31"));
}

static void test_milestones_that_tick_themselves(void **s)
{
	(void)s;
	fh_error err;
	fh_milestone *rows;
	size_t n;
	/* registered at admission: the registration milestone is proved */
	char c1[19], c2[19];
	int64_t a = admitted("ja-dn", "已登记服务社", code_with("52310106MJ4987654", c1));
	assert_int_equal(fh_milestone_list(st, &sys_actor, a, &rows, &n, &err), FH_OK);
	assert_int_equal(find(rows, n, "register")->state, FH_MS_DONE);
	assert_string_equal(find(rows, n, "register")->verified_by, "auto");
	assert_non_null(strstr(find(rows, n, "register")->evidence, c1));
	assert_int_equal(find(rows, n, "organise")->state, FH_MS_PENDING);
	free(rows);
	/* registered later: the tenant's save proves it */
	int64_t b = admitted("ja-dn", "后登记服务社", NULL);
	fh_tenant t;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, b, &t, &err), FH_OK);
	snprintf(t.credit_code, sizeof t.credit_code, "%s", code_with("52310106MJ4987655", c2));
	t.reg_state = FH_REG_REGISTERED;
	fh_field_errors fe = { 0 };
	assert_int_equal(fh_tenant_update(st, &sys_actor, &t, &fe, &err), FH_OK);
	assert_int_equal(fh_milestone_list(st, &sys_actor, b, &rows, &n, &err), FH_OK);
	assert_int_equal(find(rows, n, "register")->state, FH_MS_DONE);
	free(rows);
	/* the party record showing covered work proves the party track's */
	fh_party p;
	assert_int_equal(fh_party_get_record(st, &sys_actor, b, &p, &err), FH_OK);
	const char *kv[] = {
		"form", "branch", "full_members", "3", "founded", "2025-12-01", "secretary", "王芳", NULL
	};
	for (int i = 0; kv[i]; i += 2) {
		fh_party_field f;
		assert_true(fh_party_field_lookup(kv[i], &f));
		assert_int_equal(fh_party_set(&p, f, kv[i + 1], &err), FH_OK);
	}
	assert_int_equal(fh_party_save(st, &sys_actor, &p, &fe, &err), FH_OK);
	assert_int_equal(fh_milestone_list(st, &sys_actor, b, &rows, &n, &err), FH_OK);
	assert_int_equal(find(rows, n, "organise")->state, FH_MS_DONE);
	assert_string_equal(find(rows, n, "organise")->verified_by, "auto");
	free(rows);
}

/* Whether a plan's unmet list has a line containing `what`. */
static bool unmet(const fh_stage_plan *p, const char *what)
{
	for (size_t i = 0; i < p->nunmet; i++)
		if (strstr(p->unmet[i], what))
			return true;
	return false;
}

static void test_graduation_criteria_and_override(void **s)
{
	(void)s;
	fh_error err;
	fh_stage_plan plan;
	setenv("LANGUAGE", "en", 1);
	int64_t id = admitted("ja-dn", "出壳条件社", NULL);
	sqlite3_exec(fh_store_db(st), "UPDATE hubs SET grad_min_rating = 3 WHERE code = 'ja-dn'", NULL, NULL, NULL);
	assert_int_equal(fh_tenant_move_plan(st, &sys_actor, id, FH_STAGE_GRADUATED, NULL, &plan, &err), FH_ECONFLICT);
	/* months, registration, required milestones, Party work, rating: each listed */
	assert_int_equal(plan.nunmet, 5);
	assert_true(unmet(&plan, "months"));
	assert_true(unmet(&plan, "credit code"));
	assert_true(unmet(&plan, "6 required milestones"));
	assert_true(unmet(&plan, "Party work"));
	assert_true(unmet(&plan, "3A"));
	/* and each one met too, for the view that lists them all */
	assert_int_equal(plan.nmet, 1);
	assert_non_null(strstr(plan.met[0], "handover"));
	/* a handover overdue is one more */
	fh_space sp;
	int64_t alloc;
	assert_int_equal(fh_space_find(st, &sys_actor, "ja-dn/A2", 0, &sp, &err), FH_OK);
	fh_allocation_req r = {
		.space_id = sp.id, .tenant_id = id, .seats = 1, .from = day("2026-01-31"), .to = day("2026-01-31")
	};
	assert_int_equal(fh_allocation_add(st, &sys_actor, &r, &alloc, &err), FH_OK);
	setenv("FUHUA_NOW", "2026-03-31T09:00", 1);
	assert_int_equal(fh_tenant_move_plan(st, &sys_actor, id, FH_STAGE_GRADUATED, NULL, &plan, &err), FH_ECONFLICT);
	assert_true(unmet(&plan, "handed back"));
	assert_int_equal(fh_allocation_handed_over(st, &sys_actor, alloc, 0, &err), FH_OK);
	/* the override: a manager, with a reason, the unmet criteria recorded */
	fh_actor desk = sys_actor;
	desk.role = FH_ROLE_FRONT_DESK;
	assert_int_equal(fh_tenant_graduate_override(st, &sys_actor, id, 0, "", NULL, &err), FH_EINVAL);
	assert_int_equal(fh_tenant_graduate_override(st, &desk, id, 0, "提前出壳", NULL, &err), FH_EDENIED);
	assert_int_equal(fh_tenant_graduate_override(st, &sys_actor, id, 0, "已承接政府购买服务，提前出壳", NULL, &err),
			 FH_OK);
	fh_stage_event *ev;
	size_t n;
	assert_int_equal(fh_tenant_stages(st, &sys_actor, id, &ev, &n, &err), FH_OK);
	assert_true(n >= 1);
	assert_int_equal(ev[n - 1].to, FH_STAGE_GRADUATED);
	assert_non_null(strstr(ev[n - 1].reason, "已承接政府购买服务"));
	assert_non_null(strstr(ev[n - 1].reason, "months"));
	free(ev);
	sqlite3_stmt *q;
	sqlite3_prepare_v2(fh_store_db(st),
			   "SELECT count(*) FROM audit WHERE entity = 'tenant' AND entity_id = ?1"
			   " AND action = 'override'",
			   -1, &q, NULL);
	sqlite3_bind_int64(q, 1, id);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(q, 0), 1);
	sqlite3_finalize(q);
	sqlite3_exec(fh_store_db(st), "UPDATE hubs SET grad_min_rating = 0 WHERE code = 'ja-dn'", NULL, NULL, NULL);
	unsetenv("LANGUAGE");
	setenv("FUHUA_NOW", "2026-01-31T09:00", 1);
}

static void test_mentors_and_due_lists(void **s)
{
	(void)s;
	fh_error err;
	fh_mentor m = { .capacity = 1 };
	snprintf(m.name, sizeof m.name, "%s", "陈老师");
	snprintf(m.expertise, sizeof m.expertise, "%s", "财务");
	int64_t mentor;
	assert_int_equal(fh_mentor_add(st, &sys_actor, "ja-dn", &m, &mentor, &err), FH_OK);
	int64_t a = admitted("ja-dn", "导师甲社", NULL), b = admitted("ja-dn", "导师乙社", NULL);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, mentor, a, &err), FH_OK);
	assert_int_equal(fh_mentor_assign(st, &sys_actor, mentor, b, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "陈老师"));
	fh_session x = { .mentor_id = mentor, .tenant_id = a, .hours = 2 };
	snprintf(x.topic, sizeof x.topic, "%s", "财务制度");
	int64_t sid;
	assert_int_equal(fh_session_add(st, &sys_actor, &x, &sid, &err), FH_OK);
	x.hours = 0.2;
	assert_int_equal(fh_session_add(st, &sys_actor, &x, &sid, &err), FH_EINVAL);
	fh_mentor *rows;
	size_t n;
	assert_int_equal(fh_mentor_list(st, &sys_actor, "ja-dn", &rows, &n, &err), FH_OK);
	bool seen = false;
	for (size_t i = 0; i < n; i++)
		if (rows[i].id == mentor) {
			seen = true;
			assert_int_equal(rows[i].load, 1);
			assert_true(rows[i].hours > 1.9 && rows[i].hours < 2.1);
		}
	assert_true(seen);
	free(rows);
	/* the due lists: nothing overdue today; two months on, the plans are */
	fh_due *due;
	int total;
	assert_int_equal(fh_milestone_due(st, &sys_actor, "ja-dn", true, 0, 100, &due, &n, &total, &err), FH_OK);
	int before = total;
	free(due);
	setenv("FUHUA_NOW", "2026-03-01T09:00", 1);
	assert_int_equal(fh_milestone_due(st, &sys_actor, "ja-dn", true, 0, 100, &due, &n, &total, &err), FH_OK);
	assert_true(total > before);
	assert_true(n > 0 && due[0].days >= 1);
	free(due);
	assert_int_equal(fh_milestone_due(st, &sys_actor, "ja-dn", false, 30, 100, &due, &n, &total, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		assert_true(due[i].days >= 0 && due[i].days <= 30);
	free(due);
	setenv("FUHUA_NOW", "2026-01-31T09:00", 1);
}

/* ---- two terminals at once (race.h): each rule reads under the write lock */

static bool count_row(void *ctx, const fh_due *row)
{
	(void)row;
	(*(int *)ctx)++;
	return true;
}

static bool stop_at_once(void *ctx, const fh_due *row)
{
	(void)row;
	(*(int *)ctx)++;
	return false;
}

/* A tenant's open milestones, nothing proved by a bare record, the hub's
 * lead times, the due list walked whole or stopped. */
static void test_open_and_walks(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted("ja-dn", "读数里程碑社", NULL);
	int required = -1;
	/* the required milestones still open, and nothing proved by a bare record */
	assert_int_equal(fh_milestone_open_required(st, t, &required, &err), FH_OK);
	assert_true(required > 0);
	int ticked = -1;
	assert_int_equal(fh_milestone_prove(st, &sys_actor, t, &ticked, &err), FH_OK);
	assert_int_equal(ticked, 0);
	/* the lead times, largest first; the due list walked whole or stopped */
	int lead[4], nlead = 0;
	fh_hub h;
	assert_int_equal(fh_hub_get(st, &sys_actor, "ja-dn", &h, &err), FH_OK);
	assert_int_equal(fh_milestone_lead_days(st, h.id, lead, &nlead, &err), FH_OK);
	assert_true(nlead >= 1);
	for (int i = 1; i < nlead; i++)
		assert_true(lead[i - 1] >= lead[i]);
	int rows = 0, stopped = 0;
	assert_int_equal(fh_milestone_due_walk(st, &sys_actor, NULL, false, 3650, count_row, &rows, &err), FH_OK);
	assert_true(rows > 0);
	assert_int_equal(fh_milestone_due_walk(st, &sys_actor, NULL, false, 3650, stop_at_once, &stopped, &err), FH_OK);
	assert_int_equal(stopped, 1);
}

/* Graduation under one hub's rules asks only for the required milestones
 * and the handovers (the caller puts the rules back). */
static void only_milestone_criteria(const char *hub)
{
	char sql[300];
	snprintf(sql, sizeof sql,
		 "UPDATE hubs SET grad_min_months = 0, grad_registered = 0, grad_party_coverage = 0,"
		 " grad_min_rating = 0, grad_all_milestones = 1 WHERE code = '%s'",
		 hub);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
}

/* A manager reopens a required milestone while another graduates the
 * tenant: graduation counts the milestone reopened, and is refused. */
static void test_race_reopen_and_graduation(void **s)
{
	(void)s;
	fh_error err;
	char before[3][200];
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(fh_store_db(st),
					    "SELECT grad_min_months, grad_registered,"
					    " grad_party_coverage FROM hubs WHERE code = 'ja-gh'",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	for (int i = 0; i < 3; i++)
		snprintf(before[i], sizeof before[i], "%s", (const char *)sqlite3_column_text(q, i));
	sqlite3_finalize(q);
	only_milestone_criteria("ja-gh");
	int64_t t = admitted("ja-gh", "竞速出壳评估社", NULL);
	char sql[800];
	snprintf(sql, sizeof sql,
		 "UPDATE milestones SET state = 'waived', evidence = '测试', done_on = 0"
		 " WHERE tenant_id = %lld",
		 (long long)t);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	int64_t one = count_where("SELECT min(id) FROM milestones WHERE tenant_id = %lld AND required = 1", t);
	fh_stage_plan plan;
	assert_int_equal(fh_tenant_move_plan(st, &sys_actor, t, FH_STAGE_GRADUATED, NULL, &plan, &err), FH_OK);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_milestone_reopen(r.b, &sys_actor, one, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_tenant_move(st, &sys_actor, t, 0, FH_STAGE_GRADUATED, NULL, NULL, &err);
	race_end(&r);
	snprintf(sql, sizeof sql,
		 "UPDATE hubs SET grad_min_months = %s, grad_registered = %s,"
		 " grad_party_coverage = %s WHERE code = 'ja-gh'",
		 before[0], before[1], before[2]);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(got, FH_ECONFLICT);
	assert_non_null(strstr(err.message, "1"));
	assert_int_equal(count_where("SELECT stage = 'incubating' FROM tenants WHERE id = %lld", t), 1);
}

/* An exit while a manager gives the tenant milestones: refused. */
static void test_race_exit_and_milestones_given(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = admitted("ja-gh", "竞速里程碑社", NULL);
	char sql[120];
	snprintf(sql, sizeof sql, "DELETE FROM milestones WHERE tenant_id = %lld", (long long)t);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_tenant_move(r.b, &sys_actor, t, 0, FH_STAGE_EXITED, "停止活动", NULL, &err), FH_OK);
	race_arm(&r);
	int added = 0;
	fh_status got = fh_milestone_instantiate(st, &sys_actor, t, &added, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_int_equal(count_where("SELECT count(*) FROM milestones WHERE tenant_id = %lld", t), 0);
}

/* An authorizer that refuses to read one column: the statements that read
 * it fail (setting it makes cached statements prepare again). */
static const char *denied_table, *denied_column;

static int deny_column(void *ctx, int action, const char *a, const char *b, const char *db, const char *trigger)
{
	(void)ctx, (void)db, (void)trigger;
	return action == SQLITE_READ && a && b && strcmp(a, denied_table) == 0 && strcmp(b, denied_column) == 0
		? SQLITE_DENY
		: SQLITE_OK;
}

static void deny(const char *table, const char *column)
{
	denied_table = table;
	denied_column = column;
	sqlite3_set_authorizer(fh_store_db(st), table ? deny_column : NULL, NULL);
}

/* Graduation whose criteria cannot be read is refused with the database's
 * message: a count that failed never reads as "nothing open", "nothing late". */
static void test_graduation_fails_closed(void **s)
{
	(void)s;
	fh_error err;
	fh_stage_plan plan;
	char sql[800], before[3][32];
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(fh_store_db(st),
					    "SELECT grad_min_months, grad_registered,"
					    " grad_party_coverage FROM hubs WHERE code = 'ja-gh'",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	for (int i = 0; i < 3; i++)
		snprintf(before[i], sizeof before[i], "%s", (const char *)sqlite3_column_text(q, i));
	sqlite3_finalize(q);
	only_milestone_criteria("ja-gh");
	int64_t t = admitted("ja-gh", "读不出条件社", NULL);
	snprintf(sql, sizeof sql,
		 "UPDATE milestones SET state = 'waived', evidence = '测试', done_on = 0"
		 " WHERE tenant_id = %lld",
		 (long long)t);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(fh_tenant_move_plan(st, &sys_actor, t, FH_STAGE_GRADUATED, NULL, &plan, &err), FH_OK);
	/* the required milestones cannot be counted: no graduation */
	deny("milestones", "required");
	fh_status got = fh_tenant_move(st, &sys_actor, t, 0, FH_STAGE_GRADUATED, NULL, NULL, &err);
	deny(NULL, NULL);
	assert_int_equal(got, FH_ESTORE);
	assert_non_null(strstr(err.message, "milestones"));
	assert_int_equal(count_where("SELECT stage = 'incubating' FROM tenants WHERE id = %lld", t), 1);
	/* nor when the handovers cannot be: the plan says so too */
	deny("allocations", "handed_on");
	got = fh_tenant_move_plan(st, &sys_actor, t, FH_STAGE_GRADUATED, NULL, &plan, &err);
	deny(NULL, NULL);
	assert_int_equal(got, FH_ESTORE);
	snprintf(sql, sizeof sql,
		 "UPDATE hubs SET grad_min_months = %s, grad_registered = %s,"
		 " grad_party_coverage = %s WHERE code = 'ja-gh'",
		 before[0], before[1], before[2]);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
}

/* A milestone's state out of range is "?", never NULL. */
static void state_words(void **s)
{
	(void)s;
	assert_string_equal(fh_ms_state_name(FH_MS_STATE_COUNT), "?");
	assert_string_equal(fh_ms_state_name(FH_MS_WAIVED), "waived");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(state_words),
		cmocka_unit_test(test_instantiation_and_month_ends),
		cmocka_unit_test(test_done_and_waive_permissions),
		cmocka_unit_test(test_milestones_that_tick_themselves),
		cmocka_unit_test(test_graduation_criteria_and_override),
		cmocka_unit_test(test_mentors_and_due_lists),
		cmocka_unit_test(test_race_reopen_and_graduation),
		cmocka_unit_test(test_race_exit_and_milestones_given),
		cmocka_unit_test(test_graduation_fails_closed),
		cmocka_unit_test(test_open_and_walks),
	};
	return cmocka_run_group_tests(tests, module_setup, module_teardown);
}
