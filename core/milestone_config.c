/* fuhua core — the milestone module's section of the configuration: the
 * milestone templates of both tracks and the mentoring rules, their defaults
 * and checks (milestone_rules.h, fuhua-config(5)). */
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "i18n.h"
#include "milestone_int.h"

static const char *const milestone_kinds[] = {
	"task",   "grant",     "contract",   "registration", "inspection", "election",
	"rating", "party_org", "instructor", "party_work",   NULL,
};

static void tpl_free(fh_milestone_tpl *t, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(t[i].code);
		free(t[i].title);
		free(t[i].kind);
		free(t[i].title_en);
		free(t[i].evidence);
	}
	free(t);
}

static fh_status read_templates(struct fh_cfg_ctx *c, const fh_ynode *n, fh_milestone_tpl **out, size_t *nout)
{
	static const char *const keys[] = { "code",     "title",    "due_months", "kind", "title_en",
					    "evidence", "required", "min_rating", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of milestones"));
	if (st != FH_OK)
		return st;
	if (n->n > 100)
		return fh_cfg_at(c, n, _("too many milestones (at most 100)"), NULL, NULL);
	fh_milestone_tpl *t = n->n ? calloc(n->n, sizeof *t) : NULL;
	if (n->n && !t)
		return fh_error_set(c->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *m = n->kids[i];
		unsigned seen = 0;
		t[i].required = true;
		t[i].min_rating = 3;
		if ((st = fh_cfg_want(c, m, FH_YMAP, _("a milestone (a map)"))) != FH_OK)
			break;
		for (size_t j = 0; st == FH_OK && j < m->n; j++) {
			const fh_ynode *k = m->kids[2 * j], *v = m->kids[2 * j + 1];
			int ki = fh_cfg_key_index(k->value, keys);
			switch (ki) {
			case 0:
				st = fh_cfg_get_code(c, v, &t[i].code);
				for (size_t p = 0; st == FH_OK && p < i; p++)
					if (strcmp(t[p].code, t[i].code) == 0)
						st = fh_cfg_at(c, v, _("milestone code '%s' is used twice"), t[i].code,
							       NULL);
				break;
			case 1: st = fh_cfg_get_text(c, v, 40, &t[i].title); break;
			case 2: st = fh_cfg_get_int(c, v, 0, 120, &t[i].due_months); break;
			case 3:
				if ((st = fh_cfg_want(c, v, FH_YSCALAR, _("a milestone kind"))) == FH_OK) {
					if (fh_cfg_key_index(v->value, milestone_kinds) < 0)
						st = fh_cfg_at(
							c, v,
							_("unknown milestone kind '%s' (task, grant, contract, registration, inspection, election, rating, party_org, instructor, party_work)"),
							v->value, NULL);
					else if (!(t[i].kind = strdup(v->value)))
						st = fh_error_set(c->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
				}
				break;
			case 4: st = fh_cfg_get_text(c, v, 60, &t[i].title_en); break;
			case 5: st = fh_cfg_get_text(c, v, 60, &t[i].evidence); break;
			case 6: st = fh_cfg_get_bool(c, v, &t[i].required); break;
			case 7: st = fh_cfg_get_int(c, v, 1, 5, &t[i].min_rating); break;
			default: st = fh_cfg_unknown_key(c, k, keys);
			}
			if (ki >= 0)
				seen |= 1u << ki;
		}
		if (st == FH_OK)
			st = fh_cfg_check_required(c, m, seen, 0x7, keys);
		if (st == FH_OK && !t[i].kind && !(t[i].kind = strdup("task")))
			st = fh_error_set(c->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	}
	if (st != FH_OK) {
		tpl_free(t, n->n);
		return st;
	}
	tpl_free(*out, *nout);
	*out = t;
	*nout = n->n;
	return FH_OK;
}

static fh_status read_milestones(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "org", "party", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map with org and party"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = read_templates(c, v, &r->milestone.org, &r->milestone.norg); break;
		case 1: st = read_templates(c, v, &r->milestone.party, &r->milestone.nparty); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	return st;
}

/* mentoring: quiet_days, and lead_days: the reminders before a due date. */
static fh_status read_mentoring(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "quiet_days", "lead_days", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of mentoring rules"));
	fh_milestone_rules m = r->milestone;
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int ki = fh_cfg_key_index(k->value, keys);
		if (ki == 0) {
			st = fh_cfg_get_int(c, v, 1, 365, &m.quiet_days);
		} else if (ki == 1 && (st = fh_cfg_want(c, v, FH_YSEQ, _("a list of days"))) == FH_OK) {
			if (v->n < 1 || v->n > FH_LEAD_DAYS_MAX)
				st = fh_cfg_at(c, v, _("needs 1 to 4 lead times"), NULL, NULL);
			for (size_t j = 0; st == FH_OK && j < v->n; j++)
				st = fh_cfg_get_int(c, v->kids[j], 0, 365, &m.lead_days[j]);
			if (st == FH_OK)
				m.nlead = (int)v->n;
		} else if (ki < 0) {
			st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	if (st == FH_OK) {
		r->milestone.quiet_days = m.quiet_days;
		memcpy(r->milestone.lead_days, m.lead_days, sizeof m.lead_days);
		r->milestone.nlead = m.nlead;
	}
	return st;
}

void fh_milestone_rules_defaults(fh_milestone_rules *r)
{
	*r = (fh_milestone_rules){ .quiet_days = 30, .lead_days = { 30, 7, 0 }, .nlead = 3 };
}

static void defaults(fh_rules *r)
{
	fh_milestone_rules_defaults(&r->milestone);
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
		d[i] = t[i];
		d[i].code = fh_cfg_dup(t[i].code, ok);
		d[i].title = fh_cfg_dup(t[i].title, ok);
		d[i].kind = fh_cfg_dup(t[i].kind, ok);
		d[i].title_en = fh_cfg_dup(t[i].title_en, ok);
		d[i].evidence = fh_cfg_dup(t[i].evidence, ok);
	}
	return d;
}

static bool ms_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	dst->milestone.org = tpl_copy(src->milestone.org, src->milestone.norg, &ok);
	dst->milestone.party = tpl_copy(src->milestone.party, src->milestone.nparty, &ok);
	return ok;
}

static void ms_free(fh_rules *r)
{
	tpl_free(r->milestone.org, r->milestone.norg);
	tpl_free(r->milestone.party, r->milestone.nparty);
	r->milestone.org = r->milestone.party = NULL;
	r->milestone.norg = r->milestone.nparty = 0;
}

static const struct fh_cfg_key section_keys[] = {
	{ "milestones", false, read_milestones },
	{ "mentoring", false, read_mentoring },
	{ NULL },
};

const struct fh_cfg_section fh_milestone_config = {
	.keys = section_keys,
	.defaults = defaults,
	.copy = ms_copy,
	.free = ms_free,
};
