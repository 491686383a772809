/* fuhua tui — the Outcomes screen's forms: a tenant's project, a payment,
 * a project's next state, its evaluation, an activity, a course, who
 * attended it, a follow-up. Core checks each; its message shows beside the
 * field at fault and nothing typed is lost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "fuhua/clock.h"
#include "fuhua/course.h"
#include "fuhua/followup.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "outcomes.h"
#include "spaces.h"

#define FUNDERS_MAX 24

struct ocform {
	struct fh_oc_form_arg arg;
	struct fh_form form;
	char title[400];
	const char *ids[FH_FORM_MAX]; /* each field's name in core's errors */
	char funders[FUNDERS_MAX][FH_PROJECT_NAME_MAX * 4 + 1];
	int states[FH_PROJECT_STATE_COUNT]; /* a move's states, by choice */
};

static struct fh_form_field *add(struct ocform *p, const char *id, const char *label, const char *value)
{
	p->ids[p->form.n] = id;
	return fh_form_add(&p->form, label, FH_FIELD_TEXT, value);
}

static struct fh_form_field *choice(struct ocform *p, const char *id, const char *label)
{
	p->ids[p->form.n] = id;
	return fh_form_add(&p->form, label, FH_FIELD_CHOICE, "");
}

/* The choice a field holds: its index among its choices, -1 for none. */
static int chosen(const struct fh_form_field *f)
{
	for (int i = 0; i < f->nchoices; i++)
		if (strcmp(f->value, f->choices[i]) == 0)
			return i;
	return -1;
}

static void set_choices(struct fh_form_field *f, const char *(*label)(int), int n)
{
	for (int i = 0; i < n && f->nchoices < FH_FORM_CHOICES; i++)
		f->choices[f->nchoices++] = label(i);
	snprintf(f->value, sizeof f->value, "%s", f->nchoices ? f->choices[0] : "");
}

static const char *kind_label(int i)
{
	return fh_label_project_kind((fh_project_kind)i);
}
static const char *grade_label(int i)
{
	return fh_label_project_grade((fh_project_grade)(i + 1));
}
static const char *activity_label(int i)
{
	return fh_label_activity_kind((fh_activity_kind)i);
}
static const char *audience_label(int i)
{
	return fh_label_course_audience((fh_course_audience)i);
}
static const char *followup_label(int i)
{
	return fh_label_followup_state((fh_followup_state)(i + 1));
}
static const char *new_state_label(int i)
{
	return fh_label_project_state((fh_project_state)i); /* applied, approved, running */
}

/* A tenant field: a picker of tenants, holding the tenant given. */
static void tenant_field(struct app *app, struct ocform *p, const char *label)
{
	struct fh_form_field *t = add(p, "tenant", label, "");
	fh_form_picker(t, fh_spaces_pick_tenant, NULL);
	fh_tenant x;
	fh_error err;
	if (p->arg.tenant && fh_tenant_get_by_id(app->store, &app->actor, p->arg.tenant, &x, &err) == FH_OK) {
		snprintf(t->value, sizeof t->value, "%s", x.name);
		t->picked = x.id;
	}
}

/* The forms on a project: a payment, an evaluation, its next state. False
 * when it cannot be read or cannot move (app->message says why). */
