# fuhua tests — the Chinese catalogue po/zh_CN.po is complete: every message
# of the sources (with its context and plural) has a translation, the
# catalogue compiles with its format checks, and no entry is fuzzy.
P=$(mktemp -d)
make -s pot > /dev/null 2>&1
msgmerge -q --no-fuzzy-matching po/zh_CN.po build/fuhua.pot -o "$P/merged.po" 2> /dev/null
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$P/merged.po" 2>&1)
missing=$(printf '%s\n' "$stats" | sed -n 's/.* \([0-9][0-9]*\) untranslated.*/\1/p')
missing=${missing:-0}
if [ "$missing" = 0 ]; then
	ok "po: every message has a Chinese translation"
else
	bad "po: $missing messages untranslated: run 'make update-po' and translate them in po/zh_CN.po"
	msgattrib --untranslated --no-obsolete "$P/merged.po" | grep -A1 '^msgid\|^msgctxt' | head -20
fi
check "po: zh_CN.po compiles with format checks" msgfmt --check -o "$P/x.mo" po/zh_CN.po
fuzzy=$(msgattrib --only-fuzzy po/zh_CN.po 2> /dev/null | grep -c '^msgid' || true)
check "po: no fuzzy entries" [ "${fuzzy:-0}" = 0 ]
check "po: one plural form for Chinese" grep -q '^"Plural-Forms: nplurals=1; plural=0;' po/zh_CN.po
check "po: a word with two meanings has a context (extended)" \
	sh -c "grep -A1 '^msgctxt \"history\"' po/zh_CN.po | grep -q '^msgid \"extended\"'"
rm -rf "$P"
