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

int fh_csv_next(fh_csv *c, size_t *line)
{
	if (c->p >= c->end)
		return 0;
	*line = c->line;
	c->text.len = 0;
	size_t starts[1024];
	size_t n = 0;
	for (;;) {
		if (n == sizeof starts / sizeof starts[0])
			return -1;
		starts[n++] = c->text.len;
		if (c->p < c->end && *c->p == '"') {
			size_t open = c->line;
			c->p++;
			for (;;) {
				if (c->p >= c->end) {
					*line = open;
					return -1;
				}
				if (*c->p == '"') {
					if (c->p + 1 < c->end && c->p[1] == '"') {
						fh_buf_add(&c->text, "\"", 1);
						c->p += 2;
						continue;
					}
					c->p++;
					break;
				}
				if (*c->p == '\n')
					c->line++;
				fh_buf_add(&c->text, c->p, 1);
				c->p++;
			}
		}
		/* unquoted text, or what follows a closing quote */
		while (c->p < c->end && *c->p != ',' && *c->p != '\n' && *c->p != '\r') {
			fh_buf_add(&c->text, c->p, 1);
			c->p++;
		}
		fh_buf_add(&c->text, "", 1); /* the cell's NUL */
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
		return -1;
	if (n > c->cap) {
		char **cells = realloc(c->cells, n * sizeof *cells);
		if (!cells)
			return -1;
		c->cells = cells;
		c->cap = n;
	}
	for (size_t i = 0; i < n; i++)
		c->cells[i] = c->text.data + starts[i];
	c->ncells = n;
	return 1;
}
