/* fuhua bench — no long job blocks the others (issue 20): each long job runs
 * as the command it is, in a process of its own, while this process commits
 * a small write every 50 ms as a front desk would; the longest a write waited
 * (from BEGIN IMMEDIATE to its commit) is the figure, beside the same writes
 * with no job running (the anchor). The sleeps only pace the writer.
 * Then the jobs' own speed, each beside its anchor in the same run: remind
 * and tenant export against the sqlite3 shell listing the same rows, the
 * Party screen's re-elections and instructors against the queries that
 * counted them from every tenant before. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fuhua/party.h"
#include "../core/store_int.h"
#include "measure.h"

/* One small write of a front desk: a tenant's notes, in its own write
 * transaction. Its time in ms; the busy timeout (5 s) and more when the
 * database never let it in. */
static double one_write(fh_store *s, int64_t tenant, int i)
{
	double a = now_ms();
	fh_error err;
	fh_stmt *q;
	if (fh_tx_begin(s, &err) != FH_OK)
		return now_ms() - a;
	fh_status st = fh_store_stmt(s, "UPDATE tenants SET notes = ?2, version = version + 1 WHERE id = ?1", &q, &err);
	if (st == FH_OK) {
		fh_bind_int64(q, 1, tenant);
		char note[32];
		snprintf(note, sizeof note, "bench %d", i);
		fh_bind_str(q, 2, note);
		st = fh_step(q) == FH_DONE ? FH_OK : FH_ESTORE;
		fh_reset(q);
	}
	fh_tx_end(s, st, &err);
	return now_ms() - a;
}

struct beside {
	double longest, median, job_s;
	int writes;
};

/* Runs argv (a fuhua command) and writes beside it until it ends; the
 * longest wait. With argv NULL, `idle_ms` of writes alone (the anchor). */
static struct beside write_beside(fh_store *s, int64_t tenant, char *const *argv, double idle_ms)
{
	static double ms[100000];
	struct beside b = { 0 };
	pid_t pid = 0;
	double start = now_ms();
	if (argv) {
		pid = fork();
		if (pid == 0) {
			if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr))
				_exit(127);
			setenv("FUHUA_NOW", "2026-11-23T09:00", 1);
			execv(argv[0], argv);
			_exit(127);
		}
	}
	int n = 0, status = 0;
	for (;;) {
		if (argv ? waitpid(pid, &status, WNOHANG) == pid : now_ms() - start > idle_ms)
			break;
		if (n < 100000) {
			ms[n] = one_write(s, tenant, n);
			n++;
		}
		usleep(50000);
	}
	b.job_s = (now_ms() - start) / 1000;
	b.writes = n;
	if (n) {
		qsort(ms, (size_t)n, sizeof ms[0], cmp);
		b.longest = ms[n - 1];
		b.median = ms[n / 2];
	}
	if (argv && (!WIFEXITED(status) || WEXITSTATUS(status) > 1))
		printf("  (%s exited %d)\n", argv[1], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return b;
}

/* Runs argv with stdin from `in` and stdout to `out` (NULL: /dev/null);
 * its wall time in seconds, the best of three; -1 when it failed. */
static double best_of_three_rss(char *const *argv, const char *in, const char *out, long *max_kb)
{
	double best = -1;
	for (int run = 0; run < 3; run++) {
		double a = now_ms();
		pid_t pid = fork();
		if (pid == 0) {
			int i = open(in ? in : "/dev/null", O_RDONLY),
			    o = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
			if (i < 0 || o < 0 || dup2(i, 0) < 0 || dup2(o, 1) < 0)
				_exit(127);
			setenv("FUHUA_NOW", "2026-11-23T09:00", 1);
			execvp(argv[0], argv);
			_exit(127);
		}
		int status;
		struct rusage ru;
		if (pid < 0 || wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			return -1;
		double s = (now_ms() - a) / 1000;
		if (best < 0 || s < best)
			best = s;
		if (max_kb && ru.ru_maxrss > *max_kb)
			*max_kb = ru.ru_maxrss;
	}
	return best;
}

static double best_of_three(char *const *argv, const char *in, const char *out)
{
	return best_of_three_rss(argv, in, out, NULL);
}

static long lines_of(const char *path)
{
	FILE *f = fopen(path, "r");
	long n = 0;
	int c;
	while (f && (c = getc(f)) != EOF)
		n += c == '\n';
	if (f)
		fclose(f);
	return n;
}

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) == EOF || fclose(f) != 0) {
		fprintf(stderr, "bench: cannot write %s\n", path);
		exit(1);
	}
}

