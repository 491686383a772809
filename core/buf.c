/* fuhua core — a growable byte buffer. */
#include "fuhua/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(fh_buf *b, size_t more)
{
	if (b->failed)
		return false;
	if (b->len + more + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *d = realloc(b->data, cap);
	if (!d) {
		b->failed = true;
		return false;
	}
	b->data = d;
	b->cap = cap;
	return true;
}

void fh_buf_add(fh_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = 0;
}

void fh_buf_puts(fh_buf *b, const char *s)
{
	fh_buf_add(b, s, strlen(s));
}

void fh_buf_vprintf(fh_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	if (n >= 0 && reserve(b, (size_t)n)) {
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
		b->len += (size_t)n;
	}
	va_end(again);
}

void fh_buf_printf(fh_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fh_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *fh_buf_str(const fh_buf *b)
{
	return b->data ? b->data : "";
}

void fh_buf_free(fh_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

bool fh_grow(void *rows, size_t *cap, size_t n, size_t size)
{
	void **p = rows;
	if (n < *cap)
		return true;
	size_t c = *cap ? *cap * 2 : 16;
	void *g = realloc(*p, c * size);
	if (!g)
		return false;
	*p = g;
	*cap = c;
	return true;
}
