/* fuhua core — CSV import and export of tenants. */
#include "fuhua/import.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "import_int.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_int.h"
#include "tally.h"
#include "tenant_int.h"

void fh_import_result_free(fh_import_result *res)
{
	if (!res)
		return;
	free(res->problems);
	memset(res, 0, sizeof *res);
}

void fh_import_add_problem(fh_import_result *res, size_t line, const char *field, const char *msg)
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
	fh_text_escape(p->message, sizeof p->message, msg); /* cells may hold ESC, C1 … */
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

/* UTF-8, perhaps with a few bad bytes (a row pasted from elsewhere), rather
 * than GB18030: GB18030 text read as UTF-8 has almost no valid sequences. */
static bool looks_utf8(const char *s, size_t len)
{
	size_t good = 0, bad = 0;
	return fh_utf8_invalid_at(s, len, &good, &bad) < 0 || (good >= 4 * bad && good > 0);
}

/* Whether a row is empty (trailing lines spreadsheets leave). */
bool fh_import_blank(const fh_csv *c)
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

void fh_import_sort_problems(fh_import_result *res)
{
	if (res->nproblems)
		qsort(res->problems, res->nproblems, sizeof *res->problems, by_line);
}

#define HUBS_SEEN 64

struct row_ctx {
	fh_store *s;
	const fh_actor *actor;
	fh_stmt *hub_by_code;
	int64_t hub;
	int hub_col;
	const int *map;
	size_t ncols;
	int term;
	fh_import_result *res;
	struct { /* the hub codes seen and their answers */
		char code[64];
		int64_t hub; /* 0: none within the actor's */
	} seen[HUBS_SEEN];
	size_t nseen;
	fh_hub_fields *fields; /* the service fields of the hubs seen (HUBS_SEEN) */
	size_t nfields;
	fh_status failed; /* the database did not answer: the import stops */
	fh_error fail_err;
	char **head; /* the heading's cells, trimmed */
};

/* The first byte of s that is not UTF-8, or -1. */
static int bad_byte(const char *s)
{
	long at = fh_utf8_invalid_at(s, strlen(s), NULL, NULL);
	return at < 0 ? -1 : (unsigned char)s[at];
}

/* What a record says about the file as a whole: a byte-order mark or the
 * heading again in the middle (two files pasted together), a byte that is
 * not UTF-8. Reported, never imported as a tenant named "\xEF\xBB\xBFname". */
static bool whole_file_problem(struct row_ctx *x, const fh_csv *c, size_t line)
{
	char msg[200];
	msg[0] = 0;
	if (c->ncells && strncmp(c->cells[0], "\xEF\xBB\xBF", 3) == 0) {
		snprintf(msg, sizeof msg, "%s",
			 _("a byte-order mark in the middle of the file: two files pasted together?"));
	} else {
		bool same = c->ncells == x->ncols;
		for (size_t i = 0; same && i < c->ncells; i++) {
			char h[64];
			fh_text_trim(h, sizeof h, c->cells[i]);
			same = strcmp(h, x->head[i]) == 0;
		}
		if (same)
			snprintf(msg, sizeof msg, "%s", _("the heading row again: two files pasted together?"));
		for (size_t i = 0; !msg[0] && i < c->ncells; i++) {
			int b = bad_byte(c->cells[i]);
			if (b >= 0)
				snprintf(msg, sizeof msg,
					 _("column %zu: byte 0x%02X is not UTF-8 (a file in another encoding?)"), i + 1,
					 (unsigned)b);
		}
	}
	if (msg[0])
		fh_import_add_problem(x->res, line, NULL, msg);
	return msg[0] != 0;
}

/* A row whose organisation is in the database already (the same name in the
 * row's hub; a taken credit code the checks name) is reported, never
 * imported twice: a re-run of an import, even with --skip-bad, adds nothing. */
