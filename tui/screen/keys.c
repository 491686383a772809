/* fuhua tui — the shared actions, the generic, list, form and dialog keymaps,
 * and the lookup; the help screen and the hint line read the same tables. */
#include <stdio.h>
#include <string.h>

#include "../common/i18n.h"
#include "tui.h"
#include "../common/width.h"


/* clang-format off */
static const char *const action_hint[FH_ACT_COUNT] = {
	[FH_ACT_NONE] = "",
#define FH_ACT_HINT(id, hint, help) [FH_ACT_##id] = hint,
	FH_ACTIONS(FH_ACT_HINT)
#undef FH_ACT_HINT
};
/* clang-format on */

/* clang-format off */
static const char *const action_help[FH_ACT_COUNT] = {
	[FH_ACT_NONE] = "",
#define FH_ACT_HELP(id, hint, help) [FH_ACT_##id] = help,
	FH_ACTIONS(FH_ACT_HELP)
#undef FH_ACT_HELP
};
/* clang-format on */

const char *fh_action_hint(int a)
{
	return a > 0 && a < FH_ACT_COUNT ? fh_tr(action_hint[a]) : "";
}

const char *fh_action_help(int a)
{
	return a > 0 && a < FH_ACT_COUNT ? _(action_help[a]) : "";
}

const char *fh_binding_hint(const struct fh_binding *b)
{
	return b->hint_word ? fh_tr(b->hint_word) : fh_action_hint(b->action);
}

const char *fh_binding_help(const struct fh_binding *b)
{
	return b->help ? fh_tr(b->help) : fh_action_help(b->action);
}

