/* fuhua core — months closed (sheet.h). Closing a month keeps, in the
 * transaction that marks it closed, the figures of the monthly and
 * Party-building reports of every hub as they are read then (each hub's own:
 * the totals and rates of any scope follow from them); a report of a closed
 * month reads them, so that it says next year what it said when it was sent.
 * Reopening is an administrator's, with a reason, and audited; the month's
 * reports then read the records again until it is closed anew. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "report_int.h"
#include "store_int.h"

/* A manager's (or, to reopen, an administrator's) of the top hub, read in
 * the write transaction. */
static fh_status may(fh_store *s, const fh_actor *actor, fh_role role, fh_error *err)
{
	int top = 0;
	fh_status st = fh_store_count(s, "SELECT count(*) FROM hubs WHERE id = ?1 AND parent_id IS NULL", actor->hub_id,
				      0, &top, _("reading the hubs"), err);
	if (st != FH_OK)
		return st;
	if (!top || actor->role < role)
		return fh_error_set(err, FH_EDENIED, NULL, "%s",
				    role == FH_ROLE_ADMIN ? _("only an administrator of the top hub may reopen a month")
							  : _("only a manager of the top hub may close a month"));
	return FH_OK;
}

/* The month's state row: *closed_on (0: open or no row). */
static fh_status month_state(fh_store *s, int month, int64_t *closed_on, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT ifnull(closed_on, 0) FROM report_months WHERE month = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int(q, 1, month);
	int rc = fh_step(q);
	*closed_on = rc == FH_ROW ? fh_column_int64(q, 0) : 0;
	if (rc == FH_ROW)
		rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading the months closed"));
}

/* A report's figures of every hub into report_figures; *kept counts them. */
static fh_status keep(fh_store *s, const fh_actor *actor, fh_report_kind kind, int year, int month, int *kept,
		      fh_error *err)
{
	fh_report_doc d;
	fh_status st = fh_report_build(s, actor, kind, NULL, year, month, &d, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO report_figures(month, report, sheet, hub_id, col, value)"
				" VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
				&q, err)) != FH_OK) {
		fh_report_doc_free(&d);
		return st;
	}
	for (int i = 0; st == FH_OK && i < d.nsheets; i++) {
		const fh_sheet *sh = &d.sheets[i];
		for (size_t r = 0; st == FH_OK && r + 1 < sh->nrows; r++)
			for (int c = 0; st == FH_OK && c < sh->ncols; c++) {
				if (sh->cols[c].cell == FH_CELL_PERCENT || sh->rows[r].v[c] == 0)
					continue; /* rates follow from the counts; a figure not kept is 0 */
				fh_bind_int(q, 1, year * 100 + month);
				fh_bind_str(q, 2, d.key);
				fh_bind_str(q, 3, sh->key);
				fh_bind_int64(q, 4, sh->rows[r].hub_id);
				fh_bind_str(q, 5, sh->cols[c].key);
				fh_bind_double(q, 6, sh->rows[r].v[c]);
				st = fh_store_done(s, q, _("keeping the month's figures"), err);
				++*kept;
			}
	}
	fh_report_doc_free(&d);
	return st;
}

