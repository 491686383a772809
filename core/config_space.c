/* fuhua core — the configuration's rules for spaces: fees after the free
 * period, the handover deadline, bookable rooms' hours and cap, and the
 * calendar of working days (fuhua-config(5)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "fuhua/clock.h"
#include "i18n.h"

void fh_space_rules_defaults(fh_space_rules *r)
{
	*r = (fh_space_rules){
		.free_period_months = 12,
		.fee_per_m2_month = 0,
		.fee_per_seat_month = 0,
		.handover_working_days = 15,
		.opens = 8 * 60 + 30,
		.closes = 21 * 60,
		.max_hours_per_week = 0,
	};
}

void fh_cfg_space_defaults(fh_rules *r)
{
	fh_space_rules_defaults(&r->space);
}

void fh_cfg_space_free(fh_rules *r)
{
	free(r->days_off);
	free(r->days_worked);
	r->days_off = r->days_worked = NULL;
	r->ndays_off = r->ndays_worked = 0;
}

static int64_t *days_dup(const int64_t *d, size_t n, bool *ok)
{
	if (!n)
		return NULL;
	int64_t *c = malloc(n * sizeof *c);
	if (!c)
		*ok = false;
	else
		memcpy(c, d, n * sizeof *c);
	return c;
}

bool fh_cfg_space_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	dst->days_off = days_dup(src->days_off, src->ndays_off, &ok);
	dst->days_worked = days_dup(src->days_worked, src->ndays_worked, &ok);
	return ok;
}

/* "08:30": minutes after midnight, 00:00–24:00 on the half hour or quarter. */
static fh_status get_time(struct fh_cfg_ctx *c, const fh_ynode *n, int *out)
{
	fh_status st = fh_cfg_want(c, n, FH_YSCALAR, _("a time of day (HH:MM)"));
	if (st != FH_OK)
		return st;
	int h, m;
	char end;
	if (strlen(n->value) != 5 || sscanf(n->value, "%2d:%2d%c", &h, &m, &end) != 2 || h < 0 ||
	    m < 0 || m > 59 || h * 60 + m > 24 * 60 || m % 15)
		return fh_cfg_at(c, n, _("'%s' is not a time of day on the quarter hour (HH:MM, like 08:30)"),
			n->value, NULL);
	*out = h * 60 + m;
	return FH_OK;
}

fh_status fh_cfg_read_booking(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "opens", "closes", "max_hours_per_week", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of booking rules"));
	int opens = r->space.opens, closes = r->space.closes;
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0:
			st = get_time(c, v, &opens);
			break;
		case 1:
			st = get_time(c, v, &closes);
			break;
		case 2:
			st = fh_cfg_get_int(c, v, 0, 168, &r->space.max_hours_per_week);
			break;
		default:
			st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	if (st == FH_OK && closes <= opens)
		st = fh_cfg_at(c, n, _("rooms close before they open (closes must be after opens)"), NULL, NULL);
	if (st == FH_OK) {
		r->space.opens = opens;
		r->space.closes = closes;
	}
	return st;
}

static int cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* One entry of a list of days: "2026-10-01" or a range "2026-10-01..2026-10-07",
 * appended to *days. */
static fh_status add_days(struct fh_cfg_ctx *c, const fh_ynode *n, int64_t **days, size_t *nd)
{
	fh_status st = fh_cfg_want(c, n, FH_YSCALAR, _("a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)"));
	if (st != FH_OK)
		return st;
	char a[11], b[11], first[32] = "", last[32] = "";
	const char *dots = strstr(n->value, "..");
	if (dots) {
		snprintf(first, sizeof first, "%.*s", (int)(dots - n->value), n->value);
		snprintf(last, sizeof last, "%s", dots + 2);
	} else {
		snprintf(first, sizeof first, "%s", n->value);
		snprintf(last, sizeof last, "%s", n->value);
	}
	if (strlen(first) != 10 || strlen(last) != 10 || !fh_date_parse(first, a) ||
	    !fh_date_parse(last, b))
		return fh_cfg_at(c, n, _("'%s' is not a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)"),
			n->value, NULL);
	int64_t from = fh_date_epoch(a), to = fh_date_epoch(b);
	if (to < from)
		return fh_cfg_at(c, n, _("the range '%s' ends before it starts"), n->value, NULL);
	for (int64_t d = from; d <= to; d += 86400) { /* China time has no daylight saving */
		if (*nd >= FH_CALENDAR_MAX)
			return fh_cfg_at(c, n, _("too many days (at most 2000)"), NULL, NULL);
		int64_t *grown = realloc(*days, (*nd + 1) * sizeof **days);
		if (!grown)
			return fh_cfg_at(c, n, _("out of memory"), NULL, NULL);
		*days = grown;
		(*days)[(*nd)++] = d;
	}
	return FH_OK;
}

