/* fuhua tui — the reports a hub sends upward (sheet.h), rendered: a table
 * per section for people, CSV a line per figure (section, hub, figure,
 * value), JSON the report's sections whole. The figures are core's; this
 * file only formats them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/sheet.h"
#include "fuhua/scratch.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/report_xlsx.h"
#include "../common/spool.h"
#include "../common/sheet_table.h"
#include "../common/table.h"

static const char *row_name(const fh_sheet_row *r)
{
	return r->total ? _("Total") : r->hub_name;
}

static void print_tables(const fh_report_doc *d)
{
	char title[1600];
	fh_sheet_doc_title(d, title, sizeof title);
	printf("%s\n", title);
	for (int i = 0; i < d->nsheets; i++) {
		struct fh_sheet_table st;
		fh_sheet_table(&d->sheets[i], &st);
		printf("\n%s\n", _(d->sheets[i].title));
		fh_table_print(&st.t, stdout, FH_FORMAT_TABLE);
		fh_table_free(&st.t);
	}
	char refs[2400];
	if (*fh_sheet_refs(d, refs, sizeof refs))
		printf("\n%s\n", refs);
}

static void print_csv(const fh_report_doc *d)
{
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "section", "hub", "name", "figure", "value", NULL },
		      (const char *[]){ _("Section"), _("Hub"), _("Name"), _("Figure"), _("Value"), NULL });
	for (int i = 0; i < d->nsheets; i++) {
		const fh_sheet *sh = &d->sheets[i];
		for (size_t r = 0; r < sh->nrows; r++)
			for (int c = 0; c < sh->ncols; c++) {
				char v[32];
				fh_sheet_figure(&sh->cols[c], sh->rows[r].v[c], v, sizeof v);
				fh_table_row(&t,
					     (const char *[]){ sh->key, sh->rows[r].total ? "" : sh->rows[r].hub_code,
							       row_name(&sh->rows[r]), sh->cols[c].key, v, NULL });
			}
	}
	for (size_t i = 0; i < d->nrefs; i++) { /* the published rates: a line each */
		char org[16], work[16];
		snprintf(org, sizeof org, "%.1f", d->refs[i].org);
		snprintf(work, sizeof work, "%.1f", d->refs[i].work);
		fh_table_row(&t, (const char *[]){ "references", "", d->refs[i].name, "org_rate", org, NULL });
		if (d->refs[i].work >= 0)
			fh_table_row(&t,
				     (const char *[]){ "references", "", d->refs[i].name, "work_rate", work, NULL });
	}
	fh_table_print(&t, stdout, FH_FORMAT_CSV);
	fh_table_free(&t);
}

static void print_json(const fh_report_doc *d)
{
	fh_buf b = FH_BUF_INIT;
	char d1[16];
	char period[16], d2[16];
	fh_sheet_period(d, period, sizeof period);
	fh_buf_printf(&b, "{\"report\":\"%s\",\"period\":\"%s\",\"hub\":", d->key, period);
	fh_buf_json_string(&b, d->hub_code);
	fh_buf_puts(&b, ",\"hub_name\":");
	fh_buf_json_string(&b, d->hub_name);
	fh_buf_printf(&b, ",\"as_of\":\"%s\",\"preliminary\":%s,\"closed_on\":",
		      fh_clock_format_date(d->as_of, d1, sizeof d1), d->preliminary ? "true" : "false");
	if (d->closed_on)
		fh_buf_printf(&b, "\"%s\"", fh_clock_format_date(d->closed_on, d2, sizeof d2));
	else
		fh_buf_puts(&b, "null");
	fh_buf_puts(&b, ",\"revised_on\":");
	if (d->revised_on)
		fh_buf_printf(&b, "\"%s\"", fh_clock_format_date(d->revised_on, d2, sizeof d2));
	else
		fh_buf_puts(&b, "null");
	fh_buf_puts(&b, ",\"sections\":[");
	for (int i = 0; i < d->nsheets; i++) {
		const fh_sheet *sh = &d->sheets[i];
		fh_buf_printf(&b, "%s{\"section\":\"%s\",\"rows\":[", i ? "," : "", sh->key);
		for (size_t r = 0; r < sh->nrows; r++) {
			fh_buf_printf(&b, "%s{\"hub\":", r ? "," : "");
			fh_buf_json_string(&b, sh->rows[r].total ? "" : sh->rows[r].hub_code);
			fh_buf_puts(&b, ",\"name\":");
			fh_buf_json_string(&b, sh->rows[r].total ? "" : sh->rows[r].hub_name);
			fh_buf_printf(&b, ",\"total\":%s", sh->rows[r].total ? "true" : "false");
			for (int c = 0; c < sh->ncols; c++) {
				char v[32];
				fh_sheet_figure(&sh->cols[c], sh->rows[r].v[c], v, sizeof v);
				fh_buf_printf(&b, ",\"%s\":%s", sh->cols[c].key, v);
			}
			fh_buf_puts(&b, "}");
		}
		fh_buf_puts(&b, "]}");
	}
	fh_buf_puts(&b, "],\"references\":[");
	for (size_t i = 0; i < d->nrefs; i++) {
		fh_buf_puts(&b, i ? ",{\"name\":" : "{\"name\":");
		fh_buf_json_string(&b, d->refs[i].name);
		fh_buf_printf(&b, ",\"org_rate\":%.1f,\"work_rate\":", d->refs[i].org);
		if (d->refs[i].work >= 0)
			fh_buf_printf(&b, "%.1f}", d->refs[i].work);
		else
			fh_buf_puts(&b, "null}");
	}
	fh_buf_puts(&b, "]}\n");
	fputs(fh_buf_str(&b), stdout);
	fh_buf_free(&b);
}

