/* fuhua tui — the command line, made from its tables (cmd.h): the options
 * read and checked against the command that takes them, the dispatch, the
 * help of every command and group, and the shell completion. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "fuhua/scratch.h"
#include "fuhua/store.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "../common/labels.h"
#include "../common/spool.h"
#include "../common/width.h"

#ifndef FUHUA_VERSION /* the Makefile's, from debian/changelog */
#define FUHUA_VERSION "0.1.0"
#endif

/* clang-format off */
const struct fh_command fh_commands[] = {
#define FH_CMD_ROW(fn, words, flags, operands, options, help) { words, fn, flags, operands, options, help },
	FH_COMMANDS(FH_CMD_ROW)
#undef FH_CMD_ROW
	{ NULL, NULL, 0, NULL, NULL, NULL },
};
/* clang-format on */

/* Every option: a value's kind, or a flag. */
struct option {
	const char *name; /* without "--" */
	bool flag;
	enum fh_opt_kind kind;
	const char *value, *help;
	size_t offset; /* of its member in struct fh_opts */
};

/* clang-format off */
static const struct option options[] = {
#define FH_OPT_ROW(m, name, kind, value, help) { name, false, kind, value, help, offsetof(struct fh_opts, m) },
	FH_OPTIONS(FH_OPT_ROW)
#undef FH_OPT_ROW
#define FH_FLAG_ROW(m, name, help) { name, true, FH_OPT_TEXT, NULL, help, offsetof(struct fh_opts, m) },
	FH_FLAGS(FH_FLAG_ROW)
#undef FH_FLAG_ROW
	{ NULL, false, FH_OPT_TEXT, NULL, NULL, 0 },
};
/* clang-format on */

/* The options every command takes, and the interface. */
static const char *const everywhere = "--db --lang";

