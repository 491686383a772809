/* fuhua core — the shared SQLite database. */
#include "fuhua/store.h"

#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "fuhua/buf.h"
#include "i18n.h"
#include "store_sqlite.h"
#include "modules.h"
#include "fuhua/scratch.h"

#include "schema.h"

#define SCHEMA_LATEST fh_migrations_count
#define STMT_CACHE 64

struct fh_store {
	sqlite3 *db;
	char *path;
	int schema;
	const char *journal;
	char journal_reason[160];
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
		uint64_t used; /* s->clock when last handed out */
	} cache[STMT_CACHE];
	int ncache;
	int nested;       /* savepoints inside a transaction (fh_tx_begin) */
	int64_t deferred; /* a bulk load's first row id (fh_store_defer) */
	void *bulk;       /* fh_store_set_bulk */
	void (*bulk_drop)(void *bulk);
	uint64_t clock;
	char setting[256];
	int busy_limit_ms;          /* how long a statement waits for another session */
	int64_t busy_from, busy_at; /* the last wait's start and its last look (ms) */
	bool writing;               /* holds the write lock (fh_tx_begin) */
	fh_scratch reading;         /* says this session reads for long (fh_store_announce) */
};

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* SQLite's busy handler: waits for the other session up to the store's
 * limit, a little longer each time, and notes how long it has waited for
 * the message if it gives up. */
static int busy_wait(void *ctx, int count)
{
	static const int pauses[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
	fh_store *s = ctx;
	int64_t now = mono_ms();
	if (count == 0)
		s->busy_from = now;
	s->busy_at = now;
	int64_t left = s->busy_limit_ms - (now - s->busy_from);
	if (left <= 0)
		return 0;
	int pause = count < (int)(sizeof pauses / sizeof pauses[0]) ? pauses[count] : 100;
	usleep((useconds_t)(pause < left ? pause : left) * 1000);
	return 1;
}

void fh_store_busy_ms(fh_store *s, int ms)
{
	s->busy_limit_ms = ms > 0 ? ms : 0;
	sqlite3_busy_handler(s->db, busy_wait, s); /* again, if another was set */
}

void fh_store_announce(fh_store *s, const char *job)
{
	fh_error err;
	if (s->reading.path || fh_scratch_make(s->path, "reading", &s->reading, &err) != FH_OK)
		return; /* said already, or cannot be said: the others' messages are vaguer */
	if (write(s->reading.fd, job, strlen(job)) < 0)
		fh_scratch_drop(&s->reading);
}

sqlite3 *fh_store_db(fh_store *s)
{
	return s->db;
}

void fh_store_defer(fh_store *s, int64_t from)
{
	s->deferred = from;
}

int64_t fh_store_deferred(const fh_store *s)
{
	return s->deferred;
}

void fh_store_set_bulk(fh_store *s, void *bulk, void (*drop)(void *bulk))
{
	if (s->bulk_drop)
		s->bulk_drop(s->bulk);
	s->bulk = bulk;
	s->bulk_drop = drop;
}

void *fh_store_bulk(fh_store *s)
{
	return s->bulk;
}

const char *fh_store_path(const fh_store *s)
{
	return s->path;
}

int fh_store_schema_latest(void)
{
	return SCHEMA_LATEST;
}

int fh_store_schema_version(const fh_store *s)
{
	return s->schema;
}

const char *fh_store_journal_mode(const fh_store *s)
{
	return s->journal;
}

const char *fh_store_journal_reason(const fh_store *s)
{
	return s->journal_reason;
}

fh_status fh_store_fail(fh_store *s, fh_error *err, const char *what)
{
	int rc = sqlite3_extended_errcode(s->db);
	if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
		return fh_error_set(err, FH_ESTORE, NULL, "%s: %s", what, sqlite3_errmsg(s->db));
	/* how long it waited, if the wait was this one's */
	double waited = mono_ms() - s->busy_at < 1000 ? (double)(s->busy_at - s->busy_from) / 1000 : 0;
	if (!s->writing) /* the write lock, or a read while one commits */
		return fh_error_set(err, FH_EBUSY, NULL,
				    _("%s: the database is busy: another session is writing; waited %.1f s, try again"),
				    what, waited);
	/* holding the write lock, waiting for the readers to finish */
	char job[64], shown[256];
	if (fh_scratch_live(s->path, "reading", job, sizeof job) > 0)
		return fh_error_set(err, FH_EBUSY, NULL,
				    _("%s: the database is busy: another session is reading a long report (%s);"
				      " waited %.1f s, try again"),
				    what, fh_text_escape(shown, sizeof shown, job), waited);
	return fh_error_set(err, FH_EBUSY, NULL,
			    _("%s: the database is busy: another session is reading; waited %.1f s, try again"), what,
			    waited);
}

fh_status fh_store_stmt(fh_store *s, const char *sql, fh_stmt **out, fh_error *err)
{
	*out = NULL;
	int idle = -1;
	for (int i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			sqlite3_reset(s->cache[i].stmt);
			sqlite3_clear_bindings(s->cache[i].stmt);
			s->cache[i].used = ++s->clock;
			*out = fh_stmt_of(s->cache[i].stmt);
			return FH_OK;
		}
		/* the least recently used statement that is not running */
		if (!sqlite3_stmt_busy(s->cache[i].stmt) && (idle < 0 || s->cache[i].used < s->cache[idle].used))
			idle = i;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("database query"));
	int slot = s->ncache;
	if (s->ncache < STMT_CACHE) {
		s->ncache++;
	} else if (idle >= 0) {
		sqlite3_finalize(s->cache[idle].stmt); /* not running: safe to drop */
		slot = idle;
	} else {
		/* every cached statement is running: never finalize one under its
		 * caller; refuse rather than leak or pull it away */
		sqlite3_finalize(st);
		return fh_error_set(err, FH_ESTORE, NULL, "%s", _("too many database queries at once"));
	}
	s->cache[slot].sql = sql;
	s->cache[slot].stmt = st;
	s->cache[slot].used = ++s->clock;
	*out = fh_stmt_of(st);
	return FH_OK;
}