static bool already_there(struct row_ctx *x, const fh_tenant *t, size_t line)
{
	fh_tenant_match m[4];
	size_t n = 0;
	fh_tenant probe = *t;
	probe.phone[0] = 0;       /* a phone may be a contact's with several organisations */
	probe.credit_code[0] = 0; /* the checks name a taken code already */
	if (fh_tenant_similar(x->s, x->actor, &probe, m, 4, &n, &x->fail_err) != FH_OK) {
		x->failed = x->fail_err.code;
		return false;
	}
	size_t same = 0;
	for (size_t i = 0; i < n; i++) {
		if (m[i].hub_id != t->hub_id)
			continue; /* the same name in another hub: another organisation */
		char msg[400];
		snprintf(msg, sizeof msg, _("%s (no. %lld, %s) is in the database already"), m[i].name,
			 (long long)m[i].id, m[i].hub_code);
		fh_import_add_problem(x->res, line, "name", msg);
		same++;
	}
	return same == 0;
}

/* A cell as the export wrote it: the apostrophe that keeps a spreadsheet from
 * reading =, +, - or @ as a formula is the export's, not the data's. */
static const char *cell_text(const char *cell)
{
	return cell[0] == '\'' && cell[1] && strchr("=+-@", cell[1]) ? cell + 1 : cell;
}

/* The hub of a row's code, if it is within the actor's hubs (0 if not):
 * asked once per code and import. */
static int64_t row_hub(struct row_ctx *x, const char *code)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].code, code) == 0)
			return x->seen[i].hub;
	int64_t h = 0;
	fh_bind_str(x->hub_by_code, 1, code);
	if (fh_step(x->hub_by_code) == FH_ROW)
		h = fh_column_int64(x->hub_by_code, 0);
	fh_reset(x->hub_by_code);
	if (h) {
		fh_status sc = fh_actor_scope(x->s, x->actor, h, &x->fail_err);
		if (sc != FH_OK && sc != FH_EDENIED)
			x->failed = sc;
		if (sc != FH_OK)
			h = 0;
	}
	size_t at = x->nseen < HUBS_SEEN ? x->nseen++ : HUBS_SEEN - 1; /* beyond: the last place */
	snprintf(x->seen[at].code, sizeof x->seen[at].code, "%s", code);
	x->seen[at].hub = h;
	return h;
}

/* The service fields of hub `hub`, read once per hub and import (the import
 * holds the write lock: they cannot change under it); NULL past HUBS_SEEN
 * hubs or without memory, when validation reads them itself. */
static const fh_hub_fields *hub_fields(struct row_ctx *x, int64_t hub)
{
	for (size_t i = 0; i < x->nfields; i++)
		if (x->fields[i].hub == hub)
			return &x->fields[i];
	if (!x->fields && !(x->fields = malloc(HUBS_SEEN * sizeof *x->fields)))
		return NULL;
	if (x->nfields == HUBS_SEEN)
		return NULL;
	fh_hub_fields *f = &x->fields[x->nfields];
	if (fh_tenant_service_fields(x->s, hub, f->names, FH_HUB_FIELDS_MAX, &f->n, NULL) != FH_OK)
		return NULL; /* validation reads them itself, and stops the import saying why */
	f->hub = hub;
	x->nfields++;
	return f;
}

/* Parses the current record into t; with `check`, validates it and reports
 * its problems. Returns whether the row is good. */
static bool parse_row(struct row_ctx *x, const fh_csv *c, size_t line, fh_tenant *t, bool check)
{
	fh_tenant_init(t);
	t->hub_id = x->hub;
	bool good = true;
	if (check && whole_file_problem(x, c, line))
		return false; /* (a row written was checked in the first pass) */
	if (c->ncells > x->ncols) {
		char msg[128];
		snprintf(msg, sizeof msg, _("%zu cells, the heading has %zu"), c->ncells, x->ncols);
		if (check)
			fh_import_add_problem(x->res, line, NULL, msg);
		good = false;
	}
	if (x->hub_col >= 0 && (size_t)x->hub_col < c->ncells) {
		char code[64];
		fh_text_trim(code, sizeof code, c->cells[x->hub_col]);
		int64_t h = code[0] ? row_hub(x, code) : 0;
		if (code[0]) {
			if (!h) {
				char msg[160];
				snprintf(msg, sizeof msg, _("no hub '%s' within yours"), code);
				if (check)
					fh_import_add_problem(x->res, line, "hub", msg);
				good = false;
			} else {
				t->hub_id = h;
			}
		}
	}
	for (size_t i = 0; i < c->ncells && i < x->ncols; i++) {
		if (x->map[i] < 0)
			continue;
		fh_error e;
		if (fh_tenant_set(t, (fh_tenant_field)x->map[i], cell_text(c->cells[i]), &e) != FH_OK) {
			if (check)
				fh_import_add_problem(x->res, line, e.field, e.message);
			good = false;
		}
	}
	/* imported tenants may arrive at any stage; the planned end follows
	 * from the hub's term when not given */
	if (t->stage >= FH_STAGE_INCUBATING && t->admitted_on && !t->planned_end)
		t->planned_end = fh_clock_add_months(t->admitted_on, x->term);
	if (good && check) {
		fh_field_errors fe;
		fe.n = 0; /* 25 KB: only what is added is read */
		fh_error e;
		fh_status vs = fh_tenant_validate_in(x->s, t, hub_fields(x, t->hub_id), &fe, &e);
		if (vs == FH_EINVAL) {
			for (size_t k = 0; k < fe.n; k++)
				fh_import_add_problem(x->res, line, fe.e[k].field, fe.e[k].message);
			good = false;
		} else if (vs != FH_OK && !x->failed) { /* the database did not answer */
			x->failed = vs;
			x->fail_err = e;
			good = false;
		}
	}
	if (good && check && !already_there(x, t, line))
		good = false;
	return good;
}

