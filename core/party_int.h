/* fuhua core — private: what the party module offers the other core
 * modules. */
#ifndef FUHUA_CORE_PARTY_INT_H
#define FUHUA_CORE_PARTY_INT_H

#include <stddef.h>

#include "fuhua/party.h"
#include "modules.h"

/* The forms listed in a hub's coverage_org_forms column ("branch,joint_branch")
 * as bits 1u << fh_party_org, and back. */
unsigned fh_party_forms_mask(const char *list);
void fh_party_forms_text(unsigned mask, char *out, size_t size);

/* The module table's hooks (modules.h). A tenant's own branch needs the
 * hub's least number of full members (its problem into errs). The
 * organisation track changed: registration, a new legal representative
 * (换届) or a new rating open their items on the party track. */
fh_status fh_party_check_tenant(fh_store *store, const fh_tenant *t, fh_field_errors *errs, fh_error *err);
fh_status fh_party_sync_tenant_changed(fh_store *store, const struct fh_tenant_change *c, fh_error *err);

/* The record as stored, without the scope check; writes its columns (in
 * the caller's transaction, the tenant's version moved); the named members
 * of each kind, and the named full members whose relation is here. */
fh_status fh_party_load(fh_store *store, int64_t tenant_id, fh_party *out, fh_error *err);
fh_status fh_party_write(fh_store *store, const fh_actor *actor, const fh_party *p, fh_error *err);
fh_status fh_party_named_counts(fh_store *store, int64_t tenant_id, int named[FH_MEMBER_KIND_COUNT], int *here,
				fh_error *err);

/* The day a committee's term of `years` that began on day `began` ends
 * (fh_party_term_end's rule, for a day kept as a number). */
int64_t fh_party_term_end_day(int years, int64_t began);

/* For `fuhua check`: the day each branch committee's term began, as kept
 * on its tenant (the re-elections list reads it), against the party
 * record. */
fh_status fh_party_check_terms(fh_store *store, fh_check_report *rep, fh_error *err);


/* The module table's rules hooks (modules.h): its part of a hub's rules kept
 * by `fuhua init`, and its part of their fingerprint. */
fh_status fh_party_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_party_describe_rules(struct fh_buf *b, const struct fh_rules *r);

struct fh_cfg_section;
/* Its own schema, ending with NULL, for the module table. */
extern const char *const fh_party_schema[];
/* Its section of the configuration (party_config.c), for the module table. */
extern const struct fh_cfg_section fh_party_config;

#endif
