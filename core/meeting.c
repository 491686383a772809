/* fuhua core — a branch's organisational life (三会一课), the branches
 * behind it, and the star rating of Party organisations (meeting.h). */
#include "fuhua/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "meeting_int.h"
#include "store_int.h"

#define DAY 86400

/* clang-format off */
const char *const fh_meeting_schema[] = {
	/* 1: meetings of own and joint branches, and the stars of each year */
	"ALTER TABLE hubs ADD COLUMN meeting_months TEXT;"
	"CREATE TABLE meetings(id INTEGER PRIMARY KEY, hub_id INTEGER NOT NULL REFERENCES hubs(id),"
	" tenant_id INTEGER REFERENCES tenants(id) ON DELETE CASCADE,"
	" branch_id INTEGER REFERENCES party_branches(id) ON DELETE CASCADE,"
	" kind TEXT NOT NULL CHECK(kind IN ('general', 'committee', 'group', 'lecture')),"
	" on_day INTEGER NOT NULL, attendance INTEGER NOT NULL CHECK(attendance BETWEEN 0 AND 1000),"
	" topic TEXT NOT NULL, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,"
	" CHECK((tenant_id IS NULL) != (branch_id IS NULL))) STRICT;"
	"CREATE INDEX meetings_tenant ON meetings(tenant_id, kind, on_day) WHERE tenant_id IS NOT NULL;"
	"CREATE INDEX meetings_branch ON meetings(branch_id, kind, on_day) WHERE branch_id IS NOT NULL;"
	"CREATE INDEX meetings_hub ON meetings(hub_id, on_day);"
	"CREATE TABLE party_stars(tenant_id INTEGER NOT NULL, branch_id INTEGER NOT NULL, year INTEGER NOT NULL,"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), stars INTEGER NOT NULL CHECK(stars BETWEEN 1 AND 5),"
	" updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" PRIMARY KEY(tenant_id, branch_id, year)) STRICT, WITHOUT ROWID;"
	"CREATE TRIGGER changes_meetings_i AFTER INSERT ON meetings BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'party'; END;",
	/* 2: when each branch's next meeting of each kind is due (meeting_due.c) */
	fh_meeting_due_step,
	NULL,
};
/* clang-format on */

fh_status fh_meeting_after_schema(fh_store *s, int from, fh_error *err)
{
	return from < 2 ? fh_meeting_due_fill(s, err) : FH_OK;
}

fh_status fh_meeting_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	char text[64];
	const int *m = r->meeting.months;
	snprintf(text, sizeof text, "%d,%d,%d,%d", m[0], m[1], m[2], m[3]);
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "UPDATE hubs SET meeting_months = ?2 WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_str(q, 2, text);
	return fh_store_done(s, q, _("saving hub rules"), err);
}

void fh_meeting_describe_rules(fh_buf *b, const fh_rules *r)
{
	const int *m = r->meeting.months;
	fh_buf_printf(b, "|mt:%d:%d:%d:%d", m[0], m[1], m[2], m[3]);
}

/* A hub's months as kept ("3,1,1,3"), its defaults for none. */
static void months_of(const char *text, fh_meeting_rules *r)
{
	fh_meeting_rules_defaults(r);
	for (int i = 0; text && *text && i < FH_MEETING_KIND_COUNT; i++) {
		r->months[i] = atoi(text);
		text += strcspn(text, ",");
		text += *text == ',';
	}
}

/* The branch a meeting or stars are for, in the actor's scope and the
 * write transaction: its hub and name. */
static fh_status branch_of(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t branch, int64_t *hub,
			   char name[128], fh_error *err)
{
	if ((tenant != 0) == (branch != 0))
		return fh_error_set(err, FH_EINVAL, "branch", "%s",
				    _("a tenant's own branch or a joint branch, one of them"));
	fh_status st;
	if (tenant) {
		fh_tenant t;
		if ((st = fh_tenant_get_by_id(s, actor, tenant, &t, err)) != FH_OK)
			return st;
		if (t.party_org != FH_PARTY_BRANCH)
			return fh_error_set(err, FH_EINVAL, "tenant", _("%s has no branch of its own"), t.name);
		*hub = t.hub_id;
		fh_text_copy(name, 128, t.name);
		return FH_OK;
	}
	fh_branch b;
	if ((st = fh_branch_get(s, actor, branch, &b, err)) != FH_OK)
		return st;
	*hub = b.hub_id;
	fh_text_copy(name, 128, b.name);
	return FH_OK;
}

