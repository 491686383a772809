/* fuhua core — the report module's section of the configuration:
 * reports: where the Reports screen files them (report_rules.h,
 * fuhua-config(5)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "i18n.h"
#include "report_int.h"

void fh_report_rules_defaults(fh_report_rules *r)
{
	*r = (fh_report_rules){ .dir = "" };
}

static void defaults(fh_rules *r)
{
	fh_report_rules_defaults(&r->reports);
}

/* reports: { dir: /var/lib/fuhua/reports }, read whole before r changes. */
static fh_status read_reports(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "dir", NULL };
	fh_report_rules next = r->reports;
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of report rules"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		if (fh_cfg_key_index(k->value, keys) != 0) {
			st = fh_cfg_unknown_key(c, k, keys);
			break;
		}
		char *dir = NULL;
		if ((st = fh_cfg_get_text(c, v, FH_REPORT_DIR_MAX, &dir)) == FH_OK) {
			if (strcmp(dir, "..") == 0 || strncmp(dir, "../", 3) == 0 || strstr(dir, "/../") ||
			    (strlen(dir) >= 3 && strcmp(dir + strlen(dir) - 3, "/..") == 0))
				st = fh_cfg_at(c, v, _("a folder without '..' in it"), NULL, NULL);
			else
				snprintf(next.dir, sizeof next.dir, "%s", dir);
		}
		free(dir);
	}
	if (st == FH_OK)
		r->reports = next;
	return st;
}

static const struct fh_cfg_key section_keys[] = {
	{ "reports", false, read_reports },
	{ NULL },
};

const struct fh_cfg_section fh_report_config = { .keys = section_keys, .defaults = defaults };
