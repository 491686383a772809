/* Unit tests: dual incubation — every party rule at its boundaries, joint
 * branches at and over their limit, the sync checks' dates, coverage from
 * the maintained counts against a full count. */
#include <sqlite3.h>

#include "module.h"
#include "race.h"

#include "../../core/store_sqlite.h"
#include "fuhua/clock.h"
#include "fuhua/config.h"
#include "fuhua/hub.h"
#include "fuhua/operator.h"
#include "fuhua/party.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

MODULE_TEST("party.db", "2026-06-10T09:00")

static int64_t instructor(const char *code, const char *name)
{
	fh_stmt *q;
	assert_int_equal(fh_store_stmt(st,
				       "INSERT INTO mentors(hub_id, name, kind, updated_at, updated_by)"
				       " VALUES(?1, ?2, 'instructor', 0, 'test')",
				       &q, NULL),
			 FH_OK);
	fh_bind_int64(q, 1, hub(code));
	fh_bind_static(q, 2, name, -1);
	assert_int_equal(fh_step(q), FH_DONE);
	fh_reset(q);
	return fh_store_last_id(st);
}

static fh_status save(int64_t id, const char *const *kv, fh_field_errors *fe)
{
	fh_party p;
	fh_error err;
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	for (int i = 0; kv[i]; i += 2) {
		fh_party_field f;
		assert_true(fh_party_field_lookup(kv[i], &f));
		if (fh_party_set(&p, f, kv[i + 1], &err) != FH_OK)
			return FH_EINVAL;
	}
	memset(fe, 0, sizeof *fe);
	return fh_party_save(st, &sys_actor, &p, fe, &err);
}

static bool problem(const fh_field_errors *fe, const char *field)
{
	for (size_t i = 0; i < fe->n; i++)
		if (strcmp(fe->e[i].field, field) == 0)
			return true;
	return false;
}

static void test_branch_needs_three_full_members(void **s)
{
	(void)s;
	int64_t id = tenant("ja", "三人成支部协会");
	fh_field_errors fe;
	/* 2 full members and 5 probationary ones: not a branch */
	assert_int_equal(save(id,
			      (const char *[]){ "form", "branch", "full_members", "2", "probationary", "5", "founded",
						"2026-01-05", "secretary", "王芳", NULL },
			      &fe),
			 FH_EINVAL);
	assert_true(problem(&fe, "party.full_members"));
	/* 3: a branch */
	assert_int_equal(save(id,
			      (const char *[]){ "form", "branch", "full_members", "3", "founded", "2026-01-05",
						"secretary", "王芳", NULL },
			      &fe),
			 FH_OK);
	/* a branch needs its founding and secretary */
	assert_int_equal(save(id, (const char *[]){ "secretary", "", NULL }, &fe), FH_EINVAL);
	assert_true(problem(&fe, "party.secretary"));
	/* the tenant's history lists the party record's change by its fields */
	fh_change *ch;
	size_t n;
	fh_error err;
	assert_int_equal(fh_tenant_changes(st, &sys_actor, id, 10, &ch, &n, &err), FH_OK);
	bool listed = false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(ch[i].action, "party") == 0)
			for (int k = 0; k < ch[i].nfields; k++)
				listed |= ch[i].f[k].field == FH_TF_COUNT &&
					strcmp(ch[i].f[k].key, "party.secretary") == 0 &&
					strcmp(ch[i].f[k].new, "王芳") == 0;
	free(ch);
	assert_true(listed);
}

static void test_should_form_a_branch(void **s)
{
	(void)s;
	fh_party_rules r = { .branch_min_members = 3,
			     .committee_term_years = 3,
			     .org_forms = 1u << FH_PARTY_BRANCH | 1u << FH_PARTY_JOINT_BRANCH };
	fh_party p = { .form = FH_PARTY_JOINT_BRANCH, .full = 2, .probationary = 4 };
	fh_party_state ps;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_false(ps.should_branch); /* probationary members do not count */
	assert_true(ps.org_covered);
	p.full = 3;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_true(ps.should_branch);
	p.form = FH_PARTY_BRANCH;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_false(ps.should_branch);
}

static void test_fallback_needs_an_instructor(void **s)
{
	(void)s;
	fh_party_rules r = { .branch_min_members = 3,
			     .org_forms = 1u << FH_PARTY_BRANCH | 1u << FH_PARTY_JOINT_BRANCH };
	fh_party p = { .form = FH_PARTY_NONE, .fallback = true };
	fh_party_state ps;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_false(ps.work_covered); /* fallback alone: uncovered */
	p.instructor_id = 7;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_true(ps.work_covered);
	assert_false(ps.org_covered);
	/* an instructor without fallback, no members at all: still uncovered */
	p.fallback = false;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_false(ps.work_covered);
	/* functional: separate, not an organisation unless configured */
	p.form = FH_PARTY_FUNCTIONAL;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_true(ps.separate);
	assert_false(ps.org_covered);
	r.org_forms |= 1u << FH_PARTY_FUNCTIONAL;
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_true(ps.org_covered);

	/* saved: fallback needs its reason; the coverage counts it once guided */
	int64_t id = tenant("ja-gh", "兜底管理服务社");
	int64_t who = instructor("ja-gh", "李指导");
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)who);
	fh_field_errors fe;
	assert_int_equal(save(id, (const char *[]){ "fallback", "yes", NULL }, &fe), FH_EINVAL);
	assert_true(problem(&fe, "party.reason"));
	assert_int_equal(save(id, (const char *[]){ "fallback", "yes", "reason", "正式党员不足3人", NULL }, &fe),
			 FH_OK);
	fh_coverage *c;
	size_t n;
	fh_error err;
	assert_int_equal(fh_party_coverage(st, &sys_actor, hub("ja-gh"), false, &c, &n, &err), FH_OK);
	int alone = c[0].fallback_alone, work = c[0].work;
	free(c);
	assert_int_equal(save(id, (const char *[]){ "instructor", num, "appointed", "2026-02-01", NULL }, &fe), FH_OK);
	assert_int_equal(fh_party_coverage(st, &sys_actor, hub("ja-gh"), false, &c, &n, &err), FH_OK);
	assert_int_equal(c[0].fallback_alone, alone - 1);
	assert_int_equal(c[0].work, work + 1);
	free(c);
	/* the instructor now carries the tenant */
	fh_party_row *rows;
	bool more;
	assert_int_equal(fh_party_instructed(st, &sys_actor, who, 10, &rows, &n, &more, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].tenant_id, id);
	assert_false(more);
	free(rows);
	/* a branch is not under fallback */
	assert_int_equal(save(id,
			      (const char *[]){ "form", "branch", "full_members", "4", "founded", "2026-01-01",
						"secretary", "赵", NULL },
			      &fe),
			 FH_EINVAL);
	assert_true(problem(&fe, "party.fallback"));
}

