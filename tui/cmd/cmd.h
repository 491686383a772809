/* fuhua tui — the command line's tables and what every command shares.
 *
 * FH_OPTIONS and FH_FLAGS name every option once: its member of struct
 * fh_opts, its name after "--", what its value is, the value's name in the
 * usage and its help. FH_COMMANDS names every command once: its handler, its
 * words, whether it runs on the store, its operands, the options it takes
 * and its help. The parser, the dispatch, `fuhua help`, each command's
 * --help and the shell completion are made from these tables (cli.c); a
 * command is a handler in the file of its noun and one row here. */
#ifndef FUHUA_TUI_CMD_H
#define FUHUA_TUI_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../common/i18n.h"
#include "../common/table.h"
#include "fuhua/buf.h"
#include "fuhua/import.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"

/* What an option's value is; checked as the command line is read, with
 * the one message of each kind (fh_cli_number, fh_cli_day, the choices). */
enum fh_opt_kind {
	FH_OPT_TEXT,   /* anything: a name, a file, a code, a number of a record */
	FH_OPT_NUMBER, /* digits only; the range is the command's */
	FH_OPT_DAY,    /* YYYY-MM-DD */
	FH_OPT_CHOICE, /* one of the words its value names ("table|csv|json") */
};

/* member, name, kind, value, help */
#define FH_OPTIONS(_)                                                                                               \
	_(db, "db", FH_OPT_TEXT, "FILE", N_("the database (else $FUHUA_DB, else the user's data directory)"))       \
	_(lang, "lang", FH_OPT_CHOICE, "zh|en", N_("the language of messages and tables"))                          \
	_(config, "config", FH_OPT_TEXT, "DIR", N_("the configuration directory (else $FUHUA_CONFIG)"))             \
	_(role, "role", FH_OPT_CHOICE, "front_desk|manager|admin", N_("the operator's role"))                       \
	_(unix_login, "unix", FH_OPT_TEXT, "LOGIN", N_("the Unix user whose commands act as the operator"))         \
	_(hub, "hub", FH_OPT_TEXT, "CODE", N_("a hub's code: that hub (and for lists, those below it)"))            \
	_(format_name, "format", FH_OPT_CHOICE, "table|csv|json|xlsx", N_("how rows are printed"))                  \
	_(tenants, "tenants", FH_OPT_NUMBER, "N", N_("how many tenants (0 to 1000000; 300)"))                       \
	_(seed, "seed", FH_OPT_NUMBER, "S", N_("the demo's random seed (1)"))                                       \
	_(keep, "keep", FH_OPT_NUMBER, "DAYS", N_("backup: into the folder --to, a copy a day, keeping DAYS days")) \
	_(search, "search", FH_OPT_TEXT, "TEXT",                                                                    \
	  N_("name, short name, credit code, contact, phone or pinyin initials"))                                   \
	_(reason, "reason", FH_OPT_TEXT, "TEXT", N_("why (kept in the history)"))                                   \
	_(encoding, "encoding", FH_OPT_TEXT, "utf-8|gb18030", N_("the file's encoding (else guessed)"))             \
	_(output, "output", FH_OPT_TEXT, "FILE", N_("write to FILE (replaced whole) instead of standard output"))   \
	_(sort, "sort", FH_OPT_CHOICE, "name|admitted|newest", N_("the order of the rows"))                         \
	_(to, "to", FH_OPT_TEXT, "DATE", N_("the last day (backup: the file to write)"))                            \
	_(on, "on", FH_OPT_DAY, "DATE", N_("the day it happened (else today)"))                                     \
	_(year, "year", FH_OPT_NUMBER, "YYYY", N_("the year (else this one)"))                                      \
	_(kind, "kind", FH_OPT_TEXT, "KIND", N_("the kind (of a party member, a project or an activity)"))          \
	_(here, "here", FH_OPT_TEXT, "yes|no", N_("whether the member's relation is held here"))                    \
	_(from, "from", FH_OPT_DAY, "DATE", N_("the first day"))                                                    \
	_(seats, "seats", FH_OPT_NUMBER, "N", N_("how many seats (1)"))                                             \
	_(month, "month", FH_OPT_TEXT, "YYYY-MM", N_("the month"))                                                  \
	_(at, "at", FH_OPT_DAY, "DATE", N_("as on that day (else today)"))                                          \
	_(tenant, "tenant", FH_OPT_TEXT, "ID", N_("a tenant's number"))                                             \
	_(room, "room", FH_OPT_TEXT, "SPACE", N_("a space: CODE, or HUB/CODE"))                                     \
	_(date, "date", FH_OPT_DAY, "DATE", N_("the day"))                                                          \
	_(time, "time", FH_OPT_TEXT, "HH:MM-HH:MM", N_("from and to"))                                              \
	_(weeks, "weeks", FH_OPT_NUMBER, "N", N_("the same hours each week, N weeks in all"))                       \
	_(title, "title", FH_OPT_TEXT, "TEXT", N_("what it is for"))                                                \
	_(type, "type", FH_OPT_TEXT, "office|desk|showcase", N_("the kind of space"))                               \
	_(note, "note", FH_OPT_TEXT, "TEXT", N_("a note"))                                                          \
	_(ending, "ending", FH_OPT_NUMBER, "DAYS", N_("those ending within DAYS days"))                             \
	_(expertise, "expertise", FH_OPT_TEXT, "TEXT", N_("the mentor's fields"))                                   \
	_(organization, "organization", FH_OPT_TEXT, "TEXT", N_("where the mentor works"))                          \
	_(capacity, "capacity", FH_OPT_NUMBER, "N", N_("tenants the mentor takes at once (1 to 50; 5)"))            \
	_(mentor, "mentor", FH_OPT_TEXT, "ID", N_("a mentor's number"))                                             \
	_(topic, "topic", FH_OPT_TEXT, "TEXT", N_("what the session was about"))                                    \
	_(hours, "hours", FH_OPT_TEXT, "H", N_("its length in hours (0.5 steps)"))                                  \
	_(milestone, "milestone", FH_OPT_TEXT, "ID", N_("the milestone it served"))                                 \
	_(evidence, "evidence", FH_OPT_TEXT, "TEXT", N_("what shows it done"))                                      \
	_(admin, "admin", FH_OPT_TEXT, "NAME", N_("the first administrator's name (admin)"))                        \
	_(days, "days", FH_OPT_NUMBER, "N", N_("due within N days (30)"))                                           \
	_(funder, "funder", FH_OPT_TEXT, "TEXT", N_("who grants it (one of the hub's funders)"))                    \
	_(category, "category", FH_OPT_TEXT, "FIELD", N_("its service field (else the tenant's)"))                  \
	_(batch, "batch", FH_OPT_TEXT, "TEXT", N_("the funding round (第二批)"))                                    \
	_(granted, "granted", FH_OPT_TEXT, "YUAN", N_("the amount granted, in yuan (1234.56)"))                     \
	_(target, "target", FH_OPT_NUMBER, "N", N_("the people it is to serve (人次)"))                             \
	_(state, "state", FH_OPT_TEXT, "STATE",                                                                     \
	  N_("the state: applied, approved, running, closed, evaluated, refused"))                                  \
	_(grade, "grade", FH_OPT_CHOICE, "excellent|good|pass|fail", N_("the evaluation's grade"))                  \
	_(score, "score", FH_OPT_TEXT, "0-100", N_("the evaluation's score"))                                       \
	_(served, "served", FH_OPT_NUMBER, "N", N_("people served (人次)"))                                         \
	_(volunteer_hours, "volunteer-hours", FH_OPT_TEXT, "H", N_("the volunteers' hours together"))               \
	_(booking, "booking", FH_OPT_TEXT, "ID", N_("the room booked for it"))                                      \
	_(place, "place", FH_OPT_TEXT, "TEXT", N_("where it took place"))                                           \
	_(project, "project", FH_OPT_TEXT, "ID", N_("a project's number"))                                          \
	_(by, "by", FH_OPT_CHOICE, "hub|month|tenant", N_("a row per hub, month or tenant (hub)"))                  \
	_(result, "result", FH_OPT_CHOICE, "passed|basic|failed|absent", N_("the inspection's result"))             \
	_(person, "person", FH_OPT_TEXT, "NAME", N_("who attended"))                                                \
	_(trainer, "trainer", FH_OPT_TEXT, "NAME", N_("who taught it"))                                             \
	_(audience, "audience", FH_OPT_CHOICE, "tenant_staff|secretaries|instructors|community_staff",              \
	  N_("whom the course is for"))                                                                             \
	_(attendance, "attendance", FH_OPT_NUMBER, "N", N_("members present"))                                      \
	_(stars, "stars", FH_OPT_NUMBER, "0-5", N_("the stars of the year (0 takes them away)"))

