/* fuhua core — the configuration directory: each level's file and each hub's,
 * read from YAML and checked, then merged. A file's rules are read by the
 * keys each module registers for its section in the module table
 * (modules.c); this file knows none of them. */
#include "fuhua/config.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "config_int.h"
#include "i18n.h"
#include "modules.h"
#include "fuhua/text.h"
#include "yaml.h"

/* ---- the loaded configuration --------------------------------------------- */


struct fh_config {
	fh_rules levels[FH_LEVEL_COUNT];
	bool have_level[FH_LEVEL_COUNT];
	struct hub_entry *hubs;
	size_t nhubs;
};

static void rules_free(fh_rules *r)
{
	for (const struct fh_module *m = fh_modules; m->name; m++)
		if (m->config && m->config->free)
			m->config->free(r);
	memset(r, 0, sizeof *r);
}

char *fh_cfg_dup(const char *s, bool *ok)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		*ok = false;
	return d;
}

static bool rules_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	*dst = *src;
	for (const struct fh_module *m = fh_modules; m->name; m++)
		if (m->config && m->config->copy && !m->config->copy(dst, src))
			ok = false;
	if (!ok)
		rules_free(dst);
	return ok;
}

static void rules_defaults(fh_rules *r)
{
	memset(r, 0, sizeof *r);
	for (const struct fh_module *m = fh_modules; m->name; m++)
		if (m->config && m->config->defaults)
			m->config->defaults(r);
}

/* ---- rules: the modules' keys, in level files and hub overrides ------------- */

/* Every module's keys, in the order of the module table, for lookups and
 * messages: the key itself, and a NULL-ended list of the names. */
#define RULE_KEYS_MAX 64
struct rule_keys {
	const struct fh_cfg_key *key[RULE_KEYS_MAX];
	const char *name[RULE_KEYS_MAX + 2]; /* room for "level" first, and the NULL */
	size_t n;
};

static void rule_keys_collect(struct rule_keys *k, const char *first)
{
	k->n = 0;
	size_t at = 0;
	if (first)
		k->name[at++] = first;
	for (const struct fh_module *m = fh_modules; m->name; m++)
		for (const struct fh_cfg_key *c = m->config ? m->config->keys : NULL; c && c->name; c++)
			if (k->n < RULE_KEYS_MAX) {
				k->key[k->n++] = c;
				k->name[at++] = c->name;
			}
	k->name[at] = NULL;
}

/* Applies one rule key; *which is its index in k, or -1 if it is not a rule
 * key (the caller decides whether that is an error). */
static fh_status apply_rule(struct fh_cfg_ctx *c, const struct rule_keys *k, const fh_ynode *key, const fh_ynode *v,
			    fh_rules *r, int *which)
{
	*which = -1;
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->key[i]->name, key->value) == 0) {
			*which = (int)i;
			return k->key[i]->read(c, v, r);
		}
	return FH_OK;
}

/* ---- files ------------------------------------------------------------------ */

static fh_status read_level(fh_config *cfg, const char *path, fh_level expect, fh_error *err)
{
	struct rule_keys keys; /* "level", then every module's keys */
	rule_keys_collect(&keys, "level");
	bool seen[RULE_KEYS_MAX] = { false }, have_level = false;
	struct fh_cfg_ctx c = { path, err };
	fh_ynode *root;
	fh_status st = fh_yaml_load(path, &root, err);
	if (st != FH_OK)
		return st;
	fh_rules r;
	rules_defaults(&r);
	if ((st = fh_cfg_want(&c, root, FH_YMAP, _("a map of level settings"))) != FH_OK)
		goto out;
	for (size_t i = 0; st == FH_OK && i < root->n; i++) {
		const fh_ynode *k = root->kids[2 * i], *v = root->kids[2 * i + 1];
		int which;
		if (strcmp(k->value, "level") == 0) {
			fh_level l;
			have_level = true;
			if ((st = fh_cfg_want(&c, v, FH_YSCALAR, _("a level"))) != FH_OK)
				break;
			if (!fh_level_parse(v->value, &l))
				st = fh_cfg_at(&c, v, _("unknown level '%s' (city, district, street, community)"),
					       v->value, NULL);
			else if (l != expect)
				st = fh_cfg_at(&c, v, _("level '%s' does not match the file name (%s.yaml)"), v->value,
					       fh_level_name(expect));
		} else if ((st = apply_rule(&c, &keys, k, v, &r, &which)) == FH_OK && which < 0) {
			st = fh_cfg_unknown_key(&c, k, keys.name);
		} else if (which >= 0) {
			seen[which] = true;
		}
	}
	/* level, and each key a module says every level sets */
	if (st == FH_OK && !have_level)
		st = fh_cfg_at(&c, root, _("missing required key '%s'"), "level", NULL);
	for (size_t i = 0; st == FH_OK && i < keys.n; i++)
		if (keys.key[i]->required && !seen[i])
			st = fh_cfg_at(&c, root, _("missing required key '%s'"), keys.key[i]->name, NULL);
out:
	fh_ynode_free(&root);
	if (st != FH_OK) {
		rules_free(&r);
		return st;
	}
	cfg->levels[expect] = r;
	cfg->have_level[expect] = true;
	return FH_OK;
}

