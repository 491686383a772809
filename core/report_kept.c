/* fuhua core — the months closed as the reports read them: the module's
 * storage (report_months, and report_figures with every hub's own counts of
 * a closed month, never a rate or a total) and the kept figures put in a
 * report's rows in place of those read from the records (report_close.c
 * keeps and drops them). */
#include <string.h>

#include "i18n.h"
#include "report_int.h"
#include "store_int.h"

const char *const fh_report_schema[] = {
	/* 1: the months closed and the figures kept of each */
	"CREATE TABLE report_months(month INTEGER PRIMARY KEY, closed_on INTEGER, closed_by TEXT,"
	" reopened_on INTEGER, reopened_by TEXT, reason TEXT, revisions INTEGER NOT NULL DEFAULT 0) STRICT;"
	"CREATE TABLE report_figures(month INTEGER NOT NULL, report TEXT NOT NULL, sheet TEXT NOT NULL,"
	" hub_id INTEGER NOT NULL REFERENCES hubs(id), col TEXT NOT NULL, value REAL NOT NULL,"
	" PRIMARY KEY(month, report, sheet, hub_id, col)) STRICT, WITHOUT ROWID;",
	/* 2: where the Reports screen files a hub's reports (reports.dir) */
	"ALTER TABLE hubs ADD COLUMN reports_dir TEXT;",
	NULL,
};

static int sheet_index(const fh_report_doc *d, const char *key)
{
	for (int i = 0; i < d->nsheets; i++)
		if (strcmp(d->sheets[i].key, key) == 0)
			return i;
	return -1;
}

static int col_index(const fh_sheet *sh, const char *key)
{
	for (int c = 0; c < sh->ncols; c++)
		if (sh->cols[c].cell != FH_CELL_PERCENT && strcmp(sh->cols[c].key, key) == 0)
			return c;
	return -1;
}

/* The kept figures into d's rows (all sheets share the hubs' order). */
static fh_status read_kept(fh_store *s, fh_report_doc *d, int month, fh_error *err)
{
	for (int i = 0; i < d->nsheets; i++)
		for (size_t r = 0; r + 1 < d->sheets[i].nrows; r++)
			memset(d->sheets[i].rows[r].v, 0, sizeof d->sheets[i].rows[r].v);
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT hub_id, sheet, col, value FROM report_figures"
				     " WHERE month = ?1 AND report = ?2 ORDER BY hub_id",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int(q, 1, month);
	fh_bind_str(q, 2, d->key);
	int64_t hub = 0;
	long row = -1;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!d->nsheets)
			continue;
		const fh_sheet *first = &d->sheets[0];
		if (hub != fh_column_int64(q, 0)) { /* a hub's first figure: its row, if of the scope */
			hub = fh_column_int64(q, 0);
			row = -1;
			for (size_t r = 0; r + 1 < first->nrows; r++)
				if (first->rows[r].hub_id == hub)
					row = (long)r;
		}
		int i = row < 0 ? -1 : sheet_index(d, fh_column_str(q, 1));
		int c = i < 0 ? -1 : col_index(&d->sheets[i], fh_column_str(q, 2));
		if (c >= 0)
			d->sheets[i].rows[row].v[c] = fh_column_double(q, 3);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading the figures of a closed month"));
}

fh_status fh_report_kept(fh_store *s, fh_report_doc *d, fh_error *err)
{
	int month = d->year * 100 + d->month;
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s, "SELECT closed_on, reopened_on, ifnull(reason, ''), revisions FROM report_months WHERE month = ?1",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int(q, 1, month);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		d->closed_on = fh_column_int64(q, 0);
		d->reopened_on = d->closed_on ? 0 : fh_column_int64(q, 1);
		fh_column_text(q, 2, d->reopen_reason, sizeof d->reopen_reason);
		d->revised_on = d->closed_on && fh_column_int(q, 3) ? d->closed_on : 0;
		rc = fh_step(q);
	}
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("reading the months closed"));
	return d->closed_on ? read_kept(s, d, month, err) : FH_OK;
}
