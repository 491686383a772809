/* fuhua tui — display width of UTF-8 text. */
#include "width.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "fuhua/text.h"

int fh_cp_width(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F)
		return 2; /* ^X */
	if (fh_text_unsafe_cp(cp))
		return 1; /* '?': C1 and bidirectional controls */
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	/* A locale without width tables: East Asian wide ranges by hand. */
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

int fh_str_width(const char *s)
{
	size_t len = strlen(s), i = 0;
	int w = 0;
	while (i < len) {
		uint32_t cp;
		i += fh_utf8_decode(s + i, len - i, &cp);
		w += fh_cp_width(cp);
	}
	return w;
}

/* Appends the drawn form of cp to out; returns bytes written or 0 if no room. */
static size_t put_cp(uint32_t cp, const char *src, size_t n, char *out, size_t room)
{
	char tmp[8];
	size_t len;
	if (cp < 0x20 || cp == 0x7F) {
		tmp[0] = '^';
		tmp[1] = cp == 0x7F ? '?' : (char)(cp + '@');
		len = 2;
	} else if (fh_text_unsafe_cp(cp) || fh_cp_width(cp) < 0) {
		tmp[0] = '?';
		len = 1;
	} else {
		memcpy(tmp, src, n);
		len = n;
	}
	if (len >= room)
		return 0;
	memcpy(out, tmp, len);
	return len;
}

int fh_str_fit(const char *s, int cols, char *out, size_t size)
{
	if (size == 0)
		return 0;
	out[0] = 0;
	if (cols <= 0)
		return 0;
	size_t len = strlen(s), i = 0, o = 0;
	int used = 0;
	bool cut = fh_str_width(s) > cols;
	int limit = cut ? cols - 1 : cols;
	while (i < len) {
		uint32_t cp;
		size_t n = fh_utf8_decode(s + i, len - i, &cp);
		int w = fh_cp_width(cp);
		if (used + w > limit)
			break;
		size_t put = put_cp(cp, s + i, n, out + o, size - o);
		if (!put) {
			cut = true;
			break;
		}
		o += put;
		used += w;
		i += n;
	}
	if (cut && o + 3 < size) {
		memcpy(out + o, "\xE2\x80\xA6", 3); /* … */
		o += 3;
		used += 1;
	}
	out[o] = 0;
	return used;
}

int fh_str_pad(const char *s, int cols, char *out, size_t size)
{
	int used = fh_str_fit(s, cols, out, size);
	size_t o = strlen(out);
	while (used < cols && o + 1 < size) {
		out[o++] = ' ';
		used++;
	}
	out[o] = 0;
	return used;
}
