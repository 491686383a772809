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
#include "fuhua/party_rules.h"
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
	int64_t hub_id; /* 0 for the total */
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

#define FH_REPORT_SHEETS 10

typedef enum fh_report_kind {
	FH_REPORT_MONTHLY, /* 月报, to the civil-affairs bureau: a month */
	FH_REPORT_PARTY,   /* 党建工作月报, to the social-work committee: a month */
	FH_REPORT_ANNUAL,  /* 年度报告: a year */
	FH_REPORT_KIND_COUNT
} fh_report_kind;

/* A report's identifier ("monthly", "party", "annual"), NULL out of range;
 * and back: false for none, *out unchanged. */
const char *fh_report_kind_name(fh_report_kind kind);
bool fh_report_kind_parse(const char *name, fh_report_kind *out);

typedef struct fh_report_doc {
	fh_report_kind kind;
	const char *key;   /* its name, as fh_report_kind_name() */
	const char *title; /* untranslated (N_) */
	char hub_code[33], hub_name[128];
	int year, month;          /* the period: a month, or (month 0) a year */
	int64_t as_of;            /* the day the figures that are a state (not a period's sum) were read for */
	bool preliminary;         /* the period is not over, or (a month) not closed */
	int64_t closed_on;        /* the month's figures are those kept when it was closed then; 0: read now */
	int64_t revised_on;       /* closed again then, after it was reopened; 0: never reopened */
	int64_t reopened_on;      /* open again since then (closed_on 0) */
	char reopen_reason[1024]; /* why, the last time it was reopened */
	/* the published coverage rates its own are read beside (the scope's
	 * hub's coverage.references, as configured now) */
	fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
	size_t nrefs;
	fh_sheet sheets[FH_REPORT_SHEETS];
	int nsheets;
} fh_report_doc;

/* Report `kind` of hub_code's scope (NULL: the actor's hub, with the hubs
 * below it) for month year-month, or for the year (month 0: the annual
 * report, which takes only a year): a row per hub with its own figures and
 * the scope's total. The figures that are a state (tenants in incubation,
 * coverage, spaces in use) are read for the period's last day or today;
 * sums are of the period (the monthly report's payments also of the year to
 * its end). A closed month's report reads the figures kept when it was
 * closed (fh_report_close), the same whatever was edited since.
 * FH_EINVAL ("month" or "year") for a period not begun or of the wrong
 * kind. On error *out holds nothing to free; else free it with
 * fh_report_doc_free(). */
fh_status fh_report_build(fh_store *store, const fh_actor *actor, fh_report_kind kind, const char *hub_code, int year,
			  int month, fh_report_doc *out, fh_error *err);

/* Frees what fh_report_build put in doc; doc then holds no sheets. */
void fh_report_doc_free(fh_report_doc *doc);

/* ---- months closed ---------------------------------------------------------- */

typedef struct fh_report_month {
	int year, month;
	bool closed;
	int64_t closed_on; /* when it was last closed (0: never) */
	char closed_by[64];
	int64_t reopened_on; /* when it was last reopened (0: never) */
	char reopened_by[64];
	char reason[1024]; /* why it was reopened */
	int revisions;     /* times it was reopened */
} fh_report_month;

/* Closes month year-month for every hub: the monthly and Party-building
 * reports' figures of every hub are kept as they are read now, in the
 * transaction that marks it closed, and every report of the month reads
 * them from then on. A manager's or administrator's of the top hub (the
 * month is the whole tree's); audited. FH_EINVAL ("month") for a month not
 * over, FH_ECONFLICT when it is closed already, FH_EDENIED. */
fh_status fh_report_close(fh_store *store, const fh_actor *actor, int year, int month, fh_error *err);

/* Opens a closed month again: an administrator's of the top hub, with a
 * reason (1–500 characters); audited with the figures it had. Its reports
 * read the records again, and say the month was reopened, when and why;
 * closing it again keeps the figures anew, the reports then saying they
 * were revised and when. FH_EINVAL ("reason"), FH_ECONFLICT when it is not
 * closed, FH_EDENIED. */
fh_status fh_report_reopen(fh_store *store, const fh_actor *actor, int year, int month, const char *reason,
			   fh_error *err);

/* The last `count` months up to this one, newest first, each closed or
 * open and what was done to it. On error *rows is NULL and *n 0: nothing
 * to free. */
fh_status fh_report_months(fh_store *store, int count, fh_report_month **rows, size_t *n, fh_error *err);

/* The folder the reports of hub `hub_code` are filed in (a folder per hub
 * below it): its rules' reports.dir, taken from the database's folder
 * when it is not absolute, or "reports" beside the database; into
 * dir[0..size). FH_OK; FH_ENOTFOUND ("hub") for no such hub, or the
 * store's error. On error dir is untouched. */
fh_status fh_report_dir(fh_store *store, const char *hub_code, char *dir, size_t size, fh_error *err);

#endif