/* member, name, help */
#define FH_FLAGS(_)                                                                                \
	_(skip_bad, "skip-bad", N_("import the good rows, list the bad ones"))                     \
	_(no_bom, "no-bom", N_("no byte-order mark (Excel wants one)"))                            \
	_(all_stages, "all-stages", N_("count tenants of every stage, not only those incubating")) \
	_(ics, "ics", N_("as an iCalendar file"))                                                  \
	_(pending, "pending", N_("only those waiting for approval"))                               \
	_(skipped, "skipped", N_("only the weeks a series skipped"))                               \
	_(overdue, "overdue", N_("only those whose handover is overdue"))                          \
	_(all, "all", N_("ended ones too"))                                                        \
	_(override, "override", N_("graduate although criteria are not met (a manager's reason)")) \
	_(full, "full", N_("read the whole file at once (integrity_check)"))                       \
	_(past_end, "past-end", N_("only those running past their end"))                           \
	_(evaluation_due, "evaluation-due", N_("only those closed and waiting for evaluation"))    \
	_(report, "report", N_("the party-building report went with it"))

struct fh_command;

/* clang-format off */
struct fh_opts {
#define FH_OPT_MEMBER(m, name, kind, value, help) const char *m;
	FH_OPTIONS(FH_OPT_MEMBER)
#undef FH_OPT_MEMBER
#define FH_FLAG_MEMBER(m, name, help) bool m;
	FH_FLAGS(FH_FLAG_MEMBER)
#undef FH_FLAG_MEMBER
	enum fh_format format;         /* --format */
	/* a tenant field's option (--credit-code …) by fh_tenant_field, and a
	 * party field's (--full-members …) by fh_party_field */
	const char *tf[32];
	const char *pf[16];
	const struct fh_command *cmd;  /* NULL: the terminal interface */
	bool bound_only;               /* act as the operator bound to the Unix user, whoever it is (the gate) */
	int npos;
	char *pos[8];                  /* the command's words, then its operands */
};
/* clang-format on */

