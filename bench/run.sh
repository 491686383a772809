#!/bin/sh
# fuhua bench: figures on generated data (100 000 tenants by default).
# Usage: bench/run.sh BUILD_DIR   (make bench)   — FUHUA_BENCH_TENANTS to change.
set -e
cd "$(dirname "$0")/.."
B=${1:-build/rel}
N=${FUHUA_BENCH_TENANTS:-100000}
T=$(mktemp -d)
echo "fuhua bench on $(nproc) cores, SQLite $("$B/fuhua" --version | sed -n 's/^SQLite \([^:]*\):.*/\1/p'), $N tenants"
"$B/bench/bench" "$T/bench.db" "$N" "$B/fuhua"
ls -l "$T/bench.db" | awk '{printf "database size: %.1f MB\n", $5 / 1048576}'
# Login costs one yescrypt hash: measure it through the CLI path.
start=$(date +%s%N)
echo "bench-pass-1" | "$B/fuhua" user add benchop --role admin --hub sh --db "$T/bench.db" 2> /dev/null
end=$(date +%s%N)
echo "user add (one yescrypt hash + write): $(( (end - start) / 1000000 )) ms"
# The hub-tree check: a chain of 300 and of 3 000 hubs (refused for their
# levels, after every check has run); linear means 10× the hubs, ~10× the time.
for n in 300 3000; do
	c="$T/chain$n"
	mkdir -p "$c"
	cp -r fixtures/config/. "$c/"
	awk -v dir="$c" -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) {
		f = sprintf("%s/hubs/c%05d.yaml", dir, i)
		printf "code: c%05d\nname: 链%d\nlevel: street\nparent: %s\n", i, i, i == 1 ? "ja" : sprintf("c%05d", i - 1) > f
		close(f) } }'
	start=$(date +%s%N)
	"$B/fuhua" check-config "$c" > /dev/null 2>&1 || true # refused for its levels, as meant
	end=$(date +%s%N)
	echo "check-config, a chain of $n hubs: $(( (end - start) / 1000000 )) ms"
done
rm -rf "$T"
