/* fuhua — a growable byte buffer (JSON strings and CSV cells into one:
 * fuhua/text.h, which knows what text may carry). */
#ifndef FUHUA_BUF_H
#define FUHUA_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct fh_buf {
	char *data; /* NUL-terminated once anything was added; NULL when empty */
	size_t len, cap;
	bool failed; /* an allocation failed; the contents are incomplete */
} fh_buf;

#define FH_BUF_INIT               \
	{                         \
		NULL, 0, 0, false \
	}

/* Append n bytes of s, a string, or printf-style text. Out of memory, the
 * buffer keeps what it held and b->failed is set (later appends do nothing);
 * fh_buf_str still gives a string. */
void fh_buf_add(fh_buf *b, const char *s, size_t n);
void fh_buf_puts(fh_buf *b, const char *s);
void fh_buf_printf(fh_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void fh_buf_vprintf(fh_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Makes room in a growable array (*rows, of elements of `size` bytes, `cap`
 * of them allocated) for element n: doubles it when n == *cap. False when
 * memory ran out (the array is left as it was). rows is a pointer to the
 * array's pointer. */
bool fh_grow(void *rows, size_t *cap, size_t n, size_t size);
/* The text, never NULL ("" when empty). */
const char *fh_buf_str(const fh_buf *b);
void fh_buf_free(fh_buf *b);

#endif
