/* fuhua tui — the list widget (htop's Panel): selection, paging, a position
 * "12/176", rows loaded a page at a time by keyset callbacks or held in
 * memory. Every list on every screen is one of these. */
#ifndef FUHUA_TUI_LIST_H
#define FUHUA_TUI_LIST_H

#include "fuhua/error.h"
#include "tui.h"

#define FH_LIST_PAGE_MAX 200

struct fh_list_source {
	size_t row_size;
	/* Up to max rows after `from` (NULL: from the start) or, when back,
	 * before it, always in list order; NULL in a list held in memory. */
	fh_status (*page)(struct app *app, void *ctx, const void *from, bool back, void *rows, size_t max, size_t *n,
			  fh_error *err);
	/* How many rows in all, counting at most cap; may be NULL. */
	fh_status (*count)(struct app *app, void *ctx, int cap, int *count, bool *more, fh_error *err);
	/* Draws one row in `cols` columns at (y, x) with attr. */
	void (*draw_row)(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t attr);
	/* The whole text of a row whose line may be cut (a reason, a long
	 * title); may be NULL. A list with it keeps its last two lines for the
	 * selected row's whole text: nothing is cut beyond a key's reach. */
	void (*whole)(struct app *app, void *ctx, const void *row, char *buf, size_t size);
};

struct fh_list {
	const struct fh_list_source *src;
	void *ctx;
	unsigned char *rows; /* the page (keyset) or every row (memory) */
	size_t nrows, cap;
	unsigned char *anchor; /* the row before the page, when has_anchor */
	bool has_anchor, more; /* a row follows the page */
	long offset;           /* index of rows[0] in the whole list; -1 unknown */
	int sel, top, height;  /* selected and first shown row of rows[] */
	int count;             /* -1 unknown */
	bool count_more;
	char error[600];
};

/* Sets up an empty list; ctx is passed to the callbacks. */
void fh_list_init(struct fh_list *l, const struct fh_list_source *src, void *ctx);
void fh_list_free(struct fh_list *l);
/* Keyset lists: loads the first page of `height` rows, and the count. */
void fh_list_first(struct app *app, struct fh_list *l, int height);
/* Loads the same page again (after a write, a resize to `height`). */
void fh_list_reload(struct app *app, struct fh_list *l, int height);
/* Lists held in memory: takes a copy of n rows; keeps the selection. */
void fh_list_set(struct fh_list *l, const void *rows, size_t n);
/* The selected row, or NULL when the list is empty. */
const void *fh_list_selected(const struct fh_list *l);
/* Moving: FH_ACT_MOVE_UP … FH_ACT_MOVE_LAST; FH_R_DONE, or FH_R_UNHANDLED
 * for any other action. */
int fh_list_request(struct app *app, struct fh_list *l, int action);
/* Draws the rows into area (height is remembered for paging). */
void fh_list_draw(struct app *app, struct fh_list *l, struct rect area, bool focus);
/* A tab that is one list: its error (if any), else the list, else "Nothing
 * to act on here.". */
void fh_list_draw_tab(struct app *app, struct fh_list *l, const char *error, struct rect area);

/* A tab of a screen (tabs.h) that is one list: its state begins with this
 * struct. Open initialises the list with src and runs the view's reload;
 * draw, position and done are the view's callbacks as they are. */
struct fh_list_tab {
	void *shared; /* the screen's shared state */
	struct fh_list list;
	char error[600]; /* what the last reload could not read */
};
bool fh_list_tab_open(struct app *app, struct view *v, const void *shared, const struct fh_list_source *src);
void fh_list_tab_draw(struct app *app, struct view *v, struct rect area);
const char *fh_list_tab_position(struct view *v, char *buf, size_t size);
void fh_list_tab_done(struct app *app, struct view *v);
/* "12/176", "12/999+", "12/?" into buf. */
const char *fh_list_position(const struct fh_list *l, char *buf, size_t size);

#endif
