/* fuhua tui — one space's page (who holds it, from when to when, free until
 * when; allocate, release, handed back), the allocation form and the
 * booking form. Core refuses what breaks a rule; its message is shown
 * beside the field at fault. A space released is offered to the first
 * tenant on the waiting list for its kind. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "form.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "spaces.h"
#include "tenants.h"

#define DAY 86400

enum { OP_ALLOCATE = FH_ACT_LOCAL, OP_RELEASE, OP_HANDED };

fh_status fh_spaces_tenant(struct app *app, const char *text, const char *field, int64_t *id, fh_error *err)
{
	long long n;
	if (fh_int_take(field, text, 1, FH_ID_MAX, &n, NULL) == FH_OK) { /* its number */
		*id = n;
		return FH_OK;
	}
	if (!*text)
		return fh_error_set(err, FH_EINVAL, field, "%s", _("name the tenant, or give its number"));
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	snprintf(f.search, sizeof f.search, "%s", text);
	fh_tenant_row rows[8];
	size_t got;
	fh_status st = fh_tenant_page(app->store, &app->actor, &f, NULL, false, rows, 8, &got, err);
	if (st != FH_OK)
		return st;
	size_t exact = got;
	for (size_t i = 0; i < got; i++)
		if (strcmp(rows[i].name, text) == 0)
			exact = i;
	if (exact < got || got == 1) {
		*id = rows[exact < got ? exact : 0].id;
		return FH_OK;
	}
	if (!got)
		return fh_error_set(err, FH_EINVAL, field, _("no tenant matches '%s'"), text);
	return fh_error_set(err, FH_EINVAL, field,
			    _("%zu or more tenants match '%s': type more of the name, or its number"), got, text);
}

int fh_spaces_pick_tenant(struct app *app, void *ctx, const char *typed, struct fh_pick *out, int max)
{
	(void)ctx;
	fh_tenant_filter f;
	fh_tenant_filter_init(&f);
	fh_text_trim(f.search, sizeof f.search, typed);
	fh_tenant_row rows[FH_PICK_MAX];
	size_t got = 0;
	fh_error err;
	if (max > FH_PICK_MAX)
		max = FH_PICK_MAX;
	if (fh_tenant_page(app->store, &app->actor, &f, NULL, false, rows, (size_t)max, &got, &err) != FH_OK)
		return -1;
	for (size_t i = 0; i < got; i++) {
		out[i].id = rows[i].id;
		snprintf(out[i].label, sizeof out[i].label, "%s", rows[i].name);
		snprintf(out[i].detail, sizeof out[i].detail, _("%s · %s · no. %lld"),
			 fh_app_hub_label(app, rows[i].hub_code), fh_stage_label(rows[i].stage, fh_i18n_is_zh()),
			 (long long)rows[i].id);
	}
	return (int)got;
}

/* ---- the space page ------------------------------------------------------------ */

struct spage {
	fh_space sp;
	struct fh_list list;
	int64_t today;
	char error[600];
};

static void draw_row(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	struct spage *p = ctx;
	const fh_allocation *al = row;
	char line[800], d[16], e[16], f[16], h[16];
	fh_clock_format_date(al->start_on, d, sizeof d);
	fh_clock_format_date(al->end_on, e, sizeof e);
	if (al->end_on < al->start_on)
		snprintf(line, sizeof line, _("%s ×%d  from %s: cancelled"), al->tenant, al->seats, d);
	else
		snprintf(line, sizeof line, _("%s ×%d  %s–%s, free until %s"), al->tenant, al->seats, d, e,
			 al->free_until ? fh_clock_format_date(al->free_until, f, sizeof f) : _("never"));
	size_t used = strlen(line);
	if (al->handed_on)
		snprintf(line + used, sizeof line - used, _(" · handed back %s"),
			 fh_clock_format_date(al->handed_on, h, sizeof h));
	else if (al->released_on && al->handover_due)
		snprintf(line + used, sizeof line - used, _(" · released, to hand back by %s"),
			 fh_clock_format_date(al->handover_due, h, sizeof h));
	attr_t at = al->end_on < p->today ? fh_attr(app, FH_C_DIM) : A_NORMAL;
	if (!al->handed_on && al->handover_due && al->handover_due < p->today && al->end_on < p->today)
		at = fh_attr(app, FH_C_BAD);
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, line, cols - 2, true, at | a);
}

static const struct fh_list_source page_source = { sizeof(fh_allocation), NULL, NULL, draw_row, NULL };