/* The encoding: a BOM, UTF-8 (perhaps with a bad byte), or GB18030, read
 * into UTF-8. *data and *len move past a BOM or to *converted (the caller
 * frees it). */
fh_status fh_import_decode(const fh_import_options *opt, const char **data, size_t *len, char **converted,
			   fh_import_result *res, fh_error *err)
{
	const char *enc = opt->encoding;
	if (*len >= 3 && memcmp(*data, "\xEF\xBB\xBF", 3) == 0 && (!enc || strcasecmp(enc, "utf-8") == 0)) {
		*data += 3;
		*len -= 3;
		enc = "utf-8";
	}
	if (!enc)
		enc = looks_utf8(*data, *len) ? "utf-8" : "gb18030";
	if (strcasecmp(enc, "gb18030") == 0 || strcasecmp(enc, "gbk") == 0 || strcasecmp(enc, "gb2312") == 0) {
		size_t n;
		if (!(*converted = from_gb18030(*data, *len, &n, err)))
			return err ? err->code : FH_EINVAL;
		*data = *converted;
		*len = n;
		res->encoding = "gb18030";
		return FH_OK;
	}
	if (strcasecmp(enc, "utf-8") == 0 || strcasecmp(enc, "utf8") == 0) {
		res->encoding = "utf-8"; /* a bad byte is its row's problem, on its line */
		return FH_OK;
	}
	return fh_error_set(err, FH_EINVAL, "encoding", _("'%s' is not an encoding fuhua reads (utf-8, gb18030)"), enc);
}

/* The heading row: each column's field into x->map (-1: none), the hub
 * column into x->hub_col, the trimmed cells into x->head (x->ncols). */
static fh_status read_heading(fh_csv *c, struct row_ctx *x, int *map, fh_error *err)
{
	size_t line;
	int r = fh_csv_next(c, &line);
	if (r <= 0)
		return fh_error_set(err, FH_EINVAL, NULL, "%s",
				    r == 0                    ? _("the file is empty")
					    : r == FH_CSV_NUL ? _("line 1: a NUL byte in the heading row")
					    : r == FH_CSV_TOO_WIDE
					    ? _("line 1: the heading row has more than 1024 cells")
					    : _("line 1: the heading row is unreadable"));
	if (!(x->head = calloc(c->ncells, sizeof *x->head)))
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	x->ncols = c->ncells;
	x->hub_col = -1; /* a hub column (as exported) overrides the hub given */
	bool seen[FH_TF_COUNT] = { false };
	for (size_t i = 0; i < c->ncells; i++) {
		fh_tenant_field f;
		map[i] = -1;
		char h[64];
		fh_text_trim(h, sizeof h, c->cells[i]);
		if (!(x->head[i] = strdup(h)))
			return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		if (bad_byte(h) >= 0)
			return fh_error_set(err, FH_EINVAL, NULL,
					    _("line %zu, column %zu: the heading is not UTF-8 text"), line, i + 1);
		if (!h[0])
			continue;
		if (strcasecmp(h, "hub") == 0 || strcmp(h, "孵化基地") == 0 || strcmp(h, "基地") == 0) {
			x->hub_col = (int)i;
			continue;
		}
		if (!fh_tenant_field_lookup(h, &f))
			return fh_error_set(
				err, FH_EINVAL, NULL,
				_("line %zu, column %zu: '%s' is not a tenant field (名称, 统一社会信用代码, … or name, credit_code, …; see fuhua(1))"),
				line, i + 1, h);
		if (seen[f])
			return fh_error_set(err, FH_EINVAL, NULL, _("line %zu, column %zu: '%s' appears twice"), line,
					    i + 1, h);
		seen[f] = true;
		map[i] = (int)f;
	}
	if (!seen[FH_TF_NAME])
		return fh_error_set(err, FH_EINVAL, NULL, _("line %zu: no name column (名称 or name)"), line);
	return FH_OK;
}

