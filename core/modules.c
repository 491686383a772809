/* fuhua core — the table of modules the store calls on opening and after a migration. */
#include "modules.h"

#include "operator_int.h"
#include "party_int.h"
#include "tally.h"
#include "tenant_int.h"

const struct fh_module fh_modules[] = {
	{ "tenant", fh_tenant_sql_functions, fh_tenant_after_migrate, fh_tenant_check_index },
	{ "party", NULL, NULL, fh_party_check_terms },
	{ "tally", NULL, NULL, fh_tally_check },
	{ "operator", NULL, fh_operator_after_migrate, NULL },
	{ NULL, NULL, NULL, NULL },
};
