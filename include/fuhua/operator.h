/* fuhua — operators (the people who log in), their roles and hub scope.
 *
 * An operator works at one hub and sees that hub and the hubs below it; core
 * checks this on every call. Passwords are hashed with yescrypt (libxcrypt),
 * compared in constant time and never stored, returned or logged in clear;
 * repeated failures slow further attempts down. */
#ifndef FUHUA_OPERATOR_H
#define FUHUA_OPERATOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/error.h"

typedef struct fh_store fh_store;

typedef enum fh_role {
	FH_ROLE_FRONT_DESK, /* 前台: tenants, desks, sessions, milestones */
	FH_ROLE_MANAGER,    /* 基地主任: also admits and graduates */
	FH_ROLE_ADMIN,      /* also operators and configuration */
	FH_ROLE_COUNT
} fh_role;

/* A role's identifier ("front_desk", "manager", "admin"), NULL out of range;
 * and back: false for no role's name, *out unchanged. */
const char *fh_role_name(fh_role role);
bool fh_role_parse(const char *name, fh_role *out);

/* Who is acting: filled by fh_operator_login() or fh_actor_system(). */
typedef struct fh_actor {
	int64_t id;
	char name[64];
	fh_role role;
	int64_t hub_id;
	char hub_code[33];
	char hub_name[128];
	char via[64];          /* "tui", "cli:alice" … recorded in the audit log */
	int idle_lock_minutes; /* from the hub's rules; 0 = never */
} fh_actor;

/* The built-in operator that non-interactive subcommands act as: an admin at
 * the root hub. `via` says who ran it (e.g. "cli:alice"). FH_ENOTFOUND until
 * `fuhua init` has created the hubs. When via is "cli:USER" the actor is
 * named so: the audit log and refusals name the Unix user, not "system". On
 * error *out is not to be used. */
fh_status fh_actor_system(fh_store *store, const char *via, fh_actor *out, fh_error *err);

/* The operator bound to Unix user `login` (fh_operator_bind_unix), for a
 * command that user runs: its role and hubs, via "cli:LOGIN". FH_ENOTFOUND
 * when none is bound to it, FH_EDENIED when the one bound is disabled, or
 * the database's error. On error *out is zeroed: nobody acts. */
fh_status fh_actor_unix(fh_store *store, const char *login, fh_actor *out, fh_error *err);

/* Checks name and password. On success fills *out and resets the failure
 * count; on failure returns FH_EAUTH ("wrong name or password", the same for
 * an unknown name) and counts the failure. Before checking, waits
 * fh_operator_delay_ms() for the operator's recent failures. On error *out is
 * zeroed: nobody is logged in. */
fh_status fh_operator_login(fh_store *store, const char *name, const char *password, const char *via, fh_actor *out,
			    fh_error *err);

/* How long a terminal makes its operator wait after `failures` wrong
 * passwords in a row typed there: 1 s, 2 s, 4 s … up to 30 s (0 for none).
 * fh_operator_login() itself never waits: after 3 failures in a row on one
 * name, from any terminal, it refuses attempts less than 2 s after the last
 * failure with FH_EBUSY (no password is checked), so another terminal's
 * correct login waits at most 2 s. */
unsigned fh_operator_delay_ms(int failures);

/* Creates an operator within the actor's scope: a manager adds front desk
 * and managers, an admin anyone. Name: 2–32 characters, letters, digits,
 * '.', '_', '-' or Chinese; password 6–128 bytes. FH_OK; FH_EINVAL naming the
 * field, FH_EDENIED, FH_ENOTFOUND for the hub, FH_ECONFLICT if the name
 * exists, or the database's error. Audited. */
fh_status fh_operator_add(fh_store *store, const fh_actor *by, const char *name, fh_role role, const char *hub_code,
			  const char *password, fh_error *err);

