/* fuhua bench — the outcomes (issue 23): a hub's month of activity totals,
 * the city's rolled up, every outcome list's first page, each beside the
 * same figure counted from the rows in one query; and an import of 100 000
 * activities beside a raw load of the same file by the sqlite3 shell. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuhua/activity.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/course.h"
#include "fuhua/followup.h"
#include "fuhua/import.h"
#include "fuhua/inspection.h"
#include "fuhua/meeting.h"
#include "fuhua/project.h"
#include "fuhua/rating.h"
#include "fuhua/sheet.h"
#include "../core/store_sqlite.h"
#include "bench.h"
#include "measure.h"

enum { N = 60 };

/* What one list read costs: a figure of each of N runs in ms. */
typedef void (*reading)(fh_store *s, const fh_actor *a, void *ctx);

static void measure(const char *what, const char *key, fh_store *s, const fh_actor *a, reading fn, void *ctx)
{
	double ms[N];
	for (int i = 0; i < N; i++) {
		double t = now_ms();
		fn(s, a, ctx);
		ms[i] = now_ms() - t;
	}
	report(what, ms, N);
	if (key)
		figure(key, p95(ms, N));
}

struct month {
	int year, month;
	const char *hub;
	enum fh_activity_by by;
};

static void month_totals(fh_store *s, const fh_actor *a, void *ctx)
{
	struct month *m = ctx;
	fh_activity_total *rows;
	size_t n;
	fh_error err;
	if (fh_activity_totals(s, a, m->hub, m->year, m->month, m->by, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

static void activity_page(fh_store *s, const fh_actor *a, void *ctx)
{
	fh_activity_filter f = { .hub_code = ctx, .limit = 50 };
	fh_activity *rows;
	size_t n;
	fh_error err;
	if (fh_activity_list(s, a, &f, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

static void project_page(fh_store *s, const fh_actor *a, void *ctx)
{
	fh_project_filter f = { .hub_code = NULL, .kind = -1, .state = -1, .limit = 50, .due = *(int *)ctx };
	fh_project *rows;
	size_t n;
	fh_error err;
	if (fh_project_list(s, a, &f, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

static void project_totals(fh_store *s, const fh_actor *a, void *ctx)
{
	fh_project_total *rows;
	size_t n;
	fh_error err;
	if (fh_project_totals(s, a, NULL, *(int *)ctx, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

static void course_page(fh_store *s, const fh_actor *a, void *ctx)
{
	(void)ctx;
	fh_course *rows;
	size_t n;
	fh_error err;
	if (fh_course_list(s, a, NULL, fh_clock_add_months(fh_clock_now(), -12), 0, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

static void followup_page(fh_store *s, const fh_actor *a, void *ctx)
{
	(void)ctx;
	fh_followup *rows;
	size_t n;
	fh_error err;
	if (fh_followup_list(s, a, NULL, 0, 0, 500, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

/* The screen's first page of the branches behind today (kept), or, for
 * the anchor, behind yesterday (counted from the meetings held). */
static void behind_on(fh_store *s, const fh_actor *a, const char *hub, int64_t at)
{
	fh_meeting_behind *rows;
	size_t n;
	fh_error err;
	if (fh_meeting_behind_list(s, a, hub, at, 500, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

static void meetings_behind(fh_store *s, const fh_actor *a, void *ctx)
{
	behind_on(s, a, ctx, 0);
}

static void meetings_behind_counted(fh_store *s, const fh_actor *a, void *ctx)
{
	behind_on(s, a, ctx, fh_clock_day(fh_clock_now()) - 86400);
}

static void monthly_report(fh_store *s, const fh_actor *a, void *ctx)
{
	const struct month *m = ctx;
	fh_report_doc d;
	fh_error err;
	if (fh_report_build(s, a, FH_REPORT_MONTHLY, m->hub, m->year, m->month, &d, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	else
		fh_report_doc_free(&d);
}

static void inspection_rates(fh_store *s, const fh_actor *a, void *ctx)
{
	fh_inspection_total *rows;
	size_t n;
	fh_error err;
	if (fh_inspection_totals(s, a, NULL, *(int *)ctx, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

static void ratings_expiring(fh_store *s, const fh_actor *a, void *ctx)
{
	(void)ctx;
	fh_rating *rows;
	size_t n;
	fh_error err;
	if (fh_rating_expiring(s, a, NULL, 0, 500, &rows, &n, &err) != FH_OK)
		fprintf(stderr, "bench: %s\n", err.message);
	free(rows);
}

/* The anchor: a month of one hub or of them all, counted from the rows. */
static double counted(fh_store *s, const char *hub, int64_t from, int64_t to)
{
	char sql[600];
	snprintf(
		sql, sizeof sql,
		"SELECT count(*), sum(served), sum(volunteers) FROM activities WHERE on_day >= %lld AND on_day < %lld%s%s%s",
		(long long)from, (long long)to, hub ? " AND hub_id = (SELECT id FROM hubs WHERE code = '" : "",
		hub ? hub : "", hub ? "')" : "");
	return sql_ms(s, sql);
}

/* 100 000 activities of the tenants in incubation, over the last year, as
 * a month's spreadsheets put together: the CSV text into b. */
static void activity_csv(fh_store *s, fh_buf *b, int rows)
{
	static const char *const kinds[] = { "服务", "活动", "志愿服务", "党建活动" };
	static const char *const titles[] = { "社区义诊", "敬老探访", "亲子阅读", "法律咨询", "环保宣传", "健康讲座" };
	sqlite3_stmt *q;
	int64_t *ids = NULL, *since = NULL;
	size_t n = 0, cap = 0;
	sqlite3_prepare_v2(fh_store_db(s), "SELECT id, admitted_on FROM tenants WHERE stage = 'incubating' ORDER BY id",
			   -1, &q, NULL);
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			ids = realloc(ids, cap * sizeof *ids);
			since = realloc(since, cap * sizeof *since);
		}
		ids[n] = sqlite3_column_int64(q, 0);
		since[n++] = sqlite3_column_int64(q, 1);
	}
	sqlite3_finalize(q);
	fh_buf_puts(b, "日期,机构,活动名称,类型,服务人次,志愿者,志愿时长\n");
	int64_t today = fh_clock_day(fh_clock_now());
	uint64_t r = 88172645463325252ULL;
	for (int i = 0; i < rows && n; i++) {
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		size_t k = r % n;
		int64_t from =
			fh_clock_day(since[k]) > today - 365 * 86400 ? fh_clock_day(since[k]) : today - 365 * 86400;
		int64_t day = from + (int64_t)((r >> 20) % (uint64_t)((today - from) / 86400 + 1)) * 86400;
		char d[16];
		int vols = (int)(r >> 40) % 6;
		/* a title per row of its own: no row repeats another (same tenant, day and title) */
		fh_buf_printf(b, "%s,%lld,%s%d,%s,%d,%d,%d\n", fh_clock_format_date(day, d, sizeof d),
			      (long long)ids[k], titles[(r >> 8) % 6], i, kinds[(r >> 12) % 4],
			      10 + (int)((r >> 30) % 100), vols, vols * 2);
	}
	free(ids);
	free(since);
}

/* The import through the module against the sqlite3 shell loading the
 * same file into the same tables (a copy of the database made before):
 * .import into a table, then one INSERT … SELECT with the tenants' hubs,
 * the days and kinds converted, and the kept totals in one GROUP BY. */
static void import_bench(fh_store *s, const fh_actor *a, const char *path)
{
	fh_buf csv = FH_BUF_INIT;
	activity_csv(s, &csv, 100000);
	char file[600], copy[600], cmd[3000];
	snprintf(file, sizeof file, "%s.activities.csv", path);
	snprintf(copy, sizeof copy, "%s.raw", path);
	FILE *f = fopen(file, "w");
	fwrite(csv.data, 1, csv.len, f);
	fclose(f);
	sqlite3_exec(fh_store_db(s), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", path, copy);
	if (system(cmd) != 0)
		return;
	fh_import_options opt = { .source = "bench.csv" };
	fh_import_result res;
	fh_error err;
	double t = now_ms();
	fh_status st = fh_activity_import(s, a, csv.data, csv.len, &opt, &res, &err);
	double took = now_ms() - t;
	if (st != FH_OK)
		printf("activity import FAILED: %s (%zu problems; line %zu: %s)\n", err.message, res.nproblems,
		       res.nproblems ? res.problems[0].line : 0, res.nproblems ? res.problems[0].message : "");
	else
		printf("activity import of %zu rows (UTF-8, Chinese headings, every row checked): %.0f ms\n",
		       res.imported, took);
	fh_import_result_free(&res);
	/* the raw load of the same file */
	snprintf(
		cmd, sizeof cmd,
		"sqlite3 '%s' \".import --csv '%s' staging\" \""
		"BEGIN; CREATE TEMP TABLE k(name TEXT PRIMARY KEY, kind TEXT);"
		" INSERT INTO k VALUES('服务', 'service'), ('活动', 'event'), ('志愿服务', 'volunteering'), ('党建活动', 'party');"
		" INSERT INTO activities(hub_id, tenant_id, on_day, title, kind, place, served, volunteers,"
		" volunteer_tenths, created_at, created_by) SELECT t.hub_id, t.id, unixepoch(x.日期) - 28800, x.活动名称,"
		" k.kind, '', x.服务人次, x.志愿者, x.志愿时长 * 10, 0, 'raw' FROM staging x"
		" JOIN tenants t ON t.id = x.机构 JOIN k ON k.name = x.类型;"
		" INSERT INTO activity_tally SELECT hub_id, CAST(strftime('%%Y%%m', on_day, 'unixepoch', '+8 hours') AS INTEGER),"
		" count(*), sum(served), sum(volunteers), sum(volunteer_tenths) FROM activities WHERE created_by = 'raw'"
		" GROUP BY 1, 2 ON CONFLICT DO UPDATE SET activities = activities + excluded.activities;"
		" COMMIT;\" > /dev/null",
		copy, file);
	t = now_ms();
	int rc = system(cmd);
	double raw = now_ms() - t;
	printf("the same file loaded raw by the sqlite3 shell (.import, one INSERT … SELECT, the totals in one"
	       " GROUP BY; exit %d): %.0f ms; the import is %.2f× that\n",
	       rc, raw, took / raw);
	figure("activity_import_s", took / 1000);
	figure("activity_import_ratio", took / raw);
	unlink(copy);
	snprintf(cmd, sizeof cmd, "%s-wal", copy);
	unlink(cmd);
	snprintf(cmd, sizeof cmd, "%s-shm", copy);
	unlink(cmd);
	unlink(file);
	fh_buf_free(&csv);
}

void outcomes_bench(fh_store *s, const fh_actor *admin, const char *path)
{
	char d[16];
	fh_clock_format_date(fh_clock_now(), d, sizeof d);
	int year = atoi(d), month = atoi(d + 5), last = year - 1, any = FH_PROJECT_ANY, due = FH_PROJECT_EVALUATION_DUE;
	int64_t rows = 0;
	sqlite3_stmt *q;
	sqlite3_prepare_v2(fh_store_db(s), "SELECT count(*) FROM activities", -1, &q, NULL);
	if (sqlite3_step(q) == SQLITE_ROW)
		rows = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	printf("# outcomes: %lld activities, %d tenants\n", (long long)rows, ntenants);
	snprintf(d, sizeof d, "%04d-%02d-01", year, month);
	int64_t from = fh_date_epoch(d), to = fh_clock_add_months(from, 1);
	struct month street = { year, month, "ja-dn", FH_ACTIVITY_BY_HUB },
		     city = { year, month, NULL, FH_ACTIVITY_BY_HUB }, months = { year, 0, NULL, FH_ACTIVITY_BY_MONTH };
	measure("a street's month of activity totals", "oc_hub_month_p95_ms", s, admin, month_totals, &street);
	printf("  anchor: the same month counted from its activities: %.2f ms\n", counted(s, "ja-dn", from, to));
	measure("the city's month, a row per hub (rolled up by the caller)", "oc_city_month_p95_ms", s, admin,
		month_totals, &city);
	printf("  anchor: the city's month counted from its activities: %.2f ms\n", counted(s, NULL, from, to));
	measure("the city's year, a row per month", "oc_city_year_p95_ms", s, admin, month_totals, &months);
	measure("activities, first page, city", "oc_activity_page_city_p95_ms", s, admin, activity_page, NULL);
	measure("activities, first page, a street", "oc_activity_page_street_p95_ms", s, admin, activity_page,
		(void *)"ja-dn");
	measure("projects, first page, city", "oc_project_page_p95_ms", s, admin, project_page, &any);
	measure("projects waiting for their evaluation, city", "oc_project_due_p95_ms", s, admin, project_page, &due);
	measure("project totals of the year, city", "oc_project_totals_p95_ms", s, admin, project_totals, &year);
	char sql[400];
	snprintf(d, sizeof d, "%04d-01-01", year);
	int64_t year_start = fh_date_epoch(d);
	snprintf(sql, sizeof sql,
		 "SELECT hub_id, kind, state, count(*), sum(granted), sum(paid) FROM projects WHERE year = %d"
		 " GROUP BY 1, 2, 3",
		 year);
	printf("  anchor: the same counted from the projects: %.2f ms\n", sql_ms(s, sql));
	measure("courses of the last year, city", "oc_courses_p95_ms", s, admin, course_page, NULL);
	measure("follow-ups overdue, city", "oc_followups_p95_ms", s, admin, followup_page, NULL);
	measure("branches behind their meetings, a street", "oc_meetings_street_p95_ms", s, admin, meetings_behind,
		(void *)"ja-dn");
	measure("branches behind their meetings, city", "oc_meetings_city_p95_ms", s, admin, meetings_behind, NULL);
	double anchor[3];
	for (int i = 0; i < 3; i++) {
		double t = now_ms();
		meetings_behind_counted(s, admin, NULL);
		anchor[i] = now_ms() - t;
	}
	qsort(anchor, 3, sizeof anchor[0], cmp);
	printf("  anchor: the city's branches behind yesterday, counted from the meetings held: %.2f ms (median of 3)\n",
	       anchor[1]);
	measure("inspection rates of last year, city", "oc_inspections_p95_ms", s, admin, inspection_rates, &last);
	snprintf(sql, sizeof sql,
		 "SELECT t.hub_id, count(*), sum(x.result = 'passed') FROM tenants t LEFT JOIN inspections x"
		 " ON x.tenant_id = t.id AND x.year = %d WHERE t.reg_state = 'registered'"
		 " AND t.stage IN ('incubating', 'graduated') AND t.admitted_on < %lld GROUP BY 1",
		 last, (long long)year_start);
	printf("  anchor: the tenants due and their results counted from the rows: %.2f ms\n", sql_ms(s, sql));
	measure("ratings expiring, city", "oc_ratings_p95_ms", s, admin, ratings_expiring, NULL);
	measure("the city's monthly report (every hub and the total, nine sections)", "report_monthly_city_p95_ms", s,
		admin, monthly_report, &city);
	import_bench(s, admin, path);
}
