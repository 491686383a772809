/* fuhua tui — the reports a hub sends upward (sheet.h), rendered: a table
 * per section for people, CSV a line per figure (section, hub, figure,
 * value), JSON the report's sections whole. The figures are core's; this
 * file only formats them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/sheet.h"
#include "fuhua/scratch.h"
#include "fuhua/text.h"
#include "report_xlsx.h"
#include "../common/i18n.h"
#include "../common/sheet_table.h"
#include "../common/table.h"

static const char *row_name(const fh_sheet_row *r)
{
	return r->total ? _("Total") : r->hub_name;
}

static void print_tables(const fh_report_doc *d)
{
	char name[512], period[16];
	snprintf(period, sizeof period, "%04d-%02d", d->year, d->month);
	printf("%s · %s · %s%s\n", _(d->title), fh_text_escape(name, sizeof name, d->hub_name), period,
	       d->preliminary ? _(" (preliminary: the month is not over)") : "");
	for (int i = 0; i < d->nsheets; i++) {
		struct fh_sheet_table st;
		fh_sheet_table(&d->sheets[i], &st);
		printf("\n%s\n", _(d->sheets[i].title));
		fh_table_print(&st.t, stdout, FH_FORMAT_TABLE);
		fh_table_free(&st.t);
	}
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
	fh_table_print(&t, stdout, FH_FORMAT_CSV);
	fh_table_free(&t);
}

static void print_json(const fh_report_doc *d)
{
	fh_buf b = FH_BUF_INIT;
	char d1[16];
	fh_buf_printf(&b, "{\"report\":\"%s\",\"period\":\"%04d-%02d\",\"hub\":", d->key, d->year, d->month);
	fh_buf_json_string(&b, d->hub_code);
	fh_buf_puts(&b, ",\"hub_name\":");
	fh_buf_json_string(&b, d->hub_name);
	fh_buf_printf(&b, ",\"as_of\":\"%s\",\"preliminary\":%s,\"sections\":[",
		      fh_clock_format_date(d->as_of, d1, sizeof d1), d->preliminary ? "true" : "false");
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
	fh_buf_puts(&b, "]}\n");
	fputs(fh_buf_str(&b), stdout);
	fh_buf_free(&b);
}

/* The report as an Excel file: into a new file beside --output, renamed
 * over it once whole (never a half-written file), or through a file of
 * our own to standard output (a pipe: the command line refused a
 * terminal). */
static int write_xlsx(const fh_report_doc *d, const char *output)
{
	char why[300] = "";
	fh_scratch part = { 0 };
	fh_error err;
	char pipe[512];
	const char *tmp = getenv("TMPDIR");
	snprintf(pipe, sizeof pipe, "%s/fuhua-report.xlsx", tmp && *tmp ? tmp : "/tmp");
	if (fh_scratch_make(output ? output : pipe, "report", &part, &err) != FH_OK)
		return fh_cli_report(&err);
	if (output)
		fchmod(part.fd, 0640); /* as an export: the group that runs fuhua reads it */
	int rc = fh_report_xlsx(d, part.path, why, sizeof why);
	if (!rc && output) {
		if (rename(part.path, output) != 0)
			snprintf(why, sizeof why, "%s", strerror(errno)), rc = -1;
	} else if (!rc) {
		FILE *in = fopen(part.path, "rb");
		char buf[65536];
		size_t n;
		while (in && (n = fread(buf, 1, sizeof buf, in)) > 0)
			if (fwrite(buf, 1, n, stdout) != n)
				break;
		if (!in || ferror(in) || fflush(stdout) != 0 || ferror(stdout))
			snprintf(why, sizeof why, "%s", strerror(errno)), rc = -1;
		if (in)
			fclose(in);
	}
	fh_scratch_drop(&part); /* its name was taken by the report, or it goes */
	if (rc)
		fprintf(stderr, "fuhua: %s: %s\n", output ? output : _("standard output"), why);
	return rc ? 1 : 0;
}

int fh_cmd_report_monthly(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char d[16];
	int y, m;
	char end;
	if (o->month) {
		if (sscanf(o->month, "%4d-%2d%c", &y, &m, &end) != 2 || y < 2000 || y > 2100 || m < 1 || m > 12)
			return fh_cli_usage_error(_("--month takes a month as YYYY-MM, not '%s'"), o->month);
	} else {
		fh_clock_format_date(fh_clock_now(), d, sizeof d);
		y = atoi(d);
		m = atoi(d + 5);
	}
	fh_report_doc doc;
	fh_error err;
	if (fh_report_monthly(s, by, o->hub, y, m, &doc, &err) != FH_OK)
		return fh_cli_report(&err);
	int rc = 0;
	if (o->format == FH_FORMAT_XLSX)
		rc = write_xlsx(&doc, o->output);
	else if (o->format == FH_FORMAT_CSV)
		print_csv(&doc);
	else if (o->format == FH_FORMAT_JSON)
		print_json(&doc);
	else
		print_tables(&doc);
	fh_report_doc_free(&doc);
	return rc;
}
