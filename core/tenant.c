/* fuhua core — tenants: shared identifiers and checks. */
#include "fuhua/tenant.h"

#include <string.h>

#include "i18n.h"

static const char *const org_type_names[FH_ORG_TYPE_COUNT] = {
	"social_group", "service_org", "foundation", "community_org",
};
static const char *const party_org_names[FH_PARTY_ORG_COUNT] = {
	"none", "branch", "joint_branch", "functional", "extended", "fallback",
};

const char *fh_org_type_name(fh_org_type t)
{
	return (unsigned)t < FH_ORG_TYPE_COUNT ? org_type_names[t] : NULL;
}

bool fh_org_type_parse(const char *s, fh_org_type *out)
{
	for (int i = 0; s && i < FH_ORG_TYPE_COUNT; i++)
		if (strcmp(s, org_type_names[i]) == 0) {
			*out = (fh_org_type)i;
			return true;
		}
	return false;
}

const char *fh_party_org_name(fh_party_org p)
{
	return (unsigned)p < FH_PARTY_ORG_COUNT ? party_org_names[p] : NULL;
}

bool fh_party_org_parse(const char *s, fh_party_org *out)
{
	for (int i = 0; s && i < FH_PARTY_ORG_COUNT; i++)
		if (strcmp(s, party_org_names[i]) == 0) {
			*out = (fh_party_org)i;
			return true;
		}
	return false;
}

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
		return fh_error_set(err, FH_EINVAL, "credit_code",
				    _("must be 18 characters, not %zu"), len);
	for (size_t i = 0; i < 18; i++)
		if (!strchr(alphabet, code[i]) || !code[i])
			return fh_error_set(err, FH_EINVAL, "credit_code",
					    _("character %zu ('%c') is not allowed (digits and capital letters except I, O, S, V, Z)"),
					    i + 1, code[i]);
	char want = fh_credit_code_check_char(code);
	if (want != code[17])
		return fh_error_set(err, FH_EINVAL, "credit_code",
				    _("check character is '%c', expected '%c'"), code[17], want);
	return FH_OK;
}
