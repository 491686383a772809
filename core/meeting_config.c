/* fuhua core — the meeting module's section of the configuration:
 * meetings: how often a branch holds each kind of its organisational life
 * (meeting_rules.h, fuhua-config(5)). */
#include "config_int.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "meeting_int.h"

/* The kinds of the organisational life: their names and words, which the
 * section's keys, the module's rows and the kept days due all use. */
static const char *const kind_names[FH_MEETING_KIND_COUNT][2] = {
	{ "general", "支部党员大会" },
	{ "committee", "支委会" },
	{ "group", "党小组会" },
	{ "lecture", "党课" },
};

const char *fh_meeting_kind_name(fh_meeting_kind k)
{
	return (unsigned)k < FH_MEETING_KIND_COUNT ? kind_names[k][0] : NULL;
}

bool fh_meeting_kind_parse(const char *text, fh_meeting_kind *out)
{
	int i = fh_word_find(kind_names, FH_MEETING_KIND_COUNT, text);
	if (i < 0)
		return false;
	*out = (fh_meeting_kind)i;
	return true;
}

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
