/* fuhua core — the counts the database keeps.
 *
 * Each tally is a small table of counts that triggers keep in the
 * transaction of every write to its source (migrations 5, 8 and 10): the
 * dashboard, the hub tree, coverage, the lists' counts, the due lists and
 * the instructors' loads read a few hundred tally rows instead of counting
 * a million tenants. Here each one is listed once with its recount — the
 * same figures counted from the source rows — which `fuhua check` compares
 * part by part (fh_tally_check) and a bulk load writes in one statement
 * after it (fh_tally_rebuild). */
#include "tally.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "changes_int.h"
#include "i18n.h"
#include "store_int.h"

struct tally {
	const char *table;
	const char *columns; /* the key columns and the counts, in recount order */
	const char *recount; /* the same rows counted from the source, WHERE %s: a part of them */
	bool by_stage;       /* its parts are a hub's tenants at a stage; else a hub's */
	const char *triggers[6];
};

static const struct tally tallies[] = {
	{ "party_tally",
	  "hub_id, stage, form, fallback, guided, n, members",
	  "SELECT hub_id, stage, party_org, party_fallback, instructor_id IS NOT NULL, count(*),"
	  " sum(party_members) FROM tenants WHERE %s GROUP BY 1, 2, 3, 4, 5",
	  true,
	  { "party_tally_ai", "party_tally_ad", "party_tally_au" } },
	{ "tenant_tally",
	  "hub_id, stage, org_type, field, n",
	  "SELECT hub_id, stage, org_type, ifnull(field, ''), count(*) FROM tenants WHERE %s GROUP BY 1, 2, 3, 4",
	  true,
	  { "tenant_tally_ai", "tenant_tally_ad", "tenant_tally_au" } },
	{ "due_tally",
	  "hub_id, kind, due, n",
	  "SELECT hub_id, 'milestone', due, count(*) FROM milestones WHERE state = 'pending'"
	  " AND active = 1 AND %1$s GROUP BY hub_id, due UNION ALL SELECT hub_id, 'end', planned_end, count(*)"
	  " FROM tenants WHERE stage = 'incubating' AND planned_end IS NOT NULL AND %1$s"
	  " GROUP BY hub_id, planned_end",
	  false,
	  { "due_tally_mi", "due_tally_md", "due_tally_mu", "due_tally_ti", "due_tally_td", "due_tally_tu" } },
	{ "due_span",
	  "hub_id, kind, span, n",
	  "SELECT hub_id, 'milestone', due >> 21, count(*) FROM milestones WHERE state = 'pending'"
	  " AND active = 1 AND %1$s GROUP BY 1, 3 UNION ALL SELECT hub_id, 'end', planned_end >> 21, count(*)"
	  " FROM tenants WHERE stage = 'incubating' AND planned_end IS NOT NULL AND %1$s GROUP BY 1, 3",
	  false,
	  { NULL } }, /* kept by due_tally's triggers */
	{ "instructor_tally",
	  "instructor_id, hub_id, n",
	  "SELECT instructor_id, hub_id, count(*) FROM tenants WHERE instructor_id IS NOT NULL"
	  " AND stage = 'incubating' AND %s GROUP BY 1, 2",
	  false,
	  { "instructor_tally_ai", "instructor_tally_ad", "instructor_tally_au" } },
};

#define NTALLIES (sizeof tallies / sizeof tallies[0])

static const char *const stages[] = { "applied", "reviewing", "incubating", "graduated", "exited" };
#define NSTAGES (sizeof stages / sizeof stages[0])

/* The recount of tally t for the rows `where` (SQL, never user text). */
static void recount_sql(const struct tally *t, const char *where, char *sql, size_t size)
{
	snprintf(sql, size, t->recount, where);
}

/* How many rows of tally t differ from a recount, for a hub (and a stage):
 * one statement, a short read. */
static fh_status part_differs(fh_store *s, const struct tally *t, int64_t hub, const char *stage, int *bad,
			      fh_error *err)
{
	const char *where = t->by_stage ? "hub_id = ?1 AND stage = ?2" : "hub_id = ?1";
	char recount[900], sql[2400];
	recount_sql(t, where, recount, sizeof recount);
	/* rows that differ either way; a row counted down to 0 is no row */
	snprintf(sql, sizeof sql,
		 "SELECT (SELECT count(*) FROM (SELECT * FROM (%s) EXCEPT SELECT %s FROM %s WHERE n != 0 AND %s))"
		 " + (SELECT count(*) FROM (SELECT %s FROM %s WHERE n != 0 AND %s EXCEPT SELECT * FROM (%s)))",
		 recount, t->columns, t->table, where, t->columns, t->table, where, recount);
	fh_stmt *q;
	if (fh_store_prepare(s, sql, &q, NULL) != FH_OK)
		return fh_store_fail(s, err, _("counting tenants"));
	fh_bind_int64(q, 1, hub);
	if (stage)
		fh_bind_static(q, 2, stage, -1);
	int rc = fh_step(q);
	*bad = rc == FH_ROW ? fh_column_int(q, 0) : 0;
	fh_finalize(q);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("counting tenants"));
}