/* The same credit code twice in the file: every later row is bad. */
static void same_codes(fh_import_result *res, struct code_line *codes, size_t nc, bool *bad)
{
	if (nc < 2)
		return;
	qsort(codes, nc, sizeof *codes, by_code);
	for (size_t i = 1; i < nc; i++) {
		if (strcmp(codes[i].code, codes[i - 1].code) != 0)
			continue;
		size_t k = i;
		while (k > 0 && strcmp(codes[k - 1].code, codes[i].code) == 0)
			k--;
		char msg[128];
		snprintf(msg, sizeof msg, _("the same code as line %zu"), codes[k].line);
		fh_import_add_problem(res, codes[i].line, "credit_code", msg);
		if (!bad[codes[i].row])
			res->skipped++;
		bad[codes[i].row] = true;
	}
}

/* The first pass: parse and check every row, keeping only which are bad
 * (*bad, *n rows). A record the reader refuses is that row's problem. */
static fh_status check_rows(struct row_ctx *x, fh_csv *c, const fh_import_options *opt, const char *data, size_t len,
			    fh_tenant *t, bool **bad, size_t *n, fh_error *err)
{
	fh_import_result *res = x->res;
	size_t cap = 0, nc = 0, line;
	struct code_line *codes = NULL;
	fh_status st = FH_OK;
	int r;
	while (st == FH_OK && (r = fh_csv_next(c, &line)) != 0) {
		if (r == FH_CSV_UNCLOSED) {
			fh_import_add_problem(
				res, line, NULL,
				_("a quoted cell is never closed: the rest of the file is read as one cell"));
			break;
		}
		if (r == FH_CSV_NOMEM) {
			st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
			break;
		}
		if (r > 0 && fh_import_blank(c))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 4096;
			bool *nb = realloc(*bad, cap * sizeof **bad);
			struct code_line *ncl = nb ? realloc(codes, cap * sizeof *codes) : NULL;
			*bad = nb ? nb : *bad;
			codes = ncl ? ncl : codes;
			if (!nb || !ncl) {
				st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
				break;
			}
		}
		bool *b = &(*bad)[*n];
		char msg[160];
		if (r == FH_CSV_TOO_WIDE || r == FH_CSV_NUL) { /* this row only: the next rows go on */
			if (r == FH_CSV_TOO_WIDE)
				snprintf(msg, sizeof msg, _("%zu cells: more than a row may have (%d)"), c->all_cells,
					 FH_CSV_MAX_CELLS);
			else
				snprintf(msg, sizeof msg, "%s", _("a NUL byte in a cell"));
			fh_import_add_problem(res, line, NULL, msg);
			*b = true;
		} else {
			*b = !parse_row(x, c, line, t, true);
		}
		if (*b) {
			res->skipped++;
		} else if (t->credit_code[0]) {
			memcpy(codes[nc].code, t->credit_code, sizeof codes[nc].code);
			codes[nc].line = line;
			codes[nc++].row = *n;
		}
		(*n)++;
		if (opt->progress && *n % 1000 == 0)
			opt->progress(opt->ctx, 0, (size_t)(c->p - data), len);
	}
	res->rows = *n;
	if (st == FH_OK && x->failed) {
		*err = x->fail_err;
		st = x->failed;
	}
	if (st == FH_OK)
		same_codes(res, codes, nc, *bad);
	free(codes);
	return st;
}

