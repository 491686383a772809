/* fuhua core — dual incubation in figures: coverage from the maintained
 * counts, the lists to act on, instructors' loads and both tracks of a
 * tenant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "fuhua/buf.h"
#include "i18n.h"
#include "merge.h"
#include "party_int.h"
#include "store_int.h"

static fh_status oom(fh_error *err)
{
	return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
}

double fh_coverage_rate(int part, int whole)
{
	return whole > 0 ? 100.0 * part / whole : 0.0;
}

/* ---- coverage ------------------------------------------------------------- */

struct hub_slot {
	int64_t id;
	size_t row;
};

static int slot_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct hub_slot *)a)->id, y = ((const struct hub_slot *)b)->id;
	return (x > y) - (x < y);
}

static size_t find_row(const struct hub_slot *slots, size_t n, int64_t id)
{
	struct hub_slot key = { id, 0 };
	const struct hub_slot *hit = bsearch(&key, slots, n, sizeof *slots, slot_cmp);
	return hit ? hit->row : (size_t)-1;
}

/* The tree below `root`, parents first, children by code. */
static fh_status read_tree(fh_store *s, int64_t root, fh_coverage **rows, int64_t **parents, unsigned **forms,
			   size_t *n, fh_error *err)
{
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(s,
			      "WITH RECURSIVE tree(id, depth, path) AS (SELECT id, 0, code FROM hubs WHERE id = ?1"
			      " UNION ALL SELECT h.id, tree.depth + 1, tree.path || char(1) || h.code"
			      "  FROM hubs h JOIN tree ON h.parent_id = tree.id)"
			      " SELECT h.id, h.code, h.name, tree.depth, ifnull(h.parent_id, 0), h.coverage_org_forms"
			      " FROM tree JOIN hubs h ON h.id = tree.id ORDER BY tree.path",
			      &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, root);
	size_t cap = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			fh_coverage *r = realloc(*rows, cap * sizeof *r);
			if (r)
				*rows = r;
			int64_t *p = realloc(*parents, cap * sizeof *p);
			if (p)
				*parents = p;
			unsigned *f = realloc(*forms, cap * sizeof *f);
			if (f)
				*forms = f;
			if (!r || !p || !f) {
				fh_reset(q);
				return oom(err);
			}
		}
		fh_coverage *c = &(*rows)[*n];
		memset(c, 0, sizeof *c);
		c->hub_id = fh_column_int64(q, 0);
		fh_column_text(q, 1, c->code, sizeof c->code);
		fh_column_text(q, 2, c->name, sizeof c->name);
		c->depth = fh_column_int(q, 3);
		(*parents)[*n] = fh_column_int64(q, 4);
		(*forms)[*n] = fh_party_forms_mask(fh_column_str(q, 5));
		(*n)++;
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading hubs"));
}

/* One group of the maintained counts into its hub's own figures. */
static void count_group(fh_coverage *c, unsigned org_forms, fh_party_org form, bool fallback, bool guided, int n,
			int members)
{
	c->counted += n;
	c->members += members;
	c->by_form[form] += n;
	bool org = (org_forms & 1u << form) != 0;
	if (org)
		c->org += n;
	if (org || (fallback && guided))
		c->work += n;
	if (!org && fallback && guided)
		c->fallback_guided += n;
	if (!org && fallback && !guided)
		c->fallback_alone += n;
}

static void add_up(fh_coverage *to, const fh_coverage *from)
{
	to->counted += from->counted;
	to->org += from->org;
	to->work += from->work;
	to->fallback_guided += from->fallback_guided;
	to->fallback_alone += from->fallback_alone;
	to->members += from->members;
	for (int f = 0; f < FH_PARTY_ORG_COUNT; f++)
		to->by_form[f] += from->by_form[f];
}

