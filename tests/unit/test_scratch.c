/* fuhua tests — scratch.h: the files a command writes beside its target —
 * made and locked while their owner lives, dropped with their journal,
 * swept when their owner is gone, look-alikes left alone; which of a tag
 * are alive, and what they say; the directory of a target. Degenerate
 * cases first. */
#include <dirent.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "helpers.h"

#include "fuhua/store.h"

#include "fuhua/scratch.h"

/* The pid of a process that has ended (and been waited for). */
static long dead_pid(void)
{
	pid_t p = fork();
	assert_true(p >= 0);
	if (p == 0)
		_exit(0);
	assert_int_equal(waitpid(p, NULL, 0), p);
	return (long)p;
}

static int files_in(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		n += strstr(e->d_name, part) != NULL;
	if (d)
		closedir(d);
	return n;
}

/* What a killed demo or backup leaves is found by name and removed; a live
 * owner's file and other files stay. */
static void scratch_files_swept(void **s)
{
	(void)s;
	char dir[256], target[300], path[400], first[300];
	snprintf(dir, sizeof dir, "%s/sweep", tmpdir());
	mkdir(dir, 0700);
	snprintf(target, sizeof target, "%s/备份-2026-11-22.db", dir);
	fh_scratch live;
	fh_error err;
	/* degenerate: an empty or missing directory, a zeroed scratch */
	assert_int_equal(fh_scratch_sweep(dir, first, sizeof first), 0);
	assert_int_equal(fh_scratch_sweep("/nonexistent/dir", NULL, 0), 0);
	fh_scratch none = { 0 };
	fh_scratch_drop(&none);
	assert_int_equal(fh_scratch_make("/nonexistent/dir/x.db", "backup", &live, &err), FH_ESTORE);
	assert_string_equal(err.field, "to");
	/* a live one: this process's, locked */
	assert_int_equal(fh_scratch_make(target, "backup", &live, &err), FH_OK);
	assert_non_null(strstr(live.path, ".fuhua-backup-"));
	/* a killed one's copy and journal, a killed demo's side file */
	long gone = dead_pid();
	const char *left[] = { "backup-%ld-aB3dE9", "backup-%ld-aB3dE9-journal", "side-%ld-Zz9Yy8" };
	for (int i = 0; i < 3; i++) {
		char tail[64];
		snprintf(tail, sizeof tail, left[i], gone);
		snprintf(path, sizeof path, "%s.fuhua-%s", target, tail);
		write_file(path, "x");
	}
	/* look-alikes that are not ours stay */
	snprintf(path, sizeof path, "%s/notes.fuhua-backup-1-short", dir);
	write_file(path, "x");
	snprintf(path, sizeof path, "%s/fuhua.db", dir);
	write_file(path, "x");
	assert_int_equal(files_in(dir, ".fuhua-"), 5);
	assert_int_equal(fh_scratch_sweep(dir, first, sizeof first), 3);
	assert_non_null(strstr(first, ".fuhua-"));
	assert_int_equal(files_in(dir, ".fuhua-"), 2); /* the live one and the look-alike */
	assert_int_equal(fh_scratch_sweep(dir, NULL, 0), 0);
	/* dropped: gone, with its journal */
	snprintf(path, sizeof path, "%s-journal", live.path);
	write_file(path, "x");
	fh_scratch_drop(&live);
	assert_null(live.path);
	assert_int_equal(files_in(dir, ".fuhua-backup-"), 1);
	assert_int_equal(fh_store_sweep(target, NULL, 0), 0);
}

/* The directory a target's scratch files go in; none alive of a tag
 * before one is made, one while it lives, with what its owner wrote. */
static void directory_and_live(void **s)
{
	(void)s;
	char dir[64], target[300], text[64] = "unchanged";
	fh_scratch_dir_of("/srv/fuhua/fuhua.db", dir, sizeof dir);
	assert_string_equal(dir, "/srv/fuhua");
	fh_scratch_dir_of("fuhua.db", dir, sizeof dir);
	assert_string_equal(dir, ".");
	snprintf(target, sizeof target, "%s/live.db", tmpdir());
	assert_int_equal(fh_scratch_live(target, "reading", NULL, 0), 0);
	fh_scratch mine;
	fh_error err;
	assert_int_equal(fh_scratch_make(target, "reading", &mine, &err), FH_OK);
	write_file(mine.path, "报表：月报");
	assert_int_equal(fh_scratch_live(target, "reading", text, sizeof text), 1);
	assert_string_equal(text, "报表：月报");
	assert_int_equal(fh_scratch_live(target, "backup", NULL, 0), 0);
	fh_scratch_drop(&mine);
	assert_int_equal(fh_scratch_live(target, "reading", NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scratch_files_swept),
	};
	return cmocka_run_group_tests_name("scratch", tests, NULL, NULL);
}
