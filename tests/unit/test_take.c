/* fuhua tests — take.h: the one way a number or a line of text is taken
 * from what people type, on the command line, in a form or a file —
 * digits only, in range, one message naming the field, the old value kept
 * on error. Degenerate cases first. */
#include "helpers.h"

#include "fuhua/take.h"

/* One parser for numbers, everywhere: nothing and an empty text refused,
 * digits only (no sign, no spaces, no exponent), in range, one message
 * naming the field; the value kept on error. */
static void numbers_taken_one_way(void **s)
{
	(void)s;
	long long v = 7;
	double h = 0;
	fh_error err;
	assert_int_equal(fh_int_take("--seats", NULL, 1, 10, &v, &err), FH_EINVAL);
	assert_int_equal(fh_int_take("--seats", "", 1, 10, &v, &err), FH_EINVAL);
	const char *bad[] = { " 3", "3 ", "+3", "-3", "3x", "1e1", "0x3", "３", "11", "0", "99999999999999999999" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(fh_int_take("--seats", bad[i], 1, 10, &v, &err), FH_EINVAL);
	assert_int_equal(v, 7); /* untouched */
	assert_string_equal(err.field, "--seats");
	assert_non_null(strstr(err.message, "from 1 to 10"));
	assert_int_equal(fh_int_take("--seats", "010", 1, 10, &v, &err), FH_OK);
	assert_int_equal(v, 10);
	const char *badh[] = { " 2", "2.", ".5", "2.555", "inf", "nan", "1e1", "0.4", "12.01", "2,5" };
	for (size_t i = 0; i < sizeof badh / sizeof badh[0]; i++)
		assert_int_equal(fh_decimal_take("--hours", badh[i], 0.5, 12, 2, &h, &err), FH_EINVAL);
	assert_int_equal(fh_decimal_take("--hours", "0.5", 0.5, 12, 2, &h, &err), FH_OK);
	assert_true(h > 0.49 && h < 0.51);
	assert_int_equal(fh_decimal_take("--hours", "12.00", 0.5, 12, 2, &h, &err), FH_OK);
}

/* A line of text taken into a field: empty taken, trimmed, no control
 * characters, at most so many characters, the old value kept when it is
 * refused. */
static void text_taken_one_way(void **s)
{
	(void)s;
	char field[16] = "旧值";
	fh_error err;
	/* empty is taken (whether the field is required is the record's) */
	assert_int_equal(fh_text_field_take(field, sizeof field, 4, "", false, true, "name", &err), FH_OK);
	assert_string_equal(field, "");
	/* a control character is refused, the field kept */
	assert_int_equal(fh_text_field_take(field, sizeof field, 4, "a\x01b", false, true, "name", &err), FH_EINVAL);
	assert_string_equal(err.field, "name");
	assert_string_equal(field, "");
	assert_int_equal(fh_text_field_take(field, sizeof field, 4, "  新名字  ", false, true, "name", &err), FH_OK);
	assert_string_equal(field, "新名字");
	assert_int_equal(fh_text_field_take(field, sizeof field, 2, "太长的名字", false, true, "name", &err),
			 FH_EINVAL);
	assert_string_equal(field, "新名字"); /* unchanged on error */
}

/* Amounts in yuan to the fen: commas between groups of three, one or two
 * decimals, up to the most; anything else refused, the value untouched. */
static void yuan_taken_to_the_fen(void **s)
{
	(void)s;
	int64_t fen = -1;
	fh_error err;
	assert_int_equal(fh_yuan_take("granted", "1,891,000.5", 1000000000000LL, &fen, &err), FH_OK);
	assert_int_equal(fen, 189100050);
	assert_int_equal(fh_yuan_take("granted", "0.01", 1000000000000LL, &fen, &err), FH_OK);
	assert_int_equal(fen, 1);
	assert_int_equal(fh_yuan_take("granted", "100", 10000, &fen, &err), FH_OK); /* exactly the most */
	assert_int_equal(fen, 10000);
	const char *bad[] = { "", "1.234", "-5", "1,00", "12,345,67", "1e5", "１００", ".5", "5.", "100.01", NULL };
	for (int i = 0; bad[i]; i++) {
		fen = -1;
		assert_int_equal(fh_yuan_take("granted", bad[i], 10000, &fen, &err), FH_EINVAL);
		assert_int_equal(fen, -1);
		assert_string_equal(err.field, "granted");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(numbers_taken_one_way),
		cmocka_unit_test(text_taken_one_way),
		cmocka_unit_test(yuan_taken_to_the_fen),
	};
	return cmocka_run_group_tests_name("take", tests, NULL, NULL);
}
