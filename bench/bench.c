/* fuhua bench — speed on generated data; prints figures, asserts nothing. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fuhua/buf.h"
#include "fuhua/import.h"
#include "fuhua/tenant.h"

#include "fuhua/audit.h"
#include "fuhua/config.h"
#include "fuhua/demo.h"
#include "fuhua/hub.h"
#include "fuhua/operator.h"
#include "fuhua/party.h"
#include "fuhua/booking.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "fuhua/clock.h"
#include "fuhua/report.h"
#include "fuhua/space.h"
#include "fuhua/store.h"
#include "../core/store_sqlite.h"
#include "../core/tenant_int.h"
#include "bench.h"
#include "measure.h"

/* Reads of another session while a long import writes: open the database,
 * log in (one yescrypt hash), the list's first page and count. */
struct reads {
	double open_ms[400], login_ms[400], list_ms[400];
	int n;
	double worst_wait; /* the longest single operation */
};

static char done_flag[600];

static void import_done(const char *db)
{
	snprintf(done_flag, sizeof done_flag, "%s.done", db);
	FILE *f = fopen(done_flag, "w");
	if (f)
		fclose(f);
}

/* Rounds until `rounds` are done or, with a parent, the import says done. */
static void read_rounds(const char *db, int rounds, pid_t parent, struct reads *r)
{
	char flag[600];
	snprintf(flag, sizeof flag, "%s.done", db);
	if (!parent)
		unlink(flag);
	for (int i = 0; i < rounds && r->n < 400; i++) {
		if (parent && access(flag, F_OK) == 0)
			break;
		fh_store *s;
		fh_actor a;
		fh_error err;
		double t0 = now_ms();
		if (fh_store_open(db, &s, &err) != FH_OK) {
			printf("bench: reader: %s\n", err.message);
			return;
		}
		double t1 = now_ms();
		if (fh_operator_login(s, "reader", "bench-reader-1", "bench", &a, &err) != FH_OK) {
			printf("bench: reader: %s\n", err.message);
			fh_store_close(&s);
			return;
		}
		double t2 = now_ms();
		fh_tenant_filter f;
		fh_tenant_filter_init(&f);
		fh_tenant_row rows[23];
		size_t n;
		int c;
		bool more;
		if (fh_tenant_page(s, &a, &f, NULL, false, rows, 23, &n, &err) != FH_OK ||
		    fh_tenant_count(s, &a, &f, 999, &c, &more, &err) != FH_OK) {
			printf("bench: reader: %s\n", err.message);
			fh_store_close(&s);
			return;
		}
		double t3 = now_ms();
		fh_store_close(&s);
		r->open_ms[r->n] = t1 - t0;
		r->login_ms[r->n] = t2 - t1;
		r->list_ms[r->n] = t3 - t2;
		for (int k = 0; k < 3; k++) {
			double d = k == 0 ? t1 - t0 : k == 1 ? t2 - t1 : t3 - t2;
			r->worst_wait = d > r->worst_wait ? d : r->worst_wait;
		}
		r->n++;
		struct timespec pause = { 0, 20 * 1000000L }; /* a person's pace, not a busy loop */
		nanosleep(&pause, NULL);
	}
}

static void print_reads(const char *when, struct reads *r)
{
	if (!r->n) {
		printf("reads %s: none\n", when);
		return;
	}
	qsort(r->open_ms, (size_t)r->n, sizeof(double), cmp);
	qsort(r->login_ms, (size_t)r->n, sizeof(double), cmp);
	qsort(r->list_ms, (size_t)r->n, sizeof(double), cmp);
	printf("reads %s, another process, %d rounds: open median %.1f / max %.1f ms; login median %.1f / max"
	       " %.1f ms; list page + count median %.1f / max %.1f ms; longest single wait %.0f ms\n",
	       when, r->n, r->open_ms[r->n / 2], r->open_ms[r->n - 1], r->login_ms[r->n / 2], r->login_ms[r->n - 1],
	       r->list_ms[r->n / 2], r->list_ms[r->n - 1], r->worst_wait);
}

static int collect(void *ctx, const char *data, size_t n)
{
	fh_buf_add(ctx, data, n);
	return 0;
}

/* The anchors of an import: the same rows written by SQLite alone into a
 * new database with the same tables, indexes, triggers and FTS5 indexes
 * (INSERT … SELECT from the imported database: no CSV, no checks, no sort
 * keys; the grams' tokens made before the clock starts), and the same file
 * through the command. */
