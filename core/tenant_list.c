/* fuhua core — the tenant list: one page at a time, filtered, searched.
 *
 * A page is read with keyset pagination on the sort key, never OFFSET. How
 * many tenants match the filters (hub, stage, type, field) is known before
 * reading a row: the database keeps those counts (tenant_tally, tally.c).
 * With it, one of two ways to read a page is chosen per query:
 *  A. walk the sort index and test each tenant against the filters — the
 *     sort indexes carry the filter columns, so a tenant that does not match
 *     costs an index entry, not a row; about page × all ÷ matches entries;
 *  B. collect the matches from tenants_filter, which holds each (hub, stage,
 *     type, field) together with the sort keys, and keep the first page of
 *     them — about as many entries as matches.
 * Whichever reads fewer entries answers; both give the same rows in the same
 * order. The count is the kept count: exact, whatever the filters.
 *
 * A search is answered from the search index alone, walking it in tenant
 * order: results come newest first whatever the sort. (Sorting 20 000
 * matches of 静安 by name costs 10 ms at 100 000 tenants; walking the index
 * stops after a page.)
 *
 * Search: the gram index holds every 1- and 2-character piece of the search
 * text as a token of the tenant's hub (tenant_db.c). A query of 1 or 2
 * characters is its token in any hub of the scope; a longer one, each pair
 * of its characters in the scope's hubs, the text then checked for the
 * whole query — an operator never walks matches outside the scope, and a
 * query that matches nothing costs a few lookups. Digits (and letters, for
 * an operator whose scope is every hub) go to the trigram index, over the
 * runs of ASCII of the search text: their pairs are too common. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"
#include "tenant_int.h"

/* Virtual-machine steps for a sort index entry examined by plan A; a
 * search's count gets PLAN_A_BUDGET thousand steps before it gives up. */
#define WALK_STEPS 12
/* The trigram index is asked for a query's first 5 characters (ASCII). */
#define TRIGRAM_PHRASE 5
#define PLAN_A_BUDGET 5

void fh_tenant_filter_init(fh_tenant_filter *f)
{
	memset(f, 0, sizeof *f);
	f->stage = -1;
	f->org_type = -1;
	f->sort = FH_SORT_NAME;
}

/* The search text as the index holds it: trimmed, ASCII lowercased, without
 * control characters. */
/* The search text as the index holds it: full-width digits, letters and
 * signs (０１２, ＡＢＣ, the ideographic space) as their ASCII forms, letters
 * lowercased, control characters dropped; a number written with spaces or
 * dashes ("150 1078 7203", "021 6234 5678") as its digits alone. */