static const struct option *option_named(const char *name)
{
	for (const struct option *p = options; p->name; p++)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

/* Whether an option's name (credit-code) names a field (credit_code). */
static bool names_field(const char *name, const char *field)
{
	if (!field)
		return false;
	for (; *name && *field; name++, field++)
		if (*name != (*field == '_' ? '-' : *field))
			return false;
	return !*name && !*field;
}

/* A tenant field's option into *tf, else a party field's into *pf; -1 when
 * neither. */
static void field_option(const char *name, int *tf, int *pf)
{
	*tf = *pf = -1;
	for (int f = 0; f < FH_TF_COUNT && f < 32; f++)
		if (names_field(name, fh_tenant_field_name((fh_tenant_field)f)))
			*tf = f;
	for (int f = 0; *tf < 0 && f < FH_PF_COUNT && f < 16; f++)
		if (names_field(name, fh_party_field_name((fh_party_field)f)))
			*pf = f;
}

/* Whether the space-separated list has the word. */
static bool has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; (p = strstr(p, word)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
			return true;
	return false;
}

/* Whether command c (NULL: the interface) takes the option "--name"; a
 * field's option (tf or pf ≥ 0) is taken by name or as a --FIELD. */
static bool takes(const struct fh_command *c, const char *option, int tf, int pf)
{
	if (has_word(everywhere, option))
		return true;
	if (!c)
		return false;
	return has_word(c->options, option) || (tf >= 0 && has_word(c->options, "--FIELD")) ||
		(pf >= 0 && has_word(c->options, "--PARTY-FIELD"));
}

/* ---- the commands' words ----------------------------------------------------- */

static int count_words(const char *s)
{
	int n = 0;
	for (bool in = false; *s; s++) {
		if (*s != ' ' && !in)
			n++;
		in = *s != ' ';
	}
	return n;
}

/* The i-th word of s into out. */
static const char *word_at(const char *s, int i, char *out, size_t size)
{
	out[0] = 0;
	for (int k = 0; *s; k++) {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (k == i) {
			snprintf(out, size, "%.*s", (int)n, s);
			return out;
		}
		s += n;
	}
	return out;
}

/* How many of the command's words the operands begin with (0 if not all). */
static int matches(const struct fh_command *c, char **pos, int npos)
{
	int n = count_words(c->words);
	char w[64];
	if (n > npos)
		return 0;
	for (int i = 0; i < n; i++)
		if (strcmp(word_at(c->words, i, w, sizeof w), pos[i]) != 0)
			return 0;
	return n;
}

/* The command the operands name: the one with the most words. */
static const struct fh_command *find_command(char **pos, int npos)
{
	const struct fh_command *best = NULL;
	int most = 0;
	for (const struct fh_command *c = fh_commands; c->words; c++) {
		int n = matches(c, pos, npos);
		if (n > most) {
			most = n;
			best = c;
		}
	}
	return best;
}

/* The commands whose words begin with the group's ("tenant"), or all. */
static bool in_group(const struct fh_command *c, const char *group)
{
	size_t n = strlen(group);
	return !group[0] || (strncmp(c->words, group, n) == 0 && (c->words[n] == ' ' || c->words[n] == 0));
}

/* The operands a command takes: at least *min, at most *max. */
static void operand_count(const struct fh_command *c, int *min, int *max)
{
	char w[64];
	*min = *max = 0;
	for (int i = 0, n = count_words(c->operands); i < n; i++) {
		word_at(c->operands, i, w, sizeof w);
		bool any = strstr(w, "…") != NULL;
		*max += any ? 8 : 1;
		*min += w[0] != '[';
	}
}

/* ---- help ---------------------------------------------------------------------- */

/* "--name VALUE" for the usage; a field's value is its name in capitals
 * (--credit-code CREDIT_CODE). */
static void option_usage(const char *word, char *out, size_t size)
{
	const struct option *p = option_named(word + 2);
	if (p && p->flag) {
		snprintf(out, size, "%s", word);
		return;
	}
	if (p) {
		snprintf(out, size, "%s %s", word, p->value);
		return;
	}
	int n = snprintf(out, size, "%s ", word);
	for (const char *q = word + 2; *q && n > 0 && (size_t)n + 1 < size; q++)
		out[n++] = *q == '-' ? '_' : (char)(*q >= 'a' && *q <= 'z' ? *q - 'a' + 'A' : *q);
	if (n > 0 && (size_t)n < size)
		out[n] = 0;
	if (strcmp(word, "--FIELD") == 0 || strcmp(word, "--PARTY-FIELD") == 0)
		snprintf(out, size, "%s VALUE", word);
}

/* "usage: fuhua WORDS OPERANDS [--option VALUE] …", wrapped before 80
 * columns. */
static void print_usage_line(FILE *f, const struct fh_command *c, bool first)
{
	char w[64], u[96];
	const char *head = first ? _("usage:") : "";
	int col = fprintf(f, "%s%*s fuhua %s%s%s", head, 6 - fh_str_width(head), "", c->words,
			  c->operands[0] ? " " : "", c->operands);
	for (int i = 0, n = count_words(c->options); i < n; i++) {
		option_usage(word_at(c->options, i, w, sizeof w), u, sizeof u);
		if (col + 3 + (int)strlen(u) > 79)
			col = fprintf(f, "\n%14s", "") - 1;
		col += fprintf(f, " [%s]", u);
	}
	fputc('\n', f);
}

const char *fh_cli_option_help(const char *word)
{
	if (strncmp(word, "--", 2) != 0)
		return NULL;
	const struct option *p = option_named(word + 2);
	if (p)
		return _(p->help);
	if (strcmp(word, "--FIELD") == 0)
		return _("any field of the tenant record, by its name (--credit-code, --phone …; see fuhua(1))");
	if (strcmp(word, "--PARTY-FIELD") == 0)
		return _("any field of the party record, by its name (--form, --full-members …; see fuhua(1))");
	int tf, pf;
	field_option(word + 2, &tf, &pf);
	if (tf >= 0)
		return fh_tenant_field_label((fh_tenant_field)tf, fh_i18n_is_zh());
	if (pf >= 0)
		return fh_party_field_label((fh_party_field)pf, fh_i18n_is_zh());
	return NULL;
}

static void print_option_help(FILE *f, const char *word)
{
	char u[96];
	option_usage(word, u, sizeof u);
	int pad = 28 - fh_str_width(u);
	const char *help = fh_cli_option_help(word);
	fprintf(f, "  %s%*s %s\n", u, pad > 0 ? pad : 1, "", help ? help : "");
}

/* The commands of a group ("" for all) with their help, one a line. */
static void print_commands(FILE *f, const char *group)
{
	for (const struct fh_command *c = fh_commands; c->words; c++) {
		if (!in_group(c, group))
			continue;
		char head[120];
		snprintf(head, sizeof head, "%s%s%s", c->words, c->operands[0] ? " " : "", c->operands);
		int pad = 34 - fh_str_width(head);
		fprintf(f, "  %s%*s %s\n", head, pad > 0 ? pad : 1, "", _(c->help));
	}
}

static void print_help_all(FILE *f)
{
	fprintf(f, "%s",
		_("usage: fuhua [--db FILE] [--lang zh|en]     open the terminal interface\n"
		  "       fuhua COMMAND [OPERANDS] [OPTIONS]    run one command\n"));
	fprintf(f, "\n%s\n", _("Commands:"));
	print_commands(f, "");
	fprintf(f, "\n%s\n",
		_("Every command takes --db FILE and --lang zh|en; 'fuhua help COMMAND' or"
		  " 'fuhua COMMAND --help' shows its usage and options. See fuhua(1)."));
}

/* One command's usage, help and options. */
static void print_help_one(FILE *f, const struct fh_command *c)
{
	char w[64];
	print_usage_line(f, c, true);
	fprintf(f, "\n%s\n", _(c->help));
	fprintf(f, "\n%s\n", _("Options:"));
	for (int i = 0, n = count_words(c->options); i < n; i++)
		print_option_help(f, word_at(c->options, i, w, sizeof w));
	for (int i = 0, n = count_words(everywhere); i < n; i++)
		print_option_help(f, word_at(everywhere, i, w, sizeof w));
}

/* A group's commands ("tenant"): each usage and help. */
static void print_help_group(FILE *f, const char *group)
{
	bool first = true;
	for (const struct fh_command *c = fh_commands; c->words; c++)
		if (in_group(c, group)) {
			print_usage_line(f, c, first);
			first = false;
		}
	fprintf(f, "\n%s\n", _("Commands:"));
	print_commands(f, group);
	fprintf(f, "\n%s\n", _("'fuhua help COMMAND' or 'fuhua COMMAND --help' shows a command's options."));
}

/* Help for the words (none: every command): 0, or 2 if they name none. */
static int help_for(char **pos, int npos)
{
	if (npos == 0) {
		print_help_all(stdout);
		return 0;
	}
	const struct fh_command *c = find_command(pos, npos);
	if (c) {
		print_help_one(stdout, c);
		return 0;
	}
	for (const struct fh_command *g = fh_commands; g->words; g++)
		if (in_group(g, pos[0]) && npos == 1) {
			print_help_group(stdout, pos[0]);
			return 0;
		}
	return fh_cli_usage_error(_("unknown command '%s'"), pos[npos - 1]);
}

int fh_cmd_help(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)s;
	(void)by;
	return help_for(o->pos + 1, o->npos - 1);
}

