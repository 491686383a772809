/* fuhua tui — lists as a table (columns by display width), CSV or JSON:
 * printed by the commands, and as lines of text for a screen. */
#ifndef FUHUA_TUI_TABLE_H
#define FUHUA_TUI_TABLE_H

#include <stdio.h>

#include <stdbool.h>
#include <stddef.h>

#include "fuhua/buf.h"

/* FH_FORMAT_XLSX: an Excel file (the commands that write one). */
enum fh_format { FH_FORMAT_TABLE, FH_FORMAT_CSV, FH_FORMAT_JSON, FH_FORMAT_XLSX };

#define FH_TABLE_MAX_COLS 32

struct fh_table {
	int ncols;
	const char *keys[FH_TABLE_MAX_COLS];   /* English: CSV header, JSON keys */
	const char *titles[FH_TABLE_MAX_COLS]; /* for people: the table header */
	unsigned numeric;                      /* bit i: column i is a number */
	char **cells;                          /* rows × ncols copies */
	size_t nrows, cap;
	/* streaming (fh_table_stream): rows go out as they come */
	FILE *out;
	enum fh_format format;
	size_t written;               /* rows out so far */
	fh_buf pending;               /* CSV or JSON rows not yet written */
	int width[FH_TABLE_MAX_COLS]; /* a streamed table's columns … */
	bool sized;                   /* … once its first rows sized them */
	struct fh_table_xlsx *xlsx;   /* a streamed Excel sheet */
};

/* The format is read by people (a table, an Excel file): labels rather
 * than the names a program reads. */
bool fh_format_for_people(enum fh_format format);

/* Rows sized a streamed table's columns by (later cells are fitted). */
#define FH_TABLE_SAMPLE 1000

/* keys and titles are NULL-terminated and must outlive the table. */
void fh_table_init(struct fh_table *t, const char *const *keys, const char *const *titles);
/* Copies one row of ncols values (NULL counts as ""). */
void fh_table_row(struct fh_table *t, const char *const *values);
/* table: columns aligned by display width; csv: RFC 4180 with the English
 * keys as header, formula cells neutralised; json: an array of objects;
 * xlsx: an Excel sheet, the titles its headings, a number column's numbers
 * numbers and every other cell text. 0, or -1 when the Excel file could
 * not be made (said on standard error). */
int fh_table_print(const struct fh_table *t, FILE *out, enum fh_format format);
/* The table as text into out: a line of titles, then a line per row, each
 * ending in '\n', columns aligned by display width (wide characters count
 * two), at most 40 columns wide, control characters escaped. */
void fh_table_text(const struct fh_table *t, fh_buf *out);
/* A list of any length: from now on fh_table_row writes each row to out
 * (CSV and JSON at once; a table once its first FH_TABLE_SAMPLE rows have
 * sized its columns), holding at most that many; fh_table_end writes what
 * is held and closes the list. */
void fh_table_stream(struct fh_table *t, FILE *out, enum fh_format format);
/* 0, or -1 as fh_table_print. */
int fh_table_end(struct fh_table *t);
void fh_table_free(struct fh_table *t);

#endif
