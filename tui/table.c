/* fuhua tui — lists as a table, CSV or JSON. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/text.h"
#include "width.h"

void fh_table_init(struct fh_table *t, const char *const *keys, const char *const *titles)
{
	memset(t, 0, sizeof *t);
	while (keys[t->ncols] && t->ncols < FH_TABLE_MAX_COLS) {
		t->keys[t->ncols] = keys[t->ncols];
		t->titles[t->ncols] = titles[t->ncols] ? titles[t->ncols] : keys[t->ncols];
		t->ncols++;
	}
}

void fh_table_row(struct fh_table *t, const char *const *values)
{
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
}

static const char *cell(const struct fh_table *t, size_t r, int c)
{
	const char *v = t->cells[r * (size_t)t->ncols + (size_t)c];
	return v ? v : "";
}

static void print_table(const struct fh_table *t, FILE *out)
{
	int width[FH_TABLE_MAX_COLS];
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
	char buf[512];
	for (size_t r = 0; r <= t->nrows; r++) {
		fh_buf line = FH_BUF_INIT;
		for (int c = 0; c < t->ncols; c++) {
			const char *v = r == 0 ? t->titles[c] : cell(t, r - 1, c);
			bool right = (t->numeric >> c) & 1 && r > 0;
			if (right) {
				for (int pad = width[c] - fh_str_width(v); pad > 0; pad--)
					fh_buf_puts(&line, " ");
				fh_str_fit(v, width[c], buf, sizeof buf);
			} else {
				if (c == t->ncols - 1)
					fh_str_fit(v, width[c], buf, sizeof buf);
				else
					fh_str_pad(v, width[c], buf, sizeof buf);
			}
			fh_buf_puts(&line, buf);
			if (c < t->ncols - 1)
				fh_buf_puts(&line, "  ");
		}
		fprintf(out, "%s\n", fh_buf_str(&line));
		fh_buf_free(&line);
	}
}

static void print_csv(const struct fh_table *t, FILE *out)
{
	fh_buf b = FH_BUF_INIT;
	fh_buf_csv_row(&b, t->keys, (size_t)t->ncols);
	for (size_t r = 0; r < t->nrows; r++) {
		const char *row[FH_TABLE_MAX_COLS];
		for (int c = 0; c < t->ncols; c++)
			row[c] = cell(t, r, c);
		fh_buf_csv_row(&b, row, (size_t)t->ncols);
	}
	fputs(fh_buf_str(&b), out);
	fh_buf_free(&b);
}

static void print_json(const struct fh_table *t, FILE *out)
{
	fh_buf b = FH_BUF_INIT;
	fh_buf_puts(&b, "[");
	for (size_t r = 0; r < t->nrows; r++) {
		fh_buf_puts(&b, r ? ",\n {" : "\n {");
		for (int c = 0; c < t->ncols; c++) {
			const char *v = cell(t, r, c);
			if (c)
				fh_buf_puts(&b, ", ");
			fh_buf_json_string(&b, t->keys[c]);
			fh_buf_puts(&b, ": ");
			if ((t->numeric >> c) & 1 && *v)
				fh_buf_puts(&b, v);
			else if (!*v && c > 0)
				fh_buf_puts(&b, "null");
			else
				fh_buf_json_string(&b, v);
		}
		fh_buf_puts(&b, "}");
	}
	fh_buf_puts(&b, t->nrows ? "\n]\n" : "]\n");
	fputs(fh_buf_str(&b), out);
	fh_buf_free(&b);
}

void fh_table_print(const struct fh_table *t, FILE *out, enum fh_format format)
{
	switch (format) {
	case FH_FORMAT_CSV:
		print_csv(t, out);
		break;
	case FH_FORMAT_JSON:
		print_json(t, out);
		break;
	default:
		print_table(t, out);
	}
}

void fh_table_free(struct fh_table *t)
{
	for (size_t i = 0; i < t->nrows * (size_t)t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}
