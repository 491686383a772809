/* fuhua core — working days from a hub's calendar. */
#include <stdlib.h>

#include "fuhua/calendar.h"
#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/clock.h"
#include "i18n.h"
#include "calendar_int.h"
#include "store_int.h"

#define CST (8 * 3600)

int fh_weekday(int64_t t)
{
	int64_t day = (t + CST) / 86400; /* 1970-01-01 was a Thursday */
	return (int)(((day + 3) % 7 + 7) % 7);
}

static int cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static bool listed(const int64_t *days, size_t n, int64_t day)
{
	return n && bsearch(&day, days, n, sizeof *days, cmp_day);
}

bool fh_calendar_off(const fh_calendar *cal, int64_t t)
{
	return cal && listed(cal->off, cal->noff, fh_clock_day(t));
}

bool fh_calendar_working(const fh_calendar *cal, int64_t t)
{
	int64_t day = fh_clock_day(t);
	if (cal && listed(cal->off, cal->noff, day))
		return false;
	if (fh_weekday(day) < 5)
		return true;
	return cal && listed(cal->worked, cal->nworked, day);
}

int64_t fh_calendar_add(const fh_calendar *cal, int64_t t, int days)
{
	int64_t day = fh_clock_day(t);
	while (days > 0) {
		day += 86400; /* China time has no daylight saving */
		if (fh_calendar_working(cal, day))
			days--;
	}
	return day;
}

void fh_calendar_free(fh_calendar *cal)
{
	free(cal->off);
	free(cal->worked);
	*cal = (fh_calendar){ 0 };
}

fh_status fh_calendar_load(fh_store *s, int64_t hub, fh_calendar *out, fh_error *err)
{
	*out = (fh_calendar){ 0 };
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT day, off FROM hub_days WHERE hub_id = ?1 ORDER BY day", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		bool off = fh_column_int(q, 1);
		int64_t **list = off ? &out->off : &out->worked;
		size_t *n = off ? &out->noff : &out->nworked;
		int64_t *grown = realloc(*list, (*n + 1) * sizeof **list);
		if (!grown) {
			fh_reset(q);
			fh_calendar_free(out);
			return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		}
		*list = grown;
		(*list)[(*n)++] = fh_column_int64(q, 0);
	}
	fh_reset(q);
	if (rc != FH_DONE) {
		fh_calendar_free(out);
		return fh_store_fail(s, err, _("reading the calendar"));
	}
	return FH_OK;
}

/* The module's own schema (modules.h): what it adds to the database after
 * the store's migration 12, one step at the end for each change, each run
 * once. */
const char *const fh_calendar_schema[] = { NULL };

fh_status fh_calendar_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "DELETE FROM hub_days WHERE hub_id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	st = fh_store_done(s, q, _("saving hub rules"), err);
	for (int off = 0; off < 2; off++) {
		const int64_t *days = off ? r->calendar.off : r->calendar.worked;
		size_t n = off ? r->calendar.noff : r->calendar.nworked;
		for (size_t i = 0; st == FH_OK && i < n; i++) {
			if ((st = fh_store_stmt(s,
						"INSERT OR REPLACE INTO hub_days(hub_id, day, off) VALUES(?1, ?2, ?3)",
						&q, err)) != FH_OK)
				return st;
			fh_bind_int64(q, 1, hub);
			fh_bind_int64(q, 2, days[i]);
			fh_bind_int(q, 3, off);
			st = fh_store_done(s, q, _("saving hub rules"), err);
		}
	}
	return st;
}

void fh_calendar_describe_rules(fh_buf *b, const fh_rules *r)
{
	for (size_t i = 0; i < r->calendar.noff; i++)
		fh_buf_printf(b, "|o:%lld", (long long)r->calendar.off[i]);
	for (size_t i = 0; i < r->calendar.nworked; i++)
		fh_buf_printf(b, "|w:%lld", (long long)r->calendar.worked[i]);
}
