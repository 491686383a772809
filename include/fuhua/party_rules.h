/* fuhua — the dual-incubation section of a hub's rules (party:, sync: and
 * coverage: in fuhua-config(5)), owned by the party module: the keys are
 * read by core/config_party.c, kept in the database and read back by
 * core/party.c. Adding a key touches these files and fuhua-config(5). */
#ifndef FUHUA_PARTY_RULES_H
#define FUHUA_PARTY_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* A published coverage rate to compare with (national 61.7 %, …). */
#define FH_COVERAGE_REFS_MAX 8
typedef struct fh_coverage_ref {
	char name[64]; /* "全国", "浙江省" … */
	double org;    /* party-organisation coverage, per cent */
	double work;   /* party-work coverage, per cent; < 0 when not published */
} fh_coverage_ref;

typedef struct fh_party_rules {
	int branch_min_members;   /* party.branch_min_members: full members for a branch of its own, 3–50 */
	bool instructor_required; /* party.instructor_required: tenants without a branch get an instructor */
	int committee_term_years; /* party.committee_term_years: a branch committee's term, 1–10 */
	int joint_max_tenants;    /* party.joint_max_tenants: tenants one joint branch covers, 2–50 */
	int registration_days;    /* sync.registration_days: working days to the party track's
				     answer to an event on the organisation track, 1–60 */
	int annual_deadline;      /* sync.annual_deadline: month * 100 + day */
	unsigned org_forms;       /* coverage.org_forms: bits 1u << fh_party_org (tenant.h) that
				     count as a party organisation */
	/* coverage.references: the published rates shown beside ours (read by
	 * fh_party_references; fh_party_rules_load leaves none) */
	fh_coverage_ref refs[FH_COVERAGE_REFS_MAX];
	size_t nrefs;
} fh_party_rules;

/* The section's defaults (3 members, an instructor, 3 years, 5 tenants, 5
 * working days, 05-31, a branch or a joint branch counts; no references):
 * the one place they are written. */
void fh_party_rules_defaults(fh_party_rules *r);

#endif
