/* fuhua tui — the terminal interface: screens, actions, keymaps, views and
 * the view stack. How to add a screen, a key or a view: HACKING.md. */
#ifndef FUHUA_TUI_H
#define FUHUA_TUI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "fuhua/changes.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

/* The character a control key sends: CTRL('l') is 12. */
#define CTRL(c) ((c)&0x1f)

/* The page cache the interface keeps (fh_store_cache_kib): small and enough. */
#define FH_TUI_CACHE_KIB 256
#define FH_MIN_COLS 80
#define FH_MIN_ROWS 24

/* ---- the screens -------------------------------------------------------------
 * One row per top screen: its id, the name of its view (fh_<name>_view) and
 * its title. The enum, the tabs, the keys F1… and 1… and the view table all
 * come from here. */
#define FH_SCREENS(_)                            \
	_(DASHBOARD, dashboard, N_("Dashboard")) \
	_(TENANTS, tenants, N_("Tenants"))       \
	_(PARTY, party, N_("Party"))             \
	_(SPACES, spaces, N_("Spaces"))          \
	_(MENTORING, mentoring, N_("Mentoring")) \
	_(REPORTS, reports, N_("Reports"))       \
	_(OUTCOMES, outcomes, N_("Outcomes"))

/* clang-format off */
enum fh_screen {
#define FH_SCREEN_ENUM(id, name, title) FH_SCREEN_##id,
	FH_SCREENS(FH_SCREEN_ENUM)
#undef FH_SCREEN_ENUM
	FH_SCREEN_COUNT
};
/* clang-format on */

/* ---- actions -----------------------------------------------------------------
 * The actions every view shares: id, the word the hint line shows, the line
 * the help shows. A view's own operations are numbered from FH_ACT_LOCAL in
 * its file and carry their words in its keymap rows. */
#define FH_ACTIONS(_)                                                                    \
	_(SCREEN, N_("screens"), N_("Go to a screen"))                                   \
	_(HELP, NP_("key", "help"), N_("Show the keys of this screen"))                  \
	_(BACK, NP_("key", "back"), N_("Back, close"))                                   \
	_(QUIT, N_("quit"), N_("Quit fuhua (asks first)"))                               \
	_(LOCK, N_("lock"), N_("Lock the screen now"))                                   \
	_(SWITCH_OPERATOR, N_("switch"), N_("Switch operator"))                          \
	_(LOGOUT, N_("log out"), N_("Log out"))                                          \
	_(LANGUAGE, N_("中文/English"), N_("Switch language: 中文 / English"))           \
	_(NEXT_TAB, N_("next tab"), N_("Next tab"))                                      \
	_(PREV_TAB, N_("previous tab"), N_("Previous tab"))                              \
	_(REDRAW, N_("redraw"), N_("Redraw the screen"))                                 \
	_(MOVE_UP, N_("up"), N_("Move up"))                                              \
	_(MOVE_DOWN, N_("down"), N_("Move down"))                                        \
	_(PAGE_UP, N_("page up"), N_("Page up"))                                         \
	_(PAGE_DOWN, N_("pages"), N_("Page down"))                                       \
	_(MOVE_FIRST, N_("first"), N_("First line"))                                     \
	_(MOVE_LAST, N_("last"), N_("Last line"))                                        \
	_(OPEN, NP_("key", "open"), N_("Open the selected line"))                        \
	_(FORM_NEXT, N_("next field"), N_("Next field"))                                 \
	_(FORM_PREV, N_("previous field"), N_("Previous field"))                         \
	_(FORM_CHOOSE_NEXT, N_("choose"), N_("Next choice of a choice field"))           \
	_(FORM_CHOOSE_PREV, N_("choose"), N_("Previous choice of a choice field"))       \
	_(FORM_SAVE, N_("save"), N_("Save the form"))                                    \
	_(FORM_CANCEL, N_("cancel"), N_("Cancel the form (asks if anything was typed)")) \
	_(CONFIRM, N_("yes"), N_("Confirm"))                                             \
	_(CANCEL, N_("no"), N_("Cancel"))

