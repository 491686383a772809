# fuhua tests — a real terminal in tmux: login, Chinese text, resize, the
# terminal restored on a signal, and two sessions on one database seeing each
# other's writes without a key press. Waits for text; never sleeps blindly.
# Targets are exact (=c:): a bare "-t d" also matches a window whose name
# starts with d ("dash" while a shell runs) in the current session, which
# sent one session's keys to another when the machine was busy.
X=$(mktemp -d)
sock="$X/tmux.sock"
tm() { tmux -S "$sock" "$@"; }
screen_of() { tm capture-pane -p -t "=$1:"; }
FUHUA_NOW=2026-11-23T09:00 "$FUHUA" demo --db "$X/demo.db" --config fixtures/config \
	--tenants 200 --seed 2 > /dev/null 2>&1
run="cd $(pwd) && LANG=C.UTF-8 TERM=screen $FUHUA --db $X/demo.db"

tm new-session -d -s a -x 80 -y 24 "$run --lang zh; echo EXIT=\$?; sleep 60"
check "tmux: login screen in Chinese" wait_for "screen_of a" "请登录"
tm send-keys -t =a: qiantai Enter demo1234 Enter
check "tmux: dashboard after login" wait_for "screen_of a" "大宁路街道社会组织服务中心 · 街镇级"
check "tmux: wide characters aligned (status line)" wait_for "screen_of a" "qiantai (前台) │ 大宁路街道"
tm resize-window -t =a: -x 70 -y 20
check "tmux: too small below 80x24" wait_for "screen_of a" "终端太小"
tm resize-window -t =a: -x 120 -y 40
check "tmux: lays out again when enlarged" wait_for "screen_of a" "孵化中组织的覆盖率"

tm new-session -d -s b -x 80 -y 24 "$run --lang en; echo EXIT=\$?; sleep 60"
check "tmux: second session, English" wait_for "screen_of b" "Log in to continue."
tm send-keys -t =b: zhuren Enter demo1234 Enter
check "tmux: second operator on the same database" wait_for "screen_of b" "zhuren (manager)"
# The first session shows the second's login without a key press.
"$FUHUA" hub list --db "$X/demo.db" > /dev/null
echo "secret-9" | "$FUHUA" user add 王芳 --role front_desk --hub ja-dn --db "$X/demo.db" 2> /dev/null
check "tmux: another session's write appears by itself" wait_for "screen_of a" "新建 操作员 王芳"
tm send-keys -t =b: L
check "tmux: L locks the screen, naming the operator" wait_for "screen_of b" "Locked: zhuren is logged in"
# SIGTERM (a closed SSH session's hang-up is the same path): the terminal
# restored. The program is found by its arguments in /proc (no procps).
want="$FUHUA --db $X/demo.db --lang en "
pid=
for p in /proc/[0-9]*; do
	[ "$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null)" = "$want" ] && pid=${p#/proc/}
done
check "tmux: the second session's process" [ -n "$pid" ]
kill -TERM "$pid"
check "tmux: SIGTERM exits with the terminal restored" wait_for "screen_of b" "EXIT=143"
check "tmux: … and the screen is the shell's again" sh -c "! tmux -S '$sock' capture-pane -p -t =b: | grep -q 'Log in to continue'"
tm send-keys -t =a: Escape Escape q
tm send-keys -t =a: Q
check "tmux: Esc and q on a top screen do not quit; Q asks first" wait_for "screen_of a" "退出 fuhua？"
tm send-keys -t =a: n
check "tmux: … n stays" wait_gone "screen_of a" "退出 fuhua？"
tm send-keys -t =a: C-c
check "tmux: Ctrl-C asks too (the terminal's raw mode: a key, not a signal)" wait_for "screen_of a" "退出 fuhua？"
tm send-keys -t =a: C-c
check "tmux: … and Ctrl-C again quits" wait_for "screen_of a" "EXIT=0"

# A terminal that does not know F5's escape sequence (vt100 has F1–F4):
# the sequence is dropped whole, it neither quits nor types "15~".
tm new-session -d -s v -x 80 -y 24 "cd $(pwd) && LANG=C.UTF-8 TERM=vt100 $FUHUA --db $X/demo.db --lang en; echo EXIT=\$?; sleep 60"
wait_for "screen_of v" "Log in to continue." > /dev/null
tm send-keys -t =v: qiantai Enter demo1234 Enter 2
check "tmux: vt100: Tenants by its digit" wait_for "screen_of v" "Hub: 大宁路 "
tm send-keys -t =v: F5 F6 F7 F12
tm send-keys -t =v: -l "/"
check "tmux: vt100: unknown function keys are ignored, the next key works" wait_for "screen_of v" "Enter keep the search"
check "tmux: … still running, still on Tenants" sh -c "! tmux -S '$sock' capture-pane -p -t =v: | grep -q 'EXIT=' && tmux -S '$sock' capture-pane -p -t =v: | grep -q 'Hub: 大宁路 '"

# An edit conflict between two sessions: both open one tenant's form; the
# front desk saves a note first; the manager's save says who changed it,
# keeps the manager's typed phone, merges the note, and applies on F2.
# a name no other tenant has, so that the manager's search opens this one
"$FUHUA" tenant list --format csv --db "$X/demo.db" | cut -d, -f2 | sort | uniq -u > "$X/unique"
"$FUHUA" tenant list --hub ja-dn --stage applied --format csv --db "$X/demo.db" | sed 1d |
	awk -F, 'NR == FNR { u[$1] = 1; next } ($2 in u) { print; exit }' "$X/unique" - > "$X/pick"
tid=$(cut -d, -f1 "$X/pick")
tname=$(cut -d, -f2 "$X/pick")
check "tmux: a tenant to edit from two sessions" [ -n "$tid" ]
for s in c d; do
	tm new-session -d -s $s -x 100 -y 30 "$run --lang zh; echo EXIT=\$?; sleep 60"
	wait_for "screen_of $s" "请登录" > /dev/null
done
tm send-keys -t =c: zhuren Enter demo1234 Enter F2 /
tm send-keys -t =c: -l "$tname"
tm send-keys -t =c: Enter Enter e
tm send-keys -t =d: qiantai Enter demo1234 Enter F2 /
tm send-keys -t =d: -l "$tname"
tm send-keys -t =d: Enter Enter e
check "tmux: manager's edit form open" wait_for "screen_of c" "编辑 $tname" 30
check "tmux: front desk's edit form open" wait_for "screen_of d" "编辑 $tname" 30
tm send-keys -t =c: Down Down Down Down Down Down Down Down C-u 13900000001
tm send-keys -t =d: Up
tm send-keys -t =d: -l "前台补充材料"
tm send-keys -t =d: F2
check "tmux: the front desk saves first" wait_for "screen_of d" "已保存 $tname" 30
tm send-keys -t =c: F2
check "tmux: the manager's save names who changed it" wait_for "screen_of c" "qiantai" 30
check "tmux: … keeps the typed phone and merges the note" wait_for "screen_of c" "对方的修改" 30
tm send-keys -t =c: F2
check "tmux: … and applies on F2" wait_for "screen_of c" "已保存 $tname" 30
check "tmux: both edits are in the database" sh -c "'$FUHUA' tenant show $tid --db '$X/demo.db' --format json | grep -q '\"phone\":\"13900000001\".*\"notes\":\"前台补充材料\"'"
tm kill-server 2> /dev/null
rm -rf "$X"
