/* fuhua tui — the Party screen (F3): coverage per hub beside the published
 * rates, and the lists to act on — uncovered tenants, "should form a
 * branch", sync gaps by age, re-elections, instructors and the dual-track
 * board. Enter opens the tenant; e edits its party record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "confirm.h"
#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "party.h"
#include "tenants.h"
#include "tui.h"
#include "../common/width.h"

#define LIST_MAX 500

enum { OP_NEXT_LIST = FH_ACT_LOCAL, OP_PREV_LIST, OP_EDIT, OP_ALL_STAGES, OP_NEW_BRANCH, OP_DONE };
enum { L_UNCOVERED, L_SHOULD, L_GAPS, L_REELECT, L_INSTRUCTORS, L_BOARD, L_COUNT };

static const char *const list_titles[L_COUNT] = {
	N_("Uncovered"), N_("Should branch"), N_("Sync gaps"), N_("Re-elections"),
	N_("Instructors"), N_("Board"),
};

struct board_row {
	fh_tenant_row t;
	fh_tracks tr;
};

struct pscreen {
	fh_coverage *cov;
	size_t ncov;
	fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
	size_t nrefs;
	bool all_stages;
	int list;
	struct fh_list lists[L_COUNT];
	bool loaded[L_COUNT], more[L_COUNT];
	bool board_started;
	char error[600];
};

static void draw_party_row(struct app *app, void *ctx, const void *row, int y, int x, int cols,
			   attr_t a)
{
	struct pscreen *p = ctx;
	const fh_party_row *r = row;
	bool zh = fh_i18n_is_zh();
	char line[600], what[200] = "";
	fh_sync_kind k;
	switch (p->list) {
	case L_GAPS:
		snprintf(what, sizeof what, _("%s, %d days late"),
			 fh_sync_kind_parse(r->what, &k) ? fh_sync_kind_label(k, zh) : r->what, r->days);
		break;
	case L_REELECT: {
		char d[11];
		fh_clock_format_date(r->date, d, sizeof d);
		snprintf(what, sizeof what, r->days >= 0 ? _("term ended %s") : _("term ends %s"), d);
		break;
	}
	case L_UNCOVERED:
		snprintf(what, sizeof what, "%s", r->fallback ? _("fallback without an instructor")
							  : _("no organisation, no fallback"));
		break;
	default:
		snprintf(what, sizeof what, _("%d full members, %s"), r->full, fh_party_org_label(r->form, zh));
	}
	int name_w = cols > 60 ? cols - 44 : cols / 2;
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, r->name, name_w - 2, true, a);
	snprintf(line, sizeof line, "%-9s %s", r->hub_code, what);
	fh_draw_text(y, x + name_w, line, cols - name_w, true, a);
	(void)app;
}

static void draw_instructor(struct app *app, void *ctx, const void *row, int y, int x, int cols,
			    attr_t a)
{
	(void)app, (void)ctx;
	const fh_instructor *r = row;
	char line[400];
	snprintf(line, sizeof line, _("%-9s %s (%s): %d tenants"), r->hub_code, r->name,
		 r->employer[0] ? r->employer : "–", r->tenants);
	fh_draw_text(y, x + 1, line, cols - 1, true, a);
}

/* Both tracks side by side: done of all, and the marks of what is late. */
static void draw_board(struct app *app, void *ctx, const void *row, int y, int x, int cols,
		       attr_t a)
{
	(void)ctx;
	const struct board_row *r = row;
	bool zh = fh_i18n_is_zh();
	int name_w = cols > 70 ? cols - 52 : cols / 3;
	char org[64], party[64], form[96];
	fh_draw_text(y, x, "", cols, true, a);
	fh_draw_text(y, x + 1, r->t.name, name_w - 2, true, a);
	snprintf(org, sizeof org, "%2d/%-2d%s", r->tr.org_done, r->tr.org_total, r->tr.org_late ? "!" : " ");
	snprintf(party, sizeof party, "%2d/%-2d%s", r->tr.party_done, r->tr.party_total,
		 r->tr.party_late || r->tr.sync_late ? "!" : " ");
	int bx = x + name_w;
	fh_draw_bar(app, y, bx, 8, r->tr.org_done, r->tr.org_total ? r->tr.org_total : 1, true);
	fh_draw_text(y, bx + 9, org, 7, false, r->tr.org_late ? fh_attr(app, FH_C_BAD) | a : a);
	fh_draw_bar(app, y, bx + 17, 8, r->tr.party_done, r->tr.party_total ? r->tr.party_total : 1, true);
	fh_draw_text(y, bx + 26, party, 7,
		     false, r->tr.party_late || r->tr.sync_late ? fh_attr(app, FH_C_BAD) | a : a);
	snprintf(form, sizeof form, "%s%s", r->t.party_fallback ? _("fallback") : fh_party_org_label(r->t.party_org, zh),
		 r->t.instructor ? "·" : "");
	fh_draw_text(y, bx + 34, form, cols - name_w - 34, true, a);
}

