/* fuhua tui — the tenant views: the list (the Tenants screen), a tenant's
 * page, the intake and edit form, the stage dialog. */
#ifndef FUHUA_TUI_TENANTS_H
#define FUHUA_TUI_TENANTS_H

#include <stdint.h>

#include "tui.h"

/* What the tenant list opens on: a hub and its sub-hubs (0: the operator's). */
struct fh_tenants_arg {
	int64_t hub_id;
	int stage; /* the stage filter it opens with, fh_stage + 1 (0: all) */
};

/* Opening a tenant's page, form or stage dialog: the tenant (0: a new one). */
struct fh_tenant_arg {
	int64_t id;
};

extern const struct view_ops fh_tenant_page_view, fh_tenant_form_view, fh_stage_view;

#endif
