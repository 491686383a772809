/* Unit tests: UTF-8 text, display width, buffers, credit codes. */
#include <locale.h>

#include "helpers.h"

#include "fuhua/buf.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "../../tui/width.h"

static void utf8_degenerate(void **s)
{
	(void)s;
	uint32_t cp;
	assert_int_equal(fh_utf8_decode("", 0, &cp), 0);
	assert_int_equal(fh_utf8_decode("\xE4\xB8", 2, &cp), 1); /* truncated */
	assert_int_equal(cp, 0xFFFD);
	assert_false(fh_utf8_valid("\xC0\xAF", 2));   /* overlong */
	assert_false(fh_utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
	assert_true(fh_utf8_valid("闵行", strlen("闵行")));
	assert_int_equal(fh_utf8_chars("闵行a"), 3);
}

static void control_and_trim(void **s)
{
	(void)s;
	char out[64];
	assert_true(fh_text_has_control("a\tb"));
	assert_true(fh_text_has_control("a\x7f"));
	assert_false(fh_text_has_control("静安 青凤"));
	assert_string_equal(fh_text_trim(out, sizeof out, "\xE3\x80\x80 春晖 \xE3\x80\x80"), "春晖");
	assert_string_equal(fh_text_trim(out, 4, "春晖"), "春"); /* never half a character */
}

/* What the trigram index holds of a search text: runs of 3 or more
 * printable ASCII characters, each ended by U+001F; Chinese and short runs
 * are the gram index's. */
static void ascii_runs(void **s)
{
	(void)s;
	static const struct { const char *in, *want; } cases[] = {
		{ "静安青凤\03752310106mj3f\037ab\037王伟\03713812345678\037jaqf",
		  "52310106mj3f\03713812345678\037jaqf\037" },
		{ "a1静b2c3", "b2c3\037" }, /* runs broken by a Chinese character */
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		fh_buf b = FH_BUF_INIT;
		fh_text_ascii_runs(cases[i].in, &b);
		char got[128];
		snprintf(got, sizeof got, "%s", fh_buf_str(&b));
		fh_buf_free(&b);
		assert_string_equal(got, cases[i].want);
	}
}

static void width_fit(void **s)
{
	(void)s;
	char out[128];
	assert_int_equal(fh_str_width("静安abc"), 7);
	assert_int_equal(fh_str_width("a\x01"), 3); /* ^A */
	/* 5 columns: "静安" is 4, the rest does not fit: "静安…" is 5 */
	assert_int_equal(fh_str_fit("静安青凤", 5, out, sizeof out), 5);
	assert_string_equal(out, "静安…");
	/* 4 columns: one wide char and the ellipsis, never half a character */
	assert_int_equal(fh_str_fit("静安青凤", 4, out, sizeof out), 3);
	assert_string_equal(out, "静…");
	assert_int_equal(fh_str_pad("静安青凤", 4, out, sizeof out), 4);
	assert_string_equal(out, "静… ");
	assert_int_equal(fh_str_fit("x\x1b[2J", 10, out, sizeof out), 6);
	assert_string_equal(out, "x^[[2J");
	assert_int_equal(fh_str_fit("abc", 0, out, sizeof out), 0);
	assert_string_equal(out, "");
}

static void buf_csv_json(void **s)
{
	(void)s;
	fh_buf b = FH_BUF_INIT;
	fh_buf_csv_cell(&b, "=1+1");
	fh_buf_puts(&b, ",");
	fh_buf_csv_cell(&b, "a,\"b\"");
	fh_buf_puts(&b, ",");
	fh_buf_csv_cell(&b, "春晖");
	assert_string_equal(fh_buf_str(&b), "\"'=1+1\",\"a,\"\"b\"\"\",春晖");
	fh_buf_free(&b);
	fh_buf_json_string(&b, "a\"\n\x01");
	assert_string_equal(fh_buf_str(&b), "\"a\\\"\\n\\u0001\"");
	fh_buf_free(&b);
	fh_buf_json_string(&b, NULL);
	assert_string_equal(fh_buf_str(&b), "null");
	fh_buf_free(&b);
	assert_string_equal(fh_buf_str(&b), "");
}

static void credit_codes(void **s)
{
	(void)s;
	fh_error err;
	/* degenerate */
	assert_int_equal(fh_credit_code_check(NULL, &err), FH_EINVAL);
	assert_int_equal(fh_credit_code_check("", &err), FH_EINVAL);
	assert_string_equal(err.field, "credit_code");
	assert_int_equal(fh_credit_code_check("91350100M000100Y4301", &err), FH_EINVAL);
	/* real codes as published */
	assert_int_equal(fh_credit_code_check("91350100M000100Y43", &err), FH_OK);
	assert_int_equal(fh_credit_code_check("91110000802100433B", &err), FH_OK);
	/* a wrong check character, and a letter outside the alphabet */
	assert_int_equal(fh_credit_code_check("91350100M000100Y44", &err), FH_EINVAL);
	assert_non_null(strstr(err.message, "'3'"));
	assert_int_equal(fh_credit_code_check("91350100M000100I43", &err), FH_EINVAL);
	assert_int_equal(fh_credit_code_check_char("91350100M000100Y4"), '3');
	assert_int_equal(fh_credit_code_check_char("9135010OM000100Y4"), 0);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_degenerate), cmocka_unit_test(control_and_trim),
		cmocka_unit_test(width_fit), cmocka_unit_test(buf_csv_json), cmocka_unit_test(ascii_runs),
		cmocka_unit_test(credit_codes),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
