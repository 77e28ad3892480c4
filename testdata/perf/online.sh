#!/usr/bin/env bash
# Reproduces the online audit measurements in docs/performance.md.
#
#   testdata/perf/online.sh [--quick]
#
# A loopback link farm (testdata/perf/linkfarm): 2,000 distinct URLs over
# 20 host names, one listener routed by Host, every answer after 50 ms.
# Measures contentlint lint --online (no cache) with hyperfine and
# /usr/bin/time, its in-process benchmark (BenchmarkFarm), and the same
# corpus with markdown-link-check and linkinator from npm, recording for
# each tool how many requests the farm saw and the most one host had in
# flight at once.
#
# Everything runs in a new network namespace (unshare -rnm): only its own
# loopback exists there, and the farm's names resolve to 127.0.0.1 through
# a hosts file bind-mounted over /etc/hosts, so no request can leave the
# machine. Needs go, hyperfine, GNU time, node and npm, util-linux's unshare
# and iproute2's ip; WORK=dir reuses a work folder.
set -euo pipefail

quick=0
for a in "$@"; do
	case $a in
	--quick) quick=1 ;;
	*) echo "usage: $0 [--quick]" >&2; exit 2 ;;
	esac
done
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$(mktemp -d /tmp/contentlint-online.XXXXXX)}
bin=$work/bin
farm=$work/farm
peers=$work/peers
port=8080

if [ "${INSIDE_NETNS:-}" != 1 ]; then
	mkdir -p "$bin" "$peers"
	cd "$root"
	echo "== machine: $(nproc) cores, $(go version), node $(node --version)"
	go build -o "$bin/contentlint" ./cmd/contentlint
	go build -o "$bin/linkfarm" ./testdata/perf/linkfarm
	rm -rf "$farm"
	"$bin/linkfarm" -write "$farm" -hosts 20 -urls 2000 -port $port
	"$bin/linkfarm" -write "$farm/10k" -hosts 20 -urls 10000 -port $port
	if [ ! -x "$peers/node_modules/.bin/linkinator" ]; then
		# linkinator 8 needs Node 22; 7.6 is the newest for Node 20.
		(cd "$peers" && npm init -y >/dev/null && npm install --no-audit --no-fund markdown-link-check@3.15.0 linkinator@7.6.1 >/dev/null)
	fi
	echo "== in-process benchmark"
	count=3
	[ $quick = 1 ] && count=1
	go test ./lint/online -run '^$' -bench Farm -benchtime 3x -count $count | tee "$work/bench.txt"
	exec unshare -rnm --propagation private env INSIDE_NETNS=1 WORK="$work" "$0" "$@"
fi

# Inside the namespace: a loopback of our own, and the farm's names. No
# globbing: linkinator expands its own pattern.
set -f
ip link set lo up
mount --bind "$farm/hosts" /etc/hosts
"$bin/linkfarm" -serve 127.0.0.1:$port -delay 50ms -for 30m &
farm_pid=$!
trap 'kill $farm_pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do "$bin/linkfarm" -stats 127.0.0.1:$port >/dev/null 2>&1 && break; sleep 0.1; done

runs=5
[ $quick = 1 ] && runs=2
contentlint="$bin/contentlint lint --config $farm/contentlint.yaml --online --online-allow-private --no-online-cache $farm/entries"
mlc="bash -c 'find $farm/entries -name \"*.md\" | sort | xargs $peers/node_modules/.bin/markdown-link-check -q'"
# linkinator's paths are relative to its server root, where it serves the files.
linkinator="$peers/node_modules/.bin/linkinator entries/*.md --server-root $farm --markdown"
linkinator40="$peers/node_modules/.bin/linkinator entries/*.md --server-root $farm --markdown --concurrency 40"

echo "== requests the farm saw, and the most one host had in flight at once"
for tool in contentlint linkinator linkinator40 mlc; do
	"$bin/linkfarm" -stats 127.0.0.1:$port >/dev/null
	start=$(date +%s.%N)
	eval "${!tool}" >"$work/$tool.out" 2>&1 || true
	end=$(date +%s.%N)
	printf '%-14s %6.2f s  %s\n' "$tool" "$(echo "$end - $start" | bc)" "$("$bin/linkfarm" -stats 127.0.0.1:$port)"
done

echo "== whole process (hyperfine)"
hyperfine -N -i --warmup 1 --runs $runs --export-markdown "$work/hyperfine-online.md" --export-json "$work/hyperfine-online.json" \
	-n 'contentlint lint --online' "$contentlint" \
	-n 'linkinator (concurrency 100)' "$linkinator" \
	-n 'linkinator --concurrency 40' "$linkinator40"
hyperfine -N -i --runs 1 --export-markdown "$work/hyperfine-mlc.md" -n 'markdown-link-check' "$mlc"

echo "== peak memory (/usr/bin/time -v): 2,000 and 10,000 URLs"
for dir in "$farm" "$farm/10k"; do
	/usr/bin/time -v "$bin/contentlint" lint --config "$dir/contentlint.yaml" --online --online-allow-private --no-online-cache "$dir/entries" \
		2>&1 >/dev/null | grep -E 'Maximum resident|Elapsed|^online' | sed "s|^|contentlint $dir: |"
done
# shellcheck disable=SC2086 # the command line is split on purpose
/usr/bin/time -v $linkinator 2>&1 >/dev/null | grep -E 'Maximum resident|Elapsed' | sed 's|^|linkinator 2,000: |'
echo "results in $work"
