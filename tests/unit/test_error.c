/* fuhua tests — error.h: an error said once — set with its field, or at a
 * file's line and column, cleared, written out for people, and the exit
 * status each code gives. Degenerate cases first. */
#include "helpers.h"

#include "fuhua/error.h"

/* An error may be NULL; set with a field; at a place in a file; cleared;
 * written out as people read it; each code's exit status. */
static void errors_said_once(void **s)
{
	(void)s;
	fh_error e;
	char buf[700];
	assert_int_equal(fh_error_set(NULL, FH_EINVAL, "x", "%s", "ignored"), FH_EINVAL); /* err may be NULL */
	fh_error_clear(NULL);
	assert_int_equal(fh_error_set(&e, FH_EINVAL, "phone", "%s", "is not a phone number"), FH_EINVAL);
	assert_string_equal(fh_error_format(&e, buf, sizeof buf), "phone: is not a phone number");
	fh_error_clear(&e);
	assert_int_equal(e.code, FH_OK);
	assert_string_equal(e.message, "");
	assert_int_equal(fh_error_at(&e, "hubs/ja.yaml", 3, 7, "unknown key '%s'", "fees"), FH_ECONFIG);
	assert_string_equal(fh_error_format(&e, buf, sizeof buf), "hubs/ja.yaml:3:7: unknown key 'fees'");
	char small[8];
	assert_true(strlen(fh_error_format(&e, small, sizeof small)) < sizeof small);
	assert_int_equal(fh_error_exit_status(FH_OK), 0);
	assert_int_equal(fh_error_exit_status(FH_EINVAL), 2);
	assert_int_equal(fh_error_exit_status(FH_ECONFIG), 2);
	assert_int_equal(fh_error_exit_status(FH_ECONFLICT), 1);
	assert_int_equal(fh_error_exit_status(FH_ESTORE), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(errors_said_once),
	};
	return cmocka_run_group_tests_name("error", tests, NULL, NULL);
}
