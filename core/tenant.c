/* fuhua core — tenants: the record, its fields and their checks. The
 * lifecycle is in lifecycle.c, the list and search in tenant_list.c. */
#include "fuhua/tenant.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fuhua/buf.h"
#include "fuhua/config.h"
#include "fuhua/clock.h"
#include "fuhua/take.h"
#include "fuhua/text.h"
#include "i18n.h"
#include "modules.h"
#include "store_int.h"
#include "tenant_int.h"

/* ---- names and labels: identifier, English, Chinese (the field's own terms) --- */

struct term {
	const char *id, *en, *zh, *alias;
};

static const struct term org_types[FH_ORG_TYPE_COUNT] = {
	{ "social_group", "social group", "社会团体", "社团" },
	{ "service_org", "social service org", "社会服务机构", "民办非企业单位" },
	{ "foundation", "foundation", "基金会", NULL },
	{ "community_org", "community org", "社区社会组织", "备案类社区社会组织" },
};
static const struct term reg_states[FH_REG_STATE_COUNT] = {
	{ "preparing", "preparing", "筹备", "筹备中" },
	{ "registered", "registered", "已登记", "登记" },
	{ "filed", "filed", "已备案", "备案" },
};
static const struct term party_orgs[FH_PARTY_ORG_COUNT] = {
	{ "none", "none", "无", "未建" },
	{ "branch", "branch", "独立党支部", "党支部" },
	{ "joint_branch", "joint branch", "联合党支部", NULL },
	{ "functional", "functional", "功能型党组织", "功能型" },
	{ "extended", "extended", "拓展型党组织", "拓展型" },
};
/* Not a form but written in the same column of spreadsheets: the hub's own
 * branch looks after the members (the party record's fallback flag). */
static const struct term fallback_term = { "fallback", "hub's branch", "兜底管理", "托底" };
static const struct term stages[FH_STAGE_COUNT] = {
	{ "applied", "applied", "申请", NULL },           { "reviewing", "reviewing", "评审", "评审中" },
	{ "incubating", "incubating", "孵化中", "入驻" }, { "graduated", "graduated", "出壳", "已出壳" },
	{ "exited", "exited", "退出", "已退出" },
};

static const char *term_label(const struct term *t, int n, int i, bool zh)
{
	return i >= 0 && i < n ? (zh ? t[i].zh : t[i].en) : NULL;
}

static bool term_parse(const struct term *t, int n, const char *s, int *out)
{
	if (!s)
		return false;
	for (int i = 0; i < n; i++)
		if (strcmp(s, t[i].id) == 0 || strcmp(s, t[i].zh) == 0 || strcasecmp(s, t[i].en) == 0 ||
		    (t[i].alias && strcmp(s, t[i].alias) == 0)) {
			*out = i;
			return true;
		}
	return false;
}

#define TERMS(name, type, table, count)                            \
	const char *fh_##name##_name(type v)                       \
	{                                                          \
		return (unsigned)v < (count) ? table[v].id : NULL; \
	}                                                          \
	const char *fh_##name##_label(type v, bool zh)             \
	{                                                          \
		return term_label(table, (count), (int)v, zh);     \
	}                                                          \
	bool fh_##name##_parse(const char *s, type *out)           \
	{                                                          \
		int i;                                             \
		if (!term_parse(table, (count), s, &i))            \
			return false;                              \
		*out = (type)i;                                    \
		return true;                                       \
	}

TERMS(org_type, fh_org_type, org_types, FH_ORG_TYPE_COUNT)
TERMS(reg_state, fh_reg_state, reg_states, FH_REG_STATE_COUNT)
TERMS(party_org, fh_party_org, party_orgs, FH_PARTY_ORG_COUNT)

const char *fh_party_column(fh_party_org p, bool fallback, bool ids, bool zh)
{
	if (p == FH_PARTY_NONE && fallback)
		return ids ? fallback_term.id : term_label(&fallback_term, 1, 0, zh);
	return ids ? fh_party_org_name(p) : fh_party_org_label(p, zh);
}

const char *fh_stage_label(fh_stage s, bool zh)
{
	return term_label(stages, FH_STAGE_COUNT, (int)s, zh);
}

bool fh_stage_parse_label(const char *s, fh_stage *out)
{
	int i;
	if (!term_parse(stages, FH_STAGE_COUNT, s, &i))
		return false;
	*out = (fh_stage)i;
	return true;
}

/* ---- 统一社会信用代码 ------------------------------------------------------------ */

/* GB 32100-2015: 31 characters, weights 3^i mod 31. */
static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

char fh_credit_code_check_char(const char *first17)
{
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		const char *p = first17[i] ? strchr(alphabet, first17[i]) : NULL;
		if (!p)
			return 0;
		sum += (int)(p - alphabet) * weights[i];
	}
	return alphabet[(31 - sum % 31) % 31];
}