static fh_status read_days(struct fh_cfg_ctx *c, const fh_ynode *n, int64_t **days, size_t *nd)
{
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of dates"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++)
		st = add_days(c, n->kids[i], days, nd);
	if (st == FH_OK && *nd)
		qsort(*days, *nd, sizeof **days, cmp_day);
	return st;
}

fh_status fh_cfg_read_holidays(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "off", "worked", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of days off and days worked"));
	int64_t *off = NULL, *worked = NULL;
	size_t noff = 0, nworked = 0;
	const fh_ynode *worked_node = NULL;
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0:
			st = read_days(c, v, &off, &noff);
			break;
		case 1:
			worked_node = v;
			st = read_days(c, v, &worked, &nworked);
			break;
		default:
			st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	/* a worked day is a Saturday or Sunday, and not also a day off */
	for (size_t i = 0; st == FH_OK && i < nworked; i++) {
		int wd = (int)(((worked[i] + 8 * 3600) / 86400 + 3) % 7); /* 0 = Monday */
		char d[16];
		fh_clock_format_date(worked[i], d, sizeof d);
		if (wd < 5)
			st = fh_cfg_at(c, worked_node, _("%s is a weekday: only a Saturday or Sunday can be a day worked"), d, NULL);
		else if (bsearch(&worked[i], off, noff, sizeof *off, cmp_day))
			st = fh_cfg_at(c, worked_node, _("%s is both a day off and a day worked"), d, NULL);
	}
	if (st != FH_OK) {
		free(off);
		free(worked);
		return st;
	}
	fh_cfg_space_free(r);
	r->days_off = off;
	r->ndays_off = noff;
	r->days_worked = worked;
	r->ndays_worked = nworked;
	return FH_OK;
}

/* A hub's spaces: code, name, type, floor, area, seats, approval. */
fh_status fh_cfg_read_spaces(struct fh_cfg_ctx *c, const fh_ynode *n, fh_hub_def *h)
{
	static const char *const keys[] = { "code", "name", "type", "floor", "area", "seats",
					    "approval", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of spaces"));
	if (st != FH_OK)
		return st;
	if (n->n > 2000)
		return fh_cfg_at(c, n, _("too many spaces (at most 2000)"), NULL, NULL);
	h->spaces = n->n ? calloc(n->n, sizeof *h->spaces) : NULL;
	if (n->n && !h->spaces)
		return fh_error_set(c->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *m = n->kids[i];
		fh_space_def *s = &h->spaces[i];
		h->nspaces = i + 1;
		s->floor = 1;
		s->line = m->line;
		s->column = m->column;
		unsigned seen = 0;
		if ((st = fh_cfg_want(c, m, FH_YMAP, _("a space (a map)"))) != FH_OK)
			break;
		for (size_t j = 0; st == FH_OK && j < m->n; j++) {
			const fh_ynode *k = m->kids[2 * j], *v = m->kids[2 * j + 1];
			int ki = fh_cfg_key_index(k->value, keys);
			switch (ki) {
			case 0:
				st = fh_cfg_get_code(c, v, &s->code);
				for (size_t p = 0; st == FH_OK && p < i; p++)
					if (strcmp(h->spaces[p].code, s->code) == 0)
						st = fh_cfg_at(c, v, _("duplicate space code '%s'"), s->code, NULL);
				break;
			case 1:
				st = fh_cfg_get_text(c, v, 30, &s->name);
				break;
			case 2:
				if ((st = fh_cfg_want(c, v, FH_YSCALAR, _("a space type"))) == FH_OK &&
				    !fh_space_type_parse(v->value, &s->type))
					st = fh_cfg_at(c, v, _("unknown space type '%s' (office, desk, activity_room, meeting_room, showcase)"),
						v->value, NULL);
				break;
			case 3:
				st = fh_cfg_get_int(c, v, -5, 99, &s->floor);
				break;
			case 4:
				st = fh_cfg_get_number(c, v, 0.5, 100000, &s->area);
				break;
			case 5:
				st = fh_cfg_get_int(c, v, 0, 10000, &s->seats);
				break;
			case 6:
				st = fh_cfg_get_bool(c, v, &s->approval);
				break;
			default:
				st = fh_cfg_unknown_key(c, k, keys);
			}
			if (ki >= 0)
				seen |= 1u << ki;
		}
		if (st == FH_OK) /* code, name, type, area */
			st = fh_cfg_check_required(c, m, seen, 1u | 2u | 4u | 16u, keys);
	}
	return st;
}
