/* Unit tests: spaces — the date boundaries of allocations (inclusive ends,
 * a shared handover day), seat counting, fees across month ends, leap days
 * and a free period ending mid-month, working days across a holiday and a
 * worked weekend day, bookings' conflicts, cap, repeats and approval, the
 * iCalendar text, occupancy rolled up the tree. */
#include <sqlite3.h>

#include "fixture.h"
#include "race.h"

#include "../../core/store_sqlite.h"
#include "fuhua/booking.h"
#include "fuhua/calendar.h"
#include "fuhua/clock.h"
#include "fuhua/config.h"
#include "fuhua/hub.h"
#include "fuhua/operator.h"
#include "fuhua/space.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

#define DAY 86400

static fh_store *st;
static fh_actor sys_actor;

static int setup(void **s)
{
	(void)s;
	return fixture_open("space.db", "2026-06-10T09:00", &st, &sys_actor);
}

static int teardown(void **s)
{
	(void)s;
	fh_store_close(&st);
	return 0;
}

static int64_t day(const char *ymd)
{
	return fh_date_epoch(ymd);
}

static int64_t tenant(const char *code, const char *name)
{
	return fixture_admitted(st, &sys_actor, code, name, NULL);
}

static int64_t space(const char *ref)
{
	fh_space sp;
	fh_error err;
	assert_int_equal(fh_space_find(st, &sys_actor, ref, 0, &sp, &err), FH_OK);
	return sp.id;
}

static fh_status alloc(const char *ref, int64_t t, int seats, const char *from, const char *to,
		       int64_t *id, fh_error *err)
{
	fh_allocation_req r = { .space_id = space(ref), .tenant_id = t, .seats = seats,
				.from = day(from), .to = day(to) };
	int64_t dummy;
	return fh_allocation_add(st, &sys_actor, &r, id ? id : &dummy, err);
}

static void test_inclusive_ends_and_handover_day(void **s)
{
	(void)s;
	fh_error err;
	int64_t a = tenant("ja-dn", "甲社会工作服务社"), b = tenant("ja-dn", "乙志愿服务队");
	int64_t id;
	/* the office A1, whole, to the 31st inclusive */
	assert_int_equal(alloc("ja-dn/A1", a, 0, "2026-07-01", "2026-07-31", &id, &err), FH_OK);
	/* a day inside: refused, naming who holds it and when */
	assert_int_equal(alloc("ja-dn/A1", b, 0, "2026-07-30", "2026-08-31", NULL, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "甲社会工作服务社"));
	assert_non_null(strstr(err.message, "2026-07-31"));
	/* the handover day: the 31st is shared, the next tenant arrives that afternoon */
	assert_int_equal(alloc("ja-dn/A1", b, 0, "2026-07-31", "2026-08-31", NULL, &err), FH_OK);
	/* and a third cannot arrive on the same handover day, nor hold a single day in between */
	int64_t c = tenant("ja-dn", "丙读书会");
	assert_int_equal(alloc("ja-dn/A1", c, 0, "2026-07-31", "2026-07-31", NULL, &err), FH_ECONFLICT);
	assert_int_equal(alloc("ja-dn/A1", c, 0, "2026-08-31", "2026-09-30", NULL, &err), FH_OK);
	/* one day, the first of another month: both ends are the same day */
	assert_int_equal(alloc("ja-dn/A1", c, 0, "2026-06-30", "2026-06-30", NULL, &err), FH_OK);
	assert_int_equal(alloc("ja-dn/A1", a, 0, "2026-06-30", "2026-07-01", NULL, &err), FH_ECONFLICT);
	/* the last day is not before the first */
	assert_int_equal(alloc("ja-dn/A1", c, 0, "2026-10-02", "2026-10-01", NULL, &err), FH_EINVAL);
	assert_string_equal(err.field, "to");
}

