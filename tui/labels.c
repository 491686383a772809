/* fuhua tui — labels for identifiers. */
#include "labels.h"

#include <stdio.h>
#include <string.h>

#include "fuhua/party.h"
#include "fuhua/tenant.h"
#include "i18n.h"

const char *fh_label_level(fh_level l)
{
	static const char *const names[FH_LEVEL_COUNT] = {
		N_("city"), N_("district"), N_("street"), N_("community"),
	};
	return (unsigned)l < FH_LEVEL_COUNT ? _(names[l]) : "?";
}

const char *fh_label_stage(fh_stage s)
{
	const char *label = fh_stage_label(s, fh_i18n_is_zh()); /* core's terms */
	return label ? label : "?";
}

static const char *lookup(const char *const (*pairs)[2], const char *key)
{
	for (size_t i = 0; pairs[i][0]; i++)
		if (strcmp(pairs[i][0], key) == 0)
			return fh_tr(pairs[i][1]);
	return key;
}

const char *fh_label_action(const char *action)
{
	static const char *const pairs[][2] = {
		{ "login", N_("logged in") }, { "login_failed", N_("failed login") },
		{ "create", N_("created") }, { "update", N_("changed") },
		{ "retire", N_("retired") }, { "generate", N_("generated") },
		{ "password", N_("password changed") },
		{ "move", NP_("activity", "changed the stage of") },
		{ "extend", NP_("activity", "extended the incubation of") },
		{ "import", NP_("activity", "imported") }, { NULL, NULL },
	};
	return lookup(pairs, action);
}

const char *fh_error_text(const fh_error *err, char *buf, size_t size)
{
	fh_tenant_field f;
	fh_party_field pf;
	if (err->file[0] || !err->field[0])
		return fh_error_format(err, buf, size);
	const char *label = err->field;
	if (strcmp(err->field, "reason") == 0)
		label = _("Reason");
	else if (strncmp(err->field, "party.", 6) == 0 && fh_party_field_lookup(err->field, &pf))
		label = fh_party_field_label(pf, fh_i18n_is_zh());
	else if (fh_tenant_field_lookup(err->field, &f))
		label = fh_tenant_field_label(f, fh_i18n_is_zh());
	/* TRANSLATORS: a field and what is wrong with it */
	snprintf(buf, size, P_("error", "%s: %s"), label, err->message);
	return buf;
}

const char *fh_label_entity(const char *entity)
{
	static const char *const pairs[][2] = {
		{ "hub", N_("hub") }, { "space", N_("space") }, { "operator", N_("operator") },
		{ "tenant", N_("tenant") }, { "demo", N_("demo data") }, { NULL, NULL },
	};
	return lookup(pairs, entity);
}
