/* fuhua tui — the intake and edit form of a tenant, on the form widget. Core
 * checks every field; its messages stand beside the fields. After an edit
 * conflict the operator's typed values stay and the other's are merged in. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "fuhua/hub.h"
#include "fuhua/tenant.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "tenants.h"
#include "tui.h"

/* The editable fields but the party's, which the party record owns (its
 * form, party.h, checks them against the joint branches and the rules). */
static const fh_tenant_field form_fields[] = {
	FH_TF_NAME,      FH_TF_SHORT_NAME, FH_TF_ORG_TYPE,    FH_TF_REG_STATE, FH_TF_CREDIT_CODE, FH_TF_FIELD,
	FH_TF_LEGAL_REP, FH_TF_CONTACT,    FH_TF_PHONE,       FH_TF_ADDRESS,   FH_TF_STAFF,       FH_TF_VOLUNTEERS,
	FH_TF_FOUNDED,   FH_TF_RATING,     FH_TF_RATING_DATE, FH_TF_NOTES,
};
#define FORM_FIELDS ((int)(sizeof form_fields / sizeof form_fields[0]))
#define MAX_FIELDS FH_SERVICE_FIELDS_MAX

struct tform {
	bool is_new;
	bool similar_shown; /* the intake named look-alikes; F2 again takes it in */
	fh_tenant base;     /* what was loaded (edit) or the defaults (new) */
	struct fh_form form;
	char fields[MAX_FIELDS][128]; /* the service fields of the tenant's hub */
	size_t nfields;
};

static bool zh(void)
{
	return fh_i18n_is_zh();
}

static const char *const ratings[] = { "", "1A", "2A", "3A", "4A", "5A" };

static void set_choices(struct tform *t, struct fh_form_field *f, int field)
{
	int n = 0;
	switch (field) {
	case FH_TF_ORG_TYPE:
		for (int i = 0; i < FH_ORG_TYPE_COUNT; i++)
			f->choices[n++] = fh_org_type_label((fh_org_type)i, zh());
		break;
	case FH_TF_REG_STATE:
		for (int i = 0; i < FH_REG_STATE_COUNT; i++)
			f->choices[n++] = fh_reg_state_label((fh_reg_state)i, zh());
		break;
	case FH_TF_RATING:
		for (int i = 0; i < 6; i++)
			f->choices[n++] = ratings[i];
		break;
	case FH_TF_FIELD:
		f->choices[n++] = "";
		for (size_t i = 0; i < t->nfields && n < FH_FORM_CHOICES; i++)
			f->choices[n++] = t->fields[i];
		break;
	default: return;
	}
	f->kind = FH_FIELD_CHOICE;
	f->nchoices = n;
}