/* The joint branches of a hub as listed, its published rates, and the
 * year's annual checks opened once: a second run opens none. */
static void test_branches_rates_and_annual(void **s)
{
	(void)s;
	fh_error err;
	fh_branch *rows;
	size_t n;
	assert_int_equal(fh_branch_list(st, &sys_actor, hub("ja-gh-yq"), &rows, &n, &err), FH_OK);
	size_t before = n;
	free(rows);
	fh_branch b = { .hub_id = hub("ja-gh-yq") };
	snprintf(b.name, sizeof b.name, "园区社会组织联合党支部");
	snprintf(b.founded, sizeof b.founded, "2025-05-01");
	assert_int_equal(fh_branch_save(st, &sys_actor, &b, &err), FH_OK);
	assert_int_equal(fh_branch_list(st, &sys_actor, hub("ja-gh-yq"), &rows, &n, &err), FH_OK);
	assert_int_equal(n, before + 1);
	bool seen = false;
	for (size_t i = 0; i < n; i++)
		seen |= rows[i].id == b.id && strcmp(rows[i].name, b.name) == 0;
	assert_true(seen);
	free(rows);
	fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
	size_t nrefs = 99;
	assert_int_equal(fh_party_references(st, hub("ja"), refs, FH_COVERAGE_REFS_MAX, &nrefs, &err), FH_OK);
	assert_true(nrefs >= 1);
	assert_true(refs[0].org > 0 && refs[0].org <= 100);
	assert_int_equal(fh_party_references(st, hub("ja"), refs, 0, &nrefs, &err), FH_OK);
	assert_int_equal(nrefs, 0); /* room for none */
	/* a registered tenant in incubation gets the year's annual report check */
	static const char chars[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	char code[19] = "";
	for (const char *c = chars; *c && !code[0]; c++) {
		snprintf(code, sizeof code, "52310106MJ4987657%c", *c);
		if (fh_credit_code_check(code, NULL) != FH_OK)
			code[0] = 0;
	}
	assert_true(code[0]);
	fixture_admitted(st, &sys_actor, "ja-gh-yq", "年报测试服务社", code);
	int opened = -1, again = -1;
	assert_int_equal(fh_party_open_annual(st, &sys_actor, hub("ja-gh-yq"), 2026, &opened, &err), FH_OK);
	assert_true(opened >= 1);
	assert_int_equal(fh_party_open_annual(st, &sys_actor, hub("ja-gh-yq"), 2026, &again, &err), FH_OK);
	assert_int_equal(again, 0);
}

static void test_joint_branch_limit(void **s)
{
	(void)s;
	fh_branch b = { .hub_id = hub("ja-pp") };
	fh_error err;
	snprintf(b.name, sizeof b.name, "彭浦新村街道社会组织联合党支部");
	snprintf(b.founded, sizeof b.founded, "2025-03-01");
	assert_int_equal(fh_branch_save(st, &sys_actor, &b, &err), FH_OK);
	assert_int_equal(b.max_tenants, 5);
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)b.id);
	fh_field_errors fe;
	for (int i = 0; i < 5; i++) { /* at the limit: five */
		char name[64];
		snprintf(name, sizeof name, "联合支部成员%d号", i + 1);
		assert_int_equal(
			save(tenant("ja-pp", name),
			     (const char *[]){ "form", "joint_branch", "branch", num, "full_members", "1", NULL }, &fe),
			FH_OK);
	}
	assert_int_equal(fh_branch_get(st, &sys_actor, b.id, &b, &err), FH_OK);
	assert_int_equal(b.tenants, 5);
	assert_int_equal(b.full, 5);
	/* the sixth is refused, naming the branch */
	assert_int_equal(save(tenant("ja-pp", "第六个组织"),
			      (const char *[]){ "form", "joint_branch", "branch", num, NULL }, &fe),
			 FH_EINVAL);
	assert_true(problem(&fe, "party.branch"));
	assert_non_null(strstr(fe.e[0].message, "联合党支部"));
	/* a joint branch names its branch; and a branch of another hub is refused */
	assert_int_equal(save(tenant("ja-dn", "另一街道组织"),
			      (const char *[]){ "form", "joint_branch", "branch", num, NULL }, &fe),
			 FH_EINVAL);
	assert_true(problem(&fe, "party.branch"));
	assert_int_equal(save(tenant("ja-dn", "未选支部组织"), (const char *[]){ "form", "joint_branch", NULL }, &fe),
			 FH_EINVAL);
}

