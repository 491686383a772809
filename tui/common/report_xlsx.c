/* fuhua tui — a report as the Excel form a bureau accepts (libxlsxwriter):
 * a merged title, the reporting unit, the period and the day sent, then a
 * table per section (its title merged above it, the hubs' rows and the
 * total in bold), the lines for who filled it in and who answers for it;
 * when it rolls up several hubs, then a sheet per hub (named by its code)
 * with the hub's own figures as a form: each section, a line per figure;
 * counts whole, rates with one decimal, amounts in 元 with two; every code
 * written as text, so no spreadsheet makes a number of it; A4 landscape,
 * one page wide, the title rows on every page, "第 &P 页，共 &N 页" below. */
#include "report_xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <xlsxwriter.h>

#include "fuhua/clock.h"
#include "fuhua/scratch.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "labels.h"
#include "sheet_table.h"
#include "spool.h"

struct formats {
	lxw_format *title, *field, *section, *head, *text, *text_bold, *n[4], *n_bold[4];
};

static lxw_format *number_format(lxw_workbook *wb, const char *num, bool bold)
{
	lxw_format *f = workbook_add_format(wb);
	format_set_num_format(f, num);
	format_set_border(f, LXW_BORDER_THIN);
	if (bold)
		format_set_bold(f);
	return f;
}

static void make_formats(lxw_workbook *wb, struct formats *f)
{
	static const char *const num[4] = { "0", "0.0", "#,##0.00", "0.0" }; /* by fh_cell */
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 16);
	format_set_align(f->title, LXW_ALIGN_CENTER);
	format_set_align(f->title, LXW_ALIGN_VERTICAL_CENTER);
	f->field = workbook_add_format(wb);
	f->section = workbook_add_format(wb);
	format_set_bold(f->section);
	f->head = workbook_add_format(wb);
	format_set_bold(f->head);
	format_set_text_wrap(f->head);
	format_set_align(f->head, LXW_ALIGN_CENTER);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_border(f->head, LXW_BORDER_THIN);
	format_set_bg_color(f->head, 0xDDEBF7);
	f->text = workbook_add_format(wb);
	format_set_num_format(f->text, "@");
	format_set_border(f->text, LXW_BORDER_THIN);
	f->text_bold = workbook_add_format(wb);
	format_set_num_format(f->text_bold, "@");
	format_set_border(f->text_bold, LXW_BORDER_THIN);
	format_set_bold(f->text_bold);
	for (int i = 0; i < 4; i++) {
		f->n[i] = number_format(wb, num[i], false);
		f->n_bold[i] = number_format(wb, num[i], true);
	}
}

/* A string cell, control characters shown escaped (as on the screen). */
static void text(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
	char buf[1024];
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, fh_text_escape(buf, sizeof buf, s), f);
}

/* A figure as the CSV and JSON give it: the cell holds what it shows. */
static double shown(fh_cell k, double v)
{
	return k == FH_CELL_FEN ? round(v) / 100 : k == FH_CELL_COUNT ? round(v) : round(v * 10) / 10;
}

/* A section: its title, its header, a row per hub, the total; the next
 * free row. */
static int section(lxw_worksheet *ws, const struct formats *f, const fh_sheet *sh, int row, int width)
{
	worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, (lxw_col_t)(width - 1), _(sh->title), f->section);
	row++;
	text(ws, row, 0, _("Hub"), f->head);
	text(ws, row, 1, _("Name"), f->head);
	for (int c = 0; c < sh->ncols; c++)
		text(ws, row, 2 + c, _(sh->cols[c].title), f->head);
	worksheet_set_row(ws, (lxw_row_t)row, 32, NULL);
	row++;
	for (size_t r = 0; r < sh->nrows; r++, row++) {
		const fh_sheet_row *x = &sh->rows[r];
		text(ws, row, 0, x->total ? "" : x->hub_code, x->total ? f->text_bold : f->text);
		text(ws, row, 1, x->total ? _("Total") : x->hub_name, x->total ? f->text_bold : f->text);
		for (int c = 0; c < sh->ncols; c++) {
			fh_cell k = sh->cols[c].cell;
			worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)(2 + c), shown(k, x->v[c]),
					       x->total ? f->n_bold[k] : f->n[k]);
		}
	}
	return row + 1;
}

/* The form's head on ws, `width` columns wide: the title (unit, period,
 * report), then the reporting unit, the period and the day sent on a line
 * (a hub's form, two columns wide: the unit's line, then the period and the
 * day), then the report's state; the next free row. */
