/* fuhua tui — a tenant's Party members by name: who, which kind (full,
 * probationary, applicant, activist) and whether their relation (组织关系)
 * is held here. a names one, Enter changes one (转正 is a change of kind),
 * d removes one after asking; the record's counts follow (party_member.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "form.h"
#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "party.h"
#include "tenants.h"
#include "tui.h"
#include "../common/width.h"

enum { OP_ADD = FH_ACT_LOCAL, OP_REMOVE };

struct members {
	int64_t tenant;
	fh_party party;
	struct fh_list list;
	char error[600];
};

static bool zh(void)
{
	return fh_i18n_is_zh();
}

static void draw_member(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app, (void)ctx;
	const fh_party_member *m = row;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, m->name, 20, true, a);
	fh_draw_text(y, x + 22, fh_member_kind_label(m->kind, zh()), 20, true, a);
	fh_draw_text(y, x + 43, m->relation_here ? _("relation held here") : _("relation held elsewhere"), cols - 43,
		     true, a);
}

static const struct fh_list_source member_source = { sizeof(fh_party_member), NULL, NULL, draw_member, NULL };

static void reload(struct app *app, struct view *v)
{
	struct members *m = v->priv;
	fh_party_member *rows = NULL;
	size_t n = 0;
	fh_error err;
	m->error[0] = 0;
	if (fh_party_get_record(app->store, &app->actor, m->tenant, &m->party, &err) != FH_OK ||
	    fh_party_members(app->store, &app->actor, m->tenant, &rows, &n, &err) != FH_OK)
		fh_error_text(&err, m->error, sizeof m->error);
	fh_list_set(&m->list, rows, n);
	free(rows);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct members *m = v->priv;
	m->tenant = ((const struct fh_tenant_arg *)arg)->id;
	fh_list_init(&m->list, &member_source, m);
	reload(app, v);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct members *m = v->priv;
	char line[600], pos[32];
	snprintf(line, sizeof line, _("Party members of %s"), m->party.tenant_name);
	fh_draw_text(a.y, 0, line, a.cols, true, fh_attr(app, FH_C_TITLE));
	snprintf(line, sizeof line,
		 _("Counted: %d full, %d probationary, %d applicants, %d activists; %d relations held here"),
		 m->party.full, m->party.probationary, m->party.applicants, m->party.activists,
		 m->party.relations_here);
	fh_list_position(&m->list, pos, sizeof pos);
	int pw = fh_str_width(pos);
	fh_draw_text(a.y + 1, 1, line, a.cols - pw - 3, true, A_NORMAL);
	fh_draw_text(a.y + 1, a.cols - pw - 1, pos, pw, false, fh_attr(app, FH_C_DIM));
	if (m->error[0]) {
		fh_draw_wrapped(a.y + 3, 1, m->error, a.cols - 2, 3, fh_attr(app, FH_C_BAD));
		return;
	}
	fh_list_draw(app, &m->list, (struct rect){ a.y + 3, 0, a.rows - 3, a.cols }, true);
	if (m->list.nrows == 0)
		fh_draw_text(a.y + 3, 2, _("No member is named yet: a names one (the counts stay as they are)."),
			     a.cols - 3, false, fh_attr(app, FH_C_DIM));
}

static int remove_yes(struct app *app, struct view *under, int arg)
{
	(void)under;
	fh_error err;
	char buf[600];
	if (fh_party_member_remove(app->store, &app->actor, arg, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_RELOAD;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct members *m = v->priv;
	const fh_party_member *sel = fh_list_selected(&m->list);
	switch (action) {
	case OP_ADD:
		fh_view_push(app, &fh_party_member_form_view, &(struct fh_member_arg){ m->tenant, 0 });
		return FH_R_DONE;
	case FH_ACT_OPEN:
		if (sel)
			fh_view_push(app, &fh_party_member_form_view, &(struct fh_member_arg){ m->tenant, sel->id });
		return FH_R_DONE;
	case OP_REMOVE: {
		if (!sel || sel->id > INT32_MAX)
			return FH_R_DONE;
		struct fh_confirm c = { .yes = remove_yes, .arg = (int)sel->id };
		snprintf(c.title, sizeof c.title, _("%s leaves?"), sel->name);
		snprintf(
			c.text, sizeof c.text,
			_("%s is no longer named here, and the count of %s drops by one. The audit log keeps the change."),
			sel->name, fh_member_kind_label(sel->kind, zh()));
		fh_view_push(app, &fh_confirm_view, &c);
		return FH_R_DONE;
	}
	default: return fh_list_request(app, &m->list, action);
	}
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	fh_list_free(&((struct members *)v->priv)->list);
}

static const struct fh_binding member_keys[] = {
	{ 'a', false, OP_ADD, 0, "a", true, N_("name one"), N_("Name a member") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("change"),
	  N_("Change the member's kind or relation (转正: probationary to full)") },
	{ 'd', false, OP_REMOVE, 0, "d", true, N_("leaves"), N_("The member leaves (asks first)") },
	{ 'q', false, FH_ACT_BACK, 0, "q", true, NULL, NULL },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap member_keymap = { N_("Party members"), member_keys, &fh_scroll_keymap };

const struct view_ops fh_party_members_view = {
	.name = "party-members",
	.private_size = sizeof(struct members),
	.keymap = &member_keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(PARTY) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};

/* ---- one member's form ---------------------------------------------------------- */

