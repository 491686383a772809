/* fuhua tui — the driver: the one input loop, the view stacks (one per
 * screen), the frame (tabs, view, hint line, status line), lock and quit. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "confirm.h"
#include "fuhua/hub.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "tui.h"
#include "../common/width.h"

static volatile sig_atomic_t got_signal;
static bool curses_active;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void restore_terminal(void)
{
	if (curses_active) {
		endwin();
		curses_active = false;
	}
}

int64_t fh_app_now_ms(const struct app *app)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 + (app ? app->clock_offset_ms : 0);
}

/* ---- the screen table ----------------------------------------------------------- */

/* clang-format off */
static const char *const screen_titles[FH_SCREEN_COUNT] = {
#define FH_SCREEN_TITLE(id, name, title) title,
	FH_SCREENS(FH_SCREEN_TITLE)
#undef FH_SCREEN_TITLE
};
/* clang-format on */

/* clang-format off */
static const struct view_ops *const screen_views[FH_SCREEN_COUNT] = {
#define FH_SCREEN_OPS(id, name, title) &fh_##name##_view,
	FH_SCREENS(FH_SCREEN_OPS)
#undef FH_SCREEN_OPS
};
/* clang-format on */

const char *fh_screen_title(enum fh_screen s)
{
	return (unsigned)s < FH_SCREEN_COUNT ? _(screen_titles[s]) : "";
}

void fh_app_say(struct app *app, bool bad, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_bad = bad;
}

struct rect fh_app_body(void)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	return (struct rect){ 1, 0, rows - 3, cols };
}

/* ---- the view stack ------------------------------------------------------------- */

struct view *fh_view_top(struct app *app)
{
	int d = app->depth[app->screen];
	return d ? &app->stack[app->screen][d - 1] : NULL;
}

const struct fh_keymap *fh_view_keymap(struct view *v)
{
	return v->ops->keys ? v->ops->keys(v) : v->ops->keymap;
}

struct view *fh_view_parent(struct app *app, const struct view *v)
{
	struct view *s = app->stack[app->screen];
	for (int i = 1; i < app->depth[app->screen]; i++)
		if (&s[i] == v)
			return &s[i - 1];
	return NULL;
}

static bool open_view(struct app *app, struct view *v, const struct view_ops *ops, const void *arg)
{
	memset(v, 0, sizeof *v);
	v->ops = ops;
	if (ops->private_size && !(v->priv = calloc(1, ops->private_size))) {
		fh_app_say(app, true, "%s", _("out of memory"));
		return false;
	}
	if (ops->open && !ops->open(app, v, arg)) {
		if (ops->done)
			ops->done(app, v);
		free(v->priv);
		memset(v, 0, sizeof *v);
		return false;
	}
	return true;
}

static void close_view(struct app *app, struct view *v)
{
	if (v->ops && v->ops->done)
		v->ops->done(app, v);
	free(v->priv);
	memset(v, 0, sizeof *v);
}

bool fh_view_push(struct app *app, const struct view_ops *ops, const void *arg)
{
	int *d = &app->depth[app->screen];
	if (*d >= FH_STACK_MAX) {
		fh_app_say(app, true, "%s", _("Too many views open: close one with q first."));
		return false;
	}
	if (!open_view(app, &app->stack[app->screen][*d], ops, arg))
		return false;
	(*d)++;
	return true;
}

static void reload_view(struct app *app, struct view *v)
{
	v->stale = false;
	if (v->ops->reload)
		v->ops->reload(app, v);
}

static void pop_view(struct app *app)
{
	int *d = &app->depth[app->screen];
	if (*d <= 1)
		return;
	close_view(app, &app->stack[app->screen][--*d]);
	reload_view(app, &app->stack[app->screen][*d - 1]);
}

static void close_all(struct app *app)
{
	for (int s = 0; s < FH_SCREEN_COUNT; s++)
		while (app->depth[s] > 0)
			close_view(app, &app->stack[s][--app->depth[s]]);
}

void fh_app_goto(struct app *app, enum fh_screen s)
{
	if ((unsigned)s >= FH_SCREEN_COUNT)
		return;
	app->screen = s;
	if (app->depth[s] == 0) {
		if (open_view(app, &app->stack[s][0], screen_views[s], NULL))
			app->depth[s] = 1;
		return;
	}
	/* the lower views may have missed writes while away: reload when shown */
	for (int i = 0; i < app->depth[s]; i++)
		app->stack[s][i].stale = true;
}

/* Reloads the views about to be drawn that missed a write or a resize. */
static void freshen(struct app *app)
{
	for (int i = 0; i < app->depth[app->screen]; i++)
		if (app->stack[app->screen][i].stale)
			reload_view(app, &app->stack[app->screen][i]);
}

