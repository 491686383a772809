# fuhua tests — every message in the sources has a Chinese translation.
P=$(mktemp -d)
xgettext --from-code=UTF-8 -k_ -kN_ -o "$P/fuhua.pot" core/*.c tui/*.c tui/*.h 2> /dev/null
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$P/fuhua.pot" -o "$P/merged.po" 2> /dev/null
missing=$(msgattrib --untranslated --no-obsolete "$P/merged.po" 2> /dev/null | grep -c '^msgid "..*"' || true)
if [ "${missing:-0}" = 0 ]; then
	ok "po: every message has a Chinese translation"
else
	bad "po: $missing messages untranslated (run po/translate-zh.py after adding them)"
	msgattrib --untranslated --no-obsolete "$P/merged.po" | grep '^msgid' | head
fi
rm -rf "$P"