/* remind and tenant export, each beside the sqlite3 shell writing the same
 * rows as CSV (the anchor): best of three runs each. */
static void speed_bench(fh_store *s, const char *path, const char *bin)
{
	(void)s;
	char db[4096], sql[4200], mine[4200], shell[4200];
	snprintf(db, sizeof db, "%s", path);
	snprintf(sql, sizeof sql, "%s.anchor.sql", path);
	snprintf(mine, sizeof mine, "%s.mine.csv", path);
	snprintf(shell, sizeof shell, "%s.shell.csv", path);
	/* remind --days 30: the overdue (milestones and planned ends), then
	 * the milestones due within 30 days; today is 2026-11-23 in UTC+8 */
	write_text(
		sql,
		".parameter set :today 1795363200\n"
		"SELECT 'overdue', m.id, m.tenant_id, t.name, h.code, m.track, m.title,"
		" date(m.due + 28800, 'unixepoch'), (:today - m.due) / 86400"
		" FROM milestones m JOIN tenants t ON t.id = m.tenant_id JOIN hubs h ON h.id = m.hub_id"
		" WHERE m.state = 'pending' AND m.active = 1 AND m.due < :today UNION ALL"
		" SELECT 'overdue', '', t.id, t.name, h.code, '', 'past its planned end',"
		" date(t.planned_end + 28800, 'unixepoch'), (:today - t.planned_end) / 86400"
		" FROM tenants t JOIN hubs h ON h.id = t.hub_id WHERE t.stage = 'incubating' AND t.planned_end < :today"
		" ORDER BY 8, 2;\n"
		"SELECT 'due', m.id, m.tenant_id, t.name, h.code, m.track, m.title, date(m.due + 28800, 'unixepoch'),"
		" (m.due - :today) / 86400 FROM milestones m JOIN tenants t ON t.id = m.tenant_id"
		" JOIN hubs h ON h.id = m.hub_id WHERE m.state = 'pending' AND m.active = 1"
		" AND m.due BETWEEN :today AND :today + 30 * 86400 ORDER BY m.due, m.id;\n");
	char *remind[] = { (char *)bin, "remind", "--days", "30", "--format", "csv", "--db", db, NULL };
	char *sqlite[] = { "sqlite3", "-csv", db, NULL };
	double f = best_of_three(remind, NULL, mine);
	long nf = lines_of(mine) - 1; /* its heading */
	double a = best_of_three(sqlite, sql, shell);
	long na = lines_of(shell);
	printf("remind --days 30 as CSV: %.2f s for %ld rows; anchor, the sqlite3 shell listing the same rows:"
	       " %.2f s for %ld rows: %.2f× the shell\n",
	       f, nf, a, na, a > 0 ? f / a : 0);
	figure("remind_s", f);
	figure("remind_shell_s", a);
	figure("remind_ratio", a > 0 ? f / a : 0);
	/* tenant export: every tenant, the columns of the export */
	write_text(
		sql,
		"SELECT t.name, t.short_name, t.org_type, t.reg_state, t.credit_code, t.field, t.legal_rep, t.contact,"
		" t.phone, t.address, t.staff, t.volunteers, t.founded, t.rating, t.rating_date, t.party_org,"
		" t.party_members, t.notes, t.stage, date(t.admitted_on + 28800, 'unixepoch'),"
		" date(t.planned_end + 28800, 'unixepoch'), t.exit_reason, h.code"
		" FROM tenants t JOIN hubs h ON h.id = t.hub_id ORDER BY t.id;\n");
	char *export[] = { (char *)bin, "tenant", "export", "--output", mine, "--db", db, NULL };
	f = best_of_three(export, NULL, NULL);
	nf = lines_of(mine) - 1;
	a = best_of_three(sqlite, sql, shell);
	na = lines_of(shell);
	printf("tenant export: %.0f rows/s (%ld rows in %.2f s); anchor, sqlite3 -csv on the same rows: %.0f rows/s"
	       " (%ld in %.2f s): %.2f× the shell\n",
	       f > 0 ? nf / f : 0, nf, f, a > 0 ? na / a : 0, na, a, f > 0 && a > 0 ? a / f : 0);
	figure("export_rows_s", f > 0 ? nf / f : 0);
	figure("export_ratio", f > 0 && a > 0 ? a / f : 0);
	/* the roster as an Excel file (issue 24): beside the CSV export of
	 * the same rows just measured; its peak memory */
	char xlsx[4200];
	snprintf(xlsx, sizeof xlsx, "%s.roster.xlsx", path);
	char *roster[] = { (char *)bin, "tenant", "export", "--format", "xlsx", "--output", xlsx, "--db", db, NULL };
	long kb = 0;
	double x = best_of_three_rss(roster, NULL, NULL, &kb);
	printf("the roster as .xlsx: %.2f s for %ld rows, %.1f MB at most; anchor, the CSV export of the same rows:"
	       " %.2f s: %.2f× the CSV\n",
	       x, nf, kb / 1024.0, f, f > 0 ? x / f : 0);
	figure("roster_xlsx_s", x);
	figure("roster_xlsx_mb", kb / 1024.0);
	figure("roster_xlsx_ratio", f > 0 ? x / f : 0);
	/* the city's monthly report as .xlsx, beside the same report as CSV */
	char *monthly_x[] = { (char *)bin, "report",   "monthly", "--month", "2026-11", "--format",
			      "xlsx",      "--output", xlsx,      "--db",    db,        NULL };
	char *monthly_c[] = { (char *)bin, "report", "monthly", "--month", "2026-11",
			      "--format",  "csv",    "--db",    db,        NULL };
	x = best_of_three(monthly_x, NULL, NULL);
	a = best_of_three(monthly_c, NULL, NULL);
	printf("the city's monthly report as .xlsx (the command, start to end): %.2f s; anchor, the same as CSV: %.2f s\n",
	       x, a);
	figure("monthly_xlsx_s", x);
	figure("monthly_csv_s", a);
	unlink(xlsx);
	unlink(sql);
	unlink(mine);
	unlink(shell);
}

