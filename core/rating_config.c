/* fuhua core — the rating module's section of the configuration:
 * ratings: with how long a rating holds and how early its expiry is listed
 * (rating_rules.h, fuhua-config(5)). */
#include "config_int.h"
#include "i18n.h"
#include "rating_int.h"

void fh_rating_rules_defaults(fh_rating_rules *r)
{
	*r = (fh_rating_rules){ .valid_years = 5, .warn_days = 180 };
}

static void defaults(fh_rules *r)
{
	fh_rating_rules_defaults(&r->rating);
}

/* ratings: read whole before r changes (an error leaves r as it was). */
static fh_status read_ratings(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "valid_years", "warn_days", NULL };
	fh_rating_rules next = r->rating;
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of rating rules"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = fh_cfg_get_int(c, v, 1, 10, &next.valid_years); break;
		case 1: st = fh_cfg_get_int(c, v, 1, 730, &next.warn_days); break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	if (st == FH_OK)
		r->rating = next;
	return st;
}

static const struct fh_cfg_key section_keys[] = {
	{ "ratings", false, read_ratings },
	{ NULL },
};

const struct fh_cfg_section fh_rating_config = { .keys = section_keys, .defaults = defaults };
