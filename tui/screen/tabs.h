/* fuhua tui — a screen of tabs: each tab a view of its own (its own file,
 * keymap and data); the container draws the screen's heading and the one
 * tab bar, switches tabs with Tab and S-Tab, and hands every other key, the
 * drawing below the bar and a dialog's answer to the tab shown. So a tab's
 * hints and help show only what works there. */
#ifndef FUHUA_TUI_TABS_H
#define FUHUA_TUI_TABS_H

#include <stdbool.h>
#include <stddef.h>

#include "tui.h"

#define FH_TABS_MAX 10

struct fh_tab {
	const char *title;          /* N_() */
	const struct view_ops *ops; /* the tab's view; its open gets the screen's shared state */
	bool eager;                 /* opened and reloaded with the screen (its figures head it) */
};

struct fh_tabs_def {
	const char *title; /* the keymap's heading in the help, N_() */
	const struct fh_tab *tabs;
	int ntabs;
	size_t shared_size; /* state every tab of the screen sees (zeroed), or 0 */
	/* Loads the shared state before the tabs (may be NULL); false with a
	 * message into error keeps the tabs' own. */
	void (*reload)(struct app *app, void *shared, char *error, size_t size);
	/* What stands above the bar, drawn from the shared state and the tab
	 * shown into area: the rows it used (may be NULL: no heading).
	 * fh_tabs_heading_line draws one bold line. */
	int (*heading)(struct app *app, const void *shared, int shown, struct rect area);
	/* Frees what reload put in the shared state (may be NULL). */
	void (*done)(void *shared);
};

struct fh_tabs {
	const struct fh_tabs_def *def;
	int shown;
	struct view tab[FH_TABS_MAX];
	void *shared;
	char error[600];
	struct fh_keymap chain; /* the tab keys before the shown tab's */
};

/* What a tab's request may add to its FH_R_* result: show tab i (the map's
 * room opening on the Rooms tab). */
#define FH_R_TAB(i) (0x100 | (i) << 9)

/* The container's callbacks; a screen's view_ops is FH_TABS_VIEW(…). */
bool fh_tabs_open(struct app *app, struct view *v, const void *arg);
void fh_tabs_reload(struct app *app, struct view *v);
void fh_tabs_draw(struct app *app, struct view *v, struct rect area);
int fh_tabs_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in);
const struct fh_keymap *fh_tabs_keys(struct view *v);
bool fh_tabs_typing(struct view *v);
struct view *fh_tabs_focus(struct view *v);
void fh_tabs_done(struct app *app, struct view *v);
extern const struct fh_keymap fh_tabs_keymap;

/* One bold line of heading at the top of area: 1. */
int fh_tabs_heading_line(const char *line, struct rect area);

/* The tab shown (an index into def->tabs). */
int fh_tabs_shown(const struct view *v);
/* Shows tab i (opening or reloading it when it must). */
void fh_tabs_show(struct app *app, struct view *v, int i);
/* Goes to screen s and shows its tab `tab` when the screen's own view is on
 * top (a view opened over it stays, with what was typed in it). */
void fh_tabs_goto(struct app *app, enum fh_screen s, int tab);

#define FH_TABS_VIEW(name_, def_, topics_)                                                                          \
	{                                                                                                           \
		.name = name_, .private_size = sizeof(struct fh_tabs), .keymap = &fh_tabs_keymap, .tabs = def_,     \
		.open = fh_tabs_open, .reload = fh_tabs_reload, .topics = topics_, .draw = fh_tabs_draw,            \
		.request = fh_tabs_request, .keys = fh_tabs_keys, .typing = fh_tabs_typing, .focus = fh_tabs_focus, \
		.done = fh_tabs_done                                                                                \
	}

#endif
