/* fuhua — spaces: allocation of offices and desks to tenants that can never
 * double-book, release and handover, fees after the free period, the
 * waiting list, and occupancy per hub and up the tree.
 *
 * Dates are whole days: midnight China time (fh_clock_day), and an
 * allocation's last day is inclusive. Handing a space over on the day
 * another allocation starts is allowed: one ends on the 14th, the next
 * starts on the 15th. */
#ifndef FUHUA_SPACE_H
#define FUHUA_SPACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/config.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"

/* Offices, desk areas and showcases are allocated for months; meeting and
 * activity rooms are booked by the hour (booking.h). */
bool fh_space_type_allocated(fh_space_type type);
/* A whole space goes to one tenant (office, showcase); a desk area by seats. */
bool fh_space_type_whole(fh_space_type type);

typedef struct fh_space {
	int64_t id, hub_id;
	char hub_code[33];
	char code[33];
	char name[96];
	fh_space_type type;
	int floor;
	double area;
	int seats;
	bool approval; /* bookings wait for a manager */
	/* on the day asked: */
	int seats_used;   /* allocated (a whole space: all its seats) */
	int holders;      /* allocations running that day */
	char holder[128]; /* the first tenant holding it, by name */
} fh_space;

/* The spaces of hub `hub_code` (NULL: the actor's hub and every hub below
 * it), by hub, floor and code, with their use on `day`. The caller frees
 * *rows. On error *rows is NULL and *n 0: nothing to free. */
fh_status fh_space_list(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t day, fh_space **rows,
			size_t *n, fh_error *err);
/* One space by code within the actor's scope: "A2", or "ja-dn/A2" when the
 * code is used by more than one hub. On error *out is not to be used. */
fh_status fh_space_find(fh_store *store, const fh_actor *actor, const char *ref, int64_t day, fh_space *out,
			fh_error *err);

typedef struct fh_allocation {
	int64_t id, version;
	int64_t space_id, tenant_id, hub_id;
	char space_code[33], space_name[96], hub_code[33];
	fh_space_type type;
	double area;
	int space_seats;
	char tenant[128];
	int seats;
	int64_t start_on, end_on; /* inclusive */
	int64_t free_until;       /* the last free day; 0 = never free */
	int64_t released_on;      /* 0 while it runs to its end */
	int64_t handover_due;     /* 0 = nothing to hand back */
	int64_t handed_on;        /* the day the space was handed back, 0 = not yet */
} fh_allocation;

typedef struct fh_allocation_req {
	int64_t space_id, tenant_id;
	int seats;    /* a desk area: 1 … its seats; ignored for a whole space */
	int64_t from; /* 0 = today */
	int64_t to;   /* 0 = the tenant's planned end */
} fh_allocation_req;

/* Allocates inside one BEGIN IMMEDIATE transaction: the space's seats are
 * never exceeded on any day of [from, to]. FH_ECONFLICT names who holds the
 * space on the first day it would overflow; FH_EINVAL for dates or seats;
 * FH_EDENIED out of scope. A waiting-list entry of the tenant for the
 * space's type is marked placed. *id gets the new allocation's number. On error
 * *id is not to be used. */
fh_status fh_allocation_add(fh_store *store, const fh_actor *actor, const fh_allocation_req *req, int64_t *id,
			    fh_error *err);
/* The check alone, in the caller's transaction (or none, for a preview):
 * FH_OK if `seats` more fit in the space on every day of [from, to]. */
fh_status fh_allocation_check(fh_store *store, int64_t space_id, int64_t from, int64_t to, int seats, fh_error *err);
/* Ends an allocation on day `on` (inclusive; 0 = today) with the handover
 * deadline (handover_working_days working days later). Ending it before
 * its first day cancels it (nothing to hand back). These two: FH_OK,
 * FH_EINVAL for a day that does not fit, FH_EDENIED, FH_ENOTFOUND,
 * FH_ECONFLICT when it is ended (handed back) already, or the database's
 * error; nothing changes on error. */
fh_status fh_allocation_release(fh_store *store, const fh_actor *actor, int64_t id, int64_t on, fh_error *err);
/* Records that the space was handed back on day `on` (0 = today); errors
 * as fh_allocation_release. */
fh_status fh_allocation_handed_over(fh_store *store, const fh_actor *actor, int64_t id, int64_t on, fh_error *err);
/* The allocations a tenant holds from the day of t on (running or to
 * come), and the seats of those running that day. FH_OK, or the database's
 * error (and 0, 0). On error *allocations and *seats are 0. */
fh_status fh_space_held(fh_store *store, int64_t tenant, int64_t t, int *allocations, int *seats, fh_error *err);
/* How many allocations of the tenant have a handover deadline passed
 * (before the day of t) without the space handed back, in *n. FH_OK, or the
 * database's error. On error *n is 0. */
fh_status fh_space_handovers_late(fh_store *store, int64_t tenant, int64_t t, int *n, fh_error *err);
/* The handover deadline of a space of `hub` released on the day of t: its
 * handover_working_days later in the hub's calendar, in *due. On error *due is
 * not to be used. */
fh_status fh_space_handover_due(fh_store *store, int64_t hub, int64_t t, int64_t *due, fh_error *err);
/* Graduation and exit: every allocation of the tenant still running after
 * `on` ends on `on` with its handover deadline; ones not yet started are
 * cancelled. In the caller's transaction; returns how many in *ended. On error
 * *ended is not to be used (the caller's transaction undoes what was done). */
