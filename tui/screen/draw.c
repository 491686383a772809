/* fuhua tui — drawing helpers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/text.h"
#include "tui.h"
#include "../common/width.h"

void fh_draw_init_colors(struct app *app)
{
	const char *no = getenv("NO_COLOR");
	app->color = has_colors() && !(no && *no);
	if (!app->color)
		return;
	start_color();
	use_default_colors();
	init_pair(FH_C_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(FH_C_BAR, COLOR_BLACK, COLOR_CYAN);
	init_pair(FH_C_SELECT, COLOR_BLACK, COLOR_YELLOW);
	init_pair(FH_C_GOOD, COLOR_GREEN, -1);
	init_pair(FH_C_WARN, COLOR_YELLOW, -1);
	init_pair(FH_C_BAD, COLOR_RED, -1);
	init_pair(FH_C_DIM, COLOR_BLUE, -1);
}

attr_t fh_attr(const struct app *app, enum fh_color c)
{
	if (app->color && c != FH_C_NORMAL)
		return COLOR_PAIR(c) | (c == FH_C_TITLE || c == FH_C_SELECT ? A_BOLD : 0);
	/* monochrome: attributes only */
	switch (c) {
	case FH_C_TITLE:
	case FH_C_SELECT: return A_REVERSE | A_BOLD;
	case FH_C_BAR: return A_REVERSE;
	case FH_C_BAD:
	case FH_C_WARN: return A_BOLD;
	case FH_C_DIM: return A_DIM;
	default: return A_NORMAL;
	}
}

static void put_cp(int y, int x, uint32_t cp, attr_t attr)
{
	wchar_t wc[2] = { (wchar_t)cp, 0 };
	cchar_t cc;
	setcchar(&cc, wc, attr, PAIR_NUMBER(attr), NULL);
	mvadd_wch(y, x, &cc);
}

int fh_draw_text(int y, int x, const char *s, int cols, bool pad, attr_t attr)
{
	char buf[1024];
	int used = pad ? fh_str_pad(s, cols, buf, sizeof buf) : fh_str_fit(s, cols, buf, sizeof buf);
	size_t len = strlen(buf), i = 0;
	int cx = x;
	while (i < len) {
		uint32_t cp;
		i += fh_utf8_decode(buf + i, len - i, &cp);
		put_cp(y, cx, cp, attr);
		cx += fh_cp_width(cp);
	}
	return used;
}

void fh_draw_bar(const struct app *app, int y, int x, int cols, double value, double total, bool high_is_good)
{
	if (cols < 3)
		return;
	int inner = cols - 2;
	double frac = total > 0 ? value / total : 0;
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	int filled = (int)(frac * inner + 0.5);
	double level = high_is_good ? 1 - frac : frac;
	attr_t on = fh_attr(app, level >= 0.9 ? FH_C_BAD : level >= 0.6 ? FH_C_WARN : FH_C_GOOD);
	put_cp(y, x, '[', A_NORMAL);
	for (int i = 0; i < inner; i++)
		put_cp(y, x + 1 + i, i < filled ? 0x2588 : 0x2591, i < filled ? on : fh_attr(app, FH_C_DIM));
	put_cp(y, x + cols - 1, ']', A_NORMAL);
}

/* The byte length of the next line of s that fits `cols` columns: breaks at
 * a newline, else at the last space that fits, else where the width ends. */
static size_t line_len(const char *s, int cols, size_t *skip)
{
	size_t len = strlen(s), i = 0, space = 0;
	int w = 0;
	bool prev_wide = false;
	*skip = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = fh_utf8_decode(s + i, len - i, &cp);
		if (cp == '\n') {
			*skip = 1;
			return i;
		}
		int cw = fh_cp_width(cp);
		if (w + cw > cols) {
			/* Chinese breaks between any two characters; other text at a space */
			if (cw == 2 || prev_wide)
				return i ? i : n;
			if (space) {
				*skip = 1;
				return space;
			}
			return i ? i : n;
		}
		if (cp == ' ')
			space = i;
		prev_wide = cw == 2;
		w += cw;
		i += n;
	}
	return i;
}

int fh_draw_wrapped(int y, int x, const char *s, int cols, int max_rows, attr_t attr)
{
	int rows = 0;
	char line[1024];
	if (cols < 2)
		return 0;
	while (*s && (max_rows == 0 || rows < max_rows)) {
		size_t skip, n = line_len(s, cols, &skip);
		if (max_rows) {
			snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), s);
			fh_draw_text(y + rows, x, line, cols, false, attr);
		}
		rows++;
		s += n + skip;
	}
	return rows;
}

int fh_draw_box(const struct app *app, struct rect area, const char *title, const char *text, const char *foot,
		int cols, bool bottom, attr_t attr)
{
	if (cols > area.cols)
		cols = area.cols;
	int inner = cols - 4;
	int body = fh_draw_wrapped(0, 0, text, inner, 0, attr);
	int rows = body + 2 + (title && *title ? 2 : 0) + (foot && *foot ? 2 : 0);
	if (rows > area.rows) {
		body -= rows - area.rows;
		rows = area.rows;
	}
	int y = bottom ? area.y + area.rows - rows : area.y + (area.rows - rows) / 2;
	int x = area.x + (area.cols - cols) / 2;
	for (int r = 0; r < rows; r++)
		fh_draw_text(y + r, x, "", cols, true, attr);
	int ty = y + 1;
	if (title && *title) {
		fh_draw_text(ty, x + 2, title, inner, false, attr | A_BOLD);
		ty += 2;
	}
	fh_draw_wrapped(ty, x + 2, text, inner, body, attr);
	if (foot && *foot)
		fh_draw_text(y + rows - 2, x + 2, foot, inner, false, attr | fh_attr(app, FH_C_DIM));
	return rows;
}