static void hub_def_free(fh_hub_def *h)
{
	free(h->code);
	free(h->name);
	free(h->short_name);
	free(h->parent);
	free(h->address);
	free(h->file);
	rules_free(&h->rules);
	for (size_t i = 0; i < h->nspaces; i++) {
		free(h->spaces[i].code);
		free(h->spaces[i].name);
	}
	free(h->spaces);
	memset(h, 0, sizeof *h);
}

static fh_status read_overrides(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	struct rule_keys keys;
	rule_keys_collect(&keys, NULL);
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of level settings"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int which;
		st = apply_rule(c, &keys, k, v, r, &which);
		if (st == FH_OK && which < 0)
			st = fh_cfg_unknown_key(c, k, keys.name);
	}
	return st;
}

static fh_status read_hub(fh_config *cfg, const char *path, struct hub_entry *e, fh_error *err)
{
	static const char *const keys[] = { "code",   "name",      "level",      "parent", "address",
					    "spaces", "overrides", "short_name", NULL };
	struct fh_cfg_ctx c = { path, err };
	fh_ynode *root;
	fh_status st = fh_yaml_load(path, &root, err);
	if (st != FH_OK)
		return st;
	fh_hub_def *h = &e->def;
	const fh_ynode *overrides = NULL, *level_node = NULL;
	unsigned seen = 0;
	if (!(h->file = strdup(path))) {
		st = fh_cfg_oom(&c);
		goto out;
	}
	if ((st = fh_cfg_want(&c, root, FH_YMAP, _("a map of hub settings"))) != FH_OK)
		goto out;
	for (size_t i = 0; st == FH_OK && i < root->n; i++) {
		const fh_ynode *k = root->kids[2 * i], *v = root->kids[2 * i + 1];
		int ki = fh_cfg_key_index(k->value, keys);
		switch (ki) {
		case 0:
			st = fh_cfg_get_code(&c, v, &h->code);
			e->code_line = v->line;
			e->code_col = v->column;
			break;
		case 1: st = fh_cfg_get_text(&c, v, 40, &h->name); break;
		case 2:
			level_node = v;
			if ((st = fh_cfg_want(&c, v, FH_YSCALAR, _("a level"))) == FH_OK &&
			    !fh_level_parse(v->value, &h->level))
				st = fh_cfg_at(&c, v, _("unknown level '%s' (city, district, street, community)"),
					       v->value, NULL);
			break;
		case 3:
			st = fh_cfg_get_code(&c, v, &h->parent);
			e->parent_line = v->line;
			e->parent_col = v->column;
			break;
		case 4: st = fh_cfg_get_text(&c, v, 100, &h->address); break;
		case 5: st = fh_cfg_read_spaces(&c, v, h); break;
		case 6: overrides = v; break;
		case 7: st = fh_cfg_get_text(&c, v, 12, &h->short_name); break;
		default: st = fh_cfg_unknown_key(&c, k, keys);
		}
		if (ki >= 0)
			seen |= 1u << ki;
	}
	if (st == FH_OK)
		st = fh_cfg_check_required(&c, root, seen, 1u | 2u | 4u, keys);
	if (st == FH_OK && !h->short_name && !(h->short_name = strdup(h->name)))
		st = fh_cfg_oom(&c);
	if (st == FH_OK && h->level == FH_LEVEL_CITY && h->parent)
		st = fh_error_at(err, path, e->parent_line, e->parent_col, "%s", _("a city hub has no parent"));
	if (st == FH_OK && h->level != FH_LEVEL_CITY && !h->parent)
		st = fh_cfg_at(&c, root, _("missing required key '%s'"), "parent", NULL);
	if (st == FH_OK && !cfg->have_level[h->level])
		st = fh_cfg_at(&c, level_node, _("no configuration for level '%s' (levels/%s.yaml is missing)"),
			       fh_level_name(h->level), fh_level_name(h->level));
	if (st == FH_OK && !rules_copy(&h->rules, &cfg->levels[h->level]))
		st = fh_cfg_oom(&c);
	if (st == FH_OK && overrides)
		st = read_overrides(&c, overrides, &h->rules);
out:
	fh_ynode_free(&root);
	if (st != FH_OK)
		hub_def_free(h);
	return st;
}

/* ---- the directory ---------------------------------------------------------- */

static bool has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' &&
		((n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0));
}

static int yaml_filter(const struct dirent *d)
{
	return has_yaml_suffix(d->d_name);
}

static char *join(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 3;
	char *p = malloc(n);
	if (p)
		snprintf(p, n, "%s/%s%s%s", a, b, *c ? "/" : "", c);
	return p;
}

