/* fuhua tui — the follow-up subcommands: graduates visited after they
 * left, and 以社孵社. The rules are the follow-up module's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "fuhua/followup.h"
#include "fuhua/tenant.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

int fh_cmd_followup_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t tenant = 0, to = 0;
	if (o->tenant && !fh_cli_id(o->tenant, &tenant))
		return fh_cli_usage_error(_("--tenant takes a tenant's number, not '%s'"), o->tenant);
	if (!fh_cli_day("--to", o->to, &to))
		return 2;
	fh_followup *rows;
	size_t n;
	fh_error err;
	if (fh_followup_list(s, by, o->hub, tenant, to, 0, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "tenant_id", "tenant", "graduated_on", "months", "due", "done_on",
					"state", "served", "late_days", "notes", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Tenant no."), _("Tenant"), _("Graduated"), _("Months"),
					_("Due"), _("Done on"), _("State"), _("Served since"), _("Days late"),
					_("Notes"), NULL });
	t.numeric = 1u | 1u << 2 | 1u << 5 | 1u << 9 | 1u << 10;
	bool ids = o->format != FH_FORMAT_TABLE;
	for (size_t i = 0; i < n; i++) {
		const fh_followup *f = &rows[i];
		char v[5][24], d1[16], d2[16], d3[16];
		snprintf(v[0], sizeof v[0], "%lld", (long long)f->id);
		snprintf(v[1], sizeof v[1], "%lld", (long long)f->tenant_id);
		snprintf(v[2], sizeof v[2], "%d", f->months);
		snprintf(v[3], sizeof v[3], "%d", f->served);
		snprintf(v[4], sizeof v[4], "%d", f->late_days);
		fh_table_row(
			&t,
			(const char *[]){ v[0], f->hub_code, v[1], f->tenant, fh_cli_date(f->graduated_on, d1), v[2],
					  fh_cli_date(f->due, d2), fh_cli_date(f->done_on, d3),
					  ids ? fh_followup_state_name(f->state) : fh_label_followup_state(f->state),
					  v[3], v[4], f->notes, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_followup_record(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_followup f = { 0 };
	fh_error err;
	if (!fh_cli_id(o->pos[2], &f.id))
		return fh_cli_usage_error("%s", _("followup record takes a follow-up's number (fuhua followup list)"));
	if (!o->state || !fh_followup_state_parse(o->state, &f.state) || f.state == FH_FOLLOWUP_OPEN)
		return fh_cli_usage_error("%s", _("followup record needs --state operating, difficulty or dissolved"));
	long served = fh_cli_number("--served", o->served, 0, 100000000, 0);
	if (served < 0 || !fh_cli_day("--on", o->on, &f.done_on))
		return 2;
	f.served = (int)served;
	snprintf(f.notes, sizeof f.notes, "%s", o->tf[FH_TF_NOTES] ? o->tf[FH_TF_NOTES] : "");
	if (fh_followup_record(s, by, &f, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("follow-up %lld recorded\n"), (long long)f.id);
	return 0;
}

int fh_cmd_followup_link(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t graduate, other, on;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &graduate) || !fh_cli_id(o->pos[3], &other))
		return fh_cli_usage_error("%s", _("followup link takes a graduate's number and a tenant's"));
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	if (fh_followup_link(s, by, graduate, other, on, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("tenant %lld now incubates tenant %lld\n"), (long long)graduate, (long long)other);
	return 0;
}

int fh_cmd_followup_totals(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char d[16];
	long year =
		fh_cli_number("--year", o->year, 2000, 2100, atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)));
	if (year < 0)
		return 2;
	fh_followup_total *rows;
	size_t n;
	fh_error err;
	if (fh_followup_totals(s, by, o->hub, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "hub", "graduated", "due", "done", "overdue", "operating", "difficulty",
					"dissolved", "incubating", "incubated", NULL },
		      (const char *[]){ _("Hub"), _("Graduated"), _("Follow-ups due"), _("Done"), _("Overdue"),
					_("Operating"), _("In difficulty"), _("Dissolved"), _("Incubating others"),
					_("Incubated by them"), NULL });
	t.numeric = 0x3FEu;
	for (size_t i = 0; i < n; i++) {
		const fh_followup_total *r = &rows[i];
		char v[9][16];
		snprintf(v[0], sizeof v[0], "%d", r->graduated);
		snprintf(v[1], sizeof v[1], "%d", r->due);
		snprintf(v[2], sizeof v[2], "%d", r->done);
		snprintf(v[3], sizeof v[3], "%d", r->overdue);
		snprintf(v[4], sizeof v[4], "%d", r->by_state[FH_FOLLOWUP_OPERATING]);
		snprintf(v[5], sizeof v[5], "%d", r->by_state[FH_FOLLOWUP_DIFFICULTY]);
		snprintf(v[6], sizeof v[6], "%d", r->by_state[FH_FOLLOWUP_DISSOLVED]);
		snprintf(v[7], sizeof v[7], "%d", r->incubating);
		snprintf(v[8], sizeof v[8], "%d", r->incubated);
		fh_table_row(
			&t,
			(const char *[]){ r->hub_code, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
