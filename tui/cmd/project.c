/* fuhua tui — the project subcommands: projects and their funds, states,
 * payments and evaluations. The rules are the project module's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "fuhua/project.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

static bool ids(enum fh_format f)
{
	return !fh_format_for_people(f);
}

/* The options a project's fields come from, over what *p holds: 0 to go
 * on, else the exit status after a usage error. */
static int fields_from(const struct fh_opts *o, fh_project *p)
{
	fh_error err;
	char msg[700];
	if (o->funder)
		snprintf(p->funder, sizeof p->funder, "%s", o->funder);
	if (o->category)
		snprintf(p->category, sizeof p->category, "%s", o->category);
	if (o->batch)
		snprintf(p->batch, sizeof p->batch, "%s", o->batch);
	if (o->title)
		snprintf(p->title, sizeof p->title, "%s", o->title);
	long year = fh_cli_number("--year", o->year, 2000, 2100, p->year);
	long target = fh_cli_number("--target", o->target, 0, 100000000, p->target_served);
	if (year < 0 || target < 0)
		return 2;
	p->year = (int)year;
	p->target_served = (int)target;
	if (o->granted && fh_yuan_take("--granted", o->granted, FH_YUAN_MAX_FEN, &p->granted, &err) != FH_OK)
		return fh_cli_usage_error("%s", fh_error_text(&err, msg, sizeof msg));
	int64_t from = 0, to = 0;
	if (!fh_cli_day("--from", o->from, &from) || !fh_cli_day("--to", o->to, &to))
		return 2;
	if (from)
		p->start_on = from;
	if (to)
		p->end_on = to;
	return 0;
}

int fh_cmd_project_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_project p = { .state = FH_PROJECT_APPLIED };
	char d[16];
	p.year = atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d));
	if (!fh_cli_id(o->pos[2], &p.tenant_id))
		return fh_cli_usage_error("%s", _("project add takes a tenant's number"));
	if (!o->kind || !fh_project_kind_parse(o->kind, &p.kind))
		return fh_cli_usage_error(_("--kind is venture_grant, service_contract, subsidy or other, not '%s'"),
					  o->kind ? o->kind : "");
	if (o->state && !fh_project_state_parse(o->state, &p.state))
		return fh_cli_usage_error(_("--state is applied, approved or running, not '%s'"), o->state);
	int rc = fields_from(o, &p);
	if (rc)
		return rc;
	int64_t id;
	fh_error err;
	if (fh_project_add(s, by, &p, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("project %lld recorded\n"), (long long)id);
	return 0;
}

int fh_cmd_project_edit(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	fh_project p;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("project edit takes a project's number"));
	if (fh_project_get(s, by, id, &p, &err) != FH_OK)
		return fh_cli_report(&err);
	int rc = fields_from(o, &p);
	if (rc)
		return rc;
	if (fh_project_edit(s, by, &p, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("project %lld changed\n"), (long long)id);
	return 0;
}

int fh_cmd_project_move(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id, on;
	fh_project_state to;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("project move takes a project's number and a state"));
	if (!fh_project_state_parse(o->pos[3], &to) || to == FH_PROJECT_APPLIED || to == FH_PROJECT_EVALUATED)
		return fh_cli_usage_error(_("a project moves to approved, running, closed or refused, not '%s'"),
					  o->pos[3]);
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	if (fh_project_set_state(s, by, id, to, on, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("project %lld is now %s\n"), (long long)id, fh_label_project_state(to));
	return 0;
}

int fh_cmd_project_evaluate(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id, on;
	fh_project_grade grade = FH_GRADE_NONE;
	double score = 0;
	fh_error err;
	char msg[700];
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("project evaluate takes a project's number"));
	if (!o->grade || !fh_project_grade_parse(o->grade, &grade))
		return fh_cli_usage_error("%s", _("project evaluate needs --grade excellent, good, pass or fail"));
	if (o->score && fh_decimal_take("--score", o->score, 0, 100, 1, &score, &err) != FH_OK)
		return fh_cli_usage_error("%s", fh_error_text(&err, msg, sizeof msg));
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	if (fh_project_evaluate(s, by, id, grade, score, on, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("project %lld evaluated: %s\n"), (long long)id, fh_label_project_grade(grade));
	return 0;
}

