/* fuhua tui — the operator's account, from the dashboard (o): every
 * operator changes their own password here; a manager adds, disables and
 * enables the operators of its hubs and resets their passwords, an admin
 * everyone's. Core checks who may do what; every change is audited. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "form.h"
#include "fuhua/clock.h"
#include "fuhua/operator.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "tui.h"

enum { OP_OWN_PASSWORD = FH_ACT_LOCAL, OP_ADD, OP_RESET, OP_DISABLE };

struct account {
	struct fh_list list;
	char error[600];
	bool manages; /* a manager or an admin: the operators' list */
};

/* name, role, last login, state, hub: columns of fixed widths, the hub's
 * name taking the rest. */
static void draw_row(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)ctx;
	const fh_operator_row *r = row;
	char when[32] = "—";
	if (r->last_login)
		fh_clock_format(r->last_login, when, sizeof when);
	fh_draw_text(y, x, "", cols, true, a);
	int at = x + 1;
	at += fh_draw_text(y, at, r->name, 16, true, a) + 1;
	at += fh_draw_text(y, at, fh_label_role(r->role), 8, true, a) + 1;
	at += fh_draw_text(y, at, when, 16, true, a) + 1;
	at += fh_draw_text(y, at, r->disabled ? _("disabled") : "", 8, true, fh_attr(app, FH_C_WARN) | a) + 1;
	if (at < x + cols - 1)
		fh_draw_text(y, at, r->hub_name, x + cols - 1 - at, false, a);
}

static const struct fh_list_source source = { sizeof(fh_operator_row), NULL, NULL, draw_row, NULL };

static void reload(struct app *app, struct view *v)
{
	struct account *p = v->priv;
	fh_operator_row *rows = NULL;
	size_t n = 0;
	fh_error err;
	p->error[0] = 0;
	p->manages = fh_role_allows(app->actor.role, FH_ROLE_MANAGER);
	if (!p->manages)
		return;
	if (fh_operator_list(app->store, &app->actor, &rows, &n, &err) != FH_OK)
		fh_error_text(&err, p->error, sizeof p->error);
	fh_list_set(&p->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)arg;
	struct account *p = v->priv;
	fh_list_init(&p->list, &source, p);
	reload(app, v);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct account *p = v->priv;
	char line[400];
	snprintf(line, sizeof line, _("Account · %s (%s) · %s"), app->actor.name, fh_label_role(app->actor.role),
		 app->actor.hub_name);
	fh_draw_text(a.y, 0, line, a.cols, true, fh_attr(app, FH_C_TITLE));
	fh_draw_text(a.y + 1, 1, _("p changes your password: the old one, then the new one twice."), a.cols - 2, false,
		     fh_attr(app, FH_C_DIM));
	if (!p->manages)
		return;
	char pos[32];
	snprintf(line, sizeof line, _("Operators of your hubs · %s"), fh_list_position(&p->list, pos, sizeof pos));
	fh_draw_text(a.y + 3, 1, line, a.cols - 2, false, A_BOLD);
	if (p->error[0]) {
		fh_draw_wrapped(a.y + 4, 1, p->error, a.cols - 2, 3, fh_attr(app, FH_C_BAD));
		return;
	}
	fh_list_draw(app, &p->list, (struct rect){ a.y + 4, 0, a.rows - 4, a.cols }, true);
}

/* ---- the forms: my password, a new operator, a reset ---------------------------- */

enum account_form { AF_OWN, AF_ADD, AF_RESET };

struct account_arg {
	enum account_form kind;
	char name[64]; /* the operator a reset is for */
};

struct aform {
	struct account_arg arg;
	struct fh_form form;
	const char *ids[8]; /* core's field name of each form field */
	const char *roles[FH_ROLE_COUNT];
};

static struct fh_form_field *secret(struct fh_form *fm, const char *label)
{
	struct fh_form_field *f = fh_form_add(fm, label, FH_FIELD_TEXT, "");
	if (f)
		f->secret = true;
	return f;
}

