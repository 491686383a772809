/* fuhua core — the space module's section of the configuration: the free
 * period, fees after it, the handover deadline and bookable rooms' hours and
 * cap (space_rules.h, fuhua-config(5)); and a hub file's spaces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "i18n.h"
#include "space_int.h"

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

static void defaults(fh_rules *r)
{
	fh_space_rules_defaults(&r->space);
}

/* "08:30": minutes after midnight, 00:00–24:00 on the half hour or quarter. */
static fh_status get_time(struct fh_cfg_ctx *c, const fh_ynode *n, int *out)
{
	fh_status st = fh_cfg_want(c, n, FH_YSCALAR, _("a time of day (HH:MM)"));
	if (st != FH_OK)
		return st;
	int h, m;
	char end;
	if (strlen(n->value) != 5 || sscanf(n->value, "%2d:%2d%c", &h, &m, &end) != 2 || h < 0 || m < 0 || m > 59 ||
	    h * 60 + m > 24 * 60 || m % 15)
		return fh_cfg_at(c, n, _("'%s' is not a time of day on the quarter hour (HH:MM, like 08:30)"), n->value,
				 NULL);
	*out = h * 60 + m;
	return FH_OK;
}

static fh_status read_booking(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "opens", "closes", "max_hours_per_week", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of booking rules"));
	int opens = r->space.opens, closes = r->space.closes;
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = get_time(c, v, &opens); break;
		case 1: st = get_time(c, v, &closes); break;
		case 2: st = fh_cfg_get_int(c, v, 0, 168, &r->space.max_hours_per_week); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
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

static fh_status read_free(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	return fh_cfg_get_int(c, n, 0, 60, &r->space.free_period_months);
}

static fh_status read_fee_m2(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	return fh_cfg_get_number(c, n, 0, 10000, &r->space.fee_per_m2_month);
}

static fh_status read_fee_seat(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	return fh_cfg_get_number(c, n, 0, 100000, &r->space.fee_per_seat_month);
}

static fh_status read_handover(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	return fh_cfg_get_int(c, n, 1, 90, &r->space.handover_working_days);
}

static const struct fh_cfg_key section_keys[] = {
	{ "free_period_months", true, read_free },
	{ "fee_per_m2_month", false, read_fee_m2 },
	{ "fee_per_seat_month", false, read_fee_seat },
	{ "handover_working_days", false, read_handover },
	{ "booking", false, read_booking },
	{ NULL },
};

const struct fh_cfg_section fh_space_config = { .keys = section_keys, .defaults = defaults };

/* A hub's spaces: code, name, type, floor, area, seats, approval. */
fh_status fh_cfg_read_spaces(struct fh_cfg_ctx *c, const fh_ynode *n, fh_hub_def *h)
{
	static const char *const keys[] = { "code", "name", "type", "floor", "area", "seats", "approval", NULL };
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
			case 1: st = fh_cfg_get_text(c, v, 30, &s->name); break;
			case 2:
				if ((st = fh_cfg_want(c, v, FH_YSCALAR, _("a space type"))) == FH_OK &&
				    !fh_space_type_parse(v->value, &s->type))
					st = fh_cfg_at(
						c, v,
						_("unknown space type '%s' (office, desk, activity_room, meeting_room, showcase)"),
						v->value, NULL);
				break;
			case 3: st = fh_cfg_get_int(c, v, -5, 99, &s->floor); break;
			case 4: st = fh_cfg_get_number(c, v, 0.5, 100000, &s->area); break;
			case 5: st = fh_cfg_get_int(c, v, 0, 10000, &s->seats); break;
			case 6: st = fh_cfg_get_bool(c, v, &s->approval); break;
			default: st = fh_cfg_unknown_key(c, k, keys);
			}
			if (ki >= 0)
				seen |= 1u << ki;
		}
		if (st == FH_OK) /* code, name, type, area */
			st = fh_cfg_check_required(c, m, seen, 1u | 2u | 4u | 16u, keys);
	}
	return st;
}