fh_status fh_store_done(fh_store *s, fh_stmt *q, const char *what, fh_error *err)
{
	int rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE || rc == FH_ROW ? FH_OK : fh_store_fail(s, err, what);
}

fh_status fh_store_hub_row(fh_store *s, const char *sql, int64_t hub, void (*read)(fh_stmt *q, void *out), void *out,
			   fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, sql, &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		read(q, out);
	fh_reset(q);
	if (rc == FH_ROW)
		return FH_OK;
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub no. %lld"), (long long)hub);
	return fh_store_fail(s, err, _("reading the hub's rules"));
}

fh_status fh_store_int(fh_store *s, const char *sql, int64_t *out, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, sql, &q, err);
	*out = 0;
	if (st != FH_OK)
		return st;
	int rc = fh_step(q);
	if (rc == FH_ROW)
		*out = fh_column_int64(q, 0);
	fh_reset(q);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("reading the database"));
}

fh_status fh_store_stamp(fh_store *s, const char *sql, int64_t id, int64_t value, const fh_actor *actor,
			 const char *what, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, sql, &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	fh_bind_int64(q, 2, value);
	fh_bind_int64(q, 3, fh_clock_now());
	fh_bind_str(q, 4, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, what);
}

fh_status fh_store_id(fh_store *s, const char *sql, const char *key, int64_t *id, const char *what, fh_error *err)
{
	fh_stmt *q;
	*id = 0;
	fh_status st = fh_store_stmt(s, sql, &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_str(q, 1, key);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		*id = fh_column_int64(q, 0);
	fh_reset(q);
	return rc == FH_ROW || rc == FH_DONE ? FH_OK : fh_store_fail(s, err, what);
}

fh_status fh_store_count(fh_store *s, const char *sql, int64_t p1, int64_t p2, int *n, const char *what, fh_error *err)
{
	fh_stmt *q;
	*n = 0;
	fh_status st = fh_store_stmt(s, sql, &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, p1);
	if (fh_bind_index(q, "?2"))
		fh_bind_int64(q, 2, p2);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		*n = fh_column_int(q, 0);
	fh_reset(q);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, what);
}

