/* fuhua core — the configuration directory: each level's file and each hub's,
 * read from YAML by the sections' loaders and checked, then merged. */
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
#include "fuhua/text.h"
#include "yaml.h"

/* ---- the loaded configuration --------------------------------------------- */


struct fh_config {
	fh_rules levels[FH_LEVEL_COUNT];
	bool have_level[FH_LEVEL_COUNT];
	struct hub_entry *hubs;
	size_t nhubs;
};

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void rules_free(fh_rules *r)
{
	strv_free(r->fields, r->nfields);
	for (int s = 0; s < FH_STAGE_COUNT; s++)
		free(r->stages[s].label);
	fh_cfg_tpl_free(r->org, r->norg);
	fh_cfg_tpl_free(r->party, r->nparty);
	fh_cfg_space_free(r);
	memset(r, 0, sizeof *r);
}

static char *dup_or_null(const char *s, bool *ok)
{
	if (!s)
		return NULL;
	char *d = strdup(s);
	if (!d)
		*ok = false;
	return d;
}

static fh_milestone_tpl *tpl_copy(const fh_milestone_tpl *t, size_t n, bool *ok)
{
	if (n == 0)
		return NULL;
	fh_milestone_tpl *d = calloc(n, sizeof *d);
	if (!d) {
		*ok = false;
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		d[i].code = dup_or_null(t[i].code, ok);
		d[i].title = dup_or_null(t[i].title, ok);
		d[i].kind = dup_or_null(t[i].kind, ok);
		d[i].title_en = dup_or_null(t[i].title_en, ok);
		d[i].evidence = dup_or_null(t[i].evidence, ok);
		d[i].due_months = t[i].due_months;
		d[i].required = t[i].required;
		d[i].min_rating = t[i].min_rating;
	}
	return d;
}

static bool rules_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	*dst = *src;
	dst->fields = NULL;
	if (src->nfields) {
		dst->fields = calloc(src->nfields, sizeof *dst->fields);
		if (!dst->fields)
			ok = false;
		for (size_t i = 0; ok && i < src->nfields; i++)
			dst->fields[i] = dup_or_null(src->fields[i], &ok);
	}
	for (int s = 0; s < FH_STAGE_COUNT; s++)
		dst->stages[s].label = dup_or_null(src->stages[s].label, &ok);
	dst->org = tpl_copy(src->org, src->norg, &ok);
	dst->party = tpl_copy(src->party, src->nparty, &ok);
	if (!fh_cfg_space_copy(dst, src))
		ok = false;
	if (!ok)
		rules_free(dst);
	return ok;
}

static void rules_defaults(fh_rules *r)
{
	memset(r, 0, sizeof *r);
	r->incubation_term_months = 24;
	r->extension_months = 0;
	r->idle_lock_minutes = 10;
	r->grad_min_months = 12;
	r->grad_all_milestones = true;
	r->grad_party_coverage = true;
	r->grad_min_rating = 0;
	r->grad_registered = true;
	r->grad_handovers = true;
	r->quiet_days = 30;
	r->lead_days[0] = 30, r->lead_days[1] = 7, r->lead_days[2] = 0;
	r->nlead = 3;
	fh_cfg_party_defaults(r);
	fh_cfg_space_defaults(r);
}

/* ---- rules: shared by level files and hub overrides -------------------------- */

static const char *const rule_keys[] = {
	"incubation_term_months", "extension_months", "free_period_months",
	"idle_lock_minutes", "fields", "stages", "milestones", "party", "graduation", "sync",
	"coverage", "fee_per_m2_month", "fee_per_seat_month", "handover_working_days", "booking",
	"holidays", "mentoring", NULL,
};
enum { RK_TERM, RK_EXT, RK_FREE, RK_LOCK, RK_FIELDS, RK_STAGES, RK_MILESTONES, RK_PARTY, RK_GRAD,
       RK_SYNC, RK_COVERAGE, RK_FEE_M2, RK_FEE_SEAT, RK_HANDOVER, RK_BOOKING, RK_HOLIDAYS,
       RK_MENTORING };

