/* fuhua core — mentors, their pairings with tenants and the sessions
 * (mentor.h). */
#include "fuhua/mentor.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/milestone.h"
#include "fuhua/tenant.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "mentor_int.h"
#include "store_int.h"
#include "tenant_int.h"

#define DAY 86400

fh_status fh_mentor_add(fh_store *s, const fh_actor *actor, const char *hub_code, const fh_mentor *in, int64_t *id,
			fh_error *err)
{
	int64_t hub;
	fh_mentor m = *in;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("adding a mentor needs a manager"));
	if ((st = fh_text_field_take(m.name, sizeof m.name, FH_MENTOR_TEXT_MAX, in->name, false, true, "name", err)) !=
		    FH_OK ||
	    (st = fh_text_field_take(m.expertise, sizeof m.expertise, FH_MENTOR_TEXT_MAX, in->expertise, false, false,
				     "expertise", err)) != FH_OK ||
	    (st = fh_text_field_take(m.organization, sizeof m.organization, FH_MENTOR_TEXT_MAX, in->organization, false,
				     false, "organization", err)) != FH_OK)
		return st;
	if (!m.name[0])
		return fh_error_set(err, FH_EINVAL, "name", "%s", _("is needed"));
	if (m.phone[0] && (st = fh_phone_normalize(in->phone, m.phone, sizeof m.phone, err)) != FH_OK)
		return st;
	if (m.capacity < 1 || m.capacity > 50)
		return fh_error_set(err, FH_EINVAL, "capacity", "%s", _("tenants a mentor can carry: 1 to 50"));
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO mentors(hub_id, name, kind, expertise, phone, organization,"
				" capacity, updated_at, updated_by) VALUES(?1, ?2, 'mentor', ?3, ?4, ?5, ?6, ?7, ?8)",
				&q, err)) == FH_OK) {
		fh_bind_int64(q, 1, hub);
		fh_bind_str(q, 2, m.name);
		fh_bind_text(q, 3, m.expertise);
		fh_bind_text(q, 4, m.phone);
		fh_bind_text(q, 5, m.organization);
		fh_bind_int(q, 6, m.capacity);
		fh_bind_int64(q, 7, fh_clock_now());
		fh_bind_str(q, 8, actor->name);
		if (fh_step(q) != FH_DONE)
			st = fh_store_fail(s, err, _("saving the mentor"));
		fh_reset(q);
		*id = fh_store_last_id(s);
	}
	if (st == FH_OK) {
		fh_buf nb = FH_BUF_INIT;
		fh_buf_puts(&nb, "{\"name\":");
		fh_buf_json_string(&nb, m.name);
		fh_buf_printf(&nb, ",\"capacity\":%d}", m.capacity);
		st = fh_audit_write(s, actor, hub, "mentor", *id, "create", NULL, fh_buf_str(&nb), err);
		fh_buf_free(&nb);
	}
	if (st == FH_OK)
		return fh_tx_commit(s, err);
	fh_tx_rollback(s);
	return st;
}

static void mentor_read(fh_stmt *q, void *row)
{
	fh_mentor *m = row;
	memset(m, 0, sizeof *m);
	m->id = fh_column_int64(q, 0);
	m->hub_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, m->hub_code, sizeof m->hub_code);
	fh_column_text(q, 3, m->name, sizeof m->name);
	fh_column_text(q, 4, m->expertise, sizeof m->expertise);
	fh_column_text(q, 5, m->organization, sizeof m->organization);
	fh_column_text(q, 6, m->phone, sizeof m->phone);
	m->capacity = fh_column_int(q, 7);
	m->load = fh_column_int(q, 8);
	m->quiet = fh_column_int(q, 9);
	m->hours = fh_column_double(q, 10);
}

fh_status fh_mentor_list(fh_store *s, const fh_actor *actor, const char *hub_code, fh_mentor **rows, size_t *n,
			 fh_error *err)
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
		     "SELECT m.id, m.hub_id, h.code, m.name, coalesce(m.expertise, ''), coalesce(m.organization,"
		     " m.employer, ''), coalesce(m.phone, ''), m.capacity,"
		     " (SELECT count(*) FROM mentor_assignments a WHERE a.mentor_id = m.id AND a.end_on IS NULL),"
		     " (SELECT count(*) FROM mentor_assignments a WHERE a.mentor_id = m.id AND a.end_on IS NULL"
		     "   AND a.start_on < ?2 - h.quiet_days * 86400 AND NOT EXISTS (SELECT 1 FROM sessions x"
		     "   WHERE x.mentor_id = m.id AND x.tenant_id = a.tenant_id AND x.on_day >= ?2 - h.quiet_days * 86400)),"
		     " (SELECT coalesce(sum(hours), 0) FROM sessions x WHERE x.mentor_id = m.id AND x.on_day >= ?2 - 365 * 86400)"
		     " FROM mentors m JOIN hubs h ON h.id = m.hub_id WHERE m.kind = 'mentor'"
		     " AND m.hub_id IN (SELECT id FROM scope) ORDER BY h.code, m.name",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, fh_clock_day(fh_clock_now()));
	return fh_store_rows(s, q, rows, n, sizeof **rows, mentor_read, _("reading mentors"), err);
}

