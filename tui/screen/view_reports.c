/* fuhua tui — the Reports screen (F6): the monthly report of the
 * operator's hubs, a table per section with each hub's own figures and the
 * total, as `fuhua report monthly` prints it (the figures are core's,
 * sheet.h); [ and ] go a month back and forth, ← and → across the
 * columns a narrow terminal cannot show at once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/sheet.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/sheet_table.h"
#include "../common/table.h"
#include "../common/width.h"
#include "tui.h"

enum { OP_MONTH_BACK = FH_ACT_LOCAL, OP_MONTH_ON, OP_LEFT, OP_RIGHT };

struct reports {
	int year, month;
	char title[600];
	fh_buf text;   /* the sections' lines, each ending in '\n' */
	size_t *line;  /* where each line starts in text */
	bool *heading; /* a section's title */
	int n, top, page;
	int left; /* display columns scrolled off to the left (← →) */
	char error[600];
};

/* Where in line s (len bytes) the display column `cols` begins: a wide
 * character cut in two begins after it. */
static size_t skip_cols(const char *s, size_t len, int cols)
{
	size_t at = 0;
	while (cols > 0 && at < len) {
		uint32_t cp;
		size_t n = fh_utf8_decode(s + at, len - at, &cp);
		if (!n)
			break;
		cols -= fh_cp_width(cp);
		at += n;
	}
	return at;
}

static void add_line(struct reports *r, size_t at, bool heading)
{
	size_t *l = realloc(r->line, (size_t)(r->n + 1) * sizeof *l);
	bool *h = l ? realloc(r->heading, (size_t)(r->n + 1) * sizeof *h) : NULL;
	if (l)
		r->line = l;
	if (!h)
		return;
	r->heading = h;
	r->line[r->n] = at;
	r->heading[r->n++] = heading;
}

/* A sheet's table as fuhua report monthly prints it, its lines into r. */
static void add_sheet(struct reports *r, const fh_sheet *sh)
{
	struct fh_sheet_table st;
	fh_sheet_table(sh, &st);
	if (r->n) { /* a blank line between sections */
		add_line(r, r->text.len, false);
		fh_buf_puts(&r->text, "\n");
	}
	add_line(r, r->text.len, true);
	fh_buf_printf(&r->text, "%s\n", _(sh->title));
	size_t from = r->text.len;
	fh_table_text(&st.t, &r->text);
	fh_table_free(&st.t);
	const char *s = fh_buf_str(&r->text);
	for (size_t at = from; at < r->text.len;) {
		add_line(r, at, false);
		const char *nl = memchr(s + at, '\n', r->text.len - at);
		if (!nl)
			break;
		at = (size_t)(nl - s) + 1;
	}
}

