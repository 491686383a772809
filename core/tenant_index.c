/* fuhua core — a tenant's search rows (the text, its grams, the sort key)
 * and the indexes over them: kept per tenant by the tenant's writes, made
 * in one pass after a load, checked by `fuhua check`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/pinyin.h"
#include "fuhua/buf.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "store_sqlite.h"
#include "collate.h"
#include "tenant_int.h"

/* ---- the search row ------------------------------------------------------------- */

static void add_lower(fh_buf *b, const char *s)
{
	for (; s && *s; s++) {
		char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
		fh_buf_add(b, &c, 1);
	}
}

/* The gram index: every character and every pair of neighbours of each
 * part of the search text, whatever they are (Han, letters, digits, signs),
 * as a token of the tenant's hub: "h7x" and the piece's UTF-8 bytes in hex
 * ("h7xe99d99e5ae89" is 静安 in hub 7). A search of 1 or 2 characters is
 * then one token per hub in the operator's scope (tenant_list.c): an
 * operator whose hubs hold none of the matches reads empty lists, and a
 * query that matches nothing costs a lookup, not a scan. */
void fh_gram_token(fh_buf *out, int64_t hub_id, const char *piece, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char tok[64], digits[24];
	size_t n = 0, d = 0;
	uint64_t h = hub_id > 0 ? (uint64_t)hub_id : 0;
	do
		digits[d++] = (char)('0' + h % 10);
	while ((h /= 10) && d < sizeof digits);
	tok[n++] = 'h';
	while (d)
		tok[n++] = digits[--d];
	tok[n++] = 'x';
	for (size_t i = 0; i < len && n + 2 <= sizeof tok; i++) {
		unsigned char c = (unsigned char)piece[i];
		tok[n++] = hex[c >> 4];
		tok[n++] = hex[c & 15];
	}
	fh_buf_add(out, tok, n);
}

/* The tokens of a search text, space-separated; a part ends at U+001F. */
void fh_tenant_grams(const char *hay, int64_t hub_id, fh_buf *out)
{
	size_t n = strlen(hay);
	size_t prev_at = 0, prev_len = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = fh_utf8_decode(hay + i, n - i, &c);
		if (c == 0x1F) {
			prev_len = 0;
		} else {
			fh_gram_token(out, hub_id, hay + i, len);
			fh_buf_add(out, " ", 1);
			if (prev_len) {
				fh_gram_token(out, hub_id, hay + prev_at, prev_len + len);
				fh_buf_add(out, " ", 1);
			}
			prev_at = i;
			prev_len = len;
		}
		i += len;
	}
}

static fh_status write_grams(fh_store *s, int64_t id, int64_t hub_id, const char *hay, bool delete, fh_error *err)
{
	fh_buf g = FH_BUF_INIT;
	fh_tenant_grams(hay, hub_id, &g);
	fh_stmt *st;
	fh_status result =
		fh_store_stmt(s,
			      delete ? "INSERT INTO tenant_grams(tenant_grams, rowid, grams) VALUES('delete', ?1, ?2)"
				     : "INSERT INTO tenant_grams(rowid, grams) VALUES(?1, ?2)",
			      &st, err);
	if (result == FH_OK && g.failed)
		result = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	else {
		fh_bind_int64(st, 1, id);
		fh_bind_static(st, 2, fh_buf_str(&g), (int)g.len);
		int rc = fh_step(st);
		fh_reset(st);
		if (rc != FH_DONE)
			result = fh_store_fail(s, err, _("writing the search index"));
	}
	fh_buf_free(&g);
	return result;
}

/* The search text of a tenant: the fields separated by U+001F, so that no
 * match spans two of them; the phone's digits alone; then the initials of
 * name and short name. */
