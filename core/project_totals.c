/* fuhua core — the projects' totals: kept per hub, year, kind and state
 * (granted, paid) and the payments per hub, month and kind as projects and
 * payments are written, by triggers in the write's transaction (the
 * module's schema step 2); read by the year's totals and a month's
 * payments, recounted by fuhua check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/project.h"
#include "i18n.h"
#include "project_int.h"
#include "store_int.h"

/* clang-format off */
/* The month (in China) of day d as YYYYMM, an SQL expression. */
#define PAYMENT_MONTH(d) "CAST(strftime('%Y%m', " d ", 'unixepoch', '+8 hours') AS INTEGER)"
/* The kept totals counted from the projects and from their payments, in
 * the tallies' column order. */
#define PROJECT_RECOUNT \
	"SELECT hub_id, year, kind, state, count(*), sum(granted), sum(paid) FROM projects" \
	" GROUP BY hub_id, year, kind, state"
#define PAYMENT_RECOUNT \
	"SELECT p.hub_id AS hub_id, " PAYMENT_MONTH("x.on_day") " AS month, p.kind AS kind, sum(x.fen)" \
	" FROM project_payments x JOIN projects p ON p.id = x.project_id GROUP BY 1, 2, 3"

const char fh_project_totals_step[] =
	"CREATE TABLE project_tally(hub_id INTEGER NOT NULL, year INTEGER NOT NULL, kind TEXT NOT NULL,"
	" state TEXT NOT NULL, n INTEGER NOT NULL, granted INTEGER NOT NULL, paid INTEGER NOT NULL,"
	" PRIMARY KEY(hub_id, year, kind, state)) STRICT, WITHOUT ROWID;"
	"CREATE TABLE payment_tally(hub_id INTEGER NOT NULL, month INTEGER NOT NULL, kind TEXT NOT NULL,"
	" fen INTEGER NOT NULL, PRIMARY KEY(hub_id, month, kind)) STRICT, WITHOUT ROWID;"
	"INSERT INTO project_tally " PROJECT_RECOUNT ";"
	"INSERT INTO payment_tally " PAYMENT_RECOUNT ";"
	"CREATE TRIGGER project_tally_ai AFTER INSERT ON projects BEGIN"
	" INSERT INTO project_tally VALUES(new.hub_id, new.year, new.kind, new.state, 1, new.granted, new.paid)"
	"  ON CONFLICT DO UPDATE SET n = n + 1, granted = granted + excluded.granted, paid = paid + excluded.paid; END;"
	"CREATE TRIGGER project_tally_ad AFTER DELETE ON projects BEGIN"
	" UPDATE project_tally SET n = n - 1, granted = granted - old.granted, paid = paid - old.paid"
	"  WHERE hub_id = old.hub_id AND year = old.year AND kind = old.kind AND state = old.state; END;"
	"CREATE TRIGGER project_tally_au AFTER UPDATE OF hub_id, year, kind, state, granted, paid ON projects BEGIN"
	" UPDATE project_tally SET n = n - 1, granted = granted - old.granted, paid = paid - old.paid"
	"  WHERE hub_id = old.hub_id AND year = old.year AND kind = old.kind AND state = old.state;"
	" INSERT INTO project_tally VALUES(new.hub_id, new.year, new.kind, new.state, 1, new.granted, new.paid)"
	"  ON CONFLICT DO UPDATE SET n = n + 1, granted = granted + excluded.granted, paid = paid + excluded.paid; END;"
	/* a project moved to another hub or kind takes what was paid with it */
	"CREATE TRIGGER payment_tally_pu AFTER UPDATE OF hub_id, kind ON projects"
	" WHEN old.hub_id != new.hub_id OR old.kind != new.kind BEGIN"
	" UPDATE payment_tally SET fen = fen - x.paid FROM (SELECT " PAYMENT_MONTH("on_day") " AS m, sum(fen) AS paid"
	"  FROM project_payments WHERE project_id = old.id GROUP BY 1) x"
	"  WHERE hub_id = old.hub_id AND month = x.m AND kind = old.kind;"
	" INSERT INTO payment_tally SELECT new.hub_id, " PAYMENT_MONTH("on_day") ", new.kind, sum(fen)"
	"  FROM project_payments WHERE project_id = new.id GROUP BY 2"
	"  ON CONFLICT DO UPDATE SET fen = fen + excluded.fen; END;"
	"CREATE TRIGGER payment_tally_ai AFTER INSERT ON project_payments BEGIN"
	" INSERT INTO payment_tally SELECT hub_id, " PAYMENT_MONTH("new.on_day") ", kind, new.fen FROM projects"
	"  WHERE id = new.project_id ON CONFLICT DO UPDATE SET fen = fen + excluded.fen; END;"
	"CREATE TRIGGER payment_tally_ad AFTER DELETE ON project_payments BEGIN"
	" UPDATE payment_tally SET fen = fen - old.fen FROM projects p WHERE p.id = old.project_id"
	"  AND payment_tally.hub_id = p.hub_id AND payment_tally.kind = p.kind"
	"  AND payment_tally.month = " PAYMENT_MONTH("old.on_day") "; END;"
	"CREATE TRIGGER payment_tally_au AFTER UPDATE OF project_id, on_day, fen ON project_payments BEGIN"
	" UPDATE payment_tally SET fen = fen - old.fen FROM projects p WHERE p.id = old.project_id"
	"  AND payment_tally.hub_id = p.hub_id AND payment_tally.kind = p.kind"
	"  AND payment_tally.month = " PAYMENT_MONTH("old.on_day") ";"
	" INSERT INTO payment_tally SELECT hub_id, " PAYMENT_MONTH("new.on_day") ", kind, new.fen FROM projects"
	"  WHERE id = new.project_id ON CONFLICT DO UPDATE SET fen = fen + excluded.fen; END;";
