/* fuhua core — bookings of rooms by the hour (booking.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/booking.h"
#include "fuhua/buf.h"
#include "fuhua/calendar.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "space_int.h"
#include "store_int.h"
#include "tenant_int.h"

#define DAY 86400
#define WEEK (7 * DAY)

static const char *const state_names[FH_BOOKING_STATE_COUNT] = {
	"pending",
	"confirmed",
	"cancelled",
	"skipped",
};

const char *fh_booking_state_name(fh_booking_state st)
{
	return (unsigned)st < FH_BOOKING_STATE_COUNT ? state_names[st] : "?";
}

int64_t fh_week_start(int64_t t)
{
	int64_t day = fh_clock_day(t);
	return day - (int64_t)fh_weekday(day) * DAY;
}

static const char *hhmm(int64_t t, char buf[8])
{
	char full[24];
	fh_clock_format(t, full, sizeof full);
	snprintf(buf, 8, "%.5s", full + 11);
	return buf;
}

#define BOOKING_COLS                                                                              \
	"b.id, b.version, b.space_id, coalesce(b.tenant_id, 0), s.hub_id, coalesce(b.series, 0)," \
	" s.code, s.name, h.code, coalesce(t.name, h.name), b.title, b.starts, b.ends, b.state,"  \
	" coalesce(b.why, '')"                                                                    \
	" FROM bookings b JOIN spaces s ON s.id = b.space_id JOIN hubs h ON h.id = s.hub_id"      \
	" LEFT JOIN tenants t ON t.id = b.tenant_id"

static void booking_read(fh_stmt *q, void *row)
{
	fh_booking *b = row;
	memset(b, 0, sizeof *b);
	b->id = fh_column_int64(q, 0);
	b->version = fh_column_int64(q, 1);
	b->space_id = fh_column_int64(q, 2);
	b->tenant_id = fh_column_int64(q, 3);
	b->hub_id = fh_column_int64(q, 4);
	b->series = fh_column_int64(q, 5);
	fh_column_text(q, 6, b->space_code, sizeof b->space_code);
	fh_column_text(q, 7, b->space_name, sizeof b->space_name);
	fh_column_text(q, 8, b->hub_code, sizeof b->hub_code);
	fh_column_text(q, 9, b->who, sizeof b->who);
	fh_column_text(q, 10, b->title, sizeof b->title);
	b->starts = fh_column_int64(q, 11);
	b->ends = fh_column_int64(q, 12);
	const char *st = fh_column_str(q, 13);
	for (int i = 0; st && i < FH_BOOKING_STATE_COUNT; i++)
		if (strcmp(st, state_names[i]) == 0)
			b->state = (fh_booking_state)i;
	fh_column_text(q, 14, b->why, sizeof b->why);
}

/* "B2 洽谈室 is booked 14:00–16:00 on 2026-11-25 by X (no. 12 “title”)". */
static void in_way_text(const fh_booking *b, char *out, size_t size)
{
	char d[16], a[8], z[8];
	snprintf(out, size,
		 b->state == FH_BOOKING_PENDING
			 ? _("%s %s is booked %s–%s on %s by %s (no. %lld “%s”, waiting for approval)")
			 : _("%s %s is booked %s–%s on %s by %s (no. %lld “%s”)"),
		 b->space_code, b->space_name, hhmm(b->starts, a), hhmm(b->ends, z),
		 fh_space_date(fh_clock_day(b->starts), d), b->who, (long long)b->id, b->title);
}

fh_status fh_booking_conflict(fh_store *s, int64_t space, int64_t starts, int64_t ends, int64_t except,
			      fh_booking *in_way, fh_error *err)
{
	fh_stmt *q;
	/* a booking lies within one day: one that overlaps starts after the
	 * day before, which keeps the index range short */
	fh_status st =
		fh_store_stmt(s,
			      "SELECT " BOOKING_COLS " WHERE b.space_id = ?1 AND b.state IN ('pending','confirmed')"
			      " AND b.starts > ?2 - 86400 AND b.starts < ?3 AND b.ends > ?2 AND b.id != ?4"
			      " ORDER BY b.starts LIMIT 1",
			      &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, space);
	fh_bind_int64(q, 2, starts);
	fh_bind_int64(q, 3, ends);
	fh_bind_int64(q, 4, except);
	fh_booking b;
	int rc = fh_step(q);
	if (rc == FH_ROW)
		booking_read(q, &b);
	fh_reset(q);
	if (rc == FH_DONE)
		return FH_OK;
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading bookings"));
	if (in_way)
		*in_way = b;
	char what[600];
	in_way_text(&b, what, sizeof what);
	return fh_error_set(err, FH_ECONFLICT, "time", "%s", what);
}

