#!/usr/bin/env bash
# Scale benchmark (issue 15, docs/scale.md): for each size, generate the synthetic corpus with
# cmd/gen-corpus (once; kept in $BENCH_DIR), then time with /usr/bin/time and print elapsed
# seconds, throughput (MB of text per second) and peak memory (max RSS) of:
#   json    parallax analyze --json DIR > out.json      (no workspace)
#   import  parallax import --db WS DIR
#   db1     parallax analyze --db WS --json > out.json  (first analysis: facts extracted)
#   db2     the same again (facts and stories cached)
#   +100    import 100 new articles, then analyze --db WS again (incremental)
# Usage: scripts/bench-scale.sh [SIZE…]   (default 1000 10000 100000)
#        PARALLAX=path/to/binary to measure another build; STEPS="json db1" to choose steps;
#        CORPUS_DIR=DIR to read (or write) the corpora cN there.
set -euo pipefail
export LC_ALL=C.UTF-8 LANG=C.UTF-8 # Fyne logs an error for the C locale
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
sizes=(${sizes[*]})
dir=${BENCH_DIR:-/tmp/parallax-bench}
steps=${STEPS:-json import db1 db2 +100}
mkdir -p "$dir"
bin=${PARALLAX:-$dir/parallax}
if [ -z "${PARALLAX:-}" ]; then go build -trimpath -o "$bin" ./cmd/parallax; fi
go build -o "$dir/gen-corpus" ./cmd/gen-corpus

measure() { # label mb cmd… ; stdout of cmd goes to $dir/out.json
	local label=$1 mb=$2; shift 2
	/usr/bin/time -f '%e %M %U %S' -o "$dir/time" "$@" >"$dir/out.json" 2>>"$dir/stderr.log"
	read -r secs kb usr sys <"$dir/time"
	awk -v l="$label" -v s="$secs" -v k="$kb" -v mb="$mb" -v n="$n" -v c="$(echo "$usr + $sys" | bc)" \
		'BEGIN { printf "%-8s %7d articles %7.1f MB  %8.1f s  %6.2f MB/s  cpu %8.1f s  peak %6.0f MB\n", l, n, mb, s, (s > 0 ? mb / s : 0), c, k / 1024 }'
}

for n in "${sizes[@]}"; do
	corpus=${CORPUS_DIR:-$dir}/c$n
	[ -d "$corpus" ] || "$dir/gen-corpus" -n "$n" -o "$corpus" >/dev/null
	mb=$(du -sb --apparent-size "$corpus" | awk '{ printf "%.1f", $1 / 1e6 }')
	ws=$dir/ws$n.parallax
	for step in $steps; do
		case $step in
		json) measure json "$mb" "$bin" analyze --json "$corpus" ;;
		import) rm -f "$ws"; measure import "$mb" "$bin" import --db "$ws" "$corpus" ;;
		db1 | db2) measure "$step" "$mb" "$bin" analyze --db "$ws" --json ;;
		+100)
			extra=$dir/extra$n
			rm -rf "$extra"
			"$dir/gen-corpus" -first "$n" -n 100 -o "$extra" >/dev/null
			cp "$ws" "$dir/ws-extra.parallax"
			"$bin" import --db "$dir/ws-extra.parallax" "$extra" >/dev/null
			measure +100 "$mb" "$bin" analyze --db "$dir/ws-extra.parallax" --json
			rm -rf "$dir/ws-extra.parallax" "$dir/ws-extra.parallax.snapshots" # the import's snapshot too
			;;
		esac
	done
	largest=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(max((len(s["articles"]) for s in d["stories"]), default=0), "articles;", len(d["stories"]), "stories")' "$dir/out.json" 2>/dev/null || echo "?")
	echo "         last step's report: largest story $largest"
done
