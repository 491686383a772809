/* fuhua core — what another session's write can have changed (changes.h).
 * The counts are kept by migration 10's triggers; a bulk load sets the
 * triggers aside with the tallies' (tally.c) and counts one write of every
 * topic after it. */
#include "fuhua/changes.h"

#include <string.h>

#include "changes_int.h"
#include "i18n.h"
#include "store_int.h"

static const char *const topics[FH_TOPIC_COUNT] = {
	"tenant", "party", "milestone", "mentor", "space", "hub", "audit",
};

fh_status fh_changes_read(fh_store *s, int64_t n[FH_TOPIC_COUNT], fh_error *err)
{
	memset(n, 0, FH_TOPIC_COUNT * sizeof *n);
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT topic, n FROM changes", &q, err);
	if (st != FH_OK)
		return st;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		const char *t = fh_column_str(q, 0);
		for (int i = 0; t && i < FH_TOPIC_COUNT; i++)
			if (strcmp(t, topics[i]) == 0)
				n[i] = fh_column_int64(q, 1);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading what changed"));
}

unsigned fh_changes_between(const int64_t was[FH_TOPIC_COUNT], const int64_t now[FH_TOPIC_COUNT])
{
	unsigned bits = 0;
	for (int i = 0; i < FH_TOPIC_COUNT; i++)
		if (was[i] != now[i])
			bits |= 1u << i;
	return bits;
}

fh_status fh_changes_bump_all(fh_store *s, fh_error *err)
{
	return fh_store_exec(s, "UPDATE changes SET n = n + 1", NULL) == FH_OK
		? FH_OK
		: fh_store_fail(s, err, _("updating the database"));
}
