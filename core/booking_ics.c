/* fuhua core — bookings as an iCalendar file (RFC 5545) for phones and
 * Outlook: CRLF line ends, content lines folded at 75 octets without
 * splitting a character, TEXT values escaped, times in UTC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuhua/booking.h"
#include "fuhua/clock.h"
#include "fuhua/text.h"

/* Appends one content line, folded: a line longer than 75 octets goes on
 * after CRLF and a space, cut only before a UTF-8 lead byte. */
static void line_out(fh_buf *out, const char *line)
{
	size_t len = strlen(line), col = 0;
	for (size_t i = 0; i < len;) {
		size_t n = 1;
		while (i + n < len && ((unsigned char)line[i + n] & 0xC0) == 0x80)
			n++;
		if (col + n > 75) {
			fh_buf_add(out, "\r\n ", 3);
			col = 1;
		}
		fh_buf_add(out, line + i, n);
		col += n;
		i += n;
	}
	fh_buf_add(out, "\r\n", 2);
}

/* NAME:VALUE with VALUE escaped as TEXT (\\ \; \, \n), what a terminal
 * would act on shown escaped first (fh_text_escape_to). */
static void text_prop(fh_buf *out, const char *name, const char *value)
{
	fh_buf b = FH_BUF_INIT, shown = FH_BUF_INIT;
	fh_text_escape_to(&shown, value, true);
	fh_buf_printf(&b, "%s:", name);
	for (const unsigned char *p = (const unsigned char *)fh_buf_str(&shown); *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',') {
			char e[3] = { '\\', (char)*p, 0 };
			fh_buf_puts(&b, e);
		} else if (*p == '\n') {
			fh_buf_puts(&b, "\\n");
		} else if (*p != '\r') {
			fh_buf_add(&b, (const char *)p, 1);
		}
	}
	line_out(out, fh_buf_str(&b));
	fh_buf_free(&b);
	fh_buf_free(&shown);
}

static void utc_prop(fh_buf *out, const char *name, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char v[64];
	snprintf(v, sizeof v, "%s:%04d%02d%02dT%02d%02d%02dZ", name, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		 tm.tm_hour, tm.tm_min, tm.tm_sec);
	line_out(out, v);
}

fh_status fh_booking_ics(fh_store *s, const fh_actor *actor, const fh_booking_filter *f, fh_buf *out, fh_error *err)
{
	fh_booking *rows;
	size_t n;
	fh_status st = fh_booking_list(s, actor, f, &rows, &n, err);
	if (st != FH_OK)
		return st;
	int64_t now = fh_clock_now();
	line_out(out, "BEGIN:VCALENDAR");
	line_out(out, "VERSION:2.0");
	line_out(out, "PRODID:-//fuhua//bookings//ZH");
	line_out(out, "CALSCALE:GREGORIAN");
	line_out(out, "METHOD:PUBLISH");
	for (size_t i = 0; i < n; i++) {
		const fh_booking *b = &rows[i];
		if (b->state != FH_BOOKING_PENDING && b->state != FH_BOOKING_CONFIRMED)
			continue;
		char uid[128], where[256];
		line_out(out, "BEGIN:VEVENT");
		snprintf(uid, sizeof uid, "UID:booking-%lld@%s.fuhua", (long long)b->id, b->hub_code);
		line_out(out, uid);
		utc_prop(out, "DTSTAMP", now);
		utc_prop(out, "DTSTART", b->starts);
		utc_prop(out, "DTEND", b->ends);
		text_prop(out, "SUMMARY", b->title);
		snprintf(where, sizeof where, "%s %s (%s)", b->space_code, b->space_name, b->hub_code);
		text_prop(out, "LOCATION", where);
		text_prop(out, "DESCRIPTION", b->who);
		line_out(out, b->state == FH_BOOKING_PENDING ? "STATUS:TENTATIVE" : "STATUS:CONFIRMED");
		line_out(out, "END:VEVENT");
	}
	line_out(out, "END:VCALENDAR");
	free(rows);
	return FH_OK;
}