fh_status fh_store_set_aside(fh_store *s, const char *where, struct fh_set_aside *a, fh_error *err)
{
	memset(a, 0, sizeof *a);
	char sql[1400], names[FH_SET_ASIDE_MAX][80], kinds[FH_SET_ASIDE_MAX][8];
	snprintf(sql, sizeof sql, "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND (%s)", where);
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("reading the database"));
	int rc = SQLITE_DONE; /* past FH_SET_ASIDE_MAX, the rest are kept as they are */
	while (a->n < FH_SET_ASIDE_MAX && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		snprintf(kinds[a->n], sizeof kinds[a->n], "%s", (const char *)sqlite3_column_text(q, 0));
		snprintf(names[a->n], sizeof names[a->n], "%s", (const char *)sqlite3_column_text(q, 1));
		if (!(a->sql[a->n] = strdup((const char *)sqlite3_column_text(q, 2))))
			break;
		a->n++;
	}
	sqlite3_finalize(q);
	fh_status st = a->n < FH_SET_ASIDE_MAX && rc != SQLITE_DONE
		? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
		: FH_OK;
	for (int i = 0; st == FH_OK && i < a->n; i++) {
		snprintf(sql, sizeof sql, "DROP %s \"%s\"", kinds[i], names[i]);
		if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			st = fh_store_fail(s, err, _("updating the database"));
	}
	return st;
}

fh_status fh_store_put_back(fh_store *s, struct fh_set_aside *a, fh_error *err)
{
	fh_status st = FH_OK;
	for (int i = 0; i < a->n; i++) {
		if (st == FH_OK && sqlite3_exec(s->db, a->sql[i], NULL, NULL, NULL) != SQLITE_OK)
			st = fh_store_fail(s, err, _("updating the database"));
		free(a->sql[i]);
	}
	a->n = 0;
	return st;
}

static fh_status exec(fh_store *s, const char *sql, fh_error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("database"));
	return FH_OK;
}

fh_status fh_store_rows(fh_store *s, fh_stmt *q, void *rows, size_t *n, size_t size,
			void (*read)(fh_stmt *q, void *row), const char *what, fh_error *err)
{
	unsigned char **out = rows;
	size_t cap = 0;
	int rc;
	*out = NULL;
	*n = 0;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(out, &cap, *n, size))
			break;
		read(q, *out + (*n)++ * size);
	}
	fh_status st = rc == FH_DONE ? FH_OK
		: rc == FH_ROW       ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
				     : fh_store_fail(s, err, what);
	fh_reset(q);
	if (st != FH_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return st;
}

fh_status fh_tx_begin(fh_store *s, fh_error *err)
{
	if (sqlite3_get_autocommit(s->db)) {
		fh_status st = exec(s, "BEGIN IMMEDIATE", err);
		s->writing = st == FH_OK;
		return st;
	}
	/* inside the caller's transaction (the demo's, graduation's): a
	 * savepoint, so that a refusal undoes only its own writes */
	fh_status st = exec(s, "SAVEPOINT fh_nested", err);
	if (st == FH_OK)
		s->nested++;
	return st;
}

fh_status fh_tx_begin_main(fh_store *s, fh_error *err)
{
	if (!sqlite3_get_autocommit(s->db))
		return fh_tx_begin(s, err);
	fh_status st = exec(s, "BEGIN", err);
	if (st == FH_OK && (st = exec(s, "UPDATE main.settings SET value = value WHERE 0", err)) != FH_OK)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->writing = st == FH_OK;
	return st;
}

fh_status fh_tx_commit(fh_store *s, fh_error *err)
{
	if (s->nested) {
		s->nested--;
		return exec(s, "RELEASE fh_nested", err);
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		fh_status st = fh_store_fail(s, err, _("saving"));
		fh_tx_rollback(s);
		return st;
	}
	s->writing = false;
	return FH_OK;
}