fh_status fh_credit_code_check(const char *code, fh_error *err)
{
	size_t len = code ? strlen(code) : 0;
	if (len != 18)
		return fh_error_set(err, FH_EINVAL, "credit_code", _("must be 18 characters, not %zu"), len);
	for (size_t i = 0; i < 18; i++)
		if (!strchr(alphabet, code[i]) || !code[i])
			return fh_error_set(
				err, FH_EINVAL, "credit_code",
				_("character %zu ('%c') is not allowed (digits and capital letters except I, O, S, V, Z)"),
				i + 1, code[i]);
	char want = fh_credit_code_check_char(code);
	if (want != code[17])
		return fh_error_set(err, FH_EINVAL, "credit_code", _("check character is '%c', expected '%c'"),
				    code[17], want);
	return FH_OK;
}

/* ---- phone numbers ----------------------------------------------------------------- */

fh_status fh_phone_normalize(const char *in, char *out, size_t size, fh_error *err)
{
	char d[40];
	size_t n = 0;
	int hyphens = 0;
	const char *p = in ? in : "";
	while (*p == ' ')
		p++;
	if (strncmp(p, "+86", 3) == 0)
		p += 3;
	else if (strncmp(p, "0086", 4) == 0)
		p += 4;
	/* digits, with spaces and hyphens as people group them; 转 or "ext" for
	 * an extension becomes '-' */
	int ext_at = -1;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n + 1 >= sizeof d)
				return fh_error_set(err, FH_EINVAL, "phone", "%s", _("too long for a phone number"));
			d[n++] = *p;
		} else if (*p == ' ' || *p == '(' || *p == ')') {
			continue;
		} else if (*p == '-') {
			hyphens++;
			if (hyphens == 2 && n > 0 && d[0] == '0')
				ext_at = (int)n; /* 021-62345678-123 */
		} else if (strncmp(p, "转", 3) == 0) {
			ext_at = (int)n;
			p += 2;
		} else {
			return fh_error_set(err, FH_EINVAL, "phone",
					    _("'%s' is not a phone number: only digits, spaces and hyphens"), in);
		}
	}
	d[n] = 0;
	if (n == 0)
		return fh_error_set(err, FH_EINVAL, "phone", "%s", _("is empty"));
	size_t main_len = ext_at >= 0 ? (size_t)ext_at : n;
	const char *ext = ext_at >= 0 ? d + ext_at : "";
	if (ext_at >= 0 && (strlen(ext) < 1 || strlen(ext) > 6))
		return fh_error_set(err, FH_EINVAL, "phone", "%s", _("an extension has 1 to 6 digits"));
	if (d[0] == '1') {
		if (main_len != 11 || *ext)
			return fh_error_set(err, FH_EINVAL, "phone", _("a mobile number has 11 digits, not %zu"),
					    main_len);
		if (d[1] < '3' || d[1] > '9')
			return fh_error_set(err, FH_EINVAL, "phone", _("no mainland mobile number starts with 1%c"),
					    d[1]);
		snprintf(out, size, "%s", d);
		return FH_OK;
	}
	if (d[0] != '0') {
		if (main_len == 7 || main_len == 8)
			return fh_error_set(err, FH_EINVAL, "phone", "%s",
					    _("a landline needs its area code (021-62345678)"));
		return fh_error_set(err, FH_EINVAL, "phone", "%s",
				    _("not a mainland mobile (1…, 11 digits) or landline (0…, with area code)"));
	}
	/* Area codes: 010 and 02x have three digits, the others four. */
	size_t area = (d[1] == '1' || d[1] == '2') ? 3 : 4;
	size_t local = main_len > area ? main_len - area : 0;
	if (local < 7 || local > 8 || (area == 3 && local != 8))
		return fh_error_set(err, FH_EINVAL, "phone",
				    _("a landline is an area code and 7 or 8 digits (021-62345678), not %zu digits"),
				    main_len);
	snprintf(out, size, "%.*s-%.*s%s%s", (int)area, d, (int)local, d + area, *ext ? "-" : "", ext);
	return FH_OK;
}

/* ---- fields ---------------------------------------------------------------------------- */

