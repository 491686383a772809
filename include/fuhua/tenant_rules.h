/* fuhua — the tenant section of a hub's rules (fields: in fuhua-config(5)),
 * owned by the tenant module: read by core/tenant_config.c, kept in the
 * database and read back by core/tenant.c (fh_tenant_service_fields).
 * Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_TENANT_RULES_H
#define FUHUA_TENANT_RULES_H

#include <stddef.h>

#define FH_SERVICE_FIELDS_MAX 40

typedef struct fh_tenant_rules {
	char **fields; /* fields: the service fields, in order, owned */
	size_t nfields;
} fh_tenant_rules;

#endif
