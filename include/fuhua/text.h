/* fuhua — UTF-8 text: decoding, counting, checking. Display width lives in
 * the terminal program; these functions need no locale. */
#ifndef FUHUA_TEXT_H
#define FUHUA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/buf.h"

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
/* Text from a file or a record never drives a terminal: every character
 * one would act on — C0 controls, DEL, C1 controls (U+009B is CSI to some
 * terminals), bidirectional controls (U+202A–U+202E, U+2066–U+2069) — is
 * shown as an escape (\x1b, \u009b, \u202e), and so is a byte that is not
 * UTF-8 (\xff). Every output uses these: the table and the screens, CSV,
 * JSON, iCalendar.
 *
 * Whether code point cp is one of those characters (the one definition:
 * the screens draw C0 as ^X and the others as ?). */
bool fh_text_unsafe_cp(uint32_t cp);
/* Copies src into dst (size bytes, always terminated), cut before a
 * character that does not fit whole (a quicker snprintf("%s")). Returns dst. */
char *fh_text_copy(char *dst, size_t size, const char *src);
/* The index of text among n pairs of words (an identifier and its Chinese
 * term: { "passed", "合格" }), matching either exactly; -1 for none. */
int fh_word_find(const char *const (*words)[2], int n, const char *text);
/* An amount in fen as yuan with two decimals ("1891.50", "-0.05") into
 * dst (size ≥ 24 always fits). Returns dst. */
char *fh_yuan_format(int64_t fen, char *dst, size_t size);
/* Copies src into dst (size bytes, always terminated), escaped as above;
 * never cuts an escape or a character. Returns dst. */
char *fh_text_escape(char *dst, size_t size, const char *src);
/* Appends s to b escaped as above; with `lines`, line breaks and tabs stay
 * as they are (\n, \t, and \r before \n), for a format that carries them
 * (a CSV cell, an iCalendar text). */
void fh_text_escape_to(fh_buf *b, const char *s, bool lines);
/* Appends s as a JSON string, quotes included, every character above
 * escaped as \uNNNN (a byte that is not UTF-8 as \ufffd); NULL appends
 * null. */
void fh_buf_json_string(fh_buf *b, const char *s);
/* Appends s as one CSV cell (quoted when needed), escaped as above but for
 * its line breaks. A cell starting with = + - @, tab or carriage return is
 * prefixed with ' so that spreadsheets do not run it as a formula. */
void fh_buf_csv_cell(fh_buf *b, const char *s);
/* A record of CSV cells and its CRLF: the one way fuhua writes CSV. */
void fh_buf_csv_row(fh_buf *b, const char *const *cells, size_t n);
/* Copies src into dst (size bytes) with leading and trailing ASCII and
 * ideographic (U+3000) spaces removed; never cuts a character. Returns dst. */
char *fh_text_trim(char *dst, size_t size, const char *src);

/* Why a text field cannot take `text`, or NULL when it can — the one rule
 * for every free text, of a record, a reason or the configuration: not
 * UTF-8, a control character (but newline and tab when `multiline`), a
 * bidirectional control, and for a name nothing visible. Untranslated (N_),
 * for the caller's message. */
const char *fh_text_field_problem(const char *text, bool multiline, bool is_name);

#endif
