/* fuhua tests — party_rules.h: the dual-incubation section of a hub's
 * rules — its defaults written once, party:, sync: and coverage: read and
 * overridden, bad values refused naming them. Degenerate cases first. */
#include "rules.h"

#include "fuhua/party_rules.h"
#include "fuhua/tenant.h"

/* The defaults, over whatever was there; a level that sets none of the
 * section's keys has them. */
static void defaults(void **s)
{
	(void)s;
	fh_party_rules r;
	memset(&r, 0xff, sizeof r);
	fh_party_rules_defaults(&r);
	assert_int_equal(r.branch_min_members, 3);
	assert_true(r.instructor_required);
	assert_int_equal(r.committee_term_years, 3);
	assert_int_equal(r.joint_max_tenants, 5);
	assert_int_equal(r.registration_days, 5);
	assert_int_equal(r.annual_deadline, 531);
	assert_int_equal(r.org_forms, 1u << FH_PARTY_BRANCH | 1u << FH_PARTY_JOINT_BRANCH);
	assert_int_equal(r.nrefs, 0);
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED, NULL, &cfg, &err), FH_OK);
	assert_int_equal(rules_of(cfg)->dual.joint_max_tenants, 5);
	assert_int_equal(rules_of(cfg)->dual.annual_deadline, 531);
	fh_config_free(&cfg);
}

/* Each key read, a hub's override over its level's; bad values refused. */
static void keys_read_and_checked(void **s)
{
	(void)s;
	fh_config *cfg;
	fh_error err;
	assert_int_equal(rules_load(LEVEL_REQUIRED "party: { joint_max_tenants: 8 }\nsync: { annual_deadline: 06-30 }\n"
						   "coverage:\n  org_forms: [branch, joint_branch, functional]\n"
						   "  references:\n    - { name: 全国, org: 61.7, work: 90 }\n",
				    "  party: { branch_min_members: 5 }\n", &cfg, &err),
			 FH_OK);
	const fh_party_rules *r = &rules_of(cfg)->dual;
	assert_int_equal(r->joint_max_tenants, 8);
	assert_int_equal(r->branch_min_members, 5);
	assert_int_equal(fh_config_level(cfg, FH_LEVEL_CITY)->dual.branch_min_members, 3);
	assert_int_equal(r->annual_deadline, 630);
	assert_true(r->org_forms & 1u << FH_PARTY_FUNCTIONAL);
	assert_int_equal(r->nrefs, 1);
	assert_string_equal(r->refs[0].name, "全国");
	fh_config_free(&cfg);
	rules_refused(LEVEL_REQUIRED "party: { joint_max_tenants: 1 }\n", "out of range");
	rules_refused(LEVEL_REQUIRED "sync: { annual_deadline: 02-29 }\n", "02-29");
	rules_refused(LEVEL_REQUIRED "coverage: { org_forms: [] }\n", "at least one");
	rules_refused(LEVEL_REQUIRED "coverage: { org_forms: [cell] }\n", "cell");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(keys_read_and_checked),
	};
	return cmocka_run_group_tests_name("party_rules", tests, NULL, NULL);
}
