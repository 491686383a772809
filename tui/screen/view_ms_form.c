/* fuhua tui — the Mentoring screen's forms: a milestone done with its date
 * and evidence, a milestone waived with the reason, a mentoring session, a
 * mentor paired with a tenant, a new mentor. Core checks each; its message
 * shows beside the field at fault and nothing typed is lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "mentoring.h"
#include "tenants.h"
#include "spaces.h"

#define PICK_MAX (FH_FORM_CHOICES - 1)

struct msform {
	struct fh_ms_form_arg arg;
	struct fh_form form;
	char title[400];
	const char *ids[8];        /* each field's name in core's errors */
	int64_t pick_id[PICK_MAX]; /* a choice field's records (mentors, milestones) */
	char pick_name[PICK_MAX][200];
	int npick;
	int64_t pick2_id[PICK_MAX];
	char pick2_name[PICK_MAX][200]; /* a title, cut to fit a picker line */
	int npick2;
};

static struct fh_form_field *add(struct msform *p, const char *id, const char *label, const char *value)
{
	p->ids[p->form.n] = id;
	return fh_form_add(&p->form, label, FH_FIELD_TEXT, value);
}

/* The session form's pickers: the hub's mentors, the tenant's pending milestones. */
static void session_choices(struct app *app, struct msform *p, struct fh_form_field *mentor,
			    struct fh_form_field *milestone)
{
	fh_mentor *m;
	fh_milestone *ms;
	size_t n;
	fh_error err;
	/* no mentor given: the tenant's one mentor, when it has exactly one */
	int64_t only = p->arg.mentor;
	fh_pairing *pr;
	if (!only && p->arg.tenant &&
	    fh_mentor_pairings(app->store, &app->actor, 0, p->arg.tenant, &pr, &n, &err) == FH_OK) {
		if (n == 1)
			only = pr[0].mentor_id;
		free(pr);
	}
	if (fh_mentor_list(app->store, &app->actor, NULL, &m, &n, &err) == FH_OK) {
		for (size_t i = 0; i < n && p->npick < PICK_MAX; i++) {
			p->pick_id[p->npick] = m[i].id;
			snprintf(p->pick_name[p->npick], sizeof p->pick_name[0], "%s (%s)", m[i].name,
				 fh_app_hub_label(app, m[i].hub_code));
			if (m[i].id == only) {
				snprintf(mentor->value, sizeof mentor->value, "%s", p->pick_name[p->npick]);
				mentor->picked = m[i].id;
			}
			mentor->choices[mentor->nchoices++] = p->pick_name[p->npick++];
		}
		free(m);
	}
	mentor->choice_ids = p->pick_id;
	fh_form_choices_picker(mentor);
	if (fh_milestone_list(app->store, &app->actor, p->arg.tenant, &ms, &n, &err) == FH_OK) {
		for (size_t i = 0; i < n && p->npick2 < PICK_MAX; i++) {
			if (ms[i].state != FH_MS_PENDING)
				continue;
			p->pick2_id[p->npick2] = ms[i].id;
			fh_text_copy(p->pick2_name[p->npick2], sizeof p->pick2_name[0],
				     !fh_i18n_is_zh() && ms[i].title_en[0] ? ms[i].title_en : ms[i].title);
			if (ms[i].id == p->arg.milestone) {
				snprintf(milestone->value, sizeof milestone->value, "%s", p->pick2_name[p->npick2]);
				milestone->picked = ms[i].id;
			}
			milestone->choices[milestone->nchoices++] = p->pick2_name[p->npick2++];
		}
		free(ms);
	}
	milestone->choice_ids = p->pick2_id;
	fh_form_choices_picker(milestone);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct msform *p = v->priv;
	p->arg = *(const struct fh_ms_form_arg *)arg;
	fh_milestone m;
	fh_error err;
	char buf[600], today[16];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	const char *title = "";
	if (p->arg.kind == FH_MSF_DONE || p->arg.kind == FH_MSF_WAIVE) {
		if (fh_milestone_get(app->store, &app->actor, p->arg.milestone, &m, &err) != FH_OK) {
			fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
			return false;
		}
		title = !fh_i18n_is_zh() && m.title_en[0] ? m.title_en : m.title;
	}
	switch (p->arg.kind) {
	case FH_MSF_DONE:
		snprintf(p->title, sizeof p->title, _("Done: %s"), title);
		add(p, "on", _("Done on"), today);
		add(p, "evidence", _("Evidence"), "");
		break;
	case FH_MSF_WAIVE:
		snprintf(p->title, sizeof p->title, _("Waive: %s (a manager, with the reason)"), title);
		add(p, "reason", _("Reason"), "");
		break;
	case FH_MSF_SESSION: {
		snprintf(p->title, sizeof p->title, "%s", _("A mentoring session"));
		struct fh_form_field *mentor = add(p, "mentor", _("Mentor (↓ choose)"), "");
		add(p, "on", _("Date"), today);
		add(p, "topic", _("Topic"), "");
		add(p, "hours", _("Hours"), "1.5");
		struct fh_form_field *ms = add(p, "milestone", _("Milestone served (↓ choose)"), "");
		add(p, "notes", _("Notes"), "");
		session_choices(app, p, mentor, ms);
		break;
	}
	case FH_MSF_ASSIGN:
		snprintf(p->title, sizeof p->title, "%s", _("Pair the mentor with a tenant in incubation"));
		fh_form_picker(add(p, "tenant", _("Tenant (type, ↓ matches)"), ""), fh_spaces_pick_tenant, NULL);
		break;
	default:
		snprintf(p->title, sizeof p->title, "%s", _("A new mentor"));
		add(p, "name", _("Name"), "");
		add(p, "expertise", _("Expertise"), "");
		add(p, "organization", _("Organization"), "");
		add(p, "phone", _("Phone"), "");
		add(p, "capacity", _("Tenants they can carry"), "5");
	}
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct msform *p = v->priv;
	fh_form_draw(app, &p->form, p->title, a);
}

