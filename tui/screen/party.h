/* fuhua tui — the party views: the Party screen (view_party.c), the party
 * record's form and the joint branch form (view_party_form.c); a tenant's
 * page has a Party tab (view_tenant.c). */
#ifndef FUHUA_TUI_PARTY_H
#define FUHUA_TUI_PARTY_H

#include <stdint.h>

#include "fuhua/party.h"
#include "tui.h"

/* Opening a joint branch's form: the branch (0: a new one in the hub). */
struct fh_branch_arg {
	int64_t id;
};

/* An instructor's tenants: the instructor, and the name for the title. */
struct fh_instructor_arg {
	int64_t id;
	char name[FH_PARTY_TEXT_MAX * 4 + 1];
};

/* A named member's form: the tenant, and the member (0: a new one). */
struct fh_member_arg {
	int64_t tenant, id;
};

/* The party record's form and the members list open on a tenant (struct
 * fh_tenant_arg); the member form on a struct fh_member_arg. */
extern const struct view_ops fh_party_form_view, fh_branch_form_view, fh_party_members_view,
	fh_party_member_form_view, fh_instructed_view;

#endif