static void version(void)
{
	int v = sqlite3_libversion_number();
	printf("fuhua %s\n", FUHUA_VERSION);
	printf(_("SQLite %s: %s\n"), sqlite3_libversion(),
	       fh_store_wal_safe(v) ? _("journal mode WAL (library has the WAL-reset fix)")
				    : _("rollback journal, synchronous=FULL (library has the WAL-reset race)"));
}

/* ---- completion ------------------------------------------------------------------ */

/* Every field's option (tenant fields, then party fields), each after sep
 * but the first. */
static void spell_fields(FILE *f, const char *sep)
{
	char opt[64];
	bool first = true;
	for (int k = 0; k < FH_TF_COUNT + FH_PF_COUNT; k++) {
		const char *name = k < FH_TF_COUNT ? fh_tenant_field_name((fh_tenant_field)k)
						   : fh_party_field_name((fh_party_field)(k - FH_TF_COUNT));
		snprintf(opt, sizeof opt, "--%s", name);
		for (char *p = opt; *p; p++)
			if (*p == '_')
				*p = '-';
		fprintf(f, "%s%s", first ? "" : sep, opt);
		first = false;
	}
}

/* The options of a list, "--FIELD" and "--PARTY-FIELD" spelled out. */
static void spell_options(const char *list, FILE *f)
{
	char w[64], opt[64];
	fputs(everywhere, f);
	fputs(" --help", f);
	for (int i = 0, n = count_words(list); i < n; i++) {
		word_at(list, i, w, sizeof w);
		bool tenant = strcmp(w, "--FIELD") == 0, party = strcmp(w, "--PARTY-FIELD") == 0;
		if (!tenant && !party) {
			fprintf(f, " %s", w);
			continue;
		}
		for (int k = 0; k < (tenant ? FH_TF_EDITABLE : FH_PF_COUNT); k++) {
			const char *name = tenant ? fh_tenant_field_name((fh_tenant_field)k)
						  : fh_party_field_name((fh_party_field)k);
			snprintf(opt, sizeof opt, "--%s", name);
			for (char *p = opt; *p; p++)
				if (*p == '_')
					*p = '-';
			fprintf(f, " %s", opt);
		}
	}
}

