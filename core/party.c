/* fuhua core — the Party record of a tenant and its rules. Joint branches
 * are in party_branch.c, members by name in party_member.c, the sync checks
 * in party_sync.c, coverage and the lists in party_report.c. */
#include "fuhua/party.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "party_int.h"
#include "store_int.h"
#include "tenant_int.h"

/* ---- rules ------------------------------------------------------------------ */

unsigned fh_party_forms_mask(const char *list)
{
	unsigned mask = 0;
	char buf[128];
	snprintf(buf, sizeof buf, "%s", list ? list : "");
	for (char *save = NULL, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		fh_party_org f;
		if (fh_party_org_parse(w, &f))
			mask |= 1u << f;
	}
	return mask;
}

void fh_party_forms_text(unsigned mask, char *out, size_t size)
{
	size_t used = 0;
	out[0] = 0;
	for (int f = 0; f < FH_PARTY_ORG_COUNT && used < size; f++)
		if (mask & 1u << f)
			used += (size_t)snprintf(out + used, size - used, "%s%s", used ? "," : "",
						 fh_party_org_name((fh_party_org)f));
}

static void rules_read(fh_stmt *q, void *out)
{
	fh_party_rules *r = out;
	r->nrefs = 0;
	r->branch_min_members = fh_column_int(q, 0);
	r->committee_term_years = fh_column_int(q, 1);
	r->joint_max_tenants = fh_column_int(q, 2);
	r->registration_days = fh_column_int(q, 3);
	int m = 5, d = 31;
	sscanf(fh_column_str(q, 4), "%d-%d", &m, &d);
	r->annual_deadline = m * 100 + d;
	r->org_forms = fh_party_forms_mask(fh_column_str(q, 5));
	r->instructor_required = fh_column_int(q, 6) != 0;
}

fh_status fh_party_rules_load(fh_store *s, int64_t hub, fh_party_rules *r, fh_error *err)
{
	return fh_store_hub_row(
		s,
		"SELECT branch_min_members, committee_term_years, joint_max_tenants, sync_registration_days,"
		" sync_annual_deadline, coverage_org_forms, instructor_required FROM hubs WHERE id = ?1",
		hub, rules_read, r, err);
}

int64_t fh_party_term_end_day(int years, int64_t began)
{
	return fh_clock_add_months(began, years * 12);
}

int64_t fh_party_term_end(const fh_party_rules *r, const char *elected)
{
	if (!elected || !elected[0])
		return 0;
	return fh_party_term_end_day(r->committee_term_years, fh_date_epoch(elected));
}

void fh_party_evaluate(const fh_party_rules *r, const fh_party *p, int64_t today, fh_party_state *out)
{
	memset(out, 0, sizeof *out);
	out->org_covered = (r->org_forms & 1u << p->form) != 0;
	out->work_covered = out->org_covered || (p->fallback && p->instructor_id);
	out->separate = p->form == FH_PARTY_FUNCTIONAL || p->form == FH_PARTY_EXTENDED;
	out->should_branch = p->full >= r->branch_min_members && p->form != FH_PARTY_BRANCH;
	if (p->form == FH_PARTY_BRANCH)
		out->term_ends = fh_party_term_end(r, p->elected[0] ? p->elected : p->founded);
	out->reelection_due = out->term_ends && today >= out->term_ends;
}

/* ---- fields ------------------------------------------------------------------- */

/* key: the field as errors name it ("party.founded": the tenant has a
 * founding date too) */
static const struct {
	const char *id, *en, *zh, *key;
} fields[FH_PF_COUNT] = {
	[FH_PF_FORM] = { "form", "Party organisation", "党组织形式", "party.form" },
	[FH_PF_FULL] = { "full_members", "Full members", "正式党员", "party.full_members" },
	[FH_PF_PROBATIONARY] = { "probationary", "Probationary members", "预备党员", "party.probationary" },
	[FH_PF_APPLICANTS] = { "applicants", "Applicants", "入党申请人", "party.applicants" },
	[FH_PF_ACTIVISTS] = { "activists", "Activists", "入党积极分子", "party.activists" },
	[FH_PF_RELATIONS_HERE] = { "relations_here", "Relations held here", "组织关系在本组织",
				   "party.relations_here" },
	[FH_PF_BRANCH] = { "branch", "Joint branch", "所属联合党支部", "party.branch" },
	[FH_PF_FOUNDED] = { "founded", "Founded", "党组织成立日期", "party.founded" },
	[FH_PF_ELECTED] = { "elected", "Committee elected", "上次换届日期", "party.elected" },
	[FH_PF_SECRETARY] = { "secretary", "Secretary", "党组织书记", "party.secretary" },
	[FH_PF_SECRETARY_IN_MGMT] = { "secretary_in_mgmt", "Secretary in management", "书记交叉任职",
				      "party.secretary_in_mgmt" },
	[FH_PF_FALLBACK] = { "fallback", "Fallback by the hub's branch", "兜底管理", "party.fallback" },
	[FH_PF_INSTRUCTOR] = { "instructor", "Instructor or liaison", "党建指导员/联络员", "party.instructor" },
	[FH_PF_APPOINTED] = { "appointed", "Appointed", "选派日期", "party.appointed" },
	[FH_PF_REASON] = { "reason", "Why no organisation", "未建组织原因", "party.reason" },
};

