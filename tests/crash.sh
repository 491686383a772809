# fuhua tests — crashes: a large import and two writers killed with SIGKILL
# at moments spread over the import; after each, the database is sound
# (integrity_check, fuhua check) and the import is all or nothing. The
# delays only choose where the kill falls; nothing waits on them to be right.
C=$(mktemp -d)
cdb="$C/crash.db"
FUHUA_NOW=2026-11-23T09:00 "$FUHUA" demo --db "$cdb" --config fixtures/config --tenants 100 --seed 3 > /dev/null 2>&1
awk 'BEGIN { print "name,org_type,phone,notes"
	for (i = 1; i <= 3000; i++) printf "崩溃测试组织%05d,social_group,139%08d,第%d行\n", i, i, i }' > "$C/big.csv"
# a killed writer's child may still be exiting (its lock with it): wait for it
count() { sqlite3 -cmd '.timeout 10000' "$cdb" "SELECT count(*) FROM tenants"; }
kills=0 during=0 after=0 whole=1 sound=1
for delay in 0.05 0.2 0.4 0.7 1.0 1.5; do
	before=$(count)
	"$FUHUA" tenant import "$C/big.csv" --hub ja --db "$cdb" > /dev/null 2>&1 &
	imp=$!
	# each writer loop in a process group of its own (setsid, util-linux),
	# so that one kill takes the loop and the fuhua it is running
	setsid sh -c 'while :; do "$0" tenant edit 1 --notes "写入中" --db "$1" > /dev/null 2>&1; done' "$FUHUA" "$cdb" &
	w1=$!
	setsid sh -c 'while :; do "$0" tenant edit 2 --notes "写入中" --db "$1" > /dev/null 2>&1; done' "$FUHUA" "$cdb" &
	w2=$!
	sleep "$delay"
	if kill -0 "$imp" 2> /dev/null; then during=$((during + 1)); else after=$((after + 1)); fi
	kill -9 "$imp" 2> /dev/null
	kill -9 -"$w1" -"$w2" 2> /dev/null
	wait "$imp" "$w1" "$w2" 2> /dev/null
	kills=$((kills + 1))
	now=$(count)
	[ "$now" -eq "$before" ] || [ "$now" -eq $((before + 3000)) ] || { whole=0; echo "# crash: $before → $now tenants"; }
	[ "$(sqlite3 -cmd '.timeout 10000' "$cdb" 'PRAGMA integrity_check')" = ok ] || sound=0
	"$FUHUA" check --db "$cdb" > "$C/check" 2>&1 || { sound=0; cat "$C/check"; }
done
echo "# crash: $kills kills ($during during the import, $after after it had ended)"
check "crash: after $kills SIGKILLs the import is all or nothing" [ $whole -eq 1 ]
check "crash: … and the database passes integrity_check and fuhua check" [ $sound -eq 1 ]
check "crash: … at least one kill fell inside the import" [ $during -ge 1 ]
rm -rf "$C"

# Nothing left behind: a demo killed while its side files exist (two cores),
# then `fuhua check` removes them and says so; a backup's unfinished copy
# and journal left by a process that is gone, removed by the next backup
# into that directory. The side files are waited for, never slept on.
C=$(mktemp -d)
if [ "$(nproc)" -ge 2 ]; then
	FUHUA_NOW=2026-11-23T09:00 "$FUHUA" demo --db "$C/k.db" --config fixtures/config --tenants 40000 \
		> /dev/null 2>&1 &
	demo=$!
	wait_for "ls '$C'" ".fuhua-side-$demo-" 60
	kill -9 "$demo" 2> /dev/null
	wait "$demo" 2> /dev/null
	check "crash: a demo killed during its load leaves its side files" [ "$(ls "$C" | grep -c "\.fuhua-side-$demo-")" -ge 1 ]
	"$FUHUA" check --db "$C/k.db" > "$C/check.out" 2> "$C/check.err"
	check "crash: … which fuhua check removes, saying so" sh -c "grep -q 'removed [0-9]* file' '$C/check.err' && ! ls '$C' | grep -q '\.fuhua-side-'"
else
	echo "# crash: the demo's side files need two cores; skipped"
fi
FUHUA_NOW=2026-11-23T09:00 "$FUHUA" demo --db "$C/b.db" --config fixtures/config --tenants 50 > /dev/null 2>&1
mkdir "$C/backup"
sh -c 'exit 0' &
gone=$!
wait "$gone"
echo x > "$C/backup/fuhua-2026-11-22.db.fuhua-backup-$gone-Ab12Cd"
echo x > "$C/backup/fuhua-2026-11-22.db.fuhua-backup-$gone-Ab12Cd-journal"
"$FUHUA" backup --db "$C/b.db" --to "$C/backup/fuhua-2026-11-23.db" 2> "$C/backup.err"
check "crash: the next backup into the directory removes a killed one's copy and journal, saying so" \
	sh -c "grep -q 'removed 2 files' '$C/backup.err' && [ \"\$(ls '$C/backup')\" = fuhua-2026-11-23.db ]"
rm -rf "$C"
