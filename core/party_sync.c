/* fuhua core — the sync checks (四同 / 两关六同步): each event on a tenant's
 * organisation track opens dated items on its party track; an open item past
 * its date is a sync gap. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/rating.h"
#include "fuhua/party.h"
#include "fuhua/buf.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "party_int.h"
#include "store_int.h"

static const struct {
	const char *id, *en, *zh;
} events[FH_EVENT_COUNT] = {
	[FH_EVENT_REGISTRATION] = { "registration", "registration", "登记" },
	[FH_EVENT_ANNUAL] = { "annual", "annual inspection", "年检年报" },
	[FH_EVENT_LEADERSHIP] = { "leadership", "leadership change", "换届" },
	[FH_EVENT_RATING] = { "rating", "rating", "等级评估" },
	[FH_EVENT_ASSESSMENT] = { "assessment", "yearly assessment", "年度考核" },
	[FH_EVENT_COMMENDATION] = { "commendation", "commendation", "表彰" },
}, kinds[FH_SYNC_KIND_COUNT] = {
	[FH_SYNC_COMMITMENT] = { "commitment", "party-building commitment", "党建工作承诺" },
	[FH_SYNC_SURVEY] = { "survey", "members survey", "党员情况摸底" },
	[FH_SYNC_REPORT] = { "report", "party-building report", "党建工作报告" },
	[FH_SYNC_COMMITTEE] = { "committee", "party committee change", "党组织同步换届" },
	[FH_SYNC_STANDARD] = { "standard", "standardisation rating", "党组织规范化评定" },
	[FH_SYNC_ASSESSMENT] = { "assessment", "party-building assessment", "党建工作同步考核" },
	[FH_SYNC_COMMENDATION] = { "commendation", "party-building commendation", "党建工作同步表彰" },
};

/* Which items an event opens. */
static const fh_sync_kind opens[FH_EVENT_COUNT][2] = {
	[FH_EVENT_REGISTRATION] = { FH_SYNC_COMMITMENT, FH_SYNC_SURVEY },
	[FH_EVENT_ANNUAL] = { FH_SYNC_REPORT, FH_SYNC_KIND_COUNT },
	[FH_EVENT_LEADERSHIP] = { FH_SYNC_COMMITTEE, FH_SYNC_KIND_COUNT },
	[FH_EVENT_RATING] = { FH_SYNC_STANDARD, FH_SYNC_KIND_COUNT },
	[FH_EVENT_ASSESSMENT] = { FH_SYNC_ASSESSMENT, FH_SYNC_KIND_COUNT },
	[FH_EVENT_COMMENDATION] = { FH_SYNC_COMMENDATION, FH_SYNC_KIND_COUNT },
};

const char *fh_sync_event_name(fh_sync_event e)
{
	return (unsigned)e < FH_EVENT_COUNT ? events[e].id : NULL;
}

const char *fh_sync_event_label(fh_sync_event e, bool zh)
{
	return (unsigned)e < FH_EVENT_COUNT ? (zh ? events[e].zh : events[e].en) : NULL;
}

bool fh_sync_event_parse(const char *s, fh_sync_event *out)
{
	for (int i = 0; i < FH_EVENT_COUNT; i++)
		if (strcmp(s, events[i].id) == 0 || strcmp(s, events[i].zh) == 0) {
			*out = (fh_sync_event)i;
			return true;
		}
	return false;
}

const char *fh_sync_kind_name(fh_sync_kind k)
{
	return (unsigned)k < FH_SYNC_KIND_COUNT ? kinds[k].id : NULL;
}

const char *fh_sync_kind_label(fh_sync_kind k, bool zh)
{
	return (unsigned)k < FH_SYNC_KIND_COUNT ? (zh ? kinds[k].zh : kinds[k].en) : NULL;
}

bool fh_sync_kind_parse(const char *s, fh_sync_kind *out)
{
	for (int i = 0; s && i < FH_SYNC_KIND_COUNT; i++)
		if (strcmp(s, kinds[i].id) == 0) {
			*out = (fh_sync_kind)i;
			return true;
		}
	return false;
}

static int year_of(int64_t t)
{
	char d[11];
	return atoi(fh_clock_format_date(t, d, sizeof d));
}

static int64_t year_day(int year, int month_day)
{
	char d[24];
	snprintf(d, sizeof d, "%04d-%02d-%02d", year % 10000, month_day / 100 % 100, month_day % 100);
	return fh_date_epoch(d);
}

int64_t fh_sync_due(const fh_party_rules *r, const fh_calendar *cal, fh_sync_event e, int64_t on)
{
	on = fh_clock_day(on);
	if (e == FH_EVENT_ANNUAL) {
		int64_t deadline = year_day(year_of(on), r->annual_deadline);
		if (on <= deadline)
			return deadline;
	}
	return fh_calendar_add(cal, on, r->registration_days);
}

