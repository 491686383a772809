/* fuhua tui — the Spaces screen's pictures: each floor's spaces as boxes
 * marked by occupancy (colour, and a symbol and a bar for monochrome
 * terminals), a timeline of allocations by month, the rooms' bookings by
 * the half hour for a day or a week, and occupancy up the tree as bars. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/calendar.h"
#include "fuhua/clock.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "spaces.h"
#include "../common/width.h"

#define DAY 86400

/* ---- the floor map ------------------------------------------------------------- */

/* How full a space is on the day: 0 free, 1 partly, 2 full. */
static int fullness(const fh_space *s)
{
	if (fh_spaces_is_room(s) || (!s->holders && !s->seats_used))
		return 0;
	if (fh_space_type_whole(s->type) || s->seats_used >= s->seats)
		return 2;
	return 1;
}

static attr_t fullness_attr(struct app *app, int f)
{
	return fh_attr(app, f == 2 ? FH_C_BAD : f == 1 ? FH_C_WARN : FH_C_GOOD);
}

static int box_width(const fh_space *s)
{
	int w = 14 + (int)(s->area / 12);
	return w > 26 ? 26 : w;
}

/* Hours booked today in a room, from the day's bookings. */
static int room_minutes(const struct sscreen *p, int64_t room)
{
	int m = 0;
	for (size_t i = 0; i < p->bookings.nrows && !p->week; i++) {
		const fh_booking *b = (const fh_booking *)(p->bookings.rows + i * sizeof(fh_booking));
		if (b->space_id == room)
			m += (int)((b->ends - b->starts) / 60);
	}
	return m;
}

/* A box's top edge with the title in it: ┌A2 共享工位区──┐ in w columns. */
static void top_edge(int y, int x, int w, const char *title, attr_t a)
{
	fh_draw_text(y, x, "┌", 1, false, a);
	int used = fh_draw_text(y, x + 1, title, w - 2, false, a);
	for (int i = x + 1 + used; i < x + w - 1; i++)
		fh_draw_text(y, i, "─", 1, false, a);
	fh_draw_text(y, x + w - 1, "┐", 1, false, a);
}

/* Three rows: the title in the top edge; a mark (○ ◐ ●, for monochrome
 * terminals) with who holds it or its seats; the bottom edge a bar of the
 * seats in use (a room: its hours booked today, and approval). */
static void draw_box(struct app *app, const struct sscreen *p, const fh_space *s, int y, int x, bool sel)
{
	int w = box_width(s), f = fullness(s);
	attr_t frame = sel ? A_REVERSE | A_BOLD : fullness_attr(app, f);
	char title[160], line[200];
	/* ▶ marks the selected box where reverse video does not show */
	snprintf(title, sizeof title, "%s%s %s", sel ? "▶" : "", s->code, s->name);
	top_edge(y, x, w, title, frame);
	static const char *const marks[] = { "○", "◐", "●" };
	if (fh_spaces_is_room(s)) {
		int m = room_minutes(p, s->id);
		snprintf(line, sizeof line, _("%d:%02d h booked%s"), m / 60, m % 60,
			 s->approval ? _(", approval") : "");
	} else if (fh_space_type_whole(s->type)) {
		snprintf(line, sizeof line, "%s %s", marks[f], s->holders ? s->holder : _("free"));
	} else {
		snprintf(line, sizeof line, _("%s %d/%d seats"), marks[f], s->seats_used, s->seats);
	}
	fh_draw_text(y + 1, x, "│", 1, false, frame);
	fh_draw_text(y + 1, x + 1, line, w - 2, true, A_NORMAL);
	fh_draw_text(y + 1, x + w - 1, "│", 1, false, frame);
	fh_draw_text(y + 2, x, "└", 1, false, frame);
	if (!fh_spaces_is_room(s) && s->seats)
		fh_draw_bar(app, y + 2, x + 1, w - 2,
			    fh_space_type_whole(s->type) && s->holders ? s->seats : s->seats_used, s->seats, false);
	else
		for (int i = x + 1; i < x + w - 1; i++)
			fh_draw_text(y + 2, i, "─", 1, false, frame);
	fh_draw_text(y + 2, x + w - 1, "┘", 1, false, frame);
}