void fh_tenant_hay(fh_buf *b, const char *name, const char *short_name, const char *credit_code, const char *contact,
		   const char *phone)
{
	char ini[1100];
	const char *parts[] = { name, short_name, credit_code, contact, phone };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		add_lower(b, parts[i]);
		fh_buf_add(b, "\x1f", 1);
	}
	if (phone && strchr(phone, '-')) { /* also the digits alone */
		for (const char *p = phone; *p; p++)
			if (*p != '-')
				fh_buf_add(b, p, 1);
		fh_buf_add(b, "\x1f", 1);
	}
	fh_buf_puts(b, fh_pinyin_initials(name, ini, sizeof ini));
	fh_buf_add(b, "\x1f", 1);
	fh_buf_puts(b, fh_pinyin_initials(short_name, ini, sizeof ini));
}

/* The name's place in pinyin order (collate.c), kept beside the name. */
static fh_status write_name_key(fh_store *s, int64_t id, const char *name, fh_error *err)
{
	unsigned char key[FH_TENANT_NAME_KEY_MAX];
	size_t n = fh_collate_key(name ? name : "", key, sizeof key);
	fh_stmt *st;
	fh_status r = fh_store_stmt(s, "UPDATE tenants SET name_key = ?2 WHERE id = ?1", &st, err);
	if (r != FH_OK)
		return r;
	fh_bind_int64(st, 1, id);
	fh_bind_blob(st, 2, key, (int)n);
	int rc = fh_step(st);
	fh_reset(st);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("writing the tenant"));
}

/* Writes the search row; `fresh` for a tenant just inserted, which has no
 * old row to take out of the gram index. */
static fh_status index_row(fh_store *s, int64_t id, int64_t hub_id, const char *name, const char *short_name,
			   const char *credit_code, const char *contact, const char *phone, bool fresh, fh_error *err)
{
	/* a tenant just inserted has its name key in its row already */
	fh_status kr = fresh ? FH_OK : write_name_key(s, id, name, err);
	int64_t load = fh_store_deferred(s);
	if (kr != FH_OK || (load && id >= load))
		return kr; /* a bulk load's tenant: indexed at its end, from its row then */
	fh_buf b = FH_BUF_INIT;
	fh_tenant_hay(&b, name, short_name, credit_code, contact, phone);
	if (b.failed) {
		fh_buf_free(&b);
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	}
	/* the old text, to take its grams out of the gram index */
	fh_status result = FH_OK;
	char *old = NULL;
	fh_stmt *st = NULL;
	if (!fresh)
		result = fh_store_stmt(s, "SELECT hay FROM tenant_search WHERE id = ?1", &st, err);
	if (result == FH_OK && !fresh) {
		fh_bind_int64(st, 1, id);
		if (fh_step(st) == FH_ROW)
			old = strdup(fh_column_str(st, 0));
		fh_reset(st);
	}
	if (result == FH_OK && old && strcmp(old, fh_buf_str(&b)) == 0) {
		free(old);
		fh_buf_free(&b);
		return FH_OK; /* nothing searchable changed */
	}
	if (result == FH_OK && old)
		result = write_grams(s, id, hub_id, old, true, err);
	free(old);
	if (result == FH_OK) {
		result = fh_store_stmt(s,
				       "INSERT INTO tenant_search(id, hay, ascii) VALUES(?1, ?2, ?3)"
				       " ON CONFLICT(id) DO UPDATE SET hay = excluded.hay, ascii = excluded.ascii",
				       &st, err);
		fh_buf ascii = FH_BUF_INIT;
		fh_text_ascii_runs(fh_buf_str(&b), &ascii);
		if (result == FH_OK && ascii.failed)
			result = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		if (result == FH_OK) {
			fh_bind_int64(st, 1, id);
			fh_bind_static(st, 2, fh_buf_str(&b), (int)b.len);
			fh_bind_static(st, 3, fh_buf_str(&ascii), (int)ascii.len);
			int rc = fh_step(st);
			fh_reset(st);
			if (rc != FH_DONE)
				result = fh_store_fail(s, err, _("writing the search index"));
		}
		fh_buf_free(&ascii);
	}
	if (result == FH_OK)
		result = write_grams(s, id, hub_id, fh_buf_str(&b), false, err);
	fh_buf_free(&b);
	return result;
}

/* fh_search_text(name, short_name, credit_code, contact, phone) and
 * fh_search_grams(text, hub_id) in SQL: fh_tenant_hay and fh_tenant_grams, for
 * the statements that index many tenants at once. */
