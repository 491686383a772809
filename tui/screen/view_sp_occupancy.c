/* fuhua tui — the Spaces screen's Occupancy tab: area and seats in use for
 * each hub up the tree (the same figures as fuhua report occupancy), and the
 * rooms' booked share of this week's opening hours. */
#include <stdlib.h>

#include "../common/i18n.h"
#include "../common/labels.h"
#include "spaces.h"

struct occupancy_tab {
	struct sscreen *p;
	char error[600];
};

static void reload(struct app *app, struct view *v)
{
	struct occupancy_tab *t = v->priv;
	struct sscreen *p = t->p;
	fh_error err;
	t->error[0] = 0;
	free(p->occ);
	p->occ = NULL;
	p->nocc = 0;
	if (fh_occupancy_report(app->store, &app->actor, NULL, p->today, true, &p->occ, &p->nocc, &err) != FH_OK)
		fh_error_text(&err, t->error, sizeof t->error);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	((struct occupancy_tab *)v->priv)->p = (struct sscreen *)arg;
	reload(app, v);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct occupancy_tab *t = v->priv;
	if (t->error[0])
		fh_draw_wrapped(a.y, 1, t->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
	else if (!fh_spaces_none(app, t->p, a))
		fh_spaces_draw_occupancy(app, t->p, a);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	return fh_spaces_request(app, ((struct occupancy_tab *)v->priv)->p, action, NULL);
}

const struct view_ops fh_sp_occupancy_view = {
	.name = "spaces-occupancy",
	.private_size = sizeof(struct occupancy_tab),
	.keymap = &fh_spaces_keymap,
	.open = open,
	.reload = reload,
	.draw = draw,
	.request = request,
};
