#!/bin/sh
# fuhua bench: figures on generated data (100 000 tenants by default).
# Usage: bench/run.sh BUILD_DIR   (make bench)   — FUHUA_BENCH_TENANTS to change.
#        FUHUA_BENCH_SCALE=1 (make bench SCALE=1): the growth table instead —
#        each figure issues 12 and 20 name at 10 000, 100 000 and 1 000 000
#        tenants (FUHUA_BENCH_SIZES to change), beside the figures measured
#        before them.
set -e
cd "$(dirname "$0")/.."
B=${1:-build/rel}
N=${FUHUA_BENCH_TENANTS:-100000}
T=$(mktemp -d)
if [ -n "${FUHUA_BENCH_SCALE:-}" ]; then
	sizes=${FUHUA_BENCH_SIZES:-10000 100000 1000000}
	echo "fuhua growth table on $(nproc) cores, SQLite $("$B/fuhua" --version | sed -n 's/^SQLite \([^:]*\):.*/\1/p')"
	for n in $sizes; do
		echo "# $n tenants"
		FUHUA_BENCH_SCALE=1 "$B/bench/bench" "$T/scale.db" "$n" "$B/fuhua" | tee "$T/fig.$n" | grep -v '^FIGURE'
		ls -l "$T/scale.db" | awk '{printf "database size: %.1f MB\n", $5 / 1048576}'
		rm -f "$T/scale.db"
	done
	echo
	echo "growth table (p95 unless said; before: measured when issue 12 or 20 was filed)"
	printf '%-46s' "figure"
	for n in $sizes; do printf '%12s' "$n"; done
	printf '   before (10k / 100k / 1M)\n'
	while IFS='|' read -r key what before; do
		printf '%-46s' "$what"
		for n in $sizes; do
			v=$(awk -v k="$key" '$1 == "FIGURE" && $2 == k { print $3 }' "$T/fig.$n")
			printf '%12s' "${v:--}"
		done
		printf '   %s\n' "$before"
	done <<-EOF
	dashboard_login_p95_ms|dashboard after login, city (ms)|10 / 214–426 / 2 700–2 900 (figures alone)
	foreign_write_cpu_ms|CPU per foreign write, idle dashboard (ms)|— / 200 / 2 700
	list_p95_ms|filtered list, page + count (ms)|3.6 / 51 / 564
	search_short_ascii_p95_ms|search, 1–2 chars not Chinese (ms)|11 / 163–169 / ~1 000
	search_none_p95_ms|search, matching nothing (ms)|—
	search_elsewhere_p95_ms|search, Chinese outside the scope (ms)|— / 10.9 / 105 (158 p95)
	search_usual_city_p95_ms|search, usual keystrokes, city (ms)|—
	search_usual_street_p95_ms|search, usual keystrokes, street (ms)|—
	demo_s|demo generation (s)|7.5 / 27 / 396
	demo_one_core_s|anchor: the same demo on one core (s)|—
	rss_mb|resident memory, worst screen (MB)|—
	write_alone_ms|a writer alone, longest (ms; the anchor)|—
	wait_remind_ms|a writer beside remind, longest wait (ms)|— / — / 5 000, failed
	wait_export_ms|… beside tenant export (ms)|— / 631 / 5 000, failed
	wait_check_ms|… beside check (ms)|— / 3 038 / 5 000, failed
	wait_coverage_ms|… beside report coverage (ms)|—
	wait_occupancy_ms|… beside report occupancy (ms)|—
	wait_fees_ms|… beside space fees (ms)|—
	remind_ratio|remind ÷ the sqlite3 shell, same rows|— / 40 (18 s) / —
	export_ratio|tenant export speed ÷ sqlite3 -csv's|— / — / 0.46
	reelections_p95_ms|Party re-elections, a page (ms)|3.2 / 36 / 343 (median)
	reelections_anchor_ms|anchor: counted from every tenant (ms)|—
	instructors_p95_ms|Party instructors and loads (ms)|— / — / 18
	instructors_anchor_ms|anchor: loads counted from the tenants (ms)|—
	EOF
	rm -rf "$T"
	exit 0
fi
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