fh_status fh_party_coverage(fh_store *s, const fh_actor *actor, int64_t hub, bool all_stages, fh_coverage **rows,
			    size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (!hub)
		hub = actor->hub_id;
	fh_status st = fh_actor_scope(s, actor, hub, err);
	int64_t *parents = NULL;
	unsigned *forms = NULL;
	struct hub_slot *slots = NULL;
	if (st == FH_OK)
		st = read_tree(s, hub, rows, &parents, &forms, n, err);
	if (st == FH_OK && !(slots = malloc((*n ? *n : 1) * sizeof *slots)))
		st = oom(err);
	for (size_t i = 0; st == FH_OK && i < *n; i++)
		slots[i] = (struct hub_slot){ (*rows)[i].hub_id, i };
	if (st == FH_OK)
		qsort(slots, *n, sizeof *slots, slot_cmp);
	fh_stmt *q = NULL;
	if (st == FH_OK)
		st = fh_store_stmt(s,
				   FH_SQL_SCOPE
				   "SELECT hub_id, form, fallback, guided, sum(n), sum(members) FROM party_tally"
				   " WHERE hub_id IN (SELECT id FROM scope) AND n > 0"
				   " AND (?2 OR stage = 'incubating') GROUP BY 1, 2, 3, 4",
				   &q, err);
	if (st == FH_OK) {
		fh_bind_int64(q, 1, hub);
		fh_bind_int(q, 2, all_stages);
		int rc;
		while ((rc = fh_step(q)) == FH_ROW) {
			size_t i = find_row(slots, *n, fh_column_int64(q, 0));
			fh_party_org form;
			if (i == (size_t)-1 || !fh_party_org_parse(fh_column_str(q, 1), &form))
				continue;
			count_group(&(*rows)[i], forms[i], form, fh_column_int(q, 2) != 0, fh_column_int(q, 3) != 0,
				    fh_column_int(q, 4), fh_column_int(q, 5));
		}
		fh_reset(q);
		if (rc != FH_DONE)
			st = fh_store_fail(s, err, _("reading coverage"));
	}
	/* roll up: children come after their parent, so walking backwards adds
	 * each finished subtree to its parent */
	for (size_t i = *n; st == FH_OK && i-- > 1;) {
		size_t p = find_row(slots, *n, parents[i]);
		if (p != (size_t)-1)
			add_up(&(*rows)[p], &(*rows)[i]);
	}
	for (size_t i = 0; st == FH_OK && i < *n; i++)
		(*rows)[i].uncovered = (*rows)[i].counted - (*rows)[i].work;
	free(parents);
	free(forms);
	free(slots);
	if (st != FH_OK) {
		free(*rows);
		*rows = NULL;
		*n = 0;
	}
	return st;
}

fh_status fh_party_references(fh_store *s, int64_t hub, fh_coverage_ref *out, size_t max, size_t *n, fh_error *err)
{
	fh_stmt *q;
	*n = 0;
	fh_status st = fh_store_stmt(s,
				     "SELECT name, org_rate, work_rate FROM hub_references WHERE hub_id = ?1"
				     " ORDER BY seq",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	int rc = FH_DONE;
	while (*n < max && (rc = fh_step(q)) == FH_ROW) {
		fh_coverage_ref *r = &out[(*n)++];
		fh_column_text(q, 0, r->name, sizeof r->name);
		r->org = fh_column_double(q, 1);
		r->work = fh_column_null(q, 2) ? -1 : fh_column_double(q, 2);
	}
	fh_reset(q);
	if (rc == FH_ROW || rc == FH_DONE)
		return FH_OK;
	*n = 0;
	return fh_store_fail(s, err, _("reading the reference rates"));
}

/* ---- lists to act on --------------------------------------------------------- */

/* Each list over the tenants in incubation of the hubs in scope, walked
 * hub by hub on the (hub, stage, name) index so that a page stops early. */
static const char *const list_sql[FH_PL_COUNT] = {
	[FH_PL_UNCOVERED] = FH_SQL_SCOPE
	"SELECT t.id, 0, t.name, h.code, t.party_org, t.party_members, t.party_fallback,"
	" t.instructor_id IS NOT NULL, 0, '' FROM scope JOIN hubs h ON h.id = scope.id"
	" JOIN tenants t INDEXED BY tenants_hub_stage ON t.hub_id = scope.id AND t.stage = 'incubating'"
	" WHERE instr(',' || h.coverage_org_forms || ',', ',' || t.party_org || ',') = 0"
	" AND NOT (t.party_fallback AND t.instructor_id IS NOT NULL) LIMIT ?3",
	[FH_PL_SHOULD_BRANCH] = FH_SQL_SCOPE
	"SELECT t.id, 0, t.name, h.code, t.party_org, t.party_members, t.party_fallback,"
	" t.instructor_id IS NOT NULL, 0, '' FROM scope JOIN hubs h ON h.id = scope.id"
	" JOIN tenants t INDEXED BY tenants_hub_stage ON t.hub_id = scope.id AND t.stage = 'incubating'"
	" WHERE t.party_members >= h.branch_min_members AND t.party_org != 'branch' LIMIT ?3",
	[FH_PL_SYNC_GAPS] =
		FH_SQL_SCOPE "SELECT t.id, p.id, t.name, h.code, t.party_org, t.party_members, t.party_fallback,"
			     " t.instructor_id IS NOT NULL, p.due, p.kind FROM party_sync p INDEXED BY party_sync_open"
			     " CROSS JOIN tenants t ON t.id = p.tenant_id JOIN hubs h ON h.id = t.hub_id"
			     " WHERE p.done_on IS NULL AND p.due < ?2 AND t.stage = 'incubating'"
			     " AND t.hub_id IN (SELECT id FROM scope) ORDER BY p.due, p.id LIMIT ?3",
};

static void row_read(fh_stmt *q, void *row)
{
	fh_party_row *r = row;
	memset(r, 0, sizeof *r);
	r->tenant_id = fh_column_int64(q, 0);
	r->item_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, r->name, sizeof r->name);
	fh_column_text(q, 3, r->hub_code, sizeof r->hub_code);
	fh_party_org_parse(fh_column_str(q, 4), &r->form);
	r->full = fh_column_int(q, 5);
	r->fallback = fh_column_int(q, 6) != 0;
	r->guided = fh_column_int(q, 7) != 0;
	r->date = fh_column_int64(q, 8);
	fh_column_text(q, 9, r->what, sizeof r->what);
}

