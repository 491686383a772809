/* fuhua — the milestones section of a hub's rules (milestones: and
 * mentoring: in fuhua-config(5)), owned by the milestone module: read by
 * core/milestone_config.c, kept in the database and read back by
 * core/milestone.c. Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_MILESTONE_RULES_H
#define FUHUA_MILESTONE_RULES_H

#include <stdbool.h>
#include <stddef.h>

typedef struct fh_milestone_tpl {
	char *code;     /* unique within its track */
	char *title;    /* for people, usually Chinese */
	int due_months; /* months after admission */
	char *kind;     /* "task", "grant" (公益创投), "contract" (政府购买服务),
			    "registration", "inspection", "election", "rating",
			    "party_org", "instructor", "party_work" (milestone.h) */
	char *title_en; /* the English title, or NULL */
	char *evidence; /* what counts as evidence, or NULL */
	bool required;  /* graduation needs it done or waived (default true) */
	int min_rating; /* kind rating: the grade that proves it (default 3) */
} fh_milestone_tpl;

#define FH_LEAD_DAYS_MAX 4

typedef struct fh_milestone_rules {
	fh_milestone_tpl *org; /* milestones.org: the organisation track's templates, owned */
	size_t norg;
	fh_milestone_tpl *party; /* milestones.party: the party track's templates, owned */
	size_t nparty;
	int quiet_days;                  /* mentoring.quiet_days: a pairing with no session for so long
				    is flagged, 1–365 */
	int lead_days[FH_LEAD_DAYS_MAX]; /* mentoring.lead_days: reminders so many days before
					    a due date, descending */
	int nlead;
} fh_milestone_rules;

/* The section's defaults (no templates, 30 quiet days, reminders 30, 7 and
 * 0 days before): the one place they are written. */
void fh_milestone_rules_defaults(fh_milestone_rules *r);

#endif