static bool project_form(struct app *app, struct ocform *p, const char *today)
{
	fh_project pr;
	fh_error err;
	if (fh_project_get(app->store, &app->actor, p->arg.id, &pr, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, p->title, sizeof p->title));
		return false;
	}
	if (p->arg.kind == FH_OCF_PAY) {
		char g[32], paid[32];
		snprintf(p->title, sizeof p->title, _("A payment to %s · %s (paid %s of %s yuan)"), pr.tenant, pr.title,
			 fh_yuan_format(pr.paid, paid, sizeof paid), fh_yuan_format(pr.granted, g, sizeof g));
		add(p, "amount", _("Amount (yuan)"), "");
		add(p, "on", _("Date"), today);
		add(p, "note", _("Note"), "");
	} else if (p->arg.kind == FH_OCF_EVALUATE) {
		snprintf(p->title, sizeof p->title, _("The evaluation of %s · %s"), pr.tenant, pr.title);
		set_choices(choice(p, "grade", _("Grade (←/→)")), grade_label, FH_GRADE_COUNT - 1);
		add(p, "score", _("Score (0–100)"), "");
		add(p, "on", _("Date"), today);
	} else {
		snprintf(p->title, sizeof p->title, _("%s · %s is %s: move it to"), pr.tenant, pr.title,
			 fh_label_project_state(pr.state));
		struct fh_form_field *f = choice(p, "state", _("State (←/→)"));
		for (int i = 0; i < FH_PROJECT_STATE_COUNT; i++)
			if (fh_project_state_allows(pr.state, (fh_project_state)i)) {
				p->states[f->nchoices] = i;
				f->choices[f->nchoices++] = fh_label_project_state((fh_project_state)i);
			}
		if (!f->nchoices) {
			fh_app_say(app, true, _("A project %s moves on only by its evaluation (v)."),
				   fh_label_project_state(pr.state));
			return false;
		}
		snprintf(f->value, sizeof f->value, "%s", f->choices[0]);
		add(p, "on", _("Date"), today);
	}
	return true;
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	struct ocform *p = v->priv;
	p->arg = *(const struct fh_oc_form_arg *)arg;
	char today[16], year[8];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	snprintf(year, sizeof year, "%.4s", today);
	fh_error err;
	switch (p->arg.kind) {
	case FH_OCF_PROJECT: {
		snprintf(p->title, sizeof p->title, "%s", _("A tenant's project"));
		tenant_field(app, p, _("Tenant (type, ↓ matches)"));
		set_choices(choice(p, "kind", _("Kind (←/→)")), kind_label, FH_PROJECT_KIND_COUNT);
		struct fh_form_field *f = add(p, "funder", _("Funder (↓ choose)"), "");
		size_t n = 0;
		if (fh_project_funders(app->store, &app->actor, NULL, p->funders, FUNDERS_MAX, &n, &err) == FH_OK)
			for (size_t i = 0; i < n; i++)
				f->choices[f->nchoices++] = p->funders[i];
		if (f->nchoices)
			fh_form_choices_picker(f);
		add(p, "title", _("Title"), "");
		add(p, "year", _("Funding year"), year);
		add(p, "batch", _("Batch"), "");
		add(p, "granted", _("Granted (yuan)"), "");
		add(p, "start", _("Starts"), "");
		add(p, "end", _("Ends"), "");
		add(p, "target", _("People to serve"), "0");
		set_choices(choice(p, "state", _("State (←/→)")), new_state_label, FH_PROJECT_RUNNING + 1);
		break;
	}
	case FH_OCF_PAY:
	case FH_OCF_EVALUATE:
	case FH_OCF_MOVE:
		if (!project_form(app, p, today))
			return false;
		break;
	case FH_OCF_ACTIVITY:
		snprintf(p->title, sizeof p->title, "%s", _("An activity and the people it served"));
		tenant_field(app, p, _("Tenant (type, ↓ matches)"));
		add(p, "on", _("Date"), today);
		add(p, "title", _("Title"), "");
		set_choices(choice(p, "kind", _("Kind (←/→)")), activity_label, FH_ACTIVITY_KIND_COUNT);
		add(p, "place", _("Place"), "");
		add(p, "served", _("People served"), "0");
		add(p, "volunteers", _("Volunteers"), "0");
		add(p, "volunteer_hours", _("Their hours together"), "0");
		add(p, "project", _("Project no. (if any)"), "");
		break;
	case FH_OCF_COURSE:
		snprintf(p->title, sizeof p->title, "%s", _("A course"));
		add(p, "title", _("Title"), "");
		add(p, "topic", _("Topic"), "");
		add(p, "trainer", _("Trainer"), "");
		add(p, "on", _("Date"), today);
		add(p, "hours", _("Hours"), "2");
		set_choices(choice(p, "audience", _("For (←/→)")), audience_label, FH_AUDIENCE_COUNT);
		break;
	case FH_OCF_ATTEND:
		snprintf(p->title, sizeof p->title, "%s", _("Who attended the course"));
		add(p, "person", _("Name"), "");
		tenant_field(app, p, _("Of tenant (type, ↓ matches; may stay empty)"));
		break;
	case FH_OCF_FOLLOWUP:
		snprintf(p->title, sizeof p->title, "%s", _("A follow-up after graduation"));
		set_choices(choice(p, "state", _("The organisation (←/→)")), followup_label,
			    FH_FOLLOWUP_STATE_COUNT - 1);
		add(p, "on", _("Date"), today);
		add(p, "served", _("People served since graduating"), "0");
		add(p, "notes", _("Notes"), "");
		break;
	}
	return true;
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct ocform *p = v->priv;
	fh_form_draw(app, &p->form, p->title, a);
}

