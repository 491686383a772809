/* fuhua tui — lists as a table, CSV or JSON: the commands print them, and
 * a screen can take the table's lines (fh_table_text). */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/text.h"
#include "table_xlsx.h"
#include "width.h"

bool fh_format_for_people(enum fh_format format)
{
	return format == FH_FORMAT_TABLE || format == FH_FORMAT_XLSX;
}

void fh_table_init(struct fh_table *t, const char *const *keys, const char *const *titles)
{
	memset(t, 0, sizeof *t);
	while (keys[t->ncols] && t->ncols < FH_TABLE_MAX_COLS) {
		t->keys[t->ncols] = keys[t->ncols];
		t->titles[t->ncols] = titles[t->ncols] ? titles[t->ncols] : keys[t->ncols];
		t->ncols++;
	}
}

static const char *cell(const struct fh_table *t, size_t r, int c)
{
	const char *v = t->cells[r * (size_t)t->ncols + (size_t)c];
	return v ? v : "";
}

/* Columns as wide as their widest cell of the rows held, 40 at most. */
static void size_columns(const struct fh_table *t, int *width)
{
	for (int c = 0; c < t->ncols; c++) {
		width[c] = fh_str_width(t->titles[c]);
		for (size_t r = 0; r < t->nrows; r++) {
			int w = fh_str_width(cell(t, r, c));
			if (w > width[c])
				width[c] = w;
		}
		if (width[c] > 40)
			width[c] = 40;
	}
}

/* One line of a table into b: the titles (header) or a row's values. */
static void table_line(const struct fh_table *t, const int *width, const char *const *v, bool header, fh_buf *b)
{
	char buf[512];
	fh_buf line = FH_BUF_INIT;
	for (int c = 0; c < t->ncols; c++) {
		bool right = (t->numeric >> c) & 1 && !header;
		if (right) {
			for (int pad = width[c] - fh_str_width(v[c]); pad > 0; pad--)
				fh_buf_puts(&line, " ");
			fh_str_fit(v[c], width[c], buf, sizeof buf);
		} else if (c == t->ncols - 1) {
			fh_str_fit(v[c], width[c], buf, sizeof buf);
		} else {
			fh_str_pad(v[c], width[c], buf, sizeof buf);
		}
		fh_buf_puts(&line, buf);
		if (c < t->ncols - 1)
			fh_buf_puts(&line, "  ");
	}
	fh_buf_puts(b, fh_buf_str(&line));
	fh_buf_puts(b, "\n");
	fh_buf_free(&line);
}

/* What b holds, out to out; b emptied. */
static void flush_to(fh_buf *b, FILE *out)
{
	fwrite(fh_buf_str(b), 1, b->len, out);
	b->len = 0;
}

static void json_row(const struct fh_table *t, const char *const *v, bool first, fh_buf *b)
{
	fh_buf_puts(b, first ? "\n {" : ",\n {");
	for (int c = 0; c < t->ncols; c++) {
		if (c)
			fh_buf_puts(b, ", ");
		fh_buf_json_string(b, t->keys[c]);
		fh_buf_puts(b, ": ");
		if ((t->numeric >> c) & 1 && *v[c])
			fh_buf_puts(b, v[c]);
		else if (!*v[c] && c > 0)
			fh_buf_puts(b, "null");
		else
			fh_buf_json_string(b, v[c]);
	}
	fh_buf_puts(b, "}");
}

/* One row as the format writes it, into b (`first`: the first row of a
 * JSON array). */
static void put_row(const struct fh_table *t, enum fh_format format, const int *width, const char *const *row,
		    bool first, fh_buf *b)
{
	if (format == FH_FORMAT_CSV)
		fh_buf_csv_row(b, row, (size_t)t->ncols);
	else if (format == FH_FORMAT_JSON)
		json_row(t, row, first, b);
	else
		table_line(t, width, row, false, b);
}

static void row_of(const struct fh_table *t, size_t r, const char **row)
{
	for (int c = 0; c < t->ncols; c++)
		row[c] = cell(t, r, c);
}

/* The rows held, after what was written; emptied. */
static void write_held(struct fh_table *t)
{
	fh_buf b = FH_BUF_INIT;
	for (size_t r = 0; r < t->nrows; r++) {
		const char *row[FH_TABLE_MAX_COLS];
		row_of(t, r, row);
		put_row(t, t->format, t->width, row, t->written + r == 0, &b);
		if (b.len > 65536)
			flush_to(&b, t->out);
	}
	flush_to(&b, t->out);
	fh_buf_free(&b);
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	t->written += t->nrows;
	t->nrows = 0;
}