static void test_seats_counted_on_every_day(void **s)
{
	(void)s;
	fh_error err;
	int64_t t[4];
	const char *names[] = { "工位一社", "工位二社", "工位三社", "工位四社" };
	for (int i = 0; i < 4; i++)
		t[i] = tenant("ja-dn", names[i]);
	/* A2 has 16 seats: 10 in July, 6 from 15 July to September */
	assert_int_equal(alloc("ja-dn/A2", t[0], 10, "2026-07-01", "2026-07-31", NULL, &err), FH_OK);
	assert_int_equal(alloc("ja-dn/A2", t[1], 6, "2026-07-15", "2026-09-30", NULL, &err), FH_OK);
	/* one more seat on 20 July does not fit; from 1 August (after the handover day) it does */
	assert_int_equal(alloc("ja-dn/A2", t[2], 1, "2026-07-20", "2026-08-10", NULL, &err), FH_ECONFLICT);
	assert_non_null(strstr(err.message, "16"));
	assert_non_null(strstr(err.message, "2026-07-20"));
	assert_int_equal(alloc("ja-dn/A2", t[2], 10, "2026-07-31", "2026-08-10", NULL, &err), FH_OK);
	/* exactly full is fine, one over is not */
	assert_int_equal(alloc("ja-dn/A2", t[3], 1, "2026-08-05", "2026-08-05", NULL, &err), FH_ECONFLICT);
	assert_int_equal(alloc("ja-dn/A2", t[3], 17, "2026-10-01", "2026-10-02", NULL, &err), FH_EINVAL);
	assert_int_equal(alloc("ja-dn/A2", t[3], 16, "2026-10-01", "2026-10-02", NULL, &err), FH_OK);
	/* the space's use on a day */
	fh_space sp;
	assert_int_equal(fh_space_find(st, &sys_actor, "ja-dn/A2", day("2026-07-20"), &sp, &err), FH_OK);
	assert_int_equal(sp.seats_used, 16);
	assert_int_equal(sp.holders, 2);
	/* a room booked by the hour is not allocated */
	assert_int_equal(alloc("ja-dn/B2", t[3], 1, "2026-10-01", "2026-10-02", NULL, &err), FH_EINVAL);
}

static void test_fees_pro_rata(void **s)
{
	(void)s;
	int days;
	/* a whole month after the free period: 30 m² at 30 yuan */
	assert_int_equal(fh_fee_fen(30, 30, day("2026-01-01"), day("2026-12-31"), day("2026-03-31"),
				    day("2026-04-01"), &days), 90000);
	assert_int_equal(days, 30);
	/* the free period ends on the 15th of a 31-day month: 16 days charged */
	assert_int_equal(fh_fee_fen(31, 1, day("2026-01-01"), day("2026-12-31"), day("2026-03-15"),
				    day("2026-03-01"), &days), 1600);
	assert_int_equal(days, 16);
	/* the allocation ends mid-month (inclusive): 10 days of 30 */
	assert_int_equal(fh_fee_fen(300, 2, day("2025-01-01"), day("2026-06-10"), day("2025-12-31"),
				    day("2026-06-01"), &days), 20000);
	assert_int_equal(days, 10);
	/* a leap February has 29 days; 28 of them charged */
	assert_int_equal(fh_fee_fen(29, 1, day("2028-02-02"), day("2028-12-31"), 0, day("2028-02-01"), &days),
			 2800);
	assert_int_equal(days, 28);
	/* still free all month; and never free (free_until 0) */
	assert_int_equal(fh_fee_fen(30, 30, day("2026-01-01"), day("2026-12-31"), day("2026-05-31"),
				    day("2026-05-01"), &days), 0);
	assert_int_equal(days, 0);
	assert_int_equal(fh_fee_fen(30, 1, day("2026-05-31"), day("2026-12-31"), 0, day("2026-05-01"), &days), 97);
	assert_int_equal(days, 1);
}

