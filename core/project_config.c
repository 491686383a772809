/* fuhua core — the project module's section of the configuration:
 * projects: with its funders, the days an evaluation is due after a
 * project's end and a service contract's share paid before it
 * (project_rules.h, fuhua-config(5)). */
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "i18n.h"
#include "project_int.h"

/* The words of a project's kind, state and grade, which the rows, the
 * commands and the kept totals all use. */
static const char *const kind_names[FH_PROJECT_KIND_COUNT] = { "venture_grant", "service_contract", "subsidy",
							       "other" };
static const char *const state_names[FH_PROJECT_STATE_COUNT] = { "applied", "approved",  "running",
								 "closed",  "evaluated", "refused" };
static const char *const grade_names[FH_GRADE_COUNT] = { "", "excellent", "good", "pass", "fail" };

static bool parse(const char *const *names, int count, const char *name, int *out)
{
	for (int i = 0; name && i < count; i++)
		if (names[i][0] && strcmp(names[i], name) == 0) {
			*out = i;
			return true;
		}
	return false;
}

const char *fh_project_kind_name(fh_project_kind k)
{
	return (unsigned)k < FH_PROJECT_KIND_COUNT ? kind_names[k] : NULL;
}

bool fh_project_kind_parse(const char *name, fh_project_kind *out)
{
	int i;
	return parse(kind_names, FH_PROJECT_KIND_COUNT, name, &i) ? (*out = (fh_project_kind)i, true) : false;
}

const char *fh_project_state_name(fh_project_state s)
{
	return (unsigned)s < FH_PROJECT_STATE_COUNT ? state_names[s] : NULL;
}

bool fh_project_state_parse(const char *name, fh_project_state *out)
{
	int i;
	return parse(state_names, FH_PROJECT_STATE_COUNT, name, &i) ? (*out = (fh_project_state)i, true) : false;
}

const char *fh_project_grade_name(fh_project_grade g)
{
	return (unsigned)g < FH_GRADE_COUNT ? grade_names[g] : NULL;
}

bool fh_project_grade_parse(const char *name, fh_project_grade *out)
{
	int i;
	return parse(grade_names, FH_GRADE_COUNT, name, &i) ? (*out = (fh_project_grade)i, true) : false;
}

void fh_project_rules_defaults(fh_project_rules *r)
{
	*r = (fh_project_rules){ .evaluation_days = 90, .contract_advance_percent = 70 };
}

static void defaults(fh_rules *r)
{
	fh_project_rules_defaults(&r->project);
}

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static bool project_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	dst->project.funders = NULL;
	if (!src->project.nfunders)
		return true;
	if (!(dst->project.funders = calloc(src->project.nfunders, sizeof *dst->project.funders))) {
		dst->project.nfunders = 0;
		return false;
	}
	for (size_t i = 0; i < src->project.nfunders; i++)
		dst->project.funders[i] = fh_cfg_dup(src->project.funders[i], &ok);
	return ok;
}

static void project_free(fh_rules *r)
{
	strv_free(r->project.funders, r->project.nfunders);
	r->project.funders = NULL;
	r->project.nfunders = 0;
}

static fh_status read_funders(struct fh_cfg_ctx *c, const fh_ynode *n, fh_project_rules *r)
{
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of funders"));
	if (st != FH_OK)
		return st;
	if (n->n > FH_FUNDERS_MAX)
		return fh_cfg_at(c, n, _("too many funders (at most 40)"), NULL, NULL);
	char **v = n->n ? calloc(n->n, sizeof *v) : NULL;
	if (n->n && !v)
		return fh_cfg_oom(c);
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		st = fh_cfg_get_text(c, n->kids[i], 30, &v[i]);
		for (size_t j = 0; st == FH_OK && j < i; j++)
			if (strcmp(v[i], v[j]) == 0)
				st = fh_cfg_at(c, n->kids[i], _("funder '%s' is listed twice"), v[i], NULL);
	}
	if (st != FH_OK) {
		strv_free(v, n->n);
		return st;
	}
	strv_free(r->funders, r->nfunders);
	r->funders = v;
	r->nfunders = n->n;
	return FH_OK;
}

/* projects: read whole before r changes (an error leaves r as it was). */
static fh_status read_projects(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "funders", "evaluation_days", "contract_advance_percent", NULL };
	fh_project_rules next = r->project;
	next.funders = NULL;
	next.nfunders = 0;
	bool funders = false;
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of project rules"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0:
			st = read_funders(c, v, &next);
			funders = true;
			break;
		case 1: st = fh_cfg_get_int(c, v, 1, 365, &next.evaluation_days); break;
		case 2: st = fh_cfg_get_int(c, v, 0, 100, &next.contract_advance_percent); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	if (st != FH_OK || !funders) {
		strv_free(next.funders, next.nfunders);
		if (st != FH_OK)
			return st;
		next.funders = r->project.funders; /* a hub that names no funders keeps its level's */
		next.nfunders = r->project.nfunders;
	} else {
		strv_free(r->project.funders, r->project.nfunders);
	}
	r->project = next;
	return FH_OK;
}

static const struct fh_cfg_key section_keys[] = {
	{ "projects", false, read_projects },
	{ NULL },
};

const struct fh_cfg_section fh_project_config = {
	.keys = section_keys, .defaults = defaults, .copy = project_copy, .free = project_free
};
