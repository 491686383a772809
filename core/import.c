/* fuhua core — CSV import and export of tenants. */
#include "fuhua/import.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"
#include "tenant_int.h"

void fh_import_result_free(fh_import_result *res)
{
	if (!res)
		return;
	free(res->problems);
	memset(res, 0, sizeof *res);
}

static void problem(fh_import_result *res, size_t line, const char *field, const char *msg)
{
	if (res->nproblems % 64 == 0) {
		fh_import_problem *p = realloc(res->problems, (res->nproblems + 64) * sizeof *p);
		if (!p)
			return;
		res->problems = p;
	}
	fh_import_problem *p = &res->problems[res->nproblems++];
	p->line = line;
	snprintf(p->field, sizeof p->field, "%s", field ? field : "");
	snprintf(p->message, sizeof p->message, "%s", msg);
}

/* GB18030 → UTF-8 with iconv; NULL with err naming the line of the first
 * byte that is not GB18030 either. */
static char *from_gb18030(const char *data, size_t len, size_t *out_len, fh_error *err)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1) {
		fh_error_set(err, FH_EINVAL, "encoding", "%s", _("this system cannot convert GB18030"));
		return NULL;
	}
	size_t cap = len * 2 + 16;
	char *out = malloc(cap);
	if (!out) {
		iconv_close(cd);
		fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		return NULL;
	}
	char *in = (char *)data, *o = out;
	size_t inleft = len, outleft = cap - 1;
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		size_t line = 1;
		for (const char *p = data; p < in; p++)
			line += *p == '\n';
		fh_error_set(err, FH_EINVAL, "encoding",
			     _("line %zu: the file is neither UTF-8 nor GB18030 (give --encoding?)"), line);
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*o = 0;
	*out_len = (size_t)(o - out);
	return out;
}

/* Whether a row is empty (trailing lines spreadsheets leave). */
static bool blank(const fh_csv *c)
{
	for (size_t i = 0; i < c->ncells; i++) {
		char t[8];
		fh_text_trim(t, sizeof t, c->cells[i]);
		if (t[0])
			return false;
	}
	return true;
}

struct code_line {
	char code[19];
	size_t line, row;
};

