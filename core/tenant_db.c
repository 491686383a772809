/* fuhua core — tenants in the database: read, take in, edit, history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/pinyin.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "fuhua/milestone.h"
#include "i18n.h"
#include "store_int.h"
#include "collate.h"
#include "party_int.h"
#include "tenant_int.h"

void fh_tenant_read(sqlite3_stmt *st, fh_tenant *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(st, 0);
	t->hub_id = sqlite3_column_int64(st, 1);
	fh_column_text(st, 2, t->hub_code, sizeof t->hub_code);
	fh_column_text(st, 3, t->hub_name, sizeof t->hub_name);
	fh_column_text(st, 4, t->name, sizeof t->name);
	fh_column_text(st, 5, t->short_name, sizeof t->short_name);
	fh_org_type_parse((const char *)sqlite3_column_text(st, 6), &t->org_type);
	fh_reg_state_parse((const char *)sqlite3_column_text(st, 7), &t->reg_state);
	fh_column_text(st, 8, t->credit_code, sizeof t->credit_code);
	fh_column_text(st, 9, t->field, sizeof t->field);
	fh_column_text(st, 10, t->legal_rep, sizeof t->legal_rep);
	fh_column_text(st, 11, t->contact, sizeof t->contact);
	fh_column_text(st, 12, t->phone, sizeof t->phone);
	fh_column_text(st, 13, t->address, sizeof t->address);
	t->staff = sqlite3_column_int(st, 14);
	t->volunteers = sqlite3_column_int(st, 15);
	fh_column_text(st, 16, t->founded, sizeof t->founded);
	t->rating = sqlite3_column_int(st, 17);
	fh_column_text(st, 18, t->rating_date, sizeof t->rating_date);
	fh_party_org_parse((const char *)sqlite3_column_text(st, 19), &t->party_org);
	t->party_members = sqlite3_column_int(st, 20);
	fh_column_text(st, 21, t->notes, sizeof t->notes);
	fh_stage_parse((const char *)sqlite3_column_text(st, 22), &t->stage);
	t->stage_since = sqlite3_column_int64(st, 23);
	t->admitted_on = sqlite3_column_int64(st, 24);
	t->planned_end = sqlite3_column_int64(st, 25);
	t->extended = sqlite3_column_int(st, 26) != 0;
	fh_column_text(st, 27, t->exit_reason, sizeof t->exit_reason);
	t->instructor_id = sqlite3_column_int64(st, 28);
	t->version = sqlite3_column_int64(st, 29);
	t->updated_at = sqlite3_column_int64(st, 30);
	fh_column_text(st, 31, t->updated_by, sizeof t->updated_by);
	t->party_fallback = sqlite3_column_int(st, 32) != 0;
}

fh_status fh_tenant_load(fh_store *s, int64_t id, fh_tenant *t, fh_error *err)
{
	sqlite3_stmt *st;
	fh_status st_rc = fh_store_stmt(s,
		"SELECT " FH_SQL_TENANT_COLS " FROM tenants t JOIN hubs h ON h.id = t.hub_id"
		" WHERE t.id = ?1", &st, err);
	if (st_rc != FH_OK)
		return st_rc;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		fh_tenant_read(st, t);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return FH_OK;
	if (rc == SQLITE_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no tenant no. %lld"), (long long)id);
	return fh_store_fail(s, err, _("reading the tenant"));
}

fh_status fh_tenant_get_by_id(fh_store *s, const fh_actor *actor, int64_t id, fh_tenant *out,
			      fh_error *err)
{
	fh_status st = fh_tenant_load(s, id, out, err);
	if (st == FH_OK && (st = fh_actor_scope(s, actor, out->hub_id, err)) != FH_OK) {
		memset(out, 0, sizeof *out);
		if (st == FH_EDENIED) /* not yours: said as such, not as "not there" */
			fh_error_set(err, FH_EDENIED, "id", _("tenant no. %lld belongs to a hub outside yours"),
				     (long long)id);
	}
	return st;
}

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