void fh_tx_rollback(fh_store *s)
{
	if (s->nested) {
		s->nested--;
		sqlite3_exec(s->db, "ROLLBACK TO fh_nested; RELEASE fh_nested", NULL, NULL, NULL);
		return;
	}
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->writing = false;
}

fh_status fh_tx_end(fh_store *s, fh_status st, fh_error *err)
{
	if (st == FH_OK)
		return fh_tx_commit(s, err);
	fh_tx_rollback(s);
	return st;
}

fh_status fh_store_prepare(fh_store *s, const char *sql, fh_stmt **out, fh_error *err)
{
	sqlite3_stmt *q;
	*out = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("database query"));
	*out = fh_stmt_of(q);
	return FH_OK;
}

fh_status fh_store_exec(fh_store *s, const char *sql, fh_error *err)
{
	return exec(s, sql, err);
}

int64_t fh_store_last_id(fh_store *s)
{
	return sqlite3_last_insert_rowid(s->db);
}

int fh_store_changes(fh_store *s)
{
	return sqlite3_changes(s->db);
}

void fh_store_budget(fh_store *s, int steps, int (*fn)(void *arg), void *arg)
{
	sqlite3_progress_handler(s->db, fn ? steps : 0, fn, arg);
}

/* ---- opening ------------------------------------------------------------- */

bool fh_store_wal_safe(int v)
{
	/* The WAL-reset race is in 3.7.0 … 3.51.2; fixed in 3.51.3 and
	 * backported to 3.44.6 and 3.50.7. */
	if (v >= 3051003)
		return true;
	if (v >= 3050007 && v < 3051000)
		return true;
	if (v >= 3044006 && v < 3045000)
		return true;
	return v < 3007000;
}

static fh_status choose_journal(fh_store *s, fh_error *err)
{
	int v = sqlite3_libversion_number();
	const char *pragma;
	if (fh_store_wal_safe(v) && v >= 3007000) {
		s->journal = "wal";
		pragma = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
		snprintf(s->journal_reason, sizeof s->journal_reason,
			 _("SQLite %s has the WAL-reset fix; write-ahead log"), sqlite3_libversion());
	} else {
		s->journal = "delete";
		pragma = "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL;";
		snprintf(s->journal_reason, sizeof s->journal_reason,
			 _("SQLite %s has the WAL-reset race; rollback journal, synchronous=FULL"),
			 sqlite3_libversion());
	}
	return exec(s, pragma, err);
}

static int query_int(fh_store *s, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

/* The schema version, application id and object count, read as they are. */
static fh_status read_header(fh_store *s, int *version, int *app, int *objects, fh_error *err)
{
	*version = query_int(s, "PRAGMA user_version");
	*app = query_int(s, "PRAGMA application_id");
	*objects = query_int(s, "SELECT count(*) FROM sqlite_schema");
	if (*version < 0 || *app == -1 || *objects < 0)
		return fh_store_fail(s, err, _("reading the database"));
	if (*app != FH_APPLICATION_ID && (*app != 0 || *objects > 0))
		return fh_error_set(err, FH_ESTORE, NULL, _("%s is not a fuhua database"), s->path);
	if (*version > SCHEMA_LATEST)
		return fh_error_set(err, FH_EVERSION, NULL,
				    _("the database has schema %d, newer than this program's %d; use a newer fuhua"),
				    *version, SCHEMA_LATEST);
	return FH_OK;
}

/* A module's own schema (modules.h): its version as module_schema records
 * it (0: no step run yet); one beyond the program's nsteps is a newer's. */
static fh_status module_version(fh_store *s, const char *name, int nsteps, int *version, fh_error *err)
{
	*version = 0;
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT version FROM module_schema WHERE module = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_str(q, 1, name);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		*version = fh_column_int(q, 0);
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE)
		return fh_store_fail(s, err, _("reading the database"));
	if (*version > nsteps)
		return fh_error_set(
			err, FH_EVERSION, NULL,
			_("the database has schema %d of the %s module, newer than this program's %d; use a newer fuhua"),
			*version, name, nsteps);
	return FH_OK;
}

static int steps_count(const char *const *steps)
{
	int n = 0;
	while (steps && steps[n])
		n++;
	return n;
}

