/* fuhua tui — what the Spaces screen's files share: its state, the pictures
 * (view_spaces_draw.c) and the views it opens. */
#ifndef FUHUA_TUI_SPACES_H
#define FUHUA_TUI_SPACES_H

#include "fuhua/booking.h"
#include "fuhua/space.h"
#include "list.h"
#include "tui.h"

/* The tabs, in their order on the bar (view_spaces.c). */
enum { T_MAP, T_TIMELINE, T_ROOMS, T_ENDING, T_HANDOVER, T_WAITING, T_PENDING, T_OCCUPANCY, T_COUNT };
#define SP_HUBS 64

struct sp_hub {
	int64_t id;
	char code[33];
};

/* What the Spaces screen's tabs share (view_spaces_data.c loads it): the
 * hub shown, its spaces and allocations today, the rooms' day or one room's
 * week of bookings (the map marks the rooms booked today), and occupancy. */
struct sscreen {
	struct sp_hub hubs[SP_HUBS]; /* hubs in scope that have spaces */
	int nhubs, hub;
	fh_space *sp; /* the hub's spaces, today, floors from the top */
	size_t nsp;
	int sel;           /* the selected space (map, timeline) */
	fh_allocation *al; /* the hub's allocations from today on */
	size_t nal;
	int64_t today, day;      /* the rooms' day (or the week's Monday) */
	bool week;               /* a week of one room instead of a day of all */
	int room;                /* the room of the week view: an index into sp */
	struct fh_list bookings; /* the day's (week's) bookings */
	fh_occupancy *occ;       /* up the tree, read when the Occupancy tab shows */
	size_t nocc;
	fh_room_use *use;
	size_t nuse;
};

/* The shared state loaded again (the tabs' fh_tabs_def reload), the day's
 * or week's bookings alone, and freed. */
void fh_spaces_reload(struct app *app, void *shared, char *error, size_t size);
void fh_spaces_load_bookings(struct app *app, struct sscreen *p, char *error, size_t size);
void fh_spaces_free(struct sscreen *p);

/* What every tab of the screen answers: < and > change the hub, b books a
 * room (on the Rooms tab, the selected booking's room). Its keymap goes after
 * a tab's own; the request is FH_R_UNHANDLED for any other action. */
enum { FH_SP_NEXT_HUB = FH_ACT_LOCAL + 50, FH_SP_PREV_HUB, FH_SP_BOOK };
extern const struct fh_keymap fh_spaces_keymap;
int fh_spaces_request(struct app *app, struct sscreen *p, int action, const fh_booking *selected);

/* A booking of the Rooms or Pending tab: x cancels and R retries a skipped
 * date (each after asking, the answer `yes` finding the booking again), y
 * approves one waiting. FH_R_*. */
int fh_spaces_ask_booking(struct app *app, const fh_booking *b, int retry,
			  int (*yes)(struct app *, struct view *, int));
int fh_spaces_booking_yes(struct app *app, const fh_booking *b, int retry);
int fh_spaces_approve(struct app *app, const fh_booking *b);

/* The pictures, drawn from what the screen loaded (view_spaces_draw.c). */
void fh_spaces_draw_map(struct app *app, struct sscreen *p, struct rect a);
void fh_spaces_draw_timeline(struct app *app, struct sscreen *p, struct rect a);
void fh_spaces_draw_rooms(struct app *app, struct sscreen *p, struct rect a);
void fh_spaces_draw_occupancy(struct app *app, struct sscreen *p, struct rect a);
/* A booking as a list row: day, hours, room, who, what, its state. */
void fh_spaces_draw_booking(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t attr);
/* Whether a space is a room booked by the hour. */
bool fh_spaces_is_room(const fh_space *sp);
/* The code of the hub the screen shows ("" before it knows one). */
const char *fh_spaces_hub_code(const struct sscreen *p);
/* Nothing to show: no hub in scope has spaces (a line in area); false when
 * there is. */
bool fh_spaces_none(struct app *app, const struct sscreen *p, struct rect a);
/* A list tab's draw (view_ops.draw) on the spaces screen: its list, or the
 * line of fh_spaces_none. */
void fh_spaces_list_draw(struct app *app, struct view *v, struct rect a);

/* The tabs (view_sp_*.c). */
extern const struct view_ops fh_sp_map_view, fh_sp_timeline_view, fh_sp_rooms_view, fh_sp_ending_view,
	fh_sp_handover_view, fh_sp_waiting_view, fh_sp_pending_view, fh_sp_occupancy_view;

/* The space page (allocations, allocate, release, handover) and the forms. */
struct fh_space_arg {
	int64_t id;
};
struct fh_booking_arg {
	int64_t hub_id;
	int64_t room; /* the room offered first */
	int64_t day;
};
extern const struct view_ops fh_space_page_view, fh_allocation_form_view, fh_booking_form_view;

/* The tenant a form's text names: a number, or a name (or part of one, or
 * pinyin initials) that only one tenant in scope matches. FH_OK, or a
 * message in err naming the field. */
fh_status fh_spaces_tenant(struct app *app, const char *text, const char *field, int64_t *id, fh_error *err);
/* A booking's whole text (when, room, who, what, and why it was skipped),
 * for the line under a list of bookings. */
void fh_spaces_whole_booking(struct app *app, void *ctx, const void *row, char *buf, size_t size);
struct fh_pick; /* form.h */
/* The tenants matching what is typed (name, pinyin initials, number…),
 * for a form's tenant picker (fh_form_picker): name, hub, stage, number. */
int fh_spaces_pick_tenant(struct app *app, void *ctx, const char *typed, struct fh_pick *out, int max);

#endif