static void normalize_query(const char *in, char *out, size_t size)
{
	char tmp[256], ascii[256];
	size_t len = strlen(in), i = 0, k = 0;
	while (i < len && k + 4 < sizeof ascii) {
		uint32_t cp;
		size_t n = fh_utf8_decode(in + i, len - i, &cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			ascii[k++] = (char)(cp - 0xFF01 + 0x21);
		else if (cp == 0x3000)
			ascii[k++] = ' ';
		else {
			memcpy(ascii + k, in + i, n);
			k += n;
		}
		i += n;
	}
	ascii[k] = 0;
	fh_text_trim(tmp, sizeof tmp, ascii);
	bool number = tmp[0] != 0;
	for (const char *p = tmp; *p; p++)
		number &= (*p >= '0' && *p <= '9') || *p == ' ' || *p == '-' || *p == '+';
	size_t n = 0;
	for (const char *p = tmp; *p && n + 1 < size; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 0x20 || c == 0x7F || (number && (c == ' ' || c == '-')))
			continue;
		out[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : (char)c;
	}
	out[n] = 0;
}

enum plan { PLAN_SORT_INDEX, PLAN_MATCHES, PLAN_SEARCH };

struct query {
	fh_buf sql;
	const fh_tenant_filter *f;
	char q[256];     /* normalized search text */
	fh_buf match;    /* what the search index is asked: a phrase, or grams */
	bool trigram;    /* 3 digits or more: the trigram index */
	bool gram;       /* anything else: the gram index */
	bool verify;     /* the index finds a part of the query (the grams'
			     pairs, the first characters): the text is checked
			     for the whole query */
	bool everywhere; /* the scope holds every hub */
};

/* The filter terms, on columns every plan's index holds. Plan B spells an
 * open stage or type as every value, so that each (hub, stage, type) is a
 * seek into tenants_filter. */
static void filter_terms(fh_buf *b, const fh_tenant_filter *f, bool spell_all, bool scoped)
{
	fh_buf_puts(b, scoped ? " t.hub_id IN (SELECT id FROM scope)" : " 1");
	if (f->stage >= 0)
		fh_buf_puts(b, " AND t.stage = ?2");
	else if (spell_all)
		fh_buf_puts(b, " AND t.stage IN ('applied', 'reviewing', 'incubating', 'graduated', 'exited')");
	if (f->org_type >= 0)
		fh_buf_puts(b, " AND t.org_type = ?3");
	else if (spell_all)
		fh_buf_puts(b, " AND t.org_type IN ('social_group', 'service_org', 'foundation', 'community_org')");
	if (f->field[0])
		fh_buf_puts(b, " AND t.field = ?4");
}

#define ROW_COLUMNS                                                                                 \
	" SELECT t.id, t.name, t.short_name, (SELECT code FROM hubs WHERE id = t.hub_id), t.field," \
	" t.credit_code, t.contact, t.phone, t.org_type, t.stage, t.party_org, t.party_members,"    \
	" t.instructor_id IS NOT NULL, t.admitted_on, t.stage_since, t.name_key, t.party_fallback"

static void build(struct query *q, enum plan plan, const fh_tenant_row *from, bool backward, bool count)
{
	const fh_tenant_filter *f = q->f;
	fh_buf *b = &q->sql;
	static const char *const keys[FH_SORT_COUNT] = {
		"t.name_key",
		"ifnull(t.admitted_on, 9223372036854775807)",
		NULL,
	};
	static const char *const index[FH_SORT_COUNT] = {
		"INDEXED BY tenants_by_name",
		"INDEXED BY tenants_by_admitted",
		"NOT INDEXED",
	};
	/* search results come newest first, walking the search index in
	 * tenant order: m.rowid is the order */
	const char *id = plan == PLAN_SEARCH ? "m.rowid" : "t.id";
	int sort = plan == PLAN_SEARCH ? FH_SORT_NEWEST : (int)f->sort;
	const char *key = keys[sort];
	/* a search's index already keeps to the scope: its grams are the scope's
	 * hubs' (or the scope is every hub) */
	bool scoped = plan != PLAN_SEARCH || !(q->gram || q->everywhere);
	bool filtered = f->stage >= 0 || f->org_type >= 0 || f->field[0];
	fh_buf_puts(b, FH_SQL_SCOPE);
	if (count && plan == PLAN_SEARCH && !scoped && !filtered) { /* the index alone */
		fh_buf_printf(b, " SELECT count(*) FROM (SELECT 1 FROM %s m WHERE %s MATCH ?6%s LIMIT ?9)",
			      q->trigram ? "tenant_fts" : "tenant_grams", q->trigram ? "tenant_fts" : "tenant_grams",
			      q->verify ? " AND EXISTS (SELECT 1 FROM tenant_search s WHERE s.id = m.rowid"
					  " AND instr(s.hay, ?5) > 0)"
					: "");
		return;
	}
	if (count)
		fh_buf_puts(b, " SELECT count(*) FROM (SELECT 1");
	else if (plan == PLAN_MATCHES) /* the page's keys from the index, then its rows */
		fh_buf_printf(b, ROW_COLUMNS " FROM (SELECT t.id AS id%s%s AS sk", key ? ", " : "",
			      key ? key : ", t.id");
	else
		fh_buf_puts(b, ROW_COLUMNS);
	if (plan == PLAN_SEARCH)
		fh_buf_printf(b, " FROM %s m CROSS JOIN tenants t ON t.id = m.rowid WHERE %s MATCH ?6 AND%s",
			      q->trigram ? "tenant_fts" : "tenant_grams", q->trigram ? "tenant_fts" : "tenant_grams",
			      q->verify ? " EXISTS (SELECT 1 FROM tenant_search s WHERE s.id = m.rowid"
					  " AND instr(s.hay, ?5) > 0) AND"
					: "");
	else if (plan == PLAN_MATCHES)
		fh_buf_puts(b, " FROM tenants t INDEXED BY tenants_filter WHERE");
	else
		fh_buf_printf(b, " FROM tenants t %s WHERE", index[sort]);
	filter_terms(b, f, plan == PLAN_MATCHES, scoped);
	if (count) {
		fh_buf_puts(b, " LIMIT ?9)");
		return;
	}
	bool desc = sort == FH_SORT_NEWEST;
	if (backward)
		desc = !desc;
	const char *dir = desc ? "DESC" : "ASC";
	if (from) {
		const char *op = desc ? "<" : ">";
		if (key)
			fh_buf_printf(b, " AND (%s, t.id) %s (?7, ?8)", key, op);
		else
			fh_buf_printf(b, " AND %s %s ?8", id, op);
	}
	if (key)
		fh_buf_printf(b, " ORDER BY %s %s, t.id %s", key, dir, dir);
	else
		fh_buf_printf(b, " ORDER BY %s %s", id, dir);
	fh_buf_puts(b, " LIMIT ?9");
	if (plan == PLAN_MATCHES)
		fh_buf_printf(b, ") p CROSS JOIN tenants t ON t.id = p.id ORDER BY p.sk %s, p.id %s", dir, dir);
}

static void bind(fh_stmt *st, const fh_actor *actor, const struct query *q, const fh_tenant_row *from, int limit)
{
	const fh_tenant_filter *f = q->f;
	fh_bind_int64(st, 1, f->hub_id ? f->hub_id : actor->hub_id);
	int i;
	if ((i = fh_bind_index(st, "?2")))
		fh_bind_static(st, i, fh_stage_name((fh_stage)f->stage), -1);
	if ((i = fh_bind_index(st, "?3")))
		fh_bind_static(st, i, fh_org_type_name((fh_org_type)f->org_type), -1);
	if ((i = fh_bind_index(st, "?4")))
		fh_bind_static(st, i, f->field, -1);
	if ((i = fh_bind_index(st, "?5")))
		fh_bind_static(st, i, q->q, -1);
	if ((i = fh_bind_index(st, "?6")))
		fh_bind_static(st, i, fh_buf_str(&q->match), -1);
	if (from && (i = fh_bind_index(st, "?7"))) {
		if (f->sort == FH_SORT_NAME && !q->q[0])
			fh_bind_blob(st, i, from->name_key, (int)from->name_key_len);
		else
			fh_bind_int64(st, i, from->admitted_on ? from->admitted_on : INT64_MAX);
	}
	if (from && (i = fh_bind_index(st, "?8")))
		fh_bind_int64(st, i, from->id);
	if ((i = fh_bind_index(st, "?9")))
		fh_bind_int(st, i, limit);
}

static void read_row(fh_stmt *st, fh_tenant_row *r, int64_t now)
{
	memset(r, 0, sizeof *r);
	r->id = fh_column_int64(st, 0);
	fh_column_text(st, 1, r->name, sizeof r->name);
	fh_column_text(st, 2, r->short_name, sizeof r->short_name);
	fh_column_text(st, 3, r->hub_code, sizeof r->hub_code);
	fh_column_text(st, 4, r->field, sizeof r->field);
	fh_column_text(st, 5, r->credit_code, sizeof r->credit_code);
	fh_column_text(st, 6, r->contact, sizeof r->contact);
	fh_column_text(st, 7, r->phone, sizeof r->phone);
	fh_org_type_parse(fh_column_str(st, 8), &r->org_type);
	fh_stage_parse(fh_column_str(st, 9), &r->stage);
	fh_party_org_parse(fh_column_str(st, 10), &r->party_org);
	r->party_members = fh_column_int(st, 11);
	r->instructor = fh_column_int(st, 12) != 0;
	r->party_fallback = fh_column_int(st, 16) != 0;
	r->admitted_on = fh_column_int64(st, 13);
	int klen;
	const void *key = fh_column_blob(st, 15, &klen);
	if (key && klen > 0) {
		r->name_key_len = (size_t)klen < sizeof r->name_key ? (size_t)klen : sizeof r->name_key;
		memcpy(r->name_key, key, r->name_key_len);
	}
	fh_tenant t = { .admitted_on = r->admitted_on, .stage = r->stage, .stage_since = fh_column_int64(st, 14) };
	r->months = fh_tenant_months(&t, now);
}

struct budget {
	int left;
};

static int spend(void *ctx)
{
	struct budget *b = ctx;
	return --b->left < 0; /* nonzero interrupts the statement */
}

/* Runs one plan; FH_OK with the rows, or FH_EBUDGET when the budget ran out. */
static fh_status run(fh_store *s, const fh_actor *actor, struct query *q, enum plan plan, const fh_tenant_row *from,
		     bool backward, fh_tenant_row *rows, size_t max, size_t *n, int budget, fh_error *err)
{
	q->sql.len = 0;
	if (q->sql.data)
		q->sql.data[0] = 0;
	build(q, plan, from, backward, false);
	if (q->sql.failed)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_stmt *st;
	if (fh_store_prepare(s, fh_buf_str(&q->sql), &st, NULL) != FH_OK)
		return fh_store_fail(s, err, _("reading tenants"));
	bind(st, actor, q, from, (int)max);
	struct budget b = { budget };
	bool budgeted = budget > 0;
	if (budgeted)
		fh_store_budget(s, 1000, spend, &b);
	int64_t now = fh_clock_now();
	size_t k = 0;
	int rc;
	while ((rc = fh_step(st)) == FH_ROW && k < max)
		read_row(st, &rows[k++], now);
	if (budgeted)
		fh_store_budget(s, 0, NULL, NULL);
	fh_finalize(st);
	if (rc == FH_STEP_INTERRUPT && budgeted)
		return FH_EBUDGET;
	if (rc != FH_DONE && rc != FH_ROW)
		return fh_store_fail(s, err, _("reading tenants"));
	if (backward)
		for (size_t i = 0; i < k / 2; i++) {
			fh_tenant_row tmp = rows[i];
			rows[i] = rows[k - 1 - i];
			rows[k - 1 - i] = tmp;
		}
	*n = k;
	return FH_OK;
}

/* Where the character after the one at `at` starts (len at the end). */
static size_t next_char(const char *p, size_t len, size_t at)
{
	uint32_t c;
	return at < len ? at + fh_utf8_decode(p + at, len - at, &c) : len;
}

/* The hubs of the scope, read once per search: the gram index's tokens are
 * by hub, and a scope of every hub needs no scope test. */
static fh_status scope_hubs(fh_store *s, int64_t root, int64_t **hubs, size_t *nh, bool *everywhere, fh_error *err)
{
	fh_stmt *st;
	fh_status rc = fh_store_stmt(s, FH_SQL_SCOPE "SELECT id, (SELECT count(*) FROM hubs) FROM scope", &st, err);
	if (rc != FH_OK)
		return rc;
	fh_bind_int64(st, 1, root);
	size_t cap = 0;
	int64_t all = 0;
	int step;
	while ((step = fh_step(st)) == FH_ROW && fh_grow(hubs, &cap, *nh, sizeof **hubs)) {
		(*hubs)[(*nh)++] = fh_column_int64(st, 0);
		all = fh_column_int64(st, 1);
	}
	fh_reset(st);
	*everywhere = (int64_t)*nh == all;
	if (step == FH_DONE)
		return FH_OK;
	return step == FH_ROW ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"))
			      : fh_store_fail(s, err, _("reading tenants"));
}

/* A search in the gram index: for 1 or 2 characters, the query's token in
 * any hub of the scope; for more, each pair of neighbouring characters of
 * the query in any hub of the scope, all of them — then the search text of
 * each tenant found is checked for the whole query (q->verify). */
static void gram_match(struct query *q, const int64_t *hubs, size_t nh)
{
	const char *p = q->q;
	size_t len = strlen(p), first = next_char(p, len, 0);
	size_t pieces = 0;
	for (size_t at = 0; at < len;) {
		size_t second = next_char(p, len, first);
		size_t piece = q->verify ? second - at : len; /* a pair, or the whole query */
		if (q->verify && second == first)
			break; /* the last character: no pair starts here */
		fh_buf_puts(&q->match, pieces++ ? " AND (" : "(");
		for (size_t i = 0; i < nh; i++) {
			fh_buf_puts(&q->match, i ? " OR " : "");
			fh_gram_token(&q->match, hubs[i], p + at, piece);
		}
		fh_buf_puts(&q->match, ")");
		if (!q->verify)
			break;
		at = first;
		first = second;
	}
}

/* The trigram index's phrase: the query's first characters (doubled
 * quotes inside an FTS5 string); the text is checked for the rest. */
static void trigram_match(struct query *q)
{
	q->verify = strlen(q->q) > TRIGRAM_PHRASE;
	fh_buf_add(&q->match, "\"", 1);
	for (const char *p = q->q; *p && p < q->q + TRIGRAM_PHRASE; p++) {
		if (*p == '"')
			fh_buf_add(&q->match, p, 1);
		fh_buf_add(&q->match, p, 1);
	}
	fh_buf_add(&q->match, "\"", 1);
}

static fh_status prepare_query(fh_store *s, const fh_actor *actor, struct query *q, const fh_tenant_filter *f,
			       fh_error *err)
{
	memset(q, 0, sizeof *q);
	q->f = f;
	if ((f->stage >= FH_STAGE_COUNT) || f->stage < -1)
		return fh_error_set(err, FH_EINVAL, "stage", "%s", _("is not a stage"));
	if (f->org_type >= FH_ORG_TYPE_COUNT || f->org_type < -1)
		return fh_error_set(err, FH_EINVAL, "org_type", "%s", _("is not an organisation type"));
	if ((unsigned)f->sort >= FH_SORT_COUNT)
		return fh_error_set(err, FH_EINVAL, "sort", "%s", _("is not a sort order"));
	normalize_query(f->search, q->q, sizeof q->q);
	if (!q->q[0])
		return FH_OK; /* no search */
	int64_t *hubs = NULL;
	size_t nh = 0;
	fh_status rc = scope_hubs(s, f->hub_id ? f->hub_id : actor->hub_id, &hubs, &nh, &q->everywhere, err);
	/* digits, letters (a phone, a code, initials): their trigrams are rarer
	 * than their pairs — but the trigram index is not by hub, so only for
	 * digits, or for an operator whose scope is every hub */
	size_t chars = fh_utf8_chars(q->q), len = strlen(q->q), ascii = 0;
	bool digits = strspn(q->q, "0123456789") == len;
	for (size_t i = 0; i < len; i++)
		ascii += (unsigned char)q->q[i] < 0x80;
	q->trigram = chars >= 3 && (digits || (ascii == len && q->everywhere));
	q->gram = !q->trigram;
	q->verify = q->gram && chars >= 3;
	if (rc == FH_OK && q->gram)
		gram_match(q, hubs, nh);
	else if (rc == FH_OK)
		trigram_match(q);
	free(hubs);
	if (rc == FH_OK && q->match.failed)
		rc = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	return rc;
}

/* How many tenants the filters match, and how many there are, from the
 * counts the database keeps (tenant_tally): exact, a few hundred rows read. */
static fh_status tally(fh_store *s, const fh_actor *actor, struct query *q, int64_t *matches, int64_t *all,
		       fh_error *err)
{
	const fh_tenant_filter *f = q->f;
	q->sql.len = 0;
	fh_buf_puts(&q->sql, FH_SQL_SCOPE "SELECT (SELECT ifnull(sum(n), 0) FROM tenant_tally t WHERE");
	filter_terms(&q->sql, f, false, true);
	fh_buf_puts(&q->sql, "), (SELECT ifnull(sum(n), 0) FROM tenant_tally)");
	if (q->sql.failed)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	fh_stmt *st;
	if (fh_store_prepare(s, fh_buf_str(&q->sql), &st, NULL) != FH_OK)
		return fh_store_fail(s, err, _("counting tenants"));
	bind(st, actor, q, NULL, 0);
	int rc = fh_step(st);
	if (rc == FH_ROW) {
		*matches = fh_column_int64(st, 0);
		*all = fh_column_int64(st, 1);
	}
	fh_finalize(st);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("counting tenants"));
}

