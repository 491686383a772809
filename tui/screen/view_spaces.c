/* fuhua tui — the Spaces screen (F4): a hub's floor map, a timeline of its
 * allocations, its rooms by the day or week, the lists to act on
 * (allocations ending, handovers overdue, the waiting list, bookings
 * waiting for approval or a retry) and occupancy up the tree. Every figure
 * and rule is the space and booking modules'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "spaces.h"
#include "tenants.h"
#include "../common/width.h"

#define DAY 86400

enum { OP_NEXT_TAB = FH_ACT_LOCAL, OP_PREV_TAB, OP_NEXT_HUB, OP_PREV_HUB, OP_DAY_BACK, OP_DAY_ON,
       OP_TODAY, OP_WEEK, OP_NEXT_ROOM, OP_BOOK, OP_CANCEL_BOOKING, OP_APPROVE, OP_RETRY,
       OP_HANDED, OP_UNWAIT, OP_ALLOCATE };

static const char *const tab_titles[T_COUNT] = {
	N_("Map"), N_("Timeline"), N_("Rooms"), N_("Ending"), N_("Handovers"),
	N_("Waiting"), N_("Pending"), N_("Occupancy"),
};

/* ---- the list tabs' rows ---------------------------------------------------- */

static void draw_allocation(struct app *app, void *ctx, const void *row, int y, int x, int cols,
			    attr_t a)
{
	struct sscreen *p = ctx;
	const fh_allocation *r = row;
	char line[600], d[16], e[16];
	int name_w = cols > 70 ? cols - 46 : cols / 2;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, r->tenant, name_w - 2, true, a);
	fh_clock_format_date(r->end_on, d, sizeof d);
	if (p->tab == T_HANDOVER) {
		fh_clock_format_date(r->handover_due, e, sizeof e);
		snprintf(line, sizeof line, _("%-6s %s  ended %s, due back %s (%d days late)"), r->space_code,
			 r->hub_code, d, e, (int)((p->today - r->handover_due) / DAY));
	} else {
		snprintf(line, sizeof line, _("%-6s %s  ends %s, in %d days"), r->space_code, r->hub_code, d,
			 (int)((r->end_on - p->today) / DAY));
	}
	fh_draw_text(y, x + name_w, line, cols - name_w, true, a);
	(void)app;
}

static void draw_wait(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
{
	(void)app, (void)ctx;
	const fh_wait *w = row;
	char line[600], d[16];
	int name_w = cols > 70 ? cols - 46 : cols / 2;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, w->tenant, name_w - 2, true, a);
	fh_clock_format_date(w->since, d, sizeof d);
	if (w->type == FH_SPACE_DESK)
		snprintf(line, sizeof line, _("%s ×%d, since %s %s"), fh_label_space_type(w->type), w->seats, d,
			 w->note);
	else
		snprintf(line, sizeof line, _("%s, since %s %s"), fh_label_space_type(w->type), d, w->note);
	fh_draw_text(y, x + name_w, line, cols - name_w, true, a);
}

void fh_spaces_draw_booking(struct app *app, void *ctx, const void *row, int y, int x, int cols,
			    attr_t a)
{
	(void)ctx;
	const fh_booking *b = row;
	char when[64], line[800], s[24], e[24];
	fh_clock_format(b->starts, s, sizeof s);
	fh_clock_format(b->ends, e, sizeof e);
	snprintf(when, sizeof when, "%.10s %s–%s", s, s + 11, e + 11);
	fh_draw_text(y, x, "", cols, true, a);
	snprintf(line, sizeof line, "%s  %-4s %s · %s", when, b->space_code, b->who, b->title);
	int w = fh_str_width(line);
	fh_draw_text(y, x + 1, line, cols - 2, true, a);
	const char *state = b->state == FH_BOOKING_CONFIRMED ? "" : fh_label_booking_state(b->state);
	if (state[0] && w + 4 < cols) {
		char tag[300];
		snprintf(tag, sizeof tag, b->state == FH_BOOKING_SKIPPED ? "[%s: %s]" : "[%s]", state, b->why);
		int tw = fh_str_width(tag), tx = cols - tw - 1 > w + 2 ? cols - tw - 1 : w + 2;
		fh_draw_text(y, x + tx, tag, cols - tx - 1, false,
			     (b->state == FH_BOOKING_PENDING ? fh_attr(app, FH_C_WARN) : fh_attr(app, FH_C_DIM)) | a);
	}
}

