/* fuhua core — training: courses, who attended, and the totals
 * (course.h). */
#include "fuhua/course.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "course_int.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"

static const char *const audience_names[FH_AUDIENCE_COUNT][2] = {
	{ "tenant_staff", "社会组织工作人员" },
	{ "secretaries", "党组织书记" },
	{ "instructors", "党建指导员" },
	{ "community_staff", "社区工作者" },
};

const char *fh_course_audience_name(fh_course_audience a)
{
	return (unsigned)a < FH_AUDIENCE_COUNT ? audience_names[a][0] : NULL;
}

bool fh_course_audience_parse(const char *text, fh_course_audience *out)
{
	int i = fh_word_find(audience_names, FH_AUDIENCE_COUNT, text);
	if (i < 0)
		return false;
	*out = (fh_course_audience)i;
	return true;
}

/* clang-format off */
const char *const fh_course_schema[] = {
	/* 1: courses and who attended */
	"CREATE TABLE courses(id INTEGER PRIMARY KEY, hub_id INTEGER NOT NULL REFERENCES hubs(id),"
	" on_day INTEGER NOT NULL, title TEXT NOT NULL, topic TEXT NOT NULL, trainer TEXT NOT NULL,"
	" tenths INTEGER NOT NULL CHECK(tenths BETWEEN 5 AND 240),"
	" audience TEXT NOT NULL CHECK(audience IN ('tenant_staff', 'secretaries', 'instructors', 'community_staff')),"
	" created_at INTEGER NOT NULL, created_by TEXT NOT NULL) STRICT;"
	"CREATE INDEX courses_hub ON courses(hub_id, on_day);"
	"CREATE TABLE attendances(id INTEGER PRIMARY KEY,"
	" course_id INTEGER NOT NULL REFERENCES courses(id) ON DELETE CASCADE,"
	" tenant_id INTEGER REFERENCES tenants(id) ON DELETE SET NULL, person TEXT NOT NULL,"
	" created_at INTEGER NOT NULL, created_by TEXT NOT NULL) STRICT;"
	"CREATE UNIQUE INDEX attendances_once ON attendances(course_id, ifnull(tenant_id, 0), person);"
	"CREATE INDEX attendances_tenant ON attendances(tenant_id, course_id) WHERE tenant_id IS NOT NULL;"
	"CREATE TRIGGER changes_courses_i AFTER INSERT ON courses BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;"
	"CREATE TRIGGER changes_attendances_i AFTER INSERT ON attendances BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;",
	NULL,
};
/* clang-format on */

