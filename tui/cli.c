/* fuhua tui — the command line. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <sqlite3.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/config.h"
#include "fuhua/demo.h"
#include "fuhua/hub.h"
#include "fuhua/operator.h"
#include "fuhua/store.h"
#include "fuhua/party.h"
#include "fuhua/tenant.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "labels.h"
#include "table.h"

#define FUHUA_VERSION "0.1.0"

static void usage(FILE *f)
{
	fprintf(f, "%s", _("usage: fuhua [--db FILE] [--lang zh|en]              open the terminal interface\n"
			   "       fuhua check-config DIR                       check a configuration directory\n"
			   "       fuhua init [--db FILE] --config DIR          create or update the database\n"
			   "       fuhua demo [--db FILE] [--config DIR] [--tenants N] [--seed S]\n"
			   "       fuhua user add NAME --role ROLE --hub CODE   (password on standard input)\n"
			   "       fuhua user passwd NAME                       (password on standard input)\n"
			   "       fuhua user list [--format table|csv|json]\n"
			   "       fuhua hub list [--format table|csv|json]\n"
			   "       fuhua tenant list [--hub CODE] [--stage S] [--org-type T] [--field F]\n"
			   "                         [--search TEXT] [--sort name|admitted|newest] [--format F]\n"
			   "       fuhua tenant show ID [--format table|json]\n"
			   "       fuhua tenant add --name NAME [--hub CODE] [--credit-code C] [--org-type T] …\n"
			   "       fuhua tenant edit ID [--phone P] [--notes N] …   (any field option)\n"
			   "       fuhua tenant move ID STAGE [--reason TEXT] [--override]\n"
			   "       fuhua tenant extend ID\n"
			   "       fuhua tenant import FILE.csv --hub CODE [--encoding utf-8|gb18030] [--skip-bad]\n"
			   "       fuhua tenant export [--hub CODE] [--stage S] [--output FILE] [--no-bom]\n"
			   "       fuhua party show ID [--format table|json]\n"
			   "       fuhua party edit ID [--form F] [--full-members N] [--fallback yes|no] …\n"
			   "       fuhua party gaps [--hub CODE] [--format F]      uncovered, should branch, late, re-elections\n"
			   "       fuhua party instructors [ID] [--hub CODE] [--format F]\n"
			   "       fuhua party event ID registration|annual|leadership|rating [--on DATE]\n"
			   "       fuhua party done CHECK [--on DATE]            a sync check done\n"
			   "       fuhua party annual [--year Y] [--hub CODE]    open the year's annual reports\n"
			   "       fuhua party member list ID | add ID NAME | edit MEMBER | remove MEMBER\n"
			   "                         [--kind full|probationary|applicant|activist] [--here yes|no]\n"
			   "       fuhua branch list [--hub CODE] [--format F]\n"
			   "       fuhua branch add --name NAME [--hub CODE] [--secretary S] [--founded D] [--elected D]\n"
			   "       fuhua branch edit ID [--name NAME] [--secretary S] [--founded D] [--elected D]\n"
			   "       fuhua space list [--hub CODE] [--at DATE] [--format F]\n"
			   "       fuhua space allocate SPACE TENANT [--from D] [--to D] [--seats N]\n"
			   "       fuhua space release ALLOCATION [--on D] | handover ALLOCATION [--on D]\n"
			   "       fuhua space allocations [--hub CODE] [--room SPACE] [--tenant ID]\n"
			   "                         [--ending DAYS | --overdue | --all] [--format F]\n"
			   "       fuhua space fees --month YYYY-MM [--hub CODE] [--format F]\n"
			   "       fuhua space waitlist [--hub CODE] | add TENANT --type T [--seats N] | remove ID\n"
			   "       fuhua booking add ROOM --date D --time HH:MM-HH:MM --title T [--tenant ID] [--weeks N]\n"
			   "       fuhua booking list [--hub CODE] [--room R] [--tenant ID] [--from D] [--to D]\n"
			   "                         [--pending | --skipped] [--format F]\n"
			   "       fuhua booking cancel ID | approve ID | retry ID\n"
			   "       fuhua booking export --ics [--room R | --tenant ID] [--from D] [--output FILE]\n"
			   "       fuhua mentor list [--hub CODE] | add --name N [--expertise E] [--organization O]\n"
			   "                         [--phone P] [--capacity N] | assign MENTOR TENANT | pairings\n"
			   "       fuhua milestone list TENANT | done ID [--on D] [--evidence T] | waive ID --reason T\n"
			   "                         | reopen ID | give TENANT\n"
			   "       fuhua session add --mentor M --tenant T --topic X --hours H [--on D] [--milestone ID]\n"
			   "       fuhua session list [--mentor M] [--tenant T] [--from D] [--to D] | totals [--year Y]\n"
			   "       fuhua remind [--hub CODE] [--days N] [--format F]   overdue and due soon (for cron)\n"
			   "       fuhua report coverage [--hub CODE] [--all-stages] [--format table|csv|json]\n"
			   "       fuhua report occupancy [--hub CODE] [--at DATE] [--format table|csv|json]\n"
			   "       fuhua backup --to FILE                       a consistent copy, while others work\n"
			   "       fuhua check [--full]                         integrity, foreign keys, search index, counts\n"
			   "       fuhua --version | --help\n"
			   "See fuhua(1).\n"));
}

int fh_cli_usage_error(const char *fmt, const char *arg)
{
	char safe[700];
	fprintf(stderr, "fuhua: ");
	fprintf(stderr, fmt, fh_text_escape(safe, sizeof safe, arg ? arg : ""));
	fprintf(stderr, "\n%s\n", _("Try 'fuhua --help'."));
	return 2;
}

static void version(void)
{
	int v = sqlite3_libversion_number();
	printf("fuhua %s\n", FUHUA_VERSION);
	printf(_("SQLite %s: %s\n"), sqlite3_libversion(),
	       fh_store_wal_safe(v) ? _("journal mode WAL (library has the WAL-reset fix)")
				    : _("rollback journal, synchronous=FULL (library has the WAL-reset race)"));
}


/* Whether an option (--credit-code) names a field (credit_code). */
static bool names_field(const char *option, const char *field)
{
	if (!field || strncmp(option, "--", 2) != 0)
		return false;
	for (option += 2; *option && *field; option++, field++)
		if (*option != (*field == '_' ? '-' : *field))
			return false;
	return !*option && !*field;
}