struct mform {
	fh_party_member base;
	struct fh_form form;
	const char *yes_no[2];
};

static bool form_open(struct app *app, struct view *v, const void *arg)
{
	struct mform *f = v->priv;
	const struct fh_member_arg *a = arg;
	fh_error err;
	char buf[600];
	f->base = (fh_party_member){ .tenant_id = a->tenant, .kind = FH_MEMBER_FULL, .relation_here = true };
	if (a->id && fh_party_member_get(app->store, &app->actor, a->id, &f->base, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	f->yes_no[0] = zh() ? "否" : "no";
	f->yes_no[1] = zh() ? "是" : "yes";
	fh_form_add(&f->form, P_("person", "Name"), FH_FIELD_TEXT, f->base.name);
	struct fh_form_field *k =
		fh_form_add(&f->form, _("Kind"), FH_FIELD_CHOICE, fh_member_kind_label(f->base.kind, zh()));
	for (int i = 0; k && i < FH_MEMBER_KIND_COUNT; i++)
		k->choices[k->nchoices++] = fh_member_kind_label((fh_member_kind)i, zh());
	struct fh_form_field *h =
		fh_form_add(&f->form, _("Relation held here"), FH_FIELD_CHOICE, f->yes_no[f->base.relation_here]);
	for (int i = 0; h && i < 2; i++)
		h->choices[h->nchoices++] = f->yes_no[i];
	return true;
}

static void form_draw(struct app *app, struct view *v, struct rect a)
{
	struct mform *f = v->priv;
	fh_form_draw(app, &f->form, f->base.id ? _("A Party member") : _("Name a Party member"), a);
}

static int form_save(struct app *app, struct view *v)
{
	struct mform *f = v->priv;
	fh_party_member m = f->base;
	fh_error err;
	char buf[600];
	fh_form_clear_errors(&f->form);
	if (strlen(f->form.f[0].value) >= sizeof m.name) {
		snprintf(f->form.f[0].error, sizeof f->form.f[0].error, "%s", _("is too long"));
		return FH_R_DONE;
	}
	memcpy(m.name, f->form.f[0].value, strlen(f->form.f[0].value) + 1);
	for (int i = 0; i < FH_MEMBER_KIND_COUNT; i++)
		if (strcmp(f->form.f[1].value, fh_member_kind_label((fh_member_kind)i, zh())) == 0)
			m.kind = (fh_member_kind)i;
	m.relation_here = strcmp(f->form.f[2].value, f->yes_no[1]) == 0;
	if (fh_party_member_save(app->store, &app->actor, &m, &err) == FH_OK) {
		fh_app_say(app, false, _("%s saved"), m.name);
		return FH_R_POP;
	}
	if (strcmp(err.field, "name") == 0) {
		snprintf(f->form.f[0].error, sizeof f->form.f[0].error, "%s", err.message);
		fh_form_focus_error(&f->form);
	} else {
		snprintf(f->form.message, sizeof f->form.message, "%s", fh_error_text(&err, buf, sizeof buf));
	}
	return FH_R_DONE;
}

static int form_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct mform *)v->priv)->form, action, in, form_save);
}

static bool form_typing(struct view *v)
{
	return fh_form_typing(&((struct mform *)v->priv)->form);
}

const struct view_ops fh_party_member_form_view = {
	.form = true,
	.name = "party-member-form",
	.private_size = sizeof(struct mform),
	.keymap = &fh_form_keymap,
	.open = form_open,
	.draw = form_draw,
	.request = form_request,
	.typing = form_typing,
};