static void page_reload(struct app *app, struct view *v)
{
	struct spage *p = v->priv;
	fh_error err;
	p->error[0] = 0;
	p->today = fh_clock_day(fh_clock_now());
	fh_allocation_filter f = { .which = FH_ALLOC_ALL, .space_id = p->sp.id };
	fh_allocation *rows;
	size_t n;
	fh_space sp;
	if (fh_space_find(app->store, &app->actor, p->sp.code, 0, &sp, &err) == FH_OK && sp.id == p->sp.id)
		p->sp = sp;
	if (fh_allocation_list(app->store, &app->actor, &f, &rows, &n, &err) != FH_OK) {
		fh_error_text(&err, p->error, sizeof p->error);
		return;
	}
	fh_list_set(&p->list, rows, n);
	free(rows);
}

static bool page_open(struct app *app, struct view *v, const void *arg)
{
	struct spage *p = v->priv;
	const struct fh_space_arg *a = arg;
	fh_space *all;
	size_t n;
	fh_error err;
	char buf[600];
	if (fh_space_list(app->store, &app->actor, NULL, 0, &all, &n, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	bool found = false;
	for (size_t i = 0; i < n && !found; i++)
		if (all[i].id == a->id) {
			p->sp = all[i];
			found = true;
		}
	free(all);
	if (!found)
		return false;
	fh_list_init(&p->list, &page_source, p);
	page_reload(app, v);
	return true;
}

static void page_draw(struct app *app, struct view *v, struct rect a)
{
	struct spage *p = v->priv;
	char line[600];
	snprintf(line, sizeof line, _("%s %s · %s · %s · floor %d · %.0f m² · %d seats, %d in use today"),
		 fh_app_hub_label(app, p->sp.hub_code), p->sp.code, p->sp.name, fh_label_space_type(p->sp.type),
		 p->sp.floor, p->sp.area, p->sp.seats, p->sp.seats_used);
	fh_draw_text(a.y, 1, line, a.cols - 2, false, A_BOLD);
	fh_draw_text(a.y + 1, 1, _("Allocations, latest first (grey: over; red: not handed back in time)"), a.cols - 2,
		     false, fh_attr(app, FH_C_DIM));
	if (p->error[0]) {
		fh_draw_wrapped(a.y + 2, 1, p->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	fh_list_draw(app, &p->list, (struct rect){ a.y + 2, 0, a.rows - 2, a.cols }, true);
	if (!p->list.nrows)
		fh_draw_text(a.y + 2, 2, _("Never allocated: a allocates it."), a.cols - 3, false,
			     fh_attr(app, FH_C_DIM));
}

/* After a release: the first tenant waiting for this kind of space, if its
 * seats fit from tomorrow, is offered it. */
static int offer_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct spage *p = under->priv;
	fh_wait w;
	fh_error err;
	char buf[700];
	if (fh_wait_first_for(app->store, &app->actor, p->sp.id, p->today + DAY, &w, &err) != FH_OK)
		return FH_R_RELOAD;
	fh_allocation_req r = {
		.space_id = p->sp.id, .tenant_id = w.tenant_id, .seats = w.seats, .from = p->today + DAY
	};
	int64_t id;
	if (fh_allocation_add(app->store, &app->actor, &r, &id, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else
		fh_app_say(app, false, _("%s allocated to %s from tomorrow"), p->sp.code, w.tenant);
	return FH_R_RELOAD;
}

static void offer(struct app *app, struct spage *p)
{
	fh_wait w;
	if (fh_wait_first_for(app->store, &app->actor, p->sp.id, p->today + DAY, &w, NULL) != FH_OK)
		return;
	struct fh_confirm c = { .yes = offer_yes };
	char d[16];
	fh_clock_format_date(w.since, d, sizeof d);
	snprintf(c.title, sizeof c.title, _("Offer %s to %s?"), p->sp.code, w.tenant);
	if (w.type == FH_SPACE_DESK)
		snprintf(
			c.text, sizeof c.text,
			_("%s is first on the waiting list for a desk area (%d seats, since %s). Yes allocates %s from tomorrow to its planned end."),
			w.tenant, w.seats, d, p->sp.code);
	else
		snprintf(
			c.text, sizeof c.text,
			_("%s is first on the waiting list for this kind of space (since %s). Yes allocates %s from tomorrow to its planned end."),
			w.tenant, d, p->sp.code);
	fh_view_push(app, &fh_confirm_view, &c);
}

static int release_yes(struct app *app, struct view *under, int handed)
{
	struct spage *p = under->priv;
	const fh_allocation *al = fh_list_selected(&p->list);
	fh_error err;
	char buf[700];
	if (!al)
		return FH_R_DONE;
	fh_status st = handed ? fh_allocation_handed_over(app->store, &app->actor, al->id, 0, &err)
			      : fh_allocation_release(app->store, &app->actor, al->id, 0, &err);
	if (st != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return FH_R_RELOAD;
	}
	fh_app_say(app, false, handed ? _("%s: handed back today") : _("%s released today"), p->sp.code);
	if (!handed)
		offer(app, p);
	return FH_R_RELOAD;
}

static int ask_release(struct app *app, struct spage *p, bool handed)
{
	const fh_allocation *al = fh_list_selected(&p->list);
	if (!al)
		return FH_R_DONE;
	struct fh_confirm c = { .yes = release_yes, .arg = handed };
	char d[16];
	if (handed) {
		snprintf(c.title, sizeof c.title, _("%s handed back by %s?"), p->sp.code, al->tenant);
		snprintf(c.text, sizeof c.text, "%s", _("The handover is recorded as today."));
	} else if (al->start_on > p->today) {
		snprintf(c.title, sizeof c.title, _("Cancel %s's allocation of %s?"), al->tenant, p->sp.code);
		snprintf(c.text, sizeof c.text,
			 _("It has not started (%s): it is cancelled and nothing is handed back."),
			 fh_clock_format_date(al->start_on, d, sizeof d));
	} else {
		snprintf(c.title, sizeof c.title, _("Release %s from %s today?"), p->sp.code, al->tenant);
		snprintf(
			c.text, sizeof c.text,
			_("Today is its last day (it ran to %s). The tenant hands the space back within the hub's handover deadline in working days; the Handovers list shows it until then."),
			fh_clock_format_date(al->end_on, d, sizeof d));
	}
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int page_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct spage *p = v->priv;
	const fh_allocation *al = fh_list_selected(&p->list);
	switch (action) {
	case OP_ALLOCATE:
		fh_view_push(app, &fh_allocation_form_view, &(struct fh_space_arg){ p->sp.id });
		return FH_R_DONE;
	case OP_RELEASE:
	case OP_HANDED: return ask_release(app, p, action == OP_HANDED);
	case FH_ACT_OPEN:
		if (al)
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ al->tenant_id });
		return FH_R_DONE;
	default: return fh_list_request(app, &p->list, action);
	}
}

static void page_done(struct app *app, struct view *v)
{
	(void)app;
	fh_list_free(&((struct spage *)v->priv)->list);
}

static const struct fh_binding page_keys[] = {
	{ 'a', false, OP_ALLOCATE, 0, "a", true, N_("allocate"), N_("Allocate this space to a tenant") },
	{ 'r', false, OP_RELEASE, 0, "r", true, N_("release"),
	  N_("Release the selected allocation today (asks first)") },
	{ 'h', false, OP_HANDED, 0, "h", true, N_("handed back"),
	  N_("The selected allocation's space was handed back today (asks first)") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("tenant"), N_("Open the selected allocation's tenant") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap page_keymap = { N_("Space"), page_keys, &fh_list_keymap };

const struct view_ops fh_space_page_view = {
	.name = "space",
	.private_size = sizeof(struct spage),
	.keymap = &page_keymap,
	.open = page_open,
	.reload = page_reload,
	.topics = FH_TOPIC(SPACE) | FH_TOPIC(HUB),
	.draw = page_draw,
	.request = page_request,
	.done = page_done,
};

/* ---- the allocation form --------------------------------------------------------- */

enum { AF_TENANT, AF_SEATS, AF_FROM, AF_TO, AF_COUNT };

struct aform {
	fh_space sp;
	struct fh_form form;
};

static bool aform_open(struct app *app, struct view *v, const void *arg)
{
	struct aform *p = v->priv;
	const struct fh_space_arg *a = arg;
	fh_space *all;
	size_t n;
	fh_error err;
	char today[16], buf[600];
	if (fh_space_list(app->store, &app->actor, NULL, 0, &all, &n, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if (all[i].id == a->id)
			p->sp = all[i];
	free(all);
	if (!p->sp.id)
		return false;
	if (!fh_space_type_allocated(p->sp.type)) {
		fh_app_say(app, true, _("%s is a room booked by the hour: b books it on the Rooms tab"), p->sp.code);
		return false;
	}
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	fh_form_picker(fh_form_add(&p->form, _("Tenant (type, ↓ matches)"), FH_FIELD_TEXT, ""), fh_spaces_pick_tenant,
		       NULL);
	fh_form_add(&p->form, _("Seats"), FH_FIELD_TEXT, fh_space_type_whole(p->sp.type) ? "" : "1");
	fh_form_add(&p->form, _("From"), FH_FIELD_TEXT, today);
	fh_form_add(&p->form, _("To (empty: the planned end)"), FH_FIELD_TEXT, "");
	return true;
}

static void aform_draw(struct app *app, struct view *v, struct rect a)
{
	struct aform *p = v->priv;
	char title[400];
	if (fh_space_type_whole(p->sp.type))
		snprintf(title, sizeof title, _("Allocate %s %s (%s, whole; %.0f m²)"), p->sp.code, p->sp.name,
			 fh_label_space_type(p->sp.type), p->sp.area);
	else
		snprintf(title, sizeof title, _("Allocate seats of %s %s (%d seats, %d in use today)"), p->sp.code,
			 p->sp.name, p->sp.seats, p->sp.seats_used);
	fh_form_draw(app, &p->form, title, a);
}

static void field_error(struct fh_form *fm, const char *const *ids, int n, const fh_error *err)
{
	char buf[700];
	for (int i = 0; i < n; i++)
		if (strcmp(err->field, ids[i]) == 0) {
			snprintf(fm->f[i].error, sizeof fm->f[i].error, "%s", err->message);
			fh_form_focus_error(fm);
			return;
		}
	snprintf(fm->message, sizeof fm->message, "%s", fh_error_text(err, buf, sizeof buf));
}

static int aform_save(struct app *app, struct view *v)
{
	static const char *const ids[AF_COUNT] = { "tenant", "seats", "from", "to" };
	struct aform *p = v->priv;
	struct fh_form *fm = &p->form;
	fh_allocation_req r = { .space_id = p->sp.id };
	fh_error err;
	long long seats;
	fh_form_clear_errors(fm);
	bool ok = fh_form_int(&fm->f[AF_SEATS], 1, 10000, &seats);
	ok &= fh_form_day(&fm->f[AF_FROM], &r.from);
	ok &= fh_form_day(&fm->f[AF_TO], &r.to);
	r.seats = (int)seats;
	if (!ok) {
		fh_form_focus_error(fm);
		return FH_R_DONE;
	}
	int64_t id;
	r.tenant_id = fm->f[AF_TENANT].picked;
	if ((!r.tenant_id && fh_spaces_tenant(app, fm->f[AF_TENANT].value, "tenant", &r.tenant_id, &err) != FH_OK) ||
	    fh_allocation_add(app->store, &app->actor, &r, &id, &err) != FH_OK) {
		/* the space's refusals (taken, a room) are for the dates asked */
		if (strcmp(err.field, "space") == 0)
			snprintf(err.field, sizeof err.field, "%s", "from");
		field_error(fm, ids, AF_COUNT, &err);
		return FH_R_DONE;
	}
	fh_app_say(app, false, _("%s allocated (no. %lld)"), p->sp.code, (long long)id);
	return FH_R_POP;
}

static int aform_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct aform *)v->priv)->form, action, in, aform_save);
}

static bool aform_typing(struct view *v)
{
	return fh_form_typing(&((struct aform *)v->priv)->form);
}

const struct view_ops fh_allocation_form_view = {
	.form = true,
	.name = "allocation-form",
	.private_size = sizeof(struct aform),
	.keymap = &fh_form_keymap,
	.open = aform_open,
	.draw = aform_draw,
	.request = aform_request,
	.typing = aform_typing,
};

/* ---- the booking form --------------------------------------------------------------- */

enum { BF_ROOM, BF_DATE, BF_TIME, BF_TITLE, BF_TENANT, BF_WEEKS, BF_COUNT };
#define ROOMS_MAX (FH_FORM_CHOICES - 1)

struct bkform {
	struct fh_form form;
	int64_t room_id[ROOMS_MAX];
	char room_name[ROOMS_MAX][140];
	int nrooms;
};

static bool bform_open(struct app *app, struct view *v, const void *arg)
{
	struct bkform *p = v->priv;
	const struct fh_booking_arg *a = arg;
	fh_space *all;
	size_t n;
	fh_error err;
	char buf[600], day[16];
	if (fh_space_list(app->store, &app->actor, NULL, 0, &all, &n, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return false;
	}
	int pick = 0;
	for (size_t i = 0; i < n && p->nrooms < ROOMS_MAX; i++) {
		if (fh_space_type_allocated(all[i].type) || (a->hub_id && all[i].hub_id != a->hub_id))
			continue;
		if (all[i].id == a->room)
			pick = p->nrooms;
		p->room_id[p->nrooms] = all[i].id;
		snprintf(p->room_name[p->nrooms++], sizeof p->room_name[0], "%s %s", all[i].code, all[i].name);
	}
	free(all);
	if (!p->nrooms) {
		fh_app_say(app, true, "%s", _("This hub has no rooms booked by the hour."));
		return false;
	}
	struct fh_form_field *room = fh_form_add(&p->form, _("Room"), FH_FIELD_CHOICE, p->room_name[pick]);
	for (int i = 0; room && i < p->nrooms; i++)
		room->choices[room->nchoices++] = p->room_name[i];
	fh_form_choices_picker(room); /* a room is a record: a picker among the hub's rooms */
	fh_form_add(&p->form, _("Date"), FH_FIELD_TEXT, fh_clock_format_date(a->day, day, sizeof day));
	fh_form_add(&p->form, _("Time (HH:MM-HH:MM)"), FH_FIELD_TEXT, "");
	fh_form_add(&p->form, _("For"), FH_FIELD_TEXT, "");
	fh_form_picker(fh_form_add(&p->form, _("Tenant (empty: the hub; ↓ matches)"), FH_FIELD_TEXT, ""),
		       fh_spaces_pick_tenant, NULL);
	fh_form_add(&p->form, _("Weeks (1: once)"), FH_FIELD_TEXT, "1");
	return true;
}

static void bform_draw(struct app *app, struct view *v, struct rect a)
{
	fh_form_draw(app, &((struct bkform *)v->priv)->form, _("Book a room"), a);
}

static int bform_save(struct app *app, struct view *v)
{
	static const char *const ids[BF_COUNT] = { "space", "date", "time", "title", "tenant", "weeks" };
	struct bkform *p = v->priv;
	struct fh_form *fm = &p->form;
	fh_booking_req r = { .title = fm->f[BF_TITLE].value };
	fh_error err;
	int64_t day;
	long long weeks;
	int h1, m1, h2, m2;
	char end;
	fh_form_clear_errors(fm);
	for (int i = 0; i < p->nrooms; i++)
		if (strcmp(fm->f[BF_ROOM].value, p->room_name[i]) == 0)
			r.space_id = p->room_id[i];
	if (!fh_form_int(&fm->f[BF_WEEKS], 1, 52, &weeks)) {
		fh_form_focus_error(fm);
		return FH_R_DONE;
	}
	r.weeks = (int)weeks;
	if (!fh_form_day(&fm->f[BF_DATE], &day) || !day) {
		if (!day && !fm->f[BF_DATE].error[0])
			snprintf(fm->f[BF_DATE].error, sizeof fm->f[BF_DATE].error, "%s", _("is needed"));
		fh_form_focus_error(fm);
		return FH_R_DONE;
	}
	if (sscanf(fm->f[BF_TIME].value, "%2d:%2d-%2d:%2d%c", &h1, &m1, &h2, &m2, &end) != 4) {
		snprintf(fm->f[BF_TIME].error, sizeof fm->f[BF_TIME].error, "%s", _("write it as 14:00-16:00"));
		fh_form_focus_error(fm);
		return FH_R_DONE;
	}
	r.starts = day + (int64_t)(h1 * 60 + m1) * 60;
	r.ends = day + (int64_t)(h2 * 60 + m2) * 60;
	fh_booking_result res;
	r.tenant_id = fm->f[BF_TENANT].picked;
	if ((fm->f[BF_TENANT].value[0] && !r.tenant_id &&
	     fh_spaces_tenant(app, fm->f[BF_TENANT].value, "tenant", &r.tenant_id, &err) != FH_OK) ||
	    fh_booking_add(app->store, &app->actor, &r, &res, &err) != FH_OK) {
		field_error(fm, ids, BF_COUNT, &err);
		return FH_R_DONE;
	}
	if (res.series)
		fh_app_say(app, false,
			   _("%d dates booked, %d waiting for approval, %d skipped (Pending lists them to retry)"),
			   res.booked, res.pending, res.skipped);
	else
		fh_app_say(app, false,
			   res.pending ? _("Booked (no. %lld): waiting for a manager's approval")
				       : _("Booked (no. %lld)"),
			   (long long)res.first);
	return FH_R_POP;
}

static int bform_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg;
	return fh_form_view_request(app, v, &((struct bkform *)v->priv)->form, action, in, bform_save);
}

static bool bform_typing(struct view *v)
{
	return fh_form_typing(&((struct bkform *)v->priv)->form);
}

const struct view_ops fh_booking_form_view = {
	.form = true,
	.name = "booking-form",
	.private_size = sizeof(struct bkform),
	.keymap = &fh_form_keymap,
	.open = bform_open,
	.draw = bform_draw,
	.request = bform_request,
	.typing = bform_typing,
};