static fh_status add_locked(fh_store *s, const fh_actor *actor, fh_meeting *m, int64_t *id, fh_error *err)
{
	fh_status st = branch_of(s, actor, m->tenant_id, m->branch_id, &m->hub_id, m->branch, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO meetings(hub_id, tenant_id, branch_id, kind, on_day, attendance, topic,"
				" created_at, created_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, m->hub_id);
	if (m->tenant_id)
		fh_bind_int64(q, 2, m->tenant_id);
	if (m->branch_id)
		fh_bind_int64(q, 3, m->branch_id);
	fh_bind_str(q, 4, fh_meeting_kind_name(m->kind));
	fh_bind_int64(q, 5, m->on);
	fh_bind_int(q, 6, m->attendance);
	fh_bind_str(q, 7, m->topic);
	fh_bind_int64(q, 8, fh_clock_now());
	fh_bind_str(q, 9, actor->name);
	if ((st = fh_store_done(s, q, _("saving the meeting"), err)) != FH_OK)
		return st;
	*id = fh_store_last_id(s);
	char d[16];
	fh_buf b = FH_BUF_INIT;
	fh_buf_printf(&b,
		      "{\"meeting\":%lld,\"kind\":\"%s\",\"on\":\"%s\",\"attendance\":%d,\"topic\":", (long long)*id,
		      fh_meeting_kind_name(m->kind), fh_clock_format_date(m->on, d, sizeof d), m->attendance);
	fh_buf_json_string(&b, m->topic);
	fh_buf_puts(&b, "}");
	st = m->tenant_id
		? fh_audit_write(s, actor, m->hub_id, "tenant", m->tenant_id, "meeting", NULL, fh_buf_str(&b), err)
		: fh_audit_write(s, actor, m->hub_id, "branch", m->branch_id, "meeting", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_meeting_add(fh_store *s, const fh_actor *actor, const fh_meeting *in, int64_t *id, fh_error *err)
{
	fh_meeting m = *in;
	fh_status st = fh_text_field_take(m.topic, sizeof m.topic, 60, in->topic, false, false, "topic", err);
	if (st != FH_OK)
		return st;
	if ((unsigned)m.kind >= FH_MEETING_KIND_COUNT)
		return fh_error_set(err, FH_EINVAL, "kind", "%s", _("general, committee, group or lecture"));
	m.on = fh_clock_day(m.on ? m.on : fh_clock_now());
	if (m.on > fh_clock_day(fh_clock_now()))
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	if (m.attendance < 0 || m.attendance > 1000)
		return fh_error_set(err, FH_EINVAL, "attendance", "%s", _("members present: 0 to 1000"));
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, add_locked(s, actor, &m, id, err), err);
}

static void meeting_read(fh_stmt *q, void *row)
{
	fh_meeting *m = row;
	memset(m, 0, sizeof *m);
	m->id = fh_column_int64(q, 0);
	m->hub_id = fh_column_int64(q, 1);
	m->tenant_id = fh_column_int64(q, 2);
	m->branch_id = fh_column_int64(q, 3);
	fh_column_text(q, 4, m->branch, sizeof m->branch);
	fh_column_text(q, 5, m->hub_code, sizeof m->hub_code);
	fh_meeting_kind_parse(fh_column_str(q, 6), &m->kind);
	m->on = fh_column_int64(q, 7);
	m->attendance = fh_column_int(q, 8);
	fh_column_text(q, 9, m->topic, sizeof m->topic);
}

fh_status fh_meeting_list(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t tenant, int64_t branch,
			  int year, fh_meeting **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	char a[40], b[40];
	snprintf(a, sizeof a, "%04d-01-01", year ? year : 1970);
	snprintf(b, sizeof b, "%04d-01-01", year ? year + 1 : 2999);
	if ((st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT m.id, m.hub_id, coalesce(m.tenant_id, 0), coalesce(m.branch_id, 0),"
		     " coalesce(t.name, b.name), h.code, m.kind, m.on_day, m.attendance, m.topic FROM meetings m"
		     " JOIN hubs h ON h.id = m.hub_id LEFT JOIN tenants t ON t.id = m.tenant_id"
		     " LEFT JOIN party_branches b ON b.id = m.branch_id"
		     " WHERE m.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR m.tenant_id = ?2)"
		     " AND (?3 = 0 OR m.branch_id = ?3) AND m.on_day >= ?4 AND m.on_day < ?5"
		     " ORDER BY m.on_day DESC, m.id DESC",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, tenant);
	fh_bind_int64(q, 3, branch);
	fh_bind_int64(q, 4, fh_date_epoch(a));
	fh_bind_int64(q, 5, fh_date_epoch(b));
	return fh_store_rows(s, q, rows, n, sizeof **rows, meeting_read, _("reading meetings"), err);
}

/* Every branch of the scope with the last meeting of each kind held by
 * day ?2: tenant, branch, name, hub, hub code, since, months, last × 4. */
#define LAST(k, who)                                                                               \
	" (SELECT coalesce(max(m.on_day), 0) FROM meetings m WHERE m." who " AND m.kind = '" k "'" \
	" AND m.on_day <= ?2)"
#define LASTS(who) LAST("general", who) "," LAST("committee", who) "," LAST("group", who) "," LAST("lecture", who)
static const char branches_sql[] = FH_SQL_SCOPE
	"SELECT t.id, 0, t.name, t.hub_id, h.code, coalesce(unixepoch(p.founded) - 28800, t.admitted_on, t.stage_since),"
	" h.meeting_months," LASTS(
		"tenant_id = t.id") " FROM tenants t JOIN hubs h ON h.id = t.hub_id LEFT JOIN party p ON p.tenant_id = t.id"
				    " WHERE t.hub_id IN (SELECT id FROM scope) AND t.party_org = 'branch' AND t.stage = 'incubating'"
				    " UNION ALL SELECT 0, b.id, b.name, b.hub_id, h.code, coalesce(unixepoch(b.founded) - 28800, b.updated_at),"
				    " h.meeting_months," LASTS(
					    "branch_id = b.id") " FROM party_branches b JOIN hubs h ON h.id = b.hub_id WHERE b.hub_id IN (SELECT id FROM scope)";

/* Calls `each` for every kind a branch of hub's scope is behind in on
 * `day`, a branch's kinds one after another: FH_OK, or the store's
 * error. */
static fh_status each_behind(fh_store *s, int64_t hub, int64_t day, void (*each)(void *ctx, const fh_meeting_behind *b),
			     void *ctx, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, branches_sql, &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, day);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_meeting_behind b = { .tenant_id = fh_column_int64(q, 0), .branch_id = fh_column_int64(q, 1) };
		fh_column_text(q, 2, b.branch, sizeof b.branch);
		fh_column_text(q, 4, b.hub_code, sizeof b.hub_code);
		int64_t since = fh_clock_day(fh_column_int64(q, 5));
		fh_meeting_rules r;
		months_of(fh_column_null(q, 6) ? NULL : fh_column_str(q, 6), &r);
		for (int k = 0; k < FH_MEETING_KIND_COUNT; k++) {
			if (!r.months[k])
				continue;
			b.kind = (fh_meeting_kind)k;
			b.last = fh_column_int64(q, 7 + k);
			b.due = fh_clock_add_months(b.last ? b.last : since, r.months[k]);
			if (b.due >= day)
				continue;
			b.days = (int)((day - b.due) / DAY);
			each(ctx, &b);
		}
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading meetings"));
}

struct behind_rows {
	fh_meeting_behind *rows;
	size_t n, cap;
	bool failed;
};

static void add_behind(void *ctx, const fh_meeting_behind *b)
{
	struct behind_rows *x = ctx;
	if (x->failed)
		return;
	if (!fh_grow(&x->rows, &x->cap, x->n + 1, sizeof *x->rows)) {
		x->failed = true;
		return;
	}
	x->rows[x->n++] = *b;
}

static int most_behind(const void *a, const void *b)
{
	const fh_meeting_behind *x = a, *y = b;
	return x->days != y->days ? y->days - x->days : strcmp(x->branch, y->branch);
}

/* The branches of hub's scope behind on `day`, at most limit (0: all)
 * when most behind first: from the days kept due (meeting_due.c) for
 * today or later — no meeting is held in the future — else from the
 * meetings held by that day. */
static fh_status behind(fh_store *s, int64_t hub, int64_t day, int limit, struct behind_rows *x, fh_error *err)
{
	if (day >= fh_clock_day(fh_clock_now()))
		return fh_meeting_due_behind(s, hub, day, limit, add_behind, x, err);
	fh_status st = each_behind(s, hub, day, add_behind, x, err);
	if (st == FH_OK && limit > 0 && x->n) {
		qsort(x->rows, x->n, sizeof *x->rows, most_behind);
		if (x->n > (size_t)limit)
			x->n = (size_t)limit;
	}
	return st;
}

fh_status fh_meeting_behind_list(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t at, int limit,
				 fh_meeting_behind **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	struct behind_rows x = { 0 };
	if (st != FH_OK || (st = behind(s, hub, fh_clock_day(at ? at : fh_clock_now()), limit, &x, err)) != FH_OK ||
	    x.failed) {
		free(x.rows);
		return st != FH_OK ? st : fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	}
	if (x.n)
		qsort(x.rows, x.n, sizeof *x.rows, most_behind);
	*rows = x.rows;
	*n = x.n;
	return FH_OK;
}

static fh_status stars_locked(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t branch, int year, int stars,
			      fh_error *err)
{
	int64_t hub;
	char name[128];
	fh_status st = branch_of(s, actor, tenant, branch, &hub, name, err);
	if (st != FH_OK)
		return st;
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("stars are a manager's to give"));
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				stars ? "INSERT INTO party_stars(tenant_id, branch_id, year, hub_id, stars, updated_at,"
					" updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO UPDATE SET"
					" stars = excluded.stars, hub_id = excluded.hub_id,"
					" updated_at = excluded.updated_at, updated_by = excluded.updated_by"
				      : "DELETE FROM party_stars WHERE tenant_id = ?1 AND branch_id = ?2 AND year = ?3",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	fh_bind_int64(q, 2, branch);
	fh_bind_int(q, 3, year);
	if (stars) {
		fh_bind_int64(q, 4, hub);
		fh_bind_int(q, 5, stars);
		fh_bind_int64(q, 6, fh_clock_now());
		fh_bind_str(q, 7, actor->name);
	}
	if ((st = fh_store_done(s, q, _("saving the stars"), err)) != FH_OK)
		return st;
	char nb[64];
	snprintf(nb, sizeof nb, "{\"year\":%d,\"stars\":%d}", year, stars);
	return tenant ? fh_audit_write(s, actor, hub, "tenant", tenant, "stars", NULL, nb, err)
		      : fh_audit_write(s, actor, hub, "branch", branch, "stars", NULL, nb, err);
}

fh_status fh_meeting_stars_set(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t branch, int year, int stars,
			       fh_error *err)
{
	char d[16];
	int this_year = atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d));
	if (stars < 0 || stars > 5)
		return fh_error_set(err, FH_EINVAL, "stars", "%s", _("1 to 5 stars, or 0 to take them away"));
	if (year < 2000 || year > this_year)
		return fh_error_set(err, FH_EINVAL, "year", _("a year from 2000 to %d"), this_year);
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	return fh_tx_end(s, stars_locked(s, actor, tenant, branch, year, stars, err), err);
}

