/* fuhua tui — the terminal interface: the app, its views, actions and keys. */
#ifndef FUHUA_TUI_H
#define FUHUA_TUI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "fuhua/operator.h"
#include "fuhua/store.h"

#define FH_MIN_COLS 80
#define FH_MIN_ROWS 24

/* Every action a key can trigger, with the text the help screen shows. One
 * table: the enum, the names and the help come from it. */
#define FH_ACTIONS(_)                                                        \
	_(SCREEN_DASHBOARD, N_("Dashboard"))                                 \
	_(SCREEN_TENANTS, N_("Tenants"))                                     \
	_(SCREEN_PARTY, N_("Party"))                                         \
	_(SCREEN_SPACES, N_("Spaces"))                                       \
	_(SCREEN_MENTORING, N_("Mentoring"))                                 \
	_(SCREEN_REPORTS, N_("Reports"))                                     \
	_(MOVE_UP, N_("Move up"))                                            \
	_(MOVE_DOWN, N_("Move down"))                                        \
	_(PAGE_UP, N_("Page up"))                                            \
	_(PAGE_DOWN, N_("Page down"))                                        \
	_(MOVE_FIRST, N_("First line"))                                      \
	_(MOVE_LAST, N_("Last line"))                                        \
	_(NEXT_PANE, N_("Next pane"))                                        \
	_(OPEN, N_("Open the selected line"))                                \
	_(SEARCH, N_("Search"))                                              \
	_(NEW, N_("Tenants: take in an application"))                        \
	_(EDIT, N_("Tenants: edit (F2 saves, Esc cancels)"))                 \
	_(MOVE_STAGE, N_("Tenants: move to the next stage, or exit"))        \
	_(EXTEND, N_("Tenants: extend the incubation once"))                 \
	_(FILTER_STAGE, N_("Tenants: filter by stage"))                      \
	_(FILTER_TYPE, N_("Tenants: filter by organisation type"))           \
	_(FILTER_FIELD, N_("Tenants: filter by service field"))              \
	_(FILTER_HUB, N_("Tenants: filter by hub"))                          \
	_(SORT, N_("Tenants: sort by name, admission, intake"))              \
	_(HELP, N_("Show this help"))                                        \
	_(BACK, N_("Back, close"))                                           \
	_(QUIT, N_("Quit fuhua"))                                            \
	_(LOCK, N_("Lock the screen now"))                                   \
	_(SWITCH_OPERATOR, N_("Switch operator"))                            \
	_(LOGOUT, N_("Log out"))                                             \
	_(LANGUAGE, N_("Switch language: 中文 / English"))                   \
	_(REDRAW, N_("Redraw the screen"))

enum fh_action {
	FH_ACT_NONE,
#define FH_ACT_ENUM(id, help) FH_ACT_##id,
	FH_ACTIONS(FH_ACT_ENUM)
#undef FH_ACT_ENUM
	FH_ACT_COUNT
};

struct fh_keybinding {
	int key;          /* a character, or a KEY_* code when is_key */
	bool is_key;
	enum fh_action action;
	const char *label; /* how the help shows the key */
};

/* The key table, ending with { 0 }. */
extern const struct fh_keybinding fh_keys[];
/* The action bound to a key, or FH_ACT_NONE. */
enum fh_action fh_key_action(wint_t ch, bool is_key);
/* The help text of an action (translated). */
const char *fh_action_help(enum fh_action a);
/* The labels of the keys bound to an action, "F1 1", into buf. */
const char *fh_action_keys(enum fh_action a, char *buf, size_t size);

/* ---- input: the terminal, or a script (FUHUA_SCRIPT) ------------------------ */

enum fh_input_kind { FH_IN_NONE, FH_IN_CHAR, FH_IN_KEY, FH_IN_TIMEOUT, FH_IN_END };

struct fh_input {
	enum fh_input_kind kind;
	wint_t ch;
};

struct app;
/* Waits up to timeout_ms for input. In script mode runs the script's
 * commands (:dump, :resize, :idle, :poll) as they come. */