/* Sets a password: anyone their own; a manager for front desk and managers
 * in scope, an admin for anyone in scope (a reset: its failures cleared).
 * expected_version is the row version the caller read (0: skip the check).
 * FH_OK; FH_EINVAL for a password the rules refuse, FH_EDENIED, FH_ENOTFOUND,
 * FH_ECONFLICT for another version, or the database's error. Audited. */
fh_status fh_operator_set_password(fh_store *store, const fh_actor *by, const char *name, const char *password,
				   int64_t expected_version, fh_error *err);
/* An operator changes their own password, giving the old one: FH_OK;
 * FH_EAUTH (field "old") when the old one is wrong, counted as a failed
 * login; FH_EINVAL (field "password") for a new one the rules refuse or the
 * same as the old; FH_ECONFLICT when it was changed meanwhile; or the
 * database's error. Audited. */
fh_status fh_operator_change_own(fh_store *store, const fh_actor *by, const char *old, const char *password,
				 fh_error *err);
/* Disables an operator (it can no longer log in) or enables it again: a
 * manager for front desk and managers of its hubs, an admin for anyone in
 * scope, never oneself. FH_OK; FH_EDENIED, FH_ENOTFOUND, FH_EINVAL for
 * oneself, FH_ECONFLICT when it is so already, or the database's error.
 * Audited. */
fh_status fh_operator_set_disabled(fh_store *store, const fh_actor *by, const char *name, bool disable, fh_error *err);
/* Binds operator `name` to Unix login `login` ("" unbinds it): the
 * commands that Unix user runs then act as that operator (fh_actor_unix).
 * An administrator, for an operator in scope. Login: 1–32 of letters,
 * digits, '_', '.' and '-', not starting with '-'. FH_OK; FH_EINVAL
 * ("unix"), FH_EDENIED, FH_ENOTFOUND, FH_ECONFLICT ("unix") when the login
 * is bound to another operator (read in the write), or the database's
 * error. Audited. */
fh_status fh_operator_bind_unix(fh_store *store, const fh_actor *by, const char *name, const char *login,
				fh_error *err);
/* How many operators there are, the built-in system one not counted (0 on a
 * database `fuhua init` made and nobody added to): FH_OK, or the database's
 * error; on error *n is 0. */
fh_status fh_operator_count(fh_store *store, int *n, fh_error *err);

/* The password of every demo operator. */
#define FH_DEMO_PASSWORD "demo1234"

typedef struct fh_operator_row {
	int64_t id;
	char name[64];
	fh_role role;
	char hub_code[33];
	char hub_name[128];
	int64_t last_login; /* 0 = never */
	int failures;
	int64_t version;
	bool disabled;       /* cannot log in (fh_operator_set_disabled) */
	char unix_login[33]; /* the Unix user its commands run as ("" none) */
} fh_operator_row;

/* The operators at hubs the actor sees, by hub then name. The caller frees
 * *rows with free(). The built-in system operator is not listed. On error *rows
 * is NULL and *n 0: nothing to free. */
fh_status fh_operator_list(fh_store *store, const fh_actor *by, fh_operator_row **rows, size_t *n, fh_error *err);

/* The demo's accounts that still have the password they were made with
 * (fh_operator_mark_demo): their names and roles into rows (at most max;
 * front desk first, then managers, then admins), *n how many. Reads only,
 * no hashing: an account's hash is the one recorded until its password is
 * set again. The login screen of a demo database says how to log in only
 * while there is one. On error rows or *n is not to be used. */
fh_status fh_operator_demo_logins(fh_store *store, fh_operator_row *rows, size_t max, size_t *n, fh_error *err);
/* Records every operator's present hash as the demo's (fuhua demo, in its
 * transaction, right after making the accounts): FH_OK, or the database's
 * error. */
fh_status fh_operator_mark_demo(fh_store *store, fh_error *err);

/* Whether role may do what needs `need` (admin ⊇ manager ⊇ front desk). */
bool fh_role_allows(fh_role role, fh_role need);

#endif
