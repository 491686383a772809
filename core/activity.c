/* fuhua core — activities, the people they served, and the totals kept
 * per hub and month (activity.h). The CSV import is activity_import.c. */
#include "fuhua/activity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity_int.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "merge.h"
#include "project_int.h"
#include "store_int.h"

static const char *const kind_names[FH_ACTIVITY_KIND_COUNT] = { "service", "event", "volunteering", "party", "other" };
/* what spreadsheets write in the kind column, besides the identifiers */
static const char *const kind_labels[FH_ACTIVITY_KIND_COUNT][3] = {
	{ "服务", "社区服务", "Service" }, { "活动", "主题活动", "Event" }, { "志愿服务", "志愿", "Volunteering" },
	{ "党建活动", "党建", "Party" },   { "其他", "其它", "Other" },
};

const char *fh_activity_kind_name(fh_activity_kind k)
{
	return (unsigned)k < FH_ACTIVITY_KIND_COUNT ? kind_names[k] : NULL;
}

bool fh_activity_kind_parse(const char *text, fh_activity_kind *out)
{
	for (int i = 0; text && i < FH_ACTIVITY_KIND_COUNT; i++) {
		bool match = strcmp(text, kind_names[i]) == 0;
		for (int j = 0; j < 3; j++)
			match |= strcmp(text, kind_labels[i][j]) == 0;
		if (match) {
			*out = (fh_activity_kind)i;
			return true;
		}
	}
	return false;
}

/* clang-format off */
const char *const fh_activity_schema[] = {
	/* 1: activities, and their totals kept per hub and month */
	"CREATE TABLE activities(id INTEGER PRIMARY KEY,"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), tenant_id INTEGER NOT NULL REFERENCES tenants(id),"
	" on_day INTEGER NOT NULL, title TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK(kind IN ('service', 'event', 'volunteering', 'party', 'other')),"
	" place TEXT NOT NULL, project_id INTEGER REFERENCES projects(id), booking_id INTEGER REFERENCES bookings(id),"
	" served INTEGER NOT NULL CHECK(served >= 0), volunteers INTEGER NOT NULL CHECK(volunteers >= 0),"
	" volunteer_tenths INTEGER NOT NULL CHECK(volunteer_tenths >= 0),"
	" created_at INTEGER NOT NULL, created_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX activities_hub ON activities(hub_id, on_day);"
	"CREATE INDEX activities_tenant ON activities(tenant_id, on_day);"
	"CREATE INDEX activities_project ON activities(project_id, on_day) WHERE project_id IS NOT NULL;"
	"CREATE INDEX activities_day ON activities(on_day);"
	"CREATE TABLE activity_tally(hub_id INTEGER NOT NULL REFERENCES hubs(id), month INTEGER NOT NULL,"
	" activities INTEGER NOT NULL, served INTEGER NOT NULL, volunteers INTEGER NOT NULL,"
	" volunteer_tenths INTEGER NOT NULL, PRIMARY KEY(hub_id, month)) STRICT, WITHOUT ROWID;"
	"CREATE TRIGGER changes_activities_i AFTER INSERT ON activity_tally BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;"
	"CREATE TRIGGER changes_activities_u AFTER UPDATE ON activity_tally BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;",
	NULL,
};
/* clang-format on */

int fh_activity_month(int64_t day)
{
	char d[16];
	fh_clock_format_date(day, d, sizeof d);
	return atoi(d) * 100 + atoi(d + 5);
}

fh_status fh_activity_tally_add(fh_store *s, int64_t hub, int month, const struct fh_activity_sums *a, int sign,
				fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		"INSERT INTO activity_tally(hub_id, month, activities, served, volunteers, volunteer_tenths)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(hub_id, month) DO UPDATE SET"
		" activities = activities + excluded.activities, served = served + excluded.served,"
		" volunteers = volunteers + excluded.volunteers, volunteer_tenths = volunteer_tenths + excluded.volunteer_tenths",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, month);
	fh_bind_int64(q, 3, sign * a->activities);
	fh_bind_int64(q, 4, sign * a->served);
	fh_bind_int64(q, 5, sign * a->volunteers);
	fh_bind_int64(q, 6, sign * a->tenths);
	return fh_store_done(s, q, _("saving the activities' totals"), err);
}

