/* fuhua tui — the activity subcommands: activities and the people they
 * served, one at a time or a month's spreadsheet, and their totals. The
 * rules are the activity module's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/activity.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

int fh_cmd_activity_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_activity a = { .kind = FH_ACTIVITY_SERVICE };
	fh_error err;
	char msg[700];
	if (!o->tenant || !fh_cli_id(o->tenant, &a.tenant_id))
		return fh_cli_usage_error("%s", _("activity add needs --tenant, a tenant's number"));
	if (o->kind && !fh_activity_kind_parse(o->kind, &a.kind))
		return fh_cli_usage_error(_("--kind is service, event, volunteering, party or other, not '%s'"),
					  o->kind);
	if ((o->project && !fh_cli_id(o->project, &a.project_id)) ||
	    (o->booking && !fh_cli_id(o->booking, &a.booking_id)))
		return fh_cli_usage_error("%s", _("--project and --booking take a record's number"));
	long served = fh_cli_number("--served", o->served, 0, FH_ACTIVITY_SERVED_MAX, 0);
	long volunteers = fh_cli_number("--volunteers", o->tf[FH_TF_VOLUNTEERS], 0, 100000, 0);
	if (served < 0 || volunteers < 0)
		return 2;
	a.served = (int)served;
	a.volunteers = (int)volunteers;
	if (o->volunteer_hours &&
	    fh_decimal_take("--volunteer-hours", o->volunteer_hours, 0, 2400000, 1, &a.volunteer_hours, &err) != FH_OK)
		return fh_cli_usage_error("%s", fh_error_text(&err, msg, sizeof msg));
	if (!fh_cli_day("--on", o->on, &a.on))
		return 2;
	if (!a.on)
		a.on = fh_clock_day(fh_clock_now());
	snprintf(a.title, sizeof a.title, "%s", o->title ? o->title : "");
	snprintf(a.place, sizeof a.place, "%s", o->place ? o->place : "");
	int64_t id;
	if (fh_activity_add(s, by, &a, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("activity %lld recorded\n"), (long long)id);
	return 0;
}

int fh_cmd_activity_delete(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("activity delete takes an activity's number"));
	if (fh_activity_delete(s, by, id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("activity %lld deleted\n"), (long long)id);
	return 0;
}

int fh_cmd_activity_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_activity_filter f = { .hub_code = o->hub };
	int64_t to = 0;
	if ((o->tenant && !fh_cli_id(o->tenant, &f.tenant)) || (o->project && !fh_cli_id(o->project, &f.project)))
		return fh_cli_usage_error("%s", _("--tenant and --project take a record's number"));
	if (!fh_cli_day("--from", o->from, &f.from) || !fh_cli_day("--to", o->to, &to))
		return 2;
	f.to = to ? to + 86400 : 0; /* --to is the last day */
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "tenant_id", "tenant", "on", "kind", "title", "place", "project",
					"booking", "served", "volunteers", "volunteer_hours", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Tenant no."), _("Tenant"), _("Day"), _("Kind"),
					_("Title"), _("Place"), _("Project"), _("Booking"), _("Served"),
					_("Volunteers"), _("Volunteer hours"), NULL });
	t.numeric = 1u | 1u << 2 | 1u << 8 | 1u << 9 | 1u << 10 | 1u << 11 | 1u << 12;
	fh_table_stream(&t, stdout, o->format);
	/* a page at a time: a city's year is millions of rows */
	for (;;) {
		fh_activity *rows;
		size_t n;
		fh_error err;
		f.limit = 2000;
		if (fh_activity_list(s, by, &f, &rows, &n, &err) != FH_OK) {
			fh_table_end(&t);
			fh_table_free(&t);
			return fh_cli_report(&err);
		}
		for (size_t i = 0; i < n; i++) {
			const fh_activity *a = &rows[i];
			char v[7][32], d[16];
			snprintf(v[0], sizeof v[0], "%lld", (long long)a->id);
			snprintf(v[1], sizeof v[1], "%lld", (long long)a->tenant_id);
			snprintf(v[2], sizeof v[2], a->project_id ? "%lld" : "", (long long)a->project_id);
			snprintf(v[3], sizeof v[3], a->booking_id ? "%lld" : "", (long long)a->booking_id);
			snprintf(v[4], sizeof v[4], "%d", a->served);
			snprintf(v[5], sizeof v[5], "%d", a->volunteers);
			snprintf(v[6], sizeof v[6], "%.1f", a->volunteer_hours);
			fh_table_row(&t,
				     (const char *[]){ v[0], a->hub_code, v[1], a->tenant, fh_cli_date(a->on, d),
						       fh_format_for_people(o->format) ? fh_label_activity_kind(a->kind)
										       : fh_activity_kind_name(a->kind),
						       a->title, a->place, v[2], v[3], v[4], v[5], v[6], NULL });
		}
		bool more = n == (size_t)f.limit;
		if (more) {
			f.before = rows[n - 1].id;
			f.before_on = rows[n - 1].on;
		}
		free(rows);
		if (!more)
			break;
	}
	int bad = fh_table_end(&t);
	fh_table_free(&t);
	return bad ? 1 : 0;
}