static fh_status write_grams(fh_store *s, int64_t id, int64_t hub_id, const char *hay, bool delete,
			       fh_error *err)
{
	fh_buf g = FH_BUF_INIT;
	fh_tenant_grams(hay, hub_id, &g);
	sqlite3_stmt *st;
	fh_status result = fh_store_stmt(s, delete
		? "INSERT INTO tenant_grams(tenant_grams, rowid, grams) VALUES('delete', ?1, ?2)"
		: "INSERT INTO tenant_grams(rowid, grams) VALUES(?1, ?2)", &st, err);
	if (result == FH_OK && g.failed)
		result = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	else {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, fh_buf_str(&g), (int)g.len, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			result = fh_store_fail(s, err, _("writing the search index"));
	}
	fh_buf_free(&g);
	return result;
}

/* The search text of a tenant: the fields separated by U+001F, so that no
 * match spans two of them; the phone's digits alone; then the initials of
 * name and short name. */
void fh_tenant_hay(fh_buf *b, const char *name, const char *short_name, const char *credit_code,
		   const char *contact, const char *phone)
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
	sqlite3_stmt *st;
	fh_status r = fh_store_stmt(s, "UPDATE tenants SET name_key = ?2 WHERE id = ?1", &st, err);
	if (r != FH_OK)
		return r;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, key, (int)n, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? FH_OK : fh_store_fail(s, err, _("writing the tenant"));
}

/* Writes the search row; `fresh` for a tenant just inserted, which has no
 * old row to take out of the gram index. */
static fh_status index_row(fh_store *s, int64_t id, int64_t hub_id, const char *name,
			   const char *short_name, const char *credit_code, const char *contact,
			   const char *phone, bool fresh, fh_error *err)
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
	sqlite3_stmt *st = NULL;
	if (!fresh)
		result = fh_store_stmt(s, "SELECT hay FROM tenant_search WHERE id = ?1", &st, err);
	if (result == FH_OK && !fresh) {
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			old = strdup((const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
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
		result = fh_store_stmt(s, "INSERT INTO tenant_search(id, hay, ascii) VALUES(?1, ?2, ?3)"
			" ON CONFLICT(id) DO UPDATE SET hay = excluded.hay, ascii = excluded.ascii", &st, err);
		fh_buf ascii = FH_BUF_INIT;
		fh_text_ascii_runs(fh_buf_str(&b), &ascii);
		if (result == FH_OK && ascii.failed)
			result = fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		if (result == FH_OK) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, fh_buf_str(&b), (int)b.len, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, fh_buf_str(&ascii), (int)ascii.len, SQLITE_TRANSIENT);
			int rc = sqlite3_step(st);
			sqlite3_reset(st);
			if (rc != SQLITE_DONE)
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

const struct fh_sql_function fh_tenant_sql_functions[] = {
	{ "fh_search_text", 5, sql_search_text },
	{ "fh_search_grams", 2, sql_search_grams },
	{ NULL, 0, NULL },
};

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
	return run_on(fh_store_db(s), sql, from, INT64_MAX) == SQLITE_OK ? FH_OK
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
		rc = run_on(db, "INSERT INTO tenant_fts(rowid, ascii) SELECT id, ascii FROM tenant_search"
			    " WHERE id BETWEEN ?1 AND ?2 ORDER BY id", from, to);
	if (rc != SQLITE_OK || !(which & FH_INDEX_GRAMS))
		return rc;
	grams_hash_bytes(db, 64 << 20);
	rc = run_on(db, "INSERT INTO tenant_grams(rowid, grams) SELECT ts.id, fh_search_grams(ts.hay, t.hub_id)"
		    " FROM tenant_search ts JOIN tenants t ON t.id = ts.id WHERE ts.id BETWEEN ?1 AND ?2"
		    " ORDER BY ts.id", from, to);
	grams_hash_bytes(db, 1 << 20);
	return rc;
}

/* The search rows of every tenant from id `from` on, in one statement.
 * SQLite writes the rows of an INSERT … SELECT into a table with a row
 * trigger to a temporary table first (a million search texts: 150 MB
 * through a 2 MB temp cache), so the trigger that keeps the trigram index
 * is set aside for it. The subquery is not flattened (OFFSET): a tenant's
 * text is made once. */
static fh_status write_search_from(fh_store *s, int64_t from, fh_error *err)
{
	struct fh_set_aside trigger;
	fh_status st = fh_store_set_aside(s, "type = 'trigger' AND name = 'tenant_search_ai'", &trigger, err);
	if (st == FH_OK && trigger.n != 1)
		st = fh_error_set(err, FH_ESTORE, "db",
				  _("the database's schema is damaged (%s is missing); 'fuhua check' tells more"),
				  "tenant_search_ai");
	if (st == FH_OK)
		st = run_from(s, "INSERT INTO tenant_search(id, hay, ascii) SELECT id, hay, fh_ascii_runs(hay) FROM"
			      " (SELECT id, fh_search_text(name, short_name, credit_code, contact, phone) AS hay"
			      " FROM tenants WHERE id >= ?1 ORDER BY id LIMIT -1 OFFSET 0)", from, err);
	fh_error later; /* after a failure, the first error is the one told */
	fh_status pb = fh_store_put_back(s, &trigger, st == FH_OK ? err : &later);
	return st == FH_OK ? pb : st;
}

static fh_status write_index_from(fh_store *s, int64_t from, unsigned which, fh_error *err)
{
	return fh_tenant_index_rows(fh_store_db(s), from, INT64_MAX, which) == SQLITE_OK
		       ? FH_OK : fh_store_fail(s, err, _("writing the search index"));
}

/* The search rows, then the indexes: copied from beside the load when
 * they were built there (tenant_side.c), else written here. */
fh_status fh_tenant_index_flush(fh_store *s, fh_error *err)
{
	int64_t from = fh_store_deferred(s);
	if (!from)
		return FH_OK;
	fh_store_defer(s, 0);
	fh_status st = write_search_from(s, from, err);
	bool built = false;
	fh_error later;
	fh_status fs = fh_tenant_side_finish(s, &built, st == FH_OK ? err : &later);
	if (st == FH_OK)
		st = fs;
	if (st == FH_OK && !built)
		st = write_index_from(s, from, FH_INDEX_TRIGRAM | FH_INDEX_GRAMS, err);
	return st;
}

fh_status fh_tenant_index(fh_store *s, int64_t id, int64_t hub_id, const char *name, const char *short_name,
			  const char *credit_code, const char *contact, const char *phone, bool fresh, fh_error *err)
{
	return index_row(s, id, hub_id, name, short_name, credit_code, contact, phone, fresh, err);
}

fh_status fh_tenant_reindex_all(fh_store *s, fh_error *err)
{
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(fh_store_db(s),
			       "SELECT id, name, short_name, credit_code, contact, phone, hub_id FROM tenants",
			       -1, &q, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("reading tenants"));
	fh_status st = FH_OK;
	while (st == FH_OK && sqlite3_step(q) == SQLITE_ROW) {
		const char *c[5];
		for (int i = 0; i < 5; i++)
			c[i] = (const char *)sqlite3_column_text(q, i + 1);
		st = fh_tenant_index(s, sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 6), c[0], c[1], c[2],
				     c[3], c[4], false, err);
	}
	sqlite3_finalize(q);
	return st;
}