static int by_code(const void *a, const void *b)
{
	const struct code_line *x = a, *y = b;
	int c = strcmp(x->code, y->code);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int by_line(const void *a, const void *b)
{
	const fh_import_problem *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

fh_status fh_tenant_import(fh_store *s, const fh_actor *actor, const char *data, size_t len,
			   const fh_import_options *opt, fh_import_result *res, fh_error *err)
{
	memset(res, 0, sizeof *res);
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("importing tenants needs a manager"));
	int64_t hub = 0;
	sqlite3_stmt *q = fh_store_stmt(s, "SELECT id FROM hubs WHERE code = ?1", err);
	if (!q)
		return err ? err->code : FH_ESTORE;
	sqlite3_bind_text(q, 1, opt->hub_code ? opt->hub_code : "", -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		hub = sqlite3_column_int64(q, 0);
	sqlite3_reset(q);
	if (!hub)
		return fh_error_set(err, FH_EINVAL, "hub", _("no hub with code '%s'"),
				    opt->hub_code ? opt->hub_code : "");
	if (!fh_actor_sees(s, actor, hub))
		return fh_error_set(err, FH_EDENIED, "hub", _("hub '%s' is outside your hub"), opt->hub_code);

	/* the encoding: a BOM, valid UTF-8, or GB18030 */
	char *converted = NULL;
	const char *enc = opt->encoding;
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 && (!enc || strcasecmp(enc, "utf-8") == 0)) {
		data += 3;
		len -= 3;
		enc = "utf-8";
	}
	if (!enc)
		enc = fh_utf8_valid(data, len) ? "utf-8" : "gb18030";
	if (strcasecmp(enc, "gb18030") == 0 || strcasecmp(enc, "gbk") == 0 || strcasecmp(enc, "gb2312") == 0) {
		size_t n;
		if (!(converted = from_gb18030(data, len, &n, err)))
			return err ? err->code : FH_EINVAL;
		data = converted;
		len = n;
		res->encoding = "gb18030";
	} else if (strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0) {
		res->encoding = "utf-8";
		if (!fh_utf8_valid(data, len)) {
			size_t line = 1, i = 0;
			while (i < len) { /* find the first bad byte's line */
				uint32_t cp;
				size_t k = fh_utf8_decode(data + i, len - i, &cp);
				if (cp == 0xFFFD && !fh_utf8_valid(data + i, k))
					break;
				line += data[i] == '\n';
				i += k;
			}
			return fh_error_set(err, FH_EINVAL, "encoding",
					    _("line %zu: not valid UTF-8 (a GB18030 file? give --encoding gb18030)"), line);
		}
	} else {
		return fh_error_set(err, FH_EINVAL, "encoding",
				    _("'%s' is not an encoding fuhua reads (utf-8, gb18030)"), enc);
	}

	fh_csv c;
	fh_csv_init(&c, data, len);
	size_t line;
	int r = fh_csv_next(&c, &line);
	fh_status st = FH_OK;
	int map[1024];
	bool seen[FH_TF_COUNT] = { false };
	if (r <= 0) {
		st = fh_error_set(err, FH_EINVAL, NULL, "%s", r == 0 ? _("the file is empty") : _("line 1: the heading row is unreadable"));
		goto out;
	}
	for (size_t i = 0; i < c.ncells; i++) {
		fh_tenant_field f;
		map[i] = -1;
		char h[64];
		fh_text_trim(h, sizeof h, c.cells[i]);
		if (!h[0])
			continue;
		if (!fh_tenant_field_lookup(h, &f)) {
			st = fh_error_set(err, FH_EINVAL, NULL, _("line %zu, column %zu: '%s' is not a tenant field (名称, 统一社会信用代码, … or name, credit_code, …; see fuhua(1))"),
					  line, i + 1, h);
			goto out;
		}
		if (seen[f]) {
			st = fh_error_set(err, FH_EINVAL, NULL, _("line %zu, column %zu: '%s' appears twice"), line, i + 1, h);
			goto out;
		}
		seen[f] = true;
		map[i] = (int)f;
	}
	if (!seen[FH_TF_NAME]) {
		st = fh_error_set(err, FH_EINVAL, NULL, _("line %zu: no name column (名称 or name)"), line);
		goto out;
	}
	size_t ncols = c.ncells;

	/* first pass: parse and check every row */
	size_t cap = 1024, n = 0;
	fh_tenant *rows = malloc(cap * sizeof *rows);
	size_t *lines = malloc(cap * sizeof *lines);
	bool *bad = NULL;
	if (!rows || !lines) {
		free(rows);
		free(lines);
		st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		goto out;
	}
	while ((r = fh_csv_next(&c, &line)) != 0) {
		if (r < 0) {
			problem(res, line, NULL, _("a quoted cell is never closed"));
			break;
		}
		if (blank(&c))
			continue;
		if (n == cap) {
			cap *= 2;
			fh_tenant *nr = realloc(rows, cap * sizeof *rows);
			if (nr)
				rows = nr;
			size_t *nl = realloc(lines, cap * sizeof *lines);
			if (nl)
				lines = nl;
			if (!nr || !nl) {
				st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
				break;
			}
		}
		fh_tenant *t = &rows[n];
		lines[n] = line;
		fh_tenant_init(t);
		t->hub_id = hub;
		if (c.ncells > ncols) {
			char msg[128];
			snprintf(msg, sizeof msg, _("%zu cells, the heading has %zu"), c.ncells, ncols);
			problem(res, line, NULL, msg);
		}
		bool row_bad = c.ncells > ncols;
		for (size_t i = 0; i < c.ncells && i < ncols; i++) {
			if (map[i] < 0)
				continue;
			fh_error e;
			if (fh_tenant_set(t, (fh_tenant_field)map[i], c.cells[i], &e) != FH_OK) {
				problem(res, line, e.field, e.message);
				row_bad = true;
			}
		}
		if (!row_bad) {
			/* imported tenants may arrive at any stage */
			if (t->stage >= FH_STAGE_INCUBATING && t->admitted_on && !t->planned_end) {
				sqlite3_stmt *tq = fh_store_stmt(s, "SELECT incubation_term_months FROM hubs WHERE id = ?1", NULL);
				if (tq) {
					sqlite3_bind_int64(tq, 1, hub);
					if (sqlite3_step(tq) == SQLITE_ROW)
						t->planned_end = fh_add_months(t->admitted_on, sqlite3_column_int(tq, 0));
					sqlite3_reset(tq);
				}
			}
			fh_field_errors fe = { 0 };
			if (fh_tenant_validate(s, t, &fe, NULL) != FH_OK) {
				for (size_t k = 0; k < fe.n; k++)
					problem(res, line, fe.e[k].field, fe.e[k].message);
				row_bad = true;
			}
		}
		if (row_bad) {
			t->name[0] = 0; /* marks it bad */
			res->skipped++;
		}
		n++;
		if (opt->progress && n % 1000 == 0)
			opt->progress(opt->ctx, 0, (size_t)(c.p - data), len);
	}
	res->rows = n;
	/* the same credit code twice in the file */
	struct code_line *codes = st == FH_OK ? malloc((n + 1) * sizeof *codes) : NULL;
	size_t nc = 0;
	for (size_t i = 0; codes && i < n; i++)
		if (rows[i].name[0] && rows[i].credit_code[0]) {
			memcpy(codes[nc].code, rows[i].credit_code, sizeof codes[nc].code);
			codes[nc].line = lines[i];
			codes[nc++].row = i;
		}
	if (codes) {
		qsort(codes, nc, sizeof *codes, by_code);
		for (size_t i = 1; i < nc; i++)
			if (strcmp(codes[i].code, codes[i - 1].code) == 0) {
				size_t k = i;
				while (k > 0 && strcmp(codes[k - 1].code, codes[i].code) == 0)
					k--;
				char msg[128];
				snprintf(msg, sizeof msg, _("the same code as line %zu"), codes[k].line);
				problem(res, codes[i].line, "credit_code", msg);
				rows[codes[i].row].name[0] = 0;
				res->skipped++;
			}
		free(codes);
	}
	(void)bad;
	if (res->nproblems)
		qsort(res->problems, res->nproblems, sizeof *res->problems, by_line);
	if (st == FH_OK && res->nproblems && !opt->skip_bad) {
		st = fh_error_set(err, FH_EINVAL, NULL,
				  _("%zu of %zu rows have problems; nothing imported (fix them, or --skip-bad)"),
				  res->skipped ? res->skipped : 1, n);
		res->skipped = 0;
	}
	/* second pass: write the good rows, all in one transaction */
	if (st == FH_OK && (st = fh_tx_begin(s, err)) == FH_OK) {
		for (size_t i = 0; st == FH_OK && i < n; i++) {
			if (!rows[i].name[0])
				continue;
			st = fh_tenant_insert(s, actor, &rows[i], err);
			if (st != FH_OK) {
				char msg[600];
				snprintf(msg, sizeof msg, _("line %zu: %s"), lines[i], err->message);
				fh_error_set(err, st, err->field, "%s", msg);
			}
			res->imported++;
			if (opt->progress && res->imported % 1000 == 0)
				opt->progress(opt->ctx, 1, i, n);
		}
		if (st == FH_OK) {
			fh_buf b = FH_BUF_INIT;
			fh_buf_printf(&b, "{\"summary\":");
			char sum[600];
			snprintf(sum, sizeof sum, "%zu ← %s", res->imported, opt->source ? opt->source : "CSV");
			fh_buf_json_string(&b, sum);
			fh_buf_printf(&b, ",\"imported\":%zu,\"skipped\":%zu,\"encoding\":\"%s\"}", res->imported,
				      res->skipped, res->encoding);
			st = fh_audit_write(s, actor, hub, "tenant", 0, "import", NULL, fh_buf_str(&b), err);
			fh_buf_free(&b);
		}
		if (st == FH_OK)
			st = fh_tx_commit(s, err);
		else
			fh_tx_rollback(s);
		if (st != FH_OK)
			res->imported = 0;
		else if (opt->progress)
			opt->progress(opt->ctx, 1, n, n);
	}
	free(rows);
	free(lines);
out:
	fh_csv_free(&c);
	free(converted);
	return st;
}

fh_status fh_tenant_export(fh_store *s, const fh_actor *actor, const fh_tenant_filter *f,
			   bool zh, bool bom, int (*write)(void *ctx, const char *data, size_t n),
			   void *ctx, fh_error *err)
{
	if (f->hub_id && !fh_actor_sees(s, actor, f->hub_id))
		return fh_error_set(err, FH_EDENIED, "hub", "%s", _("that hub is outside your hub"));
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(fh_store_db(s),
			       FH_SQL_SCOPE "SELECT " FH_SQL_TENANT_COLS
			       " FROM tenants t JOIN hubs h ON h.id = t.hub_id"
			       " WHERE t.hub_id IN (SELECT id FROM scope)"
			       " AND (?2 IS NULL OR t.stage = ?2) AND (?3 IS NULL OR t.org_type = ?3)"
			       " AND (?4 IS NULL OR t.field = ?4) ORDER BY t.name, t.id",
			       -1, &q, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("reading tenants"));
	sqlite3_bind_int64(q, 1, f->hub_id ? f->hub_id : actor->hub_id);
	if (f->stage >= 0)
		sqlite3_bind_text(q, 2, fh_stage_name((fh_stage)f->stage), -1, SQLITE_STATIC);
	if (f->org_type >= 0)
		sqlite3_bind_text(q, 3, fh_org_type_name((fh_org_type)f->org_type), -1, SQLITE_STATIC);
	fh_bind_text(q, 4, f->field);
	fh_buf b = FH_BUF_INIT;
	if (bom)
		fh_buf_puts(&b, "\xEF\xBB\xBF");
	for (int i = 0; i < FH_TF_COUNT; i++) {
		fh_buf_csv_cell(&b, fh_tenant_field_label((fh_tenant_field)i, zh));
		fh_buf_puts(&b, ",");
	}
	fh_buf_csv_cell(&b, zh ? "孵化基地" : "Hub");
	fh_buf_puts(&b, "\r\n");
	fh_status st = FH_OK;
	int rc;
	char v[FH_TENANT_NOTES_MAX * 4 + 8];
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		fh_tenant t;
		fh_tenant_read(q, &t);
		for (int i = 0; i < FH_TF_COUNT; i++) {
			fh_buf_csv_cell(&b, fh_tenant_get(&t, (fh_tenant_field)i, false, zh, v, sizeof v));
			fh_buf_puts(&b, ",");
		}
		fh_buf_csv_cell(&b, t.hub_code);
		fh_buf_puts(&b, "\r\n");
		if (b.len > 60000) {
			if (b.failed || write(ctx, b.data, b.len) != 0) {
				st = fh_error_set(err, FH_ESTORE, NULL, "%s", _("writing the export failed"));
				break;
			}
			b.len = 0;
		}
	}
	if (st == FH_OK && rc != SQLITE_DONE)
		st = fh_store_fail(s, err, _("reading tenants"));
	if (st == FH_OK && b.len && (b.failed || write(ctx, b.data, b.len) != 0))
		st = fh_error_set(err, FH_ESTORE, NULL, "%s", _("writing the export failed"));
	sqlite3_finalize(q);
	fh_buf_free(&b);
	return st;
}