fh_status fh_activity_check_own(const fh_activity *a, fh_error *err)
{
	if (!a->title[0])
		return fh_error_set(err, FH_EINVAL, "title", "%s", _("is needed"));
	if ((unsigned)a->kind >= FH_ACTIVITY_KIND_COUNT)
		return fh_error_set(err, FH_EINVAL, "kind", "%s", _("service, event, volunteering, party or other"));
	if (a->served < 0 || a->served > FH_ACTIVITY_SERVED_MAX)
		return fh_error_set(err, FH_EINVAL, "served", "%s", _("people served: 0 to 1000000"));
	if (a->volunteers < 0 || a->volunteers > 100000)
		return fh_error_set(err, FH_EINVAL, "volunteers", "%s", _("volunteers: 0 to 100000"));
	if (!(a->volunteer_hours >= 0) || a->volunteer_hours > 24.0 * a->volunteers)
		return fh_error_set(err, FH_EINVAL, "volunteer_hours",
				    _("%d volunteers give at most %d hours in a day"), a->volunteers,
				    24 * a->volunteers);
	int64_t today = fh_clock_day(fh_clock_now());
	if (!a->on)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is needed"));
	if (a->on > today)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	return FH_OK;
}

fh_status fh_activity_check_tenant(const char *name, fh_stage stage, int64_t admitted_on, int64_t stage_since,
				   int64_t day, fh_error *err)
{
	char d[16];
	if (!admitted_on)
		return fh_error_set(err, FH_EINVAL, "tenant",
				    _("%s has not been admitted: its activities count from then"), name);
	if (day < fh_clock_day(admitted_on))
		return fh_error_set(err, FH_EINVAL, "on", _("%s was admitted on %s: its activities count from then"),
				    name, fh_clock_format_date(admitted_on, d, sizeof d));
	if (stage == FH_STAGE_EXITED && day > fh_clock_day(stage_since))
		return fh_error_set(err, FH_EINVAL, "on", _("%s left the hub on %s"), name,
				    fh_clock_format_date(stage_since, d, sizeof d));
	return FH_OK;
}

fh_status fh_activity_insert(fh_store *s, const fh_actor *actor, const fh_activity *a, int64_t *id, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "INSERT INTO activities(hub_id, tenant_id, on_day, title, kind, place, project_id,"
				     " booking_id, served, volunteers, volunteer_tenths, created_at, created_by)"
				     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, a->hub_id);
	fh_bind_int64(q, 2, a->tenant_id);
	fh_bind_int64(q, 3, a->on);
	fh_bind_str(q, 4, a->title);
	fh_bind_static(q, 5, kind_names[a->kind], -1);
	fh_bind_str(q, 6, a->place);
	if (a->project_id)
		fh_bind_int64(q, 7, a->project_id);
	if (a->booking_id)
		fh_bind_int64(q, 8, a->booking_id);
	fh_bind_int(q, 9, a->served);
	fh_bind_int(q, 10, a->volunteers);
	fh_bind_int64(q, 11, (int64_t)fh_activity_tenths(a->volunteer_hours));
	fh_bind_int64(q, 12, fh_clock_now());
	fh_bind_str(q, 13, actor->name);
	if ((st = fh_store_done(s, q, _("saving the activity"), err)) != FH_OK)
		return st;
	*id = fh_store_last_id(s);
	return a->project_id && a->served ? fh_project_served_add(s, a->project_id, a->served, err) : FH_OK;
}

/* The booking's checks: the tenant's, on that day, not cancelled; its
 * room's name into the place. */
