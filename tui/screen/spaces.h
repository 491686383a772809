/* fuhua tui — what the Spaces screen's files share: its state, the pictures
 * (view_spaces_draw.c) and the views it opens. */
#ifndef FUHUA_TUI_SPACES_H
#define FUHUA_TUI_SPACES_H

#include "fuhua/booking.h"
#include "fuhua/space.h"
#include "list.h"
#include "tui.h"

enum { T_MAP, T_TIMELINE, T_ROOMS, T_ENDING, T_HANDOVER, T_WAITING, T_PENDING, T_OCCUPANCY,
       T_COUNT };
#define SP_LISTS 4 /* the list tabs: ending, handovers, waiting, pending */
#define SP_HUBS 64

struct sp_hub {
	int64_t id;
	char code[33];
};

struct sscreen {
	int tab;
	struct sp_hub hubs[SP_HUBS]; /* hubs in scope that have spaces */
	int nhubs, hub;
	fh_space *sp;           /* the hub's spaces, today */
	size_t nsp;
	int sel;                /* the selected space (map, timeline) */
	fh_allocation *al;      /* the hub's allocations from today on */
	size_t nal;
	int64_t today, day;     /* the rooms' day (or the week's Monday) */
	bool week;              /* a week of one room instead of a day of all */
	int room;               /* the room of the week view: an index into sp */
	struct fh_list bookings; /* the day's (week's) bookings */
	struct fh_list lists[SP_LISTS];
	bool loaded[SP_LISTS];
	fh_occupancy *occ;
	size_t nocc;
	fh_room_use *use;
	size_t nuse;
	char error[600];
};

/* The pictures, drawn from what the screen loaded (view_spaces_draw.c). */
void fh_spaces_draw_map(struct app *app, struct sscreen *p, struct rect a);
void fh_spaces_draw_timeline(struct app *app, struct sscreen *p, struct rect a);
void fh_spaces_draw_rooms(struct app *app, struct sscreen *p, struct rect a);
void fh_spaces_draw_occupancy(struct app *app, struct sscreen *p, struct rect a);
/* A booking as a list row: day, hours, room, who, what, its state. */
void fh_spaces_draw_booking(struct app *app, void *ctx, const void *row, int y, int x, int cols,
			    attr_t attr);
/* Whether a space is a room booked by the hour. */
bool fh_spaces_is_room(const fh_space *sp);
/* The code of the hub the screen shows ("" before it knows one). */
const char *fh_spaces_hub_code(const struct sscreen *p);

/* The space page (allocations, allocate, release, handover) and the forms. */
struct fh_space_arg {
	int64_t id;
};
struct fh_booking_arg {
	int64_t hub_id;
	int64_t room;   /* the room offered first */
	int64_t day;
};
extern const struct view_ops fh_space_page_view, fh_allocation_form_view, fh_booking_form_view;

/* The tenant a form's text names: a number, or a name (or part of one, or
 * pinyin initials) that only one tenant in scope matches. FH_OK, or a
 * message in err naming the field. */
fh_status fh_spaces_tenant(struct app *app, const char *text, const char *field, int64_t *id,
			   fh_error *err);

#endif
