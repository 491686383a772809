/* fuhua — the clock. Tests fix it with FUHUA_NOW. */
#ifndef FUHUA_CLOCK_H
#define FUHUA_CLOCK_H

#include <stddef.h>
#include <stdint.h>

/* Seconds since the epoch: FUHUA_NOW when set (either seconds, or
 * "YYYY-MM-DD" / "YYYY-MM-DDTHH:MM[:SS]" in China Standard Time), else the system clock. */
int64_t fh_clock_now(void);

/* Formats t as "YYYY-MM-DD HH:MM" in UTC+8 (China Standard Time, which has
 * no daylight saving), the time people at every hub read. Returns buf. */
const char *fh_clock_format(int64_t t, char *buf, size_t size);
/* As fh_clock_format, the date only: "YYYY-MM-DD". */
const char *fh_clock_format_date(int64_t t, char *buf, size_t size);

#endif