/* Minutes the tenant holds in the week of `t`, booking `except` aside, in
 * *minutes: FH_OK, or the database's error (the cap is then not checked:
 * the booking is refused). */
static fh_status week_minutes(fh_store *s, int64_t tenant, int64_t t, int64_t except, int *minutes, fh_error *err)
{
	fh_stmt *q;
	*minutes = 0;
	fh_status st = fh_store_stmt(s,
				     "SELECT coalesce(sum(ends - starts), 0) / 60 FROM bookings"
				     " WHERE tenant_id = ?1 AND state IN ('pending','confirmed')"
				     " AND starts >= ?2 AND starts < ?3 AND id != ?4",
				     &q, err);
	if (st != FH_OK)
		return st;
	int64_t w = fh_week_start(t);
	fh_bind_int64(q, 1, tenant);
	fh_bind_int64(q, 2, w);
	fh_bind_int64(q, 3, w + WEEK);
	fh_bind_int64(q, 4, except);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		*minutes = fh_column_int(q, 0);
	fh_reset(q);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("reading bookings"));
}

struct ctx {
	fh_space sp;
	fh_space_rules rules;
	fh_calendar cal;
	char who[FH_TENANT_NAME_MAX * 4 + 1];
};

/* Everything about a date that can be in its way: a day off, the cap, a
 * booking. FH_OK or the reason in err; *blocker the booking in the way. */
static fh_status date_free(fh_store *s, const struct ctx *c, int64_t tenant, int64_t starts, int64_t ends,
			   int64_t except, int64_t *blocker, fh_error *err)
{
	char d[16];
	*blocker = 0;
	if (fh_calendar_off(&c->cal, starts))
		return fh_error_set(err, FH_ECONFLICT, "date", _("the hub is closed on %s (a day off)"),
				    fh_space_date(fh_clock_day(starts), d));
	if (tenant && c->rules.max_hours_per_week) {
		int held, asked = (int)((ends - starts) / 60);
		fh_status st = week_minutes(s, tenant, starts, except, &held, err);
		if (st != FH_OK)
			return st;
		if (held + asked > c->rules.max_hours_per_week * 60)
			return fh_error_set(
				err, FH_ECONFLICT, "time",
				_("%s has booked %d:%02d hours in the week of %s; %d:%02d more would pass the cap of %d hours a week"),
				c->who, held / 60, held % 60, fh_space_date(fh_week_start(starts), d), asked / 60,
				asked % 60, c->rules.max_hours_per_week);
	}
	fh_booking b;
	fh_status st = fh_booking_conflict(s, c->sp.id, starts, ends, except, &b, err);
	if (st == FH_ECONFLICT)
		*blocker = b.id;
	return st;
}