static fh_status add_locked(fh_store *s, const fh_actor *actor, int64_t hub, const fh_course *c, int64_t *id,
			    fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "INSERT INTO courses(hub_id, on_day, title, topic, trainer, tenths, audience,"
				     " created_at, created_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, c->on);
	fh_bind_str(q, 3, c->title);
	fh_bind_str(q, 4, c->topic);
	fh_bind_str(q, 5, c->trainer);
	fh_bind_int64(q, 6, (int64_t)(c->hours * 10 + 0.5));
	fh_bind_str(q, 7, audience_names[c->audience][0]);
	fh_bind_int64(q, 8, fh_clock_now());
	fh_bind_str(q, 9, actor->name);
	if ((st = fh_store_done(s, q, _("saving the course"), err)) != FH_OK)
		return st;
	*id = fh_store_last_id(s);
	fh_buf b = FH_BUF_INIT;
	char d[16];
	fh_buf_printf(&b, "{\"on\":\"%s\",\"title\":", fh_clock_format_date(c->on, d, sizeof d));
	fh_buf_json_string(&b, c->title);
	fh_buf_printf(&b, ",\"hours\":%.1f,\"audience\":\"%s\"}", c->hours, audience_names[c->audience][0]);
	st = fh_audit_write(s, actor, hub, "course", *id, "create", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_course_add(fh_store *s, const fh_actor *actor, const char *hub_code, const fh_course *in, int64_t *id,
			fh_error *err)
{
	fh_course c = *in;
	int64_t hub;
	fh_status st;
	if ((st = fh_text_field_take(c.title, sizeof c.title, FH_COURSE_TEXT_MAX, in->title, false, true, "title",
				     err)) != FH_OK ||
	    (st = fh_text_field_take(c.topic, sizeof c.topic, FH_COURSE_TEXT_MAX, in->topic, false, false, "topic",
				     err)) != FH_OK ||
	    (st = fh_text_field_take(c.trainer, sizeof c.trainer, FH_COURSE_NAME_MAX, in->trainer, false, true,
				     "trainer", err)) != FH_OK)
		return st;
	if (!c.title[0])
		return fh_error_set(err, FH_EINVAL, "title", "%s", _("is needed"));
	if (!c.trainer[0])
		return fh_error_set(err, FH_EINVAL, "trainer", "%s", _("is needed"));
	if (!(c.hours >= 0.5 && c.hours <= 24))
		return fh_error_set(err, FH_EINVAL, "hours", "%s", _("a course of 0.5 to 24 hours"));
	if ((unsigned)c.audience >= FH_AUDIENCE_COUNT)
		return fh_error_set(err, FH_EINVAL, "audience", "%s",
				    _("tenant_staff, secretaries, instructors or community_staff"));
	if (!c.on)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is needed"));
	c.on = fh_clock_day(c.on);
	if ((st = fh_actor_hub(s, actor, hub_code, &hub, err)) != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, add_locked(s, actor, hub, &c, id, err), err);
}

static fh_status attend_locked(fh_store *s, const fh_actor *actor, int64_t course, int64_t tenant, const char *person,
			       int64_t *id, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT hub_id, on_day FROM courses WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, course);
	int rc = fh_step(q);
	int64_t hub = rc == FH_ROW ? fh_column_int64(q, 0) : 0, on = rc == FH_ROW ? fh_column_int64(q, 1) : 0;
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "course", _("no course no. %lld"), (long long)course);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading courses"));
	if ((st = fh_actor_scope(s, actor, hub, err)) != FH_OK)
		return st;
	if (on > fh_clock_day(fh_clock_now()))
		return fh_error_set(err, FH_EINVAL, "course", "%s", _("the course has not been held yet"));
	if (tenant) {
		fh_tenant t;
		if ((st = fh_tenant_get_by_id(s, actor, tenant, &t, err)) != FH_OK)
			return st;
	}
	if ((st = fh_store_stmt(s,
				"INSERT INTO attendances(course_id, tenant_id, person, created_at, created_by)"
				" VALUES(?1, ?2, ?3, ?4, ?5)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, course);
	if (tenant)
		fh_bind_int64(q, 2, tenant);
	fh_bind_str(q, 3, person);
	fh_bind_int64(q, 4, fh_clock_now());
	fh_bind_str(q, 5, actor->name);
	rc = fh_step(q);
	fh_reset(q);
	if (rc == FH_STEP_DUPLICATE)
		return fh_error_set(err, FH_ECONFLICT, "person", _("%s attended this course already"), person);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the attendance"));
	*id = fh_store_last_id(s);
	fh_buf b = FH_BUF_INIT;
	fh_buf_printf(&b, "{\"tenant\":%lld,\"person\":", (long long)tenant);
	fh_buf_json_string(&b, person);
	fh_buf_puts(&b, "}");
	st = fh_audit_write(s, actor, hub, "course", course, "attend", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_course_attend(fh_store *s, const fh_actor *actor, int64_t course, int64_t tenant, const char *person,
			   int64_t *id, fh_error *err)
{
	char name[FH_COURSE_NAME_MAX * 4 + 1];
	fh_status st = fh_text_field_take(name, sizeof name, FH_COURSE_NAME_MAX, person ? person : "", false, true,
					  "person", err);
	if (st != FH_OK)
		return st;
	if (!name[0])
		return fh_error_set(err, FH_EINVAL, "person", "%s", _("is needed"));
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, attend_locked(s, actor, course, tenant, name, id, err), err);
}

static void course_read(fh_stmt *q, void *row)
{
	fh_course *c = row;
	memset(c, 0, sizeof *c);
	c->id = fh_column_int64(q, 0);
	c->hub_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, c->hub_code, sizeof c->hub_code);
	c->on = fh_column_int64(q, 3);
	fh_column_text(q, 4, c->title, sizeof c->title);
	fh_column_text(q, 5, c->topic, sizeof c->topic);
	fh_column_text(q, 6, c->trainer, sizeof c->trainer);
	c->hours = fh_column_int64(q, 7) / 10.0;
	fh_course_audience_parse(fh_column_str(q, 8), &c->audience);
	c->attended = fh_column_int(q, 9);
}

fh_status fh_course_list(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t from, int64_t to,
			 fh_course **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT c.id, c.hub_id, h.code, c.on_day, c.title, c.topic, c.trainer, c.tenths, c.audience,"
		     " (SELECT count(*) FROM attendances a WHERE a.course_id = c.id) FROM courses c"
		     " JOIN hubs h ON h.id = c.hub_id WHERE c.hub_id IN (SELECT id FROM scope)"
		     " AND c.on_day >= ?2 AND c.on_day < ?3 ORDER BY c.on_day DESC, c.id DESC",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, from);
	fh_bind_int64(q, 3, to ? to : INT64_MAX);
	return fh_store_rows(s, q, rows, n, sizeof **rows, course_read, _("reading courses"), err);
}

static void attendance_read(fh_stmt *q, void *row)
{
	fh_attendance *a = row;
	memset(a, 0, sizeof *a);
	a->id = fh_column_int64(q, 0);
	a->course_id = fh_column_int64(q, 1);
	a->tenant_id = fh_column_int64(q, 2);
	fh_column_text(q, 3, a->person, sizeof a->person);
	fh_column_text(q, 4, a->tenant, sizeof a->tenant);
}

fh_status fh_course_attendees(fh_store *s, const fh_actor *actor, int64_t course, fh_attendance **rows, size_t *n,
			      fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_stmt *q;
	int64_t hub = 0;
	fh_status st = fh_store_stmt(s, "SELECT hub_id FROM courses WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, course);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		hub = fh_column_int64(q, 0);
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "course", _("no course no. %lld"), (long long)course);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading courses"));
	if ((st = fh_actor_scope(s, actor, hub, err)) != FH_OK ||
	    (st = fh_store_stmt(s,
				"SELECT a.id, a.course_id, coalesce(a.tenant_id, 0), a.person, coalesce(t.name, '')"
				" FROM attendances a LEFT JOIN tenants t ON t.id = a.tenant_id WHERE a.course_id = ?1"
				" ORDER BY t.name, a.person",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, course);
	return fh_store_rows(s, q, rows, n, sizeof **rows, attendance_read, _("reading courses"), err);
}

static void total_read(fh_stmt *q, void *row)
{
	fh_course_total *t = row;
	memset(t, 0, sizeof *t);
	if (fh_column_null(q, 0)) {
		int m = fh_column_int(q, 5);
		snprintf(t->key, sizeof t->key, "%04d-%02d", m / 100 % 10000, m % 100);
	} else {
		fh_column_text(q, 0, t->key, sizeof t->key);
	}
	t->sessions = fh_column_int(q, 1);
	t->hours = fh_column_int64(q, 2) / 10.0;
	t->attendances = fh_column_int(q, 3);
	t->tenants = fh_column_int(q, 4);
}

fh_status fh_course_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int year, int month, bool by_month,
			   fh_course_total **rows, size_t *n, fh_error *err)
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
	char a[11], b[11];
	snprintf(a, sizeof a, "%04d-%02d-01", year, month ? month : 1);
	snprintf(b, sizeof b, "%04d-%02d-01", !month || month == 12 ? year + 1 : year,
		 !month || month == 12 ? 1 : month + 1);
	/* held: a course of a day before tomorrow */
	if ((st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT CASE WHEN ?5 THEN NULL ELSE h.code END, count(*), sum(c.tenths),"
		     " sum((SELECT count(*) FROM attendances a WHERE a.course_id = c.id)),"
		     " (SELECT count(DISTINCT a.tenant_id) FROM attendances a JOIN courses x ON x.id = a.course_id"
		     "  WHERE x.hub_id IN (SELECT id FROM scope) AND x.on_day >= ?2 AND x.on_day < ?3 AND x.on_day <= ?4"
		     "  AND (?5 OR x.hub_id = c.hub_id)"
		     "  AND (NOT ?5 OR strftime('%Y%m', x.on_day, 'unixepoch', '+8 hours') ="
		     "  strftime('%Y%m', c.on_day, 'unixepoch', '+8 hours'))),"
		     " CAST(strftime('%Y%m', c.on_day, 'unixepoch', '+8 hours') AS INTEGER)"
		     " FROM courses c JOIN hubs h ON h.id = c.hub_id WHERE c.hub_id IN (SELECT id FROM scope)"
		     " AND c.on_day >= ?2 AND c.on_day < ?3 AND c.on_day <= ?4"
		     " GROUP BY CASE WHEN ?5 THEN strftime('%Y%m', c.on_day, 'unixepoch', '+8 hours') ELSE c.hub_id END"
		     " ORDER BY 1, 6",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, fh_date_epoch(a));
	fh_bind_int64(q, 3, fh_date_epoch(b));
	fh_bind_int64(q, 4, fh_clock_day(fh_clock_now()));
	fh_bind_int(q, 5, by_month);
	return fh_store_rows(s, q, rows, n, sizeof **rows, total_read, _("reading courses"), err);
}

static void untrained_read(fh_stmt *q, void *row)
{
	fh_untrained *u = row;
	memset(u, 0, sizeof *u);
	u->tenant_id = fh_column_int64(q, 0);
	fh_column_text(q, 1, u->tenant, sizeof u->tenant);
	fh_column_text(q, 2, u->hub_code, sizeof u->hub_code);
}

fh_status fh_course_untrained(fh_store *s, const fh_actor *actor, const char *hub_code, int year, fh_untrained **rows,
			      size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	char a[11], b[11];
	snprintf(a, sizeof a, "%04d-01-01", year);
	snprintf(b, sizeof b, "%04d-01-01", year + 1);
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT t.id, t.name, h.code FROM tenants t JOIN hubs h ON h.id = t.hub_id"
				" WHERE t.hub_id IN (SELECT id FROM scope) AND t.stage = 'incubating'"
				" AND NOT EXISTS (SELECT 1 FROM attendances a JOIN courses c ON c.id = a.course_id"
				" WHERE a.tenant_id = t.id AND c.on_day >= ?2 AND c.on_day < ?3)"
				" ORDER BY h.code, t.name",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, fh_date_epoch(a));
	fh_bind_int64(q, 3, fh_date_epoch(b));
	return fh_store_rows(s, q, rows, n, sizeof **rows, untrained_read, _("reading courses"), err);
}
