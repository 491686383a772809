/* fuhua core — private: the follow-up module as the module table sees
 * it. */
#ifndef FUHUA_CORE_FOLLOWUP_INT_H
#define FUHUA_CORE_FOLLOWUP_INT_H

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/followup.h"

struct fh_cfg_section;
struct fh_tenant_change;

extern const struct fh_cfg_section fh_followup_config;
extern const char *const fh_followup_schema[];
/* Before the module (from 0): the graduates' follow-ups seeded. */
fh_status fh_followup_after_schema(fh_store *store, int from, fh_error *err);
/* The follow-ups of the graduates of the last five years, as if opened when
 * they graduated (those there already kept), written by `by`: the
 * migration's and the demo's (its tenants are written beside the hooks). */
fh_status fh_followup_seed(fh_store *store, const char *by, fh_error *err);
/* A tenant graduating: its follow-ups opened at its hub's months. */
fh_status fh_followup_tenant_changed(fh_store *store, const struct fh_tenant_change *c, fh_error *err);
fh_status fh_followup_write_rules(fh_store *store, int64_t hub, const fh_rules *r, fh_error *err);
void fh_followup_describe_rules(fh_buf *b, const fh_rules *r);

#endif