struct hub_totals {
	fh_meeting_total *rows;
	size_t n, cap;
	bool failed;
};

static fh_meeting_total *total_for(struct hub_totals *x, const char *hub)
{
	for (size_t i = 0; i < x->n; i++)
		if (strcmp(x->rows[i].hub_code, hub) == 0)
			return &x->rows[i];
	if (!fh_grow(&x->rows, &x->cap, x->n + 1, sizeof *x->rows)) {
		x->failed = true;
		return NULL;
	}
	fh_meeting_total *t = &x->rows[x->n++];
	memset(t, 0, sizeof *t);
	fh_text_copy(t->hub_code, sizeof t->hub_code, hub);
	return t;
}

static int by_code(const void *a, const void *b)
{
	return strcmp(((const fh_meeting_total *)a)->hub_code, ((const fh_meeting_total *)b)->hub_code);
}

/* The branches of each hub of the scope by their stars of `year` ([0]:
 * none given) into x: FH_OK or the store's error. */
static fh_status count_stars(fh_store *s, int64_t hub, int year, struct hub_totals *x, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     FH_SQL_SCOPE
				     "SELECT h.code, x.stars, count(*) FROM party_stars x JOIN hubs h"
				     " ON h.id = x.hub_id WHERE x.hub_id IN (SELECT id FROM scope) AND x.year = ?2"
				     " GROUP BY x.hub_id, x.stars",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, year);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_meeting_total *t = total_for(x, fh_column_str(q, 0));
		int stars = fh_column_int(q, 1);
		if (t && stars >= 1 && stars <= 5)
			t->stars[stars] += fh_column_int(q, 2);
	}
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("reading meetings"));
	for (size_t i = 0; i < x->n; i++) {
		int given = 0;
		for (int k = 1; k <= 5; k++)
			given += x->rows[i].stars[k];
		x->rows[i].stars[0] = x->rows[i].branches > given ? x->rows[i].branches - given : 0;
	}
	return FH_OK;
}

