/* fuhua tui — a report's sheet (fuhua/sheet.h) as a table: the columns,
 * the figures as the report shows them, for the commands and the screen. */
#ifndef FUHUA_TUI_SHEET_TABLE_H
#define FUHUA_TUI_SHEET_TABLE_H

#include <stddef.h>

#include "fuhua/sheet.h"
#include "table.h"

/* A figure as every report shows it: counts whole, amounts in 元 with two
 * decimals, the rest with one. */
void fh_sheet_figure(const fh_sheet_col *col, double v, char *out, size_t size);

/* The report's period: "2026-11", or "2026" for a year. */
char *fh_sheet_period(const fh_report_doc *d, char *out, size_t size);
/* What a report's figures are: preliminary, closed on a day, revised on
 * one, or reopened (when and why); control characters escaped. */
char *fh_sheet_state(const fh_report_doc *d, char *out, size_t size);
/* A month's state in a word: closed, closed (revised), reopened, not
 * closed. */
const char *fh_sheet_month_state(const fh_report_month *m);
/* The published coverage rates the report is read beside, a line:
 * "Published rates: 全国 organisation 61.7 %, work 40.0 %; …" (names
 * escaped); "" when it has none. */
char *fh_sheet_refs(const fh_report_doc *d, char *out, size_t size);
/* Its title line: "Monthly report · hub · 2026-11 · state". */
char *fh_sheet_doc_title(const fh_report_doc *d, char *out, size_t size);

struct fh_sheet_table {
	const char *keys[FH_SHEET_COLS + 3], *titles[FH_SHEET_COLS + 3]; /* the table's, outliving it */
	struct fh_table t;
};

/* The sheet as a table in out->t: the hub's code (empty for the total),
 * its name ("Total"), then a column per figure, numbers to the right.
 * Free with fh_table_free(&out->t). */
void fh_sheet_table(const fh_sheet *sh, struct fh_sheet_table *out);

#endif
