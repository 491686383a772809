/* fuhua tests — booking.h: a room booked by the hour — a booking read
 * back and not found, in the way or not, a week's use, ahead and
 * cancelled; conflicts, the weekly cap, repeats and approval; the
 * iCalendar text; two terminals at once. Degenerate cases first. */
#include "module.h"
#include "race.h"

#include "fuhua/booking.h"
#include "fuhua/buf.h"
#include "fuhua/calendar.h"
#include "fuhua/tenant.h"

MODULE_TEST("booking.db", "2026-06-10T09:00")

static fh_status book(const char *room, int64_t t, const char *ymd, int h1, int h2, int weeks, fh_booking_result *res,
		      fh_error *err)
{
	fh_booking_req r = { .space_id = space(room),
			     .tenant_id = t,
			     .starts = at(ymd, h1, 0),
			     .ends = at(ymd, h2, 0),
			     .title = "理事会",
			     .weeks = weeks };
	fh_booking_result dummy;
	return fh_booking_add(st, &sys_actor, &r, res ? res : &dummy, err);
}

/* The words and the arithmetic: a state out of range is "?", a room that
 * does not open is used 0 %, a week starts on its Monday. */
static void booking_words(void **s)
{
	(void)s;
	assert_string_equal(fh_booking_state_name(FH_BOOKING_STATE_COUNT), "?"); /* its contract: never NULL */
	assert_string_equal(fh_booking_state_name((fh_booking_state)-1), "?");
	assert_string_equal(fh_booking_state_name(FH_BOOKING_PENDING), "pending");
	fh_room_use u = { 0 };
	assert_true(fh_room_use_rate(&u) == 0.0);
	u.open_min = 600;
	u.booked_min = 150;
	assert_true(fh_room_use_rate(&u) == 25.0);
	/* 2026-11-23 is a Monday; the week of Sunday the 29th starts then */
	assert_int_equal(fh_week_start(day("2026-11-29") + 23 * 3600), day("2026-11-23"));
	assert_int_equal(fh_week_start(day("2026-11-23")), day("2026-11-23"));
}

/* A room's peak: none before anything is booked, 1 once it is (a room is
 * taken whole), with the tenant that holds it. */
static void room_peak(void **s)
{
	(void)s;
	fh_error err;
	int peak = -1;
	char who[128] = "";
	int64_t room = space("ja-gh/05");
	assert_int_equal(fh_space_peak_from(st, room, day("2026-09-01"), &peak, who, sizeof who, &err), FH_OK);
	assert_int_equal(peak, 0);
	int64_t t = tenant("ja-gh", "峰值议事会");
	assert_int_equal(book("ja-gh/05", t, "2026-09-02", 10, 11, 1, NULL, &err), FH_OK);
	assert_int_equal(fh_space_peak_from(st, room, day("2026-09-01"), &peak, who, sizeof who, &err), FH_OK);
	assert_int_equal(peak, 1);
	assert_non_null(strstr(who, "峰值议事会"));
}

/* A booking read back, and one that is not; in the way or not; the week's
 * use; the tenant's bookings ahead, and cancelled when it leaves. */
