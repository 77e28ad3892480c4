#!/usr/bin/env bash
# Reproduces the measurements in docs/performance.md.
#
#   testdata/perf/compare.sh [--peers] [--quick] [--big]
#
# Builds contentlint as it is released (CGO_ENABLED=0, -trimpath, -s -w,
# -tags urfave_cli_no_docs: see .goreleaser.yaml),
# the corpus generator and the minimal pipeline (testdata/perf/minimal: read,
# split, yaml.v3, jsonschema/v5, goldmark, nothing else), generates 1k, 10k
# and 50k entry corpora with seed 1 (and 200k with --big), then measures:
#   - go test benchmarks (per stage and LintFiles on 1k/10k, jobs 1 and 2)
#   - whole process with hyperfine, side by side in one run: lint --jobs 1,
#     lint --jobs 2, the minimal pipeline and cat (I/O floor) on 10k; lint
#     and the minimal pipeline on 50k; one entry (the pre-commit case)
#     against the minimal pipeline and /bin/true
#   - peak RSS with /usr/bin/time -v at 1k, 10k and 50k (and 200k with --big)
#   - the seeded defects found in a corpus with 10% defects
# With --peers, also installs remark-cli (+ remark-frontmatter,
# remark-lint-frontmatter-schema) and markdownlint-cli2 into a temp folder
# with npm and times them on the 1k and 10k corpora.
# Needs hyperfine and GNU time: apt-get install -y hyperfine time
set -euo pipefail

peers=0 quick=0 big=0
for a in "$@"; do
	case $a in
	--peers) peers=1 ;;
	--quick) quick=1 ;;
	--big) big=1 ;;
	*) echo "usage: $0 [--peers] [--quick] [--big]" >&2; exit 2 ;;
	esac
done

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${WORK:-$(mktemp -d /tmp/contentlint-perf.XXXXXX)}
bin=$work/bin
mkdir -p "$bin"
cd "$root"

echo "== machine: $(nproc) cores, $(go version)"
CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs -ldflags '-s -w' -o "$bin/contentlint" ./cmd/contentlint
CGO_ENABLED=0 go build -trimpath -ldflags '-s -w' -o "$bin/minimal" ./testdata/perf/minimal
go build -o "$bin/contentlint-corpus" ./testdata/perf/corpus

sizes="1000 10000 50000"
[ $big = 1 ] && sizes="$sizes 200000"
for n in $sizes; do
	[ -d "$work/c$n" ] || "$bin/contentlint-corpus" -n "$n" -seed 1 -defects 0 "$work/c$n"
done
[ -d "$work/d10000" ] || "$bin/contentlint-corpus" -n 10000 -seed 1 -defects 0.1 "$work/d10000"
[ -d "$work/d1000" ] || "$bin/contentlint-corpus" -n 1000 -seed 2 -defects 0.1 "$work/d1000"
one=$(find "$work/c1000" -name '*.md' | sort | sed -n 1p)

if [ "${BENCH:-1}" != 0 ]; then # BENCH=0 skips the go test benchmarks
	echo "== go test benchmarks"
	count=5
	[ $quick = 1 ] && count=1
	go test ./lint -run '^$' -bench . -benchtime 3x -count $count | tee "$work/bench.txt"
fi

echo "== whole process (hyperfine)"
runs=10
[ $quick = 1 ] && runs=3
# contentlint exits 0 on a clean corpus; -i keeps hyperfine going if not.
hyperfine -N -i --warmup 2 --runs $runs --export-markdown "$work/hyperfine-1k.md" --export-json "$work/hyperfine-1k.json" \
	-n 'lint --jobs 1 (1k)' "$bin/contentlint lint --jobs 1 $work/c1000" \
	-n 'lint --jobs 2 (1k)' "$bin/contentlint lint --jobs 2 $work/c1000" \
	-n 'minimal (1k)' "$bin/minimal $work/c1000" \
	-n 'cat (1k)' "bash -c \"find $work/c1000 -name '*.md' -print0 | xargs -0 cat > /dev/null\""