const char *fh_party_field_name(fh_party_field f)
{
	return (unsigned)f < FH_PF_COUNT ? fields[f].id : NULL;
}

const char *fh_party_field_label(fh_party_field f, bool zh)
{
	if ((unsigned)f >= FH_PF_COUNT)
		return NULL;
	return zh ? fields[f].zh : fields[f].en;
}

bool fh_party_field_lookup(const char *name, fh_party_field *out)
{
	char id[64];
	snprintf(id, sizeof id, "%s", strncmp(name, "party.", 6) == 0 ? name + 6 : name);
	for (char *c = id; *c; c++)
		if (*c == '-')
			*c = '_';
	for (int f = 0; f < FH_PF_COUNT; f++)
		if (strcmp(id, fields[f].id) == 0 || strcmp(name, fields[f].zh) == 0) {
			*out = (fh_party_field)f;
			return true;
		}
	return false;
}

static fh_status bad(fh_error *err, fh_party_field f, const char *why, const char *text)
{
	return fh_error_set(err, FH_EINVAL, fields[f].key, why, text);
}

static fh_status set_count(int *dst, fh_party_field f, const char *text, fh_error *err)
{
	long long v = 0;
	fh_status st = text[0] ? fh_int_take(fields[f].key, text, 0, FH_TENANT_PEOPLE_MAX, &v, err) : FH_OK;
	if (st == FH_OK)
		*dst = (int)v;
	return st;
}

static fh_status set_id(int64_t *dst, fh_party_field f, const char *text, fh_error *err)
{
	long long v = 0;
	fh_status st = text[0] ? fh_int_take(fields[f].key, text, 1, FH_ID_MAX, &v, err) : FH_OK;
	if (st == FH_OK)
		*dst = v;
	return st;
}

static fh_status set_date(char dst[11], fh_party_field f, const char *text, fh_error *err)
{
	if (!text[0]) {
		dst[0] = 0;
		return FH_OK;
	}
	return fh_date_take(fields[f].key, text, dst, NULL, err);
}

static fh_status set_bool(bool *dst, fh_party_field f, const char *text, fh_error *err)
{
	static const char *const yes[] = { "yes", "true", "1", "是", "y", NULL };
	static const char *const no[] = { "no", "false", "0", "否", "n", "", NULL };
	for (int i = 0; yes[i]; i++)
		if (strcmp(text, yes[i]) == 0 || strcmp(text, _("yes")) == 0) {
			*dst = true;
			return FH_OK;
		}
	for (int i = 0; no[i]; i++)
		if (strcmp(text, no[i]) == 0 || strcmp(text, _("no")) == 0) {
			*dst = false;
			return FH_OK;
		}
	return bad(err, f, _("'%s' is neither yes nor no"), text);
}

static fh_status set_words(char *dst, size_t size, size_t max, fh_party_field f, const char *text, fh_error *err)
{
	return fh_text_field_take(dst, size, max, text, false, true, fields[f].key, err);
}