/* clang-format on */

static int by_hub_kind(const void *a, const void *b)
{
	const fh_project_total *x = a, *y = b;
	int c = strcmp(x->hub_code, y->hub_code);
	return c ? c : (int)x->kind - (int)y->kind;
}

/* The row of hub and kind among *n, found by halves in the first `sorted`
 * (in by_hub_kind order) or one by one from `from` on; added at the end
 * when there is none; NULL when out of memory. */
static fh_project_total *total_for(fh_project_total **rows, size_t *n, size_t sorted, size_t from, const char *hub,
				   fh_project_kind kind)
{
	fh_project_total key = { .kind = kind };
	snprintf(key.hub_code, sizeof key.hub_code, "%s", hub);
	fh_project_total *t = sorted ? bsearch(&key, *rows, sorted, sizeof key, by_hub_kind) : NULL;
	for (size_t i = from; !t && i < *n; i++)
		if (by_hub_kind(&(*rows)[i], &key) == 0)
			t = &(*rows)[i];
	if (t)
		return t;
	fh_project_total *grown = realloc(*rows, (*n + 1) * sizeof **rows);
	if (!grown)
		return NULL;
	*rows = grown;
	grown[*n] = key;
	return &grown[(*n)++];
}

fh_status fh_project_totals(fh_store *s, const fh_actor *actor, const char *hub_code, int year, fh_project_total **rows,
			    size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				FH_SQL_SCOPE "SELECT h.code, x.kind, x.state, x.n, x.granted, x.paid"
					     " FROM scope JOIN project_tally x ON x.hub_id = scope.id AND x.year = ?2"
					     " JOIN hubs h ON h.id = x.hub_id WHERE x.n != 0 ORDER BY h.code",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, year);
	int rc;
	size_t run = 0; /* the first row of this hub: the tallies' come by hub */
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_project_kind k = FH_PROJECT_OTHER;
		fh_project_state ps = FH_PROJECT_APPLIED;
		fh_project_kind_parse(fh_column_str(q, 1), &k);
		fh_project_state_parse(fh_column_str(q, 2), &ps);
		if (*n && strcmp((*rows)[run].hub_code, fh_column_str(q, 0)) != 0)
			run = *n;
		fh_project_total *t = total_for(rows, n, 0, run, fh_column_str(q, 0), k);
		if (!t)
			break;
		int count = fh_column_int(q, 3);
		t->by_state[ps] += count;
		if (ps != FH_PROJECT_REFUSED) {
			t->projects += count;
			t->granted += fh_column_int64(q, 4);
			t->paid += fh_column_int64(q, 5);
		}
	}
	fh_reset(q);
	size_t sorted = *n;
	if (sorted)
		qsort(*rows, sorted, sizeof **rows, by_hub_kind);
	if (rc == FH_DONE) {
		/* what was paid during the calendar year, whatever the project's year */
		if ((st = fh_store_stmt(s,
					FH_SQL_SCOPE "SELECT h.code, x.kind, sum(x.fen) FROM scope"
						     " JOIN payment_tally x ON x.hub_id = scope.id"
						     " AND x.month BETWEEN ?2 * 100 + 1 AND ?2 * 100 + 12"
						     " JOIN hubs h ON h.id = x.hub_id GROUP BY x.hub_id, x.kind"
						     " HAVING sum(x.fen) != 0",
					&q, err)) != FH_OK) {
			free(*rows);
			*rows = NULL;
			*n = 0;
			return st;
		}
		fh_bind_int64(q, 1, hub);
		fh_bind_int(q, 2, year);
		while ((rc = fh_step(q)) == FH_ROW) {
			fh_project_kind k = FH_PROJECT_OTHER;
			fh_project_kind_parse(fh_column_str(q, 1), &k);
			fh_project_total *t = total_for(rows, n, sorted, sorted, fh_column_str(q, 0), k);
			if (!t)
				break;
			t->paid_in_year = fh_column_int64(q, 2);
		}
		fh_reset(q);
	}
	if (rc != FH_DONE) {
		st = rc == FH_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
				  : fh_store_fail(s, err, _("reading projects"));
		free(*rows);
		*rows = NULL;
		*n = 0;
		return st;
	}
	if (*n)
		qsort(*rows, *n, sizeof **rows, by_hub_kind);
	return FH_OK;
}

