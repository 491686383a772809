/* fuhua tui — the one input loop: frames, screens, lock, other sessions. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "tui.h"
#include "width.h"

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

int64_t fh_app_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec;
}

static const char *const screen_titles[FH_SCREEN_COUNT] = {
	N_("Dashboard"), N_("Tenants"), N_("Party"), N_("Spaces"), N_("Mentoring"), N_("Reports"),
};

const struct view_ops *fh_screen_view(enum fh_screen s)
{
	static const struct view_ops *const views[FH_SCREEN_COUNT] = {
		&fh_dashboard_view, &fh_tenants_view, &fh_party_view,
		&fh_spaces_view, &fh_mentoring_view, &fh_reports_view,
	};
	return (unsigned)s < FH_SCREEN_COUNT ? views[s] : &fh_dashboard_view;
}

void fh_app_logged_in(struct app *app, const fh_actor *actor)
{
	bool same = app->actor.id == actor->id;
	app->actor = *actor;
	snprintf(app->actor.via, sizeof app->actor.via, "tui");
	app->logged_in = true;
	app->locked = false;
	app->help = false;
	if (!same) {
		/* another operator: nothing of the last one's views carries over */
		app->screen = FH_SCREEN_DASHBOARD;
		for (int s = 0; s < FH_SCREEN_COUNT; s++) {
			if (fh_screen_view((enum fh_screen)s)->done)
				fh_screen_view((enum fh_screen)s)->done(app);
			free(app->view_state[s]);
			app->view_state[s] = NULL;
		}
	}
	app->last_input = fh_app_now();
	app->idle_extra = 0;
	app->data_version = fh_store_data_version(app->store);
	for (int s = 0; s < FH_SCREEN_COUNT; s++)
		if (fh_screen_view((enum fh_screen)s)->reload)
			fh_screen_view((enum fh_screen)s)->reload(app);
}

void fh_app_check_changes(struct app *app)
{
	int64_t v = fh_store_data_version(app->store);
	if (v == app->data_version)
		return;
	app->data_version = v;
	if (!app->logged_in)
		return;
	const struct view_ops *view = fh_screen_view(app->screen);
	if (view->reload)
		view->reload(app);
}

void fh_app_check_idle(struct app *app)
{
	int minutes = app->actor.idle_lock_minutes;
	if (!app->logged_in || app->locked || minutes <= 0)
		return;
	if (fh_app_now() - app->last_input + app->idle_extra >= (int64_t)minutes * 60) {
		app->locked = true;
		app->help = false;
		/* The lock screen shows nothing of the data behind it. */
		clearok(curscr, TRUE);
	}
}

/* ---- the frame -------------------------------------------------------------- */

static void draw_tabs(struct app *app, int cols)
{
	attr_t bar = fh_attr(app, FH_C_TITLE);
	move(0, 0);
	for (int x = 0; x < cols; x++)
		mvaddch(0, x, ' ' | bar);
	int x = 0;
	for (int s = 0; s < FH_SCREEN_COUNT && x < cols; s++) {
		char label[64];
		snprintf(label, sizeof label, " F%d %s ", s + 1, _(screen_titles[s]));
		attr_t a = (enum fh_screen)s == app->screen ? fh_attr(app, FH_C_SELECT) : bar;
		x += fh_draw_text(0, x, label, cols - x, false, a);
	}
	const char *brand = _("fuhua 孵化");
	int w = fh_str_width(brand);
	if (cols - x > w + 2)
		fh_draw_text(0, cols - w - 1, brand, w, false, bar);
}

static const char *role_label(fh_role r)
{
	switch (r) {
	case FH_ROLE_ADMIN:
		return _("admin");
	case FH_ROLE_MANAGER:
		return _("manager");
	default:
		return _("front desk");
	}
}

static void draw_status(struct app *app, int y, int cols)
{
	attr_t bar = fh_attr(app, FH_C_BAR);
	for (int x = 0; x < cols; x++)
		mvaddch(y, x, ' ' | bar);
	char left[256];
	snprintf(left, sizeof left, " %s (%s) │ %s", app->actor.name, role_label(app->actor.role),
		 app->actor.hub_name);
	const char *right = app->message[0] ? app->message
		: _("? help  L lock  U switch  Q quit");
	int rw = fh_str_width(right);
	if (rw > cols / 2)
		rw = cols / 2;
	fh_draw_text(y, 0, left, cols - rw - 2, false, bar);
	fh_draw_text(y, cols - rw - 1, right, rw, false,
		     app->message[0] ? fh_attr(app, FH_C_SELECT) : bar);
}

static void draw_too_small(int rows, int cols)
{
	char line[256];
	snprintf(line, sizeof line, _("Terminal too small: %d×%d. fuhua needs at least %d×%d."),
		 cols, rows, FH_MIN_COLS, FH_MIN_ROWS);
	const char *hint = _("Enlarge the window, or press Q to quit.");
	int y = rows / 2 - 1;
	if (y < 0)
		y = 0;
	fh_draw_text(y, 0, line, cols, false, A_BOLD);
	if (y + 1 < rows)
		fh_draw_text(y + 1, 0, hint, cols, false, A_NORMAL);
}

static bool too_small(void)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	return rows < FH_MIN_ROWS || cols < FH_MIN_COLS;
}

