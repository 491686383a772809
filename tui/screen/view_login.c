/* fuhua tui — the login screen, also the idle lock and the operator switch.
 * A password is never shown; a wrong one costs a visible countdown on this
 * terminal, during which typing goes on and Ctrl-D still quits. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/demo.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "tui.h"
#include "../common/width.h"


enum mode { LOGIN, LOCKED, SWITCH };
enum { OP_QUIT_NOW = FH_ACT_LOCAL, OP_SUBMIT };

struct login {
	enum mode mode;
	char name[96];
	char password[160];
	int focus; /* 0 name, 1 password */
	char error[512];
	char demo[200]; /* a demo's accounts that still have the demo password: how to log in */
	bool nobody;    /* a database with no operator yet: how to make the first */
};

static const struct fh_binding login_keys[] = {
	{ '\n', false, OP_SUBMIT, 0, "Enter", true, N_("next / log in"), N_("Next field, or log in") },
	{ '\r', false, OP_SUBMIT, 0, NULL, false, NULL, NULL },
	{ KEY_ENTER, true, OP_SUBMIT, 0, NULL, false, NULL, NULL },
	{ '\t', false, FH_ACT_FORM_NEXT, 0, "Tab", true, N_("switch field"), NULL },
	{ KEY_DOWN, true, FH_ACT_FORM_NEXT, 0, "↓", false, NULL, NULL },
	{ KEY_UP, true, FH_ACT_FORM_PREV, 0, "↑", false, NULL, NULL },
	{ 27, false, FH_ACT_CANCEL, 0, "Esc", false, N_("clear"), N_("Clear the fields") },
	{ CTRL('d'), false, OP_QUIT_NOW, 0, "^D", true, N_("quit"), N_("Quit fuhua") },
	{ CTRL('c'), false, OP_QUIT_NOW, 0, NULL, false, NULL, NULL },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap login_keymap = { N_("Login"), login_keys, NULL };

/* On the lock screen, one key more: another operator logs in instead. */
static const struct fh_binding lock_keys[] = {
	{ CTRL('o'), false, FH_ACT_SWITCH_OPERATOR, 0, "^O", true, N_("another operator"), NULL },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap lock_keymap = { N_("Locked screen"), lock_keys, &login_keymap };

static void wipe(struct login *l)
{
	explicit_bzero(l->password, sizeof l->password);
}

/* One demo account of each role that still has the demo password,
 * "qiantai (front desk), zhuren (manager)" ("" when none, or on any other
 * database). */
static void demo_logins(struct app *app, char *out, size_t size)
{
	fh_operator_row rows[8];
	size_t n = 0, used = 0;
	fh_error err;
	out[0] = 0;
	if (fh_operator_demo_logins(app->store, rows, 8, &n, &err) != FH_OK)
		return;
	for (size_t i = 0; i < n && used < size; i++) {
		char one[160];
		if (i && rows[i].role == rows[i - 1].role)
			continue; /* the first of each role (they come by role) */
		const char *role = fh_label_role(rows[i].role);
		if (strcmp(rows[i].name, role) == 0) /* "admin", not "admin (admin)" */
			snprintf(one, sizeof one, "%s", rows[i].name);
		else
			snprintf(one, sizeof one, _("%s (%s)"), rows[i].name, role);
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? _(", ") : "", one);
	}
}

/* arg "switch": log in as another operator over a session that stays open. */
static bool open(struct app *app, struct view *v, const void *arg)
{
	struct login *l = v->priv;
	wipe(l);
	memset(l, 0, sizeof *l);
	demo_logins(app, l->demo, sizeof l->demo);
	int operators = 1;
	fh_error err;
	l->nobody = fh_operator_count(app->store, &operators, &err) == FH_OK && operators == 0;
	if (arg && strcmp(arg, "switch") == 0) {
		l->mode = SWITCH;
	} else if (app->locked && app->actor.id) {
		l->mode = LOCKED;
		snprintf(l->name, sizeof l->name, "%s", app->actor.name);
		l->focus = 1;
	}
	return true;
}

static void field(struct app *app, int y, int x, const char *label, const char *value, bool secret, bool focus,
		  int *cursor_x)
{
	char shown[200];
	if (secret) {
		/* never the password, nor its length: one mark once something is typed */
		snprintf(shown, sizeof shown, "%s", value[0] ? "••••••" : "");
	} else {
		snprintf(shown, sizeof shown, "%s", value);
	}
	int lw = fh_draw_text(y, x, label, 12, true, A_BOLD);
	attr_t a = focus ? fh_attr(app, FH_C_SELECT) : A_UNDERLINE;
	int w = fh_str_width(shown);
	const char *s = shown; /* show the end of a long value */
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

static int seconds_left(const struct app *app)
{
	int64_t ms = app->wait.until_ms - fh_app_now_ms(app);
	return ms > 0 ? (int)((ms + 999) / 1000) : 0;
}

static void draw_heading(struct app *app, struct login *l, int y, int x, int cols)
{
	char line[400];
	attr_t warn = fh_attr(app, FH_C_WARN);
	if (l->mode == LOCKED) {
		snprintf(
			line, sizeof line,
			_("Locked: %s is logged in. Enter the password to go on, or press Ctrl-O to log in as another operator."),
			app->actor.name);
		fh_draw_wrapped(y, x, line, cols - x - 1, 2, warn);
	} else if (l->mode == SWITCH) {
		snprintf(line, sizeof line,
			 _("Log in as another operator (%s's session stays open until then; Esc goes back)."),
			 app->actor.name);
		fh_draw_wrapped(y, x, line, cols - x - 1, 2, warn);
	} else if (app->message[0]) {
		fh_draw_wrapped(y, x, app->message, cols - x - 1, 2,
				app->message_bad ? fh_attr(app, FH_C_BAD) : A_NORMAL);
	} else {
		fh_draw_text(y, x, _("Log in to continue."), cols - x, false, A_NORMAL);
	}
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct login *l = v->priv;
	int y = a.y + (a.rows - 15) / 2, x = (a.cols - 46) / 2;
	y = y < a.y ? a.y : y;
	x = x < 0 ? 0 : x;
	const char *title = _("fuhua 孵化 · social-organization incubation hub");
	int tx = (a.cols - fh_str_width(title)) / 2;
	fh_draw_text(y, tx > 0 ? tx : 0, title, a.cols, false, fh_attr(app, FH_C_TITLE));
	draw_heading(app, l, y + 2, x > 4 ? 4 : x, a.cols);
	int cursor_x = 0, name_x = 0;
	field(app, y + 5, x, _("Operator"), l->name, false, l->focus == 0, &name_x);
	field(app, y + 7, x, _("Password"), l->password, true, l->focus == 1, &cursor_x);
	int left = seconds_left(app);
	char line[600];
	if (left > 0) {
		snprintf(line, sizeof line, _("%s — try again in %d s."), l->error, left);
		fh_draw_wrapped(y + 9, x, line, a.cols - x - 1, 2, fh_attr(app, FH_C_BAD) | A_BOLD);
	} else if (l->error[0]) {
		fh_draw_wrapped(y + 9, x, l->error, a.cols - x - 1, 2, fh_attr(app, FH_C_BAD));
	}
	if (l->demo[0]) {
		snprintf(line, sizeof line, _("Demo: %s; password %s"), l->demo, FH_DEMO_PASSWORD);
		fh_draw_text(y + 11, x > 10 ? 10 : x, line, a.cols - 2, false, fh_attr(app, FH_C_GOOD));
	} else if (l->nobody && !l->error[0] && left <= 0) {
		fh_draw_wrapped(
			y + 9, x > 4 ? 4 : x,
			_("No operator yet. On the server, 'fuhua init' asks for the first administrator's "
			  "password; or 'fuhua user add NAME --role admin --hub CODE' adds one (the password on "
			  "standard input)."),
			a.cols - (x > 4 ? 4 : x) - 1, 4, fh_attr(app, FH_C_WARN));
	}
	char hint[512];
	fh_keymap_hint(fh_view_keymap(v), true, hint, sizeof hint);
	fh_draw_text(y + 13, x > 4 ? 4 : x, hint, a.cols - 4, false, fh_attr(app, FH_C_DIM));
	fh_draw_cursor(l->focus == 0 ? y + 5 : y + 7, l->focus == 0 ? name_x : cursor_x);
}

static void submit(struct app *app, struct login *l)
{
	fh_actor a;
	fh_error err;
	if (seconds_left(app) > 0)
		return; /* the countdown shows why */
	if (fh_operator_login(app->store, l->name, l->password, "tui", &a, &err) == FH_OK) {
		wipe(l);
		memset(l, 0, sizeof *l);
		app->wait.failures = 0;
		app->wait.until_ms = 0;
		fh_app_logged_in(app, &a);
		return;
	}
	wipe(l);
	l->focus = 1;
	snprintf(l->error, sizeof l->error, "%s", err.message);
	if (err.code == FH_EAUTH) {
		/* 1 s, 2 s, 4 s … up to 30 s, on this terminal only */
		app->wait.until_ms = fh_app_now_ms(app) + fh_operator_delay_ms(++app->wait.failures);
	}
}

static int act(struct app *app, struct login *l, int action)
{
	switch (action) {
	case OP_QUIT_NOW:
		wipe(l);
		app->quit = true;
		break;
	case FH_ACT_FORM_NEXT:
	case FH_ACT_FORM_PREV: l->focus = !l->focus; break;
	case FH_ACT_SWITCH_OPERATOR:
		if (l->mode == LOCKED) {
			char demo[sizeof l->demo];
			memcpy(demo, l->demo, sizeof demo);
			wipe(l);
			memset(l, 0, sizeof *l);
			l->mode = SWITCH;
			memcpy(l->demo, demo, sizeof demo);
		}
		break;
	case FH_ACT_CANCEL:
		wipe(l);
		l->error[0] = 0;
		if (l->mode == SWITCH) {
			/* back to the lock of the operator still logged in */
			char demo[sizeof l->demo];
			memcpy(demo, l->demo, sizeof demo);
			memset(l, 0, sizeof *l);
			l->mode = LOCKED;
			memcpy(l->demo, demo, sizeof demo);
			snprintf(l->name, sizeof l->name, "%s", app->actor.name);
			l->focus = 1;
		} else if (l->mode == LOGIN) {
			l->name[0] = 0;
			l->focus = 0;
		}
		break;
	case OP_SUBMIT:
		if (l->focus == 0) {
			if (l->name[0])
				l->focus = 1;
		} else {
			submit(app, l);
		}
		break;
	default: break;
	}
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)action, (void)arg;
	struct login *l = v->priv;
	const struct fh_binding *b = fh_keymap_find(fh_view_keymap(v), in, true);
	if (b)
		return act(app, l, b->action);
	if (l->mode == LOCKED && l->focus == 0)
		return FH_R_DONE; /* the locked operator's name stays */
	if (l->focus)
		fh_edit_key(l->password, sizeof l->password, in);
	else
		fh_edit_key(l->name, sizeof l->name, in);
	return FH_R_DONE;
}

static bool typing(struct view *v)
{
	(void)v;
	return true;
}

static const struct fh_keymap *keys(struct view *v)
{
	return ((struct login *)v->priv)->mode == LOCKED ? &lock_keymap : &login_keymap;
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	if (v->priv)
		wipe(v->priv);
}

const struct view_ops fh_login_view = {
	.name = "login",
	.private_size = sizeof(struct login),
	.keymap = &login_keymap,
	.open = open,
	.draw = draw,
	.request = request,
	.keys = keys,
	.typing = typing,
	.done = done,
};
