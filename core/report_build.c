/* fuhua core — a report built (sheet.h): its period, the scope's hubs, the
 * builder of its kind, a closed month's kept figures (report_kept.c) in
 * place of the rows read, and then every total and rate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "report_int.h"
#include "store_int.h"

/* The period of d (year and month set) into b, its state into d; FH_EINVAL
 * for one not begun or of the wrong kind. */
static fh_status period(struct fh_report_build *b, fh_error *err)
{
	fh_report_doc *d = b->d;
	bool yearly = d->kind == FH_REPORT_ANNUAL;
	if (yearly ? d->month != 0 : d->month < 1 || d->month > 12)
		return fh_error_set(err, FH_EINVAL, "month", "%s",
				    yearly ? _("the annual report is of a year, not a month")
					   : _("a month begun, as YYYY-MM"));
	char first[16];
	snprintf(first, sizeof first, "%04d-%02d-01", d->year, yearly ? 1 : d->month);
	int64_t today = fh_clock_day(fh_clock_now());
	b->from = d->year >= 2000 && d->year <= 2100 ? fh_date_epoch(first) : 0;
	if (!b->from || b->from > today)
		return fh_error_set(err, FH_EINVAL, yearly ? "year" : "month", "%s",
				    yearly ? _("a year begun, from 2000") : _("a month begun, as YYYY-MM"));
	b->to = fh_clock_add_months(b->from, yearly ? 12 : 1);
	d->preliminary = b->to - 86400 >= today;
	d->as_of = d->preliminary ? today : b->to - 86400;
	return FH_OK;
}

static fh_status build(struct fh_report_build *b, fh_error *err)
{
	fh_report_doc *d = b->d;
	fh_occupancy *o;
	fh_status st;
	if ((st = period(b, err)) != FH_OK || (st = fh_actor_hub(b->s, b->actor, b->hub_code, &b->hub, err)) != FH_OK ||
	    (st = fh_occupancy_report(b->s, b->actor, b->hub_code, d->as_of, false, &o, &b->nhubs, err)) != FH_OK)
		return st;
	b->hubs = o;
	if (b->nhubs) {
		fh_text_copy(d->hub_code, sizeof d->hub_code, o[0].code);
		fh_text_copy(d->hub_name, sizeof d->hub_name, o[0].name);
	}
	st = d->kind == FH_REPORT_MONTHLY    ? fh_report_monthly_sheets(b, err)
		: d->kind == FH_REPORT_PARTY ? fh_report_party_sheets(b, err)
					     : fh_report_annual_sheets(b, err);
	free(o);
	b->hubs = NULL;
	if (st == FH_OK && d->kind != FH_REPORT_ANNUAL && (st = fh_report_kept(b->s, d, err)) == FH_OK)
		d->preliminary = !d->closed_on;
	for (int i = 0; st == FH_OK && i < d->nsheets; i++)
		fh_report_sheet_close(&d->sheets[i]);
	if (st == FH_OK)
		st = fh_party_references(b->s, b->hub ? b->hub : b->actor->hub_id, d->refs, FH_COVERAGE_REFS_MAX,
					 &d->nrefs, err);
	return st;
}

fh_status fh_report_build(fh_store *s, const fh_actor *actor, fh_report_kind kind, const char *hub_code, int year,
			  int month, fh_report_doc *out, fh_error *err)
{
	memset(out, 0, sizeof *out);
	if ((unsigned)kind >= FH_REPORT_KIND_COUNT)
		return fh_error_set(err, FH_EINVAL, "report", "%s", _("a report: monthly, party or annual"));
	static const char *const titles[FH_REPORT_KIND_COUNT] = {
		N_("Monthly report"),
		N_("Party-building report"),
		N_("Annual report"),
	};
	out->kind = kind;
	out->key = fh_report_kind_name(kind);
	out->title = titles[kind];
	out->year = year;
	out->month = month;
	struct fh_report_build b = { .s = s, .actor = actor, .hub_code = hub_code, .d = out };
	fh_status st = build(&b, err);
	if (st != FH_OK)
		fh_report_doc_free(out);
	return st;
}

void fh_report_doc_free(fh_report_doc *d)
{
	for (int i = 0; i < d->nsheets; i++)
		free(d->sheets[i].rows);
	d->nsheets = 0;
}