static fh_status close_locked(fh_store *s, const fh_actor *actor, int year, int month, fh_error *err)
{
	int key = year * 100 + month, kept = 0;
	int64_t closed;
	fh_stmt *q;
	fh_status st;
	if ((st = may(s, actor, FH_ROLE_MANAGER, err)) != FH_OK || (st = month_state(s, key, &closed, err)) != FH_OK)
		return st;
	if (closed)
		return fh_error_set(err, FH_ECONFLICT, "month", _("%04d-%02d is closed already"), year, month);
	if ((st = fh_store_stmt(s, "DELETE FROM report_figures WHERE month = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int(q, 1, key);
	if ((st = fh_store_done(s, q, _("keeping the month's figures"), err)) != FH_OK ||
	    (st = keep(s, actor, FH_REPORT_MONTHLY, year, month, &kept, err)) != FH_OK ||
	    (st = keep(s, actor, FH_REPORT_PARTY, year, month, &kept, err)) != FH_OK ||
	    (st = fh_store_stmt(
		     s,
		     "INSERT INTO report_months(month, closed_on, closed_by) VALUES(?1, ?2, ?3)"
		     " ON CONFLICT DO UPDATE SET closed_on = excluded.closed_on, closed_by = excluded.closed_by",
		     &q, err)) != FH_OK)
		return st;
	int64_t now = fh_clock_now();
	fh_bind_int(q, 1, key);
	fh_bind_int64(q, 2, now);
	fh_bind_str(q, 3, actor->name);
	if ((st = fh_store_done(s, q, _("closing the month"), err)) != FH_OK)
		return st;
	char summary[160];
	snprintf(summary, sizeof summary, _("closed the reports of %04d-%02d (%d figures kept)"), year, month, kept);
	return fh_audit_summary(s, actor, actor->hub_id, "report_month", key, "close", NULL, summary, err,
				"\"month\":\"%04d-%02d\",\"figures\":%d", year, month, kept);
}

/* The month as YYYY-MM, over (for closing) or begun: FH_EINVAL else. */
static fh_status month_ok(int year, int month, bool over, fh_error *err)
{
	char first[16];
	snprintf(first, sizeof first, "%04d-%02d-01", year, month);
	int64_t from = year >= 2000 && year <= 2100 && month >= 1 && month <= 12 ? fh_date_epoch(first) : 0,
		today = fh_clock_day(fh_clock_now());
	if (!from || (over ? fh_clock_add_months(from, 1) > today : from > today))
		return fh_error_set(err, FH_EINVAL, "month", "%s",
				    over ? _("a month that is over, as YYYY-MM") : _("a month begun, as YYYY-MM"));
	return FH_OK;
}

fh_status fh_report_close(fh_store *s, const fh_actor *actor, int year, int month, fh_error *err)
{
	fh_status st = month_ok(year, month, true, err);
	if (st == FH_OK && (st = fh_tx_begin(s, err)) == FH_OK)
		st = fh_tx_end(s, close_locked(s, actor, year, month, err), err);
	return st;
}

static fh_status reopen_locked(fh_store *s, const fh_actor *actor, int year, int month, const char *reason,
			       fh_error *err)
{
	int key = year * 100 + month, kept = 0;
	int64_t closed;
	fh_stmt *q;
	fh_status st;
	if ((st = may(s, actor, FH_ROLE_ADMIN, err)) != FH_OK || (st = month_state(s, key, &closed, err)) != FH_OK ||
	    (st = fh_store_count(s, "SELECT count(*) FROM report_figures WHERE month = ?1", key, 0, &kept,
				 _("reading the figures of a closed month"), err)) != FH_OK)
		return st;
	if (!closed)
		return fh_error_set(err, FH_ECONFLICT, "month", _("%04d-%02d is not closed"), year, month);
	if ((st = fh_store_stmt(s, "DELETE FROM report_figures WHERE month = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int(q, 1, key);
	if ((st = fh_store_done(s, q, _("reopening the month"), err)) != FH_OK ||
	    (st = fh_store_stmt(s,
				"UPDATE report_months SET closed_on = NULL, reopened_on = ?2, reopened_by = ?3,"
				" reason = ?4, revisions = revisions + 1 WHERE month = ?1",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int(q, 1, key);
	fh_bind_int64(q, 2, fh_clock_now());
	fh_bind_str(q, 3, actor->name);
	fh_bind_str(q, 4, reason);
	if ((st = fh_store_done(s, q, _("reopening the month"), err)) != FH_OK)
		return st;
	char summary[1200], old[96];
	snprintf(summary, sizeof summary, _("reopened the reports of %04d-%02d: %s"), year, month, reason);
	snprintf(old, sizeof old, "{\"closed_on\":%lld,\"figures\":%d}", (long long)closed, kept);
	return fh_audit_summary(s, actor, actor->hub_id, "report_month", key, "reopen", old, summary, err,
				"\"month\":\"%04d-%02d\"", year, month);
}

fh_status fh_report_reopen(fh_store *s, const fh_actor *actor, int year, int month, const char *reason, fh_error *err)
{
	const char *why = reason ? fh_text_field_problem(reason, false, true) : N_("a reason is needed");
	size_t chars = reason ? fh_utf8_chars(reason) : 0;
	if (!why && (chars < 1 || chars > 500))
		why = N_("1 to 500 characters");
	if (why)
		return fh_error_set(err, FH_EINVAL, "reason", "%s", _(why));
	fh_status st = month_ok(year, month, false, err);
	if (st == FH_OK && (st = fh_tx_begin(s, err)) == FH_OK)
		st = fh_tx_end(s, reopen_locked(s, actor, year, month, reason, err), err);
	return st;
}

fh_status fh_report_months(fh_store *s, int count, fh_report_month **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (count < 1 || count > 1200)
		return fh_error_set(err, FH_EINVAL, NULL, "%s", _("1 to 1200 months"));
	fh_report_month *m = calloc((size_t)count, sizeof *m);
	if (!m)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	char d[16];
	fh_clock_format_date(fh_clock_now(), d, sizeof d);
	int at = atoi(d) * 12 + atoi(d + 5) - 1;
	for (int i = 0; i < count; i++) {
		m[i].year = (at - i) / 12;
		m[i].month = (at - i) % 12 + 1;
	}
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(s,
			      "SELECT month, ifnull(closed_on, 0), ifnull(closed_by, ''), ifnull(reopened_on, 0),"
			      " ifnull(reopened_by, ''), ifnull(reason, ''), revisions FROM report_months"
			      " WHERE month BETWEEN ?1 AND ?2",
			      &q, err);
	if (st != FH_OK) {
		free(m);
		return st;
	}
	fh_bind_int(q, 1, m[count - 1].year * 100 + m[count - 1].month);
	fh_bind_int(q, 2, m[0].year * 100 + m[0].month);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		int key = fh_column_int(q, 0), i = at - ((key / 100) * 12 + key % 100 - 1);
		if (i < 0 || i >= count)
			continue;
		m[i].closed_on = fh_column_int64(q, 1);
		m[i].closed = m[i].closed_on != 0;
		fh_column_text(q, 2, m[i].closed_by, sizeof m[i].closed_by);
		m[i].reopened_on = fh_column_int64(q, 3);
		fh_column_text(q, 4, m[i].reopened_by, sizeof m[i].reopened_by);
		fh_column_text(q, 5, m[i].reason, sizeof m[i].reason);
		m[i].revisions = fh_column_int(q, 6);
	}
	fh_reset(q);
	if (rc != FH_DONE) {
		free(m);
		return fh_store_fail(s, err, _("reading the months closed"));
	}
	*rows = m;
	*n = (size_t)count;
	return FH_OK;
}
