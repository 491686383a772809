/* fuhua core — private: the demo's parts in other files. */
#ifndef FUHUA_CORE_DEMO_INT_H
#define FUHUA_CORE_DEMO_INT_H

#include <stdint.h>

#include "fuhua/error.h"
#include "fuhua/operator.h"

/* A number in [0, n) from the demo's random stream rng. */
int fh_demo_pick(uint64_t *rng, int n);

/* Offices and desks for tenants in incubation (about 85 % of the seats), a
 * waiting list for the rest, and bookings of the rooms for the next two
 * weeks, a weekly one among them: all through the space and booking
 * modules, so that they obey the rules. In the caller's transaction. */
fh_status fh_demo_spaces(fh_store *store, const fh_actor *actor, uint64_t seed, fh_error *err);

/* Mentors paired with tenants in incubation (below their capacity) and
 * sessions over the last two months, through mentor.h; in the caller's
 * transaction. */
fh_status fh_demo_mentoring(fh_store *store, const fh_actor *actor, uint64_t seed, fh_error *err);

/* A year of outcomes through their modules: projects and their payments
 * and evaluations, activities, inspections, courses, meetings and stars,
 * follow-ups and 以社孵社, the ratings' history; in the caller's
 * transaction. */
fh_status fh_demo_outcomes(fh_store *store, const fh_actor *actor, uint64_t seed, fh_error *err);

#endif
