/* fuhua — UTF-8 text: decoding, counting, checking. Display width lives in
 * the terminal program; these functions need no locale. */
#ifndef FUHUA_TEXT_H
#define FUHUA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/buf.h"
#include "fuhua/error.h"

/* Decodes one UTF-8 character at s (at most len bytes). Stores the code point
 * in *cp and returns the number of bytes used (1–4). An invalid or truncated
 * sequence yields U+FFFD and 1 byte, so that callers always advance. */
size_t fh_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* The offset of the first byte of s that is not UTF-8, or -1. With bad
 * (and good) not NULL, reads to the end counting the invalid bytes and the
 * valid multibyte characters (to tell UTF-8 with a bad byte from GB18030). */
long fh_utf8_invalid_at(const char *s, size_t len, size_t *good, size_t *bad);
/* Whether s is valid UTF-8 (no overlongs, no surrogates). */
bool fh_utf8_valid(const char *s, size_t len);

/* Characters (code points) in a NUL-terminated UTF-8 string. */
size_t fh_utf8_chars(const char *s);
/* The runs of 3 or more printable ASCII characters of s (a search text:
 * parts end at U+001F), each followed by U+001F, into out (a trigram index
 * holds these only). */
void fh_text_ascii_runs(const char *s, fh_buf *out);

/* Whether s holds a C0/C1 control character or DEL (tab and newline count). */
bool fh_text_has_control(const char *s);

/* Whether s holds a bidirectional embedding, override or isolate
 * (U+202A–U+202E, U+2066–U+2069): text that reads differently than it is. */
bool fh_text_has_bidi_control(const char *s);
/* Whether s has a character one can see: not only spaces and invisible
 * characters (U+200B–U+200D, U+2060, U+FEFF, U+00AD, U+3000). */
bool fh_text_has_visible(const char *s);
/* Copies src into dst (size bytes, always terminated) with every C0/C1
 * control character and DEL written as \xNN (C1 as \u0080…), so that no
 * text from a file or a record can drive a terminal. Returns dst. */
char *fh_text_escape(char *dst, size_t size, const char *src);
/* Copies src into dst (size bytes) with leading and trailing ASCII and
 * ideographic (U+3000) spaces removed; never cuts a character. Returns dst. */
char *fh_text_trim(char *dst, size_t size, const char *src);

/* Why a record's text field cannot take `text`, or NULL when it can: not
 * UTF-8, a control character (but newline and tab when `multiline`), and
 * for a name a bidirectional override or nothing visible. Untranslated
 * (N_), for the caller's message. */
const char *fh_text_field_problem(const char *text, bool multiline, bool is_name);

/* A record's text field from what was typed: trimmed, checked as above, at
 * most max_chars characters and fitting dst (size bytes; text may be dst).
 * FH_EINVAL naming `field` with the reason otherwise, dst unchanged. An
 * empty text is fine here: whether the field is required is the record's. */
fh_status fh_text_field_take(char *dst, size_t size, size_t max_chars, const char *text,
			     bool multiline, bool is_name, const char *field, fh_error *err);

#endif