hyperfine -N -i --warmup 1 --runs $runs --export-markdown "$work/hyperfine-10k.md" --export-json "$work/hyperfine-10k.json" \
	-n 'lint --jobs 1 (10k)' "$bin/contentlint lint --jobs 1 $work/c10000" \
	-n 'lint --jobs 2 (10k)' "$bin/contentlint lint --jobs 2 $work/c10000" \
	-n 'minimal (10k)' "$bin/minimal $work/c10000" \
	-n 'cat (10k)' "bash -c \"find $work/c10000 -name '*.md' -print0 | xargs -0 cat > /dev/null\""
hyperfine -N -i --warmup 1 --runs $(( (runs + 1) / 2 )) --export-markdown "$work/hyperfine-50k.md" --export-json "$work/hyperfine-50k.json" \
	-n 'lint --jobs 2 (50k)' "$bin/contentlint lint --jobs 2 $work/c50000" \
	-n 'minimal (50k)' "$bin/minimal $work/c50000"
hyperfine -N -i --warmup 5 --runs $((runs * 10)) --export-markdown "$work/hyperfine-one.md" --export-json "$work/hyperfine-one.json" \
	-n 'lint one entry' "$bin/contentlint lint $one" \
	-n 'minimal one entry' "$bin/minimal $one" \
	-n '/bin/true' "/bin/true"
# Medians and ratios: the figures docs/performance.md quotes.
python3 - "$work" <<'PY'
import json, statistics, sys
work = sys.argv[1]
med = {}
for f in ["1k", "10k", "50k", "one"]:
    for r in json.load(open(f"{work}/hyperfine-{f}.json"))["results"]:
        med[r["command"]] = statistics.median(r["times"])
for k, v in med.items():
    print(f"{k:24} median {v*1000:9.1f} ms")
for n in ["1k", "10k", "50k"]:
    print(f"lint --jobs 2 / minimal ({n}): {med[f'lint --jobs 2 ({n})'] / med[f'minimal ({n})']:.2f}")
for n in ["1k", "10k"]:
    print(f"lint --jobs 1 / --jobs 2 ({n}): {med[f'lint --jobs 1 ({n})'] / med[f'lint --jobs 2 ({n})']:.2f}")
PY

echo "== peak memory (/usr/bin/time -v)"
for n in $sizes; do
	for j in 1 2; do
		/usr/bin/time -v "$bin/contentlint" lint --jobs $j "$work/c$n" > /dev/null 2> "$work/time-$n-$j.txt" || true
		printf '%6d entries, --jobs %d: %s, %s\n' $n $j \
			"$(grep 'Maximum resident' "$work/time-$n-$j.txt" | sed 's/.*: //') KB max RSS" \
			"$(grep 'Elapsed (wall' "$work/time-$n-$j.txt" | sed 's/.*: //') wall"
	done
done

echo "== seeded defects (10k entries, 10% defective)"
"$bin/contentlint" lint --jobs 2 "$work/d10000" > "$work/defects.txt" || true
python3 - "$work/d10000/manifest.json" "$work/defects.txt" "$work/d10000" <<'PY'
import json, re, sys, collections
manifest = json.load(open(sys.argv[1]))
found = collections.defaultdict(set)
for line in open(sys.argv[2]):
    m = re.match(r'(.*?):\d+:\d+: \w+: .*\[([a-z0-9-]+)\]$', line.rstrip())
    if m:
        rel = m.group(1)[len(sys.argv[3]) + 1:]
        found[rel].add(m.group(2))
want = collections.Counter(r for r in manifest.values() if r)
hit = collections.Counter(r for p, r in manifest.items() if r and r in found.get(p, ()))
false_pos = sum(1 for p, r in manifest.items() if not r and found.get(p))
print(f"{'rule':28} seeded found")
for r in want:
    print(f"{r:28} {want[r]:6} {hit[r]:5}")
print(f"clean entries with findings: {false_pos}")
PY

