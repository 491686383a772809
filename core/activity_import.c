/* fuhua core — activities from a spreadsheet (fh_activity_import): one
 * pass in one write transaction, each row checked as fh_activity_add
 * checks it and written when good; a problem anywhere rolls the whole file
 * back unless the good rows are wanted. The totals kept per hub and month
 * are added once per hub and month at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity_int.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "import_int.h"
#include "project_int.h"
#include "store_int.h"

enum col { C_DATE, C_TENANT, C_TITLE, C_KIND, C_PLACE, C_PROJECT, C_SERVED, C_VOLUNTEERS, C_HOURS, C_COUNT };

/* each column's identifier, then what spreadsheets call it */
static const char *const headings[C_COUNT][5] = {
	[C_DATE] = { "date", "日期", "活动日期", "时间", "on" },
	[C_TENANT] = { "tenant", "机构", "组织", "机构名称", "组织名称" },
	[C_TITLE] = { "title", "活动名称", "名称", "活动主题", "主题" },
	[C_KIND] = { "kind", "类型", "活动类型", "类别", NULL },
	[C_PLACE] = { "place", "地点", "活动地点", "场地", NULL },
	[C_PROJECT] = { "project", "项目", "项目编号", "所属项目", NULL },
	[C_SERVED] = { "served", "服务人次", "参与人次", "人次", "受益人次" },
	[C_VOLUNTEERS] = { "volunteers", "志愿者", "志愿者人数", "志愿者人次", NULL },
	[C_HOURS] = { "volunteer_hours", "志愿时长", "志愿服务时长", "志愿服务时长(小时)", "志愿时长(小时)" },
};

/* A tenant as the rows name it, looked up once per name. */
struct who {
	char *key;
	int64_t id, hub; /* id 0: none in scope (why says why) */
	fh_stage stage;
	int64_t admitted_on, stage_since;
	char name[128];
	char why[200];
};

/* A hub's month of good rows. */
struct month_sum {
	int64_t hub;
	int month; /* 0: an empty slot */
	struct fh_activity_sums sums;
};