/* The selected space: what it is and who holds it (or its day's bookings). */
static void draw_panel(struct app *app, const struct sscreen *p, struct rect a)
{
	if (!p->nsp || a.rows < 2 || a.cols < 10)
		return;
	const fh_space *s = &p->sp[p->sel];
	char line[600], d[24], e[24], f[24];
	snprintf(line, sizeof line, _("%s %s · %s · floor %d · %.0f m² · %d seats"), s->code, s->name,
		 fh_label_space_type(s->type), s->floor, s->area, s->seats);
	fh_draw_text(a.y, a.x, line, a.cols, true, A_BOLD);
	int y = a.y + 1;
	if (fh_spaces_is_room(s)) {
		for (size_t i = 0; i < p->bookings.nrows && y < a.y + a.rows; i++) {
			const fh_booking *b = (const fh_booking *)(p->bookings.rows + i * sizeof(fh_booking));
			if (b->space_id != s->id)
				continue;
			fh_clock_format(b->starts, d, sizeof d);
			fh_clock_format(b->ends, e, sizeof e);
			snprintf(line, sizeof line, "%.5s–%.5s %s · %s", d + 11, e + 11, b->who, b->title);
			fh_draw_text(y++, a.x, line, a.cols, true, A_NORMAL);
		}
		if (y == a.y + 1)
			fh_draw_text(y, a.x, _("No bookings today: b books it."), a.cols, true, fh_attr(app, FH_C_DIM));
		return;
	}
	for (size_t i = 0; i < p->nal && y < a.y + a.rows; i++) {
		const fh_allocation *al = &p->al[i];
		if (al->space_id != s->id)
			continue;
		fh_clock_format_date(al->start_on, d, sizeof d);
		fh_clock_format_date(al->end_on, e, sizeof e);
		if (al->free_until)
			fh_clock_format_date(al->free_until, f, sizeof f);
		const char *free_to = al->free_until ? f : _("never");
		if (fh_space_type_whole(s->type))
			snprintf(line, sizeof line, _("%s  %s–%s, free until %s"), al->tenant, d, e, free_to);
		else
			snprintf(line, sizeof line, _("%s ×%d  %s–%s, free until %s"), al->tenant, al->seats, d, e,
				 free_to);
		fh_draw_text(y++, a.x, line, a.cols, true, al->start_on > p->today ? fh_attr(app, FH_C_DIM) : A_NORMAL);
	}
	if (y == a.y + 1)
		fh_draw_text(y, a.x, _("Nobody holds it from today on: a allocates it."), a.cols, true,
			     fh_attr(app, FH_C_DIM));
}

/* Where each space's box goes: floors from the top down, each under its
 * heading, boxes wrapped at `width`; rows counted from 0. */
static int layout(const struct sscreen *p, int width, int *row, int *col, int *heading)
{
	int top = -99, low = 99, y = 0;
	for (size_t i = 0; i < p->nsp; i++) {
		top = p->sp[i].floor > top ? p->sp[i].floor : top;
		low = p->sp[i].floor < low ? p->sp[i].floor : low;
	}
	for (int fl = top; fl >= low; fl--) {
		int x = 1, any = 0;
		for (size_t i = 0; i < p->nsp; i++) {
			if (p->sp[i].floor != fl)
				continue;
			if (!any++)
				heading[i] = y++;
			else
				heading[i] = -1;
			int w = box_width(&p->sp[i]);
			if (x + w > width && x > 1) {
				x = 1;
				y += 3;
			}
			row[i] = y;
			col[i] = x;
			x += w + 1;
		}
		if (any)
			y += 3;
	}
	return y;
}