/* What a command's handler is given: the options, and with FH_CMD_STORE
 * the store opened as the built-in system operator (else NULL); it returns
 * the exit status. */
typedef int fh_command_fn(struct fh_opts *o, fh_store *s, const fh_actor *by);

/* The command runs on the store, which the dispatch opens and closes. */
#define FH_CMD_STORE 1u
/* The command only reads, and writes to standard output. */
#define FH_CMD_READ 2u
/* It writes an Excel file (--format xlsx), to --output or a pipe. */
#define FH_CMD_XLSX 4u
/* Only the database file's owner (the system account) or root runs it: a
 * job over the whole database, no operator's. */
#define FH_CMD_OWNER 8u

/* In `options`: "--FIELD" stands for every tenant field's option,
 * "--PARTY-FIELD" for every party field's. --db, --lang and --help go with
 * every command.
 *
 * handler, words, flags, operands, options, help */
#define FH_COMMANDS(_)                                                                                                 \
	_(fh_cmd_check_config, "check-config", 0, "DIR", "", N_("Check a configuration directory"))                    \
	_(fh_cmd_init, "init", 0, "", "--config --admin",                                                              \
	  N_("Create the database, or bring its hubs in line with the configuration"))                                 \
	_(fh_cmd_demo, "demo", 0, "", "--config --tenants --seed",                                                     \
	  N_("Write a demo database (operators, tenants, spaces, mentoring)"))                                         \
	_(fh_cmd_user_add, "user add", 0, "NAME", "--role --hub --unix",                                               \
	  N_("Add an operator (password on standard input)"))                                                          \
	_(fh_cmd_user_edit, "user edit", FH_CMD_STORE, "NAME", "--unix",                                               \
	  N_("Bind an operator to a Unix user (--unix '' unbinds it)"))                                                \
	_(fh_cmd_user_passwd, "user passwd", 0, "NAME", "", N_("Set an operator's password (on standard input)"))      \
	_(fh_cmd_user_list, "user list", FH_CMD_STORE | FH_CMD_READ, "", "--format", N_("List the operators"))         \
	_(fh_cmd_user_disable, "user disable", FH_CMD_STORE, "NAME", "",                                               \
	  N_("Disable an operator: it can no longer log in"))                                                          \
	_(fh_cmd_user_enable, "user enable", FH_CMD_STORE, "NAME", "", N_("Enable a disabled operator again"))         \
	_(fh_cmd_hub_list, "hub list", FH_CMD_STORE | FH_CMD_READ, "", "--format",                                     \
	  N_("List the hubs with their spaces and tenants"))                                                           \
	_(fh_cmd_tenant_list, "tenant list", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                             \
	  "--hub --stage --org-type --field --search --sort --format --output", N_("List tenants"))                    \
	_(fh_cmd_tenant_show, "tenant show", FH_CMD_STORE | FH_CMD_READ, "ID", "--format",                             \
	  N_("Show a tenant's record"))                                                                                \
	_(fh_cmd_tenant_add, "tenant add", FH_CMD_STORE, "", "--hub --FIELD --format",                                 \
	  N_("Take in a tenant (stage: applied)"))                                                                     \
	_(fh_cmd_tenant_edit, "tenant edit", FH_CMD_STORE, "ID", "--FIELD --format", N_("Change a tenant's fields"))   \
	_(fh_cmd_tenant_move, "tenant move", FH_CMD_STORE, "ID STAGE", "--reason --override",                          \
	  N_("Move a tenant to another stage (graduation checks its criteria)"))                                       \
	_(fh_cmd_tenant_extend, "tenant extend", FH_CMD_STORE, "ID", "", N_("Extend an incubation once"))              \
	_(fh_cmd_tenant_import, "tenant import", 0, "FILE.csv", "--hub --encoding --skip-bad",                         \
	  N_("Import tenants from a CSV file, all or nothing"))                                                        \
	_(fh_cmd_tenant_export, "tenant export", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                         \
	  "--hub --stage --org-type --field --search --sort --format --output --no-bom",                               \
	  N_("Export tenants as CSV or an Excel file (the roster)"))                                                   \
	_(fh_cmd_party_show, "party show", FH_CMD_STORE | FH_CMD_READ, "ID", "--format",                               \
	  N_("Show a tenant's party record and its sync checks"))                                                      \
	_(fh_cmd_party_edit, "party edit", FH_CMD_STORE, "ID", "--PARTY-FIELD --founded --reason --format",            \
	  N_("Change a tenant's party record"))                                                                        \
	_(fh_cmd_party_gaps, "party gaps", FH_CMD_STORE | FH_CMD_READ, "", "--hub --format",                           \
	  N_("Uncovered tenants, those that should branch, late checks, re-elections due"))                            \
	_(fh_cmd_party_instructors, "party instructors", FH_CMD_STORE | FH_CMD_READ, "[ID]", "--hub --format",         \
	  N_("Instructors and their loads, or the tenants of one"))                                                    \
	_(fh_cmd_party_event, "party event", FH_CMD_STORE,                                                             \
	  "ID registration|annual|leadership|rating|assessment|commendation", "--on",                                  \
	  N_("Record an event on the organisation track: its party checks open"))                                      \
	_(fh_cmd_party_done, "party done", FH_CMD_STORE, "CHECK", "--on", N_("Mark a sync check done"))                \
	_(fh_cmd_party_annual, "party annual", FH_CMD_STORE, "", "--year --hub",                                       \
	  N_("Open the year's annual report checks"))                                                                  \
	_(fh_cmd_party_member_list, "party member list", FH_CMD_STORE | FH_CMD_READ, "ID", "--format",                 \
	  N_("List a tenant's named party members"))                                                                   \
	_(fh_cmd_party_member_add, "party member add", FH_CMD_STORE, "ID NAME", "--kind --here --format",              \
	  N_("Name a party member of a tenant"))                                                                       \
	_(fh_cmd_party_member_edit, "party member edit", FH_CMD_STORE, "MEMBER", "--name --kind --here --format",      \
	  N_("Change a named party member"))                                                                           \
	_(fh_cmd_party_member_remove, "party member remove", FH_CMD_STORE, "MEMBER", "",                               \
	  N_("Remove a named party member"))                                                                           \
	_(fh_cmd_branch_list, "branch list", FH_CMD_STORE | FH_CMD_READ, "", "--hub --format",                         \
	  N_("List the joint branches"))                                                                               \
	_(fh_cmd_branch_add, "branch add", FH_CMD_STORE, "", "--name --hub --secretary --founded --elected --format",  \
	  N_("Add a joint branch (联合党支部)"))                                                                       \
	_(fh_cmd_branch_edit, "branch edit", FH_CMD_STORE, "ID", "--name --secretary --founded --elected --format",    \
	  N_("Change a joint branch"))                                                                                 \
	_(fh_cmd_space_list, "space list", FH_CMD_STORE | FH_CMD_READ, "", "--hub --at --format",                      \
	  N_("List the spaces and who holds them"))                                                                    \
	_(fh_cmd_space_allocate, "space allocate", FH_CMD_STORE, "SPACE TENANT", "--from --to --seats",                \
	  N_("Allocate an office or desks to a tenant"))                                                               \
	_(fh_cmd_space_release, "space release", FH_CMD_STORE, "ALLOCATION", "--on", N_("End an allocation"))          \
	_(fh_cmd_space_handover, "space handover", FH_CMD_STORE, "ALLOCATION", "--on",                                 \
	  N_("Record a space handed back"))                                                                            \
	_(fh_cmd_space_allocations, "space allocations", FH_CMD_STORE | FH_CMD_READ, "",                               \
	  "--hub --room --tenant --at --ending --overdue --all --format", N_("List allocations"))                      \
	_(fh_cmd_space_fees, "space fees", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                               \
	  "--month --hub --format --output", N_("A month's space fees"))                                               \
	_(fh_cmd_space_waitlist, "space waitlist", FH_CMD_STORE | FH_CMD_READ, "[list]", "--hub --format",             \
	  N_("The waiting list"))                                                                                      \
	_(fh_cmd_space_waitlist_add, "space waitlist add", FH_CMD_STORE, "TENANT", "--type --seats --note",            \
	  N_("Put a tenant on the waiting list"))                                                                      \
	_(fh_cmd_space_waitlist_remove, "space waitlist remove", FH_CMD_STORE, "ID", "",                               \
	  N_("Take an entry off the waiting list"))                                                                    \
	_(fh_cmd_booking_add, "booking add", FH_CMD_STORE, "ROOM", "--date --time --title --tenant --weeks",           \
	  N_("Book a room"))                                                                                           \
	_(fh_cmd_booking_list, "booking list", FH_CMD_STORE | FH_CMD_READ, "",                                         \
	  "--hub --room --tenant --from --to --pending --skipped --format", N_("List bookings"))                       \
	_(fh_cmd_booking_cancel, "booking cancel", FH_CMD_STORE, "ID", "", N_("Cancel a booking"))                     \
	_(fh_cmd_booking_approve, "booking approve", FH_CMD_STORE, "ID", "", N_("Approve a booking that waits"))       \
	_(fh_cmd_booking_retry, "booking retry", FH_CMD_STORE, "ID", "", N_("Book again a week a series skipped"))     \
	_(fh_cmd_booking_export, "booking export", FH_CMD_STORE | FH_CMD_READ, "",                                     \
	  "--ics --hub --room --tenant --from --to --pending --skipped --output", N_("Bookings as an iCalendar file")) \
	_(fh_cmd_mentor_list, "mentor list", FH_CMD_STORE | FH_CMD_READ, "", "--hub --format", N_("List the mentors")) \
	_(fh_cmd_mentor_add, "mentor add", FH_CMD_STORE, "",                                                           \
	  "--name --expertise --organization --phone --capacity --hub", N_("Add a mentor"))                            \
	_(fh_cmd_mentor_assign, "mentor assign", FH_CMD_STORE, "MENTOR TENANT", "", N_("Pair a mentor with a tenant")) \
	_(fh_cmd_mentor_pairings, "mentor pairings", FH_CMD_STORE | FH_CMD_READ, "[MENTOR]", "--tenant --format",      \
	  N_("List the pairings"))                                                                                     \
	_(fh_cmd_mentor_end, "mentor end", FH_CMD_STORE, "PAIRING", "--on", N_("End a pairing"))                       \
	_(fh_cmd_milestone_list, "milestone list", FH_CMD_STORE | FH_CMD_READ, "TENANT", "--format",                   \
	  N_("A tenant's milestones"))                                                                                 \
	_(fh_cmd_milestone_done, "milestone done", FH_CMD_STORE, "ID", "--on --evidence", N_("Mark a milestone done")) \
	_(fh_cmd_milestone_waive, "milestone waive", FH_CMD_STORE, "ID", "--reason", N_("Waive a milestone"))          \
	_(fh_cmd_milestone_reopen, "milestone reopen", FH_CMD_STORE, "ID", "", N_("Open a milestone again"))           \
	_(fh_cmd_milestone_give, "milestone give", FH_CMD_STORE, "TENANT", "",                                         \
	  N_("Give an incubating tenant its hub's milestones"))                                                        \
	_(fh_cmd_session_add, "session add", FH_CMD_STORE, "",                                                         \
	  "--mentor --tenant --topic --hours --on --milestone --notes", N_("Record a mentoring session"))              \
	_(fh_cmd_session_list, "session list", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                           \
	  "--mentor --tenant --from --to --format --output", N_("List mentoring sessions"))                            \
	_(fh_cmd_session_totals, "session totals", FH_CMD_STORE | FH_CMD_READ, "", "--year --hub --format",            \
	  N_("Sessions and hours per mentor in a year"))                                                               \
	_(fh_cmd_remind, "remind", FH_CMD_STORE | FH_CMD_READ, "", "--hub --days --format",                            \
	  N_("What is overdue or due soon (for cron)"))                                                                \
	_(fh_cmd_report_coverage, "report coverage", FH_CMD_STORE | FH_CMD_READ, "", "--hub --all-stages --format",    \
	  N_("Party coverage per hub, beside the published rates"))                                                    \
	_(fh_cmd_report_occupancy, "report occupancy", FH_CMD_STORE | FH_CMD_READ, "", "--hub --at --format",          \
	  N_("Occupancy of area and seats per hub"))                                                                   \
	_(fh_cmd_report_monthly, "report monthly", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                       \
	  "--month --hub --format --output",                                                                           \
	  N_("The monthly report (月报): tenants, moves, coverage, spaces, mentoring, training, activities, funds"))   \
	_(fh_cmd_report_party, "report party", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                           \
	  "--month --hub --format --output",                                                                           \
	  N_("The Party-building report: coverage, forms, instructors, sync checks, organisational life"))             \
	_(fh_cmd_report_annual, "report annual", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                         \
	  "--year --hub --format --output",                                                                            \
	  N_("The annual report: the year's tenants, services, funds, inspections, ratings, follow-up"))               \
	_(fh_cmd_report_close, "report close", FH_CMD_STORE, "", "--month",                                            \
	  N_("Close a month: its reports keep the figures read now (a manager of the top hub)"))                       \
	_(fh_cmd_report_reopen, "report reopen", FH_CMD_STORE, "", "--month --reason",                                 \
	  N_("Reopen a closed month (an administrator, with a reason)"))                                               \
	_(fh_cmd_report_months, "report months", FH_CMD_STORE | FH_CMD_READ, "", "--format",                           \
	  N_("The last twelve months, closed or open"))                                                                \
	_(fh_cmd_project_list, "project list", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                           \
	  "--hub --tenant --kind --state --year --funder --past-end --evaluation-due --format --output",               \
	  N_("List projects (公益创投, 政府购买服务, subsidies)"))                                                     \
	_(fh_cmd_project_show, "project show", FH_CMD_STORE | FH_CMD_READ, "ID", "--format",                           \
	  N_("Show a project with its payments"))                                                                      \
	_(fh_cmd_project_add, "project add", FH_CMD_STORE, "TENANT",                                                   \
	  "--kind --funder --title --year --batch --category --granted --from --to --target --state",                  \
	  N_("Record a tenant's project (state: applied, or approved or running)"))                                    \
	_(fh_cmd_project_edit, "project edit", FH_CMD_STORE, "ID",                                                     \
	  "--funder --title --year --batch --category --granted --from --to --target", N_("Change a project"))         \
	_(fh_cmd_project_move, "project move", FH_CMD_STORE, "ID approved|running|closed|refused", "--on",             \
	  N_("Move a project to another state"))                                                                       \
	_(fh_cmd_project_evaluate, "project evaluate", FH_CMD_STORE, "ID", "--grade --score --on",                     \
	  N_("Record a closed project's evaluation (绩效评估)"))                                                       \
	_(fh_cmd_project_pay, "project pay", FH_CMD_STORE, "ID YUAN", "--on --note",                                   \
	  N_("Record a payment to a project"))                                                                         \
	_(fh_cmd_project_totals, "project totals", FH_CMD_STORE | FH_CMD_READ, "", "--year --hub --format",            \
	  N_("Projects and amounts per hub and kind in a year"))                                                       \
	_(fh_cmd_activity_list, "activity list", FH_CMD_STORE | FH_CMD_READ | FH_CMD_XLSX, "",                         \
	  "--hub --tenant --project --from --to --format --output", N_("List activities, latest first"))               \
	_(fh_cmd_activity_add, "activity add", FH_CMD_STORE, "",                                                       \
	  "--tenant --title --on --kind --place --project --booking --served --volunteers --volunteer-hours",          \
	  N_("Record an activity and the people it served"))                                                           \
	_(fh_cmd_activity_delete, "activity delete", FH_CMD_STORE, "ID", "",                                           \
	  N_("Delete an activity recorded by mistake"))                                                                \
	_(fh_cmd_activity_import, "activity import", 0, "FILE.csv", "--hub --encoding --skip-bad",                     \
	  N_("Import activities from a CSV file, all or nothing"))                                                     \
	_(fh_cmd_activity_totals, "activity totals", FH_CMD_STORE | FH_CMD_READ, "",                                   \
	  "--year --month --hub --by --format",                                                                        \
	  N_("Activities, people served and volunteers per hub, month or tenant"))                                     \
	_(fh_cmd_inspection_add, "inspection add", FH_CMD_STORE, "TENANT", "--year --result --on --report --note",     \
	  N_("Record a tenant's inspection of a year (年检): the year inspected, filed the next"))                     \
	_(fh_cmd_inspection_list, "inspection list", FH_CMD_STORE | FH_CMD_READ, "", "--hub --tenant --year --format", \
	  N_("List inspections"))                                                                                      \
	_(fh_cmd_inspection_totals, "inspection totals", FH_CMD_STORE | FH_CMD_READ, "", "--year --hub --format",      \
	  N_("Inspections due, filed and passed per hub, with the rates"))                                             \
	_(fh_cmd_rating_list, "rating list", FH_CMD_STORE | FH_CMD_READ, "TENANT", "--format",                         \
	  N_("A tenant's ratings (等级评估), the latest first"))                                                       \
	_(fh_cmd_rating_expiring, "rating expiring", FH_CMD_STORE | FH_CMD_READ, "", "--hub --days --format",          \
	  N_("Ratings expiring soon, or expired within the year"))                                                     \
	_(fh_cmd_rating_totals, "rating totals", FH_CMD_STORE | FH_CMD_READ, "", "--hub --at --format",                \
	  N_("Rated, 3A and above, and the participation per hub"))                                                    \
	_(fh_cmd_followup_list, "followup list", FH_CMD_STORE | FH_CMD_READ, "", "--hub --tenant --to --format",       \
	  N_("Follow-ups overdue (or due by --to), or a tenant's"))                                                    \
	_(fh_cmd_followup_record, "followup record", FH_CMD_STORE, "ID", "--state --on --served --notes",              \
	  N_("Record a follow-up after graduation"))                                                                   \
	_(fh_cmd_followup_link, "followup link", FH_CMD_STORE, "GRADUATE TENANT", "--on",                              \
	  N_("Record a graduate incubating another organisation (以社孵社)"))                                          \
	_(fh_cmd_followup_totals, "followup totals", FH_CMD_STORE | FH_CMD_READ, "", "--year --hub --format",          \
	  N_("Graduations, follow-ups and 以社孵社 per hub in a year"))                                                \
	_(fh_cmd_course_add, "course add", FH_CMD_STORE, "",                                                           \
	  "--title --topic --trainer --on --hours --audience --hub", N_("Add a course (held or planned)"))             \
	_(fh_cmd_course_attend, "course attend", FH_CMD_STORE, "COURSE", "--person --tenant",                          \
	  N_("Record who attended a course"))                                                                          \
	_(fh_cmd_course_list, "course list", FH_CMD_STORE | FH_CMD_READ, "[COURSE]", "--hub --from --to --format",     \
	  N_("List courses, or who attended one"))                                                                     \
	_(fh_cmd_course_totals, "course totals", FH_CMD_STORE | FH_CMD_READ, "", "--year --month --hub --by --format", \
	  N_("Sessions and attendances per hub or month"))                                                             \
	_(fh_cmd_course_untrained, "course untrained", FH_CMD_STORE | FH_CMD_READ, "", "--year --hub --format",        \
	  N_("Tenants in incubation nobody of which was trained in a year"))                                           \
	_(fh_cmd_meeting_add, "meeting add", FH_CMD_STORE, "", "--tenant --branch --kind --on --attendance --topic",   \
	  N_("Record a branch meeting or Party lecture (三会一课)"))                                                   \
	_(fh_cmd_meeting_list, "meeting list", FH_CMD_STORE | FH_CMD_READ, "",                                         \
	  "--hub --tenant --branch --year --format", N_("List meetings"))                                              \
	_(fh_cmd_meeting_behind, "meeting behind", FH_CMD_STORE | FH_CMD_READ, "", "--hub --at --format",              \
	  N_("Branches behind their meetings, with how long"))                                                         \
	_(fh_cmd_meeting_stars, "meeting stars", FH_CMD_STORE, "", "--tenant --branch --year --stars",                 \
	  N_("Give a Party organisation its stars of a year (星级)"))                                                  \
	_(fh_cmd_meeting_totals, "meeting totals", FH_CMD_STORE | FH_CMD_READ, "", "--year --hub --format",            \
	  N_("Meetings held, branches behind and stars per hub"))                                                      \
	_(fh_cmd_backup, "backup", FH_CMD_STORE | FH_CMD_OWNER, "", "--to --keep",                                     \
	  N_("A consistent copy of the database, while others work"))                                                  \
	_(fh_cmd_check, "check", FH_CMD_STORE | FH_CMD_OWNER, "", "--full",                                            \
	  N_("Integrity, foreign keys, search index, maintained counts"))                                              \
	_(fh_cmd_gate, "gate", 0, "", "",                                                                              \
	  N_("What sshd's ForceCommand runs: the interface, or a read-only command of $SSH_ORIGINAL_COMMAND"))         \
	_(fh_cmd_help, "help", 0, "[COMMAND…]", "", N_("The commands, or one command's usage and options"))            \
	_(fh_cmd_completion, "completion", 0, "bash", "", N_("A bash completion script for fuhua"))

