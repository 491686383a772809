/* fuhua core — the audit log. */
#include "fuhua/audit.h"

#include <stdarg.h>
#include <stdlib.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"

fh_status fh_audit_write(fh_store *s, const fh_actor *actor, int64_t hub_id, const char *entity, int64_t entity_id,
			 const char *action, const char *old_json, const char *new_json, fh_error *err)
{
	fh_stmt *st;
	fh_status st_rc = fh_store_stmt(s,
					"INSERT INTO audit(at, operator_id, operator, via, hub_id, entity, entity_id,"
					" action, old, new) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
					&st, err);
	if (st_rc != FH_OK)
		return st_rc;
	fh_bind_int64(st, 1, fh_clock_now());
	if (actor->id)
		fh_bind_int64(st, 2, actor->id);
	fh_bind_str(st, 3, actor->name);
	fh_bind_str(st, 4, actor->via[0] ? actor->via : "core");
	if (hub_id)
		fh_bind_int64(st, 5, hub_id);
	fh_bind_static(st, 6, entity, -1);
	if (entity_id)
		fh_bind_int64(st, 7, entity_id);
	fh_bind_static(st, 8, action, -1);
	fh_bind_text(st, 9, old_json);
	fh_bind_text(st, 10, new_json);
	int rc = fh_step(st);
	fh_reset(st);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("writing the audit log"));
	return FH_OK;
}

fh_status fh_audit_summary(fh_store *s, const fh_actor *actor, int64_t hub_id, const char *entity, int64_t entity_id,
			   const char *action, const char *old_json, const char *summary, fh_error *err,
			   const char *fields, ...)
{
	fh_buf b = FH_BUF_INIT;
	fh_buf_puts(&b, "{");
	if (fields) {
		va_list ap;
		va_start(ap, fields);
		fh_buf_vprintf(&b, fields, ap);
		va_end(ap);
		fh_buf_puts(&b, ",");
	}
	fh_buf_puts(&b, "\"summary\":");
	fh_buf_json_string(&b, summary);
	fh_buf_puts(&b, "}");
	fh_status st = b.failed
		? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
		: fh_audit_write(s, actor, hub_id, entity, entity_id, action, old_json, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_audit_recent(fh_store *s, const fh_actor *actor, int limit, fh_audit_row **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (limit < 1 || limit > 200)
		return fh_error_set(err, FH_EINVAL, "limit", "%s", _("must be 1 to 200"));
	fh_stmt *st;
	fh_status st_rc =
		fh_store_stmt(s,
			      FH_SQL_SCOPE " SELECT a.id, a.at, a.operator, a.via, coalesce(h.code, ''), a.entity,"
					   "  coalesce(a.entity_id, 0), a.action,"
					   "  coalesce(json_extract(a.new, '$.name'), json_extract(a.old, '$.name'),"
					   "           json_extract(a.new, '$.summary'), '')"
					   " FROM audit a LEFT JOIN hubs h ON h.id = a.hub_id"
					   /* +a.hub_id: the newest first by number, the scope a
					    * filter, never every row of the scope sorted */
					   " WHERE +a.hub_id IN (SELECT id FROM scope)"
					   " ORDER BY a.id DESC LIMIT ?2",
			      &st, err);
	if (st_rc != FH_OK)
		return st_rc;
	fh_audit_row *out = calloc((size_t)limit, sizeof *out);
	if (!out)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_bind_int64(st, 1, actor->hub_id);
	fh_bind_int(st, 2, limit);
	size_t count = 0;
	int rc;
	while ((rc = fh_step(st)) == FH_ROW) {
		fh_audit_row *r = &out[count++];
		r->id = fh_column_int64(st, 0);
		r->at = fh_column_int64(st, 1);
		fh_column_text(st, 2, r->operator_name, sizeof r->operator_name);
		fh_column_text(st, 3, r->via, sizeof r->via);
		fh_column_text(st, 4, r->hub_code, sizeof r->hub_code);
		fh_column_text(st, 5, r->entity, sizeof r->entity);
		r->entity_id = fh_column_int64(st, 6);
		fh_column_text(st, 7, r->action, sizeof r->action);
		fh_column_text(st, 8, r->summary, sizeof r->summary);
	}
	fh_reset(st);
	if (rc != FH_DONE) {
		free(out);
		return fh_store_fail(s, err, _("reading the audit log"));
	}
	*rows = out;
	*n = count;
	return FH_OK;
}
