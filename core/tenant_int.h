/* fuhua core — private: what the tenant modules share. */
#ifndef FUHUA_CORE_TENANT_INT_H
#define FUHUA_CORE_TENANT_INT_H

#include "fuhua/tenant.h"
#include "fuhua/buf.h"
#include "modules.h"
#include "store_int.h"

/* The columns fh_tenant_read() expects, for "SELECT " FH_SQL_TENANT_COLS
 * " FROM tenants t JOIN hubs h ON h.id = t.hub_id …". */
#define FH_SQL_TENANT_COLS                                                                 \
	"t.id, t.hub_id, h.code, h.name, t.name, t.short_name, t.org_type, t.reg_state,"   \
	" t.credit_code, t.field, t.legal_rep, t.contact, t.phone, t.address, t.staff,"    \
	" t.volunteers, t.founded, t.rating, t.rating_date, t.party_org, t.party_members," \
	" t.notes, t.stage, t.stage_since, t.admitted_on, t.planned_end, t.extended,"      \
	" t.exit_reason, t.instructor_id, t.version, t.updated_at, t.updated_by,"          \
	" t.party_fallback"
void fh_tenant_read(fh_stmt *st, fh_tenant *t);

/* Reads tenant id without a scope check (callers check). */
fh_status fh_tenant_load(fh_store *s, int64_t id, fh_tenant *t, fh_error *err);

/* A tenant's record was written (c->old as it was, NULL for a new one;
 * c->next as written): every module's tenant_changed hook, in the order of
 * the module table, in the caller's transaction. FH_OK, or the first
 * hook's error (the caller rolls the change back). Every write of a
 * tenant's row calls it once: adding, editing, the party record, a move
 * and an extension. */
fh_status fh_tenant_changed(fh_store *s, const struct fh_tenant_change *c, fh_error *err);
/* Whether the change moves the tenant out: graduation or exit. */
bool fh_tenant_leaves(const struct fh_tenant_change *c);

/* Writes the search row of a tenant of hub `hub_id` (name, short name,
 * credit code, contact, phone and the pinyin initials) in the current
 * transaction, and its name key — but for a tenant just inserted (fresh),
 * whose row holds its key already (fh_collate_key) and which has no search
 * row yet. A tenant stays in its hub: the gram index's tokens carry it. */
fh_status fh_tenant_index(fh_store *s, int64_t id, int64_t hub_id, const char *name, const char *short_name,
			  const char *credit_code, const char *contact, const char *phone, bool fresh, fh_error *err);

/* A bulk load of new tenants (demo, import): their search rows and grams
 * staged from here on, and written in one statement each by
 * fh_tenant_index_flush (in the same transaction; on an error the rollback
 * undoes both). */
fh_status fh_tenant_index_defer(fh_store *s, fh_error *err);
fh_status fh_tenant_index_flush(fh_store *s, fh_error *err);

/* Which of the search indexes fh_tenant_index_rows (store_sqlite.h) writes. */
#define FH_INDEX_TRIGRAM 1u
#define FH_INDEX_GRAMS 2u
/* The same in the store: the search rows of every tenant from id `from`
 * on, in one statement; then the indexes `which` over them. FH_OK, or the
 * store's error. */
fh_status fh_tenant_search_from(fh_store *s, int64_t from, fh_error *err);
fh_status fh_tenant_index_from(fh_store *s, int64_t from, unsigned which, fh_error *err);

/* The search text of a tenant from its fields (tenant_index.c). */
void fh_tenant_hay(fh_buf *b, const char *name, const char *short_name, const char *credit_code, const char *contact,
		   const char *phone);

/* A bulk load's derived rows made beside it, on a second core
 * (tenant_side.c): the rows a job's statement makes from each batch of
 * tenants, and the two search indexes. Open it before the load's
 * transaction, which begins with fh_tx_begin_main: it opens only for a
 * database without tenants, on a machine with two cores or more, and false
 * says it did not (the load then makes the rows itself). Feed it every
 * tenant the load inserts, final as inserted. In the load's transaction,
 * fh_tenant_side_rows copies the job's rows in (*built) — or not, when
 * anything failed beside the load (!*built, FH_OK: the load makes them) —
 * and fh_tenant_index_flush the indexes, through fh_tenant_side_finish.
 * Close it after the transaction (fh_store_close does too). */