static void mark_all_stale(struct app *app)
{
	for (int s = 0; s < FH_SCREEN_COUNT; s++)
		for (int i = 0; i < app->depth[s]; i++)
			app->stack[s][i].stale = true;
}

/* The counts of writes by topic as they are now (every topic when they
 * cannot be read: the views then read again, and say so if they fail). */
static unsigned read_changes(struct app *app)
{
	int64_t now[FH_TOPIC_COUNT];
	fh_error err;
	unsigned changed =
		fh_changes_read(app->store, now, &err) == FH_OK ? fh_changes_between(app->changes, now) : FH_TOPICS_ALL;
	memcpy(app->changes, now, sizeof now);
	return changed;
}

/* ---- login, lock, other sessions ------------------------------------------------ */

/* The hubs the operator sees, for their short names; on a failed read the
 * lists show codes. */
static void read_hubs(struct app *app)
{
	fh_error err;
	free(app->hubs);
	app->hubs = NULL;
	app->nhubs = 0;
	if (fh_hub_list(app->store, &app->actor, &app->hubs, &app->nhubs, &err) != FH_OK) {
		app->hubs = NULL;
		app->nhubs = 0;
	}
}

const char *fh_app_hub_label(const struct app *app, const char *code)
{
	for (size_t i = 0; code && i < app->nhubs; i++)
		if (strcmp(app->hubs[i].code, code) == 0)
			return app->hubs[i].short_name[0] ? app->hubs[i].short_name : app->hubs[i].name;
	return code ? code : "";
}

void fh_app_logged_in(struct app *app, const fh_actor *actor)
{
	bool same = app->actor.id == actor->id;
	app->actor = *actor;
	snprintf(app->actor.via, sizeof app->actor.via, "tui");
	app->logged_in = true;
	app->locked = false;
	app->message[0] = 0;
	if (!same) {
		/* another operator: nothing of the last one's views carries over */
		close_all(app);
		app->screen = FH_SCREEN_DASHBOARD;
	}
	read_hubs(app);
	app->last_input_ms = fh_app_now_ms(app);
	app->data_version = fh_store_data_version(app->store);
	read_changes(app);
	mark_all_stale(app);
	fh_app_goto(app, app->screen);
}

void fh_app_lock(struct app *app)
{
	app->locked = true;
	fh_login_view.open(app, &app->login, NULL);
	/* The lock screen shows nothing of the data behind it. */
	clearok(curscr, TRUE);
}

void fh_app_check_changes(struct app *app, int64_t now_ms)
{
	if (app->changes_read_ms && now_ms - app->changes_read_ms < 1000)
		return; /* once a second at most, however often others write */
	int64_t v = fh_store_data_version(app->store);
	if (v == app->data_version && v >= 0)
		return;
	app->data_version = v;
	app->changes_read_ms = now_ms;
	unsigned changed = read_changes(app);
	if (!app->logged_in || app->locked || !changed)
		return;
	if (changed & FH_TOPIC(HUB))
		read_hubs(app);
	/* only the views that show what was written */
	for (int s = 0; s < FH_SCREEN_COUNT; s++)
		for (int i = 0; i < app->depth[s]; i++) {
			struct view *w = &app->stack[s][i];
			if (!w->ops->topics || (w->ops->topics & changed))
				w->stale = true;
		}
}

void fh_app_check_idle(struct app *app)
{
	int minutes = app->actor.idle_lock_minutes;
	if (!app->logged_in || app->locked || minutes <= 0)
		return;
	if (fh_app_now_ms(app) - app->last_input_ms >= (int64_t)minutes * 60000)
		fh_app_lock(app);
}

/* ---- the frame ------------------------------------------------------------------ */

/* A screen's label on the top line: "F1/1 Dashboard" where the line has
 * room for every screen so, else "1 Dashboard": the digit keys work on
 * every terminal, the function keys only where the terminal sends them
 * as its terminfo says (not on TERM=linux, nor xterm-mono under tmux). */
static void screen_label(int s, bool fkeys, char *buf, size_t size)
{
	if (fkeys)
		snprintf(buf, size, " F%d/%d %s ", s + 1, s + 1, fh_screen_title((enum fh_screen)s));
	else
		snprintf(buf, size, " %d %s ", s + 1, fh_screen_title((enum fh_screen)s));
}