static fh_status read_fields(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of service fields"));
	if (st != FH_OK)
		return st;
	if (n->n == 0 || n->n > 40)
		return fh_cfg_at(c, n, _("needs 1 to 40 service fields"), NULL, NULL);
	char **v = calloc(n->n, sizeof *v);
	if (!v)
		return fh_cfg_oom(c);
	for (size_t i = 0; i < n->n; i++) {
		if ((st = fh_cfg_get_text(c, n->kids[i], 20, &v[i])) != FH_OK)
			break;
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i], v[j]) == 0) {
				st = fh_cfg_at(c, n->kids[i], _("service field '%s' is listed twice"), v[i], NULL);
				break;
			}
		if (st != FH_OK)
			break;
	}
	if (st != FH_OK) {
		strv_free(v, n->n);
		return st;
	}
	strv_free(r->fields, r->nfields);
	r->fields = v;
	r->nfields = n->n;
	return FH_OK;
}

static fh_status read_stages(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "label", "max_days", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of stages"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		fh_stage s;
		if (!fh_stage_parse(k->value, &s))
			return fh_cfg_unknown_key(c, k, fh_cfg_stage_names);
		if ((st = fh_cfg_want(c, v, FH_YMAP, _("a map with label and max_days"))) != FH_OK)
			return st;
		for (size_t j = 0; st == FH_OK && j < v->n; j++) {
			const fh_ynode *kk = v->kids[2 * j], *vv = v->kids[2 * j + 1];
			switch (fh_cfg_key_index(kk->value, keys)) {
			case 0:
				st = fh_cfg_get_text(c, vv, 12, &r->stages[s].label);
				break;
			case 1:
				st = fh_cfg_get_int(c, vv, 0, 3650, &r->stages[s].max_days);
				break;
			default:
				st = fh_cfg_unknown_key(c, kk, keys);
			}
		}
	}
	return st;
}

static fh_status read_graduation(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "min_months", "all_milestones", "party_coverage",
					    "min_rating", "registered", "handovers_clear", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of graduation criteria"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0:
			st = fh_cfg_get_int(c, v, 0, 120, &r->grad_min_months);
			break;
		case 1:
			st = fh_cfg_get_bool(c, v, &r->grad_all_milestones);
			break;
		case 2:
			st = fh_cfg_get_bool(c, v, &r->grad_party_coverage);
			break;
		case 3:
			st = fh_cfg_get_int(c, v, 0, 5, &r->grad_min_rating);
			break;
		case 4:
			st = fh_cfg_get_bool(c, v, &r->grad_registered);
			break;
		case 5:
			st = fh_cfg_get_bool(c, v, &r->grad_handovers);
			break;
		default:
			st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	return st;
}

/* Applies one rule key; returns its index in rule_keys, or -1 if it is not a
 * rule key (the caller decides whether that is an error). */
static fh_status apply_rule(struct fh_cfg_ctx *c, const fh_ynode *k, const fh_ynode *v,
			    fh_rules *r, int *which)
{
	*which = fh_cfg_key_index(k->value, rule_keys);
	switch (*which) {
	case RK_TERM:
		return fh_cfg_get_int(c, v, 1, 120, &r->incubation_term_months);
	case RK_EXT:
		return fh_cfg_get_int(c, v, 0, 60, &r->extension_months);
	case RK_FREE:
		return fh_cfg_get_int(c, v, 0, 60, &r->space.free_period_months);
	case RK_LOCK:
		return fh_cfg_get_int(c, v, 0, 240, &r->idle_lock_minutes);
	case RK_FIELDS:
		return read_fields(c, v, r);
	case RK_STAGES:
		return read_stages(c, v, r);
	case RK_MILESTONES:
		return fh_cfg_read_milestones(c, v, r);
	case RK_PARTY:
		return fh_cfg_read_party(c, v, r);
	case RK_GRAD:
		return read_graduation(c, v, r);
	case RK_SYNC:
		return fh_cfg_read_sync(c, v, r);
	case RK_COVERAGE:
		return fh_cfg_read_coverage(c, v, r);
	case RK_FEE_M2:
		return fh_cfg_get_number(c, v, 0, 10000, &r->space.fee_per_m2_month);
	case RK_FEE_SEAT:
		return fh_cfg_get_number(c, v, 0, 100000, &r->space.fee_per_seat_month);
	case RK_HANDOVER:
		return fh_cfg_get_int(c, v, 1, 90, &r->space.handover_working_days);
	case RK_BOOKING:
		return fh_cfg_read_booking(c, v, r);
	case RK_HOLIDAYS:
		return fh_cfg_read_holidays(c, v, r);
	case RK_MENTORING:
		return fh_cfg_read_mentoring(c, v, r);
	default:
		return FH_OK;
	}
}

