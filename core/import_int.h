/* fuhua core — private: what every CSV import shares (import.c): the
 * file's encoding, the problems found with their lines, the blank rows
 * spreadsheets leave. The tenant import and the activity import use it. */
#ifndef FUHUA_CORE_IMPORT_INT_H
#define FUHUA_CORE_IMPORT_INT_H

#include "csv.h"
#include "fuhua/import.h"

/* The encoding: a BOM, UTF-8 (perhaps with a bad byte), or GB18030 (or
 * opt->encoding), read into UTF-8; res->encoding says which. *data and
 * *len move past a BOM or to *converted (the caller frees it). FH_OK, or
 * FH_EINVAL naming the line that is neither. */
fh_status fh_import_decode(const fh_import_options *opt, const char **data, size_t *len, char **converted,
			   fh_import_result *res, fh_error *err);
/* Adds a problem of line `line` (field: an identifier or NULL for the
 * row) to res, its message escaped. */
void fh_import_add_problem(fh_import_result *res, size_t line, const char *field, const char *msg);
/* The problems in line order. */
void fh_import_sort_problems(fh_import_result *res);
/* Whether the record just read is empty (every cell blank). */
bool fh_import_blank(const fh_csv *c);

#endif
