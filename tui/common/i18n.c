/* fuhua tui — language and locale. */
#include "i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool zh;

static bool starts_zh(const char *v)
{
	return v && strncmp(v, "zh", 2) == 0;
}

const char *fh_beside_program(const char *rel, char *out, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = 0;
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = 0;
	struct stat sb;
	int k = snprintf(out, size, "%s/%s", exe, rel);
	if (k < 0 || (size_t)k >= size || stat(out, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return NULL;
	return out;
}

/* The catalogue: FUHUA_LOCALEDIR, else "locale" beside the program (a build
 * tree), else the installed one. */
static const char *locale_dir(void)
{
	static char dir[PATH_MAX + 16];
	const char *env = getenv("FUHUA_LOCALEDIR");
	if (env && *env)
		return env;
	if (fh_beside_program("locale", dir, sizeof dir))
		return dir;
	return FH_LOCALEDIR;
}

void fh_i18n_set(const char *lang)
{
	zh = lang && strcmp(lang, "zh") == 0;
	/* glibc honours LANGUAGE under C.UTF-8, so no zh_CN locale is needed. */
	setenv("LANGUAGE", zh ? "zh_CN" : "en", 1);
	/* Make gettext notice the change. */
	textdomain("fuhua");
}

bool fh_i18n_is_zh(void)
{
	return zh;
}

bool fh_i18n_setup(const char *lang, const char *argv0)
{
	(void)argv0;
	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C.UTF-8");
	const char *cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0) {
		setlocale(LC_CTYPE, "C.UTF-8");
		/* LC_MESSAGES "C" would make gettext ignore LANGUAGE. */
		const char *m = setlocale(LC_MESSAGES, NULL);
		if (!m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
	}
	const char *m = setlocale(LC_MESSAGES, NULL);
	if (!m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	bindtextdomain("fuhua", locale_dir());
	bind_textdomain_codeset("fuhua", "UTF-8");
	textdomain("fuhua");
	if (lang) {
		if (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0) {
			fh_i18n_set("en");
			return false;
		}
		fh_i18n_set(lang);
		return true;
	}
	const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			fh_i18n_set(starts_zh(v) ? "zh" : "en");
			return true;
		}
	}
	fh_i18n_set("en");
	return true;
}

const char *fh_pgettext(const char *ctx_msgid, const char *msgid)
{
	const char *t = gettext(ctx_msgid);
	return t == ctx_msgid ? msgid : t;
}

const char *fh_tr(const char *s)
{
	const char *t = gettext(s), *sep = strchr(s, '\004');
	return t == s && sep ? sep + 1 : t;
}
