/* fuhua tui — a report as an Excel file (report_xlsx.c). */
#ifndef FUHUA_TUI_REPORT_XLSX_H
#define FUHUA_TUI_REPORT_XLSX_H

#include <stddef.h>

#include "fuhua/sheet.h"

/* Writes report d to the file `path` as the form a bureau accepts: 0, or
 * -1 with why (translated) in why[0..size). */
int fh_report_xlsx(const fh_report_doc *d, const char *path, char *why, size_t size);

/* The same into `path` whole or not at all: written beside it under
 * another name and renamed over it once complete, readable by the group
 * (0640). 0, or -1 with why. */
int fh_report_xlsx_file(const fh_report_doc *d, const char *path, char *why, size_t size);

/* Into the server's reports folder: `dir`/HUB/REPORT-HUB-PERIOD.xlsx (the
 * hub's folder made 0750 when missing), its path into path[0..size). 0, or
 * -1 with why. */
int fh_report_xlsx_filed(const fh_report_doc *d, const char *dir, char *path, size_t size, char *why, size_t why_size);

#endif
