/* fuhua tests — the command line read against its tables: each command's
 * options and nothing else, its operands counted, the values of each kind
 * checked, and every row of the table whole. */
#include "helpers.h"

#include <fcntl.h>

#include "../../tui/cmd/cli.h"
#include "fuhua/party.h"
#include "fuhua/tenant.h"

/* fh_cli_parse of the words (after "fuhua"), its messages kept from the
 * test's output. */
static int parse(struct fh_opts *o, const char *const *words)
{
	char *argv[32] = { "fuhua" };
	int argc = 1;
	while (words[argc - 1])
		argv[argc] = (char *)words[argc - 1], argc++;
	fflush(stderr);
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY);
	dup2(null, STDERR_FILENO);
	int rc = fh_cli_parse(argc, argv, o);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	close(null);
	return rc;
}

#define PARSE(o, ...) parse(o, (const char *const[]){ __VA_ARGS__, NULL })

static void nothing_and_the_interface(void **s)
{
	(void)s;
	struct fh_opts o;
	assert_int_equal(parse(&o, (const char *const[]){ NULL }), -1);
	assert_null(o.cmd);
	assert_int_equal(PARSE(&o, "--db", "x.db", "--lang", "zh"), -1);
	assert_null(o.cmd);
	assert_string_equal(o.db, "x.db");
	/* the interface takes no other option */
	assert_int_equal(PARSE(&o, "--hub", "ja"), 2);
	assert_int_equal(PARSE(&o, "--lang", "fr"), 2);
}

static void a_command_takes_its_options_only(void **s)
{
	(void)s;
	struct fh_opts o;
	/* the example, and one foreign option at a time */
	assert_int_equal(PARSE(&o, "report", "coverage", "--seats", "3", "--title", "hello", "--weeks", "9"), 2);
	assert_int_equal(PARSE(&o, "report", "coverage", "--title", "hello"), 2);
	assert_int_equal(PARSE(&o, "tenant", "list", "--override"), 2);
	assert_int_equal(PARSE(&o, "tenant", "move", "5", "graduated", "--credit-code", "x"), 2);
	assert_int_equal(PARSE(&o, "report", "coverage", "--hub", "ja", "--all-stages", "--format", "csv"), -1);
	assert_string_equal(o.cmd->words, "report coverage");
	assert_string_equal(o.hub, "ja");
	assert_true(o.all_stages);
	assert_int_equal(o.format, FH_FORMAT_CSV);
	/* a field's option where the command takes fields */
	assert_int_equal(PARSE(&o, "tenant", "add", "--name", "甲", "--credit-code=52310106MJ4987654"), -1);
	assert_string_equal(o.tf[FH_TF_NAME], "甲");
	assert_string_equal(o.tf[FH_TF_CREDIT_CODE], "52310106MJ4987654");
	assert_int_equal(PARSE(&o, "party", "edit", "7", "--full-members", "3"), -1);
	assert_string_equal(o.pf[FH_PF_FULL], "3");
	assert_int_equal(PARSE(&o, "tenant", "add", "--full-members", "3"), 2);
	/* unknown options and commands */
	assert_int_equal(PARSE(&o, "tenant", "list", "--nosuch", "1"), 2);
	assert_int_equal(PARSE(&o, "nosuch"), 2);
	assert_int_equal(PARSE(&o, "tenant"), 2);
	assert_int_equal(PARSE(&o, "tenant", "mvoe", "1"), 2);
	/* a flag takes no value; an option needs one */
	assert_int_equal(PARSE(&o, "check", "--full=yes"), 2);
	assert_int_equal(PARSE(&o, "tenant", "list", "--hub"), 2);
}

static void operands_are_counted(void **s)
{
	(void)s;
	struct fh_opts o;
	assert_int_equal(PARSE(&o, "tenant", "move", "5"), 2);
	assert_int_equal(PARSE(&o, "tenant", "move", "5", "graduated", "extra"), 2);
	assert_int_equal(PARSE(&o, "tenant", "move", "5", "graduated"), -1);
	assert_int_equal(PARSE(&o, "tenant", "list", "extra"), 2);
	/* optional operands, the longest command */
	assert_int_equal(PARSE(&o, "party", "instructors"), -1);
	assert_int_equal(PARSE(&o, "party", "instructors", "3"), -1);
	assert_int_equal(PARSE(&o, "space", "waitlist"), -1);
	assert_string_equal(o.cmd->words, "space waitlist");
	assert_int_equal(PARSE(&o, "space", "waitlist", "add", "4", "--type", "desk"), -1);
	assert_string_equal(o.cmd->words, "space waitlist add");
	/* "--" ends the options */
	assert_int_equal(PARSE(&o, "tenant", "import", "--hub", "ja", "--", "-odd.csv"), -1);
	assert_string_equal(o.pos[2], "-odd.csv");
}

static void values_are_checked_by_kind(void **s)
{
	(void)s;
	struct fh_opts o;
	assert_int_equal(PARSE(&o, "tenant", "list", "--format", "xml"), 2);
	assert_int_equal(PARSE(&o, "tenant", "list", "--sort", "size"), 2);
	assert_int_equal(PARSE(&o, "remind", "--days", "1 0"), 2);
	assert_int_equal(PARSE(&o, "remind", "--days", "+10"), 2);
	assert_int_equal(PARSE(&o, "space", "list", "--at", "1969-12-31"), 2);
	assert_int_equal(PARSE(&o, "space", "list", "--at", "2026-02-30"), 2);
	assert_int_equal(PARSE(&o, "space", "list", "--at", "2026-02-28"), -1);
	assert_string_equal(o.at, "2026-02-28");
	assert_int_equal(PARSE(&o, "user", "add", "王", "--role", "boss", "--hub", "ja"), 2);
}

/* Every option word of every row names an option, a field, or a group of
 * fields; every row has words and help; no two rows have the same words. */
static void every_row_is_whole(void **s)
{
	(void)s;
	int rows = 0;
	for (const struct fh_command *c = fh_commands; c->words; c++, rows++) {
		assert_non_null(c->run);
		assert_true(c->help && c->help[0]);
		for (const struct fh_command *d = c + 1; d->words; d++)
			assert_string_not_equal(c->words, d->words);
		char list[400];
		snprintf(list, sizeof list, "%s", c->options);
		for (char *w = strtok(list, " "); w; w = strtok(NULL, " "))
			if (!fh_cli_option_help(w))
				fail_msg("%s: %s is no option", c->words, w);
	}
	assert_true(rows > 50);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nothing_and_the_interface), cmocka_unit_test(a_command_takes_its_options_only),
		cmocka_unit_test(operands_are_counted),      cmocka_unit_test(values_are_checked_by_kind),
		cmocka_unit_test(every_row_is_whole),
	};
	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
