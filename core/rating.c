/* fuhua core — the ratings' history, kept as tenants' records change
 * (rating.h). */
#include "fuhua/rating.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "i18n.h"
#include "modules.h"
#include "rating_int.h"
#include "store_int.h"

#define DAY 86400

int64_t fh_rating_eligible_from(int64_t registered)
{
	return fh_clock_add_months(fh_clock_day(registered), 24);
}

/* The last registration day eligible on day `at`: the rule above turned
 * round (at most a few days past at − 24 months, month ends clamped). */
static int64_t registered_by(int64_t at)
{
	int64_t d = fh_clock_day(fh_clock_add_months(at, -24)) - 3 * DAY;
	while (fh_rating_eligible_from(d + DAY) <= at)
		d += DAY;
	return d;
}

/* clang-format off */
const char *const fh_rating_schema[] = {
	/* 1: each rating given, with its last day (from the hub's valid_years then) */
	"ALTER TABLE hubs ADD COLUMN rating_valid_years INTEGER;"
	"ALTER TABLE hubs ADD COLUMN rating_warn_days INTEGER;"
	"CREATE TABLE ratings(id INTEGER PRIMARY KEY,"
	" tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" grade INTEGER NOT NULL CHECK(grade BETWEEN 1 AND 5), rated_on INTEGER NOT NULL,"
	" expires_on INTEGER NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,"
	" UNIQUE(tenant_id, rated_on)) STRICT;"
	"CREATE INDEX ratings_expiry ON ratings(expires_on);",
	NULL,
};
/* clang-format on */

fh_status fh_rating_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "UPDATE hubs SET rating_valid_years = ?2, rating_warn_days = ?3 WHERE id = ?1",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, r->rating.valid_years);
	fh_bind_int(q, 3, r->rating.warn_days);
	return fh_store_done(s, q, _("saving hub rules"), err);
}

void fh_rating_describe_rules(fh_buf *b, const fh_rules *r)
{
	fh_buf_printf(b, "|rt:%d:%d", r->rating.valid_years, r->rating.warn_days);
}

static void rules_read(fh_stmt *q, void *out)
{
	fh_rating_rules *r = out;
	fh_rating_rules_defaults(r); /* a hub kept before the module: its defaults until `fuhua init` */
	if (!fh_column_null(q, 0))
		r->valid_years = fh_column_int(q, 0);
	if (!fh_column_null(q, 1))
		r->warn_days = fh_column_int(q, 1);
}

static fh_status hub_rules(fh_store *s, int64_t hub, fh_rating_rules *r, fh_error *err)
{
	return fh_store_hub_row(s, "SELECT rating_valid_years, rating_warn_days FROM hubs WHERE id = ?1", hub,
				rules_read, r, err);
}

/* The rating of tenant `tenant` of `hub`, given on `on`: its row (a grade
 * corrected on the same day replaces the day's). */
static fh_status record(fh_store *s, const char *by, int64_t tenant, int64_t hub, int grade, int64_t on, fh_error *err)
{
	fh_rating_rules r;
	fh_stmt *q;
	fh_status st = hub_rules(s, hub, &r, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				"INSERT INTO ratings(tenant_id, grade, rated_on, expires_on, created_at, created_by)"
				" VALUES(?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(tenant_id, rated_on) DO UPDATE SET"
				" grade = excluded.grade, expires_on = excluded.expires_on",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	fh_bind_int(q, 2, grade);
	fh_bind_int64(q, 3, on);
	fh_bind_int64(q, 4, fh_clock_add_months(on, 12 * r.valid_years) - DAY);
	fh_bind_int64(q, 5, fh_clock_now());
	fh_bind_str(q, 6, by);
	return fh_store_done(s, q, _("saving the rating"), err);
}

fh_status fh_rating_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	const fh_tenant *a = c->old, *b = c->next;
	if (b->rating <= 0 || !b->rating_date[0])
		return FH_OK; /* a rating taken off the record stays in the history */
	if (a && a->rating == b->rating && strcmp(a->rating_date, b->rating_date) == 0)
		return FH_OK;
	int64_t on = fh_date_epoch(b->rating_date);
	if (b->founded[0] && on < fh_rating_eligible_from(fh_date_epoch(b->founded))) {
		char d[16];
		fh_clock_format_date(fh_rating_eligible_from(fh_date_epoch(b->founded)), d, sizeof d);
		return fh_error_set(err, FH_EINVAL, "rating_date",
				    _("not eligible for a rating before %s (two full years after registration on %s)"),
				    d, b->founded);
	}
	return record(s, c->actor->name, b->id, b->hub_id, b->rating, on, err);
}

fh_status fh_rating_after_schema(fh_store *s, int from, fh_error *err)
{
	return from >= 1 ? FH_OK : fh_rating_seed(s, "migration", err);
}

