/* fuhua core — the report module's rules as the database keeps them
 * (hubs.reports_dir) and the folder they name (fh_report_dir). */
#include <stdio.h>
#include <string.h>

#include "config_int.h"
#include "fuhua/config.h"
#include "fuhua/scratch.h"
#include "i18n.h"
#include "report_int.h"
#include "store_int.h"

fh_status fh_report_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "UPDATE hubs SET reports_dir = ?2 WHERE id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_text(q, 2, r->reports.dir[0] ? r->reports.dir : NULL);
	return fh_store_done(s, q, _("saving hub rules"), err);
}

void fh_report_describe_rules(fh_buf *b, const fh_rules *r)
{
	fh_buf_printf(b, "|rd:%s", r->reports.dir);
}

fh_status fh_report_dir(fh_store *s, const char *hub_code, char *dir, size_t size, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT ifnull(reports_dir, '') FROM hubs WHERE code = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_text(q, 1, hub_code);
	int rc = fh_step(q);
	char own[FH_REPORT_DIR_MAX * 4 + 1] = "";
	if (rc == FH_ROW)
		snprintf(own, sizeof own, "%s", fh_column_str(q, 0));
	fh_reset(q);
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub '%s'"), hub_code ? hub_code : "");
	if (rc != FH_ROW)
		return fh_store_fail(s, err, _("reading hub rules"));
	if (own[0] == '/') {
		snprintf(dir, size, "%s", own);
		return FH_OK;
	}
	char base[4096];
	fh_scratch_dir_of(fh_store_path(s), base, sizeof base); /* the database's folder */
	snprintf(dir, size, "%s%s%s", base, strcmp(base, "/") == 0 ? "" : "/", own[0] ? own : "reports");
	return FH_OK;
}