static void row_days(fh_party_row *r, int64_t day)
{
	r->days = r->date ? (int)((day - r->date) / 86400) : 0;
}

/* Steps a list's statement (bound: ?1 the hub, ?2 today, ?3 max + 1) into
 * up to max rows; *more when there were more. */
static fh_status read_list(fh_store *s, fh_stmt *q, int64_t day, size_t max, fh_party_row **rows, size_t *n, bool *more,
			   fh_error *err)
{
	size_t cap = 0;
	bool full = false;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (*n == max) {
			*more = true;
			break;
		}
		if (!fh_grow(rows, &cap, *n, sizeof **rows)) {
			full = true;
			break;
		}
		fh_party_row *r = &(*rows)[(*n)++];
		row_read(q, r);
		row_days(r, day);
	}
	fh_reset(q);
	if (full || (rc != FH_DONE && rc != FH_ROW)) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return full ? oom(err) : fh_store_fail(s, err, _("reading the party lists"));
	}
	return FH_OK;
}

/* ---- the re-elections: each hub's terms by the day they began, merged ----------- */

/* A row of the list with the day its term began, the key it is read by. */
struct term_row {
	fh_party_row r;
	int64_t from;
};

static void term_read(fh_stmt *q, void *row)
{
	struct term_row *t = row;
	row_read(q, &t->r);
	t->from = fh_column_int64(q, 10);
}

/* Each hub's streams (two a hub: x[2i], x[2i + 1]), its term, and the
 * day before which a term must have begun to end before the horizon. */
struct term_hubs {
	const struct fh_stream *x;
	int *years;
	int64_t *before;
};

/* A hub's own branches in incubation (kind 0) or joint branches (kind 1)
 * whose term began before the hub's day, by that day (whose order is the
 * ends' order) on their index; the end computed here, by the party rule. */
static fh_status term_chunk(const struct fh_merge *m, struct fh_stream *x, fh_error *err)
{
	static const char *const sql[2] = {
		"SELECT t.id, 0, t.name, h.code, t.party_org, t.party_members, t.party_fallback,"
		" t.instructor_id IS NOT NULL, 0, '', t.term_from"
		" FROM tenants t INDEXED BY tenants_term JOIN hubs h ON h.id = t.hub_id"
		" WHERE t.hub_id = ?1 AND t.term_from IS NOT NULL AND t.stage = 'incubating' AND t.party_org = 'branch'"
		" AND t.term_from < ?2 AND (t.term_from, t.id) > (?3, ?4) ORDER BY t.term_from, t.id LIMIT ?5",
		"SELECT 0, b.id, b.name, h.code, 'joint_branch', 0, 0, 0, 0, 'joint', b.term_from"
		" FROM party_branches b INDEXED BY party_branches_term JOIN hubs h ON h.id = b.hub_id"
		" WHERE b.hub_id = ?1 AND b.term_from IS NOT NULL AND b.term_from < ?2"
		" AND (b.term_from, b.id) > (?3, ?4) ORDER BY b.term_from, b.id LIMIT ?5",
	};
	const struct term_hubs *th = m->ctx;
	size_t hub = (size_t)(x - th->x) / 2;
	fh_stmt *q;
	fh_status st = fh_store_stmt(m->store, sql[x->kind], &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, x->hub);
	fh_bind_int64(q, 2, th->before[hub]);
	fh_bind_int64(q, 3, x->key);
	fh_bind_int64(q, 4, x->id);
	fh_bind_int64(q, 5, (int64_t)m->chunk);
	st = fh_store_rows(m->store, q, &x->rows, &x->n, sizeof(struct term_row), term_read,
			   _("reading the party lists"), err);
	struct term_row *rows = x->rows;
	for (size_t i = 0; st == FH_OK && i < x->n; i++)
		rows[i].r.date = fh_party_term_end_day(th->years[hub], rows[i].from);
	return st;
}

