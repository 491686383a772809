/* fuhua tui — the command line: options and non-interactive subcommands. */
#ifndef FUHUA_TUI_CLI_H
#define FUHUA_TUI_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fuhua/operator.h"
#include "fuhua/store.h"

enum fh_format { FH_FORMAT_TABLE, FH_FORMAT_CSV, FH_FORMAT_JSON };

struct fh_opts {
	const char *db;      /* --db, else FUHUA_DB, else the XDG data directory */
	const char *config;  /* --config, else FUHUA_CONFIG, else the installed one */
	const char *lang;    /* --lang */
	const char *role, *hub;
	enum fh_format format;
	long tenants;
	unsigned long long seed;
	bool have_tenants, have_seed, have_format;
	/* tenant commands: each field's option (--credit-code …), by fh_tenant_field */
	const char *tf[32];
	/* party commands: each party field's option (--full-members …), by
	 * fh_party_field; --founded and --reason are the tenant's options */
	const char *pf[16];
	const char *search, *reason, *encoding, *output, *sort, *to, *on, *year, *kind, *here;
	/* space and booking commands */
	const char *from, *seats, *month, *at, *tenant, *room, *date, *time, *weeks, *title,
		*type, *note, *ending;
	/* mentoring commands */
	const char *expertise, *organization, *capacity, *mentor, *topic, *hours, *milestone,
		*evidence, *days;
	bool skip_bad, no_bom, all_stages, ics, pending, skipped, overdue, all, override, full;
	int npos;
	char *pos[8];        /* the command and its operands */
};

/* Parses argv into *o. On a usage error prints it and returns 2; returns -1
 * when the program should go on, 0 when it has printed help or version. */
int fh_cli_parse(int argc, char **argv, struct fh_opts *o);

/* Runs the subcommand in o->pos[0]; returns the exit status. */
int fh_cli_run(struct fh_opts *o);

/* The database path from the options and environment into buf; creates the
 * XDG data directory when that is the one chosen. */
const char *fh_cli_db_path(const struct fh_opts *o, char *buf, size_t size);

/* Shared by the subcommand files: the error on stderr, its exit status; a
 * usage error (exit 2); the store opened as the built-in system operator. */
/* On standard error: how many files a killed demo or backup left were
 * removed (fh_store_sweep), and the first; nothing when none. */
void fh_cli_say_swept(int files, const char *first);
int fh_cli_report(const fh_error *err);
int fh_cli_usage_error(const char *fmt, const char *arg);
/* For a command that writes many rows in one transaction (demo, import):
 * memory freed is kept for the next row instead of going back to the
 * system at once (glibc's trim and mmap thresholds raised) — a fifth of the
 * demo's time was page faults for the same buffers again. */
void fh_cli_bulk_memory(void);
int fh_cli_open_as_system(const struct fh_opts *o, fh_store **s, fh_actor *a);
/* The hub --hub names into *hub (0 without the option): -1 to go on, else
 * the exit status after saying it is not one of the actor's. */
int fh_cli_hub(const struct fh_opts *o, fh_store *s, const fh_actor *by, int64_t *hub);

/* fuhua tenant …: list, show, add, edit, move, extend, import, export. */
int fh_cli_tenant(struct fh_opts *o);
/* fuhua party …, fuhua branch …, fuhua report coverage. */
int fh_cli_party(struct fh_opts *o);
int fh_cli_branch(struct fh_opts *o);
int fh_cli_report_cmd(struct fh_opts *o);
/* fuhua mentor …, milestone …, session …, remind (cli_mentor.c). */
int fh_cli_mentor(struct fh_opts *o);
int fh_cli_milestone(struct fh_opts *o);
int fh_cli_session(struct fh_opts *o);
int fh_cli_remind(struct fh_opts *o);
/* fuhua space …, fuhua booking …, fuhua report occupancy (cli_space.c). */
int fh_cli_space(struct fh_opts *o);
int fh_cli_booking(struct fh_opts *o);
int fh_cli_occupancy(struct fh_opts *o);
/* A number option in [min, max] (fh_int_take: digits only): the value,
 * `absent` without it, -1 after a usage error naming the option and the
 * range. */
long fh_cli_number(const char *option, const char *value, long min, long max, long absent);
/* A day as "YYYY-MM-DD" in buf, "" for 0 (not set). */
const char *fh_cli_date(int64_t day, char buf[16]);
/* A record's number (digits only, 1 to FH_ID_MAX) from s; false if it is
 * none. */
bool fh_cli_id(const char *s, int64_t *id);
/* --on, --from, --to, --at … as a day (midnight China time, fh_date_take):
 * true with *day, 0 when the option is absent; false after a usage error
 * naming the option (exit 2). */
bool fh_cli_day(const char *option, const char *value, int64_t *day);
/* fuhua backup --to FILE; fuhua check. */
int fh_cli_backup(struct fh_opts *o);
int fh_cli_check(struct fh_opts *o);

#endif
