/* fuhua tui — language and locale. */
#ifndef FUHUA_TUI_I18N_H
#define FUHUA_TUI_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s) gettext(s)
#define N_(s) (s)
/* A message with a context, for words that mean two things ("extended": the
 * party form 拓展型, or an incubation made longer 延期). */
#define P_(ctx, s) fh_pgettext(ctx "\004" s, s)
/* A message with a context in a static table: the table holds "ctx\004s";
 * fh_tr() translates it (and plain N_ strings). */
#define NP_(ctx, s) (ctx "\004" s)
const char *fh_tr(const char *s);
/* Counts: ngettext(one, many, n) with the catalogue's plural forms. */
#define N3_(one, many, n) ngettext(one, many, (unsigned long)(n))

/* The translation of "ctx\004msgid", or msgid when there is none. */
const char *fh_pgettext(const char *ctx_msgid, const char *msgid);

/* Sets up LC_ALL from the environment, falling back to C.UTF-8 for
 * LC_CTYPE when the user's locale is missing or not UTF-8, binds the
 * message catalogue, and chooses the language: `lang` "zh" or "en" if given,
 * else Chinese when LANGUAGE, LC_ALL, LC_MESSAGES or LANG start with "zh".
 * Returns false (and leaves English) for an unknown `lang`. */
bool fh_i18n_setup(const char *lang, const char *argv0);

/* Switches the language at run time ("zh" or "en"). */
void fh_i18n_set(const char *lang);

/* The directory `rel` relative to the program's own directory into out, if
 * there is one (a build tree's locale/ or ../../fixtures/config), else NULL. */
const char *fh_beside_program(const char *rel, char *out, size_t size);

/* Whether the interface is in Chinese now. */
bool fh_i18n_is_zh(void);

#endif
