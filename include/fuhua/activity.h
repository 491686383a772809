/* fuhua — activities and the people they served (活动, 服务人次): what a
 * tenant did on a day, where (a room it booked, or a place named), for
 * which of its projects, how many people it served and with how many
 * volunteers for how many hours. Tenants hand in their month as a
 * spreadsheet (fh_activity_import: all or nothing, line-numbered problems,
 * UTF-8 or GB18030); the totals per hub and month are kept as the rows are
 * written, so that a month of a city costs what a month of one hub does. */
#ifndef FUHUA_ACTIVITY_H
#define FUHUA_ACTIVITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/import.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

#define FH_ACTIVITY_TITLE_MAX 60 /* characters */
#define FH_ACTIVITY_PLACE_MAX 40
#define FH_ACTIVITY_SERVED_MAX 1000000 /* people served by one activity */

typedef enum fh_activity_kind {
	FH_ACTIVITY_SERVICE,      /* 服务 */
	FH_ACTIVITY_EVENT,        /* 活动 */
	FH_ACTIVITY_VOLUNTEERING, /* 志愿服务 */
	FH_ACTIVITY_PARTY,        /* 党建活动 */
	FH_ACTIVITY_OTHER,
	FH_ACTIVITY_KIND_COUNT
} fh_activity_kind;

/* The identifier ("service"), NULL out of range; and back from the
 * identifier or its label in either language (服务, "volunteering"): false
 * for none, *out unchanged. */
const char *fh_activity_kind_name(fh_activity_kind k);
bool fh_activity_kind_parse(const char *text, fh_activity_kind *out);

typedef struct fh_activity {
	int64_t id, hub_id, tenant_id;
	int64_t project_id; /* 0: none */
	int64_t booking_id; /* the room booked for it; 0: none */
	char hub_code[33];
	char tenant[128];
	int64_t on; /* the day */
	char title[FH_ACTIVITY_TITLE_MAX * 4 + 1];
	char place[FH_ACTIVITY_PLACE_MAX * 4 + 1]; /* the booked room's name when booking_id */
	fh_activity_kind kind;
	int served;             /* 服务人次 */
	int volunteers;         /* 志愿者 */
	double volunteer_hours; /* all volunteers' together, one decimal */
} fh_activity;

/* Records an activity, checked in the write transaction: the tenant in
 * the actor's scope and in the hub on that day (not before it applied, not
 * after it left); a day not in the future; a title; served 0 to
 * FH_ACTIVITY_SERVED_MAX; volunteer hours at most 24 per volunteer; a
 * project of the same tenant, approved or later (project.h); a booking of
 * the same tenant on the same day, not cancelled (its room becomes the
 * place). FH_EINVAL naming the field. Audited. On error *id is not to be
 * used. */
fh_status fh_activity_add(fh_store *store, const fh_actor *actor, const fh_activity *in, int64_t *id, fh_error *err);
/* Deletes an activity recorded by mistake (the totals follow). Audited
 * with what it was. FH_ENOTFOUND, FH_EDENIED. */
fh_status fh_activity_delete(fh_store *store, const fh_actor *actor, int64_t id, fh_error *err);

typedef struct fh_activity_filter {
	const char *hub_code; /* NULL: the actor's hub; with those below it */
	int64_t tenant;       /* 0: any */
	int64_t project;      /* 0: any */
	int64_t from, to;     /* days [from, to); 0: open */
	int64_t before_on,
		before; /* keyset: those before this day and number, in the list's order (0: from the latest) */
	int limit;      /* at most so many (0: all) */
} fh_activity_filter;

/* The activities the filter matches, the latest day first (then the
 * latest recorded). On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_activity_list(fh_store *store, const fh_actor *actor, const fh_activity_filter *f, fh_activity **rows,
			   size_t *n, fh_error *err);

enum fh_activity_by {
	FH_ACTIVITY_BY_HUB,    /* a row per hub of the scope with activities */
	FH_ACTIVITY_BY_MONTH,  /* a row per month, the scope together */
	FH_ACTIVITY_BY_TENANT, /* a row per tenant */
};

typedef struct fh_activity_total {
	char key[128];  /* the hub's code, the month ("2026-11") or the tenant's name */
	int64_t key_id; /* the hub's or the tenant's number; the month as 202611 */
	int64_t activities, served, volunteers;
	double volunteer_hours;
} fh_activity_total;

/* Totals of year `year` (month 1–12, or 0 for the whole year) in the
 * scope of hub_code (NULL: the actor's hub, with the hubs below it), a row
 * per hub, month or tenant, in that order. By hub and by month they are
 * read from the totals kept per hub and month. On error *rows is NULL and
 * *n 0: nothing to free. */
fh_status fh_activity_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int year, int month,
			     enum fh_activity_by by, fh_activity_total **rows, size_t *n, fh_error *err);

/* Imports the CSV text data[0..len) of activities: headings in Chinese or
 * English (日期/date, 机构/tenant — its number, credit code or exact name —,
 * 活动名称/title, 类型/kind, 地点/place, 项目/project, 服务人次/served,
 * 志愿者/volunteers, 志愿时长/volunteer_hours), each row checked as
 * fh_activity_add checks it before anything is written, then all in one
 * transaction — or, with opt->skip_bad, the good ones. opt->hub_code
 * narrows the tenants looked up to that hub's scope. FH_EINVAL when a row
 * is bad and not skip_bad (nothing written; every problem in *res with its
 * line), or when the file itself is unreadable (err names the line). Free
 * *res with fh_import_result_free() whatever the status. On error *res
 * still holds the problems found, each with its line, and nothing was
 * imported. */
fh_status fh_activity_import(fh_store *store, const fh_actor *actor, const char *data, size_t len,
			     const fh_import_options *opt, fh_import_result *res, fh_error *err);

#endif
