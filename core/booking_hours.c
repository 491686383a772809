/* fuhua core — the rooms' hours in a period, per hub: the confirmed
 * bookings that start in it beside the hours the rooms are open on the
 * days the hub's calendar keeps open (the monthly report's rooms). */
#include <stdlib.h>
#include <string.h>

#include "fuhua/booking.h"
#include "fuhua/buf.h"
#include "fuhua/calendar.h"
#include "i18n.h"
#include "space_int.h"
#include "store_int.h"

#define DAY 86400

/* Days of [from, to) the calendar keeps open. */
static int open_days(const fh_calendar *cal, int64_t from, int64_t to)
{
	int n = 0;
	for (int64_t d = from; d < to; d += DAY)
		n += !fh_calendar_off(cal, d);
	return n;
}

fh_status fh_booking_hours(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t from, int64_t to,
			   fh_room_hours **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	/* a room at a time, its bookings of the period through bookings_space
	 * (its partial index: the state's first term is the index's own) */
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT h.id, h.code, h.closes - h.opens, count(b.id),"
				" coalesce(sum(b.ends - b.starts), 0) FROM spaces s JOIN hubs h ON h.id = s.hub_id"
				" LEFT JOIN bookings b ON b.space_id = s.id AND b.state IN ('pending','confirmed')"
				" AND b.state = 'confirmed' AND b.starts >= ?2 AND b.starts < ?3"
				" WHERE" FH_SQL_ROOMS_OF_SCOPE " GROUP BY s.id ORDER BY h.code, s.code",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub ? hub : actor->hub_id);
	fh_bind_int64(q, 2, from);
	fh_bind_int64(q, 3, to);
	size_t cap = 0;
	int rc, days = 0;
	int64_t last = 0;
	while (st == FH_OK && (rc = fh_step(q)) == FH_ROW) {
		int64_t h = fh_column_int64(q, 0);
		if (h != last) { /* a hub's first room: its row, and its open days */
			fh_calendar cal = { 0 };
			if (!fh_grow(rows, &cap, *n, sizeof **rows)) {
				st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
				break;
			}
			if ((st = fh_calendar_load(s, h, &cal, err)) != FH_OK)
				break;
			days = open_days(&cal, from, to);
			fh_calendar_free(&cal);
			memset(&(*rows)[*n], 0, sizeof **rows);
			fh_column_text(q, 1, (*rows)[*n].hub_code, sizeof(*rows)[*n].hub_code);
			(*n)++;
			last = h;
		}
		fh_room_hours *r = &(*rows)[*n - 1];
		r->rooms++;
		r->open_h += days * fh_column_int(q, 2) / 60.0;
		r->bookings += fh_column_int(q, 3);
		r->booked_h += (double)fh_column_int64(q, 4) / 3600;
	}
	fh_reset(q);
	if (st == FH_OK && rc == FH_DONE)
		return FH_OK;
	free(*rows);
	*rows = NULL;
	*n = 0;
	return st != FH_OK ? st : fh_store_fail(s, err, _("reading bookings"));
}
