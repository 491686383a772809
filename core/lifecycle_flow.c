/* fuhua core — the tenants' moves in a period, per hub (fh_tenant_flow):
 * admitted, graduated and exited, graduated since the hub opened, and
 * those in incubation by type and registration. A move is read from the
 * tenant's stage and the day it began, or from its history line when it
 * moved on since; each is a range of an index (lifecycle step 1) or a few
 * rows of the tenants' kept counts. */
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"

enum { ADMITTED, GRADUATED, EXITED, GRADUATED_EVER, BY_TYPE, BY_REG };

struct flows {
	fh_tenant_flow *rows;
	size_t n, cap;
};

static fh_tenant_flow *flow_for(struct flows *x, const char *hub)
{
	if (x->n && strcmp(x->rows[x->n - 1].hub_code, hub) == 0)
		return &x->rows[x->n - 1]; /* the rows come by hub */
	if (!fh_grow(&x->rows, &x->cap, x->n + 1, sizeof *x->rows))
		return NULL;
	fh_tenant_flow *f = &x->rows[x->n++];
	memset(f, 0, sizeof *f);
	fh_text_copy(f->hub_code, sizeof f->hub_code, hub);
	return f;
}

static void add(fh_tenant_flow *f, int what, const char *key, int n)
{
	fh_org_type t;
	fh_reg_state r;
	switch (what) {
	case ADMITTED: f->admitted += n; break;
	case GRADUATED: f->graduated += n; break;
	case EXITED: f->exited += n; break;
	case GRADUATED_EVER: f->graduated_ever += n; break;
	case BY_TYPE:
		if (fh_org_type_parse(key, &t))
			f->by_type[t] += n;
		f->incubating += n;
		break;
	case BY_REG:
		if (fh_reg_state_parse(key, &r))
			f->by_reg[r] += n;
		break;
	}
}

fh_status fh_tenant_flow_list(fh_store *s, const fh_actor *actor, const char *hub_code, int64_t from, int64_t to,
			      fh_tenant_flow **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	int64_t hub;
	fh_stmt *q;
	fh_status st = fh_actor_hub(s, actor, hub_code, &hub, err);
	if (st != FH_OK)
		return st;
	if ((st = fh_store_stmt(
		     s,
		     FH_SQL_SCOPE
		     "SELECT h.code, x.what, x.k, x.n FROM ("
		     " SELECT hub_id, 0 AS what, '' AS k, count(*) AS n FROM tenants"
		     "  WHERE ifnull(admitted_on, 9223372036854775807) >= ?2"
		     "  AND ifnull(admitted_on, 9223372036854775807) < ?3 AND hub_id IN (SELECT id FROM scope)"
		     "  GROUP BY hub_id"
		     " UNION ALL SELECT hub_id, 1 + (stage = 'exited'), '', count(*) FROM tenants"
		     "  WHERE stage IN ('graduated', 'exited') AND stage_since >= ?2 AND stage_since < ?3"
		     "  AND hub_id IN (SELECT id FROM scope) GROUP BY 1, 2"
		     " UNION ALL SELECT t.hub_id, 1 + (x.to_stage = 'exited'), '', count(*)"
		     "  FROM stage_history x JOIN tenants t ON t.id = x.tenant_id"
		     "  WHERE x.to_stage IN ('graduated', 'exited') AND x.at >= ?2 AND x.at < ?3"
		     "  AND t.stage != x.to_stage AND t.hub_id IN (SELECT id FROM scope) GROUP BY 1, 2"
		     " UNION ALL SELECT hub_id, 3, '', count(*) FROM tenants"
		     "  WHERE stage = 'graduated' AND stage_since < ?3 AND hub_id IN (SELECT id FROM scope) GROUP BY 1"
		     " UNION ALL SELECT t.hub_id, 3, '', count(*) FROM stage_history x JOIN tenants t ON t.id = x.tenant_id"
		     "  WHERE x.to_stage = 'graduated' AND x.at < ?3 AND t.stage != 'graduated'"
		     "  AND t.hub_id IN (SELECT id FROM scope) GROUP BY 1"
		     " UNION ALL SELECT hub_id, 4, org_type, sum(n) FROM tenant_tally"
		     "  WHERE stage = 'incubating' AND hub_id IN (SELECT id FROM scope) GROUP BY 1, 3"
		     " UNION ALL SELECT hub_id, 5, reg_state, count(*) FROM tenants"
		     "  WHERE stage = 'incubating' AND hub_id IN (SELECT id FROM scope) GROUP BY 1, 3"
		     ") x JOIN hubs h ON h.id = x.hub_id WHERE x.n > 0 ORDER BY h.code",
		     &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, from);
	fh_bind_int64(q, 3, to);
	struct flows x = { 0 };
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_tenant_flow *f = flow_for(&x, fh_column_str(q, 0));
		if (!f) {
			fh_reset(q);
			free(x.rows);
			return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		}
		add(f, fh_column_int(q, 1), fh_column_str(q, 2), fh_column_int(q, 3));
	}
	fh_reset(q);
	if (rc != FH_DONE) {
		free(x.rows);
		return fh_store_fail(s, err, _("reading the tenants' moves"));
	}
	*rows = x.rows;
	*n = x.n;
	return FH_OK;
}
