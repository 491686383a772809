/* fuhua core — spaces and their allocation: a space's seats are never
 * exceeded on any day, checked and written inside one BEGIN IMMEDIATE
 * transaction; release with a handover deadline in working days. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/calendar.h"
#include "fuhua/config.h"
#include "fuhua/clock.h"
#include "fuhua/space.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "space_int.h"
#include "store_int.h"
#include "tenant_int.h"

#define DAY 86400

bool fh_space_type_allocated(fh_space_type t)
{
	return t == FH_SPACE_OFFICE || t == FH_SPACE_DESK || t == FH_SPACE_SHOWCASE;
}

bool fh_space_type_whole(fh_space_type t)
{
	return t != FH_SPACE_DESK;
}

int64_t fh_space_today(void)
{
	return fh_clock_day(fh_clock_now());
}

const char *fh_space_date(int64_t day, char buf[16])
{
	return fh_clock_format_date(day, buf, 16);
}

/* ---- spaces ---------------------------------------------------------------- */

#define SPACE_COLS                                                                              \
	"s.id, s.hub_id, h.code, s.code, s.name, s.type, s.floor, s.area, s.seats, s.approval," \
	" (SELECT coalesce(sum(a.seats), 0) FROM allocations a WHERE a.space_id = s.id"         \
	"   AND a.end_on >= ?2 AND a.start_on <= ?2),"                                          \
	" (SELECT count(*) FROM allocations a WHERE a.space_id = s.id"                          \
	"   AND a.end_on >= ?2 AND a.start_on <= ?2),"                                          \
	" (SELECT t.name FROM allocations a JOIN tenants t ON t.id = a.tenant_id"               \
	"   WHERE a.space_id = s.id AND a.end_on >= ?2 AND a.start_on <= ?2"                    \
	"   ORDER BY a.start_on, a.id LIMIT 1)"

static void space_read(fh_stmt *q, void *row)
{
	fh_space *o = row;
	memset(o, 0, sizeof *o);
	o->id = fh_column_int64(q, 0);
	o->hub_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, o->hub_code, sizeof o->hub_code);
	fh_column_text(q, 3, o->code, sizeof o->code);
	fh_column_text(q, 4, o->name, sizeof o->name);
	fh_space_type_parse(fh_column_str(q, 5), &o->type);
	o->floor = fh_column_int(q, 6);
	o->area = fh_column_double(q, 7);
	o->seats = fh_column_int(q, 8);
	o->approval = fh_column_int(q, 9);
	o->seats_used = fh_column_int(q, 10);
	o->holders = fh_column_int(q, 11);
	fh_column_text(q, 12, o->holder, sizeof o->holder);
}

fh_status fh_space_hub(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t *hub, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	if (!hub_code || !hub_code[0]) {
		*hub = 0;
		return FH_OK;
	}
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s, FH_SQL_SCOPE "SELECT h.id FROM hubs h WHERE h.code = ?2 AND h.id IN (SELECT id FROM scope)", &q,
		err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_str(q, 2, hub_code);
	int rc = fh_step(q);
	*hub = rc == FH_ROW ? fh_column_int64(q, 0) : 0;
	fh_reset(q);
	if (rc == FH_ROW)
		return FH_OK;
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub '%s' in your scope"), hub_code);
	return fh_store_fail(s, err, _("reading hubs"));
}

fh_status fh_space_list(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t day, fh_space **rows,
			size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE "SELECT " SPACE_COLS
					     " FROM spaces s JOIN hubs h ON h.id = s.hub_id WHERE s.retired = 0"
					     " AND s.hub_id IN (SELECT id FROM scope) AND (?3 = 0 OR s.hub_id = ?3)"
					     " ORDER BY h.code, s.floor, s.code",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 2, day ? fh_clock_day(day) : fh_space_today());
	fh_bind_int64(q, 3, hub);
	return fh_store_rows(s, q, rows, n, sizeof **rows, space_read, _("reading spaces"), err);
}

