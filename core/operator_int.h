/* fuhua core — private: what the operator module offers the module table. */
#ifndef FUHUA_CORE_OPERATOR_INT_H
#define FUHUA_CORE_OPERATOR_INT_H

#include "fuhua/error.h"
#include "fuhua/store.h"

/* After migrating from schema `from`: a demo database made before its
 * accounts' hashes were recorded gets them recorded for those accounts
 * that still take the demo password (checked once, here). */
fh_status fh_operator_after_migrate(fh_store *store, int from, fh_error *err);

#endif