static void draw_tabs(struct app *app, int cols)
{
	attr_t bar = fh_attr(app, FH_C_TITLE);
	fh_draw_text(0, 0, "", cols, true, bar);
	const char *brand = _("fuhua 孵化");
	int x = 0, wide = fh_str_width(brand) + 2;
	for (int s = 0; s < FH_SCREEN_COUNT; s++) {
		char label[64];
		screen_label(s, true, label, sizeof label);
		wide += fh_str_width(label);
	}
	for (int s = 0; s < FH_SCREEN_COUNT && x < cols; s++) {
		char label[64];
		screen_label(s, wide <= cols, label, sizeof label);
		attr_t a = (enum fh_screen)s == app->screen ? fh_attr(app, FH_C_SELECT) : bar;
		x += fh_draw_text(0, x, label, cols - x, false, a);
	}
	int w = fh_str_width(brand);
	if (cols - x > w + 2)
		fh_draw_text(0, cols - w - 1, brand, w, false, bar);
}

static bool view_typing(struct view *v)
{
	return v && v->ops->typing && v->ops->typing(v);
}

/* A form or a dialog on top: no key leaves it but the shared control keys
 * (help, lock, quit, which asks), never a screen's key or a letter. */
static bool view_holds_keys(struct view *v)
{
	return v && (v->ops->overlay || v->ops->form);
}

/* The hint line: the top view's keys. The status line: operator and hub on
 * the left; on the right the keys every screen shares, or the message, which
 * opens a box above them when it does not fit. */
static void draw_bottom(struct app *app, int rows, int cols)
{
	struct view *top = fh_view_top(app);
	bool typing = view_typing(top);
	char hint[1024], left[256], keys[256];
	fh_keymap_hint(top ? fh_view_keymap(top) : NULL, typing, hint, sizeof hint);
	fh_draw_text(rows - 2, 0, hint, cols, true, fh_attr(app, FH_C_DIM));
	attr_t bar = fh_attr(app, FH_C_BAR);
	fh_draw_text(rows - 1, 0, "", cols, true, bar);
	snprintf(left, sizeof left, " %s (%s) │ %s", app->actor.name, fh_label_role(app->actor.role),
		 app->actor.hub_name);
	const char *right = app->message;
	if (!right[0])
		right = fh_keymap_hint(&fh_generic_keymap, typing || view_holds_keys(top), keys, sizeof keys);
	int rw = fh_str_width(right);
	bool boxed = rw > cols - 20 || strchr(right, '\n');
	int lw = cols - (boxed ? 0 : rw) - 3;
	fh_draw_text(rows - 1, 0, left, lw, false, bar);
	attr_t ma = !app->message[0] ? bar
		: app->message_bad   ? fh_attr(app, FH_C_BAD) | A_BOLD
				     : fh_attr(app, FH_C_SELECT);
	if (!boxed) {
		fh_draw_text(rows - 1, cols - rw - 1, right, rw, false, ma);
		return;
	}
	struct rect area = { 1, 0, rows - 2, cols };
	fh_draw_box(app, area, NULL, right, NULL, cols > 84 ? 80 : cols, true,
		    app->message_bad ? fh_attr(app, FH_C_BAR) | A_BOLD : fh_attr(app, FH_C_BAR));
}

static void draw_too_small(int rows, int cols)
{
	char line[256];
	snprintf(line, sizeof line, _("Terminal too small: %d×%d. fuhua needs at least %d×%d."), cols, rows,
		 FH_MIN_COLS, FH_MIN_ROWS);
	int y = rows / 2 - 1;
	if (y < 0)
		y = 0;
	y += fh_draw_wrapped(y, 0, line, cols, 3, A_BOLD);
	if (y < rows)
		fh_draw_wrapped(y, 0, _("Enlarge the window, or press Q to quit."), cols, rows - y, A_NORMAL);
}

static bool too_small(void)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	return rows < FH_MIN_ROWS || cols < FH_MIN_COLS;
}

/* The top view; under a dialog, the view it stands over and the dialog
 * alone: a dialog over a dialog hides the one beneath, not partly. */
static void draw_views(struct app *app, struct rect body)
{
	int d = app->depth[app->screen], first = d - 1;
	while (first > 0 && app->stack[app->screen][first].ops->overlay)
		first--;
	if (first < 0)
		return;
	struct view *base = &app->stack[app->screen][first], *top = &app->stack[app->screen][d - 1];
	base->ops->draw(app, base, body);
	if (top != base)
		top->ops->draw(app, top, body);
}

/* The cursor this frame wants (fh_draw_cursor), and what the terminal shows. */
static struct {
	bool want, shown, known;
	int y, x;
} cursor;

void fh_draw_cursor(int y, int x)
{
	cursor.want = true;
	cursor.y = y;
	cursor.x = x;
}

