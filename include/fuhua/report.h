/* fuhua — reports: figures over the hubs an operator sees. */
#ifndef FUHUA_REPORT_H
#define FUHUA_REPORT_H

#include "fuhua/config.h"
#include "fuhua/error.h"
#include "fuhua/operator.h"

typedef struct fh_dashboard {
	int by_stage[FH_STAGE_COUNT]; /* tenants in each stage */
	int tenants;                  /* all stages */
	int party_org_covered;        /* incubating tenants with a party organisation
				   (coverage.org_forms; fh_party_coverage) */
	int party_work_covered;       /* … or under fallback with an instructor */
	int party_members;            /* full members in incubating tenants */
	int spaces, seats, seats_used;
	double area;
	int mentors, instructors, operators;
	int overdue; /* milestones overdue, and tenants past their planned end
			      (fh_milestone_due) */
} fh_dashboard;

/* Fills *out for the actor's hub and everything below it. On error *out is not
 * to be used. */
fh_status fh_report_dashboard(fh_store *store, const fh_actor *actor, fh_dashboard *out, fh_error *err);

/* What waits for a manager's decision at the actor's hubs, each the size of
 * the list where it is decided (a `more` flag: at least that many). */
typedef struct fh_waiting {
	int review;      /* applications in review (the Tenants list, stage reviewing) */
	int bookings;    /* bookings waiting for approval, from today (Spaces, Pending) */
	int graduations; /* tenants in incubation past their planned end (Mentoring, Late) */
	int handovers;   /* spaces not handed back by their deadline (Spaces, Handovers) */
	int sync_late;   /* party sync checks past their date (Party, Sync gaps) */
	bool sync_more;
	int milestones_late; /* milestones past due (Mentoring, Late) */
} fh_waiting;

/* Fills *out for the actor's hub and those below it, from the modules'
 * own lists and counts; dash is the actor's dashboard when the caller has
 * it (NULL: read here). FH_OK; FH_EDENIED for nobody; or the database's
 * error. On error *out is not to be used. */
fh_status fh_report_waiting(fh_store *store, const fh_actor *actor, const fh_dashboard *dash, fh_waiting *out,
			    fh_error *err);

#endif