void fh_spaces_draw_map(struct app *app, struct sscreen *p, struct rect a)
{
	bool side = a.cols >= 100;
	int map_w = side ? (a.cols - 50 > 60 ? a.cols - 50 : 60) : a.cols, height = a.rows - (side ? 1 : 5);
	int *row = calloc(p->nsp + 1, sizeof *row), *col = calloc(p->nsp + 1, sizeof *col);
	int *heading = calloc(p->nsp + 1, sizeof *heading);
	if (!row || !col || !heading) {
		free(row), free(col), free(heading);
		return;
	}
	layout(p, map_w, row, col, heading);
	/* scrolled so that the selected box shows whole */
	int skip = p->nsp && row[p->sel] + 3 > height ? row[p->sel] + 3 - height : 0;
	for (size_t i = 0; i < p->nsp; i++) {
		char title[64];
		snprintf(title, sizeof title, _("Floor %d"), p->sp[i].floor);
		if (heading[i] >= skip && heading[i] < skip + height)
			fh_draw_text(a.y + heading[i] - skip, 1, title, map_w - 2, false,
				     fh_attr(app, FH_C_DIM) | A_BOLD);
		if (row[i] >= skip && row[i] + 3 <= skip + height)
			draw_box(app, p, &p->sp[i], a.y + row[i] - skip, col[i], (int)i == p->sel);
	}
	free(row), free(col), free(heading);
	const char *legend = _("○ free  ◐ partly taken  ● full  ↑↓ choose  Enter the space");
	if (side) {
		fh_draw_text(a.y + a.rows - 1, 1, legend, map_w - 2, false, fh_attr(app, FH_C_DIM));
		draw_panel(app, p, (struct rect){ a.y, map_w + 1, a.rows, a.cols - map_w - 2 });
	} else {
		fh_draw_text(a.y + height, 1, legend, a.cols - 2, false, fh_attr(app, FH_C_DIM));
		draw_panel(app, p, (struct rect){ a.y + height + 1, 1, a.rows - height - 1, a.cols - 2 });
	}
}

/* ---- the timeline ----------------------------------------------------------------- */

#define MONTHS 12

/* Which of the timeline's months day t falls in (−1 before, MONTHS after). */
static int month_index(const int64_t *starts, int64_t t)
{
	if (t < starts[0])
		return -1;
	for (int m = 0; m < MONTHS; m++)
		if (t < starts[m + 1])
			return m;
	return MONTHS;
}

static void draw_bar_row(struct app *app, const int64_t *starts, const fh_allocation *al, int y, int x, int cw,
			 attr_t sel)
{
	int from = month_index(starts, al->start_on), to = month_index(starts, al->end_on);
	int free_m = al->free_until ? month_index(starts, al->free_until) : -1;
	for (int m = from < 0 ? 0 : from; m <= to && m < MONTHS; m++) {
		/* ░ free, █ paid; ◆ where the free period ends, ┫ the last month */
		bool free = al->free_until && starts[m + 1] - DAY <= al->free_until;
		const char *fill = free ? "░" : "█";
		const char *mark = m == to ? "┫" : m == free_m && al->free_until < al->end_on ? "◆" : fill;
		attr_t at = (m == free_m    ? fh_attr(app, FH_C_WARN)
				     : free ? fh_attr(app, FH_C_GOOD)
					    : fh_attr(app, FH_C_TITLE)) |
			sel;
		for (int k = 0; k < cw; k++)
			fh_draw_text(y, x + m * cw + k, k == cw - 1 ? mark : fill, 1, false, at);
	}
}