int fh_cmd_activity_import(struct fh_opts *o, fh_store *unused, const fh_actor *unused_by)
{
	(void)unused;
	(void)unused_by;
	fh_import_result res;
	int rc = fh_cli_import(o, fh_activity_import, &res);
	if (!rc) {
		fprintf(stderr, N3_("%s: %zu activity imported (%s)", "%s: %zu activities imported (%s)", res.imported),
			o->pos[2], res.imported, res.encoding);
		fh_cli_import_skipped(&res);
	}
	fh_import_result_free(&res);
	return rc;
}

int fh_cmd_activity_totals(struct fh_opts *o, fh_store *s, const fh_actor *by_actor)
{
	char d[16];
	int month = 0;
	long year =
		fh_cli_number("--year", o->year, 2000, 2100, atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)));
	if (year < 0)
		return 2;
	int y, m;
	if (!fh_cli_month("--month", o->month, &y, &m))
		return 2;
	if (o->month) {
		if (o->year && y != year)
			return fh_cli_usage_error("%s", _("--month and --year name different years"));
		year = y;
		month = m;
	}
	enum fh_activity_by by = !o->by || strcmp(o->by, "hub") == 0 ? FH_ACTIVITY_BY_HUB
		: strcmp(o->by, "month") == 0                        ? FH_ACTIVITY_BY_MONTH
								     : FH_ACTIVITY_BY_TENANT;
	fh_activity_total *rows;
	size_t n;
	fh_error err;
	if (fh_activity_totals(s, by_actor, o->hub, (int)year, month, by, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	/* by tenant, its number beside its name */
	bool tenant = by == FH_ACTIVITY_BY_TENANT;
	const char *key = by == FH_ACTIVITY_BY_HUB ? "hub" : by == FH_ACTIVITY_BY_MONTH ? "month" : "tenant";
	const char *title = by == FH_ACTIVITY_BY_HUB ? _("Hub") : by == FH_ACTIVITY_BY_MONTH ? _("Month") : _("Tenant");
	const char *keys[] = { key, "tenant_id", "activities", "served", "volunteers", "volunteer_hours", NULL };
	const char *titles[] = { title, _("No."), _("Activities"), _("Served"), _("Volunteers"), _("Volunteer hours"),
				 NULL };
	if (!tenant) {
		memmove(keys + 1, keys + 2, 5 * sizeof *keys);
		memmove(titles + 1, titles + 2, 5 * sizeof *titles);
	}
	struct fh_table t;
	fh_table_init(&t, keys, titles);
	t.numeric = tenant ? 0x3Eu : 0x1Eu;
	fh_activity_total sum = { 0 };
	snprintf(sum.key, sizeof sum.key, "%s", _("Total"));
	for (size_t i = 0; i <= n; i++) {
		if (i == n && (n < 2 || o->format != FH_FORMAT_TABLE))
			break; /* the roll-up, for people, under more than one row */
		const fh_activity_total *r = i < n ? &rows[i] : &sum;
		char v[5][32];
		snprintf(v[0], sizeof v[0], i < n ? "%lld" : "", (long long)r->key_id);
		snprintf(v[1], sizeof v[1], "%lld", (long long)r->activities);
		snprintf(v[2], sizeof v[2], "%lld", (long long)r->served);
		snprintf(v[3], sizeof v[3], "%lld", (long long)r->volunteers);
		snprintf(v[4], sizeof v[4], "%.1f", r->volunteer_hours);
		if (tenant)
			fh_table_row(&t, (const char *[]){ r->key, v[0], v[1], v[2], v[3], v[4], NULL });
		else
			fh_table_row(&t, (const char *[]){ r->key, v[1], v[2], v[3], v[4], NULL });
		if (i < n) {
			sum.activities += r->activities;
			sum.served += r->served;
			sum.volunteers += r->volunteers;
			sum.volunteer_hours += r->volunteer_hours;
		}
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