fh_status fh_tenant_after_migrate(fh_store *s, int from, fh_error *err)
{
	if (from < 8) { /* the gram index's tokens took the hub; migration 8 emptied it */
		fh_status st = write_index_from(s, 0, FH_INDEX_GRAMS, err);
		if (st != FH_OK)
			return st;
	}
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(fh_store_db(s), "SELECT count(*) FROM settings WHERE key = 'reindex'",
			       -1, &q, NULL) != SQLITE_OK)
		return fh_store_fail(s, err, _("reading the database"));
	bool asked = sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) > 0;
	sqlite3_finalize(q);
	if (!asked)
		return FH_OK;
	fh_status st = fh_tenant_reindex_all(s, err);
	if (st == FH_OK &&
	    sqlite3_exec(fh_store_db(s), "DELETE FROM settings WHERE key = 'reindex'", NULL, NULL, NULL) != SQLITE_OK)
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
	sqlite3_stmt *q;
	fh_status st = fh_store_stmt(s,
		"SELECT t.id, t.name, t.short_name, t.credit_code, t.contact, t.phone, ts.hay, t.name_key, ts.ascii"
		" FROM tenants t LEFT JOIN tenant_search ts ON ts.id = t.id WHERE t.id > ?1 ORDER BY t.id LIMIT ?2",
		&q, err);
	if (st != FH_OK)
		return st;
	sqlite3_bind_int64(q, 1, after);
	sqlite3_bind_int(q, 2, CHECK_CHUNK);
	*last = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t id = *last = sqlite3_column_int64(q, 0);
		const char *c[5], *hay = (const char *)sqlite3_column_text(q, 6);
		for (int i = 0; i < 5; i++)
			c[i] = (const char *)sqlite3_column_text(q, i + 1);
		if (!hay) {
			fh_check_add(rep, _("tenant no. %lld has no search row (it cannot be found)"), (long long)id);
			continue;
		}
		fh_buf b = FH_BUF_INIT;
		fh_tenant_hay(&b, c[0], c[1], c[2], c[3], c[4]);
		fh_buf ascii = FH_BUF_INIT;
		fh_text_ascii_runs(hay, &ascii);
		const char *stored = (const char *)sqlite3_column_text(q, 8);
		if (!b.failed && (strcmp(fh_buf_str(&b), hay) != 0 || strcmp(fh_buf_str(&ascii), stored ? stored : "") != 0))
			fh_check_add(rep, _("tenant no. %lld: its search row is out of date"), (long long)id);
		fh_buf_free(&b);
		fh_buf_free(&ascii);
		unsigned char key[FH_TENANT_NAME_KEY_MAX];
		size_t klen = fh_collate_key(c[0] ? c[0] : "", key, sizeof key);
		if ((size_t)sqlite3_column_bytes(q, 7) != klen || (klen && memcmp(sqlite3_column_blob(q, 7), key, klen) != 0))
			fh_check_add(rep, _("tenant no. %lld: its place in name order is out of date"), (long long)id);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? FH_OK : fh_store_fail(s, err, _("reading tenants"));
}

