/* fuhua core — the modules' own schema steps (modules.h): how many of each
 * module's steps the database has run (table module_schema), the steps run
 * after the store's numbered migrations, and each module's after_schema
 * once its steps have run. store.c calls these when it opens a database. */
#include <stdbool.h>

#include "i18n.h"
#include "modules.h"
#include "schema.h"
#include "store_int.h"

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

fh_status fh_schema_modules_due(fh_store *s, bool *due, fh_error *err)
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

fh_status fh_schema_migrate_modules(fh_store *s, fh_error *err)
{
	fh_status st = FH_OK;
	for (const struct fh_module *m = fh_modules; st == FH_OK && m->name; m++) {
		int from = 0;
		if (m->schema && (st = fh_store_migrate_module(s, m->name, m->schema, &from, err)) == FH_OK &&
		    from < steps_count(m->schema) && m->after_schema)
			st = m->after_schema(s, from, err);
	}
	return st;
}
