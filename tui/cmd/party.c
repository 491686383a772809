/* fuhua tui — the party subcommands: the record, its lists, the sync
 * checks, joint branches and the coverage report. The figures are the party
 * module's, the same the Party screen shows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/hub.h"
#include "fuhua/party.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/table.h"

static const char *pct(double v, char *buf, size_t size)
{
	snprintf(buf, size, "%.1f", v);
	return buf;
}

/* ---- fuhua report coverage ---------------------------------------------------- */

static void print_coverage(const fh_coverage *rows, size_t n, enum fh_format format)
{
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "hub", "name", "depth", "tenants", "org", "org_rate", "work", "work_rate",
					"branch", "joint_branch", "functional", "extended", "fallback_guided",
					"fallback_alone", "uncovered", "full_members", NULL },
		      (const char *[]){ _("Hub"), _("Name"), _("Depth"), _("Tenants"), _("Org"), _("Org %"), _("Work"),
					_("Work %"), _("Branch"), _("Joint"), _("Functional"), _("Extended"),
					_("Fallback+"), _("Fallback−"), _("Uncovered"), _("Members"), NULL });
	t.numeric = 0xFFFCu;
	for (size_t i = 0; i < n; i++) {
		const fh_coverage *c = &rows[i];
		const int counts[] = { c->depth,
				       c->counted,
				       c->org,
				       -1,
				       c->work,
				       -1,
				       c->by_form[FH_PARTY_BRANCH],
				       c->by_form[FH_PARTY_JOINT_BRANCH],
				       c->by_form[FH_PARTY_FUNCTIONAL],
				       c->by_form[FH_PARTY_EXTENDED],
				       c->fallback_guided,
				       c->fallback_alone,
				       c->uncovered,
				       c->members };
		char v[14][24];
		for (int k = 0; k < 14; k++)
			snprintf(v[k], sizeof v[k], "%d", counts[k]);
		pct(fh_coverage_rate(c->org, c->counted), v[3], sizeof v[3]);
		pct(fh_coverage_rate(c->work, c->counted), v[5], sizeof v[5]);
		fh_table_row(&t,
			     (const char *[]){ c->code, c->name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8],
					       v[9], v[10], v[11], v[12], v[13], NULL });
	}
	fh_table_print(&t, stdout, format);
	fh_table_free(&t);
}

