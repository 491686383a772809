/* fuhua core — private: the meeting module as the module table sees it. */
#ifndef FUHUA_CORE_MEETING_INT_H
#define FUHUA_CORE_MEETING_INT_H

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/meeting.h"

struct fh_cfg_section;

extern const struct fh_cfg_section fh_meeting_config;
extern const char *const fh_meeting_schema[];
fh_status fh_meeting_write_rules(fh_store *store, int64_t hub, const fh_rules *r, fh_error *err);
void fh_meeting_describe_rules(fh_buf *b, const fh_rules *r);

#endif