/* Search rows of no tenant, after id `after`, a range at a time. */
static fh_status orphans_range(fh_store *s, int64_t after, int64_t *last, fh_check_report *rep, fh_error *err)
{
	sqlite3_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT ts.id, t.id IS NULL FROM tenant_search ts LEFT JOIN tenants t ON t.id = ts.id"
				     " WHERE ts.id > ?1 ORDER BY ts.id LIMIT ?2", &q, err);
	if (st != FH_OK)
		return st;
	sqlite3_bind_int64(q, 1, after);
	sqlite3_bind_int(q, 2, CHECK_CHUNK);
	*last = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		*last = sqlite3_column_int64(q, 0);
		if (sqlite3_column_int(q, 1))
			fh_check_add(rep, _("search row no. %lld belongs to no tenant"), (long long)*last);
	}
	sqlite3_reset(q);
	return rc == SQLITE_DONE ? FH_OK : fh_store_fail(s, err, _("reading tenants"));
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
	    sqlite3_exec(fh_store_db(s), "INSERT INTO tenant_fts(tenant_fts, rank) VALUES('integrity-check', 1)",
			 NULL, NULL, NULL) != SQLITE_OK)
		fh_check_add(rep, _("the full-text search index does not match the tenants: %s"),
			     sqlite3_errmsg(fh_store_db(s)));
	return st;
}

/* ---- writing --------------------------------------------------------------------- */

static void bind_fields(sqlite3_stmt *st, const fh_tenant *t)
{
	fh_bind_text(st, 1, t->name);
	fh_bind_text(st, 2, t->short_name);
	sqlite3_bind_text(st, 3, fh_org_type_name(t->org_type), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, fh_reg_state_name(t->reg_state), -1, SQLITE_STATIC);
	fh_bind_text(st, 5, t->credit_code);
	fh_bind_text(st, 6, t->field);
	fh_bind_text(st, 7, t->legal_rep);
	fh_bind_text(st, 8, t->contact);
	fh_bind_text(st, 9, t->phone);
	fh_bind_text(st, 10, t->address);
	sqlite3_bind_int(st, 11, t->staff);
	sqlite3_bind_int(st, 12, t->volunteers);
	fh_bind_text(st, 13, t->founded);
	sqlite3_bind_int(st, 14, t->rating);
	fh_bind_text(st, 15, t->rating_date);
	sqlite3_bind_text(st, 16, fh_party_org_name(t->party_org), -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 17, t->party_members);
	fh_bind_text(st, 18, t->notes);
}

