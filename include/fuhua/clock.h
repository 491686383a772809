/* fuhua — the clock. Tests fix it with FUHUA_NOW. */
#ifndef FUHUA_CLOCK_H
#define FUHUA_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"

/* Seconds since the epoch: FUHUA_NOW when set (either seconds, or
 * "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM[:SS]" in China Standard Time), else the system clock. */
int64_t fh_clock_now(void);

/* Formats t as "YYYY-MM-DD HH:MM" in UTC+8 (China Standard Time, which has
 * no daylight saving), the time people at every hub read. Returns buf. */
const char *fh_clock_format(int64_t t, char *buf, size_t size);
/* As fh_clock_format, the date only: "YYYY-MM-DD". */
const char *fh_clock_format_date(int64_t t, char *buf, size_t size);

/* Parses a date as people write it (2024-03-05, 2024/3/5, 2024.3.5,
 * 2024年3月5日) into "YYYY-MM-DD" (out ≥ 11 bytes); false if it is none,
 * not a real day, or outside 1970–2999 (fuhua counts days from 1970). */
bool fh_date_parse(const char *in, char out[11]);
/* The one way a date is taken from what people type, on the command line,
 * in a form or a file: as fh_date_parse. FH_OK with out and *day (its
 * midnight China time; day may be NULL); else FH_EINVAL naming `field`:
 * "'…' is not a date from 1970 to 2999 (YYYY-MM-DD)". On error out and *day are
 * unchanged. */
fh_status fh_date_take(const char *field, const char *text, char out[11], int64_t *day, fh_error *err);
/* Midnight China time of a "YYYY-MM-DD" date, as seconds since the epoch. */
int64_t fh_date_epoch(const char *ymd);
/* Midnight China time of the day t falls on: the whole days that due dates,
 * sync checks and lateness are counted in. */
int64_t fh_clock_day(int64_t t);
/* t plus `months` calendar months, the day clamped to the month's end
 * (2024-01-31 + 1 month = 2024-02-29): the one month rule of every due date,
 * planned end and extension. */
int64_t fh_clock_add_months(int64_t t, int months);

#endif