fh_status fh_space_find(fh_store *s, const fh_actor *actor, const char *ref, int64_t day, fh_space *out, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	char hub[40] = "", code[40] = "";
	const char *slash = strchr(ref, '/');
	if (slash)
		snprintf(hub, sizeof hub, "%.*s", (int)(slash - ref < 39 ? slash - ref : 39), ref);
	snprintf(code, sizeof code, "%s", slash ? slash + 1 : ref);
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     FH_SQL_SCOPE "SELECT " SPACE_COLS
						  " FROM spaces s JOIN hubs h ON h.id = s.hub_id WHERE s.retired = 0"
						  " AND s.hub_id IN (SELECT id FROM scope)"
						  " AND s.code = ?3 AND (?4 = '' OR h.code = ?4) LIMIT 2",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 2, day ? fh_clock_day(day) : fh_space_today());
	fh_bind_str(q, 3, code);
	fh_bind_str(q, 4, hub);
	int found = 0, rc;
	while ((rc = fh_step(q)) == FH_ROW)
		if (found++ == 0)
			space_read(q, out);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("reading spaces"));
	if (found == 0)
		return fh_error_set(err, FH_ENOTFOUND, "space", _("no space '%s' in your scope"), ref);
	if (found > 1)
		return fh_error_set(err, FH_EINVAL, "space", _("more than one hub has a space '%s': write HUB/CODE"),
				    ref);
	return FH_OK;
}

/* ---- the rule: seats on every day ------------------------------------------ */

static void hold_read(fh_stmt *q, void *row)
{
	struct fh_hold *h = row;
	h->id = fh_column_int64(q, 0);
	h->start_on = fh_column_int64(q, 1);
	h->end_on = fh_column_int64(q, 2);
	h->seats = fh_column_int(q, 3);
	fh_column_text(q, 4, h->tenant, sizeof h->tenant);
}

fh_status fh_space_holds(fh_store *s, int64_t space, int64_t from, int64_t to, struct fh_hold **rows, size_t *n,
			 fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT a.id, a.start_on, a.end_on, max(a.seats, 1), t.name FROM allocations a"
				     " JOIN tenants t ON t.id = a.tenant_id WHERE a.space_id = ?1 AND a.end_on >= ?2"
				     " AND a.start_on <= ?3 AND a.end_on >= a.start_on ORDER BY a.start_on, a.id",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, space);
	fh_bind_int64(q, 2, from);
	fh_bind_int64(q, 3, to);
	return fh_store_rows(s, q, rows, n, sizeof **rows, hold_read, _("reading allocations"), err);
}

bool fh_space_occupies(int64_t start, int64_t end, int64_t day, bool pm)
{
	if (day < start || day > end)
		return false;
	if (start == end)
		return true;
	return pm ? day < end : day > start;
}

int fh_space_use_on(const struct fh_hold *h, size_t n, int64_t day, int half, char *who, size_t size)
{
	int used = 0;
	size_t w = 0;
	if (who && size)
		who[0] = 0;
	for (size_t i = 0; i < n; i++) {
		bool in = half < 0 ? h[i].start_on <= day && day <= h[i].end_on
				   : fh_space_occupies(h[i].start_on, h[i].end_on, day, half);
		if (!in)
			continue;
		used += h[i].seats;
		if (who && w + 1 < size)
			w += (size_t)snprintf(who + w, size - w, "%s%s %d", w ? _(", ") : "", h[i].tenant, h[i].seats);
	}
	if (who && w >= size && size > 4)
		memcpy(who + size - 4, "...", 4);
	return used;
}