/* A tenant field's option (--credit-code) into *field, else a party
 * field's (--full-members) into *pfield; -1 when neither. */
static void field_option(const char *name, const struct fh_opts *o, int *field, int *pfield)
{
	*field = *pfield = -1;
	for (int f = 0; f < FH_TF_COUNT && f < (int)(sizeof o->tf / sizeof o->tf[0]); f++)
		if (names_field(name, fh_tenant_field_name((fh_tenant_field)f)))
			*field = f;
	for (int f = 0; *field < 0 && f < FH_PF_COUNT; f++)
		if (names_field(name, fh_party_field_name((fh_party_field)f)))
			*pfield = f;
}

/* The value of the option with_arg[k] into *o: -1 to go on, else the exit
 * status of a usage error. */
static int set_option(struct fh_opts *o, int k, const char *val)
{
	long long n;
	fh_error err;
	switch (k) {
	case 0: o->db = val; break;
	case 1: o->config = val; break;
	case 2:
		if (strcmp(val, "zh") != 0 && strcmp(val, "en") != 0)
			return fh_cli_usage_error(_("--lang takes zh or en, not '%s'"), val);
		o->lang = val;
		break;
	case 3: o->role = val; break;
	case 4: o->hub = val; break;
	case 5:
		o->have_format = true;
		if (strcmp(val, "table") == 0)
			o->format = FH_FORMAT_TABLE;
		else if (strcmp(val, "csv") == 0)
			o->format = FH_FORMAT_CSV;
		else if (strcmp(val, "json") == 0)
			o->format = FH_FORMAT_JSON;
		else
			return fh_cli_usage_error(_("--format takes table, csv or json, not '%s'"), val);
		break;
	case 6:
		if ((n = fh_cli_number("--tenants", val, 0, 1000000, 0)) < 0)
			return 2;
		o->tenants = (long)n;
		o->have_tenants = true;
		break;
	case 7:
		if (fh_int_take("--seed", val, 0, LLONG_MAX, &n, &err) != FH_OK)
			return fh_cli_usage_error("%s", fh_error_text(&err, (char[700]){ 0 }, 700));
		o->seed = (unsigned long long)n;
		o->have_seed = true;
		break;
	case 8: o->search = val; break;
	case 9: o->reason = val; break;
	case 10: o->encoding = val; break;
	case 11: o->output = val; break;
	case 12: o->sort = val; break;
	case 13: o->to = val; break;
	case 14: o->on = val; break;
	case 15: o->year = val; break;
	case 16: o->kind = val; break;
	case 17: o->here = val; break;
	default: {
		/* the space and booking options, in with_arg's order from 18 */
		const char **strs[] = { &o->from, &o->seats, &o->month, &o->at, &o->tenant, &o->room,
					&o->date, &o->time, &o->weeks, &o->title, &o->type, &o->note,
					&o->ending, &o->expertise, &o->organization, &o->capacity,
					&o->mentor, &o->topic, &o->hours, &o->milestone, &o->evidence,
					&o->days };
		if (k >= 18 && k < 18 + (int)(sizeof strs / sizeof strs[0]))
			*strs[k - 18] = val;
	}
	}
	return -1;
}

