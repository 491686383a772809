/* Unit tests: the tenant record, every field rule, the lifecycle, the list
 * and search, import and export. */
#include <sqlite3.h>

#include "helpers.h"

#include "../../core/store_sqlite.h"
#include "../../core/tenant_int.h"
#include "fuhua/clock.h"
#include "fuhua/pinyin.h"
#include "fuhua/config.h"
#include "fuhua/hub.h"
#include "fuhua/buf.h"
#include "fuhua/import.h"
#include "fuhua/operator.h"
#include "fuhua/party.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

static fh_store *st;
static fh_actor sys_actor, desk, manager, street_mgr;

static int64_t hub_id(const char *code)
{
	fh_hub h;
	fh_error err;
	assert_int_equal(fh_hub_get(st, &sys_actor, code, &h, &err), FH_OK);
	return h.id;
}

static int setup(void **s)
{
	(void)s;
	fh_error err;
	fh_config *cfg;
	char p[256];
	setenv("FUHUA_NOW", "2026-01-10T09:00", 1);
	snprintf(p, sizeof p, "%s/tenants.db", tmpdir());
	unlink(p);
	if (fh_config_load(FIXTURES, &cfg, &err) != FH_OK || fh_store_create(p, &st, &err) != FH_OK ||
	    fh_hub_sync(st, cfg, "test", NULL, &err) != FH_OK || fh_actor_system(st, "test", &sys_actor, &err) != FH_OK)
		return -1;
	fh_config_free(&cfg);
	if (fh_operator_add(st, &sys_actor, "desk", FH_ROLE_FRONT_DESK, "ja", "secret1", &err) ||
	    fh_operator_add(st, &sys_actor, "boss", FH_ROLE_MANAGER, "ja", "secret1", &err) ||
	    fh_operator_add(st, &sys_actor, "gh", FH_ROLE_MANAGER, "ja-gh", "secret1", &err) ||
	    fh_operator_login(st, "desk", "secret1", "test", &desk, &err) ||
	    fh_operator_login(st, "boss", "secret1", "test", &manager, &err) ||
	    fh_operator_login(st, "gh", "secret1", "test", &street_mgr, &err))
		return -1;
	return 0;
}

static int teardown(void **s)
{
	(void)s;
	fh_store_close(&st);
	return 0;
}

/* A good application at hub ja. */
static void good(fh_tenant *t, const char *name, const char *code)
{
	fh_tenant_init(t);
	t->hub_id = hub_id("ja");
	fh_error err;
	assert_int_equal(fh_tenant_set(t, FH_TF_NAME, name, &err), FH_OK);
	if (code) {
		assert_int_equal(fh_tenant_set(t, FH_TF_REG_STATE, "已登记", &err), FH_OK);
		assert_int_equal(fh_tenant_set(t, FH_TF_ORG_TYPE, "社会团体", &err), FH_OK);
		assert_int_equal(fh_tenant_set(t, FH_TF_CREDIT_CODE, code, &err), FH_OK);
	}
}

/* A valid social-group code (51…) with serial n. */
static void code_for(int n, char out[19])
{
	snprintf(out, 19, "51310106MJ%07d", n);
	out[17] = fh_credit_code_check_char(out);
	out[18] = 0;
}

static bool has_problem(const fh_field_errors *e, fh_tenant_field f)
{
	return fh_field_errors_find(e, f) != NULL;
}

/* ---- fields ------------------------------------------------------------------ */

/* A hub's service fields as configured; tenants that look like one being
 * taken in; an extension planned without writing. */