/* An import of at least this many rows, and of at least as many as there
 * are tenants already, sets the indexes and kept counts aside and makes
 * them once at its end (fh_tally_pause): sorting every tenant once costs
 * less than updating a dozen indexes row by row. */
#define BULK_ROWS 1000

static bool bulk_import(fh_store *s, size_t rows)
{
	if (rows < BULK_ROWS)
		return false;
	int64_t there;
	fh_error e;
	return fh_store_int(s, "SELECT ifnull(sum(n), 0) FROM tenant_tally", &there, &e) == FH_OK &&
		(int64_t)rows >= there;
}

/* The second pass: read the rows again and write the good ones. */
static fh_status write_rows(struct row_ctx *x, fh_csv *c, const fh_import_options *opt, fh_tenant *t, const bool *bad,
			    size_t n, fh_error *err)
{
	struct fh_set_aside paused = { 0 };
	bool bulk = bulk_import(x->s, n - x->res->skipped);
	fh_status st = bulk ? fh_tally_pause(x->s, &paused, err) : FH_OK;
	if (st == FH_OK)
		st = fh_tenant_index_defer(x->s, err);
	size_t line;
	for (size_t i = 0; st == FH_OK && i < n;) {
		int r = fh_csv_next(c, &line);
		if (r == 0 || r == FH_CSV_UNCLOSED || r == FH_CSV_NOMEM)
			break;
		if (r > 0 && fh_import_blank(c))
			continue;
		if (!bad[i]) {
			parse_row(x, c, line, t, false);
			st = fh_tenant_insert(x->s, x->actor, t, err);
			if (st != FH_OK) {
				char msg[600];
				snprintf(msg, sizeof msg, _("line %zu: %s"), line, err->message);
				fh_error_set(err, st, err->field, "%s", msg);
			}
			x->res->imported++;
			if (opt->progress && x->res->imported % 1000 == 0)
				opt->progress(opt->ctx, 1, i, n);
		}
		i++;
	}
	fh_error later; /* after a failure, the first error is the one told */
	fh_status fl = fh_tenant_index_flush(x->s, st == FH_OK ? err : &later);
	if (st == FH_OK)
		st = fl;
	fh_status rs = bulk ? fh_tally_resume(x->s, &paused, st == FH_OK ? err : &later) : FH_OK;
	return st == FH_OK ? rs : st;
}

static fh_status audit_import(struct row_ctx *x, const fh_import_options *opt, fh_error *err)
{
	fh_buf b = FH_BUF_INIT;
	char sum[600];
	snprintf(sum, sizeof sum, "%zu ← %s", x->res->imported, opt->source ? opt->source : "CSV");
	fh_buf_printf(&b, "{\"summary\":");
	fh_buf_json_string(&b, sum);
	fh_buf_printf(&b, ",\"imported\":%zu,\"skipped\":%zu,\"encoding\":\"%s\"}", x->res->imported, x->res->skipped,
		      x->res->encoding);
	fh_status st = fh_audit_write(x->s, x->actor, x->hub, "tenant", 0, "import", NULL, fh_buf_str(&b), err);
	fh_buf_free(&b);
	return st;
}

/* The hub the rows join: its id and incubation term, in the actor's scope. */
static fh_status target_hub(fh_store *s, const fh_actor *actor, const char *code, int64_t *hub, int *term,
			    fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT id, incubation_term_months FROM hubs WHERE code = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_static(q, 1, code ? code : "", -1);
	*hub = 0;
	if (fh_step(q) == FH_ROW) {
		*hub = fh_column_int64(q, 0);
		*term = fh_column_int(q, 1);
	}
	fh_reset(q);
	if (!*hub)
		return fh_error_set(err, FH_ENOTFOUND, "hub", _("no hub with code '%s'"), code ? code : "");
	return fh_actor_scope(s, actor, *hub, err);
}