int fh_cmd_report_coverage(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t hub;
	int rc = fh_cli_hub(o, s, by, &hub);
	if (rc >= 0)
		return rc;
	fh_coverage *rows;
	size_t n;
	fh_error err;
	if (fh_party_coverage(s, by, hub, o->all_stages, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	/* the reference rates, beside ours, in the table form only */
	fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
	size_t nrefs = 0;
	if (fh_party_references(s, n ? rows[0].hub_id : by->hub_id, refs, FH_COVERAGE_REFS_MAX, &nrefs, &err) !=
	    FH_OK) {
		free(rows);
		return fh_cli_report(&err);
	}
	print_coverage(rows, n, o->format);
	if (o->format == FH_FORMAT_TABLE && nrefs) {
		printf("\n%s\n", _("Reference rates (published):"));
		for (size_t i = 0; i < nrefs; i++) {
			if (refs[i].work >= 0)
				printf(_("  %s: organisation %.1f %%, work %.1f %%\n"), refs[i].name, refs[i].org,
				       refs[i].work);
			else
				printf(_("  %s: organisation %.1f %%\n"), refs[i].name, refs[i].org);
		}
	}
	free(rows);
	return 0;
}

/* ---- fuhua party show / edit ------------------------------------------------------ */

static void print_record(const fh_party *p, enum fh_format format)
{
	bool zh = fh_i18n_is_zh();
	char v[FH_PARTY_REASON_MAX * 4 + 8];
	if (format == FH_FORMAT_JSON) {
		fh_buf b = FH_BUF_INIT;
		fh_buf_printf(&b, "{\"tenant\":%lld,\"name\":", (long long)p->tenant_id);
		fh_buf_json_string(&b, p->tenant_name);
		for (int f = 0; f < FH_PF_COUNT; f++) {
			fh_party_get(p, (fh_party_field)f, true, false, v, sizeof v);
			fh_buf_printf(&b, ",\"%s\":", fh_party_field_name((fh_party_field)f));
			bool number = f >= FH_PF_FULL && f <= FH_PF_RELATIONS_HERE;
			if (number)
				fh_buf_puts(&b, v);
			else
				fh_buf_json_string(&b, v[0] ? v : NULL);
		}
		fh_buf_printf(&b, ",\"version\":%lld}\n", (long long)p->version);
		fputs(fh_buf_str(&b), stdout);
		fh_buf_free(&b);
		return;
	}
	printf("%s (%lld)\n", p->tenant_name, (long long)p->tenant_id);
	for (int f = 0; f < FH_PF_COUNT; f++)
		printf("  %s: %s\n", fh_party_field_label((fh_party_field)f, zh),
		       fh_party_get(p, (fh_party_field)f, false, zh, v, sizeof v));
}

int fh_cmd_party_show(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("party show takes a tenant number"));
	fh_party p;
	fh_error err;
	fh_status st = fh_party_get_record(s, by, id, &p, &err);
	if (st == FH_OK) {
		print_record(&p, o->format);
		fh_sync_item *items;
		size_t n;
		if (o->format != FH_FORMAT_JSON && fh_party_sync_list(s, by, id, &items, &n, &err) == FH_OK) {
			bool zh = fh_i18n_is_zh();
			for (size_t i = 0; i < n; i++) {
				char due[11], done[11];
				fh_clock_format_date(items[i].due, due, sizeof due);
				if (items[i].done_on)
					fh_clock_format_date(items[i].done_on, done, sizeof done);
				const char *kind = fh_sync_kind_label(items[i].kind, zh);
				long long no = (long long)items[i].id;
				if (items[i].done_on)
					printf(_("  check %lld: %s, due %s, done %s\n"), no, kind, due, done);
				else if (items[i].late_days)
					printf(_("  check %lld: %s, due %s, %d days late\n"), no, kind, due,
					       items[i].late_days);
				else
					printf(_("  check %lld: %s, due %s, open\n"), no, kind, due);
			}
			free(items);
		}
	}
	return st == FH_OK ? 0 : fh_cli_report(&err);
}

int fh_cmd_party_edit(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("party edit takes a tenant number"));
	const char *given[FH_PF_COUNT];
	bool any = false;
	for (int f = 0; f < FH_PF_COUNT; f++) {
		given[f] = f == FH_PF_FOUNDED ? o->tf[FH_TF_FOUNDED] : f == FH_PF_REASON ? o->reason : o->pf[f];
		any |= given[f] != NULL;
	}
	if (!any)
		return fh_cli_usage_error("%s",
					  _("party edit needs field options (--full-members …); nothing was changed"));
	fh_party p;
	fh_error err;
	fh_field_errors fe = { 0 };
	fh_status st = fh_party_get_record(s, by, id, &p, &err);
	for (int f = 0; st == FH_OK && f < FH_PF_COUNT; f++) {
		fh_error e;
		if (given[f] && fh_party_set(&p, (fh_party_field)f, given[f], &e) != FH_OK)
			fh_field_errors_add(&fe, &e);
	}
	if (st == FH_OK && fe.n) {
		fh_party_validate(s, &p, &fe, &err);
		st = FH_EINVAL;
	} else if (st == FH_OK) {
		st = fh_party_save(s, by, &p, &fe, &err);
	}
	if (st == FH_EINVAL && fe.n) {
		for (size_t i = 0; i < fe.n; i++)
			fh_cli_report(&fe.e[i]);
		return fh_error_exit_status(FH_EINVAL);
	}
	if (st != FH_OK)
		return fh_cli_report(&err);
	print_record(&p, o->format);
	return 0;
}

/* ---- fuhua party gaps / instructors ---------------------------------------------- */

static const char *const list_ids[FH_PL_COUNT] = { "uncovered", "should_branch", "sync_gap", "reelection" };

