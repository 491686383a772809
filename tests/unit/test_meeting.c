/* fuhua tests — meeting.h: a branch's organisational life (三会一课) —
 * only a branch's own or a joint branch's, a branch one day behind its
 * committee's month and not the day before, the stars of a year, the
 * totals per hub against an independent count. */
#include "module.h"
#include "race.h"

#include "fuhua/meeting.h"
#include "fuhua/party.h"

MODULE_TEST("meeting.db", "2026-06-10T09:00")

/* A tenant of ja-gh with a branch of its own (3 full members). */
static int64_t founded_on(const char *name, const char *founded)
{
	int64_t id = tenant("ja-gh", name);
	fh_party p;
	fh_error err;
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	p.form = FH_PARTY_BRANCH;
	p.full = 3;
	snprintf(p.founded, sizeof p.founded, "%s", founded);
	snprintf(p.secretary, sizeof p.secretary, "%s", "王芳");
	assert_int_equal(fh_party_save(st, &sys_actor, &p, NULL, &err), FH_OK);
	return id;
}

static int64_t with_branch(const char *name)
{
	return founded_on(name, "2026-01-05");
}

static fh_meeting meeting(int64_t tenant, int64_t branch, fh_meeting_kind k, const char *ymd)
{
	fh_meeting m = { .tenant_id = tenant, .branch_id = branch, .kind = k, .on = day(ymd), .attendance = 3 };
	snprintf(m.topic, sizeof m.topic, "%s", "学习党的二十届三中全会精神");
	return m;
}

static void kinds(void **s)
{
	(void)s;
	fh_meeting_kind k;
	for (int i = 0; i < FH_MEETING_KIND_COUNT; i++) {
		assert_true(fh_meeting_kind_parse(fh_meeting_kind_name((fh_meeting_kind)i), &k));
		assert_int_equal(k, i);
	}
	assert_true(fh_meeting_kind_parse("党课", &k));
	assert_int_equal(k, FH_MEETING_LECTURE);
	assert_false(fh_meeting_kind_parse("三会一课", &k));
	assert_null(fh_meeting_kind_name(FH_MEETING_KIND_COUNT));
}

static void whose_meetings(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, none = tenant("ja-gh", "无支部社"), own = with_branch("自有支部社");
	fh_meeting m = meeting(none, 0, FH_MEETING_COMMITTEE, "2026-06-01");
	assert_int_equal(fh_meeting_add(st, &sys_actor, &m, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "tenant");
	m = meeting(own, 0, FH_MEETING_COMMITTEE, "2026-06-11");
	assert_int_equal(fh_meeting_add(st, &sys_actor, &m, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "on");
	m = meeting(0, 0, FH_MEETING_COMMITTEE, "2026-06-01");
	assert_int_equal(fh_meeting_add(st, &sys_actor, &m, &id, &err), FH_EINVAL);
	m = meeting(own, 0, FH_MEETING_COMMITTEE, "2026-06-01");
	m.attendance = 1001;
	assert_int_equal(fh_meeting_add(st, &sys_actor, &m, &id, &err), FH_EINVAL);
	assert_string_equal(err.field, "attendance");
	m.attendance = 3;
	assert_int_equal(fh_meeting_add(st, &sys_actor, &m, &id, &err), FH_OK);
	fh_branch b = { .hub_id = hub("ja-gh") };
	snprintf(b.name, sizeof b.name, "%s", "共和新路联合党支部");
	assert_int_equal(fh_branch_save(st, &sys_actor, &b, &err), FH_OK);
	m = meeting(0, b.id, FH_MEETING_LECTURE, "2026-05-20");
	assert_int_equal(fh_meeting_add(st, &sys_actor, &m, &id, &err), FH_OK);
	fh_meeting *rows;
	size_t n;
	assert_int_equal(fh_meeting_list(st, &sys_actor, NULL, 0, b.id, 2026, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].branch, "共和新路联合党支部");
	assert_int_equal(rows[0].kind, FH_MEETING_LECTURE);
	free(rows);
	fh_actor dn = signed_in("大宁组织员", FH_ROLE_FRONT_DESK, "ja-dn");
	m = meeting(own, 0, FH_MEETING_GROUP, "2026-06-01");
	assert_int_not_equal(fh_meeting_add(st, &dn, &m, &id, &err), FH_OK);
}

/* The days tenant's branch is behind in kind k, -1 when it is not. */
static int behind(const fh_meeting_behind *rows, size_t n, int64_t tenant, fh_meeting_kind k)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].tenant_id == tenant && rows[i].kind == k)
			return rows[i].days;
	return -1;
}

