/* fuhua — training (能力建设): the courses a hub runs — day, title, topic,
 * trainer, hours and audience (tenants' staff, Party secretaries,
 * instructors and liaisons, community staff) — and who attended, by
 * person and tenant. Sessions (场次) and attendances (人次) per hub and
 * month; the tenants in incubation nobody of which was trained in a
 * year. */
#ifndef FUHUA_COURSE_H
#define FUHUA_COURSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

#define FH_COURSE_TEXT_MAX 60 /* characters of a title, a topic */
#define FH_COURSE_NAME_MAX 20 /* characters of a trainer's or attendee's name */

typedef enum fh_course_audience {
	FH_AUDIENCE_TENANT_STAFF,    /* 社会组织工作人员 */
	FH_AUDIENCE_SECRETARIES,     /* 党组织书记 */
	FH_AUDIENCE_INSTRUCTORS,     /* 党建指导员、联络员 */
	FH_AUDIENCE_COMMUNITY_STAFF, /* 社区工作者 */
	FH_AUDIENCE_COUNT
} fh_course_audience;

/* The identifier ("secretaries"), NULL out of range; and back from the
 * identifier or the Chinese term: false for none, *out unchanged. */
const char *fh_course_audience_name(fh_course_audience a);
bool fh_course_audience_parse(const char *text, fh_course_audience *out);

typedef struct fh_course {
	int64_t id, hub_id;
	char hub_code[33];
	int64_t on;
	char title[FH_COURSE_TEXT_MAX * 4 + 1];
	char topic[FH_COURSE_TEXT_MAX * 4 + 1];
	char trainer[FH_COURSE_NAME_MAX * 4 + 1];
	double hours; /* 0.5–24 */
	fh_course_audience audience;
	int attended; /* attendances recorded */
} fh_course;

/* Adds a course of hub_code (NULL: the actor's hub), planned or held:
 * title and trainer needed, hours 0.5 to 24. FH_EINVAL naming the field.
 * Audited. On error *id is not to be used. */
fh_status fh_course_add(fh_store *store, const fh_actor *actor, const char *hub_code, const fh_course *in, int64_t *id,
			fh_error *err);
/* Records that `person` (of tenant `tenant`, 0: none — community staff, a
 * secretary from elsewhere) attended course `course`, once it was held
 * (not before its day), a tenant in the actor's scope; the same person
 * and tenant once. FH_ECONFLICT for a second time; FH_EINVAL naming the
 * field. On error *id is not to be used. */
fh_status fh_course_attend(fh_store *store, const fh_actor *actor, int64_t course, int64_t tenant, const char *person,
			   int64_t *id, fh_error *err);
/* Courses of hub_code's scope (NULL: the actor's) from day `from` to
 * before `to` (0: open), latest first, with their attendances. On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_course_list(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t from, int64_t to,
			 fh_course **rows, size_t *n, fh_error *err);

typedef struct fh_attendance {
	int64_t id, course_id, tenant_id;
	char person[FH_COURSE_NAME_MAX * 4 + 1];
	char tenant[128]; /* "" for none */
} fh_attendance;

/* Who attended a course, by tenant and name. On error *rows is NULL and
 * *n 0: nothing to free. */
fh_status fh_course_attendees(fh_store *store, const fh_actor *actor, int64_t course, fh_attendance **rows, size_t *n,
			      fh_error *err);

typedef struct fh_course_total {
	char key[33];    /* the hub's code, or the month ("2026-11") */
	int sessions;    /* 场次: courses held */
	double hours;    /* their hours */
	int attendances; /* 人次 */
	int tenants;     /* tenants any of whose people attended */
} fh_course_total;

/* Courses held in year `year` (month 1–12, or 0: the whole year) in the
 * scope, a row per hub (by_month false) or per month (true). On error
 * *rows is NULL and *n 0: nothing to free. */
fh_status fh_course_totals(fh_store *store, const fh_actor *actor, const char *hub_code, int year, int month,
			   bool by_month, fh_course_total **rows, size_t *n, fh_error *err);

/* The tenants in incubation of the scope none of whose people attended a
 * course held in year `year`, by hub and name: their numbers and names
 * into rows (the caller frees). On error *rows is NULL and *n 0. */
typedef struct fh_untrained {
	int64_t tenant_id;
	char tenant[128];
	char hub_code[33];
} fh_untrained;
fh_status fh_course_untrained(fh_store *store, const fh_actor *actor, const char *hub_code, int year,
			      fh_untrained **rows, size_t *n, fh_error *err);

#endif