static bool form_open(struct app *app, struct view *v, const void *arg)
{
	struct aform *p = v->priv;
	p->arg = *(const struct account_arg *)arg;
	struct fh_form *fm = &p->form;
	int n = 0;
	if (p->arg.kind == AF_OWN) {
		secret(fm, _("Your password")), p->ids[n++] = "old";
	} else if (p->arg.kind == AF_ADD) {
		fh_form_add(fm, _("Name"), FH_FIELD_TEXT, ""), p->ids[n++] = "name";
		struct fh_form_field *r =
			fh_form_add(fm, _("Role"), FH_FIELD_CHOICE, fh_label_role(FH_ROLE_FRONT_DESK));
		p->ids[n++] = "role";
		for (int i = 0; i < FH_ROLE_COUNT && fh_role_allows(app->actor.role, (fh_role)i); i++)
			r->choices[r->nchoices++] = p->roles[i] = fh_label_role((fh_role)i);
		fh_form_add(fm, _("Hub"), FH_FIELD_TEXT, app->actor.hub_code), p->ids[n++] = "hub";
	}
	secret(fm, _("New password")), p->ids[n++] = "password";
	secret(fm, _("New password again")), p->ids[n++] = "again";
	return true;
}

static void form_draw(struct app *app, struct view *v, struct rect a)
{
	struct aform *p = v->priv;
	char title[200];
	if (p->arg.kind == AF_OWN)
		snprintf(title, sizeof title, "%s", _("Change your password"));
	else if (p->arg.kind == AF_ADD)
		snprintf(title, sizeof title, "%s", _("Add an operator"));
	else
		snprintf(title, sizeof title, _("Reset the password of %s"), p->arg.name);
	fh_form_draw(app, &p->form, title, a);
}

static int form_save(struct app *app, struct view *v)
{
	struct aform *p = v->priv;
	struct fh_form *fm = &p->form;
	int n = fm->n;
	const char *pw = fm->f[n - 2].value, *again = fm->f[n - 1].value;
	fh_error err = { 0 };
	fh_status st;
	fh_form_clear_errors(fm);
	if (strcmp(pw, again) != 0) {
		snprintf(fm->f[n - 1].error, sizeof fm->f[n - 1].error, "%s", _("differs from the new password"));
		fm->focus = n - 1;
		return FH_R_DONE;
	}
	if (p->arg.kind == AF_OWN) {
		st = fh_operator_change_own(app->store, &app->actor, fm->f[0].value, pw, &err);
	} else if (p->arg.kind == AF_RESET) {
		st = fh_operator_set_password(app->store, &app->actor, p->arg.name, pw, 0, &err);
	} else {
		fh_role role = FH_ROLE_FRONT_DESK;
		for (int i = 0; i < FH_ROLE_COUNT; i++)
			if (p->roles[i] && strcmp(fm->f[1].value, p->roles[i]) == 0)
				role = (fh_role)i;
		char name[64], hub[64];
		fh_text_trim(name, sizeof name, fm->f[0].value);
		fh_text_trim(hub, sizeof hub, fm->f[2].value);
		st = fh_operator_add(app->store, &app->actor, name, role, hub, pw, &err);
	}
	if (st == FH_OK) {
		if (p->arg.kind == AF_OWN)
			fh_app_say(app, false, "%s", _("Your password is changed: use the new one from now on."));
		else if (p->arg.kind == AF_RESET)
			fh_app_say(app, false, _("The password of %s is reset: tell them the new one."), p->arg.name);
		else
			fh_app_say(app, false, _("Operator %s added."), fm->f[0].value);
		fh_form_wipe(fm);
		return FH_R_POP | FH_R_RELOAD;
	}
	char buf[700];
	for (int i = 0; i < n; i++)
		if (strcmp(err.field, p->ids[i]) == 0) {
			snprintf(fm->f[i].error, sizeof fm->f[i].error, "%s", err.message);
			fm->focus = i;
			return FH_R_DONE;
		}
	snprintf(fm->message, sizeof fm->message, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_DONE;
}

static int form_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct aform *)v->priv)->form, action, in, form_save);
}

static bool form_typing(struct view *v)
{
	return fh_form_typing(&((struct aform *)v->priv)->form);
}