static void test_sync_check_dates(void **s)
{
	(void)s;
	fh_party_rules r = { .registration_days = 5, .annual_deadline = 531 };
	/* Friday 2026-06-05: five working days on is Friday 2026-06-12 */
	int64_t fri = fh_date_epoch("2026-06-05");
	assert_int_equal(fh_clock_day(fri + 23 * 3600 + 59 * 60), fri); /* 23:59 is the same day */
	assert_int_equal(fh_clock_day(fri + 24 * 3600), fri + 86400);
	int64_t due = fh_sync_due(&r, NULL, FH_EVENT_REGISTRATION, fri);
	assert_int_equal(due, fh_date_epoch("2026-06-12"));
	assert_int_equal(fh_sync_due(&r, NULL, FH_EVENT_ANNUAL, fh_date_epoch("2026-01-01")),
			 fh_date_epoch("2026-05-31"));
	assert_int_equal(fh_sync_due(&r, NULL, FH_EVENT_ANNUAL, fh_date_epoch("2026-06-01")),
			 fh_date_epoch("2026-06-08"));

	/* registering opens the commitment and the survey, due in 5 working days */
	setenv("FUHUA_NOW", "2026-06-05T10:00", 1);
	int64_t id = tenant("ja", "同步登记服务中心");
	fh_tenant t;
	fh_error err;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, id, &t, &err), FH_OK);
	t.reg_state = FH_REG_REGISTERED;
	snprintf(t.credit_code, sizeof t.credit_code, "%s", "52310106MJ5123456");
	t.credit_code[17] = fh_credit_code_check_char(t.credit_code);
	t.credit_code[18] = 0;
	assert_int_equal(fh_tenant_update(st, &sys_actor, &t, NULL, &err), FH_OK);
	fh_sync_item *items;
	size_t n;
	assert_int_equal(fh_party_sync_list(st, &sys_actor, id, &items, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(items[0].due, fh_date_epoch("2026-06-12"));
	free(items);
	/* on its last day it is no gap; the day after it is, one day late */
	bool more;
	fh_party_row *rows;
	size_t nr;
	setenv("FUHUA_NOW", "2026-06-12T18:00", 1);
	assert_int_equal(fh_party_list(st, &sys_actor, hub("ja"), FH_PL_SYNC_GAPS, 100, &rows, &nr, &more, &err),
			 FH_OK);
	for (size_t i = 0; i < nr; i++)
		assert_true(rows[i].tenant_id != id);
	free(rows);
	setenv("FUHUA_NOW", "2026-06-13T08:00", 1);
	assert_int_equal(fh_party_list(st, &sys_actor, hub("ja"), FH_PL_SYNC_GAPS, 100, &rows, &nr, &more, &err),
			 FH_OK);
	int found = 0;
	for (size_t i = 0; i < nr; i++)
		if (rows[i].tenant_id == id) {
			found++;
			assert_int_equal(rows[i].days, 1);
		}
	assert_int_equal(found, 2);
	free(rows);
	/* done: no longer a gap; twice is refused */
	assert_int_equal(fh_party_sync_list(st, &sys_actor, id, &items, &n, &err), FH_OK);
	assert_int_equal(fh_party_sync_done(st, &sys_actor, items[0].id, 0, &err), FH_OK);
	assert_int_equal(fh_party_sync_done(st, &sys_actor, items[0].id, 0, &err), FH_ECONFLICT);
	free(items);
	/* the same event twice opens nothing more */
	int opened;
	assert_int_equal(fh_party_event(st, &sys_actor, id, FH_EVENT_LEADERSHIP, 0, &opened, &err), FH_OK);
	assert_int_equal(opened, 1);
	assert_int_equal(fh_party_event(st, &sys_actor, id, FH_EVENT_LEADERSHIP, 0, &opened, &err), FH_OK);
	assert_int_equal(opened, 0);
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
}

static void test_term_ends(void **s)
{
	(void)s;
	fh_party_rules r = { .branch_min_members = 3, .committee_term_years = 3 };
	fh_party p = { .form = FH_PARTY_BRANCH, .full = 3 };
	snprintf(p.elected, sizeof p.elected, "2023-06-10");
	fh_party_state ps;
	assert_int_equal(fh_party_term_end(&r, p.elected), fh_date_epoch("2026-06-10"));
	fh_party_evaluate(&r, &p, fh_date_epoch("2026-06-09"), &ps);
	assert_false(ps.reelection_due);
	fh_party_evaluate(&r, &p, fh_date_epoch("2026-06-10"), &ps);
	assert_true(ps.reelection_due);
}

/* The maintained counts equal a full count after writes of every kind, and
 * the coverage report equals an independent query. */
static void test_coverage_matches_a_full_count(void **s)
{
	(void)s;
	fh_check_report rep = { 0 };
	fh_error err;
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
	fh_coverage *c;
	size_t n;
	assert_int_equal(fh_party_coverage(st, &sys_actor, 0, false, &c, &n, &err), FH_OK);
	fh_stmt *q;
	assert_int_equal(fh_store_stmt(st,
				       "SELECT count(*), sum(party_org IN ('branch','joint_branch')),"
				       " sum(party_org IN ('branch','joint_branch') OR (party_fallback AND"
				       " instructor_id IS NOT NULL)) FROM tenants WHERE stage = 'incubating'",
				       &q, NULL),
			 FH_OK);
	assert_int_equal(fh_step(q), FH_ROW);
	assert_int_equal(c[0].counted, fh_column_int(q, 0));
	assert_int_equal(c[0].org, fh_column_int(q, 1));
	assert_int_equal(c[0].work, fh_column_int(q, 2));
	assert_true(c[0].counted > 0);
	fh_reset(q);
	free(c);
	/* both tracks of a page of tenants, read together, equal a count of each */
	int64_t ids[3] = { 0, 0, 999999 };
	assert_int_equal(
		fh_store_stmt(st, "SELECT id FROM tenants WHERE stage = 'incubating' ORDER BY id LIMIT 2", &q, NULL),
		FH_OK);
	for (int i = 0; i < 2 && fh_step(q) == FH_ROW; i++)
		ids[i] = fh_column_int64(q, 0);
	fh_reset(q);
	fh_tracks tr[3];
	assert_int_equal(fh_party_tracks(st, ids, 3, tr, &err), FH_OK);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(fh_store_stmt(st,
					       "SELECT sum(track = 'org'), sum(track = 'party') FROM milestones"
					       " WHERE tenant_id = ?1",
					       &q, NULL),
				 FH_OK);
		fh_bind_int64(q, 1, ids[i]);
		assert_int_equal(fh_step(q), FH_ROW);
		assert_int_equal(tr[i].org_total, fh_column_int(q, 0));
		assert_int_equal(tr[i].party_total, fh_column_int(q, 1));
		assert_true(tr[i].org_total > 0);
		fh_reset(q);
	}
	assert_int_equal(tr[2].org_total + tr[2].party_total + tr[2].sync_late, 0);
	/* a count damaged behind core's back is found */
	assert_int_equal(fh_store_exec(st,
				       "UPDATE party_tally SET n = n + 1 WHERE n > 0 AND"
				       " stage = 'incubating'",
				       NULL),
			 SQLITE_OK);
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_true(rep.n > 0);
	fh_store_exec(st, "UPDATE party_tally SET n = n - 1 WHERE n > 0 AND stage = 'incubating'", NULL);
}

