/* fuhua core — `fuhua check`, holding nobody off.
 *
 * With a rollback journal (store.c: SQLite 3.40's WAL-reset race), a session
 * reading holds a shared lock that every commit waits behind; SQLite's
 * integrity check of the tenants' table alone reads for 27 s at a million
 * tenants. So the check reads in pieces that never hold a lock for long:
 *
 * - each table's structure (integrity_check, foreign_key_check) on a
 *   connection of its own that takes no lock at all (read only), counted
 *   only if nothing was written to the file meanwhile — which two marks,
 *   taken before and after under a shared lock (no commit is then under
 *   way), tell: SQLite's data version (every commit moves it), the file's
 *   size and modification time (any write moves it, a rolled-back journal
 *   too). As soon as the file changes, the table's check stops, and is
 *   tried again after a pause; a table written to all along is reported
 *   as not verified, never as sound;
 * - the modules' derived rows (the search index, the committee terms kept
 *   for the re-elections, the maintained counts) a part at a time: a range
 *   of tenants, or a hub's, each one short statement (modules.c).
 *
 * `check --full` instead reads everything in one read transaction, other
 * sessions' commits waiting for it: SQLite's whole-file check (the free
 * list, pages used by nothing), the full-text index's own, for a
 * maintenance window. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuhua/buf.h"
#include "fuhua/scratch.h"
#include "fuhua/store.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "modules.h"
#include "store_int.h"
#include "store_sqlite.h"

#define QUIET_TRIES 10 /* a table's tries, 50 ms to 1 s apart */

/* A problem, escaped (it may quote the data); counted beyond the first
 * FH_CHECK_MAX. */
void fh_check_add(fh_check_report *rep, const char *fmt, ...)
{
	if (rep->n < FH_CHECK_MAX) {
		char raw[sizeof rep->problem[0]];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(raw, sizeof raw, fmt, ap);
		va_end(ap);
		fh_text_escape(rep->problem[rep->n], sizeof rep->problem[0], raw);
	}
	rep->n++;
}

fh_status fh_check_kept(fh_store *s, fh_check_report *rep, const char *table, const char *kept, const char *recount,
			const char *fmt, const char *doing, fh_error *err)
{
	/* the rows that differ either way, grouped by their first two columns
	 * (the part a problem names): table, kept and recount are the
	 * modules' SQL, never user text */
	fh_buf sql = FH_BUF_INIT;
	fh_buf_printf(&sql,
		      "SELECT * FROM (SELECT * FROM (%s) EXCEPT SELECT * FROM %s WHERE %s"
		      " UNION ALL SELECT * FROM (SELECT * FROM %s WHERE %s EXCEPT SELECT * FROM (%s))) GROUP BY 1, 2",
		      recount, table, kept, table, kept, recount);
	if (sql.failed) {
		fh_buf_free(&sql);
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	}
	fh_stmt *q;
	fh_status st = fh_store_prepare(s, fh_buf_str(&sql), &q, NULL);
	fh_buf_free(&sql);
	if (st != FH_OK)
		return fh_store_fail(s, err, doing);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW)
		fh_check_add(rep, fmt, (long long)fh_column_int64(q, 0), (long long)fh_column_int64(q, 1));
	fh_finalize(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, doing);
}

/* What tells that the file was written, read under a shared lock. */
struct mark {
	int64_t version, size, mtime_ns;
};

static fh_status mark_file(fh_store *s, struct mark *m, fh_error *err)
{
	sqlite3 *db = fh_store_db(s);
	sqlite3_stmt *q = NULL;
	/* a deferred transaction takes the shared lock at its first read */
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("checking the database"));
	int rc = sqlite3_prepare_v2(
		db, "SELECT (SELECT count(*) FROM sqlite_schema), (SELECT * FROM pragma_data_version)", -1, &q, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW)
		m->version = sqlite3_column_int64(q, 1);
	struct stat sb;
	bool seen = rc == SQLITE_ROW && stat(fh_store_path(s), &sb) == 0;
	if (seen) {
		m->size = (int64_t)sb.st_size;
		m->mtime_ns = (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec;
	}
	fh_status st = rc == SQLITE_ROW ? FH_OK : fh_store_fail(s, err, _("checking the database"));
	sqlite3_finalize(q);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (st == FH_OK && !seen)
		st = fh_error_set(err, FH_ESTORE, NULL, _("checking the database: %s"), fh_store_path(s));
	return st;
}

