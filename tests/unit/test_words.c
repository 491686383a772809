/* fuhua tests — the vocabulary and the small pure functions every module
 * shares: each name, label and parse of the domain's words, degenerate
 * values first (out of range, NULL, empty), then the round trip; the error
 * values, the buffer, the text helpers, rates and dates. */
#include "helpers.h"

#include <stdarg.h>

#include "fuhua/booking.h"
#include "fuhua/buf.h"
#include "fuhua/calendar.h"
#include "fuhua/changes.h"
#include "fuhua/clock.h"
#include "fuhua/config.h"
#include "fuhua/error.h"
#include "fuhua/milestone.h"
#include "fuhua/operator.h"
#include "fuhua/party.h"
#include "fuhua/scratch.h"
#include "fuhua/space.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"

static int64_t day(const char *ymd)
{
	return fh_date_epoch(ymd);
}

static void names_out_of_range_are_null(void **s)
{
	(void)s;
	assert_string_equal(fh_booking_state_name(FH_BOOKING_STATE_COUNT), "?"); /* its contract: never NULL */
	assert_string_equal(fh_booking_state_name((fh_booking_state)-1), "?");
	assert_null(fh_space_type_name(FH_SPACE_TYPE_COUNT));
	assert_string_equal(fh_ms_state_name(FH_MS_STATE_COUNT), "?");
	assert_null(fh_role_name(FH_ROLE_COUNT));
	assert_null(fh_member_kind_name(FH_MEMBER_KIND_COUNT));
	assert_null(fh_member_kind_label(FH_MEMBER_KIND_COUNT, true));
	assert_null(fh_sync_event_name(FH_EVENT_COUNT));
	assert_null(fh_sync_kind_name(FH_SYNC_KIND_COUNT));
	assert_null(fh_reg_state_name(FH_REG_STATE_COUNT));
	assert_null(fh_party_org_name(FH_PARTY_ORG_COUNT));
	assert_null(fh_tenant_field_name(FH_TF_COUNT));
	assert_null(fh_party_field_name(FH_PF_COUNT));
}

static void parsing_nothing_finds_nothing(void **s)
{
	(void)s;
	fh_space_type st = FH_SPACE_DESK;
	fh_role r = FH_ROLE_ADMIN;
	fh_member_kind k = FH_MEMBER_ACTIVIST;
	fh_sync_event e = FH_EVENT_RATING;
	fh_sync_kind sk = FH_SYNC_REPORT;
	fh_org_type ot = FH_ORG_FOUNDATION;
	fh_reg_state rs = FH_REG_FILED;
	fh_party_org po = FH_PARTY_EXTENDED;
	fh_stage sg = FH_STAGE_EXITED;
	assert_false(fh_space_type_parse("", &st));
	assert_false(fh_space_type_parse(NULL, &st));
	assert_false(fh_role_parse("boss", &r));
	assert_false(fh_member_kind_parse("", &k));
	assert_false(fh_sync_event_parse("birthday", &e));
	assert_false(fh_sync_kind_parse("", &sk));
	assert_false(fh_org_type_parse("company", &ot));
	assert_false(fh_reg_state_parse("", &rs));
	assert_false(fh_party_org_parse("cell", &po));
	assert_false(fh_stage_parse_label("hatched", &sg));
	/* *out unchanged */
	assert_int_equal(st, FH_SPACE_DESK);
	assert_int_equal(r, FH_ROLE_ADMIN);
	assert_int_equal(k, FH_MEMBER_ACTIVIST);
	assert_int_equal(e, FH_EVENT_RATING);
	assert_int_equal(sk, FH_SYNC_REPORT);
	assert_int_equal(ot, FH_ORG_FOUNDATION);
	assert_int_equal(rs, FH_REG_FILED);
	assert_int_equal(po, FH_PARTY_EXTENDED);
	assert_int_equal(sg, FH_STAGE_EXITED);
}