fh_status fh_tenant_code_holder(fh_store *s, const char *code, int64_t self, fh_error *err)
{
	sqlite3_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT id, name FROM tenants WHERE credit_code = ?1 AND id != ?2",
				     &q, err);
	if (st != FH_OK)
		return st;
	sqlite3_bind_text(q, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 2, self);
	int rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		st = fh_error_set(err, FH_EINVAL, "credit_code", _("already belongs to %s (no. %lld)"),
				  (const char *)sqlite3_column_text(q, 1), (long long)sqlite3_column_int64(q, 0));
	else if (rc != SQLITE_DONE)
		st = fh_store_fail(s, err, _("reading tenants"));
	sqlite3_reset(q);
	return st;
}

/* A write refused by the unique index on credit codes: another session took
 * the code after the checks (a race). Said as the checks say it, naming the
 * holder, read inside the same transaction. */
static fh_status code_taken(fh_store *s, const char *code, int64_t self, fh_error *err)
{
	fh_status st = fh_tenant_code_holder(s, code, self, err);
	return st != FH_OK ? st : fh_store_fail(s, err, _("writing the tenant"));
}

fh_status fh_tenant_insert(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_error *err)
{
	int64_t now = fh_clock_now();
	sqlite3_stmt *st;
	fh_status st_rc = fh_store_stmt(s,
		"INSERT INTO tenants(name, short_name, org_type, reg_state, credit_code, field,"
		" legal_rep, contact, phone, address, staff, volunteers, founded, rating, rating_date,"
		" party_org, party_members, notes, hub_id, stage, stage_since, admitted_on, planned_end,"
		" exit_reason, updated_at, updated_by, party_fallback, name_key)"
		" VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
		" ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)", &st, err);
	if (st_rc != FH_OK)
		return st_rc;
	bind_fields(st, t);
	unsigned char key[FH_TENANT_NAME_KEY_MAX];
	sqlite3_bind_blob(st, 28, key, (int)fh_collate_key(t->name, key, sizeof key), SQLITE_STATIC);
	sqlite3_bind_int64(st, 19, t->hub_id);
	sqlite3_bind_text(st, 20, fh_stage_name(t->stage), -1, SQLITE_STATIC);
	if (!t->stage_since)
		t->stage_since = t->stage >= FH_STAGE_INCUBATING && t->admitted_on ? t->admitted_on : now;
	sqlite3_bind_int64(st, 21, t->stage_since);
	if (t->admitted_on)
		sqlite3_bind_int64(st, 22, t->admitted_on);
	if (t->planned_end)
		sqlite3_bind_int64(st, 23, t->planned_end);
	fh_bind_text(st, 24, t->exit_reason);
	sqlite3_bind_int64(st, 25, now);
	sqlite3_bind_text(st, 26, actor->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 27, t->party_fallback);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE && t->credit_code[0])
		return code_taken(s, t->credit_code, 0, err);
	if (rc != SQLITE_DONE)
		return fh_store_fail(s, err, _("writing the tenant"));
	t->id = sqlite3_last_insert_rowid(fh_store_db(s));
	t->version = 1;
	t->updated_at = now;
	fh_status qs = fh_store_stmt(s, "INSERT INTO stage_history(tenant_id, from_stage, to_stage, at, operator)"
				       " VALUES(?1, NULL, ?2, ?3, ?4)", &st, err);
	if (qs != FH_OK)
		return qs;
	sqlite3_bind_int64(st, 1, t->id);
	sqlite3_bind_text(st, 2, fh_stage_name(t->stage), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, t->stage_since);
	sqlite3_bind_text(st, 4, actor->name, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return fh_store_fail(s, err, _("writing the stage history"));
	return index_row(s, t->id, t->hub_id, t->name, t->short_name, t->credit_code, t->contact,
			 t->phone, true, err);
}

/* The record as JSON for the audit log: every field, or only those that
 * differ from `old` (with the name always, for lists). */
static void to_json(fh_buf *b, const fh_tenant *t, const fh_tenant *other, int last)
{
	char v[FH_TENANT_NOTES_MAX * 4 + 8], w[sizeof v];
	bool first = true;
	fh_buf_puts(b, "{");
	for (int f = 0; f < last; f++) {
		fh_tenant_get(t, (fh_tenant_field)f, true, false, v, sizeof v);
		if (other && f != FH_TF_NAME &&
		    strcmp(v, fh_tenant_get(other, (fh_tenant_field)f, true, false, w, sizeof w)) == 0)
			continue;
		fh_buf_printf(b, "%s\"%s\":", first ? "" : ",", fh_tenant_field_name((fh_tenant_field)f));
		fh_buf_json_string(b, v);
		first = false;
	}
	fh_buf_puts(b, "}");
}