static const struct field_info {
	const char *id, *en, *zh;
	const char *aliases[4]; /* other spreadsheet headings */
} fields[FH_TF_COUNT] = {
	[FH_TF_NAME] = { "name", "Name", "名称", { "组织名称", "机构名称", "社会组织名称", "单位名称" } },
	[FH_TF_SHORT_NAME] = { "short_name", "Short name", "简称", { "组织简称" } },
	[FH_TF_ORG_TYPE] = { "org_type", "Org type", "组织类型", { "类型", "社会组织类型", "登记类型" } },
	[FH_TF_REG_STATE] = { "reg_state", "Registration", "登记状态", { "登记情况" } },
	[FH_TF_CREDIT_CODE] = { "credit_code", "Credit code", "统一社会信用代码", { "信用代码", "社会信用代码" } },
	[FH_TF_FIELD] = { "field", "Service field", "服务领域", { "领域" } },
	[FH_TF_LEGAL_REP] = { "legal_rep", "Legal rep.", "法定代表人", { "法人", "法人代表" } },
	[FH_TF_CONTACT] = { "contact", "Contact", "联系人" },
	[FH_TF_PHONE] = { "phone", "Phone", "联系电话", { "电话", "手机", "联系方式" } },
	[FH_TF_ADDRESS] = { "address", "Address", "地址", { "办公地址", "住所" } },
	[FH_TF_STAFF] = { "staff", "Staff", "专职人员", { "专职人数", "工作人员" } },
	[FH_TF_VOLUNTEERS] = { "volunteers", "Volunteers", "志愿者", { "志愿者人数" } },
	[FH_TF_FOUNDED] = { "founded", "Founded", "成立日期", { "成立时间" } },
	[FH_TF_RATING] = { "rating", "Rating", "评估等级", { "等级评估", "等级" } },
	[FH_TF_RATING_DATE] = { "rating_date", "Rated on", "评估日期", { "评估时间" } },
	[FH_TF_PARTY_ORG] = { "party_org", "Party org", "党组织", { "党组织形式", "党组织类型" } },
	[FH_TF_PARTY_MEMBERS] = { "party_members", "Party members", "党员人数", { "党员数" } },
	[FH_TF_NOTES] = { "notes", "Notes", "备注" },
	[FH_TF_STAGE] = { "stage", "Stage", "阶段", { "孵化阶段", "状态" } },
	[FH_TF_ADMITTED_ON] = { "admitted_on", "Admitted", "入驻日期", { "入驻时间", "入孵日期" } },
	[FH_TF_PLANNED_END] = { "planned_end", "Planned end", "计划出壳日期", { "孵化期满" } },
	[FH_TF_EXIT_REASON] = { "exit_reason", "Exit reason", "退出原因" },
};

const char *fh_tenant_field_name(fh_tenant_field f)
{
	return (unsigned)f < FH_TF_COUNT ? fields[f].id : NULL;
}

const char *fh_tenant_field_label(fh_tenant_field f, bool zh)
{
	return (unsigned)f < FH_TF_COUNT ? (zh ? fields[f].zh : fields[f].en) : NULL;
}

bool fh_tenant_field_lookup(const char *heading, fh_tenant_field *out)
{
	char h[128];
	fh_text_trim(h, sizeof h, heading ? heading : "");
	/* a heading may carry a note: "联系电话(手机)", "name*" */
	for (char *p = h; *p; p++)
		if (*p == '(' || *p == '*' || strncmp(p, "（", 3) == 0) {
			*p = 0;
			break;
		}
	for (int i = 0; i < FH_TF_COUNT; i++) {
		const struct field_info *fi = &fields[i];
		bool hit = strcasecmp(h, fi->id) == 0 || strcasecmp(h, fi->en) == 0 || strcmp(h, fi->zh) == 0;
		for (int j = 0; !hit && j < 4 && fi->aliases[j]; j++)
			hit = strcmp(h, fi->aliases[j]) == 0;
		if (hit) {
			*out = (fh_tenant_field)i;
			return true;
		}
	}
	return false;
}

void fh_tenant_init(fh_tenant *t)
{
	memset(t, 0, sizeof *t);
	t->org_type = FH_ORG_SERVICE_ORG;
	t->reg_state = FH_REG_PREPARING;
	t->stage = FH_STAGE_APPLIED;
	t->party_org = FH_PARTY_NONE;
}

static const char *field_id(fh_tenant_field f)
{
	return fields[f].id;
}

/* Copies trimmed text into dst; rejects bad UTF-8, control characters
 * (newlines and tabs allowed where `multiline`) and text that does not fit. */
static fh_status set_text(char *dst, size_t size, size_t max_chars, fh_tenant_field f, const char *text, bool multiline,
			  fh_error *err)
{
	return fh_text_field_take(dst, size, max_chars, text, multiline, f == FH_TF_NAME || f == FH_TF_SHORT_NAME,
				  field_id(f), err);
}

static fh_status set_int(int *dst, fh_tenant_field f, const char *text, fh_error *err)
{
	char tmp[32];
	fh_text_trim(tmp, sizeof tmp, text);
	if (!tmp[0]) {
		*dst = 0;
		return FH_OK;
	}
	long long v;
	fh_status st = fh_int_take(field_id(f), tmp, 0, FH_TENANT_PEOPLE_MAX, &v, err);
	if (st == FH_OK)
		*dst = (int)v;
	return st;
}

