/* fuhua core — private: what the core modules share about the database.
 *
 * The modules reach the database only through this statement interface:
 * a statement prepared once and cached by the store, bound, stepped, its
 * columns read. The SQL text stays in the modules; the engine (SQLite
 * today, store_sqlite.h) stays behind these functions, so that a second
 * one can take its place without the modules changing. */
#ifndef FUHUA_CORE_STORE_INT_H
#define FUHUA_CORE_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/operator.h"
#include "fuhua/store.h"

/* A prepared statement: opaque to the modules. */
typedef struct fh_stmt fh_stmt;

/* What fh_step answers. */
enum fh_step {
	FH_STEP_ERROR,     /* failed: fh_store_fail names why */
	FH_ROW,            /* a row, to read with fh_column_* */
	FH_DONE,           /* the statement ran to its end */
	FH_STEP_DUPLICATE, /* a write refused by a UNIQUE or PRIMARY KEY constraint */
	FH_STEP_BUSY,      /* another session holds the lock */
	FH_STEP_INTERRUPT, /* stopped by the budget of fh_store_budget */
};
/* Runs q one step: one of enum fh_step. */
int fh_step(fh_stmt *q);
/* Makes q ready to run again (its bindings kept): FH_OK, or FH_ESTORE when
 * its last step failed. */
fh_status fh_reset(fh_stmt *q);
/* Frees a statement of fh_store_prepare (NULL is fine). */
void fh_finalize(fh_stmt *q);

/* Bind parameter i (from 1) of q. Each returns FH_OK, FH_ENOMEM, or
 * FH_ESTORE for a parameter q does not have. */
fh_status fh_bind_int64(fh_stmt *q, int i, int64_t v);
fh_status fh_bind_int(fh_stmt *q, int i, int v);
fh_status fh_bind_double(fh_stmt *q, int i, double v);
fh_status fh_bind_null(fh_stmt *q, int i);
/* Text, copied (NULL binds NULL). */
fh_status fh_bind_str(fh_stmt *q, int i, const char *s);
/* Text, NULL or empty binds NULL. */
fh_status fh_bind_text(fh_stmt *q, int i, const char *s);
/* Text or bytes not copied: s (n bytes; n < 0 for up to its NUL) must live
 * until q is reset or bound again. */
fh_status fh_bind_static(fh_stmt *q, int i, const char *s, int n);
fh_status fh_bind_blob(fh_stmt *q, int i, const void *p, int n);
/* Column col of the row `from` is on, as it is (number, text or NULL). */
fh_status fh_bind_column(fh_stmt *q, int i, fh_stmt *from, int col);
/* The number of the parameter named `name` ("?3", ":day"), 0 when q has none. */
int fh_bind_index(fh_stmt *q, const char *name);

/* Column i of the row q is on: 0 for NULL. */
int64_t fh_column_int64(fh_stmt *q, int i);
int fh_column_int(fh_stmt *q, int i);
double fh_column_double(fh_stmt *q, int i);
bool fh_column_null(fh_stmt *q, int i);
/* As text, valid until the next step or reset; NULL for NULL. */
const char *fh_column_str(fh_stmt *q, int i);
/* As bytes, valid as above, their number in *n; NULL (*n 0) for NULL. */
const void *fh_column_blob(fh_stmt *q, int i, int *n);
/* Copies column i as text into dst (size bytes, cut before a character that
 * does not fit; "" for NULL). */
void fh_column_text(fh_stmt *q, int i, char *dst, size_t size);

/* An uncached statement of sql (built at run time, or run once), for
 * fh_finalize: FH_OK, or the store's error (err may be NULL) and *out NULL. */
fh_status fh_store_prepare(fh_store *store, const char *sql, fh_stmt **out, fh_error *err);
/* Runs sql (statements without parameters): FH_OK, or the store's error. */
fh_status fh_store_exec(fh_store *store, const char *sql, fh_error *err);
/* The id of the row the connection's last INSERT made. */
int64_t fh_store_last_id(fh_store *store);
/* How many rows the connection's last INSERT, UPDATE or DELETE wrote. */
int fh_store_changes(fh_store *store);
/* Calls fn(arg) every `steps` steps of the statements that run until it is
 * set again with fn NULL; fn's non-zero stops the statement with
 * FH_STEP_INTERRUPT. */
void fh_store_budget(fh_store *store, int steps, int (*fn)(void *arg), void *arg);

/* How long a statement waits for another session's lock before FH_EBUSY. */
#define FH_STORE_BUSY_MS 5000

/* A cached prepared statement for sql (a string literal: the pointer is the
 * key) in *out, reset and with cleared bindings. Returns FH_OK, or the
 * status with err set (err may be NULL) and *out NULL, as the engine's prepare
 * does. The statement stays valid until the next call with the same sql or
 * fh_store_close(); a full cache drops the least recently used statement
 * that is not running, never one a caller is stepping through. */