/* Opens an event's items; a second recording of the same event opens
 * nothing (one item per tenant, kind and event day; the annual event is
 * keyed by its year). */
static fh_status open_items(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t hub, fh_sync_event e,
			    int64_t on, int *opened, fh_error *err)
{
	fh_party_rules r;
	fh_status st = fh_party_rules_load(s, hub, &r, err);
	if (st != FH_OK)
		return st;
	fh_calendar cal;
	if ((st = fh_calendar_load(s, hub, &cal, err)) != FH_OK)
		return st;
	int64_t due = fh_sync_due(&r, &cal, e, on);
	fh_calendar_free(&cal);
	int64_t key = e == FH_EVENT_ANNUAL ? year_day(year_of(on), 101) : fh_clock_day(on);
	for (int i = 0; i < 2 && opens[e][i] != FH_SYNC_KIND_COUNT; i++) {
		fh_stmt *q;
		if ((st = fh_store_stmt(
			     s,
			     "INSERT INTO party_sync(tenant_id, kind, event, event_on, due, updated_at, updated_by)"
			     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING",
			     &q, err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, tenant);
		fh_bind_static(q, 2, kinds[opens[e][i]].id, -1);
		fh_bind_static(q, 3, events[e].id, -1);
		fh_bind_int64(q, 4, key);
		fh_bind_int64(q, 5, due);
		fh_bind_int64(q, 6, fh_clock_now());
		fh_bind_str(q, 7, actor->name);
		int rc = fh_step(q);
		fh_reset(q);
		if (rc != FH_DONE)
			return fh_store_fail(s, err, _("opening a sync check"));
		*opened += fh_store_changes(s);
	}
	return FH_OK;
}

fh_status fh_party_sync_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	if (!c->old)
		return FH_OK;
	const fh_actor *actor = c->actor;
	const fh_tenant *a = c->old, *b = c->next;
	int opened = 0;
	int64_t today = c->on;
	fh_status st = FH_OK;
	if (a->reg_state == FH_REG_PREPARING && b->reg_state != FH_REG_PREPARING)
		st = open_items(s, actor, b->id, b->hub_id, FH_EVENT_REGISTRATION, today, &opened, err);
	if (st == FH_OK && a->legal_rep[0] && b->legal_rep[0] && strcmp(a->legal_rep, b->legal_rep) != 0)
		st = open_items(s, actor, b->id, b->hub_id, FH_EVENT_LEADERSHIP, today, &opened, err);
	if (st == FH_OK && b->rating > 0 && b->rating_date[0] &&
	    (a->rating != b->rating || strcmp(a->rating_date, b->rating_date) != 0))
		st = open_items(s, actor, b->id, b->hub_id, FH_EVENT_RATING, fh_date_epoch(b->rating_date), &opened,
				err);
	return st;
}

static fh_status tenant_hub(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t *hub, char founded[11],
			    fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT hub_id, founded FROM tenants WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		*hub = fh_column_int64(q, 0);
		fh_column_text(q, 1, founded, 11);
	}
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no tenant no. %lld"), (long long)tenant);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading the tenant"));
	return fh_actor_scope(s, actor, *hub, err);
}

fh_status fh_party_event(fh_store *s, const fh_actor *actor, int64_t tenant, fh_sync_event e, int64_t on, int *opened,
			 fh_error *err)
{
	int64_t hub = 0;
	char founded[11] = "";
	*opened = 0;
	if ((unsigned)e >= FH_EVENT_COUNT)
		return fh_error_set(err, FH_EINVAL, "event", "%s", _("is not an event"));
	if (!on)
		on = fh_clock_now();
	if (on > fh_clock_now())
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	/* the registration date the rating's eligibility counts from is read
	 * under the write lock */
	st = tenant_hub(s, actor, tenant, &hub, founded, err);
	if (st == FH_OK && e == FH_EVENT_RATING && founded[0] &&
	    fh_rating_eligible_from(fh_date_epoch(founded)) > fh_clock_day(on)) {
		char d[11];
		fh_clock_format_date(fh_rating_eligible_from(fh_date_epoch(founded)), d, sizeof d);
		st = fh_error_set(err, FH_EINVAL, "event",
				  _("not eligible for a rating before %s (two full years after registration on %s)"), d,
				  founded);
	}
	if (st == FH_OK)
		st = open_items(s, actor, tenant, hub, e, on, opened, err);
	if (st == FH_OK && *opened) {
		char json[96], d[11];
		snprintf(json, sizeof json, "{\"event\":\"%s\",\"on\":\"%s\"}", events[e].id,
			 fh_clock_format_date(on, d, sizeof d));
		st = fh_audit_write(s, actor, hub, "tenant", tenant, "sync", NULL, json, err);
	}
	if ((st = fh_tx_end(s, st, err)) != FH_OK)
		*opened = 0;
	return st;
}