fh_status fh_tenant_import(fh_store *s, const fh_actor *actor, const char *data, size_t len,
			   const fh_import_options *opt, fh_import_result *res, fh_error *err)
{
	memset(res, 0, sizeof *res);
	if (!fh_role_allows(actor->role, FH_ROLE_MANAGER))
		return fh_error_set(err, FH_EDENIED, NULL, "%s", _("importing tenants needs a manager"));
	struct row_ctx x = { .s = s, .actor = actor, .res = res, .term = 12 };
	fh_status st = target_hub(s, actor, opt->hub_code, &x.hub, &x.term, err);
	char *converted = NULL;
	if (st == FH_OK)
		st = fh_import_decode(opt, &data, &len, &converted, res, err);
	if (st != FH_OK)
		return st;
	int map[FH_CSV_MAX_CELLS];
	x.map = map;
	fh_csv c;
	fh_csv_init(&c, data, len);
	bool *bad = NULL;
	size_t n = 0;
	fh_tenant *t = malloc(sizeof *t);
	if ((st = read_heading(&c, &x, map, err)) != FH_OK ||
	    (st = fh_store_stmt(s, "SELECT id FROM hubs WHERE code = ?1", &x.hub_by_code, err)) != FH_OK)
		goto out;
	if (!t) {
		st = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		goto out;
	}
	/* The whole import is one write transaction: the checks see exactly
	 * what the writes will go into, and nothing is half-written. Its pages
	 * stay in memory until the commit (no cache spill): a spill would take
	 * the exclusive lock for the rest of the import and stop every other
	 * session from reading; this way readers wait only for the commit. */
	fh_store_exec(s, "PRAGMA cache_spill = OFF; PRAGMA cache_size = -131072", NULL);
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		goto out;
	const char *body = c.p;
	size_t body_line = c.line;
	st = check_rows(&x, &c, opt, data, len, t, &bad, &n, err);
	fh_import_sort_problems(res);
	if (st == FH_OK && res->nproblems && !opt->skip_bad) {
		st = fh_error_set(err, FH_EINVAL, NULL,
				  _("%zu of %zu rows have problems; nothing imported (fix them, or --skip-bad)"),
				  res->skipped ? res->skipped : 1, n);
		res->skipped = 0;
	}
	c.p = body;
	c.line = body_line;
	if (st == FH_OK)
		st = write_rows(&x, &c, opt, t, bad, n, err);
	if (st == FH_OK)
		st = audit_import(&x, opt, err);
	if (st == FH_OK)
		st = fh_tx_commit(s, err);
	else
		fh_tx_rollback(s);
	if (st != FH_OK)
		res->imported = 0;
	else if (opt->progress)
		opt->progress(opt->ctx, 1, n, n);
out:
	fh_store_exec(s, "PRAGMA cache_spill = ON; PRAGMA cache_size = -2000", NULL);
	for (size_t i = 0; x.head && i < x.ncols; i++)
		free(x.head[i]);
	free(x.head);
	free(x.fields);
	free(bad);
	free(t);
	fh_csv_free(&c);
	free(converted);
	return st;
}

/* One part of an export: the matching tenants numbered (after, after +
 * EXPORT_SPAN], their cells into `part` (each ended by a NUL, FH_TF_COUNT
 * + 1 a row), *rows how many. One statement that reads at most that many
 * rows whatever the filter: its read lock is let go before anyone is given
 * a row, however slowly they write it. v holds a row's cells' text. */
#define EXPORT_SPAN 8192
struct export_cells {
	char v[FH_TF_COUNT][FH_TENANT_NOTES_MAX * 4 + 8];
};

static fh_status export_part(fh_store *s, int64_t scope, const fh_tenant_filter *f, bool zh, int64_t after,
			     fh_buf *part, size_t *rows, struct export_cells *v, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		FH_SQL_SCOPE "SELECT " FH_SQL_TENANT_COLS " FROM tenants t NOT INDEXED JOIN hubs h ON h.id = t.hub_id"
			     " WHERE t.id > ?5 AND t.id <= ?5 + ?6 AND t.hub_id IN (SELECT id FROM scope)"
			     " AND (?2 IS NULL OR t.stage = ?2) AND (?3 IS NULL OR t.org_type = ?3)"
			     " AND (?4 IS NULL OR t.field = ?4) ORDER BY t.id",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, scope);
	if (f->stage >= 0)
		fh_bind_static(q, 2, fh_stage_name((fh_stage)f->stage), -1);
	if (f->org_type >= 0)
		fh_bind_static(q, 3, fh_org_type_name((fh_org_type)f->org_type), -1);
	fh_bind_text(q, 4, f->field);
	fh_bind_int64(q, 5, after);
	fh_bind_int(q, 6, EXPORT_SPAN);
	int rc;
	part->len = 0;
	*rows = 0;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_tenant t;
		fh_tenant_read(q, &t);
		for (int i = 0; i < FH_TF_COUNT; i++) {
			fh_buf_puts(part, fh_tenant_get(&t, (fh_tenant_field)i, false, zh, v->v[i], sizeof v->v[i]));
			fh_buf_add(part, "", 1);
		}
		fh_buf_puts(part, t.hub_code);
		fh_buf_add(part, "", 1);
		(*rows)++;
	}
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("reading tenants"));
	return part->failed ? fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory")) : FH_OK;
}

