/* fuhua core — UTF-8 text. */
#include "fuhua/text.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

size_t fh_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	*cp = 0xFFFD;
	if (len == 0)
		return 0;
	unsigned c = s[0];
	size_t need;
	uint32_t v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		need = 2, v = c & 0x1F, min = 0x80;
	} else if ((c & 0xF0) == 0xE0) {
		need = 3, v = c & 0x0F, min = 0x800;
	} else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
		need = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 1;
	}
	if (len < need)
		return 1;
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 1;
	*cp = v;
	return need;
}

/* Whether the character decoded at s (n bytes) is an invalid sequence
 * rather than a real U+FFFD. */
static bool invalid(const char *s, size_t n, uint32_t cp)
{
	return cp == 0xFFFD && !(n == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0);
}

long fh_utf8_invalid_at(const char *s, size_t len, size_t *good, size_t *bad)
{
	size_t i = 0;
	long first = -1;
	while (i < len) {
		uint32_t cp;
		size_t n = fh_utf8_decode(s + i, len - i, &cp);
		if (invalid(s + i, n, cp)) {
			if (first < 0)
				first = (long)i;
			if (!bad)
				return first;
			(*bad)++;
		} else if (n > 1 && good) {
			(*good)++;
		}
		i += n;
	}
	return first;
}

bool fh_utf8_valid(const char *s, size_t len)
{
	return fh_utf8_invalid_at(s, len, NULL, NULL) < 0;
}

size_t fh_utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Whether any character of s satisfies is(). */
static bool any(const char *s, bool (*is)(uint32_t cp))
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		uint32_t cp;
		i += fh_utf8_decode(s + i, len - i, &cp);
		if (is(cp))
			return true;
	}
	return false;
}

static bool is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

static bool is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static bool is_visible(uint32_t cp)
{
	return !(cp == ' ' || cp == '\t' || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF ||
		 cp == 0x00AD || cp == 0x3000 || cp == 0x00A0);
}

bool fh_text_has_control(const char *s)
{
	return any(s, is_control);
}