fh_status fh_store_migrate_module(fh_store *s, const char *name, const char *const *steps, int *from, fh_error *err)
{
	int n = steps_count(steps), version;
	fh_status st = module_version(s, name, n, &version, err);
	if (from)
		*from = version;
	for (int v = version; st == FH_OK && v < n; v++)
		st = fh_store_exec(s, steps[v], err);
	if (st != FH_OK || version == n)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(s,
				"INSERT INTO module_schema(module, version) VALUES(?1, ?2)"
				" ON CONFLICT(module) DO UPDATE SET version = excluded.version",
				&q, err)) != FH_OK)
		return st;
	fh_bind_str(q, 1, name);
	fh_bind_int(q, 2, n);
	return fh_store_done(s, q, _("migrating the database"), err);
}

/* Whether a module's own schema is behind the program's. */
static fh_status modules_due(fh_store *s, bool *due, fh_error *err)
{
	*due = false;
	for (const struct fh_module *m = fh_modules; m->name; m++) {
		int n = steps_count(m->schema), version;
		if (!n)
			continue; /* nothing to read for a module without steps */
		fh_status st = module_version(s, m->name, n, &version, err);
		if (st != FH_OK)
			return st;
		*due |= version < n;
	}
	return FH_OK;
}

/* Opening takes no write lock unless a migration is due: the header is read
 * first; only then BEGIN IMMEDIATE, and read again inside it, so that two
 * processes never migrate together. The store's numbered migrations come
 * first, then each module's own (modules.h), then each module's step. */
static fh_status migrate(fh_store *s, fh_error *err)
{
	int version, app, objects;
	bool due;
	fh_status st = read_header(s, &version, &app, &objects, err);
	if (st != FH_OK)
		return st;
	if (version == SCHEMA_LATEST) {
		if ((st = modules_due(s, &due, err)) != FH_OK)
			return st;
		if (!due) {
			s->schema = version;
			return FH_OK;
		}
	}
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	st = read_header(s, &version, &app, &objects, err);
	for (int v = version; st == FH_OK && v < SCHEMA_LATEST; v++)
		st = exec(s, fh_migrations[v], err);
	for (const struct fh_module *m = fh_modules; st == FH_OK && m->name; m++) {
		int from = 0;
		if (m->schema && (st = fh_store_migrate_module(s, m->name, m->schema, &from, err)) == FH_OK &&
		    from < steps_count(m->schema) && m->after_schema)
			st = m->after_schema(s, from, err);
	}
	/* derived rows computed in C: each module's own step (modules.c) */
	for (const struct fh_module *m = fh_modules; st == FH_OK && version < SCHEMA_LATEST && m->name; m++)
		if (m->after_migrate)
			st = m->after_migrate(s, version, err);
	if (st == FH_OK && version < SCHEMA_LATEST) {
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d; PRAGMA application_id=%d;", SCHEMA_LATEST,
			 FH_APPLICATION_ID);
		st = exec(s, sql, err);
	}
	if (st != FH_OK) {
		fh_tx_rollback(s);
		return st;
	}
	s->schema = version > SCHEMA_LATEST ? version : SCHEMA_LATEST;
	return fh_tx_commit(s, err);
}

/* Creates the file 0660 (group-shared), whatever the umask, if it is new. */
static fh_status create_file(const char *path, fh_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0) {
		if (errno == EEXIST)
			return FH_OK;
		return fh_error_set(err, FH_ESTORE, "db", _("cannot create %s: %s"), path, strerror(errno));
	}
	if (fchmod(fd, 0660) != 0) {
		/* not fatal: the directory's ACLs may decide */
	}
	close(fd);
	return FH_OK;
}

/* A statement that fires a trigger (the maintained counts on tenants) keeps
 * a statement journal of the pages it touches; a tenant's row and its
 * indexes are some 18 pages, more than SQLite's 64 KiB before the journal
 * spills to a temporary file — 18 writes to disk per imported row. Held in
 * memory up to 1 MiB instead (each statement's own, freed at its end). Once,
 * before SQLite initialises. */
