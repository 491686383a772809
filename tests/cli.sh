# fuhua tests — the non-interactive commands: exit status, formats, storage.
T=$(mktemp -d)
export FUHUA_NOW=2026-11-23T09:00
db=$T/a.db

"$FUHUA" --lang en init --db "$db" --config fixtures/config > "$T/init1" 2>&1 < /dev/null
check "init creates the database" [ $? -eq 0 ]
"$FUHUA" --lang en init --db "$db" --config fixtures/config > "$T/init2" 2>&1 < /dev/null
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
check "an unknown hub is a refusal: exit 1" [ $? -eq 1 ]

# the first administrator: init asks for its password, here on standard input
echo "first-admin-1" | "$FUHUA" --lang en init --db "$T/first.db" --config fixtures/config --admin 管理员甲 \
	> /dev/null 2> "$T/err"
check "init adds the first administrator from standard input" grep -q "operator '管理员甲' added" "$T/err"
"$FUHUA" user list --format csv --db "$T/first.db" > "$T/first.csv"
check "… an administrator at the city's hub" grep -q "^管理员甲,admin,sh," "$T/first.csv"
echo "other-pw-1" | "$FUHUA" --lang en init --db "$T/first.db" --config fixtures/config --admin other \
	> /dev/null 2> "$T/err"
check "init on a database with operators adds nobody, and says so" grep -q "has operators already" "$T/err"
check "init with nothing on standard input says how to add one" grep -q "fuhua user add NAME --role admin" "$T/init1"
# a manager's operators: disabled (no login), enabled again, each once
"$FUHUA" --lang en user disable 李敏 --db "$db" 2> "$T/err"
check "user disable" grep -q "can no longer log in" "$T/err"
"$FUHUA" user list --format csv --db "$db" | grep -q "^李敏,.*,yes"
check "… user list says it is disabled" [ $? -eq 0 ]
"$FUHUA" --lang en user disable 李敏 --db "$db" 2> "$T/err"
check "… disabling it again is a refusal (exit 1)" [ $? -eq 1 ]
"$FUHUA" --lang en user enable 李敏 --db "$db" 2> "$T/err"
check "user enable" grep -q "can log in again" "$T/err"

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
"$FUHUA" init --db "$T/race.db" --config fixtures/config > /dev/null 2>&1 < /dev/null &
"$FUHUA" init --db "$T/race.db" --config fixtures/config > /dev/null 2>&1 < /dev/null
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
"$FUHUA" --lang en init --db "$T/d1.db" --config "$T/cfg" 2> "$T/err" < /dev/null
rc=$?
check "removing a space in use exits 1" [ $rc -eq 1 ]
check "… naming the space" grep -q "space '.*' (.*) of hub 'ja' is in use by" "$T/err"
"$FUHUA" hub list --format csv --db "$T/d1.db" > "$T/d1b.csv"
check "… and nothing changed" cmp -s "$T/d1.csv" "$T/d1b.csv"

# ---- tenants ----
F="$FUHUA --lang en --db $db"
$F tenant add --name 静安青凤为老服务社 --org-type 社会团体 --reg-state registered \
	--credit-code 51310106MJ4987654K --phone "021 6234 5678" --hub ja --field 为老服务 \
	--format json > "$T/add.json" 2> "$T/err"
check "tenant add prints JSON with underscored keys" grep -q '"credit_code":"51310106MJ4987654K"' "$T/add.json"
check "… the phone normalised" grep -q '"phone":"021-62345678"' "$T/add.json"
$F tenant add --name 静 --phone 6234 --credit-code 51310106MJ4987654X --rating 3A --hub ja 2> "$T/err"
check "tenant add with bad fields exits 2" [ $? -eq 2 ]
check "… naming every bad field by its label" sh -c "grep -q '^fuhua: Phone:' '$T/err' && grep -q '^fuhua: Name:' '$T/err' && grep -q '^fuhua: Credit code:' '$T/err' && grep -q '^fuhua: Rating:' '$T/err'"
check "… and writes nothing" sh -c "[ \$($F tenant list --format csv | wc -l) -eq 2 ]"
$F tenant add --nmae x 2> "$T/err"
check "an unknown tenant option exits 2" [ $? -eq 2 ]
$F tenant list --search jaqf --format csv > "$T/list.csv"
check "tenant list --search finds by pinyin initials" grep -q '静安青凤为老服务社' "$T/list.csv"
check "tenant list csv header is English" grep -q '^id,name,short_name,org_type,stage,field,hub,months' "$T/list.csv"
$F tenant move 1 incubating 2> "$T/err"
check "no stage is skipped (exit 2)" sh -c "[ $? -eq 2 ] && grep -q 'not skipped' '$T/err'"
$F tenant move 1 reviewing 2> /dev/null && $F tenant move 1 incubating 2> /dev/null
check "tenant move: applied → reviewing → incubating" sh -c "$F tenant show 1 --format json | grep -q '\"stage\":\"incubating\"'"
$F tenant move 1 exited 2> "$T/err"
check "an exit needs a reason" grep -q '^fuhua: Reason:' "$T/err"
$F tenant move 1 exited --lang zh 2> "$T/err"
check "… in Chinese the field is a label, not an identifier" sh -c "grep -q '^fuhua: 原因：' '$T/err' && ! grep -q 'reason' '$T/err'"
"$FUHUA" --lang zh --help > "$T/help"
check "--lang zh --help is Chinese" grep -q '^用法：fuhua' "$T/help"
"$FUHUA" --help --lang zh > "$T/help"
check "--help --lang zh is Chinese too" grep -q '^用法：fuhua' "$T/help"

# One table of commands: each takes its own options only, and says its help.
"$FUHUA" --lang en report coverage --seats 3 --title hello --weeks 9 --db "$db" > /dev/null 2> "$T/err"
check "an option a command does not take is refused (exit 2), naming it" \
	sh -c "[ $? -eq 2 ] && grep -q '^fuhua: report coverage takes no option --seats' '$T/err'"
check "… and pointing to the command's help" grep -q "fuhua report coverage --help" "$T/err"
"$FUHUA" --lang en help > "$T/help"
check "fuhua help lists every command with its help" sh -c "grep -q '^  tenant move ID STAGE  *Move a tenant' '$T/help' && grep -q '^  remind  ' '$T/help'"
"$FUHUA" --lang en help tenant > "$T/help-t"
"$FUHUA" --lang en tenant --help > "$T/help-t2"
check "fuhua help tenant: the tenant commands only, as tenant --help" \
	sh -c "grep -q 'fuhua tenant move ID STAGE' '$T/help-t' && ! grep -q 'fuhua party' '$T/help-t' && cmp -s '$T/help-t' '$T/help-t2'"
"$FUHUA" --lang en tenant move --help > "$T/help-m"
check "tenant move --help: its usage and its options, not the others'" \
	sh -c "grep -q '^usage: fuhua tenant move ID STAGE \[--reason TEXT\] \[--override\]' '$T/help-m' && grep -q '^  --override ' '$T/help-m' && ! grep -q -- '--credit-code' '$T/help-m'"
"$FUHUA" --lang zh tenant move --help > "$T/help-z"
check "… in Chinese too" grep -q '^  --override  *未满足条件也出壳' "$T/help-z"
"$FUHUA" completion bash > "$T/fuhua.bash"
cat > "$T/complete.sh" <<'EOS'
. "$1"
t() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _fuhua; echo "${COMPREPLY[*]}"; }
t fuhua tenant mo
t fuhua --db x.db tenant move 5 --ov
t fuhua tenant add --name 甲 --credit-c
t fuhua party member a
t fuhua tenant list --format j
EOS
check "the bash completion completes commands, their options and choices from the table" \
	sh -c "bash '$T/complete.sh' '$T/fuhua.bash' | tr '\n' '|' | grep -qx 'move|--override|--credit-code|add|json|'"
$F tenant show 99 2> "$T/err"
check "tenant show of no tenant exits 1" [ $? -eq 1 ]
$F tenant edit 1 --notes "每周三活动" 2> /dev/null
check "tenant edit changes one field" sh -c "$F tenant show 1 --format json | grep -q '每周三活动'"
v1=$($F tenant show 1 --format json | sed 's/.*"version":\([0-9]*\).*/\1/')
$F tenant edit 1 2> "$T/err"
check "tenant edit without fields exits 2 and says nothing was changed" sh -c "[ $? -eq 2 ] && grep -q 'nothing was changed' '$T/err'"
$F tenant edit 1 --notes "每周三活动" 2> "$T/err"
check "tenant edit to the same values writes nothing (version stays)" sh -c "grep -q 'nothing changed' '$T/err' && [ \"\$($F tenant show 1 --format json | sed 's/.*\"version\":\([0-9]*\).*/\1/')\" = '$v1' ]"
$F tenant list --db "$T/no-such.db" 2> "$T/err"
check "--db naming no file exits 2, saying so" sh -c "[ $? -eq 2 ] && grep -q 'no database at' '$T/err'"
check "… and creates nothing" [ ! -e "$T/no-such.db" ]
"$FUHUA" --db "$T/no-such.db" < /dev/null > /dev/null 2> "$T/err"
check "… the interface too (exit 2, nothing created)" sh -c "[ $? -eq 2 ] && [ ! -e '$T/no-such.db' ]"
$F tenant edit 2 --notes "审计" 2> /dev/null
check "a command's audit row names its Unix user, not system" \
	sh -c "sqlite3 '$db' \"SELECT operator FROM audit ORDER BY id DESC LIMIT 1\" | grep -q '^cli:'"