fh_status fh_tenant_similar(fh_store *s, const fh_actor *actor, const fh_tenant *t,
			    fh_tenant_match *out, size_t max, size_t *n, fh_error *err)
{
	*n = 0;
	sqlite3_stmt *q;
	/* the scope checked for each tenant found (few), not listed first */
	fh_status st = fh_store_stmt(s,
		"SELECT t.id, t.name, h.code, t.hub_id,"
		"  CASE WHEN t.name = ?2 THEN 0 WHEN t.credit_code = ?4 THEN 1 ELSE 2 END"
		" FROM tenants t JOIN hubs h ON h.id = t.hub_id"
		" WHERE (t.name = ?2 OR t.credit_code = ?4 OR t.phone = ?3) AND t.id != ?5"
		"  AND " FH_SQL_IN_SCOPE("t.hub_id") " ORDER BY t.id LIMIT ?6", &q, err);
	if (st != FH_OK)
		return st;
	sqlite3_bind_int64(q, 1, actor->hub_id);
	fh_bind_text(q, 2, t->name);
	fh_bind_text(q, 3, t->phone);
	fh_bind_text(q, 4, t->credit_code);
	sqlite3_bind_int64(q, 5, t->id);
	sqlite3_bind_int64(q, 6, (sqlite3_int64)max);
	int rc = SQLITE_DONE;
	static const fh_tenant_field why[] = { FH_TF_NAME, FH_TF_CREDIT_CODE, FH_TF_PHONE };
	while (*n < max && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		fh_tenant_match *m = &out[(*n)++];
		m->id = sqlite3_column_int64(q, 0);
		fh_column_text(q, 1, m->name, sizeof m->name);
		fh_column_text(q, 2, m->hub_code, sizeof m->hub_code);
		m->hub_id = sqlite3_column_int64(q, 3);
		m->why = why[sqlite3_column_int(q, 4) % 3];
	}
	if (*n < max && rc != SQLITE_DONE) {
		sqlite3_reset(q);
		return fh_store_fail(s, err, _("reading tenants"));
	}
	sqlite3_reset(q);
	return FH_OK;
}

fh_status fh_tenant_add(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs,
			fh_error *err)
{
	if (!t->hub_id)
		t->hub_id = actor->hub_id;
	fh_status sc = fh_actor_scope(s, actor, t->hub_id, err);
	if (sc != FH_OK)
		return sc;
	t->stage = FH_STAGE_APPLIED;
	t->admitted_on = t->planned_end = t->stage_since = 0;
	t->extended = false;
	t->exit_reason[0] = 0;
	fh_status st = fh_tenant_validate(s, t, errs, err);
	if (st != FH_OK)
		return st;
	if ((st = fh_tx_begin(s, err)) != FH_OK)
		return st;
	st = fh_tenant_insert(s, actor, t, err);
	if (st == FH_OK) {
		fh_buf b = FH_BUF_INIT;
		to_json(&b, t, NULL, FH_TF_EDITABLE);
		st = fh_audit_write(s, actor, t->hub_id, "tenant", t->id, "create", NULL, fh_buf_str(&b), err);
		fh_buf_free(&b);
	}
	if (st == FH_OK)
		return fh_tx_commit(s, err);
	fh_tx_rollback(s);
	t->id = 0;
	return st;
}

/* Whether every editable field of a and b reads the same. */
static bool same_fields(const fh_tenant *a, const fh_tenant *b)
{
	char x[FH_TENANT_NOTES_MAX * 4 + 1], y[FH_TENANT_NOTES_MAX * 4 + 1];
	for (int f = 0; f < FH_TF_EDITABLE; f++) {
		fh_tenant_get(a, (fh_tenant_field)f, true, false, x, sizeof x);
		fh_tenant_get(b, (fh_tenant_field)f, true, false, y, sizeof y);
		if (strcmp(x, y) != 0)
			return false;
	}
	return true;
}

/* An edit, read and written under the write lock: the record it starts
 * from, the checks, the party track's items and the milestones it proves. */