struct fh_side_job {
	/* Run beside the load for each batch, with ?1 p1 and ?2 p2: reads
	 * tenants(id, hub_id, stage, admitted_on) — the batch — and the table
	 * `source` (copied from the store first), writes the table `target`,
	 * which is copied into the store's, empty and without triggers. */
	const char *sql;
	int64_t p1;
	const char *p2;
	const char *source, *target;
};
struct fh_side_tenant {
	int64_t id, hub_id, admitted_on; /* admitted_on 0: not admitted */
	const char *stage, *name, *short_name, *credit_code, *contact, *phone;
};
bool fh_tenant_side_open(fh_store *s, const struct fh_side_job *job);
void fh_tenant_side_feed(fh_store *s, const struct fh_side_tenant *t);
fh_status fh_tenant_side_rows(fh_store *s, bool *built, fh_error *err);
fh_status fh_tenant_side_finish(fh_store *s, bool *built, fh_error *err);
void fh_tenant_side_close(fh_store *s);

/* The gram index's tokens of a tenant of hub hub_id with search text hay
 * (the bench writes them as a raw load would). */
void fh_tenant_grams(const char *hay, int64_t hub_id, fh_buf *out);
/* A token of the gram index: the piece (1 or 2 characters) in hub hub_id. */
void fh_gram_token(fh_buf *out, int64_t hub_id, const char *piece, size_t len);

/* A hub's service fields, read once for many rows (an import). */
#define FH_HUB_FIELDS_MAX 40
typedef struct fh_hub_fields {
	int64_t hub;
	size_t n;
	char names[FH_HUB_FIELDS_MAX][128];
} fh_hub_fields;
/* fh_tenant_validate with the service fields of the tenant's hub given
 * (NULL: read them). */
fh_status fh_tenant_validate_in(fh_store *s, const fh_tenant *t, const fh_hub_fields *fields, fh_field_errors *errs,
				fh_error *err);

/* Inserts a validated tenant as it is (any stage), with its first history
 * line; no audit row (callers write one). Sets t->id and t->version. */
fh_status fh_tenant_insert(fh_store *s, const fh_actor *actor, fh_tenant *t, fh_error *err);

/* Whether another tenant than `self` (0: none) holds a credit code: FH_OK
 * if none; FH_EINVAL on field credit_code "already belongs to NAME (no. N)"
 * if one does; FH_EBUSY or FH_ESTORE if the database did not answer. Used
 * by the checks and, inside the write transaction, after a race. */
fh_status fh_tenant_code_holder(fh_store *s, const char *code, int64_t self, fh_error *err);

/* Rebuilds every search row (after the migration that added them). */
fh_status fh_tenant_reindex_all(fh_store *s, fh_error *err);
/* The tenant module's step after a migration (modules.c): rebuilds the
 * search rows when a migration asked for it with the setting 'reindex'. */
fh_status fh_tenant_after_migrate(fh_store *s, int from, fh_error *err);
/* fh_search_text() and fh_search_grams() in SQL (tenant_index.c), for the
 * statements that index many tenants at once; ends with { NULL }. */
const struct fh_sql_function *fh_tenant_sql_functions(void);
/* The tenant module's part of `fuhua check` (modules.c): every tenant has
 * its search row and it holds what the tenant's fields give; no search row
 * without a tenant; the full-text index is sound. */
fh_status fh_tenant_check_index(fh_store *s, fh_check_report *rep, fh_error *err);

/* The module table's rules hooks (modules.h): its part of a hub's rules kept
 * by `fuhua init`, and its part of their fingerprint. */
fh_status fh_tenant_write_rules(fh_store *store, int64_t hub, const struct fh_rules *r, fh_error *err);
void fh_tenant_describe_rules(struct fh_buf *b, const struct fh_rules *r);

struct fh_cfg_section;
/* Its own schema, ending with NULL, for the module table. */
extern const char *const fh_tenant_schema[];
/* Its section of the configuration (tenant_config.c), for the module table. */
extern const struct fh_cfg_section fh_tenant_config;

#endif
