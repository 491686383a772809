/* Unit tests: spaces — the date boundaries of allocations (inclusive ends,
 * a shared handover day), seat counting, fees across month ends, leap days
 * and a free period ending mid-month, working days across a holiday and a
 * worked weekend day, bookings' conflicts, cap, repeats and approval, the
 * iCalendar text, occupancy rolled up the tree. */
#include <sqlite3.h>

#include "module.h"
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

MODULE_TEST("space.db", "2026-06-10T09:00")

static fh_status alloc(const char *ref, int64_t t, int seats, const char *from, const char *to, int64_t *id,
		       fh_error *err)
{
	fh_allocation_req r = {
		.space_id = space(ref), .tenant_id = t, .seats = seats, .from = day(from), .to = day(to)
	};
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
	assert_int_equal(
		fh_fee_fen(30, 30, day("2026-01-01"), day("2026-12-31"), day("2026-03-31"), day("2026-04-01"), &days),
		90000);
	assert_int_equal(days, 30);
	/* the free period ends on the 15th of a 31-day month: 16 days charged */
	assert_int_equal(
		fh_fee_fen(31, 1, day("2026-01-01"), day("2026-12-31"), day("2026-03-15"), day("2026-03-01"), &days),
		1600);
	assert_int_equal(days, 16);
	/* the allocation ends mid-month (inclusive): 10 days of 30 */
	assert_int_equal(
		fh_fee_fen(300, 2, day("2025-01-01"), day("2026-06-10"), day("2025-12-31"), day("2026-06-01"), &days),
		20000);
	assert_int_equal(days, 10);
	/* a leap February has 29 days; 28 of them charged */
	assert_int_equal(fh_fee_fen(29, 1, day("2028-02-02"), day("2028-12-31"), 0, day("2028-02-01"), &days), 2800);
	assert_int_equal(days, 28);
	/* still free all month; and never free (free_until 0) */
	assert_int_equal(
		fh_fee_fen(30, 30, day("2026-01-01"), day("2026-12-31"), day("2026-05-31"), day("2026-05-01"), &days),
		0);
	assert_int_equal(days, 0);
	assert_int_equal(fh_fee_fen(30, 1, day("2026-05-31"), day("2026-12-31"), 0, day("2026-05-01"), &days), 97);
	assert_int_equal(days, 1);
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
	assert_int_equal(fh_tenant_move(st, &sys_actor, gone, tt.version, FH_STAGE_EXITED, "迁出本街道", NULL, &err),
			 FH_OK);
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
					    " AND action = 'move' ORDER BY id DESC LIMIT 1",
					    -1, &q, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(q, 1, gone);
	if (sqlite3_step(q) == SQLITE_ROW)
		snprintf(line, sizeof line, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	assert_non_null(strstr(line,
			       "\"stage\":\"exited\",\"released\":1,\"pairings_ended\":0,"
			       "\"bookings_cancelled\":0,\"exit_reason\":\"迁出本街道\""));
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
	assert_int_equal(fh_allocation_check(st, desks, day("2026-07-01"), day("2026-07-31"), 100, &err), FH_ECONFLICT);
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
	/* the month's fees: the desks are free for the street's period */
	fh_fee *fees;
	assert_int_equal(fh_space_fees(st, &sys_actor, "ja-gh", "2026-07", &fees, &n, &err), FH_OK);
	free(fees);
	assert_int_equal(fh_space_fees(st, &sys_actor, "ja-gh", "2026-13", &fees, &n, &err), FH_EINVAL);
	assert_null(fees);
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
	assert_int_equal(count_where("SELECT count(*) FROM waitlist WHERE tenant_id = %lld AND state = 'waiting'", t),
			 0);
}

/* Offices and desks are allocated, rooms booked by the hour; an office is
 * taken whole, a desk area by its seats; a rate of nothing is 0. */
static void kinds_and_rates(void **s)
{
	(void)s;
	assert_true(fh_space_type_allocated(FH_SPACE_OFFICE));
	assert_true(fh_space_type_allocated(FH_SPACE_DESK));
	assert_false(fh_space_type_allocated(FH_SPACE_MEETING_ROOM));
	assert_true(fh_space_type_whole(FH_SPACE_OFFICE));
	assert_false(fh_space_type_whole(FH_SPACE_DESK));
	fh_occupancy o = { 0 };
	assert_true(fh_occupancy_area_rate(&o) == 0.0);
	assert_true(fh_occupancy_seat_rate(&o) == 0.0);
	o.area = 200;
	o.area_used = 50;
	o.seats = 8;
	o.seats_used = 6;
	assert_true(fh_occupancy_area_rate(&o) == 25.0);
	assert_true(fh_occupancy_seat_rate(&o) == 75.0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds_and_rates),
		cmocka_unit_test(test_inclusive_ends_and_handover_day),
		cmocka_unit_test(test_seats_counted_on_every_day),
		cmocka_unit_test(test_fees_pro_rata),
		cmocka_unit_test(test_release_and_graduation),
		cmocka_unit_test(test_reads_of_a_hub),
		cmocka_unit_test(test_occupancy_rolls_up),
		cmocka_unit_test(test_race_graduation_and_allocation),
		cmocka_unit_test(test_race_graduation_and_waiting_list),
	};
	return cmocka_run_group_tests(tests, module_setup, module_teardown);
}
