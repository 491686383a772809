/* fuhua tui — the party record's form and the joint branch form. Core checks
 * both (party.c): a branch with too few full members, a full joint branch,
 * fallback without its reason are refused with the reason beside the field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "party.h"
#include "tenants.h"
#include "tui.h"

#define PICK_MAX (FH_FORM_CHOICES - 1)

struct pform {
	fh_party base;
	struct fh_form form;
	/* the joint branches and instructors to choose from, by name */
	int64_t branch_id[PICK_MAX], instructor_id[PICK_MAX];
	char branch_name[PICK_MAX][FH_PARTY_TEXT_MAX * 4 + 1];
	char instructor_name[PICK_MAX][FH_PARTY_TEXT_MAX * 4 + 48];
	int nbranches, ninstructors;
};

static bool zh(void)
{
	return fh_i18n_is_zh();
}

static const char *yes_no[2];

static void pickers(struct app *app, struct pform *p)
{
	fh_branch *b = NULL;
	fh_instructor *in = NULL;
	size_t nb = 0, ni = 0;
	fh_error err;
	p->nbranches = p->ninstructors = 0;
	if (fh_branch_list(app->store, &app->actor, p->base.hub_id, &b, &nb, &err) == FH_OK)
		for (size_t i = 0; i < nb && p->nbranches < PICK_MAX; i++) {
			p->branch_id[p->nbranches] = b[i].id;
			snprintf(p->branch_name[p->nbranches++], sizeof p->branch_name[0], "%s", b[i].name);
		}
	if (fh_party_instructors(app->store, &app->actor, 0, &in, &ni, &err) == FH_OK)
		for (size_t i = 0; i < ni && p->ninstructors < PICK_MAX; i++) {
			p->instructor_id[p->ninstructors] = in[i].id;
			snprintf(p->instructor_name[p->ninstructors++], sizeof p->instructor_name[0], "%s (%s)",
				 in[i].name, fh_app_hub_label(app, in[i].hub_code));
		}
	free(b);
	free(in);
}

static void fill(struct pform *p)
{
	char v[FH_PARTY_REASON_MAX * 4 + 8];
	yes_no[0] = zh() ? "否" : "no";
	yes_no[1] = zh() ? "是" : "yes";
	p->form.n = 0;
	for (int f = 0; f < FH_PF_COUNT; f++) {
		fh_party_get(&p->base, (fh_party_field)f, false, zh(), v, sizeof v);
		if (f == FH_PF_INSTRUCTOR)
			for (int i = 0; i < p->ninstructors; i++)
				if (p->instructor_id[i] == p->base.instructor_id)
					snprintf(v, sizeof v, "%s", p->instructor_name[i]);
		struct fh_form_field *ff =
			fh_form_add(&p->form, fh_party_field_label((fh_party_field)f, zh()), FH_FIELD_TEXT, v);
		if (!ff)
			continue;
		int n = 0;
		switch (f) {
		case FH_PF_FORM:
			for (int k = 0; k < FH_PARTY_ORG_COUNT; k++)
				ff->choices[n++] = fh_party_org_label((fh_party_org)k, zh());
			break;
		case FH_PF_SECRETARY_IN_MGMT:
		case FH_PF_FALLBACK:
			ff->choices[n++] = yes_no[0];
			ff->choices[n++] = yes_no[1];
			break;
		case FH_PF_BRANCH:
			ff->choices[n++] = "";
			for (int k = 0; k < p->nbranches; k++)
				ff->choices[n++] = p->branch_name[k];
			break;
		case FH_PF_INSTRUCTOR:
			ff->choices[n++] = "";
			for (int k = 0; k < p->ninstructors; k++)
				ff->choices[n++] = p->instructor_name[k];
			break;
		default: continue;
		}
		ff->kind = FH_FIELD_CHOICE;
		ff->nchoices = n;
		/* a joint branch or an instructor is a record: a picker */
		if (f == FH_PF_BRANCH || f == FH_PF_INSTRUCTOR)
			fh_form_choices_picker(ff);
	}
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct pform *p = v->priv;
	const struct fh_tenant_arg *a = arg;
	fh_error err;
	char buf[600];
	if (fh_party_get_record(app->store, &app->actor, a->id, &p->base, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	pickers(app, p);
	fill(p);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct pform *p = v->priv;
	char title[800];
	snprintf(title, sizeof title, _("Party record of %s (no. %lld)"), p->base.tenant_name,
		 (long long)p->base.tenant_id);
	fh_form_draw(app, &p->form, title, a);
}

/* A choice's text back to what fh_party_set takes: the branch and the
 * instructor by number. */
static const char *as_input(struct pform *p, int f, char *buf, size_t size)
{
	const char *val = p->form.f[f].value;
	if (f == FH_PF_BRANCH || f == FH_PF_INSTRUCTOR) {
		int n = f == FH_PF_BRANCH ? p->nbranches : p->ninstructors;
		for (int i = 0; i < n; i++)
			if (strcmp(val, f == FH_PF_BRANCH ? p->branch_name[i] : p->instructor_name[i]) == 0) {
				snprintf(buf, size, "%lld",
					 (long long)(f == FH_PF_BRANCH ? p->branch_id[i] : p->instructor_id[i]));
				return buf;
			}
	}
	return val;
}

static void say_errors(struct pform *p, const fh_field_errors *errs)
{
	for (size_t i = 0; i < errs->n; i++) {
		fh_party_field f;
		if (fh_party_field_lookup(errs->e[i].field, &f))
			snprintf(p->form.f[f].error, sizeof p->form.f[f].error, "%s", errs->e[i].message);
	}
	snprintf(p->form.message, sizeof p->form.message,
		 N3_("%zu field needs attention; nothing was saved.", "%zu fields need attention; nothing was saved.",
		     errs->n),
		 errs->n);
	fh_form_focus_error(&p->form);
}

static int save(struct app *app, struct view *v)
{
	struct pform *p = v->priv;
	fh_party rec = p->base;
	fh_field_errors errs = { 0 };
	fh_error err;
	char buf[600], id[32];
	fh_form_clear_errors(&p->form);
	for (int f = 0; f < FH_PF_COUNT; f++) {
		fh_error e;
		if (fh_party_set(&rec, (fh_party_field)f, as_input(p, f, id, sizeof id), &e) != FH_OK)
			fh_field_errors_add(&errs, &e);
	}
	fh_status st = errs.n ? FH_EINVAL : fh_party_save(app->store, &app->actor, &rec, &errs, &err);
	if (st == FH_OK) {
		fh_app_say(app, false, _("Party record of %s saved"), rec.tenant_name);
		return FH_R_POP;
	}
	if (st == FH_EINVAL && !errs.n)
		errs.e[errs.n++] = err;
	if (st == FH_EINVAL)
		say_errors(p, &errs);
	else
		snprintf(p->form.message, sizeof p->form.message, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct pform *)v->priv)->form, action, in, save);
}

