# fuhua tests — who a command acts as, and the SSH gate. As root (it makes
# Unix users; CI and make test run as root): a Unix user bound to no
# operator is refused, saying how to be bound; bound to a street manager it
# sees that street's hubs only and its writes are audited under the
# operator's name; a job over the whole database is its owner's. Then a
# real sshd on a loopback port whose ForceCommand is `fuhua gate`: a bound
# user takes reports and the roster away, and the gate refuses a shell, a
# write, another database, and every character a shell would read.
if [ "$(id -u)" != 0 ]; then
	bad "unix: these tests make Unix users: run make test as root (CI does)"
else
U=$(mktemp -d)
chmod 755 "$U"
FUHUA_NOW=2026-11-23T09:00 "$FUHUA" demo --db "$U/hub.db" --config fixtures/config --tenants 200 --seed 3 > /dev/null 2>&1
mkdir -m 1777 "$U/shared"
cp "$U/hub.db" "$U/shared/hub.db"
chmod 666 "$U/shared/hub.db"
DB="$U/shared/hub.db"
# the program where the test users reach it (the tree may be under a
# home they cannot enter, as /root is)
GATED="$U/fuhua"
cp "$FUHUA" "$GATED"
chmod 755 "$GATED"
street=fhst$$
other=fhot$$
for u in $street $other; do
	useradd -M -d /nonexistent -s /bin/sh -p '*' "$u" 2> /dev/null # '*': no password, not locked (sshd refuses a locked one)
done
as() { who=$1; shift; runuser -u "$who" -- env ASAN_OPTIONS=detect_leaks=0 FUHUA_NOW=2026-11-23T09:00 "$GATED" --lang en "$@"; }

as $street tenant list --db "$DB" > /dev/null 2> "$U/err"
rc=$?
check "a Unix user bound to no operator is refused (exit $rc), told how to be bound" \
	sh -c "[ $rc -eq 1 ] && grep -q 'fuhua user edit NAME --unix $street' '$U/err'"
echo 'secret99' | as $street user add intruder --role admin --hub sh --db "$DB" > /dev/null 2> "$U/err"
rc=$?
check "… and cannot add itself an administrator (exit $rc)" \
	sh -c "[ $rc -eq 1 ] && grep -q 'bound to no operator' '$U/err' && [ \"\$(sqlite3 '$DB' \"SELECT count(*) FROM operators WHERE name = 'intruder'\")\" = 0 ]"
"$FUHUA" --lang en user edit jiedao --unix $street --db "$DB" 2> "$U/err"
check "user edit --unix binds the street manager jiedao (as the owner)" grep -q "bound to Unix user '$street'" "$U/err"
"$FUHUA" --lang en user edit zhuren --unix $street --db "$DB" 2> "$U/err"
check "… a login bound to one operator is refused to another (exit $?)" grep -q "bound to 'jiedao' already" "$U/err"
"$FUHUA" --lang en user edit zhuren --unix 'a;b' --db "$DB" 2> /dev/null
check "… a login a shell would read is refused (exit $?)" [ $? -eq 2 ]
got=$(as $street tenant list --db "$DB" --format csv | awk -F, 'NR > 1 { print $7 }' | sort -u | tr '\n' ' ')
check "bound, it lists the street's hubs only ($got)" [ "$got" = "ja-gh ja-gh-yq " ]
t=$(sqlite3 "$DB" "SELECT t.id FROM tenants t JOIN hubs h ON h.id = t.hub_id WHERE h.code = 'ja-gh' LIMIT 1")
as $street tenant edit "$t" --notes 街道修改 --db "$DB" > /dev/null 2>&1
check "… its write is audited under the operator's name, via its login" \
	[ "$(sqlite3 "$DB" "SELECT operator || ' ' || via FROM audit WHERE entity = 'tenant' ORDER BY id DESC LIMIT 1")" = "jiedao cli:$street" ]
m=$(sqlite3 "$DB" "SELECT m.id FROM milestones m JOIN tenants t ON t.id = m.tenant_id JOIN hubs h ON h.id = t.hub_id WHERE h.code = 'mh' AND m.state = 'pending' LIMIT 1")
as $street milestone waive "$m" --reason 越权 --db "$DB" > /dev/null 2> "$U/err"
rc=$?
check "… and another district's milestone is refused to it (exit $rc)" \
	sh -c "[ $rc -eq 1 ] && grep -q 'outside' '$U/err' && [ \"\$(sqlite3 '$DB' 'SELECT state FROM milestones WHERE id = $m')\" = pending ]"
as $street backup --to "$U/shared/copy.db" --db "$DB" > /dev/null 2> "$U/err"
check "a backup is the owner's job: refused to the bound operator (exit $?)" sh -c "grep -q 'owner' '$U/err' && [ ! -e '$U/shared/copy.db' ]"
"$FUHUA" --lang en user edit jiedao --unix '' --db "$DB" 2> /dev/null
as $street tenant list --db "$DB" > /dev/null 2>&1
check "unbound again, it is refused again (exit $?)" [ $? -eq 1 ]
"$FUHUA" --lang en user edit jiedao --unix $street --db "$DB" 2> /dev/null