static void fill(struct tform *t)
{
	char val[FH_FORM_VALUE];
	t->form.n = 0;
	for (int i = 0; i < FORM_FIELDS; i++) {
		fh_tenant_field f = form_fields[i];
		fh_tenant_get(&t->base, f, false, zh(), val, sizeof val);
		if (t->is_new && strcmp(val, "0") == 0)
			val[0] = 0; /* numbers left empty rather than 0 in a new form */
		struct fh_form_field *ff = fh_form_add(&t->form, fh_tenant_field_label(f, zh()), FH_FIELD_TEXT, val);
		if (ff)
			set_choices(t, ff, f);
	}
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct tform *t = v->priv;
	const struct fh_tenant_arg *a = arg;
	fh_error err;
	char buf[600];
	t->is_new = a->id == 0;
	if (t->is_new) {
		fh_tenant_init(&t->base);
		t->base.hub_id = app->actor.hub_id;
	} else if (fh_tenant_get_by_id(app->store, &app->actor, a->id, &t->base, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	if (fh_tenant_service_fields(app->store, t->base.hub_id, t->fields, MAX_FIELDS, &t->nfields, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	fill(t);
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct tform *t = v->priv;
	char title[800];
	if (t->is_new)
		snprintf(title, sizeof title, _("Take in an application · %s"), app->actor.hub_name);
	else
		snprintf(title, sizeof title, _("Edit %s (no. %lld)"), t->base.name, (long long)t->base.id);
	fh_form_draw(app, &t->form, title, a);
}

/* Someone saved first. Fields only they changed take their value; fields
 * this operator changed keep what was typed, with theirs beside; their
 * version becomes the base, so the next save applies. */
static void merge(struct app *app, struct tform *t, const fh_error *conflict)
{
	fh_tenant now;
	fh_error e2;
	char was[FH_FORM_VALUE], is[FH_FORM_VALUE];
	if (fh_tenant_get_by_id(app->store, &app->actor, t->base.id, &now, &e2) == FH_OK) {
		for (int i = 0; i < FORM_FIELDS; i++) {
			struct fh_form_field *ff = &t->form.f[i];
			fh_tenant_get(&t->base, form_fields[i], false, zh(), was, sizeof was);
			fh_tenant_get(&now, form_fields[i], false, zh(), is, sizeof is);
			if (strcmp(was, is) == 0)
				continue;
			if (strcmp(ff->value, was) == 0) {
				snprintf(ff->value, sizeof ff->value, "%s", is);
				snprintf(ff->note, sizeof ff->note, "%s", _("↻ their change"));
			} else {
				snprintf(ff->note, sizeof ff->note, _("now: %s"), is[0] ? is : "∅");
			}
		}
		t->base = now;
	}
	snprintf(t->form.message, sizeof t->form.message, _("%s. Your values are kept, theirs merged in; F2 saves."),
		 conflict->message);
}

static void say_errors(struct tform *t, const fh_field_errors *errs)
{
	for (int i = 0; i < FORM_FIELDS; i++) {
		const fh_error *e = fh_field_errors_find(errs, form_fields[i]);
		if (e)
			snprintf(t->form.f[i].error, sizeof t->form.f[i].error, "%s", e->message);
	}
	snprintf(t->form.message, sizeof t->form.message,
		 N3_("%zu field needs attention; nothing was saved.", "%zu fields need attention; nothing was saved.",
		     errs->n),
		 errs->n);
	fh_form_focus_error(&t->form);
}

/* After an intake: the new tenant's page opens over the list. */
static int show_new(struct app *app, struct view *under, int id)
{
	(void)under;
	fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ id });
	return FH_R_DONE;
}

/* Before an intake: tenants with the same name, phone or credit code, named
 * under the form; the next F2 takes the application in all the same. */
static bool say_similar(struct app *app, struct tform *t, const fh_tenant *rec)
{
	fh_tenant_match m[4];
	size_t n = 0, used = 0;
	fh_error err;
	if (fh_tenant_similar(app->store, &app->actor, rec, m, 4, &n, &err) != FH_OK || n == 0)
		return false;
	char *msg = t->form.message;
	size_t size = sizeof t->form.message;
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(msg + used, size - used, _("Same %s as %s (no. %lld, %s). "),
					 fh_tenant_field_label(m[i].why, zh()), m[i].name, (long long)m[i].id,
					 fh_app_hub_label(app, m[i].hub_code));
	if (used < size)
		snprintf(msg + used, size - used, "%s", _("F2 again takes the application in all the same."));
	t->similar_shown = true;
	return true;
}

static int save(struct app *app, struct view *v)
{
	struct tform *t = v->priv;
	fh_tenant rec = t->base;
	fh_field_errors errs;
	fh_error err;
	char buf[600];
	memset(&errs, 0, sizeof errs);
	fh_form_clear_errors(&t->form);
	for (int i = 0; i < FORM_FIELDS; i++) {
		fh_error e;
		if (fh_tenant_set(&rec, form_fields[i], t->form.f[i].value, &e) != FH_OK)
			fh_field_errors_add(&errs, &e);
	}
	if (errs.n) {
		fh_tenant_validate(app->store, &rec, &errs, &err);
		say_errors(t, &errs);
		return FH_R_DONE;
	}
	if (t->is_new && !t->similar_shown && say_similar(app, t, &rec))
		return FH_R_DONE;
	fh_status st = t->is_new ? fh_tenant_add(app->store, &app->actor, &rec, &errs, &err)
				 : fh_tenant_update(app->store, &app->actor, &rec, &errs, &err);
	if (st == FH_OK) {
		fh_app_say(app, false, t->is_new ? _("%s taken in (no. %lld)") : _("%s saved"), rec.name,
			   (long long)rec.id);
		if (t->is_new && rec.id <= INT_MAX) {
			app->answer = show_new;
			app->answer_arg = (int)rec.id;
		}
		return FH_R_POP;
	}
	if (st == FH_EINVAL && errs.n)
		say_errors(t, &errs);
	else if (st == FH_ECONFLICT && !t->is_new)
		merge(app, t, &err);
	else
		snprintf(t->form.message, sizeof t->form.message, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct tform *)v->priv)->form, action, in, save);
}

static bool typing(struct view *v)
{
	return fh_form_typing(&((struct tform *)v->priv)->form);
}

const struct view_ops fh_tenant_form_view = {
	.form = true,
	.name = "tenant-form",
	.private_size = sizeof(struct tform),
	.keymap = &fh_form_keymap,
	.open = open,
	.draw = draw,
	.request = request,
	.typing = typing,
};
