/* fuhua core — the demo database generator. */
#include "fuhua/demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuhua/buf.h"
#include "fuhua/clock.h"
#include "fuhua/party.h"
#include "fuhua/hub.h"
#include "fuhua/tenant.h"
#include "i18n.h"
#include "store_int.h"
#include "tenant_int.h"
#include "collate.h"
#include "demo_int.h"
#include "tally.h"

#define DAY 86400
#define MONTH (30 * DAY)

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static const char *const brands[] = {
	"青凤", "春晖", "乐龄", "阳光", "彩虹", "益心",   "同心",   "晨曦", "馨苑", "明德",
	"暖阳", "善行", "知行", "新芽", "绿洲", "蒲公英", "向日葵", "星火", "守望", "常青",
	"悦享", "安康", "仁爱", "启明", "心桥", "和美",   "邻里",   "翼展", "融爱", "乐群",
	"博雅", "慧心", "凝聚", "友邻", "睦邻", "众扶",   "携手",   "微光", "萤火", "润泽",
};
/* What the organisation does, with the service field it belongs to. */
static const struct {
	const char *what, *field;
} works[] = {
	{ "老年生活护理", "为老服务" },
	{ "社工", "社区治理" },
	{ "为老", "为老服务" },
	{ "居家养老", "为老服务" },
	{ "助残", "助残帮困" },
	{ "青少年成长", "青少年服务" },
	{ "亲子教育", "青少年服务" },
	{ "新市民融合", "新市民服务" },
	{ "文化艺术", "文化" },
	{ "环境保护", "环保" },
	{ "垃圾分类", "环保" },
	{ "食品安全", "食品安全" },
	{ "邻里互助", "社区治理" },
	{ "心理健康", "助残帮困" },
	{ "公益法律", "社区治理" },
	{ "社区营造", "社区治理" },
	{ "读书", "文化" },
	{ "志愿服务", "其他" },
};
static const struct {
	const char *suffix;
	fh_org_type type;
} kinds[] = {
	{ "服务社", FH_ORG_SERVICE_ORG },    { "事务所", FH_ORG_SERVICE_ORG },       { "服务中心", FH_ORG_SERVICE_ORG },
	{ "发展中心", FH_ORG_SERVICE_ORG },  { "促进会", FH_ORG_SOCIAL_GROUP },      { "协会", FH_ORG_SOCIAL_GROUP },
	{ "公益基金会", FH_ORG_FOUNDATION }, { "志愿服务队", FH_ORG_COMMUNITY_ORG }, { "睦邻点", FH_ORG_COMMUNITY_ORG },
	{ "服务站", FH_ORG_SERVICE_ORG },
};
static const char *const exit_reasons[] = {
	"未通过评审", "迁出本区", "负责人变动，自行退出", "长期未开展活动", "注销登记",
};
static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马",
	"胡", "郭", "林", "何", "高", "罗", "郑", "梁", "谢", "宋", "唐", "许", "闵", "钱",
};
static const char *const given[] = {
	"伟", "芳", "娜", "敏",   "静",   "丽",   "强",   "磊",   "军",   "洋",   "勇",   "艳",
	"杰", "娟", "涛", "明",   "超",   "秀英", "霞",   "平",   "刚",   "桂英", "晖",   "建华",
	"文", "红", "慧", "晓燕", "国庆", "海燕", "志强", "佳怡", "子涵", "雨轩", "梓萱", "浩然",
};
static const char *const expertise[] = {
	"财务管理", "项目设计", "法律合规", "党建工作", "品牌传播", "社工督导", "志愿者管理", "筹款", "评估", "数字化",
};
static const char *const streets[] = {
	"共和新路", "万荣路", "大统路", "江场西路", "沪太路", "七莘路", "莘松路", "都市路", "虹梅路", "吴中路",
};

static const char *const employers[] = {
	"街道党工委", "区社会组织党委", "社区党委", "区民政局", "退休党员志愿者",
};
static const char *const no_branch_reasons[] = {
	"正式党员不足3人",
	"党员组织关系尚在原单位",
	"暂无党员,已派联络员",
	"成立时间较短",
};

static void person(uint64_t *rng, char *out, size_t size)
{
	snprintf(out, size, "%s%s", surnames[fh_demo_pick(rng, COUNT(surnames))],
		 given[fh_demo_pick(rng, COUNT(given))]);
}

static void mobile(uint64_t *rng, char *out, size_t size)
{
	static const char *const prefixes[] = { "135", "136", "138", "139", "150", "158", "177", "186", "188", "199" };
	snprintf(out, size, "%s%08d", prefixes[fh_demo_pick(rng, COUNT(prefixes))], fh_demo_pick(rng, 100000000));
}

