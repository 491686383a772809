/* fuhua core — the waiting list: tenants waiting for a kind of space at
 * their hub, first come first; a space freeing up is offered to the first
 * one whose seats fit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "space_int.h"
#include "store_int.h"

#define WAIT_SELECT                                                                        \
	FH_SQL_SCOPE                                                                       \
	"SELECT w.id, w.version, w.hub_id, w.tenant_id, t.name, w.type, w.seats, w.since," \
	" coalesce(w.note, '') FROM waitlist w JOIN tenants t ON t.id = w.tenant_id"       \
	" WHERE w.state = 'waiting' AND w.hub_id IN (SELECT id FROM scope)"

static void wait_read(fh_stmt *q, void *row)
{
	fh_wait *w = row;
	memset(w, 0, sizeof *w);
	w->id = fh_column_int64(q, 0);
	w->version = fh_column_int64(q, 1);
	w->hub_id = fh_column_int64(q, 2);
	w->tenant_id = fh_column_int64(q, 3);
	fh_column_text(q, 4, w->tenant, sizeof w->tenant);
	fh_space_type_parse(fh_column_str(q, 5), &w->type);
	w->seats = fh_column_int(q, 6);
	w->since = fh_column_int64(q, 7);
	fh_column_text(q, 8, w->note, sizeof w->note);
}

/* The place's checks that read the database, and its row, in the
 * caller's transaction. */
static fh_status add_locked(fh_store *s, const fh_actor *actor, int64_t tenant, fh_space_type type, int seats,
			    const char *note, int64_t *id, fh_error *err)
{
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, tenant, &t, err);
	if (st != FH_OK)
		return st;
	if (t.stage == FH_STAGE_GRADUATED || t.stage == FH_STAGE_EXITED)
		return fh_error_set(err, FH_EINVAL, "tenant", _("%s has left the hub"), t.name);
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"SELECT 1 FROM waitlist WHERE tenant_id = ?1 AND type = ?2"
				" AND state = 'waiting'",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	fh_bind_static(q, 2, fh_space_type_name(type), -1);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc == FH_ROW)
		return fh_error_set(err, FH_ECONFLICT, "type", _("%s is already waiting for a space of this kind"),
				    t.name);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("reading the waiting list"));
	if ((st = fh_store_stmt(s,
				"INSERT INTO waitlist(hub_id, tenant_id, type, seats, since, note,"
				" updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				&q, err)) != FH_OK)
		return st;
	int64_t now = fh_clock_now();
	fh_bind_int64(q, 1, t.hub_id);
	fh_bind_int64(q, 2, tenant);
	fh_bind_static(q, 3, fh_space_type_name(type), -1);
	fh_bind_int(q, 4, seats);
	fh_bind_int64(q, 5, now);
	fh_bind_text(q, 6, note);
	fh_bind_int64(q, 7, now);
	fh_bind_str(q, 8, actor->name);
	rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the waiting list"));
	*id = fh_store_last_id(s);
	fh_buf nb = FH_BUF_INIT;
	fh_buf_printf(&nb, "{\"type\":\"%s\",\"seats\":%d,\"name\":", fh_space_type_name(type), seats);
	fh_buf_json_string(&nb, t.name);
	fh_buf_puts(&nb, "}");
	st = fh_audit_write(s, actor, t.hub_id, "waitlist", *id, "create", NULL, fh_buf_str(&nb), err);
	fh_buf_free(&nb);
	return st;
}

fh_status fh_wait_add(fh_store *s, const fh_actor *actor, int64_t tenant, fh_space_type type, int seats,
		      const char *note_in, int64_t *id, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	if (!fh_space_type_allocated(type))
		return fh_error_set(err, FH_EINVAL, "type",
				    _("rooms booked by the hour have no waiting list (office, desk, showcase)"));
	if (type != FH_SPACE_DESK)
		seats = 0;
	else if (seats < 1 || seats > 100)
		return fh_error_set(err, FH_EINVAL, "seats", "%s", _("seats: 1 to 100"));
	char note[256];
	fh_status st = fh_text_field_take(note, sizeof note, 60, note_in ? note_in : "", false, false, "note", err);
	if (st != FH_OK || (st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	return fh_tx_end(s, add_locked(s, actor, tenant, type, seats, note, id, err), err);
}

fh_status fh_wait_list(fh_store *s, const fh_actor *actor, const char *hub_code, int type, fh_wait **rows, size_t *n,
		       fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				WAIT_SELECT " AND (?2 = '' OR w.type = ?2) AND (?3 = 0 OR w.hub_id = ?3)"
					    " ORDER BY w.since, w.id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 3, hub);
	fh_bind_static(q, 2, type >= 0 ? fh_space_type_name((fh_space_type)type) : "", -1);
	return fh_store_rows(s, q, rows, n, sizeof **rows, wait_read, _("reading the waiting list"), err);
}

static fh_status remove_locked(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, WAIT_SELECT " AND w.id = ?2", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 2, id);
	fh_wait *w;
	size_t n;
	if ((st = fh_store_rows(s, q, &w, &n, sizeof *w, wait_read, _("reading the waiting list"), err)) != FH_OK)
		return st;
	int64_t hub = n ? w->hub_id : 0;
	free(w);
	if (!n)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no one waiting under no. %lld"), (long long)id);
	if ((st = fh_store_stmt(s,
				"UPDATE waitlist SET state = 'withdrawn', version = version + 1,"
				" updated_at = ?2, updated_by = ?3 WHERE id = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int64(q, 2, fh_clock_now());
	fh_bind_str(q, 3, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the waiting list"));
	return fh_audit_write(s, actor, hub, "waitlist", id, "withdraw", NULL, NULL, err);
}

fh_status fh_wait_remove(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, remove_locked(s, actor, id, err), err);
}

fh_status fh_wait_first_for(fh_store *s, const fh_actor *actor, int64_t space_id, int64_t day, fh_wait *out,
			    fh_error *err)
{
	fh_space sp;
	fh_status st = fh_space_read_one(s, space_id, &sp, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				WAIT_SELECT " AND w.hub_id = ?2 AND w.type = ?3"
					    " AND t.stage = 'incubating' ORDER BY w.since, w.id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 2, sp.hub_id);
	fh_bind_static(q, 3, fh_space_type_name(sp.type), -1);
	fh_wait *c;
	size_t n;
	if ((st = fh_store_rows(s, q, &c, &n, sizeof *c, wait_read, _("reading the waiting list"), err)) != FH_OK)
		return st;
	bool found = false;
	for (size_t i = 0; st == FH_OK && !found && i < n; i++) {
		fh_tenant t;
		if ((st = fh_tenant_get_by_id(s, actor, c[i].tenant_id, &t, err)) != FH_OK || !t.planned_end)
			continue;
		int64_t to = fh_clock_day(t.planned_end);
		if (to < day)
			continue;
		fh_status fit = fh_allocation_check(s, space_id, day, to, c[i].seats, err);
		if (fit == FH_OK) {
			*out = c[i];
			found = true;
		} else if (fit != FH_ECONFLICT) {
			st = fit; /* not "does not fit": the database did not answer */
		}
	}
	free(c);
	if (st != FH_OK || found)
		return st;
	return fh_error_set(err, FH_ENOTFOUND, "space", _("no one is waiting for %s"), sp.code);
}