fh_status fh_allocation_check(fh_store *s, int64_t space_id, int64_t from, int64_t to, int seats, fh_error *err)
{
	fh_space sp;
	fh_status st = fh_space_read_one(s, space_id, &sp, err);
	if (st != FH_OK)
		return st;
	struct fh_hold *h;
	size_t n;
	if ((st = fh_space_holds(s, space_id, from, to, &h, &n, err)) != FH_OK)
		return st;
	bool whole = fh_space_type_whole(sp.type);
	int cap = whole ? 1 : sp.seats, need = whole ? 1 : seats, used = 0, half = 0;
	int64_t day = 0;
	/* the use changes only next to the ends of the range and of a holder */
	for (size_t i = 0; st == FH_OK && i <= n; i++) {
		int64_t days[4] = { from, to, from, to };
		if (i < n) {
			days[0] = h[i].start_on, days[1] = h[i].start_on + DAY;
			days[2] = h[i].end_on - DAY, days[3] = h[i].end_on;
		}
		for (int k = 0; k < 8; k++) {
			int64_t d = days[k / 2];
			int u, hf = k % 2;
			if (d < from || d > to || !fh_space_occupies(from, to, d, hf))
				continue;
			u = fh_space_use_on(h, n, d, hf, NULL, 0);
			if ((whole ? u > 0 : u) + need > cap && (!day || d < day || (d == day && hf < half))) {
				day = d; /* the first day it would overflow */
				half = hf;
				used = u;
			}
		}
	}
	if (day) {
		char d[16], e[16], who[200];
		fh_space_use_on(h, n, day, half, who, sizeof who);
		if (whole) {
			size_t k = 0;
			while (k < n && !fh_space_occupies(h[k].start_on, h[k].end_on, day, half))
				k++;
			char what[400];
			snprintf(what, sizeof what, _("%s (%s) is held by %s from %s to %s"), sp.code, sp.name,
				 h[k].tenant, fh_space_date(h[k].start_on, d), fh_space_date(h[k].end_on, e));
			st = fh_error_set(err, FH_ECONFLICT, "space", "%s", what);
		} else {
			char what[600];
			snprintf(what, sizeof what,
				 _("%s (%s) has %d seats and %d are taken on %s (%s): %d more do not fit"), sp.code,
				 sp.name, sp.seats, used, fh_space_date(day, d), who, seats);
			st = fh_error_set(err, FH_ECONFLICT, "space", "%s", what);
		}
	}
	free(h);
	return st;
}

fh_status fh_space_read_one(fh_store *s, int64_t id, fh_space *out, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s, "SELECT " SPACE_COLS " FROM spaces s JOIN hubs h ON h.id = s.hub_id WHERE s.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int64(q, 2, fh_space_today());
	int rc = fh_step(q);
	if (rc == FH_ROW)
		space_read(q, out);
	fh_reset(q);
	if (rc == FH_ROW)
		return FH_OK;
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "space", _("no space no. %lld"), (long long)id);
	return fh_store_fail(s, err, _("reading spaces"));
}

/* ---- allocations ------------------------------------------------------------ */

static void rules_read(fh_stmt *q, void *out)
{
	fh_space_rules *r = out;
	r->free_period_months = fh_column_int(q, 0);
	r->handover_working_days = fh_column_int(q, 1);
	r->fee_per_m2_month = fh_column_double(q, 2);
	r->fee_per_seat_month = fh_column_double(q, 3);
	r->opens = fh_column_int(q, 4);
	r->closes = fh_column_int(q, 5);
	r->max_hours_per_week = fh_column_int(q, 6);
}

fh_status fh_space_hub_rules(fh_store *s, int64_t hub, fh_space_rules *r, fh_error *err)
{
	return fh_store_hub_row(
		s,
		"SELECT free_period_months, handover_working_days, fee_per_m2_month, fee_per_seat_month, opens,"
		" closes, max_hours_per_week FROM hubs WHERE id = ?1",
		hub, rules_read, r, err);
}

/* The handover deadline of a space released on `on`. */
static fh_status handover_due(fh_store *s, int64_t hub, int64_t on, int64_t *due, fh_error *err)
{
	fh_space_rules r;
	fh_calendar cal;
	fh_status st = fh_space_hub_rules(s, hub, &r, err);
	if (st == FH_OK && (st = fh_calendar_load(s, hub, &cal, err)) == FH_OK) {
		*due = fh_calendar_add(&cal, on, r.handover_working_days);
		fh_calendar_free(&cal);
	}
	return st;
}