fh_status fh_store_stmt(fh_store *store, const char *sql, fh_stmt **out, fh_error *err);
/* Runs the steps of a module's own schema (steps[v] makes version v + 1,
 * ending with NULL) that the database has not run, in the caller's write
 * transaction, and records how many have run. FH_OK; FH_EVERSION when the
 * database has run more steps than there are; or the store's error (the
 * caller rolls back). *from (may be NULL) says how many had run before:
 * a module's after_schema follows its steps from there. The store calls it
 * for each module on opening. */
fh_status fh_store_migrate_module(fh_store *store, const char *name, const char *const *steps, int *from,
				  fh_error *err);
/* A module's part of a hub's rules: sql selects its columns of hub ?1,
 * read fills out from the row. FH_OK; FH_ENOTFOUND for no such hub (out
 * unchanged); or the store's error. */
fh_status fh_store_hub_row(fh_store *store, const char *sql, int64_t hub, void (*read)(fh_stmt *q, void *out),
			   void *out, fh_error *err);
/* Runs a prepared statement (bound by the caller) one step and resets it:
 * FH_OK, or the store's error naming what it was doing. */
fh_status fh_store_done(fh_store *store, fh_stmt *q, const char *what, fh_error *err);
/* The one integer a statement without parameters answers (its statement
 * cached as above); FH_ESTORE or FH_EBUSY if it answers none. */
fh_status fh_store_int(fh_store *store, const char *sql, int64_t *out, fh_error *err);
/* An UPDATE of row ?1 that sets ?2 (a day) and stamps ?3 (now) and ?4
 * (who), in the caller's transaction; a failure is the store's error about
 * `what`. */
fh_status fh_store_stamp(fh_store *store, const char *sql, int64_t id, int64_t value, const fh_actor *actor,
			 const char *what, fh_error *err);
/* The id a query of one text key answers (?1, e.g. a hub's code) into
 * *id, 0 when none; a failed read is the store's error about `what`. */
fh_status fh_store_id(fh_store *store, const char *sql, const char *key, int64_t *id, const char *what, fh_error *err);
/* The one number a count answers (sql's first column; ?1 bound to p1, and
 * ?2 to p2 when it has one) into *n; a failed read is the store's error
 * about `what`, *n 0: a rule that reads it refuses. */
fh_status fh_store_count(fh_store *store, const char *sql, int64_t p1, int64_t p2, int *n, const char *what,
			 fh_error *err);

/* Write transactions: always BEGIN IMMEDIATE; inside one already open, a
 * savepoint (commit releases it, rollback undoes only its writes). */
fh_status fh_tx_begin(fh_store *store, fh_error *err);
/* The same, but an attached database stays unlocked until a statement
 * reads it (BEGIN IMMEDIATE locks every one): the demo's, written
 * meanwhile by another connection (tenant_side.c). Its first statement
 * writes nothing but takes the main database's write lock at once. */
fh_status fh_tx_begin_main(fh_store *store, fh_error *err);
fh_status fh_tx_commit(fh_store *store, fh_error *err);
void fh_tx_rollback(fh_store *store);
/* Ends what fh_tx_begin began: commits when st is FH_OK (and returns the
 * commit's status), else rolls back and returns st. A rule reads what it
 * depends on between the two, never before the begin:
 *     if ((st = fh_tx_begin(s, err)) != FH_OK) return st;
 *     st = read_check_and_write(…);
 *     return fh_tx_end(s, st, err);                                        */
fh_status fh_tx_end(fh_store *store, fh_status st, fh_error *err);

/* Steps q to its end, each row read by `read` into the next element of the
 * array *rows (elements of `size` bytes, grown as needed, *n counting them).
 * Resets q. FH_OK; else FH_ENOMEM or the database's error (with `what`) in
 * err, and *rows freed, NULL and *n 0. */
fh_status fh_store_rows(fh_store *store, fh_stmt *q, void *rows, size_t *n, size_t size,
			void (*read)(fh_stmt *q, void *row), const char *what, fh_error *err);

/* Stores a database error (from the last call on the store's connection). */
fh_status fh_store_fail(fh_store *store, fh_error *err, const char *what);

/* Writes one audit row in the current transaction: who (actor), on which hub,
 * what (entity, id, action) and the change (old, new: JSON or NULL). */
fh_status fh_audit_write(fh_store *store, const fh_actor *actor, int64_t hub_id, const char *entity, int64_t entity_id,
			 const char *action, const char *old_json, const char *new_json, fh_error *err);
