/* fuhua core — the tenant module's section of the configuration: fields:,
 * the service fields a hub's tenants are filed under (tenant_rules.h,
 * fuhua-config(5)). */
#include <stdlib.h>
#include <string.h>

#include "config_int.h"
#include "i18n.h"
#include "tenant_int.h"

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static bool tenant_copy(fh_rules *dst, const fh_rules *src)
{
	bool ok = true;
	dst->tenant.fields = NULL;
	if (!src->tenant.nfields)
		return true;
	if (!(dst->tenant.fields = calloc(src->tenant.nfields, sizeof *dst->tenant.fields))) {
		dst->tenant.nfields = 0;
		return false;
	}
	for (size_t i = 0; i < src->tenant.nfields; i++)
		dst->tenant.fields[i] = fh_cfg_dup(src->tenant.fields[i], &ok);
	return ok;
}

static void tenant_free(fh_rules *r)
{
	strv_free(r->tenant.fields, r->tenant.nfields);
	r->tenant.fields = NULL;
	r->tenant.nfields = 0;
}

static fh_status read_fields(struct fh_cfg_ctx *c, const fh_ynode *n, fh_rules *r)
{
	fh_status st = fh_cfg_want(c, n, FH_YSEQ, _("a list of service fields"));
	if (st != FH_OK)
		return st;
	if (n->n == 0 || n->n > FH_SERVICE_FIELDS_MAX)
		return fh_cfg_at(c, n, _("needs 1 to 40 service fields"), NULL, NULL);
	char **v = calloc(n->n, sizeof *v);
	if (!v)
		return fh_cfg_oom(c);
	for (size_t i = 0; i < n->n; i++) {
		if ((st = fh_cfg_get_text(c, n->kids[i], 20, &v[i])) != FH_OK)
			break;
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i], v[j]) == 0) {
				st = fh_cfg_at(c, n->kids[i], _("service field '%s' is listed twice"), v[i], NULL);
				break;
			}
		if (st != FH_OK)
			break;
	}
	if (st != FH_OK) {
		strv_free(v, n->n);
		return st;
	}
	strv_free(r->tenant.fields, r->tenant.nfields);
	r->tenant.fields = v;
	r->tenant.nfields = n->n;
	return FH_OK;
}

static const struct fh_cfg_key section_keys[] = {
	{ "fields", true, read_fields },
	{ NULL },
};

const struct fh_cfg_section fh_tenant_config = { .keys = section_keys, .copy = tenant_copy, .free = tenant_free };