fh_status fh_space_handovers_late(fh_store *s, int64_t tenant, int64_t t, int *n, fh_error *err)
{
	return fh_store_count(s,
			      "SELECT count(*) FROM allocations WHERE tenant_id = ?1 AND handover_due < ?2"
			      " AND handed_on IS NULL AND end_on < ?2 AND end_on >= start_on",
			      tenant, fh_clock_day(t), n, _("reading allocations"), err);
}

fh_status fh_space_held(fh_store *s, int64_t tenant, int64_t t, int *allocations, int *seats, fh_error *err)
{
	fh_stmt *q;
	*allocations = *seats = 0;
	fh_status st = fh_store_stmt(s,
				     "SELECT count(*), coalesce(sum(seats) FILTER (WHERE start_on <= ?2), 0)"
				     " FROM allocations WHERE tenant_id = ?1 AND end_on >= ?2 AND end_on >= start_on",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	fh_bind_int64(q, 2, fh_clock_day(t));
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		*allocations = fh_column_int(q, 0);
		*seats = fh_column_int(q, 1);
	}
	fh_reset(q);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("reading allocations"));
}

fh_status fh_space_handover_due(fh_store *s, int64_t hub, int64_t t, int64_t *due, fh_error *err)
{
	*due = 0;
	return handover_due(s, hub, fh_clock_day(t), due, err);
}

static void alloc_json(fh_buf *b, const fh_space *sp, const char *tenant, int seats, int64_t from, int64_t to)
{
	char d[16], e[16];
	fh_buf_puts(b, "{\"space\":");
	fh_buf_json_string(b, sp->code);
	fh_buf_puts(b, ",\"tenant\":");
	fh_buf_json_string(b, tenant);
	fh_buf_printf(b, ",\"seats\":%d,\"from\":\"%s\",\"to\":\"%s\",\"summary\":", seats, fh_space_date(from, d),
		      fh_space_date(to, e));
	char summary[300];
	snprintf(summary, sizeof summary, "%s %s", sp->code, tenant);
	fh_buf_json_string(b, summary);
	fh_buf_puts(b, "}");
}