static fh_status update_locked(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs,
			       fh_tenant *cur, fh_tenant *next, bool *same, fh_error *err)
{
	fh_status st = fh_tenant_get_by_id(s, actor, t->id, cur, err);
	if (st != FH_OK)
		return st;
	/* Only the editable fields come from the caller; stage and hub follow
	 * the lifecycle. */
	*next = *cur;
	memcpy(next->name, t->name, sizeof next->name);
	memcpy(next->short_name, t->short_name, sizeof next->short_name);
	next->org_type = t->org_type;
	next->reg_state = t->reg_state;
	memcpy(next->credit_code, t->credit_code, sizeof next->credit_code);
	memcpy(next->field, t->field, sizeof next->field);
	memcpy(next->legal_rep, t->legal_rep, sizeof next->legal_rep);
	memcpy(next->contact, t->contact, sizeof next->contact);
	memcpy(next->phone, t->phone, sizeof next->phone);
	memcpy(next->address, t->address, sizeof next->address);
	next->staff = t->staff;
	next->volunteers = t->volunteers;
	memcpy(next->founded, t->founded, sizeof next->founded);
	next->rating = t->rating;
	memcpy(next->rating_date, t->rating_date, sizeof next->rating_date);
	memcpy(next->notes, t->notes, sizeof next->notes);
	if ((st = fh_tenant_validate(s, next, errs, err)) != FH_OK)
		return st;
	if ((*same = same_fields(cur, next)))
		return FH_OK; /* nothing to write: no version, no history line */
	if ((st = fh_store_check_version(s, "tenants", t->id, t->version, err)) != FH_OK)
		return st;
	sqlite3_stmt *q = NULL;
	if ((st = fh_store_stmt(s,
		"UPDATE tenants SET name = ?1, short_name = ?2, org_type = ?3, reg_state = ?4,"
		" credit_code = ?5, field = ?6, legal_rep = ?7, contact = ?8, phone = ?9, address = ?10,"
		" staff = ?11, volunteers = ?12, founded = ?13, rating = ?14, rating_date = ?15,"
		" party_org = ?16, party_members = ?17, notes = ?18, version = version + 1,"
		" updated_at = ?19, updated_by = ?20 WHERE id = ?21", &q, err)) != FH_OK)
		return st;
	bind_fields(q, next);
	sqlite3_bind_int64(q, 19, fh_clock_now());
	sqlite3_bind_text(q, 20, actor->name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(q, 21, t->id);
	int rc = sqlite3_step(q);
	sqlite3_reset(q);
	if (rc == SQLITE_CONSTRAINT_UNIQUE && next->credit_code[0])
		return code_taken(s, next->credit_code, t->id, err);
	if (rc != SQLITE_DONE)
		return fh_store_fail(s, err, _("saving the tenant"));
	if ((st = fh_tenant_index(s, t->id, cur->hub_id, next->name, next->short_name, next->credit_code,
				  next->contact, next->phone, false, err)) != FH_OK ||
	    (st = fh_party_on_tenant_change(s, actor, cur, next, err)) != FH_OK)
		return st;
	fh_buf o = FH_BUF_INIT, n = FH_BUF_INIT;
	to_json(&o, cur, next, FH_TF_EDITABLE);
	to_json(&n, next, cur, FH_TF_EDITABLE);
	st = fh_audit_write(s, actor, cur->hub_id, "tenant", t->id, "update", fh_buf_str(&o), fh_buf_str(&n), err);
	fh_buf_free(&o);
	fh_buf_free(&n);
	/* a credit code or a rating may prove a milestone */
	return st == FH_OK ? fh_milestone_prove(s, actor, t->id, NULL, err) : st;
}

fh_status fh_tenant_update(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_field_errors *errs,
			   fh_error *err)
{
	fh_tenant cur, next;
	bool same = false;
	fh_status st = fh_tx_begin(s, err);
	if (st != FH_OK || (st = fh_tx_end(s, update_locked(s, actor, t, errs, &cur, &next, &same, err), err)) != FH_OK)
		return st;
	if (same) {
		*t = cur;
		return FH_OK;
	}
	*t = next;
	t->version = cur.version + 1;
	snprintf(t->updated_by, sizeof t->updated_by, "%s", actor->name);
	return FH_OK;
}

/* ---- history --------------------------------------------------------------------- */

fh_status fh_tenant_stages(fh_store *s, const fh_actor *actor, int64_t id, fh_stage_event **rows,
			   size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	if (st != FH_OK)
		return st;
	sqlite3_stmt *q;
	fh_status q_rc = fh_store_stmt(s,
		"SELECT at, from_stage, to_stage, operator, reason FROM stage_history"
		" WHERE tenant_id = ?1 ORDER BY at, id LIMIT 100", &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_stage_event *out = calloc(100, sizeof *out);
	if (!out)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	sqlite3_bind_int64(q, 1, id);
	size_t k = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW && k < 100) {
		fh_stage_event *e = &out[k++];
		e->at = sqlite3_column_int64(q, 0);
		e->from = FH_STAGE_COUNT;
		if (sqlite3_column_type(q, 1) != SQLITE_NULL)
			fh_stage_parse((const char *)sqlite3_column_text(q, 1), &e->from);
		fh_stage_parse((const char *)sqlite3_column_text(q, 2), &e->to);
		fh_column_text(q, 3, e->operator_name, sizeof e->operator_name);
		fh_column_text(q, 4, e->reason, sizeof e->reason);
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		free(out);
		return fh_store_fail(s, err, _("reading the stage history"));
	}
	*rows = out;
	*n = k;
	return FH_OK;
}

fh_status fh_tenant_changes(fh_store *s, const fh_actor *actor, int64_t id, int limit,
			    fh_change **rows, size_t *n, fh_error *err)
{
	*rows = NULL;
	*n = 0;
	if (limit < 1 || limit > 500)
		return fh_error_set(err, FH_EINVAL, "limit", "%s", _("must be 1 to 500"));
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, actor, id, &t, err);
	if (st != FH_OK)
		return st;
	/* one row per changed field: the audit rows joined with their new JSON */
	sqlite3_stmt *q;
	fh_status q_rc = fh_store_stmt(s,
		"SELECT a.id, a.at, a.operator, a.via, a.action, j.key,"
		" json_extract(a.old, '$.\"' || j.key || '\"'), j.value"
		" FROM (SELECT * FROM audit WHERE entity = 'tenant' AND entity_id = ?1"
		"       ORDER BY id DESC LIMIT ?2) a"
		" LEFT JOIN json_each(a.new) j ORDER BY a.id DESC, j.id", &q, err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_change *out = calloc((size_t)limit, sizeof *out);
	if (!out)
		return fh_error_set(err, FH_ENOMEM, NULL, "%s", _("out of memory"));
	sqlite3_bind_int64(q, 1, id);
	sqlite3_bind_int(q, 2, limit);
	size_t k = 0;
	int64_t last = 0;
	int rc;
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		int64_t audit_id = sqlite3_column_int64(q, 0);
		if (audit_id != last) {
			if (k == (size_t)limit)
				break;
			fh_change *c = &out[k++];
			c->at = sqlite3_column_int64(q, 1);
			fh_column_text(q, 2, c->operator_name, sizeof c->operator_name);
			fh_column_text(q, 3, c->via, sizeof c->via);
			fh_column_text(q, 4, c->action, sizeof c->action);
			last = audit_id;
		}
		fh_change *c = &out[k - 1];
		const char *key = (const char *)sqlite3_column_text(q, 5);
		const char *a = (const char *)sqlite3_column_text(q, 6);
		const char *b = (const char *)sqlite3_column_text(q, 7);
		bool created = strcmp(c->action, "create") == 0;
		fh_tenant_field f;
		if (!key || c->nfields == 8 || !fh_tenant_field_lookup(key, &f))
			continue;
		if (f == FH_TF_NAME && (created || (a && b && strcmp(a, b) == 0)))
			continue; /* carried for lists, not changed */
		if (created && (!b || !*b || strcmp(b, "0") == 0 || strcmp(b, "none") == 0))
			continue; /* a new record: only what was given */
		c->f[c->nfields].field = f;
		snprintf(c->f[c->nfields].old, sizeof c->f[0].old, "%s", !created && a ? a : "");
		snprintf(c->f[c->nfields].new, sizeof c->f[0].new, "%s", b ? b : "");
		c->nfields++;
	}
	sqlite3_reset(q);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		free(out);
		return fh_store_fail(s, err, _("reading the history"));
	}
	*rows = out;
	*n = k;
	return FH_OK;
}
