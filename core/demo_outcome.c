/* fuhua core — the demo's year of outcomes, written through the modules
 * so that they obey their rules: projects granted in batches last year and
 * this, paid and evaluated; a year of activities and the people they
 * served; courses with who attended; last year's inspections at the rates
 * the sources quote; follow-ups of the graduates; 以社孵社; the branches'
 * meetings and stars; the ratings' history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "activity_int.h"
#include "demo_int.h"
#include "followup_int.h"
#include "fuhua/clock.h"
#include "fuhua/course.h"
#include "fuhua/followup.h"
#include "fuhua/inspection.h"
#include "fuhua/meeting.h"
#include "fuhua/project.h"
#include "i18n.h"
#include "rating_int.h"
#include "store_int.h"

#define DAY 86400

/* At most so many activities a year in all: a city of a million tenants
 * records a few million. */
#define ACTIVITIES_MAX 3000000

static const char *const grant_titles[] = {
	"长者助餐与陪伴计划", "困境儿童课后托管", "社区花园营造",   "新市民融入服务",   "残障人士就业支持",
	"楼组自治能力提升",   "垃圾分类志愿先锋", "青少年心理护航", "社区食品安全宣传", "邻里互助时间银行",
};
static const char *const activity_titles[] = {
	"敬老院探访",   "社区义诊",   "亲子阅读会", "垃圾分类宣传", "法律咨询进社区", "助残康复小组",
	"邻里议事会",   "志愿者培训", "节日游园会", "反诈宣传",     "健康讲座",       "主题党日",
	"社区环境清洁", "书法兴趣班", "防灾演练",   "四点半课堂",   "老年智能手机课", "心理疏导小组",
};
static const char *const places[] = { "社区活动室", "街道市民中心", "小区广场", "养老院", "中心会议室", "党群服务站" };
static const char *const course_titles[] = {
	"项目书写作与申报", "社会组织财务规范", "志愿者招募与管理", "品牌传播与新媒体", "公益创投答辩技巧",
	"党组织书记履职",   "三会一课规范",     "年检年报实务",     "等级评估准备",     "社区协商议事",
};
static const char *const trainers[] = { "李明老师", "陈静老师", "王海燕老师", "张伟老师", "刘芳老师" };
static const char *const people[] = { "张敏", "王强", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周涛", "吴婷" };
static const char *const meeting_topics[] = { "学习贯彻党的二十大精神", "研究支部年度工作计划", "发展党员工作",
					      "主题党日活动安排",       "党费收缴与使用",       "组织生活会准备" };

struct demo_tenant {
	int64_t id, hub, admitted, since;
	bool incubating, registered, branch;
	int64_t project, project_start; /* a running project its activities may serve */
};

struct outcome {
	fh_store *s;
	const fh_actor *a;
	uint64_t rng;
	int64_t today;
	int year, month; /* today's */
	struct demo_tenant *t;
	size_t n;
	fh_error *err;
};

static const char *pick_of(uint64_t *rng, const char *const *v, size_t n)
{
	return v[fh_demo_pick(rng, (int)n)];
}
#define PICK(rng, v) pick_of(rng, v, sizeof v / sizeof v[0])

static int64_t ymd(int y, int m, int d)
{
	char s[40];
	snprintf(s, sizeof s, "%04d-%02d-%02d", y, m, d);
	return fh_date_epoch(s);
}

/* The tenants in incubation and the graduates, in number order. */
static fh_status load_tenants(struct outcome *o)
{
	fh_stmt *q;
	fh_status st =
		fh_store_stmt(o->s,
			      "SELECT id, hub_id, stage = 'incubating', coalesce(admitted_on, 0), stage_since,"
			      " reg_state = 'registered', party_org = 'branch' FROM tenants"
			      " WHERE stage IN ('incubating', 'graduated') AND admitted_on IS NOT NULL ORDER BY id",
			      &q, o->err);
	if (st != FH_OK)
		return st;
	size_t cap = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW) {
		if (!fh_grow(&o->t, &cap, o->n + 1, sizeof *o->t)) {
			fh_reset(q);
			return fh_error_set(o->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
		}
		struct demo_tenant *t = &o->t[o->n++];
		memset(t, 0, sizeof *t);
		t->id = fh_column_int64(q, 0);
		t->hub = fh_column_int64(q, 1);
		t->incubating = fh_column_int(q, 2);
		t->admitted = fh_clock_day(fh_column_int64(q, 3));
		t->since = fh_clock_day(fh_column_int64(q, 4));
		t->registered = fh_column_int(q, 5);
		t->branch = fh_column_int(q, 6);
	}
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(o->s, o->err, _("reading tenants"));
}

/* One of the hub's funders ("其他" when it lists none). */
static void funder_of(struct outcome *o, int64_t hub, char *out, size_t size)
{
	fh_stmt *q;
	fh_error e;
	snprintf(out, size, "%s", "其他");
	if (fh_store_stmt(o->s, "SELECT name FROM project_funders WHERE hub_id = ?1 ORDER BY seq LIMIT 1 OFFSET ?2", &q,
			  &e) != FH_OK)
		return;
	fh_bind_int64(q, 1, hub);
	fh_bind_int(q, 2, fh_demo_pick(&o->rng, 3));
	if (fh_step(q) == FH_ROW)
		fh_column_text(q, 0, out, size);
	fh_reset(q);
}

/* A project of tenant t through project.h: added running, paid its
 * advance, and for last year's closed, evaluated and paid the rest. */
static fh_status project_for(struct outcome *o, struct demo_tenant *t, bool last_year)
{
	int r = fh_demo_pick(&o->rng, 100);
	fh_project p = { .tenant_id = t->id, .year = last_year ? o->year - 1 : o->year };
	p.kind = r < 55 ? FH_PROJECT_VENTURE_GRANT : r < 85 ? FH_PROJECT_SERVICE_CONTRACT : FH_PROJECT_SUBSIDY;
	snprintf(p.title, sizeof p.title, "%s", PICK(&o->rng, grant_titles));
	funder_of(o, t->hub, p.funder, sizeof p.funder);
	snprintf(p.batch, sizeof p.batch, "%s", fh_demo_pick(&o->rng, 2) ? "第一批" : "第二批");
	p.granted = (int64_t)(30 + fh_demo_pick(&o->rng, 171)) * 1000 * 100;
	p.target_served = 200 + 100 * fh_demo_pick(&o->rng, 19);
	p.start_on = last_year ? ymd(o->year - 1, 3, 1) : ymd(o->year, 4, 1);
	p.end_on = last_year                ? ymd(o->year, 2, 28)
		: fh_demo_pick(&o->rng, 10) ? ymd(o->year + 1, 3, 31)
					    : ymd(o->year, 10, 31);
	int state = fh_demo_pick(&o->rng, 100);
	if ((!last_year && state < 15) || state >= 90) /* applications waiting, and those refused */
		p.state = FH_PROJECT_APPLIED;
	else
		p.state = !last_year && state < 30 ? FH_PROJECT_APPROVED : FH_PROJECT_RUNNING;
	if (p.start_on > o->today)
		p.state = p.state == FH_PROJECT_RUNNING ? FH_PROJECT_APPROVED : p.state;
	int64_t id, pay;
	fh_error e;
	fh_status st = fh_project_add(o->s, o->a, &p, &id, &e);
	if (st == FH_EINVAL)
		return FH_OK; /* a funder or field the hub does not list: no project */
	if (st != FH_OK)
		goto fail;
	if (state >= 90) { /* refused */
		if ((st = fh_project_set_state(o->s, o->a, id, FH_PROJECT_REFUSED, 0, &e)) != FH_OK)
			goto fail;
		return FH_OK;
	}
	if (p.state == FH_PROJECT_APPLIED)
		return FH_OK;
	int64_t advance = p.granted * (p.kind == FH_PROJECT_SERVICE_CONTRACT ? 50 : 60) / 100;
	int64_t first = p.start_on + 14 * DAY;
	if (first <= o->today && (st = fh_project_pay(o->s, o->a, id, advance, first, "首期拨付", &pay, &e)) != FH_OK)
		goto fail;
	if (!last_year) {
		if (p.state == FH_PROJECT_RUNNING) {
			t->project = id;
			t->project_start = p.start_on;
		}
		return FH_OK;
	}
	int64_t evaluated = ymd(o->year, 4, 10 + fh_demo_pick(&o->rng, 15));
	if (p.end_on > o->today ||
	    (st = fh_project_set_state(o->s, o->a, id, FH_PROJECT_CLOSED, p.end_on, &e)) != FH_OK)
		return p.end_on > o->today ? FH_OK : (*o->err = e, st);
	if (evaluated > o->today || fh_demo_pick(&o->rng, 10) == 0)
		return FH_OK; /* waiting for its evaluation */
	int g = fh_demo_pick(&o->rng, 100);
	fh_project_grade grade = g < 30 ? FH_GRADE_EXCELLENT
		: g < 75                ? FH_GRADE_GOOD
		: g < 95                ? FH_GRADE_PASS
					: FH_GRADE_FAIL;
	double score = grade == FH_GRADE_EXCELLENT ? 90 + fh_demo_pick(&o->rng, 10)
		: grade == FH_GRADE_GOOD           ? 80 + fh_demo_pick(&o->rng, 10)
		: grade == FH_GRADE_PASS           ? 60 + fh_demo_pick(&o->rng, 20)
						   : 40 + fh_demo_pick(&o->rng, 20);
	if ((st = fh_project_evaluate(o->s, o->a, id, grade, score, evaluated, &e)) != FH_OK)
		goto fail;
	if (grade != FH_GRADE_FAIL && evaluated + 20 * DAY <= o->today &&
	    (st = fh_project_pay(o->s, o->a, id, p.granted - advance, evaluated + 20 * DAY, "尾款", &pay, &e)) != FH_OK)
		goto fail;
	return FH_OK;
fail:
	*o->err = e;
	return st;
}

static fh_status projects(struct outcome *o)
{
	fh_status st = FH_OK;
	for (size_t i = 0; st == FH_OK && i < o->n; i++) {
		struct demo_tenant *t = &o->t[i];
		if (t->admitted < ymd(o->year - 1, 1, 1) && fh_demo_pick(&o->rng, 100) < 18)
			st = project_for(o, t, true);
		if (st == FH_OK && t->incubating && fh_demo_pick(&o->rng, 100) < 22)
			st = project_for(o, t, false);
	}
	return st;
}

/* A hub's month of activities, added to the kept totals at the end. */
struct month_sums {
	int64_t hub;
	int month;
	struct fh_activity_sums sums;
};

static fh_status activities(struct outcome *o)
{
	size_t incubating = 0;
	for (size_t i = 0; i < o->n; i++)
		incubating += o->t[i].incubating;
	/* three a month each, fewer when the city is large */
	int per_100 = incubating * 36 > ACTIVITIES_MAX ? (int)(ACTIVITIES_MAX * 100 / (incubating * 12)) : 300;
	struct month_sums *ms = NULL;
	size_t nms = 0, cap = 0;
	fh_status st = FH_OK;
	for (size_t i = 0; st == FH_OK && i < o->n; i++) {
		struct demo_tenant *t = &o->t[i];
		if (!t->incubating)
			continue;
		for (int back = 0; st == FH_OK && back < 12; back++) {
			int mm = o->month - back, yy = o->year;
			while (mm < 1) {
				mm += 12;
				yy--;
			}
			int64_t from = ymd(yy, mm, 1), to = fh_clock_add_months(from, 1) - DAY;
			if (to > o->today)
				to = o->today;
			if (from < t->admitted)
				from = t->admitted;
			if (from > to)
				continue;
			int count = (per_100 + fh_demo_pick(&o->rng, 100)) / 100;
			for (int k = 0; st == FH_OK && k < count; k++) {
				fh_activity a = { .hub_id = t->hub, .tenant_id = t->id };
				a.on = from + (int64_t)fh_demo_pick(&o->rng, (int)((to - from) / DAY) + 1) * DAY;
				int r = fh_demo_pick(&o->rng, 100);
				a.kind = r < 50  ? FH_ACTIVITY_SERVICE
					: r < 75 ? FH_ACTIVITY_EVENT
					: r < 90 ? FH_ACTIVITY_VOLUNTEERING
						 : FH_ACTIVITY_PARTY;
				snprintf(a.title, sizeof a.title, "%s", PICK(&o->rng, activity_titles));
				snprintf(a.place, sizeof a.place, "%s", PICK(&o->rng, places));
				a.served = 10 + fh_demo_pick(&o->rng, 110);
				a.volunteers = fh_demo_pick(&o->rng, 9);
				a.volunteer_hours = a.volunteers * (1 + fh_demo_pick(&o->rng, 4));
				if (t->project && a.on >= t->project_start && fh_demo_pick(&o->rng, 10) < 4)
					a.project_id = t->project;
				int64_t id;
				if ((st = fh_activity_insert(o->s, o->a, &a, &id, o->err)) != FH_OK)
					break;
				int month = fh_activity_month(a.on);
				size_t j = 0;
				while (j < nms && (ms[j].hub != a.hub_id || ms[j].month != month))
					j++;
				if (j == nms) {
					if (!fh_grow(&ms, &cap, nms + 1, sizeof *ms)) {
						st = fh_error_set(o->err, FH_ENOMEM, NULL, "%s", _("out of memory"));
						break;
					}
					ms[nms++] = (struct month_sums){ .hub = a.hub_id, .month = month };
				}
				ms[j].sums.activities++;
				ms[j].sums.served += a.served;
				ms[j].sums.volunteers += a.volunteers;
				ms[j].sums.tenths += fh_activity_tenths(a.volunteer_hours);
			}
		}
	}
	for (size_t j = 0; st == FH_OK && j < nms; j++)
		st = fh_activity_tally_add(o->s, ms[j].hub, ms[j].month, &ms[j].sums, 1, o->err);
	free(ms);
	return st;
}

/* Last year's inspections: about 94 % of those due filed and passed
 * (上城: 应检189家, 合格178家), a few late, most with the party report. */
static fh_status inspections(struct outcome *o)
{
	int y = o->year - 1;
	if (o->today < ymd(o->year, 3, 1))
		return FH_OK; /* none filed yet this year */
	fh_status st = FH_OK;
	for (size_t i = 0; st == FH_OK && i < o->n; i++) {
		struct demo_tenant *t = &o->t[i];
		if (!t->registered || t->admitted >= ymd(o->year, 1, 1))
			continue;
		int r = fh_demo_pick(&o->rng, 1000);
		fh_inspection x = { .tenant_id = t->id, .year = y };
		x.result = r < 940 ? FH_INSPECTION_PASSED
			: r < 965  ? FH_INSPECTION_BASIC
			: r < 980  ? FH_INSPECTION_FAILED
				   : FH_INSPECTION_ABSENT;
		if (x.result != FH_INSPECTION_ABSENT) {
			x.filed_on = ymd(o->year, 3, 1) + (int64_t)fh_demo_pick(&o->rng, 100) * DAY;
			if (x.filed_on > o->today)
				x.filed_on = o->today;
			x.party_report = fh_demo_pick(&o->rng, 100) < 80;
		}
		int64_t id;
		fh_error e;
		if ((st = fh_inspection_record(o->s, o->a, &x, &id, &e)) == FH_EINVAL)
			st = FH_OK; /* a tenant the rules do not inspect */
		else if (st != FH_OK)
			*o->err = e;
	}
	return st;
}

/* Two courses a month at each hub, with people of its tenants. */
static fh_status courses(struct outcome *o)
{
	fh_stmt *q;
	fh_status st = fh_store_stmt(o->s, "SELECT id, code FROM hubs ORDER BY id", &q, o->err);
	if (st != FH_OK)
		return st;
	int64_t hubs[256];
	char codes[256][33];
	size_t nh = 0;
	int rc;
	while ((rc = fh_step(q)) == FH_ROW && nh < 256) {
		fh_column_text(q, 1, codes[nh], sizeof codes[nh]);
		hubs[nh++] = fh_column_int64(q, 0);
	}
	fh_reset(q);
	if (rc != FH_DONE && rc != FH_ROW)
		return fh_store_fail(o->s, o->err, _("reading hubs"));
	for (size_t h = 0; st == FH_OK && h < nh; h++) {
		/* the hub's tenants in incubation, to draw attendees from */
		size_t first = 0, count = 0;
		while (first < o->n && !(o->t[first].hub == hubs[h] && o->t[first].incubating))
			first++;
		for (size_t i = first; i < o->n; i++)
			count += o->t[i].hub == hubs[h] && o->t[i].incubating;
		if (!count)
			continue;
		for (int back = 0; st == FH_OK && back < 12; back++) {
			for (int c = 0; st == FH_OK && c < 2; c++) {
				fh_course x = { .hours = 2 + fh_demo_pick(&o->rng, 3) };
				x.on = fh_clock_add_months(o->today, -back) - (int64_t)fh_demo_pick(&o->rng, 25) * DAY;
				x.audience = c == 0
					? FH_AUDIENCE_TENANT_STAFF
					: (fh_course_audience)(1 + fh_demo_pick(&o->rng, FH_AUDIENCE_COUNT - 1));
				snprintf(x.title, sizeof x.title, "%s", PICK(&o->rng, course_titles));
				snprintf(x.trainer, sizeof x.trainer, "%s", PICK(&o->rng, trainers));
				int64_t id, att;
				fh_error e;
				if ((st = fh_course_add(o->s, o->a, codes[h], &x, &id, &e)) != FH_OK) {
					*o->err = e;
					break;
				}
				int people_n = 8 + fh_demo_pick(&o->rng, 20);
				for (int p = 0; st == FH_OK && p < people_n; p++) {
					size_t k = first + (size_t)fh_demo_pick(&o->rng, (int)(o->n - first));
					if (o->t[k].hub != hubs[h] || !o->t[k].incubating)
						continue;
					st = fh_course_attend(o->s, o->a, id, o->t[k].id, PICK(&o->rng, people), &att,
							      &e);
					if (st == FH_ECONFLICT)
						st = FH_OK; /* the same person drawn twice */
					else if (st != FH_OK)
						*o->err = e;
				}
			}
		}
	}
	return st;
}

/* Half a year of one branch's organisational life (a tenant's own, or a
 * joint branch): most keep to it, one in ten has let it slip for the last
 * three months; and last year's stars for six in ten. */
static fh_status branch_life(struct outcome *o, int64_t tenant, int64_t branch, int64_t since)
{
	fh_status st = FH_OK;
	bool slack = fh_demo_pick(&o->rng, 10) == 0;
	for (int back = slack ? 3 : 0; st == FH_OK && back < 6; back++) {
		for (int k = 0; st == FH_OK && k < FH_MEETING_KIND_COUNT; k++) {
			bool monthly = k == FH_MEETING_COMMITTEE || k == FH_MEETING_GROUP;
			if (!monthly && back % 3 != 0)
				continue;
			fh_meeting m = { .tenant_id = tenant, .branch_id = branch, .kind = (fh_meeting_kind)k };
			m.on = fh_clock_add_months(o->today, -back) - (int64_t)fh_demo_pick(&o->rng, 20) * DAY;
			if (m.on < since)
				continue;
			m.attendance = 3 + fh_demo_pick(&o->rng, 8);
			snprintf(m.topic, sizeof m.topic, "%s", PICK(&o->rng, meeting_topics));
			int64_t id;
			fh_error e;
			if ((st = fh_meeting_add(o->s, o->a, &m, &id, &e)) != FH_OK)
				*o->err = e;
		}
	}
	if (st == FH_OK && fh_demo_pick(&o->rng, 10) < 6) {
		fh_error e;
		if ((st = fh_meeting_stars_set(o->s, o->a, tenant, branch, o->year - 1, 2 + fh_demo_pick(&o->rng, 4),
					       &e)) != FH_OK)
			*o->err = e;
	}
	return st;
}

static fh_status meetings(struct outcome *o)
{
	fh_status st = FH_OK;
	for (size_t i = 0; st == FH_OK && i < o->n; i++)
		if (o->t[i].branch && o->t[i].incubating)
			st = branch_life(o, o->t[i].id, 0, o->t[i].admitted);
	fh_stmt *q;
	int64_t after = 0;
	while (st == FH_OK &&
	       (st = fh_store_stmt(o->s, "SELECT id FROM party_branches WHERE id > ?1 ORDER BY id LIMIT 1", &q,
				   o->err)) == FH_OK) {
		fh_bind_int64(q, 1, after);
		int rc = fh_step(q);
		if (rc == FH_ROW)
			after = fh_column_int64(q, 0);
		fh_reset(q);
		if (rc == FH_DONE)
			break;
		if (rc != FH_ROW)
			return fh_store_fail(o->s, o->err, _("reading branches"));
		st = branch_life(o, 0, after, 0);
	}
	return st;
}

/* The graduates' follow-ups, most of those due recorded; a few graduates
 * incubating others (以社孵社). */
static fh_status followups(struct outcome *o)
{
	fh_status st = fh_followup_seed(o->s, "demo", o->err);
	fh_stmt *q;
	int64_t after = 0;
	while (st == FH_OK) {
		if ((st = fh_store_stmt(o->s,
					"SELECT id, due FROM followups WHERE done_on IS NULL AND due < ?1 AND id > ?2"
					" ORDER BY id LIMIT 1",
					&q, o->err)) != FH_OK)
			break;
		fh_bind_int64(q, 1, o->today);
		fh_bind_int64(q, 2, after);
		int rc = fh_step(q);
		int64_t due = 0;
		if (rc == FH_ROW) {
			after = fh_column_int64(q, 0);
			due = fh_column_int64(q, 1);
		}
		fh_reset(q);
		if (rc == FH_DONE)
			break;
		if (rc != FH_ROW)
			return fh_store_fail(o->s, o->err, _("reading follow-ups"));
		if (fh_demo_pick(&o->rng, 100) < 12)
			continue; /* overdue */
		int r = fh_demo_pick(&o->rng, 100);
		fh_followup f = { .id = after, .served = 50 * (1 + fh_demo_pick(&o->rng, 40)) };
		f.state = r < 85 ? FH_FOLLOWUP_OPERATING : r < 96 ? FH_FOLLOWUP_DIFFICULTY : FH_FOLLOWUP_DISSOLVED;
		f.done_on = due + (int64_t)fh_demo_pick(&o->rng, 20) * DAY;
		if (f.done_on > o->today)
			f.done_on = o->today;
		snprintf(f.notes, sizeof f.notes, "%s",
			 f.state == FH_FOLLOWUP_OPERATING            ? "运营正常，持续开展服务"
				 : f.state == FH_FOLLOWUP_DIFFICULTY ? "资金紧张，需链接资源"
								     : "已注销");
		fh_error e;
		if ((st = fh_followup_record(o->s, o->a, &f, &e)) == FH_ECONFLICT)
			st = FH_OK; /* closed with a dissolution already */
		else if (st != FH_OK)
			*o->err = e;
	}
	/* about one graduate in twelve incubates one or two of its hub's young
	 * organisations: the next ones in incubation after it */
	for (size_t i = 0; st == FH_OK && i < o->n; i++) {
		if (o->t[i].incubating || fh_demo_pick(&o->rng, 12) != 0)
			continue;
		int want = 1 + fh_demo_pick(&o->rng, 2);
		for (size_t j = (i + 1) % o->n, seen = 0; st == FH_OK && want > 0 && seen < o->n;
		     j = (j + 1) % o->n, seen++) {
			if (!o->t[j].incubating || o->t[j].hub != o->t[i].hub)
				continue;
			fh_error e;
			int64_t on = o->t[j].admitted > o->t[i].since ? o->t[j].admitted : o->t[i].since;
			if ((st = fh_followup_link(o->s, o->a, o->t[i].id, o->t[j].id, on > o->today ? o->today : on,
						   &e)) == FH_ECONFLICT)
				st = FH_OK;
			else if (st != FH_OK)
				*o->err = e;
			want--;
		}
	}
	return st;
}

fh_status fh_demo_outcomes(fh_store *s, const fh_actor *a, uint64_t seed, fh_error *err)
{
	struct outcome o = { .s = s, .a = a, .rng = seed ^ 0x6f7574636f6d65ULL, .err = err };
	char d[16];
	o.today = fh_clock_day(fh_clock_now());
	o.year = atoi(fh_clock_format_date(o.today, d, sizeof d));
	o.month = atoi(d + 5);
	fh_status st = load_tenants(&o);
	if (st == FH_OK)
		st = fh_rating_seed(s, "demo", err);
	if (st == FH_OK)
		st = projects(&o);
	if (st == FH_OK)
		st = activities(&o);
	if (st == FH_OK)
		st = inspections(&o);
	if (st == FH_OK)
		st = courses(&o);
	if (st == FH_OK)
		st = meetings(&o);
	if (st == FH_OK)
		st = followups(&o);
	free(o.t);
	return st;
}