/* Times one party list N times: median and p95 in ms into *med, *p. */
static void time_list(fh_store *s, const fh_actor *a, bool instructors, double *med, double *p)
{
	enum { N = 40 };
	double ms[N];
	fh_error err;
	for (int i = 0; i < N; i++) {
		double t = now_ms();
		if (instructors) {
			fh_instructor *rows;
			size_t n;
			if (fh_party_instructors(s, a, 0, &rows, &n, &err) == FH_OK)
				free(rows);
		} else {
			fh_party_row *rows;
			size_t n;
			bool more;
			if (fh_party_list(s, a, 0, FH_PL_REELECTION, 500, &rows, &n, &more, &err) == FH_OK)
				free(rows);
		}
		ms[i] = now_ms() - t;
	}
	qsort(ms, N, sizeof ms[0], cmp);
	*med = ms[N / 2];
	*p = ms[N * 95 / 100];
}

/* The median of nine runs of sql, in ms. */
static double sql_median_ms(fh_store *s, const char *sql)
{
	double ms[9];
	for (int i = 0; i < 9; i++)
		ms[i] = sql_ms(s, sql);
	qsort(ms, 9, sizeof ms[0], cmp);
	return ms[4];
}

/* The Party screen's re-elections (a page of 500) and instructors, as the
 * screen reads them, beside the queries that counted them from every
 * tenant before issue 20 (the anchors). */