int fh_cli_parse(int argc, char **argv, struct fh_opts *o)
{
	memset(o, 0, sizeof *o);
	static const char *const with_arg[] = { "--db", "--config", "--lang", "--role", "--hub",
						"--format", "--tenants", "--seed", "--search", "--reason",
						"--encoding", "--output", "--sort", "--to", "--on", "--year",
						"--kind", "--here", "--from", "--seats", "--month", "--at",
						"--tenant", "--room", "--date", "--time", "--weeks", "--title",
						"--type", "--note", "--ending", "--expertise", "--organization",
						"--capacity", "--mentor", "--topic", "--hours", "--milestone",
						"--evidence", "--days", NULL };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
			version();
			return 0;
		}
		if (a[0] != '-' || strcmp(a, "-") == 0) {
			if (o->npos == (int)(sizeof o->pos / sizeof o->pos[0]))
				return fh_cli_usage_error(_("too many arguments at '%s'"), a);
			o->pos[o->npos++] = argv[i];
			continue;
		}
		char name[32];
		const char *val = NULL, *eq = strchr(a, '=');
		snprintf(name, sizeof name, "%.*s", eq ? (int)(eq - a) : (int)strlen(a), a);
		if (strcmp(name, "--skip-bad") == 0 || strcmp(name, "--no-bom") == 0) {
			*(name[2] == 's' ? &o->skip_bad : &o->no_bom) = true;
			continue;
		}
		static const char *const flags[] = { "--all-stages", "--ics", "--pending", "--skipped",
						     "--overdue", "--all", "--override", "--full", NULL };
		bool *flag_of[] = { &o->all_stages, &o->ics, &o->pending, &o->skipped, &o->overdue, &o->all,
				    &o->override, &o->full };
		int fl = -1;
		for (int j = 0; flags[j]; j++)
			if (strcmp(flags[j], name) == 0)
				fl = j;
		if (fl >= 0) {
			*flag_of[fl] = true;
			continue;
		}
		int k = -1, field = -1;
		for (int j = 0; with_arg[j]; j++)
			if (strcmp(with_arg[j], name) == 0)
				k = j;
		int pfield = -1;
		if (k < 0)
			field_option(name, o, &field, &pfield);
		if (k < 0 && field < 0 && pfield < 0)
			return fh_cli_usage_error(_("unknown option '%s'"), a);
		if (eq)
			val = eq + 1;
		else if (i + 1 < argc)
			val = argv[++i];
		else
			return fh_cli_usage_error(_("option '%s' needs a value"), a);
		if (field >= 0) {
			o->tf[field] = val;
			continue;
		}
		if (pfield >= 0) {
			o->pf[pfield] = val;
			continue;
		}
		int rc = set_option(o, k, val);
		if (rc >= 0)
			return rc;
	}
	return -1;
}

