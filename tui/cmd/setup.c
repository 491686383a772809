/* fuhua tui — the commands that set a hub up: the configuration checked,
 * the database made or brought in line with it, the demo, the operators
 * and the hubs. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "fuhua/config.h"
#include "fuhua/demo.h"
#include "fuhua/hub.h"
#include "fuhua/take.h"
#include "../common/labels.h"

int fh_cmd_check_config(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)s;
	(void)by;
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

/* A database with no operator gets its first administrator, at the root
 * hub: the password asked twice on a terminal, else read as one line of
 * standard input; with none there (an empty input), nobody is added and the
 * way to add one is said. */
static int first_admin(struct fh_opts *o, fh_store *s, const fh_config *cfg, const char *via)
{
	fh_error err;
	int n;
	if (fh_operator_count(s, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	const char *name = o->admin ? o->admin : "admin", *root = fh_config_hub(cfg, 0)->code;
	if (n > 0) {
		if (o->admin)
			fprintf(stderr,
				_("fuhua: the database has operators already; --admin %s is not added "
				  "(fuhua user add adds one)\n"),
				name);
		return 0;
	}
	if (isatty(STDIN_FILENO))
		fprintf(stderr, _("The first administrator, '%s' at %s: choose a password.\n"), name, root);
	char pw[256];
	int c = isatty(STDIN_FILENO) ? 0 : getc(stdin);
	if (c == EOF) {
		fprintf(stderr,
			_("fuhua: no operator yet, and no password on standard input: add the first with\n"
			  "  fuhua user add NAME --role admin --hub %s --db %s   (the password on standard input)\n"),
			root, fh_store_path(s));
		return 0;
	}
	if (c)
		ungetc(c, stdin);
	int rc = fh_cli_read_password(pw, sizeof pw);
	if (rc)
		return rc;
	fh_actor sys;
	fh_status st = fh_actor_system(s, via, &sys, &err);
	if (st == FH_OK)
		st = fh_operator_add(s, &sys, name, FH_ROLE_ADMIN, root, pw, &err);
	explicit_bzero(pw, sizeof pw);
	if (st != FH_OK)
		return fh_cli_report(&err);
	fprintf(stderr, _("operator '%s' added: an administrator at %s; log in with it\n"), name, root);
	return 0;
}

int fh_cmd_init(struct fh_opts *o, fh_store *unused, const fh_actor *by)
{
	(void)unused;
	(void)by;
	fh_config *cfg;
	fh_error err;
	if (fh_config_load(fh_cli_config_dir(o), &cfg, &err) != FH_OK)
		return fh_cli_report(&err);
	fh_store *s;
	int rc = fh_cli_open(o, true, &s);
	if (!rc)
		rc = fh_cli_owner_only(&s, "init");
	if (rc) {
		fh_config_free(&cfg);
		return rc;
	}
	char via[64];
	fh_cli_via(via, sizeof via);
	fh_sync_report r;
	fh_status st = fh_hub_sync(s, cfg, via, &r, &err);
	if (st == FH_OK) {
		printf(_("%s: schema %d; hubs: %d added, %d changed; spaces: %d added, %d changed, %d retired\n"),
		       fh_store_path(s), fh_store_schema_version(s), r.hubs_added, r.hubs_changed, r.spaces_added,
		       r.spaces_changed, r.spaces_retired);
		rc = first_admin(o, s, cfg, via);
	}
	fh_store_close(&s);
	fh_config_free(&cfg);
	return st == FH_OK ? rc : fh_cli_report(&err);
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

int fh_cmd_demo(struct fh_opts *o, fh_store *unused, const fh_actor *by)
{
	(void)unused;
	(void)by;
	long tenants = fh_cli_number("--tenants", o->tenants, 0, 1000000, 300);
	long long seed = 1;
	fh_error err;
	if (tenants < 0)
		return 2;
	if (o->seed && fh_int_take("--seed", o->seed, 0, LLONG_MAX, &seed, &err) != FH_OK)
		return fh_cli_usage_error("%s", fh_error_text(&err, (char[700]){ 0 }, 700));
	fh_cli_bulk_memory();
	fh_config *cfg;
	if (fh_config_load(fh_cli_config_dir(o), &cfg, &err) != FH_OK)
		return fh_cli_report(&err);
	fh_store *s;
	int rc = fh_cli_open(o, true, &s);
	if (!rc)
		rc = fh_cli_owner_only(&s, "demo");
	if (rc) {
		fh_config_free(&cfg);
		return rc;
	}
	char first[300];
	int swept = fh_store_sweep(fh_store_path(s), first, sizeof first);
	fh_cli_say_swept(swept, first);
	fh_demo_options opt = { .tenants = (int)tenants, .seed = (unsigned long long)seed, .progress = demo_progress };
	fh_status st = fh_demo_generate(s, cfg, &opt, &err);
	if (st == FH_OK)
		printf(_("%s: demo database with %d tenants; log in as admin, zhuren, qiantai, jiedao or minhang, password %s\n"),
		       fh_store_path(s), opt.tenants, FH_DEMO_PASSWORD);
	fh_store_close(&s);
	fh_config_free(&cfg);
	return st == FH_OK ? 0 : fh_cli_report(&err);
}

/* user add and user passwd: the password read before anything is written. */
static int set_password(struct fh_opts *o, bool add)
{
	fh_role role = FH_ROLE_FRONT_DESK;
	if (add && (!o->role || !o->hub))
		return fh_cli_usage_error("%s", _("user add needs --role ROLE and --hub CODE"));
	if (add && !fh_role_parse(o->role, &role))
		return fh_cli_usage_error(_("--role takes front_desk, manager or admin, not '%s'"), o->role);
	fh_store *s;
	fh_actor by;
	fh_error err;
	int rc = fh_cli_open_acting(o, &s, &by);
	if (rc)
		return rc;
	char pw[256];
	if ((rc = fh_cli_read_password(pw, sizeof pw)) != 0) {
		fh_store_close(&s);
		return rc;
	}
	fh_status st = add ? fh_operator_add(s, &by, o->pos[2], role, o->hub, pw, &err)
			   : fh_operator_set_password(s, &by, o->pos[2], pw, 0, &err);
	explicit_bzero(pw, sizeof pw);
	if (st != FH_OK) {
		fh_store_close(&s);
		return fh_cli_report(&err);
	}
	fprintf(stderr, add ? _("operator '%s' added\n") : _("password of '%s' changed\n"), o->pos[2]);
	if (add && o->unix_login && fh_operator_bind_unix(s, &by, o->pos[2], o->unix_login, &err) != FH_OK) {
		fh_store_close(&s);
		fprintf(stderr, _("fuhua: '%s' is not bound to a Unix user: "), o->pos[2]);
		return fh_cli_report(&err);
	}
	fh_store_close(&s);
	return 0;
}

int fh_cmd_user_edit(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_error err;
	if (!o->unix_login)
		return fh_cli_usage_error("%s", _("user edit needs --unix LOGIN (or --unix '' to unbind)"));
	if (fh_operator_bind_unix(s, by, o->pos[2], o->unix_login, &err) != FH_OK)
		return fh_cli_report(&err);
	if (*o->unix_login)
		fprintf(stderr, _("operator '%s' bound to Unix user '%s': its commands act as the operator\n"),
			o->pos[2], o->unix_login);
	else
		fprintf(stderr, _("operator '%s' bound to no Unix user\n"), o->pos[2]);
	return 0;
}

int fh_cmd_user_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)s;
	(void)by;
	return set_password(o, true);
}

int fh_cmd_user_passwd(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)s;
	(void)by;
	return set_password(o, false);
}