/* A field's text into dst; false, with the field's message, when it does
 * not fit (nothing typed is cut). */
static bool take(struct fh_form_field *f, char *dst, size_t size)
{
	if (strlen(f->value) >= size) {
		snprintf(f->error, sizeof f->error, "%s", _("is too long"));
		return false;
	}
	snprintf(dst, size, "%s", f->value);
	return true;
}

/* The tenant a picker holds or its text names. */
static fh_status tenant_of(struct app *app, struct fh_form_field *f, bool optional, int64_t *id, fh_error *err)
{
	*id = f->picked;
	if (*id || (optional && !f->value[0]))
		return FH_OK;
	return fh_spaces_tenant(app, f->value, "tenant", id, err);
}

/* A field's error for core's: FH_EINVAL naming it. */
static fh_status field_error(fh_error *err, const struct fh_form_field *f, const char *id)
{
	return fh_error_set(err, FH_EINVAL, id, "%s", f->error);
}

static fh_status save_project(struct app *app, struct ocform *p, fh_error *err)
{
	struct fh_form_field *f = p->form.f;
	fh_project x = { .kind = (fh_project_kind)chosen(&f[1]), .state = (fh_project_state)chosen(&f[10]) };
	long long year, target;
	fh_status st = tenant_of(app, &f[0], false, &x.tenant_id, err);
	if (st != FH_OK)
		return st;
	if (!take(&f[2], x.funder, sizeof x.funder) || !take(&f[3], x.title, sizeof x.title) ||
	    !take(&f[5], x.batch, sizeof x.batch))
		return fh_error_set(err, FH_EINVAL, "", "%s", _("is too long"));
	if (!fh_form_int(&f[4], 2000, 2100, &year))
		return field_error(err, &f[4], "year");
	if (f[6].value[0] && fh_yuan_take("granted", f[6].value, FH_YUAN_MAX_FEN, &x.granted, err) != FH_OK)
		return err->code;
	if (!fh_form_day(&f[7], &x.start_on))
		return field_error(err, &f[7], "start");
	if (!fh_form_day(&f[8], &x.end_on))
		return field_error(err, &f[8], "end");
	if (!fh_form_int(&f[9], 0, 100000000, &target))
		return field_error(err, &f[9], "target");
	x.year = (int)year;
	x.target_served = (int)target;
	int64_t id;
	return fh_project_add(app->store, &app->actor, &x, &id, err);
}

static fh_status save_activity(struct app *app, struct ocform *p, fh_error *err)
{
	struct fh_form_field *f = p->form.f;
	fh_activity a = { .kind = (fh_activity_kind)chosen(&f[3]) };
	long long served, vols, project = 0;
	fh_status st = tenant_of(app, &f[0], false, &a.tenant_id, err);
	if (st != FH_OK)
		return st;
	if (!fh_form_day(&f[1], &a.on))
		return field_error(err, &f[1], "on");
	if (!take(&f[2], a.title, sizeof a.title) || !take(&f[4], a.place, sizeof a.place))
		return fh_error_set(err, FH_EINVAL, "", "%s", _("is too long"));
	if (!fh_form_int(&f[5], 0, FH_ACTIVITY_SERVED_MAX, &served))
		return field_error(err, &f[5], "served");
	if (!fh_form_int(&f[6], 0, 100000, &vols))
		return field_error(err, &f[6], "volunteers");
	if (!fh_form_decimal(&f[7], 0, 2400000, 1, &a.volunteer_hours))
		return field_error(err, &f[7], "volunteer_hours");
	if (f[8].value[0] && !fh_form_int(&f[8], 1, FH_ID_MAX, &project))
		return field_error(err, &f[8], "project");
	a.served = (int)served;
	a.volunteers = (int)vols;
	a.project_id = project;
	int64_t id;
	return fh_activity_add(app->store, &app->actor, &a, &id, err);
}