struct ctx {
	fh_store *s;
	const fh_actor *actor;
	fh_import_result *res;
	int64_t scope;
	int map[FH_CSV_MAX_CELLS]; /* a column's enum col, or -1 */
	size_t ncols;
	struct who *who; /* open addressing by key */
	size_t nwho, capwho;
	struct month_sum *sums; /* open addressing by hub and month */
	size_t nsums, capsums;
	int64_t first_id; /* the first row written, and the lines written since */
	size_t *lines, nlines, caplines;
	fh_status failed; /* the store's error, which ends the import */
	fh_error fail_err;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* Grows an open-addressing table of `size`-byte slots to twice its
 * capacity, placing each used slot again with `rehash`. */
static bool grow_table(void **slots, size_t *cap, size_t size, bool (*used)(const void *),
		       size_t (*slot_of)(const void *, size_t))
{
	size_t ncap = *cap ? *cap * 2 : 256;
	char *n = calloc(ncap, size);
	if (!n)
		return false;
	for (size_t i = 0; i < *cap; i++) {
		const char *old = (const char *)*slots + i * size;
		if (!used(old))
			continue;
		size_t j = slot_of(old, ncap);
		while (used(n + j * size))
			j = (j + 1) & (ncap - 1);
		memcpy(n + j * size, old, size);
	}
	free(*slots);
	*slots = n;
	*cap = ncap;
	return true;
}

static bool who_used(const void *w)
{
	return ((const struct who *)w)->key != NULL;
}

static size_t who_slot(const void *w, size_t cap)
{
	return hash_str(((const struct who *)w)->key) & (cap - 1);
}

static bool sum_used(const void *m)
{
	return ((const struct month_sum *)m)->month != 0;
}

static size_t sum_slot_of(int64_t hub, int month, size_t cap)
{
	return (size_t)(((uint64_t)hub * 1000003ULL) ^ (uint64_t)month) * 0x9E3779B97F4A7C15ULL >> 7 & (cap - 1);
}

static size_t sum_slot(const void *m, size_t cap)
{
	const struct month_sum *x = m;
	return sum_slot_of(x->hub, x->month, cap);
}

/* The tenant a row names: its number, its credit code or its exact name,
 * within the scope. NULL when out of memory or the store failed (x->failed
 * says which: the import stops). */
static const struct who *who_is(struct ctx *x, const char *key)
{
	if (x->nwho * 2 >= x->capwho && !grow_table((void **)&x->who, &x->capwho, sizeof *x->who, who_used, who_slot)) {
		x->failed = fh_error_set(&x->fail_err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		return NULL;
	}
	size_t j = hash_str(key) & (x->capwho - 1);
	while (x->who[j].key) {
		if (strcmp(x->who[j].key, key) == 0)
			return &x->who[j];
		j = (j + 1) & (x->capwho - 1);
	}
	struct who *w = &x->who[j];
	memset(w, 0, sizeof *w);
	fh_stmt *q;
	long long number = 0;
	fh_error e;
	bool by_number = fh_int_take("tenant", key, 1, FH_ID_MAX, &number, &e) == FH_OK;
	if ((x->failed = fh_store_stmt(
		     x->s,
		     "SELECT t.id, t.hub_id, t.stage, coalesce(t.admitted_on, 0), t.stage_since,"
		     " t.name, " FH_SQL_IN_SCOPE(
			     "t.hub_id") " FROM tenants t"
					 " WHERE t.id = ?2 OR t.credit_code = ?3 OR t.name = ?3 ORDER BY t.id = ?2 DESC LIMIT 2",
		     &q, &x->fail_err)) != FH_OK)
		return NULL;
	fh_bind_int64(q, 1, x->scope);
	fh_bind_int64(q, 2, by_number ? number : -1);
	fh_bind_str(q, 3, key);
	int rc, rows = 0;
	bool in_scope = false;
	while ((rc = fh_step(q)) == FH_ROW && rows < 2) {
		if (rows++ == 0) {
			w->id = fh_column_int64(q, 0);
			w->hub = fh_column_int64(q, 1);
			fh_stage_parse_label(fh_column_str(q, 2), &w->stage);
			w->admitted_on = fh_column_int64(q, 3);
			w->stage_since = fh_column_int64(q, 4);
			fh_column_text(q, 5, w->name, sizeof w->name);
			in_scope = fh_column_int(q, 6);
		} else if (!by_number) {
			snprintf(w->why, sizeof w->why, "%s",
				 _("more than one tenant has this name: give its number or credit code"));
			w->id = 0;
		}
	}
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE) {
		x->failed = fh_store_fail(x->s, &x->fail_err, _("reading tenants"));
		return NULL;
	}
	if (!rows || (w->id && !in_scope)) {
		snprintf(w->why, sizeof w->why, "%s",
			 _("no such tenant in your scope (a number, credit code or exact name)"));
		w->id = 0;
	}
	if (!(w->key = strdup(key))) {
		x->failed = fh_error_set(&x->fail_err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		return NULL;
	}
	x->nwho++;
	return w;
}

static bool sum_add(struct ctx *x, int64_t hub, int month, const fh_activity *a)
{
	if (x->nsums * 2 >= x->capsums &&
	    !grow_table((void **)&x->sums, &x->capsums, sizeof *x->sums, sum_used, sum_slot))
		return false;
	size_t j = sum_slot_of(hub, month, x->capsums);
	while (x->sums[j].month && (x->sums[j].hub != hub || x->sums[j].month != month))
		j = (j + 1) & (x->capsums - 1);
	struct month_sum *m = &x->sums[j];
	if (!m->month) {
		m->hub = hub;
		m->month = month;
		x->nsums++;
	}
	m->sums.activities++;
	m->sums.served += a->served;
	m->sums.volunteers += a->volunteers;
	m->sums.tenths += fh_activity_tenths(a->volunteer_hours);
	return true;
}

static fh_status read_heading(fh_csv *c, struct ctx *x, fh_error *err)
{
	size_t line;
	int r = fh_csv_next(c, &line);
	if (r <= 0)
		return fh_error_set(err, FH_EINVAL, NULL, "%s",
				    r == 0 ? _("the file is empty") : _("the heading row cannot be read"));
	bool seen[C_COUNT] = { false };
	x->ncols = c->ncells;
	for (size_t i = 0; i < c->ncells; i++) {
		char h[128];
		fh_text_trim(h, sizeof h, c->cells[i]);
		x->map[i] = -1;
		for (int k = 0; k < C_COUNT && x->map[i] < 0; k++)
			for (int j = 0; j < 5 && headings[k][j]; j++)
				if (strcmp(h, headings[k][j]) == 0)
					x->map[i] = k;
		if (x->map[i] < 0) {
			char shown[160];
			fh_text_escape(shown, sizeof shown, h);
			return fh_error_set(err, FH_EINVAL, NULL,
					    _("line 1: column %zu '%s' is not an activity's (date, tenant, title, kind,"
					      " place, project, served, volunteers, volunteer_hours)"),
					    i + 1, shown);
		}
		if (seen[x->map[i]])
			return fh_error_set(err, FH_EINVAL, NULL, _("line 1: column %zu repeats '%s'"), i + 1,
					    headings[x->map[i]][0]);
		seen[x->map[i]] = true;
	}
	static const enum col needed[] = { C_DATE, C_TENANT, C_TITLE, C_SERVED };
	for (size_t k = 0; k < sizeof needed / sizeof *needed; k++)
		if (!seen[needed[k]])
			return fh_error_set(err, FH_EINVAL, NULL, _("line 1: no '%s' column (%s)"),
					    headings[needed[k]][0], headings[needed[k]][1]);
	return FH_OK;
}

/* One bad field of the row: its problem, and the row is bad. */
static bool bad(struct ctx *x, size_t line, const fh_error *e, bool *ok)
{
	fh_import_add_problem(x->res, line, e->field, e->message);
	*ok = false;
	return false;
}

/* The row's cells into *a: true when every one could be taken. */
static bool parse_row(struct ctx *x, const fh_csv *c, size_t line, fh_activity *a, const struct who **w)
{
	bool ok = true;
	fh_error e;
	memset(a, 0, sizeof *a);
	a->kind = FH_ACTIVITY_SERVICE;
	*w = NULL;
	for (size_t i = 0; i < c->ncells && i < x->ncols; i++) {
		char v[1024];
		fh_text_trim(v, sizeof v, c->cells[i]);
		long long num;
		switch ((enum col)x->map[i]) {
		case C_DATE:
			if (fh_date_take("on", v, (char[11]){ 0 }, &a->on, &e) != FH_OK)
				bad(x, line, &e, &ok);
			break;
		case C_TENANT:
			if (!v[0]) {
				fh_error_set(&e, FH_EINVAL, "tenant", "%s", _("is needed"));
				bad(x, line, &e, &ok);
			} else if (!(*w = who_is(x, v))) {
				return false; /* the store failed or out of memory: x->failed says */
			} else if (!(*w)->id) {
				fh_error_set(&e, FH_EINVAL, "tenant", "%s", (*w)->why);
				bad(x, line, &e, &ok);
			}
			break;
		case C_TITLE:
			if (fh_text_field_take(a->title, sizeof a->title, FH_ACTIVITY_TITLE_MAX, v, false, true,
					       "title", &e) != FH_OK)
				bad(x, line, &e, &ok);
			break;
		case C_KIND:
			if (v[0] && !fh_activity_kind_parse(v, &a->kind)) {
				fh_error_set(&e, FH_EINVAL, "kind",
					     _("'%s' is not a kind (service, event, volunteering, party, other)"), v);
				bad(x, line, &e, &ok);
			}
			break;
		case C_PLACE:
			if (fh_text_field_take(a->place, sizeof a->place, FH_ACTIVITY_PLACE_MAX, v, false, false,
					       "place", &e) != FH_OK)
				bad(x, line, &e, &ok);
			break;
		case C_PROJECT:
			if (v[0] && fh_int_take("project", v, 1, FH_ID_MAX, &num, &e) != FH_OK)
				bad(x, line, &e, &ok);
			else
				a->project_id = v[0] ? num : 0;
			break;
		case C_SERVED:
			if (fh_int_take("served", v[0] ? v : "0", 0, FH_ACTIVITY_SERVED_MAX, &num, &e) != FH_OK)
				bad(x, line, &e, &ok);
			else
				a->served = (int)num;
			break;
		case C_VOLUNTEERS:
			if (fh_int_take("volunteers", v[0] ? v : "0", 0, 100000, &num, &e) != FH_OK)
				bad(x, line, &e, &ok);
			else
				a->volunteers = (int)num;
			break;
		case C_HOURS:
			if (fh_decimal_take("volunteer_hours", v[0] ? v : "0", 0, 2400000, 1, &a->volunteer_hours,
					    &e) != FH_OK)
				bad(x, line, &e, &ok);
			break;
		case C_COUNT: break;
		}
	}
	if (ok && fh_activity_check_own(a, &e) != FH_OK)
		bad(x, line, &e, &ok);
	return ok;
}

/* The same tenant, day and title already there: in the database, or on an
 * earlier line of the file (written in this transaction). */
static bool duplicate(struct ctx *x, size_t line, const fh_activity *a)
{
	fh_stmt *q;
	if ((x->failed = fh_store_stmt(x->s,
				       "SELECT id FROM activities WHERE tenant_id = ?1 AND on_day = ?2 AND title = ?3"
				       " LIMIT 1",
				       &q, &x->fail_err)) != FH_OK)
		return true;
	fh_bind_int64(q, 1, a->tenant_id);
	fh_bind_int64(q, 2, a->on);
	fh_bind_str(q, 3, a->title);
	int rc = fh_step(q);
	int64_t id = rc == FH_ROW ? fh_column_int64(q, 0) : 0;
	fh_reset(q);
	if (rc != FH_ROW && rc != FH_DONE) {
		x->failed = fh_store_fail(x->s, &x->fail_err, _("reading activities"));
		return true;
	}
	if (!id)
		return false;
	char msg[160];
	if (x->first_id && id >= x->first_id && (size_t)(id - x->first_id) < x->nlines)
		snprintf(msg, sizeof msg, _("the same tenant, day and title as line %zu"), x->lines[id - x->first_id]);
	else
		snprintf(msg, sizeof msg, _("already recorded as activity no. %lld (same tenant, day and title)"),
			 (long long)id);
	fh_import_add_problem(x->res, line, "title", msg);
	return true;
}

/* Checks and writes one good row. */
static void take_row(struct ctx *x, size_t line, fh_activity *a, const struct who *w)
{
	fh_error e;
	a->tenant_id = w->id;
	a->hub_id = w->hub;
	a->volunteer_hours = fh_activity_tenths(a->volunteer_hours) / 10.0;
	fh_status st = fh_activity_check_tenant(w->name, w->stage, w->admitted_on, w->stage_since, a->on, &e);
	if (st == FH_OK && a->project_id)
		st = fh_project_may_serve(x->s, a->project_id, a->tenant_id, a->on, &e);
	if (st == FH_EINVAL) {
		fh_import_add_problem(x->res, line, e.field, e.message);
		x->res->skipped++;
		return;
	}
	if (st != FH_OK) {
		x->failed = st;
		x->fail_err = e;
		return;
	}
	if (duplicate(x, line, a)) {
		x->res->skipped += !x->failed;
		return;
	}
	int64_t id;
	if ((x->failed = fh_activity_insert(x->s, x->actor, a, &id, &x->fail_err)) != FH_OK)
		return;
	if (!x->first_id)
		x->first_id = id;
	if (!fh_grow(&x->lines, &x->caplines, x->nlines + 1, sizeof *x->lines) ||
	    !sum_add(x, a->hub_id, fh_activity_month(a->on), a)) {
		x->failed = fh_error_set(&x->fail_err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		return;
	}
	x->lines[x->nlines++] = line;
	x->res->imported++;
}

static void read_rows(struct ctx *x, fh_csv *c, const fh_import_options *opt, size_t len)
{
	size_t line;
	int r;
	fh_activity a;
	while (!x->failed && (r = fh_csv_next(c, &line)) != 0) {
		if (r == FH_CSV_UNCLOSED) {
			fh_import_add_problem(
				x->res, line, NULL,
				_("a quoted cell is never closed: the rest of the file is read as one cell"));
			x->res->skipped++;
			break;
		}
		if (r == FH_CSV_NOMEM) {
			x->failed = fh_error_set(&x->fail_err, FH_ENOMEM, NULL, "%s", _("out of memory"));
			break;
		}
		if (r > 0 && fh_import_blank(c))
			continue;
		x->res->rows++;
		if (r == FH_CSV_TOO_WIDE || r == FH_CSV_NUL) {
			fh_import_add_problem(x->res, line, NULL,
					      r == FH_CSV_NUL ? _("a NUL byte in a cell")
							      : _("more cells than a row may have"));
			x->res->skipped++;
			continue;
		}
		const struct who *w;
		if (!parse_row(x, c, line, &a, &w)) {
			x->res->skipped += !x->failed;
			continue;
		}
		take_row(x, line, &a, w);
		if (opt->progress && x->res->rows % 1000 == 0)
			opt->progress(opt->ctx, 1, (size_t)(c->p - (c->end - len)), len);
	}
}

static fh_status finish(struct ctx *x, const fh_import_options *opt, fh_error *err)
{
	fh_status st = FH_OK;
	for (size_t i = 0; st == FH_OK && i < x->capsums; i++)
		if (x->sums[i].month)
			st = fh_activity_tally_add(x->s, x->sums[i].hub, x->sums[i].month, &x->sums[i].sums, 1, err);
	if (st != FH_OK)
		return st;
	fh_buf b = FH_BUF_INIT;
	char sum[600];
	snprintf(sum, sizeof sum, "%zu ← %s", x->res->imported, opt->source ? opt->source : "CSV");
	fh_buf_puts(&b, "{\"summary\":");
	fh_buf_json_string(&b, sum);
	fh_buf_printf(&b, ",\"imported\":%zu,\"skipped\":%zu,\"encoding\":\"%s\"}", x->res->imported, x->res->skipped,
		      x->res->encoding);
	st = fh_audit_write(x->s, x->actor, x->scope, "activity", 0, "import", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

fh_status fh_activity_import(fh_store *s, const fh_actor *actor, const char *data, size_t len,
			     const fh_import_options *opt, fh_import_result *res, fh_error *err)
{
	memset(res, 0, sizeof *res);
	struct ctx *x = calloc(1, sizeof *x);
	if (!x)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	x->s = s;
	x->actor = actor;
	x->res = res;
	char *converted = NULL;
	fh_csv c;
	fh_csv_init(&c, "", 0);
	fh_status st = fh_actor_hub(s, actor, opt->hub_code, &x->scope, err);
	if (st == FH_OK)
		st = fh_import_decode(opt, &data, &len, &converted, res, err);
	if (st == FH_OK) {
		fh_csv_init(&c, data, len);
		st = read_heading(&c, x, err);
	}
	if (st == FH_OK)
		st = fh_tx_begin(s, err);
	if (st == FH_OK) {
		read_rows(x, &c, opt, len);
		fh_import_sort_problems(res);
		if (x->failed) {
			*err = x->fail_err;
			st = x->failed;
		} else if (res->nproblems && !opt->skip_bad) {
			st = fh_error_set(
				err, FH_EINVAL, NULL,
				_("%zu of %zu rows have problems; nothing imported (fix them, or --skip-bad)"),
				res->skipped ? res->skipped : 1, res->rows);
		} else {
			st = finish(x, opt, err);
		}
		st = fh_tx_end(s, st, err);
		if (st != FH_OK) {
			res->imported = 0;
			if (!opt->skip_bad)
				res->skipped = 0;
		}
	}
	for (size_t i = 0; i < x->capwho; i++)
		free(x->who[i].key);
	free(x->who);
	free(x->sums);
	free(x->lines);
	free(x);
	fh_csv_free(&c);
	free(converted);
	return st;
}
