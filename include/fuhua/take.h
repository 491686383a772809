/* fuhua — what people type, taken into values: a number, a text field.
 * One parser each and one message each, naming the field, for the
 * commands, the forms, the files and the records' setters (a date's is
 * fh_date_take, clock.h). */
#ifndef FUHUA_TAKE_H
#define FUHUA_TAKE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"

/* The one way a number is read from what people type, on the command
 * line, in a form or in a CSV file: ASCII digits only — no sign, no
 * spaces (a form or a file trims its fields before), no exponent — from
 * min to max. FH_OK with *out; else FH_EINVAL naming `field`, "'…' is not
 * a whole number from MIN to MAX", *out untouched. On error *out is unchanged. */
fh_status fh_int_take(const char *field, const char *text, long long min, long long max, long long *out, fh_error *err);
/* The largest record number a command or a field takes. */
#define FH_ID_MAX 999999999999LL
/* The same for a number with a fraction (hours: 1.5): digits, then a point
 * and at most `decimals` digits; "'…' is not a number from MIN to MAX". On
 * error *out is unchanged. */
fh_status fh_decimal_take(const char *field, const char *text, double min, double max, int decimals, double *out,
			  fh_error *err);

/* An amount in yuan, kept to the fen: digits, commas between groups of
 * three if any (1,891,000), then a point and one or two digits; from 0 to
 * max_fen. FH_OK with *fen; else FH_EINVAL naming `field`, "'…' is not an
 * amount in yuan from 0 to MAX (1234.56)". On error *fen is unchanged. */
fh_status fh_yuan_take(const char *field, const char *text, long long max_fen, int64_t *fen, fh_error *err);

/* A record's text field from what was typed: trimmed, checked as above, at
 * most max_chars characters and fitting dst (size bytes; text may be dst).
 * FH_EINVAL naming `field` with the reason otherwise, dst unchanged. An
 * empty text is fine here: whether the field is required is the record's. On
 * error dst is unchanged. */
fh_status fh_text_field_take(char *dst, size_t size, size_t max_chars, const char *text, bool multiline, bool is_name,
			     const char *field, fh_error *err);

#endif
