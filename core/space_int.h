/* fuhua core — private: what the space, booking and occupancy files share. */
#ifndef FUHUA_CORE_SPACE_INT_H
#define FUHUA_CORE_SPACE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/space.h"
#include "modules.h"

/* A hub's rules for spaces, as `fuhua init` stored them (space_rules.h).
 * FH_OK; FH_ENOTFOUND for no such hub; or the store's error, *r unchanged. */
fh_status fh_space_hub_rules(fh_store *store, int64_t hub, fh_space_rules *r, fh_error *err);

/* Today, midnight China time; a day as "YYYY-MM-DD". */
int64_t fh_space_today(void);
const char *fh_space_date(int64_t day, char buf[16]);

/* hub_code's id if the actor sees it; 0 for NULL or "" (the actor's scope). */
/* The bookable rooms of the scope FH_SQL_SCOPE made (spaces s of hubs h):
 * meeting and activity rooms, not retired. */
#define FH_SQL_ROOMS_OF_SCOPE \
	" s.retired = 0 AND s.type IN ('meeting_room','activity_room') AND s.hub_id IN (SELECT id FROM scope)"

fh_status fh_space_hub(fh_store *store, const fh_actor *actor, const char *hub_code, int64_t *hub, fh_error *err);
/* One space by number, without a scope check, its use today. */
fh_status fh_space_read_one(fh_store *store, int64_t id, fh_space *out, fh_error *err);

/* An allocation holding a space between two days. */
struct fh_hold {
	int64_t id, start_on, end_on;
	int seats; /* at least 1 */
	char tenant[128];
};
/* The allocations of a space that overlap [from, to], by start. The
 * caller frees *rows. */
fh_status fh_space_holds(fh_store *store, int64_t space, int64_t from, int64_t to, struct fh_hold **rows, size_t *n,
			 fh_error *err);
/* Whether an allocation from start to end (inclusive) holds the space in
 * the morning (pm false) or afternoon of `day`. A handover day is shared:
 * the tenant leaving has the morning, the one arriving the afternoon; a
 * one-day allocation has both. */
bool fh_space_occupies(int64_t start, int64_t end, int64_t day, bool pm);
/* Seats the holds use in half `half` of `day` (0 morning, 1 afternoon, -1
 * either); who: "name seats, …" when not NULL. */
int fh_space_use_on(const struct fh_hold *h, size_t n, int64_t day, int half, char *who, size_t size);

/* The module table's hooks (modules.h): a tenant that graduates or leaves
 * gives its spaces back (space.c) and, when it leaves, its bookings to come
 * (booking.c); each adds its count to the change's audit line. */
fh_status fh_space_tenant_changed(fh_store *store, const struct fh_tenant_change *c, fh_error *err);
fh_status fh_booking_tenant_changed(fh_store *store, const struct fh_tenant_change *c, fh_error *err);


/* The module table's rules hooks (modules.h): its part of a hub's rules kept
 * by `fuhua init`, and its part of their fingerprint. */
fh_status fh_space_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_space_describe_rules(struct fh_buf *b, const struct fh_rules *r);

struct fh_cfg_section;
/* Its own schema, ending with NULL, for the module table. */
extern const char *const fh_space_schema[];
/* Its section of the configuration (space_config.c), for the module table. */
extern const struct fh_cfg_section fh_space_config;

#endif
