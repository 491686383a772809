/* fuhua — a report as every front end renders it.
 *
 * A report (the monthly report to the civil-affairs bureau, …) is built in
 * core from the modules' own functions into sheets: each a section of the
 * report, its columns (a count, an amount in fen, a number with a decimal,
 * or a percentage of two of its columns), a row per hub of the scope with
 * the hub's own figures in tree order, and a last row, the scope's total.
 * The percentages are computed here, once, for every row and the total (a
 * total's rate is of the totals, never an average of rates), so that the
 * screen, the commands and every file format show the same numbers. */
#ifndef FUHUA_SHEET_H
#define FUHUA_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

typedef enum fh_cell {
	FH_CELL_COUNT,   /* a whole number */
	FH_CELL_DECIMAL, /* hours and the like: one decimal */
	FH_CELL_FEN,     /* money kept in fen, shown in 元 with two decimals */
	FH_CELL_PERCENT, /* of[0] ÷ of[1] of this row, in per cent, one decimal */
} fh_cell;

typedef struct fh_sheet_col {
	const char *key;   /* English: the CSV header, the JSON key */
	const char *title; /* for people, untranslated (N_): the front end translates */
	fh_cell cell;
	int of[2]; /* FH_CELL_PERCENT: the columns of the part and the whole */
} fh_sheet_col;

#define FH_SHEET_COLS 12

typedef struct fh_sheet_row {
	char hub_code[33], hub_name[128];
	int depth;  /* in the hub tree, 0 for the scope's own hub */
	bool total; /* the scope's total: the last row (its code the scope's, no name) */
	double v[FH_SHEET_COLS];
} fh_sheet_row;

typedef struct fh_sheet {
	const char *key;   /* English, as the JSON names it */
	const char *title; /* for people, untranslated (N_) */
	int ncols;
	const fh_sheet_col *cols;
	fh_sheet_row *rows; /* a row per hub, then the total */
	size_t nrows;
} fh_sheet;

#define FH_REPORT_SHEETS 8

typedef struct fh_report_doc {
	const char *key;   /* "monthly" … */
	const char *title; /* untranslated (N_) */
	char hub_code[33], hub_name[128];
	int year, month;  /* the period */
	int64_t as_of;    /* the day the figures that are a state (not a month's sum) were read for */
	bool preliminary; /* the month is not over */
	fh_sheet sheets[FH_REPORT_SHEETS];
	int nsheets;
} fh_report_doc;

/* The monthly report (月报, to the civil-affairs bureau) of month
 * year-month for hub_code's scope (NULL: the actor's hub, with the hubs
 * below it): the tenants in incubation and the Party coverage as they are
 * now (from the counts kept), the spaces in use on the month's last day
 * (today while it runs), and the month's activities, training and payments
 * to projects with the year's to date. FH_EINVAL ("month") for a month not
 * begun. On error *out holds nothing to free; else free it with
 * fh_report_doc_free(). */
fh_status fh_report_monthly(fh_store *store, const fh_actor *actor, const char *hub_code, int year, int month,
			    fh_report_doc *out, fh_error *err);

/* Frees what fh_report_monthly put in doc; doc then holds no sheets. */
void fh_report_doc_free(fh_report_doc *doc);

#endif
