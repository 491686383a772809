/* fuhua — scratch files beside a target (a demo's side files next to the
 * database, a backup's copy and an export's file next to theirs), named so
 * that whatever a killed process leaves behind is found and removed by the
 * next run: TARGET.fuhua-TAG-PID-XXXXXX, held with flock() by its owner for
 * as long as it lives (fh_store_sweep removes those of owners gone). */
#ifndef FUHUA_SCRATCH_H
#define FUHUA_SCRATCH_H

#include <stddef.h>

#include "fuhua/error.h"

typedef struct fh_scratch {
	char *path; /* NULL when none (a zeroed struct is none) */
	int fd;     /* holds the lock; open while path is set */
} fh_scratch;

/* Makes a new empty file (mode 0600) beside `target` for `tag` ("side",
 * "backup", "export": lower-case letters), locked by this process. FH_OK,
 * or FH_ESTORE naming the directory (field "to"). Write through fd, or a
 * dup() of it (the lock lives until fh_scratch_drop closes fd). On error
 * out->path is NULL and out->fd -1: nothing to drop. */
fh_status fh_scratch_make(const char *target, const char *tag, fh_scratch *out, fh_error *err);
/* Removes the file and its journal, and lets the lock go. */
void fh_scratch_drop(fh_scratch *s);

/* Removes from directory `dir` the scratch files whose owner is gone (its
 * process is not running and nobody holds the lock), with their journals.
 * Returns how many files; `first` (may be NULL) gets the first one's name. */
int fh_scratch_sweep(const char *dir, char *first, size_t size);

/* How many scratch files of `tag` beside `target` have an owner alive;
 * text (may be NULL) gets the first one's contents, up to size - 1 bytes. */
int fh_scratch_live(const char *target, const char *tag, char *text, size_t size);

/* The directory part of a path into dir ("." for a bare name). */
void fh_scratch_dir_of(const char *path, char *dir, size_t size);

#endif /* FUHUA_SCRATCH_H */