/* The words that may follow a group's words ("tenant"; "" for the first
 * word) into out, separated by spaces, each once. */
static const char *next_words(const char *group, char *out, size_t size)
{
	int depth = group[0] ? count_words(group) : 0;
	char w[64];
	out[0] = 0;
	for (const struct fh_command *c = fh_commands; c->words; c++) {
		if (!in_group(c, group) || count_words(c->words) <= depth)
			continue;
		word_at(c->words, depth, w, sizeof w);
		size_t used = strlen(out);
		if (!has_word(out, w))
			snprintf(out + used, size - used, "%s%s", used ? " " : "", w);
	}
	return out;
}

/* Whether a command has exactly these words. */
static const struct fh_command *command_named(const char *words)
{
	for (const struct fh_command *c = fh_commands; c->words; c++)
		if (strcmp(c->words, words) == 0)
			return c;
	return NULL;
}

int fh_cmd_completion(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)s;
	(void)by;
	if (strcmp(o->pos[1], "bash") != 0)
		return fh_cli_usage_error(_("completion takes bash, not '%s'"), o->pos[1]);
	FILE *f = stdout;
	fputs("# bash completion for fuhua: made by 'fuhua completion bash' from its table of commands\n"
	      "_fuhua()\n{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} w words= i\n"
	      "\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
	      "\t\tw=${COMP_WORDS[i]}\n"
	      "\t\tcase $w in\n"
	      "\t\t--*=*) ;;\n",
	      f);
	/* the options that take a value: a word after them is no command's */
	fputs("\t\t", f);
	for (const struct option *p = options; p->name; p++)
		if (!p->flag)
			fprintf(f, "--%s|", p->name);
	spell_fields(f, "|");
	fputs(") ((i++)) ;;\n\t\t-*) ;;\n\t\t*) words+=\" $w\" ;;\n\t\tesac\n\tdone\n\tcase $prev in\n", f);
	for (const struct option *p = options; p->name; p++) {
		if (p->flag ||
		    (p->kind != FH_OPT_CHOICE && strcmp(p->value, "FILE") != 0 && strcmp(p->value, "DIR") != 0))
			continue;
		if (p->kind == FH_OPT_CHOICE) {
			char choices[128];
			snprintf(choices, sizeof choices, "%s", p->value);
			for (char *q = choices; *q; q++)
				if (*q == '|')
					*q = ' ';
			fprintf(f, "\t--%s) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return ;;\n", p->name,
				choices);
		} else {
			fprintf(f, "\t--%s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", p->name);
		}
	}
	fputs("\tesac\n\tlocal next= opts=\n\tcase \"$words \" in\n", f);
	/* every command and every group of commands, the longest first, so
	 * that a pattern finds the whole command */
	char next[600], prefix[64];
	for (int depth = 3; depth >= 1; depth--)
		for (const struct fh_command *c = fh_commands; c->words; c++) {
			if (count_words(c->words) < depth)
				continue;
			size_t n = 0;
			for (int k = 0; k < depth; k++)
				n += strcspn(c->words + n + (k > 0), " ") + (k > 0);
			snprintf(prefix, sizeof prefix, "%.*s", (int)n, c->words);
			const struct fh_command *same = command_named(prefix);
			if (same != c &&
			    (same ||
			     (c != fh_commands && in_group(c - 1, prefix) && count_words((c - 1)->words) >= depth)))
				continue; /* said at its own row, or at the group's first */
			fprintf(f, "\t\" %s \"*) opts=\"", prefix);
			if (same)
				spell_options(same->options, f);
			else
				fprintf(f, "%s --help", everywhere);
			fprintf(f, "\" next=\"%s\" ;;\n", next_words(prefix, next, sizeof next));
		}
	fprintf(f, "\t*) next=\"%s\" opts=\"%s --help --version\" ;;\n", next_words("", next, sizeof next), everywhere);
	fputs("\tesac\n"
	      "\tif [[ $cur == -* ]]; then\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
	      "\telse\n"
	      "\t\tCOMPREPLY=($(compgen -W \"$next\" -- \"$cur\"))\n"
	      "\tfi\n"
	      "}\n"
	      "complete -o default -F _fuhua fuhua\n",
	      f);
	return 0;
}

