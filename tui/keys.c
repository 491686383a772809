/* fuhua tui — actions and the one key table; the help screen reads both. */
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "tui.h"

#define CTRL(c) ((c) & 0x1f)

static const char *const action_help[FH_ACT_COUNT] = {
	[FH_ACT_NONE] = "",
#define FH_ACT_HELP(id, help) [FH_ACT_##id] = help,
	FH_ACTIONS(FH_ACT_HELP)
#undef FH_ACT_HELP
};

const struct fh_keybinding fh_keys[] = {
	{ KEY_F(1), true, FH_ACT_SCREEN_DASHBOARD, "F1" },
	{ '1', false, FH_ACT_SCREEN_DASHBOARD, "1" },
	{ KEY_F(2), true, FH_ACT_SCREEN_TENANTS, "F2" },
	{ '2', false, FH_ACT_SCREEN_TENANTS, "2" },
	{ KEY_F(3), true, FH_ACT_SCREEN_PARTY, "F3" },
	{ '3', false, FH_ACT_SCREEN_PARTY, "3" },
	{ KEY_F(4), true, FH_ACT_SCREEN_SPACES, "F4" },
	{ '4', false, FH_ACT_SCREEN_SPACES, "4" },
	{ KEY_F(5), true, FH_ACT_SCREEN_MENTORING, "F5" },
	{ '5', false, FH_ACT_SCREEN_MENTORING, "5" },
	{ KEY_F(6), true, FH_ACT_SCREEN_REPORTS, "F6" },
	{ '6', false, FH_ACT_SCREEN_REPORTS, "6" },
	{ KEY_UP, true, FH_ACT_MOVE_UP, "↑" },
	{ 'k', false, FH_ACT_MOVE_UP, "k" },
	{ KEY_DOWN, true, FH_ACT_MOVE_DOWN, "↓" },
	{ 'j', false, FH_ACT_MOVE_DOWN, "j" },
	{ KEY_PPAGE, true, FH_ACT_PAGE_UP, "PgUp" },
	{ CTRL('b'), false, FH_ACT_PAGE_UP, "^B" },
	{ KEY_NPAGE, true, FH_ACT_PAGE_DOWN, "PgDn" },
	{ CTRL('f'), false, FH_ACT_PAGE_DOWN, "^F" },
	{ ' ', false, FH_ACT_PAGE_DOWN, "Space" },
	{ KEY_HOME, true, FH_ACT_MOVE_FIRST, "Home" },
	{ 'g', false, FH_ACT_MOVE_FIRST, "g" },
	{ KEY_END, true, FH_ACT_MOVE_LAST, "End" },
	{ 'G', false, FH_ACT_MOVE_LAST, "G" },
	{ '\t', false, FH_ACT_NEXT_PANE, "Tab" },
	{ '\n', false, FH_ACT_OPEN, "Enter" },
	{ '\r', false, FH_ACT_OPEN, NULL },
	{ KEY_ENTER, true, FH_ACT_OPEN, NULL },
	{ '/', false, FH_ACT_SEARCH, "/" },
	{ 'a', false, FH_ACT_NEW, "a" },
	{ 'e', false, FH_ACT_EDIT, "e" },
	{ 'm', false, FH_ACT_MOVE_STAGE, "m" },
	{ 'x', false, FH_ACT_EXTEND, "x" },
	{ 's', false, FH_ACT_FILTER_STAGE, "s" },
	{ 't', false, FH_ACT_FILTER_TYPE, "t" },
	{ 'f', false, FH_ACT_FILTER_FIELD, "f" },
	{ 'h', false, FH_ACT_FILTER_HUB, "h" },
	{ 'o', false, FH_ACT_SORT, "o" },
	{ '?', false, FH_ACT_HELP, "?" },
	{ 'q', false, FH_ACT_BACK, "q" },
	{ 27, false, FH_ACT_BACK, "Esc" },
	{ 'Q', false, FH_ACT_QUIT, "Q" },
	{ 'L', false, FH_ACT_LOCK, "L" },
	{ 'U', false, FH_ACT_SWITCH_OPERATOR, "U" },
	{ 'X', false, FH_ACT_LOGOUT, "X" },
	{ 'T', false, FH_ACT_LANGUAGE, "T" },
	{ CTRL('l'), false, FH_ACT_REDRAW, "^L" },
	{ 0, false, FH_ACT_NONE, NULL },
};

enum fh_action fh_key_action(wint_t ch, bool is_key)
{
	for (const struct fh_keybinding *k = fh_keys; k->action != FH_ACT_NONE; k++)
		if (k->is_key == is_key && (wint_t)k->key == ch)
			return k->action;
	return FH_ACT_NONE;
}

const char *fh_action_help(enum fh_action a)
{
	return (unsigned)a < FH_ACT_COUNT ? _(action_help[a]) : "";
}

const char *fh_action_keys(enum fh_action a, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = 0;
	for (const struct fh_keybinding *k = fh_keys; k->action != FH_ACT_NONE; k++) {
		if (k->action != a || !k->label)
			continue;
		int n = snprintf(buf + used, size - used, "%s%s", used ? " " : "", k->label);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
	return buf;
}