fh_status fh_party_set(fh_party *p, fh_party_field f, const char *text, fh_error *err)
{
	char t[FH_PARTY_REASON_MAX * 4 + 8];
	if (!text)
		text = "";
	if (strlen(text) >= sizeof t)
		return fh_error_set(err, FH_EINVAL, (unsigned)f < FH_PF_COUNT ? fields[f].key : NULL, "%s",
				    _("is too long"));
	fh_text_trim(t, sizeof t, text);
	switch (f) {
	case FH_PF_FORM: {
		fh_party_org form;
		if (!t[0]) {
			p->form = FH_PARTY_NONE;
			return FH_OK;
		}
		if (!fh_party_org_parse(t, &form))
			return bad(
				err, f,
				_("'%s' is not a form of party organisation (none, branch, joint branch, functional, extended; fallback is a field of its own)"),
				t);
		p->form = form;
		return FH_OK;
	}
	case FH_PF_FULL: return set_count(&p->full, f, t, err);
	case FH_PF_PROBATIONARY: return set_count(&p->probationary, f, t, err);
	case FH_PF_APPLICANTS: return set_count(&p->applicants, f, t, err);
	case FH_PF_ACTIVISTS: return set_count(&p->activists, f, t, err);
	case FH_PF_RELATIONS_HERE: return set_count(&p->relations_here, f, t, err);
	case FH_PF_BRANCH: return set_id(&p->branch_id, f, t, err);
	case FH_PF_FOUNDED: return set_date(p->founded, f, t, err);
	case FH_PF_ELECTED: return set_date(p->elected, f, t, err);
	case FH_PF_SECRETARY: return set_words(p->secretary, sizeof p->secretary, FH_PARTY_TEXT_MAX, f, t, err);
	case FH_PF_SECRETARY_IN_MGMT: return set_bool(&p->secretary_in_mgmt, f, t, err);
	case FH_PF_FALLBACK: return set_bool(&p->fallback, f, t, err);
	case FH_PF_INSTRUCTOR: return set_id(&p->instructor_id, f, t, err);
	case FH_PF_APPOINTED: return set_date(p->appointed, f, t, err);
	case FH_PF_REASON: return set_words(p->reason, sizeof p->reason, FH_PARTY_REASON_MAX, f, t, err);
	default: return fh_error_set(err, FH_EINVAL, NULL, "%s", _("no such field"));
	}
}

const char *fh_party_get(const fh_party *p, fh_party_field f, bool ids, bool zh, char *buf, size_t size)
{
	const char *s = "";
	buf[0] = 0;
	switch (f) {
	case FH_PF_FORM: s = ids ? fh_party_org_name(p->form) : fh_party_org_label(p->form, zh); break;
	case FH_PF_FULL: snprintf(buf, size, "%d", p->full); break;
	case FH_PF_PROBATIONARY: snprintf(buf, size, "%d", p->probationary); break;
	case FH_PF_APPLICANTS: snprintf(buf, size, "%d", p->applicants); break;
	case FH_PF_ACTIVISTS: snprintf(buf, size, "%d", p->activists); break;
	case FH_PF_RELATIONS_HERE: snprintf(buf, size, "%d", p->relations_here); break;
	case FH_PF_BRANCH:
		if (ids && p->branch_id)
			snprintf(buf, size, "%lld", (long long)p->branch_id);
		else if (!ids)
			s = p->branch_name;
		break;
	case FH_PF_FOUNDED: s = p->founded; break;
	case FH_PF_ELECTED: s = p->elected; break;
	case FH_PF_SECRETARY: s = p->secretary; break;
	case FH_PF_SECRETARY_IN_MGMT:
	case FH_PF_FALLBACK: {
		bool v = f == FH_PF_FALLBACK ? p->fallback : p->secretary_in_mgmt;
		s = ids ? (v ? "yes" : "no") : v ? (zh ? "是" : "yes") : (zh ? "否" : "no");
		break;
	}
	case FH_PF_INSTRUCTOR:
		if (ids && p->instructor_id)
			snprintf(buf, size, "%lld", (long long)p->instructor_id);
		else if (!ids)
			s = p->instructor;
		break;
	case FH_PF_APPOINTED: s = p->appointed; break;
	case FH_PF_REASON: s = p->reason; break;
	default: break;
	}
	if (!buf[0])
		snprintf(buf, size, "%s", s ? s : "");
	return buf;
}

/* ---- reading ------------------------------------------------------------------ */

#define PARTY_COLS                                                                     \
	"t.id, t.hub_id, h.code, t.name, t.stage, t.party_org, t.party_members,"       \
	" t.party_fallback, t.instructor_id, t.version, p.probationary, p.applicants," \
	" p.activists, p.relations_here, p.branch_id, b.name, p.founded, p.elected,"   \
	" p.secretary, p.secretary_in_mgmt, p.appointed, p.reason, m.name, m.employer"
#define PARTY_FROM                                                                               \
	" FROM tenants t JOIN hubs h ON h.id = t.hub_id LEFT JOIN party p ON p.tenant_id = t.id" \
	" LEFT JOIN party_branches b ON b.id = p.branch_id LEFT JOIN mentors m ON m.id = t.instructor_id"