int fh_cmd_party_gaps(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t hub;
	int rc = fh_cli_hub(o, s, by, &hub);
	if (rc >= 0)
		return rc;
	bool zh = fh_i18n_is_zh(), ids = o->format != FH_FORMAT_TABLE;
	const char *list_labels[FH_PL_COUNT] = { _("uncovered"), _("should form a branch"), _("sync gap"),
						 _("re-election") };
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "list", "tenant", "name", "hub", "form", "full_members", "what", "date",
					"days_late", NULL },
		      (const char *[]){ _("List"), _("No."), _("Name"), _("Hub"), _("Party org"), _("Members"),
					_("What"), _("Date"), _("Days late"), NULL });
	t.numeric = 1u << 1 | 1u << 5 | 1u << 8;
	fh_error err = { .code = FH_OK };
	fh_status st = FH_OK;
	for (int l = 0; st == FH_OK && l < FH_PL_COUNT; l++) {
		fh_party_row *rows;
		size_t n;
		bool more;
		if ((st = fh_party_list(s, by, hub, (fh_party_list_kind)l, 100000, &rows, &n, &more, &err)) != FH_OK)
			break;
		for (size_t i = 0; i < n; i++) {
			const fh_party_row *r = &rows[i];
			char tid[24] = "", full[16], date[11] = "", late[16] = "", what[160] = "";
			fh_sync_kind k;
			if (r->tenant_id)
				snprintf(tid, sizeof tid, "%lld", (long long)r->tenant_id);
			snprintf(full, sizeof full, "%d", r->full);
			if (r->date) {
				fh_clock_format_date(r->date, date, sizeof date);
				snprintf(late, sizeof late, "%d", r->days);
			}
			if (l == FH_PL_SYNC_GAPS && fh_sync_kind_parse(r->what, &k))
				snprintf(what, sizeof what, "%s",
					 ids ? fh_sync_kind_name(k) : fh_sync_kind_label(k, zh));
			else if (l == FH_PL_REELECTION)
				snprintf(what, sizeof what, "%s",
					 r->tenant_id ? _("branch committee") : _("joint branch committee"));
			else if (l == FH_PL_UNCOVERED)
				snprintf(what, sizeof what, "%s",
					 r->fallback ? _("fallback without an instructor")
						     : _("no organisation, no fallback"));
			fh_table_row(
				&t,
				(const char *[]){ ids ? list_ids[l] : list_labels[l], tid, r->name, r->hub_code,
						  ids ? fh_party_org_name(r->form) : fh_party_org_label(r->form, zh),
						  full, what, date, late, NULL });
		}
		free(rows);
	}
	if (st != FH_OK) {
		fh_table_free(&t);
		return fh_cli_report(&err);
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	return 0;
}

/* An instructor's tenants in incubation. */
static int instructed(struct fh_opts *o, fh_store *s, const fh_actor *by, int64_t id)
{
	fh_party_row *rows;
	size_t n;
	bool more;
	fh_error err;
	if (fh_party_instructed(s, by, id, 100000, &rows, &n, &more, &err) != FH_OK)
		return fh_cli_report(&err);
	bool zh = fh_i18n_is_zh(), ids = o->format != FH_FORMAT_TABLE;
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "tenant", "name", "hub", "form", "full_members", NULL },
		      (const char *[]){ _("No."), _("Name"), _("Hub"), _("Party org"), _("Members"), NULL });
	t.numeric = 1u | 1u << 4;
	for (size_t i = 0; i < n; i++) {
		char tid[24], full[16];
		snprintf(tid, sizeof tid, "%lld", (long long)rows[i].tenant_id);
		snprintf(full, sizeof full, "%d", rows[i].full);
		fh_table_row(&t,
			     (const char *[]){ tid, rows[i].name, rows[i].hub_code,
					       fh_party_column(rows[i].form, rows[i].fallback, ids, zh), full, NULL });
	}
	free(rows);
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	return 0;
}

int fh_cmd_party_instructors(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t hub, id = 0;
	if (o->npos == 3 && !fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("party instructors takes an instructor's number, or none"));
	int rc = fh_cli_hub(o, s, by, &hub);
	if (rc >= 0)
		return rc;
	if (id) {
		rc = instructed(o, s, by, id);
		return rc;
	}
	fh_instructor *rows;
	size_t n;
	fh_error err;
	fh_status st = fh_party_instructors(s, by, hub, &rows, &n, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "id", "name", "employer", "hub", "tenants", NULL },
		      (const char *[]){ _("No."), _("Name"), _("Employer"), _("Hub"), _("Tenants"), NULL });
	t.numeric = 1u | 1u << 4;
	for (size_t i = 0; i < n; i++) {
		char num[24], count[16];
		snprintf(num, sizeof num, "%lld", (long long)rows[i].id);
		snprintf(count, sizeof count, "%d", rows[i].tenants);
		fh_table_row(&t,
			     (const char *[]){ num, rows[i].name, rows[i].employer, rows[i].hub_code, count, NULL });
	}
	free(rows);
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	return 0;
}

