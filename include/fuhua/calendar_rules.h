/* fuhua — the calendar section of a hub's rules (holidays: in
 * fuhua-config(5)), owned by the calendar module: read by
 * core/calendar_config.c, kept in the database and read back by
 * core/calendar.c. Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_CALENDAR_RULES_H
#define FUHUA_CALENDAR_RULES_H

#include <stddef.h>
#include <stdint.h>

#define FH_CALENDAR_MAX 2000

/* Days off and weekend days worked (调休), midnight China time, sorted,
 * each list at most FH_CALENDAR_MAX days, owned by the struct. */
typedef struct fh_calendar {
	int64_t *off; /* holidays.off */
	size_t noff;
	int64_t *worked; /* holidays.worked: Saturdays and Sundays only */
	size_t nworked;
} fh_calendar;

#endif