/* fh_add_months(t, n) in SQL: the one month rule of every due date
 * (fh_clock_add_months), for statements that date many rows at once. */
static void sql_add_months(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	sqlite3_result_int64(c, fh_clock_add_months(sqlite3_value_int64(v[0]), sqlite3_value_int(v[1])));
}

/* fh_ascii_runs(text) in SQL: the part of a search text the trigram index
 * holds (fh_text_ascii_runs), for a migration that writes it for every row. */
static void sql_ascii_runs(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *in = (const char *)sqlite3_value_text(v[0]);
	fh_buf b = FH_BUF_INIT;
	fh_text_ascii_runs(in ? in : "", &b);
	if (b.failed)
		sqlite3_result_error_nomem(c);
	else
		sqlite3_result_text(c, fh_buf_str(&b), (int)b.len, SQLITE_TRANSIENT);
	fh_buf_free(&b);
}

static const struct fh_sql_function store_functions[] = {
	{ "fh_add_months", 2, sql_add_months },
	{ "fh_ascii_runs", 1, sql_ascii_runs },
	{ NULL, 0, NULL },
};

static int register_functions(sqlite3 *db, const struct fh_sql_function *f)
{
	int rc = SQLITE_OK;
	for (; rc == SQLITE_OK && f && f->name; f++)
		rc = sqlite3_create_function(db, f->name, f->args, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, f->fn,
					     NULL, NULL);
	return rc;
}

int fh_store_functions(sqlite3 *db)
{
	int rc = register_functions(db, store_functions);
	for (const struct fh_module *m = fh_modules; rc == SQLITE_OK && m->name; m++)
		rc = register_functions(db, m->sql_functions ? m->sql_functions() : NULL);
	return rc;
}

static void configure_sqlite(void)
{
	static bool done;
	if (done)
		return;
	done = true;
	/* statement journals (and the sorter's runs) held in memory: a tally's
	 * trigger made every imported row spill pages to a temporary file. Not
	 * a threshold: with 1 MiB, SQLite 3.40 fails a sort that outgrows it
	 * (CREATE INDEX, a large INSERT … SELECT) with "disk full". */
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
	/* no global count of SQLite's memory: kept under one mutex, it made
	 * the demo's two threads wait on each other at every allocation (the
	 * interface's figure is its connection's, fh_store_memory_used) */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static fh_status open_file(const char *path, bool create, fh_store **out, fh_error *err)
{
	configure_sqlite();
	fh_error_clear(err);
	*out = NULL;
	if (!path || !*path)
		return fh_error_set(err, FH_EINVAL, "db", "%s", _("no database file given"));
	struct stat sb;
	if (!create && stat(path, &sb) != 0 && errno == ENOENT)
		return fh_error_set(err, FH_EINVAL, "db",
				    _("no database at %s ('fuhua init' or 'fuhua demo' creates one)"), path);
	fh_status st = create ? create_file(path, err) : FH_OK;
	if (st != FH_OK)
		return st;
	fh_store *s = calloc(1, sizeof *s);
	if (!s || !(s->path = strdup(path))) {
		free(s);
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	}
	/* one thread uses a store at a time (the demo's thread beside it opens
	 * connections of its own): no mutex at every call */
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		st = fh_error_set(err, FH_ESTORE, "db", _("cannot open %s: %s"), path,
				  s->db ? sqlite3_errmsg(s->db) : _("out of memory"));
		fh_store_close(&s);
		return st;
	}
	sqlite3_extended_result_codes(s->db, 1);
	fh_store_busy_ms(s, FH_STORE_BUSY_MS);
	if (fh_store_functions(s->db) != SQLITE_OK)
		st = fh_error_set(err, FH_ENOMEM, "db", "%s", _("out of memory"));
	if (st != FH_OK) {
		fh_store_close(&s);
		return st;
	}
	st = exec(s, "PRAGMA foreign_keys=ON; PRAGMA mmap_size=0;", err);
	if (st == FH_OK && query_int(s, "SELECT count(*) FROM sqlite_schema") < 0)
		st = fh_error_set(err, FH_ESTORE, "db", _("%s is not a database: %s"), path, sqlite3_errmsg(s->db));
	if (st == FH_OK)
		st = choose_journal(s, err);
	if (st == FH_OK)
		st = migrate(s, err);
	if (st != FH_OK) {
		fh_store_close(&s);
		return st;
	}
	*out = s;
	return FH_OK;
}