static void reload(struct app *app, struct view *v)
{
	struct reports *r = v->priv;
	fh_buf_free(&r->text);
	r->n = 0;
	r->error[0] = 0;
	r->title[0] = 0;
	fh_report_doc d;
	fh_error err;
	if (fh_report_monthly(app->store, &app->actor, NULL, r->year, r->month, &d, &err) != FH_OK) {
		fh_error_text(&err, r->error, sizeof r->error);
		return;
	}
	char name[300];
	snprintf(r->title, sizeof r->title, "%s · %s · %04d-%02d%s", _(d.title),
		 fh_text_escape(name, sizeof name, d.hub_name), d.year, d.month,
		 d.preliminary ? _(" (preliminary: the month is not over)") : "");
	for (int i = 0; i < d.nsheets; i++)
		add_sheet(r, &d.sheets[i]);
	fh_report_doc_free(&d);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)arg;
	struct reports *r = v->priv;
	char d[16];
	fh_clock_format_date(fh_clock_now(), d, sizeof d);
	r->year = atoi(d);
	r->month = atoi(d + 5);
	r->page = 10;
	reload(app, v);
	return true;
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	struct reports *r = v->priv;
	fh_buf_free(&r->text);
	free(r->line);
	free(r->heading);
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct reports *r = v->priv;
	fh_draw_text(a.y, a.x + 1, r->title[0] ? r->title : _("Monthly report"), a.cols - 2, true, A_BOLD);
	if (r->error[0]) {
		fh_draw_wrapped(a.y + 2, a.x + 1, r->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	r->page = a.rows - 2 > 1 ? a.rows - 2 : 1;
	if (r->top > r->n - r->page)
		r->top = r->n - r->page > 0 ? r->n - r->page : 0;
	const char *s = fh_buf_str(&r->text);
	for (int i = 0; i < r->page && r->top + i < r->n; i++) {
		int l = r->top + i;
		const char *from = s + r->line[l], *end = strchr(from, '\n');
		size_t len = end ? (size_t)(end - from) : strlen(from);
		size_t skip = r->heading[l] ? 0 : skip_cols(from, len, r->left); /* a section's title stays */
		char line[2048];
		snprintf(line, sizeof line, "%.*s", (int)(len - skip), from + skip);
		fh_draw_text(a.y + 1 + i, a.x + 1, line, a.cols - 2, false,
			     r->heading[l] ? fh_attr(app, FH_C_GOOD) | A_BOLD : A_NORMAL);
	}
	char more[200];
	if (r->top + r->page < r->n)
		snprintf(more, sizeof more, _("— more below (%d/%d) —"), r->top + r->page, r->n);
	else
		snprintf(more, sizeof more, "%s", _("— end —"));
	fh_draw_text(a.y + a.rows - 1, a.x + 1, more, a.cols - 2, false, fh_attr(app, FH_C_DIM));
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct reports *r = v->priv;
	int last = r->n - r->page > 0 ? r->n - r->page : 0;
	switch (action) {
	case OP_MONTH_BACK:
	case OP_MONTH_ON: {
		int m = r->year * 12 + r->month - 1 + (action == OP_MONTH_ON ? 1 : -1);
		char d[16];
		fh_clock_format_date(fh_clock_now(), d, sizeof d);
		if (m > atoi(d) * 12 + atoi(d + 5) - 1 || m < 2000 * 12) {
			fh_app_say(app, true, "%s", _("There is no report of a month not begun."));
			return FH_R_DONE;
		}
		r->year = m / 12;
		r->month = m % 12 + 1;
		r->top = 0;
		reload(app, v);
		return FH_R_DONE;
	}
	case OP_LEFT: r->left = r->left > 10 ? r->left - 10 : 0; return FH_R_DONE;
	case OP_RIGHT: r->left = r->left < 400 ? r->left + 10 : r->left; return FH_R_DONE;
	case FH_ACT_MOVE_DOWN: r->top++; break;
	case FH_ACT_MOVE_UP: r->top--; break;
	case FH_ACT_PAGE_DOWN: r->top += r->page; break;
	case FH_ACT_PAGE_UP: r->top -= r->page; break;
	case FH_ACT_MOVE_FIRST: r->top = 0; break;
	case FH_ACT_MOVE_LAST: r->top = last; break;
	default: return FH_R_UNHANDLED;
	}
	r->top = r->top > last ? last : r->top < 0 ? 0 : r->top;
	return FH_R_DONE;
}

static const struct fh_binding report_keys[] = {
	{ '[', false, OP_MONTH_BACK, 0, "[", true, N_("month back"), N_("The report of the month before") },
	{ ']', false, OP_MONTH_ON, 0, "]", true, N_("month on"), N_("The report of the month after") },
	{ KEY_LEFT, true, OP_LEFT, 0, "←", false, NULL, N_("The columns to the left") },
	{ KEY_RIGHT, true, OP_RIGHT, 0, "→", true, N_("columns"), N_("The columns to the right") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap report_keymap = { N_("Reports"), report_keys, &fh_scroll_keymap };

const struct view_ops fh_reports_view = {
	.name = "reports",
	.private_size = sizeof(struct reports),
	.keymap = &report_keymap,
	.open = open,
	.reload = reload,
	.draw = draw,
	.request = request,
	.done = done,
};