static fh_status check_booking(fh_store *s, fh_activity *a, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT coalesce(b.tenant_id, 0), b.starts, b.state, sp.name FROM bookings b"
				     " JOIN spaces sp ON sp.id = b.space_id WHERE b.id = ?1",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, a->booking_id);
	int rc = fh_step(q);
	int64_t tenant = 0, starts = 0;
	char state[16] = "", room[sizeof a->place] = "";
	if (rc == FH_ROW) {
		tenant = fh_column_int64(q, 0);
		starts = fh_column_int64(q, 1);
		fh_column_text(q, 2, state, sizeof state);
		fh_column_text(q, 3, room, sizeof room);
	}
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE)
		return fh_store_fail(s, err, _("reading bookings"));
	if (rc == FH_DONE || tenant != a->tenant_id)
		return fh_error_set(err, FH_EINVAL, "booking", _("booking no. %lld is not this tenant's"),
				    (long long)a->booking_id);
	if (fh_clock_day(starts) != a->on)
		return fh_error_set(err, FH_EINVAL, "booking", _("booking no. %lld is for another day"),
				    (long long)a->booking_id);
	if (strcmp(state, "confirmed") != 0)
		return fh_error_set(err, FH_EINVAL, "booking", _("booking no. %lld is not confirmed"),
				    (long long)a->booking_id);
	memcpy(a->place, room, sizeof room);
	return FH_OK;
}

static void audit_fields(fh_buf *b, const fh_activity *a)
{
	char d[16];
	fh_buf_printf(b, "{\"tenant\":%lld,\"on\":\"%s\",\"kind\":\"%s\",\"title\":", (long long)a->tenant_id,
		      fh_clock_format_date(a->on, d, sizeof d), kind_names[a->kind]);
	fh_buf_json_string(b, a->title);
	fh_buf_printf(b, ",\"served\":%d,\"volunteers\":%d,\"volunteer_hours\":%.1f}", a->served, a->volunteers,
		      a->volunteer_hours);
}