fh_status fh_party_open_annual(fh_store *s, const fh_actor *actor, int64_t hub, int year, int *opened, fh_error *err)
{
	*opened = 0;
	if (year < 2000 || year > 2200)
		return fh_error_set(err, FH_EINVAL, "year", _("%d is not a year to open"), year);
	int64_t on = year_day(year, 101);
	if (on > fh_clock_now())
		return fh_error_set(err, FH_EINVAL, "year", _("%d has not begun"), year);
	fh_status st = hub ? fh_actor_scope(s, actor, hub, err) : FH_OK;
	if (st != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	fh_stmt *q;
	st = fh_store_stmt(
		s,
		FH_SQL_SCOPE
		"INSERT INTO party_sync(tenant_id, kind, event, event_on, due, updated_at, updated_by)"
		" SELECT t.id, 'report', 'annual', ?2,"
		"  unixepoch(printf('%04d-', ?5) || h.sync_annual_deadline) - 28800, ?3, ?4"
		" FROM scope JOIN hubs h ON h.id = scope.id"
		" JOIN tenants t INDEXED BY tenants_hub_stage ON t.hub_id = scope.id AND t.stage = 'incubating'"
		" WHERE t.reg_state != 'preparing' AND true"
		" ON CONFLICT DO NOTHING",
		&q, err);
	if (st == FH_OK) {
		fh_bind_int64(q, 1, hub ? hub : actor->hub_id);
		fh_bind_int64(q, 2, on);
		fh_bind_int64(q, 3, fh_clock_now());
		fh_bind_str(q, 4, actor->name);
		fh_bind_int(q, 5, year);
		int rc = fh_step(q);
		fh_reset(q);
		if (rc != FH_DONE)
			st = fh_store_fail(s, err, _("opening the annual checks"));
		*opened = fh_store_changes(s);
	}
	if (st == FH_OK && *opened) {
		char json[64];
		snprintf(json, sizeof json, "{\"year\":%d,\"opened\":%d}", year, *opened);
		st = fh_audit_write(s, actor, hub ? hub : actor->hub_id, "hub", hub ? hub : actor->hub_id, "annual",
				    NULL, json, err);
	}
	if (st == FH_OK && (st = fh_tx_commit(s, err)) == FH_OK)
		return FH_OK;
	fh_tx_rollback(s);
	return st;
}

static fh_status sync_done_locked(fh_store *s, const fh_actor *actor, int64_t item, int64_t on, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT t.id, t.hub_id, p.done_on, p.event_on FROM party_sync p"
				     " JOIN tenants t ON t.id = p.tenant_id WHERE p.id = ?1",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, item);
	int rc = fh_step(q);
	int64_t tenant = 0, hub = 0, done = 0, event_on = 0;
	if (rc == FH_ROW) {
		tenant = fh_column_int64(q, 0);
		hub = fh_column_int64(q, 1);
		done = fh_column_int64(q, 2);
		event_on = fh_column_int64(q, 3);
	}
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no sync check no. %lld"), (long long)item);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading the sync check"));
	if ((st = fh_actor_scope(s, actor, hub, err)) != FH_OK)
		return st;
	if (done)
		return fh_error_set(err, FH_ECONFLICT, "id", "%s", _("this check is done already"));
	on = fh_clock_day(on ? on : fh_clock_now());
	if (on > fh_clock_now())
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	if (on < fh_clock_day(event_on))
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is before the event that opened it"));
	if ((st = fh_store_stamp(s,
				 "UPDATE party_sync SET done_on = ?2, updated_at = ?3, updated_by = ?4"
				 " WHERE id = ?1 AND done_on IS NULL",
				 item, on, actor, _("saving the sync check"), err)) != FH_OK)
		return st;
	char json[64];
	snprintf(json, sizeof json, "{\"sync\":%lld,\"done\":true}", (long long)item);
	return fh_audit_write(s, actor, hub, "tenant", tenant, "sync_done", NULL, json, err);
}

fh_status fh_party_sync_done(fh_store *s, const fh_actor *actor, int64_t item, int64_t on, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, sync_done_locked(s, actor, item, on, err), err);
}

