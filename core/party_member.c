/* fuhua core — Party members by name: who they are, their kind (full,
 * probationary, applicant, activist) and where their relation (组织关系) is
 * held. The record's counts always cover the named members. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/party.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "party_int.h"
#include "store_int.h"

fh_status fh_party_members(fh_store *s, const fh_actor *actor, int64_t tenant, fh_party_member **rows, size_t *n,
			   fh_error *err)
{
	fh_party p;
	*rows = NULL;
	*n = 0;
	fh_status st = fh_party_get_record(s, actor, tenant, &p, err);
	fh_stmt *q;
	if (st != FH_OK ||
	    (st = fh_store_stmt(s,
				"SELECT id, name, kind, relation_here FROM party_people WHERE tenant_id = ?1"
				" ORDER BY kind != 'full', kind, name",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	size_t cap = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(rows, &cap, *n, sizeof **rows))
			break;
		fh_party_member *m = &(*rows)[(*n)++];
		m->id = fh_column_int64(q, 0);
		m->tenant_id = tenant;
		fh_column_text(q, 1, m->name, sizeof m->name);
		fh_member_kind_parse(fh_column_str(q, 2), &m->kind);
		m->relation_here = fh_column_int(q, 3) != 0;
	}
	fh_reset(q);
	if (rc != FH_DONE) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return rc == FH_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
				    : fh_store_fail(s, err, _("reading party members"));
	}
	return FH_OK;
}

/* A change of the named members, for the counts: a member left one kind
 * (-1: none) and joined another (转正), and the full members whose relation
 * is here moved by here_delta. */
struct moved {
	int left, joined, here_delta;
};

/* The record's counts after a change, then raised to cover the named
 * members; written and audited. */
static fh_status cover_named(fh_store *s, const fh_actor *actor, int64_t tenant, struct moved mv, const char *action,
			     const char *json, fh_error *err)
{
	fh_party p;
	fh_status st = fh_party_load(s, tenant, &p, err);
	if (st != FH_OK)
		return st;
	int named[FH_MEMBER_KIND_COUNT] = { 0 }, here = 0;
	if ((st = fh_party_named_counts(s, tenant, named, &here, err)) != FH_OK)
		return st;
	int *counts[FH_MEMBER_KIND_COUNT] = { &p.full, &p.probationary, &p.applicants, &p.activists };
	if (mv.left >= 0 && *counts[mv.left] > 0)
		(*counts[mv.left])--;
	if (mv.joined >= 0)
		(*counts[mv.joined])++;
	p.relations_here += mv.here_delta;
	if (p.relations_here < 0)
		p.relations_here = 0;
	for (int k = 0; k < FH_MEMBER_KIND_COUNT; k++)
		if (*counts[k] < named[k])
			*counts[k] = named[k];
	if (p.relations_here > p.full)
		p.relations_here = p.full;
	if (p.relations_here < here)
		p.relations_here = here;
	if ((st = fh_party_write(s, actor, &p, err)) != FH_OK)
		return st;
	return fh_audit_write(s, actor, p.hub_id, "tenant", tenant, action, NULL, json, err);
}

static void member_json(fh_buf *b, const fh_party_member *m)
{
	fh_buf_puts(b, "{\"member\":");
	fh_buf_json_string(b, m->name);
	fh_buf_printf(b, ",\"kind\":\"%s\",\"relation_here\":%s}", fh_member_kind_name(m->kind),
		      m->relation_here ? "true" : "false");
}

/* The member's change from what is stored now (read under the write lock:
 * two terminals recording one 转正 move the counts once), written, and
 * the counts covered. */
