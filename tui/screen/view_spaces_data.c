/* fuhua tui — what the Spaces screen's tabs share: the hub shown, its
 * spaces, allocations and the rooms' bookings, loaded once for all tabs;
 * the keys every tab answers (< > change the hub, b books a room); and what
 * the Rooms and Pending tabs do to a booking. Every figure and rule is the
 * space and booking modules'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "spaces.h"
#include "../common/width.h"

#define DAY 86400

bool fh_spaces_is_room(const fh_space *sp)
{
	return !fh_space_type_allocated(sp->type);
}

const char *fh_spaces_hub_code(const struct sscreen *p)
{
	return p->nhubs ? p->hubs[p->hub].code : "";
}

bool fh_spaces_none(struct app *app, const struct sscreen *p, struct rect a)
{
	if (p->nhubs)
		return false;
	fh_draw_text(a.y, 2, _("No hub in your scope has spaces: list them in the hub's configuration file."),
		     a.cols - 3, false, fh_attr(app, FH_C_DIM));
	return true;
}

void fh_spaces_list_draw(struct app *app, struct view *v, struct rect a)
{
	if (!fh_spaces_none(app, ((struct fh_list_tab *)v->priv)->shared, a))
		fh_list_tab_draw(app, v, a);
}

void fh_spaces_whole_booking(struct app *app, void *ctx, const void *row, char *buf, size_t size)
{
	(void)app, (void)ctx;
	const fh_booking *b = row;
	char s[24], e[24];
	fh_clock_format(b->starts, s, sizeof s);
	fh_clock_format(b->ends, e, sizeof e);
	int n = snprintf(buf, size, "%.10s %s–%s  %s %s · %s · %s", s, s + 11, e + 11, b->space_code, b->space_name,
			 b->who, b->title);
	if (b->state != FH_BOOKING_CONFIRMED && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, b->state == FH_BOOKING_SKIPPED ? " · %s: %s" : " · %s",
			 fh_label_booking_state(b->state), b->why);
}

void fh_spaces_draw_booking(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
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

static const struct fh_list_source booking_source = { sizeof(fh_booking), NULL, NULL, fh_spaces_draw_booking,
						      fh_spaces_whole_booking };

/* ---- loading ---------------------------------------------------------------- */

/* The map's order: floors from the top down, then by code, so that ↓ moves
 * the way the boxes read. */
static int map_order(const void *a, const void *b)
{
	const fh_space *x = a, *y = b;
	if (x->floor != y->floor)
		return y->floor - x->floor;
	return strcmp(x->code, y->code);
}

static bool load_hubs(struct app *app, struct sscreen *p, char *error, size_t size)
{
	fh_space *all;
	size_t n;
	fh_error err;
	char keep[33];
	snprintf(keep, sizeof keep, "%s", fh_spaces_hub_code(p));
	p->nhubs = 0;
	if (fh_space_list(app->store, &app->actor, NULL, 0, &all, &n, &err) != FH_OK) {
		fh_error_text(&err, error, size);
		return false;
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
	return true;
}

void fh_spaces_load_bookings(struct app *app, struct sscreen *p, char *error, size_t size)
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
		fh_error_text(&err, error, size);
		return;
	}
	fh_list_set(&p->bookings, rows, n);
	free(rows);
}

void fh_spaces_free(struct sscreen *p)
{
	free(p->sp);
	free(p->al);
	free(p->occ);
	free(p->use);
	p->sp = NULL, p->al = NULL, p->occ = NULL, p->use = NULL;
	p->nsp = p->nal = p->nocc = p->nuse = 0;
}