/* The request's own checks: the room, who, the hours, the title. */
static fh_status prepare(fh_store *s, const fh_actor *actor, const fh_booking_req *r, struct ctx *c, char *title,
			 size_t tsize, fh_error *err)
{
	memset(c, 0, sizeof *c);
	fh_status st = fh_space_read_one(s, r->space_id, &c->sp, err);
	if (st == FH_OK)
		st = fh_actor_scope(s, actor, c->sp.hub_id, err);
	if (st != FH_OK)
		return st;
	if (fh_space_type_allocated(c->sp.type))
		return fh_error_set(err, FH_EINVAL, "space",
				    _("%s (%s) is allocated, not booked by the hour: book a meeting or activity room"),
				    c->sp.code, c->sp.name);
	if (r->tenant_id) {
		fh_tenant t;
		if ((st = fh_tenant_get_by_id(s, actor, r->tenant_id, &t, err)) != FH_OK)
			return st;
		if (t.stage == FH_STAGE_EXITED)
			return fh_error_set(err, FH_EINVAL, "tenant", _("%s has left the hub"), t.name);
		snprintf(c->who, sizeof c->who, "%s", t.name);
	} else {
		snprintf(c->who, sizeof c->who, "%s", c->sp.hub_code);
	}
	if ((st = fh_text_field_take(title, tsize, FH_BOOKING_TITLE_MAX, r->title ? r->title : "", false, false,
				     "title", err)) != FH_OK)
		return st;
	if (!title[0])
		return fh_error_set(err, FH_EINVAL, "title", "%s", _("say what the room is booked for"));
	if ((st = fh_space_hub_rules(s, c->sp.hub_id, &c->rules, err)) != FH_OK)
		return st;
	int64_t day = fh_clock_day(r->starts);
	int from = (int)((r->starts - day) / 60), to = (int)((r->ends - day) / 60);
	char o[16], z[16];
	snprintf(o, sizeof o, "%02d:%02d", c->rules.opens / 60, c->rules.opens % 60);
	snprintf(z, sizeof z, "%02d:%02d", c->rules.closes / 60, c->rules.closes % 60);
	if (r->ends <= r->starts)
		return fh_error_set(err, FH_EINVAL, "time", "%s", _("the booking ends before it starts"));
	if ((r->starts - day) % 900 || (r->ends - day) % 900)
		return fh_error_set(err, FH_EINVAL, "time", "%s", _("bookings start and end on the quarter hour"));
	if (from < c->rules.opens || to > c->rules.closes || r->ends - day > DAY)
		return fh_error_set(err, FH_EINVAL, "time", _("rooms are open %s–%s"), o, z);
	if (r->weeks < 1 || r->weeks > 52)
		return fh_error_set(err, FH_EINVAL, "weeks", "%s", _("repeat for 1 to 52 weeks"));
	if (r->starts < fh_clock_now() - 3600)
		return fh_error_set(err, FH_EINVAL, "date", "%s", _("the time has passed"));
	return fh_calendar_load(s, c->sp.hub_id, &c->cal, err);
}

/* An audit row for a booking: its state, and a summary ("B2 2026-11-25
 * 14:00 理事会") for the activity pane. */
static fh_status audit(fh_store *s, const fh_actor *actor, int64_t hub, int64_t id, const char *action,
		       const char *old_state, fh_booking_state to, const char *room, int64_t starts, const char *title,
		       fh_error *err)
{
	char d[24], summary[400], ob[48];
	snprintf(summary, sizeof summary, "%s %s %s", room, fh_clock_format(starts, d, sizeof d), title);
	if (old_state)
		snprintf(ob, sizeof ob, "{\"state\":\"%s\"}", old_state);
	return fh_audit_summary(s, actor, hub, "booking", id, action, old_state ? ob : NULL, summary, err,
				"\"state\":\"%s\"", state_names[to]);
}

