/* fuhua core — the table of modules the store calls after a migration. */
#include "modules.h"

#include "tally.h"
#include "tenant_int.h"

const struct fh_module fh_modules[] = {
	{ "tenant", fh_tenant_after_migrate, fh_tenant_check_index },
	{ "tally", NULL, fh_tally_check },
	{ NULL, NULL, NULL },
};
