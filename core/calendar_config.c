/* fuhua core — the calendar module's section of the configuration:
 * holidays:, the days off and the weekend days worked (调休), checked and
 * sorted (calendar_rules.h, fuhua-config(5)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar_int.h"
#include "config_int.h"
#include "fuhua/calendar.h"
#include "fuhua/clock.h"
#include "i18n.h"

static void cal_free(fh_rules *r)
{
	free(r->calendar.off);
	free(r->calendar.worked);
	r->calendar = (fh_calendar){ 0 };
}

static int64_t *days_dup(const int64_t *d, size_t n, bool *ok)
{
	if (!n)
		return NULL;
	int64_t *c = malloc(n * sizeof *c);
	if (!c)
		*ok = false;
	else
		memcpy(c, d, n * sizeof *c);
	return c;
}

static bool cal_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	dst->calendar.off = days_dup(src->calendar.off, src->calendar.noff, &ok);
	dst->calendar.worked = days_dup(src->calendar.worked, src->calendar.nworked, &ok);
	return ok;
}

static int cmp_day(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* One entry of a list of days: "2026-10-01" or a range "2026-10-01..2026-10-07",
 * appended to *days. */
static fh_status add_days(struct fh_cfg_ctx *c, const fh_ynode *n, int64_t **days, size_t *nd)
{
	fh_status st = fh_cfg_want(c, n, FH_YSCALAR, _("a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)"));
	if (st != FH_OK)
		return st;
	char a[11], b[11], first[32] = "", last[32] = "";
	const char *dots = strstr(n->value, "..");
	if (dots) {
		snprintf(first, sizeof first, "%.*s", (int)(dots - n->value), n->value);
		snprintf(last, sizeof last, "%s", dots + 2);
	} else {
		snprintf(first, sizeof first, "%s", n->value);
		snprintf(last, sizeof last, "%s", n->value);
	}
	if (strlen(first) != 10 || strlen(last) != 10 || !fh_date_parse(first, a) || !fh_date_parse(last, b))
		return fh_cfg_at(c, n, _("'%s' is not a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)"),
				 n->value, NULL);
	int64_t from = fh_date_epoch(a), to = fh_date_epoch(b);
	if (to < from)
		return fh_cfg_at(c, n, _("the range '%s' ends before it starts"), n->value, NULL);
	for (int64_t d = from; d <= to; d += 86400) { /* China time has no daylight saving */
		if (*nd >= FH_CALENDAR_MAX)
			return fh_cfg_at(c, n, _("too many days (at most 2000)"), NULL, NULL);
		int64_t *grown = realloc(*days, (*nd + 1) * sizeof **days);
		if (!grown)
			return fh_cfg_at(c, n, _("out of memory"), NULL, NULL);
		*days = grown;
		(*days)[(*nd)++] = d;
	}
	return FH_OK;
}

static fh_status read_days(struct fh_cfg_ctx *c, const fh_ynode *n, int64_t **days, size_t *nd)
{
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of dates"));
	for (size_t i = 0; st == FH_OK && i < n->n; i++)
		st = add_days(c, n->kids[i], days, nd);
	if (st == FH_OK && *nd)
		qsort(*days, *nd, sizeof **days, cmp_day);
	return st;
}

static fh_status read_holidays(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	static const char *const keys[] = { "off", "worked", NULL };
	fh_status st = fh_cfg_want(c, n, FH_YMAP, _("a map of days off and days worked"));
	int64_t *off = NULL, *worked = NULL;
	size_t noff = 0, nworked = 0;
	const fh_ynode *worked_node = NULL;
	for (size_t i = 0; st == FH_OK && i < n->n; i++) {
		const fh_ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		switch (fh_cfg_key_index(k->value, keys)) {
		case 0: st = read_days(c, v, &off, &noff); break;
		case 1:
			worked_node = v;
			st = read_days(c, v, &worked, &nworked);
			break;
		default: st = fh_cfg_unknown_key(c, k, keys);
		}
	}
	/* a worked day is a Saturday or Sunday, and not also a day off */
	for (size_t i = 0; st == FH_OK && i < nworked; i++) {
		int wd = fh_weekday(worked[i]); /* 0 = Monday */
		char d[16];
		fh_clock_format_date(worked[i], d, sizeof d);
		if (wd < 5)
			st = fh_cfg_at(c, worked_node,
				       _("%s is a weekday: only a Saturday or Sunday can be a day worked"), d, NULL);
		else if (bsearch(&worked[i], off, noff, sizeof *off, cmp_day))
			st = fh_cfg_at(c, worked_node, _("%s is both a day off and a day worked"), d, NULL);
	}
	if (st != FH_OK) {
		free(off);
		free(worked);
		return st;
	}
	cal_free(r);
	r->calendar = (fh_calendar){ .off = off, .noff = noff, .worked = worked, .nworked = nworked };
	return FH_OK;
}

static const struct fh_cfg_key section_keys[] = {
	{ "holidays", false, read_holidays },
	{ NULL },
};

const struct fh_cfg_section fh_calendar_config = { .keys = section_keys, .copy = cal_copy, .free = cal_free };