static fh_status insert(fh_store *s, const fh_actor *actor, const fh_booking_req *r, const struct ctx *c,
			const char *title, int64_t starts, fh_booking_state state, int64_t series, int64_t blocker,
			const char *why, int64_t *id, fh_error *err)
{
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(s,
			      "INSERT INTO bookings(space_id, tenant_id, starts, ends, title, state, series, blocker,"
			      " why, updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
			      &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, c->sp.id);
	if (r->tenant_id)
		fh_bind_int64(q, 2, r->tenant_id);
	fh_bind_int64(q, 3, starts);
	fh_bind_int64(q, 4, starts + (r->ends - r->starts));
	fh_bind_str(q, 5, title);
	fh_bind_static(q, 6, state_names[state], -1);
	if (series)
		fh_bind_int64(q, 7, series);
	if (blocker)
		fh_bind_int64(q, 8, blocker);
	fh_bind_text(q, 9, why);
	fh_bind_int64(q, 10, fh_clock_now());
	fh_bind_str(q, 11, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the booking"));
	*id = fh_store_last_id(s);
	return audit(s, actor, c->sp.hub_id, *id, "create", NULL, state, c->sp.code, starts, title, err);
}

static fh_status book_dates(fh_store *s, const fh_actor *actor, const fh_booking_req *r, const struct ctx *c,
			    const char *title, fh_booking_result *res, fh_error *err)
{
	fh_booking_state ok_state = c->sp.approval ? FH_BOOKING_PENDING : FH_BOOKING_CONFIRMED;
	fh_status st = FH_OK;
	for (int w = 0; st == FH_OK && w < r->weeks; w++) {
		int64_t starts = r->starts + (int64_t)w * WEEK, blocker = 0, id = 0;
		fh_error why = { 0 };
		fh_status free_st =
			date_free(s, c, r->tenant_id, starts, starts + (r->ends - r->starts), 0, &blocker, &why);
		/* once: refused; weekly: the date is kept as skipped */
		if (free_st != FH_OK && (r->weeks == 1 || free_st != FH_ECONFLICT)) {
			if (err)
				*err = why;
			return free_st;
		}
		bool skip = free_st != FH_OK;
		st = insert(s, actor, r, c, title, starts, skip ? FH_BOOKING_SKIPPED : ok_state, res->series, blocker,
			    skip ? why.message : NULL, &id, err);
		if (st != FH_OK)
			break;
		if (w == 0) {
			res->first = id;
			if (r->weeks > 1)
				res->series = id;
		}
		if (skip)
			res->skipped++;
		else if (ok_state == FH_BOOKING_PENDING)
			res->pending++;
		else
			res->booked++;
	}
	if (st == FH_OK && res->series) {
		fh_stmt *q;
		if ((st = fh_store_stmt(s, "UPDATE bookings SET series = ?1 WHERE id = ?1", &q, err)) == FH_OK) {
			fh_bind_int64(q, 1, res->series);
			if (fh_step(q) != FH_DONE)
				st = fh_store_fail(s, err, _("saving the booking"));
			fh_reset(q);
		}
	}
	return st;
}

fh_status fh_booking_add(fh_store *s, const fh_actor *actor, const fh_booking_req *r, fh_booking_result *res,
			 fh_error *err)
{
	memset(res, 0, sizeof *res);
	struct ctx c;
	char title[FH_BOOKING_TITLE_MAX * 4 + 1];
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	/* the room, the tenant's stage, the rules and the calendar are read
	 * under the write lock, with what is in the way */
	st = prepare(s, actor, r, &c, title, sizeof title, err);
	if (st == FH_OK)
		st = book_dates(s, actor, r, &c, title, res, err);
	st = fh_tx_end(s, st, err);
	fh_calendar_free(&c.cal);
	if (st != FH_OK)
		memset(res, 0, sizeof *res);
	return st;
}

/* ---- one booking's state --------------------------------------------------- */

static fh_status set_state(fh_store *s, const fh_actor *actor, const fh_booking *b, fh_booking_state to,
			   const char *action, fh_error *err)
{
	fh_status st = fh_store_check_version(s, "bookings", b->id, b->version, err);
	fh_stmt *q;
	if (st == FH_OK)
		st = fh_store_stmt(s,
				   "UPDATE bookings SET state = ?2, blocker = NULL, why = NULL,"
				   " version = version + 1, updated_at = ?3, updated_by = ?4 WHERE id = ?1",
				   &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, b->id);
	fh_bind_static(q, 2, state_names[to], -1);
	fh_bind_int64(q, 3, fh_clock_now());
	fh_bind_str(q, 4, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the booking"));
	return audit(s, actor, b->hub_id, b->id, action, state_names[b->state], to, b->space_code, b->starts, b->title,
		     err);
}

static fh_status cancel_locked(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_booking b;
	fh_status st = fh_booking_get(s, actor, id, &b, err);
	if (st != FH_OK)
		return st;
	if (b.state == FH_BOOKING_CANCELLED)
		return fh_error_set(err, FH_ECONFLICT, "booking", _("booking no. %lld is already cancelled"),
				    (long long)id);
	return set_state(s, actor, &b, FH_BOOKING_CANCELLED, "cancel", err);
}

fh_status fh_booking_cancel(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, cancel_locked(s, actor, id, err), err);
}

static fh_status approve_locked(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_booking b;
	fh_status st = fh_booking_get(s, actor, id, &b, err);
	if (st != FH_OK)
		return st;
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("approving a booking needs a manager"));
	if (b.state != FH_BOOKING_PENDING)
		return fh_error_set(err, FH_ECONFLICT, "booking", _("booking no. %lld is not waiting for approval"),
				    (long long)id);
	return set_state(s, actor, &b, FH_BOOKING_CONFIRMED, "approve", err);
}

fh_status fh_booking_approve(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, approve_locked(s, actor, id, err), err);
}

static fh_status retry_locked(fh_store *s, const fh_actor *actor, int64_t id, struct ctx *c, fh_error *err)
{
	fh_booking b;
	fh_status st = fh_booking_get(s, actor, id, &b, err);
	if (st != FH_OK)
		return st;
	if (b.state != FH_BOOKING_SKIPPED)
		return fh_error_set(err, FH_ECONFLICT, "booking",
				    _("booking no. %lld was not skipped: only a skipped date can be tried again"),
				    (long long)id);
	fh_booking_req r = { .space_id = b.space_id,
			     .tenant_id = b.tenant_id,
			     .starts = b.starts,
			     .ends = b.ends,
			     .title = b.title,
			     .weeks = 1 };
	char title[FH_BOOKING_TITLE_MAX * 4 + 1];
	int64_t blocker;
	if ((st = prepare(s, actor, &r, c, title, sizeof title, err)) != FH_OK ||
	    (st = date_free(s, c, b.tenant_id, b.starts, b.ends, b.id, &blocker, err)) != FH_OK)
		return st;
	return set_state(s, actor, &b, c->sp.approval ? FH_BOOKING_PENDING : FH_BOOKING_CONFIRMED, "retry", err);
}