/* clang-format off */
enum fh_action {
	FH_ACT_NONE,
#define FH_ACT_ENUM(id, hint, help) FH_ACT_##id,
	FH_ACTIONS(FH_ACT_ENUM)
#undef FH_ACT_ENUM
	FH_ACT_COUNT,
	FH_ACT_LOCAL = 100 /* a view's own operations start here */
};
/* clang-format on */

/* The hint word and help line of a shared action (translated). */
const char *fh_action_hint(int action);
const char *fh_action_help(int action);

/* ---- keymaps -------------------------------------------------------------------- */

struct fh_binding {
	int key; /* a character, or a KEY_* code when is_key */
	bool is_key;
	int action;            /* an enum fh_action, or a view's own from FH_ACT_LOCAL */
	int arg;               /* e.g. the screen of FH_ACT_SCREEN */
	const char *label;     /* how help and hints show the key; NULL: a synonym */
	bool hint;             /* shown on the hint line */
	const char *hint_word; /* NULL: the action's; untranslated (N_) */
	const char *help;      /* NULL: the action's; untranslated (N_) */
};

/* A group of bindings, ending with { .action = FH_ACT_NONE }; `next` chains a
 * shared group (the list keys, the form keys) behind a view's own. */
struct fh_keymap {
	const char *title; /* the help's heading, untranslated (N_) */
	const struct fh_binding *keys;
	const struct fh_keymap *next;
};

struct fh_input;
/* The binding of an input in the keymap chain, or NULL. While `typing`,
 * printable characters are text and match nothing. */
const struct fh_binding *fh_keymap_find(const struct fh_keymap *km, const struct fh_input *in, bool typing);
/* The keys every screen has: screens, help, lock, switch, quit … */
extern const struct fh_keymap fh_generic_keymap;
/* Opening and moving in lists, scrolling, filling in forms, answering a
 * dialog; views chain them behind their own. */
extern const struct fh_keymap fh_list_keymap, fh_scroll_keymap, fh_form_keymap, fh_dialog_keymap;
/* A hint line: the hinted keys of a keymap chain usable now ("KEY word",
 * once per action). The status line shows the generic keymap's. */
const char *fh_keymap_hint(const struct fh_keymap *km, bool typing, char *buf, size_t size);
/* The hint word and help of a binding (translated). */
const char *fh_binding_hint(const struct fh_binding *b);
const char *fh_binding_help(const struct fh_binding *b);
/* Whether a binding's key is text while typing (a printable character). */
bool fh_binding_is_text(const struct fh_binding *b);

/* ---- input: the terminal, or a script (FUHUA_SCRIPT) ------------------------ */

enum fh_input_kind { FH_IN_NONE, FH_IN_CHAR, FH_IN_KEY, FH_IN_TIMEOUT, FH_IN_END };

struct fh_input {
	enum fh_input_kind kind;
	wint_t ch;
};

struct app;
/* Waits up to timeout_ms for input. An escape sequence the terminal
 * description does not know is read whole and dropped; a lone Esc is a key.
 * In script mode runs the script's commands (:dump, :resize, :idle, :wait,
 * :poll, :rss) as they come. */
struct fh_input fh_input_get(struct app *app, int timeout_ms);
/* Loads the script named by FUHUA_SCRIPT; false with a message if unreadable. */
bool fh_input_script_open(const char *path, char *msg, size_t size);
bool fh_input_scripted(void);
void fh_input_script_close(void);
/* The file a script's output goes to without a terminal; :bytes reads its
 * size (what a terminal would have been sent). */
void fh_input_count_output(FILE *sent);
/* Writes the screen as text, one line per row, trailing blanks removed. */
bool fh_screen_dump(const char *path);

/* ---- views and the view stack --------------------------------------------------- */

struct rect {
	int y, x, rows, cols;
};

/* What a view's request did; the driver acts on it (htop's Action results). */
enum {
	FH_R_UNHANDLED = 0, /* not mine: the generic keys get it */
	FH_R_DONE = 1,
	FH_R_RELOAD = 2, /* reload this view's data */
	FH_R_POP = 4,    /* close this view; its parent reloads */
};

struct view;
struct fh_tabs_def;