static const struct fh_list_source alloc_source = { sizeof(fh_allocation), NULL, NULL, draw_allocation };
static const struct fh_list_source wait_source = { sizeof(fh_wait), NULL, NULL, draw_wait };
static const struct fh_list_source booking_source = { sizeof(fh_booking), NULL, NULL,
						      fh_spaces_draw_booking };

/* ---- loading ---------------------------------------------------------------- */

static void say_error(struct sscreen *p, const fh_error *err)
{
	fh_error_text(err, p->error, sizeof p->error);
}

/* The map's order: floors from the top down, then by code, so that ↓ moves
 * the way the boxes read. */
static int map_order(const void *a, const void *b)
{
	const fh_space *x = a, *y = b;
	if (x->floor != y->floor)
		return y->floor - x->floor;
	return strcmp(x->code, y->code);
}

static void load_hubs(struct app *app, struct sscreen *p)
{
	fh_space *all;
	size_t n;
	fh_error err;
	char keep[33];
	snprintf(keep, sizeof keep, "%s", fh_spaces_hub_code(p));
	p->nhubs = 0;
	if (fh_space_list(app->store, &app->actor, NULL, 0, &all, &n, &err) != FH_OK) {
		say_error(p, &err);
		return;
	}
	for (size_t i = 0; i < n && p->nhubs < SP_HUBS; i++)
		if (!p->nhubs || p->hubs[p->nhubs - 1].id != all[i].hub_id) {
			p->hubs[p->nhubs].id = all[i].hub_id;
			snprintf(p->hubs[p->nhubs++].code, sizeof p->hubs[0].code, "%s", all[i].hub_code);
		}
	free(all);
	/* the hub shown before, else the operator's own, else the first */
	p->hub = 0;
	for (int i = 0; i < p->nhubs; i++)
		if (keep[0] ? strcmp(p->hubs[i].code, keep) == 0 : p->hubs[i].id == app->actor.hub_id)
			p->hub = i;
}

static void load_bookings(struct app *app, struct sscreen *p)
{
	fh_booking_filter f = { .hub_code = fh_spaces_hub_code(p), .own_hub = true };
	f.from = p->week ? fh_week_start(p->day) : p->day;
	f.to = f.from + (p->week ? 7 : 1) * DAY;
	if (p->week && p->room >= 0 && (size_t)p->room < p->nsp)
		f.space_id = p->sp[p->room].id;
	fh_booking *rows;
	size_t n;
	fh_error err;
	if (fh_booking_list(app->store, &app->actor, &f, &rows, &n, &err) != FH_OK) {
		say_error(p, &err);
		return;
	}
	fh_list_set(&p->bookings, rows, n);
	free(rows);
}