/* Committee monthly: held 05-09, due 06-09; behind from 06-10, by a day. */
static void one_day_behind(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, t = with_branch("支委会按月社");
	fh_meeting m = meeting(t, 0, FH_MEETING_COMMITTEE, "2026-05-09");
	assert_int_equal(fh_meeting_add(st, &sys_actor, &m, &id, &err), FH_OK);
	fh_meeting_behind *rows;
	size_t n;
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-gh", day("2026-06-09"), 0, &rows, &n, &err), FH_OK);
	assert_int_equal(behind(rows, n, t, FH_MEETING_COMMITTEE), -1);
	/* never a group meeting since its founding on 01-05: due 02-05 */
	assert_int_equal(behind(rows, n, t, FH_MEETING_GROUP), 124);
	free(rows);
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-gh", day("2026-06-10"), 0, &rows, &n, &err), FH_OK);
	assert_int_equal(behind(rows, n, t, FH_MEETING_COMMITTEE), 1);
	free(rows);
}

static void stars_and_totals(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = with_branch("五星支部社");
	assert_int_equal(fh_meeting_stars_set(st, &sys_actor, t, 0, 2027, 4, &err), FH_EINVAL);
	assert_int_equal(fh_meeting_stars_set(st, &sys_actor, t, 0, 2026, 6, &err), FH_EINVAL);
	fh_actor desk = signed_in("星级前台", FH_ROLE_FRONT_DESK, "ja-gh");
	assert_int_equal(fh_meeting_stars_set(st, &desk, t, 0, 2026, 4, &err), FH_EDENIED);
	assert_int_equal(fh_meeting_stars_set(st, &sys_actor, t, 0, 2026, 3, &err), FH_OK);
	assert_int_equal(fh_meeting_stars_set(st, &sys_actor, t, 0, 2026, 4, &err), FH_OK); /* changed, not added */
	fh_meeting_total *rows;
	size_t n;
	assert_int_equal(fh_meeting_totals(st, &sys_actor, "ja-gh", 2026, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 2); /* ja-gh and its community ja-gh-yq */
	int64_t h = hub("ja-gh");
	assert_string_equal(rows[0].hub_code, "ja-gh");
	assert_int_equal(rows[0].stars[4], 1);
	assert_int_equal(rows[0].stars[3], 0);
	assert_int_equal(rows[0].held[FH_MEETING_COMMITTEE],
			 count_where("SELECT count(*) FROM meetings WHERE hub_id = %lld AND kind = 'committee'", h));
	assert_int_equal(rows[0].branches,
			 count_where("SELECT count(*) FROM tenants WHERE hub_id = %lld AND party_org = 'branch'"
				     " AND stage = 'incubating'",
				     h) +
				 count_where("SELECT count(*) FROM party_branches WHERE hub_id = %lld", h));
	assert_true(rows[0].behind >= 1);
	assert_int_equal(rows[0].stars[0], rows[0].branches - 1);
	free(rows);
	assert_int_equal(fh_meeting_stars_set(st, &sys_actor, t, 0, 2026, 0, &err), FH_OK);
	assert_int_equal(count_where("SELECT count(*) FROM party_stars WHERE tenant_id = %lld", t), 0);
}

static void sql(const char *text)
{
	assert_int_equal(sqlite3_exec(fh_store_db(st), text, NULL, NULL, NULL), SQLITE_OK);
}

/* The days kept due against the meetings held: today's list (kept) is
 * yesterday's (counted) a day further behind, a month's end is kept
 * (founded 01-31: the committee due 02-28), and the kept rows follow the
 * hub's months and the tenant's stage. */
static void kept_due_follows_its_sources(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = founded_on("月末成立社", "2026-01-31");
	fh_meeting_behind *today, *yesterday;
	size_t nt, ny;
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja", 0, 0, &today, &nt, &err), FH_OK);
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja", day("2026-06-09"), 0, &yesterday, &ny, &err),
			 FH_OK);
	assert_int_equal(behind(today, nt, t, FH_MEETING_COMMITTEE), 102); /* 02-28 → 06-10 */
	assert_int_equal(behind(today, nt, t, FH_MEETING_GENERAL), 41);    /* 04-30 → 06-10 */
	size_t once = 0;
	for (size_t i = 0; i < nt; i++) {
		bool found = false;
		for (size_t j = 0; j < ny && !found; j++)
			found = yesterday[j].tenant_id == today[i].tenant_id &&
				yesterday[j].branch_id == today[i].branch_id && yesterday[j].kind == today[i].kind &&
				yesterday[j].days + 1 == today[i].days && yesterday[j].due == today[i].due;
		if (!found)
			assert_int_equal(today[i].days, 1);
		once += today[i].days == 1;
		if (i > 0) /* most behind first */
			assert_true(today[i - 1].days >= today[i].days);
	}
	assert_int_equal(nt, ny + once);
	free(today);
	free(yesterday);
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja", 0, 3, &today, &nt, &err), FH_OK);
	assert_int_equal(nt, 3);
	free(today);
	/* a street of no community below it: read from its own rows, as the
	 * city's rows of it */
	sql("INSERT INTO party_branches(hub_id, name, founded, updated_at, updated_by)"
	    " SELECT id, '普陀联合党支部', '2026-03-01', 0, 'test' FROM hubs WHERE code = 'ja-pp'");
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja", 0, 0, &today, &nt, &err), FH_OK);
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-pp", 0, 0, &yesterday, &ny, &err), FH_OK);
	size_t of_pp = 0;
	for (size_t i = 0; i < nt; i++)
		of_pp += strcmp(today[i].hub_code, "ja-pp") == 0;
	assert_int_equal(ny, of_pp);
	assert_true(ny >= 4); /* the joint branch behind in every kind */
	for (size_t i = 0; i < ny; i++)
		assert_string_equal(yesterday[i].hub_code, "ja-pp");
	free(today);
	free(yesterday);
	char text[200];
	snprintf(text, sizeof text, "UPDATE hubs SET meeting_months = '3,2,1,3' WHERE id = %lld",
		 (long long)hub("ja-gh"));
	sql(text);
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-gh", 0, 0, &today, &nt, &err), FH_OK);
	assert_int_equal(behind(today, nt, t, FH_MEETING_COMMITTEE), 71); /* 03-31 → 06-10 */
	free(today);
	assert_int_equal(check_problems(), 0);
	snprintf(text, sizeof text, "UPDATE tenants SET stage = 'graduated' WHERE id = %lld", (long long)t);
	sql(text);
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-gh", 0, 0, &today, &nt, &err), FH_OK);
	assert_int_equal(behind(today, nt, t, FH_MEETING_COMMITTEE), -1);
	free(today);
	assert_int_equal(check_problems(), 0);
	sql("UPDATE meeting_due SET last = last + 86400 WHERE kind = 'lecture'");
	assert_true(check_problems() > 0);
	sql("UPDATE meeting_due SET last = last - 86400 WHERE kind = 'lecture'");
	sql("UPDATE meeting_tally SET attendance = attendance + 1");
	assert_true(check_problems() > 0);
	sql("UPDATE meeting_tally SET attendance = attendance - 1");
	/* a year gone: the branches behind on its last day, counted from the
	 * meetings held by then; the same branches */
	fh_meeting_total *now, *then;
	assert_int_equal(fh_meeting_totals(st, &sys_actor, "ja-gh", 2026, &now, &nt, &err), FH_OK);
	assert_int_equal(fh_meeting_totals(st, &sys_actor, "ja-gh", 2025, &then, &ny, &err), FH_OK);
	assert_int_equal(nt, ny);
	assert_int_equal(now[0].branches, then[0].branches);
	assert_int_equal(then[0].held[FH_MEETING_LECTURE], 0);
	assert_true(now[0].held[FH_MEETING_LECTURE] > 0);
	free(now);
	free(then);
	sql("UPDATE hubs SET meeting_months = '3,1,1,3'");
	assert_int_equal(check_problems(), 0);
}

