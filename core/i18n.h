/* fuhua core — private: translated messages. Core's texts for people go
 * through the "fuhua" gettext domain; the program binds it. */
#ifndef FUHUA_CORE_I18N_H
#define FUHUA_CORE_I18N_H
#include <libintl.h>
#define _(s) dgettext("fuhua", s)
#define N_(s) (s)
#endif
