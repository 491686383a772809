/* fuhua tui — the gate sshd's ForceCommand runs for street offices: with
 * no command the terminal interface (main opens it), with one
 * ($SSH_ORIGINAL_COMMAND) that command only if it is one of a short list
 * that read and write to standard output, run as the operator bound to
 * the Unix user within their hubs. The line is never given to a shell:
 * it is split at spaces, and a line with a character a shell would read
 * (; & | ` $ ( ) < > quotes, backslash, a glob, a newline) is refused
 * whole, as are the options that name a file on the server. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../common/i18n.h"

/* The commands a street office may take a file away with: they only read. */
static const char *const allowed[] = {
	"report monthly",   "report party",  "report annual",  "report months", "report coverage",
	"report occupancy", "tenant export", "booking export", "remind",        NULL,
};

/* Options that would read or write a file of the server's choosing. */
static const char *const refused_options[] = { "--db", "--config", "--output", NULL };

#define GATE_WORDS 32

static int refuse(const char *why, const char *what)
{
	fprintf(stderr, "fuhua gate: ");
	fprintf(stderr, why, what);
	fputc('\n', stderr);
	return 1;
}

/* The words of line into w (at most GATE_WORDS, the text copied into buf):
 * their count, or -1 for a character the gate refuses (*bad gets it). */
static int split(const char *line, char *buf, size_t size, char **w, char *bad)
{
	static const char shell[] = ";&|`$()<>'\"\\*?[]{}~!#";
	if (strlen(line) >= size)
		return *bad = '\0', -1;
	for (const unsigned char *p = (const unsigned char *)line; *p; p++)
		if (*p < 0x20 || *p == 0x7f || strchr(shell, *p))
			return *bad = (char)*p, -1;
	strcpy(buf, line);
	int n = 0;
	for (char *t = strtok(buf, " "); t; t = strtok(NULL, " ")) {
		if (n == GATE_WORDS)
			return *bad = ' ', -1;
		w[n++] = t;
	}
	return n;
}

/* Whether words w[0..n) start with one of the allowed commands. */
static bool allowed_command(char **w, int n)
{
	for (int i = 0; allowed[i]; i++) {
		char first[32], second[32] = "";
		if (sscanf(allowed[i], "%31s %31s", first, second) < 1)
			continue;
		if (n >= 1 && strcmp(w[0], first) == 0 && (!*second || (n >= 2 && strcmp(w[1], second) == 0)))
			return true;
	}
	return false;
}

int fh_cmd_gate(struct fh_opts *o, fh_store *unused, const fh_actor *unused_by)
{
	(void)unused;
	(void)unused_by;
	const char *line = getenv("SSH_ORIGINAL_COMMAND");
	if (!line || !line[strspn(line, " ")])
		return FH_CLI_INTERFACE; /* an interactive login: the terminal interface */
	char buf[2048], bad = 0, *w[GATE_WORDS + 2];
	int n = split(line, buf, sizeof buf, w + 1, &bad);
	if (n < 0) {
		char shown[8];
		snprintf(shown, sizeof shown, bad >= 0x20 && bad != 0x7f ? "'%c'" : "\\x%02x", (unsigned char)bad);
		return refuse(_("refused: the command has a character the gate does not pass (%s)"),
			      bad ? shown : _("too long"));
	}
	char **words = w + 1;
	if (n && strcmp(words[0], "fuhua") == 0) /* "ssh host fuhua report …" */
		words++, n--;
	if (!allowed_command(words, n)) {
		char what[128];
		snprintf(what, sizeof what, "%s%s%s", n ? words[0] : "", n > 1 ? " " : "", n > 1 ? words[1] : "");
		return refuse(_("refused: '%s' is not a command the gate runs (report …, tenant export, booking export,"
				" remind)"),
			      what);
	}
	for (int i = 0; i < n; i++)
		for (int k = 0; refused_options[k]; k++) {
			size_t len = strlen(refused_options[k]);
			if (strncmp(words[i], refused_options[k], len) == 0 && (!words[i][len] || words[i][len] == '='))
				return refuse(_("refused: %s names a file on the server"), refused_options[k]);
		}
	/* the command, read like any other, on the gate's own database */
	words[-1] = "fuhua";
	words[n] = NULL; /* argv's end, as main's has */
	struct fh_opts run;
	int rc = fh_cli_parse(n + 1, words - 1, &run);
	if (rc >= 0)
		return rc;
	if (!run.cmd)
		return refuse("%s", _("refused: no command"));
	run.db = o->db;
	run.lang = o->lang;
	run.bound_only = true; /* the operator bound to the login, never the system's */
	return fh_cli_run(&run);
}