void fh_spaces_draw_timeline(struct app *app, struct sscreen *p, struct rect a)
{
	int label = a.cols >= 100 ? 30 : 22, cw = (a.cols - label - 1) / MONTHS;
	if (cw < 2)
		cw = 2;
	int64_t starts[MONTHS + 1];
	char d[16];
	fh_clock_format_date(p->today, d, sizeof d);
	memcpy(d + 8, "01", 3); /* this month's first day, then two months back */
	int64_t first = fh_clock_add_months(fh_date_epoch(d), -2);
	for (int m = 0; m <= MONTHS; m++)
		starts[m] = fh_clock_add_months(first, m);
	for (int m = 0; m < MONTHS; m++) {
		fh_clock_format_date(starts[m], d, sizeof d);
		char head[16];
		snprintf(head, sizeof head, cw >= 6 ? "%.2s-%.2s" : cw >= 3 ? "%.0s%.2s" : "%.0s%.1s", d + 2, d + 5);
		fh_draw_text(a.y, label + m * cw, head, cw, true,
			     p->today >= starts[m] && p->today < starts[m + 1] ? A_BOLD | A_UNDERLINE
									       : fh_attr(app, FH_C_DIM));
	}
	fh_draw_text(a.y, 1, _("space / tenant"), label - 2, false, fh_attr(app, FH_C_DIM));
	/* rows: a space, then its allocations; scrolled to keep the selected one in view */
	int rows = a.rows - 2, skip = 0, line = 0;
	for (int pass = 0; pass < 2; pass++) {
		int y = a.y + 1;
		line = 0;
		for (size_t i = 0; i < p->nsp; i++) {
			const fh_space *s = &p->sp[i];
			if (fh_spaces_is_room(s))
				continue;
			bool sel = (int)i == p->sel;
			if (pass == 0 && sel && line >= rows - 2)
				skip = line - 1;
			if (pass == 1 && line >= skip && y < a.y + 1 + rows) {
				char head[200];
				snprintf(head, sizeof head, "%s%s %s ×%d", sel ? "▶" : "", s->code, s->name, s->seats);
				fh_draw_text(y, 0, "", a.cols, true, sel ? A_REVERSE : A_NORMAL);
				fh_draw_text(y++, 1, head, label - 2, false, (sel ? A_REVERSE : A_NORMAL) | A_BOLD);
			}
			line++;
			for (size_t k = 0; k < p->nal; k++) {
				const fh_allocation *al = &p->al[k];
				if (al->space_id != s->id)
					continue;
				if (pass == 1 && line >= skip && y < a.y + 1 + rows) {
					char who[200];
					snprintf(who, sizeof who, fh_space_type_whole(s->type) ? "  %s" : "  %s ×%d",
						 al->tenant, al->seats);
					fh_draw_text(y, 1, who, label - 2, true, A_NORMAL);
					draw_bar_row(app, starts, al, y++, label, cw, A_NORMAL);
				}
				line++;
			}
		}
	}
	fh_draw_text(a.y + a.rows - 1, 1,
		     _("░ free  █ paid  ◆ the free period ends  ┫ the last month  ↑↓ choose a space"), a.cols - 2,
		     false, fh_attr(app, FH_C_DIM));
}

/* ---- rooms: a day of every room, or a week of one ---------------------------------- */

static void hours(const struct sscreen *p, int *opens, int *closes)
{
	*opens = 8 * 60 + 30;
	*closes = 21 * 60;
	for (size_t i = 0; i < p->nuse; i++)
		if (strcmp(p->use[i].hub_code, fh_spaces_hub_code(p)) == 0) {
			*opens = p->use[i].opens;
			*closes = p->use[i].closes;
			return;
		}
}

