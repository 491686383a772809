/* fuhua core — reading CSV. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

void fh_csv_init(fh_csv *c, const char *data, size_t len)
{
	memset(c, 0, sizeof *c);
	c->p = data;
	c->end = data + len;
	c->line = 1;
}

void fh_csv_free(fh_csv *c)
{
	free(c->cells);
	fh_buf_free(&c->text);
	memset(c, 0, sizeof *c);
}

/* Adds the run [from, c->p) to the cell's text, noting a NUL in it. */
static void take_run(fh_csv *c, const char *from, bool keep, bool *nul)
{
	*nul |= memchr(from, 0, (size_t)(c->p - from)) != NULL;
	if (keep)
		fh_buf_add(&c->text, from, (size_t)(c->p - from));
}

/* One cell into c->text (kept only while `keep`), a run at a time; a NUL
 * byte sets *nul. Returns false on a quote that never closes. */
static bool read_cell(fh_csv *c, bool keep, bool *nul)
{
	if (c->p < c->end && *c->p == '"') {
		c->p++;
		for (;;) {
			const char *run = c->p;
			while (c->p < c->end && *c->p != '"') {
				c->line += *c->p == '\n';
				c->p++;
			}
			take_run(c, run, keep, nul);
			if (c->p >= c->end)
				return false;
			if (c->p + 1 < c->end && c->p[1] == '"') { /* "" inside: one quote */
				if (keep)
					fh_buf_add(&c->text, "\"", 1);
				c->p += 2;
				continue;
			}
			c->p++;
			break;
		}
	}
	/* unquoted text, or what follows a closing quote */
	const char *run = c->p;
	while (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r')
		c->p++;
	take_run(c, run, keep, nul);
	if (keep)
		fh_buf_add(&c->text, "", 1); /* the cell's NUL */
	return true;
}

int fh_csv_next(fh_csv *c, size_t *line)
{
	if (c->p >= c->end)
		return 0;
	*line = c->line;
	c->text.len = 0;
	size_t starts[FH_CSV_MAX_CELLS];
	size_t n = 0, all = 0;
	bool nul = false;
	for (;;) {
		bool keep = n < FH_CSV_MAX_CELLS;
		if (keep)
			starts[n++] = c->text.len;
		all++;
		size_t open = c->line;
		if (!read_cell(c, keep, &nul)) {
			*line = open;
			return FH_CSV_UNCLOSED;
		}
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '\r')
			c->p++;
		if (c->p < c->end && *c->p == '\n')
			c->p++;
		c->line++;
		break;
	}
	if (c->text.failed)
		return FH_CSV_NOMEM;
	if (n > c->cap) {
		char **cells = realloc(c->cells, n * sizeof *cells);
		if (!cells)
			return FH_CSV_NOMEM;
		c->cells = cells;
		c->cap = n;
	}
	for (size_t i = 0; i < n; i++)
		c->cells[i] = c->text.data + starts[i];
	c->ncells = n;
	c->all_cells = all;
	if (all > FH_CSV_MAX_CELLS)
		return FH_CSV_TOO_WIDE;
	if (nul)
		return FH_CSV_NUL;
	return 1;
}
