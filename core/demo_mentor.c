/* fuhua core — the demo's mentoring: mentors paired with tenants in
 * incubation up to their capacity, and sessions over the last two months,
 * written through mentor.h so that they obey its rules. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_int.h"
#include "fuhua/clock.h"
#include "fuhua/mentor.h"
#include "fuhua/milestone.h"
#include "i18n.h"
#include "store_int.h"

#define DAY 86400

static const char *const topics[] = {
	"章程修订",   "财务制度",     "项目设计", "公益创投申报书",   "登记材料",
	"志愿者管理", "党建工作方案", "品牌传播", "政府购买服务投标", "等级评估准备",
};

/* Tenants in incubation at a hub, first admitted first, at most max, in
 * ids and *n. */
static fh_status incubating(fh_store *s, int64_t hub, int64_t *ids, size_t max, size_t *n, fh_error *err)
{
	fh_stmt *q;
	*n = 0;
	fh_status st = fh_store_stmt(s,
				     "SELECT id FROM tenants WHERE hub_id = ?1 AND stage = 'incubating'"
				     " ORDER BY admitted_on, id LIMIT ?2",
				     &q, err);
	if (st != FH_OK)
		return st;
	fh_bind_int64(q, 1, hub);
	fh_bind_int64(q, 2, (int64_t)max);
	int rc;
	while ((rc = fh_step(q)) == FH_ROW)
		ids[(*n)++] = fh_column_int64(q, 0);
	fh_reset(q);
	return rc == FH_DONE ? FH_OK : fh_store_fail(s, err, _("reading tenants"));
}

fh_status fh_demo_mentoring(fh_store *s, const fh_actor *a, uint64_t seed, fh_error *err)
{
	uint64_t rng = seed ^ 0x6d656e746f72ULL;
	fh_mentor *m;
	size_t nm;
	fh_status st = fh_mentor_list(s, a, NULL, &m, &nm, err);
	int64_t today = fh_clock_day(fh_clock_now());
	for (size_t i = 0; st == FH_OK && i < nm; i++) {
		int64_t ids[64];
		size_t nt;
		if ((st = incubating(s, m[i].hub_id, ids, 64, &nt, err)) != FH_OK)
			break;
		/* each mentor takes the hub's tenants from a different place */
		size_t first = nt ? (i * 3) % nt : 0;
		int paired = 0;
		for (size_t k = 0; st == FH_OK && k < nt && paired < m[i].capacity - 1; k++) {
			fh_error e;
			fh_status ps = fh_mentor_assign(s, a, m[i].id, ids[(first + k) % nt], &e);
			if (ps == FH_ECONFLICT || ps == FH_EINVAL)
				continue;
			if ((st = ps) != FH_OK) {
				*err = e;
				break;
			}
			paired++;
			/* most pairings met in the last weeks; some have gone quiet */
			int sessions = fh_demo_pick(&rng, 4);
			for (int x = 0; st == FH_OK && x < sessions; x++) {
				fh_session in = { .mentor_id = m[i].id,
						  .tenant_id = ids[(first + k) % nt],
						  .on = today - (int64_t)(1 + fh_demo_pick(&rng, 60)) * DAY,
						  .hours = 1 + fh_demo_pick(&rng, 4) * 0.5 };
				snprintf(in.topic, sizeof in.topic, "%s",
					 topics[fh_demo_pick(&rng, (int)(sizeof topics / sizeof topics[0]))]);
				int64_t id;
				if ((st = fh_session_add(s, a, &in, &id, &e)) != FH_OK)
					*err = e;
			}
		}
	}
	free(m);
	return st;
}