static bool typing(struct view *v)
{
	return fh_form_typing(&((struct pform *)v->priv)->form);
}

const struct view_ops fh_party_form_view = {
	.form = true,
	.name = "party-form",
	.private_size = sizeof(struct pform),
	.keymap = &fh_form_keymap,
	.open = open,
	.draw = draw,
	.request = request,
	.typing = typing,
};

/* ---- the joint branch form ------------------------------------------------------- */

struct bform {
	fh_branch base;
	struct fh_form form;
};

static bool branch_open(struct app *app, struct view *v, const void *arg)
{
	struct bform *b = v->priv;
	const struct fh_branch_arg *a = arg;
	fh_error err;
	char buf[600];
	if (a->id && fh_branch_get(app->store, &app->actor, a->id, &b->base, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	fh_form_add(&b->form, _("Name"), FH_FIELD_TEXT, b->base.name);
	fh_form_add(&b->form, _("Secretary"), FH_FIELD_TEXT, b->base.secretary);
	fh_form_add(&b->form, _("Founded"), FH_FIELD_TEXT, b->base.founded);
	fh_form_add(&b->form, _("Committee elected"), FH_FIELD_TEXT, b->base.elected);
	return true;
}

static void branch_draw(struct app *app, struct view *v, struct rect a)
{
	struct bform *b = v->priv;
	char title[400];
	if (b->base.id)
		snprintf(title, sizeof title, _("Joint branch %s: %d of at most %d tenants, %d full members"),
			 b->base.name, b->base.tenants, b->base.max_tenants, b->base.full);
	else
		snprintf(title, sizeof title, _("A new joint branch · %s"), app->actor.hub_name);
	fh_form_draw(app, &b->form, title, a);
}

static int branch_save(struct app *app, struct view *v)
{
	struct bform *b = v->priv;
	fh_branch rec = b->base;
	fh_error err;
	char buf[600];
	char *dst[] = { rec.name, rec.secretary, rec.founded, rec.elected };
	size_t size[] = { sizeof rec.name, sizeof rec.secretary, sizeof rec.founded, sizeof rec.elected };
	static const char *const ids[] = { "name", "secretary", "founded", "elected" };
	fh_form_clear_errors(&b->form);
	for (int i = 0; i < 4; i++) {
		if (strlen(b->form.f[i].value) >= size[i]) {
			snprintf(b->form.f[i].error, sizeof b->form.f[i].error, "%s", _("is too long"));
			fh_form_focus_error(&b->form);
			return FH_R_DONE;
		}
		snprintf(dst[i], size[i], "%s", b->form.f[i].value);
	}
	if (fh_branch_save(app->store, &app->actor, &rec, &err) == FH_OK) {
		fh_app_say(app, false, _("Joint branch %s saved"), rec.name);
		return FH_R_POP;
	}
	for (int i = 0; i < 4; i++)
		if (strcmp(err.field, ids[i]) == 0) {
			snprintf(b->form.f[i].error, sizeof b->form.f[i].error, "%s", err.message);
			fh_form_focus_error(&b->form);
			return FH_R_DONE;
		}
	snprintf(b->form.message, sizeof b->form.message, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_DONE;
}

static int branch_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct bform *)v->priv)->form, action, in, branch_save);
}

static bool branch_typing(struct view *v)
{
	return fh_form_typing(&((struct bform *)v->priv)->form);
}

const struct view_ops fh_branch_form_view = {
	.form = true,
	.name = "branch-form",
	.private_size = sizeof(struct bform),
	.keymap = &fh_form_keymap,
	.open = branch_open,
	.draw = branch_draw,
	.request = branch_request,
	.typing = branch_typing,
};
