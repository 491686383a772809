/* fuhua — hubs (孵化基地) and their spaces, brought in line with the
 * configuration by fh_hub_sync(). */
#ifndef FUHUA_HUB_H
#define FUHUA_HUB_H

#include <stddef.h>
#include <stdint.h>

#include "fuhua/config.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"

typedef struct fh_sync_report {
	int hubs_added, hubs_changed;
	int spaces_added, spaces_changed, spaces_retired;
	int operators_added; /* the built-in system operator, on a new database */
} fh_sync_report;

/* Brings hubs, their rules and their spaces in line with cfg, in one
 * transaction with one audit row per change, acting as `by` (NULL: the
 * built-in system operator, which the first sync creates; `via` names who ran
 * it). Running it again with the same configuration changes nothing. Fails
 * with FH_ECONFLICT, naming it, if a space still in use would be removed, and
 * when a hub in the database is missing from the configuration. On error
 * *report is not to be used (the transaction is rolled back). */
fh_status fh_hub_sync(fh_store *store, const fh_config *cfg, const char *via, fh_sync_report *report, fh_error *err);

typedef struct fh_hub {
	int64_t id;
	char code[33];
	char name[128];
	fh_level level;
	char parent[33]; /* "" for the root */
	char address[256];
	char short_name[64]; /* what lists show for it (its name when its file gives none) */
	int depth;           /* 0 for the actor's own hub */
	int spaces;
	int seats, seats_used; /* desk and office seats, and those allocated */
	double area;
	int tenants; /* in incubation */
} fh_hub;

/* The actor's hub and every hub below it, in tree order (parent before its
 * children, children by code). The caller frees *rows with free(). On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_hub_list(fh_store *store, const fh_actor *actor, fh_hub **rows, size_t *n, fh_error *err);

/* One hub by code. FH_ENOTFOUND if it does not exist or the actor does not
 * see it (the two are not told apart). On error *out is not to be used. */
fh_status fh_hub_get(fh_store *store, const fh_actor *actor, const char *code, fh_hub *out, fh_error *err);

#endif
