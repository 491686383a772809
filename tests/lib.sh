# fuhua tests — shared shell helpers: counting, temporary files, waiting.
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $*"; }
bad() { fail=$((fail + 1)); echo "FAIL - $*"; }
# check NAME COMMAND...: passes when the command succeeds
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
# wait_for FILE-PRODUCING-COMMAND TEXT [SECONDS]: polls until the text shows
wait_for() {
	i=0
	while [ $i -lt $((${3:-10} * 20)) ]; do
		if eval "$1" 2>/dev/null | grep -qF -- "$2"; then return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# wait_gone FILE-PRODUCING-COMMAND TEXT [SECONDS]: polls until the text is gone
wait_gone() {
	i=0
	while [ $i -lt $((${3:-10} * 20)) ]; do
		if ! eval "$1" 2>/dev/null | grep -qF -- "$2"; then return 0; fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