struct fh_command {
	const char *words; /* "tenant move" */
	fh_command_fn *run;
	unsigned flags;       /* FH_CMD_STORE, FH_CMD_READ */
	const char *operands; /* "ID STAGE"; [X] optional, X… any number */
	const char *options;  /* "--reason --override" */
	const char *help;
};

/* clang-format off */
#define FH_CMD_DECLARE(fn, words, flags, operands, options, help) fh_command_fn fn;
FH_COMMANDS(FH_CMD_DECLARE)
#undef FH_CMD_DECLARE
/* clang-format on */

/* ---- what the commands share (cmd.c) ------------------------------------------ */

/* The error on standard error (escaped), and its exit status. */
int fh_cli_report(const fh_error *err);
/* A usage error: "fuhua: " fmt with arg (escaped), a pointer to the
 * command's help; returns 2. */
int fh_cli_usage_error(const char *fmt, const char *arg);
/* From now on, a usage error points to the help of the command with these
 * words (NULL: to fuhua --help). */
void fh_cli_usage_for(const char *words);
/* The database path into buf: --db, else FUHUA_DB, else the system's
 * (/var/lib/fuhua/fuhua.db, installed from the package) when its folder is
 * there, else the user's data directory (created when chosen). */
const char *fh_cli_db_path(const struct fh_opts *o, char *buf, size_t size);
/* --config, else FUHUA_CONFIG, else the system's (/etc/fuhua/config,
 * installed from the package) when it is there, else the one installed
 * with the program (or the build tree's fixtures). */
