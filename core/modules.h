/* fuhua core — private: the domain modules as the store sees them.
 *
 * The store knows nothing of tenants, parties or spaces. After the numbered
 * migrations have run, it calls each module's step here (like neomutt's
 * Modules[]), inside the migration's transaction, so that a module can fill
 * derived rows computed in C (the tenants' search rows); on opening, it lets
 * each register the SQL functions its statements call.
 *
 * The tenant record is at the bottom of the modules, and knows none above
 * it: what a module asks of a tenant's record before it is written, and what
 * must follow its change (the party track's checks, milestones proving
 * themselves, spaces released, pairings ended), the tenant layer asks of each
 * module here, once per change, in the transaction that writes it. */
#ifndef FUHUA_CORE_MODULES_H
#define FUHUA_CORE_MODULES_H

#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/store.h"

struct fh_actor;
struct fh_buf;
struct fh_cfg_section; /* config_int.h */
struct fh_field_errors;
struct fh_rules;
struct fh_sql_function; /* store_sqlite.h */
struct fh_tenant;

/* A tenant's record as it changed, in the transaction that wrote it. */
struct fh_tenant_change {
	const struct fh_actor *actor;
	const struct fh_tenant *old;  /* as it was; NULL for a new tenant */
	const struct fh_tenant *next; /* as it is now written */
	int64_t on;                   /* when (fh_clock_now()) */
	/* The audit line's new value, open: a module adds what followed
	 * (",\"released\":2"); NULL when the change writes no such line. */
	struct fh_buf *audit;
};

struct fh_module {
	const char *name;
	/* Its section of the configuration (config_int.h): the keys a level
	 * file or a hub's overrides sets, read and checked by the module, with
	 * the section's defaults; NULL when it has none. */
	const struct fh_cfg_section *config;
	/* The SQL functions the module's statements call, registered on
	 * every connection the store opens (before migrating) and on those
	 * the core opens beside it; ends with { NULL }; may be NULL. */
	const struct fh_sql_function *(*sql_functions)(void);
	/* Its own schema: the steps that add its storage, each run once in
	 * order after the store's numbered migrations (step v + 1 is
	 * schema[v]; the database records how many have run), ending with
	 * NULL; may be NULL. A step is only ever added at the end. */
	const char *const *schema;
	/* After its own steps ran from `from` (0: none had run) to its last,
	 * in the migration's transaction: rows its new storage derives from
	 * what was there (computed in C); may be NULL. */
	fh_status (*after_schema)(fh_store *store, int from, fh_error *err);
	/* After migrating from schema `from` to the latest; may be NULL. */
	fh_status (*after_migrate)(fh_store *store, int from, fh_error *err);
	/* For `fuhua check`: the module's derived rows against their sources,
	 * problems into rep; may be NULL. */
	fh_status (*check)(fh_store *store, fh_check_report *rep, fh_error *err);
	/* The module's own checks of a tenant's record before it is written
	 * (fh_tenant_validate): each problem into errs; FH_OK, or the store's
	 * error when what it reads cannot be read (the write is refused). May
	 * be NULL. */
	fh_status (*check_tenant)(fh_store *store, const struct fh_tenant *t, struct fh_field_errors *errs,
				  fh_error *err);
	/* What follows a tenant's change (fh_tenant_changed): FH_OK, or the
	 * error that rolls the change back. May be NULL. */
	fh_status (*tenant_changed)(fh_store *store, const struct fh_tenant_change *c, fh_error *err);
	/* Its part of a hub's rules (config.h): kept when `fuhua init` finds
	 * the hub's configuration changed, in the sync's transaction, the hub's
	 * row there already (write: replaces what it kept; FH_OK, or the
	 * store's error); and its part of the fingerprint that tells whether
	 * it changed (describe: appends to b). Either may be NULL. */
	fh_status (*write_rules)(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
	void (*describe_rules)(struct fh_buf *b, const struct fh_rules *r);
};

/* The modules, ending with { NULL }. */
extern const struct fh_module fh_modules[];

#endif
