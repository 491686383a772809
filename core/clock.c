/* fuhua core — the clock. */
#include "fuhua/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CST_OFFSET (8 * 3600)

static int64_t parse_fixed(const char *s)
{
	int y, mo, d, h = 0, mi = 0, sec = 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*s && !*end)
		return v;
	int n = sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec);
	if (n < 3)
		return -1;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			 .tm_hour = h, .tm_min = mi, .tm_sec = sec };
	return (int64_t)timegm(&tm) - CST_OFFSET;
}

int64_t fh_clock_now(void)
{
	const char *fixed = getenv("FUHUA_NOW");
	if (fixed && *fixed) {
		int64_t t = parse_fixed(fixed);
		if (t >= 0)
			return t;
	}
	return (int64_t)time(NULL);
}

static const char *format(int64_t t, const char *fmt, char *buf, size_t size)
{
	time_t local = (time_t)(t + CST_OFFSET);
	struct tm tm;
	if (!gmtime_r(&local, &tm) || !strftime(buf, size, fmt, &tm))
		snprintf(buf, size, "?");
	return buf;
}

const char *fh_clock_format(int64_t t, char *buf, size_t size)
{
	return format(t, "%Y-%m-%d %H:%M", buf, size);
}

const char *fh_clock_format_date(int64_t t, char *buf, size_t size)
{
	return format(t, "%Y-%m-%d", buf, size);
}

/* ---- dates --------------------------------------------------------------------------- */

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : d[m - 1];
}

bool fh_date_parse(const char *in, char out[11])
{
	int part[3] = { 0 }, k = 0, digits = 0;
	const char *p = in;
	while (*p == ' ')
		p++;
	for (; *p && k < 3; ) {
		if (*p >= '0' && *p <= '9') {
			if (++digits > (k == 0 ? 4 : 2))
				return false;
			part[k] = part[k] * 10 + (*p - '0');
			p++;
			continue;
		}
		if (!digits)
			return false;
		if (*p == '-' || *p == '/' || *p == '.')
			p++;
		else if (strncmp(p, "年", 3) == 0 || strncmp(p, "月", 3) == 0 || strncmp(p, "日", 3) == 0)
			p += 3;
		else
			return false;
		k++;
		digits = 0;
	}
	if (digits)
		k++;
	while (*p == ' ')
		p++;
	if (*p || k != 3 || part[0] < 1900 || part[0] > 2999 || part[1] < 1 || part[1] > 12 ||
	    part[2] < 1 || part[2] > days_in(part[0], part[1]))
		return false;
	char ymd[40];
	snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", part[0], part[1], part[2]);
	memcpy(out, ymd, 11); /* ranges checked above: always 10 characters */
	return true;
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int64_t fh_date_epoch(const char *ymd)
{
	int y, m, d;
	if (!ymd || sscanf(ymd, "%d-%d-%d", &y, &m, &d) != 3)
		return 0;
	return days_from_civil(y, m, d) * 86400 - 8 * 3600;
}

int64_t fh_clock_add_months(int64_t t, int months)
{
	char ymd[11];
	int y, m, d;
	fh_clock_format_date(t, ymd, sizeof ymd);
	if (sscanf(ymd, "%d-%d-%d", &y, &m, &d) != 3)
		return t;
	int total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > days_in(y, m))
		d = days_in(y, m);
	int64_t secs_of_day = (t + 8 * 3600) % 86400;
	return days_from_civil(y, m, d) * 86400 - 8 * 3600 + secs_of_day;
}


int64_t fh_clock_day(int64_t t)
{
	char d[16];
	return fh_date_epoch(fh_clock_format_date(t, d, sizeof d));
}
