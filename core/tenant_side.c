/* fuhua core — a bulk load's derived rows, made on a second core.
 *
 * The demo writes up to a million tenants into a new database in one
 * transaction. Their milestones and their two FTS5 indexes (trigram and
 * grams) were more than half of its time on one core. SQLite lets one
 * connection at a time write a database, so those rows are made beside the
 * load, by a thread with connections of its own to two database files next
 * to the store's (deleted at the end), whose tables are made with the SQL
 * of the store's:
 *
 *   rows   the job's table (the milestones), made batch by batch as the
 *          load hands its tenants over; ready soon after its last tenant;
 *   index  the tenants' search rows, and from them the two indexes, with
 *          the load's own statements (fh_tenant_index_rows): the trigram
 *          index a slice at a time while the thread waits for tenants, the
 *          rest once the rows are done.
 *
 * The load's connection attaches both files before its transaction, which
 * it begins locking the store only (fh_tx_begin_main), and reads each only
 * once the thread is done with it. A table is copied with INSERT … SELECT *,
 * which SQLite does record for record (its transfer optimization) into an
 * empty table without triggers, foreign keys being off meanwhile. The two
 * indexes are emptied first ('delete-all', which also drops what FTS5
 * keeps of them in memory) and their shadow tables copied: the same library
 * in the same process wrote them, for tables declared alike. When anything
 * fails beside the load, the load makes the rows itself, as on one core.
 *
 * Only into a database without tenants, for a load whose tenants are final
 * as inserted: the demo. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuhua/buf.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "fuhua/scratch.h"
#include "store_sqlite.h"
#include "tenant_int.h"

/* Tenants handed over at a time: a chunk is about a megabyte. */
#define SIDE_CHUNK 8192
/* Tenants whose trigram index the thread writes at a time while it waits. */
#define SIDE_SLICE 65536

struct chunk {
	struct chunk *next;
	fh_buf rec; /* per tenant: id, hub, admitted (8 bytes each), then six NUL-ended texts */
	int n;
};

struct part {
	sqlite3 *db;       /* the thread's */
	fh_scratch file;   /* DB.fuhua-side-PID-XXXXXX: a killed demo's, the next one removes */
	const char *alias; /* attached to the store's connection as */
	bool attached;
	bool ready; /* the thread is done with it (under mu) */
};

struct side {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t more, ready;
	struct chunk *queue, *last; /* handed over, not yet taken (under mu) */
	bool done;                  /* no more chunks (under mu) */
	struct chunk *filling;      /* the load's, not yet handed over */
	int rc, index_rc;           /* the thread's first errors; read after `ready` */
	bool running;
	bool lost; /* a tenant not handed over (the load's) */
	struct part rows, index;
	struct fh_side_job job;
	fh_store *store;
};

