/* fuhua — tenants (入驻组织): the identifiers and checks that every part of
 * the program shares. */
#ifndef FUHUA_TENANT_H
#define FUHUA_TENANT_H

#include <stdbool.h>

#include "fuhua/error.h"

typedef enum fh_org_type {
	FH_ORG_SOCIAL_GROUP,  /* 社会团体 */
	FH_ORG_SERVICE_ORG,   /* 民办非企业单位 / 社会服务机构 */
	FH_ORG_FOUNDATION,    /* 基金会 */
	FH_ORG_COMMUNITY_ORG, /* 社区社会组织 (备案类) */
	FH_ORG_TYPE_COUNT
} fh_org_type;

typedef enum fh_party_org {
	FH_PARTY_NONE,
	FH_PARTY_BRANCH,       /* 独立党支部 */
	FH_PARTY_JOINT_BRANCH, /* 联合党支部 */
	FH_PARTY_FUNCTIONAL,   /* 功能型 */
	FH_PARTY_EXTENDED,     /* 拓展型 */
	FH_PARTY_FALLBACK,     /* 兜底管理 by the hub's own branch */
	FH_PARTY_ORG_COUNT
} fh_party_org;

const char *fh_org_type_name(fh_org_type t);
bool fh_org_type_parse(const char *s, fh_org_type *out);
const char *fh_party_org_name(fh_party_org p);
bool fh_party_org_parse(const char *s, fh_party_org *out);

/* 统一社会信用代码 (GB 32100-2015): the check character for the first 17
 * characters, or 0 if one of them is not in the code's alphabet. */
char fh_credit_code_check_char(const char *first17);

/* Checks an 18-character credit code: length, alphabet (digits and capital
 * letters without I, O, S, V, Z) and check character. FH_EINVAL with field
 * "credit_code" and the reason otherwise. */
fh_status fh_credit_code_check(const char *code, fh_error *err);

#endif