static fh_status save_course(struct app *app, struct ocform *p, fh_error *err)
{
	struct fh_form_field *f = p->form.f;
	fh_course c = { .audience = (fh_course_audience)chosen(&f[5]) };
	if (!take(&f[0], c.title, sizeof c.title) || !take(&f[1], c.topic, sizeof c.topic) ||
	    !take(&f[2], c.trainer, sizeof c.trainer))
		return fh_error_set(err, FH_EINVAL, "", "%s", _("is too long"));
	if (!fh_form_day(&f[3], &c.on))
		return field_error(err, &f[3], "on");
	if (!fh_form_decimal(&f[4], 0.5, 24, 1, &c.hours))
		return field_error(err, &f[4], "hours");
	int64_t id;
	return fh_course_add(app->store, &app->actor, NULL, &c, &id, err);
}

static int save(struct app *app, struct view *v)
{
	struct ocform *p = v->priv;
	struct fh_form_field *f = p->form.f;
	fh_error err = { 0 };
	fh_status st = FH_OK;
	int64_t id, on;
	fh_form_clear_errors(&p->form);
	switch (p->arg.kind) {
	case FH_OCF_PROJECT: st = save_project(app, p, &err); break;
	case FH_OCF_PAY: {
		char note[256];
		if (fh_yuan_take("amount", f[0].value, FH_YUAN_MAX_FEN, &id, &err) != FH_OK)
			st = err.code;
		else if (!fh_form_day(&f[1], &on))
			st = field_error(&err, &f[1], "on");
		else if (!take(&f[2], note, sizeof note))
			st = field_error(&err, &f[2], "note");
		else {
			int64_t payment;
			st = fh_project_pay(app->store, &app->actor, p->arg.id, id, on, note, &payment, &err);
		}
		break;
	}
	case FH_OCF_EVALUATE: {
		double score;
		if (!fh_form_decimal(&f[1], 0, 100, 1, &score))
			st = field_error(&err, &f[1], "score");
		else if (!fh_form_day(&f[2], &on))
			st = field_error(&err, &f[2], "on");
		else
			st = fh_project_evaluate(app->store, &app->actor, p->arg.id,
						 (fh_project_grade)(chosen(&f[0]) + 1), score, on, &err);
		break;
	}
	case FH_OCF_MOVE:
		if (!fh_form_day(&f[1], &on))
			st = field_error(&err, &f[1], "on");
		else
			st = fh_project_set_state(app->store, &app->actor, p->arg.id,
						  (fh_project_state)p->states[chosen(&f[0]) < 0 ? 0 : chosen(&f[0])],
						  on, &err);
		break;
	case FH_OCF_ACTIVITY: st = save_activity(app, p, &err); break;
	case FH_OCF_COURSE: st = save_course(app, p, &err); break;
	case FH_OCF_ATTEND: {
		int64_t tenant;
		if ((st = tenant_of(app, &f[1], true, &tenant, &err)) == FH_OK)
			st = fh_course_attend(app->store, &app->actor, p->arg.id, tenant, f[0].value, &id, &err);
		break;
	}
	case FH_OCF_FOLLOWUP: {
		long long served;
		fh_followup x = { .id = p->arg.id, .state = (fh_followup_state)(chosen(&f[0]) + 1) };
		if (!fh_form_day(&f[1], &x.done_on))
			st = field_error(&err, &f[1], "on");
		else if (!fh_form_int(&f[2], 0, 100000000, &served))
			st = field_error(&err, &f[2], "served");
		else if (!take(&f[3], x.notes, sizeof x.notes))
			st = field_error(&err, &f[3], "notes");
		else {
			x.served = (int)served;
			st = fh_followup_record(app->store, &app->actor, &x, &err);
		}
		break;
	}
	}
	if (st == FH_OK) {
		fh_app_say(app, false, "%s", _("Saved"));
		return FH_R_POP;
	}
	char buf[700];
	for (int i = 0; i < p->form.n; i++)
		if (p->form.f[i].error[0] || (err.field[0] && strcmp(err.field, p->ids[i]) == 0)) {
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
	return fh_form_view_request(app, v, &((struct ocform *)v->priv)->form, action, in, save);
}

static bool typing(struct view *v)
{
	return fh_form_typing(&((struct ocform *)v->priv)->form);
}

const struct view_ops fh_oc_form_view = {
	.form = true,
	.name = "outcomes-form",
	.private_size = sizeof(struct ocform),
	.keymap = &fh_form_keymap,
	.open = open,
	.draw = draw,
	.request = request,
	.typing = typing,
};