static void draw_frame(struct app *app)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	erase();
	cursor.want = false;
	if (too_small()) {
		draw_too_small(rows, cols);
	} else if (!app->logged_in || app->locked) {
		fh_login_view.draw(app, &app->login, (struct rect){ 0, 0, rows, cols });
	} else {
		draw_tabs(app, cols);
		draw_views(app, fh_app_body());
		draw_bottom(app, rows, cols);
	}
	if (cursor.want)
		move(cursor.y, cursor.x);
	if (cursor.want != cursor.shown || !cursor.known) /* sent only when it changes */
		curs_set(cursor.want);
	cursor.shown = cursor.want;
	cursor.known = true;
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- dispatch ------------------------------------------------------------------- */

static int quit_yes(struct app *app, struct view *under, int arg)
{
	(void)under, (void)arg;
	app->quit = true;
	return FH_R_DONE;
}

/* Asks before quitting; asked already (Q, Ctrl-X or Ctrl-C again on the
 * question), quits. */
static void ask_quit(struct app *app)
{
	struct view *top = fh_view_top(app);
	if (top && top->ops == &fh_confirm_view && ((struct fh_confirm *)top->priv)->yes == quit_yes) {
		app->quit = true;
		return;
	}
	struct fh_confirm c = { .yes = quit_yes };
	snprintf(c.title, sizeof c.title, "%s", _("Quit fuhua?"));
	snprintf(c.text, sizeof c.text, "%s",
		 _("The session ends; forms not saved are lost. Enter or y quits (or Ctrl-C again), Esc or n stays."));
	fh_view_push(app, &fh_confirm_view, &c);
}

static void generic_action(struct app *app, const struct fh_binding *b)
{
	struct view *top = fh_view_top(app);
	switch (b->action) {
	case FH_ACT_SCREEN: fh_app_goto(app, (enum fh_screen)b->arg); break;
	case FH_ACT_HELP:
		if (top && top->ops == &fh_help_view)
			pop_view(app);
		else
			fh_view_push(app, &fh_help_view, top ? fh_view_keymap(top) : NULL);
		break;
	case FH_ACT_BACK:
		pop_view(app); /* on a top screen: nothing */
		break;
	case FH_ACT_QUIT: ask_quit(app); break;
	case FH_ACT_LOCK: fh_app_lock(app); break;
	case FH_ACT_SWITCH_OPERATOR:
		app->locked = true;
		fh_login_view.open(app, &app->login, "switch");
		clearok(curscr, TRUE);
		break;
	case FH_ACT_LOGOUT:
		close_all(app);
		memset(&app->actor, 0, sizeof app->actor);
		app->logged_in = false;
		fh_login_view.open(app, &app->login, NULL);
		fh_app_say(app, false, "%s", _("Logged out."));
		break;
	case FH_ACT_LANGUAGE:
		fh_i18n_set(fh_i18n_is_zh() ? "en" : "zh");
		mark_all_stale(app);
		break;
	case FH_ACT_REDRAW: clearok(curscr, TRUE); break;
	default: break;
	}
}

/* Acts on what a view's request returned. */
static void apply(struct app *app, struct view *v, int r)
{
	if (r & FH_R_RELOAD)
		reload_view(app, v);
	if ((r & FH_R_POP) && v == fh_view_top(app)) {
		pop_view(app);
		int (*answer)(struct app *, struct view *, int) = app->answer;
		app->answer = NULL;
		struct view *under = fh_view_top(app);
		if (answer && under)
			apply(app, under,
			      answer(app, under->ops->focus ? under->ops->focus(under) : under, app->answer_arg));
	}
}

static void dispatch(struct app *app, const struct fh_input *in)
{
	if (in->kind == FH_IN_NONE)
		return; /* a dropped escape sequence */
	if (too_small()) {
		bool quit = in->kind == FH_IN_CHAR && (in->ch == 'Q' || in->ch == CTRL('x') || in->ch == CTRL('c'));
		app->quit |= quit;
		return;
	}
	if (!app->logged_in || app->locked) {
		fh_login_view.request(app, &app->login, FH_ACT_NONE, 0, in);
		return;
	}
	app->message[0] = 0;
	struct view *top = fh_view_top(app);
	if (!top)
		return;
	bool typing = view_typing(top);
	if (typing && fh_input_is_text(in)) {
		apply(app, top, top->ops->request(app, top, FH_ACT_NONE, 0, in));
		return;
	}
	const struct fh_binding *b = fh_keymap_find(fh_view_keymap(top), in, typing);
	if (b) {
		int r = top->ops->request(app, top, b->action, b->arg, in);
		if (r != FH_R_UNHANDLED) {
			apply(app, top, r);
			return;
		}
	}
	const struct fh_binding *g = fh_keymap_find(&fh_generic_keymap, in, typing);
	if (g && view_holds_keys(top) && (fh_binding_is_text(g) || g->action == FH_ACT_SCREEN))
		g = NULL; /* a form or a dialog: only the shared control keys reach past it */
	if (g) {
		/* the view sees a generic action first (q may clear a search) */
		int r = top->ops->request(app, top, g->action, g->arg, in);
		if (r != FH_R_UNHANDLED)
			apply(app, top, r);
		else
			generic_action(app, g);
		return;
	}
	/* editing keys of a text field (Backspace, Ctrl-U); anything else is ignored */
	if (!b)
		apply(app, top, top->ops->request(app, top, FH_ACT_NONE, 0, in));
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
}