if [ $peers = 1 ]; then
	echo "== peers (npm)"
	peer=$work/peers
	mkdir -p "$peer"
	(cd "$peer" && npm init -y > /dev/null &&
		npm install --no-audit --no-fund --silent remark-cli remark-frontmatter remark-lint-frontmatter-schema markdownlint-cli2)
	# The built-in schema is draft-07, which remark-lint-frontmatter-schema's Ajv reads.
	cp "$root/schema/community-entry.schema.json" "$peer/community-entry.schema.json"
	cat > "$peer/.remarkrc.mjs" <<'JS'
import remarkFrontmatter from 'remark-frontmatter'
import remarkLintFrontmatterSchema from 'remark-lint-frontmatter-schema'
export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, {schemas: {'./community-entry.schema.json': ['**/*.md']}}],
  ],
}
JS
	echo '{}' > "$peer/.markdownlint-cli2.jsonc" # default rules: MD013 etc. fire on long lines
	for n in 1000 10000; do
		rm -rf "$peer/c$n" && cp -r "$work/c$n" "$peer/c$n"
	done
	rm -rf "$peer/d1000" && cp -r "$work/d1000" "$peer/d1000"
	cd "$peer"
	echo "-- peak memory, 10k"
	for cmd in "$bin/contentlint lint --jobs 2 c10000" \
		"node_modules/.bin/remark --quiet --frail --no-stdout c10000" \
		"node_modules/.bin/markdownlint-cli2 c10000/**/*.md"; do
		/usr/bin/time -v $cmd > /dev/null 2> "$work/peer-time.txt" || true
		printf '%-60s %s KB max RSS, %s wall\n' "$cmd" \
			"$(grep 'Maximum resident' "$work/peer-time.txt" | sed 's/.*: //')" \
			"$(grep 'Elapsed (wall' "$work/peer-time.txt" | sed 's/.*: //')"
	done
	echo "-- seeded defects found (1k entries, 10% defective): files flagged"
	"$bin/contentlint" lint --jobs 2 d1000 > "$work/peer-contentlint.txt" 2>&1 || true
	node_modules/.bin/remark --quiet --no-stdout d1000 > "$work/peer-remark.txt" 2>&1 || true
	node_modules/.bin/markdownlint-cli2 "d1000/**/*.md" > "$work/peer-markdownlint.txt" 2>&1 || true
	python3 - d1000/manifest.json "$work/peer-contentlint.txt" "$work/peer-remark.txt" "$work/peer-markdownlint.txt" <<'PY'
import json, re, sys
manifest = json.load(open(sys.argv[1]))
def flagged(path):
    files = set()
    for line in open(path, errors="replace"):
        for rel in re.findall(r'd1000/([^\s:]+\.md)', line):
            files.add(rel)
    return files
defective = {p for p, r in manifest.items() if r}
clean = set(manifest) - defective
print(f"{'tool':20} {'defective flagged':>18} {'clean flagged':>14}   (of {len(defective)} defective, {len(clean)} clean)")
for name, path in zip(["contentlint", "remark", "markdownlint-cli2"], sys.argv[2:]):
    f = flagged(path)
    print(f"{name:20} {len(f & defective):>18} {len(f & clean):>14}")
PY
	hyperfine -N -i --warmup 1 --runs 3 --export-markdown "$work/hyperfine-peers.md" --export-json "$work/hyperfine-peers.json" \
		-n 'contentlint --jobs 2 (1k)' "$bin/contentlint lint --jobs 2 c1000" \
		-n 'remark (1k)' "node_modules/.bin/remark --quiet --frail --no-stdout c1000" \
		-n 'markdownlint-cli2 (1k)' "node_modules/.bin/markdownlint-cli2 c1000/**/*.md" \
		-n 'contentlint --jobs 2 (10k)' "$bin/contentlint lint --jobs 2 c10000" \
		-n 'remark (10k)' "node_modules/.bin/remark --quiet --frail --no-stdout c10000" \
		-n 'markdownlint-cli2 (10k)' "node_modules/.bin/markdownlint-cli2 c10000/**/*.md"
	cd "$root"
fi
echo "== results in $work"
