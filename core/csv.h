/* fuhua core — private: reading CSV (RFC 4180 and what spreadsheets write). */
#ifndef FUHUA_CORE_CSV_H
#define FUHUA_CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "fuhua/buf.h"

#define FH_CSV_MAX_CELLS 1024

/* What fh_csv_next() returns besides 1 (a record) and 0 (the end). The
 * record-level ones leave the reader at the next record. */
enum {
	FH_CSV_UNCLOSED = -1, /* a quote never closes: the rest of the file is one cell */
	FH_CSV_NOMEM = -2,
	FH_CSV_TOO_WIDE = -3, /* more than FH_CSV_MAX_CELLS cells (the first ones are kept) */
	FH_CSV_NUL = -4,      /* a NUL byte in a cell */
};

typedef struct fh_csv {
	const char *p, *end;
	size_t line;  /* the line the reader is at */
	char **cells; /* of the last record, NUL-terminated copies */
	size_t ncells, cap;
	size_t all_cells; /* cells the record had, kept or not */
	fh_buf text;      /* storage for the cells */
} fh_csv;

void fh_csv_init(fh_csv *c, const char *data, size_t len);
/* Reads the next record: 1 with *line its first line, 0 at the end, or a
 * FH_CSV_ error: FH_CSV_UNCLOSED with *line where the quote opened; for
 * FH_CSV_TOO_WIDE and FH_CSV_NUL the record was read whole and the next
 * call reads the next one. Quoted cells may hold commas, doubled quotes and
 * newlines; CRLF and LF both end a record; the last record may lack a
 * newline. */
int fh_csv_next(fh_csv *c, size_t *line);
void fh_csv_free(fh_csv *c);

#endif
