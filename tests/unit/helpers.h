/* fuhua tests — shared helpers for the unit tests. */
#ifndef FUHUA_TEST_HELPERS_H
#define FUHUA_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

/* A fresh temporary directory per test binary run. */
static inline const char *tmpdir(void)
{
	static char dir[64];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/fuhua-unit.XXXXXX");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

static inline void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Takes a database of the latest schema back to schema 8 (migration 10
 * undone), for a test of what migrating from 8 does: SQLITE_OK or the
 * error. The modules' own schema stays as it is: migration 12 finds its
 * table there, and no module's step runs twice. */
static inline int schema_back_to_8(sqlite3 *db)
{
	char *drops = sqlite3_mprintf("%s", "");
	sqlite3_stmt *q;
	int rc = sqlite3_prepare_v2(
		db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'changes_*'", -1, &q, NULL);
	while (rc == SQLITE_OK && drops && sqlite3_step(q) == SQLITE_ROW) {
		char *more = sqlite3_mprintf("%sDROP TRIGGER \"%w\";", drops, (const char *)sqlite3_column_text(q, 0));
		sqlite3_free(drops);
		drops = more;
	}
	sqlite3_finalize(q);
	if (rc == SQLITE_OK && drops)
		rc = sqlite3_exec(db, drops, NULL, NULL, NULL);
	sqlite3_free(drops);
	return rc != SQLITE_OK
		? rc
		: sqlite3_exec(
			  db,
			  "DROP TABLE changes; DROP TRIGGER party_term_ai; DROP TRIGGER party_term_au; DROP TRIGGER party_term_ad;"
			  " DROP INDEX tenants_term; ALTER TABLE tenants DROP COLUMN term_from;"
			  " DROP INDEX party_branches_term; ALTER TABLE party_branches DROP COLUMN term_from;"
			  " DROP TRIGGER instructor_tally_ai; DROP TRIGGER instructor_tally_ad;"
			  " DROP TRIGGER instructor_tally_au; DROP TABLE instructor_tally; ALTER TABLE hubs DROP COLUMN short_name;"
			  " PRAGMA user_version = 8;",
			  NULL, NULL, NULL);
}

/* The repository's fixtures, from the test's working directory (the root). */
#define FIXTURES "fixtures/config"

#endif
