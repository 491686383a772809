/* fuhua core — the demo's spaces: allocations, the waiting list and room
 * bookings, written through space.h and booking.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"
#include "fuhua/booking.h"
#include "fuhua/clock.h"
#include "fuhua/space.h"
#include "i18n.h"
#include "store_int.h"

#define DAY 86400

struct hub_spaces {
	int64_t hub;
	char code[33];
	fh_space *sp;
	size_t nsp;
	int64_t *placed; /* tenants given a space, for bookings */
	size_t nplaced, cap;
};

struct tenant {
	int64_t id, admitted, planned_end;
};

/* The first `most` tenants in incubation at the hub, in order of their
 * numbers: their numbers from the index, then those rows only (a hub of a
 * million-tenant demo has a hundred thousand). */
static void tenant_read(fh_stmt *q, void *row)
{
	struct tenant *t = row;
	t->id = fh_column_int64(q, 0);
	t->admitted = fh_column_int64(q, 1);
	t->planned_end = fh_column_int64(q, 2);
}

/* The first `most` tenants in incubation at a hub, in *t and *n. */
static fh_status incubating(fh_store *s, int64_t hub, int most, struct tenant **t, size_t *n, fh_error *err)
{
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(s,
			      "SELECT id, admitted_on, planned_end FROM tenants WHERE id IN (SELECT id FROM"
			      " tenants WHERE hub_id = ?1 AND stage = 'incubating' ORDER BY id LIMIT ?2) ORDER BY id",
			      &q, err);
	*t = NULL;
	*n = 0;
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, most);
	return fh_store_rows(s, q, t, n, sizeof **t, tenant_read, _("reading tenants"), err);
}

static fh_status allocate(fh_store *s, const fh_actor *a, struct hub_spaces *h, uint64_t *rng, fh_error *err)
{
	int total = 0, used = 0;
	for (size_t k = 0; k < h->nsp; k++)
		if (fh_space_type_allocated(h->sp[k].type) && h->sp[k].type != FH_SPACE_SHOWCASE)
			total += h->sp[k].seats;
	/* a tenant placed takes a seat or more; room for those refused, and the
	 * four who wait */
	size_t nt;
	struct tenant *t;
	size_t i = 0, k = 0;
	fh_status st = incubating(s, h->hub, 2 * total + 64, &t, &nt, err);
	int64_t today = fh_clock_day(fh_clock_now());
	for (; st == FH_OK && i < nt && used * 100 < total * 85; i++) {
		int want = 1 + fh_demo_pick(rng, 3);
		for (size_t tries = 0; tries < h->nsp; tries++, k = (k + 1) % h->nsp) {
			const fh_space *sp = &h->sp[k];
			if (!fh_space_type_allocated(sp->type) || sp->type == FH_SPACE_SHOWCASE || !sp->seats)
				continue;
			fh_allocation_req r = {
				.space_id = sp->id, .tenant_id = t[i].id, .seats = want, .from = t[i].admitted
			};
			if (t[i].planned_end < today) /* past its planned end: extended */
				r.to = today + 90 * DAY;
			int64_t id;
			fh_error e;
			/* from admission to the planned end */
			fh_status as = fh_allocation_add(s, a, &r, &id, &e);
			if (as == FH_ECONFLICT || as == FH_EINVAL)
				continue;
			if ((st = as) != FH_OK) {
				*err = e;
				break;
			}
			used += fh_space_type_whole(sp->type) ? sp->seats : want;
			if (fh_grow(&h->placed, &h->cap, h->nplaced, sizeof *h->placed))
				h->placed[h->nplaced++] = t[i].id;
			k = (k + 1) % h->nsp;
			break;
		}
	}
	/* the next few wait for a desk or an office */
	for (int w = 0; st == FH_OK && w < 4 && i < nt; w++, i++) {
		int64_t id;
		fh_error e;
		bool desk = fh_demo_pick(rng, 3) != 0;
		fh_status ws = fh_wait_add(s, a, t[i].id, desk ? FH_SPACE_DESK : FH_SPACE_OFFICE,
					   desk ? 1 + fh_demo_pick(rng, 2) : 0, desk ? "" : "团队扩大，需要独立办公室",
					   &id, &e);
		if (ws != FH_OK && ws != FH_ECONFLICT && ws != FH_EINVAL) {
			*err = e;
			st = ws;
		}
	}
	free(t);
	return st;
}