static const struct fh_list_source party_source = { sizeof(fh_party_row), NULL, NULL, draw_party_row };
static const struct fh_list_source instructor_source = { sizeof(fh_instructor), NULL, NULL, draw_instructor };
/* The board pages through every tenant in incubation (the tenant list's
 * keyset pages, in pinyin order), each row with both tracks. */
static void board_filter(fh_tenant_filter *f)
{
	fh_tenant_filter_init(f);
	f->stage = FH_STAGE_INCUBATING;
}

static fh_status board_page(struct app *app, void *ctx, const void *from, bool back, void *out,
			    size_t max, size_t *n, fh_error *err)
{
	(void)ctx;
	fh_tenant_filter f;
	struct board_row *rows = out;
	fh_tenant_row *t = malloc((max ? max : 1) * sizeof *t);
	if (!t)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	board_filter(&f);
	fh_status st = fh_tenant_page(app->store, &app->actor, &f,
				      from ? &((const struct board_row *)from)->t : NULL, back, t, max, n, err);
	int64_t *ids = st == FH_OK ? malloc((*n ? *n : 1) * sizeof *ids) : NULL;
	fh_tracks *tracks = ids ? malloc((*n ? *n : 1) * sizeof *tracks) : NULL;
	if (st == FH_OK && !tracks)
		st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	for (size_t i = 0; st == FH_OK && i < *n; i++)
		ids[i] = t[i].id;
	if (st == FH_OK)
		st = fh_party_tracks(app->store, ids, *n, tracks, err);
	for (size_t i = 0; st == FH_OK && i < *n; i++) {
		rows[i].t = t[i];
		rows[i].tr = tracks[i];
	}
	free(ids);
	free(tracks);
	free(t);
	return st;
}

static fh_status board_count(struct app *app, void *ctx, int cap, int *c, bool *more, fh_error *err)
{
	(void)ctx;
	fh_tenant_filter f;
	board_filter(&f);
	return fh_tenant_count(app->store, &app->actor, &f, cap, c, more, err);
}

static const struct fh_list_source board_source = { sizeof(struct board_row), board_page, board_count,
						    draw_board };

static int board_height(void)
{
	return fh_app_body().rows;
}

static void load_list(struct app *app, struct pscreen *p, int which)
{
	fh_error err;
	fh_status st;
	if (which == L_BOARD) {
		/* a reload keeps the page the operator was on */
		if (p->board_started)
			fh_list_reload(app, &p->lists[L_BOARD], board_height());
		else
			fh_list_first(app, &p->lists[L_BOARD], board_height());
		p->board_started = p->loaded[L_BOARD] = true;
		if (p->lists[L_BOARD].error[0])
			snprintf(p->error, sizeof p->error, "%s", p->lists[L_BOARD].error);
		return;
	} else if (which == L_INSTRUCTORS) {
		fh_instructor *rows;
		size_t n;
		if ((st = fh_party_instructors(app->store, &app->actor, 0, &rows, &n, &err)) == FH_OK) {
			fh_list_set(&p->lists[which], rows, n);
			free(rows);
		}
	} else {
		fh_party_row *rows;
		size_t n;
		if ((st = fh_party_list(app->store, &app->actor, 0, (fh_party_list_kind)which, LIST_MAX,
					&rows, &n, &p->more[which], &err)) == FH_OK) {
			fh_list_set(&p->lists[which], rows, n);
			free(rows);
		}
	}
	if (st != FH_OK)
		fh_error_text(&err, p->error, sizeof p->error);
	p->lists[which].count_more = p->more[which];
	p->loaded[which] = st == FH_OK;
}

