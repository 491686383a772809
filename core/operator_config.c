/* fuhua core — the operator module's section of the configuration:
 * idle_lock_minutes, how long a screen stays open with no key pressed
 * (operator_rules.h, fuhua-config(5)). */
#include "config_int.h"
#include "operator_int.h"

void fh_operator_rules_defaults(fh_operator_rules *r)
{
	*r = (fh_operator_rules){ .idle_lock_minutes = 10 };
}

static void defaults(fh_rules *r)
{
	fh_operator_rules_defaults(&r->operator);
}

static fh_status read_lock(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	return fh_cfg_get_int(c, n, 0, 240, &r->operator.idle_lock_minutes);
}

static const struct fh_cfg_key section_keys[] = {
	{ "idle_lock_minutes", false, read_lock },
	{ NULL },
};

const struct fh_cfg_section fh_operator_config = { .keys = section_keys, .defaults = defaults };
