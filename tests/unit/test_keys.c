/* fuhua tests — keymaps: every view's hint line is made of its keymap's
 * rows, a view's letters mean nothing to the generic keys, text is text. */
#include "helpers.h"

#include <dirent.h>

#include "../../tui/common/labels.h"
#include "../../tui/screen/tui.h"


static struct fh_input ch(wint_t c)
{
	return (struct fh_input){ FH_IN_CHAR, c };
}

/* The binding of the chain or the generic keys that shows as "label word". */
static const struct fh_binding *hinted(const struct fh_keymap *km, const char *label, const char *word)
{
	const struct fh_keymap *chains[] = { km, &fh_generic_keymap };
	for (int c = 0; c < 2; c++)
		for (const struct fh_keymap *k = chains[c]; k; k = k->next)
			for (const struct fh_binding *b = k->keys; b->action != FH_ACT_NONE; b++)
				if (b->hint && b->label && strcmp(b->label, label) == 0 &&
				    strcmp(fh_binding_hint(b), word) == 0)
					return b;
	return NULL;
}

/* Splits a hint line at its double spaces and finds every entry's binding. */
static void check_hint(const char *view, const struct fh_keymap *km, bool typing)
{
	char buf[1024];
	fh_keymap_hint(km, typing, buf, sizeof buf);
	int entries = 0;
	for (char *p = buf; *p;) {
		char *end = strstr(p, "  ");
		if (end)
			*end = 0;
		char *space = strchr(p, ' ');
		assert_non_null(space);
		*space = 0;
		const struct fh_binding *b = hinted(km, p, space + 1);
		if (!b)
			fail_msg("%s: hint '%s %s' is no row of its keymap", view, p, space + 1);
		if (typing && fh_binding_is_text(b))
			fail_msg("%s: hint '%s' is text while typing", view, p);
		entries++;
		p = end ? end + 2 : p + strlen(p);
	}
	if (!typing && entries < 1)
		fail_msg("%s: an empty hint line", view);
}

static void hints_come_from_keymaps(void **s)
{
	(void)s;
	int views = 0;
	for (const struct view_ops *const *v = fh_all_views; *v; v++) {
		if (!(*v)->keymap)
			continue;
		check_hint((*v)->name, (*v)->keymap, false);
		check_hint((*v)->name, (*v)->keymap, true);
		views++;
	}
	assert_true(views >= 6);
	check_hint("every screen", &fh_generic_keymap, false);
	check_hint("every screen", &fh_generic_keymap, true);
}

/* Every hinted row of a keymap shows (once per action) when it can be used. */
static void every_hinted_row_shows(void **s)
{
	(void)s;
	for (const struct view_ops *const *v = fh_all_views; *v; v++) {
		if (!(*v)->keymap)
			continue;
		char buf[1024], want[160];
		fh_keymap_hint((*v)->keymap, false, buf, sizeof buf);
		for (const struct fh_binding *b = (*v)->keymap->keys; b->action != FH_ACT_NONE; b++) {
			if (!b->hint || !b->label)
				continue;
			snprintf(want, sizeof want, "%s %s", b->label, fh_binding_hint(b));
			if (!strstr(buf, want))
				fail_msg("%s: '%s' missing from the hint line '%s'", (*v)->name, want, buf);
		}
	}
}

/* A view's own letters are not generic keys: they mean nothing elsewhere. */
static void view_letters_are_local(void **s)
{
	(void)s;
	for (const struct view_ops *const *v = fh_all_views; *v; v++) {
		if (!(*v)->keymap)
			continue;
		for (const struct fh_binding *b = (*v)->keymap->keys; b->action != FH_ACT_NONE; b++) {
			if (b->action < FH_ACT_LOCAL || !fh_binding_is_text(b))
				continue;
			struct fh_input in = ch((wint_t)b->key);
			const struct fh_binding *g = fh_keymap_find(&fh_generic_keymap, &in, false);
			if (g)
				fail_msg("%s: '%c' is also a generic key", (*v)->name, b->key);
		}
	}
}