/* The screens' keys come from the screen table: F1… and 1…. */
/* clang-format off */
#define K(key, act, label, hint) { key, true, FH_ACT_##act, 0, label, hint, NULL, NULL }
#define C(ch, act, label, hint) { ch, false, FH_ACT_##act, 0, label, hint, NULL, NULL }
#define FH_SCREEN_KEYS(id, name, title)                                               \
	{ KEY_F(FH_SCREEN_##id + 1), true, FH_ACT_SCREEN, FH_SCREEN_##id, NULL, false, NULL, title }, \
	{ '1' + FH_SCREEN_##id, false, FH_ACT_SCREEN, FH_SCREEN_##id, NULL, false, NULL, title },

static const struct fh_binding generic_keys[] = {
	FH_SCREENS(FH_SCREEN_KEYS)
	C('?', HELP, "?", true),
	C(CTRL('g'), HELP, "^G", true),
	C('q', BACK, "q", false),
	C(27, BACK, "Esc", false),
	C('L', LOCK, "L", true),
	C(CTRL('k'), LOCK, "^K", true),
	C('U', SWITCH_OPERATOR, "U", true),
	C(CTRL('o'), SWITCH_OPERATOR, "^O", true),
	C('Q', QUIT, "Q", true),
	C(CTRL('x'), QUIT, "^X", true),
	C(CTRL('c'), QUIT, "^C", false),
	C('X', LOGOUT, "X", false),
	C('T', LANGUAGE, "T", false),
	C(CTRL('l'), REDRAW, "^L", false),
	C(CTRL('r'), REDRAW, "^R", false),
	{ .action = FH_ACT_NONE },
};
/* clang-format on */

const struct fh_keymap fh_generic_keymap = { N_("Every screen"), generic_keys, NULL };

static const struct fh_binding list_keys[] = {
	K(KEY_UP, MOVE_UP, "↑", false),         C('k', MOVE_UP, "k", false),
	K(KEY_DOWN, MOVE_DOWN, "↓", false),     C('j', MOVE_DOWN, "j", false),
	K(KEY_NPAGE, PAGE_DOWN, "PgDn", false), C(CTRL('f'), PAGE_DOWN, "^F", false),
	C(' ', PAGE_DOWN, "Space", false),      K(KEY_PPAGE, PAGE_UP, "PgUp", false),
	C(CTRL('b'), PAGE_UP, "^B", false),     K(KEY_HOME, MOVE_FIRST, "Home", false),
	C('g', MOVE_FIRST, "g", false),         K(KEY_END, MOVE_LAST, "End", false),
	C('G', MOVE_LAST, "G", false),          { .action = FH_ACT_NONE },
};

const struct fh_keymap fh_scroll_keymap = { N_("Moving"), list_keys, NULL };

static const struct fh_binding open_keys[] = {
	C('\n', OPEN, "Enter", true),
	C('\r', OPEN, NULL, false),
	K(KEY_ENTER, OPEN, NULL, false),
	{ .action = FH_ACT_NONE },
};

const struct fh_keymap fh_list_keymap = { N_("Lists"), open_keys, &fh_scroll_keymap };

static const struct fh_binding form_keys[] = {
	C('\t', FORM_NEXT, "Tab", true),          K(KEY_DOWN, FORM_NEXT, "↓", false),
	C('\n', FORM_NEXT, "Enter", false),       C('\r', FORM_NEXT, NULL, false),
	K(KEY_ENTER, FORM_NEXT, NULL, false),     K(KEY_BTAB, FORM_PREV, "S-Tab", false),
	K(KEY_UP, FORM_PREV, "↑", false),         K(KEY_RIGHT, FORM_CHOOSE_NEXT, "→", true),
	C(' ', FORM_CHOOSE_NEXT, "Space", false), K(KEY_LEFT, FORM_CHOOSE_PREV, "←", false),
	K(KEY_F(2), FORM_SAVE, "F2", true),       C(CTRL('s'), FORM_SAVE, NULL, false),
	C(27, FORM_CANCEL, "Esc", true),          { .action = FH_ACT_NONE },
};

const struct fh_keymap fh_form_keymap = { N_("Forms"), form_keys, NULL };

static const struct fh_binding dialog_keys[] = {
	C('\n', CONFIRM, "Enter", true), C('\r', CONFIRM, NULL, false), K(KEY_ENTER, CONFIRM, NULL, false),
	C('y', CONFIRM, "y", false),     C(27, CANCEL, "Esc", true),    C('n', CANCEL, "n", false),
	C('q', CANCEL, NULL, false),     { .action = FH_ACT_NONE },
};

const struct fh_keymap fh_dialog_keymap = { N_("Dialogs"), dialog_keys, NULL };

bool fh_input_is_text(const struct fh_input *in)
{
	wint_t c = in->ch;
	return in->kind == FH_IN_CHAR && c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0);
}

bool fh_binding_is_text(const struct fh_binding *b)
{
	struct fh_input in = { b->is_key ? FH_IN_KEY : FH_IN_CHAR, (wint_t)b->key };
	return fh_input_is_text(&in);
}

static bool matches(const struct fh_binding *b, const struct fh_input *in)
{
	bool is_key = in->kind == FH_IN_KEY;
	return (in->kind == FH_IN_KEY || in->kind == FH_IN_CHAR) && b->is_key == is_key && (wint_t)b->key == in->ch;
}

const struct fh_binding *fh_keymap_find(const struct fh_keymap *km, const struct fh_input *in, bool typing)
{
	if (typing && fh_input_is_text(in))
		return NULL;
	for (; km; km = km->next)
		for (const struct fh_binding *b = km->keys; b->action != FH_ACT_NONE; b++)
			if (matches(b, in))
				return b;
	return NULL;
}

/* Whether a binding of the chain is shadowed by an earlier one of its key
 * (a tab's Enter before the list's): it never answers, so it is no hint. */
static bool shadowed(const struct fh_keymap *head, const struct fh_binding *b)
{
	for (const struct fh_keymap *km = head; km; km = km->next)
		for (const struct fh_binding *e = km->keys; e->action != FH_ACT_NONE; e++) {
			if (e == b)
				return false;
			if (e->key == b->key && e->is_key == b->is_key)
				return true;
		}
	return false;
}

/* Appends "KEY word" for each hinted binding usable now, once per action. */
static size_t hint_group(const struct fh_keymap *km, bool typing, char *buf, size_t size, size_t used, int *shown,
			 size_t *nshown)
{
	const struct fh_keymap *head = km;
	for (; km; km = km->next)
		for (const struct fh_binding *b = km->keys; b->action != FH_ACT_NONE; b++) {
			if (!b->hint || !b->label || (typing && fh_binding_is_text(b)) || shadowed(head, b))
				continue;
			bool seen = false;
			for (size_t i = 0; i < *nshown; i++)
				seen |= shown[i] == b->action;
			if (seen || *nshown >= 64)
				continue;
			shown[(*nshown)++] = b->action;
			int n = snprintf(buf + used, size - used, "%s%s %s", used ? "  " : "", b->label,
					 fh_binding_hint(b));
			if (n < 0 || (size_t)n >= size - used)
				return used;
			used += (size_t)n;
		}
	return used;
}

const char *fh_keymap_hint(const struct fh_keymap *km, bool typing, char *buf, size_t size)
{
	int shown[64];
	size_t nshown = 0, used = 0;
	buf[0] = 0;
	hint_group(km, typing, buf, size, used, shown, &nshown);
	return buf;
}