fh_status fh_booking_retry(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	struct ctx c = { 0 };
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	st = fh_tx_end(s, retry_locked(s, actor, id, &c, err), err);
	fh_calendar_free(&c.cal);
	return st;
}

fh_status fh_booking_ahead(fh_store *s, int64_t tenant, int64_t from, int *n, fh_error *err)
{
	return fh_store_count(s,
			      "SELECT count(*) FROM bookings WHERE tenant_id = ?1 AND starts >= ?2"
			      " AND state IN ('pending','confirmed','skipped')",
			      tenant, from, n, _("reading bookings"), err);
}

fh_status fh_booking_cancel_tenant(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t from, int *cancelled,
				   fh_error *err)
{
	fh_booking *rows = NULL;
	size_t n = 0;
	*cancelled = 0;
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT " BOOKING_COLS " WHERE b.tenant_id = ?1 AND b.starts >= ?2"
				     " AND b.state IN ('pending','confirmed','skipped') ORDER BY b.starts, b.id",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	fh_bind_int64(q, 2, from);
	if ((st = fh_store_rows(s, q, &rows, &n, sizeof *rows, booking_read, _("reading bookings"), err)) != FH_OK)
		return st;
	for (size_t i = 0; st == FH_OK && i < n; i++)
		if ((st = set_state(s, actor, &rows[i], FH_BOOKING_CANCELLED, "cancel", err)) == FH_OK)
			(*cancelled)++;
	free(rows);
	return st;
}

/* ---- reading ---------------------------------------------------------------- */

fh_status fh_booking_list(fh_store *s, const fh_actor *actor, const fh_booking_filter *f, fh_booking **rows, size_t *n,
			  fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, f->hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE "SELECT " BOOKING_COLS
					     " WHERE s.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR b.space_id = ?2)"
					     " AND (?3 = 0 OR b.tenant_id = ?3) AND (?4 = 0 OR b.series = ?4)"
					     " AND b.starts >= ?5 AND b.starts < ?6"
					     " AND b.state IN (?7, ?8, ?9) AND (?10 = 0 OR s.hub_id = ?1)"
					     " ORDER BY b.starts, s.code, b.id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub ? hub : actor->hub_id);
	fh_bind_int64(q, 2, f->space_id);
	fh_bind_int64(q, 3, f->tenant_id);
	fh_bind_int64(q, 4, f->series);
	fh_bind_int64(q, 5, f->from);
	fh_bind_int64(q, 6, f->to ? f->to : INT64_MAX);
	/* holding the room; only pending; only skipped; a series: all but cancelled */
	const char *states[3] = { "pending", "confirmed", f->series ? "skipped" : "confirmed" };
	if (f->pending || f->skipped)
		states[0] = states[1] = states[2] = f->skipped ? "skipped" : "pending";
	for (int i = 0; i < 3; i++)
		fh_bind_static(q, 7 + i, states[i], -1);
	fh_bind_int(q, 10, f->own_hub && hub);
	return fh_store_rows(s, q, rows, n, sizeof **rows, booking_read, _("reading bookings"), err);
}

fh_status fh_booking_get(fh_store *s, const fh_actor *actor, int64_t id, fh_booking *out, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT " BOOKING_COLS " WHERE b.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		booking_read(q, out);
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE)
		return fh_store_fail(s, err, _("reading bookings"));
	fh_status scope = rc == FH_ROW ? fh_actor_scope(s, actor, out->hub_id, err) : FH_EDENIED;
	if (scope == FH_EDENIED)
		return fh_error_set(err, FH_ENOTFOUND, "booking", _("no booking no. %lld in your scope"),
				    (long long)id);
	return scope;
}

/* *held 1 and the tenant (or hub) holding the first booking of a room from
 * `day` on, 0 if none: FH_OK, or the database's error. */