/* Rows of tally t that belong to no hub (or no stage) there is. */
static fh_status strays(fh_store *s, const struct tally *t, int *bad, fh_error *err)
{
	char sql[400];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE n != 0 AND (hub_id NOT IN (SELECT id FROM hubs)%s)",
		 t->table,
		 t->by_stage ? " OR stage NOT IN ('applied','reviewing','incubating','graduated','exited')" : "");
	fh_stmt *q;
	if (fh_store_prepare(s, sql, &q, NULL) != FH_OK)
		return fh_store_fail(s, err, _("counting tenants"));
	int rc = fh_step(q);
	*bad = rc == FH_ROW ? fh_column_int(q, 0) : 0;
	fh_finalize(q);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("counting tenants"));
}

fh_status fh_tally_check(fh_store *s, fh_check_report *rep, fh_error *err)
{
	int64_t *hubs = NULL;
	size_t nh = 0, cap = 0;
	fh_stmt *q;
	if (fh_store_prepare(s, "SELECT id FROM hubs ORDER BY id", &q, NULL) != FH_OK)
		return fh_store_fail(s, err, _("counting tenants"));
	int rc;
	while ((rc = fh_step(q)) == FH_ROW && fh_grow(&hubs, &cap, nh, sizeof *hubs))
		hubs[nh++] = fh_column_int64(q, 0);
	fh_finalize(q);
	fh_status st = rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("counting tenants"));
	/* a hub's tenants at a stage at a time (a hub's, for the due counts):
	 * each part one short read, never the whole table at once */
	for (size_t i = 0; st == FH_OK && i < NTALLIES; i++) {
		const struct tally *t = &tallies[i];
		int bad = 0, part;
		for (size_t h = 0; st == FH_OK && h < nh; h++)
			for (size_t k = 0; st == FH_OK && k < (t->by_stage ? NSTAGES : 1); k++)
				if ((st = part_differs(s, t, hubs[h], t->by_stage ? stages[k] : NULL, &part, err)) ==
				    FH_OK)
					bad += part;
		if (st == FH_OK && (st = strays(s, t, &part, err)) == FH_OK)
			bad += part;
		if (st == FH_OK && bad)
			fh_check_add(rep,
				     N3_("%s: %d maintained count differs from a full count",
					 "%s: %d maintained counts differ from a full count", bad),
				     t->table, bad);
	}
	free(hubs);
	return st;
}

fh_status fh_tally_rebuild(fh_store *s, fh_error *err)
{
	for (size_t i = 0; i < NTALLIES; i++) {
		char recount[900], sql[1200];
		recount_sql(&tallies[i], "1", recount, sizeof recount);
		snprintf(sql, sizeof sql, "DELETE FROM %s; INSERT INTO %s(%s) SELECT * FROM (%s);", tallies[i].table,
			 tallies[i].table, tallies[i].columns, recount);
		if (fh_store_exec(s, sql, NULL) != FH_OK)
			return fh_store_fail(s, err, _("counting tenants"));
	}
	return FH_OK;
}

/* ---- bulk loads -------------------------------------------------------------- */

fh_status fh_tally_pause(fh_store *s, struct fh_set_aside *a, fh_error *err)
{
	/* the indexes of the tables a load fills, but those that keep a rule
	 * (UNIQUE: the load relies on them), the tallies' triggers and those
	 * that count the writes (changes.c: every topic counts one after) */
	fh_buf where = FH_BUF_INIT;
	fh_buf_puts(&where,
		    "(type = 'index' AND tbl_name IN ('tenants', 'stage_history', 'party', 'party_sync',"
		    " 'milestones') AND sql NOT LIKE 'CREATE UNIQUE%') OR (type = 'trigger' AND name IN (''");
	for (size_t i = 0; i < NTALLIES; i++)
		for (size_t k = 0; k < 6 && tallies[i].triggers[k]; k++)
			fh_buf_printf(&where, ", '%s'", tallies[i].triggers[k]);
	fh_buf_puts(&where, ")) OR (type = 'trigger' AND name GLOB '" FH_CHANGES_TRIGGERS "')");
	fh_status st = where.failed ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
				    : fh_store_set_aside(s, fh_buf_str(&where), a, err);
	fh_buf_free(&where);
	return st;
}

fh_status fh_tally_resume(fh_store *s, struct fh_set_aside *a, fh_error *err)
{
	fh_status st = fh_store_put_back(s, a, err);
	if (st == FH_OK)
		st = fh_tally_rebuild(s, err);
	return st == FH_OK ? fh_changes_bump_all(s, err) : st;
}