static int set_disabled(struct fh_opts *o, fh_store *s, const fh_actor *by, bool disable)
{
	fh_error err;
	if (fh_operator_set_disabled(s, by, o->pos[2], disable, &err) != FH_OK)
		return fh_cli_report(&err);
	fprintf(stderr,
		disable ? _("operator '%s' disabled: it can no longer log in\n")
			: _("operator '%s' enabled: it can log in again\n"),
		o->pos[2]);
	return 0;
}

int fh_cmd_user_disable(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return set_disabled(o, s, by, true);
}

int fh_cmd_user_enable(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return set_disabled(o, s, by, false);
}

int fh_cmd_user_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_operator_row *rows;
	size_t n;
	fh_error err;
	if (fh_operator_list(s, by, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "name", "role", "hub", "hub_name", "last_login", "disabled", "unix", NULL },
		      (const char *[]){ _("Name"), _("Role"), _("Hub"), _("Hub name"), _("Last login"), _("Disabled"),
					_("Unix user"), NULL });
	for (size_t i = 0; i < n; i++) {
		char when[32] = "";
		if (rows[i].last_login)
			fh_clock_format(rows[i].last_login, when, sizeof when);
		fh_table_row(&t,
			     (const char *[]){ rows[i].name, fh_role_name(rows[i].role), rows[i].hub_code,
					       rows[i].hub_name, when,
					       !rows[i].disabled                      ? ""
						       : o->format == FH_FORMAT_TABLE ? _("yes")
										      : "yes",
					       rows[i].unix_login, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_hub_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_hub *rows;
	size_t n;
	fh_error err;
	if (fh_hub_list(s, by, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "code", "name", "level", "parent", "spaces", "area", "seats", "seats_used",
					"incubating", NULL },
		      (const char *[]){ _("Code"), _("Name"), _("Level"), _("Parent"), _("Spaces"), _("Area m²"),
					_("Seats"), _("In use"), _("Incubating"), NULL });
	t.numeric = 0x1F0; /* the last five columns */
	for (size_t i = 0; i < n; i++) {
		char sp[16], ar[24], se[16], us[16], te[16];
		snprintf(sp, sizeof sp, "%d", rows[i].spaces);
		snprintf(ar, sizeof ar, "%.0f", rows[i].area);
		snprintf(se, sizeof se, "%d", rows[i].seats);
		snprintf(us, sizeof us, "%d", rows[i].seats_used);
		snprintf(te, sizeof te, "%d", rows[i].tenants);
		fh_table_row(&t,
			     (const char *[]){ rows[i].code, rows[i].name, fh_level_name(rows[i].level), rows[i].parent,
					       sp, ar, se, us, te, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
