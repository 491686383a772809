# fuhua tests — the non-interactive commands: exit status, formats, storage.
T=$(mktemp -d)
export FUHUA_NOW=2026-11-23T09:00
db=$T/a.db

"$FUHUA" --lang en init --db "$db" --config fixtures/config > "$T/init1" 2>&1
check "init creates the database" [ $? -eq 0 ]
"$FUHUA" --lang en init --db "$db" --config fixtures/config > "$T/init2" 2>&1
check "init again changes nothing" grep -q "hubs: 0 added, 0 changed; spaces: 0 added, 0 changed, 0 retired" "$T/init2"
check "database file is group-shared 0660" [ "$(stat -c %a "$db")" = 660 ]

echo "secret-1" | "$FUHUA" user add 李敏 --role manager --hub ja --db "$db" 2> "$T/err"
check "user add reads the password from stdin" [ $? -eq 0 ]
echo "secret-1" | "$FUHUA" --lang en user add 李敏 --role manager --hub ja --db "$db" 2> "$T/err"
rc=$?
check "user add of an existing name exits 1" [ $rc -eq 1 ]
check "… and says why on stderr" grep -q "exists already" "$T/err"
echo "secret-1" | "$FUHUA" --lang en user add wang --role boss --hub ja --db "$db" 2> "$T/err"
check "a bad role exits 2" [ $? -eq 2 ]
echo "short" | "$FUHUA" --lang en user add wang --role front_desk --hub ja --db "$db" 2> "$T/err"
check "a short password exits 2 naming the field" grep -q "^fuhua: password:" "$T/err"
echo "secret-1" | "$FUHUA" --lang en user add wang --role front_desk --hub nowhere --db "$db" 2> "$T/err"
check "an unknown hub exits 2" [ $? -eq 2 ]

"$FUHUA" user list --format json --db "$db" > "$T/users.json"
check "user list json has name, role, hub" grep -q '"name": "李敏", "role": "manager", "hub": "ja"' "$T/users.json"
FUHUA_DB="$db" "$FUHUA" hub list --format json > "$T/hubs.json"
check "FUHUA_DB names the database; hub list json" grep -q '"code": "ja-gh", "name": "共和新路街道社会组织服务中心", "level": "street", "parent": "ja"' "$T/hubs.json"
"$FUHUA" hub list --format csv --db "$db" > "$T/hubs.csv"
check "hub list csv has an English header" grep -q '^code,name,level,parent,' "$T/hubs.csv"
"$FUHUA" --lang zh hub list --db "$db" > "$T/hubs.txt"
check "hub list table in Chinese" grep -q "代码 *名称 *层级" "$T/hubs.txt"
"$FUHUA" --lang en hub list --format xml --db "$db" 2> "$T/err"
check "a bad --format exits 2" [ $? -eq 2 ]
"$FUHUA" --lang en frobnicate 2> "$T/err"
check "an unknown command exits 2" [ $? -eq 2 ]
"$FUHUA" --lang en hub list --db 2> "$T/err"
check "an option without its value exits 2" [ $? -eq 2 ]
"$FUHUA" --version > "$T/version"
check "--version names SQLite and the journal mode" grep -q "SQLite 3.*\(rollback journal\|WAL\)" "$T/version"
echo "not a database at all, plain text long enough" > "$T/text.db"
"$FUHUA" --lang en hub list --db "$T/text.db" 2> "$T/err"
check "a file that is not a database exits 1" [ $? -eq 1 ]
"$FUHUA" --lang en hub list --db "$T/empty.db" 2> "$T/err"
check "a database without hubs says to run init" grep -q "fuhua init" "$T/err"

# Two processes starting at once on a new file: one migrates, both succeed.
"$FUHUA" init --db "$T/race.db" --config fixtures/config > /dev/null 2>&1 &
"$FUHUA" init --db "$T/race.db" --config fixtures/config > /dev/null 2>&1
rc2=$?
wait $!
rc1=$?
check "two inits at once both succeed" [ $rc1 -eq 0 ] && [ $rc2 -eq 0 ]
"$FUHUA" hub list --format csv --db "$T/race.db" > "$T/race.csv"
check "… and the hubs are there once" [ "$(grep -c '^ja-gh,' "$T/race.csv")" = 1 ]

# A space in use cannot leave the configuration.
"$FUHUA" demo --db "$T/d1.db" --config fixtures/config --tenants 200 --seed 3 > /dev/null
"$FUHUA" demo --db "$T/d2.db" --config fixtures/config --tenants 200 --seed 3 > /dev/null
"$FUHUA" hub list --format csv --db "$T/d1.db" > "$T/d1.csv"
"$FUHUA" hub list --format csv --db "$T/d2.db" > "$T/d2.csv"
check "demo is deterministic for a seed" cmp -s "$T/d1.csv" "$T/d2.csv"
"$FUHUA" --lang en demo --db "$T/d1.db" --config fixtures/config 2> "$T/err"
check "demo refuses a database with tenants (exit 1)" [ $? -eq 1 ]
cp -r fixtures/config "$T/cfg"
grep -v '"201"' fixtures/config/hubs/ja.yaml | grep -v '"202"' | grep -v 'D2-01' > "$T/cfg/hubs/ja.yaml"
"$FUHUA" --lang en init --db "$T/d1.db" --config "$T/cfg" 2> "$T/err"
rc=$?
check "removing a space in use exits 1" [ $rc -eq 1 ]
check "… naming the space" grep -q "space '.*' (.*) of hub 'ja' is in use by" "$T/err"
"$FUHUA" hub list --format csv --db "$T/d1.db" > "$T/d1b.csv"
check "… and nothing changed" cmp -s "$T/d1.csv" "$T/d1b.csv"
rm -rf "$T"
unset FUHUA_NOW
