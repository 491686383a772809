/* fuhua tui — a file made under TMPDIR, then copied out (spool.h). */
#include "spool.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "labels.h"

int fh_spool_open(fh_scratch *part, char *dir, size_t dir_size, char *why, size_t size)
{
	const char *tmp = getenv("TMPDIR");
	char at[600];
	fh_error err;
	snprintf(dir, dir_size, "%s", tmp && *tmp ? tmp : "/tmp");
	snprintf(at, sizeof at, "%s/fuhua-spool", dir);
	if (fh_scratch_make(at, "spool", part, &err) == FH_OK)
		return 0;
	fh_error_text(&err, why, size);
	return -1;
}

int fh_spool_copy(fh_scratch *part, FILE *out, char *why, size_t size)
{
	int fd = dup(part->fd); /* the file the library wrote by name: its inode, from the start */
	FILE *in = fd >= 0 ? fdopen(fd, "rb") : NULL;
	char buf[65536];
	size_t n;
	while (in && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	int rc = !in || ferror(in) || fflush(out) != 0 || ferror(out) ? -1 : 0;
	if (rc)
		snprintf(why, size, "%s", strerror(errno));
	if (in)
		fclose(in);
	else if (fd >= 0)
		close(fd);
	fh_scratch_drop(part);
	return rc;
}

int fh_spool_beside(const char *target, fh_scratch *part, char *why, size_t size)
{
	fh_error err;
	if (fh_scratch_make(target, "export", part, &err) != FH_OK) {
		fh_error_text(&err, why, size);
		return -1;
	}
	fchmod(part->fd, 0640);
	return 0;
}

int fh_spool_keep(fh_scratch *part, const char *target, char *why, size_t size)
{
	int rc = rename(part->path, target) == 0 ? 0 : -1;
	if (rc)
		snprintf(why, size, "%s", strerror(errno));
	fh_scratch_drop(part);
	return rc;
}
