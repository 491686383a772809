/* fuhua core — what tenants owe for their spaces after the free period:
 * the hub's rate per m² (a whole space) or per seat (a desk area) and
 * month, pro rata by day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "i18n.h"
#include "space_int.h"
#include "store_int.h"

#define DAY 86400

int64_t fh_fee_fen(double rate, double units, int64_t start_on, int64_t end_on, int64_t free_until, int64_t month_start,
		   int *days_charged)
{
	int64_t month_end = fh_clock_add_months(month_start, 1) - DAY;
	int64_t in_month = (month_end - month_start) / DAY + 1;
	int64_t from = start_on > month_start ? start_on : month_start;
	if (free_until && free_until + DAY > from)
		from = free_until + DAY;
	int64_t to = end_on < month_end ? end_on : month_end;
	int64_t days = to >= from ? (to - from) / DAY + 1 : 0;
	*days_charged = (int)days;
	return (int64_t)(rate * units * 100.0 * (double)days / (double)in_month + 0.5); /* ≥ 0 */
}

/* "2026-11" → midnight of its first day; 0 if it is no month. */
static int64_t month_start_of(const char *month)
{
	int y, m;
	char end, ymd[32], day[11];
	if (!month || strlen(month) != 7 || sscanf(month, "%4d-%2d%c", &y, &m, &end) != 2 || m < 1 || m > 12 ||
	    y < 1900)
		return 0;
	snprintf(ymd, sizeof ymd, "%04d-%02d-01", y, m);
	return fh_date_parse(ymd, day) ? fh_date_epoch(day) : 0;
}

static fh_fee *fee_for(fh_fee **rows, size_t *n, size_t *cap, int64_t tenant)
{
	if (*n && (*rows)[*n - 1].tenant_id == tenant)
		return &(*rows)[*n - 1];
	if (!fh_grow(rows, cap, *n, sizeof **rows))
		return NULL;
	fh_fee *f = &(*rows)[(*n)++];
	memset(f, 0, sizeof *f);
	f->tenant_id = tenant;
	return f;
}

fh_status fh_space_fees(fh_store *s, const fh_actor *actor, const char *hub_code, const char *month, fh_fee **rows,
			size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t first = month_start_of(month);
	if (!first)
		return fh_error_set(err, FH_EINVAL, "month", _("'%s' is not a month (YYYY-MM)"), month ? month : "");
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT a.tenant_id, t.name, h.code, s.code, s.type, s.area, a.seats, a.start_on,"
				" a.end_on, coalesce(a.free_until, 0), h.fee_per_m2_month, h.fee_per_seat_month"
				" FROM allocations a JOIN spaces s ON s.id = a.space_id JOIN hubs h ON h.id = s.hub_id"
				" JOIN tenants t ON t.id = a.tenant_id WHERE s.hub_id IN (SELECT id FROM scope)"
				" AND a.end_on >= ?2 AND a.start_on <= ?3 AND a.end_on >= a.start_on"
				" ORDER BY t.name, a.tenant_id, s.code",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub ? hub : actor->hub_id);
	fh_bind_int64(q, 2, first);
	fh_bind_int64(q, 3, fh_clock_add_months(first, 1) - DAY);
	size_t cap = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_fee *f = fee_for(rows, n, &cap, fh_column_int64(q, 0));
		if (!f)
			break;
		fh_column_text(q, 1, f->tenant, sizeof f->tenant);
		fh_column_text(q, 2, f->hub_code, sizeof f->hub_code);
		fh_space_type type = FH_SPACE_OFFICE;
		fh_space_type_parse(fh_column_str(q, 4), &type);
		bool whole = fh_space_type_whole(type);
		int seats = fh_column_int(q, 6), days;
		double units = whole ? fh_column_double(q, 5) : seats;
		double rate = fh_column_double(q, whole ? 10 : 11);
		f->fen += fh_fee_fen(rate, units, fh_column_int64(q, 7), fh_column_int64(q, 8), fh_column_int64(q, 9),
				     first, &days);
		f->days += days;
		size_t used = strlen(f->spaces);
		const char *code = fh_column_str(q, 3);
		if (whole)
			snprintf(f->spaces + used, sizeof f->spaces - used, "%s%s", used ? ", " : "", code);
		else
			snprintf(f->spaces + used, sizeof f->spaces - used, "%s%s×%d", used ? ", " : "", code, seats);
	}
	fh_reset(q);
	if (rc == FH_DONE)
		return FH_OK;
	free(*rows);
	*rows = NULL;
	*n = 0;
	return rc == FH_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
			    : fh_store_fail(s, err, _("reading allocations"));
}