/* Members by name: the counts cover the named ones; 转正 moves one from
 * probationary to full; one who leaves takes one off the count. */
static void test_named_members(void **s)
{
	(void)s;
	int64_t id = tenant("ja-dn", "点名党员服务社");
	fh_error err;
	fh_party p;
	const char *names[] = { "王芳", "李明", "张强" };
	for (int i = 0; i < 3; i++) {
		fh_party_member m = { .tenant_id = id,
				      .kind = i < 2 ? FH_MEMBER_FULL : FH_MEMBER_PROBATIONARY,
				      .relation_here = i == 0 };
		snprintf(m.name, sizeof m.name, "%s", names[i]);
		assert_int_equal(fh_party_member_save(st, &sys_actor, &m, &err), FH_OK);
	}
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	assert_int_equal(p.full, 2);
	assert_int_equal(p.probationary, 1);
	assert_int_equal(p.relations_here, 1);
	/* the same name twice is refused */
	fh_party_member dup = { .tenant_id = id, .kind = FH_MEMBER_FULL };
	snprintf(dup.name, sizeof dup.name, "王芳");
	assert_int_equal(fh_party_member_save(st, &sys_actor, &dup, &err), FH_ECONFLICT);
	/* a count below the named members is refused */
	fh_field_errors fe;
	assert_int_equal(save(id, (const char *[]){ "full_members", "1", NULL }, &fe), FH_EINVAL);
	assert_true(problem(&fe, "party.full_members"));
	/* 转正: the probationary member becomes full — 3 full, enough for a branch */
	fh_party_member *rows;
	size_t n;
	assert_int_equal(fh_party_members(st, &sys_actor, id, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 3);
	fh_party_member zq = rows[n - 1];
	free(rows);
	assert_int_equal(zq.kind, FH_MEMBER_PROBATIONARY);
	zq.kind = FH_MEMBER_FULL;
	assert_int_equal(fh_party_member_save(st, &sys_actor, &zq, &err), FH_OK);
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	assert_int_equal(p.full, 3);
	assert_int_equal(p.probationary, 0);
	fh_party_rules r;
	fh_party_state ps;
	assert_int_equal(fh_party_rules_load(st, p.hub_id, &r, &err), FH_OK);
	fh_party_evaluate(&r, &p, fh_clock_now(), &ps);
	assert_true(ps.should_branch);
	/* one leaves: two full members again */
	assert_int_equal(fh_party_member_remove(st, &sys_actor, zq.id, &err), FH_OK);
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	assert_int_equal(p.full, 2);
	assert_int_equal(fh_party_member_remove(st, &sys_actor, zq.id, &err), FH_ENOTFOUND);
}

/* ---- two terminals at once (race.h): each rule reads under the write lock */

/* A tenant with two full members and one probationary, named. */
static int64_t with_members(const char *name, int64_t *probationary)
{
	int64_t id = tenant("ja-gh", name);
	fh_error err;
	const char *names[] = { "赵一", "钱二", "孙三" };
	for (int i = 0; i < 3; i++) {
		fh_party_member m = { .tenant_id = id, .kind = i < 2 ? FH_MEMBER_FULL : FH_MEMBER_PROBATIONARY };
		snprintf(m.name, sizeof m.name, "%s", names[i]);
		assert_int_equal(fh_party_member_save(st, &sys_actor, &m, &err), FH_OK);
		*probationary = m.id;
	}
	return id;
}

/* Two terminals record the same 转正 at once: one full member more, not two. */
static void test_race_member_made_full_twice(void **s)
{
	(void)s;
	fh_error err;
	int64_t z, id = with_members("竞速转正服务社", &z);
	fh_party_member m;
	assert_int_equal(fh_party_member_get(st, &sys_actor, z, &m, &err), FH_OK);
	m.kind = FH_MEMBER_FULL;
	fh_party_member again = m;
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_party_member_save(r.b, &sys_actor, &m, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_party_member_save(st, &sys_actor, &again, &err);
	race_end(&r);
	assert_int_equal(got, FH_OK);
	fh_party p;
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	assert_int_equal(p.full, 3);
	assert_int_equal(p.probationary, 0);
}

/* Two terminals take the same member off: the second finds none, and the
 * count drops by one. */
static void test_race_member_removed_twice(void **s)
{
	(void)s;
	fh_error err;
	int64_t z, id = with_members("竞速出党服务社", &z);
	fh_party p;
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_party_member_remove(r.b, &sys_actor, z, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_party_member_remove(st, &sys_actor, z, &err);
	race_end(&r);
	assert_int_equal(got, FH_ENOTFOUND);
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	assert_int_equal(p.full, 2);
	assert_int_equal(p.probationary, 0);
}

/* The founding date corrected while a rating is recorded: the rating's
 * eligibility (two full years after registration) reads the new date. */
static void test_race_founding_and_rating(void **s)
{
	(void)s;
	fh_error err;
	int64_t id = tenant("ja-gh", "竞速评估服务社");
	fh_tenant t;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, id, &t, &err), FH_OK);
	snprintf(t.founded, sizeof t.founded, "2020-05-01");
	assert_int_equal(fh_tenant_update(st, &sys_actor, &t, NULL, &err), FH_OK);
	struct race r;
	race_begin(&r, st);
	snprintf(t.founded, sizeof t.founded, "2025-05-01");
	assert_int_equal(fh_tenant_update(r.b, &sys_actor, &t, NULL, &err), FH_OK);
	race_arm(&r);
	int opened = 0;
	fh_status got = fh_party_event(st, &sys_actor, id, FH_EVENT_RATING, 0, &opened, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_int_equal(count_where("SELECT count(*) FROM party_sync WHERE tenant_id = %lld AND event = 'rating'", id),
			 0);
}

/* Two terminals fill a joint branch's last place: one wins. */
static void test_race_joint_branch_last_place(void **s)
{
	(void)s;
	fh_branch b = { .hub_id = hub("ja-gh") };
	fh_error err;
	snprintf(b.name, sizeof b.name, "共和新路竞速联合党支部");
	snprintf(b.founded, sizeof b.founded, "2025-03-01");
	assert_int_equal(fh_branch_save(st, &sys_actor, &b, &err), FH_OK);
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)b.id);
	fh_field_errors fe;
	for (int i = 0; i < 4; i++) {
		char name[64];
		snprintf(name, sizeof name, "竞速支部成员%d号", i + 1);
		assert_int_equal(save(tenant("ja-gh", name),
				      (const char *[]){ "form", "joint_branch", "branch", num, NULL }, &fe),
				 FH_OK);
	}
	int64_t x = tenant("ja-gh", "竞速第五甲"), y = tenant("ja-gh", "竞速第五乙");
	fh_party px, py;
	assert_int_equal(fh_party_get_record(st, &sys_actor, x, &px, &err), FH_OK);
	assert_int_equal(fh_party_get_record(st, &sys_actor, y, &py, &err), FH_OK);
	px.form = py.form = FH_PARTY_JOINT_BRANCH;
	px.branch_id = py.branch_id = b.id;
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_party_save(r.b, &sys_actor, &px, NULL, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_party_save(st, &sys_actor, &py, &fe, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_int_equal(count_where("SELECT count(*) FROM party WHERE branch_id = %lld", b.id), 5);
}

/* The re-elections list as counted from every tenant and joint branch,
 * each term's end by the party rule (fh_party_term_end): terms ending
 * before today and 90 days, by their end, own branches first, then by
 * number; tenants by number, joint branches by minus theirs, into out. */
struct counted {
	int64_t id, ends;
	int kind;
};

static int by_end(const void *a, const void *b)
{
	const struct counted *x = a, *y = b;
	if (x->ends != y->ends)
		return x->ends < y->ends ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind - y->kind;
	return llabs(x->id) < llabs(y->id) ? -1 : 1;
}

static size_t reelections_counted(int64_t *out, size_t max)
{
	sqlite3_stmt *q;
	assert_int_equal(
		sqlite3_prepare_v2(
			fh_store_db(st),
			"SELECT t.id, 0, coalesce(p.elected, p.founded), h.committee_term_years FROM tenants t"
			" JOIN party p ON p.tenant_id = t.id JOIN hubs h ON h.id = t.hub_id"
			" WHERE t.party_org = 'branch' AND t.stage = 'incubating' AND coalesce(p.elected, p.founded) IS NOT NULL"
			" UNION ALL SELECT -b.id, 1, coalesce(b.elected, b.founded), h.committee_term_years"
			" FROM party_branches b JOIN hubs h ON h.id = b.hub_id WHERE coalesce(b.elected, b.founded) IS NOT NULL",
			-1, &q, NULL),
		SQLITE_OK);
	struct counted rows[256];
	size_t n = 0;
	int64_t horizon = fh_clock_day(fh_clock_now()) + 90 * 86400;
	while (sqlite3_step(q) == SQLITE_ROW && n < 256) {
		fh_party_rules r = { .committee_term_years = sqlite3_column_int(q, 3) };
		struct counted c = { sqlite3_column_int64(q, 0),
				     fh_party_term_end(&r, (const char *)sqlite3_column_text(q, 2)),
				     sqlite3_column_int(q, 1) };
		if (c.ends < horizon)
			rows[n++] = c;
	}
	sqlite3_finalize(q);
	qsort(rows, n, sizeof rows[0], by_end);
	for (size_t i = 0; i < n && i < max; i++)
		out[i] = rows[i].id;
	return n < max ? n : max;
}

/* The list as fuhua reads it, pages of `page` rows: tenants by number,
 * joint branches by minus theirs. */
static size_t reelections_listed(int64_t *out, size_t max, size_t page, bool *more)
{
	fh_party_row *rows;
	size_t n;
	fh_error err;
	assert_int_equal(fh_party_list(st, &sys_actor, 0, FH_PL_REELECTION, page, &rows, &n, more, &err), FH_OK);
	assert_true(n <= max);
	for (size_t i = 0; i < n; i++)
		out[i] = rows[i].tenant_id ? rows[i].tenant_id : -rows[i].item_id;
	free(rows);
	return n;
}

/* Each hub's terms are read in order on an index (the day a term began,
 * kept on the tenant): the list equals the one counted from every row,
 * around the horizon, on 29 February, with terms of another length, at
 * every page size; a tenant that leaves or changes its form leaves it;
 * and `fuhua check` finds a day kept wrong. */
static void test_reelections_match_a_full_count(void **s)
{
	(void)s;
	/* today 2026-06-10: a 3-year term ending before 2026-09-08 began
	 * before 2023-09-08; ja-dn's terms last 5 years */
	assert_int_equal(sqlite3_exec(fh_store_db(st), "UPDATE hubs SET committee_term_years = 5 WHERE code = 'ja-dn'",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	static const char *const elected[] = { "2020-02-29", "2023-09-07", "2023-09-08", "2023-09-09",
					       "2021-01-01", "2023-06-10", "2024-02-29", "2023-03-01",
					       "2021-09-07", "2021-09-08", "2023-09-07", "2019-02-28" };
	static const char *const hubs[] = { "ja-pp", "ja-gh", "ja-dn" };
	int64_t ids[12];
	fh_field_errors fe;
	fh_error err;
	for (int i = 0; i < 12; i++) {
		char name[64];
		snprintf(name, sizeof name, "换届测试社%d号", i + 1);
		ids[i] = tenant(hubs[i % 3], name);
		assert_int_equal(save(ids[i],
				      (const char *[]){ "form", "branch", "full_members", "3", "founded", "2018-05-04",
							"elected", elected[i], "secretary", "钱书记", NULL },
				      &fe),
				 FH_OK);
	}
	fh_branch b = { .hub_id = hub("ja-dn") };
	snprintf(b.name, sizeof b.name, "换届测试联合党支部");
	snprintf(b.founded, sizeof b.founded, "2020-02-29");
	assert_int_equal(fh_branch_save(st, &sys_actor, &b, &err), FH_OK);
	int64_t want[64], got[64];
	size_t nw = reelections_counted(want, 64), ng;
	bool more;
	assert_true(nw >= 8);
	for (size_t page = 1; page <= nw + 1; page++) {
		ng = reelections_listed(got, 64, page, &more);
		assert_int_equal(ng, page < nw ? page : nw);
		assert_int_equal(more, page < nw);
		assert_memory_equal(got, want, ng * sizeof *got);
	}
	/* the term's end is the party record's (fh_party_term_end): a term
	 * begun on 29 February 2024 ends on 28 February 2027, inside the list
	 * on 1 December 2026 (its horizon 1 March 2027) */
	setenv("FUHUA_NOW", "2026-12-01T09:00", 1);
	fh_party_row *rows;
	assert_int_equal(fh_party_list(st, &sys_actor, 0, FH_PL_REELECTION, 64, &rows, &ng, &more, &err), FH_OK);
	bool found = false;
	for (size_t i = 0; i < ng; i++)
		if (rows[i].tenant_id == ids[6]) {
			found = true;
			assert_int_equal(rows[i].date, fh_date_epoch("2027-02-28"));
		}
	free(rows);
	assert_true(found);
	nw = reelections_counted(want, 64);
	assert_int_equal(ng, nw);
	setenv("FUHUA_NOW", "2026-06-10T09:00", 1);
	/* a re-election moves the term; graduation and another form leave the list */
	assert_int_equal(save(ids[0], (const char *[]){ "elected", "2026-05-01", NULL }, &fe), FH_OK);
	assert_int_equal(fh_tenant_graduate_override(st, &sys_actor, ids[4], 0, "测试出壳", NULL, &err), FH_OK);
	assert_int_equal(save(ids[7], (const char *[]){ "form", "functional", NULL }, &fe), FH_OK);
	snprintf(b.elected, sizeof b.elected, "2026-01-05");
	assert_int_equal(fh_branch_save(st, &sys_actor, &b, &err), FH_OK);
	nw = reelections_counted(want, 64);
	ng = reelections_listed(got, 64, 64, &more);
	assert_int_equal(ng, nw);
	assert_memory_equal(got, want, ng * sizeof *got);
	for (size_t i = 0; i < ng; i++)
		assert_true(got[i] != ids[0] && got[i] != ids[4] && got[i] != ids[7] && got[i] != -b.id);
	/* the day kept on the tenant, made wrong, is found */
	fh_check_report rep = { 0 };
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE tenants SET term_from = term_from + 86400 WHERE id = %lld",
		 (long long)ids[1]);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 1);
	assert_non_null(strstr(rep.problem[0], "term"));
	snprintf(sql, sizeof sql, "UPDATE tenants SET term_from = term_from - 86400 WHERE id = %lld",
		 (long long)ids[1]);
	assert_int_equal(sqlite3_exec(fh_store_db(st), sql, NULL, NULL, NULL), SQLITE_OK);
}

/* Each instructor's tenants in incubation, as kept per hub, equal a full
 * count after assigning, graduating and moving between hubs. */
static void test_instructor_loads_match_a_full_count(void **s)
{
	(void)s;
	int64_t who = instructor("ja-pp", "王联络"), t[4];
	char num[24];
	snprintf(num, sizeof num, "%lld", (long long)who);
	fh_field_errors fe;
	fh_error err;
	for (int i = 0; i < 4; i++) {
		char name[64];
		snprintf(name, sizeof name, "联络测试社%d号", i + 1);
		t[i] = tenant(i < 2 ? "ja-pp" : "ja-gh", name);
		assert_int_equal(save(t[i],
				      (const char *[]){ "fallback", "yes", "reason", "正式党员不足3人", "instructor",
							num, "appointed", "2026-02-01", NULL },
				      &fe),
				 FH_OK);
	}
	assert_int_equal(fh_tenant_graduate_override(st, &sys_actor, t[3], 0, "测试出壳", NULL, &err), FH_OK);
	assert_int_equal(save(t[1], (const char *[]){ "instructor", "", "appointed", "", NULL }, &fe), FH_OK);
	fh_instructor *rows;
	size_t n;
	assert_int_equal(fh_party_instructors(st, &sys_actor, 0, &rows, &n, &err), FH_OK);
	size_t seen = 0;
	for (size_t i = 0; i < n; i++) {
		char sql[160];
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM tenants WHERE instructor_id = %lld AND stage = 'incubating'",
			 (long long)rows[i].id);
		assert_int_equal(rows[i].tenants, fixture_count(st, sql));
		seen += rows[i].id == who;
		if (rows[i].id == who)
			assert_int_equal(rows[i].tenants, 2);
	}
	free(rows);
	assert_int_equal(seen, 1);
	fh_check_report rep = { 0 };
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 0);
	assert_int_equal(sqlite3_exec(fh_store_db(st), "UPDATE instructor_tally SET n = n + 1", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	assert_int_equal(rep.n, 1);
	assert_non_null(strstr(rep.problem[0], "instructor_tally"));
	assert_int_equal(sqlite3_exec(fh_store_db(st), "UPDATE instructor_tally SET n = n - 1", NULL, NULL, NULL),
			 SQLITE_OK);
}

/* The party track's words: out of range none, unknown ones nothing with
 * the output kept, each name and label back to its value. */
static void party_words(void **s)
{
	(void)s;
	assert_null(fh_member_kind_name(FH_MEMBER_KIND_COUNT));
	assert_null(fh_member_kind_label(FH_MEMBER_KIND_COUNT, true));
	assert_null(fh_sync_event_name(FH_EVENT_COUNT));
	assert_null(fh_sync_kind_name(FH_SYNC_KIND_COUNT));
	assert_null(fh_party_field_name(FH_PF_COUNT));
	fh_member_kind k = FH_MEMBER_ACTIVIST;
	fh_sync_event e = FH_EVENT_RATING;
	fh_sync_kind sk = FH_SYNC_REPORT;
	assert_false(fh_member_kind_parse("", &k));
	assert_false(fh_sync_event_parse("birthday", &e));
	assert_false(fh_sync_kind_parse("", &sk));
	assert_int_equal(k, FH_MEMBER_ACTIVIST);
	assert_int_equal(e, FH_EVENT_RATING);
	assert_int_equal(sk, FH_SYNC_REPORT);
	for (int i = 0; i < FH_MEMBER_KIND_COUNT; i++) {
		assert_true(fh_member_kind_parse(fh_member_kind_name((fh_member_kind)i), &k));
		assert_int_equal(k, i);
		assert_true(fh_member_kind_parse(fh_member_kind_label((fh_member_kind)i, true), &k));
		assert_int_equal(k, i);
		assert_string_not_equal(fh_member_kind_label((fh_member_kind)i, false),
					fh_member_kind_label((fh_member_kind)i, true));
	}
	for (int i = 0; i < FH_EVENT_COUNT; i++) {
		assert_true(fh_sync_event_parse(fh_sync_event_name((fh_sync_event)i), &e));
		assert_int_equal(e, i);
		assert_true(fh_sync_event_parse(fh_sync_event_label((fh_sync_event)i, true), &e));
		assert_int_equal(e, i);
	}
	for (int i = 0; i < FH_SYNC_KIND_COUNT; i++) {
		assert_true(fh_sync_kind_parse(fh_sync_kind_name((fh_sync_kind)i), &sk));
		assert_int_equal(sk, i);
		assert_non_null(fh_sync_kind_label((fh_sync_kind)i, true));
	}
	for (int f = 0; f < FH_PF_COUNT; f++) {
		fh_party_field back;
		assert_true(fh_party_field_lookup(fh_party_field_name((fh_party_field)f), &back));
		assert_int_equal(back, f);
		assert_non_null(fh_party_field_label((fh_party_field)f, false));
	}
}

/* A rate of nothing is 0; a branch needs its members; a record's fields
 * read as text, and a record checked without a store by the defaults. */
static void rates_and_records(void **s)
{
	(void)s;
	assert_true(fh_coverage_rate(0, 0) == 0.0);
	assert_true(fh_coverage_rate(3, 4) == 75.0);
	fh_party_rules r = { .branch_min_members = 3 };
	fh_error err;
	assert_true(fh_party_branch_size_ok(&r, 3, "full", &err));
	assert_false(fh_party_branch_size_ok(&r, 2, "full", &err));
	assert_string_equal(err.field, "full");
	fh_party p = { .form = FH_PARTY_BRANCH, .full = 4 };
	char v[64];
	assert_string_equal(fh_party_get(&p, FH_PF_FULL, true, false, v, sizeof v), "4");
	assert_string_equal(fh_party_get(&p, FH_PF_FORM, true, false, v, sizeof v), "branch");
	fh_field_errors fe = { 0 };
	p.full = 2;
	assert_int_equal(fh_party_validate(NULL, &p, &fe, &err), FH_EINVAL);
	assert_true(fe.n >= 1);
}

/* The two sync checks of issue 23: the organisation's yearly assessment
 * opens the party-building assessment (同步考核), its commendation the
 * party-building commendation (同步表彰), each due within the hub's
 * registration_days working days; the same event twice opens nothing. */
static void test_assessment_and_commendation(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "同步考核社");
	int opened = -1;
	assert_int_equal(fh_party_event(st, &sys_actor, t, FH_EVENT_ASSESSMENT, day("2026-06-08"), &opened, &err),
			 FH_OK);
	assert_int_equal(opened, 1);
	assert_int_equal(fh_party_event(st, &sys_actor, t, FH_EVENT_ASSESSMENT, day("2026-06-08"), &opened, &err),
			 FH_OK);
	assert_int_equal(opened, 0);
	assert_int_equal(fh_party_event(st, &sys_actor, t, FH_EVENT_COMMENDATION, 0, &opened, &err), FH_OK);
	assert_int_equal(opened, 1);
	fh_sync_item *items;
	size_t n;
	assert_int_equal(fh_party_sync_list(st, &sys_actor, t, &items, &n, &err), FH_OK);
	int seen = 0;
	for (size_t i = 0; i < n; i++) {
		if (items[i].kind == FH_SYNC_ASSESSMENT) {
			seen++;
			assert_int_equal(items[i].event, FH_EVENT_ASSESSMENT);
			/* 5 working days after Monday 06-08: Monday 06-15 */
			assert_int_equal(items[i].due, day("2026-06-15"));
		}
		seen += items[i].kind == FH_SYNC_COMMENDATION;
	}
	assert_int_equal(seen, 2);
	free(items);
	fh_sync_event e;
	assert_true(fh_sync_event_parse("表彰", &e));
	assert_int_equal(e, FH_EVENT_COMMENDATION);
	assert_string_equal(fh_sync_kind_name(FH_SYNC_ASSESSMENT), "assessment");
}

/* The sync checks per hub against the records: those due in June, done in
 * time or late, and the gaps open on the day; one done late moves from gap
 * to late. */
static void sync_totals(void **s)
{
	(void)s;
	fh_error err;
	int opened;
	int64_t t = tenant("ja-pp", "同步统计社");
	assert_int_equal(fh_party_event(st, &sys_actor, t, FH_EVENT_ASSESSMENT, day("2026-05-04"), &opened, &err),
			 FH_OK);
	assert_true(opened > 0);
	fh_sync_total *rows;
	size_t n;
	int64_t from = day("2026-05-01"), to = day("2026-06-01"), now = day("2026-06-10");
	assert_int_equal(fh_party_sync_totals(st, &sys_actor, hub("ja"), from, to, now, &rows, &n, &err), FH_OK);
	int due = 0, gaps = 0, late = 0;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(strncmp(rows[i].hub_code, "ja", 2), 0);
		due += rows[i].due;
		gaps += rows[i].gaps;
		late += rows[i].late;
	}
	free(rows);
	assert_int_equal(due,
			 count_where("SELECT count(*) FROM party_sync s JOIN tenants t ON t.id = s.tenant_id"
				     " JOIN hubs h ON h.id = t.hub_id WHERE h.code GLOB 'ja*'"
				     " AND s.due >= unixepoch('2026-05-01') - 28800"
				     " AND s.due < unixepoch('2026-06-01') - 28800 AND %lld",
				     1));
	assert_int_equal(gaps,
			 count_where("SELECT count(*) FROM party_sync s JOIN tenants t ON t.id = s.tenant_id"
				     " JOIN hubs h ON h.id = t.hub_id WHERE h.code GLOB 'ja*' AND s.done_on IS NULL"
				     " AND s.due < %lld",
				     now));
	assert_true(gaps > 0 && late > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sync_totals),
		cmocka_unit_test(party_words),
		cmocka_unit_test(rates_and_records),
		cmocka_unit_test(test_branch_needs_three_full_members),
		cmocka_unit_test(test_should_form_a_branch),
		cmocka_unit_test(test_fallback_needs_an_instructor),
		cmocka_unit_test(test_joint_branch_limit),
		cmocka_unit_test(test_sync_check_dates),
		cmocka_unit_test(test_term_ends),
		cmocka_unit_test(test_named_members),
		cmocka_unit_test(test_coverage_matches_a_full_count),
		cmocka_unit_test(test_race_member_made_full_twice),
		cmocka_unit_test(test_race_member_removed_twice),
		cmocka_unit_test(test_race_founding_and_rating),
		cmocka_unit_test(test_race_joint_branch_last_place),
		cmocka_unit_test(test_reelections_match_a_full_count),
		cmocka_unit_test(test_instructor_loads_match_a_full_count),
		cmocka_unit_test(test_branches_rates_and_annual),
		cmocka_unit_test(test_assessment_and_commendation),
	};
	return cmocka_run_group_tests(tests, module_setup, module_teardown);
}
