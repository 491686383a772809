/* fuhua tui — the Reports screen (F6): a report of the operator's hubs —
 * monthly, Party-building or annual (r) — a table per section with each
 * hub's own figures and the total, as `fuhua report …` prints it (the
 * figures are core's, sheet.h); [ and ] go a period back and forth, < and
 * > choose the hub whose scope it covers, ← and → scroll the columns a
 * narrow terminal cannot show at once; x files it as .xlsx in the server's
 * reports folder (never a path typed here: a street office over SSH
 * writes nowhere it chooses), c closes the month after asking. A line
 * lists the last months, closed or open. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/scratch.h"
#include "fuhua/sheet.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/report_xlsx.h"
#include "../common/sheet_table.h"
#include "../common/table.h"
#include "../common/width.h"
#include "confirm.h"
#include "tui.h"

enum {
	OP_MONTH_BACK = FH_ACT_LOCAL,
	OP_MONTH_ON,
	OP_LEFT,
	OP_RIGHT,
	OP_KIND,
	OP_HUB_BACK,
	OP_HUB_ON,
	OP_FILE,
	OP_CLOSE
};

struct reports {
	fh_report_kind kind;
	int year, month; /* the month shown; the annual report shows its year */
	fh_hub *hubs;    /* the scope's, in tree order: < > choose one */
	size_t nhubs, hub;
	char title[1600];
	char months[400]; /* the last months, closed or open */
	fh_buf text;      /* the sections' lines, each ending in '\n' */
	size_t *line;     /* where each line starts in text */
	bool *heading;    /* a section's title */
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

