/* fuhua core — private: the domain modules as the store sees them.
 *
 * The store knows nothing of tenants, parties or spaces. After the numbered
 * migrations have run, it calls each module's step here (like neomutt's
 * Modules[]), inside the migration's transaction, so that a module can fill
 * derived rows computed in C (the tenants' search rows); on opening, it lets
 * each register the SQL functions its statements call. */
#ifndef FUHUA_CORE_MODULES_H
#define FUHUA_CORE_MODULES_H

#include <sqlite3.h>

#include "fuhua/error.h"
#include "fuhua/store.h"

/* An SQL function fuhua's statements call (deterministic, UTF-8). */
struct fh_sql_function {
	const char *name;
	int args;
	void (*fn)(sqlite3_context *c, int argc, sqlite3_value **v);
};

struct fh_module {
	const char *name;
	/* The SQL functions the module's statements call, registered on
	 * every connection the store opens (before migrating) and on those
	 * the core opens beside it; ends with { NULL }; may be NULL. */
	const struct fh_sql_function *sql_functions;
	/* After migrating from schema `from` to the latest; may be NULL. */
	fh_status (*after_migrate)(fh_store *store, int from, fh_error *err);
	/* For `fuhua check`: the module's derived rows against their sources,
	 * problems into rep; may be NULL. */
	fh_status (*check)(fh_store *store, fh_check_report *rep, fh_error *err);
};

/* The modules, ending with { NULL }. */
extern const struct fh_module fh_modules[];

#endif