static void every_word_goes_and_comes_back(void **s)
{
	(void)s;
	for (int i = 0; i < FH_SPACE_TYPE_COUNT; i++) {
		fh_space_type t;
		assert_true(fh_space_type_parse(fh_space_type_name((fh_space_type)i), &t));
		assert_int_equal(t, i);
	}
	for (int i = 0; i < FH_ROLE_COUNT; i++) {
		fh_role r;
		assert_true(fh_role_parse(fh_role_name((fh_role)i), &r));
		assert_int_equal(r, i);
	}
	for (int i = 0; i < FH_MEMBER_KIND_COUNT; i++) {
		fh_member_kind k;
		assert_true(fh_member_kind_parse(fh_member_kind_name((fh_member_kind)i), &k));
		assert_int_equal(k, i);
		assert_true(fh_member_kind_parse(fh_member_kind_label((fh_member_kind)i, true), &k));
		assert_int_equal(k, i);
		assert_string_not_equal(fh_member_kind_label((fh_member_kind)i, false),
					fh_member_kind_label((fh_member_kind)i, true));
	}
	for (int i = 0; i < FH_EVENT_COUNT; i++) {
		fh_sync_event e;
		assert_true(fh_sync_event_parse(fh_sync_event_name((fh_sync_event)i), &e));
		assert_int_equal(e, i);
		assert_true(fh_sync_event_parse(fh_sync_event_label((fh_sync_event)i, true), &e));
		assert_int_equal(e, i);
	}
	for (int i = 0; i < FH_SYNC_KIND_COUNT; i++) {
		fh_sync_kind k;
		assert_true(fh_sync_kind_parse(fh_sync_kind_name((fh_sync_kind)i), &k));
		assert_int_equal(k, i);
		assert_non_null(fh_sync_kind_label((fh_sync_kind)i, true));
	}
	for (int i = 0; i < FH_ORG_TYPE_COUNT; i++) {
		fh_org_type t;
		assert_true(fh_org_type_parse(fh_org_type_label((fh_org_type)i, true), &t));
		assert_int_equal(t, i);
	}
	for (int i = 0; i < FH_REG_STATE_COUNT; i++) {
		fh_reg_state r;
		assert_true(fh_reg_state_parse(fh_reg_state_name((fh_reg_state)i), &r));
		assert_int_equal(r, i);
		assert_non_null(fh_reg_state_label((fh_reg_state)i, false));
	}
	for (int i = 0; i < FH_PARTY_ORG_COUNT; i++) {
		fh_party_org p;
		assert_true(fh_party_org_parse(fh_party_org_name((fh_party_org)i), &p));
		assert_int_equal(p, i);
		assert_non_null(fh_party_org_label((fh_party_org)i, true));
	}
	for (int i = 0; i < FH_STAGE_COUNT; i++) {
		fh_stage g;
		assert_true(fh_stage_parse_label(fh_stage_label((fh_stage)i, true), &g));
		assert_int_equal(g, i);
		assert_true(fh_stage_parse_label(fh_stage_name((fh_stage)i), &g));
		assert_int_equal(g, i);
	}
	for (int f = 0; f < FH_TF_COUNT; f++) {
		fh_tenant_field back;
		assert_true(fh_tenant_field_lookup(fh_tenant_field_name((fh_tenant_field)f), &back));
		assert_int_equal(back, f);
		assert_non_null(fh_tenant_field_label((fh_tenant_field)f, true));
	}
	for (int f = 0; f < FH_PF_COUNT; f++) {
		fh_party_field back;
		assert_true(fh_party_field_lookup(fh_party_field_name((fh_party_field)f), &back));
		assert_int_equal(back, f);
		assert_non_null(fh_party_field_label((fh_party_field)f, false));
	}
	assert_string_equal(fh_booking_state_name(FH_BOOKING_PENDING), "pending");
	assert_string_equal(fh_ms_state_name(FH_MS_WAIVED), "waived");
}

static void roles_and_spaces(void **s)
{
	(void)s;
	assert_true(fh_role_allows(FH_ROLE_ADMIN, FH_ROLE_MANAGER));
	assert_true(fh_role_allows(FH_ROLE_MANAGER, FH_ROLE_FRONT_DESK));
	assert_true(fh_role_allows(FH_ROLE_FRONT_DESK, FH_ROLE_FRONT_DESK));
	assert_false(fh_role_allows(FH_ROLE_FRONT_DESK, FH_ROLE_MANAGER));
	assert_false(fh_role_allows(FH_ROLE_MANAGER, FH_ROLE_ADMIN));
	/* offices and desks are allocated; a room is booked by the hour; an
	 * office is taken whole, a desk area by its seats */
	assert_true(fh_space_type_allocated(FH_SPACE_OFFICE));
	assert_true(fh_space_type_allocated(FH_SPACE_DESK));
	assert_false(fh_space_type_allocated(FH_SPACE_MEETING_ROOM));
	assert_true(fh_space_type_whole(FH_SPACE_OFFICE));
	assert_false(fh_space_type_whole(FH_SPACE_DESK));
}