/* One row of half hours from opens: the bookings of room in [day, day + 1). */
static void slot_row(struct app *app, const struct sscreen *p, int64_t room, int64_t day, int y, int x, int cw,
		     int slots, int opens, const fh_booking *sel)
{
	for (int k = 0; k < slots; k++) {
		int64_t t0 = day + (int64_t)(opens + 30 * k) * 60, t1 = t0 + 1800;
		const fh_booking *hit = NULL;
		for (size_t i = 0; i < p->bookings.nrows && !hit; i++) {
			const fh_booking *b = (const fh_booking *)(p->bookings.rows + i * sizeof(fh_booking));
			if (b->space_id == room && b->starts < t1 && b->ends > t0)
				hit = b;
		}
		const char *c = !hit ? "·" : hit->state == FH_BOOKING_PENDING ? "▒" : "█";
		attr_t at = !hit                           ? fh_attr(app, FH_C_DIM)
			: hit->state == FH_BOOKING_PENDING ? fh_attr(app, FH_C_WARN)
							   : fh_attr(app, FH_C_TITLE);
		if (hit && hit == sel)
			at = A_REVERSE | A_BOLD;
		for (int j = 0; j < cw; j++)
			fh_draw_text(y, x + k * cw + j, c, 1, false, at);
	}
}