printf '名称,组织类型,联系电话,阶段,入驻日期\r\n导入甲,社会团体,13812345678,孵化中,2025-1-5\r\n导入乙,基金会,12345,申请,\r\n' | iconv -f UTF-8 -t GB18030 > "$T/gb.csv"
$F tenant import "$T/gb.csv" --hub ja-gh 2> "$T/err"
check "import of a bad row exits 2, nothing written" sh -c "[ $? -eq 2 ] && [ \$($F tenant list --hub ja-gh --format csv | wc -l) -eq 1 ]"
check "… reporting file, line and field" grep -q "gb.csv:3: phone:" "$T/err"
$F tenant import "$T/gb.csv" --hub ja-gh --skip-bad 2> "$T/err"
check "import --skip-bad of GB18030 imports the good row (one tenant, one row: singular)" sh -c "grep -q '1 tenant imported (gb18030), 1 row skipped' '$T/err'"
printf 'name,org_type\n"未闭合,service_org\n' > "$T/open.csv"
$F tenant import "$T/open.csv" --hub ja-gh 2> "$T/err"
check "an unclosed quote names its line" grep -q "open.csv:2:" "$T/err"
$F tenant edit 1 --notes "=1+2" 2> /dev/null
$F tenant export --output "$T/out.csv"
check "export starts with a UTF-8 BOM" sh -c "head -c 3 '$T/out.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "export neutralises formulas" grep -q "'=1+2" "$T/out.csv"
echo "keep me" > "$T/victim"
ln -s "$T/victim" "$T/linked.csv"
$F tenant export --output "$T/linked.csv" 2> /dev/null
check "export never writes through a planted symlink" sh -c "[ \"\$(cat '$T/victim')\" = 'keep me' ] && [ -f '$T/linked.csv' ] && [ ! -L '$T/linked.csv' ]"
check "… and leaves no temporary file" sh -c "[ \$(ls '$T' | grep -c '^linked.csv.') -eq 0 ]"
$F tenant import "$T/out.csv" --hub mh 2> "$T/err"
check "an export imports again (its credit codes are taken: refused)" grep -q "already belongs" "$T/err"

# A program run from its build tree finds fixtures/config; one installed with
# make install PREFIX=… finds its own catalogue and configuration.
"$FUHUA" demo --db "$T/tree.db" --tenants 3 > /dev/null 2> "$T/err"
check "the build tree's program finds fixtures/config (demo without --config)" [ $? -eq 0 ]
make -s install PREFIX="$T/usr" > /dev/null 2>&1
check "make install PREFIX=… installs" [ -x "$T/usr/bin/fuhua" ]
check "… a program built for that prefix: its catalogue" sh -c "'$T/usr/bin/fuhua' --lang zh --help | grep -q '^用法'"
check "… and its configuration" sh -c "'$T/usr/bin/fuhua' demo --db '$T/inst.db' --tenants 3 > /dev/null 2>&1"

# The same organisation again: add warns and shows it; an import reports it
# and a re-run with --skip-bad adds nothing; the same name twice in a file.
$F tenant add --name 重名测试组织 --hub ja-gh > /dev/null 2>&1
$F tenant add --name 重名测试组织 --hub ja-gh 2> "$T/err"
check "tenant add of a name that exists: warns, showing it" sh -c "[ $? -eq 0 ] && grep -q 'warning: 重名测试组织 (no. [0-9]*, ja-gh) has the same Name' '$T/err'"
printf 'name,org_type\n重跑甲组织,social_group\n重跑乙组织,social_group\n' > "$T/rerun.csv"
$F tenant import "$T/rerun.csv" --hub ja-gh --skip-bad 2> /dev/null
n1=$($F tenant list --search 重跑 --format csv | wc -l)
$F tenant import "$T/rerun.csv" --hub ja-gh --skip-bad 2> "$T/err"
check "an import run again with --skip-bad adds nothing" sh -c "[ \$($F tenant list --search 重跑 --format csv | wc -l) -eq $n1 ] && [ $n1 -eq 3 ]"
check "… and reports each row that is there already" grep -q 'rerun.csv:2: name: 重跑甲组织 (no. [0-9]*, ja-gh) is in the database already' "$T/err"
$F tenant import "$T/rerun.csv" --hub ja-dn --skip-bad 2> "$T/err"
check "… while the same names go into another hub (other organisations)" grep -q '2 tenants imported' "$T/err"

# Backups and health: a consistent copy while another process writes, then
# `fuhua check` on both; a damaged search index and a dangling row are found.
( i=0; while [ $i -lt 40 ]; do $F tenant edit 1 --notes "备份中 $i" 2> /dev/null; i=$((i + 1)); done ) &
writer=$!
$F backup --to "$T/backup.db" 2> "$T/err"
check "backup while another process writes: exit 0" [ $? -eq 0 ]
wait $writer
check "… the copy passes check" sh -c "$F check --db '$T/backup.db' | grep -q ': ok'"
check "… the copy is 0600 and no temporary file is left" sh -c "[ \"\$(stat -c %a '$T/backup.db')\" = 600 ] && [ \$(ls '$T' | grep -c '^backup.db.') -eq 0 ]"
check "… and holds the tenants" sh -c "[ \$($F tenant list --db '$T/backup.db' --format csv | wc -l) -eq \$($F tenant list --format csv | wc -l) ]"
$F check > "$T/check" 2>&1
check "check on a sound database: exit 0, ok" sh -c "[ $? -eq 0 ] && grep -q ': ok (integrity' '$T/check'"
cp "$T/backup.db" "$T/damaged.db"
sqlite3 "$T/damaged.db" "UPDATE tenant_search SET hay = 'x' WHERE id = 1; PRAGMA foreign_keys = OFF;
  INSERT INTO stage_history(tenant_id, from_stage, to_stage, at, operator) VALUES(424242, NULL, 'applied', 0, 'x');"
$F check --db "$T/damaged.db" > "$T/check" 2>&1
check "check finds a damaged search row and a dangling row (exit 1)" sh -c "[ $? -eq 1 ] && grep -q 'search row is out of date' '$T/check' && grep -q 'foreign key: .*stage_history' '$T/check'"
$F backup 2> "$T/err"
check "backup without --to exits 2" [ $? -eq 2 ]
# the nightly timer's backup: a day's copy in a folder, the old days removed
mkdir "$T/nightly"
for d in 2026-11-01 2026-11-15 2026-11-23; do
	FUHUA_NOW=${d}T02:30 $F backup --to "$T/nightly" --keep 7 2> "$T/err"
done
check "backup --to DIR --keep 7: the days' copies within 7 days stay ($(ls "$T/nightly" | tr '\n' ' '))" \
	[ "$(ls "$T/nightly" | tr '\n' ' ')" = "fuhua-2026-11-23.db " ]
check "… the older ones removed, each named" grep -q "fuhua-2026-11-15.db: removed, older than 7 days" "$T/err"
check "… the day's copy holds the tenants" sh -c "$F check --db '$T/nightly/fuhua-2026-11-23.db' | grep -q ': ok'"
$F backup --to "$T/nightly" --keep 0 2> /dev/null
check "… --keep 0 is a usage error (exit $?)" [ $? -eq 2 ]