static void test_working_days(void **s)
{
	(void)s;
	fh_error err;
	fh_hub h;
	fh_calendar cal;
	assert_int_equal(fh_hub_get(st, &sys_actor, "ja-dn", &h, &err), FH_OK);
	assert_int_equal(fh_calendar_load(st, h.id, &cal, &err), FH_OK);
	/* National Day: 1–7 October off; Saturday 10 October worked */
	assert_false(fh_calendar_working(&cal, day("2026-10-01")));
	assert_true(fh_calendar_working(&cal, day("2026-10-10")));
	assert_false(fh_calendar_working(&cal, day("2026-10-11")));
	assert_int_equal(fh_calendar_add(&cal, day("2026-09-30"), 1), day("2026-10-08"));
	assert_int_equal(fh_calendar_add(&cal, day("2026-10-09"), 1), day("2026-10-10"));
	/* without the calendar, Monday to Friday */
	assert_int_equal(fh_calendar_add(NULL, day("2026-09-30"), 1), day("2026-10-01"));
	/* 15 working days from 28 September: 29, 30 Sep; 8, 9, 10 (Sat), 12–16, 19–23 Oct */
	assert_int_equal(fh_calendar_add(&cal, day("2026-09-28"), 15), day("2026-10-23"));
	fh_calendar_free(&cal);
}

static void test_release_and_graduation(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-pp", "丁环保促进会"), id, future;
	assert_int_equal(alloc("ja-pp/2", t, 2, "2026-06-01", "2027-05-31", &id, &err), FH_OK);
	assert_int_equal(alloc("ja-pp/2", t, 1, "2026-09-01", "2027-05-31", &future, &err), FH_OK);
	fh_allocation a;
	assert_int_equal(fh_allocation_get(st, &sys_actor, id, &a, &err), FH_OK);
	/* free for the street's 12 months from admission (today) */
	assert_int_equal(a.free_until, day("2027-06-09"));
	/* release after its end is refused; on the 30 September: handed back by 15 working days later */
	assert_int_equal(fh_allocation_release(st, &sys_actor, id, day("2027-06-01"), &err), FH_EINVAL);
	assert_int_equal(fh_allocation_release(st, &sys_actor, id, day("2026-09-30"), &err), FH_OK);
	assert_int_equal(fh_allocation_get(st, &sys_actor, id, &a, &err), FH_OK);
	assert_int_equal(a.end_on, day("2026-09-30"));
	assert_int_equal(a.handover_due, day("2026-10-27")); /* 8–10, 12–16, 19–23, 26, 27 */
	assert_int_equal(fh_allocation_release(st, &sys_actor, id, 0, &err), FH_ECONFLICT);
	/* graduation ends the rest today: the one not started is cancelled */
	fh_tenant tt;
	int ended;
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, t, &tt, &err), FH_OK);
	assert_int_equal(fh_allocation_end_tenant(st, &sys_actor, t, fh_clock_now(), &ended, &err), FH_OK);
	assert_int_equal(ended, 1);
	assert_int_equal(fh_allocation_get(st, &sys_actor, future, &a, &err), FH_OK);
	assert_true(a.end_on < a.start_on);
	assert_int_equal(a.handover_due, 0);
	assert_int_equal(fh_allocation_handed_over(st, &sys_actor, future, 0, &err), FH_EINVAL);
	/* an exit through the lifecycle releases the tenant's spaces in its transaction,
	 * after a confirmation that counted them */
	int64_t gone = tenant("ja-pp", "己退出服务社"), held;
	assert_int_equal(alloc("ja-pp/1", gone, 0, "2026-06-10", "2027-06-09", &held, &err), FH_OK);
	fh_stage_plan plan;
	assert_int_equal(fh_tenant_move_plan(st, &sys_actor, gone, FH_STAGE_EXITED, "迁出本街道", &plan, &err), FH_OK);
	assert_int_equal(plan.allocations, 1);
	assert_int_equal(plan.seats, 4);
	assert_int_equal(plan.handover_due, day("2026-07-02"));
	assert_int_equal(fh_tenant_get_by_id(st, &sys_actor, gone, &tt, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, &sys_actor, gone, tt.version, FH_STAGE_EXITED, "迁出本街道", NULL, &err), FH_OK);
	assert_int_equal(fh_allocation_get(st, &sys_actor, held, &a, &err), FH_OK);
	assert_int_equal(a.end_on, day("2026-06-10"));
	assert_int_equal(a.released_on, day("2026-06-10"));
	/* 15 working days: the Dragon Boat holiday (19 June) does not count */
	assert_int_equal(a.handover_due, day("2026-07-02"));
	fh_space sp;
	assert_int_equal(fh_space_find(st, &sys_actor, "ja-pp/1", day("2026-06-11"), &sp, &err), FH_OK);
	assert_int_equal(sp.holders, 0);
	/* the exit's history line counts what followed it, module by module */
	sqlite3_stmt *q;
	char line[512] = "";
	assert_int_equal(sqlite3_prepare_v2(fh_store_db(st),
					    "SELECT new FROM audit WHERE entity = 'tenant' AND entity_id = ?1"
					    " AND action = 'move' ORDER BY id DESC LIMIT 1", -1, &q, NULL), SQLITE_OK);
	sqlite3_bind_int64(q, 1, gone);
	if (sqlite3_step(q) == SQLITE_ROW)
		snprintf(line, sizeof line, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	assert_non_null(strstr(line, "\"stage\":\"exited\",\"released\":1,\"pairings_ended\":0,"
				     "\"bookings_cancelled\":0,\"exit_reason\":\"迁出本街道\""));
}