static void lists_bench(fh_store *s)
{
	fh_actor admin;
	fh_error err;
	if (fh_actor_system(s, "bench", &admin, &err) != FH_OK) {
		fprintf(stderr, "bench: %s\n", err.message);
		exit(1);
	}
	double med, p;
	time_list(s, &admin, false, &med, &p);
	double anchor = sql_median_ms(
		s,
		"SELECT * FROM (SELECT t.id, unixepoch(coalesce(p.elected, p.founded), '+' || h.committee_term_years"
		" || ' years') - 28800 AS ends FROM tenants t INDEXED BY tenants_party_org"
		" JOIN party p ON p.tenant_id = t.id JOIN hubs h ON h.id = t.hub_id"
		" WHERE t.party_org = 'branch' AND t.stage = 'incubating' AND coalesce(p.elected, p.founded) IS NOT NULL"
		" UNION ALL SELECT b.id, unixepoch(coalesce(b.elected, b.founded), '+' || h.committee_term_years"
		" || ' years') - 28800 FROM party_branches b JOIN hubs h ON h.id = b.hub_id"
		" WHERE coalesce(b.elected, b.founded) IS NOT NULL)"
		" WHERE ends < unixepoch('2026-11-23') - 28800 + 90 * 86400 ORDER BY ends LIMIT 501");
	printf("Party screen, re-elections (a page of 500): median %.2f ms, p95 %.2f ms; anchor, the same page"
	       " counted from every tenant and joint branch: median %.1f ms\n",
	       med, p, anchor);
	figure("reelections_p95_ms", p);
	figure("reelections_anchor_ms", anchor);
	time_list(s, &admin, true, &med, &p);
	anchor = sql_median_ms(s,
			       "SELECT m.id, (SELECT count(*) FROM tenants t WHERE t.instructor_id = m.id"
			       " AND t.stage = 'incubating') FROM mentors m WHERE m.kind = 'instructor'");
	printf("Party screen, instructors and their loads: median %.2f ms, p95 %.2f ms; anchor, the loads counted"
	       " from the tenants: median %.1f ms\n",
	       med, p, anchor);
	figure("instructors_p95_ms", p);
	figure("instructors_anchor_ms", anchor);
}

void jobs_bench(fh_store *s, const char *path, const char *bin)
{
	int64_t tenant = 0;
	fh_error err;
	fh_store_int(s, "SELECT min(id) FROM tenants", &tenant, &err);
	char db[4096], out[4200];
	snprintf(db, sizeof db, "%s", path);
	snprintf(out, sizeof out, "%s.export.csv", path);
	struct {
		const char *key, *what;
		char *argv[12];
	} jobs[] = {
		{ "remind", "remind", { (char *)bin, "remind", "--days", "30", "--format", "csv", "--db", db, NULL } },
		{ "export", "tenant export", { (char *)bin, "tenant", "export", "--output", out, "--db", db, NULL } },
		{ "check", "check", { (char *)bin, "check", "--db", db, NULL } },
		{ "coverage",
		  "report coverage",
		  { (char *)bin, "report", "coverage", "--all-stages", "--db", db, NULL } },
		{ "occupancy", "report occupancy", { (char *)bin, "report", "occupancy", "--db", db, NULL } },
		{ "fees",
		  "space fees",
		  { (char *)bin, "space", "fees", "--month", "2026-11", "--format", "csv", "--db", db, NULL } },
	};
	/* FUHUA_BENCH_ONLY=speed: the jobs' speed alone, not the waits */
	const char *only = getenv("FUHUA_BENCH_ONLY");
	if (only && strcmp(only, "speed") == 0) {
		speed_bench(s, path, bin);
		lists_bench(s);
		return;
	}
	struct beside idle = write_beside(s, tenant, NULL, 3000);
	printf("writes alone (the anchor): median %.1f ms, longest %.1f ms (%d writes in 3 s)\n", idle.median,
	       idle.longest, idle.writes);
	figure("write_alone_ms", idle.longest);
	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		struct beside b = write_beside(s, tenant, jobs[i].argv, 0);
		printf("a writer beside %s: longest wait %.0f ms, median %.1f ms (%d writes; the job took %.1f s)\n",
		       jobs[i].what, b.longest, b.median, b.writes, b.job_s);
		char key[64];
		snprintf(key, sizeof key, "wait_%s_ms", jobs[i].key);
		figure(key, b.longest);
		snprintf(key, sizeof key, "job_%s_s", jobs[i].key);
		figure(key, b.job_s);
	}
	unlink(out);
	speed_bench(s, path, bin);
	lists_bench(s);
}