/* ---- files ------------------------------------------------------------------ */

static fh_status read_level(fh_config *cfg, const char *path, fh_level expect, fh_error *err)
{
	/* "level", then every rule key */
	const char *keys[1 + sizeof rule_keys / sizeof rule_keys[0]] = { "level" };
	memcpy(keys + 1, rule_keys, sizeof rule_keys);
	struct fh_cfg_ctx c = { path, err };
	fh_ynode *root;
	fh_status st = fh_yaml_load(path, &root, err);
	if (st != FH_OK)
		return st;
	fh_rules r;
	rules_defaults(&r);
	unsigned seen = 0;
	if ((st = fh_cfg_want(&c, root, FH_YMAP, _("a map of level settings"))) != FH_OK)
		goto out;
	for (size_t i = 0; st == FH_OK && i < root->n; i++) {
		const fh_ynode *k = root->kids[2 * i], *v = root->kids[2 * i + 1];
		int ki = fh_cfg_key_index(k->value, keys);
		if (ki < 0) {
			st = fh_cfg_unknown_key(&c, k, keys);
		} else if (ki == 0) {
			fh_level l;
			if ((st = fh_cfg_want(&c, v, FH_YSCALAR, _("a level"))) != FH_OK)
				break;
			if (!fh_level_parse(v->value, &l))
				st = fh_cfg_at(&c, v, _("unknown level '%s' (city, district, street, community)"),
					v->value, NULL);
			else if (l != expect)
				st = fh_cfg_at(&c, v, _("level '%s' does not match the file name (%s.yaml)"),
					v->value, fh_level_name(expect));
		} else {
			int which;
			st = apply_rule(&c, k, v, &r, &which);
		}
		if (ki >= 0)
			seen |= 1u << ki;
	}
	/* level, incubation_term_months, free_period_months and fields are required */
	if (st == FH_OK)
		st = fh_cfg_check_required(&c, root, seen, 1u | 2u | 8u | 32u, keys);
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
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of level settings"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int which;
		st = apply_rule(c, k, v, r, &which);
		if (st == FH_OK && which < 0)
			st = fh_cfg_unknown_key(c, k, rule_keys);
	}
	return st;
}

static fh_status read_hub(fh_config *cfg, const char *path, struct hub_entry *e, fh_error *err)
{
	static const char *const keys[] = { "code", "name", "level", "parent", "address",
					    "spaces", "overrides", NULL };
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
		case 1:
			st = fh_cfg_get_text(&c, v, 40, &h->name);
			break;
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
		case 4:
			st = fh_cfg_get_text(&c, v, 100, &h->address);
			break;
		case 5:
			st = fh_cfg_read_spaces(&c, v, h);
			break;
		case 6:
			overrides = v;
			break;
		default:
			st = fh_cfg_unknown_key(&c, k, keys);
		}
		if (ki >= 0)
			seen |= 1u << ki;
	}
	if (st == FH_OK)
		st = fh_cfg_check_required(&c, root, seen, 1u | 2u | 4u, keys);
	if (st == FH_OK && h->level == FH_LEVEL_CITY && h->parent)
		st = fh_error_at(err, path, e->parent_line, e->parent_col, "%s",
				 _("a city hub has no parent"));
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
	return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
				  (n > 4 && strcmp(name + n - 4, ".yml") == 0));
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
		st = fh_error_at(err, ldir, 0, 0, _("cannot read the levels directory: %s"),
				 strerror(errno));
	for (int i = 0; i < n; i++) {
		char *path = join(ldir, list[i]->d_name, "");
		char stem[64];
		snprintf(stem, sizeof stem, "%.*s", (int)strcspn(list[i]->d_name, "."),
			 list[i]->d_name);
		fh_level l;
		if (st != FH_OK || !path) {
			if (!path && st == FH_OK)
				st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		} else if (!fh_level_parse(stem, &l)) {
			st = fh_error_at(err, path, 0, 0,
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
		st = fh_error_at(err, hdir, 0, 0, _("cannot read the hubs directory: %s"),
				 strerror(errno));
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