static SCREEN *open_terminal(FILE **out, FILE **in, char *warning, size_t size)
{
	const char *term = getenv("TERM");
	*out = stdout;
	*in = stdin;
	/* a script without a terminal: keys from nowhere, the output into a
	 * file that counts what a terminal would have been sent (:bytes) */
	if (fh_input_scripted() && !isatty(STDOUT_FILENO)) {
		FILE *sent = tmpfile(), *null = fopen("/dev/null", "r");
		if (sent && null) {
			*out = sent;
			*in = null;
			fh_input_count_output(sent);
		} else if (sent) {
			fclose(sent);
		} else if (null) {
			fclose(null);
		}
	}
	if (!term || !*term)
		term = "vt100";
	SCREEN *scr = newterm(term, *out, *in);
	if (!scr) {
		snprintf(warning, size, _("Unknown terminal type '%s': using vt100. Set TERM to your terminal's."),
			 term);
		scr = newterm("vt100", *out, *in);
	}
	return scr;
}

static void run_loop(struct app *app)
{
	while (!app->quit && !got_signal) {
		if (app->logged_in && !app->locked)
			freshen(app);
		draw_frame(app);
		struct fh_input inp = fh_input_get(app, 1000);
		if (inp.kind == FH_IN_END)
			break;
		if (inp.kind == FH_IN_TIMEOUT) {
			fh_app_check_idle(app);
			fh_app_check_changes(app, fh_app_now_ms(app));
			continue;
		}
		if (inp.kind == FH_IN_KEY && inp.ch == KEY_RESIZE) {
			mark_all_stale(app); /* lists load pages of the new height */
			continue;
		}
		app->last_input_ms = fh_app_now_ms(app);
		dispatch(app, &inp);
	}
}

int fh_app_run(fh_store *store, const char *warning_in)
{
	const char *script = getenv("FUHUA_SCRIPT");
	char msg[256], warning[300];
	snprintf(warning, sizeof warning, "%s", warning_in ? warning_in : "");
	if (script && *script && !fh_input_script_open(script, msg, sizeof msg)) {
		fprintf(stderr, "fuhua: %s\n", msg);
		return 2;
	}
	if (!fh_input_scripted() && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "fuhua: %s\n",
			_("the terminal interface needs a terminal; see 'fuhua --help' for commands"));
		return 2;
	}
	install_signals();
	FILE *out, *in;
	SCREEN *scr = open_terminal(&out, &in, warning, sizeof warning);
	if (!scr) {
		fprintf(stderr, "fuhua: %s\n", _("cannot start the terminal interface"));
		return 1;
	}
	curses_active = true;
	atexit(restore_terminal);
	set_escdelay(25);
	/* raw, not cbreak: Ctrl-C is a key that asks before quitting (a
	 * signal would end the session with a form half typed), and Ctrl-S
	 * saves a form instead of stopping the terminal's output */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	struct app *app = calloc(1, sizeof *app);
	if (!app) {
		restore_terminal();
		return 1;
	}
	app->store = store;
	fh_draw_init_colors(app);
	app->data_version = fh_store_data_version(store);
	read_changes(app);
	app->last_input_ms = fh_app_now_ms(app);
	if (!open_view(app, &app->login, &fh_login_view, NULL)) {
		restore_terminal();
		free(app);
		return 1;
	}
	if (warning[0])
		fh_app_say(app, true, "%s", warning);
	run_loop(app);
	restore_terminal();
	delscreen(scr);
	if (out != stdout)
		fclose(out);
	if (in != stdin)
		fclose(in);
	fh_input_script_close();
	close_all(app);
	close_view(app, &app->login);
	free(app->hubs);
	int rc = got_signal ? 128 + got_signal : 0;
	free(app);
	return rc;
}