static void booking_reads(void **s)
{
	(void)s;
	fh_error err;
	fh_booking_result res;
	fh_booking b, in_way;
	int ahead = -1, cancelled = -1;
	size_t n;
	int64_t t = tenant("ja-gh", "读数预订服务社");
	/* nothing yet: no booking, none ahead, nothing to cancel */
	assert_int_equal(fh_booking_get(st, &sys_actor, 999999, &b, &err), FH_ENOTFOUND);
	assert_int_equal(fh_booking_ahead(st, t, day("2026-06-21"), &ahead, &err), FH_OK);
	assert_int_equal(ahead, 0);
	assert_int_equal(fh_booking_cancel_tenant(st, &sys_actor, t, day("2026-06-21"), &cancelled, &err), FH_OK);
	assert_int_equal(cancelled, 0);
	assert_int_equal(book("ja-gh/05", t, "2026-06-22", 10, 12, 1, &res, &err), FH_OK);
	assert_int_equal(fh_booking_get(st, &sys_actor, res.first, &b, &err), FH_OK);
	assert_int_equal(b.tenant_id, t);
	assert_int_equal(
		fh_booking_conflict(st, b.space_id, at("2026-06-22", 11, 0), at("2026-06-22", 13, 0), 0, &in_way, &err),
		FH_ECONFLICT);
	assert_int_equal(in_way.id, res.first);
	assert_int_equal(
		fh_booking_conflict(st, b.space_id, at("2026-06-22", 12, 0), at("2026-06-22", 13, 0), 0, NULL, &err),
		FH_OK);
	fh_room_use *use;
	assert_int_equal(fh_booking_use(st, &sys_actor, "ja-gh", day("2026-06-24"), &use, &n, &err), FH_OK);
	int booked = 0;
	for (size_t i = 0; i < n; i++)
		booked += use[i].booked_min;
	assert_true(booked >= 120);
	free(use);
	assert_int_equal(fh_booking_ahead(st, t, day("2026-06-21"), &ahead, &err), FH_OK);
	assert_int_equal(ahead, 1);
	assert_int_equal(fh_booking_cancel_tenant(st, &sys_actor, t, day("2026-06-21"), &cancelled, &err), FH_OK);
	assert_int_equal(cancelled, 1);
	assert_int_equal(fh_booking_ahead(st, t, day("2026-06-21"), &ahead, &err), FH_OK);
	assert_int_equal(ahead, 0);
}

/* A month's rooms' hours: nothing booked, nothing counted; two confirmed
 * bookings of October counted with their hours, a cancelled one and one of
 * November not; the rooms' opening hours those of the days the hub's
 * calendar keeps open. */
static void room_hours(void **s)
{
	(void)s;
	fh_error err;
	fh_room_hours *h;
	size_t n;
	int64_t from = day("2026-10-01"), to = day("2026-11-01");
	assert_int_equal(fh_booking_hours(st, &sys_actor, "没有", from, to, &h, &n, &err), FH_ENOTFOUND);
	assert_null(h);
	int64_t t = tenant("ja-gh", "十月议事会");
	fh_booking_result res;
	assert_int_equal(book("ja-gh/05", t, "2026-10-12", 10, 12, 1, NULL, &err), FH_OK);
	assert_int_equal(book("ja-gh/04", t, "2026-10-13", 14, 15, 1, NULL, &err), FH_OK);
	assert_int_equal(book("ja-gh/05", t, "2026-10-14", 9, 11, 1, &res, &err), FH_OK);
	assert_int_equal(fh_booking_cancel(st, &sys_actor, res.first, &err), FH_OK);
	assert_int_equal(book("ja-gh/05", t, "2026-11-02", 9, 11, 1, NULL, &err), FH_OK);
	assert_int_equal(fh_booking_hours(st, &sys_actor, "ja-gh", from, to, &h, &n, &err), FH_OK);
	const fh_room_hours *gh = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(h[i].hub_code, "ja-gh") == 0)
			gh = &h[i];
	assert_non_null(gh);
	assert_int_equal(gh->bookings, 2);
	assert_true(gh->booked_h == 3.0);
	int64_t rooms = fixture_count(st,
				      "SELECT count(*) FROM spaces s JOIN hubs h ON h.id = s.hub_id WHERE h.code ="
				      " 'ja-gh' AND s.retired = 0 AND s.type IN ('meeting_room', 'activity_room')");
	int64_t open = fixture_count(st, "SELECT closes - opens FROM hubs WHERE code = 'ja-gh'");
	fh_calendar cal;
	assert_int_equal(fh_calendar_load(st, hub("ja-gh"), &cal, &err), FH_OK);
	int days = 0;
	for (int64_t d = from; d < to; d += 86400)
		days += !fh_calendar_off(&cal, d);
	fh_calendar_free(&cal);
	assert_int_equal(gh->rooms, rooms);
	assert_true(days > 0 && days <= 31);
	assert_true(gh->open_h == (double)(rooms * days * open) / 60);
	free(h);
}