fh_status fh_rating_seed(fh_store *s, const char *by, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT id, hub_id, rating, rating_date FROM tenants WHERE rating > 0"
				     " AND rating_date IS NOT NULL AND id > ?1 ORDER BY id LIMIT 1",
				     &q, err);
	int64_t after = 0;
	while (st == FH_OK) {
		fh_bind_int64(q, 1, after);
		int rc = fh_step(q);
		if (rc == FH_DONE) {
			fh_reset(q);
			break;
		}
		if (rc != FH_ROW) {
			fh_reset(q);
			return fh_store_fail(s, err, _("migrating the database"));
		}
		after = fh_column_int64(q, 0);
		int64_t hub = fh_column_int64(q, 1);
		int grade = fh_column_int(q, 2);
		int64_t on = fh_date_epoch(fh_column_str(q, 3));
		fh_reset(q);
		st = record(s, by, after, hub, grade, on, err);
		if (st == FH_OK)
			st = fh_store_stmt(s,
					   "SELECT id, hub_id, rating, rating_date FROM tenants WHERE rating > 0"
					   " AND rating_date IS NOT NULL AND id > ?1 ORDER BY id LIMIT 1",
					   &q, err);
	}
	return st;
}

static void rating_read(fh_stmt *q, void *row)
{
	fh_rating *r = row;
	memset(r, 0, sizeof *r);
	r->id = fh_column_int64(q, 0);
	r->tenant_id = fh_column_int64(q, 1);
	r->hub_id = fh_column_int64(q, 2);
	fh_column_text(q, 3, r->tenant, sizeof r->tenant);
	fh_column_text(q, 4, r->hub_code, sizeof r->hub_code);
	r->grade = fh_column_int(q, 5);
	r->rated_on = fh_column_int64(q, 6);
	r->expires_on = fh_column_int64(q, 7);
}

#define RATING_COLUMNS                                                                                  \
	"r.id, r.tenant_id, t.hub_id, t.name, h.code, r.grade, r.rated_on, r.expires_on FROM ratings r" \
	" JOIN tenants t ON t.id = r.tenant_id JOIN hubs h ON h.id = t.hub_id"

fh_status fh_rating_history(fh_store *s, const fh_actor *actor, int64_t tenant, fh_rating **rows, size_t *n,
			    fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_tenant t;
	fh_stmt *q;
	fh_status st = fh_tenant_get_by_id(s, actor, tenant, &t, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s, "SELECT " RATING_COLUMNS " WHERE r.tenant_id = ?1 ORDER BY r.rated_on DESC", &q,
				err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	return fh_store_rows(s, q, rows, n, sizeof **rows, rating_read, _("reading ratings"), err);
}

fh_status fh_rating_expiring(fh_store *s, const fh_actor *actor, const char *hub_code, int days, int max,
			     fh_rating **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_rating_rules r;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK || (st = hub_rules(s, hub, &r, err)) != FH_OK)
		return st;
	int64_t today = fh_clock_day(fh_clock_now());
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT " RATING_COLUMNS
				" WHERE +t.hub_id IN (SELECT id FROM scope) AND t.stage != 'exited'"
				" AND r.expires_on BETWEEN ?2 AND ?3 AND r.rated_on = (SELECT max(x.rated_on)"
				" FROM ratings x WHERE x.tenant_id = r.tenant_id) ORDER BY r.expires_on, r.id LIMIT ?4",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, today - 365 * DAY);
	fh_bind_int64(q, 3, today + (int64_t)(days > 0 ? days : r.warn_days) * DAY);
	fh_bind_int(q, 4, max > 0 ? max : -1);
	return fh_store_rows(s, q, rows, n, sizeof **rows, rating_read, _("reading ratings"), err);
}

static void total_read(fh_stmt *q, void *row)
{
	fh_rating_total *t = row;
	memset(t, 0, sizeof *t);
	fh_column_text(q, 0, t->hub_code, sizeof t->hub_code);
	t->registered = fh_column_int(q, 1);
	t->eligible = fh_column_int(q, 2);
	t->rated = fh_column_int(q, 3);
	t->a3plus = fh_column_int(q, 4);
	t->participation = t->eligible ? 100.0 * t->rated / t->eligible : 0;
}

fh_status fh_rating_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t at, fh_rating_total **rows,
			   size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	int64_t day = fh_clock_day(at ? at : fh_clock_now());
	char by[16];
	fh_clock_format_date(registered_by(day), by, sizeof by);
	/* the rating that holds on the day: the latest given by then, not expired */
	if ((st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT h.code, count(*), sum(t.founded <= ?3),"
		     " sum(t.founded <= ?3 AND g.grade IS NOT NULL), sum(t.founded <= ?3 AND g.grade >= 3)"
		     " FROM tenants t JOIN hubs h ON h.id = t.hub_id"
		     " LEFT JOIN (SELECT r.tenant_id, r.grade FROM ratings r WHERE r.rated_on <= ?2 AND r.expires_on >= ?2"
		     "  AND r.rated_on = (SELECT max(x.rated_on) FROM ratings x WHERE x.tenant_id = r.tenant_id"
		     "  AND x.rated_on <= ?2)) g ON g.tenant_id = t.id"
		     " WHERE t.hub_id IN (SELECT id FROM scope) AND t.reg_state = 'registered'"
		     " AND t.stage IN ('incubating', 'graduated') GROUP BY t.hub_id ORDER BY h.code",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, day);
	fh_bind_str(q, 3, by);
	return fh_store_rows(s, q, rows, n, sizeof **rows, total_read, _("reading ratings"), err);
}
