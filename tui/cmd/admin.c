/* fuhua — the commands that look after the database file: backup, check. */
#include <stdio.h>
#include <unistd.h>

#include "cmd.h"
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

int fh_cmd_backup(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)by;
	if (!o->to)
		return fh_cli_usage_error("%s", _("backup takes --to FILE and no operands"));
	fh_error err;
	fh_cli_say_swept(fh_store_sweep(o->to, NULL, 0), NULL);
	fh_store_announce(s, "backup");
	fh_status st = fh_store_backup(s, o->to, progress, NULL, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	fprintf(stderr, _("%s: a consistent copy of the database\n"), o->to);
	return 0;
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
