/* fuhua core — follow-ups after graduation and 以社孵社 (followup.h). */
#include "fuhua/followup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "followup_int.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "modules.h"
#include "store_int.h"

#define DAY 86400

static const char *const state_names[FH_FOLLOWUP_STATE_COUNT][2] = {
	{ "open", "待跟踪" },
	{ "operating", "正常运营" },
	{ "difficulty", "运营困难" },
	{ "dissolved", "已注销" },
};

const char *fh_followup_state_name(fh_followup_state s)
{
	return (unsigned)s < FH_FOLLOWUP_STATE_COUNT ? state_names[s][0] : NULL;
}

bool fh_followup_state_parse(const char *text, fh_followup_state *out)
{
	int i = fh_word_find(state_names, FH_FOLLOWUP_STATE_COUNT, text);
	if (i < 0)
		return false;
	*out = (fh_followup_state)i;
	return true;
}

/* clang-format off */
const char *const fh_followup_schema[] = {
	/* 1: follow-ups after graduation, and who incubates whom */
	"ALTER TABLE hubs ADD COLUMN followup_months TEXT;"
	"CREATE TABLE followups(id INTEGER PRIMARY KEY,"
	" tenant_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), graduated_on INTEGER NOT NULL, months INTEGER NOT NULL,"
	" due INTEGER NOT NULL,"
	" done_on INTEGER, state TEXT NOT NULL CHECK(state IN ('open', 'operating', 'difficulty', 'dissolved')),"
	" served INTEGER NOT NULL CHECK(served >= 0), notes TEXT NOT NULL,"
	" updated_at INTEGER NOT NULL, updated_by TEXT NOT NULL,"
	" CHECK((state = 'open') = (done_on IS NULL)), UNIQUE(tenant_id, months)) STRICT;"
	"CREATE INDEX followups_open ON followups(due) WHERE done_on IS NULL;"
	"CREATE INDEX followups_hub ON followups(hub_id, due);"
	"CREATE TABLE incubations(by_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,"
	" other_id INTEGER NOT NULL REFERENCES tenants(id) ON DELETE CASCADE, since INTEGER NOT NULL,"
	" created_at INTEGER NOT NULL, created_by TEXT NOT NULL, CHECK(by_id != other_id),"
	" PRIMARY KEY(by_id, other_id)) STRICT, WITHOUT ROWID;"
	"CREATE INDEX incubations_other ON incubations(other_id);"
	"CREATE TRIGGER changes_followups_u AFTER UPDATE ON followups BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;"
	"CREATE TRIGGER changes_incubations_i AFTER INSERT ON incubations BEGIN"
	" UPDATE changes SET n = n + 1 WHERE topic = 'tenant'; END;",
	NULL,
};
/* clang-format on */

fh_status fh_followup_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	char text[64] = "";
	for (int i = 0; i < r->followup.n; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text), "%s%d", i ? "," : "", r->followup.months[i]);
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "UPDATE hubs SET followup_months = ?2 WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_str(q, 2, text);
	return fh_store_done(s, q, _("saving hub rules"), err);
}

void fh_followup_describe_rules(fh_buf *b, const fh_rules *r)
{
	fh_buf_puts(b, "|fu");
	for (int i = 0; i < r->followup.n; i++)
		fh_buf_printf(b, ":%d", r->followup.months[i]);
}

static void rules_read(fh_stmt *q, void *out)
{
	fh_followup_rules *r = out;
	fh_followup_rules_defaults(r); /* a hub kept before the module: its defaults until `fuhua init` */
	if (fh_column_null(q, 0))
		return;
	const char *p = fh_column_str(q, 0);
	r->n = 0;
	while (*p && r->n < FH_FOLLOWUP_MAX) {
		r->months[r->n++] = atoi(p);
		p += strcspn(p, ",");
		p += *p == ',';
	}
}

/* Opens tenant t's follow-ups, graduated on `day`, at its hub's months
 * (those there already stay as they are). */
