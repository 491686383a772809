/* fuhua core — the counts the database keeps.
 *
 * Each tally is a small table of counts that triggers keep in the
 * transaction of every write to its source (migrations 5 and 8): the
 * dashboard, the hub tree, coverage, the lists' counts and the due lists
 * read a few hundred tally rows instead of counting a million tenants. Here
 * each one is listed once with its recount — the same figures counted from
 * the source rows — which `fuhua check` compares (fh_tally_check) and a bulk
 * load writes in one statement after it (fh_tally_rebuild). */
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "i18n.h"
#include "store_int.h"

struct tally {
	const char *table;
	const char *columns; /* the key columns and the counts, in recount order */
	const char *recount; /* the same rows counted from the source */
	const char *triggers[6];
};

static const struct tally tallies[] = {
	{ "party_tally", "hub_id, stage, form, fallback, guided, n, members",
	  "SELECT hub_id, stage, party_org, party_fallback, instructor_id IS NOT NULL, count(*),"
	  " sum(party_members) FROM tenants GROUP BY 1, 2, 3, 4, 5",
	  { "party_tally_ai", "party_tally_ad", "party_tally_au" } },
	{ "tenant_tally", "hub_id, stage, org_type, field, n",
	  "SELECT hub_id, stage, org_type, ifnull(field, ''), count(*) FROM tenants GROUP BY 1, 2, 3, 4",
	  { "tenant_tally_ai", "tenant_tally_ad", "tenant_tally_au" } },
	{ "due_tally", "hub_id, kind, due, n",
	  "SELECT hub_id, 'milestone', due, count(*) FROM milestones WHERE state = 'pending'"
	  " AND active = 1 GROUP BY hub_id, due UNION ALL SELECT hub_id, 'end', planned_end, count(*)"
	  " FROM tenants WHERE stage = 'incubating' AND planned_end IS NOT NULL"
	  " GROUP BY hub_id, planned_end",
	  { "due_tally_mi", "due_tally_md", "due_tally_mu", "due_tally_ti", "due_tally_td", "due_tally_tu" } },
	{ "due_span", "hub_id, kind, span, n",
	  "SELECT hub_id, 'milestone', due >> 21, count(*) FROM milestones WHERE state = 'pending'"
	  " AND active = 1 GROUP BY 1, 3 UNION ALL SELECT hub_id, 'end', planned_end >> 21, count(*)"
	  " FROM tenants WHERE stage = 'incubating' AND planned_end IS NOT NULL GROUP BY 1, 3",
	  { NULL } }, /* kept by due_tally's triggers */
};

#define NTALLIES (sizeof tallies / sizeof tallies[0])

fh_status fh_tally_check(fh_store *s, fh_check_report *rep, fh_error *err)
{
	for (size_t i = 0; i < NTALLIES; i++) {
		const struct tally *t = &tallies[i];
		char sql[1400];
		/* rows that differ either way; a row counted down to 0 is no row */
		snprintf(sql, sizeof sql,
			 "SELECT (SELECT count(*) FROM (SELECT * FROM (%s) EXCEPT SELECT %s FROM %s WHERE n != 0))"
			 " + (SELECT count(*) FROM (SELECT %s FROM %s WHERE n != 0 EXCEPT SELECT * FROM (%s)))",
			 t->recount, t->columns, t->table, t->columns, t->table, t->recount);
		sqlite3_stmt *q;
		if (sqlite3_prepare_v2(fh_store_db(s), sql, -1, &q, NULL) != SQLITE_OK)
			return fh_store_fail(s, err, _("counting tenants"));
		int rc = sqlite3_step(q);
		int bad = rc == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
		sqlite3_finalize(q);
		if (rc != SQLITE_ROW)
			return fh_store_fail(s, err, _("counting tenants"));
		if (bad)
			fh_check_add(rep, N3_("%s: %d maintained count differs from a full count",
					      "%s: %d maintained counts differ from a full count", bad),
				     t->table, bad);
	}
	return FH_OK;
}

fh_status fh_tally_rebuild(fh_store *s, fh_error *err)
{
	for (size_t i = 0; i < NTALLIES; i++) {
		char sql[1200];
		snprintf(sql, sizeof sql, "DELETE FROM %s; INSERT INTO %s(%s) SELECT * FROM (%s);",
			 tallies[i].table, tallies[i].table, tallies[i].columns, tallies[i].recount);
		if (sqlite3_exec(fh_store_db(s), sql, NULL, NULL, NULL) != SQLITE_OK)
			return fh_store_fail(s, err, _("counting tenants"));
	}
	return FH_OK;
}

/* ---- bulk loads -------------------------------------------------------------- */

fh_status fh_tally_pause(fh_store *s, struct fh_set_aside *a, fh_error *err)
{
	/* the indexes of the tables a load fills, but those that keep a rule
	 * (UNIQUE: the load relies on them), and the tallies' triggers */
	fh_buf where = FH_BUF_INIT;
	fh_buf_puts(&where, "(type = 'index' AND tbl_name IN ('tenants', 'stage_history', 'party', 'party_sync',"
			    " 'milestones') AND sql NOT LIKE 'CREATE UNIQUE%') OR (type = 'trigger' AND name IN (''");
	for (size_t i = 0; i < NTALLIES; i++)
		for (size_t k = 0; k < 6 && tallies[i].triggers[k]; k++)
			fh_buf_printf(&where, ", '%s'", tallies[i].triggers[k]);
	fh_buf_puts(&where, "))");
	fh_status st = where.failed ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
				    : fh_store_set_aside(s, fh_buf_str(&where), a, err);
	fh_buf_free(&where);
	return st;
}

fh_status fh_tally_resume(fh_store *s, struct fh_set_aside *a, fh_error *err)
{
	fh_status st = fh_store_put_back(s, a, err);
	return st == FH_OK ? fh_tally_rebuild(s, err) : st;
}