static void read_row(fh_stmt *q, fh_party *p)
{
	memset(p, 0, sizeof *p);
	p->tenant_id = fh_column_int64(q, 0);
	p->hub_id = fh_column_int64(q, 1);
	fh_column_text(q, 2, p->hub_code, sizeof p->hub_code);
	fh_column_text(q, 3, p->tenant_name, sizeof p->tenant_name);
	fh_stage_parse(fh_column_str(q, 4), &p->stage);
	fh_party_org_parse(fh_column_str(q, 5), &p->form);
	p->full = fh_column_int(q, 6);
	p->fallback = fh_column_int(q, 7) != 0;
	p->instructor_id = fh_column_int64(q, 8);
	p->version = fh_column_int64(q, 9);
	p->probationary = fh_column_int(q, 10);
	p->applicants = fh_column_int(q, 11);
	p->activists = fh_column_int(q, 12);
	p->relations_here = fh_column_int(q, 13);
	p->branch_id = fh_column_int64(q, 14);
	fh_column_text(q, 15, p->branch_name, sizeof p->branch_name);
	fh_column_text(q, 16, p->founded, sizeof p->founded);
	fh_column_text(q, 17, p->elected, sizeof p->elected);
	fh_column_text(q, 18, p->secretary, sizeof p->secretary);
	p->secretary_in_mgmt = fh_column_int(q, 19) != 0;
	fh_column_text(q, 20, p->appointed, sizeof p->appointed);
	fh_column_text(q, 21, p->reason, sizeof p->reason);
	fh_column_text(q, 22, p->instructor, sizeof p->instructor);
	fh_column_text(q, 23, p->employer, sizeof p->employer);
}

fh_status fh_party_load(fh_store *s, int64_t tenant, fh_party *out, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT " PARTY_COLS PARTY_FROM " WHERE t.id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		read_row(q, out);
	fh_reset(q);
	if (rc == FH_ROW)
		return FH_OK;
	if (rc == FH_DONE)
		return fh_error_set(err, FH_ENOTFOUND, "id", _("no tenant no. %lld"), (long long)tenant);
	return fh_store_fail(s, err, _("reading the party record"));
}

fh_status fh_party_get_record(fh_store *s, const fh_actor *actor, int64_t tenant, fh_party *out, fh_error *err)
{
	fh_status st = fh_party_load(s, tenant, out, err);
	if (st == FH_OK && (st = fh_actor_scope(s, actor, out->hub_id, err)) != FH_OK) {
		memset(out, 0, sizeof *out);
		if (st == FH_EDENIED)
			fh_error_set(err, FH_EDENIED, "id", _("tenant no. %lld belongs to a hub outside yours"),
				     (long long)tenant);
	}
	return st;
}

/* ---- the checks ----------------------------------------------------------------- */

#define PROBLEM(field, ...)                                                   \
	do {                                                                  \
		fh_error e_;                                                  \
		fh_error_set(&e_, FH_EINVAL, fields[field].key, __VA_ARGS__); \
		fh_field_errors_add(errs, &e_);                               \
	} while (0)

/* The joint branch a record names: its hub, name and the other tenants it
 * covers (*hub 0: no such branch). FH_OK, or the database's error. */
static fh_status branch_room(fh_store *s, int64_t branch, int64_t tenant, int64_t *hub, char *name, size_t size,
			     int *others, fh_error *err)
{
	fh_stmt *q;
	*hub = 0;
	fh_status st = fh_store_stmt(
		s,
		"SELECT b.hub_id, b.name, (SELECT count(*) FROM party p JOIN tenants t ON t.id = p.tenant_id"
		"  WHERE p.branch_id = b.id AND t.party_org = 'joint_branch' AND t.id != ?2"
		"  AND t.stage NOT IN ('graduated','exited'))"
		" FROM party_branches b WHERE b.id = ?1",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, branch);
	fh_bind_int64(q, 2, tenant);
	int rc = fh_step(q);
	if (rc == FH_ROW) {
		*hub = fh_column_int64(q, 0);
		fh_column_text(q, 1, name, size);
		*others = fh_column_int(q, 2);
	}
	fh_reset(q);
	return rc == FH_ROW || rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading joint branches"));
}

