/* fuhua core — private: translated messages. Core's texts for people go
 * through the "fuhua" gettext domain; the program binds it. */
#ifndef FUHUA_CORE_I18N_H
#define FUHUA_CORE_I18N_H
#include <libintl.h>
#define _(s) dgettext("fuhua", s)
#define N_(s) (s)
/* Counts: the catalogue's plural forms. */
#define N3_(one, many, n) dngettext("fuhua", one, many, (unsigned long)(n))
#endif