/* ---- fuhua party event / done / annual ------------------------------------------ */

int fh_cmd_party_event(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	fh_sync_event e;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("party event takes a tenant number and an event"));
	if (!fh_sync_event_parse(o->pos[3], &e))
		return fh_cli_usage_error(_("the event is registration, annual, leadership or rating, not '%s'"),
					  o->pos[3]);
	int64_t on;
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	int opened;
	fh_error err;
	fh_status st = fh_party_event(s, by, id, e, on, &opened, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	printf(N3_("%d check opened on the party track\n", "%d checks opened on the party track\n", opened), opened);
	return 0;
}

int fh_cmd_party_done(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("party done takes a check number (fuhua party show)"));
	int64_t on;
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	fh_error err;
	fh_status st = fh_party_sync_done(s, by, id, on, &err);
	return st == FH_OK ? 0 : fh_cli_report(&err);
}

int fh_cmd_party_annual(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char today[11];
	long year = fh_cli_number("--year", o->year, 2000, 2200,
				  atoi(fh_clock_format_date(fh_clock_now(), today, sizeof today)));
	if (year < 0)
		return 2;
	int64_t hub;
	int rc = fh_cli_hub(o, s, by, &hub);
	if (rc >= 0)
		return rc;
	int opened;
	fh_error err;
	fh_status st = fh_party_open_annual(s, by, hub, year, &opened, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	printf(N3_("%d annual report opened\n", "%d annual reports opened\n", opened), opened);
	return 0;
}

/* ---- fuhua party member --------------------------------------------------------- */

static void print_members(const fh_party_member *m, size_t n, enum fh_format format)
{
	bool zh = fh_i18n_is_zh(), ids = format != FH_FORMAT_TABLE;
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "id", "name", "kind", "relation_here", NULL },
		      (const char *[]){ _("No."), _("Name"), _("Kind"), _("Relation held here"), NULL });
	t.numeric = 1u;
	for (size_t i = 0; i < n; i++) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)m[i].id);
		fh_table_row(
			&t,
			(const char *[]){ id, m[i].name,
					  ids ? fh_member_kind_name(m[i].kind) : fh_member_kind_label(m[i].kind, zh),
					  ids                          ? (m[i].relation_here ? "yes" : "no")
						  : m[i].relation_here ? _("yes")
								       : _("no"),
					  NULL });
	}
	fh_table_print(&t, stdout, format);
	fh_table_free(&t);
}

/* party member list, add, edit and remove: the tenant's named members after. */
static int member(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	const char *sub = o->pos[2];
	int64_t id;
	bool add = strcmp(sub, "add") == 0, edit = strcmp(sub, "edit") == 0, remove = strcmp(sub, "remove") == 0;
	fh_member_kind kind = FH_MEMBER_FULL;
	if (!fh_cli_id(o->pos[3], &id))
		return fh_cli_usage_error(_("party member %s: see fuhua --help"), sub);
	if (o->kind && !fh_member_kind_parse(o->kind, &kind))
		return fh_cli_usage_error(_("--kind takes full, probationary, applicant or activist, not '%s'"),
					  o->kind);
	bool here = true;
	if (o->here) {
		bool yes = strcmp(o->here, "yes") == 0 || strcmp(o->here, "是") == 0;
		if (!yes && strcmp(o->here, "no") != 0 && strcmp(o->here, "否") != 0)
			return fh_cli_usage_error(_("--here takes yes or no, not '%s'"), o->here);
		here = yes;
	}
	fh_error err;
	fh_status st = FH_OK;
	fh_party_member m = { .tenant_id = id, .kind = kind, .relation_here = here };
	if (add) {
		snprintf(m.name, sizeof m.name, "%s", o->pos[4]);
		st = fh_party_member_save(s, by, &m, &err);
	} else if (edit && (st = fh_party_member_get(s, by, id, &m, &err)) == FH_OK) {
		if (o->kind)
			m.kind = kind;
		if (o->here)
			m.relation_here = here;
		if (o->tf[FH_TF_NAME])
			snprintf(m.name, sizeof m.name, "%s", o->tf[FH_TF_NAME]);
		st = fh_party_member_save(s, by, &m, &err);
	} else if (remove && (st = fh_party_member_get(s, by, id, &m, &err)) == FH_OK) {
		st = fh_party_member_remove(s, by, id, &err);
	}
	fh_party_member *rows = NULL;
	size_t n = 0;
	if (st == FH_OK)
		st = fh_party_members(s, by, m.tenant_id, &rows, &n, &err);
	if (st != FH_OK)
		return fh_cli_report(&err);
	print_members(rows, n, o->format);
	free(rows);
	return 0;
}