static void reload(struct app *app, struct view *v)
{
	struct pscreen *p = v->priv;
	fh_error err;
	p->error[0] = 0;
	free(p->cov);
	p->cov = NULL;
	p->ncov = 0;
	if (fh_party_coverage(app->store, &app->actor, 0, p->all_stages, &p->cov, &p->ncov, &err) != FH_OK)
		fh_error_text(&err, p->error, sizeof p->error);
	if (fh_party_references(app->store, app->actor.hub_id, p->refs, FH_COVERAGE_REFS_MAX, &p->nrefs, &err) != FH_OK)
		fh_error_text(&err, p->error, sizeof p->error);
	for (int i = 0; i < L_COUNT; i++)
		p->loaded[i] = false;
	load_list(app, p, p->list);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)arg;
	struct pscreen *p = v->priv;
	fh_list_init(&p->lists[L_UNCOVERED], &party_source, p);
	fh_list_init(&p->lists[L_SHOULD], &party_source, p);
	fh_list_init(&p->lists[L_GAPS], &party_source, p);
	fh_list_init(&p->lists[L_REELECT], &party_source, p);
	fh_list_init(&p->lists[L_INSTRUCTORS], &instructor_source, p);
	fh_list_init(&p->lists[L_BOARD], &board_source, p);
	reload(app, v);
	return true;
}

/* One hub's gauges: organisation and work coverage with the counts. */
static void draw_gauge(struct app *app, const fh_coverage *c, int y, int cols)
{
	char line[300], org[64], work[64];
	int name_w = cols > 90 ? 30 : cols / 3, bar = (cols - name_w - 40) / 2;
	snprintf(line, sizeof line, "%*s%s", c->depth * 2, "", c->name);
	fh_draw_text(y, 1, line, name_w - 1, true, A_NORMAL);
	snprintf(org, sizeof org, "%5.1f%% %d/%d", fh_coverage_rate(c->org, c->counted), c->org, c->counted);
	snprintf(work, sizeof work, "%5.1f%% %d/%d", fh_coverage_rate(c->work, c->counted), c->work, c->counted);
	int x = name_w;
	if (bar > 3)
		fh_draw_bar(app, y, x, bar, c->org, c->counted ? c->counted : 1, true);
	fh_draw_text(y, x + (bar > 3 ? bar + 1 : 0), org, 19, false, A_NORMAL);
	x += (bar > 3 ? bar + 1 : 0) + 20;
	if (bar > 3)
		fh_draw_bar(app, y, x, bar, c->work, c->counted ? c->counted : 1, true);
	fh_draw_text(y, x + (bar > 3 ? bar + 1 : 0), work, 19, false, A_NORMAL);
}

/* The coverage part: a gauge per hub (as many as a third of the screen
 * holds) and the published rates. Returns the next free line. */
static int draw_coverage(struct app *app, struct pscreen *p, int y, int rows, int cols)
{
	char line[600];
	snprintf(line, sizeof line, p->all_stages ? _("Party coverage · every tenant in the hubs")
						 : _("Party coverage · tenants in incubation"));
	fh_draw_text(y, 1, line, cols - 2, false, A_BOLD);
	int name_w = cols > 90 ? 30 : cols / 3, bar = (cols - name_w - 40) / 2;
	fh_draw_text(y + 1, name_w, _("organisation"), bar + 20, false, fh_attr(app, FH_C_DIM));
	fh_draw_text(y + 1, name_w + (bar > 3 ? bar + 1 : 0) + 20, _("work"), bar + 20, false,
		     fh_attr(app, FH_C_DIM));
	int gauges = (int)p->ncov, room = rows / 3;
	if (gauges > room)
		gauges = room > 1 ? room : 1;
	for (int i = 0; i < gauges; i++)
		draw_gauge(app, &p->cov[i], y + 2 + i, cols);
	y += 2 + gauges;
	if (p->ncov > (size_t)gauges) {
		snprintf(line, sizeof line, _("… %zu more hubs: fuhua report coverage"), p->ncov - (size_t)gauges);
		fh_draw_text(y++, 2, line, cols - 3, false, fh_attr(app, FH_C_DIM));
	}
	size_t used = 0;
	line[0] = 0;
	for (size_t i = 0; i < p->nrefs && used < sizeof line; i++)
		used += (size_t)(p->refs[i].work >= 0
			? snprintf(line + used, sizeof line - used, _("%s %.1f%% (work %.1f%%)  "), p->refs[i].name,
				   p->refs[i].org, p->refs[i].work)
			: snprintf(line + used, sizeof line - used, "%s %.1f%%  ", p->refs[i].name, p->refs[i].org));
	if (p->nrefs) {
		char refs[700];
		snprintf(refs, sizeof refs, _("Published: %s"), line);
		fh_draw_text(y++, 1, refs, cols - 2, true, fh_attr(app, FH_C_DIM));
	}
	return y + 1;
}

