/* fuhua core — private: the inspection module as the module table sees
 * it. */
#ifndef FUHUA_CORE_INSPECTION_INT_H
#define FUHUA_CORE_INSPECTION_INT_H

#include "fuhua/inspection.h"

extern const char *const fh_inspection_schema[];
/* For `fuhua check`: the counts kept of the tenants due and of the
 * inspections against a recount. */
fh_status fh_inspection_check(fh_store *store, fh_check_report *rep, fh_error *err);

#endif
