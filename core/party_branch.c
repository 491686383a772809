/* fuhua core — joint branches (联合党支部): a branch of a hub covering
 * tenants too small for their own, at most party.joint_max_tenants of them,
 * with its secretary, founding and committee term. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"


/* CROSS JOIN: the branch's few party records first (their index), each
 * tenant by its number, never every joint-branch tenant of the city first */
#define BRANCH_COLS                                                                                          \
	"b.id, b.hub_id, h.code, b.name, b.secretary, b.founded, b.elected, b.version,"                      \
	" (SELECT count(*) FROM party p CROSS JOIN tenants t ON t.id = p.tenant_id"                          \
	"   WHERE p.branch_id = b.id AND t.party_org = 'joint_branch'"                                       \
	"   AND t.stage NOT IN ('graduated','exited')),"                                                     \
	" (SELECT coalesce(sum(t.party_members), 0) FROM party p CROSS JOIN tenants t ON t.id = p.tenant_id" \
	"   WHERE p.branch_id = b.id AND t.party_org = 'joint_branch'"                                       \
	"   AND t.stage NOT IN ('graduated','exited'))"

static void branch_read(fh_stmt *q, fh_branch *b)
{
	memset(b, 0, sizeof *b);
	b->id = fh_column_int64(q, 0);
	b->hub_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, b->hub_code, sizeof b->hub_code);
	fh_column_text(q, 3, b->name, sizeof b->name);
	fh_column_text(q, 4, b->secretary, sizeof b->secretary);
	fh_column_text(q, 5, b->founded, sizeof b->founded);
	fh_column_text(q, 6, b->elected, sizeof b->elected);
	b->version = fh_column_int64(q, 7);
	b->tenants = fh_column_int(q, 8);
	b->full = fh_column_int(q, 9);
}

/* What the hub's rules say of each branch (its room and its term), the
 * rules read once per hub by the party module's one loader. */
static fh_status apply_rules(fh_store *s, fh_branch *rows, size_t n, fh_error *err)
{
	fh_party_rules r;
	int64_t hub = 0;
	for (size_t i = 0; i < n; i++) {
		fh_branch *b = &rows[i];
		fh_status st;
		if (b->hub_id != hub && (st = fh_party_rules_load(s, hub = b->hub_id, &r, err)) != FH_OK)
			return st;
		b->max_tenants = r.joint_max_tenants;
		b->term_ends = fh_party_term_end(&r, b->elected[0] ? b->elected : b->founded);
	}
	return FH_OK;
}

fh_status fh_branch_list(fh_store *s, const fh_actor *actor, int64_t hub, fh_branch **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(s,
			      FH_SQL_SCOPE "SELECT " BRANCH_COLS " FROM party_branches b JOIN hubs h ON h.id = b.hub_id"
					   " WHERE b.hub_id IN (SELECT id FROM scope) AND (?2 = 0 OR b.hub_id = ?2)"
					   " ORDER BY h.code, b.name",
			      &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_int64(q, 2, hub);
	size_t cap = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(rows, &cap, *n, sizeof **rows))
			break;
		branch_read(q, &(*rows)[(*n)++]);
	}
	fh_reset(q);
	fh_status rs = rc == FH_DONE ? apply_rules(s, *rows, *n, err) : FH_OK;
	if (rc == FH_DONE && rs == FH_OK)
		return FH_OK;
	free(*rows);
	*rows = NULL;
	*n = 0;
	return rc == FH_DONE   ? rs
		: rc == FH_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
			       : fh_store_fail(s, err, _("reading joint branches"));
}

fh_status fh_branch_get(fh_store *s, const fh_actor *actor, int64_t id, fh_branch *out, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s, "SELECT " BRANCH_COLS " FROM party_branches b JOIN hubs h ON h.id = b.hub_id WHERE b.id = ?1", &q,
		err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		branch_read(q, out);
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no joint branch no. %lld"), (long long)id);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading joint branches"));
	if ((st = apply_rules(s, out, 1, err)) != FH_OK)
		return st;
	return fh_actor_scope(s, actor, out->hub_id, err);
}