static const char *arg_text(sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);
	return s ? s : "";
}

static void sql_result_buf(sqlite3_context *c, fh_buf *b)
{
	if (b->failed)
		sqlite3_result_error_nomem(c);
	else
		sqlite3_result_text(c, fh_buf_str(b), (int)b->len, SQLITE_TRANSIENT);
	fh_buf_free(b);
}

static void sql_search_text(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	fh_buf b = FH_BUF_INIT;
	fh_tenant_hay(&b, arg_text(v[0]), arg_text(v[1]), arg_text(v[2]), arg_text(v[3]), arg_text(v[4]));
	sql_result_buf(c, &b);
}

static void sql_search_grams(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	fh_buf b = FH_BUF_INIT;
	fh_tenant_grams(arg_text(v[0]), sqlite3_value_int64(v[1]), &b);
	sql_result_buf(c, &b);
}

/* A bulk load writes the search rows of the tenants it inserts at its end,
 * in one statement for each index, from their rows as they then are. FTS5
 * flushes what it holds in memory at every statement savepoint of the
 * transaction: interleaved with the other writes of a load (a tenant's row,
 * its history), one search row at a time made a segment per row and most of
 * the load's time went into merging them. The rows are read back from the
 * tenants, not staged: a million tenants' grams are a gigabyte. */
fh_status fh_tenant_index_defer(fh_store *s, fh_error *err)
{
	int64_t from;
	fh_status st = fh_store_int(s, "SELECT ifnull(max(id), 0) + 1 FROM tenants", &from, err);
	if (st == FH_OK)
		fh_store_defer(s, from);
	return st;
}

static const struct fh_sql_function sql_functions[] = {
	{ "fh_search_text", 5, sql_search_text },
	{ "fh_search_grams", 2, sql_search_grams },
	{ NULL, 0, NULL },
};

const struct fh_sql_function *fh_tenant_sql_functions(void)
{
	return sql_functions;
}

/* One statement on db over the tenants from id `from` (?1) to `to` (?2):
 * SQLite's result code. */
static int run_on(sqlite3 *db, const char *sql, int64_t from, int64_t to)
{
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_prepare_v2(db, sql, -1, &q, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(q, 1, from);
		sqlite3_bind_int64(q, 2, to);
		rc = sqlite3_step(q);
	}
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? SQLITE_OK : rc == SQLITE_OK ? SQLITE_ERROR : rc;
}

static fh_status run_from(fh_store *s, const char *sql, int64_t from, fh_error *err)
{
	return run_on(fh_store_db(s), sql, from, INT64_MAX) == SQLITE_OK
		? FH_OK
		: fh_store_fail(s, err, _("writing the search index"));
}

/* How many bytes of new tokens the gram index holds in memory before it
 * writes them as a segment: SQLite's 1 MiB made a million tenants' grams
 * ~850 segments, each token written again at every level of merging (the
 * trigram index, with its positions, is no faster with more). The key
 * ('hashsize') is older than SQLite 3.40 but not documented: if a library
 * refuses it, the load is only slower. */
static void grams_hash_bytes(sqlite3 *db, int bytes)
{
	char sql[120];
	snprintf(sql, sizeof sql, "INSERT INTO tenant_grams(tenant_grams, rank) VALUES('hashsize', %d)", bytes);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
}

int fh_tenant_index_rows(sqlite3 *db, int64_t from, int64_t to, unsigned which)
{
	int rc = SQLITE_OK;
	if (which & FH_INDEX_TRIGRAM)
		rc = run_on(db,
			    "INSERT INTO tenant_fts(rowid, ascii) SELECT id, ascii FROM tenant_search"
			    " WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
			    from, to);
	if (rc != SQLITE_OK || !(which & FH_INDEX_GRAMS))
		return rc;
	grams_hash_bytes(db, 64 << 20);
	rc = run_on(db,
		    "INSERT INTO tenant_grams(rowid, grams) SELECT ts.id, fh_search_grams(ts.hay, t.hub_id)"
		    " FROM tenant_search ts JOIN tenants t ON t.id = ts.id WHERE ts.id BETWEEN ?1 AND ?2"
		    " ORDER BY ts.id",
		    from, to);
	grams_hash_bytes(db, 1 << 20);
	return rc;
}