static void draw_frame(struct app *app)
{
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	erase();
	curs_set(0);
	if (too_small()) {
		draw_too_small(rows, cols);
	} else if (!app->logged_in || app->locked) {
		fh_login_view.draw(app, 0, rows, cols);
	} else {
		draw_tabs(app, cols);
		if (app->help)
			fh_help_view.draw(app, 1, rows - 2, cols);
		else
			fh_screen_view(app->screen)->draw(app, 1, rows - 2, cols);
		draw_status(app, rows - 1, cols);
	}
	wnoutrefresh(stdscr);
	doupdate();
}

/* ---- dispatch ------------------------------------------------------------------ */

static void global_action(struct app *app, enum fh_action a)
{
	switch (a) {
	case FH_ACT_SCREEN_DASHBOARD:
	case FH_ACT_SCREEN_TENANTS:
	case FH_ACT_SCREEN_PARTY:
	case FH_ACT_SCREEN_SPACES:
	case FH_ACT_SCREEN_MENTORING:
	case FH_ACT_SCREEN_REPORTS:
		app->screen = (enum fh_screen)(a - FH_ACT_SCREEN_DASHBOARD);
		app->help = false;
		if (fh_screen_view(app->screen)->reload)
			fh_screen_view(app->screen)->reload(app);
		break;
	case FH_ACT_HELP:
		app->help = !app->help;
		break;
	case FH_ACT_BACK:
		if (app->help)
			app->help = false;
		else
			app->quit = true;
		break;
	case FH_ACT_QUIT:
		app->quit = true;
		break;
	case FH_ACT_LOCK:
		app->locked = true;
		app->help = false;
		clearok(curscr, TRUE);
		break;
	case FH_ACT_SWITCH_OPERATOR:
	case FH_ACT_LOGOUT:
		app->logged_in = false;
		app->help = false;
		snprintf(app->message, sizeof app->message, "%s",
			 a == FH_ACT_LOGOUT ? _("Logged out.") : _("Log in as another operator."));
		if (a == FH_ACT_LOGOUT)
			memset(&app->actor, 0, sizeof app->actor);
		break;
	case FH_ACT_LANGUAGE:
		fh_i18n_set(fh_i18n_is_zh() ? "en" : "zh");
		break;
	case FH_ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void dispatch(struct app *app, const struct fh_input *in)
{
	bool is_key = in->kind == FH_IN_KEY;
	enum fh_action a = fh_key_action(in->ch, is_key);
	if (too_small()) {
		if (a == FH_ACT_QUIT || (!is_key && (in->ch == 'q' || in->ch == 'Q')))
			app->quit = true;
		return;
	}
	if (!app->logged_in || app->locked) {
		fh_login_view.key(app, a, in);
		return;
	}
	app->message[0] = 0;
	if (app->help && fh_help_view.key(app, a, in))
		return;
	if (!app->help && fh_screen_view(app->screen)->key(app, a, in))
		return;
	global_action(app, a);
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

static SCREEN *open_terminal(FILE **out, FILE **in)
{
	const char *term = getenv("TERM");
	*out = stdout;
	*in = stdin;
	if (fh_input_scripted() && !isatty(STDOUT_FILENO)) {
		*out = fopen("/dev/null", "w");
		*in = fopen("/dev/null", "r");
	}
	if (!term || !*term)
		term = "vt100";
	SCREEN *scr = newterm(term, *out, *in);
	if (!scr) {
		fprintf(stderr, _("fuhua: unknown terminal type '%s'; using vt100\n"), term);
		scr = newterm("vt100", *out, *in);
	}
	return scr;
}

int fh_app_run(fh_store *store)
{
	const char *script = getenv("FUHUA_SCRIPT");
	char msg[256];
	if (script && *script && !fh_input_script_open(script, msg, sizeof msg)) {
		fprintf(stderr, "fuhua: %s\n", msg);
		return 2;
	}
	if (!fh_input_scripted() && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr, "fuhua: %s\n", _("the terminal interface needs a terminal; see 'fuhua --help' for commands"));
		return 2;
	}
	install_signals();
	FILE *out, *in;
	SCREEN *scr = open_terminal(&out, &in);
	if (!scr) {
		fprintf(stderr, "fuhua: %s\n", _("cannot start the terminal interface"));
		return 1;
	}
	curses_active = true;
	atexit(restore_terminal);
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	struct app app = { .store = store };
	fh_draw_init_colors(&app);
	app.data_version = fh_store_data_version(store);
	app.last_input = fh_app_now();

	while (!app.quit && !got_signal) {
		draw_frame(&app);
		struct fh_input inp = fh_input_get(&app, 1000);
		if (inp.kind == FH_IN_END)
			break;
		if (inp.kind == FH_IN_TIMEOUT) {
			fh_app_check_idle(&app);
			fh_app_check_changes(&app);
			continue;
		}
		if (inp.kind == FH_IN_KEY && inp.ch == KEY_RESIZE)
			continue; /* the next frame lays out for the new size */
		app.last_input = fh_app_now();
		app.idle_extra = 0;
		dispatch(&app, &inp);
	}
	restore_terminal();
	delscreen(scr);
	if (out != stdout)
		fclose(out);
	if (in != stdin)
		fclose(in);
	fh_input_script_close();
	for (int s = 0; s < FH_SCREEN_COUNT; s++)
		if (fh_screen_view((enum fh_screen)s)->done)
			fh_screen_view((enum fh_screen)s)->done(&app);
	for (size_t i = 0; i < sizeof app.view_state / sizeof app.view_state[0]; i++)
		free(app.view_state[i]);
	return got_signal ? 128 + got_signal : 0;
}
