/* fuhua core — private: the inspection module as the module table sees
 * it. */
#ifndef FUHUA_CORE_INSPECTION_INT_H
#define FUHUA_CORE_INSPECTION_INT_H

#include "fuhua/inspection.h"

extern const char *const fh_inspection_schema[];

#endif