/* "Months: 2026-11 open · 2026-10 closed · …", the last six. */
static void months_line(struct app *app, struct reports *r)
{
	fh_report_month *m;
	size_t n, at = 0;
	fh_error err;
	r->months[0] = 0;
	if (fh_report_months(app->store, 6, &m, &n, &err) != FH_OK)
		return;
	at = (size_t)snprintf(r->months, sizeof r->months, "%s", _("Months:"));
	for (size_t i = 0; i < n && at < sizeof r->months; i++)
		at += (size_t)snprintf(r->months + at, sizeof r->months - at, " %04d-%02d %s%s", m[i].year, m[i].month,
				       fh_sheet_month_state(&m[i]), i + 1 < n ? " ·" : "");
	free(m);
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
	months_line(app, r);
	const char *hub = r->hub < r->nhubs ? r->hubs[r->hub].code : NULL;
	if (fh_report_build(app->store, &app->actor, r->kind, hub, r->year, r->kind == FH_REPORT_ANNUAL ? 0 : r->month,
			    &d, &err) != FH_OK) {
		fh_error_text(&err, r->error, sizeof r->error);
		return;
	}
	fh_sheet_doc_title(&d, r->title, sizeof r->title);
	char refs[2400];
	for (int i = 0; i < d.nsheets; i++) {
		add_sheet(r, &d.sheets[i]);
		if (strcmp(d.sheets[i].key, "coverage") == 0 && *fh_sheet_refs(&d, refs, sizeof refs)) {
			add_line(r, r->text.len, false); /* the published rates under our own */
			fh_buf_printf(&r->text, "%s\n", refs);
		}
	}
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
	fh_error err;
	if (fh_hub_list(app->store, &app->actor, &r->hubs, &r->nhubs, &err) != FH_OK)
		r->nhubs = 0;
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
	free(r->hubs);
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct reports *r = v->priv;
	fh_draw_text(a.y, a.x + 1, r->title[0] ? r->title : _("Reports"), a.cols - 2, true, A_BOLD);
	fh_draw_text(a.y + 1, a.x + 1, r->months, a.cols - 2, false, fh_attr(app, FH_C_DIM));
	if (r->error[0]) {
		fh_draw_wrapped(a.y + 3, a.x + 1, r->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	r->page = a.rows - 3 > 1 ? a.rows - 3 : 1;
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
		fh_draw_text(a.y + 2 + i, a.x + 1, line, a.cols - 2, false,
			     r->heading[l] ? fh_attr(app, FH_C_GOOD) | A_BOLD : A_NORMAL);
	}
	char more[200];
	if (r->top + r->page < r->n)
		snprintf(more, sizeof more, _("— more below (%d/%d) —"), r->top + r->page, r->n);
	else
		snprintf(more, sizeof more, "%s", _("— end —"));
	fh_draw_text(a.y + a.rows - 1, a.x + 1, more, a.cols - 2, false, fh_attr(app, FH_C_DIM));
}

/* Where the file went: from the database's folder on when it is there. */
static void said_where(struct app *app, const char *path)
{
	char db[1024];
	fh_scratch_dir_of(fh_store_path(app->store), db, sizeof db);
	size_t n = strlen(db);
	if (strncmp(path, db, n) == 0 && path[n] == '/')
		fh_app_say(app, false, _("Written beside the database: %s"), path + n + 1);
	else
		fh_app_say(app, false, _("Written: %s"), path);
}

/* x: the report as .xlsx into the hub's reports folder (reports.dir). */
static int file(struct app *app, struct reports *r)
{
	fh_report_doc d;
	fh_error err;
	char dir[1024], path[1400], why[400];
	const char *hub = r->hub < r->nhubs ? r->hubs[r->hub].code : NULL;
	if (fh_report_build(app->store, &app->actor, r->kind, hub, r->year, r->kind == FH_REPORT_ANNUAL ? 0 : r->month,
			    &d, &err) != FH_OK) {
		fh_app_say(app, true, "%s", fh_error_text(&err, why, sizeof why));
		return FH_R_DONE;
	}
	if (fh_report_dir(app->store, d.hub_code, dir, sizeof dir, &err) != FH_OK)
		fh_app_say(app, true, _("Not written: %s"), fh_error_text(&err, why, sizeof why));
	else if (fh_report_xlsx_filed(&d, dir, path, sizeof path, why, sizeof why) == 0)
		said_where(app, path);
	else
		fh_app_say(app, true, _("Not written: %s"), why);
	fh_report_doc_free(&d);
	return FH_R_DONE;
}

static int close_yes(struct app *app, struct view *under, int arg)
{
	(void)arg;
	struct reports *r = under->priv;
	fh_error err;
	char why[400];
	if (fh_report_close(app->store, &app->actor, r->year, r->month, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, why, sizeof why));
	else
		fh_app_say(app, false, _("%04d-%02d is closed: its reports keep these figures."), r->year, r->month);
	return FH_R_RELOAD;
}

/* c: close the month shown, after asking. */
static int ask_close(struct app *app, struct reports *r)
{
	if (r->kind == FH_REPORT_ANNUAL) {
		fh_app_say(app, true, "%s", _("c closes a month: choose the monthly or Party-building report (r)."));
		return FH_R_DONE;
	}
	struct fh_confirm c = { .yes = close_yes };
	snprintf(c.title, sizeof c.title, _("Close %04d-%02d?"), r->year, r->month);
	snprintf(
		c.text, sizeof c.text, "%s",
		_("Every hub's monthly and Party-building figures of the month are kept as they are now; its reports read them from then on, whatever is edited later. Only an administrator can reopen it, with a reason."));
	fh_view_push(app, &fh_confirm_view, &c);
	return FH_R_DONE;
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct reports *r = v->priv;
	int last = r->n - r->page > 0 ? r->n - r->page : 0;
	switch (action) {
	case OP_KIND:
		r->kind = (fh_report_kind)((r->kind + 1) % FH_REPORT_KIND_COUNT);
		r->top = r->left = 0;
		reload(app, v);
		return FH_R_DONE;
	case OP_HUB_BACK:
	case OP_HUB_ON:
		if (r->nhubs < 2) {
			fh_app_say(app, true, "%s", _("Your hubs are one: there is no other to choose."));
			return FH_R_DONE;
		}
		r->hub = (r->hub + (action == OP_HUB_ON ? 1 : r->nhubs - 1)) % r->nhubs;
		r->top = r->left = 0;
		reload(app, v);
		return FH_R_DONE;
	case OP_FILE: return file(app, r);
	case OP_CLOSE: return ask_close(app, r);
	case OP_MONTH_BACK:
	case OP_MONTH_ON: {
		int step = r->kind == FH_REPORT_ANNUAL ? 12 : 1;
		int m = r->year * 12 + r->month - 1 + (action == OP_MONTH_ON ? step : -step);
		char d[16];
		fh_clock_format_date(fh_clock_now(), d, sizeof d);
		if (m > atoi(d) * 12 + atoi(d + 5) - 1 || m < 2000 * 12) {
			fh_app_say(app, true, "%s", _("There is no report of a period not begun."));
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
	{ 'r', false, OP_KIND, 0, "r", true, N_("report"), N_("The next report: monthly, Party-building, annual") },
	{ '[', false, OP_MONTH_BACK, 0, "[", true, N_("back"), N_("The report of the period before") },
	{ ']', false, OP_MONTH_ON, 0, "]", true, N_("on"), N_("The report of the period after") },
	{ '<', false, OP_HUB_BACK, 0, "<", false, NULL, N_("The report of the hub before") },
	{ '>', false, OP_HUB_ON, 0, ">", true, N_("hub"), N_("The report of the next hub of yours") },
	{ 'x', false, OP_FILE, 0, "x", true, N_("file .xlsx"),
	  N_("Write it as .xlsx into the server's reports folder") },
	{ 'c', false, OP_CLOSE, 0, "c", true, N_("close month"), N_("Close the month: its figures kept (asks first)") },
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
