/* fuhua tui — what the Outcomes screen's files share (F7): its tabs —
 * Projects, Activities, Training and Follow-up — the figures that head it,
 * and the small forms that record each (view_oc_form.c). */
#ifndef FUHUA_TUI_OUTCOMES_H
#define FUHUA_TUI_OUTCOMES_H

#include <stdint.h>

#include "fuhua/activity.h"
#include "fuhua/project.h"
#include "tui.h"

/* The screen's figures, from core's totals (never summed here): this
 * year's projects, this month's and the year's activities, this year's
 * courses, the follow-ups overdue. */
struct fh_oc_shared {
	int year, month;
	int projects;                 /* of the year, not refused */
	int64_t granted, paid;        /* fen */
	fh_activity_total months[12]; /* the year's months, January first (keys "" where none) */
	int64_t activities, served;   /* this month */
	int sessions, attendances;    /* courses held this year */
	int overdue;                  /* follow-ups */
	int past_end, evaluation_due; /* projects (the Projects tab counts them) */
};

enum fh_oc_form_kind {
	FH_OCF_PROJECT,  /* a new project of a tenant */
	FH_OCF_PAY,      /* a payment to a project */
	FH_OCF_EVALUATE, /* a closed project's evaluation */
	FH_OCF_MOVE,     /* a project to its next state */
	FH_OCF_ACTIVITY, /* an activity */
	FH_OCF_COURSE,   /* a course */
	FH_OCF_ATTEND,   /* who attended a course */
	FH_OCF_FOLLOWUP, /* a follow-up recorded */
};

struct fh_oc_form_arg {
	enum fh_oc_form_kind kind;
	int64_t id;     /* the project, course or follow-up */
	int64_t tenant; /* the tenant it is for, when known */
};

extern const struct view_ops fh_oc_form_view;
/* The tabs, in their order on the bar. */
extern const struct view_ops fh_oc_projects_view, fh_oc_activities_view, fh_oc_training_view, fh_oc_followup_view;
enum { FH_OC_TAB_PROJECTS, FH_OC_TAB_ACTIVITIES, FH_OC_TAB_TRAINING, FH_OC_TAB_FOLLOWUP, FH_OC_TAB_COUNT };

#endif
