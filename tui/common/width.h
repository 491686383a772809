/* fuhua tui — display width of UTF-8 text (no curses: unit-testable). */
#ifndef FUHUA_TUI_WIDTH_H
#define FUHUA_TUI_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns a code point takes: 0, 1 or 2. Control characters count 2 (shown
 * as ^X); unknown or unprintable ones count 1 (shown as '?'). */
int fh_cp_width(uint32_t cp);

/* Columns the UTF-8 string takes when drawn. */
int fh_str_width(const char *s);

/* Copies into out (size bytes) the longest prefix of s that fits in `cols`
 * columns, never cutting a character; when s is longer, the last column holds
 * '…'. Control characters become ^X. Returns the columns used (≤ cols). */
int fh_str_fit(const char *s, int cols, char *out, size_t size);

/* As fh_str_fit, then pads with spaces to exactly `cols` columns (a wide
 * character that would straddle the edge becomes a space). */
int fh_str_pad(const char *s, int cols, char *out, size_t size);

#endif
