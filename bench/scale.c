/* fuhua bench — flat at a million (issue 12): the dashboard's cost of
 * another session's write, every filtered list, each kind of search
 * keystroke, memory on every screen. Each figure beside its anchor; the
 * "FIGURE key value" lines feed the growth table bench/run.sh prints when
 * FUHUA_BENCH_SCALE is set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fuhua/audit.h"
#include "fuhua/demo.h"
#include "fuhua/hub.h"
#include "fuhua/report.h"
#include "../core/store_sqlite.h"
#include "measure.h"

static double cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* What an idle dashboard does when another session has written: the
 * figures, the hub tree and the activity read again. */
static void dashboard_reload(fh_store *s, const fh_actor *a)
{
	fh_dashboard d;
	fh_hub *hubs;
	fh_audit_row *rows;
	size_t nh, na;
	fh_error err;
	if (fh_report_dashboard(s, a, &d, &err) != FH_OK || fh_hub_list(s, a, &hubs, &nh, &err) != FH_OK ||
	    fh_audit_recent(s, a, 40, &rows, &na, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	free(hubs);
	free(rows);
}

void foreign_write_bench(fh_store *s, const fh_actor *admin, const char *path)
{
	enum { N = 40 };
	double ms[N], anchor[N];
	fh_store *other;
	fh_actor sys;
	fh_error err;
	if (fh_store_open(path, &other, &err) != FH_OK || fh_actor_system(other, "bench", &sys, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	for (int i = 0; i < N; i++) {
		/* another session writes: a tenant's note */
		fh_tenant t;
		if (fh_tenant_get_by_id(other, &sys, 1 + (i * 7919) % ntenants, &t, &err) == FH_OK) {
			snprintf(t.notes, sizeof t.notes, "bench %d", i);
			fh_tenant_update(other, &sys, &t, NULL, &err);
		}
		int64_t v = fh_store_data_version(s);
		double c = cpu_ms();
		(void)v;
		dashboard_reload(s, admin);
		ms[i] = cpu_ms() - c;
		/* the anchor: the figures counted from the rows, as before issue 12 */
		anchor[i] = sql_ms(s, "SELECT stage, count(*) FROM tenants GROUP BY stage");
	}
	fh_store_close(&other);
	median_line("CPU of an idle city dashboard per write by another session (figures, hub tree, activity)", ms, N,
		    "tenants by stage counted from the rows", anchor);
	figure("foreign_write_cpu_ms", p95(ms, N));
}

void list_bench(fh_store *s, const fh_actor *admin)
{
	fh_actor mgr, street;
	fh_error err;
	if (fh_operator_login(s, "zhuren", FH_DEMO_PASSWORD, "bench", &mgr, &err) != FH_OK ||
	    fh_operator_login(s, "jiedao", FH_DEMO_PASSWORD, "bench", &street, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	const fh_actor *who[] = { admin, &mgr, &street };
	static const char *const fields[] = { "", "环保", "为老服务" };
	int64_t hubs[] = { 0, hub_id(s, admin, "ja"), hub_id(s, admin, "ja-pp") };
	enum { MAX = 6000 };
	static double ms[MAX], anchor[MAX];
	int n = 0, na = 0;
	for (int w = 0; w < 3; w++)
		for (int h = 0; h < 3; h++) {
			if (w > 0 && h > 0)
				continue; /* managers: their own scope */
			for (int stage = -1; stage < FH_STAGE_COUNT; stage++)
				for (int type = -1; type < FH_ORG_TYPE_COUNT; type++)
					for (int fl = 0; fl < 3; fl++)
						for (int sort = 0; sort < FH_SORT_COUNT && n < MAX; sort++) {
							fh_tenant_filter f;
							fh_tenant_filter_init(&f);
							f.hub_id = hubs[h];
							f.stage = stage;
							f.org_type = type;
							f.sort = (fh_tenant_sort)sort;
							snprintf(f.field, sizeof f.field, "%s", fields[fl]);
							ms[n++] = first_page(s, who[w], &f);
							if (getenv("FUHUA_BENCH_SLOW") && ms[n - 1] > 5)
								printf("  slow: who %d hub %d stage %d type %d field %d sort %d: %.1f ms\n",
								       w, h, stage, type, fl, sort, ms[n - 1]);
							if (sort == 0 && w == 0 && h == 0 && na < MAX) {
								char sql[300];
								snprintf(
									sql, sizeof sql,
									"SELECT count(*) FROM tenants WHERE (%d < 0 OR stage = '%s')"
									" AND (%d < 0 OR org_type = '%s') AND ('%s' = '' OR field = '%s')",
									stage,
									stage < 0 ? "" : fh_stage_name((fh_stage)stage),
									type,
									type < 0 ? ""
										 : fh_org_type_name((fh_org_type)type),
									fields[fl], fields[fl]);
								anchor[na++] = sql_ms(s, sql);
							}
						}
		}
	char what[200];
	snprintf(what, sizeof what,
		 "filtered list, first page + exact count, %d combinations of stage × type ×"
		 " field × hub × sort × operator",
		 n);
	double a95 = p95(anchor, na), m95 = p95(ms, n);
	printf("%s: p95 %.2f ms, max %.2f ms; anchor, the count from the rows: p95 %.2f ms\n", what, m95, ms[n - 1],
	       a95);
	figure("list_p95_ms", m95);
}

/* Search as you type, per keystroke (page + count), in the kinds the issue
 * names, each with its p95. */
static void search_kind(fh_store *s, const fh_actor *a, const char *what, const char *key, const char *const *typed,
			int ntyped)
{
	static double ms[2000];
	int k = 0;
	for (int rep = 0; rep < 5; rep++)
		for (int i = 0; i < ntyped; i++) {
			const char *q = typed[i];
			size_t len = strlen(q);
			for (size_t j = 1; j <= len && k < 2000; j++) {
				if (j < len && ((unsigned char)q[j] & 0xC0) == 0x80)
					continue; /* whole characters only */
				fh_tenant_filter f;
				fh_tenant_filter_init(&f);
				snprintf(f.search, sizeof f.search, "%.*s", (int)j, q);
				ms[k++] = first_page(s, a, &f);
				if (rep == 0 && getenv("FUHUA_BENCH_SLOW") && ms[k - 1] > 5)
					printf("  slow: \"%s\" %.1f ms\n", f.search, ms[k - 1]);
			}
		}
	double m95 = p95(ms, k);
	printf("search keystroke, %s: median %.2f ms, p95 %.2f ms, max %.2f ms (%d keystrokes)\n", what, ms[k / 2], m95,
	       ms[k - 1], k);
	figure(key, m95);
}

void search_bench(fh_store *s, const fh_actor *admin)
{
	fh_actor street;
	fh_error err;
	if (fh_operator_login(s, "jiedao", FH_DEMO_PASSWORD, "bench", &street, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	static const char *const usual[] = { "静安青凤", "jaqf", "闵行春晖", "mxch",     "心桥",   "王伟", "李晖",
					     "13812",    "021",  "5231010",  "乐龄为老", "向日葵", "gyfl", "服务" };
	static const char *const none[] = { "龘靐", "qqqq", "zzx", "9999999999", "@#", "x" };
	static const char *const short_ascii[] = { "j", "ja", "1", "13", "z", "zq", "5", "53", "q", "ab" };
	static const char *const elsewhere[] = { "闵行春晖", "闵行", "闵行乐龄", "闵行阳光居家" };
	search_kind(s, admin, "what a front desk types (city)", "search_usual_city_p95_ms", usual, 14);
	search_kind(s, &street, "what a front desk types (street manager)", "search_usual_street_p95_ms", usual, 14);
	search_kind(s, admin, "matching nothing", "search_none_p95_ms", none, 6);
	search_kind(s, admin, "1–2 characters, not Chinese", "search_short_ascii_p95_ms", short_ascii, 10);
	search_kind(s, &street, "Chinese names only in other districts, by a street manager", "search_elsewhere_p95_ms",
		    elsewhere, 4);
	/* the anchor: a substring scan of the search text, in SQL */
	double a = sql_ms(s, "SELECT count(*) FROM tenant_search WHERE instr(hay, 'zq') > 0");
	printf("search anchor: a scan of every tenant's search text for 'zq': %.1f ms\n", a);
}

/* The program's resident memory on every screen: log in, each screen in
 * turn (the list paged and searched), its VmRSS there; and the peak. */
/* Runs `bin a1 a2` as the screen tests run fuhua: xterm, 120x50, output to
 * /dev/null, a script when one is given; its exit status. */
static int at_120x50(const char *script, const char *bin, const char *a1, const char *a2)
{
	fflush(stdout); /* the child must not print our buffer again */
	pid_t pid = fork();
	if (pid == 0) {
		if (script)
			setenv("FUHUA_SCRIPT", script, 1);
		setenv("TERM", "xterm", 1);
		setenv("COLUMNS", "120", 1);
		setenv("LINES", "50", 1);
		freopen("/dev/null", "w", stdout);
		freopen("/dev/null", "w", stderr);
		execl(bin, bin, a1, a2, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	waitpid(pid, &status, 0);
	return status;
}

void rss_bench(const char *path, const char *bin)
{
	static const char *const screens[] = { "dashboard", "tenants", "party", "spaces", "mentoring", "reports" };
	char script[512];
	snprintf(script, sizeof script, "%s.script", path);
	FILE *sf = fopen(script, "w");
	if (!sf)
		return;
	fprintf(sf,
		"zhuren<Enter>demo1234<Enter>\n:rss %s.rss0\n"
		"<F2><PgDn><PgDn><PgDn><End><Home>/jaqf\n<Esc>\n:rss %s.rss1\n"
		"<F3>\n:rss %s.rss2\n<F4>\n:rss %s.rss3\n<F5>\n:rss %s.rss4\n<F6>\n:rss %s.rss5\nQ\n",
		path, path, path, path, path, path);
	fclose(sf);
	int status = at_120x50(script, bin, "--db", path);
	long worst = 0, hwm = 0;
	printf("resident memory of fuhua (120x50, %d tenants), each screen:", ntenants);
	for (int i = 0; i < 6; i++) {
		char rss[600], line[256];
		snprintf(rss, sizeof rss, "%s.rss%d", path, i);
		FILE *rf = fopen(rss, "r");
		long now_kb = 0;
		while (rf && fgets(line, sizeof line, rf)) {
			sscanf(line, "VmRSS: %ld", &now_kb);
			sscanf(line, "VmHWM: %ld", &hwm);
		}
		if (rf)
			fclose(rf);
		unlink(rss);
		printf(" %s %.1f MB", screens[i], now_kb / 1024.0);
		worst = now_kb > worst ? now_kb : worst;
	}
	printf("; the most %.1f MB; the peak so far, login's yescrypt included: %.1f MB (exit %d)\n", worst / 1024.0,
	       hwm / 1024.0, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	figure("rss_mb", worst / 1024.0);
	unlink(script);
	/* the anchor: ncursesw alone (bench/bare.c), beside fuhua's own binary */
	char bare[600], out[600];
	snprintf(bare, sizeof bare, "%.*sbench/bare", (int)(strrchr(bin, '/') ? strrchr(bin, '/') - bin + 1 : 0), bin);
	snprintf(out, sizeof out, "%s.bare", path);
	status = at_120x50(NULL, bare, out, NULL);
	FILE *rf = fopen(out, "r");
	char line[256];
	long bare_kb = 0;
	while (rf && fgets(line, sizeof line, rf))
		sscanf(line, "VmRSS: %ld", &bare_kb);
	if (rf)
		fclose(rf);
	unlink(out);
	printf("anchor, a bare ncursesw program filling the same 120x50 screen with Chinese text: %.1f MB (exit %d)\n",
	       bare_kb / 1024.0, WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}