static void load_list(struct app *app, struct sscreen *p, int tab)
{
	fh_error err;
	fh_status st = FH_OK;
	struct fh_list *l = &p->lists[tab - T_ENDING];
	if (tab == T_ENDING || tab == T_HANDOVER) {
		fh_allocation_filter f = { .which = tab == T_ENDING ? FH_ALLOC_ENDING : FH_ALLOC_HANDOVER,
					   .hub_code = fh_spaces_hub_code(p), .own_hub = true, .days = 90 };
		fh_allocation *rows;
		size_t n;
		if ((st = fh_allocation_list(app->store, &app->actor, &f, &rows, &n, &err)) == FH_OK) {
			fh_list_set(l, rows, n);
			free(rows);
		}
	} else if (tab == T_WAITING) {
		fh_wait *rows;
		size_t n;
		if ((st = fh_wait_list(app->store, &app->actor, fh_spaces_hub_code(p), -1, &rows, &n, &err)) == FH_OK) {
			fh_list_set(l, rows, n);
			free(rows);
		}
	} else {
		/* waiting for approval, then dates of weekly repeats to retry */
		fh_booking_filter f = { .hub_code = fh_spaces_hub_code(p), .own_hub = true, .from = p->today, .pending = true };
		fh_booking *a, *b;
		size_t na, nb;
		if ((st = fh_booking_list(app->store, &app->actor, &f, &a, &na, &err)) == FH_OK) {
			f.pending = false;
			f.skipped = true;
			if ((st = fh_booking_list(app->store, &app->actor, &f, &b, &nb, &err)) == FH_OK) {
				fh_booking *all = malloc((na + nb + 1) * sizeof *all);
				if (all) {
					if (na)
						memcpy(all, a, na * sizeof *a);
					if (nb)
						memcpy(all + na, b, nb * sizeof *b);
					fh_list_set(l, all, na + nb);
				}
				free(all);
				free(b);
			}
			free(a);
		}
	}
	if (st != FH_OK)
		say_error(p, &err);
	p->loaded[tab - T_ENDING] = st == FH_OK;
}

static void load_tab(struct app *app, struct sscreen *p)
{
	fh_error err;
	if (p->tab >= T_ENDING && p->tab < T_OCCUPANCY && !p->loaded[p->tab - T_ENDING])
		load_list(app, p, p->tab);
	if (p->tab == T_OCCUPANCY && !p->occ &&
	    fh_occupancy_report(app->store, &app->actor, NULL, p->today, true, &p->occ, &p->nocc, &err) != FH_OK)
		say_error(p, &err);
}

static void reload(struct app *app, struct view *v)
{
	struct sscreen *p = v->priv;
	fh_error err;
	p->error[0] = 0;
	p->today = fh_clock_day(fh_clock_now());
	if (!p->day)
		p->day = p->today;
	free(p->sp);
	free(p->al);
	free(p->occ);
	free(p->use);
	p->sp = NULL, p->al = NULL, p->occ = NULL, p->use = NULL;
	p->nsp = p->nal = p->nocc = p->nuse = 0;
	for (int i = 0; i < SP_LISTS; i++)
		p->loaded[i] = false;
	load_hubs(app, p);
	if (!p->nhubs)
		return;
	fh_allocation_filter f = { .which = FH_ALLOC_CURRENT, .hub_code = fh_spaces_hub_code(p), .own_hub = true };
	if (fh_space_list(app->store, &app->actor, fh_spaces_hub_code(p), p->today, &p->sp, &p->nsp, &err) != FH_OK ||
	    fh_allocation_list(app->store, &app->actor, &f, &p->al, &p->nal, &err) != FH_OK ||
	    fh_booking_use(app->store, &app->actor, fh_spaces_hub_code(p), p->today, &p->use, &p->nuse, &err) != FH_OK) {
		say_error(p, &err);
		return;
	}
	if (p->nsp)
		qsort(p->sp, p->nsp, sizeof *p->sp, map_order);
	if (p->sel >= (int)p->nsp)
		p->sel = p->nsp ? (int)p->nsp - 1 : 0;
	if (p->room < 0 || p->room >= (int)p->nsp || !fh_spaces_is_room(&p->sp[p->room])) {
		p->room = -1;
		for (size_t i = 0; i < p->nsp && p->room < 0; i++)
			if (fh_spaces_is_room(&p->sp[i]))
				p->room = (int)i;
	}
	load_bookings(app, p);
	load_tab(app, p);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)arg;
	struct sscreen *p = v->priv;
	fh_list_init(&p->bookings, &booking_source, p);
	fh_list_init(&p->lists[0], &alloc_source, p);
	fh_list_init(&p->lists[1], &alloc_source, p);
	fh_list_init(&p->lists[2], &wait_source, p);
	fh_list_init(&p->lists[3], &booking_source, p);
	p->room = -1;
	reload(app, v);
	return true;
}