/* Two terminals record the same branch's group meeting, today's and one
 * of last week: the last kept is today's, whichever commits second (the
 * kept day is read and raised in the write's transaction). */
static void test_race_last_meeting_kept(void **s)
{
	(void)s;
	fh_error err;
	int64_t id, t = with_branch("竞速组织生活社");
	struct race r;
	race_begin(&r, st);
	fh_meeting m = meeting(t, 0, FH_MEETING_GROUP, "2026-06-10");
	assert_int_equal(fh_meeting_add(r.b, &sys_actor, &m, &id, &err), FH_OK);
	m = meeting(t, 0, FH_MEETING_GROUP, "2026-06-03");
	race_arm(&r);
	fh_status got = fh_meeting_add(st, &sys_actor, &m, &id, &err);
	race_end(&r);
	assert_int_equal(got, FH_OK);
	assert_int_equal(count_where("SELECT count(*) FROM meeting_due WHERE tenant_id = %lld AND kind = 'group'"
				     " AND last = unixepoch('2026-06-10') - 28800",
				     t),
			 1);
	fh_meeting_behind *rows;
	size_t n;
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-gh", 0, 0, &rows, &n, &err), FH_OK);
	assert_int_equal(behind(rows, n, t, FH_MEETING_GROUP), -1);
	free(rows);
	assert_int_equal(check_problems(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(whose_meetings),
		cmocka_unit_test(one_day_behind),
		cmocka_unit_test(stars_and_totals),
		cmocka_unit_test(kept_due_follows_its_sources),
		cmocka_unit_test(test_race_last_meeting_kept),
	};
	return cmocka_run_group_tests_name("meeting", tests, module_setup, module_teardown);
}
