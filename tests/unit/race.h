/* fuhua tests — races, made to happen every time.
 *
 * Two connections to one database file (two terminals), and the one
 * interleaving that a rule checked before its write lock gets wrong: the
 * other connection `b` writes inside a transaction it keeps open; then `a`
 * acts, and the moment `a` waits for the write lock, `b` commits. A rule
 * that reads what it depends on inside its transaction sees b's write and
 * decides on it; a rule that read before taking the lock decided on what
 * was there before and writes anyway. No sleep decides anything: SQLite
 * calls the busy handler when, and only when, `a` waits. */
#ifndef FUHUA_TEST_RACE_H
#define FUHUA_TEST_RACE_H

#include <sqlite3.h>

#include "helpers.h"

#include "../../core/store_sqlite.h"
#include "fuhua/store.h"

struct race {
	fh_store *a, *b;
	int waits;        /* how often `a` waited for the lock */
	fh_status commit; /* what b's commit returned */
};

static inline int race_commit_b(void *ctx, int tries)
{
	struct race *r = ctx;
	if (r->waits++ == 0) {
		fh_error e;
		r->commit = fh_tx_commit(r->b, &e);
	}
	return tries < 50; /* b has committed: the next try gets the lock */
}

/* Opens b on a's file and begins b's transaction: what the test writes on
 * b until race_act stays uncommitted. */
static inline void race_begin(struct race *r, fh_store *a)
{
	fh_error err;
	memset(r, 0, sizeof *r);
	r->a = a;
	r->commit = FH_EINVAL;
	assert_int_equal(fh_store_open(fh_store_path(a), &r->b, &err), FH_OK);
	assert_int_equal(fh_tx_begin(r->b, &err), FH_OK);
}

/* From now on a's wait for the lock commits b (call just before a acts). */
static inline void race_arm(struct race *r)
{
	sqlite3_busy_handler(fh_store_db(r->a), race_commit_b, r);
}

/* After a has acted: b committed while a waited, and a's connection waits
 * as it did before. */
static inline void race_end(struct race *r)
{
	fh_store_busy_ms(r->a, FH_STORE_BUSY_MS);
	assert_int_equal(r->waits > 0, 1);
	assert_int_equal(r->commit, FH_OK);
	fh_store_close(&r->b);
}

#endif