/* ---- drawing ---------------------------------------------------------------- */

static void draw_tabs(struct app *app, struct sscreen *p, int y, int cols)
{
	char line[200];
	int x = 1;
	attr_t bar_a = fh_attr(app, FH_C_BAR);
	fh_draw_text(y, 0, "", cols, true, bar_a);
	for (int i = 0; i < T_COUNT && x < cols; i++) {
		snprintf(line, sizeof line, " %s ", _(tab_titles[i]));
		fh_draw_text(y, x, line, cols - x, false, i == p->tab ? fh_attr(app, FH_C_SELECT) : bar_a);
		x += fh_str_width(line) + 1;
	}
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct sscreen *p = v->priv;
	char line[300], d[16];
	fh_clock_format_date(p->today, d, sizeof d);
	if (p->nhubs > 1)
		snprintf(line, sizeof line, _("Spaces · %s (hub %d of %d: < >) · %s"), fh_spaces_hub_code(p), p->hub + 1,
			 p->nhubs, d);
	else if (p->nhubs)
		snprintf(line, sizeof line, _("Spaces · %s · %s"), fh_spaces_hub_code(p), d);
	else
		snprintf(line, sizeof line, "%s", _("Spaces"));
	fh_draw_text(a.y, 1, line, a.cols - 2, false, A_BOLD);
	draw_tabs(app, p, a.y + 1, a.cols);
	struct rect body = { a.y + 2, 0, a.rows - 2, a.cols };
	if (p->error[0]) {
		fh_draw_wrapped(body.y, 1, p->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	if (!p->nhubs) {
		fh_draw_text(body.y, 2, _("No hub in your scope has spaces: list them in the hub's configuration file."),
			     a.cols - 3, false, fh_attr(app, FH_C_DIM));
		return;
	}
	switch (p->tab) {
	case T_MAP:
		fh_spaces_draw_map(app, p, body);
		return;
	case T_TIMELINE:
		fh_spaces_draw_timeline(app, p, body);
		return;
	case T_ROOMS:
		fh_spaces_draw_rooms(app, p, body);
		return;
	case T_OCCUPANCY:
		fh_spaces_draw_occupancy(app, p, body);
		return;
	default: {
		struct fh_list *l = &p->lists[p->tab - T_ENDING];
		fh_list_draw(app, l, body, true);
		if (l->nrows == 0)
			fh_draw_text(body.y, 2, _("Nothing to act on here."), a.cols - 3, false,
				     fh_attr(app, FH_C_DIM));
	}
	}
}

/* ---- actions ------------------------------------------------------------------ */

static const void *selected(struct sscreen *p)
{
	if (p->tab == T_ROOMS)
		return fh_list_selected(&p->bookings);
	if (p->tab >= T_ENDING && p->tab < T_OCCUPANCY)
		return fh_list_selected(&p->lists[p->tab - T_ENDING]);
	return NULL;
}

/* The booking selected on the Rooms or Pending tab. */
static const fh_booking *selected_booking(struct sscreen *p)
{
	return p->tab == T_ROOMS || p->tab == T_PENDING ? selected(p) : NULL;
}

static int booking_yes(struct app *app, struct view *under, int op)
{
	struct sscreen *p = under->priv;
	const fh_booking *b = selected_booking(p);
	fh_error err;
	char buf[700];
	if (!b)
		return FH_R_DONE;
	fh_status st = op == OP_CANCEL_BOOKING ? fh_booking_cancel(app->store, &app->actor, b->id, &err)
					       : fh_booking_retry(app->store, &app->actor, b->id, &err);
	if (st != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else
		fh_app_say(app, false, op == OP_CANCEL_BOOKING ? _("Booking no. %lld cancelled")
							       : _("Booking no. %lld booked"), (long long)b->id);
	return FH_R_RELOAD;
}

static int approve(struct app *app, struct sscreen *p)
{
	const fh_booking *b = selected_booking(p);
	fh_error err;
	char buf[700];
	if (!b || b->state != FH_BOOKING_PENDING) {
		fh_app_say(app, true, "%s", _("y approves a booking waiting for approval (on Rooms or Pending)."));
		return FH_R_DONE;
	}
	if (fh_booking_approve(app->store, &app->actor, b->id, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
		return FH_R_DONE;
	}
	fh_app_say(app, false, _("Booking no. %lld approved"), (long long)b->id);
	return FH_R_RELOAD;
}

static int ask_booking(struct app *app, struct sscreen *p, int op)
{
	const fh_booking *b = selected_booking(p);
	if (!b || (op == OP_RETRY && b->state != FH_BOOKING_SKIPPED)) {
		fh_app_say(app, true, "%s", op == OP_RETRY ? _("R tries a skipped date again (on Pending).")
							   : _("x cancels the selected booking (on Rooms or Pending)."));
		return FH_R_DONE;
	}
	struct fh_confirm c = { .yes = booking_yes, .arg = op };
	char s[24], e[24];
	fh_clock_format(b->starts, s, sizeof s);
	fh_clock_format(b->ends, e, sizeof e);
	if (op == OP_RETRY)
		snprintf(c.title, sizeof c.title, _("Book %s on %.10s again?"), b->space_code, s);
	else
		snprintf(c.title, sizeof c.title, _("Cancel booking no. %lld?"), (long long)b->id);
	snprintf(c.text, sizeof c.text, _("%s %s, %s–%s, by %s: “%s”."), b->space_code, b->space_name, s, e + 11,
		 b->who, b->title);
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int handed_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct sscreen *p = under->priv;
	const fh_allocation *a = fh_list_selected(&p->lists[T_HANDOVER - T_ENDING]);
	fh_error err;
	char buf[700];
	if (a && fh_allocation_handed_over(app->store, &app->actor, a->id, 0, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (a)
		fh_app_say(app, false, _("%s handed back today"), a->space_code);
	return FH_R_RELOAD;
}

static int unwait_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct sscreen *p = under->priv;
	const fh_wait *w = fh_list_selected(&p->lists[T_WAITING - T_ENDING]);
	fh_error err;
	char buf[700];
	if (w && fh_wait_remove(app->store, &app->actor, w->id, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else if (w)
		fh_app_say(app, false, _("%s is off the waiting list"), w->tenant);
	return FH_R_RELOAD;
}

static int ask_list_action(struct app *app, struct sscreen *p, int op)
{
	struct fh_confirm c = { 0 };
	if (op == OP_HANDED) {
		const fh_allocation *a = p->tab == T_HANDOVER ? selected(p) : NULL;
		if (!a) {
			fh_app_say(app, true, "%s", _("h records a handover: on the Handovers list."));
			return FH_R_DONE;
		}
		c.yes = handed_yes;
		snprintf(c.title, sizeof c.title, _("%s handed back?"), a->space_code);
		snprintf(c.text, sizeof c.text, _("%s has handed %s (%s) back today: the handover is recorded."),
			 a->tenant, a->space_code, a->space_name);
	} else {
		const fh_wait *w = p->tab == T_WAITING ? selected(p) : NULL;
		if (!w) {
			fh_app_say(app, true, "%s", _("d takes a tenant off the waiting list: on the Waiting list."));
			return FH_R_DONE;
		}
		c.yes = unwait_yes;
		snprintf(c.title, sizeof c.title, _("Take %s off the waiting list?"), w->tenant);
		snprintf(c.text, sizeof c.text, _("%s waits for: %s. It loses its place in the queue."), w->tenant,
			 fh_label_space_type(w->type));
	}
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int open_selected(struct app *app, struct sscreen *p)
{
	if (p->tab == T_MAP || p->tab == T_TIMELINE) {
		if (p->nsp && fh_spaces_is_room(&p->sp[p->sel])) {
			/* a room: its week of bookings */
			p->room = p->sel;
			p->week = true;
			p->tab = T_ROOMS;
			load_bookings(app, p);
		} else if (p->nsp) {
			fh_view_push(app, &fh_space_page_view, &(struct fh_space_arg){ p->sp[p->sel].id });
		}
		return FH_R_DONE;
	}
	int64_t tenant = 0;
	if (p->tab == T_ENDING || p->tab == T_HANDOVER) {
		const fh_allocation *a = selected(p);
		tenant = a ? a->tenant_id : 0;
	} else if (p->tab == T_WAITING) {
		const fh_wait *w = selected(p);
		tenant = w ? w->tenant_id : 0;
	} else if (selected_booking(p)) {
		tenant = selected_booking(p)->tenant_id;
	}
	if (tenant)
		fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ tenant });
	return FH_R_DONE;
}

static int move_selection(struct app *app, struct sscreen *p, int action)
{
	if (p->tab == T_MAP || p->tab == T_TIMELINE) {
		int n = (int)p->nsp;
		if (action == FH_ACT_MOVE_UP && p->sel > 0)
			p->sel--;
		else if (action == FH_ACT_MOVE_DOWN && p->sel + 1 < n)
			p->sel++;
		else if (action == FH_ACT_MOVE_FIRST)
			p->sel = 0;
		else if (action == FH_ACT_MOVE_LAST && n)
			p->sel = n - 1;
		else
			return FH_R_UNHANDLED;
		return FH_R_DONE;
	}
	if (p->tab == T_ROOMS)
		return fh_list_request(app, &p->bookings, action);
	if (p->tab >= T_ENDING && p->tab < T_OCCUPANCY)
		return fh_list_request(app, &p->lists[p->tab - T_ENDING], action);
	return FH_R_UNHANDLED;
}

static int rooms_request(struct app *app, struct sscreen *p, int action)
{
	switch (action) {
	case OP_DAY_BACK:
	case OP_DAY_ON:
		p->day += (action == OP_DAY_ON ? 1 : -1) * (p->week ? 7 : 1) * DAY;
		break;
	case OP_TODAY:
		p->day = p->today;
		break;
	case OP_WEEK:
		if (!p->week) {
			const fh_booking *b = selected_booking(p);
			for (size_t i = 0; b && i < p->nsp; i++)
				if (p->sp[i].id == b->space_id)
					p->room = (int)i;
		}
		p->week = !p->week;
		break;
	default: /* OP_NEXT_ROOM */
		for (size_t k = 1; k <= p->nsp; k++) {
			int i = (int)((p->room + k) % p->nsp);
			if (fh_spaces_is_room(&p->sp[i])) {
				p->room = i;
				break;
			}
		}
	}
	p->tab = T_ROOMS;
	load_bookings(app, p);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct sscreen *p = v->priv;
	switch (action) {
	case OP_NEXT_TAB:
	case OP_PREV_TAB:
		p->tab = (p->tab + (action == OP_NEXT_TAB ? 1 : T_COUNT - 1)) % T_COUNT;
		load_tab(app, p);
		return FH_R_DONE;
	case OP_NEXT_HUB:
	case OP_PREV_HUB:
		if (p->nhubs > 1) {
			p->hub = (p->hub + (action == OP_NEXT_HUB ? 1 : p->nhubs - 1)) % p->nhubs;
			p->sel = 0;
			p->room = -1;
			p->error[0] = 0;
			return FH_R_RELOAD;
		}
		return FH_R_DONE;
	case OP_DAY_BACK:
	case OP_DAY_ON:
	case OP_TODAY:
	case OP_WEEK:
	case OP_NEXT_ROOM:
		return rooms_request(app, p, action);
	case OP_BOOK: {
		struct fh_booking_arg b = { p->nhubs ? p->hubs[p->hub].id : 0, 0, p->day };
		if (p->room >= 0)
			b.room = p->sp[p->room].id;
		if (selected_booking(p) && p->tab == T_ROOMS)
			b.room = selected_booking(p)->space_id;
		fh_view_push(app, &fh_booking_form_view, &b);
		return FH_R_DONE;
	}
	case OP_ALLOCATE:
		if (p->nsp && (p->tab == T_MAP || p->tab == T_TIMELINE))
			fh_view_push(app, &fh_allocation_form_view, &(struct fh_space_arg){ p->sp[p->sel].id });
		else
			fh_app_say(app, true, "%s", _("a allocates the selected space: on the floor map or the timeline."));
		return FH_R_DONE;
	case OP_CANCEL_BOOKING:
	case OP_RETRY:
		return ask_booking(app, p, action);
	case OP_APPROVE:
		return approve(app, p);
	case OP_HANDED:
	case OP_UNWAIT:
		return ask_list_action(app, p, action);
	case FH_ACT_OPEN:
		return open_selected(app, p);
	default:
		return move_selection(app, p, action);
	}
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	struct sscreen *p = v->priv;
	fh_list_free(&p->bookings);
	for (int i = 0; i < SP_LISTS; i++)
		fh_list_free(&p->lists[i]);
	free(p->sp);
	free(p->al);
	free(p->occ);
	free(p->use);
}

static const struct fh_binding spaces_keys[] = {
	{ '\t', false, OP_NEXT_TAB, 0, "Tab", true, N_("next tab"), N_("Next tab: floor map, timeline, rooms, ending, handovers, waiting, pending, occupancy") },
	{ KEY_BTAB, true, OP_PREV_TAB, 0, "S-Tab", false, N_("previous tab"), N_("Previous tab") },
	{ '>', false, OP_NEXT_HUB, 0, ">", true, N_("next hub"), N_("The next hub with spaces") },
	{ '<', false, OP_PREV_HUB, 0, "<", false, N_("previous hub"), N_("The previous hub with spaces") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the space (on the map and timeline) or the tenant") },
	{ 'a', false, OP_ALLOCATE, 0, "a", true, N_("allocate"), N_("Allocate the selected space to a tenant") },
	{ 'b', false, OP_BOOK, 0, "b", true, N_("book"), N_("Book a room by the hour") },
	{ '[', false, OP_DAY_BACK, 0, "[", false, N_("day before"), N_("Rooms: the day (the week) before") },
	{ ']', false, OP_DAY_ON, 0, "]", false, N_("day after"), N_("Rooms: the day (the week) after") },
	{ 't', false, OP_TODAY, 0, "t", false, N_("today"), N_("Rooms: today") },
	{ 'w', false, OP_WEEK, 0, "w", true, N_("day / week"), N_("Rooms: all rooms on a day, or one room's week") },
	{ 'r', false, OP_NEXT_ROOM, 0, "r", false, N_("next room"), N_("Rooms: the next room's week") },
	{ 'x', false, OP_CANCEL_BOOKING, 0, "x", false, N_("cancel booking"), N_("Cancel the selected booking (asks first)") },
	{ 'y', false, OP_APPROVE, 0, "y", false, N_("approve"), N_("Approve the selected booking (a manager)") },
	{ 'R', false, OP_RETRY, 0, "R", false, N_("retry"), N_("Pending: book a skipped date again (asks first)") },
	{ 'h', false, OP_HANDED, 0, "h", false, N_("handed back"), N_("Handovers: the space was handed back today (asks first)") },
	{ 'd', false, OP_UNWAIT, 0, "d", false, N_("off the list"), N_("Waiting: take the tenant off the waiting list (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap spaces_keymap = { N_("Spaces"), spaces_keys, &fh_list_keymap };

const struct view_ops fh_spaces_view = {
	.name = "spaces",
	.private_size = sizeof(struct sscreen),
	.keymap = &spaces_keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(SPACE) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};