# ---- the SSH gate, over a real sshd on a loopback port -----------------------
if ! command -v /usr/sbin/sshd > /dev/null; then
	bad "unix: no sshd (openssh-server, a test dependency: .ci/deps test)"
else
	mkdir -p /run/sshd "$U/ssh/auth"
	ssh-keygen -q -t ed25519 -N '' -f "$U/ssh/host" < /dev/null
	ssh-keygen -q -t ed25519 -N '' -f "$U/ssh/key" < /dev/null
	cp "$U/ssh/key.pub" "$U/ssh/auth/$street"
	cp "$U/ssh/key.pub" "$U/ssh/auth/$other"
	chmod -R go-w "$U/ssh"
	chmod 644 "$U/ssh/auth/"*
	port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	cat > "$U/ssh/config" <<-CFG
	Port $port
	ListenAddress 127.0.0.1
	HostKey $U/ssh/host
	PidFile none
	AuthorizedKeysFile $U/ssh/auth/%u
	StrictModes no
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	UsePAM no
	Match User $street,$other
	    ForceCommand env ASAN_OPTIONS=detect_leaks=0 FUHUA_NOW=2026-11-23T09:00 $GATED --lang en gate --db $DB
	    AllowTcpForwarding no
	    X11Forwarding no
	CFG
	# sshd in the foreground; its log read until it listens (no sleep)
	mkfifo "$U/ssh/ready"
	( /usr/sbin/sshd -D -e -f "$U/ssh/config" 2>&1 | while IFS= read -r line; do
		echo "$line" >> "$U/ssh/log"
		case $line in *"Server listening"*) echo up > "$U/ssh/ready" ;; esac
	done
	echo down > "$U/ssh/ready" ) &
	read -r up < "$U/ssh/ready"
	[ "$up" = up ] || bad "ssh: sshd did not start: $(tail -3 "$U/ssh/log")"
	gate() { who=$1; shift; ssh -T -i "$U/ssh/key" -p "$port" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o BatchMode=yes -o LogLevel=ERROR "$who@127.0.0.1" "$@"; }
	gate $street report monthly --month 2026-10 --format csv > "$U/rm.csv" 2> "$U/err"
	got=$(awk -F, 'NR > 1 && $2 != "" { print $2 }' "$U/rm.csv" | sort -u | tr '\n' ' ')
	check "ssh: the gate runs report monthly for the bound street manager, its hubs only ($got)" [ "$got" = "ja-gh ja-gh-yq " ]
	gate $street tenant export --format xlsx > "$U/roster.xlsx" 2> "$U/err"
	check "ssh: … tenant export --format xlsx comes down the pipe (a zip)" [ "$(head -c 2 "$U/roster.xlsx")" = PK ]
	gate $street tenant export > "$U/roster.csv" 2> "$U/err"
	want=$(sqlite3 "$DB" "SELECT count(*) FROM tenants t JOIN hubs h ON h.id = t.hub_id WHERE h.code GLOB 'ja-gh*'")
	check "ssh: … the roster is the street's tenants ($(($(wc -l < "$U/roster.csv") - 1)) of $want)" \
		[ "$(($(wc -l < "$U/roster.csv") - 1))" = "$want" ]
	gate $other report months > /dev/null 2> "$U/err"
	check "ssh: a user bound to no operator is refused by the gate" grep -q "bound to no operator" "$U/err"
	refused="" leaked=""
	for cmd in "sh -c id" "id" "tenant edit $t --notes 改" "report close --month 2026-10" "report monthly --db /etc/fuhua.db" \
		"tenant export --output /tmp/x.csv" "report monthly; id" 'report monthly $(id)' 'report monthly `id`' \
		"$(printf 'report monthly\nid')" "report monthly | id" "report monthly > /tmp/x"; do
		gate $street "$cmd" > "$U/out" 2> "$U/err"
		rc=$?
		if [ $rc -eq 0 ] || ! grep -q "fuhua gate: refused" "$U/err"; then refused="$refused [$cmd]"; fi
		if grep -q "uid=" "$U/out" "$U/err"; then leaked="$leaked [$cmd]"; fi
	done
	check "ssh: the gate refuses a shell, writes, another file and shell characters${refused:+: not refused:$refused}" [ -z "$refused" ]
	check "ssh: … and nothing ran a command of the line's${leaked:+: ran:$leaked}" [ -z "$leaked" ]
	check "ssh: … the tenant the refused edit named is unchanged" \
		[ "$(sqlite3 "$DB" "SELECT notes FROM tenants WHERE id = $t")" = 街道修改 ]
	pkill -f "sshd -D -e -f $U/ssh/config" 2> /dev/null
	[ "$up" = up ] && read -r down < "$U/ssh/ready" # it has stopped
fi
for u in $street $other; do
	userdel "$u" 2> /dev/null
done
[ -n "${KEEP:-}" ] || rm -rf "$U"
fi