static void import_anchor(const char *path, const char *imported, double took, const char *csv, size_t len,
			  const char *bin)
{
	char raw[600], file[600], cmd[4000];
	snprintf(raw, sizeof raw, "%s.raw", path);
	snprintf(file, sizeof file, "%s.csv", path);
	unlink(raw);
	fh_store *r;
	fh_config *cfg;
	fh_error err;
	if (fh_config_load("fixtures/config", &cfg, &err) != FH_OK || fh_store_create(raw, &r, &err) != FH_OK ||
	    fh_hub_sync(r, cfg, "bench", NULL, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	fh_config_free(&cfg);
	/* the gram index's tokens, made before the clock starts: a raw load
	 * writes them, it does not compute them */
	sqlite3 *db = fh_store_db(r);
	char sql[2400];
	snprintf(sql, sizeof sql,
		 "ATTACH '%s' AS src; CREATE TEMP TABLE grams_src(id INTEGER PRIMARY KEY, grams TEXT);", imported);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_stmt *rd, *wr;
	if (sqlite3_prepare_v2(db,
			       "SELECT ts.id, t.hub_id, ts.hay FROM src.tenant_search ts JOIN src.tenants t"
			       " ON t.id = ts.id",
			       -1, &rd, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "INSERT INTO temp.grams_src VALUES(?1, ?2)", -1, &wr, NULL) == SQLITE_OK) {
		sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
		while (sqlite3_step(rd) == SQLITE_ROW) {
			fh_buf g = FH_BUF_INIT;
			fh_tenant_grams((const char *)sqlite3_column_text(rd, 2), sqlite3_column_int64(rd, 1), &g);
			sqlite3_bind_int64(wr, 1, sqlite3_column_int64(rd, 0));
			sqlite3_bind_text(wr, 2, fh_buf_str(&g), -1, SQLITE_TRANSIENT);
			sqlite3_step(wr);
			sqlite3_reset(wr);
			fh_buf_free(&g);
		}
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		sqlite3_finalize(rd);
		sqlite3_finalize(wr);
	}
	double t0 = now_ms();
	char *e = NULL;
	if (sqlite3_exec(
		    db,
		    "PRAGMA cache_size = -131072; BEGIN;"
		    " INSERT INTO tenants SELECT * FROM src.tenants;"
		    " INSERT INTO stage_history SELECT * FROM src.stage_history;"
		    " INSERT INTO party SELECT * FROM src.party;"
		    " INSERT INTO milestones SELECT * FROM src.milestones;"
		    " INSERT INTO audit SELECT * FROM src.audit WHERE id > (SELECT ifnull(max(id), 0) FROM main.audit);"
		    " INSERT INTO tenant_search SELECT * FROM src.tenant_search;"
		    " INSERT INTO tenant_grams(rowid, grams) SELECT id, grams FROM temp.grams_src; COMMIT;",
		    NULL, NULL, &e) != SQLITE_OK)
		printf("raw load FAILED: %s\n", e ? e : "?");
	double rawms = now_ms() - t0;
	sqlite3_free(e);
	fh_store_close(&r);
	unlink(raw);
	printf("import anchor: the same rows written by SQLite alone (INSERT … SELECT into the same tables,"
	       " indexes, triggers and both FTS5 indexes, the grams' tokens made beforehand): %.0f ms;"
	       " the import is %.2f× that\n",
	       rawms, took / rawms);
	/* the command on the same file, into a new database */
	FILE *f = fopen(file, "w");
	if (!f)
		return;
	fwrite(csv, 1, len, f);
	fclose(f);
	snprintf(cmd, sizeof cmd,
		 "rm -f '%s' && '%s' init --db '%s' --config fixtures/config > /dev/null 2>&1 < /dev/null"
		 " && '%s' tenant import '%s' --hub sh --db '%s' > /dev/null 2>&1",
		 raw, bin, raw, bin, file, raw);
	fflush(stdout);
	/* init is timed apart: the command's own import is the difference */
	char init[2000];
	snprintf(init, sizeof init,
		 "rm -f '%s' && '%s' init --db '%s' --config fixtures/config > /dev/null 2>&1 < /dev/null", raw, bin,
		 raw);
	double i0 = now_ms();
	int rc0 = system(init);
	double i1 = now_ms();
	int rc1 = system(cmd);
	double i2 = now_ms();
	printf("import through the command (fuhua tenant import, same file): %.0f ms (exit %d; init %.0f ms"
	       " apart)\n",
	       (i2 - i1) - (i1 - i0), rc1, i1 - i0 + 0 * rc0);
	/* the words, "a raw sqlite3 load of the same file": SQLite's own
	 * shell reading the file into a table (.import), added to the writes above */
	snprintf(cmd, sizeof cmd, "rm -f '%s' && sqlite3 '%s' \".import --csv '%s' staging\" > /dev/null 2>&1", raw,
		 raw, file);
	double s0 = now_ms();
	int rc2 = system(cmd);
	double shell = now_ms() - s0;
	if (rc2 == 0) {
		printf("the same file read by the sqlite3 shell (.import --csv into a table): %.0f ms; with the writes"
		       " above, a raw load of the file: %.0f ms; the import is %.2f× that\n",
		       shell, rawms + shell, took / (rawms + shell));
		figure("import_ratio_file", took / (rawms + shell));
	} else {
		printf("the sqlite3 shell is not installed (apt-get install sqlite3): no raw load of the file\n");
	}
	figure("import_s", took / 1000);
	figure("import_ratio", took / rawms);
	unlink(file);
	unlink(raw);
}

static void tenants_bench(fh_store *s, const fh_actor *admin, const char *path, const char *bin)
{
	fh_error err;
	fh_actor mgr, street;
	if (fh_operator_login(s, "zhuren", FH_DEMO_PASSWORD, "bench", &mgr, &err) != FH_OK ||
	    fh_operator_login(s, "jiedao", FH_DEMO_PASSWORD, "bench", &street, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	enum { N = 200 };
	double ms[N * 40];
	fh_tenant_filter f;
	const fh_actor *who[] = { admin, &mgr, &street };
	const char *names[] = { "city (all tenants)", "district manager", "street manager" };
	for (int w = 0; w < 3; w++) {
		fh_tenant_filter_init(&f);
		for (int i = 0; i < N; i++)
			ms[i] = first_page(s, who[w], &f);
		char what[128];
		snprintf(what, sizeof what, "tenant list first page + count, %s", names[w]);
		report(what, ms, N);
	}
	/* search as you type: every prefix of what a front desk types */
	const char *typed[] = { "静安青凤", "jaqf",    "闵行春晖", "mxch",   "心桥", "王伟", "李晖",  "13812",
				"021",      "5231010", "乐龄为老", "向日葵", "gyfl", "服务", "睦邻点" };
	int k = 0;
	for (int rep = 0; rep < 5; rep++)
		for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
			const char *q = typed[i];
			size_t len = strlen(q);
			for (size_t j = 1; j <= len; j++) {
				if (((unsigned char)q[j - 1] & 0xC0) == 0x80 && j < len &&
				    ((unsigned char)q[j] & 0xC0) == 0x80)
					continue; /* whole characters only */
				if (j < len && ((unsigned char)q[j] & 0xC0) == 0x80)
					continue;
				fh_tenant_filter_init(&f);
				snprintf(f.search, sizeof f.search, "%.*s", (int)j, q);
				ms[k++] = first_page(s, rep % 2 ? &street : admin, &f);
			}
		}
	report("search keystroke (page + count; 1-, 2-char Chinese, pinyin, phone, code; city and street)", ms, k);
	/* opening a tenant: the record, its stage history and its audit history */
	for (int i = 0; i < N; i++) {
		fh_tenant t;
		fh_stage_event *ev;
		fh_change *ch;
		size_t n1, n2;
		double t0 = now_ms();
		if (fh_tenant_get_by_id(s, admin, 1 + (i * 499) % ntenants, &t, &err) != FH_OK ||
		    fh_tenant_stages(s, admin, t.id, &ev, &n1, &err) != FH_OK ||
		    fh_tenant_changes(s, admin, t.id, 100, &ch, &n2, &err) != FH_OK) {
			fprintf(stderr, "bench: %s\n", err.message);
			exit(1);
		}
		ms[i] = now_ms() - t0;
		free(ev);
		free(ch);
	}
	report("open a tenant (record, stage history, audit history)", ms, N);
	/* export everything, import it into a new database */
	fh_buf csv = FH_BUF_INIT;
	double t0 = now_ms();
	fh_tenant_filter_init(&f);
	if (fh_tenant_export(s, admin, &f, true, true, collect, &csv, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	printf("export of every tenant to CSV: %.0f ms, %.1f MB\n", now_ms() - t0, csv.len / 1048576.0);
	char other[512];
	snprintf(other, sizeof other, "%s.import", path);
	unlink(other);
	fh_store *s2;
	fh_config *cfg;
	fh_actor sys2;
	if (fh_config_load("fixtures/config", &cfg, &err) != FH_OK || fh_store_create(other, &s2, &err) != FH_OK ||
	    fh_hub_sync(s2, cfg, "bench", NULL, &err) != FH_OK || fh_actor_system(s2, "bench", &sys2, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	fh_config_free(&cfg);
	fh_import_options o = { .hub_code = "sh", .source = "bench.csv" };
	fh_import_result res;
	fh_error e2;
	if (fh_operator_add(s2, &sys2, "reader", FH_ROLE_MANAGER, "sh", "bench-reader-1", &e2) != FH_OK) {
		fprintf(stderr, "bench: %s\n", e2.message);
		exit(1);
	}
	struct reads quiet = { 0 }, busy = { 0 };
	read_rounds(other, 20, 0, &quiet); /* the anchor: the same reads with no import */
	fflush(stdout);
	pid_t reader = fork();
	if (reader == 0) { /* another session opens, logs in and lists until the import ends */
		struct reads r = { 0 };
		read_rounds(other, 100000, getppid(), &r);
		print_reads("during the import", &r);
		fflush(stdout);
		_exit(0);
	}
	t0 = now_ms();
	fh_status st = fh_tenant_import(s2, &sys2, csv.data, csv.len, &o, &res, &err);
	double took = now_ms() - t0;
	import_done(other);
	int rstatus;
	waitpid(reader, &rstatus, 0);
	print_reads("with no import (anchor)", &quiet);
	(void)busy;
	if (st != FH_OK)
		printf("import FAILED: %s (%zu problems, first line %zu: %s)\n", err.message, res.nproblems,
		       res.nproblems ? res.problems[0].line : 0, res.nproblems ? res.problems[0].message : "");
	else
		printf("import of %zu rows (UTF-8 with BOM, Chinese headings): %.0f ms\n", res.imported, took);
	if (st == FH_OK)
		import_anchor(path, other, took, csv.data, csv.len, bin);
	fh_import_result_free(&res);
	fh_store_close(&s2);
	unlink(other);
	unlink(done_flag);
	fh_buf_free(&csv);
}

/* Dual incubation: coverage of the whole tree from the maintained counts,
 * beside the anchor of the same figures counted from the tenants in one
 * SQL statement; what the Party screen reads when it opens; each list. */
static void party_bench(fh_store *s, const fh_actor *admin, int tenants)
{
	enum { N = 100 };
	double ms[N], anchor[N];
	fh_error err;
	for (int all = 0; all < 2; all++) {
		for (int i = 0; i < N; i++) {
			fh_coverage *c;
			size_t n;
			double a = now_ms();
			fh_party_coverage(s, admin, 0, all, &c, &n, &err);
			ms[i] = now_ms() - a;
			free(c);
			fh_stmt *q;
			a = now_ms();
			fh_store_stmt(s,
				      "SELECT hub_id, party_org, party_fallback, instructor_id IS NOT NULL,"
				      " count(*), sum(party_members) FROM tenants WHERE ?1 OR stage = 'incubating'"
				      " GROUP BY 1, 2, 3, 4",
				      &q, NULL);
			fh_bind_int(q, 1, all);
			while (fh_step(q) == FH_ROW)
				;
			fh_reset(q);
			anchor[i] = now_ms() - a;
		}
		qsort(ms, N, sizeof ms[0], cmp);
		qsort(anchor, N, sizeof anchor[0], cmp);
		printf("coverage report, whole tree, %s (%d tenants): median %.2f ms, p95 %.2f ms;"
		       " anchor, the same counts from the tenants in one query: median %.2f ms\n",
		       all ? "every stage" : "in incubation", tenants, ms[N / 2], ms[N * 95 / 100], anchor[N / 2]);
	}
	/* the Party screen on open: coverage, reference rates, the first list */
	for (int i = 0; i < N; i++) {
		fh_coverage *c;
		fh_party_row *rows;
		fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
		size_t n, nr;
		bool more;
		double a = now_ms();
		fh_party_coverage(s, admin, 0, false, &c, &n, &err);
		fh_party_references(s, admin->hub_id, refs, FH_COVERAGE_REFS_MAX, &nr, &err);
		fh_party_list(s, admin, 0, FH_PL_UNCOVERED, 500, &rows, &nr, &more, &err);
		ms[i] = now_ms() - a;
		free(c);
		free(rows);
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("Party screen on open, city administrator (coverage, rates, 500 uncovered): median %.2f ms,"
	       " p95 %.2f ms\n",
	       ms[N / 2], ms[N * 95 / 100]);
	static const char *const names[FH_PL_COUNT] = { "uncovered", "should form a branch", "sync gaps",
							"re-elections" };
	for (int l = 0; l < FH_PL_COUNT; l++) {
		size_t nr = 0;
		for (int i = 0; i < N; i++) {
			fh_party_row *rows;
			bool more;
			double a = now_ms();
			fh_party_list(s, admin, 0, (fh_party_list_kind)l, 500, &rows, &nr, &more, &err);
			ms[i] = now_ms() - a;
			free(rows);
		}
		qsort(ms, N, sizeof ms[0], cmp);
		printf("  list %s (up to 500 rows, %zu shown): median %.2f ms, p95 %.2f ms\n", names[l], nr, ms[N / 2],
		       ms[N * 95 / 100]);
	}
	for (int i = 0; i < N; i++) {
		fh_instructor *rows;
		size_t n;
		double a = now_ms();
		fh_party_instructors(s, admin, 0, &rows, &n, &err);
		ms[i] = now_ms() - a;
		free(rows);
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("  instructors and their loads: median %.2f ms, p95 %.2f ms\n", ms[N / 2], ms[N * 95 / 100]);
	for (int i = 0; i < N; i++) {
		fh_tenant_filter f;
		fh_tenant_row rows[40];
		size_t n;
		fh_tenant_filter_init(&f);
		f.stage = FH_STAGE_INCUBATING;
		double a = now_ms();
		fh_tenant_page(s, admin, &f, NULL, false, rows, 40, &n, &err);
		int64_t ids[40];
		fh_tracks tr[40];
		for (size_t k = 0; k < n; k++)
			ids[k] = rows[k].id;
		fh_party_tracks(s, ids, n, tr, &err);
		ms[i] = now_ms() - a;
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("  dual-track board, a page (40 tenants in incubation with both tracks): median %.2f ms, p95 %.2f ms\n",
	       ms[N / 2], ms[N * 95 / 100]);
}

static int64_t space_id(fh_store *s, const char *hub, const char *code)
{
	fh_stmt *q;
	int64_t id = 0;
	fh_store_stmt(s,
		      "SELECT s.id FROM spaces s JOIN hubs h ON h.id = s.hub_id WHERE h.code = ?1"
		      " AND s.code = ?2",
		      &q, NULL);
	fh_bind_static(q, 1, hub, -1);
	fh_bind_static(q, 2, code, -1);
	if (fh_step(q) == FH_ROW)
		id = fh_column_int64(q, 0);
	fh_reset(q);
	return id;
}

/* Spaces: the allocation check with 10 000 allocations of one hub (history
 * in 16 lanes of the 16-seat desk area, none over its seats); the booking
 * conflict check with 100 000 bookings on the hubs' rooms; the occupancy
 * report of the whole tree. Each beside the same rows read without the
 * index (NOT INDEXED) in the same run. */
/* 10 000 allocations in 16 lanes of the desk area, none over its seats;
 * 100 000 bookings of the rooms, an hour each, from yesterday back.
 * Returns how many rooms in rooms[]. */
static int space_fill(fh_store *s, int64_t desk, int64_t today, int64_t *rooms, int max)
{
	enum { ALLOCS = 10000, BOOKINGS = 100000 };
	fh_error err;
	fh_stmt *q;
	/* 10 000 allocations: 16 lanes, each a run of 13-day allocations back from 90 days ago */
	fh_tx_begin(s, &err);
	int64_t tenant = 0;
	fh_store_stmt(s, "SELECT min(id) FROM tenants", &q, NULL);
	if (fh_step(q) == FH_ROW)
		tenant = fh_column_int64(q, 0);
	fh_reset(q);
	for (int i = 0; i < ALLOCS; i++) {
		int64_t end = today - 90 * 86400 - (int64_t)(i / 16) * 14 * 86400;
		fh_store_stmt(s,
			      "INSERT INTO allocations(space_id, tenant_id, seats, start_on, end_on, updated_at,"
			      " updated_by) VALUES(?1, ?2, 1, ?3, ?4, 0, 'bench')",
			      &q, NULL);
		fh_bind_int64(q, 1, desk);
		fh_bind_int64(q, 2, tenant);
		fh_bind_int64(q, 3, end - 13 * 86400);
		fh_bind_int64(q, 4, end);
		fh_step(q);
		fh_reset(q);
	}
	/* 100 000 bookings: each room, days back from yesterday, slots of an hour */
	int nrooms = 0;
	fh_store_stmt(s, "SELECT id FROM spaces WHERE type IN ('meeting_room','activity_room') ORDER BY id", &q, NULL);
	while (nrooms < max && fh_step(q) == FH_ROW)
		rooms[nrooms++] = fh_column_int64(q, 0);
	fh_reset(q);
	for (int i = 0; i < BOOKINGS && nrooms; i++) {
		int room = i % nrooms, k = i / nrooms;
		int64_t start = today - (int64_t)(1 + k / 10) * 86400 + (9 + k % 10) * 3600;
		fh_store_stmt(s,
			      "INSERT INTO bookings(space_id, starts, ends, title, state, updated_at, updated_by)"
			      " VALUES(?1, ?2, ?3, 'bench', 'confirmed', 0, 'bench')",
			      &q, NULL);
		fh_bind_int64(q, 1, rooms[room]);
		fh_bind_int64(q, 2, start);
		fh_bind_int64(q, 3, start + 3600);
		fh_step(q);
		fh_reset(q);
	}
	fh_tx_commit(s, &err);
	fh_store_exec(s, "ANALYZE", NULL);
	return nrooms;
}

static void space_bench(fh_store *s, const fh_actor *admin, int tenants)
{
	enum { N = 200 };
	double ms[N], anchor[N];
	fh_error err;
	int64_t today = fh_clock_day(fh_clock_now()), desk = space_id(s, "ja-dn", "A2");
	int64_t rooms[64];
	int nrooms = space_fill(s, desk, today, rooms, 64);
	fh_stmt *q;
	int count = 0;
	fh_store_stmt(s,
		      "SELECT count(*) FROM allocations WHERE space_id IN (SELECT id FROM spaces"
		      " WHERE hub_id = (SELECT hub_id FROM spaces WHERE id = ?1))",
		      &q, NULL);
	fh_bind_int64(q, 1, desk);
	if (fh_step(q) == FH_ROW)
		count = fh_column_int(q, 0);
	fh_reset(q);
	for (int i = 0; i < N; i++) {
		int64_t from = today + (int64_t)(i % 30) * 86400;
		double a = now_ms();
		fh_allocation_check(s, desk, from, from + 365 * 86400, 1, NULL);
		ms[i] = now_ms() - a;
		a = now_ms();
		fh_store_stmt(s,
			      "SELECT count(*), sum(seats) FROM allocations NOT INDEXED WHERE space_id = ?1"
			      " AND end_on >= ?2 AND start_on <= ?3",
			      &q, NULL);
		fh_bind_int64(q, 1, desk);
		fh_bind_int64(q, 2, from);
		fh_bind_int64(q, 3, from + 365 * 86400);
		fh_step(q);
		fh_reset(q);
		anchor[i] = now_ms() - a;
	}
	char what[200];
	snprintf(what, sizeof what, "allocation check, a desk area for a year (%d allocations in its hub)", count);
	median_line(what, ms, N, "its allocations read without the index", anchor);
	int booked = 0;
	fh_store_stmt(s, "SELECT count(*) FROM bookings", &q, NULL);
	if (fh_step(q) == FH_ROW)
		booked = fh_column_int(q, 0);
	fh_reset(q);
	for (int i = 0; i < N && nrooms; i++) {
		/* an hour in the past (taken) or the future (free), half each */
		int64_t start = today + (i % 2 ? -(int64_t)(1 + i) * 86400 : (int64_t)(1 + i) * 86400) + 10 * 3600;
		int64_t room = rooms[i % nrooms];
		double a = now_ms();
		fh_booking_conflict(s, room, start, start + 3600, 0, NULL, NULL);
		ms[i] = now_ms() - a;
		a = now_ms();
		fh_store_stmt(s,
			      "SELECT count(*) FROM bookings NOT INDEXED WHERE space_id = ?1"
			      " AND state IN ('pending','confirmed') AND starts < ?3 AND ends > ?2",
			      &q, NULL);
		fh_bind_int64(q, 1, room);
		fh_bind_int64(q, 2, start);
		fh_bind_int64(q, 3, start + 3600);
		fh_step(q);
		fh_reset(q);
		anchor[i] = now_ms() - a;
	}
	snprintf(what, sizeof what, "booking conflict check, one room hour (%d bookings)", booked);
	median_line(what, ms, N, "the room's bookings read without the index", anchor);
	for (int i = 0; i < N; i++) {
		fh_occupancy *o;
		size_t n;
		double a = now_ms();
		fh_occupancy_report(s, admin, NULL, 0, true, &o, &n, &err);
		ms[i] = now_ms() - a;
		free(o);
		a = now_ms();
		fh_store_stmt(s,
			      "SELECT sp.hub_id, sum(a.seats) FROM allocations a NOT INDEXED JOIN spaces sp"
			      " ON sp.id = a.space_id WHERE a.start_on <= ?1 AND a.end_on >= ?1 GROUP BY 1",
			      &q, NULL);
		fh_bind_int64(q, 1, today);
		while (fh_step(q) == FH_ROW)
			;
		fh_reset(q);
		anchor[i] = now_ms() - a;
	}
	snprintf(what, sizeof what, "occupancy report, whole tree rolled up (%d tenants, %d allocations)", tenants,
		 count);
	median_line(what, ms, N, "seats in use per hub from every allocation", anchor);
	/* the Spaces screen on open for the district (what reload reads) */
	for (int i = 0; i < N; i++) {
		fh_space *sp;
		fh_allocation *al;
		fh_room_use *u;
		fh_booking *b;
		size_t n1, n2, n3, n4;
		fh_allocation_filter f = { .which = FH_ALLOC_CURRENT, .hub_code = "ja" };
		fh_booking_filter bf = { .hub_code = "ja", .from = today, .to = today + 86400 };
		double a = now_ms();
		fh_space_list(s, admin, NULL, 0, &sp, &n1, &err);
		free(sp);
		fh_space_list(s, admin, "ja", 0, &sp, &n1, &err);
		fh_allocation_list(s, admin, &f, &al, &n2, &err);
		fh_booking_use(s, admin, "ja", today, &u, &n3, &err);
		fh_booking_list(s, admin, &bf, &b, &n4, &err);
		ms[i] = now_ms() - a;
		free(sp), free(al), free(u), free(b);
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("Spaces screen on open, a district (spaces, allocations, rooms' week, the day's bookings):"
	       " median %.2f ms, p95 %.2f ms\n",
	       ms[N / 2], ms[N * 95 / 100]);
}

/* Mentoring: the standing overdue list of the whole tree and a tenant's
 * timeline, beside the same overdue rows read without the index. */
static void mentoring_bench(fh_store *s, const fh_actor *admin)
{
	enum { N = 100 };
	double ms[N], anchor[N];
	fh_error err;
	fh_stmt *q;
	int milestones = 0, total = 0;
	fh_store_stmt(s, "SELECT count(*) FROM milestones", &q, NULL);
	if (fh_step(q) == FH_ROW)
		milestones = fh_column_int(q, 0);
	fh_reset(q);
	int64_t today = fh_clock_day(fh_clock_now());
	for (int i = 0; i < N; i++) {
		fh_due *rows;
		size_t n;
		double a = now_ms();
		fh_milestone_due(s, admin, NULL, true, 0, 500, &rows, &n, &total, &err);
		ms[i] = now_ms() - a;
		free(rows);
		a = now_ms();
		fh_store_stmt(
			s,
			"SELECT m.id FROM milestones m NOT INDEXED JOIN tenants t ON t.id = m.tenant_id"
			" WHERE m.state = 'pending' AND t.stage = 'incubating' AND m.due < ?1 ORDER BY m.due LIMIT 500",
			&q, NULL);
		fh_bind_int64(q, 1, today);
		while (fh_step(q) == FH_ROW)
			;
		fh_reset(q);
		anchor[i] = now_ms() - a;
	}
	char what[200];
	snprintf(what, sizeof what, "overdue list, whole tree, first 500 of %d (%d milestones)", total, milestones);
	median_line(what, ms, N, "the same rows without the index", anchor);
	/* a tenant's timeline: the record, its milestones, its sessions */
	int64_t ids[N];
	int nt = 0;
	fh_store_stmt(s, "SELECT tenant_id FROM sessions GROUP BY 1 ORDER BY 1 LIMIT 100", &q, NULL);
	while (nt < N && fh_step(q) == FH_ROW)
		ids[nt++] = fh_column_int64(q, 0);
	fh_reset(q);
	for (int i = 0; i < nt; i++) {
		fh_tenant t;
		fh_milestone *m;
		fh_session *x;
		size_t nm, nx;
		double a = now_ms();
		fh_tenant_get_by_id(s, admin, ids[i], &t, &err);
		fh_milestone_list(s, admin, ids[i], &m, &nm, &err);
		fh_session_list(s, admin, 0, ids[i], 0, 0, &x, &nx, &err);
		ms[i] = now_ms() - a;
		free(m), free(x);
	}
	if (nt) {
		qsort(ms, (size_t)nt, sizeof ms[0], cmp);
		printf("a tenant's timeline (record, milestones, sessions; %d tenants with sessions): median %.2f ms,"
		       " p95 %.2f ms\n",
		       nt, ms[nt / 2], ms[nt * 95 / 100]);
	}
}

/* The dashboard's parts, and what it reads after a login, all of it. */
/* One reading of what the dashboard shows after a login (figures, hub tree,
 * activity; and what waits for a decision, as a manager's does), in ms. */
static double dashboard_once(fh_store *s, const fh_actor *who, bool waiting)
{
	fh_dashboard d;
	fh_waiting w;
	fh_hub *hubs;
	fh_audit_row *rows;
	size_t nh, na;
	fh_error err;
	double b = now_ms();
	fh_report_dashboard(s, who, &d, &err);
	if (waiting)
		fh_report_waiting(s, who, &d, &w, &err);
	fh_hub_list(s, who, &hubs, &nh, &err);
	fh_audit_recent(s, who, 40, &rows, &na, &err);
	double ms = now_ms() - b;
	free(hubs);
	free(rows);
	return ms;
}

static void dashboard_bench(fh_store *s, const fh_actor *admin, int tenants)
{
	fh_error err;
	enum { N = 200 };
	double ms[N];
	for (int i = 0; i < N; i++) {
		fh_dashboard d;
		double a = now_ms();
		fh_report_dashboard(s, admin, &d, &err);
		ms[i] = now_ms() - a;
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("dashboard figures (city scope, %d tenants): median %.2f ms, p95 %.2f ms\n", tenants, ms[N / 2],
	       ms[N * 95 / 100]);
	for (int i = 0; i < N; i++) {
		fh_hub *rows;
		size_t n;
		double a = now_ms();
		fh_hub_list(s, admin, &rows, &n, &err);
		ms[i] = now_ms() - a;
		free(rows);
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("hub tree with counts: median %.2f ms, p95 %.2f ms\n", ms[N / 2], ms[N * 95 / 100]);
	for (int i = 0; i < N; i++) {
		fh_audit_row *rows;
		size_t n;
		double a = now_ms();
		fh_audit_recent(s, admin, 40, &rows, &n, &err);
		ms[i] = now_ms() - a;
		free(rows);
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("recent activity (40 rows): median %.2f ms, p95 %.2f ms\n", ms[N / 2], ms[N * 95 / 100]);
	/* what the dashboard reads after a login, all of it */
	for (int i = 0; i < N; i++)
		ms[i] = dashboard_once(s, admin, false);
	qsort(ms, N, sizeof ms[0], cmp);
	printf("dashboard after login, city administrator (figures, hub tree, activity): median %.2f ms,"
	       " p95 %.2f ms\n",
	       ms[N / 2], ms[N * 95 / 100]);
	figure("dashboard_login_p95_ms", ms[N * 95 / 100]);
	/* a manager's dashboard also reads what waits for a decision (the
	 * modules' lists: bookings pending, handovers overdue, sync gaps, those
	 * past their planned end) */
	for (int i = 0; i < N; i++)
		ms[i] = dashboard_once(s, admin, true);
	qsort(ms, N, sizeof ms[0], cmp);
	printf("… with what waits for a decision (a manager's dashboard): median %.2f ms, p95 %.2f ms\n", ms[N / 2],
	       ms[N * 95 / 100]);
	figure("dashboard_waiting_p95_ms", ms[N * 95 / 100]);
}

/* The demo's anchor: the same demo on one core, into another file. */
static void demo_one_core(const fh_config *cfg, const char *path, int tenants, double ms)
{
	char other[600];
	snprintf(other, sizeof other, "%s.one", path);
	unlink(other);
	fh_store *s;
	fh_error err;
	fh_demo_options opt = { .tenants = tenants, .seed = 1, .one_core = true };
	double t0 = now_ms();
	fh_status st = fh_store_create(other, &s, &err);
	if (st == FH_OK) {
		t0 = now_ms();
		st = fh_demo_generate(s, cfg, &opt, &err);
		fh_store_close(&s);
	}
	double one = now_ms() - t0;
	static const char *const ends[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		char f[620];
		snprintf(f, sizeof f, "%s%s", other, ends[i]);
		unlink(f);
	}
	if (st != FH_OK) {
		printf("anchor, the same demo on one core: %s\n", err.message);
		return;
	}
	printf("anchor, the same demo on one core: %.0f ms; the demo took %.2f of that\n", one, ms / one);
	figure("demo_one_core_s", one / 1000);
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0); /* each figure as soon as it is measured */
	/* as the demo and import commands (fh_cli_bulk_memory) */
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	const char *path = argc > 1 ? argv[1] : "/tmp/fuhua-bench.db";
	int tenants = argc > 2 ? atoi(argv[2]) : 100000;
	ntenants = tenants > 0 ? tenants : 1;
	fh_error err;
	fh_config *cfg;
	fh_store *s;
	/* FUHUA_BENCH_REUSE=1: measure a database made before (by `fuhua demo
	 * --tenants N`), for working on one figure without generating again */
	bool reuse = getenv("FUHUA_BENCH_REUSE") && access(path, F_OK) == 0;
	if (!reuse)
		unlink(path);
	if (fh_config_load("fixtures/config", &cfg, &err) != FH_OK ||
	    (reuse ? fh_store_open(path, &s, &err) : fh_store_create(path, &s, &err)) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	double t0 = now_ms();
	fh_demo_options opt = { .tenants = tenants, .seed = 1 };
	if (!reuse && fh_demo_generate(s, cfg, &opt, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	if (!reuse) {
		double ms = now_ms() - t0;
		printf("demo: %d tenants generated in %.0f ms\n", tenants, ms);
		figure("demo_s", ms / 1000);
		demo_one_core(cfg, path, tenants, ms);
	}
	fh_actor admin;
	fh_actor_system(s, "bench", &admin, &err);
	/* FUHUA_BENCH_ONLY=jobs: the long jobs' figures alone (with REUSE);
	 * =speed: their speed alone, not the waits beside them */
	const char *only = getenv("FUHUA_BENCH_ONLY");
	if (only && strcmp(only, "outcomes") == 0) { /* =outcomes: the figures of issue 23 alone */
		outcomes_bench(s, &admin, path);
		fh_store_close(&s);
		fh_config_free(&cfg);
		return 0;
	}
	if (only && (strcmp(only, "jobs") == 0 || strcmp(only, "speed") == 0) && argc > 3) {
		jobs_bench(s, path, argv[3]);
		fh_store_close(&s);
		fh_config_free(&cfg);
		return 0;
	}
	fh_store_cache_kib(s, 256); /* the dashboard's figures as the interface reads them */
	dashboard_bench(s, &admin, tenants);
	/* FUHUA_BENCH_SCALE: the figures of the growth table only */
	const char *scale_env = getenv("FUHUA_BENCH_SCALE");
	bool scale = scale_env && *scale_env;
	/* the screens' figures with the interface's page cache (256 KiB) */
	fh_store_cache_kib(s, 256);
	foreign_write_bench(s, &admin, path);
	list_bench(s, &admin);
	search_bench(s, &admin);
	fh_store_cache_kib(s, 0);
	if (!scale) {
		party_bench(s, &admin, tenants);
		space_bench(s, &admin, tenants);
		mentoring_bench(s, &admin);
		outcomes_bench(s, &admin, path);
	}
	double a = now_ms();
	int v0 = (int)fh_store_data_version(s);
	for (int i = 0; i < 1000; i++)
		v0 += (int)fh_store_data_version(s);
	printf("data_version poll: %.1f µs each\n", (now_ms() - a) * 1000 / 1000 + 0 * v0);
	if (argc > 3 && !scale)
		tenants_bench(s, &admin, path, argv[3]);
	if (argc > 3)
		rss_bench(path, argv[3]);
	if (argc > 3)
		jobs_bench(s, path, argv[3]);
	fh_store_close(&s);
	fh_config_free(&cfg);
	return 0;
}