/* The list tabs with the current list's position. */
static void draw_list_tabs(struct app *app, struct pscreen *p, int y, int cols)
{
	char line[200], pos[32];
	int x = 1;
	attr_t bar_a = fh_attr(app, FH_C_BAR);
	fh_draw_text(y, 0, "", cols, true, bar_a);
	for (int i = 0; i < L_COUNT && x < cols; i++) {
		snprintf(line, sizeof line, " %s ", _(list_titles[i]));
		int w = fh_str_width(line);
		fh_draw_text(y, x, line, cols - x, false, i == p->list ? fh_attr(app, FH_C_SELECT) : bar_a);
		x += w + 1;
	}
	fh_list_position(&p->lists[p->list], pos, sizeof pos);
	if (x + fh_str_width(pos) + 2 < cols)
		fh_draw_text(y, cols - fh_str_width(pos) - 1, pos, fh_str_width(pos), false, bar_a);
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct pscreen *p = v->priv;
	int cols = a.cols, y = draw_coverage(app, p, a.y, a.rows, cols);
	struct fh_list *l = &p->lists[p->list];
	draw_list_tabs(app, p, y++, cols);
	if (p->error[0]) {
		fh_draw_wrapped(y, 1, p->error, cols - 2, 3, fh_attr(app, FH_C_BAD));
		return;
	}
	if (p->list == L_BOARD && a.y + a.rows - y > 2) {
		int nw = cols > 70 ? cols - 52 : cols / 3;
		/* TRANSLATORS: the board's column headings, 16 columns at most */
		fh_draw_text(y, nw, P_("board", "org track"), 16, false, fh_attr(app, FH_C_DIM));
		fh_draw_text(y, nw + 17, P_("board", "party track"), 16, false, fh_attr(app, FH_C_DIM));
		/* TRANSLATORS: "·" after the form marks an instructor or liaison */
		fh_draw_text(y++, nw + 34, P_("board", "party org · instructor"), cols - nw - 34, true,
			     fh_attr(app, FH_C_DIM));
	}
	fh_list_draw(app, l, (struct rect){ y, 0, a.y + a.rows - y, cols }, true);
	if (l->nrows == 0)
		fh_draw_text(y, 2, _("Nothing to act on here."), cols - 3, false, fh_attr(app, FH_C_DIM));
}

/* The tenant of the selected line, 0 for none (an instructor, a joint branch). */
static int64_t selected_tenant(struct pscreen *p)
{
	const void *row = fh_list_selected(&p->lists[p->list]);
	if (!row || p->list == L_INSTRUCTORS)
		return 0;
	if (p->list == L_BOARD)
		return ((const struct board_row *)row)->t.id;
	return ((const fh_party_row *)row)->tenant_id;
}

static int done_yes(struct app *app, struct view *under, int item)
{
	(void)under;
	fh_error err;
	char buf[600];
	if (fh_party_sync_done(app->store, &app->actor, item, 0, &err) != FH_OK)
		fh_app_say(app, true, "%s", fh_error_text(&err, buf, sizeof buf));
	else
		fh_app_say(app, false, "%s", _("Marked done today."));
	return FH_R_RELOAD;
}

