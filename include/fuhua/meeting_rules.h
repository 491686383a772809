/* fuhua — the meetings section of a hub's rules (meetings: in
 * fuhua-config(5)), owned by the meeting module: read by
 * core/meeting_config.c, kept in the database and read back by
 * core/meeting.c. Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_MEETING_RULES_H
#define FUHUA_MEETING_RULES_H

#define FH_MEETING_KINDS 4 /* fh_meeting_kind (meeting.h) */

typedef struct fh_meeting_rules {
	/* a branch holds each kind at least every so many months (0: not
	 * required): the branch general meeting, the committee, the group
	 * meeting and the Party lecture (三会一课), 0–12 */
	int months[FH_MEETING_KINDS];
} fh_meeting_rules;

/* The section's defaults (general meeting and lecture quarterly,
 * committee and group monthly): the one place they are written. */
void fh_meeting_rules_defaults(fh_meeting_rules *r);

#endif
