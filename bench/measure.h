/* fuhua bench — the measures every bench file shares (measure.c). */
#ifndef FUHUA_BENCH_MEASURE_H
#define FUHUA_BENCH_MEASURE_H

#include <stdint.h>

#include "fuhua/operator.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"

extern int ntenants; /* the data's size, for the lines printed */

double now_ms(void);
double sql_ms(fh_store *s, const char *sql);      /* runs sql to its end: ms */
int cmp(const void *a, const void *b);            /* doubles, for qsort */
double p95(double *ms, int n);                    /* sorts ms */
void report(const char *what, double *ms, int n); /* median, p95, max */
void median_line(const char *what, double *ms, int n, const char *anchor_what, double *anchor);
void figure(const char *key, double value); /* a "FIGURE key value" line */
int64_t hub_id(fh_store *s, const fh_actor *admin, const char *code);
/* The list screen's first page as tui/screen/list.c reads it. */
double first_page(fh_store *s, const fh_actor *a, const fh_tenant_filter *f);

#endif
