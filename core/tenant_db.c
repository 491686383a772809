/* fuhua core — tenants in the database: read, take in, edit, history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/pinyin.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"
#include "collate.h"
#include "tenant_int.h"

void fh_tenant_read(fh_stmt *st, fh_tenant *t)
{
	memset(t, 0, sizeof *t);
	t->id = fh_column_int64(st, 0);
	t->hub_id = fh_column_int64(st, 1);
	fh_column_text(st, 2, t->hub_code, sizeof t->hub_code);
	fh_column_text(st, 3, t->hub_name, sizeof t->hub_name);
	fh_column_text(st, 4, t->name, sizeof t->name);
	fh_column_text(st, 5, t->short_name, sizeof t->short_name);
	fh_org_type_parse(fh_column_str(st, 6), &t->org_type);
	fh_reg_state_parse(fh_column_str(st, 7), &t->reg_state);
	fh_column_text(st, 8, t->credit_code, sizeof t->credit_code);
	fh_column_text(st, 9, t->field, sizeof t->field);
	fh_column_text(st, 10, t->legal_rep, sizeof t->legal_rep);
	fh_column_text(st, 11, t->contact, sizeof t->contact);
	fh_column_text(st, 12, t->phone, sizeof t->phone);
	fh_column_text(st, 13, t->address, sizeof t->address);
	t->staff = fh_column_int(st, 14);
	t->volunteers = fh_column_int(st, 15);
	fh_column_text(st, 16, t->founded, sizeof t->founded);
	t->rating = fh_column_int(st, 17);
	fh_column_text(st, 18, t->rating_date, sizeof t->rating_date);
	fh_party_org_parse(fh_column_str(st, 19), &t->party_org);
	t->party_members = fh_column_int(st, 20);
	fh_column_text(st, 21, t->notes, sizeof t->notes);
	fh_stage_parse(fh_column_str(st, 22), &t->stage);
	t->stage_since = fh_column_int64(st, 23);
	t->admitted_on = fh_column_int64(st, 24);
	t->planned_end = fh_column_int64(st, 25);
	t->extended = fh_column_int(st, 26) != 0;
	fh_column_text(st, 27, t->exit_reason, sizeof t->exit_reason);
	t->instructor_id = fh_column_int64(st, 28);
	t->version = fh_column_int64(st, 29);
	t->updated_at = fh_column_int64(st, 30);
	fh_column_text(st, 31, t->updated_by, sizeof t->updated_by);
	t->party_fallback = fh_column_int(st, 32) != 0;
}

fh_status fh_tenant_load(fh_store *s, int64_t id, fh_tenant *t, fh_error *err)
{
	fh_stmt *st;
	fh_status st_rc = fh_store_stmt(s,
					"SELECT " FH_SQL_TENANT_COLS " FROM tenants t JOIN hubs h ON h.id = t.hub_id"
					" WHERE t.id = ?1",
					&st, err);
	if (st_rc != FH_OK)
		return st_rc;
	fh_bind_int64(st, 1, id);
	int rc = fh_step(st);
	if (rc == FH_ROW)
		fh_tenant_read(st, t);
	fh_reset(st);
	if (rc == FH_ROW)
		return FH_OK;
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no tenant no. %lld"), (long long)id);
	return fh_store_fail(s, err, _("reading the tenant"));
}

fh_status fh_tenant_get_by_id(fh_store *s, const fh_actor *actor, int64_t id, fh_tenant *out, fh_error *err)
{
	fh_status st = fh_tenant_load(s, id, out, err);
	if (st == FH_OK && (st = fh_actor_scope(s, actor, out->hub_id, err)) != FH_OK) {
		memset(out, 0, sizeof *out);
		if (st == FH_EDENIED) /* not yours: said as such, not as "not there" */
			fh_error_set(err, FH_EDENIED, "id", _("tenant no. %lld belongs to a hub outside yours"),
				     (long long)id);
	}
	return st;
}

/* ---- writing --------------------------------------------------------------------- */

fh_status fh_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err)
{
	fh_status st = FH_OK;
	for (const struct fh_module *m = fh_modules; st == FH_OK && m->name; m++)
		if (m->tenant_changed)
			st = m->tenant_changed(s, c, err);
	return st;
}

bool fh_tenant_leaves(const struct fh_tenant_change *c)
{
	return c->old && c->old->stage != c->next->stage &&
		(c->next->stage == FH_STAGE_GRADUATED || c->next->stage == FH_STAGE_EXITED);
}