static void fields_similar_and_extension_plan(void **s)
{
	(void)s;
	fh_error err;
	char fields[40][128];
	size_t n = 99;
	assert_int_equal(fh_tenant_service_fields(st, hub_id("ja-pp"), fields, 40, &n, &err), FH_OK);
	assert_int_equal(n, 9);
	assert_string_equal(fields[0], "为老服务");
	assert_int_equal(fh_tenant_service_fields(st, hub_id("ja-pp"), fields, 2, &n, &err), FH_OK);
	assert_int_equal(n, 2); /* at most max */
	fh_tenant t;
	fh_field_errors fe = { 0 };
	good(&t, "相似测试服务社", NULL);
	fh_tenant_match m[4];
	assert_int_equal(fh_tenant_similar(st, &sys_actor, &t, m, 4, &n, &err), FH_OK);
	assert_int_equal(n, 0);
	assert_int_equal(fh_tenant_add(st, &sys_actor, &t, &fe, &err), FH_OK);
	fh_tenant again;
	good(&again, "相似测试服务社", NULL);
	assert_int_equal(fh_tenant_similar(st, &sys_actor, &again, m, 4, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(m[0].id, t.id);
	assert_int_equal(m[0].why, FH_TF_NAME);
	assert_int_equal(fh_tenant_similar(st, &sys_actor, &again, m, 0, &n, &err), FH_OK);
	assert_int_equal(n, 0); /* room for none */
	/* not incubating yet: no extension; front desk may not plan one */
	fh_stage_plan plan;
	assert_int_equal(fh_tenant_extend_plan(st, &manager, t.id, &plan, &err), FH_EINVAL);
	assert_int_equal(fh_tenant_extend_plan(st, &desk, t.id, &plan, &err), FH_EDENIED);
	assert_int_equal(fh_tenant_move(st, &sys_actor, t.id, 0, FH_STAGE_REVIEWING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &sys_actor, t.id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_extend_plan(st, &manager, t.id, &plan, &err), FH_OK);
	assert_int_equal(plan.months, 12); /* the district's extension */
	fh_tenant now;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, t.id, &now, &err), FH_OK);
	assert_true(plan.planned_end > now.planned_end);
	assert_int_equal(now.extended, false); /* planned, not written */
}

static void phones(void **s)
{
	(void)s;
	char out[24];
	fh_error err;
	struct {
		const char *in, *out;
	} good_ones[] = {
		{ "13812345678", "13812345678" },           { "+86 138 1234 5678", "13812345678" },
		{ "138-1234-5678", "13812345678" },         { "021-62345678", "021-62345678" },
		{ "(021) 6234 5678", "021-62345678" },      { "02162345678", "021-62345678" },
		{ "0571-8765432", "0571-8765432" },         { "0571-87654321", "0571-87654321" },
		{ "010-62345678-123", "010-62345678-123" }, { "021-62345678转8", "021-62345678-8" },
	};
	for (size_t i = 0; i < sizeof good_ones / sizeof good_ones[0]; i++) {
		assert_int_equal(fh_phone_normalize(good_ones[i].in, out, sizeof out, &err), FH_OK);
		assert_string_equal(out, good_ones[i].out);
	}
	const char *bad[] = { "62345678",    "1381234567",          "138123456789", "12812345678",
			      "021-6234567", "400-800-1234",        "abc",          "",
			      "0571-123456", "021-62345678-1234567" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(fh_phone_normalize(bad[i], out, sizeof out, &err), FH_EINVAL);
		assert_string_equal(err.field, "phone");
	}
}

static void setting_fields(void **s)
{
	(void)s;
	fh_tenant t;
	fh_error err;
	char buf[256];
	fh_tenant_init(&t);
	assert_int_equal(fh_tenant_set(&t, FH_TF_ORG_TYPE, "民办非企业单位", &err), FH_OK);
	assert_int_equal(t.org_type, FH_ORG_SERVICE_ORG);
	assert_int_equal(fh_tenant_set(&t, FH_TF_ORG_TYPE, "foundation", &err), FH_OK);
	assert_string_equal(fh_tenant_get(&t, FH_TF_ORG_TYPE, false, true, buf, sizeof buf), "基金会");
	assert_int_equal(fh_tenant_set(&t, FH_TF_ORG_TYPE, "公司", &err), FH_EINVAL);
	assert_string_equal(err.field, "org_type");
	assert_int_equal(t.org_type, FH_ORG_FOUNDATION); /* unchanged */
	assert_int_equal(fh_tenant_set(&t, FH_TF_RATING, "AAAA", &err), FH_OK);
	assert_int_equal(t.rating, 4);
	assert_int_equal(fh_tenant_set(&t, FH_TF_RATING, "3A级", &err), FH_OK);
	assert_int_equal(t.rating, 3);
	assert_string_equal(fh_tenant_get(&t, FH_TF_RATING, false, true, buf, sizeof buf), "3A");
	assert_int_equal(fh_tenant_set(&t, FH_TF_RATING, "6A", &err), FH_EINVAL);
	assert_int_equal(fh_tenant_set(&t, FH_TF_STAFF, "-1", &err), FH_EINVAL);
	assert_int_equal(fh_tenant_set(&t, FH_TF_STAFF, "12人", &err), FH_EINVAL);
	assert_int_equal(fh_tenant_set(&t, FH_TF_STAFF, " 12 ", &err), FH_OK);
	assert_int_equal(t.staff, 12);
	assert_int_equal(fh_tenant_set(&t, FH_TF_NAME, "  青凤　", &err), FH_OK);
	assert_string_equal(t.name, "青凤");
	assert_int_equal(fh_tenant_set(&t, FH_TF_NAME, "青\x01凤", &err), FH_EINVAL);
	assert_int_equal(fh_tenant_set(&t, FH_TF_NAME, "\xff\xfe", &err), FH_EINVAL);
	char longname[400] = "";
	for (int i = 0; i < 61; i++)
		strcat(longname, "青");
	assert_int_equal(fh_tenant_set(&t, FH_TF_NAME, longname, &err), FH_EINVAL);
	assert_string_equal(err.field, "name");
	assert_int_equal(fh_tenant_set(&t, FH_TF_NOTES, "第一行\n第二行", &err), FH_OK);
	assert_int_equal(fh_tenant_set(&t, FH_TF_CREDIT_CODE, "51310106mj4987654k", &err), FH_OK);
	assert_string_equal(t.credit_code, "51310106MJ4987654K");
	assert_int_equal(fh_tenant_set(&t, FH_TF_FOUNDED, "2024/2/30", &err), FH_EINVAL);
	assert_string_equal(err.field, "founded");
	/* headings */
	fh_tenant_field f;
	assert_true(fh_tenant_field_lookup("统一社会信用代码", &f));
	assert_int_equal(f, FH_TF_CREDIT_CODE);
	assert_true(fh_tenant_field_lookup(" Credit_Code ", &f));
	assert_true(fh_tenant_field_lookup("机构名称", &f));
	assert_int_equal(f, FH_TF_NAME);
	assert_true(fh_tenant_field_lookup("联系电话（手机）", &f));
	assert_int_equal(f, FH_TF_PHONE);
	assert_false(fh_tenant_field_lookup("身高", &f));
}

static void validation_rules(void **s)
{
	(void)s;
	fh_tenant t;
	fh_field_errors e = { 0 };
	fh_error err;
	char code[19];
	code_for(1, code);
	good(&t, "静安青凤为老服务社", code);
	assert_int_equal(fh_tenant_validate(st, &t, &e, &err), FH_OK);

	/* name */
	t.name[0] = 0;
	e.n = 0;
	assert_int_equal(fh_tenant_validate(st, &t, &e, &err), FH_EINVAL);
	assert_true(has_problem(&e, FH_TF_NAME));
	strcpy(t.name, "静");
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_NAME));
	strcpy(t.name, "静安青凤为老服务社");

	/* credit code: registered needs one; its check char; 5 = civil affairs; type */
	t.credit_code[0] = 0;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_CREDIT_CODE));
	strcpy(t.credit_code, code);
	t.credit_code[17] = t.credit_code[17] == '0' ? '1' : '0';
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_CREDIT_CODE));
	strcpy(t.credit_code, "91350100M000100Y43"); /* valid, but a company */
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_CREDIT_CODE));
	strcpy(t.credit_code, "52310106MJ4987654K");
	t.credit_code[17] = fh_credit_code_check_char(t.credit_code); /* a 民非 code on a 社团 */
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_CREDIT_CODE));
	t.reg_state = FH_REG_PREPARING; /* in preparation: no code yet */
	strcpy(t.credit_code, code);
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_CREDIT_CODE));
	t.credit_code[0] = 0;
	e.n = 0;
	assert_int_equal(fh_tenant_validate(st, &t, &e, &err), FH_OK);
	/* filed: community organisations only */
	t.reg_state = FH_REG_FILED;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_REG_STATE));
	t.org_type = FH_ORG_COMMUNITY_ORG;
	e.n = 0;
	assert_int_equal(fh_tenant_validate(st, &t, &e, &err), FH_OK);

	/* the service field comes from the hub's configuration */
	strcpy(t.field, "飞行");
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_FIELD));
	strcpy(t.field, "为老服务");
	/* dates */
	strcpy(t.founded, "2030-01-01");
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_FOUNDED));
	strcpy(t.founded, "2020-01-01");
	/* rating: registered only, with a date after founding */
	t.rating = 3;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_RATING));
	assert_true(has_problem(&e, FH_TF_RATING_DATE));
	t.org_type = FH_ORG_SOCIAL_GROUP;
	t.reg_state = FH_REG_REGISTERED;
	strcpy(t.credit_code, code);
	strcpy(t.rating_date, "2019-06-01");
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_RATING_DATE));
	strcpy(t.rating_date, "2025-06-01");
	e.n = 0;
	assert_int_equal(fh_tenant_validate(st, &t, &e, &err), FH_OK);
	t.rating = 0;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_RATING_DATE));
	t.rating_date[0] = 0;
	/* a branch of its own needs the hub's minimum of members */
	t.party_org = FH_PARTY_BRANCH;
	t.party_members = 2;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_PARTY_MEMBERS));
	t.party_members = 3;
	/* people counts */
	t.staff = -1;
	t.volunteers = 100001;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_STAFF));
	assert_true(has_problem(&e, FH_TF_VOLUNTEERS));
	t.staff = t.volunteers = 0;
	/* stages imported: admitted needs a date; exited a reason */
	t.stage = FH_STAGE_INCUBATING;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_ADMITTED_ON));
	t.stage = FH_STAGE_EXITED;
	e.n = 0;
	fh_tenant_validate(st, &t, &e, &err);
	assert_true(has_problem(&e, FH_TF_EXIT_REASON));
	t.stage = FH_STAGE_APPLIED;
	e.n = 0;
	assert_int_equal(fh_tenant_validate(st, &t, &e, &err), FH_OK);
}

