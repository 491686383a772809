/* fuhua tui — files written whole: a file a library writes by name (an
 * Excel workbook), made under TMPDIR in a file of our own and then copied
 * where it goes (a pipe, or standard output pointed at the command line's
 * --output file); and a file written beside its target, renamed over it
 * once complete. */
#ifndef FUHUA_TUI_SPOOL_H
#define FUHUA_TUI_SPOOL_H

#include <stddef.h>
#include <stdio.h>

#include "fuhua/scratch.h"

/* A new empty file under TMPDIR (else /tmp), named so that the next run
 * sweeps it if this one is killed; its folder into dir[0..dir_size) (where
 * the library may put its own temporary files). 0, or -1 with why. */
int fh_spool_open(fh_scratch *part, char *dir, size_t dir_size, char *why, size_t size);
/* Copies what was written to part's name into out, flushed, then drops
 * the file: 0, or -1 with why (part dropped either way). */
int fh_spool_copy(fh_scratch *part, FILE *out, char *why, size_t size);

/* A new file of our own beside target, readable by the group that runs
 * fuhua (0640), to be renamed over target once complete (fh_spool_keep);
 * named so that the next run beside target sweeps it if this one is
 * killed. 0, or -1 with why. */
int fh_spool_beside(const char *target, fh_scratch *part, char *why, size_t size);
/* Renames part over target: 0, or -1 with why; part dropped either way
 * (its name was taken, or it goes). */
int fh_spool_keep(fh_scratch *part, const char *target, char *why, size_t size);

#endif
