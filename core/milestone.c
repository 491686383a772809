/* fuhua core — milestones: reading a tenant's two tracks. */
#include "fuhua/milestone.h"

#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "i18n.h"
#include "store_int.h"

fh_status fh_milestone_list(fh_store *s, const fh_actor *actor, int64_t tenant, fh_milestone **rows,
			    size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT hub_id FROM tenants WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	sqlite3_bind_int64(q, 1, tenant);
	int64_t hub = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
	sqlite3_reset(q);
	if (!hub)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no tenant no. %lld"), (long long)tenant);
	if ((st = fh_actor_scope(s, actor, hub, err)) != FH_OK)
		return st;
	if ((st = fh_store_stmt(s,
		"SELECT id, track = 'party', code, title, ifnull(due, 0), ifnull(done_on, 0)"
		" FROM milestones WHERE tenant_id = ?1 ORDER BY track, due, seq", &q, err)) != FH_OK)
		return st;
	sqlite3_bind_int64(q, 1, tenant);
	int64_t today = fh_clock_day(fh_clock_now());
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		if (!fh_grow(rows, &cap, *n, sizeof **rows))
			break;
		fh_milestone *m = &(*rows)[(*n)++];
		m->id = sqlite3_column_int64(q, 0);
		m->party = sqlite3_column_int(q, 1) != 0;
		fh_column_text(q, 2, m->code, sizeof m->code);
		fh_column_text(q, 3, m->title, sizeof m->title);
		m->due = sqlite3_column_int64(q, 4);
		m->done_on = sqlite3_column_int64(q, 5);
		m->late = !m->done_on && m->due && m->due < today;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return rc == SQLITE_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
					: fh_store_fail(s, err, _("reading milestones"));
	}
	return FH_OK;
}
