/* fuhua core — the follow-up module's section of the configuration:
 * followup: the months after graduation a graduate is visited
 * (followup_rules.h, fuhua-config(5)). */
#include "config_int.h"
#include "followup_int.h"
#include "i18n.h"

void fh_followup_rules_defaults(fh_followup_rules *r)
{
	*r = (fh_followup_rules){ .months = { 3, 6, 12 }, .n = 3 };
}

static void defaults(fh_rules *r)
{
	fh_followup_rules_defaults(&r->followup);
}

/* followup: { months: [3, 6, 12] }, read whole before r changes. */
static fh_status read_followup(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "months", NULL };
	fh_followup_rules next = r->followup;
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of follow-up rules"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		if (fh_cfg_key_index(k->value, keys) != 0) {
			st = fh_cfg_unknown_key(c, k, keys);
			break;
		}
		if ((st = fh_cfg_want(c, v, FH_YSEQ, _("a list of months"))) != FH_OK)
			break;
		if (v->n > FH_FOLLOWUP_MAX)
			st = fh_cfg_at(c, v, _("at most 6 follow-ups"), NULL, NULL);
		for (size_t j = 0; st == FH_OK && j < v->n; j++) {
			st = fh_cfg_get_int(c, v->kids[j], 1, 60, &next.months[j]);
			if (st == FH_OK && j > 0 && next.months[j] <= next.months[j - 1])
				st = fh_cfg_at(c, v->kids[j], _("the months must rise (3, 6, 12)"), NULL, NULL);
		}
		next.n = (int)v->n;
	}
	if (st == FH_OK)
		r->followup = next;
	return st;
}

static const struct fh_cfg_key section_keys[] = {
	{ "followup", false, read_followup },
	{ NULL },
};

const struct fh_cfg_section fh_followup_config = { .keys = section_keys, .defaults = defaults };
