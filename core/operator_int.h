/* fuhua core — private: what the operator module offers the module table. */
#ifndef FUHUA_CORE_OPERATOR_INT_H
#define FUHUA_CORE_OPERATOR_INT_H

#include "fuhua/error.h"
#include "fuhua/store.h"
#include "modules.h"

/* After migrating from schema `from`: a demo database made before its
 * accounts' hashes were recorded gets them recorded for those accounts
 * that still take the demo password (checked once, here). */
fh_status fh_operator_after_migrate(fh_store *store, int from, fh_error *err);

/* The module table's rules hooks (modules.h): its part of a hub's rules kept
 * by `fuhua init`, and its part of their fingerprint. */
fh_status fh_operator_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_operator_describe_rules(struct fh_buf *b, const struct fh_rules *r);

struct fh_cfg_section;
/* Its own schema, ending with NULL, for the module table. */
extern const char *const fh_operator_schema[];
/* Its section of the configuration (operator_config.c), for the module table. */
extern const struct fh_cfg_section fh_operator_config;

#endif
