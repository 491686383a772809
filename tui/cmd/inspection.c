/* fuhua tui — the subcommands of the organisation's yearly records: its
 * inspection (年检) and its rating's history (等级评估). The rules are the
 * inspection and rating modules'. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "fuhua/inspection.h"
#include "fuhua/rating.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

/* The year of --year, else last year (the one inspected this year). */
static long year_or_last(const struct fh_opts *o)
{
	char d[16];
	return fh_cli_number("--year", o->year, 2000, 2100,
			     atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)) - 1);
}

int fh_cmd_inspection_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_inspection x = { .party_report = o->report };
	fh_error err;
	if (!fh_cli_id(o->pos[2], &x.tenant_id))
		return fh_cli_usage_error("%s", _("inspection add takes a tenant's number"));
	long year = year_or_last(o);
	if (year < 0 || !fh_cli_day("--on", o->on, &x.filed_on))
		return 2;
	x.year = (int)year;
	if (!o->result)
		return fh_cli_usage_error("%s", _("inspection add needs --result passed, basic, failed or absent"));
	fh_inspection_result_parse(o->result, &x.result);
	if (!x.filed_on && x.result != FH_INSPECTION_ABSENT)
		x.filed_on = fh_clock_now();
	snprintf(x.note, sizeof x.note, "%s", o->note ? o->note : "");
	int64_t id;
	if (fh_inspection_record(s, by, &x, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("inspection %lld of %d recorded\n"), (long long)id, x.year);
	return 0;
}

int fh_cmd_inspection_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t tenant = 0;
	if (o->tenant && !fh_cli_id(o->tenant, &tenant))
		return fh_cli_usage_error(_("--tenant takes a tenant's number, not '%s'"), o->tenant);
	long year = fh_cli_number("--year", o->year, 2000, 2100, 0);
	if (year < 0)
		return 2;
	fh_inspection *rows;
	size_t n;
	fh_error err;
	if (fh_inspection_list(s, by, o->hub, tenant, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "tenant_id", "tenant", "year", "filed_on", "result",
					"party_report", "late", "note", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Tenant no."), _("Tenant"), _("Year"), _("Filed on"),
					_("Result"), _("Party report"), _("Late"), _("Note"), NULL });
	t.numeric = 1u | 1u << 2 | 1u << 4;
	bool ids = o->format != FH_FORMAT_TABLE;
	for (size_t i = 0; i < n; i++) {
		const fh_inspection *x = &rows[i];
		char a[24], b[24], c[16], d[16];
		snprintf(a, sizeof a, "%lld", (long long)x->id);
		snprintf(b, sizeof b, "%lld", (long long)x->tenant_id);
		snprintf(c, sizeof c, "%d", x->year);
		fh_table_row(&t,
			     (const char *[]){ a, x->hub_code, b, x->tenant, c, fh_cli_date(x->filed_on, d),
					       ids ? fh_inspection_result_name(x->result)
						   : fh_label_inspection_result(x->result),
					       x->party_report ? (ids ? "yes" : _("yes")) : "",
					       x->late ? (ids ? "yes" : _("yes")) : "", x->note, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_inspection_totals(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	long year = year_or_last(o);
	if (year < 0)
		return 2;
	fh_inspection_total *rows;
	size_t n;
	fh_error err;
	if (fh_inspection_totals(s, by, o->hub, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "hub", "due", "filed", "passed", "basic", "failed", "absent", "with_report",
					"participation", "pass_rate", NULL },
		      (const char *[]){ _("Hub"), _("Due"), _("Filed"), _("Passed"), _("Basically passed"), _("Failed"),
					_("Absent"), _("With party report"), _("Participation %"), _("Pass rate %"),
					NULL });
	t.numeric = 0x3FEu;
	for (size_t i = 0; i < n; i++) {
		const fh_inspection_total *r = &rows[i];
		char v[9][24];
		snprintf(v[0], sizeof v[0], "%d", r->due);
		snprintf(v[1], sizeof v[1], "%d", r->filed);
		for (int k = 0; k < FH_INSPECTION_RESULT_COUNT; k++)
			snprintf(v[2 + k], sizeof v[2 + k], "%d", r->by_result[k]);
		snprintf(v[6], sizeof v[6], "%d", r->with_report);
		snprintf(v[7], sizeof v[7], "%.2f", r->participation);
		snprintf(v[8], sizeof v[8], "%.2f", r->pass_rate);
		fh_table_row(
			&t,
			(const char *[]){ r->hub_code, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

static void rating_rows(const fh_rating *rows, size_t n, enum fh_format format)
{
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "tenant_id", "hub", "tenant", "grade", "rated_on", "expires_on", NULL },
		      (const char *[]){ _("Tenant no."), _("Hub"), _("Tenant"), _("Rating"), _("Rated on"),
					_("Holds until"), NULL });
	t.numeric = 1u;
	for (size_t i = 0; i < n; i++) {
		char a[24], g[8], d1[16], d2[16];
		snprintf(a, sizeof a, "%lld", (long long)rows[i].tenant_id);
		snprintf(g, sizeof g, format == FH_FORMAT_TABLE ? "%dA" : "%d", rows[i].grade);
		fh_table_row(&t,
			     (const char *[]){ a, rows[i].hub_code, rows[i].tenant, g,
					       fh_cli_date(rows[i].rated_on, d1), fh_cli_date(rows[i].expires_on, d2),
					       NULL });
	}
	fh_table_print(&t, stdout, format);
	fh_table_free(&t);
}

int fh_cmd_rating_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t tenant;
	if (!fh_cli_id(o->pos[2], &tenant))
		return fh_cli_usage_error("%s", _("rating list takes a tenant's number"));
	fh_rating *rows;
	size_t n;
	fh_error err;
	if (fh_rating_history(s, by, tenant, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	rating_rows(rows, n, o->format);
	free(rows);
	return 0;
}

int fh_cmd_rating_expiring(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	long days = fh_cli_number("--days", o->days, 1, 3650, 0);
	if (days < 0)
		return 2;
	fh_rating *rows;
	size_t n;
	fh_error err;
	if (fh_rating_expiring(s, by, o->hub, (int)days, 0, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	rating_rows(rows, n, o->format);
	free(rows);
	return 0;
}

int fh_cmd_rating_totals(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t at;
	if (!fh_cli_day("--at", o->at, &at))
		return 2;
	fh_rating_total *rows;
	size_t n;
	fh_error err;
	if (fh_rating_totals(s, by, o->hub, at, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "hub", "registered", "eligible", "rated", "a3plus", "participation", NULL },
		      (const char *[]){ _("Hub"), _("Registered"), _("Eligible"), _("Rated"), _("3A and above"),
					_("Participation %"), NULL });
	t.numeric = 0x3Eu;
	for (size_t i = 0; i < n; i++) {
		const fh_rating_total *r = &rows[i];
		char v[5][24];
		snprintf(v[0], sizeof v[0], "%d", r->registered);
		snprintf(v[1], sizeof v[1], "%d", r->eligible);
		snprintf(v[2], sizeof v[2], "%d", r->rated);
		snprintf(v[3], sizeof v[3], "%d", r->a3plus);
		snprintf(v[4], sizeof v[4], "%.2f", r->participation);
		fh_table_row(&t, (const char *[]){ r->hub_code, v[0], v[1], v[2], v[3], v[4], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
