/* fuhua — errors as values. */
#include "fuhua/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "fuhua/text.h"

void fh_error_clear(fh_error *err)
{
	if (err)
		memset(err, 0, sizeof *err);
}

/* Every text of an error is shown to people: control characters from a file
 * or a record (ESC, C1) are written escaped, never passed to a terminal. */
static void set_text(char *dst, size_t size, const char *src)
{
	fh_text_escape(dst, size, src ? src : "");
}

static void set_message(fh_error *err, const char *fmt, va_list ap)
{
	char raw[sizeof err->message];
	vsnprintf(raw, sizeof raw, fmt, ap);
	set_text(err->message, sizeof err->message, raw);
}

fh_status fh_error_set(fh_error *err, fh_status code, const char *field, const char *fmt, ...)
{
	if (!err)
		return code;
	fh_error_clear(err);
	err->code = code;
	set_text(err->field, sizeof err->field, field);
	va_list ap;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return code;
}

fh_status fh_error_at(fh_error *err, const char *file, int line, int column, const char *fmt, ...)
{
	if (!err)
		return FH_ECONFIG;
	fh_error_clear(err);
	err->code = FH_ECONFIG;
	set_text(err->file, sizeof err->file, file);
	err->line = line;
	err->column = column;
	va_list ap;
	va_start(ap, fmt);
	set_message(err, fmt, ap);
	va_end(ap);
	return FH_ECONFIG;
}

const char *fh_error_format(const fh_error *err, char *buf, size_t size)
{
	if (!err || !buf || size == 0)
		return buf;
	if (err->file[0] && err->line > 0)
		snprintf(buf, size, "%s:%d:%d: %s", err->file, err->line, err->column, err->message);
	else if (err->file[0])
		snprintf(buf, size, "%s: %s", err->file, err->message);
	else if (err->field[0])
		snprintf(buf, size, "%s: %s", err->field, err->message);
	else
		snprintf(buf, size, "%s", err->message);
	return buf;
}

int fh_error_exit_status(fh_status code)
{
	switch (code) {
	case FH_OK: return 0;
	case FH_EINVAL:
	case FH_ECONFIG: return 2;
	default: return 1;
	}
}
