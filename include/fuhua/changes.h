/* fuhua — what another session's write can have changed.
 *
 * A screen left open shows what it read; when another session writes, it
 * reads again only if the write touched what it shows. Each kind of record
 * a screen shows is a topic, and each topic counts the writes to it: the
 * database's triggers count them in the writing transaction, whoever
 * writes (migration 10). A screen names its topics; the interface compares
 * the counts once a second at most. */
#ifndef FUHUA_CHANGES_H
#define FUHUA_CHANGES_H

#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/store.h"

typedef enum fh_topic {
	FH_TOPIC_TENANT,    /* tenants, their history, and each record shown on a tenant's page */
	FH_TOPIC_PARTY,     /* party records, members, sync items, joint branches, instructors */
	FH_TOPIC_MILESTONE, /* milestones and their templates */
	FH_TOPIC_MENTOR,    /* mentors, pairings, sessions */
	FH_TOPIC_SPACE,     /* spaces, allocations, bookings, the waiting list, working days */
	FH_TOPIC_HUB,       /* hubs and their configuration, operators added or removed */
	FH_TOPIC_AUDIT,     /* the audit log (the dashboard's activity) */
	FH_TOPIC_COUNT
} fh_topic;

#define FH_TOPICS_ALL ((1u << FH_TOPIC_COUNT) - 1)

/* Each topic's count of writes, into n: FH_OK, or the database's error (on
 * error n is not to be used: the caller treats every topic as changed). */
fh_status fh_changes_read(fh_store *store, int64_t n[FH_TOPIC_COUNT], fh_error *err);

/* The topics whose counts differ between was and now, as bits 1u << topic. */
unsigned fh_changes_between(const int64_t was[FH_TOPIC_COUNT], const int64_t now[FH_TOPIC_COUNT]);

#endif