/* Plan A reads about max × all ÷ matches entries of a sort index (rows,
 * several to a page, for the newest-first walk of the table) — if the
 * matches are spread along the sort order; plan B about as many as match. */
static double walk_cost(const fh_tenant_filter *f, size_t max, int64_t matches, int64_t all)
{
	double walk = (double)max * (double)all / (double)matches;
	return f->sort == FH_SORT_NEWEST ? walk * 4 : walk;
}

fh_status fh_tenant_page(fh_store *s, const fh_actor *actor, const fh_tenant_filter *f, const fh_tenant_row *from,
			 bool backward, fh_tenant_row *rows, size_t max, size_t *n, fh_error *err)
{
	*n = 0;
	if (max == 0 || max > 1000)
		return fh_error_set(err, FH_EINVAL, "limit", "%s", _("must be 1 to 1000"));
	fh_status sc = f->hub_id ? fh_actor_scope(s, actor, f->hub_id, err) : FH_OK;
	if (sc != FH_OK)
		return sc;
	struct query q;
	fh_status st = prepare_query(s, actor, &q, f, err);
	int64_t matches = 0, all = 0;
	if (st == FH_OK && q.q[0]) {
		st = run(s, actor, &q, PLAN_SEARCH, from, backward, rows, max, n, 0, err);
	} else if (st == FH_OK && (st = tally(s, actor, &q, &matches, &all, err)) == FH_OK && matches > 0) {
		/* A when it looks cheaper, with a budget of four times what it
		 * should cost: matches bunched at the far end of the sort order
		 * (tenants not admitted, by admission) make it B's after all */
		double walk = walk_cost(f, max, matches, all);
		int budget = (int)(walk * 4 * WALK_STEPS / 1000) + 20;
		st = walk <= (double)matches
			? run(s, actor, &q, PLAN_SORT_INDEX, from, backward, rows, max, n, budget, err)
			: FH_EBUDGET;
		if (st == FH_EBUDGET)
			st = run(s, actor, &q, PLAN_MATCHES, from, backward, rows, max, n, 0, err);
	}
	fh_buf_free(&q.sql);
	fh_buf_free(&q.match);
	return st;
}

