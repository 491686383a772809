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

#include "fuhua/error.h"
#include "fuhua/party_rules.h"
#include "fuhua/space_rules.h"

typedef enum fh_level {
	FH_LEVEL_CITY,
	FH_LEVEL_DISTRICT,
	FH_LEVEL_STREET,
	FH_LEVEL_COMMUNITY,
	FH_LEVEL_COUNT
} fh_level;

typedef enum fh_stage {
	FH_STAGE_APPLIED,
	FH_STAGE_REVIEWING,
	FH_STAGE_INCUBATING,
	FH_STAGE_GRADUATED,
	FH_STAGE_EXITED,
	FH_STAGE_COUNT
} fh_stage;

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

typedef struct fh_milestone_tpl {
	char *code;      /* unique within its track */
	char *title;     /* for people, usually Chinese */
	int due_months;  /* months after admission */
	char *kind;      /* "task", "grant" (公益创投), "contract" (政府购买服务),
			    "registration", "inspection", "election", "rating",
			    "party_org", "instructor", "party_work" (milestone.h) */
	char *title_en;  /* the English title, or NULL */
	char *evidence;  /* what counts as evidence, or NULL */
	bool required;   /* graduation needs it done or waived (default true) */
	int min_rating;  /* kind rating: the grade that proves it (default 3) */
} fh_milestone_tpl;

typedef struct fh_stage_rule {
	char *label;  /* what people call the stage at this level, or NULL */
	int max_days; /* 0 = no limit on time spent in the stage */
} fh_stage_rule;

/* The rules a hub works by: its level's values with its own overrides. */
typedef struct fh_rules {
	int incubation_term_months;  /* 1–120 */
	int extension_months;        /* 0 = no extension allowed */
	int idle_lock_minutes;       /* 0 = never lock; 1–240 */
	char **fields;               /* service fields, in order */
	size_t nfields;
	fh_stage_rule stages[FH_STAGE_COUNT];
	fh_milestone_tpl *org;       /* org-track milestone templates */
	size_t norg;
	fh_milestone_tpl *party;     /* party-track milestone templates */
	size_t nparty;
	int grad_min_months;         /* months of incubation before graduation */
	bool grad_all_milestones;    /* every milestone done */
	bool grad_party_coverage;    /* party organisation or instructor in place */
	int grad_min_rating;         /* 0 = none, else 1–5 (1A–5A) */
	bool grad_registered;        /* registered, with a credit code */
	bool grad_handovers;         /* no handover of a space overdue */
	/* mentoring (milestone.h, mentor.h) */
	int quiet_days;              /* a pairing with no session for so long is flagged (30) */
	int lead_days[4];            /* reminders so many days before a due date (30, 7, 0) */
	int nlead;
	fh_party_rules dual;         /* dual incubation: party:, sync:, coverage: (party_rules.h) */
	fh_space_rules space;        /* spaces and bookings (space_rules.h) */
	/* the calendar (calendar.h): days off and weekend days worked (调休),
	 * midnight China time, sorted, each list at most FH_CALENDAR_MAX days */
	int64_t *days_off;
	size_t ndays_off;
	int64_t *days_worked;
	size_t ndays_worked;
} fh_rules;
#define FH_CALENDAR_MAX 2000

typedef struct fh_space_def {
	char *code;
	char *name;
	fh_space_type type;
	int floor;       /* -5 … 99 */
	double area;     /* m², > 0 */
	int seats;       /* ≥ 0 */
	bool approval;   /* bookings wait for a manager's approval */
	int line, column;
} fh_space_def;

typedef struct fh_hub_def {
	char *code;
	char *name;
	fh_level level;
	char *parent;    /* code of the parent hub, NULL for a city */
	char *address;   /* may be NULL */
	char *file;      /* the file it came from */
	fh_rules rules;  /* merged: level values, then the hub's overrides */
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