static size_t space_at(const char *s, size_t len)
{
	if (len >= 1 && (s[0] == ' ' || s[0] == '\t'))
		return 1;
	if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

char *fh_text_trim(char *dst, size_t size, const char *src)
{
	size_t len = strlen(src), start = 0, end = len, k;
	while (start < len && (k = space_at(src + start, len - start)))
		start += k;
	while (end > start) {
		if (src[end - 1] == ' ' || src[end - 1] == '\t')
			end--;
		else if (end - start >= 3 && memcmp(src + end - 3, "\xE3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	size_t n = end - start;
	if (size == 0)
		return dst;
	if (n >= size) { /* do not cut a character */
		n = size - 1;
		while (n > 0 && ((unsigned char)src[start + n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src + start, n);
	dst[n] = 0;
	return dst;
}

bool fh_text_has_bidi_control(const char *s)
{
	return any(s, is_bidi_control);
}

bool fh_text_has_visible(const char *s)
{
	return any(s, is_visible);
}

/* A character no output shows as it is: it would move, recolour or
 * reorder what a terminal shows. */
static bool is_unsafe(uint32_t cp)
{
	return is_control(cp) || is_bidi_control(cp);
}

bool fh_text_unsafe_cp(uint32_t cp)
{
	return is_unsafe(cp);
}

/* The character at s[i] (len bytes in all) as it is shown: itself (*n
 * bytes from s + i), or its escape in esc. *k gets the bytes it takes. */
static const char *shown(const char *s, size_t len, size_t i, bool lines, char esc[12], size_t *n, size_t *k)
{
	uint32_t cp;
	*k = fh_utf8_decode(s + i, len - i, &cp);
	*n = *k;
	bool keep = lines && (cp == '\n' || cp == '\t' || (cp == '\r' && i + 1 < len && s[i + 1] == '\n'));
	if (cp == 0xFFFD && *k == 1 && (unsigned char)s[i] >= 0x80)
		*n = (size_t)snprintf(esc, 12, "\\x%02x", (unsigned char)s[i]);
	else if (is_unsafe(cp) && !keep)
		*n = (size_t)snprintf(esc, 12, cp < 0x80 ? "\\x%02x" : "\\u%04x", (unsigned)cp);
	else
		return s + i;
	return esc;
}

char *fh_text_copy(char *dst, size_t size, const char *src)
{
	if (!size)
		return dst;
	size_t n = strlen(src);
	if (n >= size) {
		n = size - 1;
		while (n && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--; /* src[n], the first byte left out, starts a character */
	}
	memmove(dst, src, n);
	dst[n] = 0;
	return dst;
}

char *fh_text_escape(char *dst, size_t size, const char *src)
{
	size_t len = strlen(src), i = 0, used = 0;
	if (!size)
		return dst;
	while (i < len) {
		char esc[12];
		size_t n, k;
		const char *piece = shown(src, len, i, false, esc, &n, &k);
		if (used + n >= size)
			break;
		memcpy(dst + used, piece, n);
		used += n;
		i += k;
	}
	dst[used] = 0;
	return dst;
}

void fh_text_escape_to(fh_buf *b, const char *s, bool lines)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		char esc[12];
		size_t n, k;
		const char *piece = shown(s, len, i, lines, esc, &n, &k);
		fh_buf_add(b, piece, n);
		i += k;
	}
}

void fh_buf_json_string(fh_buf *b, const char *s)
{
	if (!s) {
		fh_buf_puts(b, "null");
		return;
	}
	size_t len = strlen(s), i = 0;
	fh_buf_add(b, "\"", 1);
	while (i < len) {
		uint32_t cp;
		size_t k = fh_utf8_decode(s + i, len - i, &cp);
		switch (cp) {
		case '"': fh_buf_puts(b, "\\\""); break;
		case '\\': fh_buf_puts(b, "\\\\"); break;
		case '\n': fh_buf_puts(b, "\\n"); break;
		case '\r': fh_buf_puts(b, "\\r"); break;
		case '\t': fh_buf_puts(b, "\\t"); break;
		default:
			if (is_unsafe(cp) || (cp == 0xFFFD && k == 1))
				fh_buf_printf(b, "\\u%04x", (unsigned)cp);
			else
				fh_buf_add(b, s + i, k);
		}
		i += k;
	}
	fh_buf_add(b, "\"", 1);
}

void fh_buf_csv_cell(fh_buf *b, const char *s)
{
	if (!s)
		s = "";
	size_t len = strlen(s), i = 0, n, k;
	char esc[12];
	/* the cell as shown starts a formula, or holds what needs quotes */
	const char *first = len ? shown(s, len, 0, true, esc, &n, &k) : "";
	bool formula = len && strchr("=+-@\t\r", first[0]);
	bool quote = formula || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		fh_buf_add(b, formula ? "\"'" : "\"", formula ? 2 : 1);
	while (i < len) {
		/* a run of characters shown as they are, added at once */
		size_t run = i;
		while (i < len) {
			unsigned char ch = (unsigned char)s[i];
			if (ch >= 0x20 && ch < 0x7F && ch != '"') {
				i++;
				continue;
			}
			uint32_t cp;
			size_t kk = ch >= 0x80 ? fh_utf8_decode(s + i, len - i, &cp) : 0;
			if (!kk || (cp == 0xFFFD && kk == 1) || is_unsafe(cp))
				break;
			i += kk;
		}
		fh_buf_add(b, s + run, i - run);
		if (i == len)
			break;
		const char *piece = shown(s, len, i, true, esc, &n, &k);
		if (piece == s + i && *piece == '"')
			fh_buf_add(b, "\"\"", 2);
		else
			fh_buf_add(b, piece, n);
		i += k;
	}
	if (quote)
		fh_buf_add(b, "\"", 1);
}

void fh_buf_csv_row(fh_buf *b, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fh_buf_add(b, ",", 1);
		fh_buf_csv_cell(b, cells[i]);
	}
	fh_buf_add(b, "\r\n", 2);
}

const char *fh_text_field_problem(const char *text, bool multiline, bool is_name)
{
	if (!fh_utf8_valid(text, strlen(text)))
		return N_("is not valid UTF-8 text (a file in another encoding?)");
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		if ((*p < 0x20 && !(multiline && (*p == '\n' || *p == '\t' || *p == '\r'))) || *p == 0x7F ||
		    (p[0] == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0)) /* C1 controls */
			return N_("contains a control character");
	if (fh_text_has_bidi_control(text)) /* every field: a title or a note as much as a name */
		return N_("contains a bidirectional override (text that reads otherwise than it is)");
	if (is_name && text[0] && !fh_text_has_visible(text))
		return N_("has no visible character (only spaces or invisible characters)");
	return NULL;
}


void fh_text_ascii_runs(const char *s, fh_buf *out)
{
	size_t start = 0, i = 0;
	for (;; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F)
			continue;
		if (i - start >= 3) {
			fh_buf_add(out, s + start, i - start);
			fh_buf_add(out, "\x1f", 1);
		}
		if (!c)
			break;
		start = i + 1;
	}
}

char *fh_yuan_format(int64_t fen, char *dst, size_t size)
{
	unsigned long long a = fen < 0 ? 0ULL - (unsigned long long)fen : (unsigned long long)fen;
	snprintf(dst, size, "%s%llu.%02llu", fen < 0 ? "-" : "", a / 100, a % 100);
	return dst;
}

int fh_word_find(const char *const (*words)[2], int n, const char *text)
{
	for (int i = 0; text && i < n; i++)
		if (strcmp(text, words[i][0]) == 0 || strcmp(text, words[i][1]) == 0)
			return i;
	return -1;
}