static void bind_fields(fh_stmt *st, const fh_tenant *t)
{
	fh_bind_text(st, 1, t->name);
	fh_bind_text(st, 2, t->short_name);
	fh_bind_static(st, 3, fh_org_type_name(t->org_type), -1);
	fh_bind_static(st, 4, fh_reg_state_name(t->reg_state), -1);
	fh_bind_text(st, 5, t->credit_code);
	fh_bind_text(st, 6, t->field);
	fh_bind_text(st, 7, t->legal_rep);
	fh_bind_text(st, 8, t->contact);
	fh_bind_text(st, 9, t->phone);
	fh_bind_text(st, 10, t->address);
	fh_bind_int(st, 11, t->staff);
	fh_bind_int(st, 12, t->volunteers);
	fh_bind_text(st, 13, t->founded);
	fh_bind_int(st, 14, t->rating);
	fh_bind_text(st, 15, t->rating_date);
	fh_bind_static(st, 16, fh_party_org_name(t->party_org), -1);
	fh_bind_int(st, 17, t->party_members);
	fh_bind_text(st, 18, t->notes);
}

/* A write refused by the unique index on credit codes: another session took
 * the code after the checks (a race). Said as the checks say it, naming the
 * holder, read inside the same transaction. */
static fh_status code_taken(fh_store *s, const char *code, int64_t self, fh_error *err)
{
	fh_status st = fh_tenant_code_holder(s, code, self, err);
	return st != FH_OK ? st : fh_store_fail(s, err, _("writing the tenant"));
}

fh_status fh_tenant_insert(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_error *err)
{
	int64_t now = fh_clock_now();
	fh_stmt *st;
	fh_status st_rc =
		fh_store_stmt(s,
			      "INSERT INTO tenants(name, short_name, org_type, reg_state, credit_code, field,"
			      " legal_rep, contact, phone, address, staff, volunteers, founded, rating, rating_date,"
			      " party_org, party_members, notes, hub_id, stage, stage_since, admitted_on, planned_end,"
			      " exit_reason, updated_at, updated_by, party_fallback, name_key)"
			      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
			      " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
			      &st, err);
	if (st_rc != FH_OK)
		return st_rc;
	bind_fields(st, t);
	unsigned char key[FH_TENANT_NAME_KEY_MAX];
	fh_bind_blob(st, 28, key, (int)fh_collate_key(t->name, key, sizeof key));
	fh_bind_int64(st, 19, t->hub_id);
	fh_bind_static(st, 20, fh_stage_name(t->stage), -1);
	if (!t->stage_since)
		t->stage_since = t->stage >= FH_STAGE_INCUBATING && t->admitted_on ? t->admitted_on : now;
	fh_bind_int64(st, 21, t->stage_since);
	if (t->admitted_on)
		fh_bind_int64(st, 22, t->admitted_on);
	if (t->planned_end)
		fh_bind_int64(st, 23, t->planned_end);
	fh_bind_text(st, 24, t->exit_reason);
	fh_bind_int64(st, 25, now);
	fh_bind_str(st, 26, actor->name);
	fh_bind_int(st, 27, t->party_fallback);
	int rc = fh_step(st);
	fh_reset(st);
	if (rc == FH_STEP_DUPLICATE && t->credit_code[0])
		return code_taken(s, t->credit_code, 0, err);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("writing the tenant"));
	t->id = fh_store_last_id(s);
	t->version = 1;
	t->updated_at = now;
	fh_status qs = fh_store_stmt(s,
				     "INSERT INTO stage_history(tenant_id, from_stage, to_stage, at, operator)"
				     " VALUES(?1, NULL, ?2, ?3, ?4)",
				     &st, err);
	if (qs != FH_OK)
		return qs;
	fh_bind_int64(st, 1, t->id);
	fh_bind_static(st, 2, fh_stage_name(t->stage), -1);
	fh_bind_int64(st, 3, t->stage_since);
	fh_bind_str(st, 4, actor->name);
	rc = fh_step(st);
	fh_reset(st);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("writing the stage history"));
	return fh_tenant_index(s, t->id, t->hub_id, t->name, t->short_name, t->credit_code, t->contact, t->phone, true,
			       err);
}

/* The record as JSON for the audit log: every field, or only those that
 * differ from `old` (with the name always, for lists). */