/* Whether mentor `id` is an instructor (*found), with their name. */
static fh_status instructor_name(fh_store *s, int64_t id, char *name, size_t size, bool *found, fh_error *err)
{
	fh_stmt *q;
	*found = false;
	fh_status st = fh_store_stmt(s, "SELECT name FROM mentors WHERE id = ?1 AND kind = 'instructor'", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, id);
	int rc = fh_step(q);
	if ((*found = rc == FH_ROW))
		fh_column_text(q, 0, name, size);
	fh_reset(q);
	return rc == FH_ROW || rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading instructors"));
}

static void check_dates(const fh_party *p, const char *today, fh_field_errors *errs)
{
	const struct {
		fh_party_field f;
		const char *d;
	} dates[] = { { FH_PF_FOUNDED, p->founded }, { FH_PF_ELECTED, p->elected }, { FH_PF_APPOINTED, p->appointed } };
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
		if (dates[i].d[0] && strcmp(dates[i].d, today) > 0)
			PROBLEM(dates[i].f, _("%s is in the future"), dates[i].d);
	if (p->elected[0] && p->founded[0] && strcmp(p->elected, p->founded) < 0)
		PROBLEM(FH_PF_ELECTED, "%s", _("is before the founding"));
}

bool fh_party_branch_size_ok(const fh_party_rules *r, int full, const char *field, fh_error *err)
{
	if (full >= r->branch_min_members)
		return true;
	fh_error_set(
		err, FH_EINVAL, field,
		_("a branch of its own needs at least %d full members (probationary members do not count); with %d, a joint branch or fallback"),
		r->branch_min_members, full);
	return false;
}

/* ---- members by name ------------------------------------------------------------ */

static const struct {
	const char *id, *en, *zh;
} member_kinds[FH_MEMBER_KIND_COUNT] = {
	[FH_MEMBER_FULL] = { "full", "full member", "正式党员" },
	[FH_MEMBER_PROBATIONARY] = { "probationary", "probationary member", "预备党员" },
	[FH_MEMBER_APPLICANT] = { "applicant", "applicant", "入党申请人" },
	[FH_MEMBER_ACTIVIST] = { "activist", "activist", "入党积极分子" },
};

const char *fh_member_kind_name(fh_member_kind k)
{
	return (unsigned)k < FH_MEMBER_KIND_COUNT ? member_kinds[k].id : NULL;
}

const char *fh_member_kind_label(fh_member_kind k, bool zh)
{
	return (unsigned)k < FH_MEMBER_KIND_COUNT ? (zh ? member_kinds[k].zh : member_kinds[k].en) : NULL;
}

bool fh_member_kind_parse(const char *s, fh_member_kind *out)
{
	for (int i = 0; s && i < FH_MEMBER_KIND_COUNT; i++)
		if (strcmp(s, member_kinds[i].id) == 0 || strcmp(s, member_kinds[i].zh) == 0) {
			*out = (fh_member_kind)i;
			return true;
		}
	return false;
}

