/* fuhua tui — the training subcommands: courses, who attended, the
 * totals and who had none. The rules are the course module's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "fuhua/course.h"
#include "fuhua/take.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

int fh_cmd_course_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_course c = { .audience = FH_AUDIENCE_TENANT_STAFF };
	fh_error err;
	char msg[700];
	if (o->audience)
		fh_course_audience_parse(o->audience, &c.audience);
	if (fh_decimal_take("--hours", o->hours ? o->hours : "", 0.5, 24, 1, &c.hours, &err) != FH_OK)
		return fh_cli_usage_error("%s", fh_error_text(&err, msg, sizeof msg));
	if (!fh_cli_day("--on", o->on, &c.on))
		return 2;
	if (!c.on)
		c.on = fh_clock_now();
	snprintf(c.title, sizeof c.title, "%s", o->title ? o->title : "");
	snprintf(c.topic, sizeof c.topic, "%s", o->topic ? o->topic : "");
	snprintf(c.trainer, sizeof c.trainer, "%s", o->trainer ? o->trainer : "");
	int64_t id;
	if (fh_course_add(s, by, o->hub, &c, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("course %lld added\n"), (long long)id);
	return 0;
}

int fh_cmd_course_attend(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t course, tenant = 0, id;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &course))
		return fh_cli_usage_error("%s", _("course attend takes a course's number"));
	if (o->tenant && !fh_cli_id(o->tenant, &tenant))
		return fh_cli_usage_error(_("--tenant takes a tenant's number, not '%s'"), o->tenant);
	if (fh_course_attend(s, by, course, tenant, o->person ? o->person : "", &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("attendance %lld recorded\n"), (long long)id);
	return 0;
}

static int attendees(struct fh_opts *o, fh_store *s, const fh_actor *by, int64_t course)
{
	fh_attendance *rows;
	size_t n;
	fh_error err;
	if (fh_course_attendees(s, by, course, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "id", "person", "tenant_id", "tenant", NULL },
		      (const char *[]){ _("No."), _("Name"), _("Tenant no."), _("Tenant"), NULL });
	t.numeric = 1u | 1u << 2;
	for (size_t i = 0; i < n; i++) {
		char a[24], b[24];
		snprintf(a, sizeof a, "%lld", (long long)rows[i].id);
		snprintf(b, sizeof b, rows[i].tenant_id ? "%lld" : "", (long long)rows[i].tenant_id);
		fh_table_row(&t, (const char *[]){ a, rows[i].person, b, rows[i].tenant, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_course_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t course, from, to;
	if (o->npos == 3) {
		if (!fh_cli_id(o->pos[2], &course))
			return fh_cli_usage_error("%s", _("course list takes a course's number, or none"));
		return attendees(o, s, by, course);
	}
	if (!fh_cli_day("--from", o->from, &from) || !fh_cli_day("--to", o->to, &to))
		return 2;
	fh_course *rows;
	size_t n;
	fh_error err;
	if (fh_course_list(s, by, o->hub, from, to ? to + 86400 : 0, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "on", "title", "topic", "trainer", "hours", "audience", "attended",
					NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Day"), _("Title"), _("Topic"), _("Trainer"), _("Hours"),
					_("Audience"), _("Attended"), NULL });
	t.numeric = 1u | 1u << 6 | 1u << 8;
	for (size_t i = 0; i < n; i++) {
		const fh_course *c = &rows[i];
		char a[24], h[16], k[16], d[16];
		snprintf(a, sizeof a, "%lld", (long long)c->id);
		snprintf(h, sizeof h, "%.1f", c->hours);
		snprintf(k, sizeof k, "%d", c->attended);
		fh_table_row(&t,
			     (const char *[]){ a, c->hub_code, fh_cli_date(c->on, d), c->title, c->topic, c->trainer, h,
					       o->format == FH_FORMAT_TABLE ? fh_label_course_audience(c->audience)
									    : fh_course_audience_name(c->audience),
					       k, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_course_totals(struct fh_opts *o, fh_store *s, const fh_actor *by)
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
		year = y;
		month = m;
	}
	bool by_month = o->by && strcmp(o->by, "month") == 0;
	if (o->by && strcmp(o->by, "tenant") == 0)
		return fh_cli_usage_error("%s", _("course totals are by hub or by month"));
	fh_course_total *rows;
	size_t n;
	fh_error err;
	if (fh_course_totals(s, by, o->hub, (int)year, month, by_month, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(
		&t, (const char *[]){ by_month ? "month" : "hub", "sessions", "hours", "attendances", "tenants", NULL },
		(const char *[]){ by_month ? _("Month") : _("Hub"), _("Sessions"), _("Hours"), _("Attendances"),
				  _("Tenants"), NULL });
	t.numeric = 0x1Eu;
	for (size_t i = 0; i < n; i++) {
		char v[4][16];
		snprintf(v[0], sizeof v[0], "%d", rows[i].sessions);
		snprintf(v[1], sizeof v[1], "%.1f", rows[i].hours);
		snprintf(v[2], sizeof v[2], "%d", rows[i].attendances);
		snprintf(v[3], sizeof v[3], "%d", rows[i].tenants);
		fh_table_row(&t, (const char *[]){ rows[i].key, v[0], v[1], v[2], v[3], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_course_untrained(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char d[16];
	long year =
		fh_cli_number("--year", o->year, 2000, 2100, atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)));
	if (year < 0)
		return 2;
	fh_untrained *rows;
	size_t n;
	fh_error err;
	if (fh_course_untrained(s, by, o->hub, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "tenant_id", "hub", "tenant", NULL },
		      (const char *[]){ _("Tenant no."), _("Hub"), _("Tenant"), NULL });
	t.numeric = 1u;
	for (size_t i = 0; i < n; i++) {
		char a[24];
		snprintf(a, sizeof a, "%lld", (long long)rows[i].tenant_id);
		fh_table_row(&t, (const char *[]){ a, rows[i].hub_code, rows[i].tenant, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