/* The pairing's checks and its row, in the caller's transaction: the
 * tenant's stage and the mentor's load are read under the write lock. */
static fh_status assign_locked(fh_store *s, const fh_actor *actor, int64_t mentor, int64_t tenant, fh_error *err)
{
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, tenant, &t, err);
	if (st != FH_OK)
		return st;
	if (t.stage != FH_STAGE_INCUBATING)
		return fh_error_set(err, FH_EINVAL, "tenant", _("%s is not in incubation"), t.name);
	fh_stmt *q;
	char name[FH_MENTOR_TEXT_MAX * 4 + 1] = "";
	int64_t hub = 0;
	int cap = 0, load = 0, already = 0;
	if ((st = fh_store_stmt(
		     s,
		     "SELECT m.name, m.hub_id, m.capacity,"
		     " (SELECT count(*) FROM mentor_assignments a WHERE a.mentor_id = m.id AND a.end_on IS NULL),"
		     " (SELECT count(*) FROM mentor_assignments a WHERE a.mentor_id = m.id"
		     "   AND a.tenant_id = ?2 AND a.end_on IS NULL)"
		     " FROM mentors m WHERE m.id = ?1 AND m.kind = 'mentor'",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, mentor);
	fh_bind_int64(q, 2, tenant);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		fh_column_text(q, 0, name, sizeof name);
		hub = fh_column_int64(q, 1);
		cap = fh_column_int(q, 2);
		load = fh_column_int(q, 3);
		already = fh_column_int(q, 4);
	}
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE)
		return fh_store_fail(s, err, _("reading mentors"));
	if (!hub)
		return fh_error_set(err, FH_ENOTFOUND, "mentor", _("no mentor no. %lld"), (long long)mentor);
	if ((st = fh_actor_scope(s, actor, hub, err)) != FH_OK)
		return st;
	if (already)
		return fh_error_set(err, FH_ECONFLICT, "mentor", _("%s already mentors %s"), name, t.name);
	if (load >= cap)
		return fh_error_set(err, FH_ECONFLICT, "mentor", _("%s carries %d tenants, as many as they can (%d)"),
				    name, load, cap);
	if ((st = fh_store_stmt(s,
				"INSERT INTO mentor_assignments(mentor_id, tenant_id, start_on,"
				" updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, mentor);
	fh_bind_int64(q, 2, tenant);
	fh_bind_int64(q, 3, fh_clock_day(fh_clock_now()));
	fh_bind_int64(q, 4, fh_clock_now());
	fh_bind_str(q, 5, actor->name);
	rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the pairing"));
	char summary[sizeof name + sizeof t.name + 8];
	snprintf(summary, sizeof summary, "%s → %s", name, t.name);
	return fh_audit_summary(s, actor, t.hub_id, "mentor", mentor, "assign", NULL, summary, err, NULL);
}

fh_status fh_mentor_assign(fh_store *s, const fh_actor *actor, int64_t mentor, int64_t tenant, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	return fh_tx_end(s, assign_locked(s, actor, mentor, tenant, err), err);
}

/* ---- the end of a pairing ------------------------------------------------------ */

/* A pairing ends on `on` (its last day): written and audited on the mentor,
 * in the caller's transaction. */
static fh_status end_pairing(fh_store *s, const fh_actor *actor, int64_t id, int64_t mentor, int64_t hub,
			     const char *summary, int64_t on, fh_error *err)
{
	fh_status st = fh_store_stamp(s,
				      "UPDATE mentor_assignments SET end_on = ?2, updated_at = ?3, updated_by = ?4"
				      " WHERE id = ?1 AND end_on IS NULL",
				      id, on, actor, _("saving the pairing"), err);
	if (st != FH_OK)
		return st;
	char d[16];
	return fh_audit_summary(s, actor, hub, "mentor", mentor, "end", NULL, summary, err,
				"\"pairing\":%lld,\"end\":\"%s\"", (long long)id,
				fh_clock_format_date(on, d, sizeof d));
}

struct open_pairing {
	int64_t id, mentor_id, tenant_id, hub_id, start_on, end_on;
	char summary[FH_MENTOR_TEXT_MAX * 4 + 140];
};

static void open_pairing_read(fh_stmt *q, void *row)
{
	struct open_pairing *p = row;
	p->id = fh_column_int64(q, 0);
	p->mentor_id = fh_column_int64(q, 1);
	p->tenant_id = fh_column_int64(q, 2);
	p->hub_id = fh_column_int64(q, 3);
	p->start_on = fh_column_int64(q, 4);
	p->end_on = fh_column_int64(q, 5);
	snprintf(p->summary, sizeof p->summary, "%s → %s", fh_column_str(q, 6), fh_column_str(q, 7));
}

#define PAIRING_SELECT                                                                                     \
	"SELECT a.id, a.mentor_id, a.tenant_id, t.hub_id, a.start_on, ifnull(a.end_on, 0), m.name, t.name" \
	" FROM mentor_assignments a JOIN mentors m ON m.id = a.mentor_id JOIN tenants t ON t.id = a.tenant_id"

static fh_status end_locked(fh_store *s, const fh_actor *actor, int64_t id, int64_t on, fh_error *err)
{
	fh_stmt *q;
	struct open_pairing *p;
	size_t n;
	fh_status st = fh_store_stmt(s, PAIRING_SELECT " WHERE a.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	if ((st = fh_store_rows(s, q, &p, &n, sizeof *p, open_pairing_read, _("reading pairings"), err)) != FH_OK)
		return st;
	char d[16];
	int64_t today = fh_clock_day(fh_clock_now());
	on = on ? fh_clock_day(on) : today;
	if (!n)
		st = fh_error_set(err, FH_ENOTFOUND, "pairing", _("no pairing no. %lld"), (long long)id);
	else if ((st = fh_actor_scope(s, actor, p->hub_id, err)) != FH_OK)
		;
	else if (p->end_on)
		st = fh_error_set(err, FH_ECONFLICT, "pairing", _("the pairing %s ended on %s"), p->summary,
				  fh_clock_format_date(p->end_on, d, sizeof d));
	else if (on > today)
		st = fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	else if (on < p->start_on)
		st = fh_error_set(err, FH_EINVAL, "on", _("is before the pairing began (%s)"),
				  fh_clock_format_date(p->start_on, d, sizeof d));
	else
		st = end_pairing(s, actor, p->id, p->mentor_id, p->hub_id, p->summary, on, err);
	free(p);
	return st;
}

fh_status fh_mentor_end(fh_store *s, const fh_actor *actor, int64_t pairing, int64_t on, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	return fh_tx_end(s, end_locked(s, actor, pairing, on, err), err);
}

fh_status fh_mentor_pairings_open(fh_store *s, int64_t tenant, int *n, fh_error *err)
{
	return fh_store_count(s, "SELECT count(*) FROM mentor_assignments WHERE tenant_id = ?1 AND end_on IS NULL",
			      tenant, 0, n, _("reading pairings"), err);
}

fh_status fh_mentor_end_tenant(fh_store *s, const fh_actor *actor, int64_t tenant, int64_t on, int *ended,
			       fh_error *err)
{
	fh_stmt *q;
	struct open_pairing *p;
	size_t n;
	*ended = 0;
	fh_status st = fh_store_stmt(s, PAIRING_SELECT " WHERE a.tenant_id = ?1 AND a.end_on IS NULL", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	if ((st = fh_store_rows(s, q, &p, &n, sizeof *p, open_pairing_read, _("reading pairings"), err)) != FH_OK)
		return st;
	on = fh_clock_day(on);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		st = end_pairing(s, actor, p[i].id, p[i].mentor_id, p[i].hub_id, p[i].summary,
				 on < p[i].start_on ? p[i].start_on : on, err);
		if (st == FH_OK)
			(*ended)++;
	}
	free(p);
	return st;
}

static void pairing_read(fh_stmt *q, void *row)
{
	fh_pairing *p = row;
	memset(p, 0, sizeof *p);
	p->id = fh_column_int64(q, 0);
	p->mentor_id = fh_column_int64(q, 1);
	p->tenant_id = fh_column_int64(q, 2);
	fh_column_text(q, 3, p->mentor, sizeof p->mentor);
	fh_column_text(q, 4, p->tenant, sizeof p->tenant);
	p->since = fh_column_int64(q, 5);
	p->last_session = fh_column_int64(q, 6);
	p->quiet = fh_column_int(q, 7) != 0;
}

fh_status fh_mentor_pairings(fh_store *s, const fh_actor *actor, int64_t mentor, int64_t tenant, fh_pairing **rows,
			     size_t *n, fh_error *err)
{
	fh_stmt *q;
	*rows = NULL;
	*n = 0;
	fh_status st = fh_store_stmt(
		s,
		FH_SQL_SCOPE
		"SELECT a.id, a.mentor_id, a.tenant_id, m.name, t.name, a.start_on, x.last,"
		" coalesce(x.last, a.start_on) < ?4 - h.quiet_days * 86400"
		" FROM mentor_assignments a JOIN mentors m ON m.id = a.mentor_id JOIN tenants t ON t.id = a.tenant_id"
		" JOIN hubs h ON h.id = t.hub_id"
		" LEFT JOIN (SELECT mentor_id, tenant_id, max(on_day) AS last FROM sessions GROUP BY 1, 2) x"
		"  ON x.mentor_id = a.mentor_id AND x.tenant_id = a.tenant_id"
		" WHERE a.end_on IS NULL AND t.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR a.mentor_id = ?2)"
		" AND (?3 = 0 OR a.tenant_id = ?3) ORDER BY m.name, t.name",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 2, mentor);
	fh_bind_int64(q, 3, tenant);
	fh_bind_int64(q, 4, fh_clock_day(fh_clock_now()));
	return fh_store_rows(s, q, rows, n, sizeof **rows, pairing_read, _("reading pairings"), err);
}

/* ---- sessions --------------------------------------------------------------------- */

/* The session's checks that read the database, and its row, in the
 * caller's transaction. */
static fh_status session_locked(fh_store *s, const fh_actor *actor, fh_session *x, int64_t *id, fh_error *err)
{
	fh_tenant t;
	char d[16];
	fh_status st = fh_tenant_get_by_id(s, actor, x->tenant_id, &t, err);
	if (st != FH_OK)
		return st;
	if (t.stage == FH_STAGE_EXITED && x->on > fh_clock_day(t.stage_since))
		return fh_error_set(err, FH_EINVAL, "on", _("is after %s left the hub (%s)"), t.name,
				    fh_clock_format_date(t.stage_since, d, sizeof d));
	fh_milestone m;
	if (x->milestone_id &&
	    ((st = fh_milestone_get(s, actor, x->milestone_id, &m, err)) != FH_OK || m.tenant_id != x->tenant_id))
		return st != FH_OK
			? st
			: fh_error_set(err, FH_EINVAL, "milestone", "%s", _("is another tenant's milestone"));
	fh_stmt *q;
	if ((st = fh_store_stmt(s, "SELECT hub_id FROM mentors WHERE id = ?1 AND kind = 'mentor'", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, x->mentor_id);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "mentor", _("no mentor no. %lld"), (long long)x->mentor_id);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading mentors"));
	if ((st = fh_store_stmt(s,
				"INSERT INTO sessions(mentor_id, tenant_id, hub_id, on_day, topic,"
				" hours, notes, milestone_id, updated_at, updated_by)"
				" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, x->mentor_id);
	fh_bind_int64(q, 2, x->tenant_id);
	fh_bind_int64(q, 3, t.hub_id);
	fh_bind_int64(q, 4, x->on);
	fh_bind_str(q, 5, x->topic);
	fh_bind_double(q, 6, x->hours);
	fh_bind_text(q, 7, x->notes);
	if (x->milestone_id)
		fh_bind_int64(q, 8, x->milestone_id);
	fh_bind_int64(q, 9, fh_clock_now());
	fh_bind_str(q, 10, actor->name);
	rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the session"));
	*id = fh_store_last_id(s);
	char summary[sizeof t.name + sizeof x->topic + 8];
	snprintf(summary, sizeof summary, "%s · %s", t.name, x->topic);
	return fh_audit_summary(s, actor, t.hub_id, "session", *id, "create", NULL, summary, err, "\"hours\":%.1f",
				x->hours);
}

fh_status fh_session_add(fh_store *s, const fh_actor *actor, const fh_session *in, int64_t *id, fh_error *err)
{
	fh_session x = *in;
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st;
	if ((st = fh_text_field_take(x.topic, sizeof x.topic, FH_MENTOR_TEXT_MAX, in->topic, false, false, "topic",
				     err)) != FH_OK ||
	    (st = fh_text_field_take(x.notes, sizeof x.notes, 250, in->notes, true, false, "notes", err)) != FH_OK)
		return st;
	if (!x.topic[0])
		return fh_error_set(err, FH_EINVAL, "topic", "%s", _("is needed"));
	if (!(x.hours >= 0.5 && x.hours <= 12))
		return fh_error_set(err, FH_EINVAL, "hours", "%s", _("0.5 to 12 hours"));
	int64_t today = fh_clock_day(fh_clock_now());
	x.on = x.on ? fh_clock_day(x.on) : today;
	if (x.on > today)
		return fh_error_set(err, FH_EINVAL, "on", "%s", _("is in the future"));
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, session_locked(s, actor, &x, id, err), err);
}

static void session_read(fh_stmt *q, void *row)
{
	fh_session *x = row;
	memset(x, 0, sizeof *x);
	x->id = fh_column_int64(q, 0);
	x->mentor_id = fh_column_int64(q, 1);
	x->tenant_id = fh_column_int64(q, 2);
	x->milestone_id = fh_column_int64(q, 3);
	fh_column_text(q, 4, x->mentor, sizeof x->mentor);
	fh_column_text(q, 5, x->tenant, sizeof x->tenant);
	fh_column_text(q, 6, x->hub_code, sizeof x->hub_code);
	x->on = fh_column_int64(q, 7);
	fh_column_text(q, 8, x->topic, sizeof x->topic);
	x->hours = fh_column_double(q, 9);
	fh_column_text(q, 10, x->notes, sizeof x->notes);
	fh_column_text(q, 11, x->milestone, sizeof x->milestone);
}

fh_status fh_session_list(fh_store *s, const fh_actor *actor, int64_t mentor, int64_t tenant, int64_t from, int64_t to,
			  fh_session **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		FH_SQL_SCOPE
		"SELECT x.id, x.mentor_id, x.tenant_id, coalesce(x.milestone_id, 0), m.name, t.name, h.code, x.on_day,"
		" x.topic, x.hours, coalesce(x.notes, ''), coalesce(ms.title, '')"
		" FROM sessions x JOIN mentors m ON m.id = x.mentor_id JOIN tenants t ON t.id = x.tenant_id"
		" JOIN hubs h ON h.id = x.hub_id LEFT JOIN milestones ms ON ms.id = x.milestone_id"
		" WHERE x.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR x.mentor_id = ?2)"
		" AND (?3 = 0 OR x.tenant_id = ?3) AND x.on_day >= ?4 AND x.on_day < ?5"
		" ORDER BY x.on_day DESC, x.id DESC",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 2, mentor);
	fh_bind_int64(q, 3, tenant);
	fh_bind_int64(q, 4, from);
	fh_bind_int64(q, 5, to ? to : INT64_MAX);
	return fh_store_rows(s, q, rows, n, sizeof **rows, session_read, _("reading sessions"), err);
}

static void month_read(fh_stmt *q, void *row)
{
	fh_session_month *m = row;
	memset(m, 0, sizeof *m);
	fh_column_text(q, 0, m->hub_code, sizeof m->hub_code);
	fh_column_text(q, 1, m->month, sizeof m->month);
	m->sessions = fh_column_int(q, 2);
	m->tenants = fh_column_int(q, 3);
	m->hours = fh_column_double(q, 4);
}

fh_status fh_session_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int year, fh_session_month **rows,
			    size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	char from[32], to[32];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-01-01", year + 1);
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT h.code, strftime('%Y-%m', x.on_day + 28800, 'unixepoch'), count(*),"
		     " count(DISTINCT x.tenant_id), sum(x.hours) FROM sessions x JOIN hubs h ON h.id = x.hub_id"
		     " WHERE x.hub_id IN (SELECT id FROM scope) AND x.on_day >= ?2 AND x.on_day < ?3"
		     " GROUP BY 1, 2 ORDER BY 1, 2",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, fh_date_epoch(from));
	fh_bind_int64(q, 3, fh_date_epoch(to));
	return fh_store_rows(s, q, rows, n, sizeof **rows, month_read, _("reading sessions"), err);
}

/* The module table's hook: a tenant that graduates or leaves ends its
 * pairings that day. */
fh_status fh_mentor_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	if (!fh_tenant_leaves(c))
		return FH_OK;
	int ended = 0;
	fh_status st = fh_mentor_end_tenant(s, c->actor, c->next->id, c->on, &ended, err);
	if (c->audit)
		fh_buf_printf(c->audit, ",\"pairings_ended\":%d", ended);
	return st;
}