static fh_status alloc_insert(fh_store *s, const fh_actor *actor, const fh_space *sp, const fh_tenant *t, int seats,
			      int64_t from, int64_t to, int64_t *id, fh_error *err)
{
	fh_space_rules r;
	fh_status st = fh_space_hub_rules(s, sp->hub_id, &r, err);
	int64_t due = 0;
	if (st == FH_OK)
		st = handover_due(s, sp->hub_id, to, &due, err);
	if (st != FH_OK)
		return st;
	/* free for the first free_period_months of the tenant's incubation */
	int64_t base = t->admitted_on ? fh_clock_day(t->admitted_on) : from;
	int64_t free_until = r.free_period_months ? fh_clock_add_months(base, r.free_period_months) - DAY : 0;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO allocations(space_id, tenant_id, seats, start_on, end_on, free_until,"
				" handover_due, updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, sp->id);
	fh_bind_int64(q, 2, t->id);
	fh_bind_int(q, 3, seats);
	fh_bind_int64(q, 4, from);
	fh_bind_int64(q, 5, to);
	if (free_until)
		fh_bind_int64(q, 6, free_until);
	fh_bind_int64(q, 7, due);
	fh_bind_int64(q, 8, fh_clock_now());
	fh_bind_str(q, 9, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the allocation"));
	*id = fh_store_last_id(s);
	/* the tenant's place on the waiting list for this kind of space is taken */
	if ((st = fh_store_stmt(s,
				"UPDATE waitlist SET state = 'placed', version = version + 1,"
				" updated_at = ?3, updated_by = ?4"
				" WHERE tenant_id = ?1 AND type = ?2 AND state = 'waiting'",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, t->id);
	fh_bind_static(q, 2, fh_space_type_name(sp->type), -1);
	fh_bind_int64(q, 3, fh_clock_now());
	fh_bind_str(q, 4, actor->name);
	rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the allocation"));
	fh_buf nb = FH_BUF_INIT;
	alloc_json(&nb, sp, t->name, seats, from, to);
	st = fh_audit_write(s, actor, sp->hub_id, "allocation", *id, "create", NULL, fh_buf_str(&nb), err);
	fh_buf_free(&nb);
	return st;
}

/* What an allocation needs, read under the write lock: the tenant (in
 * incubation), the space, the dates and the seats, each checked with the
 * field it came from. */
static fh_status alloc_prepare(fh_store *s, const fh_actor *actor, const fh_allocation_req *req, fh_tenant *t,
			       fh_space *sp, int *seats, int64_t *from, int64_t *to, fh_error *err)
{
	fh_status st = fh_tenant_get_by_id(s, actor, req->tenant_id, t, err);
	if (st != FH_OK)
		return st;
	if ((st = fh_space_read_one(s, req->space_id, sp, err)) != FH_OK ||
	    (st = fh_actor_scope(s, actor, sp->hub_id, err)) != FH_OK)
		return st;
	if (!fh_space_type_allocated(sp->type))
		return fh_error_set(err, FH_EINVAL, "space", _("%s (%s) is a room booked by the hour, not allocated"),
				    sp->code, sp->name);
	if (t->stage != FH_STAGE_INCUBATING)
		return fh_error_set(err, FH_EINVAL, "tenant",
				    _("%s is not in incubation: only tenants in incubation get spaces"), t->name);
	if (t->hub_id != sp->hub_id)
		return fh_error_set(err, FH_EINVAL, "space", _("%s belongs to hub %s; %s is a tenant of %s"), sp->code,
				    sp->hub_code, t->name, t->hub_code);
	*from = req->from ? fh_clock_day(req->from) : fh_space_today();
	*to = req->to ? fh_clock_day(req->to) : t->planned_end ? fh_clock_day(t->planned_end) : 0;
	if (!*to)
		return fh_error_set(err, FH_EINVAL, "to", "%s", _("the tenant has no planned end: give the last day"));
	if (*to < *from) {
		char d[16], e[16];
		return fh_error_set(err, FH_EINVAL, "to", _("the last day (%s) is before the first (%s)"),
				    fh_space_date(*to, d), fh_space_date(*from, e));
	}
	if (fh_space_type_whole(sp->type)) {
		*seats = sp->seats;
	} else if (req->seats < 1 || req->seats > sp->seats) {
		return fh_error_set(err, FH_EINVAL, "seats", _("%s has %d seats: ask for 1 to %d"), sp->code, sp->seats,
				    sp->seats);
	} else {
		*seats = req->seats;
	}
	return FH_OK;
}

fh_status fh_allocation_add(fh_store *s, const fh_actor *actor, const fh_allocation_req *req, int64_t *id,
			    fh_error *err)
{
	fh_tenant t;
	fh_space sp;
	int seats = 0;
	int64_t from = 0, to = 0;
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	/* everything under the write lock: what another terminal wrote a
	 * moment ago (a graduation, the last seat taken) counts */
	st = alloc_prepare(s, actor, req, &t, &sp, &seats, &from, &to, err);
	if (st == FH_OK)
		st = fh_allocation_check(s, sp.id, from, to, seats, err);
	if (st == FH_OK)
		st = alloc_insert(s, actor, &sp, &t, seats, from, to, id, err);
	return fh_tx_end(s, st, err);
}

/* ---- reading allocations ---------------------------------------------------- */

#define ALLOC_SELECT                                                                            \
	FH_SQL_SCOPE                                                                            \
	"SELECT a.id, a.version, a.space_id, a.tenant_id, s.hub_id, s.code, s.name, h.code,"    \
	" s.type, s.area, s.seats, t.name, a.seats, a.start_on, a.end_on,"                      \
	" coalesce(a.free_until, 0), coalesce(a.released_on, 0), coalesce(a.handover_due, 0),"  \
	" coalesce(a.handed_on, 0)"                                                             \
	" FROM allocations a JOIN spaces s ON s.id = a.space_id JOIN hubs h ON h.id = s.hub_id" \
	" JOIN tenants t ON t.id = a.tenant_id"                                                 \
	" WHERE s.hub_id IN (SELECT id FROM scope) AND (?3 = 0 OR a.space_id = ?3)"             \
	" AND (?4 = 0 OR a.tenant_id = ?4) AND (?6 = 0 OR a.id = ?6) AND (?7 = 0 OR s.hub_id = ?1) AND "

static const char *const alloc_sql[] = {
	[FH_ALLOC_CURRENT] =
		ALLOC_SELECT "a.end_on >= ?2 AND a.end_on >= a.start_on ORDER BY h.code, s.code, a.start_on, a.id",
	[FH_ALLOC_ALL] = ALLOC_SELECT "1 ORDER BY a.start_on DESC, a.id DESC",
	[FH_ALLOC_ENDING] = ALLOC_SELECT "a.end_on BETWEEN ?2 AND ?2 + ?5 * 86400 AND a.released_on IS NULL"
					 " AND a.end_on >= a.start_on ORDER BY a.end_on, a.id",
	[FH_ALLOC_HANDOVER] = ALLOC_SELECT "a.handover_due < ?2 AND a.handed_on IS NULL AND a.end_on >= a.start_on"
					   " AND a.end_on < ?2 ORDER BY a.handover_due, a.id",
};

static void alloc_read(fh_stmt *q, void *row)
{
	fh_allocation *a = row;
	memset(a, 0, sizeof *a);
	a->id = fh_column_int64(q, 0);
	a->version = fh_column_int64(q, 1);
	a->space_id = fh_column_int64(q, 2);
	a->tenant_id = fh_column_int64(q, 3);
	a->hub_id = fh_column_int64(q, 4);
	fh_column_text(q, 5, a->space_code, sizeof a->space_code);
	fh_column_text(q, 6, a->space_name, sizeof a->space_name);
	fh_column_text(q, 7, a->hub_code, sizeof a->hub_code);
	fh_space_type_parse(fh_column_str(q, 8), &a->type);
	a->area = fh_column_double(q, 9);
	a->space_seats = fh_column_int(q, 10);
	fh_column_text(q, 11, a->tenant, sizeof a->tenant);
	a->seats = fh_column_int(q, 12);
	a->start_on = fh_column_int64(q, 13);
	a->end_on = fh_column_int64(q, 14);
	a->free_until = fh_column_int64(q, 15);
	a->released_on = fh_column_int64(q, 16);
	a->handover_due = fh_column_int64(q, 17);
	a->handed_on = fh_column_int64(q, 18);
}

static fh_status alloc_query(fh_store *s, const fh_actor *actor, const fh_allocation_filter *f, int64_t id,
			     fh_allocation **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, f->hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s, alloc_sql[f->which], &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub ? hub : actor->hub_id);
	fh_bind_int64(q, 2, f->day ? fh_clock_day(f->day) : fh_space_today());
	fh_bind_int64(q, 3, f->space_id);
	fh_bind_int64(q, 4, f->tenant_id);
	fh_bind_int(q, 5, f->days);
	fh_bind_int64(q, 6, id);
	fh_bind_int(q, 7, f->own_hub && hub);
	return fh_store_rows(s, q, rows, n, sizeof **rows, alloc_read, _("reading allocations"), err);
}

fh_status fh_allocation_list(fh_store *s, const fh_actor *actor, const fh_allocation_filter *f, fh_allocation **rows,
			     size_t *n, fh_error *err)
{
	return alloc_query(s, actor, f, 0, rows, n, err);
}

fh_status fh_allocation_get(fh_store *s, const fh_actor *actor, int64_t id, fh_allocation *out, fh_error *err)
{
	fh_allocation_filter f = { .which = FH_ALLOC_ALL };
	fh_allocation *rows;
	size_t n;
	fh_status st = alloc_query(s, actor, &f, id, &rows, &n, err);
	if (st != FH_OK)
		return st;
	if (n)
		*out = rows[0];
	free(rows);
	return n ? FH_OK
		 : fh_error_set(err, FH_ENOTFOUND, "allocation", _("no allocation no. %lld in your scope"),
				(long long)id);
}

/* ---- release and handover ---------------------------------------------------- */

/* Ends allocation a on day `on`, in the caller's transaction. */
static fh_status end_one(fh_store *s, const fh_actor *actor, const fh_allocation *a, int64_t on, const char *action,
			 fh_error *err)
{
	bool cancel = on < a->start_on;
	int64_t due = 0;
	fh_status st = cancel ? FH_OK : handover_due(s, a->hub_id, on, &due, err);
	fh_stmt *q;
	if (st == FH_OK)
		st = fh_store_stmt(s,
				   "UPDATE allocations SET end_on = ?2, released_on = ?3,"
				   " handover_due = ?4, version = version + 1, updated_at = ?5,"
				   " updated_by = ?6 WHERE id = ?1",
				   &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, a->id);
	fh_bind_int64(q, 2, cancel ? a->start_on - DAY : on);
	fh_bind_int64(q, 3, on);
	if (!cancel)
		fh_bind_int64(q, 4, due);
	fh_bind_int64(q, 5, fh_clock_now());
	fh_bind_str(q, 6, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("releasing the allocation"));
	char d[16], e[16], was[16], summary[300], ob[48];
	snprintf(ob, sizeof ob, "{\"end\":\"%s\"}", fh_space_date(a->end_on, was));
	snprintf(summary, sizeof summary, "%s %s", a->space_code, a->tenant);
	if (cancel)
		return fh_audit_summary(s, actor, a->hub_id, "allocation", a->id, action, ob, summary, err,
					"\"cancelled\":true");
	return fh_audit_summary(s, actor, a->hub_id, "allocation", a->id, action, ob, summary, err,
				"\"end\":\"%s\",\"handover_due\":\"%s\"", fh_space_date(on, d), fh_space_date(due, e));
}

static fh_status release_locked(fh_store *s, const fh_actor *actor, int64_t id, int64_t on, fh_error *err)
{
	fh_allocation a;
	fh_status st = fh_allocation_get(s, actor, id, &a, err);
	if (st != FH_OK)
		return st;
	on = on ? fh_clock_day(on) : fh_space_today();
	char d[16], e[16];
	if (a.released_on || a.end_on < a.start_on)
		return fh_error_set(err, FH_ECONFLICT, "allocation",
				    _("allocation no. %lld was already released on %s"), (long long)id,
				    fh_space_date(a.released_on ? a.released_on : a.end_on, d));
	if (on > a.end_on)
		return fh_error_set(err, FH_EINVAL, "on",
				    _("allocation no. %lld ends on %s: release it on that day or before (not %s)"),
				    (long long)id, fh_space_date(a.end_on, d), fh_space_date(on, e));
	return end_one(s, actor, &a, on, "release", err);
}

fh_status fh_allocation_release(fh_store *s, const fh_actor *actor, int64_t id, int64_t on, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, release_locked(s, actor, id, on, err), err);
}

static fh_status handover_locked(fh_store *s, const fh_actor *actor, int64_t id, int64_t on, fh_error *err)
{
	fh_allocation a;
	fh_status st = fh_allocation_get(s, actor, id, &a, err);
	if (st != FH_OK)
		return st;
	on = on ? fh_clock_day(on) : fh_space_today();
	char d[16];
	if (a.end_on < a.start_on)
		return fh_error_set(err, FH_EINVAL, "allocation",
				    _("allocation no. %lld was cancelled: there is nothing to hand back"),
				    (long long)id);
	if (a.handed_on)
		return fh_error_set(err, FH_ECONFLICT, "allocation", _("allocation no. %lld was handed back on %s"),
				    (long long)id, fh_space_date(a.handed_on, d));
	if (on < a.end_on)
		return fh_error_set(err, FH_EINVAL, "on", _("allocation no. %lld runs to %s: release it first"),
				    (long long)id, fh_space_date(a.end_on, d));
	if ((st = fh_store_stamp(s,
				 "UPDATE allocations SET handed_on = ?2, version = version + 1,"
				 " updated_at = ?3, updated_by = ?4 WHERE id = ?1",
				 id, on, actor, _("saving the handover"), err)) != FH_OK)
		return st;
	char summary[300];
	snprintf(summary, sizeof summary, "%s %s", a.space_code, a.tenant);
	return fh_audit_summary(s, actor, a.hub_id, "allocation", id, "handover", NULL, summary, err,
				"\"handed_on\":\"%s\"", fh_space_date(on, d));
}

fh_status fh_allocation_handed_over(fh_store *s, const fh_actor *actor, int64_t id, int64_t on, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, handover_locked(s, actor, id, on, err), err);
}

fh_status fh_allocation_end_tenant(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t on, int *ended,
				   fh_error *err)
{
	*ended = 0;
	on = fh_clock_day(on);
	fh_allocation_filter f = { .which = FH_ALLOC_CURRENT, .tenant_id = tenant, .day = on + DAY };
	fh_allocation *rows;
	size_t n;
	fh_status st = alloc_query(s, actor, &f, 0, &rows, &n, err);
	for (size_t i = 0; st == FH_OK && i < n; i++)
		if (!rows[i].released_on && (st = end_one(s, actor, &rows[i], on, "release", err)) == FH_OK)
			(*ended)++;
	free(rows);
	fh_stmt *q;
	if (st == FH_OK &&
	    (st = fh_store_stmt(s,
				"UPDATE waitlist SET state = 'withdrawn', version = version + 1,"
				" updated_at = ?2, updated_by = ?3 WHERE tenant_id = ?1 AND state = 'waiting'",
				&q, err)) == FH_OK) {
		fh_bind_int64(q, 1, tenant);
		fh_bind_int64(q, 2, fh_clock_now());
		fh_bind_str(q, 3, actor->name);
		if (fh_step(q) != FH_DONE)
			st = fh_store_fail(s, err, _("releasing the allocation"));
		fh_reset(q);
	}
	return st;
}

/* The module table's hook: a tenant that graduates or leaves gives its
 * spaces back from that day, and leaves the waiting list. */
fh_status fh_space_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	if (!fh_tenant_leaves(c))
		return FH_OK;
	int ended = 0;
	fh_status st = fh_allocation_end_tenant(s, c->actor, c->next->id, c->on, &ended, err);
	if (c->audit)
		fh_buf_printf(c->audit, ",\"released\":%d", ended);
	return st;
}

