/* fuhua tui — the command line as the program sees it: read it, then run
 * the command it names, or open the terminal interface. */
#ifndef FUHUA_TUI_CLI_H
#define FUHUA_TUI_CLI_H

#include <stddef.h>

#include "cmd.h"

/* Every command, from FH_COMMANDS, ending with { NULL }. */
extern const struct fh_command fh_commands[];

/* Reads argv into *o against the tables of cmd.h: an option the command
 * does not take, a value of the wrong kind or a wrong number of operands
 * is a usage error (printed; returns 2). Returns 0 when it has printed
 * help or the version, -1 when the program goes on: o->cmd the command to
 * run, or NULL for the terminal interface. */
int fh_cli_parse(int argc, char **argv, struct fh_opts *o);

/* The help of an option ("--hub", a field's "--credit-code", or "--FIELD"
 * for them all) in the current language; NULL for no option. */
const char *fh_cli_option_help(const char *word);

/* What fh_cli_run returns when the terminal interface is to open instead
 * (the gate, for an interactive login). */
#define FH_CLI_INTERFACE (-100)

/* Runs o->cmd (with FH_CMD_STORE on the store opened as the Unix user's
 * operator, fh_cli_open_acting); returns the exit status, or
 * FH_CLI_INTERFACE. */
int fh_cli_run(struct fh_opts *o);

#endif
