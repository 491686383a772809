/* fuhua tui — the confirmation dialog, over the view that asked. */
#include <stdio.h>
#include <string.h>

#include "confirm.h"
#include "../common/i18n.h"

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)app;
	memcpy(v->priv, arg, sizeof(struct fh_confirm));
	return true;
}

static void draw(struct app *app, struct view *v, struct rect area)
{
	const struct fh_confirm *c = v->priv;
	char foot[128];
	snprintf(foot, sizeof foot, "%s", _("Enter/y: yes    Esc/n: no"));
	fh_draw_box(app, area, c->title, c->text, foot, 64, false, fh_attr(app, FH_C_BAR));
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct fh_confirm *c = v->priv;
	if (action == FH_ACT_CANCEL || action == FH_ACT_BACK)
		return FH_R_POP;
	if (action != FH_ACT_CONFIRM)
		/* every other key but the generic ones is answered by nothing */
		return action == FH_ACT_NONE ? FH_R_DONE : FH_R_UNHANDLED;
	/* the driver closes the dialog, then gives the answer to the view under it */
	app->answer = c->yes;
	app->answer_arg = c->arg;
	return FH_R_POP;
}

const struct view_ops fh_confirm_view = {
	.name = "confirm",
	.private_size = sizeof(struct fh_confirm),
	.keymap = &fh_dialog_keymap,
	.overlay = true,
	.open = open,
	.draw = draw,
	.request = request,
};