static void test_bookings(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "戊社区议事会");
	fh_booking_result res;
	assert_int_equal(book("ja-gh/05", t, "2026-06-15", 14, 16, 1, &res, &err), FH_OK);
	int64_t first = res.first;
	/* the same hour refused, naming the booking; back to back is fine */
	assert_int_equal(book("ja-gh/05", 0, "2026-06-15", 15, 17, 1, NULL, &err), FH_ECONFLICT);
	char no[32];
	snprintf(no, sizeof no, "no. %lld", (long long)first);
	assert_non_null(strstr(err.message, no));
	assert_non_null(strstr(err.message, "14:00–16:00"));
	assert_int_equal(book("ja-gh/05", 0, "2026-06-15", 16, 17, 1, NULL, &err), FH_OK);
	/* opening hours: 08:30–21:00 */
	assert_int_equal(book("ja-gh/05", 0, "2026-06-16", 8, 9, 1, NULL, &err), FH_EINVAL);
	assert_int_equal(book("ja-gh/05", 0, "2026-06-16", 20, 22, 1, NULL, &err), FH_EINVAL);
	/* a day off: closed (Dragon Boat 19 June) */
	assert_int_equal(book("ja-gh/05", 0, "2026-06-19", 10, 11, 1, NULL, &err), FH_ECONFLICT);
	/* the cap: 8 hours a week for a tenant (2 booked) */
	assert_int_equal(book("ja-gh/05", t, "2026-06-17", 9, 15, 1, NULL, &err), FH_OK);
	assert_int_equal(book("ja-gh/05", t, "2026-06-18", 9, 10, 1, NULL, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "8"));
	/* weekly: every free date, the clash and the holiday kept to retry */
	assert_int_equal(book("ja-gh/05", 0, "2026-06-17", 19, 20, 1, NULL, &err), FH_OK);
	int64_t clash = 0;
	assert_int_equal(book("ja-gh/05", 0, "2026-06-24", 19, 20, 1, &res, &err), FH_OK);
	clash = res.first;
	assert_int_equal(book("ja-gh/05", 0, "2026-06-10", 19, 21, 4, &res, &err), FH_OK);
	assert_int_equal(res.booked, 2);
	assert_int_equal(res.skipped, 2);
	fh_booking_filter f = { .series = res.series, .skipped = true };
	fh_booking *rows;
	size_t n;
	assert_int_equal(fh_booking_list(st, &sys_actor, &f, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].starts, at("2026-06-24", 19, 0));
	int64_t skipped = rows[1].id;
	free(rows);
	assert_int_equal(fh_booking_retry(st, &sys_actor, skipped, &err), FH_ECONFLICT);
	assert_int_equal(fh_booking_cancel(st, &sys_actor, clash, &err), FH_OK);
	assert_int_equal(fh_booking_retry(st, &sys_actor, skipped, &err), FH_OK);
	assert_int_equal(fh_booking_retry(st, &sys_actor, skipped, &err), FH_ECONFLICT);
	/* a room that needs approval: pending holds it until a manager approves */
	assert_int_equal(book("ja-dn/B1", 0, "2026-06-15", 10, 12, 1, &res, &err), FH_OK);
	assert_int_equal(res.pending, 1);
	assert_int_equal(book("ja-dn/B1", 0, "2026-06-15", 11, 12, 1, NULL, &err), FH_ECONFLICT);
	fh_actor desk = sys_actor;
	desk.role = FH_ROLE_FRONT_DESK;
	assert_int_equal(fh_booking_approve(st, &desk, res.first, &err), FH_EDENIED);
	assert_int_equal(fh_booking_approve(st, &sys_actor, res.first, &err), FH_OK);
	assert_int_equal(fh_booking_approve(st, &sys_actor, res.first, &err), FH_ECONFLICT);
}

