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