const char *fh_cli_config_dir(const struct fh_opts *o);
/* The store opened (create: init and demo make a new one): 0, else the
 * exit status after saying why. */
int fh_cli_open(const struct fh_opts *o, bool create, fh_store **s);
/* … and the Unix user running the command acting: the database file's
 * owner (the system account) and root as the built-in system operator,
 * named cli:USER; anyone else as the operator bound to their login
 * (fh_actor_unix), refused (exit 1, saying how to be bound) when none is. */
int fh_cli_open_acting(const struct fh_opts *o, fh_store **s, fh_actor *a);
/* Whether the Unix user running the command owns the database file, or is
 * root. */
bool fh_cli_owner(const fh_store *s);
/* 0 when so; else says that `what` is the owner's, closes *s, and 1. */
int fh_cli_owner_only(fh_store **s, const char *what);
/* "cli:USER" into buf. */
void fh_cli_via(char *buf, size_t size);
/* On standard error: how many files a killed demo or backup left were
 * removed (fh_store_sweep), and the first; nothing when none. */
void fh_cli_say_swept(int files, const char *first);
/* For a command that writes many rows in one transaction (demo, import):
 * memory freed is kept for the next row instead of going back to the
 * system at once (glibc's trim and mmap thresholds raised) — a fifth of the
 * demo's time was page faults for the same buffers again. */
