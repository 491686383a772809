/* fuhua core — private: reading CSV (RFC 4180 and what spreadsheets write). */
#ifndef FUHUA_CORE_CSV_H
#define FUHUA_CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "fuhua/buf.h"

typedef struct fh_csv {
	const char *p, *end;
	size_t line;         /* the line the reader is at */
	char **cells;        /* of the last record, NUL-terminated copies */
	size_t ncells, cap;
	fh_buf text;         /* storage for the cells */
} fh_csv;

void fh_csv_init(fh_csv *c, const char *data, size_t len);
/* Reads the next record: 1 with *line its first line, 0 at the end, -1 on
 * an unterminated quote (*line where it opened). Quoted cells may hold
 * commas, doubled quotes and newlines; CRLF and LF both end a record; the
 * last record may lack a newline. */
int fh_csv_next(fh_csv *c, size_t *line);
void fh_csv_free(fh_csv *c);

#endif