static fh_status open_followups(fh_store *s, const char *by, int64_t t, int64_t hub, int64_t day, fh_error *err)
{
	fh_followup_rules r;
	fh_stmt *q;
	fh_status st = fh_store_hub_row(s, "SELECT followup_months FROM hubs WHERE id = ?1", hub, rules_read, &r, err);
	for (int i = 0; st == FH_OK && i < r.n; i++) {
		if ((st = fh_store_stmt(
			     s,
			     "INSERT INTO followups(tenant_id, hub_id, graduated_on, months, due, state, served,"
			     " notes, updated_at, updated_by) VALUES(?1, ?2, ?7, ?3, ?4, 'open', 0, '', ?5, ?6)"
			     " ON CONFLICT(tenant_id, months) DO NOTHING",
			     &q, err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, t);
		fh_bind_int64(q, 2, hub);
		fh_bind_int(q, 3, r.months[i]);
		fh_bind_int64(q, 4, fh_clock_add_months(day, r.months[i]));
		fh_bind_int64(q, 5, fh_clock_now());
		fh_bind_str(q, 6, by);
		fh_bind_int64(q, 7, day);
		st = fh_store_done(s, q, _("opening follow-ups"), err);
	}
	return st;
}

fh_status fh_followup_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	const fh_tenant *b = c->next;
	if (b->stage != FH_STAGE_GRADUATED || (c->old && c->old->stage == FH_STAGE_GRADUATED))
		return FH_OK;
	return open_followups(s, c->actor->name, b->id, b->hub_id,
			      fh_clock_day(b->stage_since ? b->stage_since : c->on), err);
}

fh_status fh_followup_after_schema(fh_store *s, int from, fh_error *err)
{
	return from >= 1 ? FH_OK : fh_followup_seed(s, "migration", err);
}

fh_status fh_followup_seed(fh_store *s, const char *by, fh_error *err)
{
	static const char sql[] = "SELECT id, hub_id, stage_since FROM tenants WHERE stage = 'graduated'"
				  " AND stage_since >= ?2 AND id > ?1 ORDER BY id LIMIT 1";
	fh_stmt *q;
	fh_status st = FH_OK;
	int64_t after = 0, since = fh_clock_add_months(fh_clock_day(fh_clock_now()), -60);
	while (st == FH_OK && (st = fh_store_stmt(s, sql, &q, err)) == FH_OK) {
		fh_bind_int64(q, 1, after);
		fh_bind_int64(q, 2, since);
		int rc = fh_step(q);
		int64_t hub = 0, day = 0;
		if (rc == FH_ROW) {
			after = fh_column_int64(q, 0);
			hub = fh_column_int64(q, 1);
			day = fh_clock_day(fh_column_int64(q, 2));
		}
		fh_reset(q);
		if (rc == FH_DONE)
			break;
		if (rc != FH_ROW)
			return fh_store_fail(s, err, _("migrating the database"));
		st = open_followups(s, by, after, hub, day, err);
	}
	return st;
}

#define FOLLOWUP_COLUMNS                                                                                           \
	"f.id, f.tenant_id, f.hub_id, t.name, h.code, f.months, f.due, coalesce(f.done_on, 0), f.state, f.served," \
	" f.notes, CASE WHEN f.done_on IS NULL AND f.due < ?9 THEN (?9 - f.due) / 86400 ELSE 0 END,"               \
	" f.graduated_on"                                                                                          \
	" FROM followups f JOIN tenants t ON t.id = f.tenant_id JOIN hubs h ON h.id = f.hub_id"

static void followup_read(fh_stmt *q, void *row)
{
	fh_followup *f = row;
	memset(f, 0, sizeof *f);
	f->id = fh_column_int64(q, 0);
	f->tenant_id = fh_column_int64(q, 1);
	f->hub_id = fh_column_int64(q, 2);
	fh_column_text(q, 3, f->tenant, sizeof f->tenant);
	fh_column_text(q, 4, f->hub_code, sizeof f->hub_code);
	f->months = fh_column_int(q, 5);
	f->due = fh_column_int64(q, 6);
	f->done_on = fh_column_int64(q, 7);
	fh_followup_state_parse(fh_column_str(q, 8), &f->state);
	f->served = fh_column_int(q, 9);
	fh_column_text(q, 10, f->notes, sizeof f->notes);
	f->late_days = fh_column_int(q, 11);
	f->graduated_on = fh_column_int64(q, 12);
}

static fh_status record_locked(fh_store *s, const fh_actor *actor, const fh_followup *in, int64_t day, fh_error *err)
{
	fh_stmt *q;
	fh_followup f;
	fh_status st = fh_store_stmt(s, "SELECT " FOLLOWUP_COLUMNS " WHERE f.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, in->id);
	fh_bind_int64(q, 9, day);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		followup_read(q, &f);
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "followup", _("no follow-up no. %lld"), (long long)in->id);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading follow-ups"));
	if ((st = fh_actor_scope(s, actor, f.hub_id, err)) != FH_OK)
		return st;
	if (f.done_on)
		return fh_error_set(err, FH_ECONFLICT, "followup", _("follow-up no. %lld was recorded already"),
				    (long long)in->id);
	if (day < f.graduated_on)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("a follow-up comes after the graduation"));
	if ((st = fh_store_stmt(
		     s,
		     "UPDATE followups SET done_on = ?2, state = ?3, served = ?4, notes = ?5, updated_at = ?6,"
		     " updated_by = ?7 WHERE id = ?1",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, in->id);
	fh_bind_int64(q, 2, day);
	fh_bind_str(q, 3, fh_followup_state_name(in->state));
	fh_bind_int(q, 4, in->served);
	fh_bind_str(q, 5, in->notes);
	fh_bind_int64(q, 6, fh_clock_now());
	fh_bind_str(q, 7, actor->name);
	if ((st = fh_store_done(s, q, _("saving the follow-up"), err)) != FH_OK)
		return st;
	if (in->state == FH_FOLLOWUP_DISSOLVED) { /* no visit after a graduate is gone */
		if ((st = fh_store_stmt(s,
					"UPDATE followups SET done_on = ?2, state = 'dissolved', notes = ?3,"
					" updated_at = ?4, updated_by = ?5 WHERE tenant_id = ?1 AND done_on IS NULL",
					&q, err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, f.tenant_id);
		fh_bind_int64(q, 2, day);
		fh_bind_str(q, 3, _("closed: the organisation was dissolved"));
		fh_bind_int64(q, 4, fh_clock_now());
		fh_bind_str(q, 5, actor->name);
		if ((st = fh_store_done(s, q, _("saving the follow-up"), err)) != FH_OK)
			return st;
	}
	char nb[160], d[16];
	snprintf(nb, sizeof nb, "{\"followup\":%lld,\"months\":%d,\"on\":\"%s\",\"state\":\"%s\",\"served\":%d}",
		 (long long)in->id, f.months, fh_clock_format_date(day, d, sizeof d), fh_followup_state_name(in->state),
		 in->served);
	return fh_audit_write(s, actor, f.hub_id, "tenant", f.tenant_id, "followup", NULL, nb, err);
}

fh_status fh_followup_record(fh_store *s, const fh_actor *actor, const fh_followup *in, fh_error *err)
{
	fh_followup f = *in;
	int64_t today = fh_clock_day(fh_clock_now()), day = in->done_on ? fh_clock_day(in->done_on) : today;
	fh_status st = fh_text_field_take(f.notes, sizeof f.notes, 200, in->notes, true, false, "notes", err);
	if (st != FH_OK)
		return st;
	if (f.state == FH_FOLLOWUP_OPEN || (unsigned)f.state >= FH_FOLLOWUP_STATE_COUNT)
		return fh_error_set(err, FH_EINVAL, "state", "%s", _("operating, difficulty or dissolved"));
	if (f.served < 0 || f.served > 100000000)
		return fh_error_set(err, FH_EINVAL, "served", "%s", _("people served: 0 to 100000000"));
	if (day > today)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, record_locked(s, actor, &f, day, err), err);
}

fh_status fh_followup_list(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t tenant, int64_t by,
			   int max, fh_followup **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub, today = fh_clock_day(fh_clock_now());
	fh_stmt *q;
	fh_status st;
	if (tenant) {
		fh_tenant t;
		if ((st = fh_tenant_get_by_id(s, actor, tenant, &t, err)) != FH_OK ||
		    (st = fh_store_stmt(s, "SELECT " FOLLOWUP_COLUMNS " WHERE f.tenant_id = ?1 ORDER BY f.due", &q,
					err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, tenant);
	} else {
		if ((st = fh_actor_hub(s, actor, hub_code, &hub, err)) != FH_OK ||
		    (st = fh_store_stmt(s,
					FH_SQL_SCOPE
					"SELECT " FOLLOWUP_COLUMNS " WHERE f.done_on IS NULL AND f.due <= ?2"
					" AND +f.hub_id IN (SELECT id FROM scope) ORDER BY f.due, f.id LIMIT ?3",
					&q, err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, hub);
		fh_bind_int64(q, 2, by ? fh_clock_day(by) : today - DAY);
		fh_bind_int(q, 3, max > 0 ? max : -1);
	}
	fh_bind_int64(q, 9, today);
	return fh_store_rows(s, q, rows, n, sizeof **rows, followup_read, _("reading follow-ups"), err);
}

fh_status fh_followup_overdue(fh_store *s, const fh_actor *actor, const char *hub_code, int *n, fh_error *err)
{
	int64_t hub;
	*n = 0;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	return fh_store_count(s,
			      FH_SQL_SCOPE "SELECT count(*) FROM followups f WHERE f.done_on IS NULL AND f.due < ?2"
					   " AND f.hub_id IN (SELECT id FROM scope)",
			      hub, fh_clock_day(fh_clock_now()), n, _("reading follow-ups"), err);
}

static fh_status link_locked(fh_store *s, const fh_actor *actor, int64_t by, int64_t other, int64_t day, fh_error *err)
{
	fh_tenant a, b;
	fh_status st = fh_tenant_get_by_id(s, actor, by, &a, err);
	if (st != FH_OK || (st = fh_tenant_get_by_id(s, actor, other, &b, err)) != FH_OK)
		return st;
	if (a.stage != FH_STAGE_GRADUATED)
		return fh_error_set(err, FH_EINVAL, "tenant",
				    _("%s has not graduated: only a graduate incubates others"), a.name);
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO incubations(by_id, other_id, since, created_at, created_by)"
				" VALUES(?1, ?2, ?3, ?4, ?5)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, by);
	fh_bind_int64(q, 2, other);
	fh_bind_int64(q, 3, day);
	fh_bind_int64(q, 4, fh_clock_now());
	fh_bind_str(q, 5, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc == FH_STEP_DUPLICATE)
		return fh_error_set(err, FH_ECONFLICT, "other", _("%s incubates %s already"), a.name, b.name);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the link"));
	char nb[96];
	snprintf(nb, sizeof nb, "{\"incubates\":%lld}", (long long)other);
	return fh_audit_write(s, actor, a.hub_id, "tenant", by, "incubates", NULL, nb, err);
}

fh_status fh_followup_link(fh_store *s, const fh_actor *actor, int64_t by, int64_t other, int64_t on, fh_error *err)
{
	int64_t day = on ? fh_clock_day(on) : fh_clock_day(fh_clock_now());
	if (by == other)
		return fh_error_set(err, FH_EINVAL, "other", "%s", _("an organisation does not incubate itself"));
	if (day > fh_clock_day(fh_clock_now()))
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	return fh_tx_end(s, link_locked(s, actor, by, other, day, err), err);
}

static void link_read(fh_stmt *q, void *row)
{
	fh_incubation *x = row;
	memset(x, 0, sizeof *x);
	x->by_id = fh_column_int64(q, 0);
	x->other_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, x->by, sizeof x->by);
	fh_column_text(q, 3, x->other, sizeof x->other);
	x->since = fh_column_int64(q, 4);
}

fh_status fh_followup_links(fh_store *s, const fh_actor *actor, int64_t tenant, fh_incubation **rows, size_t *n,
			    fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_tenant t;
	fh_stmt *q;
	fh_status st = fh_tenant_get_by_id(s, actor, tenant, &t, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				"SELECT i.by_id, i.other_id, a.name, b.name, i.since FROM incubations i"
				" JOIN tenants a ON a.id = i.by_id JOIN tenants b ON b.id = i.other_id"
				" WHERE i.by_id = ?1 OR i.other_id = ?1 ORDER BY i.since, b.name",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	return fh_store_rows(s, q, rows, n, sizeof **rows, link_read, _("reading follow-ups"), err);
}

static void total_read(fh_stmt *q, void *row)
{
	fh_followup_total *t = row;
	memset(t, 0, sizeof *t);
	fh_column_text(q, 0, t->hub_code, sizeof t->hub_code);
	t->graduated = fh_column_int(q, 1);
	t->due = fh_column_int(q, 2);
	t->done = fh_column_int(q, 3);
	t->overdue = fh_column_int(q, 4);
	for (int i = 1; i < FH_FOLLOWUP_STATE_COUNT; i++)
		t->by_state[i] = fh_column_int(q, 4 + i);
	t->by_state[FH_FOLLOWUP_OPEN] = t->due - t->done;
	t->incubating = fh_column_int(q, 8);
	t->incubated = fh_column_int(q, 9);
}

fh_status fh_followup_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int year,
			     fh_followup_total **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	if (year < 2000 || year > 2100)
		return fh_error_set(err, FH_EINVAL, "year", "%s", _("a year from 2000 to 2100"));
	char a[11], b[11];
	snprintf(a, sizeof a, "%04d-01-01", year);
	snprintf(b, sizeof b, "%04d-01-01", year + 1);
	if ((st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT h.code,"
		     /* graduated in the year: still graduated, or left since (its history line) */
		     " (SELECT count(*) FROM tenants t WHERE t.hub_id = h.id AND t.stage = 'graduated'"
		     "  AND t.stage_since >= ?2 AND t.stage_since < ?3)"
		     " + (SELECT count(*) FROM stage_history x JOIN tenants t ON t.id = x.tenant_id WHERE t.hub_id = h.id"
		     "  AND t.stage != 'graduated' AND x.to_stage = 'graduated' AND x.at >= ?2 AND x.at < ?3),"
		     " (SELECT count(*) FROM followups f WHERE f.hub_id = h.id AND f.due >= ?2 AND f.due < ?3),"
		     " (SELECT count(*) FROM followups f WHERE f.hub_id = h.id AND f.due >= ?2 AND f.due < ?3"
		     "  AND f.done_on IS NOT NULL),"
		     " (SELECT count(*) FROM followups f WHERE f.hub_id = h.id AND f.due >= ?2 AND f.due < min(?3, ?4)"
		     "  AND f.done_on IS NULL),"
		     " (SELECT count(*) FROM followups f WHERE f.hub_id = h.id AND f.done_on >= ?2 AND f.done_on < ?3"
		     "  AND f.state = 'operating'),"
		     " (SELECT count(*) FROM followups f WHERE f.hub_id = h.id AND f.done_on >= ?2 AND f.done_on < ?3"
		     "  AND f.state = 'difficulty'),"
		     " (SELECT count(*) FROM followups f WHERE f.hub_id = h.id AND f.done_on >= ?2 AND f.done_on < ?3"
		     "  AND f.state = 'dissolved'),"
		     " (SELECT count(DISTINCT i.by_id) FROM incubations i JOIN tenants t ON t.id = i.by_id"
		     "  WHERE t.hub_id = h.id AND i.since < ?3),"
		     " (SELECT count(*) FROM incubations i JOIN tenants t ON t.id = i.by_id"
		     "  WHERE t.hub_id = h.id AND i.since < ?3)"
		     " FROM hubs h WHERE h.id IN (SELECT id FROM scope) ORDER BY h.code",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, fh_date_epoch(a));
	fh_bind_int64(q, 3, fh_date_epoch(b));
	fh_bind_int64(q, 4, fh_clock_day(fh_clock_now()));
	return fh_store_rows(s, q, rows, n, sizeof **rows, total_read, _("reading follow-ups"), err);
}
