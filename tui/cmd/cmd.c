/* fuhua tui — what every command shares: its messages, the store opened,
 * and the values of its options and operands, each read by one function
 * with one message. */
#include "cmd.h"

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/scratch.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "../common/labels.h"

/* ---- messages ---------------------------------------------------------------- */

int fh_cli_report(const fh_error *err)
{
	char msg[1200];
	fprintf(stderr, "fuhua: %s\n", fh_error_text(err, msg, sizeof msg));
	return fh_error_exit_status(err->code);
}

/* The command being read, for the pointer to its help. */
static const char *usage_words;

void fh_cli_usage_for(const char *words)
{
	usage_words = words;
}

int fh_cli_usage_error(const char *fmt, const char *arg)
{
	char safe[700];
	fprintf(stderr, "fuhua: ");
	fprintf(stderr, fmt, fh_text_escape(safe, sizeof safe, arg ? arg : ""));
	fputc('\n', stderr);
	if (usage_words)
		fprintf(stderr, _("Try 'fuhua %s --help'.\n"), usage_words);
	else
		fprintf(stderr, "%s\n", _("Try 'fuhua --help'."));
	return 2;
}

void fh_cli_say_swept(int files, const char *first)
{
	if (!files)
		return;
	char safe[600];
	fh_text_escape(safe, sizeof safe, first ? first : "");
	if (first && first[0])
		fprintf(stderr,
			N3_("fuhua: removed %d file a killed demo or backup left (%s)\n",
			    "fuhua: removed %d files killed demos or backups left (%s …)\n", files),
			files, safe);
	else
		fprintf(stderr,
			N3_("fuhua: removed %d file a killed demo or backup left\n",
			    "fuhua: removed %d files killed demos or backups left\n", files),
			files);
}

/* ---- the store --------------------------------------------------------------- */

