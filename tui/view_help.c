/* fuhua tui — the help screen, generated from the action and key tables. */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "tui.h"

struct help {
	int scroll;
};

static struct help *state(struct app *app)
{
	if (!app->view_state[FH_STATE_HELP])
		app->view_state[FH_STATE_HELP] = calloc(1, sizeof(struct help));
	return app->view_state[FH_STATE_HELP];
}

static void draw(struct app *app, int top, int rows, int cols)
{
	struct help *h = state(app);
	if (!h)
		return;
	fh_draw_text(top, 1, _("Keys (q or Esc closes this help)"), cols - 2, false, A_BOLD);
	int per_col = rows - 2, ncols = cols >= 100 ? 2 : 1, width = (cols - 2) / ncols;
	int total = FH_ACT_COUNT - 1, shown = 0;
	if (h->scroll > total - per_col * ncols)
		h->scroll = total - per_col * ncols > 0 ? total - per_col * ncols : 0;
	for (int a = 1 + h->scroll; a < FH_ACT_COUNT && shown < per_col * ncols; a++, shown++) {
		char keys[64], line[256];
		fh_action_keys((enum fh_action)a, keys, sizeof keys);
		int y = top + 2 + shown % per_col, x = 1 + (shown / per_col) * width;
		fh_draw_text(y, x, keys, 14, true, fh_attr(app, FH_C_GOOD));
		snprintf(line, sizeof line, "%s", fh_action_help((enum fh_action)a));
		fh_draw_text(y, x + 15, line, width - 16, false, A_NORMAL);
	}
}

static bool key(struct app *app, enum fh_action action, const struct fh_input *in)
{
	(void)in;
	struct help *h = state(app);
	if (!h)
		return false;
	switch (action) {
	case FH_ACT_MOVE_DOWN:
	case FH_ACT_PAGE_DOWN:
		h->scroll++;
		return true;
	case FH_ACT_MOVE_UP:
	case FH_ACT_PAGE_UP:
		if (h->scroll > 0)
			h->scroll--;
		return true;
	case FH_ACT_BACK:
	case FH_ACT_HELP:
		app->help = false;
		return true;
	default:
		return false;
	}
}

const struct view_ops fh_help_view = { "help", draw, key, NULL, NULL };
