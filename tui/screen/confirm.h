/* fuhua tui — the confirmation dialog: says what will happen, Enter or y
 * does it, Esc or n does not. */
#ifndef FUHUA_TUI_CONFIRM_H
#define FUHUA_TUI_CONFIRM_H

#include "tui.h"

struct fh_confirm {
	char title[256];
	char text[2000]; /* what will happen, wrapped in the box */
	/* Called on yes with the view under the dialog; returns FH_R_* for it. */
	int (*yes)(struct app *app, struct view *under, int arg);
	int arg;
};

#endif