static fh_status holder_from(fh_store *s, int64_t space, int64_t day, int *held, char *holder, size_t size,
			     fh_error *err)
{
	fh_stmt *q;
	*held = 0;
	fh_status st = fh_store_stmt(s,
				     "SELECT " BOOKING_COLS " WHERE b.space_id = ?1 AND b.starts >= ?2"
				     " AND b.state IN ('pending','confirmed') ORDER BY b.starts LIMIT 1",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, space);
	fh_bind_int64(q, 2, day);
	fh_booking b;
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		booking_read(q, &b);
		snprintf(holder, size, "%s", b.who);
		*held = 1;
	}
	fh_reset(q);
	return rc == FH_ROW || rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading bookings"));
}

fh_status fh_space_peak_from(fh_store *s, int64_t space, int64_t day, int *peak, char *holder, size_t size,
			     fh_error *err)
{
	struct fh_hold *h;
	size_t n;
	*peak = 0;
	fh_status st = fh_space_holds(s, space, day, INT64_MAX / 2, &h, &n, err);
	if (st != FH_OK)
		return st;
	for (size_t i = 0; i < n; i++) {
		int used = fh_space_use_on(h, n, h[i].start_on > day ? h[i].start_on : day, -1, NULL, 0);
		if (used > *peak) {
			*peak = used;
			snprintf(holder, size, "%s", h[i].tenant);
		}
	}
	free(h);
	return *peak ? FH_OK : holder_from(s, space, day, peak, holder, size, err);
}

double fh_room_use_rate(const fh_room_use *u)
{
	return u->open_min > 0 ? 100.0 * u->booked_min / u->open_min : 0.0;
}

fh_status fh_booking_use(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t week, fh_room_use **rows,
			 size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	week = fh_week_start(week);
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE "SELECT s.id, s.code, s.name, h.code, h.opens, h.closes, s.hub_id,"
					     " (SELECT coalesce(sum(b.ends - b.starts), 0) / 60 FROM bookings b"
					     "   WHERE b.space_id = s.id AND b.state IN ('pending','confirmed')"
					     "   AND b.starts >= ?2 AND b.starts < ?2 + 7 * 86400)"
					     " FROM spaces s JOIN hubs h ON h.id = s.hub_id WHERE" FH_SQL_ROOMS_OF_SCOPE
					     " ORDER BY h.code, s.code",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub ? hub : actor->hub_id);
	fh_bind_int64(q, 2, week);
	size_t cap = 0;
	int rc;
	int64_t cal_hub = 0;
	fh_calendar cal = { 0 };
	st = FH_OK;
	while (st == FH_OK && (rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(rows, &cap, *n, sizeof **rows))
			break;
		fh_room_use *u = &(*rows)[(*n)++];
		memset(u, 0, sizeof *u);
		u->space_id = fh_column_int64(q, 0);
		fh_column_text(q, 1, u->code, sizeof u->code);
		fh_column_text(q, 2, u->name, sizeof u->name);
		fh_column_text(q, 3, u->hub_code, sizeof u->hub_code);
		u->opens = fh_column_int(q, 4);
		u->closes = fh_column_int(q, 5);
		u->booked_min = fh_column_int(q, 7);
		int64_t h = fh_column_int64(q, 6);
		if (h != cal_hub) {
			fh_calendar_free(&cal);
			if ((st = fh_calendar_load(s, h, &cal, err)) != FH_OK)
				break;
			cal_hub = h;
		}
		/* rooms open every day but the calendar's days off */
		for (int d = 0; d < 7; d++) {
			if (!fh_calendar_off(&cal, week + (int64_t)d * DAY))
				u->open_min += u->closes - u->opens;
		}
	}
	fh_reset(q);
	fh_calendar_free(&cal);
	if (st == FH_OK && rc == FH_DONE)
		return FH_OK;
	free(*rows);
	*rows = NULL;
	*n = 0;
	if (st != FH_OK)
		return st;
	return rc == FH_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
			    : fh_store_fail(s, err, _("reading bookings"));
}

/* The module table's hook: a tenant that leaves has its bookings to come
 * cancelled; a graduate may still book rooms. */
fh_status fh_booking_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	if (!fh_tenant_leaves(c))
		return FH_OK;
	int cancelled = 0;
	fh_status st = c->next->stage == FH_STAGE_EXITED
		? fh_booking_cancel_tenant(s, c->actor, c->next->id, c->on, &cancelled, err)
		: FH_OK;
	if (c->audit)
		fh_buf_printf(c->audit, ",\"bookings_cancelled\":%d", cancelled);
	return st;
}
