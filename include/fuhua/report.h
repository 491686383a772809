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

#endif