fh_status fh_party_named_counts(fh_store *s, int64_t tenant, int named[FH_MEMBER_KIND_COUNT], int *here, fh_error *err)
{
	fh_stmt *q;
	*here = 0;
	fh_status st = fh_store_stmt(s,
				     "SELECT kind, count(*), sum(relation_here) FROM party_people"
				     " WHERE tenant_id = ?1 GROUP BY kind",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		fh_member_kind k;
		if (!fh_member_kind_parse(fh_column_str(q, 0), &k))
			continue;
		named[k] = fh_column_int(q, 1);
		if (k == FH_MEMBER_FULL)
			*here = fh_column_int(q, 2);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading party members"));
}

/* The module table's hook: a tenant's own branch (the organisation track's
 * form field) needs the hub's least number of full members. */
fh_status fh_party_check_tenant(fh_store *s, const fh_tenant *t, fh_field_errors *errs, fh_error *err)
{
	if (t->party_org != FH_PARTY_BRANCH)
		return FH_OK;
	fh_party_rules r;
	fh_error small;
	fh_status st = fh_party_rules_load(s, t->hub_id, &r, err);
	if (st == FH_OK &&
	    !fh_party_branch_size_ok(&r, t->party_members, fh_tenant_field_name(FH_TF_PARTY_MEMBERS), &small))
		fh_field_errors_add(errs, &small);
	return st;
}

/* The form of organisation: a branch of its own, a joint branch with room
 * in the tenant's hub, fallback only without either. Problems go to errs;
 * the return is the database's (a branch that cannot be read refuses). */
static fh_status check_form(fh_store *s, const fh_party *p, const fh_party_rules *r, fh_field_errors *errs,
			    fh_error *err)
{
	if ((unsigned)p->form >= FH_PARTY_ORG_COUNT)
		PROBLEM(FH_PF_FORM, "%s", _("is not a form of party organisation"));
	if (p->form == FH_PARTY_BRANCH) {
		fh_error e;
		if (!fh_party_branch_size_ok(r, p->full, fields[FH_PF_FULL].key, &e))
			fh_field_errors_add(errs, &e);
		if (!p->founded[0])
			PROBLEM(FH_PF_FOUNDED, "%s", _("is required for a branch"));
		if (!p->secretary[0])
			PROBLEM(FH_PF_SECRETARY, "%s", _("is required for a branch"));
	}
	if (p->form == FH_PARTY_JOINT_BRANCH && !p->branch_id)
		PROBLEM(FH_PF_BRANCH, "%s", _("name the joint branch (fuhua branch list)"));
	else if (p->form == FH_PARTY_JOINT_BRANCH && s) {
		int64_t hub = 0;
		int others = 0;
		char name[FH_PARTY_TEXT_MAX * 4 + 1];
		fh_status st = branch_room(s, p->branch_id, p->tenant_id, &hub, name, sizeof name, &others, err);
		if (st != FH_OK)
			return st;
		if (!hub)
			PROBLEM(FH_PF_BRANCH, _("no joint branch no. %lld"), (long long)p->branch_id);
		else if (hub != p->hub_id)
			PROBLEM(FH_PF_BRANCH, _("%s belongs to another hub"), name);
		else if (others >= r->joint_max_tenants)
			PROBLEM(FH_PF_BRANCH,
				_("%s already covers %d tenants, the most one joint branch may (party.joint_max_tenants)"),
				name, others);
	}
	if (p->fallback && (p->form == FH_PARTY_BRANCH || p->form == FH_PARTY_JOINT_BRANCH))
		PROBLEM(FH_PF_FALLBACK, "%s", _("a tenant with its own or a joint branch is not under fallback"));
	else if (p->fallback && !p->reason[0])
		PROBLEM(FH_PF_REASON, "%s", _("is required under fallback (why no organisation of its own)"));
	return FH_OK;
}

/* The counts: relations held here within the full members, and never fewer
 * than the members named (who cannot be counted: refused). */
static fh_status check_counts(fh_store *s, const fh_party *p, fh_field_errors *errs, fh_error *err)
{
	if (p->relations_here > p->full)
		PROBLEM(FH_PF_RELATIONS_HERE, _("%d relations held here, but only %d full members"), p->relations_here,
			p->full);
	int named[FH_MEMBER_KIND_COUNT] = { 0 }, named_here = 0;
	fh_status st;
	if (s && p->tenant_id && (st = fh_party_named_counts(s, p->tenant_id, named, &named_here, err)) != FH_OK)
		return st;
	const int counts[FH_MEMBER_KIND_COUNT] = { p->full, p->probationary, p->applicants, p->activists };
	static const fh_party_field count_field[FH_MEMBER_KIND_COUNT] = {
		FH_PF_FULL,
		FH_PF_PROBATIONARY,
		FH_PF_APPLICANTS,
		FH_PF_ACTIVISTS,
	};
	for (int k = 0; k < FH_MEMBER_KIND_COUNT; k++)
		if (counts[k] < named[k])
			PROBLEM(count_field[k], _("%d are named (fuhua party member list); the count cannot be fewer"),
				named[k]);
	if (p->relations_here < named_here)
		PROBLEM(FH_PF_RELATIONS_HERE,
			_("%d named full members hold their relation here; the count cannot be fewer"), named_here);
	return FH_OK;
}

fh_status fh_party_validate(fh_store *s, const fh_party *p, fh_field_errors *errs_out, fh_error *err)
{
	fh_field_errors local;
	local.n = 0; /* 25 KB: only what is added is read */
	fh_field_errors *errs = errs_out ? errs_out : &local;
	size_t before = errs->n;
	fh_party_rules r;
	fh_party_rules_defaults(&r); /* a record not yet in a hub */
	char today[11], who[FH_PARTY_TEXT_MAX * 4 + 1];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);
	fh_status st;
	bool found = true;
	if ((s && p->hub_id && (st = fh_party_rules_load(s, p->hub_id, &r, err)) != FH_OK) ||
	    (st = check_counts(s, p, errs, err)) != FH_OK || (st = check_form(s, p, &r, errs, err)) != FH_OK ||
	    (p->instructor_id && s &&
	     (st = instructor_name(s, p->instructor_id, who, sizeof who, &found, err)) != FH_OK))
		return st;
	if (!found)
		PROBLEM(FH_PF_INSTRUCTOR, _("no instructor no. %lld"), (long long)p->instructor_id);
	if (p->appointed[0] && !p->instructor_id)
		PROBLEM(FH_PF_APPOINTED, "%s", _("is set but there is no instructor"));
	if (p->secretary_in_mgmt && !p->secretary[0])
		PROBLEM(FH_PF_SECRETARY_IN_MGMT, "%s", _("is set but there is no secretary"));
	check_dates(p, today, errs);
	if (errs->n == before)
		return FH_OK;
	if (err)
		*err = errs->e[before];
	return FH_EINVAL;
}