static fh_status member_save_locked(fh_store *s, const fh_actor *actor, fh_party_member *m, fh_error *err)
{
	struct moved mv = { -1, -1, 0 };
	fh_status st;
	if (m->id) { /* the member's tenant, never the caller's */
		fh_party_member cur;
		if ((st = fh_party_member_get(s, actor, m->id, &cur, err)) != FH_OK)
			return st;
		m->tenant_id = cur.tenant_id;
		if (cur.kind != m->kind) /* 转正: one fewer of the old kind, one more of the new */
			mv = (struct moved){ (int)cur.kind, (int)m->kind, 0 };
		mv.here_delta = (m->kind == FH_MEMBER_FULL && m->relation_here) -
			(cur.kind == FH_MEMBER_FULL && cur.relation_here);
	}
	fh_party p;
	if ((st = fh_party_get_record(s, actor, m->tenant_id, &p, err)) != FH_OK)
		return st;
	fh_stmt *q;
	if ((st = fh_store_stmt(
		     s,
		     m->id ? "UPDATE party_people SET name = ?2, kind = ?3, relation_here = ?4 WHERE id = ?1"
			   : "INSERT INTO party_people(tenant_id, name, kind, relation_here) VALUES(?1, ?2, ?3, ?4)",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, m->id ? m->id : m->tenant_id);
	fh_bind_str(q, 2, m->name);
	fh_bind_static(q, 3, fh_member_kind_name(m->kind), -1);
	fh_bind_int(q, 4, m->relation_here);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc == FH_STEP_DUPLICATE)
		return fh_error_set(err, FH_ECONFLICT, "name", _("%s is named in this organisation already"), m->name);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the party member"));
	if (!m->id)
		m->id = fh_store_last_id(s);
	fh_buf b = FH_BUF_INIT;
	member_json(&b, m);
	st = cover_named(s, actor, m->tenant_id, mv, "member", fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_party_member_save(fh_store *s, const fh_actor *actor, fh_party_member *m, fh_error *err)
{
	fh_status st =
		fh_text_field_take(m->name, sizeof m->name, FH_PARTY_TEXT_MAX, m->name, false, true, "name", err);
	if (st != FH_OK)
		return st;
	if (!m->name[0])
		return fh_error_set(err, FH_EINVAL, "name", "%s", _("is required"));
	if ((unsigned)m->kind >= FH_MEMBER_KIND_COUNT)
		return fh_error_set(err, FH_EINVAL, "kind", "%s", _("is not a kind of member"));
	int64_t id = m->id;
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	if ((st = fh_tx_end(s, member_save_locked(s, actor, m, err), err)) != FH_OK)
		m->id = id; /* a new member not saved has no number */
	return st;
}

fh_status fh_party_member_get(fh_store *s, const fh_actor *actor, int64_t id, fh_party_member *m, fh_error *err)
{
	fh_stmt *q;
	memset(m, 0, sizeof *m);
	fh_status st = fh_store_stmt(s,
				     "SELECT tenant_id, name, kind, relation_here FROM party_people"
				     " WHERE id = ?1",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		m->id = id;
		m->tenant_id = fh_column_int64(q, 0);
		fh_column_text(q, 1, m->name, sizeof m->name);
		fh_member_kind_parse(fh_column_str(q, 2), &m->kind);
		m->relation_here = fh_column_int(q, 3) != 0;
	}
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no party member no. %lld"), (long long)id);
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading party members"));
	fh_party p;
	return fh_party_get_record(s, actor, m->tenant_id, &p, err);
}

static fh_status member_remove_locked(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_stmt *q;
	fh_party_member m;
	fh_status st = fh_party_member_get(s, actor, id, &m, err);
	if (st != FH_OK || (st = fh_store_stmt(s, "DELETE FROM party_people WHERE id = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("removing the party member"));
	fh_buf b = FH_BUF_INIT;
	member_json(&b, &m);
	struct moved mv = { (int)m.kind, -1, -(m.kind == FH_MEMBER_FULL && m.relation_here) };
	st = cover_named(s, actor, m.tenant_id, mv, "member_left", fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_party_member_remove(fh_store *s, const fh_actor *actor, int64_t id, fh_error *err)
{
	fh_status st = fh_tx_begin(s, err);
	return st != FH_OK ? st : fh_tx_end(s, member_remove_locked(s, actor, id, err), err);
}