static void rates_never_divide_by_nothing(void **s)
{
	(void)s;
	assert_true(fh_coverage_rate(0, 0) == 0.0);
	assert_true(fh_coverage_rate(3, 4) == 75.0);
	fh_occupancy o = { 0 };
	assert_true(fh_occupancy_area_rate(&o) == 0.0);
	assert_true(fh_occupancy_seat_rate(&o) == 0.0);
	o.area = 200;
	o.area_used = 50;
	o.seats = 8;
	o.seats_used = 6;
	assert_true(fh_occupancy_area_rate(&o) == 25.0);
	assert_true(fh_occupancy_seat_rate(&o) == 75.0);
	fh_room_use u = { 0 };
	assert_true(fh_room_use_rate(&u) == 0.0);
	u.open_min = 600;
	u.booked_min = 150;
	assert_true(fh_room_use_rate(&u) == 25.0);
	fh_party_rules r = { .branch_min_members = 3 };
	fh_error err;
	assert_true(fh_party_branch_size_ok(&r, 3, "full", &err));
	assert_false(fh_party_branch_size_ok(&r, 2, "full", &err));
	assert_string_equal(err.field, "full");
}

static void days_and_weeks(void **s)
{
	(void)s;
	/* 2026-11-23 is a Monday; the week of Sunday the 29th starts then */
	assert_int_equal(fh_weekday(day("2026-11-23")), 0);
	assert_int_equal(fh_weekday(day("2026-11-29")), 6);
	assert_int_equal(fh_week_start(day("2026-11-29") + 23 * 3600), day("2026-11-23"));
	assert_int_equal(fh_week_start(day("2026-11-23")), day("2026-11-23"));
	/* no calendar: nothing is a day off */
	assert_false(fh_calendar_off(NULL, day("2026-10-01")));
	int64_t off[] = { day("2026-10-01") };
	fh_calendar cal = { .off = off, .noff = 1 };
	assert_true(fh_calendar_off(&cal, day("2026-10-01") + 3600));
	assert_false(fh_calendar_off(&cal, day("2026-10-02")));
	/* months of incubation: none before admission, to the day it left */
	fh_tenant t;
	fh_tenant_init(&t);
	assert_int_equal(fh_tenant_months(&t, day("2026-11-23")), 0);
	t.admitted_on = day("2026-01-23");
	assert_int_equal(fh_tenant_months(&t, day("2026-11-23")), 10);
}

