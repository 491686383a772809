/* fuhua tui — the tenant subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/import.h"
#include "fuhua/scratch.h"
#include "fuhua/store.h"
#include "fuhua/tenant.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/table.h"

/* Puts the options into a filter; returns an exit status or -1 to go on. */
static int filter_from(const struct fh_opts *o, fh_store *s, const fh_actor *by, fh_tenant_filter *f)
{
	fh_tenant_filter_init(f);
	int rc = fh_cli_hub(o, s, by, &f->hub_id);
	if (rc >= 0)
		return rc;
	const char *stage = o->tf[FH_TF_STAGE], *type = o->tf[FH_TF_ORG_TYPE];
	fh_stage st;
	fh_org_type ot;
	if (stage && !fh_stage_parse_label(stage, &st))
		return fh_cli_usage_error(
			_("--stage takes applied, reviewing, incubating, graduated or exited, not '%s'"), stage);
	if (stage)
		f->stage = (int)st;
	if (type && !fh_org_type_parse(type, &ot))
		return fh_cli_usage_error(
			_("--org-type takes social_group, service_org, foundation or community_org, not '%s'"), type);
	if (type)
		f->org_type = (int)ot;
	if (o->tf[FH_TF_FIELD])
		snprintf(f->field, sizeof f->field, "%s", o->tf[FH_TF_FIELD]);
	if (o->search)
		snprintf(f->search, sizeof f->search, "%s", o->search);
	if (o->sort) {
		static const char *const sorts[FH_SORT_COUNT] = { "name", "admitted", "newest" };
		int k = -1;
		for (int i = 0; i < FH_SORT_COUNT; i++)
			if (strcmp(o->sort, sorts[i]) == 0)
				k = i;
		if (k < 0)
			return fh_cli_usage_error(_("--sort takes name, admitted or newest, not '%s'"), o->sort);
		f->sort = (fh_tenant_sort)k;
	}
	return -1;
}

int fh_cmd_tenant_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_tenant_filter f;
	int rc = filter_from(o, s, by, &f);
	if (rc >= 0)
		return rc;
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "name", "short_name", "org_type", "stage", "field", "hub", "months",
					"party_org", "party_members", "credit_code", "contact", "phone", NULL },
		      (const char *[]){ _("No."), _("Name"), _("Short name"), _("Type"), _("Stage"), _("Field"),
					_("Hub"), _("Months"), _("Party org"), _("Members"), _("Credit code"),
					_("Contact"), _("Phone"), NULL });
	t.numeric = 1u | 1u << 7 | 1u << 9;
	bool ids = o->format == FH_FORMAT_JSON || o->format == FH_FORMAT_CSV;
	bool zh = fh_i18n_is_zh();
	enum { PAGE = 500 };
	fh_tenant_row *rows = malloc(PAGE * sizeof *rows), last;
	size_t n = 0;
	fh_error err = { .code = FH_OK };
	fh_status st = rows ? FH_OK : FH_ENOMEM;
	bool first = true;
	while (st == FH_OK && (first || n == PAGE)) {
		st = fh_tenant_page(s, by, &f, first ? NULL : &last, false, rows, PAGE, &n, &err);
		first = false;
		for (size_t i = 0; st == FH_OK && i < n; i++) {
			const fh_tenant_row *r = &rows[i];
			char id[24], months[16], members[16];
			snprintf(id, sizeof id, "%lld", (long long)r->id);
			snprintf(months, sizeof months, "%d", r->months);
			snprintf(members, sizeof members, "%d", r->party_members);
			fh_table_row(&t,
				     (const char *[]){ id, r->name, r->short_name,
						       ids ? fh_org_type_name(r->org_type)
							   : fh_org_type_label(r->org_type, zh),
						       ids ? fh_stage_name(r->stage) : fh_stage_label(r->stage, zh),
						       r->field, r->hub_code, months,
						       fh_party_column(r->party_org, r->party_fallback, ids, zh),
						       members, r->credit_code, r->contact, r->phone, NULL });
		}
		if (n)
			last = rows[n - 1];
	}
	free(rows);
	if (st != FH_OK) {
		fh_table_free(&t);
		return fh_cli_report(&err);
	}
	int bad = fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	return bad ? 1 : 0;
}