static void to_json(fh_buf *b, const fh_tenant *t, const fh_tenant *other, int last)
{
	char v[FH_TENANT_NOTES_MAX * 4 + 8], w[sizeof v];
	bool first = true;
	fh_buf_puts(b, "{");
	for (int f = 0; f < last; f++) {
		fh_tenant_get(t, (fh_tenant_field)f, true, false, v, sizeof v);
		if (other && f != FH_TF_NAME &&
		    strcmp(v, fh_tenant_get(other, (fh_tenant_field)f, true, false, w, sizeof w)) == 0)
			continue;
		fh_buf_printf(b, "%s\"%s\":", first ? "" : ",", fh_tenant_field_name((fh_tenant_field)f));
		fh_buf_json_string(b, v);
		first = false;
	}
	fh_buf_puts(b, "}");
}

fh_status fh_tenant_similar(fh_store *s, const fh_actor *actor, const fh_tenant *t, fh_tenant_match *out, size_t max,
			    size_t *n, fh_error *err)
{
	*n = 0;
	fh_stmt *q;
	/* the scope checked for each tenant found (few), not listed first */
	fh_status st = fh_store_stmt(s,
				     "SELECT t.id, t.name, h.code, t.hub_id,"
				     "  CASE WHEN t.name = ?2 THEN 0 WHEN t.credit_code = ?4 THEN 1 ELSE 2 END"
				     " FROM tenants t JOIN hubs h ON h.id = t.hub_id"
				     " WHERE (t.name = ?2 OR t.credit_code = ?4 OR t.phone = ?3) AND t.id != ?5"
				     "  AND " FH_SQL_IN_SCOPE("t.hub_id") " ORDER BY t.id LIMIT ?6",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, actor->hub_id);
	fh_bind_text(q, 2, t->name);
	fh_bind_text(q, 3, t->phone);
	fh_bind_text(q, 4, t->credit_code);
	fh_bind_int64(q, 5, t->id);
	fh_bind_int64(q, 6, (int64_t)max);
	int rc = FH_DONE;
	static const fh_tenant_field why[] = { FH_TF_NAME, FH_TF_CREDIT_CODE, FH_TF_PHONE };
	while (*n < max && (rc = fh_step(q)) == FH_ROW) {
		fh_tenant_match *m = &out[(*n)++];
		m->id = fh_column_int64(q, 0);
		fh_column_text(q, 1, m->name, sizeof m->name);
		fh_column_text(q, 2, m->hub_code, sizeof m->hub_code);
		m->hub_id = fh_column_int64(q, 3);
		m->why = why[fh_column_int(q, 4) % 3];
	}
	if (*n < max && rc != FH_DONE) {
		fh_reset(q);
		return fh_store_fail(s, err, _("reading tenants"));
	}
	fh_reset(q);
	return FH_OK;
}

fh_status fh_tenant_add(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs, fh_error *err)
{
	if (!t->hub_id)
		t->hub_id = actor->hub_id;
	fh_status sc = fh_actor_scope(s, actor, t->hub_id, err);
	if (sc != FH_OK)
		return sc;
	t->stage = FH_STAGE_APPLIED;
	t->admitted_on = t->planned_end = t->stage_since = 0;
	t->extended = false;
	t->exit_reason[0] = 0;
	fh_status st = fh_tenant_validate(s, t, errs, err);
	if (st != FH_OK)
		return st;
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	st = fh_tenant_insert(s, actor, t, err);
	if (st == FH_OK) {
		fh_buf b = FH_BUF_INIT;
		to_json(&b, t, NULL, FH_TF_EDITABLE);
		st = fh_audit_write(s, actor, t->hub_id, "tenant", t->id, "create", NULL, fh_buf_str(&b), err);
		fh_buf_free(&b);
	}
	if (st == FH_OK)
		st = fh_tenant_changed(s, &(struct fh_tenant_change){ actor, NULL, t, fh_clock_now(), NULL }, err);
	if (st == FH_OK)
		return fh_tx_commit(s, err);
	fh_tx_rollback(s);
	t->id = 0;
	return st;
}