struct view_ops {
	const char *name;
	size_t private_size; /* the state the driver allocates, zeroed */
	const struct fh_keymap *keymap;
	bool overlay; /* drawn over its parent (a dialog) */
	bool form;    /* a form: while it is on top no key leaves it but the
			 shared control keys (a dialog holds them too) */
	/* Loads what the view shows; arg is the opener's. False: not opened
	 * (the reason is in app->message). */
	bool (*open)(struct app *app, struct view *v, const void *arg);
	/* Loads again (another session wrote, the terminal was resized). */
	void (*reload)(struct app *app, struct view *v);
	/* What it shows (FH_TOPIC bits): another session's write to one of
	 * these reloads it; 0: any write does. */
	unsigned topics;
	/* Draws into area; never reads the database. */
	void (*draw)(struct app *app, struct view *v, struct rect area);
	/* An action (or FH_ACT_NONE with the raw input, for text): FH_R_*. */
	int (*request)(struct app *app, struct view *v, int action, int arg, const struct fh_input *in);
	/* The keymap now, when it changes with a mode (may be NULL: keymap). */
	const struct fh_keymap *(*keys)(struct view *v);
	/* Whether a text field has the keys now (may be NULL: never). */
	bool (*typing)(struct view *v);
	/* Frees what open and reload allocated (may be NULL). */
	void (*done)(struct app *app, struct view *v);
	/* The view inside that a dialog's answer goes to: a tab container's
	 * tab shown (may be NULL: the view itself). */
	struct view *(*focus)(struct view *v);
	/* Where its selection is ("12/200"), for a tab bar (may be NULL). */
	const char *(*position)(struct view *v, char *buf, size_t size);
	/* A screen of tabs (tabs.h): its tabs; NULL for any other view. */
	const struct fh_tabs_def *tabs;
};

/* The bit of topic FH_TOPIC_name, for view_ops.topics. */
#define FH_TOPIC(name) (1u << FH_TOPIC_##name)

struct view {
	const struct view_ops *ops;
	void *priv;
	bool stale; /* reload before it is drawn again */
};

#define FH_STACK_MAX 8

/* clang-format off */
#define FH_SCREEN_VIEW(id, name, title) extern const struct view_ops fh_##name##_view;
FH_SCREENS(FH_SCREEN_VIEW)
#undef FH_SCREEN_VIEW
/* clang-format on */
extern const struct view_ops fh_login_view, fh_help_view, fh_confirm_view;
/* The operator's account (view_account.c): own password, a manager's operators. */
extern const struct view_ops fh_account_view, fh_account_form_view;

/* Every view, for the tests (hint lines against keymaps), ending with NULL. */
extern const struct view_ops *const fh_all_views[];

/* A login attempt's wait on this terminal. */
struct fh_login_wait {
	int failures;     /* wrong passwords in a row on this terminal */
	int64_t until_ms; /* no attempt before this (fh_app_now_ms) */
};

struct fh_hub; /* fuhua/hub.h */

struct app {
	fh_store *store;
	fh_actor actor;
	bool logged_in;
	bool locked; /* the idle lock: the login view over a cleared screen */
	bool quit;
	enum fh_screen screen;
	struct view stack[FH_SCREEN_COUNT][FH_STACK_MAX];
	int depth[FH_SCREEN_COUNT];
	struct view login;
	int64_t data_version;
	int64_t changes[FH_TOPIC_COUNT]; /* the counts of writes by topic, as last read */
	int64_t changes_read_ms;         /* when (fh_app_now_ms), at most once a second */
	int64_t last_input_ms;           /* fh_app_now_ms of the last key */
	int64_t clock_offset_ms;         /* added by a script's :idle and :wait */
	bool color;
	char message[600]; /* shown until the next key; wrapped in a box if long */
	bool message_bad;
	struct fh_login_wait wait;
	/* run on the view under a view that closed (FH_R_POP): a dialog's
	 * answer, the page of a tenant just taken in */
	int (*answer)(struct app *app, struct view *under, int arg);
	int answer_arg;
	/* the hubs the operator sees, for their short names in lists (read at
	 * login and when another session changes a hub) */
	struct fh_hub *hubs;
	size_t nhubs;
};

