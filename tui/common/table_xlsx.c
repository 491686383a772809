/* fuhua tui — a list as an Excel sheet (libxlsxwriter in constant-memory
 * mode: a row is out on disk once the next begins, so a roster of a
 * million tenants takes the memory of a few rows). The headings bold, the
 * first row frozen and repeated on every printed page, A4 landscape; every
 * cell text but a number column's numbers, so no spreadsheet makes a
 * number of a credit code or a phone. Written in a file of our own under
 * TMPDIR, then copied to where the list goes (a pipe, or the command
 * line's --output file, whole or not at all). */
#include "table_xlsx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "fuhua/text.h"
#include "i18n.h"
#include "spool.h"
#include "table.h"
#include "width.h"

struct fh_table_xlsx {
	fh_scratch part;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *head, *text;
	lxw_row_t row;
	char cell[32768]; /* a cell's text escaped (Excel's cell holds 32 767) */
};

static void fail(const char *what)
{
	fprintf(stderr, "fuhua: %s: %s\n", _("the Excel file"), what);
}

struct fh_table_xlsx *fh_table_xlsx_open(const struct fh_table *t)
{
	struct fh_table_xlsx *x = calloc(1, sizeof *x);
	if (!x) {
		fail(strerror(ENOMEM));
		return NULL;
	}
	char dir[512], why[300];
	if (fh_spool_open(&x->part, dir, sizeof dir, why, sizeof why) != 0) {
		fail(why);
		free(x);
		return NULL;
	}
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = dir };
	if (!(x->wb = workbook_new_opt(x->part.path, &opt)) || !(x->ws = workbook_add_worksheet(x->wb, NULL))) {
		fail(_("cannot create the Excel file"));
		fh_scratch_drop(&x->part);
		free(x);
		return NULL;
	}
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xDDEBF7);
	format_set_num_format(x->head, "@");
	x->text = workbook_add_format(x->wb);
	format_set_num_format(x->text, "@");
	for (int c = 0; c < t->ncols; c++) { /* as wide as its heading, 12 to 40 */
		int w = fh_str_width(t->titles[c]) + 2;
		worksheet_set_column(x->ws, (lxw_col_t)c, (lxw_col_t)c, w < 12 ? 12 : w > 40 ? 40 : w, NULL);
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	worksheet_repeat_rows(x->ws, 0, 0);
	worksheet_set_landscape(x->ws);
	worksheet_set_paper(x->ws, 9); /* A4 */
	worksheet_set_footer(x->ws, _("&CPage &P of &N"));
	for (int c = 0; c < t->ncols; c++)
		worksheet_write_string(x->ws, 0, (lxw_col_t)c, fh_text_escape(x->cell, sizeof x->cell, t->titles[c]),
				       x->head);
	x->row = 1;
	return x;
}

/* The cell's text as a number, when the whole of it is one. */
static bool number(const char *s, double *v)
{
	char *end;
	if (!*s)
		return false;
	errno = 0;
	*v = strtod(s, &end);
	return !*end && !errno;
}

void fh_table_xlsx_row(struct fh_table_xlsx *x, const struct fh_table *t, const char *const *row)
{
	for (int c = 0; c < t->ncols; c++) {
		const char *v = row[c] ? row[c] : "";
		double n;
		if (!*v)
			continue; /* an empty cell is none */
		if ((t->numeric >> c) & 1 && number(v, &n))
			worksheet_write_number(x->ws, x->row, (lxw_col_t)c, n, NULL);
		else
			worksheet_write_string(x->ws, x->row, (lxw_col_t)c, fh_text_escape(x->cell, sizeof x->cell, v),
					       x->text);
	}
	x->row++;
}

int fh_table_xlsx_close(struct fh_table_xlsx *x, FILE *out)
{
	lxw_error e = workbook_close(x->wb);
	char why[300];
	int rc = 0;
	if (e != LXW_NO_ERROR) {
		fail(lxw_strerror(e));
		fh_scratch_drop(&x->part);
		rc = -1;
	} else if (fh_spool_copy(&x->part, out, why, sizeof why) != 0) {
		fail(why);
		rc = -1;
	}
	free(x);
	return rc;
}