static void test_ics(void **s)
{
	(void)s;
	fh_error err;
	fh_booking_req r = { .space_id = space("ja-gh/05"),
			     .starts = at("2026-06-22", 9, 0),
			     .ends = at("2026-06-22", 10, 30),
			     .title = "居民议事会, 第三次; 关于加装电梯的讨论\\意见征集与后续安排（长标题折行）",
			     .weeks = 1 };
	fh_booking_result res;
	assert_int_equal(fh_booking_add(st, &sys_actor, &r, &res, &err), FH_OK);
	fh_booking_filter f = { .space_id = r.space_id, .from = day("2026-06-22"), .to = day("2026-06-23") };
	fh_buf b = FH_BUF_INIT;
	assert_int_equal(fh_booking_ics(st, &sys_actor, &f, &b, &err), FH_OK);
	const char *ics = fh_buf_str(&b);
	assert_non_null(strstr(ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(ics, "DTSTART:20260622T010000Z\r\n"));
	assert_non_null(strstr(ics, "DTEND:20260622T023000Z\r\n"));
	assert_non_null(strstr(ics, "居民议事会\\, 第三次\\; "));
	assert_non_null(strstr(ics, "\\\\"));
	/* every line at most 75 octets, folded lines start with a space, no split character */
	for (const char *p = ics; *p;) {
		const char *e = strstr(p, "\r\n");
		assert_non_null(e);
		assert_true(e - p <= 75);
		assert_true(((unsigned char)*p & 0xC0) != 0x80);
		p = e + 2;
	}
	assert_non_null(strstr(ics, "\r\n "));
	fh_buf_free(&b);
}

/* An exit while a room is booked for the tenant: refused, and the exit
 * left no booking of the tenant's in the future. */
static void test_race_exit_and_booking(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "竞速退出读书会");
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_tenant_move(r.b, &sys_actor, t, 0, FH_STAGE_EXITED, "停止活动", NULL, &err), FH_OK);
	race_arm(&r);
	fh_status got = book("ja-gh/05", t, "2026-09-08", 10, 11, 1, NULL, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_string_equal(err.field, "tenant");
	assert_int_equal(count_where("SELECT count(*) FROM bookings WHERE tenant_id = %lld"
				     " AND state IN ('pending','confirmed')",
				     t),
			 0);
}

/* Two terminals book the last hours of a tenant's weekly cap: the second
 * counts the first's. */
static void test_race_weekly_cap(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "竞速时长议事会");
	fh_booking_req one = { .space_id = space("ja-gh/05"),
			       .tenant_id = t,
			       .starts = at("2026-07-06", 9, 0),
			       .ends = at("2026-07-06", 15, 0),
			       .title = "培训",
			       .weeks = 1 };
	fh_booking_result res;
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_booking_add(r.b, &sys_actor, &one, &res, &err), FH_OK);
	race_arm(&r);
	fh_status got = book("ja-gh/05", t, "2026-07-07", 9, 12, 1, NULL, &err);
	race_end(&r);
	assert_int_equal(got, FH_ECONFLICT);
	assert_int_equal(count_where("SELECT count(*) FROM bookings WHERE tenant_id = %lld", t), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(booking_words),
		cmocka_unit_test(room_peak),
		cmocka_unit_test(booking_reads),
		cmocka_unit_test(room_hours),
		cmocka_unit_test(test_bookings),
		cmocka_unit_test(test_ics),
		cmocka_unit_test(test_race_exit_and_booking),
		cmocka_unit_test(test_race_weekly_cap),
	};
	return cmocka_run_group_tests_name("booking", tests, module_setup, module_teardown);
}