/* ---- the hub's space rules -------------------------------------------------------- */

/* The module's own schema (modules.h): what it adds to the database after
 * the store's migration 12, one step at the end for each change, each run
 * once. */
const char *const fh_space_schema[] = { NULL };

fh_status fh_space_write_rules(fh_store *s, int64_t hub, const fh_rules *rules, fh_error *err)
{
	const fh_space_rules *r = &rules->space;
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		"UPDATE hubs SET free_period_months = ?2, fee_per_m2_month = ?3, fee_per_seat_month = ?4,"
		" handover_working_days = ?5, opens = ?6, closes = ?7, max_hours_per_week = ?8 WHERE id = ?1",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, r->free_period_months);
	fh_bind_double(q, 3, r->fee_per_m2_month);
	fh_bind_double(q, 4, r->fee_per_seat_month);
	fh_bind_int(q, 5, r->handover_working_days);
	fh_bind_int(q, 6, r->opens);
	fh_bind_int(q, 7, r->closes);
	fh_bind_int(q, 8, r->max_hours_per_week);
	return fh_store_done(s, q, _("saving hub rules"), err);
}

void fh_space_describe_rules(fh_buf *b, const fh_rules *rules)
{
	const fh_space_rules *r = &rules->space;
	fh_buf_printf(b, "|sp:%d:%g:%g:%d:%d:%d:%d", r->free_period_months, r->fee_per_m2_month, r->fee_per_seat_month,
		      r->handover_working_days, r->opens, r->closes, r->max_hours_per_week);
}
