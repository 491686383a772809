/* fuhua tui — the Party screen's Board tab: every tenant in incubation with
 * both tracks side by side (milestones done of all, and a mark for what is
 * late), paged in pinyin order. Enter opens the tenant, e its party record. */
#include <stdlib.h>

#include "fuhua/party.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "list.h"
#include "party.h"

enum { OP_EDIT = FH_ACT_LOCAL };

struct board_row {
	fh_tenant_row t;
	fh_tracks tr;
};

struct board_tab {
	struct fh_list_tab base; /* its shared state: struct fh_pa_shared */
	bool started;
};

/* Both tracks side by side: done of all, and the marks of what is late. */
static void draw_board(struct app *app, void *ctx, const void *row, int y, int x, int cols, attr_t a)
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
	fh_draw_text(y, bx + 26, party, 7, false, r->tr.party_late || r->tr.sync_late ? fh_attr(app, FH_C_BAD) | a : a);
	snprintf(form, sizeof form, "%s%s",
		 r->t.party_fallback ? _("fallback") : fh_party_org_label(r->t.party_org, zh),
		 r->t.instructor ? "·" : "");
	fh_draw_text(y, bx + 34, form, cols - name_w - 34, true, a);
}

static void board_filter(fh_tenant_filter *f)
{
	fh_tenant_filter_init(f);
	f->stage = FH_STAGE_INCUBATING;
}

static fh_status board_page(struct app *app, void *ctx, const void *from, bool back, void *out, size_t max, size_t *n,
			    fh_error *err)
{
	(void)ctx;
	fh_tenant_filter f;
	struct board_row *rows = out;
	fh_tenant_row *t = malloc((max ? max : 1) * sizeof *t);
	if (!t)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	board_filter(&f);
	fh_status st = fh_tenant_page(app->store, &app->actor, &f, from ? &((const struct board_row *)from)->t : NULL,
				      back, t, max, n, err);
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

static const struct fh_list_source board_source = { sizeof(struct board_row), board_page, board_count, draw_board,
						    NULL };

/* A reload keeps the page the operator was on. */
static void reload(struct app *app, struct view *v)
{
	struct board_tab *t = v->priv;
	if (t->started)
		fh_list_reload(app, &t->base.list, fh_app_body().rows);
	else
		fh_list_first(app, &t->base.list, fh_app_body().rows);
	t->started = true;
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	return fh_list_tab_open(app, v, arg, &board_source);
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct board_tab *t = v->priv;
	int cols = a.cols, y = a.y;
	if (!t->base.list.error[0] && a.rows > 2) {
		int nw = cols > 70 ? cols - 52 : cols / 3;
		/* TRANSLATORS: the board's column headings, 16 columns at most */
		fh_draw_text(y, nw, P_("board", "org track"), 16, false, fh_attr(app, FH_C_DIM));
		fh_draw_text(y, nw + 17, P_("board", "party track"), 16, false, fh_attr(app, FH_C_DIM));
		/* TRANSLATORS: "·" after the form marks an instructor or liaison */
		fh_draw_text(y++, nw + 34, P_("board", "party org · instructor"), cols - nw - 34, true,
			     fh_attr(app, FH_C_DIM));
	}
	fh_list_draw_tab(app, &t->base.list, t->base.list.error, (struct rect){ y, a.x, a.rows - (y - a.y), cols });
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)arg, (void)in;
	struct board_tab *t = v->priv;
	const struct board_row *r = fh_list_selected(&t->base.list);
	if (action == FH_ACT_OPEN || action == OP_EDIT)
		return fh_pa_open_tenant(app, r ? r->t.id : 0, action == OP_EDIT);
	int rr = fh_pa_request(app, t->base.shared, action);
	return rr != FH_R_UNHANDLED ? rr : fh_list_request(app, &t->base.list, action);
}

static const struct fh_binding board_keys[] = {
	{ '\n', false, FH_ACT_OPEN, 0, "Enter", true, N_("open"),
	  N_("Open the tenant (the joint branch, the instructor's tenants)") },
	{ 'e', false, OP_EDIT, 0, "e", true, N_("party record"), N_("Edit the selected tenant's party record") },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap board_keymap = { N_("Board"), board_keys, &fh_pa_keymap };

const struct view_ops fh_pa_board_view = {
	.name = "party-board",
	.private_size = sizeof(struct board_tab),
	.keymap = &board_keymap,
	.open = open,
	.reload = reload,
	.draw = draw,
	.request = request,
	.position = fh_list_tab_position,
	.done = fh_list_tab_done,
};
