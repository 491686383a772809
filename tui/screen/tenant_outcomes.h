/* fuhua tui — a tenant's page, its outcome tabs (view_tenant_outcomes.c):
 * projects, activities, inspections and ratings, follow-up. */
#ifndef FUHUA_TUI_TENANT_OUTCOMES_H
#define FUHUA_TUI_TENANT_OUTCOMES_H

#include "fuhua/activity.h"
#include "fuhua/followup.h"
#include "fuhua/inspection.h"
#include "fuhua/project.h"
#include "fuhua/rating.h"
#include "tui.h"

enum { FH_TO_PROJECTS, FH_TO_ACTIVITIES, FH_TO_RECORDS, FH_TO_FOLLOWUP };

struct fh_tenant_outcomes {
	int year;
	fh_project *projects;
	size_t nprojects;
	fh_activity *activities; /* the latest */
	size_t nactivities;
	fh_activity_total year_total;
	fh_inspection *inspections;
	size_t ninspections;
	fh_rating *ratings;
	size_t nratings;
	fh_followup *followups;
	size_t nfollowups;
	fh_incubation *links;
	size_t nlinks;
};

/* Reads a tenant's outcomes from their modules (what was there freed
 * first): FH_OK, or the first error. */
fh_status fh_tenant_outcomes_load(struct app *app, int64_t tenant, struct fh_tenant_outcomes *o, fh_error *err);
void fh_tenant_outcomes_free(struct fh_tenant_outcomes *o);
/* Draws outcome tab `tab` (FH_TO_*) into rows from y, scrolled. */
void fh_tenant_outcomes_draw(struct app *app, const struct fh_tenant_outcomes *o, int tab, int y, int rows, int cols,
			     int scroll);

#endif