static const char *const titles[] = {
	"理事会",       "项目例会", "志愿者培训", "党建学习", "社区议事会",
	"公益创投路演", "财务培训", "亲子活动",   "居民沙龙", "评估座谈",
};

/* Bookings of each room for today and the next 13 days: some refused by
 * the rules (a clash, the cap), as at a real front desk, and left out. */
static fh_status book(fh_store *s, const fh_actor *a, struct hub_spaces *h, uint64_t *rng, fh_error *err)
{
	int64_t today = fh_clock_day(fh_clock_now());
	fh_status st = FH_OK;
	bool weekly = false;
	for (size_t k = 0; st == FH_OK && k < h->nsp; k++) {
		const fh_space *sp = &h->sp[k];
		if (fh_space_type_allocated(sp->type))
			continue;
		for (int d = 0; st == FH_OK && d < 14; d++) {
			int n = fh_demo_pick(rng, 4);
			for (int b = 0; st == FH_OK && b < n; b++) {
				int start = 9 * 60 + 30 * fh_demo_pick(rng, 20), len = 60 * (1 + fh_demo_pick(rng, 3));
				fh_booking_req r = {
					.space_id = sp->id,
					.tenant_id = h->nplaced && fh_demo_pick(rng, 4)
						? h->placed[fh_demo_pick(rng, (int)h->nplaced)]
						: 0,
					.starts = today + (int64_t)d * DAY + start * 60,
					.ends = today + (int64_t)d * DAY + (start + len) * 60,
					.title = titles[fh_demo_pick(rng, (int)(sizeof titles / sizeof titles[0]))],
					.weeks = 1,
				};
				if (!weekly && r.tenant_id == 0 && d >= 1) {
					r.weeks = 8; /* the hub's own meeting, every week */
					r.title = "党建学习";
					weekly = true;
				}
				fh_booking_result res;
				fh_error e;
				fh_status bs = fh_booking_add(s, a, &r, &res, &e);
				if (bs != FH_OK && bs != FH_ECONFLICT && bs != FH_EINVAL) {
					*err = e;
					st = bs;
				}
			}
		}
	}
	return st;
}

fh_status fh_demo_spaces(fh_store *s, const fh_actor *a, uint64_t seed, fh_error *err)
{
	uint64_t rng = seed ^ 0x7370616365ULL;
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT id, code FROM hubs ORDER BY id", &q, err);
	if (st != FH_OK)
		return st;
	struct hub_spaces *hubs = NULL;
	size_t n = 0, cap = 0;
	while (fh_step(q) == FH_ROW && fh_grow(&hubs, &cap, n, sizeof *hubs)) {
		memset(&hubs[n], 0, sizeof hubs[n]);
		hubs[n].hub = fh_column_int64(q, 0);
		fh_column_text(q, 1, hubs[n].code, sizeof hubs[n].code);
		n++;
	}
	fh_reset(q);
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		st = fh_space_list(s, a, hubs[i].code, 0, &hubs[i].sp, &hubs[i].nsp, err);
		if (st == FH_OK)
			st = allocate(s, a, &hubs[i], &rng, err);
		if (st == FH_OK)
			st = book(s, a, &hubs[i], &rng, err);
	}
	for (size_t i = 0; i < n; i++) {
		free(hubs[i].sp);
		free(hubs[i].placed);
	}
	free(hubs);
	return st;
}