# Hostile files: each is refused for what it is, on its line, and the rest
# of the file goes on with --skip-bad; nothing reaches the terminal raw.
wide=$(printf '%01100d' 0 | sed 's/0/,/g')
printf 'name,org_type\n宽行甲组织,social_group\n宽行乙组织%s\n宽行丙组织,social_group\n' "$wide" > "$T/wide.csv"
$F tenant import "$T/wide.csv" --hub ja-gh 2> "$T/err"
check "a row of more than 1024 cells is that row's error (exit 2)" sh -c "[ $? -eq 2 ] && grep -q 'wide.csv:3: 1101 cells' '$T/err'"
$F tenant import "$T/wide.csv" --hub ja-gh --skip-bad 2> "$T/err"
check "… and --skip-bad goes on with the next rows" grep -q '2 tenants imported (utf-8), 1 row skipped' "$T/err"
printf 'name,org_type\n好\000组织,social_group\n' > "$T/nul.csv"
$F tenant import "$T/nul.csv" --hub ja-gh 2> "$T/err"
check "a NUL byte in a cell is an error, not a silent cut" sh -c "[ $? -eq 2 ] && grep -q 'nul.csv:2: a NUL byte' '$T/err'"
printf 'name\000x,org_type\n好组织,social_group\n' > "$T/nulhead.csv"
$F tenant import "$T/nulhead.csv" --hub ja-gh 2> "$T/err"
check "… in the heading too" grep -q 'NUL byte in the heading' "$T/err"
printf 'name,org_type\n字节甲组织,social_group\n\377字节乙组织,social_group\n字节丙组织,social_group\n字节丁组织,social_group\n' > "$T/byte.csv"
$F tenant import "$T/byte.csv" --hub ja-gh 2> "$T/err"
check "a bad UTF-8 byte is reported on its own line" grep -q 'byte.csv:3: column 1: byte 0xFF is not UTF-8' "$T/err"
{ cat "$T/out.csv"; cat "$T/out.csv"; } | sed 's/^\(.\{0\}\)//' > "$T/twice.csv"
$F tenant import "$T/twice.csv" --hub mh 2> "$T/err"
check "two exports pasted together: the second BOM is reported" grep -q 'byte-order mark in the middle' "$T/err"
sed '1s/^\xEF\xBB\xBF//' "$T/out.csv" > "$T/nobom.csv"
{ cat "$T/nobom.csv"; cat "$T/nobom.csv"; } > "$T/twice2.csv"
$F tenant import "$T/twice2.csv" --hub mh 2> "$T/err"
check "… and a heading row in the middle too" grep -q 'heading row again' "$T/err"
check "… never a tenant named after the heading" sh -c "! $F tenant list --search 名称 --format csv | grep -q '^[0-9]*,名称,'"
printf 'name,org_type\n\342\200\213\357\273\277,social_group\n' > "$T/invisible.csv"
$F tenant import "$T/invisible.csv" --hub ja-gh 2> "$T/err"
check "a name of invisible characters only is refused" grep -q 'no visible character' "$T/err"
printf 'name,org_type\n好\342\200\256织组,social_group\n' > "$T/bidi.csv"
$F tenant import "$T/bidi.csv" --hub ja-gh 2> "$T/err"
check "a bidirectional override in a name is refused" grep -q 'bidirectional override' "$T/err"
printf 'name,org_type\n好\302\233组织,social_group\n' > "$T/c1.csv"
$F tenant import "$T/c1.csv" --hub ja-gh 2> "$T/err"
check "a C1 control in a name is refused" grep -q 'control character' "$T/err"
printf 'name,staff\n好组织,\033]0;PWNED\007\n' > "$T/esc.csv"
$F tenant import "$T/esc.csv" --hub ja-gh 2> "$T/err"
check "a cell with ESC is quoted escaped in the message (\\x1b)" grep -qF '\x1b]0;PWNED\x07' "$T/err"
check "… and no raw ESC or BEL reaches the terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$T/err' && ! grep -q \"\$(printf '\\007')\" '$T/err'"
printf 'name,org_type,notes\n公式组织,social_group,\047=1+2\n' > "$T/formula.csv"
$F tenant import "$T/formula.csv" --hub ja-gh 2> /dev/null
id=$($F tenant list --search 公式组织 --format csv | sed -n 2p | cut -d, -f1)
check "re-importing an export gives back the text (the export's apostrophe goes)" \
	sh -c "$F tenant show $id --format json | grep -q '\"notes\":\"=1+2\"'"