/* The day before which a term of `years` must have begun to end before
 * `horizon`: the first day whose term ends on it or later. */
static int64_t term_began_before(int years, int64_t horizon)
{
	int64_t day = fh_clock_day(fh_clock_add_months(horizon, -12 * years));
	while (fh_party_term_end_day(years, day) >= horizon)
		day -= 86400;
	while (fh_party_term_end_day(years, day) < horizon)
		day += 86400;
	return day;
}

/* Each hub's term (the level's committee_term_years). */
static fh_status hub_terms(fh_store *s, const int64_t *hubs, size_t nh, int *years, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT committee_term_years FROM hubs WHERE id = ?1", &q, err);
	for (size_t i = 0; st == FH_OK && i < nh; i++) {
		fh_bind_int64(q, 1, hubs[i]);
		if (fh_step(q) == FH_ROW)
			years[i] = fh_column_int(q, 0);
		else
			st = fh_store_fail(s, err, _("reading the party lists"));
		fh_reset(q);
	}
	return st;
}

/* The tenant's number, or the joint branch's. */
static int64_t term_id(const struct term_row *t)
{
	return t->r.tenant_id ? t->r.tenant_id : t->r.item_id;
}

static void term_key(const void *row, int64_t *key, int64_t *id)
{
	*key = ((const struct term_row *)row)->from;
	*id = term_id(row);
}

/* By the end of the term, own branches before joint ones, then by number. */
static bool term_before(const struct fh_stream *xa, const void *a, const struct fh_stream *xb, const void *b)
{
	const struct term_row *p = a, *q = b;
	if (p->r.date != q->r.date)
		return p->r.date < q->r.date;
	if (xa->kind != xb->kind)
		return xa->kind < xb->kind;
	return term_id(p) < term_id(q);
}

struct term_list {
	fh_party_row *rows;
	size_t n, cap, max;
	bool more, full;
	int64_t day;
};

static bool term_give(void *ctx, const struct fh_stream *x, void *row)
{
	(void)x;
	struct term_list *l = ctx;
	if (l->n == l->max) {
		l->more = true;
		return false;
	}
	if (!fh_grow(&l->rows, &l->cap, l->n, sizeof *l->rows)) {
		l->full = true;
		return false;
	}
	l->rows[l->n] = ((struct term_row *)row)->r;
	row_days(&l->rows[l->n++], l->day);
	return true;
}

static fh_status reelections(fh_store *s, const fh_actor *actor, int64_t hub, size_t max, fh_party_row **rows,
			     size_t *n, bool *more, fh_error *err)
{
	int64_t *hubs;
	size_t nh, given;
	fh_status st = fh_scope_hubs(s, actor, hub, NULL, &hubs, &nh, err);
	if (st != FH_OK)
		return st;
	struct term_list l = { .max = max, .day = fh_clock_day(fh_clock_now()) };
	/* a page's share of each stream at first, 32 to 1 024 rows a statement */
	size_t nx = 2 * nh, chunk = nx ? (max + 1) / nx + 1 : 1;
	chunk = chunk < 32 ? 32 : chunk > 1024 ? 1024 : chunk;
	struct fh_stream *x = calloc(nx ? nx : 1, sizeof *x);
	struct term_hubs th = { x, calloc(nh ? nh : 1, sizeof *th.years), calloc(nh ? nh : 1, sizeof *th.before) };
	struct fh_merge m = { .store = s,
			      .size = sizeof(struct term_row),
			      .chunk = chunk,
			      .ctx = &th,
			      .read = term_chunk,
			      .key = term_key,
			      .before = term_before };
	if (!x || !th.years || !th.before)
		st = oom(err);
	else
		st = hub_terms(s, hubs, nh, th.years, err);
	for (size_t i = 0; st == FH_OK && i < nh; i++) /* ended, or ending within 90 days */
		th.before[i] = term_began_before(th.years[i], l.day + 90 * 86400);
	for (size_t i = 0; st == FH_OK && i < nx; i++)
		x[i] = (struct fh_stream){
			.kind = (int)(i % 2), .hub = hubs[i / 2], .key = INT64_MIN, .id = INT64_MIN
		};
	if (st == FH_OK && (st = fh_merge_walk(&m, x, nx, max + 1, term_give, &l, &given, err)) == FH_OK && l.full)
		st = oom(err);
	if (st == FH_OK) {
		*rows = l.rows;
		*n = l.n;
		*more = l.more;
		l.rows = NULL;
	}
	free(l.rows);
	free(th.years);
	free(th.before);
	free(x);
	free(hubs);
	return st;
}

