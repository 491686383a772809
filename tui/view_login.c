/* fuhua tui — the login screen, also the idle lock and operator switch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/demo.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "tui.h"
#include "width.h"

struct login {
	char name[96];
	char password[160];
	int focus; /* 0 name, 1 password */
	char error[512];
};

static struct login *state(struct app *app)
{
	if (!app->view_state[FH_STATE_LOGIN])
		app->view_state[FH_STATE_LOGIN] = calloc(1, sizeof(struct login));
	return app->view_state[FH_STATE_LOGIN];
}

static void field(struct app *app, int y, int x, const char *label, const char *value,
		  bool secret, bool focus, int *cursor_x)
{
	char shown[200];
	if (secret) {
		size_t n = fh_utf8_chars(value);
		if (n > sizeof shown - 1)
			n = sizeof shown - 1;
		memset(shown, '*', n);
		shown[n] = 0;
	} else {
		snprintf(shown, sizeof shown, "%s", value);
	}
	int lw = fh_draw_text(y, x, label, 12, true, A_BOLD);
	attr_t a = focus ? fh_attr(app, FH_C_SELECT) : A_UNDERLINE;
	int w = fh_str_width(shown);
	/* show the end of a long value */
	const char *s = shown;
	while (w > 28 && *s) {
		uint32_t cp;
		size_t n = fh_utf8_decode(s, strlen(s), &cp);
		w -= fh_cp_width(cp);
		s += n;
	}
	fh_draw_text(y, x + lw + 1, s, 30, true, a);
	if (focus)
		*cursor_x = x + lw + 1 + w;
}

static void draw(struct app *app, int top, int rows, int cols)
{
	struct login *l = state(app);
	if (!l)
		return;
	int y = top + (rows - 14) / 2, x = (cols - 46) / 2;
	if (y < top)
		y = top;
	if (x < 0)
		x = 0;
	const char *title = _("fuhua 孵化 · social-organization incubation hub");
	fh_draw_text(y, (cols - fh_str_width(title)) / 2 > 0 ? (cols - fh_str_width(title)) / 2 : 0,
		     title, cols, false, fh_attr(app, FH_C_TITLE));
	char line[256];
	if (app->locked) {
		snprintf(line, sizeof line, _("Locked. %s, enter your password; another operator may log in."),
			 app->actor.name);
		fh_draw_text(y + 2, x, line, cols - x, false, fh_attr(app, FH_C_WARN));
	} else if (app->actor.id && app->logged_in == false && app->message[0]) {
		fh_draw_text(y + 2, x, app->message, cols - x, false, A_NORMAL);
	} else {
		fh_draw_text(y + 2, x, _("Log in to continue."), cols - x, false, A_NORMAL);
	}
	int cursor_x = 0;
	field(app, y + 4, x, _("Operator"), l->name, false, l->focus == 0, &cursor_x);
	int cx0 = cursor_x;
	field(app, y + 6, x, _("Password"), l->password, true, l->focus == 1, &cursor_x);
	if (l->error[0])
		fh_draw_text(y + 8, x, l->error, cols - x, false, fh_attr(app, FH_C_BAD));
	const char *demo = fh_store_setting(app->store, "demo");
	if (demo) {
		snprintf(line, sizeof line,
			 _("Demo: qiantai (front desk), zhuren (manager), admin; password %s"),
			 FH_DEMO_PASSWORD);
		fh_draw_text(y + 10, x > 10 ? 10 : x, line, cols - 2, false, fh_attr(app, FH_C_GOOD));
	}
	fh_draw_text(y + 12, x, _("Enter: next / log in   Tab: switch field   Ctrl-D: quit"),
		     cols - x, false, fh_attr(app, FH_C_DIM));
	move(l->focus == 0 ? y + 4 : y + 6, l->focus == 0 ? cx0 : cursor_x);
	curs_set(1);
}

static void wipe(struct login *l)
{
	explicit_bzero(l->password, sizeof l->password);
}

static void submit(struct app *app, struct login *l)
{
	fh_actor a;
	fh_error err;
	if (fh_operator_login(app->store, l->name, l->password, "tui", &a, &err) == FH_OK) {
		wipe(l);
		memset(l, 0, sizeof *l);
		app->message[0] = 0;
		fh_app_logged_in(app, &a);
		return;
	}
	wipe(l);
	l->focus = 1;
	snprintf(l->error, sizeof l->error, "%s", err.message);
}

static bool key(struct app *app, enum fh_action action, const struct fh_input *in)
{
	(void)action;
	struct login *l = state(app);
	if (!l)
		return false;
	char *buf = l->focus ? l->password : l->name;
	size_t size = l->focus ? sizeof l->password : sizeof l->name;
	wint_t ch = in->ch;
	if (in->kind == FH_IN_CHAR && ch != '\t' && ch != '\n' && ch != '\r' &&
	    fh_edit_key(buf, size, in))
		return true; /* Backspace, Ctrl-U (wipes), a character */
	if (in->kind == FH_IN_KEY) {
		if (ch == KEY_BACKSPACE || ch == KEY_DC)
			fh_edit_key(buf, size, in);
		else if (ch == KEY_UP || ch == KEY_DOWN)
			l->focus = !l->focus;
		else if (ch == KEY_ENTER)
			goto enter;
		return true;
	}
	switch (ch) {
	case 4: /* Ctrl-D */
		app->quit = true;
		return true;
	case '\t':
		l->focus = !l->focus;
		return true;
	case 27:
		wipe(l);
		l->name[0] = 0;
		l->focus = 0;
		l->error[0] = 0;
		return true;
	case '\n':
	case '\r':
		goto enter;
	default:
		return true;
	}
enter:
	if (l->focus == 0) {
		if (l->name[0])
			l->focus = 1;
		return true;
	}
	submit(app, l);
	return true;
}

const struct view_ops fh_login_view = { "login", draw, key, NULL, NULL };
