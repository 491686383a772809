/* fuhua core — the words of the configuration (levels, stages, space types)
 * and the typed readers every section's loader shares: below the sections,
 * which config_load.c reads. */
#include "fuhua/config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "i18n.h"
#include "fuhua/text.h"

/* ---- names ---------------------------------------------------------------- */

static const char *const level_names[FH_LEVEL_COUNT] = {
	"city",
	"district",
	"street",
	"community",
};
const char *const fh_cfg_stage_names[FH_STAGE_COUNT + 1] = {
	"applied", "reviewing", "incubating", "graduated", "exited", NULL,
};
static const char *const space_type_names[FH_SPACE_TYPE_COUNT] = {
	"office", "desk", "activity_room", "meeting_room", "showcase",
};

static bool parse_name(const char *const *names, int count, const char *s, int *out)
{
	for (int i = 0; s && i < count; i++)
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return true;
		}
	return false;
}

const char *fh_level_name(fh_level l)
{
	return (unsigned)l < FH_LEVEL_COUNT ? level_names[l] : NULL;
}
bool fh_level_parse(const char *s, fh_level *out)
{
	int v;
	if (!parse_name(level_names, FH_LEVEL_COUNT, s, &v))
		return false;
	*out = (fh_level)v;
	return true;
}
const char *fh_stage_name(fh_stage s)
{
	return (unsigned)s < FH_STAGE_COUNT ? fh_cfg_stage_names[s] : NULL;
}
bool fh_stage_parse(const char *s, fh_stage *out)
{
	int v;
	if (!parse_name(fh_cfg_stage_names, FH_STAGE_COUNT, s, &v))
		return false;
	*out = (fh_stage)v;
	return true;
}
const char *fh_space_type_name(fh_space_type t)
{
	return (unsigned)t < FH_SPACE_TYPE_COUNT ? space_type_names[t] : NULL;
}
bool fh_space_type_parse(const char *s, fh_space_type *out)
{
	int v;
	if (!parse_name(space_type_names, FH_SPACE_TYPE_COUNT, s, &v))
		return false;
	*out = (fh_space_type)v;
	return true;
}

/* ---- messages ------------------------------------------------------------- */

fh_status fh_cfg_oom(struct fh_cfg_ctx *c)
{
	return fh_error_set(c->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
}


fh_status fh_cfg_at(struct fh_cfg_ctx *c, const fh_ynode *n, const char *fmt, const char *a, const char *b)
{
	char msg[400];
	snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
	return fh_error_at(c->err, c->file, n->line, n->column, "%s", msg);
}

/* ---- typed values ----------------------------------------------------------- */

static const char *type_word(const fh_ynode *n)
{
	switch (n->type) {
	case FH_YMAP: return _("a map");
	case FH_YSEQ: return _("a list");
	default: return _("a text");
	}
}

fh_status fh_cfg_want(struct fh_cfg_ctx *c, const fh_ynode *n, fh_ytype type, const char *what)
{
	if (n->type == type)
		return FH_OK;
	return fh_cfg_at(c, n, _("expected %s, found %s"), what, type_word(n));
}

fh_status fh_cfg_get_int(struct fh_cfg_ctx *c, const fh_ynode *n, long min, long max, int *out)
{
	if (n->type != FH_YSCALAR || !n->plain)
		return fh_cfg_at(c, n, _("expected a whole number, found %s"),
				 n->type == FH_YSCALAR ? _("a quoted text") : type_word(n), NULL);
	const char *s = n->value;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno == ERANGE || (s[0] == '0' && s[1]) || strspn(s, "-0123456789") != strlen(s))
		return fh_cfg_at(c, n, _("'%s' is not a whole number"), s, NULL);
	if (v < min || v > max) {
		char range[64];
		snprintf(range, sizeof range, "%ld–%ld", min, max);
		return fh_cfg_at(c, n, _("%s is out of range (%s)"), s, range);
	}
	*out = (int)v;
	return FH_OK;
}