static void print_tenant(const fh_tenant *t, enum fh_format format)
{
	bool zh = fh_i18n_is_zh();
	char v[FH_TENANT_NOTES_MAX * 4 + 8];
	if (format == FH_FORMAT_JSON) {
		fh_buf b = FH_BUF_INIT;
		fh_buf_printf(&b, "{\"id\":%lld,\"hub\":", (long long)t->id);
		fh_buf_json_string(&b, t->hub_code);
		for (int f = 0; f < FH_TF_COUNT; f++) {
			fh_tenant_get(t, (fh_tenant_field)f, true, false, v, sizeof v);
			fh_buf_printf(&b, ",\"%s\":", fh_tenant_field_name((fh_tenant_field)f));
			bool number = f == FH_TF_STAFF || f == FH_TF_VOLUNTEERS || f == FH_TF_RATING ||
				f == FH_TF_PARTY_MEMBERS;
			if (number)
				fh_buf_puts(&b, v);
			else
				fh_buf_json_string(&b, v[0] ? v : NULL);
		}
		fh_buf_printf(&b, ",\"extended\":%s,\"version\":%lld}\n", t->extended ? "true" : "false",
			      (long long)t->version);
		fputs(fh_buf_str(&b), stdout);
		fh_buf_free(&b);
		return;
	}
	struct fh_table tb;
	fh_table_init(&tb, (const char *[]){ "field", "value", NULL },
		      (const char *[]){ _("Field"), _("Value"), NULL });
	char id[24];
	snprintf(id, sizeof id, "%lld", (long long)t->id);
	fh_table_row(&tb, (const char *[]){ _("No."), id, NULL });
	char hub[200];
	snprintf(hub, sizeof hub, "%s %s", t->hub_code, t->hub_name);
	fh_table_row(&tb, (const char *[]){ _("Hub"), hub, NULL });
	for (int f = 0; f < FH_TF_COUNT; f++)
		fh_table_row(&tb,
			     (const char *[]){
				     fh_tenant_field_label((fh_tenant_field)f, zh),
				     fh_tenant_get(t, (fh_tenant_field)f, format == FH_FORMAT_CSV, zh, v, sizeof v),
				     NULL });
	fh_table_print(&tb, stdout, format);
	fh_table_free(&tb);
}

int fh_cmd_tenant_show(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("tenant show takes one tenant number"));
	fh_error err;
	fh_tenant t;
	fh_status st = fh_tenant_get_by_id(s, by, id, &t, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	print_tenant(&t, o->format);
	return 0;
}

/* Applies every field option to t; the problems go to *fe. */
static void apply_fields(const struct fh_opts *o, fh_tenant *t, int upto, fh_field_errors *fe)
{
	for (int f = 0; f < upto; f++) {
		fh_error e;
		if (o->tf[f] && fh_tenant_set(t, (fh_tenant_field)f, o->tf[f], &e) != FH_OK)
			fh_field_errors_add(fe, &e);
	}
}

static int report_fields(const fh_field_errors *fe, const fh_error *err)
{
	if (fe->n == 0)
		return fh_cli_report(err);
	for (size_t i = 0; i < fe->n; i++)
		fh_cli_report(&fe->e[i]);
	return fh_error_exit_status(fe->e[0].code);
}

/* A tenant that may be the same organisation: said before it is added. */
static void warn_similar(fh_store *s, const fh_actor *by, const fh_tenant *t)
{
	fh_tenant_match m[8];
	size_t n = 0;
	fh_error err;
	if (fh_tenant_similar(s, by, t, m, 8, &n, &err) != FH_OK)
		return;
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, _("fuhua: warning: %s (no. %lld, %s) has the same %s\n"), m[i].name, (long long)m[i].id,
			m[i].hub_code, fh_tenant_field_label(m[i].why, fh_i18n_is_zh()));
}

