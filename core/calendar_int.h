/* fuhua core — private: what the calendar keeps of a hub's rules. */
#ifndef FUHUA_CORE_CALENDAR_INT_H
#define FUHUA_CORE_CALENDAR_INT_H

#include "fuhua/calendar.h"
#include "modules.h"

/* The module table's rules hooks (modules.h): the hub's days off and the
 * weekend days worked (holidays:), kept by `fuhua init`, and their part of
 * the fingerprint. */
fh_status fh_calendar_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_calendar_describe_rules(struct fh_buf *b, const struct fh_rules *r);

struct fh_cfg_section;
/* Its own schema, ending with NULL, for the module table. */
extern const char *const fh_calendar_schema[];
/* Its section of the configuration (calendar_config.c), for the module table. */
extern const struct fh_cfg_section fh_calendar_config;

#endif
