/* fuhua tui — a report as an Excel file (report_xlsx.c). */
#ifndef FUHUA_TUI_REPORT_XLSX_H
#define FUHUA_TUI_REPORT_XLSX_H

#include <stddef.h>

#include "fuhua/sheet.h"

/* Writes report d to the file `path` as the form a bureau accepts: 0, or
 * -1 with why (translated) in why[0..size). */
int fh_report_xlsx(const fh_report_doc *d, const char *path, char *why, size_t size);

#endif