static fh_status list_start(fh_store *s, const fh_actor *actor, int64_t *hub, fh_party_row **rows, size_t *n,
			    bool *more, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	*more = false;
	if (!*hub)
		*hub = actor->hub_id;
	return fh_actor_scope(s, actor, *hub, err);
}

fh_status fh_party_list(fh_store *s, const fh_actor *actor, int64_t hub, fh_party_list_kind which, size_t max,
			fh_party_row **rows, size_t *n, bool *more, fh_error *err)
{
	if ((unsigned)which >= FH_PL_COUNT)
		return fh_error_set(err, FH_EINVAL, NULL, "%s", _("no such list"));
	fh_status st = list_start(s, actor, &hub, rows, n, more, err);
	if (st == FH_OK && which == FH_PL_REELECTION)
		return reelections(s, actor, hub, max, rows, n, more, err);
	fh_stmt *q;
	if (st != FH_OK || (st = fh_store_stmt(s, list_sql[which], &q, err)) != FH_OK)
		return st;
	int64_t day = fh_clock_day(fh_clock_now());
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, day);
	fh_bind_int64(q, 3, (int64_t)max + 1);
	return read_list(s, q, day, max, rows, n, more, err);
}

fh_status fh_party_instructed(fh_store *s, const fh_actor *actor, int64_t instructor, size_t max, fh_party_row **rows,
			      size_t *n, bool *more, fh_error *err)
{
	int64_t hub = 0;
	fh_status st = list_start(s, actor, &hub, rows, n, more, err);
	fh_stmt *q;
	if (st != FH_OK ||
	    (st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT t.id, 0, t.name, h.code, t.party_org, t.party_members, t.party_fallback, 1, 0, ''"
		     " FROM tenants t JOIN hubs h ON h.id = t.hub_id"
		     " WHERE t.instructor_id = ?4 AND t.stage = 'incubating' AND t.hub_id IN (SELECT id FROM scope)"
		     " ORDER BY h.code, t.name_key LIMIT ?3",
		     &q, err)) != FH_OK)
		return st;
	int64_t day = fh_clock_day(fh_clock_now());
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, day);
	fh_bind_int64(q, 3, (int64_t)max + 1);
	fh_bind_int64(q, 4, instructor);
	return read_list(s, q, day, max, rows, n, more, err);
}

fh_status fh_party_instructors(fh_store *s, const fh_actor *actor, int64_t hub, fh_instructor **rows, size_t *n,
			       fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (!hub)
		hub = actor->hub_id;
	fh_status st = fh_actor_scope(s, actor, hub, err);
	fh_stmt *q;
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				FH_SQL_SCOPE
				"SELECT m.id, m.hub_id, h.code, m.name, m.employer,"
				" (SELECT ifnull(sum(n), 0) FROM instructor_tally WHERE instructor_id = m.id)"
				" FROM mentors m JOIN hubs h ON h.id = m.hub_id"
				" WHERE m.kind = 'instructor' AND m.hub_id IN (SELECT id FROM scope)"
				" ORDER BY h.code, m.name, m.id",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	size_t cap = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(rows, &cap, *n, sizeof **rows))
			break;
		fh_instructor *r = &(*rows)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = fh_column_int64(q, 0);
		r->hub_id = fh_column_int64(q, 1);
		fh_column_text(q, 2, r->hub_code, sizeof r->hub_code);
		fh_column_text(q, 3, r->name, sizeof r->name);
		fh_column_text(q, 4, r->employer, sizeof r->employer);
		r->tenants = fh_column_int(q, 5);
	}
	fh_reset(q);
	if (rc == FH_DONE)
		return FH_OK;
	free(*rows);
	*rows = NULL;
	*n = 0;
	return rc == FH_ROW ? oom(err) : fh_store_fail(s, err, _("reading instructors"));
}