static fh_status branch_check(fh_branch *b, fh_error *err)
{
	char today[11], d[11];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	fh_status st =
		fh_text_field_take(b->name, sizeof b->name, FH_PARTY_TEXT_MAX, b->name, false, true, "name", err);
	if (st == FH_OK && !b->name[0])
		st = fh_error_set(err, FH_EINVAL, "name", "%s", _("is required"));
	if (st == FH_OK)
		st = fh_text_field_take(b->secretary, sizeof b->secretary, FH_PARTY_TEXT_MAX, b->secretary, false, true,
					"secretary", err);
	if (st != FH_OK)
		return st;
	char *dates[] = { b->founded, b->elected };
	const char *names[] = { "founded", "elected" };
	for (int i = 0; i < 2; i++) {
		if (!dates[i][0])
			continue;
		if ((st = fh_date_take(names[i], dates[i], d, NULL, err)) != FH_OK)
			return st;
		memcpy(dates[i], d, 11);
		if (strcmp(d, today) > 0)
			return fh_error_set(err, FH_EINVAL, names[i], _("%s is in the future"), d);
	}
	if (b->elected[0] && b->founded[0] && strcmp(b->elected, b->founded) < 0)
		return fh_error_set(err, FH_EINVAL, "elected", "%s", _("is before the founding"));
	return FH_OK;
}

static fh_status branch_save_locked(fh_store *s, const fh_actor *actor, fh_branch *b, int64_t *id, fh_error *err)
{
	fh_branch cur = { 0 };
	fh_status st;
	if (b->id &&
	    ((st = fh_branch_get(s, actor, b->id, &cur, err)) != FH_OK ||
	     (st = fh_store_check_version(s, "party_branches", b->id, b->version, err)) != FH_OK))
		return st;
	int64_t hub = b->id ? cur.hub_id : b->hub_id ? b->hub_id : actor->hub_id;
	if ((st = fh_actor_scope(s, actor, hub, err)) != FH_OK)
		return st;
	fh_stmt *q = NULL;
	if ((st = fh_store_stmt(
		     s,
		     b->id ? "UPDATE party_branches SET name = ?2, secretary = ?3, founded = ?4, elected = ?5,"
			     " updated_at = ?6, updated_by = ?7, version = version + 1 WHERE id = ?1"
			   : "INSERT INTO party_branches(hub_id, name, secretary, founded, elected, updated_at,"
			     " updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, b->id ? b->id : hub);
	fh_bind_str(q, 2, b->name);
	fh_bind_text(q, 3, b->secretary);
	fh_bind_text(q, 4, b->founded);
	fh_bind_text(q, 5, b->elected);
	fh_bind_int64(q, 6, fh_clock_now());
	fh_bind_str(q, 7, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc == FH_STEP_DUPLICATE)
		return fh_error_set(err, FH_EINVAL, "name", _("the hub has a joint branch called %s already"), b->name);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the joint branch"));
	*id = b->id ? b->id : fh_store_last_id(s);
	fh_buf n = FH_BUF_INIT;
	fh_buf_puts(&n, "{\"name\":");
	fh_buf_json_string(&n, b->name);
	fh_buf_puts(&n, ",\"secretary\":");
	fh_buf_json_string(&n, b->secretary);
	fh_buf_printf(&n, ",\"founded\":\"%s\",\"elected\":\"%s\"}", b->founded, b->elected);
	st = fh_audit_write(s, actor, hub, "branch", *id, b->id ? "update" : "create", NULL, fh_buf_str(&n), err);
	fh_buf_free(&n);
	return st;
}

fh_status fh_branch_save(fh_store *s, const fh_actor *actor, fh_branch *b, fh_error *err)
{
	int64_t id = 0;
	fh_status st = branch_check(b, err);
	if (st == FH_OK && (st = fh_tx_begin(s, err)) == FH_OK)
		st = fh_tx_end(s, branch_save_locked(s, actor, b, &id, err), err);
	return st == FH_OK ? fh_branch_get(s, actor, id, b, err) : st;
}