static bool same_mark(const struct mark *a, const struct mark *b)
{
	return a->version == b->version && a->size == b->size && a->mtime_ns == b->mtime_ns;
}

/* The progress handler of a quiet read: stops it once the file changed. */
struct watch {
	const char *path;
	struct mark at;
	bool changed;
};

static int stop_if_written(void *ctx)
{
	struct watch *w = ctx;
	struct stat sb;
	if (stat(w->path, &sb) != 0 || (int64_t)sb.st_size != w->at.size ||
	    (int64_t)sb.st_mtim.tv_sec * 1000000000 + sb.st_mtim.tv_nsec != w->at.mtime_ns)
		w->changed = true;
	return w->changed;
}

/* The database read only, without any lock: "file:PATH?mode=ro&nolock=1". */
static int open_quiet(const char *path, sqlite3 **db)
{
	char uri[PATH_MAX * 3 + 32];
	size_t n = (size_t)snprintf(uri, sizeof uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < sizeof uri; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/._-", *p))
			uri[n++] = (char)*p;
		else
			n += (size_t)snprintf(uri + n, sizeof uri - n, "%%%02X", *p);
	}
	snprintf(uri + n, sizeof uri - n, "?mode=ro&nolock=1");
	return sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
}

/* A row of integrity_check (k 0: "ok" or a problem) or foreign_key_check
 * (k 1: a problem) into rep. */
static void add_problem(sqlite3_stmt *q, int k, fh_check_report *rep)
{
	const char *m = (const char *)sqlite3_column_text(q, 0);
	if (k == 0 && m && strcmp(m, "ok") != 0)
		fh_check_add(rep, _("integrity: %s"), m);
	else if (k == 1)
		fh_check_add(rep, _("foreign key: row %lld of %s points to a missing row of %s"),
			     (long long)sqlite3_column_int64(q, 1), (const char *)sqlite3_column_text(q, 0),
			     (const char *)sqlite3_column_text(q, 2));
}

/* A table's structure, its rows' foreign keys: problems into got. False
 * if the read did not finish (the file changed, or it failed: `why`). */
static bool table_check(sqlite3 *db, const char *table, struct watch *w, fh_check_report *got, char *why, size_t size)
{
	/* the name is sqlite_schema's, quoted: never user text */
	static const char *const sql[2] = { "PRAGMA integrity_check(\"%w\")", "PRAGMA foreign_key_check(\"%w\")" };
	for (int k = 0; k < 2; k++) {
		sqlite3_stmt *q = NULL;
		char *text = sqlite3_mprintf(sql[k], table);
		int prc = text ? sqlite3_prepare_v2(db, text, -1, &q, NULL) : SQLITE_NOMEM;
		sqlite3_free(text);
		if (prc != SQLITE_OK) {
			snprintf(why, size, "%s", sqlite3_errmsg(db));
			return false;
		}
		int rc;
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			add_problem(q, k, got);
		if (rc != SQLITE_DONE && !w->changed)
			snprintf(why, size, "%s", sqlite3_errmsg(db));
		sqlite3_finalize(q);
		if (rc != SQLITE_DONE)
			return false;
	}
	return true;
}

static void merge(fh_check_report *rep, const fh_check_report *got)
{
	for (size_t i = 0; i < got->n && i < FH_CHECK_MAX; i++)
		fh_check_add(rep, "%s", got->problem[i]);
	if (got->n > FH_CHECK_MAX)
		rep->n += got->n - FH_CHECK_MAX;
}

