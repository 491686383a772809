/* fuhua tui — line editing and short labels shared by the views. */
#include <stdlib.h>
#include <string.h>

#include "fuhua/tenant.h"
#include "../common/i18n.h"
#include "tui.h"

bool fh_edit_key(char *buf, size_t size, const struct fh_input *in)
{
	size_t n = strlen(buf);
	bool erase = (in->kind == FH_IN_KEY && (in->ch == KEY_BACKSPACE || in->ch == KEY_DC)) ||
		(in->kind == FH_IN_CHAR && (in->ch == 127 || in->ch == 8));
	if (erase) {
		while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0)
			n--;
		buf[n] = 0;
		return true;
	}
	if (in->kind != FH_IN_CHAR)
		return false;
	if (in->ch == 21) { /* Ctrl-U */
		explicit_bzero(buf, size);
		return true;
	}
	if (in->ch < 0x20 || in->ch == 0x7F || (in->ch >= 0x80 && in->ch < 0xA0))
		return false;
	char mb[8];
	int k = wctomb(mb, (wchar_t)in->ch);
	if (k > 0 && n + (size_t)k < size) {
		memcpy(buf + n, mb, (size_t)k);
		buf[n + (size_t)k] = 0;
	}
	return true;
}

const char *fh_short_org_type(int type)
{
	static const char *const names[FH_ORG_TYPE_COUNT] = {
		N_("group"),
		N_("service"),
		N_("fdn."),
		N_("commun."),
	};
	return type >= 0 && type < FH_ORG_TYPE_COUNT ? _(names[type]) : "";
}

const char *fh_short_party(int party_org, bool fallback, bool instructor)
{
	static const char *const names[FH_PARTY_ORG_COUNT] = {
		"—", N_("branch"), N_("joint"), N_("functional"), N_("extended"),
	};
	if (party_org == FH_PARTY_NONE && fallback)
		return _("hub's");
	if (party_org == FH_PARTY_NONE)
		return instructor ? _("instructor") : "—";
	return party_org > 0 && party_org < FH_PARTY_ORG_COUNT ? _(names[party_org]) : "";
}