fh_status fh_tenant_count(fh_store *s, const fh_actor *actor, const fh_tenant_filter *f, int cap, int *count,
			  bool *more, fh_error *err)
{
	*count = 0;
	*more = false;
	fh_status sc = f->hub_id ? fh_actor_scope(s, actor, f->hub_id, err) : FH_OK;
	if (sc != FH_OK)
		return sc;
	struct query q;
	fh_status st = prepare_query(s, actor, &q, f, err);
	if (st != FH_OK) {
		fh_buf_free(&q.match);
		return st;
	}
	if (!q.q[0]) { /* the kept count: exact */
		int64_t matches = 0, all = 0;
		st = tally(s, actor, &q, &matches, &all, err);
		fh_buf_free(&q.sql);
		fh_buf_free(&q.match);
		*more = matches > cap;
		*count = matches > cap ? cap : (int)matches;
		return st;
	}
	build(&q, PLAN_SEARCH, NULL, false, true);
	fh_stmt *stmt;
	if (q.sql.failed) {
		fh_buf_free(&q.sql);
		fh_buf_free(&q.match);
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	}
	fh_status ps = fh_store_prepare(s, fh_buf_str(&q.sql), &stmt, NULL);
	fh_buf_free(&q.sql);
	if (ps != FH_OK) {
		fh_buf_free(&q.match);
		return fh_store_fail(s, err, _("counting tenants"));
	}
	bind(stmt, actor, &q, NULL, cap + 1);
	struct budget b = { PLAN_A_BUDGET * 2 };
	fh_store_budget(s, 1000, spend, &b);
	int rc = fh_step(stmt);
	fh_store_budget(s, 0, NULL, NULL);
	fh_buf_free(&q.match);
	if (rc == FH_STEP_INTERRUPT) {
		fh_finalize(stmt);
		*count = -1; /* too many to count cheaply */
		return FH_OK;
	}
	if (rc == FH_ROW) {
		int c = fh_column_int(stmt, 0);
		*more = c > cap;
		*count = c > cap ? cap : c;
	}
	fh_finalize(stmt);
	return rc == FH_ROW ? FH_OK : fh_store_fail(s, err, _("counting tenants"));
}