static void form_done(struct app *app, struct view *v)
{
	(void)app;
	fh_form_wipe(&((struct aform *)v->priv)->form);
}

const struct view_ops fh_account_form_view = {
	.form = true,
	.name = "account-form",
	.private_size = sizeof(struct aform),
	.keymap = &fh_form_keymap,
	.open = form_open,
	.draw = form_draw,
	.request = form_request,
	.typing = form_typing,
	.done = form_done,
};

/* ---- the account's keys ------------------------------------------------------------ */

static int disable_yes(struct app *app, struct view *under, int arg)
{
	struct account *p = under->priv;
	const fh_operator_row *r = fh_list_selected(&p->list);
	fh_error err;
	char buf[700];
	if (!r)
		return FH_R_DONE;
	if (fh_operator_set_disabled(app->store, &app->actor, r->name, arg, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else
		fh_app_say(app, false, arg ? _("%s is disabled: it can no longer log in.") : _("%s can log in again."),
			   r->name);
	return FH_R_RELOAD;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct account *p = v->priv;
	const fh_operator_row *r = p->manages ? fh_list_selected(&p->list) : NULL;
	struct account_arg fa = { .kind = AF_OWN };
	switch (action) {
	case OP_OWN_PASSWORD: fh_view_push(app, &fh_account_form_view, &fa); return FH_R_DONE;
	case OP_ADD:
	case OP_RESET:
	case OP_DISABLE:
		if (!p->manages) {
			fh_app_say(app, true, "%s", _("Only a manager or an admin manages operators."));
			return FH_R_DONE;
		}
		if (action == OP_ADD) {
			fa.kind = AF_ADD;
			fh_view_push(app, &fh_account_form_view, &fa);
			return FH_R_DONE;
		}
		if (!r)
			return FH_R_DONE;
		if (action == OP_RESET) {
			fa.kind = AF_RESET;
			snprintf(fa.name, sizeof fa.name, "%s", r->name);
			fh_view_push(app, &fh_account_form_view, &fa);
			return FH_R_DONE;
		}
		struct fh_confirm c = { .yes = disable_yes, .arg = !r->disabled };
		if (r->disabled) {
			snprintf(c.title, sizeof c.title, _("Enable %s?"), r->name);
			snprintf(c.text, sizeof c.text, "%s", _("It can log in again with its password."));
		} else {
			snprintf(c.title, sizeof c.title, _("Disable %s?"), r->name);
			snprintf(c.text, sizeof c.text, "%s",
				 _("It can no longer log in; a session it has open ends at its next lock. Its records "
				   "stay, and d enables it again."));
		}
		fh_view_push(app, &fh_confirm_view, &c);
		return FH_R_DONE;
	default: return p->manages ? fh_list_request(app, &p->list, action) : FH_R_UNHANDLED;
	}
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	fh_list_free(&((struct account *)v->priv)->list);
}

static const struct fh_binding keys[] = {
	{ 'p', false, OP_OWN_PASSWORD, 0, "p", true, N_("my password"), N_("Change your own password") },
	{ 'a', false, OP_ADD, 0, "a", true, N_("add"), N_("Add an operator at one of your hubs (managers)") },
	{ 'r', false, OP_RESET, 0, "r", true, N_("reset password"),
	  N_("Set a new password for the selected operator (managers)") },
	{ 'd', false, OP_DISABLE, 0, "d", true, N_("disable/enable"),
	  N_("Disable the selected operator, or enable it again (managers; asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap keymap = { N_("Account"), keys, &fh_scroll_keymap };

/* An operator who manages nobody: their own password only. */
static const struct fh_binding own_keys[] = {
	{ 'p', false, OP_OWN_PASSWORD, 0, "p", true, N_("my password"), N_("Change your own password") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap front_desk_keymap = { N_("Account"), own_keys, NULL };

static const struct fh_keymap *keys_now(struct view *v)
{
	return ((struct account *)v->priv)->manages ? &keymap : &front_desk_keymap;
}

const struct view_ops fh_account_view = {
	.name = "account",
	.private_size = sizeof(struct account),
	.keymap = &keymap,
	.keys = keys_now,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};