static fh_status set_date(char dst[11], fh_tenant_field f, const char *text, fh_error *err)
{
	char tmp[64];
	fh_text_trim(tmp, sizeof tmp, text);
	if (!tmp[0]) {
		dst[0] = 0;
		return FH_OK;
	}
	return fh_date_take(field_id(f), tmp, dst, NULL, err);
}

static fh_status set_epoch(int64_t *dst, fh_tenant_field f, const char *text, fh_error *err)
{
	char ymd[11];
	fh_status st = set_date(ymd, f, text, err);
	if (st == FH_OK)
		*dst = ymd[0] ? fh_date_epoch(ymd) : 0;
	return st;
}

static fh_status bad_choice(fh_error *err, fh_tenant_field f, const char *text, const struct term *t, int n)
{
	char list[256] = "";
	size_t used = 0;
	for (int i = 0; i < n; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", t[i].zh);
		if (w < 0 || (size_t)w >= sizeof list - used)
			break;
		used += (size_t)w;
	}
	return fh_error_set(err, FH_EINVAL, field_id(f), _("'%s' is not one of: %s"), text, list);
}

fh_status fh_tenant_set(fh_tenant *t, fh_tenant_field f, const char *text, fh_error *err)
{
	char tmp[128];
	int i;
	if (!text)
		text = "";
	switch (f) {
	case FH_TF_NAME: return set_text(t->name, sizeof t->name, FH_TENANT_NAME_MAX, f, text, false, err);
	case FH_TF_SHORT_NAME:
		return set_text(t->short_name, sizeof t->short_name, FH_TENANT_SHORT_MAX, f, text, false, err);
	case FH_TF_LEGAL_REP:
		return set_text(t->legal_rep, sizeof t->legal_rep, FH_TENANT_PERSON_MAX, f, text, false, err);
	case FH_TF_CONTACT: return set_text(t->contact, sizeof t->contact, FH_TENANT_PERSON_MAX, f, text, false, err);
	case FH_TF_ADDRESS: return set_text(t->address, sizeof t->address, FH_TENANT_ADDRESS_MAX, f, text, false, err);
	case FH_TF_NOTES: return set_text(t->notes, sizeof t->notes, FH_TENANT_NOTES_MAX, f, text, true, err);
	case FH_TF_EXIT_REASON:
		return set_text(t->exit_reason, sizeof t->exit_reason, FH_TENANT_REASON_MAX, f, text, false, err);
	case FH_TF_FIELD: return set_text(t->field, sizeof t->field, 30, f, text, false, err);
	case FH_TF_CREDIT_CODE: {
		char code[64];
		if (set_text(code, sizeof code, 18, f, text, false, err) != FH_OK)
			return fh_error_set(err, FH_EINVAL, field_id(f), "%s", _("must be 18 characters"));
		for (char *p = code; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		if (strlen(code) >= sizeof t->credit_code)
			return fh_error_set(err, FH_EINVAL, field_id(f), "%s", _("must be 18 characters"));
		memcpy(t->credit_code, code, strlen(code) + 1);
		return FH_OK;
	}
	case FH_TF_PHONE: {
		char phone[24];
		fh_text_trim(tmp, sizeof tmp, text);
		if (!tmp[0]) {
			t->phone[0] = 0;
			return FH_OK;
		}
		fh_status st = fh_phone_normalize(tmp, phone, sizeof phone, err);
		if (st == FH_OK)
			memcpy(t->phone, phone, sizeof phone);
		return st;
	}
	case FH_TF_STAFF: return set_int(&t->staff, f, text, err);
	case FH_TF_VOLUNTEERS: return set_int(&t->volunteers, f, text, err);
	case FH_TF_PARTY_MEMBERS: return set_int(&t->party_members, f, text, err);
	case FH_TF_FOUNDED: return set_date(t->founded, f, text, err);
	case FH_TF_RATING_DATE: return set_date(t->rating_date, f, text, err);
	case FH_TF_ADMITTED_ON: return set_epoch(&t->admitted_on, f, text, err);
	case FH_TF_PLANNED_END: return set_epoch(&t->planned_end, f, text, err);
	case FH_TF_RATING: {
		fh_text_trim(tmp, sizeof tmp, text);
		for (char *p = tmp; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		static const char *const forms[][3] = {
			{ "", "0", "无" },    { "1A", "1", "A" },    { "2A", "2", "AA" },
			{ "3A", "3", "AAA" }, { "4A", "4", "AAAA" }, { "5A", "5", "AAAAA" },
		};
		for (i = 0; i < 6; i++)
			if (strcmp(tmp, forms[i][0]) == 0 || strcmp(tmp, forms[i][1]) == 0 ||
			    strcmp(tmp, forms[i][2]) == 0 ||
			    (i > 0 && strncmp(tmp, forms[i][0], 2) == 0 && strcmp(tmp + 2, "级") == 0)) {
				t->rating = i;
				return FH_OK;
			}
		return fh_error_set(err, FH_EINVAL, field_id(f), _("'%s' is not a rating: 1A to 5A, or empty"), tmp);
	}
	case FH_TF_ORG_TYPE:
		fh_text_trim(tmp, sizeof tmp, text);
		if (!term_parse(org_types, FH_ORG_TYPE_COUNT, tmp, &i))
			return bad_choice(err, f, tmp, org_types, FH_ORG_TYPE_COUNT);
		t->org_type = (fh_org_type)i;
		return FH_OK;
	case FH_TF_REG_STATE:
		fh_text_trim(tmp, sizeof tmp, text);
		if (!term_parse(reg_states, FH_REG_STATE_COUNT, tmp, &i))
			return bad_choice(err, f, tmp, reg_states, FH_REG_STATE_COUNT);
		t->reg_state = (fh_reg_state)i;
		return FH_OK;
	case FH_TF_PARTY_ORG:
		fh_text_trim(tmp, sizeof tmp, text);
		if (!tmp[0]) {
			t->party_org = FH_PARTY_NONE;
			return FH_OK;
		}
		if (term_parse(&fallback_term, 1, tmp, &i)) {
			t->party_org = FH_PARTY_NONE;
			t->party_fallback = true;
			return FH_OK;
		}
		if (!term_parse(party_orgs, FH_PARTY_ORG_COUNT, tmp, &i))
			return bad_choice(err, f, tmp, party_orgs, FH_PARTY_ORG_COUNT);
		t->party_org = (fh_party_org)i;
		return FH_OK;
	case FH_TF_STAGE:
		fh_text_trim(tmp, sizeof tmp, text);
		if (!term_parse(stages, FH_STAGE_COUNT, tmp, &i))
			return bad_choice(err, f, tmp, stages, FH_STAGE_COUNT);
		t->stage = (fh_stage)i;
		return FH_OK;
	default: return fh_error_set(err, FH_EINVAL, NULL, "%s", _("no such field"));
	}
}

const char *fh_tenant_get(const fh_tenant *t, fh_tenant_field f, bool ids, bool zh, char *buf, size_t size)
{
	const char *s = NULL;
	buf[0] = 0;
	switch (f) {
	case FH_TF_NAME: s = t->name; break;
	case FH_TF_SHORT_NAME: s = t->short_name; break;
	case FH_TF_ORG_TYPE: s = ids ? fh_org_type_name(t->org_type) : fh_org_type_label(t->org_type, zh); break;
	case FH_TF_REG_STATE: s = ids ? fh_reg_state_name(t->reg_state) : fh_reg_state_label(t->reg_state, zh); break;
	case FH_TF_CREDIT_CODE: s = t->credit_code; break;
	case FH_TF_FIELD: s = t->field; break;
	case FH_TF_LEGAL_REP: s = t->legal_rep; break;
	case FH_TF_CONTACT: s = t->contact; break;
	case FH_TF_PHONE: s = t->phone; break;
	case FH_TF_ADDRESS: s = t->address; break;
	case FH_TF_STAFF: snprintf(buf, size, "%d", t->staff); break;
	case FH_TF_VOLUNTEERS: snprintf(buf, size, "%d", t->volunteers); break;
	case FH_TF_FOUNDED: s = t->founded; break;
	case FH_TF_RATING:
		if (ids)
			snprintf(buf, size, "%d", t->rating);
		else if (t->rating)
			snprintf(buf, size, "%dA", t->rating);
		break;
	case FH_TF_RATING_DATE: s = t->rating_date; break;
	case FH_TF_PARTY_ORG: s = fh_party_column(t->party_org, t->party_fallback, ids, zh); break;
	case FH_TF_PARTY_MEMBERS: snprintf(buf, size, "%d", t->party_members); break;
	case FH_TF_NOTES: s = t->notes; break;
	case FH_TF_STAGE: s = ids ? fh_stage_name(t->stage) : fh_stage_label(t->stage, zh); break;
	case FH_TF_ADMITTED_ON:
		if (t->admitted_on)
			fh_clock_format_date(t->admitted_on, buf, size);
		break;
	case FH_TF_PLANNED_END:
		if (t->planned_end)
			fh_clock_format_date(t->planned_end, buf, size);
		break;
	case FH_TF_EXIT_REASON: s = t->exit_reason; break;
	default: break;
	}
	if (s)
		fh_text_copy(buf, size, s);
	return buf;
}

/* ---- validation ------------------------------------------------------------------------- */

const fh_error *fh_field_errors_find(const fh_field_errors *errs, fh_tenant_field f)
{
	for (size_t i = 0; errs && (unsigned)f < FH_TF_COUNT && i < errs->n; i++)
		if (strcmp(errs->e[i].field, fields[f].id) == 0)
			return &errs->e[i];
	return NULL;
}

void fh_field_errors_add(fh_field_errors *errs, const fh_error *e)
{
	if (!errs || errs->n >= sizeof errs->e / sizeof errs->e[0])
		return;
	for (size_t i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].field, e->field) == 0)
			return; /* one problem per field: the first */
	errs->e[errs->n++] = *e;
}

