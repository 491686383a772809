/* fuhua — configuration: one YAML file per hub level and one per hub.
 *
 *   DIR/levels/{city,district,street,community}.yaml   defaults of a level
 *   DIR/hubs/<code>.yaml                               one hub, its spaces, overrides
 *
 * fh_config_load() reads and checks the whole directory; on the first error it
 * returns FH_ECONFIG with file, line and column in the fh_error. Every key is
 * documented in fuhua-config(5). */
#ifndef FUHUA_CONFIG_H
#define FUHUA_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/calendar_rules.h"
#include "fuhua/error.h"
#include "fuhua/followup_rules.h"
#include "fuhua/report_rules.h"
#include "fuhua/lifecycle_rules.h"
#include "fuhua/meeting_rules.h"
#include "fuhua/milestone_rules.h"
#include "fuhua/operator_rules.h"
#include "fuhua/party_rules.h"
#include "fuhua/project_rules.h"
#include "fuhua/rating_rules.h"
#include "fuhua/space_rules.h"
#include "fuhua/tenant_rules.h"

typedef enum fh_level {
	FH_LEVEL_CITY,
	FH_LEVEL_DISTRICT,
	FH_LEVEL_STREET,
	FH_LEVEL_COMMUNITY,
	FH_LEVEL_COUNT
} fh_level;

typedef enum fh_space_type {
	FH_SPACE_OFFICE,
	FH_SPACE_DESK,
	FH_SPACE_ACTIVITY_ROOM,
	FH_SPACE_MEETING_ROOM,
	FH_SPACE_SHOWCASE,
	FH_SPACE_TYPE_COUNT
} fh_space_type;

/* Identifiers as written in configuration and the database ("street"); NULL
 * for an out-of-range value. The parse functions return false on an unknown
 * name. */
const char *fh_level_name(fh_level level);
bool fh_level_parse(const char *name, fh_level *out);
const char *fh_stage_name(fh_stage stage);
bool fh_stage_parse(const char *name, fh_stage *out);
const char *fh_space_type_name(fh_space_type type);
bool fh_space_type_parse(const char *name, fh_space_type *out);

/* The rules a hub works by: its level's values with its own overrides, one
 * section per module, each declared in that module's header (*_rules.h),
 * read by the keys the module registers (core/modules.c) and kept by it. */
typedef struct fh_rules {
	fh_tenant_rules tenant;       /* fields: */
	fh_lifecycle_rules lifecycle; /* term, extension, stages:, graduation: */
	fh_milestone_rules milestone; /* milestones:, mentoring: */
	fh_party_rules dual;          /* dual incubation: party:, sync:, coverage: */
	fh_space_rules space;         /* spaces and bookings */
	fh_calendar calendar;         /* holidays: */
	fh_operator_rules operator;   /* idle_lock_minutes */
	fh_project_rules project;     /* projects: */
	fh_rating_rules rating;       /* ratings: */
	fh_followup_rules followup;   /* followup: */
	fh_meeting_rules meeting;     /* meetings: */
	fh_report_rules reports;      /* reports: */
} fh_rules;

typedef struct fh_space_def {
	char *code;
	char *name;
	fh_space_type type;
	int floor;     /* -5 … 99 */
	double area;   /* m², > 0 */
	int seats;     /* ≥ 0 */
	bool approval; /* bookings wait for a manager's approval */
	int line, column;
} fh_space_def;

typedef struct fh_hub_def {
	char *code;
	char *name;
	char *short_name; /* what lists show for it, at most 12 characters (default: name) */
	fh_level level;
	char *parent;   /* code of the parent hub, NULL for a city */
	char *address;  /* may be NULL */
	char *file;     /* the file it came from */
	fh_rules rules; /* merged: level values, then the hub's overrides */
	fh_space_def *spaces;
	size_t nspaces;
} fh_hub_def;

typedef struct fh_config fh_config;

/* Reads and checks the configuration directory dir. On success *out holds a
 * configuration the caller frees with fh_config_free(). On failure returns
 * FH_ECONFIG (or FH_ENOMEM) with the first problem's place in err. On error
 * *out is NULL. */
fh_status fh_config_load(const char *dir, fh_config **out, fh_error *err);
void fh_config_free(fh_config **cfg);

/* Hubs are ordered parents first (a city, its districts, …). The pointers
 * stay valid until fh_config_free(). */
size_t fh_config_hub_count(const fh_config *cfg);
const fh_hub_def *fh_config_hub(const fh_config *cfg, size_t i);
const fh_hub_def *fh_config_find_hub(const fh_config *cfg, const char *code);
/* The level's own values (before any hub override), or NULL if absent. */
const fh_rules *fh_config_level(const fh_config *cfg, fh_level level);

#endif
