/* fuhua core — pinyin order with ICU's Chinese collator. */
#include "collate.h"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/ustring.h>

static UCollator *collator;
static int opened; /* 0 not tried, 1 open, -1 failed */

static UCollator *zh(void)
{
	if (!opened) {
		UErrorCode e = U_ZERO_ERROR;
		collator = ucol_open("zh", &e); /* zh's default: pinyin */
		opened = U_SUCCESS(e) && collator ? 1 : -1;
	}
	return opened == 1 ? collator : NULL;
}

size_t fh_collate_key(const char *utf8, unsigned char *out, size_t size)
{
	UChar u[512];
	int32_t ulen = 0;
	UErrorCode e = U_ZERO_ERROR;
	UCollator *c = zh();
	if (c && size > 0)
		u_strFromUTF8Lenient(u, (int32_t)(sizeof u / sizeof u[0]), &ulen, utf8, -1, &e);
	if (!c || size == 0 || (U_FAILURE(e) && e != U_BUFFER_OVERFLOW_ERROR)) {
		size_t n = strlen(utf8);
		n = n < size ? n : size;
		memcpy(out, utf8, n);
		return n;
	}
	if (ulen > (int32_t)(sizeof u / sizeof u[0]))
		ulen = (int32_t)(sizeof u / sizeof u[0]);
	int32_t need = ucol_getSortKey(c, u, ulen, out, (int32_t)size);
	/* a key longer than size is cut, as ICU documents: names sharing that
	 * much of a key are then ordered by id */
	return need > (int32_t)size ? size : (size_t)(need > 0 ? need - 1 : 0); /* without its NUL */
}