/* ---- helpers ----------------------------------------------------------------- */

int fh_cli_hub(const struct fh_opts *o, fh_store *s, const fh_actor *by, int64_t *hub)
{
	fh_hub h;
	fh_error err;
	*hub = 0;
	if (!o->hub)
		return -1;
	if (fh_hub_get(s, by, o->hub, &h, &err) != FH_OK)
		return fh_cli_report(&err);
	*hub = h.id;
	return -1;
}

long fh_cli_number(const char *option, const char *value, long min, long max, long absent)
{
	long long v;
	fh_error err;
	if (!value)
		return absent;
	if (fh_int_take(option, value, min, max, &v, &err) != FH_OK) {
		fh_cli_usage_error("%s", fh_error_text(&err, (char[700]){ 0 }, 700));
		return -1;
	}
	return (long)v;
}

const char *fh_cli_date(int64_t day, char buf[16])
{
	return day ? fh_clock_format_date(day, buf, 16) : "";
}

bool fh_cli_id(const char *s, int64_t *id)
{
	long long v;
	if (fh_int_take("id", s, 1, FH_ID_MAX, &v, NULL) != FH_OK)
		return false;
	*id = v;
	return true;
}

bool fh_cli_day(const char *option, const char *value, int64_t *day)
{
	char d[11];
	fh_error err;
	*day = 0;
	if (!value)
		return true;
	if (fh_date_take(option, value, d, day, &err) == FH_OK)
		return true;
	fh_cli_usage_error("%s", fh_error_text(&err, (char[700]){ 0 }, 700));
	return false;
}

void fh_cli_say_swept(int files, const char *first)
{
	if (!files)
		return;
	char safe[600];
	fh_text_escape(safe, sizeof safe, first ? first : "");
	if (first && first[0])
		fprintf(stderr, N3_("fuhua: removed %d file a killed demo or backup left (%s)\n",
				    "fuhua: removed %d files killed demos or backups left (%s …)\n", files), files, safe);
	else
		fprintf(stderr, N3_("fuhua: removed %d file a killed demo or backup left\n",
				    "fuhua: removed %d files killed demos or backups left\n", files), files);
}

int fh_cli_report(const fh_error *err)
{
	char msg[1200];
	fprintf(stderr, "fuhua: %s\n", fh_error_text(err, msg, sizeof msg));
	return fh_error_exit_status(err->code);
}

