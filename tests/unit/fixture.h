/* fuhua tests — a database made from the fixtures, for the module tests:
 * the hubs synced, the clock at `now`, the system operator acting. */
#ifndef FUHUA_TEST_FIXTURE_H
#define FUHUA_TEST_FIXTURE_H

#include <sqlite3.h>

#include "helpers.h"

#include "../../core/store_sqlite.h"

#include "fuhua/config.h"
#include "fuhua/hub.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

/* 0, or -1 for cmocka's group setup when anything failed. */
static inline int fixture_open(const char *name, const char *now, fh_store **st, fh_actor *actor)
{
	fh_error err;
	fh_config *cfg;
	char p[256];
	setenv("FUHUA_NOW", now, 1);
	snprintf(p, sizeof p, "%s/%s", tmpdir(), name);
	unlink(p);
	if (fh_config_load(FIXTURES, &cfg, &err) != FH_OK)
		return -1;
	int rc = fh_store_create(p, st, &err) == FH_OK && fh_hub_sync(*st, cfg, "test", NULL, &err) == FH_OK &&
			fh_actor_system(*st, "test", actor, &err) == FH_OK
		? 0
		: -1;
	fh_config_free(&cfg);
	return rc;
}

/* The one integer a query of the store answers (asserted). */
static inline int64_t fixture_count(fh_store *st, const char *sql)
{
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(fh_store_db(st), sql, -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	int64_t n = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	return n;
}

/* A tenant of hub `hub_code` taken in and admitted today, with a credit code
 * (registered) or not (credit NULL); its id. */
static inline int64_t fixture_admitted(fh_store *st, const fh_actor *actor, const char *hub_code, const char *name,
				       const char *credit)
{
	fh_tenant t;
	fh_error err;
	fh_hub h;
	fh_tenant_init(&t);
	assert_int_equal(fh_hub_get(st, actor, hub_code, &h, &err), FH_OK);
	t.hub_id = h.id;
	snprintf(t.name, sizeof t.name, "%s", name);
	if (credit) {
		snprintf(t.credit_code, sizeof t.credit_code, "%s", credit);
		t.reg_state = FH_REG_REGISTERED;
	}
	assert_int_equal(fh_tenant_add(st, actor, &t, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, actor, t.id, 0, FH_STAGE_REVIEWING, NULL, NULL, &err), FH_OK);
	assert_int_equal(fh_tenant_move(st, actor, t.id, 0, FH_STAGE_INCUBATING, NULL, NULL, &err), FH_OK);
	return t.id;
}

#endif