void fh_spaces_draw_rooms(struct app *app, struct sscreen *p, struct rect a)
{
	int opens, closes;
	hours(p, &opens, &closes);
	int slots = (closes - opens) / 30, label = a.cols >= 100 ? 20 : 14;
	int cw = slots ? (a.cols - label - 1) / slots : 1;
	if (cw > 2)
		cw = 2;
	if (cw < 1)
		cw = 1;
	char line[300], d[16];
	int64_t start = p->week ? fh_week_start(p->day) : p->day;
	fh_clock_format_date(start, d, sizeof d);
	static const char *const wd[] = { N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun") };
	if (p->week && p->room >= 0)
		snprintf(line, sizeof line, _("Week of %s · %s %s  ([ ] weeks, r next room, w all rooms)"), d,
			 p->sp[p->room].code, p->sp[p->room].name);
	else
		snprintf(line, sizeof line, _("%s %s  ([ ] days, t today, w one room's week, b book)"), d,
			 _(wd[fh_weekday(start)]));
	fh_draw_text(a.y, 1, line, a.cols - 2, false, A_BOLD);
	/* each whole hour above the half-hour cell that begins at it (rooms
	 * opening at 08:30: "9" over 09:00, not "8" over 08:30) */
	for (int k = (opens % 60) ? 1 : 0, n = 0; k < slots; k += 2, n++) {
		char h[16];
		snprintf(h, sizeof h, "%d", (opens + 30 * k) / 60);
		if (cw * 2 >= (int)strlen(h) || n % 2 == 0)
			fh_draw_text(a.y + 1, label + k * cw, h, cw * 2, false, fh_attr(app, FH_C_DIM));
	}
	const fh_booking *sel = fh_list_selected(&p->bookings);
	int y = a.y + 2;
	if (p->week) {
		for (int k = 0; k < 7 && p->room >= 0; k++) {
			int64_t day = start + (int64_t)k * DAY;
			fh_clock_format_date(day, d, sizeof d);
			snprintf(line, sizeof line, "%s %s", _(wd[k]), d + 5);
			fh_draw_text(y, 1, line, label - 2, false, day == p->today ? A_BOLD : A_NORMAL);
			slot_row(app, p, p->sp[p->room].id, day, y++, label, cw, slots, opens, sel);
		}
	} else {
		for (size_t i = 0; i < p->nsp; i++) {
			if (!fh_spaces_is_room(&p->sp[i]))
				continue;
			snprintf(line, sizeof line, "%s %s", p->sp[i].code, p->sp[i].name);
			fh_draw_text(y, 1, line, label - 2, false, A_NORMAL);
			slot_row(app, p, p->sp[i].id, start, y++, label, cw, slots, opens, sel);
		}
		if (y == a.y + 2)
			fh_draw_text(y++, 2, _("This hub has no rooms booked by the hour."), a.cols - 3, false,
				     fh_attr(app, FH_C_DIM));
	}
	fh_draw_text(y++, 1, _("· free  █ booked  ▒ waiting for approval"), a.cols - 2, false, fh_attr(app, FH_C_DIM));
	fh_list_draw(app, &p->bookings, (struct rect){ y, 0, a.y + a.rows - y, a.cols }, true);
	if (!p->bookings.nrows && y < a.y + a.rows)
		fh_draw_text(y, 2, p->week ? _("No bookings this week.") : _("No bookings on this day."), a.cols - 3,
			     false, fh_attr(app, FH_C_DIM));
}

/* ---- occupancy --------------------------------------------------------------------- */

void fh_spaces_draw_occupancy(struct app *app, struct sscreen *p, struct rect a)
{
	int name_w = a.cols >= 100 ? 30 : 20, bar = (a.cols - name_w - 45) / 2;
	char line[400];
	if (bar < 6)
		bar = 6;
	fh_draw_text(a.y, name_w, _("by area"), bar + 16, false, fh_attr(app, FH_C_DIM));
	fh_draw_text(a.y, name_w + bar + 14, _("by seats"), bar + 12, false, fh_attr(app, FH_C_DIM));
	fh_draw_text(a.y, name_w + 2 * bar + 27, _("ending ≤30/60/90 d"), a.cols - name_w - 2 * bar - 28, false,
		     fh_attr(app, FH_C_DIM));
	int y = a.y + 1, room = a.rows / 2;
	for (size_t i = 0; i < p->nocc && y < a.y + room; i++) {
		const fh_occupancy *o = &p->occ[i];
		snprintf(line, sizeof line, "%*s%s", o->depth * 2, "", o->name);
		fh_draw_text(y, 1, line, name_w - 2, true, A_NORMAL);
		fh_draw_bar(app, y, name_w, bar, o->area_used, o->area > 0 ? o->area : 1, false);
		snprintf(line, sizeof line, "%3.0f%% %.0f/%.0f", fh_occupancy_area_rate(o), o->area_used, o->area);
		fh_draw_text(y, name_w + bar + 1, line, 13, false, A_NORMAL);
		fh_draw_bar(app, y, name_w + bar + 14, bar, o->seats_used, o->seats ? o->seats : 1, false);
		snprintf(line, sizeof line, "%3.0f%% %d/%d", fh_occupancy_seat_rate(o), o->seats_used, o->seats);
		fh_draw_text(y, name_w + 2 * bar + 15, line, 12, false, A_NORMAL);
		snprintf(line, sizeof line, "%d/%d/%d%s", o->ending[0], o->ending[1], o->ending[2],
			 o->handover_overdue ? "  !" : "");
		fh_draw_text(y++, name_w + 2 * bar + 27, line, a.cols - name_w - 2 * bar - 28, false,
			     o->handover_overdue ? fh_attr(app, FH_C_BAD) : A_NORMAL);
	}
	if (p->nocc > (size_t)(room - 1))
		fh_draw_text(y++, 2, _("… more hubs: fuhua report occupancy"), a.cols - 3, false,
			     fh_attr(app, FH_C_DIM));
	char d[16];
	fh_clock_format_date(fh_week_start(p->today), d, sizeof d);
	snprintf(line, sizeof line, _("Rooms this week (from %s): booked hours of opening hours"), d);
	fh_draw_text(++y, 1, line, a.cols - 2, false, A_BOLD);
	y++;
	for (size_t i = 0; i < p->nuse && y < a.y + a.rows; i++) {
		const fh_room_use *u = &p->use[i];
		snprintf(line, sizeof line, "%s %s %s", fh_app_hub_label(app, u->hub_code), u->code, u->name);
		fh_draw_text(y, 1, line, name_w - 2, true, A_NORMAL);
		fh_draw_bar(app, y, name_w, bar, u->booked_min, u->open_min ? u->open_min : 1, false);
		snprintf(line, sizeof line, _("%3.0f%%  %.1f of %.1f h"), fh_room_use_rate(u), u->booked_min / 60.0,
			 u->open_min / 60.0);
		fh_draw_text(y++, name_w + bar + 1, line, a.cols - name_w - bar - 2, false, A_NORMAL);
	}
}