int fh_cmd_party_member_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return member(o, s, by);
}

int fh_cmd_party_member_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return member(o, s, by);
}

int fh_cmd_party_member_edit(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return member(o, s, by);
}

int fh_cmd_party_member_remove(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return member(o, s, by);
}

/* ---- fuhua branch ------------------------------------------------------------------ */

static void print_branches(const fh_branch *b, size_t n, enum fh_format format)
{
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "name", "secretary", "tenants", "max_tenants", "full_members",
					"founded", "elected", "term_ends", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Name"), _("Secretary"), _("Tenants"), _("At most"),
					_("Members"), _("Founded"), _("Elected"), _("Term ends"), NULL });
	t.numeric = 1u | 1u << 4 | 1u << 5 | 1u << 6;
	for (size_t i = 0; i < n; i++) {
		char id[24], ten[16], max[16], full[16], ends[11] = "";
		snprintf(id, sizeof id, "%lld", (long long)b[i].id);
		snprintf(ten, sizeof ten, "%d", b[i].tenants);
		snprintf(max, sizeof max, "%d", b[i].max_tenants);
		snprintf(full, sizeof full, "%d", b[i].full);
		if (b[i].term_ends)
			fh_clock_format_date(b[i].term_ends, ends, sizeof ends);
		fh_table_row(&t,
			     (const char *[]){ id, b[i].hub_code, b[i].name, b[i].secretary, ten, max, full,
					       b[i].founded, b[i].elected, ends, NULL });
	}
	fh_table_print(&t, stdout, format);
	fh_table_free(&t);
}

int fh_cmd_branch_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t hub;
	int rc = fh_cli_hub(o, s, by, &hub);
	if (rc >= 0)
		return rc;
	fh_branch *rows;
	size_t n;
	fh_error err;
	if (fh_branch_list(s, by, hub, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	print_branches(rows, n, o->format);
	free(rows);
	return 0;
}

static int branch_save(struct fh_opts *o, fh_store *s, const fh_actor *by, bool add)
{
	fh_branch b = { 0 };
	fh_error err;
	if (add) {
		if (!o->tf[FH_TF_NAME])
			return fh_cli_usage_error("%s", _("branch add takes --name NAME"));
		int64_t hub;
		int rc = fh_cli_hub(o, s, by, &hub);
		if (rc >= 0)
			return rc;
		b.hub_id = hub;
	} else {
		if (!fh_cli_id(o->pos[2], &b.id))
			return fh_cli_usage_error("%s", _("branch edit takes a branch number"));
		if (fh_branch_get(s, by, b.id, &b, &err) != FH_OK)
			return fh_cli_report(&err);
	}
	const struct {
		const char *val;
		char *dst;
		size_t size;
	} set[] = {
		{ o->tf[FH_TF_NAME], b.name, sizeof b.name },
		{ o->pf[FH_PF_SECRETARY], b.secretary, sizeof b.secretary },
		{ o->tf[FH_TF_FOUNDED], b.founded, sizeof b.founded },
		{ o->pf[FH_PF_ELECTED], b.elected, sizeof b.elected },
	};
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++) {
		if (!set[i].val)
			continue;
		if (strlen(set[i].val) >= set[i].size) {
			err = (fh_error){ .code = FH_EINVAL };
			snprintf(err.message, sizeof err.message, _("'%s' is too long"), set[i].val);
			return fh_cli_report(&err);
		}
		snprintf(set[i].dst, set[i].size, "%s", set[i].val);
	}
	if (fh_branch_save(s, by, &b, &err) != FH_OK)
		return fh_cli_report(&err);
	print_branches(&b, 1, o->format);
	return 0;
}

int fh_cmd_branch_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return branch_save(o, s, by, true);
}

int fh_cmd_branch_edit(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	return branch_save(o, s, by, false);
}
