/* fuhua core — private: the schema's migrations (schema.c) and the modules'
 * own steps (schema_module.c), for store.c. */
#ifndef FUHUA_CORE_SCHEMA_H
#define FUHUA_CORE_SCHEMA_H

#include <stdbool.h>

#include "fuhua/store.h"

/* Migration v+1 is fh_migrations[v]: SQL run once, in order. */
extern const char *const fh_migrations[];
extern const int fh_migrations_count;

/* The modules' own schema steps (schema_module.c). Whether a module's
 * steps are behind the program's, in *due: FH_OK or the store's error
 * (FH_EVERSION for a database of a newer program). */
fh_status fh_schema_modules_due(fh_store *store, bool *due, fh_error *err);
/* Runs each module's steps the database has not run, then its
 * after_schema, in the caller's write transaction: FH_OK or the error (the
 * caller rolls back). */
fh_status fh_schema_migrate_modules(fh_store *store, fh_error *err);

#endif