void fh_cli_bulk_memory(void);
/* An import's progress bar on standard error when it is a terminal. */
void fh_cli_import_progress(void *ctx, int phase, size_t done, size_t total);
/* What an import command runs (fh_tenant_import, fh_activity_import). */
typedef fh_status fh_cli_import_fn(fh_store *store, const fh_actor *actor, const char *data, size_t len,
				   const fh_import_options *opt, fh_import_result *res, fh_error *err);
/* An import command: the file of its first operand ("-": standard input)
 * read, the store opened as the system operator, the rows imported with
 * --hub, --encoding and --skip-bad, the problems said: 0 when it imported
 * (the caller says how many, then fh_cli_import_skipped), else the exit
 * status after saying why. Free *res with fh_import_result_free. */
int fh_cli_import(struct fh_opts *o, fh_cli_import_fn *import, fh_import_result *res);
/* ", N rows skipped" when some were, and the end of the line. */
void fh_cli_import_skipped(const fh_import_result *res);
/* A password: twice without echo from a terminal, else one line of
 * standard input. 0, or 2 after saying why (buf cleared). */
int fh_cli_read_password(char *buf, size_t size);
/* The hub --hub names into *hub (0 without the option): -1 to go on, else
 * the exit status after saying it is not one of the actor's. */
int fh_cli_hub(const struct fh_opts *o, fh_store *s, const fh_actor *by, int64_t *hub);

/* The values, each with one message naming the option (exit 2):
 * a number in [min, max] (digits only): the value, `absent` without it, -1
 * after a usage error; a day (YYYY-MM-DD, midnight China time): true with
 * *day, 0 when absent, false after a usage error; a month likewise; a span of hours
 * ("14:00-16:00") on day: true with [*starts, *ends), false after a usage
 * error; a record's number (1 to FH_ID_MAX): true with *id, false if it is
 * none (the caller says what it wanted). */
long fh_cli_number(const char *option, const char *value, long min, long max, long absent);
bool fh_cli_day(const char *option, const char *value, int64_t *day);
/* A month (YYYY-MM, 2000-2100): true with *year and *month (both 0 when
 * absent), false after a usage error. */
bool fh_cli_month(const char *option, const char *value, int *year, int *month);
bool fh_cli_span(const char *option, const char *value, int64_t day, int64_t *starts, int64_t *ends);
bool fh_cli_id(const char *s, int64_t *id);
/* A day as "YYYY-MM-DD" in buf, "" for 0 (not set). */
const char *fh_cli_date(int64_t day, char buf[16]);

#endif
