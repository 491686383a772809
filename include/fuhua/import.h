/* fuhua — tenants in and out of spreadsheets: CSV import and export.
 *
 * Import reads what Excel in China writes: UTF-8 with or without a BOM, or
 * GB18030 (detected, or named). Headings may be Chinese or English (see
 * fh_tenant_field_lookup). Every row is checked before anything is written;
 * either all rows go in, in one transaction, or none — unless skip_bad, which
 * writes the good rows and reports the rest. */
#ifndef FUHUA_IMPORT_H
#define FUHUA_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

typedef struct fh_import_options {
	const char *hub_code; /* the hub the tenants join (a hub column, as
				  exported, overrides it row by row) */
	const char *encoding; /* NULL to detect, else "utf-8" or "gb18030" */
	bool skip_bad;        /* write the good rows, report the bad */
	const char *source;   /* the file's name, for the audit log */
	/* called now and then while checking (phase 0) and writing (phase 1) */
	void (*progress)(void *ctx, int phase, size_t done, size_t total);
	void *ctx;
} fh_import_options;

typedef struct fh_import_problem {
	size_t line;    /* of the file, 1-based; the row's first line */
	char field[32]; /* the field's identifier, or "" for the row */
	char message[400];
} fh_import_problem;

typedef struct fh_import_result {
	const char *encoding; /* what the file was read as */
	size_t rows;          /* data rows in the file */
	size_t imported;
	size_t skipped;
	fh_import_problem *problems; /* every bad row's problems, in line order */
	size_t nproblems;
} fh_import_result;

/* Imports the CSV text data[0..len). FH_EINVAL when a row is bad and not
 * skip_bad (nothing written; the problems are in *res), or when the file
 * itself is unreadable (err names the line). Free *res with
 * fh_import_result_free() whatever the status. On error *res still holds the
 * problems found, each with its line (free it with fh_import_result_free);
 * nothing was imported. */
fh_status fh_tenant_import(fh_store *store, const fh_actor *actor, const char *data, size_t len,
			   const fh_import_options *opt, fh_import_result *res, fh_error *err);
void fh_import_result_free(fh_import_result *res);

/* A row of an export: n cells, each text (never NULL); 0 to go on. */
typedef int fh_export_row_fn(void *ctx, const char *const *cells, int n);

/* Every tenant the filter matches (its search and sort ignored; in the
 * order they were taken in), one row() each after a row of headings: the
 * columns of fh_tenant_field as fh_tenant_get gives them (labels and
 * headings in Chinese when zh), then the hub's code. Read by ranges of a
 * few thousand numbers, a statement each, each range read whole before
 * its rows are handed out: another session's write waits for one range at
 * most, whatever the filter and however slowly row() writes; each tenant
 * there was when it began comes once, as it was when its range was read.
 * A row() that fails stops it (FH_ESTORE). On error what row() was given
 * stays given: the caller drops what it made of it. */
fh_status fh_tenant_export_rows(fh_store *store, const fh_actor *actor, const fh_tenant_filter *f, bool zh,
				fh_export_row_fn *row, void *ctx, fh_error *err);

/* Writes every tenant the filter matches (its search and sort ignored; in
 * the order they were taken in) as CSV through write(): a UTF-8 BOM when
 * bom, headings and labels in Chinese when zh, cells that a spreadsheet
 * would run as a formula neutralised. Columns as fh_tenant_field, then hub.
 * Read by ranges of a few thousand numbers, a statement each: another
 * session's write waits for one range at most, whatever the filter; each
 * tenant there was when it began is written once, as it was when its range
 * was read. write returns 0 on success. On error what write was given stays
 * written: the caller drops it (a file beside its target). */
fh_status fh_tenant_export(fh_store *store, const fh_actor *actor, const fh_tenant_filter *f, bool zh, bool bom,
			   int (*write)(void *ctx, const char *data, size_t n), void *ctx, fh_error *err);

#endif