#define PROBLEM(field, ...)                                                 \
	do {                                                                \
		fh_error e_;                                                \
		fh_error_set(&e_, FH_EINVAL, field_id(field), __VA_ARGS__); \
		fh_field_errors_add(errs, &e_);                             \
	} while (0)

static void check_text(fh_field_errors *errs, fh_tenant_field f, const char *v, size_t max, bool multiline)
{
	fh_tenant scratch;
	fh_error e;
	if (fields[f].id && set_text(scratch.notes, sizeof scratch.notes, max, f, v, multiline, &e) != FH_OK)
		fh_field_errors_add(errs, &e);
}

/* ---- checks with the store ------------------------------------------------------- */

fh_status fh_tenant_code_holder(fh_store *s, const char *code, int64_t self, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "SELECT id, name FROM tenants WHERE credit_code = ?1 AND id != ?2", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_str(q, 1, code);
	fh_bind_int64(q, 2, self);
	int rc = fh_step(q);
	if (rc == FH_ROW)
		st = fh_error_set(err, FH_EINVAL, "credit_code", _("already belongs to %s (no. %lld)"),
				  fh_column_str(q, 1), (long long)fh_column_int64(q, 0));
	else if (rc != FH_DONE)
		st = fh_store_fail(s, err, _("reading tenants"));
	fh_reset(q);
	return st;
}

