/* fuhua core — hubs and spaces, kept in line with the configuration. */
#include "fuhua/hub.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/booking.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/space.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "modules.h"
#include "store_int.h"

/* ---- fingerprints: has a hub's configuration changed? -------------------- */

/* The hub itself, then each module's part of its rules (the module table's
 * describe_rules), hashed. */
static void fingerprint(const fh_hub_def *h, char out[17])
{
	fh_buf b = FH_BUF_INIT;
	fh_buf_printf(&b, "%s|%s|%d|%s|%s|%s", h->code, h->name, (int)h->level, h->parent ? h->parent : "",
		      h->address ? h->address : "", h->short_name ? h->short_name : "");
	for (const struct fh_module *m = fh_modules; m->name; m++)
		if (m->describe_rules) {
			fh_buf_printf(&b, "|%s", m->name);
			m->describe_rules(&b, &h->rules);
		}
	uint64_t hash = 1469598103934665603ULL; /* FNV-1a */
	for (size_t i = 0; i < b.len; i++) {
		hash ^= (unsigned char)b.data[i];
		hash *= 1099511628211ULL;
	}
	fh_buf_free(&b);
	snprintf(out, 17, "%016llx", (unsigned long long)hash);
}

/* ---- sync ------------------------------------------------------------------ */

struct sync {
	fh_store *s;
	fh_error *err;
	fh_actor actor; /* the system operator, once it exists */
	const char *via;
	fh_sync_report *rep;
};

static fh_status step_done(struct sync *y, fh_stmt *st, const char *what)
{
	int rc = fh_step(st);
	fh_reset(st);
	if (rc != FH_DONE && rc != FH_ROW)
		return fh_store_fail(y->s, y->err, what);
	return FH_OK;
}

/* Each module keeps its part of the hub's rules (the module table's
 * write_rules). */
static fh_status write_rules(struct sync *y, int64_t hub, const fh_rules *r)
{
	fh_status st = FH_OK;
	for (const struct fh_module *m = fh_modules; st == FH_OK && m->name; m++)
		if (m->write_rules)
			st = m->write_rules(y->s, hub, r, y->err);
	return st;
}

static fh_status ensure_system(struct sync *y, int64_t root_hub)
{
	if (y->actor.id)
		return FH_OK;
	fh_error e;
	if (fh_actor_system(y->s, y->via, &y->actor, &e) == FH_OK)
		return FH_OK;
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(y->s,
				       "INSERT INTO operators(name, role, hub_id, system, updated_at, updated_by)"
				       " VALUES('system', 'admin', ?1, 1, ?2, 'system')",
				       &q, y->err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, root_hub);
	fh_bind_int64(q, 2, fh_clock_now());
	fh_status st = step_done(y, q, _("creating the system operator"));
	if (st == FH_OK)
		st = fh_actor_system(y->s, y->via, &y->actor, y->err);
	if (st == FH_OK)
		y->rep->operators_added++;
	return st;
}

static void hub_json(fh_buf *b, const fh_hub_def *h, const char *hash)
{
	fh_buf_puts(b, "{\"code\":");
	fh_buf_json_string(b, h->code);
	fh_buf_puts(b, ",\"name\":");
	fh_buf_json_string(b, h->name);
	fh_buf_printf(b, ",\"level\":\"%s\",\"parent\":", fh_level_name(h->level));
	fh_buf_json_string(b, h->parent);
	fh_buf_puts(b, ",\"address\":");
	fh_buf_json_string(b, h->address);
	fh_buf_puts(b, ",\"short_name\":");
	fh_buf_json_string(b, h->short_name);
	fh_buf_printf(b, ",\"config\":\"%s\"}", hash);
}