/* Hands the rows of a part, one by one, to row(). */
static fh_status export_rows(const fh_buf *part, size_t rows, fh_export_row_fn *row, void *ctx, fh_error *err)
{
	const char *p = part->data, *cells[FH_TF_COUNT + 1];
	for (size_t r = 0; r < rows; r++) {
		for (int i = 0; i <= FH_TF_COUNT; i++) {
			cells[i] = p;
			p += strlen(p) + 1;
		}
		if (row(ctx, cells, FH_TF_COUNT + 1) != 0)
			return fh_error_set(err, FH_ESTORE, NULL, "%s", _("writing the export failed"));
	}
	return FH_OK;
}

fh_status fh_tenant_export_rows(fh_store *s, const fh_actor *actor, const fh_tenant_filter *f, bool zh,
				fh_export_row_fn *row, void *ctx, fh_error *err)
{
	fh_status st = f->hub_id ? fh_actor_scope(s, actor, f->hub_id, err) : FH_OK;
	if (st != FH_OK)
		return st;
	int64_t last = 0;
	if ((st = fh_store_int(s, "SELECT ifnull(max(id), 0) FROM tenants", &last, err)) != FH_OK)
		return st;
	struct export_cells *v = malloc(sizeof *v);
	if (!v)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	const char *head[FH_TF_COUNT + 1];
	for (int i = 0; i < FH_TF_COUNT; i++)
		head[i] = fh_tenant_field_label((fh_tenant_field)i, zh);
	head[FH_TF_COUNT] = zh ? "孵化基地" : "Hub";
	if (row(ctx, head, FH_TF_COUNT + 1) != 0)
		st = fh_error_set(err, FH_ESTORE, NULL, "%s", _("writing the export failed"));
	/* part by part, by number, up to the last tenant there was when it
	 * began: every tenant once, as it was when its part was read; another
	 * session's write waits for one part at most */
	fh_buf part = FH_BUF_INIT;
	for (int64_t after = 0; st == FH_OK && after < last; after += EXPORT_SPAN) {
		size_t rows;
		st = export_part(s, f->hub_id ? f->hub_id : actor->hub_id, f, zh, after, &part, &rows, v, err);
		if (st == FH_OK)
			st = export_rows(&part, rows, row, ctx, err);
	}
	fh_buf_free(&part);
	free(v);
	return st;
}

/* fh_tenant_export's rows as CSV, written 64 KiB at a time. */
struct csv_out {
	fh_buf b;
	int (*write)(void *ctx, const char *data, size_t n);
	void *ctx;
};

static int csv_flush(struct csv_out *o)
{
	int rc = o->b.failed ? -1 : o->b.len ? o->write(o->ctx, o->b.data, o->b.len) : 0;
	o->b.len = 0;
	return rc;
}

static int csv_row(void *ctx, const char *const *cells, int n)
{
	struct csv_out *o = ctx;
	fh_buf_csv_row(&o->b, cells, (size_t)n);
	return o->b.len > 65536 ? csv_flush(o) : 0;
}

fh_status fh_tenant_export(fh_store *s, const fh_actor *actor, const fh_tenant_filter *f, bool zh, bool bom,
			   int (*write)(void *ctx, const char *data, size_t n), void *ctx, fh_error *err)
{
	struct csv_out o = { FH_BUF_INIT, write, ctx };
	if (bom)
		fh_buf_puts(&o.b, "\xEF\xBB\xBF");
	fh_status st = fh_tenant_export_rows(s, actor, f, zh, csv_row, &o, err);
	if (st == FH_OK && csv_flush(&o) != 0)
		st = fh_error_set(err, FH_ESTORE, NULL, "%s", _("writing the export failed"));
	fh_buf_free(&o.b);
	return st;
}
