#!/usr/bin/env bash
# Measures what the checks across entries cost (docs/performance.md, "Checks
# across entries"): the same generated corpus linted with the built-in
# configuration three ways, in interleaved rounds so that a change in the
# machine's load touches every variant alike:
#   off      the built-in configuration with unique-value and link-anchor off:
#            no collect step keeps anything and no finish step runs
#   builtin  the built-in configuration: title, website and contact_email
#            unique, links to anchors checked
#   all      builtin plus vocabulary: [tags, location]
# For each variant and size it prints the median wall time, user+sys time
# and peak resident memory (GNU time), and the ratios to "off".
#
#   testdata/perf/cross.sh [ROUNDS]     (default 7; WORK=dir reuses corpora)
set -euo pipefail

rounds=${1:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$(mktemp -d /tmp/contentlint-cross.XXXXXX)}
mkdir -p "$work/bin"
cd "$root"
go build -o "$work/bin/contentlint" ./cmd/contentlint
go build -o "$work/bin/contentlint-corpus" ./testdata/perf/corpus
for n in 10000 50000; do
	[ -d "$work/c$n" ] || "$work/bin/contentlint-corpus" -n $n -seed 1 -defects 0 "$work/c$n" >/dev/null
done

# The three configurations, from the built-in one.
default=lint/config/default.yaml
cp "$default" "$work/builtin.yaml"
{ cat "$default"; printf 'rules:\n  unique-value: off\n  link-anchor: off\n'; } >"$work/off.yaml"
{ cat "$default"; printf '    vocabulary: [tags, location]\n'; } >"$work/all.yaml"

echo "== $(nproc) cores, $(go version), load $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
results=$work/results.txt
: >"$results"
for n in 10000 50000; do
	"$work/bin/contentlint" lint --config "$work/builtin.yaml" "$work/c$n" >/dev/null 2>&1 # warm the page cache
	for round in $(seq "$rounds"); do
		# Rotate the order each round.
		variants=(off builtin all)
		shift_by=$((round % 3))
		variants=("${variants[@]:shift_by}" "${variants[@]:0:shift_by}")
		for v in "${variants[@]}"; do
			/usr/bin/time -f "$n $v %e %U %S %M" -a -o "$results" \
				"$work/bin/contentlint" lint --config "$work/$v.yaml" "$work/c$n" >/dev/null 2>"$work/stderr.txt" || {
				echo "contentlint failed:"; cat "$work/stderr.txt"; exit 1; }
			grep -q '^no problems in' "$work/stderr.txt" || { echo "findings in the clean corpus with $v:"; cat "$work/stderr.txt"; exit 1; }
		done
	done
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
printf '\n%-8s %-8s %10s %12s %10s %8s %8s\n' entries variant "wall (s)" "user+sys (s)" "RSS (MB)" "wall/off" "cpu/off"
for n in 10000 50000; do
	offw=$(awk -v n=$n '$1==n && $2=="off" {print $3}' "$results" | median)
	offc=$(awk -v n=$n '$1==n && $2=="off" {print $4+$5}' "$results" | median)
	for v in off builtin all; do
		w=$(awk -v n=$n -v v=$v '$1==n && $2==v {print $3}' "$results" | median)
		c=$(awk -v n=$n -v v=$v '$1==n && $2==v {print $4+$5}' "$results" | median)
		m=$(awk -v n=$n -v v=$v '$1==n && $2==v {print $6/1024}' "$results" | median)
		printf '%-8s %-8s %10.3f %12.3f %10.1f %8.3f %8.3f\n' "$n" "$v" "$w" "$c" "$m" "$(echo "$w / $offw" | bc -l)" "$(echo "$c / $offc" | bc -l)"
	done
done

# The live heap (what the garbage collector found reachable, at most) and
# the collector's CPU time, from one run each with GODEBUG=gctrace=1.
printf '\n%-8s %-8s %14s %14s\n' entries variant "max live (MB)" "GC CPU (s)"
for n in 10000 50000; do
	for v in off builtin all; do
		GODEBUG=gctrace=1 "$work/bin/contentlint" lint --config "$work/$v.yaml" "$work/c$n" 2>"$work/gctrace.txt" >/dev/null
		live=$(grep -o '[0-9]*->[0-9]*->[0-9]* MB' "$work/gctrace.txt" | awk -F'->' '{split($3, a, " "); if (a[1] > m) m = a[1]} END {print m + 0}')
		gc=$(grep -o '[0-9.]*+[0-9.]*/[0-9.]*/[0-9.]*+[0-9.]* ms cpu' "$work/gctrace.txt" | awk -F'[+/ ]' '{s += $1 + $2 + $3 + $4 + $5} END {printf "%.2f", s / 1000}')
		printf '%-8s %-8s %14s %14s\n' "$n" "$v" "$live" "$gc"
	done
done
echo "raw timings: $results"
