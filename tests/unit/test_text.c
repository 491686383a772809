/* Unit tests: UTF-8 text, display width, buffers, credit codes. */
#include <locale.h>

#include "helpers.h"

#include "fuhua/buf.h"
#include "fuhua/tenant.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "../../tui/common/width.h"

static void utf8_degenerate(void **s)
{
	(void)s;
	uint32_t cp;
	assert_int_equal(fh_utf8_decode("", 0, &cp), 0);
	assert_int_equal(fh_utf8_decode("\xE4\xB8", 2, &cp), 1); /* truncated */
	assert_int_equal(cp, 0xFFFD);
	assert_false(fh_utf8_valid("\xC0\xAF", 2));     /* overlong */
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
	static const struct {
		const char *in, *want;
	} cases[] = {
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

/* Nothing a terminal acts on leaves as it is, in any format: ESC, BEL, DEL,
 * C1 (U+009B is CSI to some terminals), bidirectional controls, bytes that
 * are not UTF-8. Line breaks stay line breaks where a format carries them. */
static void outputs_escape_controls(void **s)
{
	(void)s;
	const char *planted = "会议\x1b[2J\x07\x7f\xc2\x9b"
			      "31m\xe2\x80\xae"
			      "abc\xff";
	char out[128];
	assert_string_equal(fh_text_escape(out, sizeof out, planted),
			    "会议\\x1b[2J\\x07\\x7f\\u009b31m\\u202eabc\\xff");
	assert_string_equal(fh_text_escape(out, sizeof out, "a\nb"), "a\\x0ab");
	/* never half an escape at the end */
	assert_string_equal(fh_text_escape(out, 6,
					   "ab\x1b"
					   "cd"),
			    "ab");
	fh_buf b = FH_BUF_INIT;
	fh_text_escape_to(&b, "一\r\n二\t\r三", true);
	assert_string_equal(fh_buf_str(&b), "一\r\n二\t\\x0d三");
	fh_buf_free(&b);
	fh_buf_csv_cell(&b, planted);
	assert_string_equal(fh_buf_str(&b), "会议\\x1b[2J\\x07\\x7f\\u009b31m\\u202eabc\\xff");
	fh_buf_free(&b);
	/* a note of two lines stays one quoted cell of two lines; a formula
	 * after an escape is no longer one */
	fh_buf_csv_cell(&b, "第一行\n第二行");
	fh_buf_csv_cell(&b, "\x1b=1");
	assert_string_equal(fh_buf_str(&b), "\"第一行\n第二行\"\\x1b=1");
	fh_buf_free(&b);
	const char *row[] = { "a", "\x07", NULL };
	fh_buf_csv_row(&b, row, 3);
	assert_string_equal(fh_buf_str(&b), "a,\\x07,\r\n");
	fh_buf_free(&b);
	fh_buf_json_string(&b, planted);
	assert_string_equal(fh_buf_str(&b), "\"会议\\u001b[2J\\u0007\\u007f\\u009b31m\\u202eabc\\ufffd\"");
	fh_buf_free(&b);
	assert_true(fh_text_unsafe_cp(0x2066) && fh_text_unsafe_cp(0x9b) && fh_text_unsafe_cp(0x1b));
	assert_false(fh_text_unsafe_cp(0x3000) || fh_text_unsafe_cp(0x200b));
}

/* One rule for every free text: a bidirectional control is refused in a
 * title or a note as in a name; a note keeps its lines. */
static void one_rule_for_free_text(void **s)
{
	(void)s;
	assert_null(fh_text_field_problem("理事会\n第二行", true, false));
	assert_non_null(fh_text_field_problem("理事会\n第二行", false, false));
	assert_non_null(fh_text_field_problem("理事会\xe2\x80\xae会事理", false, false));
	assert_non_null(fh_text_field_problem("备注\xe2\x81\xa6", true, false));
	assert_non_null(fh_text_field_problem("\xe2\x80\x8b", false, true));
	assert_null(fh_text_field_problem("\xe2\x80\x8b", false, false));
	assert_non_null(fh_text_field_problem("\xc2\x9b", true, false));
}

/* Text helpers: a character that does not fit is cut before it, bidi
 * controls and visible characters found, the first bad UTF-8 byte. */
static void text_helpers(void **s)
{
	(void)s;
	char dst[8];
	assert_string_equal(fh_text_copy(dst, sizeof dst, ""), "");
	assert_string_equal(fh_text_copy(dst, sizeof dst, "静安区"), "静安");
	assert_false(fh_text_has_bidi_control("静安 abc"));
	assert_true(fh_text_has_bidi_control("a\xE2\x80\xAE"
					     "b")); /* U+202E */
	assert_false(fh_text_has_visible(""));
	assert_false(fh_text_has_visible(" \xE3\x80\x80")); /* spaces, an ideographic one */
	assert_true(fh_text_has_visible(" 甲"));
	size_t good = 0, bad = 0;
	assert_int_equal(fh_utf8_invalid_at("", 0, NULL, NULL), -1);
	assert_int_equal(fh_utf8_invalid_at("静安", 6, &good, &bad), -1);
	assert_int_equal(fh_utf8_invalid_at("ab\xFF"
					    "c",
					    4, &good, &bad),
			 2);
	assert_int_equal(bad, 1);
}

/* A word found by its identifier or its Chinese term, exactly. */
static void words_found(void **s)
{
	(void)s;
	static const char *const words[][2] = { { "passed", "合格" }, { "basic", "基本合格" } };
	assert_int_equal(fh_word_find(words, 2, "基本合格"), 1);
	assert_int_equal(fh_word_find(words, 2, "passed"), 0);
	assert_int_equal(fh_word_find(words, 2, "合格 "), -1);
	assert_int_equal(fh_word_find(words, 2, NULL), -1);
	assert_int_equal(fh_word_find(words, 0, "passed"), -1);
}

/* Fen as yuan with two decimals, negative amounts too (a refund). */
static void yuan_formatted(void **s)
{
	(void)s;
	char buf[32];
	assert_string_equal(fh_yuan_format(189100050, buf, sizeof buf), "1891000.50");
	assert_string_equal(fh_yuan_format(0, buf, sizeof buf), "0.00");
	assert_string_equal(fh_yuan_format(-5, buf, sizeof buf), "-0.05");
	assert_string_equal(fh_yuan_format(INT64_MIN, buf, sizeof buf), "-92233720368547758.08");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_degenerate),
		cmocka_unit_test(control_and_trim),
		cmocka_unit_test(width_fit),
		cmocka_unit_test(buf_csv_json),
		cmocka_unit_test(ascii_runs),
		cmocka_unit_test(outputs_escape_controls),
		cmocka_unit_test(one_rule_for_free_text),
		cmocka_unit_test(text_helpers),
		cmocka_unit_test(yuan_formatted),
		cmocka_unit_test(words_found),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