struct totals_of {
	struct hub_totals *x;
	bool behind; /* the branches behind are the kept ones' */
};

static void count_into(void *ctx, const char *hub_code, int what, int64_t n, int64_t m)
{
	struct totals_of *o = ctx;
	fh_meeting_total *t = total_for(o->x, hub_code);
	if (!t)
		return;
	if (what < 0) {
		t->branches = (int)n;
		if (o->behind)
			t->behind = (int)m;
	} else if (what < FH_MEETING_KIND_COUNT) {
		t->held[what] += (int)n;
		t->attendance += (int)m;
	}
}

/* The branches of each hub of hub's scope behind on an earlier year's
 * last day, counted from the meetings held by then, into x. */
static fh_status behind_then(fh_store *s, int64_t hub, int64_t day, struct hub_totals *x, fh_error *err)
{
	struct behind_rows br = { 0 };
	fh_status st = each_behind(s, hub, day, add_behind, &br, err); /* a branch's kinds one after another */
	for (size_t i = 0; st == FH_OK && !br.failed && i < br.n; i++) {
		bool again = i > 0 && br.rows[i - 1].tenant_id == br.rows[i].tenant_id &&
			br.rows[i - 1].branch_id == br.rows[i].branch_id;
		fh_meeting_total *t = again ? NULL : total_for(x, br.rows[i].hub_code);
		if (t) /* a branch behind in several kinds counts once */
			t->behind++;
	}
	free(br.rows);
	return st == FH_OK && br.failed ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory")) : st;
}

fh_status fh_meeting_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int year, fh_meeting_total **rows,
			    size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	if (year < 2000 || year > 2100)
		return fh_error_set(err, FH_EINVAL, "year", "%s", _("a year from 2000 to 2100"));
	char a[11];
	snprintf(a, sizeof a, "%04d-12-31", year);
	int64_t end = fh_date_epoch(a), today = fh_clock_day(fh_clock_now());
	int64_t day = end < today ? end : today;
	struct hub_totals x = { 0 };
	struct totals_of o = { &x, day >= today };
	/* the branches, the year's meetings and (today) those behind, kept */
	if ((st = fh_meeting_due_counts(s, hub, day, year, count_into, &o, err)) == FH_OK && !o.behind)
		st = behind_then(s, hub, day, &x, err);
	if (st == FH_OK && (st = count_stars(s, hub, year, &x, err)) == FH_OK && x.failed)
		st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	if (st != FH_OK) {
		free(x.rows);
		return st;
	}
	if (x.n)
		qsort(x.rows, x.n, sizeof *x.rows, by_code);
	*rows = x.rows;
	*n = x.n;
	return FH_OK;
}
