/* fuhua core — occupancy per hub and up the tree: area and seats of the
 * spaces that are allocated, allocations ending soon, handovers overdue.
 * The dashboard, the hub tree and `fuhua report occupancy` read it here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "i18n.h"
#include "space_int.h"
#include "store_int.h"

static fh_occupancy *row_of(fh_occupancy *rows, size_t n, int64_t hub)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].hub_id == hub)
			return &rows[i];
	return NULL;
}

static void tree_read(fh_stmt *q, void *row)
{
	fh_occupancy *o = row;
	memset(o, 0, sizeof *o);
	o->hub_id = fh_column_int64(q, 0);
	o->parent_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, o->code, sizeof o->code);
	fh_column_text(q, 3, o->name, sizeof o->name);
	o->depth = fh_column_int(q, 4);
}

static fh_status read_tree(fh_store *s, int64_t root, fh_occupancy **rows, size_t *n, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "WITH RECURSIVE tree(id, depth, path) AS ("
				     "  SELECT id, 0, code FROM hubs WHERE id = ?1 UNION ALL"
				     "  SELECT h.id, tree.depth + 1, tree.path || '/' || h.code"
				     "  FROM hubs h JOIN tree ON h.parent_id = tree.id)"
				     " SELECT h.id, coalesce(h.parent_id, 0), h.code, h.name, tree.depth"
				     " FROM tree JOIN hubs h ON h.id = tree.id ORDER BY tree.path",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, root);
	return fh_store_rows(s, q, rows, n, sizeof **rows, tree_read, _("reading hubs"), err);
}

/* Each space's area and seats, and its use on the day. */
static fh_status add_spaces(fh_store *s, int64_t root, int64_t day, fh_occupancy *rows, size_t n, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		FH_SQL_SCOPE "SELECT s.hub_id, s.type, s.area, s.seats,"
			     " (SELECT coalesce(sum(max(a.seats, 1)), 0) FROM allocations a WHERE a.space_id = s.id"
			     "   AND a.end_on >= ?2 AND a.start_on <= ?2)"
			     " FROM spaces s WHERE s.retired = 0 AND s.hub_id IN (SELECT id FROM scope)",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, root);
	fh_bind_int64(q, 2, day);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_occupancy *o = row_of(rows, n, fh_column_int64(q, 0));
		fh_space_type type = FH_SPACE_OFFICE;
		fh_space_type_parse(fh_column_str(q, 1), &type);
		double area = fh_column_double(q, 2);
		int seats = fh_column_int(q, 3), used = fh_column_int(q, 4);
		if (!o)
			continue;
		o->spaces++;
		o->area_all += area;
		if (!fh_space_type_allocated(type))
			continue;
		bool whole = fh_space_type_whole(type);
		if (used > seats && !whole)
			used = seats;
		o->area += area;
		if (whole)
			o->area_used += used ? area : 0;
		else if (seats)
			o->area_used += area * used / seats;
		if (type != FH_SPACE_SHOWCASE) {
			o->seats += seats;
			o->seats_used += whole ? (used ? seats : 0) : used;
		}
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading spaces"));
}

/* Allocations ending within 30, 60 and 90 days; handovers overdue. */
static fh_status add_dates(fh_store *s, int64_t root, int64_t day, fh_occupancy *rows, size_t n, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		FH_SQL_SCOPE "SELECT s.hub_id, sum(a.end_on <= ?2 + 30 * 86400), sum(a.end_on <= ?2 + 60 * 86400),"
			     " count(*) FROM spaces s JOIN allocations a ON a.space_id = s.id"
			     " WHERE s.hub_id IN (SELECT id FROM scope) AND a.end_on BETWEEN ?2 AND ?2 + 90 * 86400"
			     " AND a.released_on IS NULL AND a.end_on >= a.start_on GROUP BY s.hub_id",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, root);
	fh_bind_int64(q, 2, day);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_occupancy *o = row_of(rows, n, fh_column_int64(q, 0));
		for (int i = 0; o && i < 3; i++)
			o->ending[i] = fh_column_int(q, 1 + i);
	}
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("reading allocations"));
	if ((st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT s.hub_id, count(*) FROM allocations a JOIN spaces s ON s.id = a.space_id"
				" WHERE a.handover_due < ?2 AND a.handed_on IS NULL AND a.end_on < ?2"
				" AND a.end_on >= a.start_on AND s.hub_id IN (SELECT id FROM scope) GROUP BY s.hub_id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, root);
	fh_bind_int64(q, 2, day);
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_occupancy *o = row_of(rows, n, fh_column_int64(q, 0));
		if (o)
			o->handover_overdue = fh_column_int(q, 1);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading allocations"));
}

static void roll_up(fh_occupancy *rows, size_t n)
{
	/* tree order: a child comes after its parent, so from the end up */
	for (size_t i = n; i-- > 1;) {
		fh_occupancy *c = &rows[i], *p = row_of(rows, i, c->parent_id);
		if (!p)
			continue;
		p->spaces += c->spaces;
		p->area_all += c->area_all;
		p->area += c->area;
		p->area_used += c->area_used;
		p->seats += c->seats;
		p->seats_used += c->seats_used;
		for (int k = 0; k < 3; k++)
			p->ending[k] += c->ending[k];
		p->handover_overdue += c->handover_overdue;
	}
}

fh_status fh_occupancy_report(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t day, bool subtree,
			      fh_occupancy **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_status st = fh_space_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	int64_t root = hub ? hub : actor->hub_id;
	day = day ? fh_clock_day(day) : fh_space_today();
	if ((st = read_tree(s, root, rows, n, err)) == FH_OK &&
	    (st = add_spaces(s, root, day, *rows, *n, err)) == FH_OK &&
	    (st = add_dates(s, root, day, *rows, *n, err)) == FH_OK) {
		if (subtree)
			roll_up(*rows, *n);
		return FH_OK;
	}
	free(*rows);
	*rows = NULL;
	*n = 0;
	return st;
}

double fh_occupancy_area_rate(const fh_occupancy *o)
{
	return o->area > 0 ? 100.0 * o->area_used / o->area : 0.0;
}

double fh_occupancy_seat_rate(const fh_occupancy *o)
{
	return o->seats > 0 ? 100.0 * o->seats_used / o->seats : 0.0;
}