void fh_spaces_reload(struct app *app, void *shared, char *error, size_t size)
{
	struct sscreen *p = shared;
	fh_error err;
	if (!p->bookings.src) { /* the first time */
		fh_list_init(&p->bookings, &booking_source, p);
		p->room = -1;
	}
	p->today = fh_clock_day(fh_clock_now());
	if (!p->day)
		p->day = p->today;
	fh_spaces_free(p);
	if (!load_hubs(app, p, error, size) || !p->nhubs)
		return;
	fh_allocation_filter f = { .which = FH_ALLOC_CURRENT, .hub_code = fh_spaces_hub_code(p), .own_hub = true };
	if (fh_space_list(app->store, &app->actor, fh_spaces_hub_code(p), p->today, &p->sp, &p->nsp, &err) != FH_OK ||
	    fh_allocation_list(app->store, &app->actor, &f, &p->al, &p->nal, &err) != FH_OK ||
	    fh_booking_use(app->store, &app->actor, fh_spaces_hub_code(p), p->today, &p->use, &p->nuse, &err) !=
		    FH_OK) {
		fh_error_text(&err, error, size);
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
	fh_spaces_load_bookings(app, p, error, size);
}

/* ---- what every tab answers --------------------------------------------------- */

int fh_spaces_request(struct app *app, struct sscreen *p, int action, const fh_booking *selected)
{
	switch (action) {
	case FH_SP_NEXT_HUB:
	case FH_SP_PREV_HUB:
		if (p->nhubs > 1) {
			p->hub = (p->hub + (action == FH_SP_NEXT_HUB ? 1 : p->nhubs - 1)) % p->nhubs;
			p->sel = 0;
			p->room = -1;
			return FH_R_RELOAD;
		}
		return FH_R_DONE;
	case FH_SP_BOOK: {
		struct fh_booking_arg b = { p->nhubs ? p->hubs[p->hub].id : 0, 0, p->day };
		if (p->room >= 0)
			b.room = p->sp[p->room].id;
		if (selected)
			b.room = selected->space_id;
		fh_view_push(app, &fh_booking_form_view, &b);
		return FH_R_DONE;
	}
	default: return FH_R_UNHANDLED;
	}
}

static const struct fh_binding spaces_keys[] = {
	{ '>', false, FH_SP_NEXT_HUB, 0, ">", true, N_("next hub"), N_("The next hub with spaces") },
	{ '<', false, FH_SP_PREV_HUB, 0, "<", false, N_("previous hub"), N_("The previous hub with spaces") },
	{ 'b', false, FH_SP_BOOK, 0, "b", true, N_("book"), N_("Book a room by the hour") },
	{ .action = FH_ACT_NONE },
};

const struct fh_keymap fh_spaces_keymap = { N_("On every tab"), spaces_keys, &fh_list_keymap };

/* ---- a booking of the Rooms or Pending tab ---------------------------------------- */

int fh_spaces_booking_yes(struct app *app, const fh_booking *b, int retry)
{
	fh_error err;
	char buf[700];
	if (!b)
		return FH_R_DONE;
	fh_status st = retry ? fh_booking_retry(app->store, &app->actor, b->id, &err)
			     : fh_booking_cancel(app->store, &app->actor, b->id, &err);
	if (st != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else
		fh_app_say(app, false, retry ? _("Booking no. %lld booked") : _("Booking no. %lld cancelled"),
			   (long long)b->id);
	return FH_R_RELOAD;
}

int fh_spaces_approve(struct app *app, const fh_booking *b)
{
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

int fh_spaces_ask_booking(struct app *app, const fh_booking *b, int retry, int (*yes)(struct app *, struct view *, int))
{
	if (!b || (retry && b->state != FH_BOOKING_SKIPPED)) {
		fh_app_say(app, true, "%s",
			   retry ? _("R tries a skipped date again (on Pending).")
				 : _("x cancels the selected booking (on Rooms or Pending)."));
		return FH_R_DONE;
	}
	struct fh_confirm c = { .yes = yes, .arg = retry };
	char s[24], e[24];
	fh_clock_format(b->starts, s, sizeof s);
	fh_clock_format(b->ends, e, sizeof e);
	if (retry)
		snprintf(c.title, sizeof c.title, _("Book %s on %.10s again?"), b->space_code, s);
	else
		snprintf(c.title, sizeof c.title, _("Cancel booking no. %lld?"), (long long)b->id);
	snprintf(c.text, sizeof c.text, _("%s %s, %s–%s, by %s: “%s”."), b->space_code, b->space_name, s, e + 11,
		 b->who, b->title);
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}