/* One table, read where nothing is written (see the top of the file). */
static fh_status quiet_table(fh_store *s, const char *table, fh_check_report *rep, fh_error *err)
{
	for (int try = 0; try < QUIET_TRIES; try++) {
		if (try)
			sqlite3_sleep(50 << (try < 5 ? try - 1 : 4)); /* 50 ms … 800 ms */
		struct watch w = { .path = fh_store_path(s) };
		struct mark after;
		fh_status st = mark_file(s, &w.at, err);
		if (st != FH_OK)
			return st;
		sqlite3 *db = NULL;
		fh_check_report *got = calloc(1, sizeof *got);
		char why[300] = "";
		bool done = got && open_quiet(w.path, &db) == SQLITE_OK;
		if (done) {
			sqlite3_progress_handler(db, 20000, stop_if_written, &w);
			done = table_check(db, table, &w, got, why, sizeof why);
		}
		sqlite3_close(db);
		if ((st = mark_file(s, &after, err)) == FH_OK && same_mark(&w.at, &after)) {
			/* the file did not change: what was read is what is there */
			if (done)
				merge(rep, got);
			else
				fh_check_add(rep, _("integrity: %s: %s"), table, why[0] ? why : _("out of memory"));
			free(got);
			return FH_OK;
		}
		free(got);
		if (st != FH_OK)
			return st;
	}
	rep->unverified++;
	fh_check_add(
		rep,
		_("%s: not verified: the database was written to at every try (%d); check again when it is quieter, or with --full"),
		table, QUIET_TRIES);
	return FH_OK;
}

/* The tables (virtual ones aside: their own tables are checked). */
static fh_status tables(fh_store *s, char (**names)[128], size_t *n, fh_error *err)
{
	sqlite3_stmt *q;
	*names = NULL;
	*n = 0;
	size_t cap = 0;
	if (sqlite3_prepare_v2(fh_store_db(s),
			       "SELECT name FROM sqlite_schema WHERE type = 'table'"
			       " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
			       -1, &q, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("checking the database"));
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW && fh_grow(names, &cap, *n, sizeof **names))
		snprintf((*names)[(*n)++], 128, "%s", (const char *)sqlite3_column_text(q, 0));
	sqlite3_finalize(q);
	if (rc == SQLITE_DONE)
		return FH_OK;
	free(*names);
	*names = NULL;
	return rc == SQLITE_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
				: fh_store_fail(s, err, _("checking the database"));
}

/* --full: SQLite's check of the whole file and every foreign key, in the
 * caller's read transaction. */
static fh_status whole_file(fh_store *s, fh_check_report *rep, fh_error *err)
{
	static const char *const sql[2] = { "PRAGMA integrity_check(30)", "PRAGMA foreign_key_check" };
	for (int k = 0; k < 2; k++) {
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(fh_store_db(s), sql[k], -1, &q, NULL) != SQLITE_OK)
			return fh_store_fail(s, err, _("checking the database"));
		int rc;
		while ((rc = sqlite3_step(q)) == SQLITE_ROW)
			add_problem(q, k, rep);
		sqlite3_finalize(q);
		if (rc != SQLITE_DONE)
			return fh_store_fail(s, err, _("checking the database"));
	}
	return FH_OK;
}

fh_status fh_store_check(fh_store *s, bool full, fh_check_report *rep, fh_error *err)
{
	memset(rep, 0, sizeof *rep);
	rep->full = full;
	/* what killed demos, backups and exports left, beside the database
	 * and where the last backup went */
	rep->swept = fh_store_sweep(fh_store_path(s), rep->swept_first, sizeof rep->swept_first);
	const char *dir = fh_store_setting(s, "backup_dir");
	if (dir)
		rep->swept +=
			fh_scratch_sweep(dir, rep->swept_first[0] ? NULL : rep->swept_first, sizeof rep->swept_first);
	fh_status st = FH_OK;
	if (full) { /* one consistent read: other sessions' commits wait */
		if (sqlite3_exec(fh_store_db(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
			return fh_store_fail(s, err, _("checking the database"));
		st = whole_file(s, rep, err);
	} else {
		char(*names)[128];
		size_t n;
		if ((st = tables(s, &names, &n, err)) != FH_OK)
			return st;
		for (size_t i = 0; st == FH_OK && i < n; i++)
			st = quiet_table(s, names[i], rep, err);
		free(names);
	}
	for (const struct fh_module *m = fh_modules; st == FH_OK && m->name; m++)
		if (m->check)
			st = m->check(s, rep, err);
	if (full)
		sqlite3_exec(fh_store_db(s), st == FH_OK ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	return st;
}