static fh_status sync_hub(struct sync *y, const fh_hub_def *h, int64_t *hub_id)
{
	fh_store *s = y->s;
	char hash[17];
	fingerprint(h, hash);
	fh_stmt *q;
	fh_status q_rc =
		fh_store_stmt(s, "SELECT id, config_hash, name, address FROM hubs WHERE code = ?1", &q, y->err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_str(q, 1, h->code);
	int64_t id = 0;
	char old_hash[17] = "", old_name[128] = "";
	if (fh_step(q) == FH_ROW) {
		id = fh_column_int64(q, 0);
		fh_column_text(q, 1, old_hash, sizeof old_hash);
		fh_column_text(q, 2, old_name, sizeof old_name);
	}
	fh_reset(q);
	*hub_id = id;
	if (id && strcmp(old_hash, hash) == 0)
		return FH_OK;

	int64_t parent = 0;
	if (h->parent &&
	    (q_rc = fh_store_id(s, "SELECT id FROM hubs WHERE code = ?1", h->parent, &parent, _("reading hubs"),
				y->err)) != FH_OK)
		return q_rc;
	/* the hub itself; each module writes its columns of the rules below,
	 * in this transaction */
	const fh_rules *r = &h->rules;
	fh_store_stmt(
		s,
		id ? "UPDATE hubs SET name=?2, level=?3, parent_id=?4, address=?5, config_hash=?6, updated_at=?7,"
		     " updated_by=?8, short_name=?9, version = version + 1 WHERE code=?1"
		   : "INSERT INTO hubs(code, name, level, parent_id, address, config_hash, updated_at, updated_by,"
		     " short_name) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)",
		&q, y->err);
	if (!q)
		return y->err->code;
	fh_bind_str(q, 1, h->code);
	fh_bind_str(q, 2, h->name);
	fh_bind_static(q, 3, fh_level_name(h->level), -1);
	if (parent)
		fh_bind_int64(q, 4, parent);
	fh_bind_text(q, 5, h->address);
	fh_bind_str(q, 6, hash);
	fh_bind_int64(q, 7, fh_clock_now());
	fh_bind_str(q, 8, y->actor.id ? y->actor.name : "system");
	fh_bind_text(q, 9, h->short_name);
	fh_status st = step_done(y, q, _("saving a hub"));
	if (st != FH_OK)
		return st;
	if (!id) {
		id = fh_store_last_id(s);
		y->rep->hubs_added++;
	} else {
		y->rep->hubs_changed++;
	}
	*hub_id = id;
	if ((st = write_rules(y, id, r)) != FH_OK || (st = ensure_system(y, id)) != FH_OK)
		return st;
	fh_buf nb = FH_BUF_INIT, ob = FH_BUF_INIT;
	hub_json(&nb, h, hash);
	if (old_hash[0]) {
		fh_buf_puts(&ob, "{\"name\":");
		fh_buf_json_string(&ob, old_name);
		fh_buf_printf(&ob, ",\"config\":\"%s\"}", old_hash);
	}
	st = fh_audit_write(s, &y->actor, id, "hub", id, old_hash[0] ? "update" : "create",
			    old_hash[0] ? fh_buf_str(&ob) : NULL, fh_buf_str(&nb), y->err);
	fh_buf_free(&nb);
	fh_buf_free(&ob);
	return st;
}

static void space_json(fh_buf *b, const char *code, const char *name, const char *type, int floor, double area,
		       int seats)
{
	fh_buf_puts(b, "{\"code\":");
	fh_buf_json_string(b, code);
	fh_buf_puts(b, ",\"name\":");
	fh_buf_json_string(b, name);
	fh_buf_printf(b, ",\"type\":\"%s\",\"floor\":%d,\"area\":%.1f,\"seats\":%d}", type, floor, area, seats);
}

static fh_status sync_space(struct sync *y, int64_t hub, const fh_hub_def *h, const fh_space_def *d)
{
	fh_store *s = y->s;
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(s,
				       "SELECT id, name, type, floor, area, seats, retired, approval FROM spaces"
				       " WHERE hub_id = ?1 AND code = ?2",
				       &q, y->err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, hub);
	fh_bind_str(q, 2, d->code);
	int64_t id = 0;
	char name[96] = "", type[16] = "";
	int floor = 0, seats = 0, retired = 0;
	bool approval = false;
	double area = 0;
	if (fh_step(q) == FH_ROW) {
		id = fh_column_int64(q, 0);
		fh_column_text(q, 1, name, sizeof name);
		fh_column_text(q, 2, type, sizeof type);
		floor = fh_column_int(q, 3);
		area = fh_column_double(q, 4);
		seats = fh_column_int(q, 5);
		retired = fh_column_int(q, 6);
		approval = fh_column_int(q, 7);
	}
	fh_reset(q);
	const char *new_type = fh_space_type_name(d->type);
	if (id && !retired && strcmp(name, d->name) == 0 && strcmp(type, new_type) == 0 && floor == d->floor &&
	    fabs(area - d->area) < 0.005 && seats == d->seats && approval == d->approval)
		return FH_OK;
	if (id) {
		char who[128] = "";
		int used = 0;
		fh_status pst = fh_space_peak_from(s, id, fh_clock_day(fh_clock_now()), &used, who, sizeof who, y->err);
		if (pst != FH_OK)
			return pst;
		if (d->seats < used && d->seats > 0)
			return fh_error_at(y->err, h->file, d->line, d->column,
					   _("space '%s' has %d seats in use (by %s), more than the %d configured"),
					   d->code, used, who, d->seats);
	}
	fh_store_stmt(s,
		      id ? "UPDATE spaces SET name=?3, type=?4, floor=?5, area=?6, seats=?7, retired=0,"
			   " version = version + 1, updated_at=?8, updated_by=?9, approval=?10"
			   " WHERE hub_id=?1 AND code=?2"
			 : "INSERT INTO spaces(hub_id, code, name, type, floor, area, seats, updated_at, updated_by,"
			   " approval) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
		      &q, y->err);
	if (!q)
		return y->err->code;
	fh_bind_int64(q, 1, hub);
	fh_bind_str(q, 2, d->code);
	fh_bind_str(q, 3, d->name);
	fh_bind_static(q, 4, new_type, -1);
	fh_bind_int(q, 5, d->floor);
	fh_bind_double(q, 6, d->area);
	fh_bind_int(q, 7, d->seats);
	fh_bind_int64(q, 8, fh_clock_now());
	fh_bind_str(q, 9, y->actor.name);
	fh_bind_int(q, 10, d->approval);
	fh_status st = step_done(y, q, _("saving a space"));
	if (st != FH_OK)
		return st;
	fh_buf nb = FH_BUF_INIT, ob = FH_BUF_INIT;
	space_json(&nb, d->code, d->name, new_type, d->floor, d->area, d->seats);
	if (id)
		space_json(&ob, d->code, name, type, floor, area, seats);
	else
		id = fh_store_last_id(s);
	st = fh_audit_write(s, &y->actor, hub, "space", id, ob.len ? "update" : "create",
			    ob.len ? fh_buf_str(&ob) : NULL, fh_buf_str(&nb), y->err);
	if (ob.len)
		y->rep->spaces_changed++;
	else
		y->rep->spaces_added++;
	fh_buf_free(&nb);
	fh_buf_free(&ob);
	return st;
}

/* Retires the spaces of `hub` that the configuration no longer lists. */
static fh_status retire_spaces(struct sync *y, int64_t hub, const fh_hub_def *h)
{
	fh_store *s = y->s;
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(
		s, "SELECT id, code, name FROM spaces WHERE hub_id = ?1 AND retired = 0 ORDER BY code", &q, y->err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, hub);
	struct gone {
		int64_t id;
		char code[33], name[96];
	} *gone = NULL;
	size_t n = 0;
	while (fh_step(q) == FH_ROW) {
		char code[33];
		fh_column_text(q, 1, code, sizeof code);
		bool listed = false;
		for (size_t i = 0; i < h->nspaces && !listed; i++)
			listed = strcmp(h->spaces[i].code, code) == 0;
		if (listed)
			continue;
		struct gone *g = realloc(gone, (n + 1) * sizeof *gone);
		if (!g)
			break;
		gone = g;
		gone[n].id = fh_column_int64(q, 0);
		snprintf(gone[n].code, sizeof gone[n].code, "%s", code);
		fh_column_text(q, 2, gone[n].name, sizeof gone[n].name);
		n++;
	}
	fh_reset(q);
	fh_status st = FH_OK;
	for (size_t i = 0; st == FH_OK && i < n; i++) {
		char who[128] = "";
		int used = 0;
		if ((st = fh_space_peak_from(s, gone[i].id, fh_clock_day(fh_clock_now()), &used, who, sizeof who,
					     y->err)) != FH_OK)
			break;
		if (used > 0) {
			st = fh_error_set(
				y->err, FH_ECONFLICT, "space",
				_("space '%s' (%s) of hub '%s' is in use by %s and cannot be removed from the configuration; release it first"),
				gone[i].code, gone[i].name, h->code, who);
			break;
		}
		fh_store_stmt(s,
			      "UPDATE spaces SET retired = 1, version = version + 1,"
			      " updated_at = ?2, updated_by = ?3 WHERE id = ?1",
			      &q, y->err);
		if (!q) {
			st = y->err->code;
			break;
		}
		fh_bind_int64(q, 1, gone[i].id);
		fh_bind_int64(q, 2, fh_clock_now());
		fh_bind_str(q, 3, y->actor.name);
		if ((st = step_done(y, q, _("retiring a space"))) != FH_OK)
			break;
		fh_buf ob = FH_BUF_INIT;
		fh_buf_puts(&ob, "{\"code\":");
		fh_buf_json_string(&ob, gone[i].code);
		fh_buf_puts(&ob, ",\"name\":");
		fh_buf_json_string(&ob, gone[i].name);
		fh_buf_puts(&ob, "}");
		st = fh_audit_write(s, &y->actor, hub, "space", gone[i].id, "retire", fh_buf_str(&ob), NULL, y->err);
		fh_buf_free(&ob);
		y->rep->spaces_retired++;
	}
	free(gone);
	return st;
}

static fh_status check_no_missing_hubs(struct sync *y, const fh_config *cfg)
{
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(y->s, "SELECT code, name FROM hubs ORDER BY code", &q, y->err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_status st = FH_OK;
	while (st == FH_OK && fh_step(q) == FH_ROW) {
		char code[33], name[128];
		fh_column_text(q, 0, code, sizeof code);
		fh_column_text(q, 1, name, sizeof name);
		if (!fh_config_find_hub(cfg, code))
			st = fh_error_set(
				y->err, FH_ECONFLICT, "hub",
				_("hub '%s' (%s) is in the database but not in the configuration; hubs are never removed"),
				code, name);
	}
	fh_reset(q);
	return st;
}

fh_status fh_hub_sync(fh_store *s, const fh_config *cfg, const char *via, fh_sync_report *report, fh_error *err)
{
	fh_error_clear(err);
	fh_sync_report local = { 0 };
	struct sync y = { .s = s, .err = err, .via = via, .rep = report ? report : &local };
	memset(y.rep, 0, sizeof *y.rep);
	if (!cfg || fh_config_hub_count(cfg) == 0)
		return fh_error_set(err, FH_EINVAL, "config", "%s", _("no hub is configured"));
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK)
		return st;
	fh_error ignore;
	fh_actor_system(s, via, &y.actor, &ignore);
	st = check_no_missing_hubs(&y, cfg);
	for (size_t i = 0; st == FH_OK && i < fh_config_hub_count(cfg); i++) {
		const fh_hub_def *h = fh_config_hub(cfg, i);
		int64_t hub = 0;
		st = sync_hub(&y, h, &hub);
		if (st == FH_OK)
			st = ensure_system(&y, hub);
		for (size_t k = 0; st == FH_OK && k < h->nspaces; k++)
			st = sync_space(&y, hub, h, &h->spaces[k]);
		if (st == FH_OK)
			st = retire_spaces(&y, hub, h);
	}
	if (st != FH_OK) {
		fh_tx_rollback(s);
		memset(y.rep, 0, sizeof *y.rep);
		return st;
	}
	return fh_tx_commit(s, err);
}

/* ---- reading --------------------------------------------------------------- */

#define HUB_TREE                                                                                            \
	"WITH RECURSIVE tree(id, depth, path) AS ("                                                         \
	"  SELECT id, 0, code FROM hubs WHERE id = ?1 UNION ALL"                                            \
	"  SELECT h.id, tree.depth + 1, tree.path || '/' || h.code"                                         \
	"  FROM hubs h JOIN tree ON h.parent_id = tree.id)"                                                 \
	" SELECT h.id, h.code, h.name, h.level, coalesce(p.code, ''), coalesce(h.address, ''),"             \
	"  coalesce(h.short_name, h.name),"                                                                 \
	"  tree.depth,"                                                                                     \
	"  (SELECT ifnull(sum(n), 0) FROM tenant_tally t WHERE t.hub_id = h.id AND t.stage = 'incubating')" \
	" FROM tree JOIN hubs h ON h.id = tree.id LEFT JOIN hubs p ON p.id = h.parent_id"

static void read_hub(fh_stmt *q, fh_hub *h)
{
	memset(h, 0, sizeof *h);
	h->id = fh_column_int64(q, 0);
	fh_column_text(q, 1, h->code, sizeof h->code);
	fh_column_text(q, 2, h->name, sizeof h->name);
	char level[16];
	fh_column_text(q, 3, level, sizeof level);
	fh_level_parse(level, &h->level);
	fh_column_text(q, 4, h->parent, sizeof h->parent);
	fh_column_text(q, 5, h->address, sizeof h->address);
	fh_column_text(q, 6, h->short_name, sizeof h->short_name);
	h->depth = fh_column_int(q, 7);
	h->tenants = fh_column_int(q, 8);
}

/* Each hub's own spaces and seats in use today, from the space module. */
static fh_status add_occupancy(fh_store *s, const fh_actor *actor, fh_hub *rows, size_t n, const char *root,
			       fh_error *err)
{
	fh_occupancy *o;
	size_t no;
	fh_status st = fh_occupancy_report(s, actor, root, 0, false, &o, &no, err);
	if (st != FH_OK)
		return st;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < no; k++)
			if (o[k].hub_id == rows[i].id) {
				rows[i].spaces = o[k].spaces;
				rows[i].seats = o[k].seats;
				rows[i].seats_used = o[k].seats_used;
				rows[i].area = o[k].area_all;
				break;
			}
	free(o);
	return FH_OK;
}