fh_status fh_cfg_get_number(struct fh_cfg_ctx *c, const fh_ynode *n, double min, double max, double *out)
{
	if (n->type != FH_YSCALAR || !n->plain)
		return fh_cfg_at(c, n, _("expected a number, found %s"),
				 n->type == FH_YSCALAR ? _("a quoted text") : type_word(n), NULL);
	const char *s = n->value;
	char *end;
	errno = 0;
	if (strspn(s, "0123456789.") != strlen(s) || !*s)
		return fh_cfg_at(c, n, _("'%s' is not a number"), s, NULL);
	double v = strtod(s, &end);
	if (*end || errno == ERANGE || !isfinite(v))
		return fh_cfg_at(c, n, _("'%s' is not a number"), s, NULL);
	if (v < min || v > max) {
		char range[64];
		snprintf(range, sizeof range, "%g–%g", min, max);
		return fh_cfg_at(c, n, _("%s is out of range (%s)"), s, range);
	}
	*out = v;
	return FH_OK;
}

fh_status fh_cfg_get_bool(struct fh_cfg_ctx *c, const fh_ynode *n, bool *out)
{
	if (n->type == FH_YSCALAR && n->plain) {
		if (strcmp(n->value, "true") == 0 || strcmp(n->value, "yes") == 0) {
			*out = true;
			return FH_OK;
		}
		if (strcmp(n->value, "false") == 0 || strcmp(n->value, "no") == 0) {
			*out = false;
			return FH_OK;
		}
	}
	return fh_cfg_at(c, n, _("expected true or false, found '%s'"), n->type == FH_YSCALAR ? n->value : type_word(n),
			 NULL);
}

/* A text for people: not empty, no control characters, at most max_chars. */
fh_status fh_cfg_get_text(struct fh_cfg_ctx *c, const fh_ynode *n, size_t max_chars, char **out)
{
	fh_status st = fh_cfg_want(c, n, FH_YSCALAR, _("a text"));
	if (st != FH_OK)
		return st;
	if (!n->value[0])
		return fh_cfg_at(c, n, _("must not be empty"), NULL, NULL);
	const char *why = fh_text_field_problem(n->value, false, false);
	if (why)
		return fh_cfg_at(c, n, _(why), NULL, NULL);
	size_t chars = fh_utf8_chars(n->value);
	if (chars > max_chars) {
		char lim[32];
		snprintf(lim, sizeof lim, "%zu", max_chars);
		return fh_cfg_at(c, n, _("is too long (at most %s characters)"), lim, NULL);
	}
	char *d = strdup(n->value);
	if (!d)
		return fh_cfg_oom(c);
	free(*out);
	*out = d;
	return FH_OK;
}

/* A code: 1–32 of [A-Za-z0-9_-]. */
fh_status fh_cfg_get_code(struct fh_cfg_ctx *c, const fh_ynode *n, char **out)
{
	fh_status st = fh_cfg_want(c, n, FH_YSCALAR, _("a code"));
	if (st != FH_OK)
		return st;
	size_t len = strlen(n->value);
	if (len == 0 || len > 32 ||
	    strspn(n->value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != len)
		return fh_cfg_at(c, n, _("'%s' is not a valid code (1–32 letters, digits, '-' or '_')"), n->value,
				 NULL);
	char *d = strdup(n->value);
	if (!d)
		return fh_cfg_oom(c);
	free(*out);
	*out = d;
	return FH_OK;
}

/* ---- keys ------------------------------------------------------------------- */

/* Levenshtein distance, capped; for "did you mean". */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 40 || lb > 40)
		return 99;
	int row[41];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int prev = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int cur = row[j];
			int cost = a[i - 1] != b[j - 1];
			int best = prev + cost;
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

fh_status fh_cfg_unknown_key(struct fh_cfg_ctx *c, const fh_ynode *key, const char *const *known)
{
	const char *best = NULL;
	int bestd = 3;
	for (size_t i = 0; known[i]; i++) {
		int d = distance(key->value, known[i]);
		if (d < bestd) {
			bestd = d;
			best = known[i];
		}
	}
	if (best)
		return fh_cfg_at(c, key, _("unknown key '%s' (did you mean '%s'?)"), key->value, best);
	return fh_cfg_at(c, key, _("unknown key '%s'"), key->value, NULL);
}

int fh_cfg_key_index(const char *name, const char *const *known)
{
	for (int i = 0; known[i]; i++)
		if (strcmp(known[i], name) == 0)
			return i;
	return -1;
}

/* Checks that every required key (bit i of `required`) was seen. */
fh_status fh_cfg_check_required(struct fh_cfg_ctx *c, const fh_ynode *map, unsigned seen, unsigned required,
				const char *const *known)
{
	for (int i = 0; known[i]; i++)
		if ((required & (1u << i)) && !(seen & (1u << i)))
			return fh_cfg_at(c, map, _("missing required key '%s'"), known[i], NULL);
	return FH_OK;
}