void fh_table_row(struct fh_table *t, const char *const *values)
{
	if (t->out && t->format == FH_FORMAT_XLSX) { /* NULL when it could not be made: the rows go nowhere */
		if (t->xlsx)
			fh_table_xlsx_row(t->xlsx, t, values);
		t->written++;
		return;
	}
	if (t->out && (t->format != FH_FORMAT_TABLE || t->sized)) { /* streamed: out at once, 64 KiB at a time */
		put_row(t, t->format, t->width, values, t->written == 0, &t->pending);
		if (t->pending.len > 65536)
			flush_to(&t->pending, t->out);
		t->written++;
		return;
	}
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **cells = realloc(t->cells, cap * (size_t)t->ncols * sizeof *cells);
		if (!cells)
			return;
		t->cells = cells;
		t->cap = cap;
	}
	char **row = t->cells + t->nrows * (size_t)t->ncols;
	for (int c = 0; c < t->ncols; c++)
		row[c] = strdup(values[c] ? values[c] : "");
	t->nrows++;
	if (t->out && t->nrows == FH_TABLE_SAMPLE) { /* a streamed table, sized on its first rows */
		size_columns(t, t->width);
		t->sized = true;
		table_line(t, t->width, t->titles, true, &t->pending);
		flush_to(&t->pending, t->out);
		write_held(t);
	}
}

/* What comes before the rows: CSV's header, JSON's bracket. */
static void put_head(const struct fh_table *t, enum fh_format format, fh_buf *b)
{
	if (format == FH_FORMAT_CSV)
		fh_buf_csv_row(b, t->keys, (size_t)t->ncols);
	else if (format == FH_FORMAT_JSON)
		fh_buf_puts(b, "[");
}

/* … and after them. */
static void put_tail(enum fh_format format, size_t rows, fh_buf *b)
{
	if (format == FH_FORMAT_JSON)
		fh_buf_puts(b, rows ? "\n]\n" : "]\n");
}

void fh_table_stream(struct fh_table *t, FILE *out, enum fh_format format)
{
	t->out = out;
	t->format = format;
	t->written = 0;
	t->sized = false;
	if (format == FH_FORMAT_XLSX)
		t->xlsx = fh_table_xlsx_open(t); /* NULL: said */
	else
		put_head(t, format, &t->pending);
}

int fh_table_end(struct fh_table *t)
{
	if (!t->out)
		return 0;
	if (t->format == FH_FORMAT_XLSX) {
		int rc = t->xlsx ? fh_table_xlsx_close(t->xlsx, t->out) : -1;
		t->xlsx = NULL;
		t->out = NULL;
		return rc;
	}
	if (t->format == FH_FORMAT_TABLE && !t->sized) { /* fewer rows than a sample */
		size_columns(t, t->width);
		table_line(t, t->width, t->titles, true, &t->pending);
	}
	flush_to(&t->pending, t->out);
	write_held(t);
	put_tail(t->format, t->written, &t->pending);
	flush_to(&t->pending, t->out);
	fh_buf_free(&t->pending);
	t->out = NULL;
	return 0;
}

void fh_table_text(const struct fh_table *t, fh_buf *out)
{
	int width[FH_TABLE_MAX_COLS];
	size_columns(t, width);
	table_line(t, width, t->titles, true, out);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *row[FH_TABLE_MAX_COLS];
		row_of(t, r, row);
		table_line(t, width, row, false, out);
	}
}

int fh_table_print(const struct fh_table *t, FILE *out, enum fh_format format)
{
	if (format == FH_FORMAT_XLSX) {
		struct fh_table_xlsx *x = fh_table_xlsx_open(t);
		for (size_t r = 0; x && r < t->nrows; r++) {
			const char *row[FH_TABLE_MAX_COLS];
			row_of(t, r, row);
			fh_table_xlsx_row(x, t, row);
		}
		return x ? fh_table_xlsx_close(x, out) : -1;
	}
	fh_buf b = FH_BUF_INIT;
	if (format == FH_FORMAT_TABLE) {
		fh_table_text(t, &b);
	} else {
		put_head(t, format, &b);
		for (size_t r = 0; r < t->nrows; r++) {
			const char *row[FH_TABLE_MAX_COLS];
			row_of(t, r, row);
			put_row(t, format, NULL, row, r == 0, &b);
		}
		put_tail(format, t->nrows, &b);
	}
	flush_to(&b, out);
	fh_buf_free(&b);
	return 0;
}

void fh_table_free(struct fh_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	fh_buf_free(&t->pending);
	memset(t, 0, sizeof *t);
}