/* The same with the new value {FIELDS,"summary":SUMMARY}, the line the
 * activity pane shows: `fields` (printf; NULL for none) are the JSON
 * members before it. */
fh_status fh_audit_summary(fh_store *store, const fh_actor *actor, int64_t hub_id, const char *entity,
			   int64_t entity_id, const char *action, const char *old_json, const char *summary,
			   fh_error *err, const char *fields, ...) __attribute__((format(printf, 10, 11)));

/* For a module's check: the rows of a kept table (those where `kept`, SQL,
 * holds: a row kept down to nothing is no row) against a recount of them
 * from their sources (`recount`, a SELECT of the table's columns in its
 * order), either way; each part that differs, by the first two columns,
 * a problem told by `fmt` (translated, two %lld). FH_OK, or the store's
 * error saying what it was `doing`. */
fh_status fh_check_kept(fh_store *store, fh_check_report *rep, const char *table, const char *kept, const char *recount,
			const char *fmt, const char *doing, fh_error *err);

/* The version check of an editable row: FH_OK if table.id has `expected`,
 * FH_ECONFLICT "changed by X at T" if not, FH_ENOTFOUND if gone. `table` is
 * one of the editable tables named in store.c, never user text. */
fh_status fh_store_check_version(fh_store *store, const char *table, int64_t id, int64_t expected, fh_error *err);

/* The hub scope rule, once: a CTE "scope(id)" of hub ?1 and every hub below
 * it. Start a query with it and filter with "hub_id IN (SELECT id FROM scope)". */
/* Schema objects set aside for a bulk load, inside its transaction: each
 * dropped with its SQL kept, made again by fh_store_put_back (an index is
 * then sorted once instead of updated row by row; a trigger no longer makes
 * SQLite copy an INSERT … SELECT to a temporary table first). */
#define FH_SET_ASIDE_MAX 160
struct fh_set_aside {
	char *sql[FH_SET_ASIDE_MAX];
	int n;
};
/* Drops what the rows of sqlite_master matching `where` (SQL, never user
 * text) define, read whole before the first DROP. */
fh_status fh_store_set_aside(fh_store *store, const char *where, struct fh_set_aside *a, fh_error *err);
/* Makes them again and empties *a. Call it after a failure too, with
 * another fh_error: the caller's rollback undoes the drops anyway. */
fh_status fh_store_put_back(fh_store *store, struct fh_set_aside *a, fh_error *err);

/* A bulk load in progress: the rows it inserts have ids from `from` on, and
 * modules write their derived rows (the search index) for all of them in
 * one statement at its end (tenant_db.c); 0 when none is. */
void fh_store_defer(fh_store *store, int64_t from);
int64_t fh_store_deferred(const fh_store *store);
/* What a module keeps for the bulk load (tenant_side.c): replaced (the
 * old one dropped) by the next call, dropped by fh_store_close. */
void fh_store_set_bulk(fh_store *store, void *bulk, void (*drop)(void *bulk));
void *fh_store_bulk(fh_store *store);

#define FH_SQL_SCOPE                                       \
	"WITH RECURSIVE scope(id) AS (SELECT ?1 UNION ALL" \
	"  SELECT h.id FROM hubs h JOIN scope ON h.parent_id = scope.id) "
/* The same rule for one row: true when hub `h` (a hub id of the outer
 * query) is ?1 or below it, walking up from h — for a query that finds a
 * few rows and should not list the whole scope first. */
#define FH_SQL_IN_SCOPE(h)                                         \
	"?1 IN (WITH RECURSIVE up(id) AS (SELECT " h " UNION ALL"  \
	"  SELECT p.parent_id FROM hubs p JOIN up ON p.id = up.id" \
	"  WHERE p.parent_id IS NOT NULL) SELECT id FROM up)"

/* Whether hub `hub_id` is the actor's hub or below it: FH_OK; FH_EDENIED
 * ("not yours") if not; FH_EBUSY or FH_ESTORE when it could not be read —
 * never "not there" or "not yours" for a database that did not answer. */
fh_status fh_actor_scope(fh_store *store, const fh_actor *actor, int64_t hub_id, fh_error *err);
/* The hub a list or a total is of: hub `code` when it is in the actor's
 * scope, the actor's own for NULL or "", into *hub. FH_OK; FH_EDENIED for
 * nobody logged in or a hub not the actor's; FH_ENOTFOUND ("hub") for no
 * such hub; or the store's error. */
fh_status fh_actor_hub(fh_store *store, const fh_actor *actor, const char *code, int64_t *hub, fh_error *err);

/* fh_operator_add() without its transaction, for callers already in one. */
fh_status fh_operator_insert(fh_store *store, const fh_actor *by, const char *name, fh_role role, const char *hub_code,
			     const char *password, fh_error *err);

#endif