# Dual incubation: the coverage report equals an independent count in SQL
# (own branch or joint branch; or fallback with an instructor), per hub
# rolled up; a branch with two full members is refused with the reason; a
# joint branch at its limit refuses the next tenant; sync checks close.
P="$T/party.db"
"$FUHUA" demo --db "$P" --config fixtures/config --tenants 400 --seed 5 > /dev/null
"$FUHUA" report coverage --db "$P" --format csv > "$T/cov.csv"
want=$(sqlite3 -csv "$P" "SELECT 'sh', count(*), sum(party_org IN ('branch','joint_branch')),
  sum(party_org IN ('branch','joint_branch') OR (party_fallback AND instructor_id IS NOT NULL))
  FROM tenants WHERE stage = 'incubating'")
got=$(awk -F, 'NR == 2 { print $1 "," $4 "," $5 "," $7 }' "$T/cov.csv")
check "report coverage equals an independent SQL count (city: $got)" [ "$got" = "$want" ]
want=$(sqlite3 -csv "$P" "WITH RECURSIVE s(id) AS (SELECT id FROM hubs WHERE code = 'ja-gh'
  UNION ALL SELECT h.id FROM hubs h JOIN s ON h.parent_id = s.id)
  SELECT 'ja-gh', count(*), sum(party_org IN ('branch','joint_branch')),
  sum(party_org IN ('branch','joint_branch') OR (party_fallback AND instructor_id IS NOT NULL))
  FROM tenants WHERE stage = 'incubating' AND hub_id IN (SELECT id FROM s)")
got=$(awk -F, '$1 == "ja-gh" { print $1 "," $4 "," $5 "," $7 }' "$T/cov.csv")
check "… and for a street rolled up with its community site ($got)" [ "$got" = "$want" ]
"$FUHUA" report coverage --db "$P" --all-stages --format json > "$T/cov.json"
check "report coverage --all-stages counts every tenant" grep -q "\"tenants\": $(sqlite3 "$P" 'SELECT count(*) FROM tenants')" "$T/cov.json"
"$FUHUA" report coverage --db "$P" > "$T/cov.txt"
check "… the table names the published rates beside ours" grep -q '浙江省.*100.0' "$T/cov.txt"
id=$(sqlite3 "$P" "SELECT id FROM tenants WHERE stage = 'incubating' AND party_org = 'none' LIMIT 1")
"$FUHUA" --lang en party edit "$id" --db "$P" --form branch --full-members 2 --probationary 4 \
	--founded 2026-01-05 --secretary 王芳 --fallback no 2> "$T/err"
check "a branch of two full members is refused (exit 2) with the reason" sh -c "[ $? -eq 2 ] && grep -q 'Full members: a branch of its own needs at least 3 full members (probationary members do not count)' '$T/err'"
"$FUHUA" party edit "$id" --db "$P" --form branch --full-members 3 --founded 2026-01-05 --secretary 王芳 \
	--fallback no > /dev/null
check "… three make a branch" [ "$(sqlite3 "$P" "SELECT party_org FROM tenants WHERE id = $id")" = branch ]
check "… audited on the tenant" [ "$(sqlite3 "$P" "SELECT count(*) FROM audit WHERE entity = 'tenant' AND entity_id = $id AND action = 'party'")" = 1 ]
"$FUHUA" branch add --db "$P" --hub ja-dn --name 大宁测试联合党支部 --founded 2026-03-01 > /dev/null
bid=$(sqlite3 "$P" "SELECT id FROM party_branches WHERE name = '大宁测试联合党支部'")
for t in $(sqlite3 "$P" "SELECT id FROM tenants WHERE hub_id = (SELECT id FROM hubs WHERE code = 'ja-dn')
	AND stage = 'incubating' AND party_org = 'none' AND party_fallback = 0 LIMIT 6"); do
	"$FUHUA" --lang en party edit "$t" --db "$P" --form joint_branch --branch "$bid" > /dev/null 2> "$T/err"
	echo $? >> "$T/joint.rc"
done
check "a joint branch takes five tenants, the sixth is refused" [ "$(tr '\n' ' ' < "$T/joint.rc")" = "0 0 0 0 0 2 " ]
check "… naming the branch and its limit" grep -q '大宁测试联合党支部 already covers 5 tenants' "$T/err"
# The last place raced for: four tenants in a branch, four processes each
# asking for the fifth place at once; the check runs inside the write lock,
# so exactly one wins and the others are refused, and the count is exact.
"$FUHUA" branch add --db "$P" --hub ja-gh --name 共和竞争联合党支部 --founded 2026-03-01 > /dev/null
rid=$(sqlite3 "$P" "SELECT id FROM party_branches WHERE name = '共和竞争联合党支部'")
sqlite3 "$P" "SELECT id FROM tenants WHERE hub_id = (SELECT id FROM hubs WHERE code = 'ja-gh')
	AND stage = 'incubating' AND party_org = 'none' AND party_fallback = 0 LIMIT 8" > "$T/racers"
for t in $(head -4 "$T/racers"); do
	"$FUHUA" party edit "$t" --db "$P" --form joint_branch --branch "$rid" > /dev/null
done
for t in $(tail -4 "$T/racers"); do
	( "$FUHUA" party edit "$t" --db "$P" --form joint_branch --branch "$rid" > /dev/null 2>&1; echo $? > "$T/joinrace.$t" ) &
done
wait
check "four processes race for a joint branch's last place: one wins, three are refused" \
	[ "$(cat "$T"/joinrace.* | sort | tr '\n' ' ')" = "0 2 2 2 " ]
check "… and the branch covers exactly five" [ "$(sqlite3 "$P" "SELECT count(*) FROM party WHERE branch_id = $rid")" = 5 ]
"$FUHUA" party gaps --db "$P" --format csv > "$T/gaps.csv"
check "party gaps lists uncovered tenants and sync gaps" sh -c "grep -q '^uncovered,' '$T/gaps.csv' && grep -q '^sync_gap,' '$T/gaps.csv'"
item=$(sqlite3 "$P" "SELECT id FROM party_sync WHERE done_on IS NULL LIMIT 1")
"$FUHUA" party done "$item" --db "$P"
check "party done closes a sync check" [ "$(sqlite3 "$P" "SELECT done_on IS NOT NULL FROM party_sync WHERE id = $item")" = 1 ]
"$FUHUA" party done "$item" --db "$P" 2> /dev/null
check "… once (exit 1 the second time)" [ $? -eq 1 ]
"$FUHUA" party annual --db "$P" --year 2026 > "$T/annual"
check "party annual opens the year's reports once" sh -c "grep -q 'annual report' '$T/annual' && $FUHUA party annual --db '$P' --year 2026 | grep -q '^0 annual'"
"$FUHUA" --lang en tenant edit "$id" --db "$P" --party-org none 2> "$T/err"
check "tenant edit leaves the party record to party edit (exit 2)" sh -c "[ $? -eq 2 ] && grep -q 'fuhua party edit' '$T/err'"
"$FUHUA" party instructors --db "$P" --format csv | sed 1d | head -1 > "$T/ins.csv"
ins=$(cut -d, -f1 "$T/ins.csv"); carries=$(cut -d, -f5 "$T/ins.csv" | tr -d "\r")
"$FUHUA" party instructors "$ins" --db "$P" --format csv | sed 1d > "$T/instructed.csv"
check "an instructor's tenants are as many as the instructors list says ($carries)" \
	[ "$(wc -l < "$T/instructed.csv")" = "$carries" ]
"$FUHUA" party member add "$id" 陈静 --db "$P" --kind probationary --here no > /dev/null
"$FUHUA" party member add "$id" 陈静 --db "$P" 2> /dev/null
check "a member named twice is refused (exit 1)" [ $? -eq 1 ]
mid=$(sqlite3 "$P" "SELECT id FROM party_people WHERE name = '陈静' AND tenant_id = $id")
"$FUHUA" party member edit "$mid" --db "$P" --kind full --format csv > "$T/members.csv"
check "转正: the member becomes full, and the record counts four" sh -c "grep -q ',陈静,full,no' '$T/members.csv' && [ \$(sqlite3 '$P' 'SELECT party_members FROM tenants WHERE id = $id') = 4 ]"
"$FUHUA" party member remove "$mid" --db "$P" > /dev/null
check "… and one who leaves takes one off" [ "$(sqlite3 "$P" "SELECT party_members FROM tenants WHERE id = $id")" = 3 ]
check "the maintained counts equal a full count after all this" sh -c "$FUHUA check --db '$P' | grep -q ': ok'"

# ---- spaces and bookings ------------------------------------------------------
S="$T/space.db"
"$FUHUA" demo --db "$S" --config fixtures/config --tenants 300 --seed 3 > /dev/null 2>&1
q() { sqlite3 "$S" "$1"; }
dn_incubating="SELECT id FROM tenants WHERE hub_id = (SELECT id FROM hubs WHERE code = 'ja-dn') AND stage = 'incubating' ORDER BY id"
set -- $(q "$dn_incubating LIMIT 5")
"$FUHUA" space allocate ja-dn/A2 "$1" --db "$S" --from 2030-01-01 --to 2030-01-31 --seats 15 > "$T/alloc.out"
check "space allocate: 15 of A2's 16 seats in January 2030" grep -q '15 seats, 2030-01-01 to 2030-01-31' "$T/alloc.out"
# The last seat raced for: four processes at once; the check and the write
# are one BEGIN IMMEDIATE transaction, so one wins and the others are refused.
audit=$(q "SELECT count(*) FROM audit")
for t in $2 $3 $4 $5; do
	( "$FUHUA" --lang en space allocate ja-dn/A2 "$t" --db "$S" --from 2030-01-20 --to 2030-02-10 \
		> /dev/null 2> "$T/seat.err.$t"; echo $? > "$T/seatrace.$t" ) &
done
wait
check "four processes race for the last seat: one wins, three are refused" \
	[ "$(cat "$T"/seatrace.* | sort | tr '\n' ' ')" = "0 1 1 1 " ]
check "… naming who holds the seats" sh -c "cat '$T'/seat.err.* | grep -q '16 seats and 16 are taken on 2030-01-20'"
check "… the space holds 16 seats, never more, and nothing else was written" \
	[ "$(q "SELECT sum(seats) FROM allocations WHERE space_id = (SELECT s.id FROM spaces s JOIN hubs h ON h.id = s.hub_id WHERE h.code = 'ja-dn' AND s.code = 'A2') AND start_on >= strftime('%s', '2030-01-01') - 28800"),$(q "SELECT count(*) FROM audit")" = "16,$((audit + 1))" ]
# The same room hour raced for.
for i in 1 2 3 4; do
	( "$FUHUA" booking add ja-dn/B2 --db "$S" --date 2030-01-07 --time 10:00-11:00 --title "竞争 $i" \
		> /dev/null 2>&1; echo $? > "$T/roomrace.$i" ) &
done
wait
check "four processes race for the same room hour: one wins, three are refused" \
	[ "$(cat "$T"/roomrace.* | sort | tr '\n' ' ')" = "0 1 1 1 " ]
check "… one booking holds it" [ "$(q "SELECT count(*) FROM bookings WHERE title LIKE '竞争%'")" = 1 ]
"$FUHUA" --lang en booking add ja-dn/B2 --db "$S" --date 2030-01-07 --time 10:30-12:00 --title 晚到 2> "$T/err"
check "a booking in the way is named (exit 1)" sh -c "[ $? -eq 1 ] && grep -q 'B2 洽谈室 is booked 10:00–11:00 on 2030-01-07' '$T/err'"
"$FUHUA" --lang en booking add ja-dn/B2 --db "$S" --date 2029-12-31 --time 10:00-11:00 --title 每周例会 --weeks 3 > "$T/weekly"
check "a weekly repeat books the free dates and lists the clash to retry" \
	sh -c "grep -q '2 booked, 0 waiting for approval, 1 dates skipped' '$T/weekly' && grep -q 'skipped .* on 2030-01-07' '$T/weekly' && grep -q 'fuhua booking retry' '$T/weekly'"
"$FUHUA" booking add ja-dn/B1 --db "$S" --date 2030-01-08 --time 14:00-15:00 --title 路演 > "$T/pend"
check "a room that needs approval holds the booking as pending" grep -q 'waiting for a manager' "$T/pend"
bid=$(q "SELECT id FROM bookings WHERE title = '路演'")
"$FUHUA" booking approve "$bid" --db "$S" > /dev/null
check "… until approved" [ "$(q "SELECT state FROM bookings WHERE id = $bid")" = confirmed ]
"$FUHUA" booking export --ics --db "$S" --room ja-dn/B2 --from 2030-01-07 --to 2030-01-07 --output "$T/b2.ics"
check "booking export --ics writes an iCalendar file with CRLF lines" \
	sh -c "[ \$(tr -dc '\\r' < '$T/b2.ics' | wc -c) = \$(wc -l < '$T/b2.ics') ] && grep -c 'BEGIN:VEVENT' '$T/b2.ics' | grep -qx '1' && grep -q 'DTSTART:20300107T020000Z' '$T/b2.ics'"
# Fees: an office of 28 m² at the street's 30 yuan, 15 days of March after a free period long over.
old=$(q "SELECT id FROM tenants WHERE hub_id = (SELECT id FROM hubs WHERE code = 'ja-pp') AND stage = 'incubating' AND admitted_on < strftime('%s', '2028-01-01') ORDER BY id LIMIT 1")
"$FUHUA" space allocate ja-pp/1 "$old" --db "$S" --from 2030-02-01 --to 2030-03-15 > /dev/null
"$FUHUA" space fees --db "$S" --month 2030-03 --hub ja-pp --format csv > "$T/fees.csv"
check "space fees: 30 × 28 m² × 15/31 days = 406.45 yuan" grep -q ",15,406.45" "$T/fees.csv"
aid=$(q "SELECT max(id) FROM allocations")
"$FUHUA" --lang en space release "$aid" --db "$S" --on 2030-02-27 > "$T/rel"
check "space release: handed back within 15 working days" grep -q 'last day 2030-02-27, to be handed back by 2030-03-20' "$T/rel"
"$FUHUA" report occupancy --db "$S" --at 2026-11-23 --format csv | sed -n 2p | cut -d, -f7,8 | tr -d '\r' > "$T/occ"
want=$(q "SELECT sum(seats), (SELECT sum(CASE WHEN s2.type = 'office' THEN s2.seats ELSE a.seats END) FROM allocations a JOIN spaces s2 ON s2.id = a.space_id WHERE a.start_on <= strftime('%s', '2026-11-23') - 28800 AND a.end_on >= strftime('%s', '2026-11-23') - 28800) FROM spaces WHERE type IN ('office','desk') AND retired = 0" | tr '|' ',')
check "report occupancy: the city's seats and seats in use equal a count of the rows ($want)" [ "$(cat "$T/occ")" = "$want" ]

# ---- mentoring ----------------------------------------------------------------
"$FUHUA" mentor add --db "$S" --hub ja-dn --name 钱老师 --expertise 财务 --capacity 1 > "$T/mentor.out"
mid=$(sed -n 's/^mentor \([0-9]*\):.*/\1/p' "$T/mentor.out")
mentors=$(q "SELECT count(*) FROM mentors")
"$FUHUA" mentor add --db "$S" --hub ja-dn --name 孙老师 --capacity 五 2> /dev/null
check "mentor add with a capacity that is no number is refused (exit 2), nothing written" \
	sh -c "[ $? -eq 2 ] && [ \$(sqlite3 '$S' 'SELECT count(*) FROM mentors') = $mentors ]"
"$FUHUA" remind --db "$S" --days 9x > /dev/null 2>&1
check "remind --days that is no number is a usage error (exit 2)" [ $? -eq 2 ]
check "mentor add: a mentor with its number" [ -n "$mid" ]
set -- $(q "$dn_incubating LIMIT 2")
"$FUHUA" mentor assign "$mid" "$1" --db "$S" > /dev/null
"$FUHUA" --lang en mentor assign "$mid" "$2" --db "$S" 2> "$T/err"
check "a mentor at capacity is refused, saying so (exit 1)" sh -c "[ $? -eq 1 ] && grep -q 'as many as they can (1)' '$T/err'"
ms=$(q "SELECT id FROM milestones WHERE tenant_id = $1 AND state = 'pending' ORDER BY due LIMIT 1")
"$FUHUA" session add --db "$S" --mentor "$mid" --tenant "$1" --topic 财务制度 --hours 2 --milestone "$ms" > /dev/null
check "session add: recorded against the milestone it served" [ "$(q "SELECT count(*) FROM sessions WHERE milestone_id = $ms")" = 1 ]
"$FUHUA" --lang en milestone waive "$ms" --db "$S" 2> /dev/null
check "milestone waive without a reason is refused (exit 2)" [ $? -eq 2 ]
"$FUHUA" milestone done "$ms" --db "$S" --evidence 财务制度文件 > /dev/null
check "milestone done: done, with its evidence and who verified it" \
	sh -c "sqlite3 '$S' \"SELECT state || ',' || evidence || ',' || verified_by FROM milestones WHERE id = $ms\" | grep -q '^done,财务制度文件,cli:'"
"$FUHUA" milestone list "$1" --db "$S" --format csv | head -1 | tr -d '\r' > "$T/ms.head"
check "milestone list --format csv has its header" grep -q '^id,track,code,title,required,due,state' "$T/ms.head"
"$FUHUA" remind --db "$S" --hub ja-dn --days 30 > "$T/remind"
check "remind exits 0 and counts what is overdue and due" sh -c "[ $? -eq 0 ] && grep -q 'overdue, .* within 30 days' '$T/remind'"
late=$(q "SELECT count(*) FROM milestones m JOIN tenants t ON t.id = m.tenant_id JOIN hubs h ON h.id = t.hub_id WHERE h.code = 'ja-dn' AND t.stage = 'incubating' AND m.state = 'pending' AND m.due < strftime('%s', '2026-11-23') - 28800")
past=$(q "SELECT count(*) FROM tenants t JOIN hubs h ON h.id = t.hub_id WHERE h.code = 'ja-dn' AND t.stage = 'incubating' AND t.planned_end < strftime('%s', '2026-11-23') - 28800")
"$FUHUA" remind --db "$S" --hub ja-dn --format csv | grep -c '^overdue,' > "$T/remind.n"
check "remind lists every overdue milestone and tenant past its end ($late + $past)" [ "$(cat "$T/remind.n")" = $((late + past)) ]
young=$(q "SELECT id FROM tenants WHERE hub_id = (SELECT id FROM hubs WHERE code = 'ja-dn') AND stage = 'incubating' ORDER BY admitted_on DESC LIMIT 1")
"$FUHUA" --lang en tenant move "$young" graduated --db "$S" 2> "$T/err"
check "graduation refused, listing the criteria (exit 1)" sh -c "[ $? -eq 1 ] && grep -q 'cannot graduate yet' '$T/err'"
"$FUHUA" tenant move "$young" graduated --override --db "$S" 2> /dev/null
check "an override needs a reason (exit 2)" [ $? -eq 2 ]
"$FUHUA" tenant move "$young" graduated --override --reason 主任特批 --db "$S" 2> /dev/null
check "… and with one graduates, the history keeping the reason and what was not met" \
	sh -c "[ \"\$(sqlite3 '$S' \"SELECT stage FROM tenants WHERE id = $young\")\" = graduated ] && sqlite3 '$S' \"SELECT reason FROM stage_history WHERE tenant_id = $young ORDER BY id DESC LIMIT 1\" | grep -q '主任特批'"

# ---- nothing raw: stored control characters never reach the terminal ----------
# ESC and its CSI, BEL, a C1 CSI (U+009B) and a right-to-left override planted
# in every kind of stored text; every list command, in every format, shows
# them escaped.
R="$T/raw.db"
"$FUHUA" demo --db "$R" --config fixtures/config --tenants 120 --seed 5 > /dev/null 2>&1
bad="char(27) || '[31m' || char(7) || char(155) || char(8238)"
sqlite3 "$R" "UPDATE tenants SET name = name || $bad; UPDATE mentors SET name = name || $bad;
	UPDATE bookings SET title = title || $bad; UPDATE sessions SET topic = topic || $bad;
	UPDATE milestones SET title = title || $bad; UPDATE party_branches SET name = name || $bad;
	UPDATE hubs SET name = name || $bad; UPDATE spaces SET name = name || $bad;"
anyt=$(sqlite3 "$R" "SELECT tenant_id FROM milestones LIMIT 1")
# raw FILE: the bytes of ESC, BEL, U+009B or U+202E anywhere in FILE
raw() { LC_ALL=C grep -q "$(printf '\033')\|$(printf '\007')\|$(printf '\302\233')\|$(printf '\342\200\256')" "$1"; }
leaks=""
for fmt in table csv json; do
	for cmd in "booking list" "session list" "milestone list $anyt" "mentor list" "mentor pairings" "party gaps" \
		"branch list" "tenant list" "space list" "space allocations --all" "party instructors" "remind" \
		"report coverage" "report occupancy" "hub list"; do
		out="$T/raw.$fmt.$(echo "$cmd" | tr ' ' '_')"
		"$FUHUA" $cmd --db "$R" --format "$fmt" > "$out" 2>&1
		raw "$out" && leaks="$leaks [$cmd --format $fmt]"
	done
done
"$FUHUA" tenant export --db "$R" --output "$T/raw.export.csv" > /dev/null 2>&1
raw "$T/raw.export.csv" && leaks="$leaks [tenant export]"
"$FUHUA" booking export --ics --db "$R" --output "$T/raw.ics" > /dev/null 2>&1
raw "$T/raw.ics" && leaks="$leaks [booking export --ics]"
# an Excel file is a zip: its sheets' XML, unpacked
unzipped() { /usr/bin/python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); sys.stdout.buffer.write(b"".join(z.read(n) for n in z.namelist()))' "$1"; }
for cmd in "tenant export" "session list" "tenant list"; do
	"$FUHUA" $cmd --db "$R" --format xlsx --output "$T/raw.xlsx" > /dev/null 2>&1
	unzipped "$T/raw.xlsx" > "$T/raw.xml" 2> /dev/null
	{ [ -s "$T/raw.xml" ] && ! raw "$T/raw.xml"; } || leaks="$leaks [$cmd --format xlsx]"
done
check "stored ESC, BEL, C1 and bidi controls are escaped in every format of every list${leaks:+: raw in$leaks}" [ -z "$leaks" ]
check "… shown as escapes (CSV)" grep -q '\\x1b\[31m\\x07\\u009b\\u202e' "$T/raw.csv.booking_list"
check "… (JSON)" grep -q '\\u001b\[31m\\u0007\\u009b\\u202e' "$T/raw.json.mentor_list"

# ---- one parser, one message: dates before 1970, numbers with spaces ------------
silent="" accepted=""
for args in "space list --at 1969-12-31" "space allocations --at 1969-12-31" "report occupancy --at 1969-12-31" \
	"booking list --from 1969-12-31" "session list --to 1969-12-31" "milestone done 1 --on 1969-12-31" \
	"booking add ja-dn/B2 --date 1969-12-31 --time 10:00-11:00 --title 旧会议" \
	"space allocate ja-dn/A2 1 --from 1969-12-31" "party done 1 --on 1969-12-31" "mentor end 1 --on 1969-12-31" \
	"space release 1 --on 1969-12-31" "branch add --hub ja --name 旧联合党支部 --founded 1969-12-31" \
	"tenant edit 1 --founded 1969-12-31" "party event 1 annual --on 1969-12-31"; do
	"$FUHUA" --lang en $args --db "$R" > /dev/null 2> "$T/date.err"
	rc=$?
	[ $rc -eq 2 ] || accepted="$accepted [$args: exit $rc]"
	grep -q "'1969-12-31' is not a date from 1970 to 2999" "$T/date.err" || silent="$silent [$args]"
done
check "a date before 1970 is refused by every command (exit 2)${accepted:+:$accepted}" [ -z "$accepted" ]
check "… with one message naming it${silent:+; not said by$silent}" [ -z "$silent" ]
loose=""
while IFS='|' read -r cmd opt val; do
	"$FUHUA" --lang en $cmd "$opt" "$val" --db "$R" > /dev/null 2> "$T/num.err"
	rc=$?
	{ [ $rc -eq 2 ] && grep -q -- "$opt: '$val' is not a\( whole\)\? number from" "$T/num.err"; } ||
		loose="$loose [$cmd $opt '$val': exit $rc]"
done << 'EOF'
space allocate ja-dn/A2 1|--seats| 3
session add --mentor 1 --tenant 1 --topic 财务|--hours| 2
session add --mentor 1 --tenant 1 --topic 财务|--hours|1e0
mentor add --name 新导师|--capacity| 3
booking add ja-dn/B2 --date 2030-01-07 --time 10:00-11:00 --title 例会|--weeks| 2
remind|--days| 3
space waitlist add 1 --type desk|--seats|+3
demo --config fixtures/config|--tenants|3 
EOF
check "a number with a space or a sign is refused, naming the option (exit 2)${loose:+:$loose}" [ -z "$loose" ]

# ---- a busy database says what is in the way ----------------------------------
# another session holds a read transaction (the sqlite3 shell, fed through a
# pipe): a write waits its 5 s for it, then says a session is reading
B=$T/busy.db
"$FUHUA" demo --db "$B" --config fixtures/config --tenants 20 --seed 5 > /dev/null
mkfifo "$T/hold"
sqlite3 "$B" < "$T/hold" > "$T/hold.out" 2>&1 &
holder=$!
exec 3> "$T/hold"
echo "BEGIN; SELECT 'holding', count(*) FROM tenants;" >&3
wait_for "cat '$T/hold.out'" "holding"
"$FUHUA" --lang en tenant edit 1 --notes 等一等 --db "$B" > /dev/null 2> "$T/busy.err"
rc=$?
check "a write beside a reading session fails (exit 1) saying a session is reading and how long it waited" \
	sh -c "[ $rc -eq 1 ] && grep -q 'busy: another session is reading; waited 5.0 s, try again' '$T/busy.err'"
echo "COMMIT;" >&3
exec 3>&-
wait $holder
"$FUHUA" --lang en tenant edit 1 --notes 等一等 --db "$B" > /dev/null 2> "$T/busy.err"
check "… and succeeds once it has finished" [ $? -eq 0 ]

# ---- outcomes: every total against an independent count in SQL ------------------
O="$T/outcomes.db"
"$FUHUA" demo --db "$O" --config fixtures/config --tenants 300 --seed 7 > /dev/null
FO="$FUHUA --lang en --db $O"
# the district's scope: ja and every hub below it
SCOPE="WITH RECURSIVE s(id) AS (SELECT id FROM hubs WHERE code = 'ja' UNION ALL
  SELECT h.id FROM hubs h JOIN s ON h.parent_id = s.id)"
$FO project totals --year 2026 --format csv > "$T/pt.csv"
want=$(sqlite3 -csv "$O" "SELECT count(*), sum(granted), sum(paid) FROM projects WHERE year = 2026 AND state != 'refused'")
got=$(awk -F, 'NR > 1 { n += $3; g += $10 * 100; p += $11 * 100 } END { printf "%d,%d,%d", n, g, p }' "$T/pt.csv")
check "project totals: projects, granted and paid equal a count in SQL ($got)" [ "$got" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM projects WHERE state = 'closed'")
got=$($FO project list --evaluation-due --format csv | tail -n +2 | wc -l)
check "project list --evaluation-due lists every closed project ($got)" [ "$got" = "$want" ]
$FO activity totals --year 2026 --month 2026-10 --hub ja --format csv > "$T/at.csv"
want=$(sqlite3 -csv "$O" "$SCOPE SELECT count(*), sum(served), sum(volunteers) FROM activities
  WHERE hub_id IN (SELECT id FROM s) AND on_day >= unixepoch('2026-10-01') - 28800 AND on_day < unixepoch('2026-11-01') - 28800")
got=$(awk -F, 'NR > 1 { n += $2; s += $3; v += $4 } END { printf "%d,%d,%d", n, s, v }' "$T/at.csv")
check "activity totals: a district's October per hub adds up to a count in SQL ($got)" [ "$got" = "$want" ]
$FO activity totals --year 2026 --by month --format csv > "$T/am.csv"
want=$(sqlite3 "$O" "SELECT sum(served) FROM activities WHERE on_day >= unixepoch('2026-01-01') - 28800")
got=$(awk -F, 'NR > 1 { s += $3 } END { print s }' "$T/am.csv")
check "… and the city's months add up to the year's people served ($got)" [ "$got" = "$want" ]
$FO course totals --year 2026 --format csv > "$T/ct.csv"
want=$(sqlite3 -csv "$O" "SELECT count(*), (SELECT count(*) FROM attendances a JOIN courses c ON c.id = a.course_id
  WHERE c.on_day >= unixepoch('2026-01-01') - 28800 AND c.on_day <= unixepoch('2026-11-23') - 28800)
  FROM courses WHERE on_day >= unixepoch('2026-01-01') - 28800 AND on_day <= unixepoch('2026-11-23') - 28800")
got=$(awk -F, 'NR > 1 { n += $2; a += $4 } END { printf "%d,%d", n, a }' "$T/ct.csv")
check "course totals: sessions and attendances equal a count in SQL ($got)" [ "$got" = "$want" ]
$FO inspection totals --year 2025 --hub ja-gh --format csv > "$T/it.csv"
want=$(sqlite3 -csv "$O" "SELECT 'ja-gh', count(*), sum(x.result IN ('passed', 'basic', 'failed')), sum(x.result = 'passed')
  FROM tenants t LEFT JOIN inspections x ON x.tenant_id = t.id AND x.year = 2025
  WHERE t.hub_id = (SELECT id FROM hubs WHERE code = 'ja-gh') AND t.reg_state = 'registered'
  AND t.stage IN ('incubating', 'graduated') AND t.admitted_on < unixepoch('2026-01-01') - 28800")
got=$(awk -F, '$1 == "ja-gh" { print $1 "," $2 "," $3 "," $4 }' "$T/it.csv")
check "inspection totals: due, filed and passed of a street equal a count in SQL ($got)" [ "$got" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM followups WHERE done_on IS NULL AND due < unixepoch('2026-11-23') - 28800")
got=$($FO followup list --format csv | tail -n +2 | wc -l)
check "followup list: the overdue follow-ups equal a count in SQL ($got)" [ "$got" = "$want" ]
$FO meeting totals --year 2026 --format csv > "$T/mt.csv"
want=$(sqlite3 -csv "$O" "SELECT sum(kind = 'committee'), sum(kind = 'lecture') FROM meetings
  WHERE on_day >= unixepoch('2026-01-01') - 28800")
got=$(awk -F, 'NR > 1 { c += $4; l += $6 } END { printf "%d,%d", c, l }' "$T/mt.csv")
check "meeting totals: committee meetings and lectures equal a count in SQL ($got)" [ "$got" = "$want" ]
$FO rating totals --format csv > "$T/rt.csv"
want=$(sqlite3 "$O" "SELECT count(*) FROM tenants t JOIN ratings r ON r.tenant_id = t.id
  AND r.rated_on = (SELECT max(rated_on) FROM ratings x WHERE x.tenant_id = t.id)
  WHERE t.reg_state = 'registered' AND t.stage IN ('incubating', 'graduated') AND r.expires_on >= unixepoch('2026-11-23') - 28800
  AND t.founded <= '2024-11-23'")
got=$(awk -F, 'NR > 1 { r += $4 } END { print r }' "$T/rt.csv")
check "rating totals: the ratings that hold equal a count in SQL ($got)" [ "$got" = "$want" ]
$FO check > /dev/null 2>&1
check "check finds the outcomes' kept totals right" [ $? -eq 0 ]

# The monthly report of October, a line per figure in CSV (section, hub,
# name, figure, value; RFC 4180 lines end in CR LF), against counts in
# SQL; its total's rate is of the totals.
$FO report monthly --month 2026-10 --format csv > "$T/rm.csv"
# figin FILE SECTION HUB FIGURE: a figure of a report's CSV; fig: October's
figin() { tr -d '\r' < "$1" | awk -F, -v s="$2" -v h="$3" -v f="$4" '$1 == s && $2 == h && $4 == f { print $5 }'; }
fig() { figin "$T/rm.csv" "$@"; }
OCT="on_day >= unixepoch('2026-10-01') - 28800 AND on_day < unixepoch('2026-11-01') - 28800"
want=$(sqlite3 "$O" "SELECT sum(served) FROM activities WHERE $OCT AND hub_id = (SELECT id FROM hubs WHERE code = 'ja-dn')")
check "report monthly: a street's people served in October equal a count in SQL ($(fig activities ja-dn served))" \
	[ "$(fig activities ja-dn served)" = "$want" ]
# the rooms' hours: November's confirmed bookings (the demo books from
# November on), a street's and the city's
$FO report monthly --month 2026-11 --format csv > "$T/rn.csv"
nov() { figin "$T/rn.csv" spaces "$@"; }
booked="SELECT printf('%.1f', sum(b.ends - b.starts) / 3600.0) FROM bookings b JOIN spaces s ON s.id = b.space_id
	WHERE b.state = 'confirmed' AND s.type IN ('meeting_room', 'activity_room') AND s.retired = 0
	AND b.starts >= unixepoch('2026-11-01') - 28800 AND b.starts < unixepoch('2026-12-01') - 28800"
want=$(sqlite3 "$O" "$booked AND s.hub_id = (SELECT id FROM hubs WHERE code = 'ja-dn')")
check "… a street's rooms' booked hours in November ($(nov ja-dn room_hours), SQL $want)" \
	sh -c "[ '$(nov ja-dn room_hours)' = '$want' ] && [ '$want' != 0.0 ]"
want=$(sqlite3 "$O" "$booked")
check "… and the city's, its total row ($(nov '' room_hours), SQL $want)" [ "$(nov '' room_hours)" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM activities WHERE $OCT")
check "… the city's activities, its total row ($(fig activities '' activities))" [ "$(fig activities '' activities)" = "$want" ]
want=$(sqlite3 "$O" "SELECT printf('%.2f', sum(fen) / 100.0) FROM project_payments WHERE $OCT")
check "… paid to projects in the month, in yuan ($(fig projects '' paid_month))" [ "$(fig projects '' paid_month)" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM projects WHERE year = 2026 AND kind = 'service_contract' AND state != 'refused'")
check "… the year's service contracts, by kind ($(fig project_kinds '' service_contract), SQL $want)" \
	sh -c "[ '$(fig project_kinds '' service_contract)' = '$want' ] && [ '$want' -gt 0 ]"
want=$(sqlite3 "$O" "SELECT count(*) FROM projects WHERE year = 2026 AND state IN ('applied', 'approved')")
check "… the year's new projects, applied or approved ($(fig projects '' new), SQL $want)" [ "$(fig projects '' new)" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM tenants WHERE admitted_on >= unixepoch('2026-10-01') - 28800 AND admitted_on < unixepoch('2026-11-01') - 28800")
check "… tenants admitted in the month ($(fig moves '' admitted))" [ "$(fig moves '' admitted)" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM tenants WHERE stage = 'incubating' AND org_type = 'foundation'")
check "… foundations in incubation ($(fig tenants '' foundation))" [ "$(fig tenants '' foundation)" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM sessions WHERE on_day >= unixepoch('2026-10-01') - 28800 AND on_day < unixepoch('2026-11-01') - 28800")
check "… mentoring sessions in the month ($(fig mentoring '' sessions), SQL $want)" [ "$(fig mentoring '' sessions)" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM courses WHERE $OCT")
check "… training sessions ($(fig training '' sessions))" [ "$(fig training '' sessions)" = "$want" ]
want=$(sqlite3 "$O" "SELECT count(*) FROM tenants WHERE stage = 'incubating'")
check "… tenants in incubation ($(fig tenants '' incubating))" [ "$(fig tenants '' incubating)" = "$want" ]
want=$(awk -v p="$(fig coverage '' with_org)" -v w="$(fig coverage '' incubating)" 'BEGIN { printf "%.1f", 100 * p / w }')
check "… the total's coverage the rate of the totals ($(fig coverage '' org_rate))" [ "$(fig coverage '' org_rate)" = "$want" ]
got=$($FO report monthly --month 2026-10 --hub ja-dn --format csv | awk -F, 'NR > 1 && $2 != "" && $2 != "ja-dn"' | wc -l)
check "… a street's report holds its own hub alone ($got other lines)" [ "$got" -eq 0 ]
# … and as the Excel form, read back by a real reader (python3-openpyxl, the
# Debian package, so the Debian python): the merged title and the header
# fields, every figure the CSV's, the hubs' codes as text, the print setup.
$FUHUA --lang zh --db "$O" report monthly --month 2026-10 --format xlsx --output "$T/rm.xlsx"
check "report monthly --format xlsx --output writes the file (exit $?)" [ -s "$T/rm.xlsx" ]
tr -d '\r' < "$T/rm.csv" > "$T/rm-lf.csv"
cat > "$T/xlsx.py" <<'PY'
import csv, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
problems = []
def want(ok, what):
    if not ok:
        problems.append(what)
merged = [str(r) for r in ws.merged_cells.ranges]
want(any(m.startswith("A1:") and m.endswith("1") and m != "A1:A1" for m in merged), "the title merged across: %s" % merged)
want(sys.argv[3] in str(ws["A1"].value) and "2026-10" in str(ws["A1"].value), "the title: %r" % ws["A1"].value)
fields = " ".join(str(c.value) for c in ws[2] if c.value)
for f in ("填报单位", "报告期", "报出日期"):
    want(f in fields, "the header field " + f)
want(any("填表人" in str(c.value) for row in ws.iter_rows() for c in row if c.value), "who filled it in")
# the sections in order, each a title row, a header row, the hubs, the total
figures = {}
refs = False
rows = list(ws.iter_rows(min_row=4))
sections, keys = [], {}
with open(sys.argv[2], newline="") as f:
    for r in csv.DictReader(f):
        if r["section"] == "references":  # a line of the form, not a table
            refs = True
            continue
        figures[(r["section"], r["hub"], r["figure"])] = r["value"]
        if r["section"] not in keys:
            sections.append(r["section"])
        keys.setdefault(r["section"], [])
        if r["figure"] not in keys[r["section"]]:
            keys[r["section"]].append(r["figure"])
i, checked = 0, 0
for sec in sections:
    while i < len(rows) and not (rows[i][0].value and rows[i][1].value is None and rows[i][2].value is None):
        i += 1
    i += 2  # its title, its header
    while i < len(rows) and (rows[i][0].value or rows[i][1].value):
        code = rows[i][0].value or ""
        want(rows[i][0].value is None or rows[i][0].data_type == "s", "the code %r as text" % code)
        for k, key in enumerate(keys[sec]):
            csv_value = figures[(sec, code, key)]
            cell = rows[i][2 + k].value
            want(abs(float(cell) - float(csv_value)) < 1e-9, "%s %s %s: %r, the CSV %s" % (sec, code, key, cell, csv_value))
            checked += 1
        i += 1
want(checked == len(figures), "every figure read back: %d of %d" % (checked, len(figures)))
want(not refs or any("公布的覆盖率" in str(c.value) for row in ws.iter_rows() for c in row if c.value), "the published rates")
# a sheet per hub beside the roll-up, named by its code: its own figures,
# a line each, in the report's order
hubs = sorted({h for (_, h, _) in figures if h})
want(ws.title == wb.sheetnames[0] and len(wb.sheetnames) == 1 + len(hubs), "a sheet per hub: %s" % wb.sheetnames)
for h in hubs:
    if h[:31] not in wb.sheetnames:
        continue
    hs = wb[h[:31]]
    got = [c.value for row in hs.iter_rows(min_row=5, max_col=2) for c in row[1:] if isinstance(c.value, (int, float))]
    exp = [float(figures[(sec, h, key)]) for sec in sections for key in keys[sec]]
    want(len(got) == len(exp) and all(abs(a - b) < 1e-9 for a, b in zip(got, exp)), "hub %s's sheet: %s, the CSV %s" % (h, got[:8], exp[:8]))
    checked += len(got)
want(ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "9", "A4 landscape")
want(ws.print_title_rows == "$1:$3", "the title rows on every page: %r" % ws.print_title_rows)
want("&P" in (ws.oddFooter.center.text or "") and "&N" in (ws.oddFooter.center.text or ""), "the page footer")
print("\n".join(problems) if problems else "ok %d figures" % checked)
PY
/usr/bin/python3 "$T/xlsx.py" "$T/rm.xlsx" "$T/rm-lf.csv" 月报 > "$T/xlsx.out" 2>&1
check "… the Excel form read back: title, header fields, every figure the CSV's, codes as text, A4 landscape ($(tail -1 "$T/xlsx.out"))" \
	grep -q "^ok" "$T/xlsx.out"
$FUHUA --lang zh --db "$O" report party --month 2026-10 --format xlsx --output "$T/rp.xlsx"
$FO report party --month 2026-10 --format csv | tr -d '\r' > "$T/rp.csv"
/usr/bin/python3 "$T/xlsx.py" "$T/rp.xlsx" "$T/rp.csv" 党建 > "$T/xlsx.out" 2>&1
check "… the Party-building report's Excel form read back the same way ($(tail -1 "$T/xlsx.out"))" grep -q "^ok" "$T/xlsx.out"
check "… its JSON gives the published rates beside its own (coverage.references)" \
	sh -c "$FO report party --month 2026-10 --format json | grep -q '\"references\":\[{\"name\":\"全国\",\"org_rate\":61.7,\"work_rate\":null}'"
want=$(sqlite3 "$O" "SELECT count(*) FROM tenants WHERE stage = 'incubating' AND party_org = 'joint_branch'")
got=$(awk -F, '$1 == "forms" && $2 == "" && $4 == "joint_branch" { print $5 }' "$T/rp.csv")
check "… its joint branches a count in SQL ($got)" [ "$got" = "$want" ]
$FO report annual --year 2025 --format json > "$T/ra.json"
want=$(sqlite3 "$O" "SELECT count(*) FROM tenants WHERE admitted_on >= unixepoch('2025-01-01') - 28800 AND admitted_on < unixepoch('2026-01-01') - 28800")
got=$(/usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print([r for s in d['sections'] if s['section']=='tenants' for r in s['rows'] if r['total']][0]['admitted'])" "$T/ra.json")
check "report annual --year 2025: the year's admissions a count in SQL ($got)" [ "$got" = "$want" ]
$FO report annual --month 2025-10 > /dev/null 2>&1
check "… and takes no --month (exit $?)" [ $? -eq 2 ]

# A month closed: its report the same after an edit; reopened (audited,
# with a reason) it reads the records; closed again it says revised.
$FO report monthly --month 2026-10 --format csv > "$T/before.csv"
$FO report close --month 2026-10 > /dev/null
check "report close --month 2026-10 (exit $?)" [ $? -eq 0 ]
$FO report close --month 2026-10 > /dev/null 2>&1
check "… twice is a conflict (exit $?)" [ $? -eq 1 ]
$FO activity add --tenant "$(sqlite3 "$O" "SELECT id FROM tenants WHERE stage = 'incubating' AND admitted_on < unixepoch('2026-10-01') ORDER BY id LIMIT 1")" --title 关账后补录 --on 2026-10-20 --served 33 > /dev/null
$FO report monthly --month 2026-10 --format csv > "$T/after.csv"
check "… an activity added after: the closed month's report is the same" cmp -s "$T/before.csv" "$T/after.csv"
check "… and says it is closed" sh -c "$FO report monthly --month 2026-10 | head -1 | grep -q 'closed on'"
$FO report months > "$T/months"
check "report months lists it closed" grep -q "2026-10 *closed" "$T/months"
$FO report reopen --month 2026-10 > /dev/null 2>&1
check "report reopen without --reason is a usage error (exit $?)" [ $? -eq 2 ]
$FO report reopen --month 2026-10 --reason 补录十月活动 > /dev/null
check "… with a reason it reopens (exit $?)" [ $? -eq 0 ]
check "… audited with the reason" [ "$(sqlite3 "$O" "SELECT count(*) FROM audit WHERE entity = 'report_month' AND action = 'reopen' AND new LIKE '%补录十月活动%'")" = 1 ]
$FO report monthly --month 2026-10 --format csv > "$T/after.csv"
check "… and the report reads the records again" sh -c "! cmp -s '$T/before.csv' '$T/after.csv'"
$FO report close --month 2026-10 > /dev/null
check "… closed again, it says revised" sh -c "$FO report monthly --month 2026-10 --format json | grep -q '\"revised_on\":\"2'"
$FO report monthly --month 2026-10 --format xlsx | head -c 2 > "$T/pk"
check "… to a pipe, the file itself (a zip: PK)" [ "$(cat "$T/pk")" = "PK" ]
# The lists that go with the reports, as Excel sheets read back by a real
# reader: the roster (tenant export) cell for cell the CSV export's, credit
# codes and phones text, counts numbers; the month's fees, the mentoring log
# and the projects as many rows as their CSV, the hubs' codes text.
$FUHUA --lang zh --db "$O" tenant export --format xlsx --output "$T/roster.xlsx"
check "tenant export --format xlsx writes the roster (exit $?)" [ -s "$T/roster.xlsx" ]
$FUHUA --lang zh --db "$O" tenant export --no-bom --output "$T/roster.csv"
cat > "$T/list.py" <<'PY'
import csv, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
rows = list(ws.iter_rows())
want = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
text = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else []
whole = len(sys.argv) > 4
def fail(why):
    print(why); sys.exit(1)
if len(rows) != len(want):
    fail("%d rows, the CSV %d" % (len(rows), len(want)))
if ws.freeze_panes != "A2" or ws.print_title_rows not in ("1:1", "$1:$1") or ws.page_setup.orientation != "landscape":
    fail("print setup: %s %s %s" % (ws.freeze_panes, ws.print_title_rows, ws.page_setup.orientation))
head = [c.value for c in rows[0]]
for name in text:
    k = head.index(name)
    for r in rows[1:]:
        c = r[k]
        if c.value is not None and (c.data_type != "s" or c.number_format != "@"):
            fail("%s on row %d is %s (%s), not text" % (name, c.row, c.data_type, c.number_format))
if whole:
    for r, w in zip(rows[1:], want[1:]):
        got = ["" if c.value is None else ("%g" % c.value if c.data_type == "n" else c.value) for c in r]
        got += [""] * (len(w) - len(got))
        if got != w:
            fail("row %d: %s, the CSV %s" % (r[0].row, got, w))
print("ok: %d rows" % (len(rows) - 1))
PY
/usr/bin/python3 "$T/list.py" "$T/roster.xlsx" "$T/roster.csv" 统一社会信用代码,联系电话,孵化基地 whole > "$T/list.out" 2>&1
check "… read back, every cell the CSV export's, credit codes, phones and hubs text ($(tail -1 "$T/list.out"))" \
	grep -q "^ok" "$T/list.out"
for cmd in "space fees --month 2026-10" "session list" "project list"; do
	$FO $cmd --format xlsx --output "$T/list.xlsx"
	$FO $cmd --format csv > "$T/list.csv"
	/usr/bin/python3 "$T/list.py" "$T/list.xlsx" "$T/list.csv" Hub > "$T/list.out" 2>&1
	check "$cmd --format xlsx: as many rows as its CSV, the hubs' codes text ($(tail -1 "$T/list.out"))" \
		grep -q "^ok" "$T/list.out"
done
$FO tenant export --format json > /dev/null 2> "$T/err"
check "tenant export --format json is a usage error: CSV or Excel (exit $?)" grep -q "xlsx" "$T/err"
$FO booking list --format xlsx > /dev/null 2> "$T/err"
check "booking list --format xlsx is refused: it writes no Excel file (exit $?)" grep -q "Excel" "$T/err"
echo "kept" > "$T/kept.xlsx"
$FO tenant export --format xlsx --hub 没有 --output "$T/kept.xlsx" 2> /dev/null
check "a command that fails leaves its --output file as it was, and no file of its own" \
	sh -c "[ \"\$(cat '$T/kept.xlsx')\" = kept ] && [ \$(ls '$T' | grep -c '^kept.xlsx.') -eq 0 ]"
$FO report monthly --month 2026-12 > /dev/null 2> "$T/err"
check "report monthly: a month not begun is refused, naming it (exit $?)" grep -q "month" "$T/err"
$FO report monthly --month 2026-13 > /dev/null 2>&1
check "… and --month 2026-13 is a usage error (exit $?)" [ $? -eq 2 ]
check "… --month last is the month before this one (the monthly timer's)" \
	sh -c "$FO report monthly --month last --format json | grep -q '\"period\":\"2026-10\"'"

# A month's spreadsheet of activities: problems on lines 3 and 5, nothing
# written; the file fixed (in GB18030, as Excel saves it) goes in whole.
t1=$(sqlite3 "$O" "SELECT id FROM tenants WHERE stage = 'incubating' AND admitted_on < unixepoch('2026-10-01') ORDER BY id LIMIT 1")
n1=$(sqlite3 "$O" "SELECT name FROM tenants WHERE id = $t1")
before=$(sqlite3 "$O" "SELECT count(*) || ',' || (SELECT sum(activities) FROM activity_tally) FROM activities")
printf '日期,机构,活动名称,类型,服务人次,志愿者,志愿时长\n2026-10-08,%s,社区义诊,服务,40,3,9\n2026-10-32,%s,敬老探访,服务,20,,\n2026-10-09,%s,读书会,活动,15,1,2\n2026-10-10,没有这个社,读书会,活动,15,1,2\n' \
	"$n1" "$t1" "$t1" > "$T/act.csv"
$FO activity import "$T/act.csv" 2> "$T/err"
rc=$?
check "activity import with bad rows exits 2 (bad input)" [ $rc -eq 2 ]
check "… naming line 3 (the date) and line 5 (the tenant)" \
	sh -c "grep -q 'act.csv:3: on:' '$T/err' && grep -q 'act.csv:5: tenant:' '$T/err' && [ \$(grep -c 'act.csv:' '$T/err') -eq 2 ]"
check "… and writes nothing, not even the kept totals" \
	[ "$(sqlite3 "$O" "SELECT count(*) || ',' || (SELECT sum(activities) FROM activity_tally) FROM activities")" = "$before" ]
sed -e 's/2026-10-32/2026-10-30/' -e "s/没有这个社/$t1/" "$T/act.csv" | iconv -f UTF-8 -t GB18030 > "$T/act-gb.csv"
$FO activity import "$T/act-gb.csv" 2> "$T/err"
check "the file fixed, in GB18030, goes in whole" grep -q '4 activities imported (gb18030)' "$T/err"
$FO activity import "$T/act-gb.csv" 2> "$T/err"
check "… and again is refused, each row already recorded" \
	sh -c "[ \$(grep -c 'already recorded as activity no' '$T/err') -eq 4 ]"
$FO activity add --tenant "$t1" --title "$(printf '游园\033[2J会')" --served 5 > /dev/null 2> "$T/err"
check "an activity's title with an escape sequence is refused, the sequence shown escaped" \
	sh -c "grep -q 'Title: contains a control character' '$T/err' && ! grep -q \"\$(printf '\\033')\" '$T/err'"
$FO check > /dev/null 2>&1
check "… the kept totals still match after the imports" [ $? -eq 0 ]

# ---- check: every table's structure, each read where nothing is written ------
cp "$B" "$T/bent.db"
sqlite3 "$T/bent.db" "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, '(phone)', '(contact)')
	WHERE name = 'tenants_phone'"
for full in "" --full; do
	"$FUHUA" --lang en check $full --db "$T/bent.db" > "$T/bent.out" 2>&1
	rc=$?
	check "check ${full:-(by table)} finds an index that does not match its table (exit 1, naming it)" \
		sh -c "[ $rc -eq 1 ] && grep -q 'integrity: row [0-9]* missing from index tenants_phone' '$T/bent.out'"
done

rm -rf "$T"
unset FUHUA_NOW
