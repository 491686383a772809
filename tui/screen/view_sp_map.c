/* fuhua tui — the Spaces screen's Map and Timeline tabs: the hub's spaces
 * by floor, marked by how full they are, or their allocations by month; ↑↓
 * move through the spaces, Enter opens one (a room: its week of bookings on
 * the Rooms tab), a allocates it. */
#include "../common/i18n.h"
#include "spaces.h"
#include "tabs.h"

enum { OP_ALLOCATE = FH_ACT_LOCAL };

struct map_tab {
	struct sscreen *p;
};

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)app;
	((struct map_tab *)v->priv)->p = (struct sscreen *)arg;
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct sscreen *p = ((struct map_tab *)v->priv)->p;
	if (fh_spaces_none(app, p, a))
		return;
	if (v->ops == &fh_sp_map_view)
		fh_spaces_draw_map(app, p, a);
	else
		fh_spaces_draw_timeline(app, p, a);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct sscreen *p = ((struct map_tab *)v->priv)->p;
	int n = (int)p->nsp;
	switch (action) {
	case FH_ACT_MOVE_UP:
		if (p->sel > 0)
			p->sel--;
		return FH_R_DONE;
	case FH_ACT_MOVE_DOWN:
		if (p->sel + 1 < n)
			p->sel++;
		return FH_R_DONE;
	case FH_ACT_MOVE_FIRST: p->sel = 0; return FH_R_DONE;
	case FH_ACT_MOVE_LAST:
		if (n)
			p->sel = n - 1;
		return FH_R_DONE;
	case FH_ACT_OPEN:
		if (n && fh_spaces_is_room(&p->sp[p->sel])) { /* a room: its week of bookings */
			p->room = p->sel;
			p->week = true;
			fh_spaces_load_bookings(app, p, app->message, sizeof app->message);
			return FH_R_DONE | FH_R_TAB(T_ROOMS);
		}
		if (n)
			fh_view_push(app, &fh_space_page_view, &(struct fh_space_arg){ p->sp[p->sel].id });
		return FH_R_DONE;
	case OP_ALLOCATE:
		if (n)
			fh_view_push(app, &fh_allocation_form_view, &(struct fh_space_arg){ p->sp[p->sel].id });
		return FH_R_DONE;
	default: return fh_spaces_request(app, p, action, NULL);
	}
}

static const struct fh_binding map_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the space (a room: its week)") },
	{ 'a', false, OP_ALLOCATE, 0, "a", true, N_("allocate"), N_("Allocate the selected space to a tenant") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap map_keymap = { N_("Floor map and timeline"), map_keys, &fh_spaces_keymap };

#define MAP_VIEW(name_)                                                                                     \
	{                                                                                                   \
		.name = name_, .private_size = sizeof(struct map_tab), .keymap = &map_keymap, .open = open, \
		.draw = draw, .request = request                                                            \
	}

const struct view_ops fh_sp_map_view = MAP_VIEW("spaces-map");
const struct view_ops fh_sp_timeline_view = MAP_VIEW("spaces-timeline");
