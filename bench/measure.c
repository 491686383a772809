/* fuhua bench — the measures every bench file shares: the clock, a
 * statement timed, medians and p95 beside an anchor, the figures the growth
 * table reads, the list screen's first page. */
#include "measure.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fuhua/hub.h"
#include "../core/store_sqlite.h"

double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int ntenants = 100000;

void report(const char *what, double *ms, int n)
{
	qsort(ms, (size_t)n, sizeof ms[0], cmp);
	printf("%s: median %.2f ms, p95 %.2f ms, max %.2f ms (%d runs)\n", what, ms[n / 2], ms[n * 95 / 100], ms[n - 1],
	       n);
}

double sql_ms(fh_store *s, const char *sql)
{
	double t = now_ms();
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(fh_store_db(s), sql, -1, &q, NULL) == SQLITE_OK) {
		while (sqlite3_step(q) == SQLITE_ROW)
			;
		sqlite3_finalize(q);
	}
	return now_ms() - t;
}

/* A figure for the growth table bench/run.sh prints (FUHUA_BENCH_SCALE). */
void figure(const char *key, double value)
{
	printf("FIGURE %s %.2f\n", key, value);
}

/* The list screen's first page as tui/screen/list.c reads it: 22 rows and one to
 * tell whether a page follows, then the count — unless none follows, when
 * the page is the count. */
double first_page(fh_store *s, const fh_actor *a, const fh_tenant_filter *f)
{
	fh_tenant_row rows[23];
	size_t n;
	int c;
	bool more;
	fh_error err;
	double t = now_ms();
	if (fh_tenant_page(s, a, f, NULL, false, rows, 23, &n, &err) != FH_OK ||
	    (n == 23 && fh_tenant_count(s, a, f, 999, &c, &more, &err) != FH_OK)) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	return now_ms() - t;
}

/* Times `what` N times; the median and p95 printed beside an anchor. */
void median_line(const char *what, double *ms, int n, const char *anchor_what, double *anchor)
{
	qsort(ms, (size_t)n, sizeof ms[0], cmp);
	qsort(anchor, (size_t)n, sizeof anchor[0], cmp);
	printf("%s: median %.3f ms, p95 %.3f ms; anchor, %s: median %.3f ms\n", what, ms[n / 2], ms[n * 95 / 100],
	       anchor_what, anchor[n / 2]);
}

int64_t hub_id(fh_store *s, const fh_actor *admin, const char *code)
{
	fh_hub h;
	fh_error err;
	return fh_hub_get(s, admin, code, &h, &err) == FH_OK ? h.id : 0;
}

double p95(double *ms, int n)
{
	qsort(ms, (size_t)n, sizeof ms[0], cmp);
	return ms[n * 95 / 100];
}
