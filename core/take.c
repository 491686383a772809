/* fuhua core — what people type, taken into values (take.h). */
#include "fuhua/take.h"

#include <stdio.h>
#include <string.h>

#include "fuhua/text.h"
#include "i18n.h"

/* The digits of s (at most 18) as a number: its length, or 0 if s[0] is
 * no digit or there are too many. */
static size_t digits(const char *s, long long *v)
{
	size_t n = 0;
	*v = 0;
	while (s[n] >= '0' && s[n] <= '9') {
		if (n == 18)
			return 0;
		*v = *v * 10 + (s[n++] - '0');
	}
	return n;
}

fh_status fh_int_take(const char *field, const char *text, long long min, long long max, long long *out, fh_error *err)
{
	long long v;
	size_t n = text ? digits(text, &v) : 0;
	if (!n || text[n] || v < min || v > max)
		return fh_error_set(err, FH_EINVAL, field, _("'%s' is not a whole number from %lld to %lld"),
				    text ? text : "", min, max);
	*out = v;
	return FH_OK;
}

fh_status fh_decimal_take(const char *field, const char *text, double min, double max, int decimals, double *out,
			  fh_error *err)
{
	long long whole, part = 0;
	size_t n = text ? digits(text, &whole) : 0, k = 0;
	if (n && text[n] == '.')
		k = digits(text + n + 1, &part);
	bool ok = n && (!text[n] || (text[n] == '.' && k && k <= (size_t)decimals && !text[n + 1 + k]));
	double v = (double)whole;
	if (ok && k) {
		double f = (double)part;
		for (size_t i = 0; i < k; i++)
			f /= 10;
		v += f;
	}
	if (!ok || v < min || v > max) {
		char lo[32], hi[32];
		snprintf(lo, sizeof lo, "%g", min);
		snprintf(hi, sizeof hi, "%g", max);
		return fh_error_set(err, FH_EINVAL, field, _("'%s' is not a number from %s to %s"), text ? text : "",
				    lo, hi);
	}
	*out = v;
	return FH_OK;
}

fh_status fh_yuan_take(const char *field, const char *text, long long max_fen, int64_t *fen, fh_error *err)
{
	const char *p = text ? text : "";
	long long whole = 0, cents = 0;
	int group = 0, digits_seen = 0;
	bool commas = false, ok = true;
	for (; ok && ((*p >= '0' && *p <= '9') || *p == ','); p++) {
		if (*p == ',') { /* 1,891,000: a first group of 1–3, then threes */
			ok = group >= 1 && group <= 3 && (!commas || group == 3);
			commas = true;
			group = 0;
			continue;
		}
		if (whole > max_fen / 10)
			ok = false;
		whole = whole * 10 + (*p - '0');
		group++;
		digits_seen++;
	}
	ok = ok && digits_seen && (!commas || group == 3);
	if (ok && *p == '.') {
		int k = 0;
		for (p++; *p >= '0' && *p <= '9' && k < 3; p++, k++)
			cents = cents * 10 + (*p - '0');
		ok = k == 1 || k == 2;
		cents *= k == 1 ? 10 : 1;
	}
	if (!ok || *p || whole > max_fen / 100 || whole * 100 + cents > max_fen) {
		char hi[40];
		snprintf(hi, sizeof hi, "%lld.%02lld", max_fen / 100, max_fen % 100);
		return fh_error_set(err, FH_EINVAL, field, _("'%s' is not an amount in yuan from 0 to %s (1234.56)"),
				    text ? text : "", hi);
	}
	*fen = whole * 100 + cents;
	return FH_OK;
}

fh_status fh_text_field_take(char *dst, size_t size, size_t max_chars, const char *text, bool multiline, bool is_name,
			     const char *field, fh_error *err)
{
	const char *why = fh_text_field_problem(text, multiline, is_name);
	if (why)
		return fh_error_set(err, FH_EINVAL, field, "%s", _(why));
	size_t len = strlen(text);
	if (len > max_chars * 4 + 64) /* more bytes than any allowed text: not read further */
		return fh_error_set(err, FH_EINVAL, field, _("is too long (at most %zu characters)"), max_chars);
	char tmp[len + 1];
	fh_text_trim(tmp, sizeof tmp, text);
	size_t chars = fh_utf8_chars(tmp);
	if (chars > max_chars || strlen(tmp) >= size)
		return fh_error_set(err, FH_EINVAL, field, _("is too long: %zu characters, at most %zu"), chars,
				    max_chars);
	memmove(dst, tmp, strlen(tmp) + 1);
	return FH_OK;
}
