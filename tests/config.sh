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

# What is not a YAML file is refused before it is read: a FIFO (which would
# block the reader forever), a directory; a byte that is not UTF-8 is
# reported at its own line and column.
t=$(mktemp -d)
cp -r fixtures/config/. "$t/"
mkfifo "$t/hubs/fifo.yaml"
timeout 20 "$FUHUA" --lang en check-config "$t" > "$t.out" 2>&1
check "a FIFO named .yaml is refused, not waited on (exit 2)" [ $? -eq 2 ]
check "… saying what it is" grep -q 'hubs/fifo.yaml: a FIFO, not a YAML file' "$t.out"
rm "$t/hubs/fifo.yaml"
mkdir "$t/hubs/dir.yaml"
timeout 20 "$FUHUA" --lang en check-config "$t" > "$t.out" 2>&1
check "a directory named .yaml is refused" grep -q 'hubs/dir.yaml: a directory' "$t.out"
rmdir "$t/hubs/dir.yaml"
printf 'code: ja-dn\nname: 大宁路\naddress: \326\320\316\304\n' > "$t/hubs/ja-dn.yaml"
"$FUHUA" --lang en check-config "$t" > "$t.out" 2>&1
check "an encoding error names its real line and column" grep -q 'hubs/ja-dn.yaml:3:10: byte 0xD6 is not UTF-8' "$t.out"
rm -rf "$t" "$t.out"

# A chain of 2 000 hubs is checked at once (the check is linear; make bench
# times it) and refused for its levels.
t=$(mktemp -d)
cp -r fixtures/config/. "$t/"
awk -v dir="$t" 'BEGIN { for (i = 1; i <= 2000; i++) {
	f = sprintf("%s/hubs/c%04d.yaml", dir, i)
	printf "code: c%04d\nname: 链%d\nlevel: street\nparent: %s\n", i, i, i == 1 ? "ja" : sprintf("c%04d", i - 1) > f
	close(f) } }'
timeout 60 "$FUHUA" --lang en check-config "$t" > "$t.out" 2>&1
check "a chain of 2 000 hubs: its level error, in time" grep -q "a street hub's parent must be a district hub" "$t.out"
rm -rf "$t" "$t.out"
