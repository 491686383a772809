/* fuhua tui — the Spaces screen's Rooms tab: every room's bookings on a day,
 * or one room's week; [ ] move by a day (a week), t today, w day or week, r
 * the next room; x cancels the selected booking, y approves it, b books. */
#include "../common/i18n.h"
#include "spaces.h"
#include "tenants.h"

#define DAY 86400

enum { OP_DAY_BACK = FH_ACT_LOCAL, OP_DAY_ON, OP_TODAY, OP_WEEK, OP_NEXT_ROOM, OP_CANCEL_BOOKING, OP_APPROVE };

struct rooms_tab {
	struct sscreen *p;
};

static struct sscreen *shared(struct view *v)
{
	return ((struct rooms_tab *)v->priv)->p;
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)app;
	((struct rooms_tab *)v->priv)->p = (struct sscreen *)arg;
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	if (!fh_spaces_none(app, shared(v), a))
		fh_spaces_draw_rooms(app, shared(v), a);
}

static const char *position(struct view *v, char *buf, size_t size)
{
	return fh_list_position(&shared(v)->bookings, buf, size);
}

static int cancel_yes(struct app *app, struct view *under, int arg)
{
	return fh_spaces_booking_yes(app, fh_list_selected(&shared(under)->bookings), arg);
}

/* The day, the week or the room shown changes. */
static int go(struct app *app, struct sscreen *p, int action)
{
	switch (action) {
	case OP_DAY_BACK:
	case OP_DAY_ON: p->day += (action == OP_DAY_ON ? 1 : -1) * (p->week ? 7 : 1) * DAY; break;
	case OP_TODAY: p->day = p->today; break;
	case OP_WEEK:
		if (!p->week) {
			const fh_booking *b = fh_list_selected(&p->bookings);
			for (size_t i = 0; b && i < p->nsp; i++)
				if (p->sp[i].id == b->space_id)
					p->room = (int)i;
		}
		p->week = !p->week;
		break;
	default: /* OP_NEXT_ROOM */
		for (size_t k = 1; k <= p->nsp; k++) {
			int i = (int)((p->room + k) % p->nsp);
			if (fh_spaces_is_room(&p->sp[i])) {
				p->room = i;
				break;
			}
		}
	}
	fh_spaces_load_bookings(app, p, app->message, sizeof app->message);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct sscreen *p = shared(v);
	const fh_booking *b = fh_list_selected(&p->bookings);
	switch (action) {
	case OP_DAY_BACK:
	case OP_DAY_ON:
	case OP_TODAY:
	case OP_WEEK:
	case OP_NEXT_ROOM: return go(app, p, action);
	case OP_CANCEL_BOOKING: return fh_spaces_ask_booking(app, b, 0, cancel_yes);
	case OP_APPROVE: return fh_spaces_approve(app, b);
	case FH_ACT_OPEN:
		if (b && b->tenant_id)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ b->tenant_id });
		return FH_R_DONE;
	default: {
		int r = fh_spaces_request(app, p, action, b);
		return r != FH_R_UNHANDLED ? r : fh_list_request(app, &p->bookings, action);
	}
	}
}

static const struct fh_binding rooms_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the tenant of the selected booking") },
	{ '[', false, OP_DAY_BACK, 0, "[", false, N_("day before"), N_("Rooms: the day (the week) before") },
	{ ']', false, OP_DAY_ON, 0, "]", true, N_("day after"), N_("Rooms: the day (the week) after") },
	{ 't', false, OP_TODAY, 0, "t", false, N_("today"), N_("Rooms: today") },
	{ 'w', false, OP_WEEK, 0, "w", true, N_("day / week"), N_("Rooms: all rooms on a day, or one room's week") },
	{ 'r', false, OP_NEXT_ROOM, 0, "r", false, N_("next room"), N_("Rooms: the next room's week") },
	{ 'x', false, OP_CANCEL_BOOKING, 0, "x", true, N_("cancel booking"),
	  N_("Cancel the selected booking (asks first)") },
	{ 'y', false, OP_APPROVE, 0, "y", false, N_("approve"), N_("Approve the selected booking (a manager)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap rooms_keymap = { N_("Rooms"), rooms_keys, &fh_spaces_keymap };

const struct view_ops fh_sp_rooms_view = {
	.name = "spaces-rooms",
	.private_size = sizeof(struct rooms_tab),
	.keymap = &rooms_keymap,
	.open = open,
	.draw = draw,
	.request = request,
	.position = position,
};