int fh_cmd_project_pay(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id, on, fen, payment;
	fh_error err;
	char msg[700], amount[24];
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("project pay takes a project's number and an amount in yuan"));
	if (fh_yuan_take("YUAN", o->pos[3], FH_YUAN_MAX_FEN, &fen, &err) != FH_OK)
		return fh_cli_usage_error("%s", fh_error_text(&err, msg, sizeof msg));
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	if (fh_project_pay(s, by, id, fen, on, o->note ? o->note : "", &payment, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("payment %lld of %s yuan recorded to project %lld\n"), (long long)payment,
	       fh_yuan_format(fen, amount, sizeof amount), (long long)id);
	return 0;
}

static const char *const list_keys[] = { "id",    "hub",   "tenant_id", "tenant", "kind",           "funder", "year",
					 "batch", "title", "granted",   "paid",   "start",          "end",    "state",
					 "grade", "score", "target",    "served", "evaluation_due", NULL };

static void project_row(struct fh_table *t, const fh_project *p, enum fh_format f)
{
	char v[10][32], a[16], b[16], c[16];
	snprintf(v[0], sizeof v[0], "%lld", (long long)p->id);
	snprintf(v[1], sizeof v[1], "%lld", (long long)p->tenant_id);
	snprintf(v[2], sizeof v[2], "%d", p->year);
	fh_yuan_format(p->granted, v[3], sizeof v[3]);
	fh_yuan_format(p->paid, v[4], sizeof v[4]);
	snprintf(v[5], sizeof v[5], p->grade ? "%.1f" : "", p->score);
	snprintf(v[6], sizeof v[6], "%d", p->target_served);
	snprintf(v[7], sizeof v[7], "%lld", (long long)p->served);
	fh_table_row(t,
		     (const char *[]){ v[0],
				       p->hub_code,
				       v[1],
				       p->tenant,
				       ids(f) ? fh_project_kind_name(p->kind) : fh_label_project_kind(p->kind),
				       p->funder,
				       v[2],
				       p->batch,
				       p->title,
				       v[3],
				       v[4],
				       fh_cli_date(p->start_on, a),
				       fh_cli_date(p->end_on, b),
				       ids(f) ? fh_project_state_name(p->state) : fh_label_project_state(p->state),
				       ids(f) ? fh_project_grade_name(p->grade) : fh_label_project_grade(p->grade),
				       v[5],
				       v[6],
				       v[7],
				       fh_cli_date(p->evaluation_due, c),
				       NULL });
}

static void project_table(struct fh_table *t)
{
	fh_table_init(
		t, list_keys,
		(const char *[]){
			_("No."),         _("Hub"),      _("Tenant no."), _("Tenant"),         _("Kind"),
			_("Funder"),      _("Year"),     _("Batch"),      _("Title"),          _("Granted (yuan)"),
			_("Paid (yuan)"), _("Start"),    _("End"),        _("State"),          _("Grade"),
			_("Score"),       _("To serve"), _("Served"),     _("Evaluation due"), NULL });
	t->numeric = 1u | 1u << 2 | 1u << 6 | 1u << 9 | 1u << 10 | 1u << 15 | 1u << 16 | 1u << 17;
}

