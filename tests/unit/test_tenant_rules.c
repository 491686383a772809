/* fuhua tests — tenant_rules.h: the tenant's section of a hub's rules —
 * the service fields required of every level, read in order and
 * overridden, an empty list, too many, a field twice refused naming them.
 * Degenerate cases first. */
#include "rules.h"

#include "fuhua/tenant_rules.h"
#include <string.h>

/* The fields are required; read in order; a hub's list replaces its
 * level's; empty, too many, or one twice is refused. */
static void fields_read_and_checked(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	rules_refused("incubation_term_months: 24\nfree_period_months: 12\n", "missing required key 'fields'");
	rules_refused("incubation_term_months: 24\nfree_period_months: 12\nfields: []\n", "1 to 40");
	rules_refused("incubation_term_months: 24\nfree_period_months: 12\nfields: [文化, 环保, 文化]\n", "twice");
	char many[1200] = "incubation_term_months: 24\nfree_period_months: 12\nfields: [";
	for (int i = 0; i <= FH_SERVICE_FIELDS_MAX; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "%s领域%d", i ? ", " : "", i);
	strcat(many, "]\n");
	rules_refused(many, "1 to 40");
	assert_int_equal(rules_load(LEVEL_REQUIRED, "  fields: [社区治理, 文化]\n", &cfg, &err), FH_OK);
	const fh_tenant_rules *t = &rules_of(cfg)->tenant;
	assert_int_equal(t->nfields, 2);
	assert_string_equal(t->fields[0], "社区治理");
	assert_string_equal(t->fields[1], "文化");
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->tenant.nfields, 2);
	assert_string_equal(fh_config_level(cfg, FH_LEVEL_CITY)->tenant.fields[0], "为老服务");
	fh_config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fields_read_and_checked),
	};
	return cmocka_run_group_tests_name("tenant_rules", tests, NULL, NULL);
}