fh_status fh_allocation_end_tenant(fh_store *store, const fh_actor *actor, int64_t tenant, int64_t on, int *ended,
				   fh_error *err);

typedef enum fh_allocation_which {
	FH_ALLOC_CURRENT,  /* running on the day, or starting later */
	FH_ALLOC_ALL,      /* every one, newest first */
	FH_ALLOC_ENDING,   /* ending within `days` days of the day */
	FH_ALLOC_HANDOVER, /* released, not handed back, deadline passed */
} fh_allocation_which;

typedef struct fh_allocation_filter {
	fh_allocation_which which;
	const char *hub_code; /* NULL: the actor's scope; else that hub and those below it */
	bool own_hub;         /* hub_code's own spaces only, not those below it */
	int64_t space_id;     /* 0: any */
	int64_t tenant_id;    /* 0: any */
	int64_t day;          /* 0: today */
	int days;             /* FH_ALLOC_ENDING */
} fh_allocation_filter;

/* Allocations, in time order (overdue handovers oldest deadline first). On
 * error *rows is NULL and *n 0: nothing to free. fh_allocation_get: on error
 * *out is unchanged. */
fh_status fh_allocation_list(fh_store *store, const fh_actor *actor, const fh_allocation_filter *f,
			     fh_allocation **rows, size_t *n, fh_error *err);
fh_status fh_allocation_get(fh_store *store, const fh_actor *actor, int64_t id, fh_allocation *out, fh_error *err);

/* ---- fees ------------------------------------------------------------------ */

/* What one allocation owes for the month starting on `month_start` (a day
 * 1): the days charged (after the free period, within the allocation and
 * the month) and the amount in fen, pro rata by day: rate per unit and
 * month × units × days charged / days in the month, rounded to the fen.
 * units: m² for a whole space, seats for a desk area. */
int64_t fh_fee_fen(double rate, double units, int64_t start_on, int64_t end_on, int64_t free_until, int64_t month_start,
		   int *days_charged);

typedef struct fh_fee {
	int64_t tenant_id;
	char tenant[128];
	char hub_code[33];
	char spaces[128]; /* "A1, A2×2" */
	int days;         /* days charged, summed over its allocations */
	int64_t fen;
} fh_fee;

/* What each tenant owes for month "YYYY-MM" under its hub's rates, by
 * tenant name. On error *rows is NULL and *n 0: nothing to free. */
fh_status fh_space_fees(fh_store *store, const fh_actor *actor, const char *hub_code, const char *month, fh_fee **rows,
			size_t *n, fh_error *err);

/* ---- the waiting list ------------------------------------------------------ */

typedef struct fh_wait {
	int64_t id, version, hub_id, tenant_id;
	char tenant[128];
	fh_space_type type;
	int seats;
	int64_t since;
	char note[256];
} fh_wait;

/* Puts a tenant (applied, reviewing or incubating) on its hub's waiting
 * list for a type of space that is allocated. One entry per tenant and
 * type. On error *id is not to be used. */
fh_status fh_wait_add(fh_store *store, const fh_actor *actor, int64_t tenant, fh_space_type type, int seats,
		      const char *note, int64_t *id, fh_error *err);
fh_status fh_wait_remove(fh_store *store, const fh_actor *actor, int64_t id, fh_error *err);
/* Tenants waiting, first come first: on hub_code's own list (NULL: every
 * list in the actor's scope), of one type (< 0: any). On error *rows is NULL
 * and *n 0: nothing to free. */
fh_status fh_wait_list(fh_store *store, const fh_actor *actor, const char *hub_code, int type, fh_wait **rows,
		       size_t *n, fh_error *err);
/* The first tenant waiting for a space like `space_id` whose seats fit in
 * the space from `day` to the tenant's planned end: FH_ENOTFOUND if none. On
 * error *out is unchanged. */
fh_status fh_wait_first_for(fh_store *store, const fh_actor *actor, int64_t space_id, int64_t day, fh_wait *out,
			    fh_error *err);

/* ---- occupancy ------------------------------------------------------------- */

typedef struct fh_occupancy {
	int64_t hub_id, parent_id;
	char code[33], name[128];
	int depth; /* 0: the report's root */
	/* on the day, the hub's own or its subtree's: */
	int spaces;             /* every space, bookable rooms too */
	double area_all;        /* their area */
	double area, area_used; /* allocated kinds: m², and m² in use (a desk area by seats) */
	int seats, seats_used;  /* offices and desks */
	int ending[3];          /* allocations ending within 30, 60, 90 days */
	int handover_overdue;
} fh_occupancy;

/* The share in use, per cent: of the allocated area, and of the seats;
 * 0 when there is none. The one rate every report and screen shows. */
double fh_occupancy_area_rate(const fh_occupancy *o);
double fh_occupancy_seat_rate(const fh_occupancy *o);

/* Occupancy of hub_code (NULL: the actor's hub) and each hub below it, in
 * tree order: each row rolled up over its subtree, or (subtree false) the
 * hub's own spaces only. The caller frees *rows. On error *rows is NULL and *n
 * 0: nothing to free. */
fh_status fh_occupancy_report(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t day, bool subtree,
			      fh_occupancy **rows, size_t *n, fh_error *err);

#endif