/* The search rows of every tenant from id `from` on, in one statement.
 * SQLite writes the rows of an INSERT … SELECT into a table with a row
 * trigger to a temporary table first (a million search texts: 150 MB
 * through a 2 MB temp cache), so the trigger that keeps the trigram index
 * is set aside for it. The subquery is not flattened (OFFSET): a tenant's
 * text is made once. */
fh_status fh_tenant_search_from(fh_store *s, int64_t from, fh_error *err)
{
	struct fh_set_aside trigger;
	fh_status st = fh_store_set_aside(s, "type = 'trigger' AND name = 'tenant_search_ai'", &trigger, err);
	if (st == FH_OK && trigger.n != 1)
		st = fh_error_set(err, FH_ESTORE, "db",
				  _("the database's schema is damaged (%s is missing); 'fuhua check' tells more"),
				  "tenant_search_ai");
	if (st == FH_OK)
		st = run_from(s,
			      "INSERT INTO tenant_search(id, hay, ascii) SELECT id, hay, fh_ascii_runs(hay) FROM"
			      " (SELECT id, fh_search_text(name, short_name, credit_code, contact, phone) AS hay"
			      " FROM tenants WHERE id >= ?1 ORDER BY id LIMIT -1 OFFSET 0)",
			      from, err);
	fh_error later; /* after a failure, the first error is the one told */
	fh_status pb = fh_store_put_back(s, &trigger, st == FH_OK ? err : &later);
	return st == FH_OK ? pb : st;
}

fh_status fh_tenant_index_from(fh_store *s, int64_t from, unsigned which, fh_error *err)
{
	return fh_tenant_index_rows(fh_store_db(s), from, INT64_MAX, which) == SQLITE_OK
		? FH_OK
		: fh_store_fail(s, err, _("writing the search index"));
}

fh_status fh_tenant_index(fh_store *s, int64_t id, int64_t hub_id, const char *name, const char *short_name,
			  const char *credit_code, const char *contact, const char *phone, bool fresh, fh_error *err)
{
	return index_row(s, id, hub_id, name, short_name, credit_code, contact, phone, fresh, err);
}

fh_status fh_tenant_reindex_all(fh_store *s, fh_error *err)
{
	fh_stmt *q;
	if (fh_store_prepare(s, "SELECT id, name, short_name, credit_code, contact, phone, hub_id FROM tenants", &q,
			     NULL) != FH_OK)
		return fh_store_fail(s, err, _("reading tenants"));
	fh_status st = FH_OK;
	while (st == FH_OK && fh_step(q) == FH_ROW) {
		const char *c[5];
		for (int i = 0; i < 5; i++)
			c[i] = fh_column_str(q, i + 1);
		st = fh_tenant_index(s, fh_column_int64(q, 0), fh_column_int64(q, 6), c[0], c[1], c[2], c[3], c[4],
				     false, err);
	}
	fh_finalize(q);
	return st;
}

fh_status fh_tenant_after_migrate(fh_store *s, int from, fh_error *err)
{
	if (from < 8) { /* the gram index's tokens took the hub; migration 8 emptied it */
		fh_status st = fh_tenant_index_from(s, 0, FH_INDEX_GRAMS, err);
		if (st != FH_OK)
			return st;
	}
	fh_stmt *q;
	if (fh_store_prepare(s, "SELECT count(*) FROM settings WHERE key = 'reindex'", &q, NULL) != FH_OK)
		return fh_store_fail(s, err, _("reading the database"));
	bool asked = fh_step(q) == FH_ROW && fh_column_int(q, 0) > 0;
	fh_finalize(q);
	if (!asked)
		return FH_OK;
	fh_status st = fh_tenant_reindex_all(s, err);
	if (st == FH_OK && fh_store_exec(s, "DELETE FROM settings WHERE key = 'reindex'", NULL) != FH_OK)
		st = fh_store_fail(s, err, _("updating the database"));
	return st;
}