static fh_status add_locked(fh_store *s, const fh_actor *actor, fh_activity *a, int64_t *id, fh_error *err)
{
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, a->tenant_id, &t, err);
	if (st != FH_OK ||
	    (st = fh_activity_check_tenant(t.name, t.stage, t.admitted_on, t.stage_since, a->on, err)) != FH_OK ||
	    (a->project_id && (st = fh_project_may_serve(s, a->project_id, a->tenant_id, a->on, err)) != FH_OK) ||
	    (a->booking_id && (st = check_booking(s, a, err)) != FH_OK))
		return st;
	a->hub_id = t.hub_id;
	if ((st = fh_activity_insert(s, actor, a, id, err)) != FH_OK)
		return st;
	struct fh_activity_sums sum = { 1, a->served, a->volunteers, fh_activity_tenths(a->volunteer_hours) };
	if ((st = fh_activity_tally_add(s, a->hub_id, fh_activity_month(a->on), &sum, 1, err)) != FH_OK)
		return st;
	fh_buf b = FH_BUF_INIT;
	audit_fields(&b, a);
	st = fh_audit_write(s, actor, a->hub_id, "activity", *id, "create", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_activity_add(fh_store *s, const fh_actor *actor, const fh_activity *in, int64_t *id, fh_error *err)
{
	fh_activity a = *in;
	a.on = in->on ? fh_clock_day(in->on) : 0;
	a.volunteer_hours = fh_activity_tenths(in->volunteer_hours) / 10.0;
	fh_status st;
	if ((st = fh_text_field_take(a.title, sizeof a.title, FH_ACTIVITY_TITLE_MAX, in->title, false, true, "title",
				     err)) != FH_OK ||
	    (st = fh_text_field_take(a.place, sizeof a.place, FH_ACTIVITY_PLACE_MAX, in->place, false, false, "place",
				     err)) != FH_OK ||
	    (st = fh_activity_check_own(&a, err)) != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, add_locked(s, actor, &a, id, err), err);
}

#define ACTIVITY_COLUMNS                                                                                     \
	"a.id, a.hub_id, a.tenant_id, coalesce(a.project_id, 0), coalesce(a.booking_id, 0), h.code, t.name," \
	" a.on_day, a.title, a.place, a.kind, a.served, a.volunteers, a.volunteer_tenths"                    \
	" FROM activities a JOIN hubs h ON h.id = a.hub_id JOIN tenants t ON t.id = a.tenant_id"

static void activity_read(fh_stmt *q, void *row)
{
	fh_activity *a = row;
	memset(a, 0, sizeof *a);
	a->id = fh_column_int64(q, 0);
	a->hub_id = fh_column_int64(q, 1);
	a->tenant_id = fh_column_int64(q, 2);
	a->project_id = fh_column_int64(q, 3);
	a->booking_id = fh_column_int64(q, 4);
	fh_column_text(q, 5, a->hub_code, sizeof a->hub_code);
	fh_column_text(q, 6, a->tenant, sizeof a->tenant);
	a->on = fh_column_int64(q, 7);
	fh_column_text(q, 8, a->title, sizeof a->title);
	fh_column_text(q, 9, a->place, sizeof a->place);
	fh_activity_kind_parse(fh_column_str(q, 10), &a->kind);
	a->served = fh_column_int(q, 11);
	a->volunteers = fh_column_int(q, 12);
	a->volunteer_hours = fh_column_int64(q, 13) / 10.0;
}

static fh_status delete_locked(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_stmt *q;
	fh_activity a;
	fh_status st = fh_store_stmt(s, "SELECT " ACTIVITY_COLUMNS " WHERE a.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		activity_read(q, &a);
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "activity", _("no activity no. %lld"), (long long)id);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading activities"));
	if ((st = fh_actor_scope(s, actor, a.hub_id, err)) != FH_OK ||
	    (st = fh_store_stmt(s, "DELETE FROM activities WHERE id = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	if ((st = fh_store_done(s, q, _("deleting the activity"), err)) != FH_OK)
		return st;
	struct fh_activity_sums sum = { 1, a.served, a.volunteers, fh_activity_tenths(a.volunteer_hours) };
	if ((st = fh_activity_tally_add(s, a.hub_id, fh_activity_month(a.on), &sum, -1, err)) != FH_OK ||
	    (a.project_id && a.served && (st = fh_project_served_add(s, a.project_id, -a.served, err)) != FH_OK))
		return st;
	fh_buf b = FH_BUF_INIT;
	audit_fields(&b, &a);
	st = fh_audit_write(s, actor, a.hub_id, "activity", id, "delete", fh_buf_str(&b), NULL, err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_activity_delete(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	return fh_tx_end(s, delete_locked(s, actor, id, err), err);
}

/* The conditions every plan of the list shares: the days, the keyset. */
#define LIST_WINDOW                                                       \
	" AND a.on_day >= ?4 AND a.on_day < ?5"                           \
	" AND (?6 = 0 OR a.on_day < ?8 OR (a.on_day = ?8 AND a.id < ?6))" \
	" ORDER BY a.on_day DESC, a.id DESC LIMIT ?7"

/* A scope of at most so many hubs is read hub by hub, each from its index
 * in the list's order, and merged; a wider one from the index by day. */
#define HUB_BY_HUB 32

static void bind_window(fh_stmt *q, int64_t scope, const fh_activity_filter *f)
{
	fh_bind_int64(q, 1, scope);
	fh_bind_int64(q, 2, f->tenant);
	fh_bind_int64(q, 3, f->project);
	fh_bind_int64(q, 4, f->from);
	fh_bind_int64(q, 5, f->to ? f->to : INT64_MAX);
	fh_bind_int64(q, 6, f->before);
	fh_bind_int(q, 7, f->limit > 0 ? f->limit : -1);
	fh_bind_int64(q, 8, f->before_on);
}

static int latest_first(const void *x, const void *y)
{
	const fh_activity *a = x, *b = y;
	if (a->on != b->on)
		return a->on < b->on ? 1 : -1;
	return a->id < b->id ? 1 : a->id > b->id ? -1 : 0;
}

/* A narrow scope: each hub's page from its index, merged, cut to the limit. */
static fh_status hub_by_hub(fh_store *s, const int64_t *hubs, int nh, const fh_activity_filter *f, fh_activity **rows,
			    size_t *n, fh_error *err)
{
	fh_status st = FH_OK;
	for (int i = 0; st == FH_OK && i < nh; i++) {
		fh_stmt *q;
		fh_activity *part;
		size_t np;
		if ((st = fh_store_stmt(s, "SELECT " ACTIVITY_COLUMNS " WHERE a.hub_id = ?1" LIST_WINDOW, &q, err)) !=
			    FH_OK ||
		    (bind_window(q, hubs[i], f),
		     (st = fh_store_rows(s, q, &part, &np, sizeof *part, activity_read, _("reading activities"),
					 err))) != FH_OK)
			break;
		fh_activity *all = np ? realloc(*rows, (*n + np) * sizeof **rows) : *rows;
		if (np && !all) {
			free(part);
			st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
			break;
		}
		if (np)
			memcpy(all + *n, part, np * sizeof *part);
		*rows = all;
		*n += np;
		free(part);
	}
	if (st != FH_OK) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return st;
	}
	if (*n)
		qsort(*rows, *n, sizeof **rows, latest_first);
	if (f->limit > 0 && *n > (size_t)f->limit)
		*n = (size_t)f->limit;
	return FH_OK;
}

fh_status fh_activity_list(fh_store *s, const fh_actor *actor, const fh_activity_filter *f, fh_activity **rows,
			   size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, f->hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	/* a tenant's or a project's from their own index; else by the scope's width */
	if (f->tenant)
		st = fh_store_stmt(s,
				   FH_SQL_SCOPE "SELECT " ACTIVITY_COLUMNS
						" WHERE a.tenant_id = ?2 AND a.hub_id IN (SELECT id FROM scope)"
						" AND (?3 = 0 OR a.project_id = ?3)" LIST_WINDOW,
				   &q, err);
	else if (f->project)
		st = fh_store_stmt(s,
				   FH_SQL_SCOPE
				   "SELECT " ACTIVITY_COLUMNS
				   " WHERE a.project_id = ?3 AND a.hub_id IN (SELECT id FROM scope)" LIST_WINDOW,
				   &q, err);
	else {
		int64_t *hubs;
		size_t nh;
		if ((st = fh_scope_hubs(s, actor, hub, NULL, &hubs, &nh, err)) != FH_OK)
			return st;
		if (nh <= HUB_BY_HUB) {
			st = hub_by_hub(s, hubs, (int)nh, f, rows, n, err);
			free(hubs);
			return st;
		}
		free(hubs);
		/* +a.hub_id: the index by day, the scope a filter */
		st = fh_store_stmt(s,
				   FH_SQL_SCOPE "SELECT " ACTIVITY_COLUMNS
						" WHERE +a.hub_id IN (SELECT id FROM scope)" LIST_WINDOW,
				   &q, err);
	}
	if (st != FH_OK)
		return st;
	bind_window(q, hub, f);
	return fh_store_rows(s, q, rows, n, sizeof **rows, activity_read, _("reading activities"), err);
}

static void total_read(fh_stmt *q, void *row)
{
	fh_activity_total *t = row;
	memset(t, 0, sizeof *t);
	t->key_id = fh_column_int64(q, 1);
	if (fh_column_null(q, 0)) /* a month: 202611 → "2026-11" */
		snprintf(t->key, sizeof t->key, "%04d-%02d", (int)(t->key_id / 100), (int)(t->key_id % 100));
	else
		fh_column_text(q, 0, t->key, sizeof t->key);
	t->activities = fh_column_int64(q, 2);
	t->served = fh_column_int64(q, 3);
	t->volunteers = fh_column_int64(q, 4);
	t->volunteer_hours = fh_column_int64(q, 5) / 10.0;
}

fh_status fh_activity_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int year, int month,
			     enum fh_activity_by by, fh_activity_total **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (year < 2000 || year > 2100 || month < 0 || month > 12)
		return fh_error_set(err, FH_EINVAL, month < 0 || month > 12 ? "month" : "year", "%s",
				    _("a year from 2000 to 2100 and a month from 1 to 12"));
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	int first = year * 100 + (month ? month : 1), last = year * 100 + (month ? month : 12);
	if (by == FH_ACTIVITY_BY_TENANT) {
		char from[11], to[11];
		snprintf(from, sizeof from, "%04d-%02d-01", year, month ? month : 1);
		snprintf(to, sizeof to, "%04d-%02d-01", month == 12 || !month ? year + 1 : year,
			 month == 12 || !month ? 1 : month + 1);
		if ((st = fh_store_stmt(
			     s,
			     FH_SQL_SCOPE
			     "SELECT t.name, t.id, count(*), sum(a.served), sum(a.volunteers),"
			     " sum(a.volunteer_tenths) FROM activities a JOIN tenants t ON t.id = a.tenant_id"
			     " WHERE a.hub_id IN (SELECT id FROM scope) AND a.on_day >= ?2 AND a.on_day < ?3"
			     " GROUP BY a.tenant_id ORDER BY t.name, t.id",
			     &q, err)) != FH_OK)
			return st;
		fh_bind_int64(q, 2, fh_date_epoch(from));
		fh_bind_int64(q, 3, fh_date_epoch(to));
	} else if (by == FH_ACTIVITY_BY_MONTH) {
		if ((st = fh_store_stmt(s,
					FH_SQL_SCOPE
					"SELECT NULL, x.month, sum(x.activities), sum(x.served),"
					" sum(x.volunteers), sum(x.volunteer_tenths) FROM activity_tally x"
					" WHERE x.hub_id IN (SELECT id FROM scope) AND x.month BETWEEN ?2 AND ?3"
					" GROUP BY x.month HAVING sum(x.activities) > 0 ORDER BY x.month",
					&q, err)) != FH_OK)
			return st;
		fh_bind_int(q, 2, first);
		fh_bind_int(q, 3, last);
	} else {
		if ((st = fh_store_stmt(s,
					FH_SQL_SCOPE
					"SELECT h.code, h.id, sum(x.activities), sum(x.served),"
					" sum(x.volunteers), sum(x.volunteer_tenths) FROM activity_tally x"
					" JOIN hubs h ON h.id = x.hub_id"
					" WHERE x.hub_id IN (SELECT id FROM scope) AND x.month BETWEEN ?2 AND ?3"
					" GROUP BY x.hub_id HAVING sum(x.activities) > 0 ORDER BY h.code",
					&q, err)) != FH_OK)
			return st;
		fh_bind_int(q, 2, first);
		fh_bind_int(q, 3, last);
	}
	fh_bind_int64(q, 1, hub);
	return fh_store_rows(s, q, rows, n, sizeof **rows, total_read, _("reading activities"), err);
}

fh_status fh_activity_check(fh_store *s, fh_check_report *rep, fh_error *err)
{
	fh_stmt *q;
	/* the kept totals against the activities, hub and month by hub and month */
	fh_status st = fh_check_kept(
		s, rep, "activity_tally", "activities != 0 OR served != 0 OR volunteers != 0 OR volunteer_tenths != 0",
		"SELECT hub_id, CAST(strftime('%Y%m', on_day, 'unixepoch', '+8 hours') AS INTEGER),"
		" count(*), sum(served), sum(volunteers), sum(volunteer_tenths) FROM activities GROUP BY 1, 2",
		_("activities of hub %lld in %lld: the kept totals do not match the activities"),
		_("checking activities"), err);
	if (st != FH_OK)
		return st;
	int rc;
	if ((st = fh_store_stmt(s,
				"SELECT p.id FROM projects p WHERE p.served != (SELECT coalesce(sum(a.served), 0)"
				" FROM activities a WHERE a.project_id = p.id)",
				&q, err)) != FH_OK)
		return st;
	while ((rc = fh_step(q)) == FH_ROW)
		fh_check_add(rep, _("project %lld: the people served do not match its activities"),
			     (long long)fh_column_int64(q, 0));
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("checking activities"));
}