fh_status fh_store_open(const char *path, fh_store **out, fh_error *err)
{
	return open_file(path, false, out, err);
}

fh_status fh_store_create(const char *path, fh_store **out, fh_error *err)
{
	return open_file(path, true, out, err);
}

void fh_store_close(fh_store **ps)
{
	if (!ps || !*ps)
		return;
	fh_store *s = *ps;
	fh_store_set_bulk(s, NULL, NULL);
	for (int i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].stmt);
	sqlite3_close(s->db);
	fh_scratch_drop(&s->reading);
	free(s->path);
	free(s);
	*ps = NULL;
}

int64_t fh_store_data_version(fh_store *s)
{
	fh_stmt *st;
	fh_store_stmt(s, "PRAGMA data_version", &st, NULL);
	int64_t v = -1;
	if (st && fh_step(st) == FH_ROW)
		v = fh_column_int64(st, 0);
	if (st)
		fh_reset(st);
	return v;
}

void fh_store_cache_kib(fh_store *s, int kib)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib > 0 ? kib : 2000);
	sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

int64_t fh_store_memory_used(fh_store *s)
{
	static const int kinds[] = { SQLITE_DBSTATUS_CACHE_USED, SQLITE_DBSTATUS_SCHEMA_USED,
				     SQLITE_DBSTATUS_STMT_USED };
	int64_t sum = 0;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		int now = 0, high = 0;
		if (sqlite3_db_status(s->db, kinds[i], &now, &high, 0) == SQLITE_OK)
			sum += now;
	}
	return sum;
}

const char *fh_store_setting(fh_store *s, const char *key)
{
	fh_stmt *st;
	fh_store_stmt(s, "SELECT value FROM settings WHERE key = ?1", &st, NULL);
	const char *result = NULL;
	if (!st)
		return NULL;
	fh_bind_static(st, 1, key, -1);
	if (fh_step(st) == FH_ROW) {
		fh_column_text(st, 0, s->setting, sizeof s->setting);
		result = s->setting;
	}
	fh_reset(st);
	return result;
}

/* ---- editable rows: the version check ------------------------------------ */

static const char *const editable[] = {
	"hubs",           "spaces",   "operators", "mentors",  "tenants",  "milestones", "allocations",
	"party_branches", "waitlist", "bookings",  "sessions", "projects", NULL,
};

fh_status fh_store_check_version(fh_store *s, const char *table, int64_t id, int64_t expected, fh_error *err)
{
	int known = 0;
	for (int i = 0; editable[i]; i++)
		known |= strcmp(editable[i], table) == 0;
	if (!known)
		return fh_error_set(err, FH_EINVAL, NULL, "not an editable table: %s", table);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT version, updated_by, updated_at FROM %s WHERE id = ?1", table);
	fh_stmt *st;
	fh_status ps = fh_store_prepare(s, sql, &st, err);
	if (ps != FH_OK)
		return ps;
	fh_bind_int64(st, 1, id);
	fh_status result = FH_OK;
	int rc = fh_step(st);
	if (rc == FH_DONE) {
		result = fh_error_set(err, FH_ENOTFOUND, NULL, "%s", _("it no longer exists"));
	} else if (rc != FH_ROW) {
		result = fh_store_fail(s, err, _("database query"));
	} else if (fh_column_int64(st, 0) != expected) {
		char when[32], who[64];
		fh_column_text(st, 1, who, sizeof who);
		fh_clock_format(fh_column_int64(st, 2), when, sizeof when);
		result = fh_error_set(err, FH_ECONFLICT, NULL, _("changed by %s at %s"), who, when);
	}
	fh_finalize(st);
	return result;
}

/* ---- backup -------------------------------------------------------------- */

/* Copies every page; restarts when another connection writes meanwhile,
 * and after a few restarts takes the rest in one step under one read lock. */
