/* fuhua — bookings of meeting and activity rooms by the hour, by tenants or
 * the hub itself: inside the hub's opening hours, never two on the same
 * room at once (checked and written in one BEGIN IMMEDIATE transaction),
 * a tenant's hours per week capped, weekly repeats that book every free
 * date and keep the others to retry, approval where a room asks for it,
 * and an iCalendar export (RFC 5545). */
#ifndef FUHUA_BOOKING_H
#define FUHUA_BOOKING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/buf.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"

typedef enum fh_booking_state {
	FH_BOOKING_PENDING, /* holds the room until a manager approves it */
	FH_BOOKING_CONFIRMED,
	FH_BOOKING_CANCELLED,
	FH_BOOKING_SKIPPED, /* a date of a weekly repeat that could not be booked */
	FH_BOOKING_STATE_COUNT
} fh_booking_state;

/* A state's identifier ("pending"), as stored and in CSV and JSON; "?" for
 * a value out of range. */
const char *fh_booking_state_name(fh_booking_state state);

#define FH_BOOKING_TITLE_MAX 40 /* characters */

typedef struct fh_booking {
	int64_t id, version, space_id, tenant_id, hub_id;
	int64_t series; /* the weekly repeat it belongs to, 0 if none */
	char space_code[33], space_name[96], hub_code[33];
	char who[128]; /* the tenant, or the hub's name for the hub's own */
	char title[FH_BOOKING_TITLE_MAX * 4 + 1];
	int64_t starts, ends; /* seconds since the epoch */
	fh_booking_state state;
	char why[256]; /* a skipped date: what was in the way */
} fh_booking;

typedef struct fh_booking_req {
	int64_t space_id;
	int64_t tenant_id;    /* 0: the hub itself (no cap) */
	int64_t starts, ends; /* one day, within opening hours, on the quarter hour */
	const char *title;
	int weeks; /* 1: once; 2–52: the same hours every week */
} fh_booking_req;

typedef struct fh_booking_result {
	int64_t first;  /* the first date's booking */
	int64_t series; /* 0 for a single booking */
	int booked, pending, skipped;
} fh_booking_result;

/* Books. A single booking in the way, over the cap or on a day off is
 * refused (FH_ECONFLICT naming the booking in the way, or the hours);
 * a weekly repeat books every date it can and keeps the others as skipped
 * bookings, each with why, to retry later. On error *res is zeroed: nothing was
 * booked. */
fh_status fh_booking_add(fh_store *store, const fh_actor *actor, const fh_booking_req *req, fh_booking_result *res,
			 fh_error *err);
/* Tries a skipped date again. These three: FH_OK, FH_ECONFLICT (something
 * in the way, or the booking not in the state the step starts from),
 * FH_EDENIED, FH_ENOTFOUND, or the database's error; nothing changes on
 * error. */
fh_status fh_booking_retry(fh_store *store, const fh_actor *actor, int64_t id, fh_error *err);
fh_status fh_booking_cancel(fh_store *store, const fh_actor *actor, int64_t id, fh_error *err);
/* A manager confirms a pending booking; errors as fh_booking_retry. */
fh_status fh_booking_approve(fh_store *store, const fh_actor *actor, int64_t id, fh_error *err);
/* How many of the tenant's bookings start at `from` or later (pending,
 * confirmed and skipped dates), in *n: FH_OK, or the database's error. On error
 * *n is 0. */
fh_status fh_booking_ahead(fh_store *store, int64_t tenant, int64_t from, int *n, fh_error *err);
/* An exit: every booking of the tenant from `from` on is cancelled, each
 * audited, in the caller's transaction; *cancelled says how many. On error
 * *cancelled is not to be used (the caller's transaction undoes what was done). */
fh_status fh_booking_cancel_tenant(fh_store *store, const fh_actor *actor, int64_t tenant, int64_t from, int *cancelled,
				   fh_error *err);

/* The conflict check alone: FH_OK if nothing holds the room in [starts,
 * ends) (booking `except` aside), FH_ECONFLICT with the first booking in
 * the way in *in_way (may be NULL) and err naming it. On FH_ECONFLICT *in_way
 * is the booking in the way; on any other error it is unchanged. */
fh_status fh_booking_conflict(fh_store *store, int64_t space, int64_t starts, int64_t ends, int64_t except,
			      fh_booking *in_way, fh_error *err);

typedef struct fh_booking_filter {
	const char *hub_code;                /* NULL: the actor's scope; else that hub and those below it */
	bool own_hub;                        /* hub_code's own rooms only, not those below it */
	int64_t space_id, tenant_id, series; /* 0: any */
	int64_t from, to;                    /* starts in [from, to); 0: no bound */
	bool pending;                        /* only bookings waiting for approval */
	bool skipped;                        /* only skipped dates */
} fh_booking_filter;

/* Bookings holding a room (pending and confirmed; or those the filter
 * asks for), by start. The caller frees *rows. On error *rows is NULL and *n 0:
 * nothing to free. fh_booking_get: on error *out is not to be used. */
fh_status fh_booking_list(fh_store *store, const fh_actor *actor, const fh_booking_filter *f, fh_booking **rows,
			  size_t *n, fh_error *err);
fh_status fh_booking_get(fh_store *store, const fh_actor *actor, int64_t id, fh_booking *out, fh_error *err);

/* The bookings the filter selects as an iCalendar file (RFC 5545: CRLF,
 * lines folded at 75 octets between characters, text escaped, times in
 * UTC). On error nothing is added to out. */
fh_status fh_booking_ics(fh_store *store, const fh_actor *actor, const fh_booking_filter *f, fh_buf *out,
			 fh_error *err);

typedef struct fh_room_use {
	int64_t space_id;
	char code[33], name[96], hub_code[33];
	int opens, closes; /* the hub's hours, minutes after midnight */
	int booked_min;    /* confirmed and pending in the week */
	int open_min;      /* opening hours of the week's open days */
} fh_room_use;

/* The booked share of a room's opening hours, per cent; 0 when it does
 * not open. */
double fh_room_use_rate(const fh_room_use *u);

/* Each bookable room's use in the week starting on Monday `week` (any day
 * of it will do), by hub and code. On error *rows is NULL and *n 0: nothing to
 * free. */
fh_status fh_booking_use(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t week, fh_room_use **rows,
			 size_t *n, fh_error *err);

typedef struct fh_room_hours {
	char hub_code[33];
	int rooms;       /* its meeting and activity rooms (not retired) */
	int bookings;    /* confirmed, starting in the period */
	double booked_h; /* their hours */
	double open_h;   /* the rooms' opening hours on the days the hub is open */
} fh_room_hours;

/* Per hub of the scope (hub_code, NULL: the actor's) with a bookable
 * room: its rooms' confirmed bookings that start in [from, to) and their
 * hours, beside the rooms' opening hours on the days of [from, to) its
 * calendar keeps open; hubs in code order. On error *rows is NULL and *n
 * 0: nothing to free. */
fh_status fh_booking_hours(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t from, int64_t to,
			   fh_room_hours **rows, size_t *n, fh_error *err);

/* The Monday of the week `t` falls in, midnight China time. */
int64_t fh_week_start(int64_t t);

/* The most seats allocated on any day from `day` on (or 1 for a room
 * booked from then on), in *peak, and the first tenant holding them: what
 * `fuhua init` checks before shrinking or retiring a space. FH_OK, or the
 * database's error (then nothing may be shrunk or retired). On error *peak or
 * holder is not to be used. */
fh_status fh_space_peak_from(fh_store *store, int64_t space_id, int64_t day, int *peak, char *holder, size_t size,
			     fh_error *err);

#endif