/* d on a sync gap: the check done today, after saying what it is. */
static void ask_done(struct app *app, struct pscreen *p)
{
	const fh_party_row *r = fh_list_selected(&p->lists[L_GAPS]);
	fh_sync_kind k;
	if (p->list != L_GAPS || !r) {
		fh_app_say(app, true, "%s", _("d marks a sync check done: on the Sync gaps list."));
		return;
	}
	if (r->item_id > INT32_MAX)
		return;
	struct fh_confirm c = { .yes = done_yes, .arg = (int)r->item_id };
	snprintf(c.title, sizeof c.title, _("Done: %s?"), r->name);
	snprintf(c.text, sizeof c.text, _("%s is marked done today (%d days late). The audit log keeps who did it."),
		 fh_sync_kind_parse(r->what, &k) ? fh_sync_kind_label(k, fh_i18n_is_zh()) : r->what, r->days);
	fh_view_push(app, &fh_confirm_view, &c);
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct pscreen *p = v->priv;
	switch (action) {
	case OP_NEXT_LIST:
	case OP_PREV_LIST:
		p->list = (p->list + (action == OP_NEXT_LIST ? 1 : L_COUNT - 1)) % L_COUNT;
		if (!p->loaded[p->list])
			load_list(app, p, p->list);
		return FH_R_DONE;
	case OP_ALL_STAGES:
		p->all_stages = !p->all_stages;
		return FH_R_RELOAD;
	case FH_ACT_OPEN:
	case OP_EDIT: {
		int64_t id = selected_tenant(p);
		const fh_party_row *r = fh_list_selected(&p->lists[p->list]);
		if (p->list == L_INSTRUCTORS && action == FH_ACT_OPEN) {
			const fh_instructor *person = fh_list_selected(&p->lists[L_INSTRUCTORS]);
			struct fh_instructor_arg who = { 0 };
			if (person) {
				who.id = person->id;
				memcpy(who.name, person->name, sizeof who.name);
				fh_view_push(app, &fh_instructed_view, &who);
			}
			return FH_R_DONE;
		}
		if (!id && p->list == L_REELECT && r) {
			fh_view_push(app, &fh_branch_form_view, &(struct fh_branch_arg){ r->item_id });
			return FH_R_DONE;
		}
		if (!id)
			return FH_R_DONE;
		if (action == OP_EDIT)
			fh_view_push(app, &fh_party_form_view, &(struct fh_tenant_arg){ id });
		else
			fh_view_push(app, &fh_tenant_page_view, &(struct fh_tenant_arg){ id });
		return FH_R_DONE;
	}
	case OP_DONE:
		ask_done(app, p);
		return FH_R_DONE;
	case OP_NEW_BRANCH:
		fh_view_push(app, &fh_branch_form_view, &(struct fh_branch_arg){ 0 });
		return FH_R_DONE;
	default:
		return fh_list_request(app, &p->lists[p->list], action);
	}
}

static void done(struct app *app, struct view *v)
{
	(void)app;
	struct pscreen *p = v->priv;
	for (int i = 0; i < L_COUNT; i++)
		fh_list_free(&p->lists[i]);
	free(p->cov);
}

static const struct fh_binding party_keys[] = {
	{ '\t', false, OP_NEXT_LIST, 0, "Tab", true, N_("next list"), N_("Next list: uncovered, should branch, sync gaps, re-elections, instructors, board") },
	{ KEY_BTAB, true, OP_PREV_LIST, 0, "S-Tab", false, N_("previous list"), N_("Previous list") },
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"), N_("Open the tenant (the joint branch, the instructor's tenants)") },
	{ 'e', false, OP_EDIT, 0, "e", true, N_("party record"), N_("Edit the selected tenant's party record") },
	{ 'a', false, OP_ALL_STAGES, 0, "a", true, N_("all / incubating"), N_("Coverage of every tenant or of those in incubation") },
	{ 'n', false, OP_NEW_BRANCH, 0, "n", true, N_("new joint branch"), N_("Found a joint branch in your hub") },
	{ 'd', false, OP_DONE, 0, "d", false, N_("done"), N_("On the Sync gaps list: the selected check done today (asks first)") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap party_keymap = { N_("Party"), party_keys, &fh_list_keymap };

const struct view_ops fh_party_view = {
	.name = "party",
	.private_size = sizeof(struct pscreen),
	.keymap = &party_keymap,
	.open = open,
	.reload = reload,
	.topics = FH_TOPIC(PARTY) | FH_TOPIC(HUB),
	.draw = draw,
	.request = request,
	.done = done,
};
