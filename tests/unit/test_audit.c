/* fuhua tests — audit.h: the audit log read back — a limit out of range
 * refused, the newest first, only the hubs an operator sees. Degenerate
 * cases first. */
#include "module.h"

#include "fuhua/audit.h"

MODULE_TEST("audit.db", "2026-06-10T09:00")

/* A limit out of range is refused with nothing to free; the newest rows
 * come first; a street's operator reads only its hubs' rows. */
static void newest_first_in_scope(void **s)
{
	(void)s;
	fh_error err;
	fh_audit_row *rows;
	size_t n;
	assert_int_equal(fh_audit_recent(st, &sys_actor, 0, &rows, &n, &err), FH_EINVAL);
	assert_null(rows);
	assert_int_equal(n, 0);
	assert_int_equal(fh_audit_recent(st, &sys_actor, 201, &rows, &n, &err), FH_EINVAL);
	assert_null(rows);
	int64_t dn = tenant("ja-dn", "审计大宁社"), gh = tenant("ja-gh", "审计共和社");
	assert_int_equal(fh_audit_recent(st, &sys_actor, 3, &rows, &n, &err), FH_OK);
	assert_int_equal(n, 3);
	assert_true(rows[0].id > rows[1].id && rows[1].id > rows[2].id);
	assert_string_equal(rows[0].entity, "tenant");
	assert_int_equal(rows[0].entity_id, gh);
	free(rows);
	fh_actor street = signed_in("审计街道", FH_ROLE_MANAGER, "ja-gh");
	assert_int_equal(fh_audit_recent(st, &street, 200, &rows, &n, &err), FH_OK);
	assert_true(n > 0);
	bool saw_dn = false;
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(strncmp(rows[i].hub_code, "ja-gh", 5), 0);
		saw_dn |= strcmp(rows[i].entity, "tenant") == 0 && rows[i].entity_id == dn;
	}
	assert_false(saw_dn);
	free(rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(newest_first_in_scope),
	};
	return cmocka_run_group_tests_name("audit", tests, module_setup, module_teardown);
}