int fh_cmd_project_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_project_filter f = { .hub_code = o->hub, .kind = -1, .state = -1, .funder = o->funder };
	fh_project_kind kind;
	fh_project_state state;
	if (o->tenant && !fh_cli_id(o->tenant, &f.tenant))
		return fh_cli_usage_error(_("--tenant takes a tenant's number, not '%s'"), o->tenant);
	if (o->kind && !fh_project_kind_parse(o->kind, &kind))
		return fh_cli_usage_error(_("--kind is venture_grant, service_contract, subsidy or other, not '%s'"),
					  o->kind);
	if (o->state && !fh_project_state_parse(o->state, &state))
		return fh_cli_usage_error(
			_("--state is applied, approved, running, closed, evaluated or refused, not '%s'"), o->state);
	if (o->past_end && o->evaluation_due)
		return fh_cli_usage_error("%s", _("--past-end or --evaluation-due, not both"));
	long year = fh_cli_number("--year", o->year, 2000, 2100, 0);
	if (year < 0)
		return 2;
	f.kind = o->kind ? (int)kind : -1;
	f.state = o->state ? (int)state : -1;
	f.year = (int)year;
	f.due = o->past_end ? FH_PROJECT_PAST_END : o->evaluation_due ? FH_PROJECT_EVALUATION_DUE : FH_PROJECT_ANY;
	fh_project *rows;
	size_t n;
	fh_error err;
	if (fh_project_list(s, by, &f, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	project_table(&t);
	for (size_t i = 0; i < n; i++)
		project_row(&t, &rows[i], o->format);
	int bad = fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return bad ? 1 : 0;
}

int fh_cmd_project_show(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	fh_project p;
	fh_payment *rows;
	size_t n;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &id))
		return fh_cli_usage_error("%s", _("project show takes a project's number"));
	if (fh_project_get(s, by, id, &p, &err) != FH_OK || fh_project_payments(s, by, id, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	project_table(&t);
	project_row(&t, &p, o->format);
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	if (o->format == FH_FORMAT_TABLE)
		printf("\n%s\n", _("Payments"));
	fh_table_init(
		&t, (const char *[]){ "payment", "project", "on", "amount", "note", "by", NULL },
		(const char *[]){ _("No."), _("Project"), _("Day"), _("Amount (yuan)"), _("Note"), _("By"), NULL });
	t.numeric = 1u | 1u << 1 | 1u << 3;
	for (size_t i = 0; i < n; i++) {
		char a[24], b[24], d[16], amount[24];
		snprintf(a, sizeof a, "%lld", (long long)rows[i].id);
		snprintf(b, sizeof b, "%lld", (long long)rows[i].project_id);
		fh_table_row(&t,
			     (const char *[]){ a, b, fh_cli_date(rows[i].on, d),
					       fh_yuan_format(rows[i].fen, amount, sizeof amount), rows[i].note,
					       rows[i].by, NULL });
	}
	if (o->format != FH_FORMAT_JSON || n) /* JSON: the project alone when nothing was paid */
		fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_project_totals(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char d[16];
	long year =
		fh_cli_number("--year", o->year, 2000, 2100, atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)));
	if (year < 0)
		return 2;
	fh_project_total *rows;
	size_t n;
	fh_error err;
	if (fh_project_totals(s, by, o->hub, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "hub", "kind", "projects", "applied", "approved", "running", "closed",
					"evaluated", "refused", "granted", "paid", "paid_in_year", NULL },
		      (const char *[]){ _("Hub"), _("Kind"), _("Projects"), _("Applied"), _("Approved"), _("Running"),
					_("Closed"), _("Evaluated"), _("Refused"), _("Granted (yuan)"),
					_("Paid (yuan)"), _("Paid in the year"), NULL });
	t.numeric = 0xFFCu;
	fh_project_total sum = { .kind = FH_PROJECT_KIND_COUNT };
	for (size_t i = 0; i <= n; i++) {
		const fh_project_total *r = i < n ? &rows[i] : &sum;
		if (i == n && (n < 2 || ids(o->format)))
			break; /* a total line for people, under more than one row */
		char v[12][32];
		snprintf(v[0], sizeof v[0], "%d", r->projects);
		for (int k = 0; k < FH_PROJECT_STATE_COUNT; k++)
			snprintf(v[1 + k], sizeof v[1 + k], "%d", r->by_state[k]);
		fh_yuan_format(r->granted, v[7], sizeof v[7]);
		fh_yuan_format(r->paid, v[8], sizeof v[8]);
		fh_yuan_format(r->paid_in_year, v[9], sizeof v[9]);
		const char *kind = i == n ? _("all kinds")
			: ids(o->format)  ? fh_project_kind_name(r->kind)
					  : fh_label_project_kind(r->kind);
		fh_table_row(&t,
			     (const char *[]){ i == n ? _("Total") : r->hub_code, kind, v[0], v[1], v[2], v[3], v[4],
					       v[5], v[6], v[7], v[8], v[9], NULL });
		if (i < n) {
			sum.projects += r->projects;
			for (int k = 0; k < FH_PROJECT_STATE_COUNT; k++)
				sum.by_state[k] += r->by_state[k];
			sum.granted += r->granted;
			sum.paid += r->paid;
			sum.paid_in_year += r->paid_in_year;
		}
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}