static int copy_pages(sqlite3 *dst, sqlite3 *src, void (*progress)(void *, int, int), void *ctx)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return sqlite3_errcode(dst);
	int rc, chunk = 1024, last_remaining = -1, restarts = 0;
	do {
		rc = sqlite3_backup_step(b, restarts > 3 ? -1 : chunk);
		int remaining = sqlite3_backup_remaining(b), total = sqlite3_backup_pagecount(b);
		if (last_remaining >= 0 && remaining > last_remaining)
			restarts++; /* the source changed: the copy began again */
		last_remaining = remaining;
		if (progress && (rc == SQLITE_OK || rc == SQLITE_DONE))
			progress(ctx, total - remaining, total);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

/* The new name of a file on disk too: fsync of the directory holding it. */
static void sync_dir_of(const char *path)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');
	size_t n = !slash ? 0 : slash == path ? 1 : (size_t)(slash - path);
	if (n >= sizeof dir)
		return;
	memcpy(dir, path, n);
	dir[n] = 0;
	int fd = open(n ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int fh_store_sweep(const char *path, char *first, size_t size)
{
	char dir[PATH_MAX];
	fh_scratch_dir_of(path, dir, sizeof dir);
	return fh_scratch_sweep(dir, first, size);
}

/* The directory backups go to, for `fuhua check`: written only when it
 * changed; a backup that cannot record it goes on all the same. */
static void record_backup_dir(fh_store *s, const char *to)
{
	char dir[PATH_MAX], real[PATH_MAX];
	fh_scratch_dir_of(to, dir, sizeof dir);
	if (!realpath(dir, real))
		return;
	const char *was = fh_store_setting(s, "backup_dir");
	if (was && strcmp(was, real) == 0)
		return;
	fh_stmt *q;
	if (fh_tx_begin(s, NULL) != FH_OK)
		return;
	fh_status st = fh_store_stmt(s,
				     "INSERT INTO settings(key, value) VALUES('backup_dir', ?1)"
				     " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				     &q, NULL);
	if (st == FH_OK) {
		fh_bind_str(q, 1, real);
		st = fh_step(q) == FH_DONE ? FH_OK : FH_ESTORE;
		fh_reset(q);
	}
	fh_tx_end(s, st, NULL);
}

fh_status fh_store_backup(fh_store *s, const char *to, void (*progress)(void *, int, int), void *ctx, fh_error *err)
{
	fh_error_clear(err);
	if (!to || !*to)
		return fh_error_set(err, FH_EINVAL, "to", "%s", _("no backup file given"));
	record_backup_dir(s, to);
	fh_scratch part;
	fh_status st = fh_scratch_make(to, "backup", &part, err);
	if (st != FH_OK)
		return st;
	sqlite3 *dst = NULL;
	if (sqlite3_open_v2(part.path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		st = fh_error_set(err, FH_ESTORE, "to", _("cannot open %s: %s"), part.path,
				  dst ? sqlite3_errmsg(dst) : _("out of memory"));
	} else {
		int rc = copy_pages(dst, s->db, progress, ctx);
		if (rc != SQLITE_OK)
			st = fh_error_set(err, rc == SQLITE_BUSY ? FH_EBUSY : FH_ESTORE, NULL,
					  _("copying the database: %s"), sqlite3_errstr(rc));
	}
	if (dst && sqlite3_close(dst) != SQLITE_OK && st == FH_OK)
		st = fh_error_set(err, FH_ESTORE, "to", _("cannot close %s"), part.path);
	/* on disk before it takes the name; then the name itself */
	if (st == FH_OK && fsync(part.fd) != 0)
		st = fh_error_set(err, FH_ESTORE, "to", _("cannot write %s: %s"), part.path, strerror(errno));
	if (st == FH_OK && rename(part.path, to) != 0)
		st = fh_error_set(err, FH_ESTORE, "to", _("cannot write %s: %s"), to, strerror(errno));
	if (st == FH_OK)
		sync_dir_of(to);
	fh_scratch_drop(&part); /* its name was taken by the copy, or it goes */
	return st;
}
