/* fuhua tui — the mentoring subcommands: mentors and their pairings,
 * milestones ticked off or waived, sessions, and `remind` for cron. The
 * rules are the milestone and mentor modules', the Mentoring screen's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "fuhua/tenant.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "../common/i18n.h"
#include "../common/labels.h"
#include "../common/table.h"

/* ---- fuhua mentor ---------------------------------------------------------------- */

int fh_cmd_mentor_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_mentor *rows;
	size_t n;
	fh_error err;
	if (fh_mentor_list(s, by, o->hub, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "hub", "name", "expertise", "organization", "phone", "capacity", "load",
					"quiet", "hours_12m", NULL },
		      (const char *[]){ _("No."), _("Hub"), _("Name"), _("Expertise"), _("Organization"), _("Phone"),
					_("Can carry"), _("Carries"), _("Quiet"), _("Hours (12 months)"), NULL });
	t.numeric = 1u | 1u << 6 | 1u << 7 | 1u << 8 | 1u << 9;
	for (size_t i = 0; i < n; i++) {
		char v[5][24];
		snprintf(v[0], sizeof v[0], "%lld", (long long)rows[i].id);
		snprintf(v[1], sizeof v[1], "%d", rows[i].capacity);
		snprintf(v[2], sizeof v[2], "%d", rows[i].load);
		snprintf(v[3], sizeof v[3], "%d", rows[i].quiet);
		snprintf(v[4], sizeof v[4], "%.1f", rows[i].hours);
		fh_table_row(&t,
			     (const char *[]){ v[0], rows[i].hub_code, rows[i].name, rows[i].expertise,
					       rows[i].organization, rows[i].phone, v[1], v[2], v[3], v[4], NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_mentor_pairings(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t mentor = 0, tenant = 0;
	if ((o->npos == 3 && !fh_cli_id(o->pos[2], &mentor)) || (o->tenant && !fh_cli_id(o->tenant, &tenant)))
		return fh_cli_usage_error("%s", _("mentor pairings takes a mentor number, or --tenant ID"));
	fh_pairing *rows;
	size_t n;
	fh_error err;
	if (fh_mentor_pairings(s, by, mentor, tenant, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "mentor_id", "mentor", "tenant_id", "tenant", "since", "last_session",
					"quiet", NULL },
		      (const char *[]){ _("No."), _("Mentor no."), _("Mentor"), _("Tenant no."), _("Tenant"),
					_("Since"), _("Last session"), _("Quiet"), NULL });
	t.numeric = 1u | 1u << 1 | 1u << 3;
	for (size_t i = 0; i < n; i++) {
		char p[24], m[24], te[24], a[16], b[16];
		snprintf(p, sizeof p, "%lld", (long long)rows[i].id);
		snprintf(m, sizeof m, "%lld", (long long)rows[i].mentor_id);
		snprintf(te, sizeof te, "%lld", (long long)rows[i].tenant_id);
		fh_table_row(&t,
			     (const char *[]){ p, m, rows[i].mentor, te, rows[i].tenant, fh_cli_date(rows[i].since, a),
					       fh_cli_date(rows[i].last_session, b),
					       rows[i].quiet ? (o->format == FH_FORMAT_TABLE ? _("yes") : "yes") : "",
					       NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_mentor_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	long cap = fh_cli_number("--capacity", o->capacity, 1, 50, 5);
	if (cap < 0)
		return 2;
	fh_mentor m = { .capacity = (int)cap };
	snprintf(m.name, sizeof m.name, "%s", o->tf[FH_TF_NAME] ? o->tf[FH_TF_NAME] : "");
	snprintf(m.expertise, sizeof m.expertise, "%s", o->expertise ? o->expertise : "");
	snprintf(m.organization, sizeof m.organization, "%s", o->organization ? o->organization : "");
	snprintf(m.phone, sizeof m.phone, "%s", o->tf[FH_TF_PHONE] ? o->tf[FH_TF_PHONE] : "");
	int64_t id;
	fh_error err;
	if (fh_mentor_add(s, by, o->hub, &m, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("mentor %lld: %s\n"), (long long)id, m.name);
	return 0;
}

int fh_cmd_mentor_assign(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t mentor, tenant;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &mentor) || !fh_cli_id(o->pos[3], &tenant))
		return fh_cli_usage_error("%s", _("mentor assign takes a mentor number and a tenant number"));
	if (fh_mentor_assign(s, by, mentor, tenant, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("mentor %lld now mentors tenant %lld\n"), (long long)mentor, (long long)tenant);
	return 0;
}

int fh_cmd_mentor_end(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t pairing, on;
	fh_error err;
	if (!fh_cli_id(o->pos[2], &pairing))
		return fh_cli_usage_error("%s", _("mentor end takes a pairing number (fuhua mentor pairings)"));
	if (!fh_cli_day("--on", o->on, &on))
		return 2;
	if (fh_mentor_end(s, by, pairing, on, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("pairing %lld ended\n"), (long long)pairing);
	return 0;
}

/* ---- fuhua milestone -------------------------------------------------------------- */

static void print_milestones(const fh_milestone *rows, size_t n, enum fh_format format)
{
	bool zh = fh_i18n_is_zh();
	static const char *const states[] = { N_("pending"), N_("done"), N_("waived") };
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "track", "code", "title", "required", "due", "state", "done_on",
					"evidence", "verified_by", NULL },
		      (const char *[]){ _("No."), _("Track"), _("Code"), _("Milestone"), _("Required"), _("Due"),
					_("State"), _("Done"), _("Evidence or reason"), _("By"), NULL });
	t.numeric = 1u;
	for (size_t i = 0; i < n; i++) {
		const fh_milestone *m = &rows[i];
		char id[24], a[16], b[16];
		snprintf(id, sizeof id, "%lld", (long long)m->id);
		bool table = format == FH_FORMAT_TABLE;
		const char *title = !zh && table && m->title_en[0] ? m->title_en : m->title;
		const char *track = table ? (m->party ? _("party") : _("organisation")) : m->party ? "party" : "org";
		const char *state = table ? (m->late ? _("late") : _(states[m->state])) : fh_ms_state_name(m->state);
		const char *req = m->required ? (table ? _("yes") : "yes") : "";
		fh_table_row(&t,
			     (const char *[]){ id, track, m->code, title, req, fh_cli_date(m->due, a), state,
					       fh_cli_date(m->done_on, b), m->evidence, m->verified_by, NULL });
	}
	fh_table_print(&t, stdout, format);
	fh_table_free(&t);
}

/* The milestone or tenant number an operand names: true, else false after
 * the usage error. */
static bool number_arg(const struct fh_opts *o, int64_t *id)
{
	if (fh_cli_id(o->pos[2], id))
		return true;
	fh_cli_usage_error(_("milestone %s takes one number"), o->pos[1]);
	return false;
}

/* After a change: the milestone's state. */
static int say_state(fh_store *s, const fh_actor *by, int64_t id, fh_status st, fh_error *err)
{
	fh_milestone m;
	if (st == FH_OK && (st = fh_milestone_get(s, by, id, &m, err)) == FH_OK)
		printf(_("milestone %lld: %s\n"), (long long)id, fh_ms_state_name(m.state));
	return st == FH_OK ? 0 : fh_cli_report(err);
}

int fh_cmd_milestone_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	fh_error err;
	fh_milestone *rows;
	size_t n;
	if (!number_arg(o, &id))
		return 2;
	if (fh_milestone_list(s, by, id, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	print_milestones(rows, n, o->format);
	free(rows);
	return 0;
}

int fh_cmd_milestone_done(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id, on;
	fh_error err;
	if (!number_arg(o, &id) || !fh_cli_day("--on", o->on, &on))
		return 2;
	return say_state(s, by, id, fh_milestone_done(s, by, id, on, o->evidence, &err), &err);
}

int fh_cmd_milestone_waive(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	fh_error err;
	if (!number_arg(o, &id))
		return 2;
	return say_state(s, by, id, fh_milestone_waive(s, by, id, o->reason, &err), &err);
}

int fh_cmd_milestone_reopen(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	fh_error err;
	if (!number_arg(o, &id))
		return 2;
	return say_state(s, by, id, fh_milestone_reopen(s, by, id, &err), &err);
}

int fh_cmd_milestone_give(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t id;
	int added = 0;
	fh_error err;
	if (!number_arg(o, &id))
		return 2;
	if (fh_milestone_instantiate(s, by, id, &added, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(N3_("%d milestone given\n", "%d milestones given\n", added), added);
	return 0;
}

/* ---- fuhua session ------------------------------------------------------------------ */

int fh_cmd_session_list(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	int64_t mentor = 0, tenant = 0, from, to;
	if (!fh_cli_day("--from", o->from, &from) || !fh_cli_day("--to", o->to, &to))
		return 2;
	if ((o->mentor && !fh_cli_id(o->mentor, &mentor)) || (o->tenant && !fh_cli_id(o->tenant, &tenant)))
		return fh_cli_usage_error("%s", _("--mentor and --tenant take numbers"));
	fh_session *rows;
	size_t n;
	fh_error err;
	if (fh_session_list(s, by, mentor, tenant, from, to ? to + 86400 : 0, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "id", "date", "mentor", "tenant", "hub", "topic", "hours", "milestone", NULL },
		      (const char *[]){ _("No."), _("Date"), _("Mentor"), _("Tenant"), _("Hub"), _("Topic"), _("Hours"),
					_("Milestone"), NULL });
	t.numeric = 1u | 1u << 6;
	double hours = 0;
	for (size_t i = 0; i < n; i++) {
		char id[24], d[16], h[16];
		snprintf(id, sizeof id, "%lld", (long long)rows[i].id);
		snprintf(h, sizeof h, "%.1f", rows[i].hours);
		hours += rows[i].hours;
		fh_table_row(&t,
			     (const char *[]){ id, fh_cli_date(rows[i].on, d), rows[i].mentor, rows[i].tenant,
					       rows[i].hub_code, rows[i].topic, h, rows[i].milestone, NULL });
	}
	int bad = fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	if (o->format == FH_FORMAT_TABLE)
		printf(_("%zu sessions, %.1f hours\n"), n, hours);
	free(rows);
	return bad ? 1 : 0;
}

int fh_cmd_session_totals(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	char d[16];
	long year =
		fh_cli_number("--year", o->year, 2000, 2100, atoi(fh_clock_format_date(fh_clock_now(), d, sizeof d)));
	if (year < 0)
		return 2;
	fh_session_month *rows;
	size_t n;
	fh_error err;
	if (fh_session_totals(s, by, o->hub, (int)year, &rows, &n, &err) != FH_OK)
		return fh_cli_report(&err);
	struct fh_table t;
	fh_table_init(&t, (const char *[]){ "hub", "month", "sessions", "tenants", "hours", NULL },
		      (const char *[]){ _("Hub"), _("Month"), _("Sessions"), _("Tenants"), _("Hours"), NULL });
	t.numeric = 1u << 2 | 1u << 3 | 1u << 4;
	for (size_t i = 0; i < n; i++) {
		char a[16], b[16], c[16];
		snprintf(a, sizeof a, "%d", rows[i].sessions);
		snprintf(b, sizeof b, "%d", rows[i].tenants);
		snprintf(c, sizeof c, "%.1f", rows[i].hours);
		fh_table_row(&t, (const char *[]){ rows[i].hub_code, rows[i].month, a, b, c, NULL });
	}
	fh_table_print(&t, stdout, o->format);
	fh_table_free(&t);
	free(rows);
	return 0;
}

int fh_cmd_session_add(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	fh_session in = { 0 };
	fh_error err;
	if (!fh_cli_day("--on", o->on, &in.on))
		return 2;
	if (!o->mentor || !fh_cli_id(o->mentor, &in.mentor_id) || !o->tenant || !fh_cli_id(o->tenant, &in.tenant_id))
		return fh_cli_usage_error("%s", _("session add needs --mentor and --tenant numbers"));
	if (o->milestone && !fh_cli_id(o->milestone, &in.milestone_id))
		return fh_cli_usage_error(_("--milestone takes a milestone number, not '%s'"), o->milestone);
	if (fh_decimal_take("--hours", o->hours ? o->hours : "", 0.5, 12, 2, &in.hours, &err) != FH_OK)
		return fh_cli_usage_error("%s", fh_error_text(&err, (char[700]){ 0 }, 700));
	snprintf(in.topic, sizeof in.topic, "%s", o->topic ? o->topic : "");
	snprintf(in.notes, sizeof in.notes, "%s", o->tf[FH_TF_NOTES] ? o->tf[FH_TF_NOTES] : "");
	int64_t id;
	if (fh_session_add(s, by, &in, &id, &err) != FH_OK)
		return fh_cli_report(&err);
	printf(_("session %lld recorded\n"), (long long)id);
	return 0;
}

/* ---- fuhua remind -------------------------------------------------------------------- */

/* remind's rows, out as they come */
struct remind {
	struct fh_table *t;
	bool overdue;
	enum fh_format format;
	int rows;
};

static bool remind_row(void *ctx, const fh_due *d)
{
	struct remind *r = ctx;
	char id[24], tid[24], day[16], days[16];
	snprintf(id, sizeof id, "%lld", (long long)d->id);
	snprintf(tid, sizeof tid, "%lld", (long long)d->tenant_id);
	snprintf(days, sizeof days, "%d", d->days);
	bool people = r->format == FH_FORMAT_TABLE;
	const char *kind = people ? (r->overdue ? _("overdue") : _("due")) : r->overdue ? "overdue" : "due";
	const char *track = !d->id ? ""
		: people           ? (d->party ? _("party") : _("organisation"))
		: d->party         ? "party"
				   : "org";
	fh_table_row(r->t,
		     (const char *[]){ kind, d->id ? id : "", tid, d->tenant, d->hub_code, track, d->title,
				       fh_cli_date(d->due, day), days, NULL });
	r->rows++;
	return true;
}

int fh_cmd_remind(struct fh_opts *o, fh_store *s, const fh_actor *by)
{
	long days = fh_cli_number("--days", o->days, 0, 365, -2); /* -2: the hub's lead time */
	if (days == -1)
		return 2;
	fh_error err;
	if (days == -2) {
		int lead[4], nlead;
		if (fh_milestone_lead_days(s, by->hub_id, lead, &nlead, &err) != FH_OK)
			return fh_cli_report(&err);
		days = nlead ? lead[0] : 30;
	}
	struct fh_table t;
	fh_table_init(&t,
		      (const char *[]){ "kind", "milestone_id", "tenant_id", "tenant", "hub", "track", "what", "due",
					"days", NULL },
		      (const char *[]){ _("What"), _("No."), _("Tenant no."), _("Tenant"), _("Hub"), _("Track"),
					_("Milestone"), _("Due"), _("Days"), NULL });
	t.numeric = 1u << 1 | 1u << 2 | 1u << 8;
	/* every row, as it is read: a long list holds no lock for long and
	 * no more than a few thousand rows in memory */
	fh_table_stream(&t, stdout, o->format);
	fh_store_cache_kib(s, FH_STORE_JOB_CACHE_KIB);
	fh_store_announce(s, "remind");
	struct remind late = { &t, true, o->format, 0 }, soon = { &t, false, o->format, 0 };
	fh_status st = fh_milestone_due_walk(s, by, o->hub, true, 0, remind_row, &late, &err);
	if (st == FH_OK)
		st = fh_milestone_due_walk(s, by, o->hub, false, (int)days, remind_row, &soon, &err);
	fh_table_end(&t);
	fh_table_free(&t);
	if (st != FH_OK)
		return fh_cli_report(&err);
	if (o->format == FH_FORMAT_TABLE)
		printf(_("%d overdue, %d due within %ld days\n"), late.rows, soon.rows, days);
	return 0; /* whether or not anything is due: for cron */
}
