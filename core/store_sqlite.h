/* fuhua core — private: the store's engine, SQLite, for the few files that
 * speak to it directly: the store itself (store.c, stmt.c, check.c, which
 * opens its own read-only connections) and the search index, whose SQL
 * functions and side connection are SQLite's own (tenant_index.c,
 * tenant_side.c). Every other module reaches the database through the
 * statement interface of store_int.h, and never includes this header: a
 * second engine replaces these files, not the modules. */
#ifndef FUHUA_CORE_STORE_SQLITE_H
#define FUHUA_CORE_STORE_SQLITE_H

#include <sqlite3.h>
#include <stdint.h>

#include "store_int.h"

sqlite3 *fh_store_db(fh_store *store);
/* Registers fuhua's SQL functions (fh_add_months, the modules') on a
 * connection: the store's, or another the core opens beside it. */
int fh_store_functions(sqlite3 *db);

/* The engine's statement behind the interface's handle, and back. */
static inline sqlite3_stmt *fh_stmt_sqlite(fh_stmt *q)
{
	return (sqlite3_stmt *)(void *)q;
}

static inline fh_stmt *fh_stmt_of(sqlite3_stmt *q)
{
	return (fh_stmt *)(void *)q;
}

/* An SQL function fuhua's statements call (deterministic, UTF-8). */
struct fh_sql_function {
	const char *name;
	int args;
	void (*fn)(sqlite3_context *c, int argc, sqlite3_value **v);
};

/* The trigram index and/or the gram index (`which`, FH_INDEX_* of
 * tenant_int.h) of every tenant with an id from `from` to `to`, from the
 * search rows and the tenants' hubs of database db (the store's, or one
 * made beside a load), a statement each: SQLite's result code. */
int fh_tenant_index_rows(sqlite3 *db, int64_t from, int64_t to, unsigned which);

#endif
