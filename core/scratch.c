/* fuhua core — scratch files that the next run cleans up (scratch.h). */
#include "fuhua/scratch.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "i18n.h"

#define MARK ".fuhua-"

fh_status fh_scratch_make(const char *target, const char *tag, fh_scratch *out, fh_error *err)
{
	out->path = NULL;
	out->fd = -1;
	size_t n = strlen(target) + strlen(tag) + sizeof MARK + 32;
	char *p = malloc(n);
	if (!p)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	snprintf(p, n, "%s" MARK "%s-%ld-XXXXXX", target, tag, (long)getpid());
	int fd = mkstemp(p); /* 0600, a name of our own */
	if (fd < 0) {
		fh_status st =
			fh_error_set(err, FH_ESTORE, "to", _("cannot write beside %s: %s"), target, strerror(errno));
		free(p);
		return st;
	}
	/* the lock lives as long as this descriptor: it is closed only after
	 * SQLite has let the file go (closing another descriptor of a file
	 * drops SQLite's POSIX locks on it) */
	flock(fd, LOCK_EX | LOCK_NB);
	out->path = p;
	out->fd = fd;
	return FH_OK;
}

static void unlink_with_journal(const char *path)
{
	char j[4096];
	unlink(path);
	if (snprintf(j, sizeof j, "%s-journal", path) < (int)sizeof j)
		unlink(j);
}

void fh_scratch_drop(fh_scratch *s)
{
	if (!s->path) /* none made (a zeroed struct too) */
		return;
	unlink_with_journal(s->path);
	close(s->fd);
	free(s->path);
	s->path = NULL;
	s->fd = -1;
}

/* The owner's pid of a scratch file's name ("NAME.fuhua-TAG-PID-XXXXXX",
 * perhaps with "-journal"), or 0 if the name is not one. */
static long owner_of(const char *name, bool *journal)
{
	const char *m = strstr(name, MARK);
	if (!m)
		return 0;
	const char *p = m + sizeof MARK - 1;
	while (*p && (islower((unsigned char)*p)))
		p++;
	if (p == m + sizeof MARK - 1 || *p++ != '-' || !isdigit((unsigned char)*p))
		return 0;
	char *end;
	long pid = strtol(p, &end, 10);
	if (*end != '-' || pid <= 0)
		return 0;
	size_t rest = strlen(end + 1);
	*journal = rest == 6 + strlen("-journal") && strcmp(end + 7, "-journal") == 0;
	return rest == 6 || *journal ? pid : 0;
}

/* Whether the file's owner is gone: its process is not running here, and
 * the lock can be taken (an owner in another PID namespace holds it). A
 * journal goes with its file: gone when the file is, or is free. */
static bool owner_gone(const char *path, long pid, bool journal)
{
	if (kill((pid_t)pid, 0) == 0 || errno == EPERM)
		return false;
	char main_file[4096];
	if (journal) {
		size_t n = strlen(path) - strlen("-journal");
		snprintf(main_file, sizeof main_file, "%.*s", (int)n, path);
		path = main_file;
	}
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return errno == ENOENT;
	bool free_lock = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd);
	return free_lock;
}

int fh_scratch_sweep(const char *dir, char *first, size_t size)
{
	DIR *d = opendir(dir);
	int removed = 0;
	if (first && size)
		first[0] = 0;
	if (!d)
		return 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		bool journal = false;
		long pid = owner_of(e->d_name, &journal);
		char path[4096];
		if (!pid || snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
			continue;
		if (!owner_gone(path, pid, journal) || unlink(path) != 0)
			continue;
		if (first && size && !first[0])
			snprintf(first, size, "%s", path);
		removed++;
	}
	closedir(d);
	return removed;
}

int fh_scratch_live(const char *target, const char *tag, char *text, size_t size)
{
	char dir[4096], prefix[512];
	fh_scratch_dir_of(target, dir, sizeof dir);
	const char *base = strrchr(target, '/');
	snprintf(prefix, sizeof prefix, "%s" MARK "%s-", base ? base + 1 : target, tag);
	if (text && size)
		text[0] = 0;
	DIR *d = opendir(dir);
	int live = 0;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		bool journal = false;
		long pid = strncmp(e->d_name, prefix, strlen(prefix)) == 0 ? owner_of(e->d_name, &journal) : 0;
		char path[4096];
		if (!pid || journal || snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path ||
		    owner_gone(path, pid, false))
			continue;
		if (!live++ && text && size) {
			int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
			ssize_t n = fd >= 0 ? read(fd, text, size - 1) : -1;
			text[n > 0 ? n : 0] = 0;
			if (fd >= 0)
				close(fd);
		}
	}
	if (d)
		closedir(d);
	return live;
}

void fh_scratch_dir_of(const char *path, char *dir, size_t size)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, size, ".");
	else if (slash == path)
		snprintf(dir, size, "/");
	else
		snprintf(dir, size, "%.*s", (int)(slash - path), path);
}