/* One range of the search rows' check: the tenants after id `after`, at
 * most CHECK_CHUNK, each against its search row and name key, in one
 * statement (the tenant and its rows as one moment). *last the last id
 * read, 0 when none. */
#define CHECK_CHUNK 4096
static fh_status check_range(fh_store *s, int64_t after, int64_t *last, fh_check_report *rep, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		"SELECT t.id, t.name, t.short_name, t.credit_code, t.contact, t.phone, ts.hay, t.name_key, ts.ascii"
		" FROM tenants t LEFT JOIN tenant_search ts ON ts.id = t.id WHERE t.id > ?1 ORDER BY t.id LIMIT ?2",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, after);
	fh_bind_int(q, 2, CHECK_CHUNK);
	*last = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		int64_t id = *last = fh_column_int64(q, 0);
		const char *c[5], *hay = fh_column_str(q, 6);
		for (int i = 0; i < 5; i++)
			c[i] = fh_column_str(q, i + 1);
		if (!hay) {
			fh_check_add(rep, _("tenant no. %lld has no search row (it cannot be found)"), (long long)id);
			continue;
		}
		fh_buf b = FH_BUF_INIT;
		fh_tenant_hay(&b, c[0], c[1], c[2], c[3], c[4]);
		fh_buf ascii = FH_BUF_INIT;
		fh_text_ascii_runs(hay, &ascii);
		const char *stored = fh_column_str(q, 8);
		if (!b.failed &&
		    (strcmp(fh_buf_str(&b), hay) != 0 || strcmp(fh_buf_str(&ascii), stored ? stored : "") != 0))
			fh_check_add(rep, _("tenant no. %lld: its search row is out of date"), (long long)id);
		fh_buf_free(&b);
		fh_buf_free(&ascii);
		unsigned char key[FH_TENANT_NAME_KEY_MAX];
		size_t klen = fh_collate_key(c[0] ? c[0] : "", key, sizeof key);
		int have;
		const void *had = fh_column_blob(q, 7, &have);
		if ((size_t)have != klen || (klen && memcmp(had, key, klen) != 0))
			fh_check_add(rep, _("tenant no. %lld: its place in name order is out of date"), (long long)id);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading tenants"));
}

/* Search rows of no tenant, after id `after`, a range at a time. */
static fh_status orphans_range(fh_store *s, int64_t after, int64_t *last, fh_check_report *rep, fh_error *err)
{
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(s,
			      "SELECT ts.id, t.id IS NULL FROM tenant_search ts LEFT JOIN tenants t ON t.id = ts.id"
			      " WHERE ts.id > ?1 ORDER BY ts.id LIMIT ?2",
			      &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, after);
	fh_bind_int(q, 2, CHECK_CHUNK);
	*last = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		*last = fh_column_int64(q, 0);
		if (fh_column_int(q, 1))
			fh_check_add(rep, _("search row no. %lld belongs to no tenant"), (long long)*last);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading tenants"));
}

fh_status fh_tenant_check_index(fh_store *s, fh_check_report *rep, fh_error *err)
{
	/* by ranges of ids, a statement each: no lock held for long */
	int64_t after = 0, last = 0;
	fh_status st;
	do
		st = check_range(s, after, &last, rep, err);
	while (st == FH_OK && (after = last) != 0);
	do
		st = st == FH_OK ? orphans_range(s, after, &last, rep, err) : st;
	while (st == FH_OK && (after = last) != 0);
	/* the full-text index against its content table: one statement that
	 * reads it whole (4 s at a million tenants), so only with --full */
	if (st == FH_OK && rep->full &&
	    sqlite3_exec(fh_store_db(s), "INSERT INTO tenant_fts(tenant_fts, rank) VALUES('integrity-check', 1)", NULL,
			 NULL, NULL) != SQLITE_OK)
		fh_check_add(rep, _("the full-text search index does not match the tenants: %s"),
			     sqlite3_errmsg(fh_store_db(s)));
	return st;
}
