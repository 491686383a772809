/* fuhua core — the meeting module's section of the configuration:
 * meetings: how often a branch holds each kind of its organisational life
 * (meeting_rules.h, fuhua-config(5)). */
#include "config_int.h"
#include "i18n.h"
#include "meeting_int.h"

void fh_meeting_rules_defaults(fh_meeting_rules *r)
{
	*r = (fh_meeting_rules){ .months = { 3, 1, 1, 3 } };
}

static void defaults(fh_rules *r)
{
	fh_meeting_rules_defaults(&r->meeting);
}

/* meetings: { general: 3, committee: 1, group: 1, lecture: 3 }, read whole
 * before r changes. */
static fh_status read_meetings(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "general", "committee", "group", "lecture", NULL };
	fh_meeting_rules next = r->meeting;
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of months per kind of meeting"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		int ki = fh_cfg_key_index(k->value, keys);
		st = ki < 0 ? fh_cfg_unknown_key(c, k, keys) : fh_cfg_get_int(c, v, 0, 12, &next.months[ki]);
	}
	if (st == FH_OK)
		r->meeting = next;
	return st;
}

static const struct fh_cfg_key section_keys[] = {
	{ "meetings", false, read_meetings },
	{ NULL },
};

const struct fh_cfg_section fh_meeting_config = { .keys = section_keys, .defaults = defaults };