static int add_edit(struct fh_opts *o, fh_store *s, const fh_actor *by, bool add)
{
	int64_t id = 0;
	if (!add && !fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("tenant edit takes one tenant number and field options"));
	if (o->tf[FH_TF_STAGE])
		return fh_cli_usage_error("%s", _("the stage changes with 'tenant move'"));
	fh_error err;
	fh_tenant t;
	fh_status st = FH_OK;
	if (add) {
		fh_tenant_init(&t);
		if (o->hub) {
			fh_hub h;
			if ((st = fh_hub_get(s, by, o->hub, &h, &err)) == FH_OK)
				t.hub_id = h.id;
		}
	} else {
		st = fh_tenant_get_by_id(s, by, id, &t, &err);
	}
	if (st != FH_OK)
		return fh_cli_report(&err);
	if (!add && (o->tf[FH_TF_PARTY_ORG] || o->tf[FH_TF_PARTY_MEMBERS]))
		return fh_cli_usage_error("%s",
					  _("the party record is changed with fuhua party edit; nothing was changed"));
	bool any = false;
	for (int f = 0; f < FH_TF_EDITABLE; f++)
		any |= o->tf[f] != NULL;
	if (!add && !any)
		return fh_cli_usage_error("%s", _("tenant edit needs field options (--phone …); nothing was changed"));
	int64_t before = t.version;
	fh_field_errors fe = { 0 };
	apply_fields(o, &t, FH_TF_EDITABLE, &fe);
	if (fe.n) { /* every problem at once: the rules too */
		if (!t.hub_id)
			t.hub_id = by->hub_id;
		fh_tenant_validate(s, &t, &fe, &err);
		return report_fields(&fe, &err);
	}
	if (add)
		warn_similar(s, by, &t);
	st = add ? fh_tenant_add(s, by, &t, &fe, &err) : fh_tenant_update(s, by, &t, &fe, &err);
	if (st == FH_OK)
		st = fh_tenant_get_by_id(s, by, t.id, &t, &err);
	if (st != FH_OK)
		return st == FH_EINVAL ? report_fields(&fe, &err) : fh_cli_report(&err);
	if (o->format == FH_FORMAT_JSON)
		print_tenant(&t, o->format);
	else if (!add && t.version == before)
		fprintf(stderr, _("tenant no. %lld: nothing changed\n"), (long long)t.id);
	else
		fprintf(stderr, add ? _("tenant no. %lld added: %s\n") : _("tenant no. %lld saved: %s\n"),
			(long long)t.id, t.name);
	return 0;
}

int fh_cmd_tenant_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return add_edit(o, s, by, true);
}

int fh_cmd_tenant_edit(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return add_edit(o, s, by, false);
}

/* What graduation or exit did besides the stage, on standard error. */
static void print_leaving(const fh_stage_plan *did)
{
	char d[16];
	if (did->allocations)
		fprintf(stderr,
			N3_("  %d space released (%d seats), to be handed back by %s\n",
			    "  %d spaces released (%d seats), to be handed back by %s\n", did->allocations),
			did->allocations, did->seats, fh_clock_format_date(did->handover_due, d, sizeof d));
	if (did->pairings)
		fprintf(stderr, N3_("  %d mentor pairing ended\n", "  %d mentor pairings ended\n", did->pairings),
			did->pairings);
	if (did->bookings)
		fprintf(stderr,
			did->to == FH_STAGE_GRADUATED
				? N3_("  %d room booking to come kept (a graduate may still book)\n",
				      "  %d room bookings to come kept (a graduate may still book)\n", did->bookings)
				: N3_("  %d room booking to come cancelled\n", "  %d room bookings to come cancelled\n",
				      did->bookings),
			did->bookings);
}

static int move(struct fh_opts *o, fh_store *s, const fh_actor *by, bool extend)
{
	int64_t id;
	fh_stage to = FH_STAGE_APPLIED;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s",
					  extend ? _("tenant extend takes one tenant number")
						 : _("tenant move takes a tenant number and a stage"));
	if (!extend && !fh_stage_parse_label(o->pos[3], &to))
		return fh_cli_usage_error(_("'%s' is not a stage (applied, reviewing, incubating, graduated, exited)"),
					  o->pos[3]);
	fh_error err;
	if (o->override && to != FH_STAGE_GRADUATED)
		return fh_cli_usage_error("%s", _("--override is for a graduation"));
	fh_stage_plan did = { 0 };
	fh_status st = extend ? fh_tenant_extend(s, by, id, 0, &err)
		: o->override ? fh_tenant_graduate_override(s, by, id, 0, o->reason, &did, &err)
			      : fh_tenant_move(s, by, id, 0, to, o->reason, &did, &err);
	fh_tenant t;
	if (st == FH_OK)
		st = fh_tenant_get_by_id(s, by, id, &t, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	char d[16];
	if (extend)
		fprintf(stderr, _("%s: incubation extended to %s\n"), t.name,
			fh_clock_format_date(t.planned_end, d, sizeof d));
	else
		fprintf(stderr, _("%s: now %s\n"), t.name, fh_stage_label(t.stage, fh_i18n_is_zh()));
	if (!extend && (t.stage == FH_STAGE_GRADUATED || t.stage == FH_STAGE_EXITED))
		print_leaving(&did);
	return 0;
}