static int form_head(lxw_worksheet *ws, const struct formats *f, const fh_report_doc *d, const char *unit, int width)
{
	char period[32], sent[16], line[1600], name[300], state[1300];
	fh_sheet_period(d, period, sizeof period);
	fh_text_escape(name, sizeof name, unit);
	snprintf(line, sizeof line, "%s %s %s", name, period, _(d->title));
	worksheet_set_row(ws, 0, 28, NULL);
	worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(width - 1), line, f->title);
	char fields[3][1600];
	snprintf(fields[0], sizeof fields[0], _("Reporting unit: %s"), name);
	snprintf(fields[1], sizeof fields[1], _("Period: %s"), period);
	snprintf(fields[2], sizeof fields[2], _("Sent on: %s"),
		 fh_clock_format_date(fh_clock_now(), sent, sizeof sent));
	int row = 2;
	if (width > 7) {
		worksheet_merge_range(ws, 1, 0, 1, 2, fields[0], f->field);
		worksheet_merge_range(ws, 1, 3, 1, 4, fields[1], f->field);
		worksheet_merge_range(ws, 1, 5, 1, (lxw_col_t)(width - 1), fields[2], f->field);
	} else {
		worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)(width - 1), fields[0], f->field);
		worksheet_write_string(ws, 2, 0, fields[1], f->field);
		worksheet_write_string(ws, 2, 1, fields[2], f->field);
		row = 3;
	}
	worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, (lxw_col_t)(width - 1),
			      fh_sheet_state(d, state, sizeof state), f->field);
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_footer(ws, _("&CPage &P of &N"));
	return row + 2;
}

/* Hub row r's own figures as a form of their own, on a sheet named by its
 * code: each section's title, then a line per figure. */
static void hub_sheet(lxw_workbook *wb, const struct formats *f, const fh_report_doc *d, size_t r)
{
	const fh_sheet_row *hub = &d->sheets[0].rows[r];
	char name[32];
	snprintf(name, sizeof name, "%.31s", hub->hub_code); /* a code: no character a sheet's name refuses */
	lxw_worksheet *ws = workbook_add_worksheet(wb, name);
	if (!ws)
		return; /* a name taken: the roll-up holds its figures */
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 16, NULL);
	int row = form_head(ws, f, d, hub->hub_name, 2);
	for (int i = 0; i < d->nsheets; i++) {
		const fh_sheet *sh = &d->sheets[i];
		worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, 1, _(sh->title), f->section);
		row++;
		for (int c = 0; c < sh->ncols; c++, row++) {
			fh_cell k = sh->cols[c].cell;
			text(ws, row, 0, _(sh->cols[c].title), f->text);
			worksheet_write_number(ws, (lxw_row_t)row, 1, shown(k, sh->rows[r].v[c]), f->n[k]);
		}
		row++;
	}
	text(ws, row, 0, _("Filled in by:"), f->field);
	text(ws, row + 1, 0, _("Responsible:"), f->field);
	worksheet_repeat_rows(ws, 0, 3);
	worksheet_fit_to_pages(ws, 1, 0);
}

int fh_report_xlsx(const fh_report_doc *d, const char *path, char *why, size_t size)
{
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		snprintf(why, size, "%s", _("cannot create the Excel file"));
		return -1;
	}
	struct formats f;
	make_formats(wb, &f);
	char period[32];
	fh_sheet_period(d, period, sizeof period);
	lxw_worksheet *ws = workbook_add_worksheet(wb, period);
	int width = 8;
	for (int i = 0; i < d->nsheets; i++)
		width = 2 + d->sheets[i].ncols > width ? 2 + d->sheets[i].ncols : width;
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, 2, (lxw_col_t)(width - 1), 13, NULL);
	int row = form_head(ws, &f, d, d->hub_name, width);
	for (int i = 0; i < d->nsheets; i++)
		row = section(ws, &f, &d->sheets[i], row, width);
	char refs[2400];
	if (*fh_sheet_refs(d, refs, sizeof refs)) {
		worksheet_write_string(ws, (lxw_row_t)row, 0, refs, f.field);
		row += 2;
	}
	text(ws, row, 0, _("Filled in by:"), f.field);
	text(ws, row, 3, _("Responsible:"), f.field);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, 2);
	size_t hubs = d->nsheets ? d->sheets[0].nrows - 1 : 0; /* the last row is the total */
	for (size_t r = 0; hubs > 1 && r < hubs; r++)
		hub_sheet(wb, &f, d, r);
	lxw_error e = workbook_close(wb);
	if (e != LXW_NO_ERROR) {
		snprintf(why, size, "%s", lxw_strerror(e));
		return -1;
	}
	return 0;
}

int fh_report_xlsx_file(const fh_report_doc *d, const char *path, char *why, size_t size)
{
	fh_scratch part = { 0 };
	if (fh_spool_beside(path, &part, why, size) != 0)
		return -1;
	if (fh_report_xlsx(d, part.path, why, size) != 0) {
		fh_scratch_drop(&part);
		return -1;
	}
	return fh_spool_keep(&part, path, why, size);
}

int fh_report_xlsx_filed(const fh_report_doc *d, const char *dir, char *path, size_t size, char *why, size_t why_size)
{
	char folder[1024], period[16];
	fh_sheet_period(d, period, sizeof period);
	snprintf(folder, sizeof folder, "%s/%s", dir, d->hub_code);
	if ((mkdir(dir, 0750) != 0 && errno != EEXIST) || (mkdir(folder, 0750) != 0 && errno != EEXIST)) {
		snprintf(why, why_size, "%s: %s", folder, strerror(errno));
		return -1;
	}
	snprintf(path, size, "%s/%s-%s-%s.xlsx", folder, d->key, d->hub_code, period);
	return fh_report_xlsx_file(d, path, why, why_size);
}
