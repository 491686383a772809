/* fuhua tui — lists printed by subcommands as a table, CSV or JSON. */
#ifndef FUHUA_TUI_TABLE_H
#define FUHUA_TUI_TABLE_H

#include <stdio.h>

#include "cli.h"

#define FH_TABLE_MAX_COLS 32

struct fh_table {
	int ncols;
	const char *keys[FH_TABLE_MAX_COLS];   /* English: CSV header, JSON keys */
	const char *titles[FH_TABLE_MAX_COLS]; /* for people: the table header */
	unsigned numeric;                      /* bit i: column i is a number */
	char **cells;                          /* rows × ncols copies */
	size_t nrows, cap;
};

/* keys and titles are NULL-terminated and must outlive the table. */
void fh_table_init(struct fh_table *t, const char *const *keys, const char *const *titles);
/* Copies one row of ncols values (NULL counts as ""). */
void fh_table_row(struct fh_table *t, const char *const *values);
/* table: columns aligned by display width; csv: RFC 4180 with the English
 * keys as header, formula cells neutralised; json: an array of objects. */
void fh_table_print(const struct fh_table *t, FILE *out, enum fh_format format);
void fh_table_free(struct fh_table *t);

#endif
