/* fuhua — the audit log: every write, who made it, when, old → new. Rows are
 * written by core in the same transaction as the change they record. */
#ifndef FUHUA_AUDIT_H
#define FUHUA_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"

typedef struct fh_audit_row {
	int64_t id;
	int64_t at;
	char operator_name[64];
	char via[64];
	char hub_code[33];
	char entity[24]; /* "hub", "space", "operator", "tenant" … */
	int64_t entity_id;
	char action[32];   /* "create", "update", "sync", "login" … */
	char summary[160]; /* a short text for lists: the entity's name */
} fh_audit_row;

/* The newest `limit` (1–200) audit rows on hubs the actor sees, newest first.
 * The caller frees *rows with free(). On error *rows is NULL and *n 0: nothing
 * to free. */
fh_status fh_audit_recent(fh_store *store, const fh_actor *actor, int limit, fh_audit_row **rows, size_t *n,
			  fh_error *err);

#endif
