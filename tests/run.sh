#!/bin/sh
# fuhua — every test: cmocka unit tests, configuration fixtures, commands,
# scripted screen tests and tmux tests. Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
FUHUA=$(pwd)/${FUHUA_BIN:-build/asan/fuhua}
UNIT_DIR=${UNIT_DIR:-build/asan/tests/unit}
export FUHUA LANG=C.UTF-8 LC_ALL= LANGUAGE= TZ=UTC
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$(pwd)/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
. tests/lib.sh

echo "# unit tests (cmocka, ASan, UBSan)"
for t in "$UNIT_DIR"/test_*; do
	case "$t" in *.o | *.d) continue ;; esac
	out=$("$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	if [ $rc -ne 0 ] && [ "${f:-0}" = 0 ]; then
		fail=$((fail + 1))
	fi
	if [ $rc -ne 0 ]; then
		printf '%s\n' "$out" | grep -v '^\[ \|^\[=\|^\[  OK' | head -40
		echo "FAIL - $(basename "$t") (exit $rc)"
	else
		echo "ok - $(basename "$t"): ${p:-0} tests"
	fi
done

for part in po config cli unix screen tmux crash fuzz; do
	echo "# $part"
	. "tests/$part.sh"
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