static int64_t at(const char *ymd, int h, int m)
{
	return day(ymd) + (h * 60 + m) * 60;
}

static fh_status book(const char *room, int64_t t, const char *ymd, int h1, int h2, int weeks,
		      fh_booking_result *res, fh_error *err)
{
	fh_booking_req r = { .space_id = space(room), .tenant_id = t, .starts = at(ymd, h1, 0),
			     .ends = at(ymd, h2, 0), .title = "理事会", .weeks = weeks };
	fh_booking_result dummy;
	return fh_booking_add(st, &sys_actor, &r, res ? res : &dummy, err);
}

/* The hub's reads the screens and rules use: nothing for an empty hub, then
 * what a tenant holds, waits for and has booked; an exit gives it back. */
static void test_reads_of_a_hub(void **s)
{
	(void)s;
	fh_error err;
	fh_space *sp;
	size_t n;
	/* a hub that is not one: nothing to free; a hub's own spaces, as configured */
	assert_int_equal(fh_space_list(st, &sys_actor, "ja-gh", day("2026-06-20"), &sp, &n, &err), FH_OK);
	assert_int_equal(n, 5);
	free(sp);
	assert_int_equal(fh_space_list(st, &sys_actor, "nowhere", 0, &sp, &n, &err), FH_ENOTFOUND);
	assert_null(sp); /* its contract: nothing to free */
	int64_t t = tenant("ja-gh", "读数组织服务社");
	int held = -1, seats = -1, late = -1;
	assert_int_equal(fh_space_held(st, t, fh_clock_now(), &held, &seats, &err), FH_OK);
	assert_int_equal(held + seats, 0);
	/* four seats of the desks from 20 June; three are left for anyone */
	int64_t desks = space("ja-gh/03"), id;
	assert_int_equal(alloc("ja-gh/03", t, 4, "2026-06-20", "2026-12-31", &id, &err), FH_OK);
	assert_int_equal(fh_space_held(st, t, day("2026-06-25"), &held, &seats, &err), FH_OK);
	assert_int_equal(held, 1);
	assert_int_equal(seats, 4);
	int peak = 0;
	char who[128] = "";
	assert_int_equal(fh_space_peak_from(st, desks, day("2026-06-20"), &peak, who, sizeof who, &err), FH_OK);
	assert_true(peak >= 4);
	assert_int_equal(fh_allocation_check(st, desks, day("2026-07-01"), day("2026-07-31"), 100, &err),
			 FH_ECONFLICT);
	assert_int_equal(fh_allocation_check(st, desks, day("2026-07-01"), day("2026-07-31"), 1, &err), FH_OK);
	assert_int_equal(fh_space_handovers_late(st, t, fh_clock_now(), &late, &err), FH_OK);
	assert_int_equal(late, 0);
	/* a space released on a Wednesday is due back some working days later */
	fh_space desk;
	int64_t due = 0;
	assert_int_equal(fh_space_find(st, &sys_actor, "ja-gh/03", 0, &desk, &err), FH_OK);
	assert_int_equal(fh_space_handover_due(st, desk.hub_id, day("2026-09-30"), &due, &err), FH_OK);
	assert_true(due > day("2026-10-08")); /* past the National Day week */
	assert_true(fh_weekday(due) < 5);
	/* the waiting list: first come, first offered; taken off by number */
	int64_t w;
	fh_wait first, *waits;
	assert_int_equal(fh_wait_add(st, &sys_actor, t, FH_SPACE_DESK, 2, "两个工位", &w, &err), FH_OK);
	assert_int_equal(fh_wait_list(st, &sys_actor, "ja-gh", -1, &waits, &n, &err), FH_OK);
	assert_int_equal(n, 1);
	assert_int_equal(waits[0].seats, 2);
	free(waits);
	assert_int_equal(fh_wait_first_for(st, &sys_actor, desks, day("2026-06-21"), &first, &err), FH_OK);
	assert_int_equal(first.id, w);
	assert_int_equal(fh_wait_remove(st, &sys_actor, w, &err), FH_OK);
	assert_int_equal(fh_wait_first_for(st, &sys_actor, desks, day("2026-06-21"), &first, &err), FH_ENOTFOUND);
	/* bookings: read back, ahead, in the way, the week's use; an exit cancels */
	fh_booking_result res;
	fh_booking b, in_way;
	int ahead = -1, cancelled = -1;
	assert_int_equal(book("ja-gh/05", t, "2026-06-22", 10, 12, 1, &res, &err), FH_OK);
	assert_int_equal(fh_booking_get(st, &sys_actor, res.first, &b, &err), FH_OK);
	assert_int_equal(b.tenant_id, t);
	assert_int_equal(fh_booking_get(st, &sys_actor, 999999, &b, &err), FH_ENOTFOUND);
	assert_int_equal(fh_booking_conflict(st, b.space_id, at("2026-06-22", 11, 0), at("2026-06-22", 13, 0), 0,
					     &in_way, &err), FH_ECONFLICT);
	assert_int_equal(in_way.id, res.first);
	assert_int_equal(fh_booking_conflict(st, b.space_id, at("2026-06-22", 12, 0), at("2026-06-22", 13, 0), 0, NULL,
					     &err), FH_OK);
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
	/* the month's fees: the desks are free for the street's period */
	fh_fee *fees;
	assert_int_equal(fh_space_fees(st, &sys_actor, "ja-gh", "2026-07", &fees, &n, &err), FH_OK);
	free(fees);
	assert_int_equal(fh_space_fees(st, &sys_actor, "ja-gh", "2026-13", &fees, &n, &err), FH_EINVAL);
	assert_null(fees);
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
	fh_booking_req r = { .space_id = space("ja-gh/05"), .starts = at("2026-06-22", 9, 0),
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

static void test_occupancy_rolls_up(void **s)
{
	(void)s;
	fh_error err;
	fh_occupancy *rows;
	size_t n;
	int64_t when = day("2026-07-20");
	assert_int_equal(fh_occupancy_report(st, &sys_actor, NULL, when, true, &rows, &n, &err), FH_OK);
	assert_true(n > 3);
	/* the root holds the sum of every hub's own figures */
	fh_occupancy *own;
	size_t nown;
	assert_int_equal(fh_occupancy_report(st, &sys_actor, NULL, when, false, &own, &nown, &err), FH_OK);
	assert_int_equal(nown, n);
	int seats = 0, used = 0;
	for (size_t i = 0; i < nown; i++) {
		seats += own[i].seats;
		used += own[i].seats_used;
	}
	assert_int_equal(rows[0].seats, seats);
	assert_int_equal(rows[0].seats_used, used);
	/* ja-dn on 20 July: A1 (4) and A2's 16 */
	for (size_t i = 0; i < n; i++)
		if (strcmp(rows[i].code, "ja-dn") == 0)
			assert_int_equal(rows[i].seats_used, 20);
	free(rows);
	free(own);
	/* a district's list covers its streets; its own list only its own spaces */
	fh_allocation_filter f = { .which = FH_ALLOC_ALL, .hub_code = "ja" };
	fh_allocation *al;
	size_t na, dn = 0;
	assert_int_equal(fh_allocation_list(st, &sys_actor, &f, &al, &na, &err), FH_OK);
	for (size_t i = 0; i < na; i++)
		dn += strcmp(al[i].hub_code, "ja-dn") == 0;
	assert_true(dn > 0);
	free(al);
	f.own_hub = true;
	assert_int_equal(fh_allocation_list(st, &sys_actor, &f, &al, &na, &err), FH_OK);
	for (size_t i = 0; i < na; i++)
		assert_string_equal(al[i].hub_code, "ja");
	free(al);
}

/* ---- two terminals at once (race.h): each rule reads under the write lock */

static int64_t count_where(const char *fmt, int64_t id)
{
	char sql[256];
	snprintf(sql, sizeof sql, fmt, (long long)id);
	return fixture_count(st, sql);
}

/* A manager graduates a tenant while the front desk gives it a desk: the
 * allocation reads the tenant's stage after the graduation, and refuses. */
static void test_race_graduation_and_allocation(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-dn", "竞速出壳服务社"), id = 0;
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_tenant_graduate_override(r.b, &sys_actor, t, 0, "并发测试", NULL, &err), FH_OK);
	race_arm(&r);
	fh_status got = alloc("ja-dn/A2", t, 1, "2027-03-01", "2027-03-31", &id, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_string_equal(err.field, "tenant");
	assert_int_equal(count_where("SELECT count(*) FROM allocations WHERE tenant_id = %lld", t), 0);
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
				     " AND state IN ('pending','confirmed')", t), 0);
}