/* ---- reading the command line ------------------------------------------------------ */

/* A value of the option's kind: -1 to go on, else the usage error's status. */
static int check_value(const struct option *p, const char *val)
{
	char name[40], msg[700];
	snprintf(name, sizeof name, "--%s", p->name);
	fh_error err;
	long long n;
	char d[11];
	int64_t day;
	switch (p->kind) {
	case FH_OPT_NUMBER:
		if (fh_int_take(name, val, 0, LLONG_MAX, &n, &err) != FH_OK)
			return fh_cli_usage_error("%s", fh_error_text(&err, msg, sizeof msg));
		return -1;
	case FH_OPT_DAY:
		if (fh_date_take(name, val, d, &day, &err) != FH_OK)
			return fh_cli_usage_error("%s", fh_error_text(&err, msg, sizeof msg));
		return -1;
	case FH_OPT_CHOICE: {
		char w[64];
		size_t len = strlen(val);
		for (const char *q = p->value; *q;) {
			size_t k = strcspn(q, "|");
			if (k == len && strncmp(q, val, k) == 0)
				return -1;
			q += k + (q[k] == '|');
		}
		/* "a, b or c" */
		char list[200] = "";
		int n_choices = 1;
		for (const char *q = p->value; *q; q++)
			n_choices += *q == '|';
		for (int i = 0; i < n_choices; i++) {
			size_t used = strlen(list);
			const char *q = p->value;
			for (int k = 0; k < i; k++)
				q += strcspn(q, "|") + 1;
			snprintf(w, sizeof w, "%.*s", (int)strcspn(q, "|"), q);
			snprintf(list + used, sizeof list - used, "%s%s",
				 i == 0                       ? ""
					 : i == n_choices - 1 ? _(" or ")
							      : _(", "),
				 w);
		}
		char fmt[300];
		snprintf(fmt, sizeof fmt, _("%s takes %s, not '%%s'"), name, list);
		return fh_cli_usage_error(fmt, val);
	}
	default: return -1;
	}
}

