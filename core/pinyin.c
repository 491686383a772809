/* fuhua core — pinyin initials of Chinese names, for search as front desks
 * type it: 静安青凤 → "jaqf". The table is generated at build time from
 * Unihan (see core/pinyin-gen.awk). */
#include <stdint.h>
#include <string.h>

#include "fuhua/pinyin.h"
#include "fuhua/text.h"
#include "pinyin_table.h"

#define MAX_VARIANTS 8

static uint32_t lookup(uint32_t cp)
{
	size_t lo = 0, hi = sizeof pinyin_table / sizeof pinyin_table[0];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pinyin_table[mid].cp == cp)
			return pinyin_table[mid].initials;
		if (pinyin_table[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The letters a character contributes: ASCII letters and digits (full-width
 * ones too) as themselves, a Han character its readings' initials. */
static int letters_of(uint32_t cp, char out[27])
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0; /* full-width ASCII */
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp >= 'A' && cp <= 'Z') {
		out[0] = (char)(cp - 'A' + 'a');
		return 1;
	}
	uint32_t v = lookup(cp);
	if (!v)
		return 0;
	int n = 0, main = (int)(v >> 26);
	if (main)
		out[n++] = (char)('a' + main - 1);
	for (int i = 0; i < 26; i++)
		if ((v & (1u << i)) && i + 1 != main)
			out[n++] = (char)('a' + i);
	return n;
}

const char *fh_pinyin_initials(const char *name, char *out, size_t size)
{
	/* Each variant is one reading of the whole name, one letter per
	 * character; a polyphone multiplies them until MAX_VARIANTS, after which
	 * only its main reading counts. */
	char var[MAX_VARIANTS][128];
	size_t nvar = 1, len = 0;
	size_t n = name ? strlen(name) : 0;
	for (size_t i = 0; i < n && len + 1 < sizeof var[0];) {
		uint32_t cp;
		i += fh_utf8_decode(name + i, n - i, &cp);
		char l[27];
		size_t k = (size_t)letters_of(cp, l), was = nvar;
		if (k == 0)
			continue;
		if (k > 1 && nvar * k <= MAX_VARIANTS)
			for (size_t j = 1; j < k; j++)
				for (size_t v = 0; v < was; v++) {
					memcpy(var[nvar], var[v], len);
					var[nvar++][len] = l[j];
				}
		for (size_t v = 0; v < was; v++)
			var[v][len] = l[0];
		len++;
	}
	size_t used = 0;
	if (size)
		out[0] = 0;
	for (size_t v = 0; len && v < nvar && used + len + 1 < size; v++) {
		if (used)
			out[used++] = ' ';
		memcpy(out + used, var[v], len);
		used += len;
		out[used] = 0;
	}
	return out;
}