static void text_is_text_while_typing(void **s)
{
	(void)s;
	struct fh_input L = ch('L'), q = ch('q'), ctrl_k = ch(CTRL('k')), ctrl_l = ch(CTRL('l')),
			ctrl_c = ch(CTRL('c')), zh = ch(0x5B66);
	assert_null(fh_keymap_find(&fh_form_keymap, &L, true));
	assert_null(fh_keymap_find(&fh_generic_keymap, &L, true));
	assert_null(fh_keymap_find(&fh_generic_keymap, &q, true));
	assert_null(fh_keymap_find(&fh_generic_keymap, &zh, true));
	/* while typing: Ctrl-K locks, Ctrl-L redraws (as in tig, htop, mutt),
	 * Ctrl-C asks to quit */
	const struct fh_binding *b = fh_keymap_find(&fh_generic_keymap, &ctrl_k, true);
	assert_non_null(b);
	assert_int_equal(b->action, FH_ACT_LOCK);
	b = fh_keymap_find(&fh_generic_keymap, &ctrl_l, true);
	assert_non_null(b);
	assert_int_equal(b->action, FH_ACT_REDRAW);
	b = fh_keymap_find(&fh_generic_keymap, &ctrl_c, true);
	assert_non_null(b);
	assert_int_equal(b->action, FH_ACT_QUIT);
	b = fh_keymap_find(&fh_generic_keymap, &L, false);
	assert_non_null(b);
	assert_int_equal(b->action, FH_ACT_LOCK);
	/* Esc goes back, never quits; Q asks (the driver's quit dialog) */
	struct fh_input esc = ch(27), Q = ch('Q');
	assert_int_equal(fh_keymap_find(&fh_generic_keymap, &esc, false)->action, FH_ACT_BACK);
	assert_int_equal(fh_keymap_find(&fh_generic_keymap, &Q, false)->action, FH_ACT_QUIT);
	/* in a form, Esc is the form's cancel, which asks when work was typed */
	assert_int_equal(fh_keymap_find(&fh_form_keymap, &esc, true)->action, FH_ACT_FORM_CANCEL);
}

/* Lock, switch, quit and help have a key that is not text. */
static void every_screen_keys_reachable_while_typing(void **s)
{
	(void)s;
	int actions[] = { FH_ACT_LOCK, FH_ACT_SWITCH_OPERATOR, FH_ACT_QUIT, FH_ACT_HELP };
	for (size_t i = 0; i < sizeof actions / sizeof actions[0]; i++) {
		bool found = false;
		for (const struct fh_binding *b = fh_generic_keymap.keys; b->action != FH_ACT_NONE; b++)
			found |= b->action == actions[i] && !fh_binding_is_text(b) && b->hint;
		assert_true(found);
	}
}

/* The screens' keys come from the screen table: F1… and 1… for each. */
static void screens_have_keys(void **s)
{
	(void)s;
	for (int sc = 0; sc < FH_SCREEN_COUNT; sc++) {
		struct fh_input digit = ch((wint_t)('1' + sc)), fkey = { FH_IN_KEY, (wint_t)KEY_F(sc + 1) };
		const struct fh_binding *a = fh_keymap_find(&fh_generic_keymap, &digit, false);
		const struct fh_binding *b = fh_keymap_find(&fh_generic_keymap, &fkey, false);
		assert_non_null(a);
		assert_non_null(b);
		assert_int_equal(a->arg, sc);
		assert_int_equal(b->arg, sc);
		assert_non_null(fh_all_views[sc]);
	}
}

/* Every word core writes in the audit log as an entity or an action has
 * words for people: the dashboard and a tenant's history never show
 * "sync_done" or "party" raw. The words are read from core's calls. */
static void audit_words_for_people(void **s)
{
	(void)s;
	DIR *d = opendir("core");
	assert_non_null(d);
	struct dirent *e;
	int words = 0, bad = 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 3 || strcmp(e->d_name + n - 2, ".c") != 0)
			continue;
		char path[300], text[1 << 16];
		snprintf(path, sizeof path, "core/%s", e->d_name);
		FILE *f = fopen(path, "r");
		assert_non_null(f);
		size_t len = fread(text, 1, sizeof text - 1, f);
		fclose(f);
		text[len] = 0;
		for (char *p = text; (p = strstr(p, "fh_audit_write(")) != NULL;) {
			char *end = strchr(p, ';');
			if (!end)
				break;
			for (char *q = p; (q = memchr(q, '"', (size_t)(end - q))) != NULL && q < end;) {
				char *close = memchr(q + 1, '"', (size_t)(end - q - 1));
				if (!close)
					break;
				char word[64];
				snprintf(word, sizeof word, "%.*s", (int)(close - q - 1), q + 1);
				bool lower =
					word[0] != 0 && strspn(word, "abcdefghijklmnopqrstuvwxyz_") == strlen(word);
				if (lower) {
					words++;
					if (fh_label_action(word) == word &&
					    fh_label_entity(word) == word) { /* not found: the key itself */
						fprintf(stderr, "%s: '%s' has no words for people\n", path, word);
						bad++;
					}
				}
				q = close + 1;
			}
			p = end;
		}
	}
	closedir(d);
	assert_true(words >= 30); /* the reader finds the calls' words */
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(audit_words_for_people),
		cmocka_unit_test(text_is_text_while_typing),
		cmocka_unit_test(every_screen_keys_reachable_while_typing),
		cmocka_unit_test(screens_have_keys),
		cmocka_unit_test(view_letters_are_local),
		cmocka_unit_test(hints_come_from_keymaps),
		cmocka_unit_test(every_hinted_row_shows),
	};
	return cmocka_run_group_tests_name("keys", tests, NULL, NULL);
}
