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
rm -rf "$T"
