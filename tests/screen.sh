# fuhua tests — screens through the scripted-input mode: keys come from a
# file, :dump writes the screen as text, compared with the expected files.
# A test's `setup` (shell) runs first on its copy of the demo database.
# UPDATE=1 writes the expected files instead (then read them!).
S=$(mktemp -d)
FUHUA_NOW=2026-11-23T09:00 "$FUHUA" demo --db "$S/demo.db" --config fixtures/config \
	--tenants 300 --seed 1 > /dev/null 2>&1
for dir in tests/screen/*/; do
	name=$(basename "$dir")
	work="$S/$name"
	mkdir -p "$work"
	cp "$S/demo.db" "$work/demo.db"
	# a setup file: shell run on the copy first ($FUHUA, demo.db in the work dir)
	if [ -f "$dir/setup" ] && ! (cd "$work" && FUHUA_NOW=2026-11-23T09:00 sh "$OLDPWD/$dir/setup" > setup.log 2>&1); then
		bad "screen $name: its setup failed"
		cat "$work/setup.log"
	fi
	args=$(sed -n 's/^# args: //p' "$dir/script")
	vars=$(sed -n 's/^# env: //p' "$dir/script")
	(cd "$work" && env FUHUA_NOW=2026-11-23T09:00 FUHUA_SCRIPT="$OLDPWD/$dir/script" \
		COLUMNS=80 LINES=24 TERM=xterm NO_COLOR=1 $vars \
		"$FUHUA" --db demo.db $args < /dev/null > out.log 2>&1)
	rc=$?
	cp "$dir/script" "$work/script.copy" 2>/dev/null
	if [ "${UPDATE:-}" = 1 ]; then
		for got in "$work"/*.txt; do [ -e "$got" ] && cp "$got" "$dir"; done
	fi
	for want in "$dir"*.txt; do
		[ -e "$want" ] || continue
		got="$work/$(basename "$want")"
		if cmp -s "$want" "$got"; then
			ok "screen $name/$(basename "$want")"
		else
			bad "screen $name/$(basename "$want")"
			diff -u "$want" "$got" | head -30
		fi
	done
	# a :dump with no expected file must not happen (the program quit before it)
	for d in $(sed -n 's/^:dump //p' "$dir/script"); do
		if [ ! -e "$dir/$d" ] && [ "${UPDATE:-}" != 1 ]; then
			if [ -e "$work/$d" ]; then bad "screen $name: $d written after the program should have quit"
			else ok "screen $name: $d is never written"; fi
		fi
	done
	# NAME.idle0 and NAME.idle1 (:bytes, idle ticks apart): nothing was sent
	screen=$name # check sets $name
	for before in "$work"/*.idle0; do
		[ -e "$before" ] || continue
		what=$(basename "$before" .idle0)
		check "screen $screen: nothing sent to the terminal while idle ($what: $(cat "$before") then $(cat "${before%0}1" 2>/dev/null) bytes)" \
			sh -c "grep -qx '[0-9][0-9]*' '$before' && cmp -s '$before' '${before%0}1'"
	done
	check "screen $screen: program exit 0" [ $rc -eq 0 ]
done
rm -rf "$S"
