/* fuhua tests — meeting.h: a branch's organisational life (三会一课) —
 * only a branch's own or a joint branch's, a branch one day behind its
 * committee's month and not the day before, the stars of a year, the
 * totals per hub against an independent count. */
#include "module.h"

#include "fuhua/meeting.h"
#include "fuhua/party.h"

MODULE_TEST("meeting.db", "2026-06-10T09:00")

/* A tenant of ja-gh with a branch of its own (3 full members). */
static int64_t with_branch(const char *name)
{
	int64_t id = tenant("ja-gh", name);
	fh_party p;
	fh_error err;
	assert_int_equal(fh_party_get_record(st, &sys_actor, id, &p, &err), FH_OK);
	p.form = FH_PARTY_BRANCH;
	p.full = 3;
	snprintf(p.founded, sizeof p.founded, "%s", "2026-01-05");
	snprintf(p.secretary, sizeof p.secretary, "%s", "王芳");
	assert_int_equal(fh_party_save(st, &sys_actor, &p, NULL, &err), FH_OK);
	return id;
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
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-gh", day("2026-06-09"), &rows, &n, &err), FH_OK);
	assert_int_equal(behind(rows, n, t, FH_MEETING_COMMITTEE), -1);
	/* never a group meeting since its founding on 01-05: due 02-05 */
	assert_int_equal(behind(rows, n, t, FH_MEETING_GROUP), 124);
	free(rows);
	assert_int_equal(fh_meeting_behind_list(st, &sys_actor, "ja-gh", day("2026-06-10"), &rows, &n, &err), FH_OK);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(whose_meetings),
		cmocka_unit_test(one_day_behind),
		cmocka_unit_test(stars_and_totals),
	};
	return cmocka_run_group_tests_name("meeting", tests, module_setup, module_teardown);
}