static void paid_read(fh_stmt *q, void *row)
{
	fh_project_paid *p = row;
	memset(p, 0, sizeof *p);
	fh_column_text(q, 0, p->hub_code, sizeof p->hub_code);
	p->month = fh_column_int64(q, 1);
	p->year = fh_column_int64(q, 2);
}

fh_status fh_project_paid_in(fh_store *s, const fh_actor *actor, const char *hub_code, int year, int month,
			     fh_project_paid **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	if (year < 2000 || year > 2100 || month < 1 || month > 12)
		return fh_error_set(err, FH_EINVAL, "month", "%s", _("a month from 2000-01 to 2100-12"));
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT h.code, sum(x.fen * (x.month = ?3)), sum(x.fen) FROM scope"
				" JOIN payment_tally x ON x.hub_id = scope.id AND x.month BETWEEN ?2 AND ?3"
				" JOIN hubs h ON h.id = x.hub_id GROUP BY x.hub_id HAVING sum(x.fen) != 0"
				" ORDER BY h.code",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, year * 100 + 1);
	fh_bind_int(q, 3, year * 100 + month);
	return fh_store_rows(s, q, rows, n, sizeof **rows, paid_read, _("reading projects"), err);
}

fh_status fh_project_totals_check(fh_store *s, fh_check_report *rep, fh_error *err)
{
	fh_status st = fh_check_kept(s, rep, "project_tally", "n != 0", PROJECT_RECOUNT,
				     _("projects of hub %lld in %lld: the kept totals do not match the projects"),
				     _("checking projects"), err);
	if (st != FH_OK)
		return st;
	return fh_check_kept(s, rep, "payment_tally", "fen != 0", PAYMENT_RECOUNT,
			     _("payments of hub %lld in month %lld: the kept totals do not match the payments"),
			     _("checking projects"), err);
}