static void errors_said_once(void **s)
{
	(void)s;
	fh_error e;
	char buf[700];
	assert_int_equal(fh_error_set(NULL, FH_EINVAL, "x", "%s", "ignored"), FH_EINVAL); /* err may be NULL */
	assert_int_equal(fh_error_set(&e, FH_EINVAL, "phone", "%s", "is not a phone number"), FH_EINVAL);
	assert_string_equal(fh_error_format(&e, buf, sizeof buf), "phone: is not a phone number");
	fh_error_clear(&e);
	assert_int_equal(e.code, FH_OK);
	assert_string_equal(e.message, "");
	fh_error_clear(NULL);
	assert_int_equal(fh_error_at(&e, "hubs/ja.yaml", 3, 7, "unknown key '%s'", "fees"), FH_ECONFIG);
	assert_string_equal(fh_error_format(&e, buf, sizeof buf), "hubs/ja.yaml:3:7: unknown key 'fees'");
	assert_int_equal(fh_error_exit_status(FH_OK), 0);
	assert_int_equal(fh_error_exit_status(FH_EINVAL), 2);
	assert_int_equal(fh_error_exit_status(FH_ECONFIG), 2);
	assert_int_equal(fh_error_exit_status(FH_ECONFLICT), 1);
	assert_int_equal(fh_error_exit_status(FH_ESTORE), 1);
	/* one problem per field: the first */
	fh_field_errors fe = { 0 };
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

static void vprintf_into(fh_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fh_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

static void buffers_and_arrays_grow(void **s)
{
	(void)s;
	fh_buf b = FH_BUF_INIT;
	assert_string_equal(fh_buf_str(&b), "");
	vprintf_into(&b, "%s·%d", "静安", 3);
	vprintf_into(&b, "%s", "");
	assert_string_equal(fh_buf_str(&b), "静安·3");
	fh_buf_free(&b);
	int *rows = NULL;
	size_t cap = 0;
	for (size_t n = 0; n < 100; n++) {
		assert_true(fh_grow(&rows, &cap, n, sizeof *rows));
		rows[n] = (int)n;
	}
	assert_true(cap >= 100);
	assert_int_equal(rows[99], 99);
	free(rows);
}

static void text_helpers(void **s)
{
	(void)s;
	char dst[8];
	/* a character that does not fit whole is cut before it */
	assert_string_equal(fh_text_copy(dst, sizeof dst, "静安区"), "静安");
	assert_string_equal(fh_text_copy(dst, sizeof dst, ""), "");
	assert_false(fh_text_has_bidi_control("静安 abc"));
	assert_true(fh_text_has_bidi_control("a\xE2\x80\xAE" "b")); /* U+202E */
	assert_false(fh_text_has_visible(""));
	assert_false(fh_text_has_visible(" \xE3\x80\x80")); /* spaces, an ideographic one */
	assert_true(fh_text_has_visible(" 甲"));
	size_t good = 0, bad = 0;
	assert_int_equal(fh_utf8_invalid_at("", 0, NULL, NULL), -1);
	assert_int_equal(fh_utf8_invalid_at("静安", 6, &good, &bad), -1);
	assert_int_equal(fh_utf8_invalid_at("ab\xFF" "c", 4, &good, &bad), 2);
	assert_int_equal(bad, 1);
	char field[16] = "旧值";
	fh_error err;
	assert_int_equal(fh_text_field_take(field, sizeof field, 4, "  新名字  ", false, true, "name", &err), FH_OK);
	assert_string_equal(field, "新名字");
	assert_int_equal(fh_text_field_take(field, sizeof field, 2, "太长的名字", false, true, "name", &err), FH_EINVAL);
	assert_string_equal(field, "新名字"); /* unchanged on error */
	char dir[64];
	fh_scratch_dir_of("/srv/fuhua/fuhua.db", dir, sizeof dir);
	assert_string_equal(dir, "/srv/fuhua");
	fh_scratch_dir_of("fuhua.db", dir, sizeof dir);
	assert_string_equal(dir, ".");
}

static void changes_between_counts(void **s)
{
	(void)s;
	int64_t was[FH_TOPIC_COUNT] = { 0 }, now[FH_TOPIC_COUNT] = { 0 };
	assert_int_equal(fh_changes_between(was, now), 0);
	now[FH_TOPIC_SPACE] = 3;
	assert_int_equal(fh_changes_between(was, now), 1u << FH_TOPIC_SPACE);
}

static void labels_in_both_languages(void **s)
{
	(void)s;
	assert_string_equal(fh_party_column(FH_PARTY_NONE, true, true, false), "fallback");
	assert_string_not_equal(fh_party_column(FH_PARTY_BRANCH, false, false, true),
				fh_party_column(FH_PARTY_BRANCH, false, false, false));
	fh_party p = { .form = FH_PARTY_BRANCH, .full = 4 };
	char v[64];
	assert_string_equal(fh_party_get(&p, FH_PF_FULL, true, false, v, sizeof v), "4");
	assert_string_equal(fh_party_get(&p, FH_PF_FORM, true, false, v, sizeof v), "branch");
	/* a record checked without a store: the rules' defaults; problems named */
	fh_field_errors fe = { 0 };
	fh_error err;
	p.full = 2;
	assert_int_equal(fh_party_validate(NULL, &p, &fe, &err), FH_EINVAL);
	assert_true(fe.n >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_out_of_range_are_null),
		cmocka_unit_test(parsing_nothing_finds_nothing),
		cmocka_unit_test(every_word_goes_and_comes_back),
		cmocka_unit_test(roles_and_spaces),
		cmocka_unit_test(rates_never_divide_by_nothing),
		cmocka_unit_test(days_and_weeks),
		cmocka_unit_test(errors_said_once),
		cmocka_unit_test(buffers_and_arrays_grow),
		cmocka_unit_test(text_helpers),
		cmocka_unit_test(changes_between_counts),
		cmocka_unit_test(labels_in_both_languages),
	};
	return cmocka_run_group_tests_name("words", tests, NULL, NULL);
}