struct fh_input fh_input_get(struct app *app, int timeout_ms);
/* Loads the script named by FUHUA_SCRIPT; false with a message if unreadable. */
bool fh_input_script_open(const char *path, char *msg, size_t size);
bool fh_input_scripted(void);
void fh_input_script_close(void);
/* Writes the screen as text, one line per row, trailing blanks removed. */
bool fh_screen_dump(const char *path);

/* ---- views -------------------------------------------------------------------- */

enum fh_screen {
	FH_SCREEN_DASHBOARD,
	FH_SCREEN_TENANTS,
	FH_SCREEN_PARTY,
	FH_SCREEN_SPACES,
	FH_SCREEN_MENTORING,
	FH_SCREEN_REPORTS,
	FH_SCREEN_COUNT
};

struct view_ops {
	const char *name;
	/* Draws the view into rows [top, top + rows) of stdscr. */
	void (*draw)(struct app *app, int top, int rows, int cols);
	/* Handles an action or a typed character; returns false if unhandled. */
	bool (*key)(struct app *app, enum fh_action action, const struct fh_input *in);
	/* Another session wrote: reload what is shown. May be NULL. */
	void (*reload)(struct app *app);
	/* Frees the view's state at exit. May be NULL. */
	void (*done)(struct app *app);
};

/* Slots of app->view_state beyond the screens. */
enum { FH_STATE_LOGIN = FH_SCREEN_COUNT, FH_STATE_HELP, FH_STATE_COUNT };

extern const struct view_ops fh_login_view, fh_dashboard_view, fh_help_view;
extern const struct view_ops fh_tenants_view, fh_party_view, fh_spaces_view,
	fh_mentoring_view, fh_reports_view;


struct app {
	fh_store *store;
	fh_actor actor;
	bool logged_in;
	bool locked;        /* the idle lock: login view with the screen cleared */
	bool help;          /* the help screen is open over the current view */
	bool quit;
	enum fh_screen screen;
	int64_t data_version;
	int64_t last_input; /* seconds, monotonic, of the last key */
	int64_t idle_extra; /* seconds added by a script's :idle */
	bool color;
	char message[256];  /* shown in the status line until the next key */
	void *view_state[FH_STATE_COUNT];
};

/* Runs the interface on an open store until the operator quits; returns the
 * exit status. */
int fh_app_run(fh_store *store);

/* Drawing helpers: text measured by display width, truncated without cutting
 * a character, control characters shown as ^X. */
enum fh_color { FH_C_NORMAL, FH_C_TITLE, FH_C_BAR, FH_C_SELECT, FH_C_GOOD, FH_C_WARN,
		FH_C_BAD, FH_C_DIM, FH_C_COUNT };
void fh_draw_init_colors(struct app *app);
attr_t fh_attr(const struct app *app, enum fh_color c);
/* Draws s at (y, x) in at most `cols` columns; pads to `cols` when pad. */
int fh_draw_text(int y, int x, const char *s, int cols, bool pad, attr_t attr);
/* A bar of `cols` cells, `value` of `total` filled: [█████░░░░], coloured
 * by how good the figure is (occupancy: high is bad; coverage: high is good). */
void fh_draw_bar(const struct app *app, int y, int x, int cols, double value, double total,
		 bool high_is_good);
/* A screen's view, by screen. */
const struct view_ops *fh_screen_view(enum fh_screen s);
/* Puts the app into the logged-in state after a successful login. */
void fh_app_logged_in(struct app *app, const fh_actor *actor);
/* Short labels for narrow columns. */
const char *fh_short_org_type(int type);
const char *fh_short_party(int party_org, bool instructor);

/* Line editing shared by every text field: Backspace, Ctrl-U, printable
 * characters appended (bytes ≤ size). Returns whether the input was one of
 * these. */
bool fh_edit_key(char *buf, size_t size, const struct fh_input *in);

/* Seconds on the monotonic clock. */
int64_t fh_app_now(void);
/* Called when another session has written (data_version changed). */
void fh_app_check_changes(struct app *app);
/* Locks if the operator has been idle for the hub's idle-lock minutes. */
void fh_app_check_idle(struct app *app);

#endif
