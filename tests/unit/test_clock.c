/* fuhua tests — clock.h: the one clock and calendar arithmetic —
 * FUHUA_NOW in its forms, dates as people write them, a date taken from
 * what people type with one message, China time's days and months against
 * the C library's calendar from 1970 to 2100. Degenerate cases first. */
#include <time.h>

#include "helpers.h"

#include "fuhua/clock.h"

/* FUHUA_NOW in each form it takes, and a date from 1970 to 2999 parsed
 * from what people write. */
static void now_and_dates(void **s)
{
	(void)s;
	setenv("FUHUA_NOW", "2026-06-10", 1);
	assert_int_equal(fh_clock_now(), fh_date_epoch("2026-06-10"));
	setenv("FUHUA_NOW", "2026-06-10T09:30", 1);
	assert_int_equal(fh_clock_now(), fh_date_epoch("2026-06-10") + 9 * 3600 + 30 * 60);
	setenv("FUHUA_NOW", "1781055000", 1);
	assert_int_equal(fh_clock_now(), 1781055000);
	unsetenv("FUHUA_NOW");
	assert_true(fh_clock_now() > fh_date_epoch("2026-01-01")); /* the system's clock */
	char out[32];
	assert_string_equal(fh_clock_format(fh_date_epoch("2026-06-10") + 9 * 3600, out, sizeof out),
			    "2026-06-10 09:00");
}

/* One parser for dates, everywhere: from 1970 to 2999, days that exist,
 * one message naming the field; the outputs kept on error. */
static void dates_taken_one_way(void **s)
{
	(void)s;
	fh_error err;
	char d[11] = "";
	int64_t day = 1;
	assert_int_equal(fh_date_take("--on", "", d, &day, &err), FH_EINVAL);
	assert_string_equal(err.field, "--on");
	assert_int_equal(fh_date_take("--on", "1969-12-31", d, &day, &err), FH_EINVAL);
	assert_int_equal(day, 1);
	assert_non_null(strstr(err.message, "1970"));
	assert_int_equal(fh_date_take("--on", "3000-01-01", d, &day, &err), FH_EINVAL);
	assert_int_equal(fh_date_take("--on", "2026-02-29", d, &day, &err), FH_EINVAL);
	assert_int_equal(fh_date_take("--on", "1970-01-01", d, &day, &err), FH_OK);
	assert_int_equal(day, -8 * 3600); /* midnight in China, before the epoch's first day began */
	assert_int_equal(fh_date_take("founded", "2024年3月5日", d, NULL, &err), FH_OK);
	assert_string_equal(d, "2024-03-05");
}
static void dates(void **s)
{
	(void)s;
	char d[11];
	assert_true(fh_date_parse("2024-03-05", d));
	assert_string_equal(d, "2024-03-05");
	assert_true(fh_date_parse("2024/3/5", d));
	assert_string_equal(d, "2024-03-05");
	assert_true(fh_date_parse("2024.3.5", d));
	assert_true(fh_date_parse("2024年3月5日", d));
	assert_string_equal(d, "2024-03-05");
	assert_true(fh_date_parse("2024-02-29", d));
	assert_false(fh_date_parse("2023-02-29", d));
	assert_false(fh_date_parse("2024-13-01", d));
	assert_false(fh_date_parse("2024-04-31", d));
	assert_false(fh_date_parse("5/3/2024", d));
	assert_false(fh_date_parse("2024-03-05x", d));
	assert_false(fh_date_parse("", d));
	/* midnight in China */
	assert_int_equal(fh_date_epoch("1970-01-02"), 86400 - 8 * 3600);
}

/* China time as the C library's calendar writes it. */
static const char *libc_time(int64_t t, const char *fmt, char *buf, size_t size)
{
	time_t local = (time_t)(t + 8 * 3600);
	struct tm tm;
	assert_non_null(gmtime_r(&local, &tm));
	assert_true(strftime(buf, size, fmt, &tm) > 0);
	return buf;
}

/* The date arithmetic against the C library's calendar, every day from
 * 1970 to 2100 at a time of day that moves: the text of a time and of a
 * date, a date read back from its text, the day's start, and N months
 * later clamped to the month's last day. */
static void test_dates_against_libc(void **s)
{
	(void)s;
	for (int64_t t = 9 * 3600; t < 4102444800; t += 86400 + 1800 * (t % 7 == 0)) {
		char ymd[32], ours[32], later[32], back[32];
		int y, m, d;
		assert_string_equal(fh_clock_format(t, ours, sizeof ours),
				    libc_time(t, "%Y-%m-%d %H:%M", ymd, sizeof ymd));
		assert_string_equal(fh_clock_format_date(t, ours, sizeof ours),
				    libc_time(t, "%Y-%m-%d", ymd, sizeof ymd));
		assert_int_equal(sscanf(ymd, "%d-%d-%d", &y, &m, &d), 3);
		int64_t secs = (t + 8 * 3600) % 86400;
		assert_int_equal(fh_date_epoch(ymd) + secs, t);
		assert_int_equal(fh_clock_day(t), t - secs);
		for (int k = -13; k <= 25; k += 6) {
			int total = y * 12 + m - 1 + k, ly = total / 12, lm = total % 12 + 1, ld = d;
			for (;; ld--) { /* the last day that the C library calls a day of that month */
				snprintf(later, sizeof later, "%04d-%02d-%02d", ly, lm, ld);
				if (strcmp(libc_time(fh_date_epoch(later), "%Y-%m-%d", back, sizeof back), later) == 0)
					break;
			}
			assert_int_equal(fh_clock_add_months(t, k), fh_date_epoch(later) + secs);
		}
	}
	char small[8];
	assert_string_equal(fh_clock_format_date(0, small, sizeof small), "?");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(now_and_dates),
		cmocka_unit_test(dates_taken_one_way),
		cmocka_unit_test(dates),
		cmocka_unit_test(test_dates_against_libc),
	};
	return cmocka_run_group_tests_name("clock", tests, NULL, NULL);
}