/* A field's text into dst; false, with the field's message, when it does
 * not fit (nothing typed is cut). */
static bool take(struct fh_form_field *f, char *dst, size_t size)
{
	size_t len = strlen(f->value);
	if (len >= size) {
		snprintf(f->error, sizeof f->error, "%s", _("is too long"));
		return false;
	}
	memcpy(dst, f->value, len + 1);
	return true;
}

static int64_t picked(const char *value, const int64_t *ids, char (*names)[200], int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(value, names[i]) == 0)
			return ids[i];
	return 0;
}

static fh_status save_session(struct app *app, struct msform *p, fh_error *err)
{
	struct fh_form_field *f = p->form.f;
	fh_session in = { .tenant_id = p->arg.tenant };
	in.mentor_id = f[0].picked ? f[0].picked : picked(f[0].value, p->pick_id, p->pick_name, p->npick);
	in.milestone_id = f[4].picked ? f[4].picked : picked(f[4].value, p->pick2_id, p->pick2_name, p->npick2);
	bool ok = fh_form_day(&f[1], &in.on);
	ok &= fh_form_decimal(&f[3], 0.5, 12, 2, &in.hours);
	if (!ok)
		return fh_error_set(err, FH_EINVAL, "", "%s", f[1].error[0] ? f[1].error : f[3].error);
	if (!take(&f[2], in.topic, sizeof in.topic) || !take(&f[5], in.notes, sizeof in.notes))
		return fh_error_set(err, FH_EINVAL, "", "%s", _("is too long"));
	int64_t id;
	return fh_session_add(app->store, &app->actor, &in, &id, err);
}

static int save(struct app *app, struct view *v)
{
	struct msform *p = v->priv;
	struct fh_form_field *f = p->form.f;
	fh_error err = { 0 };
	fh_status st;
	int64_t id;
	fh_form_clear_errors(&p->form);
	switch (p->arg.kind) {
	case FH_MSF_DONE: {
		int64_t on;
		st = !fh_form_day(&f[0], &on)
			? fh_error_set(&err, FH_EINVAL, "", "%s", f[0].error)
			: fh_milestone_done(app->store, &app->actor, p->arg.milestone, on, f[1].value, &err);
		break;
	}
	case FH_MSF_WAIVE: st = fh_milestone_waive(app->store, &app->actor, p->arg.milestone, f[0].value, &err); break;
	case FH_MSF_SESSION: st = save_session(app, p, &err); break;
	case FH_MSF_ASSIGN:
		id = f[0].picked;
		st = id ? FH_OK : fh_spaces_tenant(app, f[0].value, "tenant", &id, &err);
		if (st == FH_OK)
			st = fh_mentor_assign(app->store, &app->actor, p->arg.mentor, id, &err);
		break;
	default: {
		long long cap = 0;
		fh_mentor m = { 0 };
		if (!fh_form_int(&f[4], 1, 50, &cap)) {
			st = fh_error_set(&err, FH_EINVAL, "", "%s", f[4].error);
			break;
		}
		m.capacity = (int)cap;
		if (!take(&f[0], m.name, sizeof m.name) || !take(&f[1], m.expertise, sizeof m.expertise) ||
		    !take(&f[2], m.organization, sizeof m.organization) || !take(&f[3], m.phone, sizeof m.phone))
			st = fh_error_set(&err, FH_EINVAL, "", "%s", _("is too long"));
		else
			st = fh_mentor_add(app->store, &app->actor, NULL, &m, &id, &err);
	}
	}
	if (st == FH_OK) {
		fh_app_say(app, false, "%s", _("Saved"));
		return FH_R_POP;
	}
	char buf[700];
	for (int i = 0; i < p->form.n; i++)
		if (p->form.f[i].error[0] || strcmp(err.field, p->ids[i]) == 0) {
			if (!p->form.f[i].error[0])
				snprintf(f[i].error, sizeof f[i].error, "%s", err.message);
			fh_form_focus_error(&p->form);
			return FH_R_DONE;
		}
	snprintf(p->form.message, sizeof p->form.message, "%s", fh_error_text(&err, buf, sizeof buf));
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct msform *)v->priv)->form, action, in, save);
}

static bool typing(struct view *v)
{
	return fh_form_typing(&((struct msform *)v->priv)->form);
}

const struct view_ops fh_ms_form_view = {
	.form = true,
	.name = "mentoring-form",
	.private_size = sizeof(struct msform),
	.keymap = &fh_form_keymap,
	.open = open,
	.draw = draw,
	.request = request,
	.typing = typing,
};

int fh_ms_tenant_request(struct app *app, int action, int session_action, struct fh_ms_form_arg *fa)
{
	if (action == FH_ACT_OPEN) {
		if (fa->tenant)
			fh_view_push(app, &fh_timeline_view, &(struct fh_tenant_arg){ fa->tenant });
		return FH_R_DONE;
	}
	if (action != session_action)
		return FH_R_UNHANDLED;
	if (!fa->tenant) {
		fh_app_say(app, true, "%s", _("s records a session with the selected line's tenant."));
		return FH_R_DONE;
	}
	fa->kind = FH_MSF_SESSION;
	fh_view_push(app, &fh_ms_form_view, fa);
	return FH_R_DONE;
}