int fh_cmd_tenant_move(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return move(o, s, by, false);
}

int fh_cmd_tenant_extend(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return move(o, s, by, true);
}

int fh_cmd_tenant_import(struct fh_opts *o, fh_store *unused, const fh_actor *unused_by)
{
	(void)unused;
	(void)unused_by;
	if (!o->hub)
		return fh_cli_usage_error("%s", _("tenant import needs --hub CODE"));
	fh_import_result res;
	int rc = fh_cli_import(o, fh_tenant_import, &res);
	if (!rc) {
		fprintf(stderr, N3_("%s: %zu tenant imported (%s)", "%s: %zu tenants imported (%s)", res.imported),
			o->pos[2], res.imported, res.encoding);
		fh_cli_import_skipped(&res);
	}
	fh_import_result_free(&res);
	return rc;
}

static int write_file(void *ctx, const char *data, size_t n)
{
	return fwrite(data, 1, n, ctx) == n ? 0 : -1;
}

/* The export as an Excel sheet: the first row its headings. */
struct roster {
	struct fh_table t;
	char *head[FH_TF_COUNT + 1];
	bool begun;
};

static int roster_row(void *ctx, const char *const *cells, int n)
{
	struct roster *r = ctx;
	if (r->begun) {
		fh_table_row(&r->t, cells);
		return 0;
	}
	const char *keys[FH_TF_COUNT + 2] = { 0 };
	for (int i = 0; i < n && i <= FH_TF_COUNT; i++)
		keys[i] = r->head[i] = strdup(cells[i]);
	fh_table_init(&r->t, keys, keys);
	r->t.numeric = 1u << FH_TF_STAFF | 1u << FH_TF_VOLUNTEERS | 1u << FH_TF_PARTY_MEMBERS;
	fh_table_stream(&r->t, stdout, FH_FORMAT_XLSX);
	r->begun = true;
	return 0;
}

int fh_cmd_tenant_export(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_error err;
	fh_tenant_filter f;
	if (o->format_name && o->format != FH_FORMAT_CSV && o->format != FH_FORMAT_XLSX)
		return fh_cli_usage_error("%s", _("tenant export writes CSV or an Excel file: --format csv or xlsx"));
	int rc = filter_from(o, s, by, &f);
	if (rc >= 0)
		return rc;
	/* the CSV is read as fast as it is written: a job's cache; an Excel
	 * file is written far slower than it is read, in a few MiB */
	if (o->format != FH_FORMAT_XLSX)
		fh_store_cache_kib(s, FH_STORE_JOB_CACHE_KIB);
	fh_store_announce(s, "tenant export");
	fh_status st;
	bool bad = false;
	if (o->format == FH_FORMAT_XLSX) {
		struct roster r = { 0 };
		st = fh_tenant_export_rows(s, by, &f, fh_i18n_is_zh(), roster_row, &r, &err);
		bad = r.begun && fh_table_end(&r.t) != 0;
		fh_table_free(&r.t);
		for (int i = 0; i <= FH_TF_COUNT; i++)
			free(r.head[i]);
	} else {
		st = fh_tenant_export(s, by, &f, fh_i18n_is_zh(), !o->no_bom, write_file, stdout, &err);
	}
	if (st != FH_OK)
		return fh_cli_report(&err);
	if (bad)
		return 1; /* said */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "fuhua: %s: %s\n", _("standard output"), strerror(errno));
		return 1;
	}
	return 0;
}