/* ---- writing -------------------------------------------------------------------- */

static void to_json(fh_buf *b, const fh_party *p, const fh_party *other)
{
	char v[FH_PARTY_REASON_MAX * 4 + 8], w[sizeof v];
	bool first = true;
	fh_buf_puts(b, "{");
	for (int f = 0; f < FH_PF_COUNT; f++) {
		fh_party_get(p, (fh_party_field)f, true, false, v, sizeof v);
		if (other && strcmp(v, fh_party_get(other, (fh_party_field)f, true, false, w, sizeof w)) == 0)
			continue;
		fh_buf_printf(b, "%s\"party.%s\":", first ? "" : ",", fields[f].id);
		fh_buf_json_string(b, v);
		first = false;
	}
	fh_buf_puts(b, "}");
}

fh_status fh_party_write(fh_store *s, const fh_actor *actor, const fh_party *p, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(
		s,
		"UPDATE tenants SET party_org = ?2, party_members = ?3, party_fallback = ?4,"
		" instructor_id = ?5, version = version + 1, updated_at = ?6, updated_by = ?7 WHERE id = ?1",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, p->tenant_id);
	fh_bind_static(q, 2, fh_party_org_name(p->form), -1);
	fh_bind_int(q, 3, p->full);
	fh_bind_int(q, 4, p->fallback);
	if (p->instructor_id)
		fh_bind_int64(q, 5, p->instructor_id);
	fh_bind_int64(q, 6, fh_clock_now());
	fh_bind_str(q, 7, actor->name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fh_store_fail(s, err, _("saving the party record"));
	if ((st = fh_store_stmt(s,
				"INSERT OR REPLACE INTO party(tenant_id, probationary, applicants, activists,"
				" relations_here, branch_id, founded, elected, secretary, secretary_in_mgmt, appointed,"
				" reason) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
				&q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, p->tenant_id);
	fh_bind_int(q, 2, p->probationary);
	fh_bind_int(q, 3, p->applicants);
	fh_bind_int(q, 4, p->activists);
	fh_bind_int(q, 5, p->relations_here);
	if (p->branch_id)
		fh_bind_int64(q, 6, p->branch_id);
	fh_bind_text(q, 7, p->founded);
	fh_bind_text(q, 8, p->elected);
	fh_bind_text(q, 9, p->secretary);
	fh_bind_int(q, 10, p->secretary_in_mgmt);
	fh_bind_text(q, 11, p->appointed);
	fh_bind_text(q, 12, p->reason);
	rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("saving the party record"));
}

/* Checked inside the write lock: two terminals filling a joint branch's
 * last place give one success and one refusal. */
static fh_status save_locked(fh_store *s, const fh_actor *actor, fh_party *p, fh_field_errors *errs, int64_t *version,
			     fh_error *err)
{
	fh_party cur;
	fh_tenant was;
	fh_status st = fh_party_get_record(s, actor, p->tenant_id, &cur, err);
	if (st != FH_OK || (st = fh_store_check_version(s, "tenants", p->tenant_id, p->version, err)) != FH_OK ||
	    (st = fh_tenant_load(s, p->tenant_id, &was, err)) != FH_OK)
		return st;
	p->hub_id = cur.hub_id;
	if (p->form != FH_PARTY_JOINT_BRANCH)
		p->branch_id = 0; /* a tenant leaves its joint branch with the form */
	if ((st = fh_party_validate(s, p, errs, err)) != FH_OK || (st = fh_party_write(s, actor, p, err)) != FH_OK)
		return st;
	fh_buf o = FH_BUF_INIT, n = FH_BUF_INIT;
	to_json(&o, &cur, p);
	to_json(&n, p, &cur);
	st = fh_audit_write(s, actor, cur.hub_id, "tenant", p->tenant_id, "party", fh_buf_str(&o), fh_buf_str(&n), err);
	fh_buf_free(&o);
	fh_buf_free(&n);
	*version = cur.version + 1;
	if (st != FH_OK)
		return st;
	/* the organisation, the instructor or covered work may prove a milestone */
	fh_tenant now = was;
	now.party_org = p->form;
	now.party_members = p->full;
	now.party_fallback = p->fallback;
	now.instructor_id = p->instructor_id;
	now.version = *version;
	return fh_tenant_changed(s, &(struct fh_tenant_change){ actor, &was, &now, fh_clock_now(), NULL }, err);
}

fh_status fh_party_save(fh_store *s, const fh_actor *actor, fh_party *p, fh_field_errors *errs, fh_error *err)
{
	int64_t version = 0;
	fh_status st = fh_tx_begin(s, err);
	if (st == FH_OK)
		st = fh_tx_end(s, save_locked(s, actor, p, errs, &version, err), err);
	if (st != FH_OK)
		return st;
	p->version = version;
	return fh_party_load(s, p->tenant_id, p, err);
}

/* ---- the hub's party rules ------------------------------------------------------ */

/* The module's own schema (modules.h): what it adds to the database after
 * the store's migration 12, one step at the end for each change, each run
 * once. */
const char *const fh_party_schema[] = {
	/* 1: the sync checks due in a period (fh_party_sync_totals) as a range */
	"CREATE INDEX party_sync_due ON party_sync(due, done_on, tenant_id);",
	NULL,
};

fh_status fh_party_write_rules(fh_store *s, int64_t hub, const fh_rules *rules, fh_error *err)
{
	const fh_party_rules *r = &rules->dual;
	fh_stmt *q;
	char forms[128], deadline[8];
	fh_status st = fh_store_stmt(
		s,
		"UPDATE hubs SET branch_min_members = ?2, instructor_required = ?3, committee_term_years = ?4,"
		" joint_max_tenants = ?5, sync_registration_days = ?6, sync_annual_deadline = ?7,"
		" coverage_org_forms = ?8 WHERE id = ?1",
		&q, err);
	if (st != FH_OK)
		return st;
	fh_party_forms_text(r->org_forms, forms, sizeof forms);
	snprintf(deadline, sizeof deadline, "%02d-%02d", r->annual_deadline / 100 % 100, r->annual_deadline % 100);
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, r->branch_min_members);
	fh_bind_int(q, 3, r->instructor_required);
	fh_bind_int(q, 4, r->committee_term_years);
	fh_bind_int(q, 5, r->joint_max_tenants);
	fh_bind_int(q, 6, r->registration_days);
	fh_bind_str(q, 7, deadline);
	fh_bind_str(q, 8, forms);
	if ((st = fh_store_done(s, q, _("saving hub rules"), err)) != FH_OK ||
	    (st = fh_store_stmt(s, "DELETE FROM hub_references WHERE hub_id = ?1", &q, err)) != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	st = fh_store_done(s, q, _("saving hub rules"), err);
	for (size_t i = 0; st == FH_OK && i < r->nrefs; i++) {
		if ((st = fh_store_stmt(s,
					"INSERT INTO hub_references(hub_id, seq, name, org_rate, work_rate)"
					" VALUES(?1, ?2, ?3, ?4, ?5)",
					&q, err)) != FH_OK)
			return st;
		fh_bind_int64(q, 1, hub);
		fh_bind_int64(q, 2, (int64_t)i);
		fh_bind_str(q, 3, r->refs[i].name);
		fh_bind_double(q, 4, r->refs[i].org);
		if (r->refs[i].work >= 0)
			fh_bind_double(q, 5, r->refs[i].work);
		st = fh_store_done(s, q, _("saving hub rules"), err);
	}
	return st;
}

void fh_party_describe_rules(fh_buf *b, const fh_rules *rules)
{
	const fh_party_rules *r = &rules->dual;
	fh_buf_printf(b, "|p:%d:%d:%d:%d:%d:%d:%u", r->branch_min_members, r->instructor_required,
		      r->committee_term_years, r->joint_max_tenants, r->registration_days, r->annual_deadline,
		      r->org_forms);
	for (size_t i = 0; i < r->nrefs; i++)
		fh_buf_printf(b, "|r:%s:%g:%g", r->refs[i].name, r->refs[i].org, r->refs[i].work);
}