/* Whether every editable field of a and b reads the same. */
static bool same_fields(const fh_tenant *a, const fh_tenant *b)
{
	char x[FH_TENANT_NOTES_MAX * 4 + 1], y[FH_TENANT_NOTES_MAX * 4 + 1];
	for (int f = 0; f < FH_TF_EDITABLE; f++) {
		fh_tenant_get(a, (fh_tenant_field)f, true, false, x, sizeof x);
		fh_tenant_get(b, (fh_tenant_field)f, true, false, y, sizeof y);
		if (strcmp(x, y) != 0)
			return false;
	}
	return true;
}

/* An edit, read and written under the write lock: the record it starts
 * from, the checks, the party track's items and the milestones it proves. */
static fh_status update_locked(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs, fh_tenant *cur,
			       fh_tenant *next, bool *same, fh_error *err)
{
	fh_status st = fh_tenant_get_by_id(s, actor, t->id, cur, err);
	if (st != FH_OK)
		return st;
	/* Only the editable fields come from the caller; stage and hub follow
	 * the lifecycle. */
	*next = *cur;
	memcpy(next->name, t->name, sizeof next->name);
	memcpy(next->short_name, t->short_name, sizeof next->short_name);
	next->org_type = t->org_type;
	next->reg_state = t->reg_state;
	memcpy(next->credit_code, t->credit_code, sizeof next->credit_code);
	memcpy(next->field, t->field, sizeof next->field);
	memcpy(next->legal_rep, t->legal_rep, sizeof next->legal_rep);
	memcpy(next->contact, t->contact, sizeof next->contact);
	memcpy(next->phone, t->phone, sizeof next->phone);
	memcpy(next->address, t->address, sizeof next->address);
	next->staff = t->staff;
	next->volunteers = t->volunteers;
	memcpy(next->founded, t->founded, sizeof next->founded);
	next->rating = t->rating;
	memcpy(next->rating_date, t->rating_date, sizeof next->rating_date);
	memcpy(next->notes, t->notes, sizeof next->notes);
	if ((st = fh_tenant_validate(s, next, errs, err)) != FH_OK)
		return st;
	if ((*same = same_fields(cur, next)))
		return FH_OK; /* nothing to write: no version, no history line */
	if ((st = fh_store_check_version(s, "tenants", t->id, t->version, err)) != FH_OK)
		return st;
	fh_stmt *q = NULL;
	if ((st = fh_store_stmt(
		     s,
		     "UPDATE tenants SET name = ?1, short_name = ?2, org_type = ?3, reg_state = ?4,"
		     " credit_code = ?5, field = ?6, legal_rep = ?7, contact = ?8, phone = ?9, address = ?10,"
		     " staff = ?11, volunteers = ?12, founded = ?13, rating = ?14, rating_date = ?15,"
		     " party_org = ?16, party_members = ?17, notes = ?18, version = version + 1,"
		     " updated_at = ?19, updated_by = ?20 WHERE id = ?21",
		     &q, err)) != FH_OK)
		return st;
	bind_fields(q, next);
	fh_bind_int64(q, 19, fh_clock_now());
	fh_bind_str(q, 20, actor->name);
	fh_bind_int64(q, 21, t->id);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc == FH_STEP_DUPLICATE && next->credit_code[0])
		return code_taken(s, next->credit_code, t->id, err);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the tenant"));
	if ((st = fh_tenant_index(s, t->id, cur->hub_id, next->name, next->short_name, next->credit_code, next->contact,
				  next->phone, false, err)) != FH_OK)
		return st;
	fh_buf o = FH_BUF_INIT, n = FH_BUF_INIT;
	to_json(&o, cur, next, FH_TF_EDITABLE);
	to_json(&n, next, cur, FH_TF_EDITABLE);
	st = fh_audit_write(s, actor, cur->hub_id, "tenant", t->id, "update", fh_buf_str(&o), fh_buf_str(&n), err);
	fh_buf_free(&o);
	fh_buf_free(&n);
	if (st != FH_OK)
		return st;
	/* a new registration, legal representative or rating opens the party
	 * track's checks; a credit code or a rating may prove a milestone */
	next->version = cur->version + 1;
	return fh_tenant_changed(s, &(struct fh_tenant_change){ actor, cur, next, fh_clock_now(), NULL }, err);
}

fh_status fh_tenant_update(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs, fh_error *err)
{
	fh_tenant cur, next;
	bool same = false;
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK || (st = fh_tx_end(s, update_locked(s, actor, t, errs, &cur, &next, &same, err), err)) != FH_OK)
		return st;
	if (same) {
		*t = cur;
		return FH_OK;
	}
	*t = next;
	t->version = cur.version + 1;
	snprintf(t->updated_by, sizeof t->updated_by, "%s", actor->name);
	return FH_OK;
}

