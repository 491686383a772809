/* fuhua tui — a list as an Excel sheet (table_xlsx.c), for table.c. */
#ifndef FUHUA_TUI_TABLE_XLSX_H
#define FUHUA_TUI_TABLE_XLSX_H

#include <stdio.h>

struct fh_table;
struct fh_table_xlsx;

/* A workbook of one sheet for table t, its headings written: written row
 * by row in a file of our own (constant memory: a row is held until the
 * next begins), whatever the list's length. NULL, with a message on
 * standard error, when it cannot be made. */
struct fh_table_xlsx *fh_table_xlsx_open(const struct fh_table *t);
/* One row: a number column's cell that is a number as a number, every
 * other cell as text (a code or a phone stays as it was typed), control
 * characters shown escaped. */
void fh_table_xlsx_row(struct fh_table_xlsx *x, const struct fh_table *t, const char *const *row);
/* Finishes the workbook, copies it to out and frees x: 0, or -1 with a
 * message on standard error (nothing, or part of it, went to out). */
int fh_table_xlsx_close(struct fh_table_xlsx *x, FILE *out);

#endif
