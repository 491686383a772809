/* fuhua tui — the subcommands of a branch's organisational life
 * (三会一课) and the stars of Party organisations. The rules are the
 * meeting module's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "fuhua/meeting.h"
#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

/* --tenant or --branch into *tenant, *branch: 0, else a usage error's
 * status. */
static int branch_from(const struct fh_opts *o, int64_t *tenant, int64_t *branch)
{
	*tenant = *branch = 0;
	const char *b = o->pf[FH_PF_BRANCH];
	if ((o->tenant && !fh_cli_id(o->tenant, tenant)) || (b && !fh_cli_id(b, branch)))
		return fh_cli_usage_error("%s", _("--tenant and --branch take a record's number"));
	return 0;
}

int fh_cmd_meeting_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_meeting m = { 0 };
	fh_error err;
	int rc = branch_from(o, &m.tenant_id, &m.branch_id);
	if (rc)
		return rc;
	if (!o->kind || !fh_meeting_kind_parse(o->kind, &m.kind))
		return fh_cli_usage_error("%s", _("meeting add needs --kind general, committee, group or lecture"));
	long att = fh_cli_number("--attendance", o->attendance, 0, 1000, 0);
	if (att < 0 || !fh_cli_day("--on", o->on, &m.on))
		return 2;
	m.attendance = (int)att;
	snprintf(m.topic, sizeof m.topic, "%s", o->topic ? o->topic : "");
	int64_t id;
	if (fh_meeting_add(s, by, &m, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("meeting %lld recorded\n"), (long long)id);
	return 0;
}

int fh_cmd_meeting_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t tenant, branch;
	int rc = branch_from(o, &tenant, &branch);
	if (rc)
		return rc;
	long year = fh_cli_number("--year", o->year, 2000, 2100, 0);
	if (year < 0)
		return 2;
	fh_meeting *rows;
	size_t n;
	fh_error err;
	if (fh_meeting_list(s, by, o->hub, tenant, branch, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "tenant_id", "branch_id", "branch", "kind", "on", "attendance",
					"topic", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Tenant no."), _("Joint branch no."), _("Branch"),
					_("Kind"), _("Day"), _("Present"), _("Topic"), NULL });
	t.numeric = 1u | 1u << 2 | 1u << 3 | 1u << 7;
	for (size_t i = 0; i < n; i++) {
		const fh_meeting *m = &rows[i];
		char v[4][24], d[16];
		snprintf(v[0], sizeof v[0], "%lld", (long long)m->id);
		snprintf(v[1], sizeof v[1], m->tenant_id ? "%lld" : "", (long long)m->tenant_id);
		snprintf(v[2], sizeof v[2], m->branch_id ? "%lld" : "", (long long)m->branch_id);
		snprintf(v[3], sizeof v[3], "%d", m->attendance);
		fh_table_row(&t,
			     (const char *[]){ v[0], m->hub_code, v[1], v[2], m->branch,
					       o->format == FH_FORMAT_TABLE ? fh_label_meeting_kind(m->kind)
									    : fh_meeting_kind_name(m->kind),
					       fh_cli_date(m->on, d), v[3], m->topic, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_meeting_behind(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t at;
	if (!fh_cli_day("--at", o->at, &at))
		return 2;
	fh_meeting_behind *rows;
	size_t n;
	fh_error err;
	if (fh_meeting_behind_list(s, by, o->hub, at, 0, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "hub", "tenant_id", "branch_id", "branch", "kind", "last", "due", "days_behind",
					NULL },
		      (const char *[]){ _("Hub"), _("Tenant no."), _("Joint branch no."), _("Branch"), _("Kind"),
					_("Last held"), _("Due"), _("Days behind"), NULL });
	t.numeric = 1u << 1 | 1u << 2 | 1u << 7;
	for (size_t i = 0; i < n; i++) {
		const fh_meeting_behind *b = &rows[i];
		char v[3][24], d1[16], d2[16];
		snprintf(v[0], sizeof v[0], b->tenant_id ? "%lld" : "", (long long)b->tenant_id);
		snprintf(v[1], sizeof v[1], b->branch_id ? "%lld" : "", (long long)b->branch_id);
		snprintf(v[2], sizeof v[2], "%d", b->days);
		fh_table_row(&t,
			     (const char *[]){ b->hub_code, v[0], v[1], b->branch,
					       o->format == FH_FORMAT_TABLE ? fh_label_meeting_kind(b->kind)
									    : fh_meeting_kind_name(b->kind),
					       fh_cli_date(b->last, d1), fh_cli_date(b->due, d2), v[2], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_meeting_stars(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t tenant, branch;
	char d[16];
	int rc = branch_from(o, &tenant, &branch);
	if (rc)
		return rc;
	long year =
		fh_cli_number("--year", o->year, 2000, 2100, atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)));
	long stars = fh_cli_number("--stars", o->stars, 0, 5, -2);
	if (year < 0 || stars == -1)
		return 2;
	if (stars == -2)
		return fh_cli_usage_error("%s", _("meeting stars needs --stars 1 to 5 (0 takes them away)"));
	fh_error err;
	if (fh_meeting_stars_set(s, by, tenant, branch, (int)year, (int)stars, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("%ld stars for %ld\n"), stars, year);
	return 0;
}

int fh_cmd_meeting_totals(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char d[16];
	long year =
		fh_cli_number("--year", o->year, 2000, 2100, atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)));
	if (year < 0)
		return 2;
	fh_meeting_total *rows;
	size_t n;
	fh_error err;
	if (fh_meeting_totals(s, by, o->hub, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "hub", "branches", "general", "committee", "group", "lecture", "attendance",
					"behind", "stars_5", "stars_4", "stars_3", "stars_2", "stars_1", "no_stars",
					NULL },
		      (const char *[]){ _("Hub"), _("Branches"), _("General meetings"), _("Committee meetings"),
					_("Group meetings"), _("Party lectures"), _("Present"), _("Behind"), "★5", "★4",
					"★3", "★2", "★1", _("No stars"), NULL });
	t.numeric = 0x3FFEu;
	for (size_t i = 0; i < n; i++) {
		const fh_meeting_total *r = &rows[i];
		char v[13][16];
		snprintf(v[0], sizeof v[0], "%d", r->branches);
		for (int k = 0; k < FH_MEETING_KIND_COUNT; k++)
			snprintf(v[1 + k], sizeof v[1 + k], "%d", r->held[k]);
		snprintf(v[5], sizeof v[5], "%d", r->attendance);
		snprintf(v[6], sizeof v[6], "%d", r->behind);
		for (int k = 5; k >= 0; k--)
			snprintf(v[12 - k], sizeof v[12 - k], "%d", r->stars[k]);
		fh_table_row(&t,
			     (const char *[]){ r->hub_code, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
					       v[10], v[11], v[12], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
