/* fuhua core — the party module's section of the configuration: party:,
 * sync: and coverage: in a level file or a hub's overrides, their defaults
 * and checks (party_rules.h, fuhua-config(5)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "fuhua/tenant.h"
#include "i18n.h"
#include "party_int.h"

void fh_party_rules_defaults(fh_party_rules *r)
{
	*r = (fh_party_rules){
		.branch_min_members = 3,
		.instructor_required = true,
		.committee_term_years = 3,
		.joint_max_tenants = 5,
		.registration_days = 5,
		.annual_deadline = 531,
		.org_forms = 1u << FH_PARTY_BRANCH | 1u << FH_PARTY_JOINT_BRANCH,
	};
}

static void defaults(fh_rules *r)
{
	fh_party_rules_defaults(&r->dual);
}

static fh_status read_party(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "branch_min_members", "instructor_required", "committee_term_years",
					    "joint_max_tenants", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of party rules"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = fh_cfg_get_int(c, v, 3, 50, &r->dual.branch_min_members); break;
		case 1: st = fh_cfg_get_bool(c, v, &r->dual.instructor_required); break;
		case 2: st = fh_cfg_get_int(c, v, 1, 10, &r->dual.committee_term_years); break;
		case 3: st = fh_cfg_get_int(c, v, 2, 50, &r->dual.joint_max_tenants); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	return st;
}

/* "05-31": a month and day that exist in every year (not 02-29). */
static fh_status get_month_day(struct fh_cfg_ctx *c, const fh_ynode *n, int *out)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	fh_status st = fh_cfg_want(c, n, FH_YSCALAR, _("a month and day (MM-DD)"));
	if (st != FH_OK)
		return st;
	int m, d;
	char end;
	if (strlen(n->value) != 5 || sscanf(n->value, "%2d-%2d%c", &m, &d, &end) != 2 || m < 1 || m > 12 || d < 1 ||
	    d > days[m - 1])
		return fh_cfg_at(c, n, _("'%s' is not a day of every year (MM-DD, like 05-31)"), n->value, NULL);
	*out = m * 100 + d;
	return FH_OK;
}

static fh_status read_sync(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "registration_days", "annual_deadline", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of sync rules"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = fh_cfg_get_int(c, v, 1, 60, &r->dual.registration_days); break;
		case 1: st = get_month_day(c, v, &r->dual.annual_deadline); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	return st;
}

static fh_status read_org_forms(struct fh_cfg_ctx *c, const fh_ynode *n, unsigned *out)
{
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of forms of party organisation"));
	unsigned forms = 0;
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		fh_party_org f;
		if ((st = fh_cfg_want(c, n->kids[i], FH_YSCALAR, _("a form of party organisation"))) != FH_OK)
			break;
		if (!fh_party_org_parse(n->kids[i]->value, &f) || f == FH_PARTY_NONE)
			st = fh_cfg_at(
				c, n->kids[i],
				_("'%s' is not a form of party organisation (branch, joint_branch, functional, extended)"),
				n->kids[i]->value, NULL);
		else
			forms |= 1u << f;
	}
	if (st == FH_OK && !forms)
		st = fh_cfg_at(c, n, _("needs at least one form"), NULL, NULL);
	if (st == FH_OK)
		*out = forms;
	return st;
}

static fh_status read_refs(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "name", "org", "work", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of reference rates"));
	if (st == FH_OK && n->n > FH_COVERAGE_REFS_MAX)
		st = fh_cfg_at(c, n, _("too many reference rates (at most 8)"), NULL, NULL);
	fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *m = n->kids[i];
		unsigned seen = 0;
		char *name = NULL;
		refs[i].work = -1;
		if ((st = fh_cfg_want(c, m, FH_YMAP, _("a reference rate (a map)"))) != FH_OK)
			break;
		for (size_t j = 0; st == FH_OK && j < m->n; j++) {
			const fh_ynode *k = m->kids[2 * j], *v = m->kids[2 * j + 1];
			int ki = fh_cfg_key_index(k->value, keys);
			if (ki == 0 && (st = fh_cfg_get_text(c, v, 20, &name)) == FH_OK)
				snprintf(refs[i].name, sizeof refs[i].name, "%s", name);
			else if (ki == 1)
				st = fh_cfg_get_number(c, v, 0, 100, &refs[i].org);
			else if (ki == 2)
				st = fh_cfg_get_number(c, v, 0, 100, &refs[i].work);
			else if (ki < 0)
				st = fh_cfg_unknown_key(c, k, keys);
			if (ki >= 0)
				seen |= 1u << ki;
		}
		free(name);
		if (st == FH_OK)
			st = fh_cfg_check_required(c, m, seen, 0x3, keys);
	}
	if (st == FH_OK) {
		memcpy(r->dual.refs, refs, n->n * sizeof *refs);
		r->dual.nrefs = n->n;
	}
	return st;
}

static fh_status read_coverage(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "org_forms", "references", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of coverage rules"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = read_org_forms(c, v, &r->dual.org_forms); break;
		case 1: st = read_refs(c, v, r); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	return st;
}

static const struct fh_cfg_key section_keys[] = {
	{ "party", false, read_party },
	{ "sync", false, read_sync },
	{ "coverage", false, read_coverage },
	{ NULL },
};

const struct fh_cfg_section fh_party_config = { .keys = section_keys, .defaults = defaults };
