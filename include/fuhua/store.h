/* fuhua — the database: one SQLite file shared by every session.
 *
 * Opening chooses the journal mode from the SQLite library's version (WAL only
 * on a library without the WAL-reset race, else a rollback journal with
 * synchronous=FULL), sets a busy timeout and foreign keys, and applies the
 * numbered migrations inside BEGIN IMMEDIATE (taken only when one is due),
 * so that two processes starting at once never migrate together. A database newer than the program is
 * refused. A new file is created with mode 0660 for a group-shared setup. */
#ifndef FUHUA_STORE_H
#define FUHUA_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "fuhua/error.h"

#define FH_APPLICATION_ID 0x46754875 /* "FuHu" */

typedef struct fh_store fh_store;

/* Opens the database at path and brings its schema up to date. Takes no
 * write lock unless a migration is due, so opening never waits behind a long
 * write. A path where no file is returns FH_EINVAL naming it (nothing is
 * created); a busy database FH_EBUSY; otherwise FH_ESTORE, or FH_EVERSION
 * for a newer database, with the reason in err. The caller closes with
 * fh_store_close(). */
fh_status fh_store_open(const char *path, fh_store **out, fh_error *err);
/* As fh_store_open(), creating the file (0660) when there is none: for
 * 'fuhua init' and 'fuhua demo'. */
fh_status fh_store_create(const char *path, fh_store **out, fh_error *err);
void fh_store_close(fh_store **store);

/* The schema version this program writes, and the one the open file has. */
int fh_store_schema_latest(void);
int fh_store_schema_version(const fh_store *store);

/* "wal" or "delete": what fh_store_open() chose, and why, e.g.
 * "SQLite 3.40.1 has the WAL-reset race; rollback journal, synchronous=FULL". */
const char *fh_store_journal_mode(const fh_store *store);
const char *fh_store_journal_reason(const fh_store *store);
/* Whether WAL is safe with the SQLite library version number v (as from
 * sqlite3_libversion_number()). */
bool fh_store_wal_safe(int v);

/* A number that changes when another connection has committed a write since
 * the last call (PRAGMA data_version). Returns -1 on error. */
int64_t fh_store_data_version(fh_store *store);

/* How long a statement waits for another session before it gives up
 * with FH_EBUSY (5 000 ms unless set). The message says what was in the
 * way: another session writing, or reading (a long report, named, when
 * that session announced it), and how long it waited. */
void fh_store_busy_ms(fh_store *store, int ms);
/* Says that this session reads for long (`job`: the command, "remind"):
 * until the store closes, a write that waits for it names the job. A
 * file beside the database says it (fh_scratch_make, tag "reading"); when
 * it cannot be written, nothing is said. */
void fh_store_announce(fh_store *store, const char *job);

/* The most the store keeps of the database in memory, in KiB (SQLite's
 * page cache; 2 000 unless set). The terminal interface keeps 256: its
 * screens read a page of rows through indexes, and it stays small. */
void fh_store_cache_kib(fh_store *store, int kib);
/* The cache of a long job that walks the whole database by chunks (remind,
 * tenant export): 256 MiB, so that a page that the next chunk reads again
 * is still in memory (until another session commits: SQLite then drops
 * what it holds and reads the pages again). */
#define FH_STORE_JOB_CACHE_KIB 262144
/* Bytes SQLite holds now for the store's connection: page cache, schema,
 * statements. */
int64_t fh_store_memory_used(fh_store *store);

/* Settings of the whole database (e.g. "demo"): the value, or NULL. The
 * returned string is valid until the next call on the store. */
const char *fh_store_setting(fh_store *store, const char *key);

/* The path the database was opened at. */
const char *fh_store_path(const fh_store *store);

/* Copies the database to `to` while other sessions go on writing (SQLite's
 * backup API): a consistent copy, written to a new file beside `to` (mode
 * 0600, named TO.fuhua-backup-PID-XXXXXX: if this process is killed, the
 * next backup into that directory and `fuhua check` remove it) and renamed
 * over it only when complete and synced, so `to` is either the old file or
 * the whole new copy. The database records the directory (setting
 * backup_dir) for `fuhua check`. progress (may be NULL) gets pages done and
 * total. FH_EINVAL for no target; FH_ESTORE on failure. On error the target is
 * as it was: the copy beside it is removed. */
fh_status fh_store_backup(fh_store *store, const char *to, void (*progress)(void *ctx, int done, int total), void *ctx,
			  fh_error *err);

/* Removes what a killed fuhua left beside `path` (a database, or a
 * backup's target): a demo's side files and a backup's unfinished copy,
 * with their journals (NAME.fuhua-side-PID-…, NAME.fuhua-backup-PID-…),
 * whose process is gone and whose lock is free. Returns how many files;
 * `first` (may be NULL) gets the first one's path. */
int fh_store_sweep(const char *path, char *first, size_t size);

/* What `fuhua check` found: at most FH_CHECK_MAX problems, for people. */
#define FH_CHECK_MAX 32
typedef struct fh_check_report {
	size_t n; /* problems found (may exceed those kept) */
	char problem[FH_CHECK_MAX][300];
	int swept; /* files a killed demo or backup left, removed */
	char swept_first[300];
	int unverified; /* tables written to at every try: not verified (a problem) */
	bool full;      /* checked with --full */
} fh_check_report;

/* Checks the database: each table's structure and foreign keys (SQLite's
 * checks), and each module's derived rows (the search index against the
 * tenants, the maintained counts). FH_OK when it could check (rep->n says
 * what is wrong, a table it could not verify among them), else the error.
 * Holds no lock for long: a table is read without one, and counted only if
 * nothing was written meanwhile (retried; rep->unverified when never), the
 * derived rows by key ranges (core/check.c). With `full`, everything in one
 * read transaction instead — other sessions' commits wait for it — with
 * SQLite's check of the whole file and the full-text index's own. Removes,
 * and counts in rep->swept, what killed demos, backups and exports left
 * beside the database and in the last backup's directory. On error *rep holds
 * what was found before it. */
fh_status fh_store_check(fh_store *store, bool full, fh_check_report *rep, fh_error *err);
/* Adds a problem to a report (printf-style). */
void fh_check_add(fh_check_report *rep, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
