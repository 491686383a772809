/* fuhua bench — speed on generated data; prints figures, asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "fuhua/audit.h"
#include "fuhua/config.h"
#include "fuhua/demo.h"
#include "fuhua/hub.h"
#include "fuhua/operator.h"
#include "fuhua/report.h"
#include "fuhua/store.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/tmp/fuhua-bench.db";
	int tenants = argc > 2 ? atoi(argv[2]) : 100000;
	fh_error err;
	fh_config *cfg;
	fh_store *s;
	unlink(path);
	if (fh_config_load("fixtures/config", &cfg, &err) != FH_OK || fh_store_open(path, &s, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	double t0 = now_ms();
	fh_demo_options opt = { .tenants = tenants, .seed = 1 };
	if (fh_demo_generate(s, cfg, &opt, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		return 1;
	}
	printf("demo: %d tenants generated in %.0f ms\n", tenants, now_ms() - t0);
	fh_actor admin;
	fh_actor_system(s, "bench", &admin, &err);
	enum { N = 200 };
	double ms[N];
	for (int i = 0; i < N; i++) {
		fh_dashboard d;
		double a = now_ms();
		fh_report_dashboard(s, &admin, &d, &err);
		ms[i] = now_ms() - a;
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("dashboard figures (city scope, %d tenants): median %.2f ms, p95 %.2f ms\n", tenants,
	       ms[N / 2], ms[N * 95 / 100]);
	for (int i = 0; i < N; i++) {
		fh_hub *rows;
		size_t n;
		double a = now_ms();
		fh_hub_list(s, &admin, &rows, &n, &err);
		ms[i] = now_ms() - a;
		free(rows);
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("hub tree with counts: median %.2f ms, p95 %.2f ms\n", ms[N / 2], ms[N * 95 / 100]);
	for (int i = 0; i < N; i++) {
		fh_audit_row *rows;
		size_t n;
		double a = now_ms();
		fh_audit_recent(s, &admin, 40, &rows, &n, &err);
		ms[i] = now_ms() - a;
		free(rows);
	}
	qsort(ms, N, sizeof ms[0], cmp);
	printf("recent activity (40 rows): median %.2f ms, p95 %.2f ms\n", ms[N / 2], ms[N * 95 / 100]);
	double a = now_ms();
	int v0 = (int)fh_store_data_version(s);
	for (int i = 0; i < 1000; i++)
		v0 += (int)fh_store_data_version(s);
	printf("data_version poll: %.1f µs each\n", (now_ms() - a) * 1000 / 1000 + 0 * v0);
	fh_store_close(&s);
	fh_config_free(&cfg);
	return 0;
}