/* A graduation while the tenant is put on the waiting list: refused. */
static void test_race_graduation_and_waiting_list(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-dn", "竞速候补服务社"), id = 0;
	struct race r;
	race_begin(&r, st);
	assert_int_equal(fh_tenant_graduate_override(r.b, &sys_actor, t, 0, "并发测试", NULL, &err), FH_OK);
	race_arm(&r);
	fh_status got = fh_wait_add(st, &sys_actor, t, FH_SPACE_DESK, 2, "", &id, &err);
	race_end(&r);
	assert_int_equal(got, FH_EINVAL);
	assert_int_equal(count_where("SELECT count(*) FROM waitlist WHERE tenant_id = %lld AND state = 'waiting'", t), 0);
}

/* Two terminals book the last hours of a tenant's weekly cap: the second
 * counts the first's. */
static void test_race_weekly_cap(void **s)
{
	(void)s;
	fh_error err;
	int64_t t = tenant("ja-gh", "竞速时长议事会");
	fh_booking_req one = { .space_id = space("ja-gh/05"), .tenant_id = t, .starts = at("2026-07-06", 9, 0),
			       .ends = at("2026-07-06", 15, 0), .title = "培训", .weeks = 1 };
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

/* The spaces section's defaults, written once (config_space.c). */
static void space_rules_defaults(void **s)
{
	(void)s;
	fh_space_rules r;
	memset(&r, 0xff, sizeof r);
	fh_space_rules_defaults(&r);
	assert_int_equal(r.free_period_months, 12);
	assert_true(r.fee_per_m2_month == 0 && r.fee_per_seat_month == 0);
	assert_int_equal(r.handover_working_days, 15);
	assert_int_equal(r.opens, 8 * 60 + 30);
	assert_int_equal(r.closes, 21 * 60);
	assert_int_equal(r.max_hours_per_week, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(space_rules_defaults),
		cmocka_unit_test(test_inclusive_ends_and_handover_day),
		cmocka_unit_test(test_seats_counted_on_every_day),
		cmocka_unit_test(test_fees_pro_rata),
		cmocka_unit_test(test_working_days),
		cmocka_unit_test(test_release_and_graduation),
		cmocka_unit_test(test_bookings),
		cmocka_unit_test(test_reads_of_a_hub),
		cmocka_unit_test(test_ics),
		cmocka_unit_test(test_occupancy_rolls_up),
		cmocka_unit_test(test_race_graduation_and_allocation),
		cmocka_unit_test(test_race_exit_and_booking),
		cmocka_unit_test(test_race_graduation_and_waiting_list),
		cmocka_unit_test(test_race_weekly_cap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
