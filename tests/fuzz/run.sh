#!/bin/sh
# fuhua — run the libFuzzer targets: tests/fuzz/run.sh BUILD_DIR SECONDS.
# Each target starts from its seeds (tests/fuzz/seeds/NAME, never changed)
# in a scratch corpus; prints executions and findings; exit 1 on a finding.
cd "$(dirname "$0")/../.." || exit 2
dir=${1:-build/fuzz}
secs=${2:-600}
status=0
for t in config import; do
	work=$(mktemp -d)
	cp tests/fuzz/seeds/$t/* "$work/"
	log="$work.log"
	"$dir/fuzz_$t" -max_total_time="$secs" -print_final_stats=1 -rss_limit_mb=2048 \
		-artifact_prefix="$work-" "$work" > "$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	if [ $rc -eq 0 ]; then
		echo "fuzz_$t: ${execs:-?} executions in ${secs} s, $cov, no finding"
	else
		echo "fuzz_$t: FINDING after ${execs:-?} executions (exit $rc):"
		grep -A20 'ERROR\|runtime error\|deadly signal' "$log" | head -30
		ls "$work"-* 2> /dev/null
		status=1
	fi
	rm -rf "$work" "$log"
done
exit $status
