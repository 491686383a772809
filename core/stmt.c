/* fuhua core — the store's statement interface (store_int.h) over SQLite:
 * the modules bind, step and read through these, never through sqlite3_*.
 * Each is one call of SQLite's; what they add is the status in fuhua's
 * terms, and text as char. */
#include <string.h>

#include "fuhua/text.h"
#include "store_sqlite.h"

static fh_status bound(int rc)
{
	return rc == SQLITE_OK ? FH_OK : rc == SQLITE_NOMEM ? FH_ENOMEM : FH_ESTORE;
}

int fh_step(fh_stmt *q)
{
	int rc = sqlite3_step(fh_stmt_sqlite(q));
	switch (rc & 0xff) {
	case SQLITE_ROW: return FH_ROW;
	case SQLITE_DONE: return FH_DONE;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return FH_STEP_BUSY;
	case SQLITE_INTERRUPT: return FH_STEP_INTERRUPT;
	default:
		return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY ? FH_STEP_DUPLICATE
											    : FH_STEP_ERROR;
	}
}

fh_status fh_reset(fh_stmt *q)
{
	return bound(sqlite3_reset(fh_stmt_sqlite(q)));
}

void fh_finalize(fh_stmt *q)
{
	sqlite3_finalize(fh_stmt_sqlite(q));
}

fh_status fh_bind_int64(fh_stmt *q, int i, int64_t v)
{
	return bound(sqlite3_bind_int64(fh_stmt_sqlite(q), i, v));
}

fh_status fh_bind_int(fh_stmt *q, int i, int v)
{
	return bound(sqlite3_bind_int(fh_stmt_sqlite(q), i, v));
}

fh_status fh_bind_double(fh_stmt *q, int i, double v)
{
	return bound(sqlite3_bind_double(fh_stmt_sqlite(q), i, v));
}

fh_status fh_bind_null(fh_stmt *q, int i)
{
	return bound(sqlite3_bind_null(fh_stmt_sqlite(q), i));
}

fh_status fh_bind_str(fh_stmt *q, int i, const char *s)
{
	return bound(sqlite3_bind_text(fh_stmt_sqlite(q), i, s, -1, SQLITE_TRANSIENT));
}

fh_status fh_bind_text(fh_stmt *q, int i, const char *s)
{
	if (!s || !*s)
		return fh_bind_null(q, i);
	return fh_bind_str(q, i, s);
}

fh_status fh_bind_static(fh_stmt *q, int i, const char *s, int n)
{
	return bound(sqlite3_bind_text(fh_stmt_sqlite(q), i, s, n, SQLITE_STATIC));
}

fh_status fh_bind_blob(fh_stmt *q, int i, const void *p, int n)
{
	return bound(sqlite3_bind_blob(fh_stmt_sqlite(q), i, p, n, SQLITE_STATIC));
}

fh_status fh_bind_column(fh_stmt *q, int i, fh_stmt *from, int col)
{
	return bound(sqlite3_bind_value(fh_stmt_sqlite(q), i, sqlite3_column_value(fh_stmt_sqlite(from), col)));
}

int fh_bind_index(fh_stmt *q, const char *name)
{
	return sqlite3_bind_parameter_index(fh_stmt_sqlite(q), name);
}

int64_t fh_column_int64(fh_stmt *q, int i)
{
	return sqlite3_column_int64(fh_stmt_sqlite(q), i);
}

int fh_column_int(fh_stmt *q, int i)
{
	return sqlite3_column_int(fh_stmt_sqlite(q), i);
}

double fh_column_double(fh_stmt *q, int i)
{
	return sqlite3_column_double(fh_stmt_sqlite(q), i);
}

bool fh_column_null(fh_stmt *q, int i)
{
	return sqlite3_column_type(fh_stmt_sqlite(q), i) == SQLITE_NULL;
}

const char *fh_column_str(fh_stmt *q, int i)
{
	return (const char *)sqlite3_column_text(fh_stmt_sqlite(q), i);
}

const void *fh_column_blob(fh_stmt *q, int i, int *n)
{
	const void *p = sqlite3_column_blob(fh_stmt_sqlite(q), i);
	*n = p ? sqlite3_column_bytes(fh_stmt_sqlite(q), i) : 0;
	return p;
}

void fh_column_text(fh_stmt *q, int i, char *dst, size_t size)
{
	const char *t = fh_column_str(q, i);
	fh_text_copy(dst, size, t ? t : "");
}