static int mkdirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		int rc = mkdir(path, 0770);
		*p = '/';
		if (rc != 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

const char *fh_cli_db_path(const struct fh_opts *o, char *buf, size_t size)
{
	const char *env = getenv("FUHUA_DB");
	if (o->db)
		snprintf(buf, size, "%s", o->db);
	else if (env && *env)
		snprintf(buf, size, "%s", env);
	else {
		const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
		if (xdg && *xdg == '/')
			snprintf(buf, size, "%s/fuhua/fuhua.db", xdg);
		else
			snprintf(buf, size, "%s/.local/share/fuhua/fuhua.db", home ? home : ".");
		mkdirs(buf);
	}
	return buf;
}

/* --config, else FUHUA_CONFIG, else the installed one; a program run from
 * its build tree (build/rel/fuhua) before installing uses fixtures/config. */
static const char *config_dir(const struct fh_opts *o)
{
	static char tree[PATH_MAX + 32];
	const char *env = getenv("FUHUA_CONFIG");
	if (o->config)
		return o->config;
	if (env && *env)
		return env;
	struct stat sb;
	if (stat(FH_DATADIR "/config", &sb) == 0 && S_ISDIR(sb.st_mode))
		return FH_DATADIR "/config";
	if (fh_beside_program("../../fixtures/config", tree, sizeof tree))
		return tree;
	return FH_DATADIR "/config";
}

static void unix_via(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(getuid());
	snprintf(buf, size, "cli:%s", pw ? pw->pw_name : "?");
}

/* Opens the database; only init and demo (create) make a new one. */
static int open_store(const struct fh_opts *o, bool create, fh_store **s)
{
	char path[PATH_MAX];
	fh_error err;
	fh_cli_db_path(o, path, sizeof path);
	fh_status st = create ? fh_store_create(path, s, &err) : fh_store_open(path, s, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	return 0;
}

int fh_cli_open_as_system(const struct fh_opts *o, fh_store **s, fh_actor *a)
{
	int rc = open_store(o, false, s);
	if (rc)
		return rc;
	char via[64];
	fh_error err;
	unix_via(via, sizeof via);
	if (fh_actor_system(*s, via, a, &err) != FH_OK) {
		fh_store_close(s);
		return fh_cli_report(&err);
	}
	return 0;
}

/* Reads a password: twice without echo from a terminal, else one line. */
static int read_password(char *buf, size_t size)
{
	if (isatty(STDIN_FILENO)) {
		struct termios old, quiet;
		char again[256];
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		fprintf(stderr, "%s", _("Password: "));
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
		bool ok = fgets(buf, (int)size, stdin) != NULL;
		fprintf(stderr, "\n%s", _("Password again: "));
		ok = ok && fgets(again, sizeof again, stdin) != NULL;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fprintf(stderr, "\n");
		buf[strcspn(buf, "\r\n")] = 0;
		again[strcspn(again, "\r\n")] = 0;
		bool same = ok && strcmp(buf, again) == 0;
		explicit_bzero(again, sizeof again);
		if (!same) {
			explicit_bzero(buf, size);
			fprintf(stderr, "fuhua: %s\n", _("the passwords differ"));
			return 2;
		}
		return 0;
	}
	if (!fgets(buf, (int)size, stdin)) {
		fprintf(stderr, "fuhua: %s\n", _("no password on standard input"));
		return 2;
	}
	buf[strcspn(buf, "\r\n")] = 0;
	return 0;
}

/* ---- subcommands ------------------------------------------------------------- */

static int cmd_check_config(struct fh_opts *o)
{
	if (o->npos != 2)
		return fh_cli_usage_error("%s", _("check-config takes one directory"));
	fh_config *cfg;
	fh_error err;
	if (fh_config_load(o->pos[1], &cfg, &err) != FH_OK)
		return fh_cli_report(&err);
	size_t spaces = 0;
	for (size_t i = 0; i < fh_config_hub_count(cfg); i++)
		spaces += fh_config_hub(cfg, i)->nspaces;
	printf(_("%s: %zu hubs, %zu spaces: valid\n"), o->pos[1], fh_config_hub_count(cfg), spaces);
	fh_config_free(&cfg);
	return 0;
}

static int cmd_init(struct fh_opts *o)
{
	if (o->npos != 1)
		return fh_cli_usage_error("%s", _("init takes no operands"));
	fh_config *cfg;
	fh_error err;
	if (fh_config_load(config_dir(o), &cfg, &err) != FH_OK)
		return fh_cli_report(&err);
	fh_store *s;
	int rc = open_store(o, true, &s);
	if (rc) {
		fh_config_free(&cfg);
		return rc;
	}
	char via[64];
	unix_via(via, sizeof via);
	fh_sync_report r;
	fh_status st = fh_hub_sync(s, cfg, via, &r, &err);
	if (st == FH_OK) {
		printf(_("%s: schema %d; hubs: %d added, %d changed; spaces: %d added, %d changed, %d retired\n"),
		       fh_store_path(s), fh_store_schema_version(s), r.hubs_added, r.hubs_changed,
		       r.spaces_added, r.spaces_changed, r.spaces_retired);
	}
	fh_store_close(&s);
	fh_config_free(&cfg);
	return st == FH_OK ? 0 : fh_cli_report(&err);
}

static void demo_progress(void *ctx, int done, int total)
{
	(void)ctx;
	if (!isatty(STDERR_FILENO))
		return;
	int width = 40, filled = total ? (int)((long long)done * width / total) : width;
	fprintf(stderr, "\r%s [", _("writing tenants"));
	for (int i = 0; i < width; i++)
		fputs(i < filled ? "#" : ".", stderr);
	fprintf(stderr, "] %d/%d", done, total);
	if (done == total)
		fputc('\n', stderr);
}

void fh_cli_bulk_memory(void)
{
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

static int cmd_demo(struct fh_opts *o)
{
	if (o->npos != 1)
		return fh_cli_usage_error("%s", _("demo takes no operands"));
	fh_cli_bulk_memory();
	fh_config *cfg;
	fh_error err;
	if (fh_config_load(config_dir(o), &cfg, &err) != FH_OK)
		return fh_cli_report(&err);
	fh_store *s;
	int rc = open_store(o, true, &s);
	if (rc) {
		fh_config_free(&cfg);
		return rc;
	}
	char first[300];
	int swept = fh_store_sweep(fh_store_path(s), first, sizeof first);
	fh_cli_say_swept(swept, first);
	fh_demo_options opt = { .tenants = o->have_tenants ? (int)o->tenants : 300,
				.seed = o->have_seed ? o->seed : 1, .progress = demo_progress };
	fh_status st = fh_demo_generate(s, cfg, &opt, &err);
	if (st == FH_OK)
		printf(_("%s: demo database with %d tenants; log in as admin, zhuren, qiantai, jiedao or minhang, password %s\n"),
		       fh_store_path(s), opt.tenants, FH_DEMO_PASSWORD);
	fh_store_close(&s);
	fh_config_free(&cfg);
	return st == FH_OK ? 0 : fh_cli_report(&err);
}

static int cmd_user(struct fh_opts *o)
{
	const char *verb = o->npos > 1 ? o->pos[1] : "";
	fh_store *s;
	fh_actor by;
	fh_error err;
	int rc;
	if (strcmp(verb, "add") == 0 || strcmp(verb, "passwd") == 0) {
		bool add = verb[0] == 'a';
		if (o->npos != 3)
			return fh_cli_usage_error(_("user %s takes one name"), verb);
		fh_role role = FH_ROLE_FRONT_DESK;
		if (add && (!o->role || !o->hub))
			return fh_cli_usage_error("%s", _("user add needs --role ROLE and --hub CODE"));
		if (add && !fh_role_parse(o->role, &role))
			return fh_cli_usage_error(_("--role takes front_desk, manager or admin, not '%s'"), o->role);
		if ((rc = fh_cli_open_as_system(o, &s, &by)) != 0)
			return rc;
		char pw[256];
		if ((rc = read_password(pw, sizeof pw)) != 0) {
			fh_store_close(&s);
			return rc;
		}
		fh_status st = add ? fh_operator_add(s, &by, o->pos[2], role, o->hub, pw, &err)
				   : fh_operator_set_password(s, &by, o->pos[2], pw, 0, &err);
		explicit_bzero(pw, sizeof pw);
		fh_store_close(&s);
		if (st != FH_OK)
			return fh_cli_report(&err);
		fprintf(stderr, add ? _("operator '%s' added\n") : _("password of '%s' changed\n"), o->pos[2]);
		return 0;
	}
	if (strcmp(verb, "list") == 0) {
		if (o->npos != 2)
			return fh_cli_usage_error("%s", _("user list takes no operands"));
		if ((rc = fh_cli_open_as_system(o, &s, &by)) != 0)
			return rc;
		fh_operator_row *rows;
		size_t n;
		fh_status st = fh_operator_list(s, &by, &rows, &n, &err);
		fh_store_close(&s);
		if (st != FH_OK)
			return fh_cli_report(&err);
		struct fh_table t;
		fh_table_init(&t, (const char *[]){ "name", "role", "hub", "hub_name", "last_login", NULL },
			      (const char *[]){ _("Name"), _("Role"), _("Hub"), _("Hub name"), _("Last login"), NULL });
		for (size_t i = 0; i < n; i++) {
			char when[32] = "";
			if (rows[i].last_login)
				fh_clock_format(rows[i].last_login, when, sizeof when);
			fh_table_row(&t, (const char *[]){ rows[i].name, fh_role_name(rows[i].role),
				     rows[i].hub_code, rows[i].hub_name, when, NULL });
		}
		fh_table_print(&t, stdout, o->format);
		fh_table_free(&t);
		free(rows);
		return 0;
	}
	return fh_cli_usage_error(_("unknown user command '%s' (add, passwd, list)"), verb);
}

static int cmd_hub(struct fh_opts *o)
{
	const char *verb = o->npos > 1 ? o->pos[1] : "";
	if (strcmp(verb, "list") != 0 || o->npos != 2)
		return fh_cli_usage_error(_("unknown hub command '%s' (list)"), verb);
	fh_store *s;
	fh_actor by;
	fh_error err;
	int rc = fh_cli_open_as_system(o, &s, &by);
	if (rc)
		return rc;
	fh_hub *rows;
	size_t n;
	fh_status st = fh_hub_list(s, &by, &rows, &n, &err);
	fh_store_close(&s);
	if (st != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "code", "name", "level", "parent", "spaces", "area", "seats",
					    "seats_used", "incubating", NULL },
		      (const char *[]){ _("Code"), _("Name"), _("Level"), _("Parent"), _("Spaces"),
					_("Area m²"), _("Seats"), _("In use"), _("Incubating"), NULL });
	t.numeric = 0x1F0; /* the last five columns */
	for (size_t i = 0; i < n; i++) {
		char sp[16], ar[24], se[16], us[16], te[16];
		snprintf(sp, sizeof sp, "%d", rows[i].spaces);
		snprintf(ar, sizeof ar, "%.0f", rows[i].area);
		snprintf(se, sizeof se, "%d", rows[i].seats);
		snprintf(us, sizeof us, "%d", rows[i].seats_used);
		snprintf(te, sizeof te, "%d", rows[i].tenants);
		fh_table_row(&t, (const char *[]){ rows[i].code, rows[i].name,
			     fh_level_name(rows[i].level), rows[i].parent, sp, ar, se, us, te, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cli_run(struct fh_opts *o)
{
	const char *cmd = o->pos[0];
	if (strcmp(cmd, "check-config") == 0)
		return cmd_check_config(o);
	if (strcmp(cmd, "init") == 0)
		return cmd_init(o);
	if (strcmp(cmd, "demo") == 0)
		return cmd_demo(o);
	if (strcmp(cmd, "user") == 0)
		return cmd_user(o);
	if (strcmp(cmd, "hub") == 0)
		return cmd_hub(o);
	if (strcmp(cmd, "tenant") == 0)
		return fh_cli_tenant(o);
	if (strcmp(cmd, "party") == 0)
		return fh_cli_party(o);
	if (strcmp(cmd, "branch") == 0)
		return fh_cli_branch(o);
	if (strcmp(cmd, "space") == 0)
		return fh_cli_space(o);
	if (strcmp(cmd, "mentor") == 0)
		return fh_cli_mentor(o);
	if (strcmp(cmd, "milestone") == 0)
		return fh_cli_milestone(o);
	if (strcmp(cmd, "session") == 0)
		return fh_cli_session(o);
	if (strcmp(cmd, "remind") == 0)
		return fh_cli_remind(o);
	if (strcmp(cmd, "booking") == 0)
		return fh_cli_booking(o);
	if (strcmp(cmd, "report") == 0)
		return fh_cli_report_cmd(o);
	if (strcmp(cmd, "backup") == 0)
		return fh_cli_backup(o);
	if (strcmp(cmd, "check") == 0)
		return fh_cli_check(o);
	return fh_cli_usage_error(_("unknown command '%s'"), cmd);
}