/* ---- writing and the lifecycle ---------------------------------------------------- */

static void add_and_duplicate_code(void **s)
{
	(void)s;
	fh_tenant t, u;
	fh_field_errors e = { 0 };
	fh_error err;
	char code[19];
	code_for(2, code);
	good(&t, "春晖助残服务社", code);
	assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	assert_true(t.id > 0);
	assert_int_equal(t.stage, FH_STAGE_APPLIED);
	good(&u, "另一家", code);
	e.n = 0;
	assert_int_equal(fh_tenant_add(st, &desk, &u, &e, &err), FH_EINVAL);
	assert_true(has_problem(&e, FH_TF_CREDIT_CODE));
	/* a race: the code taken between the checks and the write. The write's
	 * refusal names the holder like the check does, never SQLite's words */
	good(&u, "竞争者", code);
	u.hub_id = desk.hub_id;
	assert_int_equal(fh_tx_begin(st, &err), FH_OK);
	assert_int_equal(fh_tenant_insert(st, &desk, &u, &err), FH_EINVAL);
	fh_tx_rollback(st);
	assert_string_equal(err.field, "credit_code");
	assert_non_null(strstr(err.message, "春晖助残服务社"));
	assert_null(strstr(err.message, "UNIQUE"));
	assert_int_equal(u.id, 0);
	/* a street manager cannot see a district tenant: "not yours", not "not there" */
	assert_int_equal(fh_tenant_get_by_id(st, &street_mgr, t.id, &u, &err), FH_EDENIED);
	assert_non_null(strstr(err.message, "outside yours"));
	assert_int_equal(fh_tenant_get_by_id(st, &street_mgr, 999999, &u, &err), FH_ENOTFOUND);
	/* a database another process holds is "busy", never "not there" */
	sqlite3 *other;
	assert_int_equal(sqlite3_open(fh_store_path(st), &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
	fh_store_busy_ms(st, 20);
	assert_int_equal(fh_tenant_get_by_id(st, &desk, t.id, &u, &err), FH_EBUSY);
	assert_non_null(strstr(err.message, "busy"));
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	fh_store_busy_ms(st, 5000);
	assert_int_equal(fh_tenant_get_by_id(st, &desk, t.id, &u, &err), FH_OK);
	/* and cannot add one to the district's hub */
	good(&u, "越权组织", NULL);
	e.n = 0;
	assert_int_equal(fh_tenant_add(st, &street_mgr, &u, &e, &err), FH_EDENIED);
}

static void transitions(void **s)
{
	(void)s;
	for (int a = 0; a < FH_STAGE_COUNT; a++)
		for (int b = 0; b < FH_STAGE_COUNT; b++) {
			bool want = (a < FH_STAGE_GRADUATED) && (b == a + 1 || b == FH_STAGE_EXITED);
			assert_int_equal(fh_stage_step_allowed((fh_stage)a, (fh_stage)b), want);
		}
	fh_stage next[FH_STAGE_COUNT];
	assert_int_equal(fh_stage_next(FH_STAGE_REVIEWING, next), 2);
	assert_int_equal(next[0], FH_STAGE_INCUBATING);
	assert_int_equal(fh_stage_next(FH_STAGE_GRADUATED, next), 0);
}

static int count(const char *sql, int64_t id)
{
	sqlite3_stmt *q;
	sqlite3_prepare_v2(fh_store_db(st), sql, -1, &q, NULL);
	sqlite3_bind_int64(q, 1, id);
	int n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : -1;
	sqlite3_finalize(q);
	return n;
}

static void lifecycle(void **s)
{
	(void)s;
	fh_tenant t;
	fh_field_errors e = { 0 };
	fh_error err;
	char code[19];
	code_for(3, code);
	good(&t, "乐龄居家养老服务社", code);
	assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	int64_t id = t.id;
	/* no skipping */
	assert_int_equal(fh_tenant_move(st, &manager, id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_EINVAL);
	assert_int_equal(fh_tenant_move(st, &desk, id, 0, FH_STAGE_REVIEWING, NULL, NULL, &err), FH_OK);
	/* admission needs a manager */
	assert_int_equal(fh_tenant_move(st, &desk, id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_EDENIED);
	/* a stale version is refused */
	assert_int_equal(fh_tenant_move(st, &manager, id, 1, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "desk"));
	assert_int_equal(fh_tenant_move(st, &manager, id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_get_by_id(st, &manager, id, &t, &err), FH_OK);
	assert_int_equal(t.stage, FH_STAGE_INCUBATING);
	/* ja's term is 24 months (the district level) */
	char d[16];
	fh_tenant_get(&t, FH_TF_PLANNED_END, false, true, d, sizeof d);
	assert_string_equal(d, "2028-01-10");
	/* both tracks' milestones from the templates */
	assert_true(count("SELECT count(*) FROM milestones WHERE tenant_id = ?1 AND track = 'org'", id) > 0);
	assert_true(count("SELECT count(*) FROM milestones WHERE tenant_id = ?1 AND track = 'party'", id) > 0);
	assert_int_equal(count("SELECT count(*) FROM stage_history WHERE tenant_id = ?1", id), 3);
	assert_int_equal(count("SELECT count(*) FROM audit WHERE entity = 'tenant' AND entity_id = ?1", id), 3);
	/* graduation: too early, milestones open, no party coverage */
	assert_int_equal(fh_tenant_move(st, &manager, id, 0, FH_STAGE_GRADUATED, NULL, NULL, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "months"));
	/* extension: manager only, once */
	assert_int_equal(fh_tenant_extend(st, &desk, id, 0, &err), FH_EDENIED);
	assert_int_equal(fh_tenant_extend(st, &manager, id, 0, &err), FH_OK);
	assert_int_equal(fh_tenant_extend(st, &manager, id, 0, &err), FH_EINVAL);
	/* two years later, everything done: graduation */
	setenv("FUHUA_NOW", "2028-03-01T09:00", 1);
	sqlite3_exec(fh_store_db(st), "UPDATE milestones SET done_on = 1, state = 'done'", NULL, NULL, NULL);
	/* Party work covered: a joint branch (the party module's record) */
	fh_party pr;
	fh_branch b = { 0 };
	assert_int_equal(fh_party_get_record(st, &manager, id, &pr, &err), FH_OK);
	b.hub_id = pr.hub_id;
	strcpy(b.name, "测试联合党支部");
	assert_int_equal(fh_branch_save(st, &manager, &b, &err), FH_OK);
	pr.form = FH_PARTY_JOINT_BRANCH;
	pr.full = 1;
	pr.branch_id = b.id;
	assert_int_equal(fh_party_save(st, &manager, &pr, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_get_by_id(st, &manager, id, &t, &err), FH_OK);
	t.rating = 3;
	strcpy(t.rating_date, "2027-12-01");
	e.n = 0;
	assert_int_equal(fh_tenant_update(st, &desk, &t, &e, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &desk, id, 0, FH_STAGE_GRADUATED, NULL, NULL, &err), FH_EDENIED);
	assert_int_equal(fh_tenant_move(st, &manager, id, 0, FH_STAGE_GRADUATED, NULL, NULL, &err), FH_OK);
	/* final */
	assert_int_equal(fh_tenant_move(st, &manager, id, 0, FH_STAGE_EXITED, "x", NULL, &err), FH_EINVAL);
	setenv("FUHUA_NOW", "2026-01-10T09:00", 1);

	/* exit: a reason; after admission a manager */
	good(&t, "退出测试组织", NULL);
	e.n = 0;
	assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &desk, t.id, 0, FH_STAGE_EXITED, "  ", NULL, &err), FH_EINVAL);
	assert_string_equal(err.field, "reason");
	assert_int_equal(fh_tenant_move(st, &desk, t.id, 0, FH_STAGE_EXITED, "未通过评审", NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_get_by_id(st, &desk, t.id, &t, &err), FH_OK);
	assert_string_equal(t.exit_reason, "未通过评审");
}

static void edit_conflict(void **s)
{
	(void)s;
	fh_tenant a, b;
	fh_field_errors e = { 0 };
	fh_error err;
	good(&a, "心桥青少年成长服务社", NULL);
	assert_int_equal(fh_tenant_add(st, &desk, &a, &e, &err), FH_OK);
	b = a;
	strcpy(a.phone, "13812345678");
	assert_int_equal(fh_tenant_update(st, &desk, &a, &e, &err), FH_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.notes, "我的修改");
	assert_int_equal(fh_tenant_update(st, &manager, &b, &e, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "desk"));
	/* nothing of b was written */
	fh_tenant now;
	assert_int_equal(fh_tenant_get_by_id(st, &desk, a.id, &now, &err), FH_OK);
	assert_string_equal(now.notes, "");
	assert_string_equal(now.phone, "13812345678");
	/* re-applied over the new version */
	b.version = now.version;
	assert_int_equal(fh_tenant_update(st, &manager, &b, &e, &err), FH_OK);
	fh_change *c;
	size_t n;
	assert_int_equal(fh_tenant_changes(st, &desk, a.id, 10, &c, &n, &err), FH_OK);
	assert_int_equal(n, 3);
	assert_string_equal(c[0].action, "update");
	assert_string_equal(c[0].operator_name, "boss");
	/* b's values went over a's: phone back to empty, notes set */
	bool saw_notes = false;
	for (int k = 0; k < c[0].nfields; k++)
		saw_notes |= c[0].f[k].field == FH_TF_NOTES && strcmp(c[0].f[k].new, "我的修改") == 0;
	assert_true(saw_notes);
	free(c);
}

/* ---- list and search ----------------------------------------------------------------- */

static size_t search(const fh_actor *who, const char *q, fh_tenant_row *rows, size_t max)
{
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	snprintf(f.search, sizeof f.search, "%s", q);
	size_t n = 0;
	fh_error err;
	assert_int_equal(fh_tenant_page(st, who, &f, NULL, false, rows, max, &n, &err), FH_OK);
	return n;
}

static void search_everything(void **s)
{
	(void)s;
	fh_tenant t;
	fh_field_errors e = { 0 };
	fh_error err;
	char code[19];
	code_for(77, code);
	good(&t, "静安青凤为老服务社", code);
	strcpy(t.short_name, "青凤");
	strcpy(t.contact, "闵晖");
	strcpy(t.phone, "021-62345678");
	assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	fh_tenant_row rows[50];
	const char *hits[] = { "jaqf", "青凤", "青", "静安青凤", "闵晖", "晖", "62345678", "02162345678", code,
			       "51310106mj", "JAQF", "qf",
			       /* as people type a phone: spaces, dashes, full-width digits */
			       "021 6234 5678", "021-6234-5678", "6234 5678", "０２１６２３４５６７８",
			       /* full-width letters of the credit code and the initials */
			       "５１３１０１０６ＭＪ", "ｊａｑｆ" };
	for (size_t i = 0; i < sizeof hits / sizeof hits[0]; i++) {
		size_t n = search(&desk, hits[i], rows, 50);
		bool found = false;
		for (size_t k = 0; k < n; k++)
			found |= rows[k].id == t.id;
		if (!found)
			fail_msg("search '%s' did not find the tenant", hits[i]);
	}
	assert_int_equal(search(&desk, "龘", rows, 50), 0);
	assert_int_equal(search(&desk, "龘龘龘", rows, 50), 0);
	assert_int_equal(search(&desk, "(", rows, 50), 0);
	/* the street manager does not see the district's tenants */
	assert_int_equal(search(&street_mgr, "jaqf", rows, 50), 0);
	/* after an edit the old name is gone from both indexes */
	strcpy(t.name, "春晖为老服务社");
	assert_int_equal(fh_tenant_update(st, &desk, &t, &e, &err), FH_OK);
	assert_int_equal(search(&desk, "jaqf", rows, 50), 0);
	assert_int_equal(search(&desk, "静安", rows, 50), 0);
	assert_true(search(&desk, "chwl", rows, 50) >= 1);
}

/* Names in pinyin order, as people expect, not in code-point order
 * (乐 U+4E50 < 仁 U+4EC1 < 众 U+4F17 < 安 U+5B89), paged by keyset. */
static void pinyin_order(void **s)
{
	(void)s;
	fh_field_errors e = { 0 };
	fh_error err;
	const char *names[] = { "众扶排序会", "乐群排序会", "仁爱排序会", "安康排序会", "博雅排序会" };
	const char *want[] = { "安康排序会", "博雅排序会", "乐群排序会", "仁爱排序会", "众扶排序会" };
	for (size_t i = 0; i < 5; i++) {
		fh_tenant t;
		good(&t, names[i], NULL);
		assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	}
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	f.sort = FH_SORT_NAME;
	fh_tenant_row all[400], page[2];
	size_t n, got = 0;
	assert_int_equal(fh_tenant_page(st, &desk, &f, NULL, false, all, 400, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		if (strstr(all[i].name, "排序会"))
			assert_string_equal(all[i].name, want[got++]);
	assert_int_equal(got, 5);
	/* keyset pages of two walk the same order, forward and back */
	const fh_tenant_row *from = NULL;
	fh_tenant_row last;
	size_t seen = 0;
	for (;;) {
		assert_int_equal(fh_tenant_page(st, &desk, &f, from, false, page, 2, &n, &err), FH_OK);
		if (!n)
			break;
		for (size_t i = 0; i < n; i++, seen++)
			assert_int_equal(page[i].id, all[seen].id);
		last = page[n - 1];
		from = &last;
	}
	assert_int_equal(fh_tenant_page(st, &desk, &f, &all[seen - 1], true, page, 2, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(page[0].id, all[seen - 3].id);
	assert_int_equal(page[1].id, all[seen - 2].id);
}

static void keyset_pages(void **s)
{
	(void)s;
	fh_field_errors e = { 0 };
	fh_error err;
	for (int i = 0; i < 45; i++) {
		fh_tenant t;
		char name[64];
		snprintf(name, sizeof name, "分页测试组织%02d号", (i * 17) % 45);
		good(&t, name, NULL);
		assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	}
	for (int sort = 0; sort < FH_SORT_COUNT; sort++) {
		fh_tenant_filter f;
		fh_tenant_filter_init(&f);
		f.sort = (fh_tenant_sort)sort;
		fh_tenant_row all[500], page[7];
		size_t nall = 0, n;
		assert_int_equal(fh_tenant_page(st, &desk, &f, NULL, false, all, 500, &nall, &err), FH_OK);
		assert_true(nall >= 45);
		/* forward page by page gives the same rows */
		size_t k = 0;
		const fh_tenant_row *from = NULL;
		fh_tenant_row last;
		do {
			assert_int_equal(fh_tenant_page(st, &desk, &f, from, false, page, 7, &n, &err), FH_OK);
			for (size_t i = 0; i < n; i++)
				assert_int_equal(page[i].id, all[k++].id);
			if (n) {
				last = page[n - 1];
				from = &last;
			}
		} while (n == 7);
		assert_int_equal(k, nall);
		/* and backward from the end */
		assert_int_equal(fh_tenant_page(st, &desk, &f, NULL, true, page, 7, &n, &err), FH_OK);
		assert_int_equal(page[n - 1].id, all[nall - 1].id);
		assert_int_equal(fh_tenant_page(st, &desk, &f, &page[0], true, page, 7, &n, &err), FH_OK);
		assert_int_equal(page[n - 1].id, all[nall - 8].id);
	}
	/* a filter: the stage */
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	f.stage = FH_STAGE_GRADUATED;
	fh_tenant_row r[10];
	size_t n;
	assert_int_equal(fh_tenant_page(st, &desk, &f, NULL, false, r, 10, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	int c;
	bool more;
	f.stage = -1;
	assert_int_equal(fh_tenant_count(st, &desk, &f, 10, &c, &more, &err), FH_OK);
	assert_int_equal(c, 10);
	assert_true(more);
}

/* ---- import and export ------------------------------------------------------------------ */

/* A tenant's words: out of range none, unknown ones nothing with the
 * output kept, each name and label back to its value; the party column's
 * heading in both languages; a tenant's months; one problem per field. */
static void tenant_words(void **s)
{
	(void)s;
	assert_null(fh_reg_state_name(FH_REG_STATE_COUNT));
	assert_null(fh_party_org_name(FH_PARTY_ORG_COUNT));
	assert_null(fh_tenant_field_name(FH_TF_COUNT));
	fh_org_type ot = FH_ORG_FOUNDATION;
	fh_reg_state rs = FH_REG_FILED;
	fh_party_org po = FH_PARTY_EXTENDED;
	fh_stage sg = FH_STAGE_EXITED;
	assert_false(fh_org_type_parse("company", &ot));
	assert_false(fh_reg_state_parse("", &rs));
	assert_false(fh_party_org_parse("cell", &po));
	assert_false(fh_stage_parse_label("hatched", &sg));
	assert_int_equal(ot, FH_ORG_FOUNDATION);
	assert_int_equal(rs, FH_REG_FILED);
	assert_int_equal(po, FH_PARTY_EXTENDED);
	assert_int_equal(sg, FH_STAGE_EXITED);
	for (int i = 0; i < FH_ORG_TYPE_COUNT; i++) {
		assert_true(fh_org_type_parse(fh_org_type_label((fh_org_type)i, true), &ot));
		assert_int_equal(ot, i);
		assert_true(fh_org_type_parse(fh_org_type_name((fh_org_type)i), &ot));
		assert_int_equal(ot, i);
	}
	for (int i = 0; i < FH_REG_STATE_COUNT; i++) {
		assert_true(fh_reg_state_parse(fh_reg_state_name((fh_reg_state)i), &rs));
		assert_int_equal(rs, i);
		assert_non_null(fh_reg_state_label((fh_reg_state)i, false));
	}
	for (int i = 0; i < FH_PARTY_ORG_COUNT; i++) {
		assert_true(fh_party_org_parse(fh_party_org_name((fh_party_org)i), &po));
		assert_int_equal(po, i);
		assert_non_null(fh_party_org_label((fh_party_org)i, true));
	}
	for (int i = 0; i < FH_STAGE_COUNT; i++) {
		assert_true(fh_stage_parse_label(fh_stage_label((fh_stage)i, true), &sg));
		assert_int_equal(sg, i);
		assert_true(fh_stage_parse_label(fh_stage_name((fh_stage)i), &sg));
		assert_int_equal(sg, i);
	}
	for (int f = 0; f < FH_TF_COUNT; f++) {
		fh_tenant_field back;
		assert_true(fh_tenant_field_lookup(fh_tenant_field_name((fh_tenant_field)f), &back));
		assert_int_equal(back, f);
		assert_non_null(fh_tenant_field_label((fh_tenant_field)f, true));
	}
	assert_string_equal(fh_party_column(FH_PARTY_NONE, true, true, false), "fallback");
	assert_string_not_equal(fh_party_column(FH_PARTY_BRANCH, false, false, true),
				fh_party_column(FH_PARTY_BRANCH, false, false, false));
	/* months of incubation: none before admission, to the day it left */
	fh_tenant t;
	fh_tenant_init(&t);
	assert_int_equal(fh_tenant_months(&t, fh_date_epoch("2026-11-23")), 0);
	t.admitted_on = fh_date_epoch("2026-01-23");
	assert_int_equal(fh_tenant_months(&t, fh_date_epoch("2026-11-23")), 10);
	/* one problem per field: the first */
	fh_field_errors fe = { 0 };
	fh_error e;
	fh_error_set(&e, FH_EINVAL, "name", "%s", "is required");
	fh_field_errors_add(&fe, &e);
	fh_error_set(&e, FH_EINVAL, "name", "%s", "is too long");
	fh_field_errors_add(&fe, &e);
	fh_error_set(&e, FH_EINVAL, "phone", "%s", "is not a phone number");
	fh_field_errors_add(&fe, &e);
	fh_field_errors_add(NULL, &e);
	assert_int_equal(fe.n, 2);
	assert_string_equal(fe.e[0].message, "is required");
	assert_string_equal(fe.e[1].field, "phone");
}

static void credit_codes(void **s)
{
	(void)s;
	fh_error err;
	/* degenerate */
	assert_int_equal(fh_credit_code_check(NULL, &err), FH_EINVAL);
	assert_int_equal(fh_credit_code_check("", &err), FH_EINVAL);
	assert_string_equal(err.field, "credit_code");
	assert_int_equal(fh_credit_code_check("91350100M000100Y4301", &err), FH_EINVAL);
	/* real codes as published */
	assert_int_equal(fh_credit_code_check("91350100M000100Y43", &err), FH_OK);
	assert_int_equal(fh_credit_code_check("91110000802100433B", &err), FH_OK);
	/* a wrong check character, and a letter outside the alphabet */
	assert_int_equal(fh_credit_code_check("91350100M000100Y44", &err), FH_EINVAL);
	assert_non_null(strstr(err.message, "'3'"));
	assert_int_equal(fh_credit_code_check("91350100M000100I43", &err), FH_EINVAL);
	assert_int_equal(fh_credit_code_check_char("91350100M000100Y4"), '3');
	assert_int_equal(fh_credit_code_check_char("9135010OM000100Y4"), 0);
}

/* A move planned is not written; the plan of a skipped stage is refused
 * as the move would be; the history lists each move, oldest first; an
 * override needs a reason and a manager, and is kept in the history. */
static void moves_planned_and_kept(void **s)
{
	(void)s;
	fh_tenant t;
	fh_field_errors e = { 0 };
	fh_error err;
	fh_stage_plan plan;
	fh_stage_event *ev;
	size_t n;
	assert_int_equal(fh_tenant_stages(st, &manager, 999999, &ev, &n, &err), FH_ENOTFOUND);
	assert_null(ev);
	assert_int_equal(n, 0);
	good(&t, "计划出壳服务社", NULL);
	assert_int_equal(fh_tenant_add(st, &desk, &t, &e, &err), FH_OK);
	assert_int_equal(fh_tenant_move_plan(st, &manager, t.id, FH_STAGE_INCUBATING, NULL, &plan, &err), FH_EINVAL);
	assert_int_equal(fh_tenant_move_plan(st, &desk, t.id, FH_STAGE_REVIEWING, NULL, &plan, &err), FH_OK);
	assert_int_equal(fh_tenant_stages(st, &manager, t.id, &ev, &n, &err), FH_OK);
	assert_int_equal(n, 1); /* applied; the plan wrote nothing */
	free(ev);
	assert_int_equal(fh_tenant_move(st, &desk, t.id, 0, FH_STAGE_REVIEWING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &manager, t.id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_OK);
	/* not yet due: the override needs a reason and a manager */
	assert_int_equal(fh_tenant_graduate_override(st, &manager, t.id, 0, "", NULL, &err), FH_EINVAL);
	assert_int_equal(fh_tenant_graduate_override(st, &desk, t.id, 0, "提前出壳", NULL, &err), FH_EDENIED);
	assert_int_equal(fh_tenant_graduate_override(st, &manager, t.id, 0, "提前出壳", NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_stages(st, &manager, t.id, &ev, &n, &err), FH_OK);
	assert_int_equal(n, 4);
	assert_int_equal(ev[0].from, FH_STAGE_COUNT);
	assert_int_equal(ev[3].from, FH_STAGE_INCUBATING);
	assert_int_equal(ev[3].to, FH_STAGE_GRADUATED);
	assert_non_null(strstr(ev[3].reason, "提前出壳"));
	for (size_t i = 1; i < n; i++)
		assert_true(ev[i - 1].at <= ev[i].at);
	free(ev);
}

/* Past the planned end: nobody is refused; a tenant in incubation is
 * counted from the day after its planned end, not on it; not once it left. */
static void past_the_planned_end(void **s)
{
	(void)s;
	fh_error err;
	int n = -1;
	fh_actor nobody = { 0 };
	assert_int_equal(fh_tenant_past_term(st, &nobody, fh_clock_now(), &n, &err), FH_EDENIED);
	assert_int_equal(n, 0);
	fh_tenant t;
	fh_field_errors e = { 0 };
	good(&t, "到期计数服务社", NULL);
	assert_int_equal(fh_tenant_add(st, &manager, &t, &e, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &manager, t.id, 0, FH_STAGE_REVIEWING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_past_term(st, &manager, fh_clock_now(), &n, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &manager, t.id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_get_by_id(st, &manager, t.id, &t, &err), FH_OK);
	/* counted from the day after its planned end, not on it; not once it left */
	int on = -1, after = -1, on_left = -1, after_left = -1;
	assert_int_equal(fh_tenant_past_term(st, &manager, t.planned_end, &on, &err), FH_OK);
	assert_int_equal(fh_tenant_past_term(st, &manager, t.planned_end + 86400, &after, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &manager, t.id, 0, FH_STAGE_EXITED, "迁出", NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_past_term(st, &manager, t.planned_end, &on_left, &err), FH_OK);
	assert_int_equal(fh_tenant_past_term(st, &manager, t.planned_end + 86400, &after_left, &err), FH_OK);
	assert_int_equal(on, on_left);
	assert_int_equal(after, after_left + 1);
}

/* The hub's row of a period's moves (zeros when it has none). */
static fh_tenant_flow flow_of(const char *code, const char *from, const char *to)
{
	fh_tenant_flow *f, out = { 0 };
	size_t n;
	fh_error err;
	assert_int_equal(
		fh_tenant_flow_list(st, &sys_actor, "ja", fh_date_epoch(from), fh_date_epoch(to), &f, &n, &err), FH_OK);
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].hub_code, code) == 0)
			out = f[i];
	free(f);
	return out;
}

/* A tenant admitted in January is January's, and in incubation by its type
 * and registration; exited in February, February's exit, no longer in
 * incubation, still January's admission; a street manager sees only its
 * hubs. */
static void flows(void **s)
{
	(void)s;
	fh_error err;
	fh_tenant t;
	fh_field_errors fe;
	fh_tenant_flow jan = flow_of("ja", "2026-01-01", "2026-02-01"), feb = flow_of("ja", "2026-02-01", "2026-03-01");
	good(&t, "流动统计服务社", "51310106MJ7000007");
	code_for(7000007, t.credit_code);
	assert_int_equal(fh_tenant_add(st, &sys_actor, &t, &fe, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &sys_actor, t.id, 0, FH_STAGE_REVIEWING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &sys_actor, t.id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_OK);
	fh_tenant_flow now = flow_of("ja", "2026-01-01", "2026-02-01");
	assert_int_equal(now.admitted, jan.admitted + 1);
	assert_int_equal(now.incubating, jan.incubating + 1);
	assert_int_equal(now.by_type[FH_ORG_SOCIAL_GROUP], jan.by_type[FH_ORG_SOCIAL_GROUP] + 1);
	assert_int_equal(now.by_reg[FH_REG_REGISTERED], jan.by_reg[FH_REG_REGISTERED] + 1);
	setenv("FUHUA_NOW", "2026-02-16T09:00", 1);
	assert_int_equal(fh_tenant_move(st, &sys_actor, t.id, 0, FH_STAGE_EXITED, "迁出本区", NULL, &err), FH_OK);
	setenv("FUHUA_NOW", "2026-01-10T09:00", 1);
	fh_tenant_flow after = flow_of("ja", "2026-02-01", "2026-03-01");
	assert_int_equal(after.exited, feb.exited + 1);
	assert_int_equal(after.incubating, jan.incubating);
	assert_int_equal(flow_of("ja", "2026-01-01", "2026-02-01").admitted, jan.admitted + 1);
	fh_tenant_flow *f;
	size_t n;
	assert_int_equal(fh_tenant_flow_list(st, &street_mgr, NULL, fh_date_epoch("2026-01-01"),
					     fh_date_epoch("2027-01-01"), &f, &n, &err),
			 FH_OK);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(strncmp(f[i].hub_code, "ja-gh", 5), 0);
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tenant_words),
		cmocka_unit_test(flows),
		cmocka_unit_test(phones),
		cmocka_unit_test(setting_fields),
		cmocka_unit_test(validation_rules),
		cmocka_unit_test(add_and_duplicate_code),
		cmocka_unit_test(transitions),
		cmocka_unit_test(lifecycle),
		cmocka_unit_test(fields_similar_and_extension_plan),
		cmocka_unit_test(edit_conflict),
		cmocka_unit_test(search_everything),
		cmocka_unit_test(pinyin_order),
		cmocka_unit_test(keyset_pages),
		cmocka_unit_test(credit_codes),
		cmocka_unit_test(moves_planned_and_kept),
		cmocka_unit_test(past_the_planned_end),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
