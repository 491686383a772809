/* fuhua tests — buf.h: the growing buffer and array — empty reads as an
 * empty string, text and bytes appended and formatted, an array grown a
 * row at a time. Degenerate cases first. */
#include "helpers.h"

#include "fuhua/buf.h"

static void vprintf_into(fh_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fh_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Empty is ""; text, bytes and formats appended in order, Chinese whole;
 * freed and empty again. */
static void buffers_grow(void **s)
{
	(void)s;
	fh_buf b = FH_BUF_INIT;
	assert_string_equal(fh_buf_str(&b), "");
	fh_buf_puts(&b, "");
	fh_buf_add(&b, "", 0);
	assert_string_equal(fh_buf_str(&b), "");
	vprintf_into(&b, "%s·%d", "静安", 3);
	vprintf_into(&b, "%s", "");
	fh_buf_puts(&b, "，");
	fh_buf_add(&b, "共和新路xyz", strlen("共和新路"));
	fh_buf_printf(&b, "%05.1f", 2.5);
	assert_string_equal(fh_buf_str(&b), "静安·3，共和新路002.5");
	fh_buf_free(&b);
	assert_string_equal(fh_buf_str(&b), "");
	fh_buf_free(&b);
}

/* An array grown a row at a time keeps every row. */
static void arrays_grow(void **s)
{
	(void)s;
	int *rows = NULL;
	size_t cap = 0;
	for (size_t n = 0; n < 100; n++) {
		assert_true(fh_grow(&rows, &cap, n, sizeof *rows));
		rows[n] = (int)n;
	}
	assert_true(cap >= 100);
	for (int i = 0; i < 100; i++)
		assert_int_equal(rows[i], i);
	free(rows);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buffers_grow),
		cmocka_unit_test(arrays_grow),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
