/* fuhua core — the clock. */
#include "fuhua/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

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
	struct tm tm = {
		.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d, .tm_hour = h, .tm_min = mi, .tm_sec = sec
	};
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
	for (; *p && k < 3;) {
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
	if (*p || k != 3 || part[0] < 1970 || part[0] > 2999 || part[1] < 1 || part[1] > 12 || part[2] < 1 ||
	    part[2] > days_in(part[0], part[1]))
		return false;
	/* ranges checked above: always 10 characters */
	int v[8] = { part[0] / 1000, part[0] / 100 % 10, part[0] / 10 % 10, part[0] % 10,
		     part[1] / 10,   part[1] % 10,       part[2] / 10,      part[2] % 10 };
	static const int at[8] = { 0, 1, 2, 3, 5, 6, 8, 9 };
	memcpy(out, "0000-00-00", 11);
	for (int i = 0; i < 8; i++)
		out[at[i]] = (char)('0' + v[i]);
	return true;
}

fh_status fh_date_take(const char *field, const char *text, char out[11], int64_t *day, fh_error *err)
{
	char d[11];
	if (!text || !fh_date_parse(text, d))
		return fh_error_set(err, FH_EINVAL, field, _("'%s' is not a date from 1970 to 2999 (YYYY-MM-DD)"),
				    text ? text : "");
	memcpy(out, d, 11);
	if (day)
		*day = fh_date_epoch(d);
	return FH_OK;
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

/* The civil date of a day since 1970-01-01: the inverse of the above. */
static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A run of digits as a number, `p` moved past it; -1 if there is none. */
static int digits(const char **p)
{
	int v = -1;
	for (; **p >= '0' && **p <= '9' && v < 100000; (*p)++)
		v = (v < 0 ? 0 : v * 10) + (**p - '0');
	return v;
}

int64_t fh_date_epoch(const char *ymd)
{
	if (!ymd)
		return 0;
	int y = digits(&ymd), m = *ymd == '-' ? (ymd++, digits(&ymd)) : -1;
	int d = *ymd == '-' ? (ymd++, digits(&ymd)) : -1;
	if (y < 0 || m < 0 || d < 0)
		return 0;
	return days_from_civil(y, m, d) * 86400 - CST_OFFSET;
}

/* The day since 1970-01-01 that `t` falls on in China. */
static int64_t local_day(int64_t t)
{
	int64_t local = t + CST_OFFSET;
	return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

int64_t fh_clock_day(int64_t t)
{
	return local_day(t) * 86400 - CST_OFFSET;
}

/* China time of `t` as text (arithmetic: gmtime and strftime cost more
 * than the rest of writing a row in a bulk load); "?" if it does not fit. */
static const char *format(int64_t t, bool with_time, char *buf, size_t size)
{
	int64_t day = local_day(t), secs = t + CST_OFFSET - day * 86400;
	int y, m, d, n;
	civil_from_days(day, &y, &m, &d);
	if (!with_time && size > 10 && y >= 0 && y <= 9999) { /* a date: often, in an export */
		int v[3] = { y, m, d }, w[3] = { 4, 2, 2 };
		char *p = buf;
		for (int i = 0; i < 3; i++) {
			if (i)
				*p++ = '-';
			for (int k = w[i] - 1, x = v[i]; k >= 0; k--, x /= 10)
				p[k] = (char)('0' + x % 10);
			p += w[i];
		}
		*p = 0;
		return buf;
	}
	if (with_time)
		n = snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", y, m, d, (int)(secs / 3600),
			     (int)(secs % 3600 / 60));
	else
		n = snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
	if (n < 0 || (size_t)n >= size)
		snprintf(buf, size, "?");
	return buf;
}

const char *fh_clock_format(int64_t t, char *buf, size_t size)
{
	return format(t, true, buf, size);
}

const char *fh_clock_format_date(int64_t t, char *buf, size_t size)
{
	return format(t, false, buf, size);
}

int64_t fh_clock_add_months(int64_t t, int months)
{
	int64_t day = local_day(t);
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	int total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	if (d > days_in(y, m))
		d = days_in(y, m);
	return days_from_civil(y, m, d) * 86400 - CST_OFFSET + (t - fh_clock_day(t));
}
