# fuhua tests — configuration: the fixtures pass, every broken one fails
# with exit 2 and its own file:line:column message.
out=$("$FUHUA" --lang en check-config fixtures/config 2>&1)
check "check-config fixtures/config exits 0" [ $? -eq 0 ]
for d in fixtures/broken/*/; do
	c=$(basename "$d")
	t=$(mktemp -d)
	cp -r fixtures/config/. "$t/"
	cp -r "$d". "$t/"
	rm -f "$t/README" "$t/expected"
	if [ "$c" = oversized ]; then
		{ echo "code: ja-pp"; i=0; while [ $i -lt 30000 ]; do echo "# padding"; i=$((i + 1)); done; } > "$t/hubs/ja-pp.yaml"
	fi
	out=$("$FUHUA" --lang en check-config "$t" 2>&1)
	rc=$?
	got=$(printf '%s\n' "$out" | sed "s|$t/||g; s|^fuhua: ||")
	if [ $rc -eq 2 ] && [ "$got" = "$(cat "$d/expected")" ]; then
		ok "broken config $c: $got"
	else
		bad "broken config $c: exit $rc, got '$got', expected '$(cat "$d/expected")'"
	fi
	rm -rf "$t"
done
