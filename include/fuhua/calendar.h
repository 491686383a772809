/* fuhua — working days: Monday to Friday, less the configuration's days off,
 * plus the weekend days that are worked (China's 调休). Handover deadlines
 * and the party track's sync checks count in them. */
#ifndef FUHUA_CALENDAR_H
#define FUHUA_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/calendar_rules.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"

/* A hub's calendar, as `fuhua init` stored it. fh_calendar_free() it. On error
 * *out is empty: nothing to free. */
fh_status fh_calendar_load(fh_store *store, int64_t hub, fh_calendar *out, fh_error *err);
void fh_calendar_free(fh_calendar *cal);

/* Whether the day t falls on is a working day (cal NULL: Monday–Friday). */
bool fh_calendar_working(const fh_calendar *cal, int64_t t);
/* Whether the day t falls on is listed as a day off (the hub is closed:
 * no bookings). */
bool fh_calendar_off(const fh_calendar *cal, int64_t t);
/* Midnight of the day `days` working days after the day of t. */
int64_t fh_calendar_add(const fh_calendar *cal, int64_t t, int days);
/* 0 = Monday … 6 = Sunday, for the day t falls on in China time. */
int fh_weekday(int64_t t);

#endif