/* 统一社会信用代码: 5 (civil affairs), type, region, an organisation code
 * built from `serial` so that codes never repeat, its GB 11714 check, and the
 * GB 32100 check. */
static void credit_code(fh_org_type type, const char *region, uint64_t serial, char out[19])
{
	static const char alpha[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int w11714[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
	char type_char = type == FH_ORG_SOCIAL_GROUP ? '1'
		: type == FH_ORG_FOUNDATION          ? '3'
		: type == FH_ORG_SERVICE_ORG         ? '2'
						     : '9';
	char body[9];
	uint64_t v = (serial * 2654435761ULL + 97) % 852891037441ULL; /* 31^8 */
	for (int i = 7; i >= 0; i--) {
		body[i] = alpha[v % 31];
		v /= 31;
	}
	int sum = 0;
	for (int i = 0; i < 8; i++) {
		int cv = body[i] <= '9' ? body[i] - '0' : body[i] - 'A' + 10;
		sum += cv * w11714[i];
	}
	int c = 11 - sum % 11;
	body[8] = c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
	snprintf(out, 19, "5%c%.6s%.9s", type_char, region, body);
	out[17] = fh_credit_code_check_char(out);
	out[18] = 0;
}

struct hubinfo {
	int64_t id;
	char code[33];
	char short_name[64]; /* what joint branches are named after */
	char level[12];
	char district[8]; /* region code for credit codes */
	int term;
	fh_party_rules party;  /* the hub's party rules: due dates, a joint branch's size */
	fh_calendar cal;       /* its working days */
	int64_t instructor[2]; /* the hub's party-building instructors */
	int64_t branch;        /* the joint branch taking members, and how many */
	int branch_tenants;    /* tenants it covers */
	int branches;
	char fields[32][128]; /* its service fields, as configured */
	size_t nfields;
};

struct gen {
	fh_store *s;
	fh_error *err;
	fh_actor actor;
	uint64_t rng;
	uint64_t party_rng; /* the party track's own stream: tenants stay as they were */
	int64_t now;
	struct hubinfo *hubs;
	size_t nhubs;
	uint64_t code_offset; /* fixed per run: codes stay unique */
	bool beside;          /* rows made on a second core too (tenant_side.c) */
};

static fh_status fail(struct gen *g, const char *what)
{
	return fh_store_fail(g->s, g->err, what);
}

static fh_status load_hubs(struct gen *g)
{
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(g->s,
				       "SELECT h.id, h.code, h.level, coalesce(p.code, ''), h.incubation_term_months,"
				       " coalesce(h.short_name, h.name) FROM hubs h"
				       " LEFT JOIN hubs p ON p.id = h.parent_id ORDER BY h.id",
				       &q, g->err);
	if (q_rc != FH_OK)
		return q_rc;
	while (fh_step(q) == FH_ROW) {
		struct hubinfo *n = realloc(g->hubs, (g->nhubs + 1) * sizeof *n);
		if (!n) {
			fh_reset(q);
			return fh_error_set(g->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		}
		g->hubs = n;
		struct hubinfo *h = &g->hubs[g->nhubs++];
		memset(h, 0, sizeof *h);
		h->id = fh_column_int64(q, 0);
		fh_column_text(q, 1, h->code, sizeof h->code);
		fh_column_text(q, 2, h->level, sizeof h->level);
		h->term = fh_column_int(q, 4);
		fh_column_text(q, 5, h->short_name, sizeof h->short_name);
		/* Minhang's hubs carry "mh" in their codes; everything else is
		 * registered in Jing'an in this demo. */
		snprintf(h->district, sizeof h->district, "%s", strstr(h->code, "mh") ? "310112" : "310106");
	}
	fh_reset(q);
	fh_status st = FH_OK;
	for (size_t i = 0; st == FH_OK && i < g->nhubs; i++) {
		st = fh_tenant_service_fields(g->s, g->hubs[i].id, g->hubs[i].fields, 32, &g->hubs[i].nfields, g->err);
		if (st == FH_OK)
			st = fh_party_rules_load(g->s, g->hubs[i].id, &g->hubs[i].party, g->err);
		if (st == FH_OK)
			st = fh_calendar_load(g->s, g->hubs[i].id, &g->hubs[i].cal, g->err);
	}
	return st;
}

static fh_status add_operators(struct gen *g, const fh_config *cfg)
{
	const char *district = NULL, *district2 = NULL, *street = NULL, *street2 = NULL;
	for (size_t i = 0; i < fh_config_hub_count(cfg); i++) {
		const fh_hub_def *h = fh_config_hub(cfg, i);
		if (h->level == FH_LEVEL_DISTRICT && !district)
			district = h->code;
		else if (h->level == FH_LEVEL_DISTRICT && !district2)
			district2 = h->code;
	}
	for (size_t i = 0; i < fh_config_hub_count(cfg); i++) {
		const fh_hub_def *h = fh_config_hub(cfg, i);
		if (h->level == FH_LEVEL_STREET && district && strcmp(h->parent, district) == 0) {
			if (!street)
				street = h->code;
			else if (!street2)
				street2 = h->code;
		}
	}
	const struct {
		const char *name;
		fh_role role;
		const char *hub;
	} ops[] = {
		{ "admin", FH_ROLE_ADMIN, g->actor.hub_code }, { "zhuren", FH_ROLE_MANAGER, district },
		{ "qiantai", FH_ROLE_FRONT_DESK, street },     { "jiedao", FH_ROLE_MANAGER, street2 },
		{ "minhang", FH_ROLE_MANAGER, district2 },
	};
	for (int i = 0; i < COUNT(ops); i++) {
		if (!ops[i].hub)
			continue;
		fh_status st = fh_operator_insert(g->s, &g->actor, ops[i].name, ops[i].role, ops[i].hub,
						  FH_DEMO_PASSWORD, g->err);
		if (st != FH_OK)
			return st;
	}
	return FH_OK;
}

static fh_status add_mentors(struct gen *g)
{
	for (size_t i = 0; i < g->nhubs; i++) {
		int n = 2 + fh_demo_pick(&g->rng, 4);
		for (int k = 0; k < n + 2; k++) {
			bool instructor = k >= n;
			char name[32], phone[16];
			person(&g->rng, name, sizeof name);
			mobile(&g->rng, phone, sizeof phone);
			fh_stmt *q;
			fh_status q_rc =
				fh_store_stmt(g->s,
					      "INSERT INTO mentors(hub_id, name, kind, expertise, phone, updated_at,"
					      " updated_by, employer) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
					      &q, g->err);
			if (q_rc != FH_OK)
				return q_rc;
			fh_bind_int64(q, 1, g->hubs[i].id);
			fh_bind_str(q, 2, name);
			fh_bind_static(q, 3, instructor ? "instructor" : "mentor", -1);
			fh_bind_static(
				q, 4, instructor ? "党建工作" : expertise[fh_demo_pick(&g->rng, COUNT(expertise))], -1);
			fh_bind_str(q, 5, phone);
			fh_bind_int64(q, 6, g->now);
			fh_bind_str(q, 7, g->actor.name);
			if (instructor)
				fh_bind_static(q, 8, employers[fh_demo_pick(&g->party_rng, COUNT(employers))], -1);
			int rc = fh_step(q);
			fh_reset(q);
			if (rc != FH_DONE)
				return fail(g, _("writing mentors"));
			if (instructor)
				g->hubs[i].instructor[k - n] = fh_store_last_id(g->s);
		}
	}
	return FH_OK;
}

/* Tenants go mostly to street hubs, then districts and community sites. */
static const struct hubinfo *choose_hub(struct gen *g)
{
	for (int tries = 0; tries < 16; tries++) {
		const struct hubinfo *h = &g->hubs[fh_demo_pick(&g->rng, (int)g->nhubs)];
		int r = fh_demo_pick(&g->rng, 100);
		if (strcmp(h->level, "street") == 0 || (strcmp(h->level, "district") == 0 && r < 50) ||
		    (strcmp(h->level, "community") == 0 && r < 40))
			return h;
	}
	return &g->hubs[g->nhubs - 1];
}

static fh_stage choose_stage(uint64_t *rng)
{
	int r = fh_demo_pick(rng, 100);
	return r < 8     ? FH_STAGE_APPLIED
		: r < 15 ? FH_STAGE_REVIEWING
		: r < 68 ? FH_STAGE_INCUBATING
		: r < 94 ? FH_STAGE_GRADUATED
			 : FH_STAGE_EXITED;
}

/* The templates' milestones of every tenant admitted, due by the one month
 * rule (fh_add_months): most of those past due done a few days early, a
 * graduate's all done. One statement for all of them, in tenant order, after
 * the tenants (a statement per tenant was a fifth of the demo) — or one per
 * batch of tenants beside the load (tenant_side.c), which numbers them as
 * the whole load would. */
static const char milestones_sql[] =
	"INSERT INTO milestones(tenant_id, track, seq, code, title, kind, due, done_on, state,"
	" evidence, verified_by, title_en, required, min_rating, hub_id, active, updated_at, updated_by)"
	" SELECT tid, track, seq, code, title, kind, d, CASE WHEN done THEN d - 86400 * ((tid + seq) % 20) END,"
	"  CASE WHEN done THEN 'done' ELSE 'pending' END, CASE WHEN done THEN evidence END,"
	"  CASE WHEN done THEN ?2 END, title_en, required, min_rating, hub, active, ?1, ?2"
	" FROM (SELECT x.*, (grad OR (d < ?1 AND (tid * 31 + seq * 17) % 100 < 80)) AS done"
	"  FROM (SELECT t.id AS tid, t.hub_id AS hub, t.stage = 'incubating' AS active,"
	"   t.stage = 'graduated' AS grad, m.*, fh_add_months(t.admitted_on, m.due_months) AS d"
	"   FROM tenants t JOIN milestone_templates m ON m.hub_id = t.hub_id"
	"   WHERE t.stage IN ('incubating', 'graduated', 'exited')) x)"
	" ORDER BY tid, track, seq";

static fh_status add_milestones(struct gen *g)
{
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(g->s, milestones_sql, &q, g->err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, g->now);
	fh_bind_str(q, 2, g->actor.name);
	int rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fail(g, _("writing milestones"));
}

/* ---- the party track ------------------------------------------------------ */

struct party_demo {
	int64_t tenant;
	fh_party_org form;
	int members;
	bool fallback;
	int64_t instructor, admitted;
	const char *legal; /* the legal representative, often the secretary too */
	bool registered;   /* in incubation with a credit code: sync items */
};

/* The hub's joint branch with room (a new one every 3–5 tenants). */
static int64_t joint_branch(struct gen *g, struct hubinfo *h, int64_t admitted)
{
	int fill = 3 + (int)(h->branch % 3); /* 3–5 tenants, never over the hub's limit */
	if (fill > h->party.joint_max_tenants)
		fill = h->party.joint_max_tenants;
	if (h->branch && h->branch_tenants < fill)
		return h->branch;
	fh_stmt *q;
	if (fh_store_stmt(g->s,
			  "INSERT INTO party_branches(hub_id, name, secretary, founded, elected,"
			  " updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?4, ?5, ?6)",
			  &q, g->err) != FH_OK)
		return 0;
	char name[160], who[32], day[16];
	static const char *const nums[] = { "第一", "第二", "第三", "第四", "第五", "第六", "第七", "第八" };
	snprintf(name, sizeof name, "%s社会组织%s联合党支部", h->short_name, nums[h->branches % 8]);
	if (h->branches >= 8)
		snprintf(name, sizeof name, "%s社会组织联合党支部%d", h->short_name, h->branches + 1);
	person(&g->party_rng, who, sizeof who);
	fh_bind_int64(q, 1, h->id);
	fh_bind_str(q, 2, name);
	fh_bind_str(q, 3, who);
	fh_bind_str(q, 4, fh_clock_format_date(admitted, day, sizeof day));
	fh_bind_int64(q, 5, g->now);
	fh_bind_str(q, 6, g->actor.name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return 0;
	h->branches++;
	h->branch_tenants = 0;
	return h->branch = fh_store_last_id(g->s);
}

/* An open or done sync item; done ones mostly on time. */
static fh_status sync_item(struct gen *g, int64_t tenant, fh_sync_kind kind, fh_sync_event event, int64_t on,
			   int64_t due)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(g->s,
				     "INSERT OR IGNORE INTO party_sync(tenant_id, kind, event, event_on, due, done_on,"
				     " updated_at, updated_by) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
				     &q, g->err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, tenant);
	fh_bind_static(q, 2, fh_sync_kind_name(kind), -1);
	fh_bind_static(q, 3, fh_sync_event_name(event), -1);
	fh_bind_int64(q, 4, on);
	fh_bind_int64(q, 5, due);
	int64_t done = due - (int64_t)fh_demo_pick(&g->party_rng, 4) * DAY;
	if (fh_demo_pick(&g->party_rng, 100) < 92 && done < g->now)
		fh_bind_int64(q, 6, done > on ? done : on);
	fh_bind_int64(q, 7, g->now);
	fh_bind_str(q, 8, g->actor.name);
	int rc = fh_step(q);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fail(g, _("writing sync checks"));
}

static fh_status add_party(struct gen *g, struct hubinfo *h, const struct party_demo *d)
{
	uint64_t *rng = &g->party_rng;
	int64_t branch = d->form == FH_PARTY_JOINT_BRANCH ? joint_branch(g, h, d->admitted) : 0;
	if (branch)
		h->branch_tenants++;
	char founded[16] = "", elected[16] = "", appointed[16] = "";
	if (d->form == FH_PARTY_BRANCH) {
		/* some committees past their three-year term */
		int64_t f = d->admitted - (int64_t)fh_demo_pick(rng, 4 * 365) * DAY;
		fh_clock_format_date(f, founded, sizeof founded);
		int64_t e = f + (int64_t)fh_demo_pick(rng, 3) * 365 * DAY;
		fh_clock_format_date(e < g->now ? e : f, elected, sizeof elected);
	}
	if (d->instructor)
		fh_clock_format_date(d->admitted + (int64_t)fh_demo_pick(rng, 60) * DAY < g->now
					     ? d->admitted + (int64_t)fh_demo_pick(rng, 60) * DAY
					     : d->admitted,
				     appointed, sizeof appointed);
	fh_stmt *q;
	fh_status st = fh_store_stmt(g->s,
				     "INSERT INTO party(tenant_id, probationary, applicants, activists, relations_here,"
				     " branch_id, founded, elected, secretary, secretary_in_mgmt, appointed, reason)"
				     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
				     &q, g->err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, d->tenant);
	fh_bind_int(q, 2, fh_demo_pick(rng, 3));
	fh_bind_int(q, 3, fh_demo_pick(rng, 4));
	fh_bind_int(q, 4, fh_demo_pick(rng, 4));
	fh_bind_int(q, 5, d->members - (d->members && fh_demo_pick(rng, 3) == 0));
	if (branch)
		fh_bind_int64(q, 6, branch);
	fh_bind_text(q, 7, founded);
	fh_bind_text(q, 8, elected);
	if (d->form == FH_PARTY_BRANCH)
		fh_bind_str(q, 9, d->legal);
	fh_bind_int(q, 10, d->form == FH_PARTY_BRANCH && fh_demo_pick(rng, 10) < 8);
	fh_bind_text(q, 11, appointed);
	if (d->fallback || (d->form == FH_PARTY_NONE && fh_demo_pick(rng, 2)))
		fh_bind_static(q, 12, no_branch_reasons[fh_demo_pick(rng, COUNT(no_branch_reasons))], -1);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fail(g, _("writing party records"));
	if (!d->registered)
		return FH_OK;
	/* registration → commitment and survey; this year's annual report —
	 * due when the hub's rules say (fh_sync_due) */
	int64_t reg = d->admitted + (int64_t)fh_demo_pick(rng, 90) * DAY;
	if (reg > g->now)
		reg = d->admitted;
	int64_t due = fh_sync_due(&h->party, &h->cal, FH_EVENT_REGISTRATION, reg);
	if ((st = sync_item(g, d->tenant, FH_SYNC_COMMITMENT, FH_EVENT_REGISTRATION, reg, due)) != FH_OK ||
	    (st = sync_item(g, d->tenant, FH_SYNC_SURVEY, FH_EVENT_REGISTRATION, reg, due)) != FH_OK)
		return st;
	char year[16];
	fh_clock_format_date(g->now, year, sizeof year);
	memcpy(year + 4, "-01-01", 7);
	int64_t jan = fh_date_epoch(year);
	if (jan > d->admitted)
		st = sync_item(g, d->tenant, FH_SYNC_REPORT, FH_EVENT_ANNUAL, jan,
			       fh_sync_due(&h->party, &h->cal, FH_EVENT_ANNUAL, jan));
	return st;
}

/* The party side of a new tenant: members, the form they allow, fallback;
 * returns whether it gets an instructor. */
static bool choose_party(uint64_t *rng, const struct hubinfo *h, struct party_demo *d)
{
	d->members = fh_demo_pick(rng, 10) < 6 ? fh_demo_pick(rng, 3) : fh_demo_pick(rng, 9);
	d->form = FH_PARTY_NONE;
	int r = fh_demo_pick(rng, 100);
	if (d->members >= h->party.branch_min_members && r < 70)
		d->form = FH_PARTY_BRANCH;
	else if (d->members > 0 && r < 55)
		d->form = FH_PARTY_JOINT_BRANCH;
	else if (r < 78 && r >= 70)
		d->form = FH_PARTY_FUNCTIONAL;
	d->fallback = d->form != FH_PARTY_BRANCH && d->form != FH_PARTY_JOINT_BRANCH && r < 70;
	return d->form != FH_PARTY_BRANCH && fh_demo_pick(rng, 100) < 85;
}

/* A tenant's row as generated, for insert_tenant. */
struct demo_row {
	const struct hubinfo *h;
	fh_org_type type;
	fh_stage stage;
	const char *name, *short_name, *reg, *code, *field, *legal, *contact, *phone, *address;
	const char *founded, *rated, *exit_reason; /* code, rated, exit_reason: NULL for none */
	int staff, volunteers, rating;
	int64_t since, admitted; /* admitted: 0 before incubation */
	const struct party_demo *pd;
};

static fh_status insert_tenant(struct gen *g, const struct demo_row *r, int64_t *id)
{
	fh_stmt *q;
	fh_status q_rc = fh_store_stmt(
		g->s,
		"INSERT INTO tenants(hub_id, name, short_name, org_type, reg_state, credit_code, field,"
		" legal_rep, contact, phone, address, staff, volunteers, founded, stage, stage_since,"
		" admitted_on, planned_end, rating, party_org, party_members, instructor_id,"
		" updated_at, updated_by, rating_date, exit_reason, party_fallback, name_key)"
		" VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,"
		" ?25, ?26, ?27, ?28)",
		&q, g->err);
	if (q_rc != FH_OK)
		return q_rc;
	fh_bind_int64(q, 1, r->h->id);
	fh_bind_str(q, 2, r->name);
	fh_bind_str(q, 3, r->short_name);
	fh_bind_static(q, 4, fh_org_type_name(r->type), -1);
	fh_bind_static(q, 5, r->reg, -1);
	fh_bind_text(q, 6, r->code);
	fh_bind_text(q, 7, r->field);
	fh_bind_str(q, 8, r->legal);
	fh_bind_str(q, 9, r->contact);
	fh_bind_str(q, 10, r->phone);
	fh_bind_str(q, 11, r->address);
	fh_bind_int(q, 12, r->staff);
	fh_bind_int(q, 13, r->volunteers);
	fh_bind_str(q, 14, r->founded);
	fh_bind_static(q, 15, fh_stage_name(r->stage), -1);
	fh_bind_int64(q, 16, r->since);
	if (r->admitted) {
		fh_bind_int64(q, 17, r->admitted);
		fh_bind_int64(q, 18, r->admitted + (int64_t)r->h->term * MONTH);
	}
	fh_bind_int(q, 19, r->rating);
	fh_bind_static(q, 20, fh_party_org_name(r->pd->form), -1);
	fh_bind_int(q, 21, r->pd->members);
	if (r->pd->instructor)
		fh_bind_int64(q, 22, r->pd->instructor);
	fh_bind_int64(q, 23, g->now);
	fh_bind_str(q, 24, g->actor.name);
	fh_bind_text(q, 25, r->rated);
	fh_bind_text(q, 26, r->exit_reason);
	fh_bind_int(q, 27, r->pd->fallback);
	unsigned char key[FH_TENANT_NAME_KEY_MAX];
	fh_bind_blob(q, 28, key, (int)fh_collate_key(r->name, key, sizeof key));
	int rc = fh_step(q);
	fh_reset(q);
	*id = fh_store_last_id(g->s);
	return rc == FH_DONE ? FH_OK : fail(g, _("writing tenants"));
}

/* After the tenant's row: its first history line, its search row (deferred
 * to the load's end) and, with a second core, its hand-over there. */
static fh_status follow_up(struct gen *g, const struct fh_side_tenant *t, int64_t applied)
{
	fh_stmt *q;
	fh_store_stmt(g->s,
		      "INSERT INTO stage_history(tenant_id, from_stage, to_stage, at, operator)"
		      " VALUES(?1, NULL, 'applied', ?2, ?3)",
		      &q, g->err);
	if (!q)
		return g->err->code;
	fh_bind_int64(q, 1, t->id);
	fh_bind_int64(q, 2, applied);
	fh_bind_str(q, 3, g->actor.name);
	int rc = fh_step(q);
	fh_reset(q);
	if (rc != FH_DONE)
		return fail(g, _("writing tenants"));
	if (fh_tenant_index(g->s, t->id, t->hub_id, t->name, t->short_name, t->credit_code, t->contact, t->phone, true,
			    g->err) != FH_OK)
		return g->err->code;
	if (g->beside)
		fh_tenant_side_feed(g->s, t);
	return FH_OK;
}

/* The service field of a kind of work, if the hub's configuration has it;
 * else the hub's last one. */
static const char *hub_field(const struct hubinfo *h, const char *field)
{
	for (size_t i = 0; i < h->nfields; i++)
		if (strcmp(h->fields[i], field) == 0)
			return field;
	return h->nfields ? h->fields[h->nfields - 1] : NULL;
}

static fh_status add_tenant(struct gen *g, int serial)
{
	uint64_t *rng = &g->rng;
	const struct hubinfo *h = choose_hub(g);
	int w = fh_demo_pick(rng, COUNT(works)), k = fh_demo_pick(rng, COUNT(kinds));
	fh_org_type type = kinds[k].type;
	char name[160], short_name[32], contact[32], legal[32], phone[16], address[96], code[19];
	const char *brand = brands[fh_demo_pick(rng, COUNT(brands))];
	bool place = fh_demo_pick(rng, 3) == 0;
	snprintf(name, sizeof name, "%s%s%s%s", place ? (strcmp(h->district, "310112") == 0 ? "闵行" : "静安") : "",
		 brand, works[w].what, kinds[k].suffix);
	snprintf(short_name, sizeof short_name, "%s%s", brand, kinds[k].suffix);
	person(rng, contact, sizeof contact);
	person(rng, legal, sizeof legal);
	mobile(rng, phone, sizeof phone);
	snprintf(address, sizeof address, "%s%d号", streets[fh_demo_pick(rng, COUNT(streets))],
		 1 + fh_demo_pick(rng, 2000));
	fh_stage stage = choose_stage(rng);
	/* Community organisations are filed (备案), most others registered. */
	const char *reg = type == FH_ORG_COMMUNITY_ORG                ? "filed"
		: stage <= FH_STAGE_REVIEWING && fh_demo_pick(rng, 2) ? "preparing"
								      : "registered";
	bool has_code = strcmp(reg, "registered") == 0;
	if (has_code)
		credit_code(type, h->district, (uint64_t)serial + g->code_offset, code);
	int64_t applied = g->now - (int64_t)(fh_demo_pick(rng, 4 * 365) + 1) * DAY;
	int64_t admitted = applied + (int64_t)(20 + fh_demo_pick(rng, 40)) * DAY;
	if (admitted > g->now)
		admitted = g->now - DAY;
	int64_t since = stage <= FH_STAGE_REVIEWING ? applied : admitted;
	if (stage == FH_STAGE_GRADUATED || stage == FH_STAGE_EXITED) {
		/* graduated after 12–24 months, left after up to 10 */
		since = admitted +
			(stage == FH_STAGE_GRADUATED ? (int64_t)(12 + fh_demo_pick(rng, 13)) * MONTH
						     : (int64_t)fh_demo_pick(rng, 300) * DAY);
		if (since > g->now - DAY)
			since = g->now - DAY;
	}
	struct party_demo pd = { .admitted = admitted,
				 .legal = legal,
				 .registered = has_code && stage >= FH_STAGE_INCUBATING };
	bool instructed = choose_party(rng, h, &pd);
	char founded[16], rated[16];
	fh_clock_format_date(applied - (int64_t)fh_demo_pick(rng, 3 * 365) * DAY, founded, sizeof founded);
	struct demo_row r = { .h = h,
			      .type = type,
			      .stage = stage,
			      .name = name,
			      .short_name = short_name,
			      .reg = reg,
			      .code = has_code ? code : NULL,
			      .field = hub_field(h, works[w].field),
			      .legal = legal,
			      .contact = contact,
			      .phone = phone,
			      .address = address,
			      .founded = founded,
			      .since = since,
			      .pd = &pd,
			      .admitted = stage >= FH_STAGE_INCUBATING ? admitted : 0 };
	r.staff = 1 + fh_demo_pick(rng, 30);
	r.volunteers = fh_demo_pick(rng, 200);
	/* only registered organisations are rated (等级评估), with a date */
	r.rating = !has_code                  ? 0
		: stage == FH_STAGE_GRADUATED ? 2 + fh_demo_pick(rng, 3)
		: fh_demo_pick(rng, 6) == 0   ? 3
					      : 0;
	pd.instructor = instructed ? h->instructor[fh_demo_pick(&g->party_rng, 3) == 0] : 0;
	if (r.rating)
		r.rated = fh_clock_format_date(since - 30 * DAY > applied ? since - 30 * DAY : applied, rated,
					       sizeof rated);
	if (stage == FH_STAGE_EXITED)
		r.exit_reason = exit_reasons[fh_demo_pick(rng, COUNT(exit_reasons))];
	int64_t id = 0;
	fh_status st = insert_tenant(g, &r, &id);
	struct fh_side_tenant t = { .id = id,
				    .hub_id = h->id,
				    .admitted_on = r.admitted,
				    .stage = fh_stage_name(stage),
				    .name = name,
				    .short_name = short_name,
				    .credit_code = has_code ? code : "",
				    .contact = contact,
				    .phone = phone };
	if (st == FH_OK)
		st = follow_up(g, &t, applied);
	pd.tenant = id;
	return st == FH_OK ? add_party(g, (struct hubinfo *)h, &pd) : st;
}

/* The demo writes only into a database without tenants. */
static fh_status refuse_tenants(fh_store *s, fh_error *err)
{
	int64_t existing;
	fh_status st = fh_store_int(s, "SELECT count(*) FROM tenants", &existing, err);
	if (st == FH_OK && existing > 0)
		st = fh_error_set(err, FH_ECONFLICT, "db",
				  _("the database already holds %d tenants; the demo writes only into a new database"),
				  (int)existing);
	return st;
}

static fh_status generate(struct gen *g, const fh_config *cfg, const fh_demo_options *opt)
{
	fh_status st;
	if ((st = fh_tx_begin_main(g->s, g->err)) != FH_OK)
		return st;
	fh_stmt *q;
	st = refuse_tenants(g->s, g->err); /* again inside: another session may have added some */
	if (st == FH_OK)
		st = add_operators(g, cfg);
	if (st == FH_OK)
		st = load_hubs(g);
	if (st == FH_OK)
		st = add_mentors(g);
	struct fh_set_aside paused = { 0 };
	if (st == FH_OK)
		st = fh_tally_pause(g->s, &paused, g->err);
	if (st == FH_OK)
		st = fh_tenant_index_defer(g->s, g->err);
	for (int i = 0; st == FH_OK && i < opt->tenants; i++) {
		st = add_tenant(g, i);
		if (opt->progress && (i % 1000 == 999 || i + 1 == opt->tenants))
			opt->progress(opt->ctx, i + 1, opt->tenants);
	}
	bool built = false; /* the milestones, beside the load */
	if (st == FH_OK)
		st = fh_tenant_side_rows(g->s, &built, g->err);
	if (st == FH_OK && !built)
		st = add_milestones(g);
	/* the indexes and kept counts first: the search indexes are the last
	 * to be ready beside the load */
	fh_error later; /* after a failure, the first error is the one told */
	fh_status rs = fh_tally_resume(g->s, &paused, st == FH_OK ? g->err : &later);
	if (st == FH_OK)
		st = rs;
	fh_status fs = fh_tenant_index_flush(g->s, st == FH_OK ? g->err : &later);
	if (st == FH_OK)
		st = fs;
	if (st == FH_OK)
		st = fh_demo_spaces(g->s, &g->actor, opt->seed, g->err);
	if (st == FH_OK)
		st = fh_demo_mentoring(g->s, &g->actor, opt->seed, g->err);
	if (st == FH_OK)
		st = fh_demo_outcomes(g->s, &g->actor, opt->seed, g->err);
	if (st == FH_OK)
		st = fh_operator_mark_demo(g->s, g->err);
	if (st == FH_OK) {
		fh_store_stmt(g->s, "INSERT OR REPLACE INTO settings(key, value) VALUES('demo', ?1)", &q, g->err);
		char seed[32];
		snprintf(seed, sizeof seed, "%llu", (unsigned long long)opt->seed);
		if (!q) {
			st = g->err->code;
		} else {
			fh_bind_str(q, 1, seed);
			if (fh_step(q) != FH_DONE)
				st = fail(g, _("writing settings"));
			fh_reset(q);
		}
	}
	if (st == FH_OK) {
		fh_buf b = FH_BUF_INIT;
		fh_buf_printf(&b,
			      "{\"summary\":\"%d tenants, seed %llu\",\"tenants\":%d,\"seed\":%llu,"
			      "\"cores\":%d}",
			      opt->tenants, (unsigned long long)opt->seed, opt->tenants, (unsigned long long)opt->seed,
			      built ? 2 : 1);
		st = fh_audit_write(g->s, &g->actor, g->actor.hub_id, "demo", 0, "generate", NULL, fh_buf_str(&b),
				    g->err);
		fh_buf_free(&b);
	}
	if (st != FH_OK) {
		fh_tx_rollback(g->s);
		return st;
	}
	return fh_tx_commit(g->s, g->err);
}

fh_status fh_demo_generate(fh_store *s, const fh_config *cfg, const fh_demo_options *opt, fh_error *err)
{
	fh_error_clear(err);
	if (!opt || opt->tenants < 0 || opt->tenants > 1000000)
		return fh_error_set(err, FH_EINVAL, "tenants", "%s", _("must be 0 to 1000000"));
	fh_status st = refuse_tenants(s, err); /* early, before anything is written */
	fh_sync_report rep;
	if (st == FH_OK)
		st = fh_hub_sync(s, cfg, "demo", &rep, err);
	if (st != FH_OK)
		return st;
	struct gen g = {
		.s = s, .err = err, .rng = opt->seed ^ 0x66756875614ULL, .party_rng = opt->seed ^ 0x7061727479ULL
	};
	g.now = fh_clock_now() / DAY * DAY;
	g.code_offset = opt->seed % 1000003;
	/* a page cache the size of the data written, for the one transaction
	 * that writes it all (the default 2 MB makes every index insert a read) */
	fh_store_exec(s, "PRAGMA cache_size = -262144", NULL);
	if ((st = fh_actor_system(s, "demo", &g.actor, err)) == FH_OK) {
		struct fh_side_job job = { milestones_sql, g.now, g.actor.name, "milestone_templates", "milestones" };
		g.beside = !opt->one_core && fh_tenant_side_open(s, &job);
		st = generate(&g, cfg, opt);
		fh_tenant_side_close(s);
	}
	fh_store_exec(s, "PRAGMA cache_size = -2000", NULL);
	for (size_t i = 0; i < g.nhubs; i++)
		fh_calendar_free(&g.hubs[i].cal);
	free(g.hubs);
	return st;
}
