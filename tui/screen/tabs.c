/* fuhua tui — a screen of tabs, each tab a view of its own (tabs.h). */
#include "tabs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/i18n.h"
#include "../common/width.h"

static const struct fh_binding tab_keys[] = {
	{ '\t', false, FH_ACT_NEXT_TAB, 0, "Tab", true, NULL, NULL },
	{ KEY_BTAB, true, FH_ACT_PREV_TAB, 0, "S-Tab", false, NULL, NULL },
	{ .action = FH_ACT_NONE },
};

const struct fh_keymap fh_tabs_keymap = { N_("Tabs"), tab_keys, NULL };

static struct fh_tabs *state(const struct view *v)
{
	return v->priv;
}

static bool tab_open(struct app *app, struct fh_tabs *p, int i)
{
	struct view *t = &p->tab[i];
	if (t->ops)
		return true;
	const struct view_ops *ops = p->def->tabs[i].ops;
	t->ops = ops;
	if (ops->private_size && !(t->priv = calloc(1, ops->private_size))) {
		t->ops = NULL;
		fh_app_say(app, true, "%s", _("out of memory"));
		return false;
	}
	if (ops->open && !ops->open(app, t, p->shared)) {
		if (ops->done)
			ops->done(app, t);
		free(t->priv);
		memset(t, 0, sizeof *t);
		return false;
	}
	return true;
}

static void tab_close(struct app *app, struct view *t)
{
	if (!t->ops)
		return;
	if (t->ops->done)
		t->ops->done(app, t);
	free(t->priv);
	memset(t, 0, sizeof *t);
}

static void tab_reload(struct app *app, struct view *t)
{
	t->stale = false;
	if (t->ops && t->ops->reload)
		t->ops->reload(app, t);
}

static void reload_shared(struct app *app, struct fh_tabs *p)
{
	p->error[0] = 0;
	if (p->def->reload)
		p->def->reload(app, p->shared, p->error, sizeof p->error);
}

bool fh_tabs_open(struct app *app, struct view *v, const void *arg)
{
	(void)arg;
	struct fh_tabs *p = state(v);
	p->def = v->ops->tabs;
	if (p->def->shared_size && !(p->shared = calloc(1, p->def->shared_size))) {
		fh_app_say(app, true, "%s", _("out of memory"));
		return false;
	}
	reload_shared(app, p);
	for (int i = 0; i < p->def->ntabs; i++)
		if ((i == 0 || p->def->tabs[i].eager) && !tab_open(app, p, i))
			return false;
	return true;
}

void fh_tabs_reload(struct app *app, struct view *v)
{
	struct fh_tabs *p = state(v);
	reload_shared(app, p);
	for (int i = 0; i < p->def->ntabs; i++) {
		struct view *t = &p->tab[i];
		if (i == p->shown || p->def->tabs[i].eager)
			tab_reload(app, t);
		else
			t->stale = t->ops != NULL; /* read again when it is shown */
	}
}

void fh_tabs_show(struct app *app, struct view *v, int i)
{
	struct fh_tabs *p = state(v);
	if (i < 0 || i >= p->def->ntabs || !tab_open(app, p, i))
		return;
	p->shown = i;
	if (p->tab[i].stale)
		tab_reload(app, &p->tab[i]);
}

void fh_tabs_goto(struct app *app, enum fh_screen s, int tab)
{
	fh_app_goto(app, s);
	if ((unsigned)s < FH_SCREEN_COUNT && app->depth[s] == 1 && app->stack[s][0].ops->tabs)
		fh_tabs_show(app, &app->stack[s][0], tab);
}

int fh_tabs_heading_line(const char *line, struct rect a)
{
	fh_draw_text(a.y, 1, line, a.cols - 2, false, A_BOLD);
	return 1;
}

int fh_tabs_shown(const struct view *v)
{
	return state(v)->shown;
}

void fh_tabs_draw(struct app *app, struct view *v, struct rect a)
{
	struct fh_tabs *p = state(v);
	struct view *t = &p->tab[p->shown];
	char line[300], pos[32] = "";
	int top = a.y;
	if (p->def->heading)
		top += p->def->heading(app, p->shared, p->shown, a);
	attr_t bar = fh_attr(app, FH_C_BAR);
	fh_draw_text(top, 0, "", a.cols, true, bar);
	int x = 1;
	for (int i = 0; i < p->def->ntabs && x < a.cols; i++) {
		snprintf(line, sizeof line, " %s ", _(p->def->tabs[i].title));
		fh_draw_text(top, x, line, a.cols - x, false, i == p->shown ? fh_attr(app, FH_C_SELECT) : bar);
		x += fh_str_width(line) + 1;
	}
	if (t->ops && t->ops->position)
		t->ops->position(t, pos, sizeof pos);
	if (pos[0] && x + fh_str_width(pos) + 2 < a.cols)
		fh_draw_text(top, a.cols - fh_str_width(pos) - 1, pos, fh_str_width(pos), false, bar);
	top++;
	struct rect below = { top, a.x, a.rows - (top - a.y), a.cols };
	if (p->error[0]) {
		fh_draw_wrapped(below.y, 1, p->error, a.cols - 2, 4, fh_attr(app, FH_C_BAD));
		return;
	}
	if (t->ops && t->ops->draw)
		t->ops->draw(app, t, below);
}

int fh_tabs_request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	struct fh_tabs *p = state(v);
	int n = p->def->ntabs;
	if (action == FH_ACT_NEXT_TAB || action == FH_ACT_PREV_TAB) {
		fh_tabs_show(app, v, (p->shown + (action == FH_ACT_NEXT_TAB ? 1 : n - 1)) % n);
		return FH_R_DONE;
	}
	struct view *t = &p->tab[p->shown];
	int r = t->ops && t->ops->request ? t->ops->request(app, t, action, arg, in) : FH_R_UNHANDLED;
	if (r & 0x100) {
		fh_tabs_show(app, v, r >> 9);
		r &= 0xFF;
	}
	return r;
}

const struct fh_keymap *fh_tabs_keys(struct view *v)
{
	struct fh_tabs *p = state(v);
	struct view *t = &p->tab[p->shown];
	p->chain = fh_tabs_keymap;
	p->chain.title = p->def->title;
	p->chain.next = t->ops ? fh_view_keymap(t) : NULL;
	return &p->chain;
}

bool fh_tabs_typing(struct view *v)
{
	struct view *t = &state(v)->tab[state(v)->shown];
	return t->ops && t->ops->typing && t->ops->typing(t);
}

struct view *fh_tabs_focus(struct view *v)
{
	return &state(v)->tab[state(v)->shown];
}

void fh_tabs_done(struct app *app, struct view *v)
{
	struct fh_tabs *p = state(v);
	for (int i = 0; p->def && i < p->def->ntabs; i++)
		tab_close(app, &p->tab[i]);
	if (p->shared && p->def->done)
		p->def->done(p->shared);
	free(p->shared);
	p->shared = NULL;
}
