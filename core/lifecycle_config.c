/* fuhua core — the lifecycle module's section of the configuration: the
 * incubation term and its extension, the stages' labels and time limits, and
 * the graduation criteria, with their defaults and checks
 * (lifecycle_rules.h, fuhua-config(5)). */
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "i18n.h"
#include "lifecycle_int.h"

void fh_lifecycle_rules_defaults(fh_lifecycle_rules *r)
{
	*r = (fh_lifecycle_rules){
		.incubation_term_months = 24,
		.extension_months = 0,
		.grad_min_months = 12,
		.grad_all_milestones = true,
		.grad_party_coverage = true,
		.grad_min_rating = 0,
		.grad_registered = true,
		.grad_handovers = true,
	};
}

static void defaults(fh_rules *r)
{
	fh_lifecycle_rules_defaults(&r->lifecycle);
}

static bool life_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	for (int s = 0; s < FH_STAGE_COUNT; s++)
		dst->lifecycle.stages[s].label = fh_cfg_dup(src->lifecycle.stages[s].label, &ok);
	return ok;
}

static void life_free(fh_rules *r)
{
	for (int s = 0; s < FH_STAGE_COUNT; s++) {
		free(r->lifecycle.stages[s].label);
		r->lifecycle.stages[s].label = NULL;
	}
}

static fh_status read_term(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	return fh_cfg_get_int(c, n, 1, 120, &r->lifecycle.incubation_term_months);
}

static fh_status read_extension(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	return fh_cfg_get_int(c, n, 0, 60, &r->lifecycle.extension_months);
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
			case 0: st = fh_cfg_get_text(c, vv, 12, &r->lifecycle.stages[s].label); break;
			case 1: st = fh_cfg_get_int(c, vv, 0, 3650, &r->lifecycle.stages[s].max_days); break;
			default: st = fh_cfg_unknown_key(c, kk, keys);
			}
		}
	}
	return st;
}

static fh_status read_graduation(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "min_months", "all_milestones", "party_coverage",
					    "min_rating", "registered",     "handovers_clear",
					    NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of graduation criteria"));
	fh_lifecycle_rules g = r->lifecycle;
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = fh_cfg_get_int(c, v, 0, 120, &g.grad_min_months); break;
		case 1: st = fh_cfg_get_bool(c, v, &g.grad_all_milestones); break;
		case 2: st = fh_cfg_get_bool(c, v, &g.grad_party_coverage); break;
		case 3: st = fh_cfg_get_int(c, v, 0, 5, &g.grad_min_rating); break;
		case 4: st = fh_cfg_get_bool(c, v, &g.grad_registered); break;
		case 5: st = fh_cfg_get_bool(c, v, &g.grad_handovers); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	if (st == FH_OK) {
		r->lifecycle.grad_min_months = g.grad_min_months;
		r->lifecycle.grad_all_milestones = g.grad_all_milestones;
		r->lifecycle.grad_party_coverage = g.grad_party_coverage;
		r->lifecycle.grad_min_rating = g.grad_min_rating;
		r->lifecycle.grad_registered = g.grad_registered;
		r->lifecycle.grad_handovers = g.grad_handovers;
	}
	return st;
}

static const struct fh_cfg_key section_keys[] = {
	{ "incubation_term_months", true, read_term },
	{ "extension_months", false, read_extension },
	{ "stages", false, read_stages },
	{ "graduation", false, read_graduation },
	{ NULL },
};

const struct fh_cfg_section fh_lifecycle_config = {
	.keys = section_keys,
	.defaults = defaults,
	.copy = life_copy,
	.free = life_free,
};
