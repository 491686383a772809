/* fuhua — the commands that look after the database file: backup, check. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "../common/i18n.h"

static void progress(void *ctx, int done, int total)
{
	(void)ctx;
	if (!isatty(STDERR_FILENO) || total <= 0)
		return;
	int width = 40, filled = (int)((long long)done * width / total);
	fprintf(stderr, "\r%s [", _("backing up"));
	for (int i = 0; i < width; i++)
		fputs(i < filled ? "#" : ".", stderr);
	fprintf(stderr, "] %3d%%", (int)((long long)done * 100 / total));
	if (done == total)
		fputc('\n', stderr);
}

/* A day's copy in a backups folder: fuhua-YYYY-MM-DD.db; its day into
 * *day, or false for any other name. */
static bool daily_copy(const char *name, int64_t *day)
{
	char ymd[11], end;
	if (strlen(name) != strlen("fuhua-2026-11-23.db") || sscanf(name, "fuhua-%10[0-9-].d%c", ymd, &end) != 2 ||
	    end != 'b')
		return false;
	*day = fh_date_epoch(ymd);
	return *day != 0;
}

/* Removes from dir the days' copies older than `keep` days before today,
 * naming each. 0, or 1 when one could not be removed (said). */
static int prune(const char *dir, int64_t today, long keep)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "fuhua: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		int64_t day;
		char path[4200];
		if (!daily_copy(e->d_name, &day) || day >= today - (int64_t)keep * 86400)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (unlink(path) == 0) {
			fprintf(stderr, _("%s: removed, older than %ld days\n"), path, keep);
		} else {
			fprintf(stderr, "fuhua: %s: %s\n", path, strerror(errno));
			rc = 1;
		}
	}
	closedir(d);
	return rc;
}

int fh_cmd_backup(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)by;
	if (!o->to)
		return fh_cli_usage_error("%s", _("backup takes --to FILE (or --to DIR --keep DAYS) and no operands"));
	long keep = fh_cli_number("--keep", o->keep, 1, 3650, 0);
	if (keep < 0)
		return 2;
	char to[4200], today[16];
	int64_t day = fh_clock_day(fh_clock_now());
	fh_clock_format_date(day, today, sizeof today);
	/* with --keep, --to is the backups folder and the copy is the day's */
	snprintf(to, sizeof to, keep ? "%s/fuhua-%s.db" : "%s", o->to, today);
	fh_error err;
	fh_cli_say_swept(fh_store_sweep(to, NULL, 0), NULL);
	fh_store_announce(s, "backup");
	fh_status st = fh_store_backup(s, to, progress, NULL, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	fprintf(stderr, _("%s: a consistent copy of the database\n"), to);
	return keep ? prune(o->to, day, keep) : 0;
}

int fh_cmd_check(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)by;
	fh_error err;
	fh_check_report rep;
	fh_store_announce(s, o->full ? "check --full" : "check");
	fh_status st = fh_store_check(s, o->full, &rep, &err);
	const char *path = fh_store_path(s);
	if (st != FH_OK)
		return fh_cli_report(&err);
	fh_cli_say_swept(rep.swept, rep.swept_first);
	for (size_t i = 0; i < rep.n && i < FH_CHECK_MAX; i++)
		printf("%s: %s\n", path, rep.problem[i]);
	if (rep.n > FH_CHECK_MAX)
		printf(_("%s: … and %zu more\n"), path, rep.n - FH_CHECK_MAX);
	if (rep.n == 0)
		printf(o->full ? _("%s: ok (integrity of the whole file, foreign keys, search and full-text indexes, maintained counts)\n")
			       : _("%s: ok (integrity of every table, foreign keys, search index, maintained counts)\n"),
		       path);
	return rep.n ? 1 : 0;
}
