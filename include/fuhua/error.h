/* fuhua — errors as values.
 *
 * Every core function that can fail returns an fh_status and, when it fails,
 * fills a caller-owned fh_error. Core never prints and never exits; the caller
 * decides how to show the error. */
#ifndef FUHUA_ERROR_H
#define FUHUA_ERROR_H

#include <stddef.h>

typedef enum fh_status {
	FH_OK = 0,
	FH_EINVAL,    /* bad input: an argument, a field, a CSV row */
	FH_ECONFIG,   /* a configuration file: file, line and column are set */
	FH_ENOTFOUND, /* no such hub, operator, tenant, space */
	FH_EDENIED,   /* the operator's role or hub scope does not allow it */
	FH_ECONFLICT, /* stale version, duplicate, still in use */
	FH_EAUTH,     /* wrong name or password */
	FH_ESTORE,    /* the database failed or is not a fuhua database */
	FH_EVERSION,  /* the database is newer than this program */
	FH_ENOMEM,
	FH_EBUDGET, /* a query gave up on its budget of work (another plan answers) */
	FH_EBUSY,   /* not now: try again shortly (a login right after failures) */
} fh_status;

typedef struct fh_error {
	fh_status code;
	char field[64];    /* the field or option at fault, or "" */
	char file[512];    /* configuration file, or "" */
	int line, column;  /* 1-based, 0 when unknown */
	char message[512]; /* for people, already translated */
} fh_error;

/* Resets err to FH_OK with empty texts. err may be NULL. */
void fh_error_clear(fh_error *err);

/* Stores code, field (may be NULL) and a printf-style message in err (may be
 * NULL). Returns code, so that callers can write `return fh_error_set(...)`. */
fh_status fh_error_set(fh_error *err, fh_status code, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* As fh_error_set with FH_ECONFIG and a place in a file. */
fh_status fh_error_at(fh_error *err, const char *file, int line, int column, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Writes the error for people into buf: "file:line:column: message" for a
 * configuration error, "field: message" when a field is set, else the message.
 * Returns buf. */
const char *fh_error_format(const fh_error *err, char *buf, size_t size);

/* The exit status a command should end with for this error: 2 for bad input
 * (FH_EINVAL, FH_ECONFIG), 1 for everything else, 0 for FH_OK. */
int fh_error_exit_status(fh_status code);

#endif
