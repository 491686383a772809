/* fuhua tests — what a module's unit test shares: its store and acting
 * operator (the system's), the group's setup and teardown, and the small
 * helpers the tests of every module write with. A test file includes it
 * once and says MODULE_TEST("name.db", "2026-06-10T09:00") for its
 * database and clock. */
#ifndef FUHUA_TEST_MODULE_H
#define FUHUA_TEST_MODULE_H

#include "fixture.h"

#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/mentor.h"
#include "fuhua/operator.h"
#include "fuhua/space.h"
#include "fuhua/tenant.h"

static fh_store *st;
static fh_actor sys_actor;

/* The cmocka group's module_setup (the database `name`, the clock at
 * `now`) and module_teardown. */
#define MODULE_TEST(name, now)                                   \
	static int module_setup(void **s)                        \
	{                                                        \
		(void)s;                                         \
		return fixture_open(name, now, &st, &sys_actor); \
	}                                                        \
	static int module_teardown(void **s)                     \
	{                                                        \
		(void)s;                                         \
		fh_store_close(&st);                             \
		return 0;                                        \
	}

/* Midnight of a day, China time ("2026-06-10"). */
static inline int64_t day(const char *ymd)
{
	return fh_date_epoch(ymd);
}

/* A time of a day: day(ymd) at h:m. */
static inline int64_t at(const char *ymd, int h, int m)
{
	return day(ymd) + (h * 60 + m) * 60;
}

/* A tenant of hub `code` admitted today, with a credit code or not. */
static inline int64_t admitted(const char *code, const char *name, const char *credit)
{
	return fixture_admitted(st, &sys_actor, code, name, credit);
}

/* A tenant in incubation in hub `code`, not registered. */
static inline int64_t tenant(const char *code, const char *name)
{
	return fixture_admitted(st, &sys_actor, code, name, NULL);
}

/* A hub's id by its code (asserted). */
static inline int64_t hub(const char *code)
{
	fh_hub h;
	fh_error err;
	assert_int_equal(fh_hub_get(st, &sys_actor, code, &h, &err), FH_OK);
	return h.id;
}

/* A space's id by its reference "hub/code" (asserted). */
static inline int64_t space(const char *ref)
{
	fh_space sp;
	fh_error err;
	assert_int_equal(fh_space_find(st, &sys_actor, ref, 0, &sp, &err), FH_OK);
	return sp.id;
}

/* The one integer a query answers, with an id put in it (fmt has %lld). */
static inline int64_t count_where(const char *fmt, int64_t id)
{
	char sql[256];
	snprintf(sql, sizeof sql, fmt, (long long)id);
	return fixture_count(st, sql);
}

/* A mentor of hub `hub` for so many tenants at once; its id. */
static inline int64_t new_mentor(const char *hub_code, const char *name, int capacity)
{
	fh_mentor m = { .capacity = capacity };
	fh_error err;
	int64_t id;
	snprintf(m.name, sizeof m.name, "%s", name);
	assert_int_equal(fh_mentor_add(st, &sys_actor, hub_code, &m, &id, &err), FH_OK);
	return id;
}

/* An operator `name` of hub `hub_code` with the role, signed in (asserted). */
static inline fh_actor signed_in(const char *name, fh_role role, const char *hub_code)
{
	fh_error err;
	fh_actor a;
	assert_int_equal(fh_operator_add(st, &sys_actor, name, role, hub_code, "secret1", &err), FH_OK);
	assert_int_equal(fh_operator_login(st, name, "secret1", "test", &a, &err), FH_OK);
	return a;
}

/* How many problems `fuhua check` finds (its quick form). */
static inline size_t check_problems(void)
{
	fh_error err;
	fh_check_report rep;
	memset(&rep, 0, sizeof rep);
	assert_int_equal(fh_store_check(st, false, &rep, &err), FH_OK);
	return rep.n;
}

/* A valid social-group credit code (51…) with serial n. */
static inline void code_for(int n, char out[19])
{
	snprintf(out, 19, "51310106MJ%07d", n);
	out[17] = fh_credit_code_check_char(out);
	out[18] = 0;
}

#endif