fh_status fh_party_sync_list(fh_store *s, const fh_actor *actor, int64_t tenant, fh_sync_item **rows, size_t *n,
			     fh_error *err)
{
	int64_t hub = 0;
	char founded[11];
	*rows = NULL;
	*n = 0;
	fh_status st = tenant_hub(s, actor, tenant, &hub, founded, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"SELECT p.id, p.kind, p.event, p.event_on, p.due, p.done_on FROM party_sync p"
				" WHERE p.tenant_id = ?1 ORDER BY p.due, p.id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	int64_t today = fh_clock_day(fh_clock_now());
	size_t cap = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(rows, &cap, *n, sizeof **rows))
			break;
		fh_sync_item *it = &(*rows)[(*n)++];
		memset(it, 0, sizeof *it);
		it->id = fh_column_int64(q, 0);
		it->tenant_id = tenant;
		it->hub_id = hub;
		fh_sync_kind_parse(fh_column_str(q, 1), &it->kind);
		fh_sync_event_parse(fh_column_str(q, 2), &it->event);
		it->event_on = fh_column_int64(q, 3);
		it->due = fh_column_int64(q, 4);
		it->done_on = fh_column_int64(q, 5);
		if (!it->done_on && it->due < today)
			it->late_days = (int)((today - it->due) / 86400);
	}
	fh_reset(q);
	if (rc != FH_DONE) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return rc == FH_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
				    : fh_store_fail(s, err, _("reading the sync checks"));
	}
	return FH_OK;
}

struct sync_totals {
	fh_sync_total *rows;
	size_t n, cap;
};

static fh_sync_total *sync_total_for(struct sync_totals *x, const char *hub)
{
	for (size_t i = 0; i < x->n; i++)
		if (strcmp(x->rows[i].hub_code, hub) == 0)
			return &x->rows[i];
	if (!fh_grow(&x->rows, &x->cap, x->n + 1, sizeof *x->rows))
		return NULL;
	fh_sync_total *t = &x->rows[x->n++];
	memset(t, 0, sizeof *t);
	fh_text_copy(t->hub_code, sizeof t->hub_code, hub);
	return t;
}

static int sync_total_cmp(const void *a, const void *b)
{
	return strcmp(((const fh_sync_total *)a)->hub_code, ((const fh_sync_total *)b)->hub_code);
}

/* The committees due for re-election, counted per hub into x. */
static fh_status count_reelections(fh_store *s, const fh_actor *actor, int64_t hub, struct sync_totals *x,
				   fh_error *err)
{
	fh_party_row *r;
	size_t n;
	bool more;
	fh_status st = fh_party_list(s, actor, hub, FH_PL_REELECTION, SIZE_MAX / 2, &r, &n, &more, err);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		fh_sync_total *t = sync_total_for(x, r[i].hub_code);
		if (!t)
			st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		else
			t->reelected++;
	}
	free(r);
	return st;
}

fh_status fh_party_sync_totals(fh_store *s, const fh_actor *actor, int64_t hub, int64_t from, int64_t to, int64_t at,
			       fh_sync_total **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (!hub)
		hub = actor->hub_id;
	fh_stmt *q;
	fh_status st = fh_actor_scope(s, actor, hub, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				FH_SQL_SCOPE "SELECT h.code, sum(x.w = 0), sum(x.w = 0 AND x.done_on <= x.due),"
					     " sum(x.w = 0 AND ifnull(x.done_on, ?4) > x.due), sum(x.w = 1) FROM ("
					     " SELECT 0 AS w, s.tenant_id, s.due, s.done_on FROM party_sync s"
					     "  WHERE s.due >= ?2 AND s.due < ?3 AND s.due <= ?4"
					     " UNION ALL SELECT 1, s.tenant_id, s.due, s.done_on FROM party_sync s"
					     "  WHERE s.done_on IS NULL AND s.due < ?4"
					     ") x JOIN tenants t ON t.id = x.tenant_id JOIN hubs h ON h.id = t.hub_id"
					     " WHERE t.hub_id IN (SELECT id FROM scope) GROUP BY t.hub_id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, from);
	fh_bind_int64(q, 3, to);
	fh_bind_int64(q, 4, at);
	struct sync_totals x = { 0 };
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_sync_total *t = sync_total_for(&x, fh_column_str(q, 0));
		if (!t)
			break;
		t->due = fh_column_int(q, 1);
		t->done = fh_column_int(q, 2);
		t->late = fh_column_int(q, 3);
		t->gaps = fh_column_int(q, 4);
	}
	fh_reset(q);
	if (rc != FH_DONE && rc != FH_ROW)
		st = fh_store_fail(s, err, _("reading the sync checks"));
	else if (rc == FH_ROW)
		st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	if (st == FH_OK)
		st = count_reelections(s, actor, hub, &x, err);
	if (st != FH_OK) {
		free(x.rows);
		return st;
	}
	if (x.n)
		qsort(x.rows, x.n, sizeof *x.rows, sync_total_cmp);
	*rows = x.rows;
	*n = x.n;
	return FH_OK;
}