static fh_status read_levels(fh_config *cfg, const char *dir, fh_error *err)
{
	char *ldir = join(dir, "levels", "");
	if (!ldir)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	struct dirent **list;
	int n = scandir(ldir, &list, yaml_filter, alphasort);
	fh_status st = FH_OK;
	if (n < 0)
		st = fh_error_at(err, ldir, 0, 0, _("cannot read the levels directory: %s"), strerror(errno));
	for (int i = 0; i < n; i++) {
		char *path = join(ldir, list[i]->d_name, "");
		char stem[64];
		snprintf(stem, sizeof stem, "%.*s", (int)strcspn(list[i]->d_name, "."), list[i]->d_name);
		fh_level l;
		if (st != FH_OK || !path) {
			if (!path && st == FH_OK)
				st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		} else if (!fh_level_parse(stem, &l)) {
			st = fh_error_at(
				err, path, 0, 0,
				_("unknown level file (expected city.yaml, district.yaml, street.yaml or community.yaml)"));
		} else if (cfg->have_level[l]) {
			st = fh_error_at(err, path, 0, 0, _("level '%s' is configured twice"), stem);
		} else {
			st = read_level(cfg, path, l, err);
		}
		free(path);
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	free(ldir);
	return st;
}

static fh_status read_hubs(fh_config *cfg, const char *dir, fh_error *err)
{
	char *hdir = join(dir, "hubs", "");
	if (!hdir)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	struct dirent **list;
	int n = scandir(hdir, &list, yaml_filter, alphasort);
	fh_status st = FH_OK;
	if (n < 0)
		st = fh_error_at(err, hdir, 0, 0, _("cannot read the hubs directory: %s"), strerror(errno));
	else if (n == 0)
		st = fh_error_at(err, hdir, 0, 0, "%s", _("no hub is configured"));
	else if (!(cfg->hubs = calloc((size_t)n, sizeof *cfg->hubs)))
		st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	for (int i = 0; i < n; i++) {
		if (st == FH_OK) {
			char *path = join(hdir, list[i]->d_name, "");
			if (!path)
				st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
			else if ((st = read_hub(cfg, path, &cfg->hubs[cfg->nhubs], err)) == FH_OK)
				cfg->nhubs++;
			free(path);
		}
		free(list[i]);
	}
	if (n >= 0)
		free(list);
	free(hdir);
	return st;
}

static int entry_order(const void *a, const void *b)
{
	const struct hub_entry *x = a, *y = b;
	if (x->def.level != y->def.level)
		return (int)x->def.level - (int)y->def.level;
	return strcmp(x->def.code, y->def.code);
}

fh_status fh_config_load(const char *dir, fh_config **out, fh_error *err)
{
	fh_error_clear(err);
	*out = NULL;
	if (!dir || !*dir)
		return fh_error_set(err, FH_EINVAL, "config", "%s", _("no configuration directory given"));
	struct stat sb;
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return fh_error_at(err, dir, 0, 0, "%s",
				   _("not a configuration directory (give --config DIR or set FUHUA_CONFIG)"));
	fh_config *cfg = calloc(1, sizeof *cfg);
	if (!cfg)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_status st = read_levels(cfg, dir, err);
	if (st == FH_OK)
		st = read_hubs(cfg, dir, err);
	if (st == FH_OK)
		st = fh_config_check_tree(cfg->hubs, cfg->nhubs, err);
	if (st != FH_OK) {
		fh_config_free(&cfg);
		return st;
	}
	qsort(cfg->hubs, cfg->nhubs, sizeof *cfg->hubs, entry_order);
	*out = cfg;
	return FH_OK;
}

void fh_config_free(fh_config **pcfg)
{
	if (!pcfg || !*pcfg)
		return;
	fh_config *cfg = *pcfg;
	for (int l = 0; l < FH_LEVEL_COUNT; l++)
		rules_free(&cfg->levels[l]);
	for (size_t i = 0; i < cfg->nhubs; i++)
		hub_def_free(&cfg->hubs[i].def);
	free(cfg->hubs);
	free(cfg);
	*pcfg = NULL;
}

size_t fh_config_hub_count(const fh_config *cfg)
{
	return cfg ? cfg->nhubs : 0;
}

const fh_hub_def *fh_config_hub(const fh_config *cfg, size_t i)
{
	return cfg && i < cfg->nhubs ? &cfg->hubs[i].def : NULL;
}

const fh_hub_def *fh_config_find_hub(const fh_config *cfg, const char *code)
{
	for (size_t i = 0; cfg && code && i < cfg->nhubs; i++)
		if (strcmp(cfg->hubs[i].def.code, code) == 0)
			return &cfg->hubs[i].def;
	return NULL;
}

const fh_rules *fh_config_level(const fh_config *cfg, fh_level level)
{
	if (!cfg || (unsigned)level >= FH_LEVEL_COUNT || !cfg->have_level[level])
		return NULL;
	return &cfg->levels[level];
}
