/* fuhua tests — pinyin.h: the initials a name is searched by — nothing
 * for nothing, every reading of a polyphone up to eight, letters and
 * digits kept, the rest dropped, never past the buffer. Degenerate cases
 * first. */
#include "helpers.h"

#include "fuhua/pinyin.h"

/* Nothing gives nothing; a buffer too small for a reading is cut, ended. */
static void nothing_and_small(void **s)
{
	(void)s;
	char out[256], tiny[3];
	assert_string_equal(fh_pinyin_initials("", out, sizeof out), "");
	assert_true(fh_pinyin_initials("静安青凤", tiny, sizeof tiny) == tiny);
	assert_true(strlen(tiny) < sizeof tiny);
	assert_int_equal(strncmp(tiny, "ja", strlen(tiny)), 0);
}

static void pinyin(void **s)
{
	(void)s;
	char out[256];
	assert_string_equal(fh_pinyin_initials("静安青凤", out, sizeof out), "jaqf");
	assert_string_equal(fh_pinyin_initials("闵行", out, sizeof out), "mx mh");
	assert_string_equal(fh_pinyin_initials("ABC公益３", out, sizeof out), "abcgy3");
	assert_string_equal(fh_pinyin_initials("·《》", out, sizeof out), "");
	/* many polyphones: at most 8 readings */
	fh_pinyin_initials("行长行长行长行长", out, sizeof out);
	int spaces = 0;
	for (char *p = out; *p; p++)
		spaces += *p == ' ';
	assert_true(spaces <= 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pinyin),
	};
	return cmocka_run_group_tests_name("pinyin", tests, NULL, NULL);
}
