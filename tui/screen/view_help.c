/* fuhua tui — the help screen: the keys of the view it was opened over, then
 * the generic keys, grouped, from the same tables as the keys themselves;
 * paged like less. */
#include <stdio.h>
#include <string.h>

#include "../common/i18n.h"
#include "tui.h"
#include "../common/width.h"

#define LINES_MAX 160

struct help {
	const struct fh_keymap *of;
	char lines[LINES_MAX][256];
	bool heading[LINES_MAX];
	int n, top, page;
};

/* "↑ k" for every key of an action (and screen) in one group. */
static void keys_of(const struct fh_keymap *km, const struct fh_binding *first, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = 0;
	for (const struct fh_binding *b = first; b->action != FH_ACT_NONE; b++) {
		if (b->action != first->action || b->arg != first->arg)
			continue;
		char label[16];
		const char *l = b->label;
		if (!l && b->action == FH_ACT_SCREEN) {
			if (b->is_key)
				snprintf(label, sizeof label, "F%d", b->key - KEY_F0);
			else
				snprintf(label, sizeof label, "%c", b->key);
			l = label;
		}
		if (!l)
			continue;
		int n = snprintf(buf + used, size - used, "%s%s", used ? " " : "", l);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	(void)km;
}

static void add_group(struct help *h, const struct fh_keymap *km)
{
	if (h->n + 2 >= LINES_MAX)
		return;
	if (h->n)
		h->lines[h->n++][0] = 0;
	h->heading[h->n] = true;
	snprintf(h->lines[h->n++], sizeof h->lines[0], "%s", _(km->title));
	for (const struct fh_binding *b = km->keys; b->action != FH_ACT_NONE && h->n < LINES_MAX; b++) {
		bool seen = false;
		for (const struct fh_binding *p = km->keys; p != b; p++)
			seen |= p->action == b->action && p->arg == b->arg;
		if (seen)
			continue;
		char keys[64], padded[96];
		keys_of(km, b, keys, sizeof keys);
		if (!keys[0])
			continue;
		fh_str_pad(keys, 14, padded, sizeof padded); /* by display width: ↑ is one column */
		snprintf(h->lines[h->n++], sizeof h->lines[0], "  %s %s", padded, fh_binding_help(b));
	}
}

static void build(struct help *h)
{
	h->n = 0;
	memset(h->heading, 0, sizeof h->heading);
	for (const struct fh_keymap *km = h->of; km; km = km->next)
		add_group(h, km);
	add_group(h, &fh_generic_keymap);
}

static bool open(struct app *app, struct view *v, const void *arg)
{
	(void)app;
	struct help *h = v->priv;
	h->of = arg;
	h->page = 10;
	build(h);
	return true;
}

static void reload(struct app *app, struct view *v)
{
	(void)app;
	build(v->priv); /* the language may have changed */
}

static void draw(struct app *app, struct view *v, struct rect a)
{
	struct help *h = v->priv;
	fh_draw_text(a.y, a.x + 1, _("Keys (q or Esc closes this help)"), a.cols - 2, true, A_BOLD);
	h->page = a.rows - 2;
	if (h->page < 1)
		h->page = 1;
	if (h->top > h->n - h->page)
		h->top = h->n - h->page > 0 ? h->n - h->page : 0;
	for (int i = 0; i < h->page && h->top + i < h->n; i++) {
		int l = h->top + i;
		fh_draw_text(a.y + 1 + i, a.x + 1, h->lines[l], a.cols - 2, false,
			     h->heading[l] ? fh_attr(app, FH_C_GOOD) | A_BOLD : A_NORMAL);
	}
	char more[160];
	if (h->top + h->page < h->n)
		snprintf(more, sizeof more, _("— more below (%d/%d): Space or PgDn for more, g top, G end —"),
			 h->top + h->page, h->n);
	else
		snprintf(more, sizeof more, "%s", _("— end —"));
	fh_draw_text(a.y + a.rows - 1, a.x + 1, more, a.cols - 2, false, fh_attr(app, FH_C_DIM));
}

static int request(struct app *app, struct view *v, int action, int arg, const struct fh_input *in)
{
	(void)app, (void)arg, (void)in;
	struct help *h = v->priv;
	int last = h->n - h->page > 0 ? h->n - h->page : 0;
	switch (action) {
	case FH_ACT_MOVE_DOWN: h->top++; break;
	case FH_ACT_MOVE_UP: h->top--; break;
	case FH_ACT_PAGE_DOWN: h->top += h->page; break;
	case FH_ACT_PAGE_UP: h->top -= h->page; break;
	case FH_ACT_MOVE_FIRST: h->top = 0; break;
	case FH_ACT_MOVE_LAST: h->top = last; break;
	case FH_ACT_HELP: return FH_R_POP;
	default: return FH_R_UNHANDLED;
	}
	h->top = h->top > last ? last : h->top < 0 ? 0 : h->top;
	return FH_R_DONE;
}

static const struct fh_binding help_keys[] = {
	{ ' ', false, FH_ACT_PAGE_DOWN, 0, "Space", true, N_("more"), NULL },
	{ KEY_NPAGE, true, FH_ACT_PAGE_DOWN, 0, "PgDn", false, NULL, NULL },
	{ CTRL('f'), false, FH_ACT_PAGE_DOWN, 0, "^F", false, NULL, NULL },
	{ KEY_PPAGE, true, FH_ACT_PAGE_UP, 0, "PgUp", true, NULL, NULL },
	{ 'b', false, FH_ACT_PAGE_UP, 0, "b", false, NULL, NULL },
	{ CTRL('b'), false, FH_ACT_PAGE_UP, 0, "^B", false, NULL, NULL },
	{ KEY_DOWN, true, FH_ACT_MOVE_DOWN, 0, "↓", false, NULL, NULL },
	{ 'j', false, FH_ACT_MOVE_DOWN, 0, "j", false, NULL, NULL },
	{ '\n', false, FH_ACT_MOVE_DOWN, 0, "Enter", false, NULL, NULL },
	{ KEY_UP, true, FH_ACT_MOVE_UP, 0, "↑", false, NULL, NULL },
	{ 'k', false, FH_ACT_MOVE_UP, 0, "k", false, NULL, NULL },
	{ 'g', false, FH_ACT_MOVE_FIRST, 0, "g", true, N_("top"), NULL },
	{ KEY_HOME, true, FH_ACT_MOVE_FIRST, 0, "Home", false, NULL, NULL },
	{ 'G', false, FH_ACT_MOVE_LAST, 0, "G", true, N_("end"), NULL },
	{ KEY_END, true, FH_ACT_MOVE_LAST, 0, "End", false, NULL, NULL },
	{ 'q', false, FH_ACT_BACK, 0, "q", true, N_("close"), NULL },
	{ .action = FH_ACT_NONE },
};

static const struct fh_keymap help_keymap = { N_("Help"), help_keys, NULL };

const struct view_ops fh_help_view = {
	.name = "help",
	.private_size = sizeof(struct help),
	.keymap = &help_keymap,
	.open = open,
	.reload = reload,
	.draw = draw,
	.request = request,
};