fh_status fh_tenant_service_fields(fh_store *s, int64_t hub, char (*out)[128], size_t max, size_t *n, fh_error *err)
{
	fh_stmt *q;
	*n = 0;
	fh_status st = fh_store_stmt(s, "SELECT name FROM hub_fields WHERE hub_id = ?1 ORDER BY seq", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	int rc = FH_DONE;
	while (*n < max && (rc = fh_step(q)) == FH_ROW)
		fh_column_text(q, 0, out[(*n)++], 128);
	fh_reset(q);
	if (rc == FH_ROW || rc == FH_DONE)
		return FH_OK;
	*n = 0;
	return fh_store_fail(s, err, _("reading the hub's service fields"));
}

/* The credit code: issued on registration by civil affairs (5…), its
 * second character the organisation type (1 social group, 2 social service
 * org, 3 foundation, 9 other); not another tenant's (with a store).
 * Problems go to errs; the return is the database's (a holder that cannot
 * be read refuses). */
static fh_status check_credit_code(fh_store *s, const fh_tenant *t, fh_field_errors *errs, fh_error *err)
{
	fh_error e;
	if (t->credit_code[0]) {
		if (t->reg_state == FH_REG_PREPARING)
			PROBLEM(FH_TF_CREDIT_CODE, "%s",
				_("an organisation in preparation has no credit code yet; set the registration state"));
		else if (fh_credit_code_check(t->credit_code, &e) != FH_OK)
			fh_field_errors_add(errs, &e);
		else if (t->credit_code[0] != '5')
			PROBLEM(FH_TF_CREDIT_CODE,
				_("starts with '%c'; codes of social organisations start with 5 (civil affairs)"),
				t->credit_code[0]);
		else {
			static const char want[FH_ORG_TYPE_COUNT] = { '1', '2', '3', 0 };
			char got = t->credit_code[1];
			const char *digit = strchr(want, got);
			if ((unsigned)t->org_type < FH_ORG_TYPE_COUNT && want[t->org_type] && digit &&
			    got != want[t->org_type])
				PROBLEM(FH_TF_CREDIT_CODE, _("is the code of a %s (5%c…), not of a %s"),
					fh_org_type_label((fh_org_type)(digit - want), true), got,
					fh_org_type_label(t->org_type, true));
			else if (!strchr("1239", got))
				PROBLEM(FH_TF_CREDIT_CODE,
					_("second character '%c' is no organisation type (1, 2, 3 or 9)"), got);
			else if (s) {
				fh_error taken;
				fh_status st = fh_tenant_code_holder(s, t->credit_code, t->id, &taken);
				if (st == FH_EINVAL)
					fh_field_errors_add(errs, &taken);
				else if (st != FH_OK)
					return err ? (*err = taken, st) : st;
			}
		}
	} else if (t->reg_state == FH_REG_REGISTERED) {
		PROBLEM(FH_TF_CREDIT_CODE, "%s", _("is required once registered"));
	}
	return FH_OK;
}

/* The field among the hub's service fields (hf, or read); a hub without
 * any configured takes every field. */
static fh_status check_service_field(fh_store *s, const fh_tenant *t, const fh_hub_fields *hf, fh_field_errors *errs,
				     fh_error *err)
{
	fh_hub_fields read;
	if (!hf) {
		fh_status st = fh_tenant_service_fields(s, t->hub_id, read.names, FH_HUB_FIELDS_MAX, &read.n, err);
		if (st != FH_OK)
			return st;
		hf = &read;
	}
	bool found = hf->n == 0;
	for (size_t i = 0; i < hf->n; i++)
		found |= strcmp(hf->names[i], t->field) == 0;
	char list[512] = "";
	for (size_t i = 0, used = 0; !found && i < hf->n; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s%s", i ? "、" : "", hf->names[i]);
		if (w > 0 && (size_t)w < sizeof list - used)
			used += (size_t)w;
	}
	if (!found)
		PROBLEM(FH_TF_FIELD, _("'%s' is not a service field of this hub (%s)"), t->field, list);
	return FH_OK;
}

fh_status fh_tenant_validate(fh_store *s, const fh_tenant *t, fh_field_errors *errs_out, fh_error *err)
{
	return fh_tenant_validate_in(s, t, NULL, errs_out, err);
}

fh_status fh_tenant_validate_in(fh_store *s, const fh_tenant *t, const fh_hub_fields *hf, fh_field_errors *errs_out,
				fh_error *err)
{
	/* problems already in *errs_out (from parsing) stay first */
	fh_field_errors local;
	local.n = 0; /* 25 KB: only what is added is read */
	fh_field_errors *errs = errs_out ? errs_out : &local;
	size_t before = errs->n;
	char today[11];
	fh_clock_format_date(fh_clock_now(), today, sizeof today);

	if (!t->name[0])
		PROBLEM(FH_TF_NAME, "%s", _("is required"));
	else if (fh_utf8_chars(t->name) < 2)
		PROBLEM(FH_TF_NAME, "%s", _("needs at least 2 characters"));
	check_text(errs, FH_TF_NAME, t->name, FH_TENANT_NAME_MAX, false);
	check_text(errs, FH_TF_SHORT_NAME, t->short_name, FH_TENANT_SHORT_MAX, false);
	check_text(errs, FH_TF_LEGAL_REP, t->legal_rep, FH_TENANT_PERSON_MAX, false);
	check_text(errs, FH_TF_CONTACT, t->contact, FH_TENANT_PERSON_MAX, false);
	check_text(errs, FH_TF_ADDRESS, t->address, FH_TENANT_ADDRESS_MAX, false);
	check_text(errs, FH_TF_NOTES, t->notes, FH_TENANT_NOTES_MAX, true);
	check_text(errs, FH_TF_EXIT_REASON, t->exit_reason, FH_TENANT_REASON_MAX, false);

	if ((unsigned)t->org_type >= FH_ORG_TYPE_COUNT)
		PROBLEM(FH_TF_ORG_TYPE, "%s", _("is not an organisation type"));
	if ((unsigned)t->reg_state >= FH_REG_STATE_COUNT)
		PROBLEM(FH_TF_REG_STATE, "%s", _("is not a registration state"));
	else if (t->reg_state == FH_REG_FILED && t->org_type != FH_ORG_COMMUNITY_ORG)
		PROBLEM(FH_TF_REG_STATE, "%s", _("only community organisations are filed (备案); others register"));

	/* a check whose records cannot be read refuses with the database's error */
	fh_status read = check_credit_code(s, t, errs, err);
	if (read == FH_OK && t->field[0] && s)
		read = check_service_field(s, t, hf, errs, err);
	fh_error e;
	if (t->phone[0]) {
		char norm[24];
		if (fh_phone_normalize(t->phone, norm, sizeof norm, &e) != FH_OK)
			fh_field_errors_add(errs, &e);
	}
	if (t->staff < 0 || t->staff > FH_TENANT_PEOPLE_MAX)
		PROBLEM(FH_TF_STAFF, _("must be 0 to %d"), FH_TENANT_PEOPLE_MAX);
	if (t->volunteers < 0 || t->volunteers > FH_TENANT_PEOPLE_MAX)
		PROBLEM(FH_TF_VOLUNTEERS, _("must be 0 to %d"), FH_TENANT_PEOPLE_MAX);

	char d[11];
	fh_error bad_date;
	if (t->founded[0] &&
	    (fh_date_take(field_id(FH_TF_FOUNDED), t->founded, d, NULL, &bad_date) != FH_OK ||
	     strcmp(d, t->founded) != 0))
		PROBLEM(FH_TF_FOUNDED, "%s", bad_date.message);
	else if (t->founded[0] && strcmp(t->founded, today) > 0)
		PROBLEM(FH_TF_FOUNDED, _("%s is in the future"), t->founded);

	if (t->rating < 0 || t->rating > 5)
		PROBLEM(FH_TF_RATING, "%s", _("must be 1A to 5A, or none"));
	else if (t->rating > 0 && t->reg_state != FH_REG_REGISTERED)
		PROBLEM(FH_TF_RATING, "%s", _("only registered organisations are rated"));
	if (t->rating_date[0] &&
	    (fh_date_take(field_id(FH_TF_RATING_DATE), t->rating_date, d, NULL, &bad_date) != FH_OK ||
	     strcmp(d, t->rating_date) != 0))
		PROBLEM(FH_TF_RATING_DATE, "%s", bad_date.message);
	else if (t->rating > 0 && !t->rating_date[0])
		PROBLEM(FH_TF_RATING_DATE, "%s", _("is required with a rating"));
	else if (t->rating == 0 && t->rating_date[0])
		PROBLEM(FH_TF_RATING_DATE, "%s", _("is set but there is no rating"));
	else if (t->rating_date[0] && strcmp(t->rating_date, today) > 0)
		PROBLEM(FH_TF_RATING_DATE, _("%s is in the future"), t->rating_date);
	else if (t->rating_date[0] && t->founded[0] && strcmp(t->rating_date, t->founded) < 0)
		PROBLEM(FH_TF_RATING_DATE, "%s", _("is before the founding date"));

	if ((unsigned)t->party_org >= FH_PARTY_ORG_COUNT)
		PROBLEM(FH_TF_PARTY_ORG, "%s", _("is not a form of party organisation"));
	if (t->party_members < 0 || t->party_members > FH_TENANT_PEOPLE_MAX)
		PROBLEM(FH_TF_PARTY_MEMBERS, _("must be 0 to %d"), FH_TENANT_PEOPLE_MAX);

	if ((unsigned)t->stage >= FH_STAGE_COUNT)
		PROBLEM(FH_TF_STAGE, "%s", _("is not a stage"));
	else if (t->stage >= FH_STAGE_INCUBATING && !t->admitted_on && !(t->stage == FH_STAGE_EXITED))
		PROBLEM(FH_TF_ADMITTED_ON, "%s", _("is required for a tenant admitted to incubation"));
	if (t->admitted_on && t->admitted_on > fh_clock_now())
		PROBLEM(FH_TF_ADMITTED_ON, "%s", _("is in the future"));
	if (t->planned_end && t->admitted_on && t->planned_end < t->admitted_on)
		PROBLEM(FH_TF_PLANNED_END, "%s", _("is before the admission"));
	if (t->stage == FH_STAGE_EXITED && !t->exit_reason[0])
		PROBLEM(FH_TF_EXIT_REASON, "%s", _("is required for a tenant that left"));

	/* then what the modules above ask of the record (a branch's members) */
	for (const struct fh_module *m = fh_modules; s && read == FH_OK && m->name; m++)
		if (m->check_tenant)
			read = m->check_tenant(s, t, errs, err);

	if (read != FH_OK)
		return read;
	if (errs->n == before)
		return FH_OK;
	if (err)
		*err = errs->e[0];
	return FH_EINVAL;
}

/* ---- the hub's service fields --------------------------------------------------- */

/* The module's own schema (modules.h): what it adds to the database after
 * the store's migration 12, one step at the end for each change, each run
 * once. */
const char *const fh_tenant_schema[] = { NULL };

fh_status fh_tenant_write_rules(fh_store *s, int64_t hub, const fh_rules *r, fh_error *err)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(s, "DELETE FROM hub_fields WHERE hub_id = ?1", &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	st = fh_store_done(s, q, _("saving hub rules"), err);
	for (size_t i = 0; st == FH_OK && i < r->tenant.nfields; i++) {
		if ((st = fh_store_stmt(s, "INSERT INTO hub_fields(hub_id, seq, name) VALUES(?1, ?2, ?3)", &q, err)) !=
		    FH_OK)
			return st;
		fh_bind_int64(q, 1, hub);
		fh_bind_int64(q, 2, (int64_t)i);
		fh_bind_str(q, 3, r->tenant.fields[i]);
		st = fh_store_done(s, q, _("saving hub rules"), err);
	}
	return st;
}

void fh_tenant_describe_rules(fh_buf *b, const fh_rules *r)
{
	for (size_t i = 0; i < r->tenant.nfields; i++)
		fh_buf_printf(b, "|f:%s", r->tenant.fields[i]);
}