static size_t index_of(const int64_t *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return i;
	return n;
}

fh_status fh_party_tracks(fh_store *s, const int64_t *ids, size_t n, fh_tracks *out, fh_error *err)
{
	memset(out, 0, n * sizeof *out);
	if (!n)
		return FH_OK;
	fh_buf list = FH_BUF_INIT; /* the ids as a JSON array, for json_each */
	for (size_t i = 0; i < n; i++)
		fh_buf_printf(&list, "%s%lld", i ? "," : "[", (long long)ids[i]);
	fh_buf_puts(&list, "]");
	if (list.failed) {
		fh_buf_free(&list);
		return oom(err);
	}
	fh_stmt *q;
	fh_status st = fh_store_stmt(s,
				     "SELECT tenant_id, track = 'party', count(*), sum(done_on IS NOT NULL),"
				     " sum(done_on IS NULL AND due < ?2) FROM milestones"
				     " WHERE tenant_id IN (SELECT value FROM json_each(?1)) GROUP BY 1, 2",
				     &q, err);
	int64_t day = fh_clock_day(fh_clock_now());
	int rc = FH_DONE;
	if (st == FH_OK) {
		fh_bind_str(q, 1, fh_buf_str(&list));
		fh_bind_int64(q, 2, day);
		while ((rc = fh_step(q)) == FH_ROW) {
			size_t i = index_of(ids, n, fh_column_int64(q, 0));
			if (i == n)
				continue;
			bool party = fh_column_int(q, 1) != 0;
			*(party ? &out[i].party_total : &out[i].org_total) = fh_column_int(q, 2);
			*(party ? &out[i].party_done : &out[i].org_done) = fh_column_int(q, 3);
			*(party ? &out[i].party_late : &out[i].org_late) = fh_column_int(q, 4);
		}
		fh_reset(q);
	}
	if (st == FH_OK && rc == FH_DONE &&
	    (st = fh_store_stmt(s,
				"SELECT tenant_id, count(*) FROM party_sync"
				" WHERE tenant_id IN (SELECT value FROM json_each(?1))"
				" AND done_on IS NULL AND due < ?2 GROUP BY 1",
				&q, err)) == FH_OK) {
		fh_bind_str(q, 1, fh_buf_str(&list));
		fh_bind_int64(q, 2, day);
		while ((rc = fh_step(q)) == FH_ROW) {
			size_t i = index_of(ids, n, fh_column_int64(q, 0));
			if (i < n)
				out[i].sync_late = fh_column_int(q, 1);
		}
		fh_reset(q);
	}
	fh_buf_free(&list);
	if (st == FH_OK && rc != FH_DONE)
		st = fh_store_fail(s, err, _("reading the tracks"));
	return st;
}

/* ---- fuhua check --------------------------------------------------------------- */

/* The day each branch committee's term began, as kept on the tenant for
 * the re-elections list (migration 10), against the party record: a range
 * of tenants per statement, no lock held for long. */
#define TERM_CHUNK 4096
fh_status fh_party_check_terms(fh_store *s, fh_check_report *rep, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		"SELECT max(id), count(*) FILTER (WHERE bad), min(id) FILTER (WHERE bad) FROM"
		" (SELECT t.id, t.term_from IS NOT (SELECT unixepoch(coalesce(p.elected, p.founded)) - 28800"
		"  FROM party p WHERE p.tenant_id = t.id) AS bad FROM tenants t WHERE t.id > ?1 ORDER BY t.id LIMIT ?2)",
		&q, err);
	int64_t after = 0, first = 0;
	int bad = 0;
	while (st == FH_OK) {
		fh_bind_int64(q, 1, after);
		fh_bind_int(q, 2, TERM_CHUNK);
		int rc = fh_step(q);
		bool more = rc == FH_ROW && !fh_column_null(q, 0);
		if (more) {
			after = fh_column_int64(q, 0);
			if (!bad && fh_column_int(q, 1))
				first = fh_column_int64(q, 2);
			bad += fh_column_int(q, 1);
		}
		fh_reset(q);
		if (rc != FH_ROW)
			st = fh_store_fail(s, err, _("reading the party records"));
		else if (!more)
			break;
	}
	if (st == FH_OK && bad)
		fh_check_add(rep,
			     N3_("%d branch committee's term is out of date on its tenant (first: no. %lld)",
				 "%d branch committees' terms are out of date on their tenants (first: no. %lld)", bad),
			     bad, (long long)first);
	return st;
}