/* The options given, for the check against the command's. */
struct given {
	char name[48];
	int tf, pf;
};

/* Words that name no command: which group's commands there are, if the
 * first word names a group (exit 2). */
static int no_such_command(const struct fh_opts *o)
{
	char list[600], fmt[800];
	if (!next_words(o->pos[0], list, sizeof list)[0])
		return fh_cli_usage_error(_("unknown command '%s'"), o->pos[0]);
	fh_cli_usage_for(o->pos[0]);
	if (o->npos == 1) {
		snprintf(fmt, sizeof fmt, _("%%s takes a command: %s"), list);
		return fh_cli_usage_error(fmt, o->pos[0]);
	}
	snprintf(fmt, sizeof fmt, _("unknown %s command '%%s' (%s)"), o->pos[0], list);
	return fh_cli_usage_error(fmt, o->pos[1]);
}

/* Whether the options and operands given are command c's, and an Excel
 * file one it writes, to a file or a pipe: -1, or the usage error's exit
 * status. */
static int fits(const struct fh_command *c, const struct fh_opts *o, const struct given *given, int ngiven)
{
	fh_cli_usage_for(c->words);
	for (int i = 0; i < ngiven; i++)
		if (!takes(c, given[i].name, given[i].tf, given[i].pf)) {
			char fmt[300];
			snprintf(fmt, sizeof fmt, _("%s takes no option %%s"), c->words);
			return fh_cli_usage_error(fmt, given[i].name);
		}
	int min, max, have = o->npos - count_words(c->words);
	operand_count(c, &min, &max);
	if (have < min || have > max) {
		char what[300];
		if (c->operands[0])
			snprintf(what, sizeof what, _("%s takes %s"), c->words, c->operands);
		else
			snprintf(what, sizeof what, _("%s takes no operands"), c->words);
		return fh_cli_usage_error("%s", what);
	}
	if (o->format == FH_FORMAT_XLSX && !(c->flags & FH_CMD_XLSX))
		return fh_cli_usage_error(_("%s writes no Excel file: --format table, csv or json"), c->words);
	if (o->format == FH_FORMAT_XLSX && !o->output && isatty(STDOUT_FILENO))
		return fh_cli_usage_error("%s",
					  _("an Excel file is not for the terminal: --output FILE.xlsx, or a pipe"));
	return -1;
}

int fh_cli_parse(int argc, char **argv, struct fh_opts *o)
{
	memset(o, 0, sizeof *o);
	struct given given[64] = { 0 };
	int ngiven = 0;
	bool help = false, only_operands = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!only_operands && strcmp(a, "--") == 0) {
			only_operands = true;
			continue;
		}
		if (!only_operands && (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)) {
			help = true;
			continue;
		}
		if (!only_operands && (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0)) {
			version();
			return 0;
		}
		if (only_operands || a[0] != '-' || strcmp(a, "-") == 0) {
			if (o->npos == (int)(sizeof o->pos / sizeof o->pos[0]))
				return fh_cli_usage_error(_("too many arguments at '%s'"), a);
			o->pos[o->npos++] = argv[i];
			continue;
		}
		char name[40];
		const char *eq = strchr(a, '=');
		int len = eq ? (int)(eq - a) : (int)strlen(a);
		if (strncmp(a, "--", 2) != 0 || len - 2 >= (int)sizeof name)
			return fh_cli_usage_error(_("unknown option '%s'"), a);
		snprintf(name, sizeof name, "%.*s", len - 2, a + 2);
		const struct option *p = option_named(name);
		int tf = -1, pf = -1;
		if (!p)
			field_option(name, &tf, &pf);
		if (!p && tf < 0 && pf < 0)
			return fh_cli_usage_error(_("unknown option '%s'"), a);
		if (ngiven == (int)(sizeof given / sizeof given[0]))
			return fh_cli_usage_error(_("too many arguments at '%s'"), a);
		snprintf(given[ngiven].name, sizeof given[ngiven].name, "--%s", name);
		given[ngiven].tf = tf;
		given[ngiven++].pf = pf;
		if (p && p->flag) {
			if (eq)
				return fh_cli_usage_error(_("option '%s' takes no value"), a);
			*(bool *)((char *)o + p->offset) = true;
			continue;
		}
		const char *val;
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return fh_cli_usage_error(_("option '%s' needs a value"), a);
		int rc = p ? check_value(p, val) : -1;
		if (rc >= 0)
			return rc;
		if (p)
			*(const char **)((char *)o + p->offset) = val;
		else if (tf >= 0)
			o->tf[tf] = val;
		else
			o->pf[pf] = val;
	}
	o->format = !o->format_name || strcmp(o->format_name, "table") == 0 ? FH_FORMAT_TABLE
		: strcmp(o->format_name, "csv") == 0                        ? FH_FORMAT_CSV
		: strcmp(o->format_name, "xlsx") == 0                       ? FH_FORMAT_XLSX
									    : FH_FORMAT_JSON;
	if (help)
		return help_for(o->pos, o->npos);
	if (o->npos == 0) {
		for (int i = 0; i < ngiven; i++)
			if (!takes(NULL, given[i].name, -1, -1))
				return fh_cli_usage_error(_("the terminal interface takes no option %s"),
							  given[i].name);
		return -1;
	}
	const struct fh_command *c = find_command(o->pos, o->npos);
	if (!c)
		return no_such_command(o);
	int rc = fits(c, o, given, ngiven);
	if (rc >= 0)
		return rc;
	o->cmd = c;
	return -1;
}