/* Runs the interface on an open store until the operator quits; returns the
 * exit status. `warning` (may be NULL) is shown inside the program. */
int fh_app_run(fh_store *store, const char *warning);

/* Opens a view over the current screen's top view. False (with app->message
 * set) when it could not open or the stack is full. */
bool fh_view_push(struct app *app, const struct view_ops *ops, const void *arg);
/* The current screen's top view. */
struct view *fh_view_top(struct app *app);
/* The keymap a view answers to now. */
const struct fh_keymap *fh_view_keymap(struct view *v);
/* The view under v on the current screen, or NULL. */
struct view *fh_view_parent(struct app *app, const struct view *v);
/* Goes to a screen, opening its view the first time. */
void fh_app_goto(struct app *app, enum fh_screen s);
/* What lists show for a hub: its short name (fuhua-config(5) short_name),
 * or the code itself for a hub the operator does not see. */
const char *fh_app_hub_label(const struct app *app, const char *code);
/* A screen's title (translated). */
const char *fh_screen_title(enum fh_screen s);
/* The area views draw in, for the current terminal size. */
struct rect fh_app_body(void);
/* Sets the message of the status line (printf-style). */
void fh_app_say(struct app *app, bool bad, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Puts the app into the logged-in state after a successful login. */
void fh_app_logged_in(struct app *app, const fh_actor *actor);
/* Milliseconds on the monotonic clock, plus a script's :idle and :wait. */
int64_t fh_app_now_ms(const struct app *app);
/* Marks for reloading the views that show what other sessions' writes
 * changed (their topics), at most once a second: now_ms is
 * fh_app_now_ms(app); a failed read marks every view. */
void fh_app_check_changes(struct app *app, int64_t now_ms);
/* Locks if the operator has been idle for the hub's idle-lock minutes. */
void fh_app_check_idle(struct app *app);
void fh_app_lock(struct app *app);

/* ---- drawing -------------------------------------------------------------------
 * Text measured by display width, truncated without cutting a character,
 * control characters shown as ^X. */
enum fh_color { FH_C_NORMAL, FH_C_TITLE, FH_C_BAR, FH_C_SELECT, FH_C_GOOD, FH_C_WARN, FH_C_BAD, FH_C_DIM, FH_C_COUNT };
void fh_draw_init_colors(struct app *app);
attr_t fh_attr(const struct app *app, enum fh_color c);
/* Draws s at (y, x) in at most `cols` columns; pads to `cols` when pad. */
int fh_draw_text(int y, int x, const char *s, int cols, bool pad, attr_t attr);
/* Draws s wrapped into rows of `cols` columns from (y, x), at most max_rows;
 * returns the rows used. With max_rows 0, only counts them. */
int fh_draw_wrapped(int y, int x, const char *s, int cols, int max_rows, attr_t attr);
/* A box of `cols` columns around text wrapped inside it, centred in area
 * (or at its bottom when bottom); returns the box's rows. */
int fh_draw_box(const struct app *app, struct rect area, const char *title, const char *text, const char *foot,
		int cols, bool bottom, attr_t attr);
/* A bar of `cols` cells, `value` of `total` filled: [█████░░░░], coloured
 * by how good the figure is (occupancy: high is bad; coverage: high is good). */
void fh_draw_bar(const struct app *app, int y, int x, int cols, double value, double total, bool high_is_good);
/* Puts the terminal's cursor at (y, x) when this frame is shown (a text
 * field being typed in); without a call the cursor stays hidden. The frame
 * sends the cursor's visibility only when it changes: an idle screen sends
 * nothing. */
void fh_draw_cursor(int y, int x);
/* Short labels for narrow columns. */
const char *fh_short_org_type(int type);
const char *fh_short_party(int party_org, bool fallback, bool instructor);

/* Line editing shared by every text field: Backspace, Ctrl-U, printable
 * characters appended (bytes ≤ size). Returns whether the input was one of
 * these. */
bool fh_edit_key(char *buf, size_t size, const struct fh_input *in);
/* Whether an input is a printable character (text while typing). */
bool fh_input_is_text(const struct fh_input *in);

#endif