static int mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		int rc = mkdir(path, 0770);
		*p = '/';
		if (rc != 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

const char *fh_cli_db_path(const struct fh_opts *o, char *buf, size_t size)
{
	const char *env = getenv("FUHUA_DB");
	char sys[PATH_MAX];
	struct stat sb;
	fh_scratch_dir_of(FH_SYSTEM_DB, sys, sizeof sys);
	if (o->db)
		snprintf(buf, size, "%s", o->db);
	else if (env && *env)
		snprintf(buf, size, "%s", env);
	else if (stat(sys, &sb) == 0 && S_ISDIR(sb.st_mode)) /* installed: the package's /var/lib/fuhua */
		snprintf(buf, size, "%s", FH_SYSTEM_DB);
	else {
		const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
		if (xdg && *xdg == '/')
			snprintf(buf, size, "%s/fuhua/fuhua.db", xdg);
		else
			snprintf(buf, size, "%s/.local/share/fuhua/fuhua.db", home ? home : ".");
		mkdirs(buf);
	}
	return buf;
}

/* A program run from its build tree (build/rel/fuhua) before installing
 * uses fixtures/config. */
const char *fh_cli_config_dir(const struct fh_opts *o)
{
	static char tree[PATH_MAX + 32];
	const char *env = getenv("FUHUA_CONFIG");
	if (o->config)
		return o->config;
	if (env && *env)
		return env;
	struct stat sb;
	if (stat(FH_SYSCONFIG, &sb) == 0 && S_ISDIR(sb.st_mode)) /* installed: /etc/fuhua/config */
		return FH_SYSCONFIG;
	if (stat(FH_DATADIR "/config", &sb) == 0 && S_ISDIR(sb.st_mode))
		return FH_DATADIR "/config";
	if (fh_beside_program("../../fixtures/config", tree, sizeof tree))
		return tree;
	return FH_DATADIR "/config";
}

void fh_cli_via(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(getuid());
	snprintf(buf, size, "cli:%s", pw ? pw->pw_name : "?");
}

int fh_cli_open(const struct fh_opts *o, bool create, fh_store **s)
{
	char path[PATH_MAX];
	fh_error err;
	fh_cli_db_path(o, path, sizeof path);
	fh_status st = create ? fh_store_create(path, s, &err) : fh_store_open(path, s, &err);
	return st == FH_OK ? 0 : fh_cli_report(&err);
}

bool fh_cli_owner(const fh_store *s)
{
	struct stat st;
	uid_t me = getuid();
	return me == 0 || (stat(fh_store_path(s), &st) == 0 && st.st_uid == me);
}

int fh_cli_owner_only(fh_store **s, const char *what)
{
	if (fh_cli_owner(*s))
		return 0;
	struct stat st;
	struct passwd *pw = stat(fh_store_path(*s), &st) == 0 ? getpwuid(st.st_uid) : NULL;
	fprintf(stderr, _("fuhua: %s is a job of the database's owner: run it as %s or root\n"), what,
		pw ? pw->pw_name : "?");
	fh_store_close(s);
	return 1;
}

int fh_cli_open_acting(const struct fh_opts *o, fh_store **s, fh_actor *a)
{
	int rc = fh_cli_open(o, false, s);
	if (rc)
		return rc;
	char via[64];
	fh_error err;
	fh_cli_via(via, sizeof via);
	bool owner = !o->bound_only && fh_cli_owner(*s);
	fh_status st = owner ? fh_actor_system(*s, via, a, &err) : fh_actor_unix(*s, via + 4, a, &err);
	if (st == FH_OK)
		return 0;
	fh_store_close(s);
	if (!owner && st == FH_ENOTFOUND) { /* say how to be bound, and refuse */
		fprintf(stderr,
			_("fuhua: Unix user '%s' is bound to no operator of this database; an administrator binds it:"
			  " fuhua user edit NAME --unix %s\n"),
			via + 4, via + 4);
		return 1;
	}
	return fh_cli_report(&err);
}

int fh_cli_hub(const struct fh_opts *o, fh_store *s, const fh_actor *by, int64_t *hub)
{
	fh_hub h;
	fh_error err;
	*hub = 0;
	if (!o->hub)
		return -1;
	if (fh_hub_get(s, by, o->hub, &h, &err) != FH_OK)
		return fh_cli_report(&err);
	*hub = h.id;
	return -1;
}

void fh_cli_bulk_memory(void)
{
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

int fh_cli_read_password(char *buf, size_t size)
{
	if (isatty(STDIN_FILENO)) {
		struct termios old, quiet;
		char again[256];
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		fprintf(stderr, "%s", _("Password: "));
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		bool ok = fgets(buf, (int)size, stdin) != NULL;
		fprintf(stderr, "\n%s", _("Password again: "));
		ok = ok && fgets(again, sizeof again, stdin) != NULL;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
		buf[strcspn(buf, "\r\n")] = 0;
		again[strcspn(again, "\r\n")] = 0;
		bool same = ok && strcmp(buf, again) == 0;
		explicit_bzero(again, sizeof again);
		if (!same) {
			explicit_bzero(buf, size);
			fprintf(stderr, "fuhua: %s\n", _("the passwords differ"));
			return 2;
		}
		return 0;
	}
	if (!fgets(buf, (int)size, stdin)) {
		fprintf(stderr, "fuhua: %s\n", _("no password on standard input"));
		return 2;
	}
	buf[strcspn(buf, "\r\n")] = 0;
	return 0;
}

/* ---- values ------------------------------------------------------------------- */

long fh_cli_number(const char *option, const char *value, long min, long max, long absent)
{
	long long v;
	fh_error err;
	if (!value)
		return absent;
	if (fh_int_take(option, value, min, max, &v, &err) != FH_OK) {
		fh_cli_usage_error("%s", fh_error_text(&err, (char[700]){ 0 }, 700));
		return -1;
	}
	return (long)v;
}

bool fh_cli_month(const char *option, const char *value, int *year, int *month)
{
	char end;
	*year = *month = 0;
	if (!value)
		return true;
	if (strcmp(value, "last") == 0) { /* the month before this one: a timer's */
		char d[16];
		fh_clock_format_date(fh_clock_add_months(fh_clock_day(fh_clock_now()), -1), d, sizeof d);
		return sscanf(d, "%4d-%2d", year, month) == 2;
	}
	if (sscanf(value, "%4d-%2d%c", year, month, &end) == 2 && *year >= 2000 && *year <= 2100 && *month >= 1 &&
	    *month <= 12)
		return true;
	*year = *month = 0;
	char why[300];
	snprintf(why, sizeof why, _("%s takes a month as YYYY-MM (or last), not '%s'"), option, value);
	fh_cli_usage_error("%s", why);
	return false;
}

bool fh_cli_day(const char *option, const char *value, int64_t *day)
{
	char d[11];
	fh_error err;
	*day = 0;
	if (!value)
		return true;
	if (fh_date_take(option, value, d, day, &err) == FH_OK)
		return true;
	fh_cli_usage_error("%s", fh_error_text(&err, (char[700]){ 0 }, 700));
	return false;
}

bool fh_cli_span(const char *option, const char *value, int64_t day, int64_t *starts, int64_t *ends)
{
	int h1, m1, h2, m2;
	char end;
	if (!value || sscanf(value, "%2d:%2d-%2d:%2d%c", &h1, &m1, &h2, &m2, &end) != 4 || h1 < 0 || h1 > 24 ||
	    h2 < 0 || h2 > 24 || m1 < 0 || m1 > 59 || m2 < 0 || m2 > 59) {
		char fmt[200];
		snprintf(fmt, sizeof fmt, _("%s takes HH:MM-HH:MM (like 14:00-16:00), not '%%s'"), option);
		fh_cli_usage_error(fmt, value ? value : "");
		return false;
	}
	*starts = day + (int64_t)(h1 * 60 + m1) * 60;
	*ends = day + (int64_t)(h2 * 60 + m2) * 60;
	return true;
}

bool fh_cli_id(const char *s, int64_t *id)
{
	long long v;
	if (fh_int_take("id", s, 1, FH_ID_MAX, &v, NULL) != FH_OK)
		return false;
	*id = v;
	return true;
}

const char *fh_cli_date(int64_t day, char buf[16])
{
	return day ? fh_clock_format_date(day, buf, 16) : "";
}

void fh_cli_import_progress(void *ctx, int phase, size_t done, size_t total)
{
	(void)ctx;
	if (!isatty(STDERR_FILENO) || total == 0)
		return;
	int width = 40, filled = (int)((double)done * width / (double)total);
	fprintf(stderr, "\r%s [", phase ? _("writing ") : _("checking"));
	for (int i = 0; i < width; i++)
		fputs(i < filled ? "#" : ".", stderr);
	fprintf(stderr, "] %3d%%", (int)((double)done * 100 / (double)total));
	if (phase == 1 && done == total)
		fputc('\n', stderr);
}

/* A file (or "-": standard input) read whole into data: 0, or 1 after
 * saying why (data freed). */
static int read_file(const char *path, fh_buf *data)
{
	FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!in) {
		fprintf(stderr, "fuhua: %s: %s\n", path, strerror(errno));
		return 1;
	}
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, in)) > 0)
		fh_buf_add(data, chunk, k);
	bool read_error = ferror(in);
	if (in != stdin)
		fclose(in);
	if (read_error || data->failed) {
		fprintf(stderr, "fuhua: %s: %s\n", path, _("cannot read the file"));
		fh_buf_free(data);
		return 1;
	}
	return 0;
}