static void chunks_free(struct chunk *c)
{
	while (c) {
		struct chunk *next = c->next;
		fh_buf_free(&c->rec);
		free(c);
		c = next;
	}
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* ---- the thread ------------------------------------------------------------------ */

/* One tenant of a chunk: its search row and hub into the index file, its
 * stage and dates into the rows file. */
static int take_tenant(struct side *sd, const char **p, sqlite3_stmt *const feed[2], sqlite3_stmt *tenant, fh_buf *hay,
		       fh_buf *ascii, int64_t *id)
{
	int64_t num[3]; /* id, hub, admitted */
	memcpy(num, *p, sizeof num);
	*id = num[0];
	const char *f[6]; /* stage, name, short name, credit code, contact, phone */
	*p += sizeof num;
	for (int k = 0; k < 6; k++) {
		f[k] = *p;
		*p += strlen(*p) + 1;
	}
	hay->len = ascii->len = 0;
	fh_tenant_hay(hay, f[1], f[2], f[3], f[4], f[5]);
	fh_text_ascii_runs(fh_buf_str(hay), ascii);
	if (hay->failed || ascii->failed)
		return SQLITE_NOMEM;
	sqlite3_bind_int64(feed[0], 1, num[0]);
	sqlite3_bind_text(feed[0], 2, fh_buf_str(hay), (int)hay->len, SQLITE_STATIC);
	sqlite3_bind_text(feed[0], 3, fh_buf_str(ascii), (int)ascii->len, SQLITE_STATIC);
	sqlite3_bind_int64(feed[1], 1, num[0]);
	sqlite3_bind_int64(feed[1], 2, num[1]);
	int rc = SQLITE_OK;
	for (int k = 0; k < 2 && rc == SQLITE_OK; k++) {
		rc = sqlite3_step(feed[k]) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(sd->index.db);
		sqlite3_reset(feed[k]);
	}
	if (rc != SQLITE_OK || !tenant)
		return rc;
	sqlite3_bind_int64(tenant, 1, num[0]);
	sqlite3_bind_int64(tenant, 2, num[1]);
	sqlite3_bind_text(tenant, 3, f[0], -1, SQLITE_STATIC);
	if (num[2])
		sqlite3_bind_int64(tenant, 4, num[2]);
	else
		sqlite3_bind_null(tenant, 4);
	rc = sqlite3_step(tenant) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(sd->rows.db);
	sqlite3_reset(tenant);
	return rc;
}

/* The job's statement, for the tenants of the batch. */
static int run_job(struct side *sd)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(sd->rows.db, sd->job.sql, -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(q, 1, sd->job.p1);
		sqlite3_bind_text(q, 2, sd->job.p2, -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(sd->rows.db);
	}
	sqlite3_finalize(q);
	return rc;
}

/* A batch of chunks, a transaction in each file. */
static int take_chunks(struct side *sd, const struct chunk *c, int64_t *fed)
{
	bool job = sd->job.sql != NULL;
	sqlite3_stmt *feed[2] = { NULL, NULL }, *tenant = NULL;
	int rc = exec(sd->index.db, "BEGIN");
	if (rc == SQLITE_OK && job)
		rc = exec(sd->rows.db, "BEGIN");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(sd->index.db, "INSERT INTO tenant_search(id, hay, ascii) VALUES(?1, ?2, ?3)",
					-1, &feed[0], NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(sd->index.db, "INSERT INTO tenants(id, hub_id) VALUES(?1, ?2)", -1, &feed[1],
					NULL);
	if (rc == SQLITE_OK && job)
		rc = sqlite3_prepare_v2(sd->rows.db,
					"INSERT INTO tenants(id, hub_id, stage, admitted_on)"
					" VALUES(?1, ?2, ?3, ?4)",
					-1, &tenant, NULL);
	fh_buf hay = FH_BUF_INIT, ascii = FH_BUF_INIT;
	int64_t last = *fed;
	for (; rc == SQLITE_OK && c; c = c->next) {
		const char *p = fh_buf_str(&c->rec);
		for (int i = 0; rc == SQLITE_OK && i < c->n; i++)
			rc = take_tenant(sd, &p, feed, tenant, &hay, &ascii, &last);
	}
	sqlite3_finalize(feed[0]);
	sqlite3_finalize(feed[1]);
	sqlite3_finalize(tenant);
	fh_buf_free(&hay);
	fh_buf_free(&ascii);
	if (rc == SQLITE_OK && job)
		rc = run_job(sd);
	if (rc == SQLITE_OK && job)
		rc = exec(sd->rows.db, "DELETE FROM tenants; COMMIT");
	if (rc == SQLITE_OK)
		rc = exec(sd->index.db, "COMMIT");
	if (rc != SQLITE_OK) {
		exec(sd->rows.db, "ROLLBACK");
		exec(sd->index.db, "ROLLBACK");
	} else {
		*fed = last;
	}
	return rc;
}

/* The trigram index of the search rows with ids from `from` to `to`, and
 * with `grams` the gram index of all, as the load makes them on one core,
 * in a transaction (FTS5 writes a segment at every statement of one
 * otherwise). */
static int build_indexes(sqlite3 *db, int64_t from, int64_t to, bool grams)
{
	int rc = exec(db, "BEGIN");
	if (rc == SQLITE_OK)
		rc = fh_tenant_index_rows(db, from, to, FH_INDEX_TRIGRAM);
	if (rc == SQLITE_OK && grams)
		rc = fh_tenant_index_rows(db, 0, INT64_MAX, FH_INDEX_GRAMS);
	if (rc == SQLITE_OK)
		return exec(db, "COMMIT");
	exec(db, "ROLLBACK");
	return rc;
}

static void part_ready(struct side *sd, struct part *p)
{
	sqlite3_close(p->db); /* no lock stays on the file */
	p->db = NULL;
	pthread_mutex_lock(&sd->mu);
	p->ready = true;
	pthread_cond_broadcast(&sd->ready);
	pthread_mutex_unlock(&sd->mu);
}

/* The thread: takes whatever has been handed over, until the load is done;
 * the rows are then ready, and the indexes made. While it waits for more,
 * it writes the trigram index of what it has, a slice at a time (the rows
 * of later chunks wait a slice at most). */
static void *side_main(void *arg)
{
	struct side *sd = arg;
	int64_t fed = 0, indexed = 0; /* the last ids in the index file, in its trigram index */
	for (;;) {
		pthread_mutex_lock(&sd->mu);
		while (!sd->queue && !sd->done && !(sd->rc == SQLITE_OK && fed - indexed >= SIDE_SLICE))
			pthread_cond_wait(&sd->more, &sd->mu);
		struct chunk *taken = sd->queue;
		sd->queue = sd->last = NULL;
		bool done = sd->done;
		pthread_mutex_unlock(&sd->mu);
		if (taken) {
			if (sd->rc == SQLITE_OK)
				sd->rc = take_chunks(sd, taken, &fed);
			chunks_free(taken);
		} else if (!done) {
			sd->rc = build_indexes(sd->index.db, indexed + 1, indexed + SIDE_SLICE, false);
			indexed += SIDE_SLICE;
		} else {
			break;
		}
	}
	part_ready(sd, &sd->rows);
	sd->index_rc = sd->rc == SQLITE_OK ? build_indexes(sd->index.db, indexed + 1, INT64_MAX, true) : sd->rc;
	part_ready(sd, &sd->index);
	return NULL;
}

/* ---- the load's side ------------------------------------------------------------- */

static void stop_thread(struct side *sd)
{
	if (!sd->running)
		return;
	pthread_mutex_lock(&sd->mu);
	sd->done = true;
	pthread_cond_signal(&sd->more);
	pthread_mutex_unlock(&sd->mu);
	pthread_join(sd->thread, NULL);
	sd->running = false;
}

static void part_drop(sqlite3 *store, struct part *p)
{
	sqlite3_close(p->db);
	if (p->attached) { /* after the load's transaction; else with the connection */
		char *sql = sqlite3_mprintf("DETACH %s", p->alias);
		if (sql)
			exec(store, sql);
		sqlite3_free(sql);
	}
	fh_scratch_drop(&p->file);
}

static void side_drop(void *arg)
{
	struct side *sd = arg;
	if (!sd)
		return;
	stop_thread(sd);
	chunks_free(sd->queue);
	chunks_free(sd->filling);
	sqlite3 *store = fh_store_db(sd->store);
	part_drop(store, &sd->rows);
	part_drop(store, &sd->index);
	exec(store, "PRAGMA foreign_keys=ON");
	pthread_mutex_destroy(&sd->mu);
	pthread_cond_destroy(&sd->more);
	pthread_cond_destroy(&sd->ready);
	free(sd);
}

/* Makes on db what the store's schema declares for `what` (a condition on
 * sqlite_master, never user text): `want` objects. */
static int copy_schema(fh_store *s, sqlite3 *db, const char *what, int want)
{
	char *sql = sqlite3_mprintf("SELECT sql FROM main.sqlite_master WHERE %s", what);
	sqlite3_stmt *q = NULL;
	int rc = sql ? sqlite3_prepare_v2(fh_store_db(s), sql, -1, &q, NULL) : SQLITE_NOMEM;
	int made = 0;
	while (rc == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
		rc = exec(db, (const char *)sqlite3_column_text(q, 0));
		made++;
	}
	sqlite3_finalize(q);
	sqlite3_free(sql);
	return rc == SQLITE_OK && made != want ? SQLITE_ERROR : rc;
}

/* A file next to the store's, the thread's connection to it (no journal:
 * the file is thrown away on any failure) and the store's attached to it,
 * outside a transaction. */
static int part_open(fh_store *s, struct part *p, const char *alias)
{
	p->alias = alias;
	const char *path = fh_store_path(s);
	if (!path || fh_scratch_make(path, "side", &p->file, NULL) != FH_OK)
		return SQLITE_CANTOPEN;
	int rc = sqlite3_open_v2(p->file.path, &p->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = fh_store_functions(p->db);
	if (rc == SQLITE_OK)
		rc = exec(p->db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536");
	sqlite3_stmt *q = NULL;
	char *sql = sqlite3_mprintf("ATTACH ?1 AS %s", alias);
	if (rc == SQLITE_OK && (!sql || sqlite3_prepare_v2(fh_store_db(s), sql, -1, &q, NULL) != SQLITE_OK))
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(q, 1, p->file.path, -1, SQLITE_STATIC);
		rc = sqlite3_step(q) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		p->attached = rc == SQLITE_OK;
	}
	sqlite3_finalize(q);
	sqlite3_free(sql);
	return rc;
}

/* The rows file: the job's tables as the store declares them, with the
 * source's rows, and the batch's tenants. */
static int rows_schema(fh_store *s, struct side *sd)
{
	if (!sd->job.sql)
		return SQLITE_OK;
	int rc = exec(sd->rows.db,
		      "CREATE TABLE tenants(id INTEGER PRIMARY KEY, hub_id INTEGER, stage TEXT,"
		      " admitted_on INTEGER)");
	char *what = sqlite3_mprintf("type = 'table' AND name IN (%Q, %Q)", sd->job.source, sd->job.target);
	if (rc == SQLITE_OK)
		rc = what ? copy_schema(s, sd->rows.db, what, 2) : SQLITE_NOMEM;
	sqlite3_free(what);
	char *copy =
		sqlite3_mprintf("INSERT INTO fh_rows.\"%w\" SELECT * FROM main.\"%w\"", sd->job.source, sd->job.source);
	if (rc == SQLITE_OK)
		rc = copy ? exec(fh_store_db(s), copy) : SQLITE_NOMEM;
	sqlite3_free(copy);
	return rc;
}

bool fh_tenant_side_open(fh_store *s, const struct fh_side_job *job)
{
	fh_store_set_bulk(s, NULL, NULL);
	int64_t rows = 1;
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2 || !sqlite3_threadsafe() ||
	    fh_store_int(s, "SELECT EXISTS (SELECT 1 FROM tenants)", &rows, NULL) != FH_OK || rows)
		return false;
	struct side *sd = calloc(1, sizeof *sd);
	if (!sd)
		return false;
	sd->store = s;
	if (job)
		sd->job = *job;
	pthread_mutex_init(&sd->mu, NULL);
	pthread_cond_init(&sd->more, NULL);
	pthread_cond_init(&sd->ready, NULL);
	/* foreign keys off while the files are attached: a copy into a table
	 * with them is row by row (the demo's rows are consistent: fuhua check) */
	int rc = exec(fh_store_db(s), "PRAGMA foreign_keys=OFF");
	if (rc == SQLITE_OK)
		rc = part_open(s, &sd->rows, "fh_rows");
	if (rc == SQLITE_OK)
		rc = part_open(s, &sd->index, "fh_index");
	if (rc == SQLITE_OK)
		rc = exec(sd->index.db, "CREATE TABLE tenants(id INTEGER PRIMARY KEY, hub_id INTEGER)");
	if (rc == SQLITE_OK)
		rc = copy_schema(s, sd->index.db, "name IN ('tenant_search', 'tenant_fts', 'tenant_grams')", 3);
	if (rc == SQLITE_OK)
		rc = rows_schema(s, sd);
	if (rc != SQLITE_OK || pthread_create(&sd->thread, NULL, side_main, sd) != 0) {
		side_drop(sd);
		return false;
	}
	sd->running = true;
	fh_store_set_bulk(s, sd, side_drop);
	return true;
}

static void hand_over(struct side *sd)
{
	if (!sd->filling)
		return;
	pthread_mutex_lock(&sd->mu);
	if (sd->last)
		sd->last->next = sd->filling;
	else
		sd->queue = sd->filling;
	sd->last = sd->filling;
	pthread_cond_signal(&sd->more);
	pthread_mutex_unlock(&sd->mu);
	sd->filling = NULL;
}

void fh_tenant_side_feed(fh_store *s, const struct fh_side_tenant *t)
{
	struct side *sd = fh_store_bulk(s);
	if (!sd || !sd->running)
		return;
	if (!sd->filling && !(sd->filling = calloc(1, sizeof *sd->filling))) {
		sd->lost = true;
		return;
	}
	fh_buf *b = &sd->filling->rec;
	int64_t num[3] = { t->id, t->hub_id, t->admitted_on };
	fh_buf_add(b, (const char *)num, sizeof num);
	const char *f[] = { t->stage, t->name, t->short_name, t->credit_code, t->contact, t->phone };
	for (int k = 0; k < 6; k++)
		fh_buf_add(b, f[k] ? f[k] : "", strlen(f[k] ? f[k] : "") + 1);
	if (++sd->filling->n >= SIDE_CHUNK)
		hand_over(sd);
}

/* No more tenants; waits until the thread is done with part p. */
static void wait_for(struct side *sd, struct part *p)
{
	hand_over(sd);
	pthread_mutex_lock(&sd->mu);
	sd->done = true;
	pthread_cond_signal(&sd->more);
	while (!p->ready)
		pthread_cond_wait(&sd->ready, &sd->mu);
	pthread_mutex_unlock(&sd->mu);
}

/* Table `name` of an attached file into the store's (emptied first). */
static fh_status copy_in(fh_store *s, const struct part *p, const char *name, bool empty_first, fh_error *err)
{
	char *del = empty_first ? sqlite3_mprintf("DELETE FROM main.\"%w\"", name) : NULL;
	char *ins = sqlite3_mprintf("INSERT INTO main.\"%w\" SELECT * FROM %s.\"%w\"", name, p->alias, name);
	int rc = !ins || (empty_first && !del) ? SQLITE_NOMEM : SQLITE_OK;
	if (rc == SQLITE_OK && del)
		rc = exec(fh_store_db(s), del);
	if (rc == SQLITE_OK)
		rc = exec(fh_store_db(s), ins);
	sqlite3_free(del);
	sqlite3_free(ins);
	return rc == SQLITE_OK ? FH_OK : fh_store_fail(s, err, _("copying the rows made beside the load"));
}

fh_status fh_tenant_side_rows(fh_store *s, bool *built, fh_error *err)
{
	struct side *sd = fh_store_bulk(s);
	*built = false;
	if (!sd || !sd->running || !sd->job.sql)
		return FH_OK;
	wait_for(sd, &sd->rows);
	if (sd->rc != SQLITE_OK || sd->lost) /* the load makes them */
		return FH_OK;
	fh_status st = copy_in(s, &sd->rows, sd->job.target, false, err);
	*built = st == FH_OK;
	return st;
}

/* The index file's shadow tables (named by the file, which this one made). */
static fh_status copy_indexes(fh_store *s, struct side *sd, fh_error *err)
{
	if (exec(fh_store_db(s),
		 "INSERT INTO tenant_fts(tenant_fts) VALUES('delete-all');"
		 "INSERT INTO tenant_grams(tenant_grams) VALUES('delete-all')") != SQLITE_OK)
		return fh_store_fail(s, err, _("writing the search index"));
	sqlite3_stmt *names = NULL;
	if (sqlite3_prepare_v2(fh_store_db(s),
			       "SELECT name FROM fh_index.sqlite_master WHERE type = 'table'"
			       " AND (name GLOB 'tenant_fts_*' OR name GLOB 'tenant_grams_*')",
			       -1, &names, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("writing the search index"));
	fh_status st = FH_OK;
	int copied = 0;
	while (st == FH_OK && sqlite3_step(names) == SQLITE_ROW) {
		st = copy_in(s, &sd->index, (const char *)sqlite3_column_text(names, 0), true, err);
		copied++;
	}
	sqlite3_finalize(names);
	if (st == FH_OK && copied == 0)
		st = fh_error_set(err, FH_ESTORE, "db", "%s", _("the search index made beside the load is missing"));
	return st;
}

fh_status fh_tenant_side_finish(fh_store *s, bool *built, fh_error *err)
{
	struct side *sd = fh_store_bulk(s);
	*built = false;
	if (!sd || !sd->running)
		return FH_OK;
	wait_for(sd, &sd->index);
	stop_thread(sd);
	if (sd->index_rc != SQLITE_OK || sd->lost) /* the load makes them */
		return FH_OK;
	fh_status st = copy_indexes(s, sd, err);
	*built = st == FH_OK;
	return st;
}

void fh_tenant_side_close(fh_store *s)
{
	if (fh_store_bulk(s))
		fh_store_set_bulk(s, NULL, NULL);
}

/* The search rows, then the indexes: copied from beside the load when
 * they were built there (tenant_side.c), else written here. */
fh_status fh_tenant_index_flush(fh_store *s, fh_error *err)
{
	int64_t from = fh_store_deferred(s);
	if (!from)
		return FH_OK;
	fh_store_defer(s, 0);
	fh_status st = fh_tenant_search_from(s, from, err);
	bool built = false;
	fh_error later;
	fh_status fs = fh_tenant_side_finish(s, &built, st == FH_OK ? err : &later);
	if (st == FH_OK)
		st = fs;
	if (st == FH_OK && !built)
		st = fh_tenant_index_from(s, from, FH_INDEX_TRIGRAM | FH_INDEX_GRAMS, err);
	return st;
}
