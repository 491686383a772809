/* fuhua — each year's inspection (年检/年报) of a registered tenant: when
 * it was filed, its result (合格 / 基本合格 / 不合格 / 未参检), and whether
 * the party-building report went with it — which closes the tenant's
 * annual sync check on the party track (同年检). Per hub: the tenants due,
 * those that filed and passed, and the rates the bureau counts (参检率 =
 * filed ÷ due, 合格率 = passed ÷ filed).
 *
 * `year` is the year whose work is inspected: the 2025 inspection is filed
 * in 2026, by the hub's sync.annual_deadline (05-31). */
#ifndef FUHUA_INSPECTION_H
#define FUHUA_INSPECTION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

typedef enum fh_inspection_result {
	FH_INSPECTION_PASSED, /* 合格 */
	FH_INSPECTION_BASIC,  /* 基本合格 */
	FH_INSPECTION_FAILED, /* 不合格 */
	FH_INSPECTION_ABSENT, /* 未参检 */
	FH_INSPECTION_RESULT_COUNT
} fh_inspection_result;

/* The identifier ("passed"), NULL out of range; and back from the
 * identifier or the Chinese term (合格): false for none, *out unchanged. */
const char *fh_inspection_result_name(fh_inspection_result r);
bool fh_inspection_result_parse(const char *text, fh_inspection_result *out);

typedef struct fh_inspection {
	int64_t id, tenant_id, hub_id;
	char tenant[128];
	char hub_code[33];
	int year;         /* the year inspected */
	int64_t filed_on; /* 0 when absent */
	fh_inspection_result result;
	bool party_report; /* the party-building report went with it */
	bool late;         /* filed after the deadline */
	char note[241];
} fh_inspection;

/* Records tenant in->tenant_id's inspection of in->year, replacing what
 * was recorded for that year (a correction, audited old → new), checked in
 * the write transaction: the tenant in scope and registered; a year from
 * 2000 to last year; filed on a day after the year ended and not in the
 * future (none when absent). With the party report, the tenant's annual
 * sync check of the filing's year is done on the filing day (opened first
 * if it was not). FH_EINVAL naming the field. On error *id is not to be
 * used. */
fh_status fh_inspection_record(fh_store *store, const fh_actor *actor, const fh_inspection *in, int64_t *id,
			       fh_error *err);

/* The inspections of year `year` (0: any) in hub_code's scope (NULL: the
 * actor's) or of one tenant (tenant ≠ 0), by hub and tenant. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_inspection_list(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t tenant, int year,
			     fh_inspection **rows, size_t *n, fh_error *err);

typedef struct fh_inspection_total {
	char hub_code[33];
	int due;                                   /* registered tenants that should inspect the year */
	int by_result[FH_INSPECTION_RESULT_COUNT]; /* among the due, absent including none recorded */
	int filed;                                 /* due and filed: passed, basic or failed */
	int with_report;                           /* filed with the party-building report */
	double participation;                      /* 参检率: filed ÷ due, % (0 when none due) */
	double pass_rate;                          /* 合格率: passed ÷ filed, % (0 when none filed) */
} fh_inspection_total;

/* Per hub of the scope, for year `year`: the tenants due — registered,
 * incubating or graduated, admitted before the year ended — or with an
 * inspection of that year recorded, and how they fared. Hubs in code order,
 * a row only where some are due. On error *rows is NULL and *n 0: nothing
 * to free. */
fh_status fh_inspection_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int year,
			       fh_inspection_total **rows, size_t *n, fh_error *err);

#endif