/* An import's problems on standard error, "FILE:LINE: field: message". */
static void import_problems(const char *path, const fh_import_result *res)
{
	if (isatty(STDERR_FILENO))
		fputc('\r', stderr);
	for (size_t i = 0; i < res->nproblems; i++) {
		const fh_import_problem *p = &res->problems[i];
		fprintf(stderr, "%s:%zu: %s%s%s\n", path, p->line, p->field, p->field[0] ? ": " : "", p->message);
	}
}

int fh_cli_import(struct fh_opts *o, fh_cli_import_fn *import, fh_import_result *res)
{
	memset(res, 0, sizeof *res);
	fh_cli_bulk_memory();
	fh_buf data = FH_BUF_INIT;
	if (read_file(o->pos[2], &data))
		return 1;
	fh_store *s;
	fh_actor by;
	fh_error err;
	int rc = fh_cli_open_acting(o, &s, &by);
	if (rc) {
		fh_buf_free(&data);
		return rc;
	}
	fh_import_options opt = { .hub_code = o->hub,
				  .encoding = o->encoding,
				  .skip_bad = o->skip_bad,
				  .source = o->pos[2],
				  .progress = fh_cli_import_progress };
	fh_status st = import(s, &by, data.data ? data.data : "", data.len, &opt, res, &err);
	fh_store_close(&s);
	fh_buf_free(&data);
	import_problems(o->pos[2], res);
	return st != FH_OK ? fh_cli_report(&err) : 0;
}

void fh_cli_import_skipped(const fh_import_result *res)
{
	if (res->skipped)
		fprintf(stderr, N3_(", %zu row skipped", ", %zu rows skipped", res->skipped), res->skipped);
	fputc('\n', stderr);
}