/* The report as an Excel file to standard output (a pipe, or the --output
 * file: the command line refused a terminal). */
static int write_xlsx(const fh_report_doc *d)
{
	char why[300] = "", dir[512];
	fh_scratch part = { 0 };
	int rc = fh_spool_open(&part, dir, sizeof dir, why, sizeof why);
	if (!rc && (rc = fh_report_xlsx(d, part.path, why, sizeof why)) != 0)
		fh_scratch_drop(&part);
	if (!rc)
		rc = fh_spool_copy(&part, stdout, why, sizeof why);
	if (rc)
		fprintf(stderr, "fuhua: %s: %s\n", _("standard output"), why);
	return rc ? 1 : 0;
}

/* The period the options name: --month YYYY-MM (else this month), or for
 * the annual report --year YYYY (else this year). False after a usage
 * error. */
static bool period_of(const struct fh_opts *o, fh_report_kind kind, int *year, int *month)
{
	char d[16];
	fh_clock_format_date(fh_clock_now(), d, sizeof d);
	if (kind == FH_REPORT_ANNUAL) {
		if (o->month) {
			fh_cli_usage_error("%s", _("the annual report takes --year, not --month"));
			return false;
		}
		long y = fh_cli_number("--year", o->year, 2000, 2100, atoi(d));
		*year = (int)y;
		*month = 0;
		return y >= 0;
	}
	if (o->year) {
		fh_cli_usage_error("%s", _("a monthly report takes --month YYYY-MM, not --year"));
		return false;
	}
	if (!fh_cli_month("--month", o->month, year, month))
		return false;
	if (!o->month) {
		*year = atoi(d);
		*month = atoi(d + 5);
	}
	return true;
}

static int report(fh_report_kind kind, struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int y, m;
	if (!period_of(o, kind, &y, &m))
		return 2;
	fh_report_doc doc;
	fh_error err;
	if (fh_report_build(s, by, kind, o->hub, y, m, &doc, &err) != FH_OK)
		return fh_cli_report(&err);
	int rc = 0;
	if (o->format == FH_FORMAT_XLSX)
		rc = write_xlsx(&doc);
	else if (o->format == FH_FORMAT_CSV)
		print_csv(&doc);
	else if (o->format == FH_FORMAT_JSON)
		print_json(&doc);
	else
		print_tables(&doc);
	fh_report_doc_free(&doc);
	return rc;
}

int fh_cmd_report_monthly(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return report(FH_REPORT_MONTHLY, o, s, by);
}

int fh_cmd_report_party(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return report(FH_REPORT_PARTY, o, s, by);
}

int fh_cmd_report_annual(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return report(FH_REPORT_ANNUAL, o, s, by);
}

/* --month, required, for closing and reopening. */
static bool month_given(const struct fh_opts *o, int *y, int *m)
{
	if (!o->month) {
		fh_cli_usage_error("%s", _("say which month: --month YYYY-MM"));
		return false;
	}
	return period_of(o, FH_REPORT_MONTHLY, y, m);
}

int fh_cmd_report_close(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int y, m;
	fh_error err;
	if (!month_given(o, &y, &m))
		return 2;
	if (fh_report_close(s, by, y, m, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("Closed %04d-%02d: its reports keep the figures read now.\n"), y, m);
	return 0;
}

int fh_cmd_report_reopen(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int y, m;
	fh_error err;
	if (!month_given(o, &y, &m))
		return 2;
	if (!o->reason)
		return fh_cli_usage_error("%s", _("reopening a month needs --reason"));
	if (fh_report_reopen(s, by, y, m, o->reason, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("Reopened %04d-%02d: its reports read the records again until it is closed.\n"), y, m);
	return 0;
}

int fh_cmd_report_months(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	(void)by;
	fh_report_month *rows;
	size_t n;
	fh_error err;
	if (fh_report_months(s, 12, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(
		&t, (const char *[]){ "month", "state", "closed_on", "closed_by", "reopened_on", "reason", NULL },
		(const char *[]){ _("Month"), _("State"), _("Closed on"), _("By"), _("Reopened on"), _("Why"), NULL });
	for (size_t i = 0; i < n; i++) {
		char month[16], c[16] = "", r[16] = "";
		snprintf(month, sizeof month, "%04d-%02d", rows[i].year, rows[i].month);
		if (rows[i].closed_on)
			fh_clock_format_date(rows[i].closed_on, c, sizeof c);
		if (rows[i].reopened_on)
			fh_clock_format_date(rows[i].reopened_on, r, sizeof r);
		const char *state = fh_sheet_month_state(&rows[i]);
		fh_table_row(&t,
			     (const char *[]){ month, state, c, rows[i].closed ? rows[i].closed_by : "", r,
					       rows[i].reason, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