/* ---- history --------------------------------------------------------------------- */

fh_status fh_tenant_stages(fh_store *s, const fh_actor *actor, int64_t id, fh_stage_event **rows, size_t *n,
			   fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	if (st != FH_OK)
		return st;
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(s,
				       "SELECT at, from_stage, to_stage, operator, reason FROM stage_history"
				       " WHERE tenant_id = ?1 ORDER BY at, id LIMIT 100",
				       &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_stage_event *out = calloc(100, sizeof *out);
	if (!out)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_bind_int64(q, 1, id);
	size_t k = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW && k < 100) {
		fh_stage_event *e = &out[k++];
		e->at = fh_column_int64(q, 0);
		e->from = FH_STAGE_COUNT;
		if (!fh_column_null(q, 1))
			fh_stage_parse(fh_column_str(q, 1), &e->from);
		fh_stage_parse(fh_column_str(q, 2), &e->to);
		fh_column_text(q, 3, e->operator_name, sizeof e->operator_name);
		fh_column_text(q, 4, e->reason, sizeof e->reason);
	}
	fh_reset(q);
	if (rc != FH_DONE && rc != FH_ROW) {
		free(out);
		return fh_store_fail(s, err, _("reading the stage history"));
	}
	*rows = out;
	*n = k;
	return FH_OK;
}

fh_status fh_tenant_changes(fh_store *s, const fh_actor *actor, int64_t id, int limit, fh_change **rows, size_t *n,
			    fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (limit < 1 || limit > 500)
		return fh_error_set(err, FH_EINVAL, "limit", "%s", _("must be 1 to 500"));
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	if (st != FH_OK)
		return st;
	/* one row per changed field: the audit rows joined with their new JSON */
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(s,
				       "SELECT a.id, a.at, a.operator, a.via, a.action, j.key,"
				       " json_extract(a.old, '$.\"' || j.key || '\"'), j.value"
				       " FROM (SELECT * FROM audit WHERE entity = 'tenant' AND entity_id = ?1"
				       "       ORDER BY id DESC LIMIT ?2) a"
				       " LEFT JOIN json_each(a.new) j ORDER BY a.id DESC, j.id",
				       &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_change *out = calloc((size_t)limit, sizeof *out);
	if (!out)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_bind_int64(q, 1, id);
	fh_bind_int(q, 2, limit);
	size_t k = 0;
	int64_t last = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		int64_t audit_id = fh_column_int64(q, 0);
		if (audit_id != last) {
			if (k == (size_t)limit)
				break;
			fh_change *c = &out[k++];
			c->at = fh_column_int64(q, 1);
			fh_column_text(q, 2, c->operator_name, sizeof c->operator_name);
			fh_column_text(q, 3, c->via, sizeof c->via);
			fh_column_text(q, 4, c->action, sizeof c->action);
			last = audit_id;
		}
		fh_change *c = &out[k - 1];
		const char *key = fh_column_str(q, 5);
		const char *a = fh_column_str(q, 6);
		const char *b = fh_column_str(q, 7);
		bool created = strcmp(c->action, "create") == 0;
		fh_tenant_field f = FH_TF_COUNT;
		/* the tenant's fields; a party record's change lists its own */
		if (!key || c->nfields == 8 || (!fh_tenant_field_lookup(key, &f) && strcmp(c->action, "party") != 0))
			continue;
		if (f == FH_TF_NAME && (created || (a && b && strcmp(a, b) == 0)))
			continue; /* carried for lists, not changed */
		if (created && (!b || !*b || strcmp(b, "0") == 0 || strcmp(b, "none") == 0))
			continue; /* a new record: only what was given */
		c->f[c->nfields].field = f;
		snprintf(c->f[c->nfields].key, sizeof c->f[0].key, "%s", key);
		snprintf(c->f[c->nfields].old, sizeof c->f[0].old, "%s", !created && a ? a : "");
		snprintf(c->f[c->nfields].new, sizeof c->f[0].new, "%s", b ? b : "");
		c->nfields++;
	}
	fh_reset(q);
	if (rc != FH_DONE && rc != FH_ROW) {
		free(out);
		return fh_store_fail(s, err, _("reading the history"));
	}
	*rows = out;
	*n = k;
	return FH_OK;
}