fh_status fh_hub_list(fh_store *s, const fh_actor *actor, fh_hub **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(s, HUB_TREE " ORDER BY tree.path", &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, actor->hub_id);
	size_t cap = 16, count = 0;
	fh_hub *out = malloc(cap * sizeof *out);
	while (out && fh_step(q) == FH_ROW) {
		if (count == cap) {
			fh_hub *g = realloc(out, (cap *= 2) * sizeof *out);
			if (!g) {
				free(out);
				out = NULL;
				break;
			}
			out = g;
		}
		read_hub(q, &out[count++]);
	}
	fh_reset(q);
	if (!out)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_status st = add_occupancy(s, actor, out, count, NULL, err);
	if (st != FH_OK) {
		free(out);
		return st;
	}
	*rows = out;
	*n = count;
	return FH_OK;
}

fh_status fh_hub_get(fh_store *s, const fh_actor *actor, const char *code, fh_hub *out, fh_error *err)
{
	if (!actor || !actor->id)
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("nobody is logged in"));
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(s, HUB_TREE " WHERE h.code = ?2", &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_str(q, 2, code ? code : "");
	int rc = fh_step(q);
	if (rc == FH_ROW)
		read_hub(q, out);
	fh_reset(q);
	if (rc != FH_ROW)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub '%s' in your scope"), code ? code : "");
	return add_occupancy(s, actor, out, 1, out->code, err);
}