/* --output FILE: what the command writes to standard output goes into a
 * new file of our own beside FILE (mkstemp: never a planted file or a
 * link; named so that the next run sweeps it away if this one is killed),
 * readable by the group (0640), renamed over FILE once the command has
 * succeeded and all of it is written: FILE is whole or as it was. */
static int run_into_file(const struct fh_command *c, struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char why[300];
	fh_scratch part = { 0 };
	fh_cli_say_swept(fh_store_sweep(o->output, NULL, 0), NULL);
	if (fh_spool_beside(o->output, &part, why, sizeof why) != 0) {
		fprintf(stderr, "fuhua: %s\n", why);
		return 1;
	}
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	if (saved < 0 || dup2(part.fd, STDOUT_FILENO) < 0) {
		fprintf(stderr, "fuhua: %s: %s\n", o->output, strerror(errno));
		if (saved >= 0)
			close(saved);
		fh_scratch_drop(&part);
		return 1;
	}
	int rc = c->run(o, s, by);
	bool bad = fflush(stdout) != 0 || ferror(stdout) || fsync(STDOUT_FILENO) != 0;
	snprintf(why, sizeof why, "%s", strerror(errno));
	dup2(saved, STDOUT_FILENO);
	close(saved);
	clearerr(stdout);
	if (rc || bad) {
		fh_scratch_drop(&part); /* the target stays as it was */
		if (!rc)
			fprintf(stderr, "fuhua: %s: %s\n", o->output, why);
		return rc ? rc : 1;
	}
	if (fh_spool_keep(&part, o->output, why, sizeof why) != 0) {
		fprintf(stderr, "fuhua: %s: %s\n", o->output, why);
		return 1;
	}
	return 0;
}

int fh_cli_run(struct fh_opts *o)
{
	const struct fh_command *c = o->cmd;
	fh_store *s = NULL;
	fh_actor by;
	if (c->flags & FH_CMD_STORE) {
		int rc = fh_cli_open_acting(o, &s, &by);
		if (!rc && (c->flags & FH_CMD_OWNER))
			rc = fh_cli_owner_only(&s, c->words);
		if (rc)
			return rc;
	}
	int rc = o->output ? run_into_file(c, o, s, s ? &by : NULL) : c->run(o, s, s ? &by : NULL);
	if (s)
		fh_store_close(&s);
	return rc;
}
