#!/usr/bin/env bash
# Tests the GitHub Action's logic (.github/action/contentlint-action.sh) the way
# the runner drives it, offline:
#   - a real release: GoReleaser (GORELEASER, pinned by .ci/run) builds
#     .goreleaser.yaml's archives and checksums from a temporary clone tagged
#     v9.9.9, served by a loopback HTTP server;
#   - install: a version tag, a major tag and a commit SHA download that
#     release and verify its checksum; a tampered archive is refused; a branch
#     and a tag without a release fall back to go build;
#   - lint: a temporary content repository with commits on main and on a pull
#     request branch, checked out shallow as actions/checkout does, with a fake
#     GITHUB_* environment and event payload: only the pull request's files are
#     reported, annotations stay within GitHub's limits, the job summary and the
#     step outputs are written; a pull request from a fork skips the upload up
#     front; a push audits everything.
# Needs git, go, curl and python3 (for the HTTP server). Prints what the action
# prints, so that a run shows its real output.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
script="$root/.github/action/contentlint-action.sh"
GORELEASER=${GORELEASER:-goreleaser}

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
passes=0
check() { # check DESCRIPTION COMMAND...: run a check, count failures
  local what=$1
  shift
  if "$@"; then
    echo "ok   - $what"
    passes=$((passes + 1))
  else
    echo "FAIL - $what"
    failures=$((failures + 1))
  fi
}
contains() { grep -q -- "$2" "$1"; }
lacks() { ! grep -q -- "$2" "$1"; }

export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$work/gitconfig"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
export GIT_AUTHOR_DATE=2026-01-02T03:04:05Z GIT_COMMITTER_DATE=2026-01-02T03:04:05Z
git config --global init.defaultBranch main
git config --global protocol.file.allow always

echo "== a release of this work tree, tagged v9.9.9"
# The work tree as it is (tracked and untracked files, less ignored ones).
mkdir "$work/action"
git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} cp --parents {} "$work/action/"
(
  cd "$work/action"
  git init -q
  git add -A
  git commit -q -m release
  git tag -a v9.9.9 -m v9.9.9
  git tag v9
  git tag v9.9.8 # a tag whose release was never published
  git branch feature
  # GoReleaser reads the remote's URL (never contacted: publishing is skipped).
  git remote add origin https://github.com/glasgow-open-data/contentlint.git
)
if [ -n "${CONTENTLINT_TEST_DIST:-}" ]; then
  dist=$CONTENTLINT_TEST_DIST # a dist/ built before, to iterate quickly
else
  start=$SECONDS
  (cd "$work/action" && env -u GITHUB_TOKEN "$GORELEASER" release --clean --skip=publish,announce,validate >"$work/goreleaser.log" 2>&1) ||
    { cat "$work/goreleaser.log"; exit 1; }
  dist="$work/action/dist"
  archives=("$dist"/*.tar.gz "$dist"/*.zip)
  echo "goreleaser built ${#archives[@]} archives in $((SECONDS - start))s"
fi
mkdir -p "$work/www/v9.9.9"
cp "$dist"/checksums.txt "$dist"/*.tar.gz "$dist"/*.zip "$work/www/v9.9.9/"
# The tampered release: the right checksums, another archive.
mkdir -p "$work/www/v9.9.7"
cp "$dist"/checksums.txt "$work/www/v9.9.7/"
sed 's/_9\.9\.9_/_9.9.7_/' "$dist/checksums.txt" > "$work/www/v9.9.7/checksums.txt"
for f in "$dist"/*.tar.gz "$dist"/*.zip; do
  name=$(basename "$f")
  printf 'not the release\n' > "$work/www/v9.9.7/${name/_9.9.9_/_9.9.7_}"
done

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work/www" "$port" >"$work/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done

# The runner's environment for the action's steps.
runner_env() { # runner_env NAME: a fresh step environment under $work/NAME
  local d="$work/$1"
  mkdir -p "$d/tmp"
  : > "$d/output"
  : > "$d/summary"
  export RUNNER_TEMP="$d/tmp" GITHUB_OUTPUT="$d/output" GITHUB_STEP_SUMMARY="$d/summary"
  export GITHUB_ACTIONS=true GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=example/content
  export ACTION_REPOSITORY=glasgow-open-data/contentlint
  export CONTENTLINT_RELEASES_URL="http://127.0.0.1:$port" CONTENTLINT_REPOSITORY_URL="$work/action"
  export RUNNER_OS=Linux RUNNER_ARCH=X64
  case "$(uname -m)" in aarch64 | arm64) RUNNER_ARCH=ARM64 ;; esac
}
out() { grep "^$2=" "$work/$1/output" | tail -n 1 | cut -d= -f2-; }

echo
echo "== install"
release_sha=$(git -C "$work/action" rev-parse "v9.9.9^{commit}")
for ref in v9.9.9 v9 "$release_sha"; do
  name="install-${ref:0:12}"
  runner_env "$name"
  echo "-- ACTION_REF=$ref"
  ACTION_REF=$ref bash "$script" install | tee "$work/$name/log"
  check "$ref: downloads the release and verifies its checksum" contains "$work/$name/log" "checksum verified: sha256 "
  check "$ref: the binary is v9.9.9" contains "$work/$name/log" "^contentlint version v9.9.9 (commit "
  check "$ref: no build" test "$(out "$name" build)" = false
done
bin=$(out install-v9.9.9 bin)

# Composite actions may see an empty github.action_ref: the checkout path names the ref.
runner_env install-from-path
echo "-- ACTION_REF empty, ACTION_PATH=.../_actions/glasgow-open-data/contentlint/v9"
ACTION_REF="" GITHUB_ACTION_REF="" ACTION_PATH="$work/runner/_actions/glasgow-open-data/contentlint/v9" bash "$script" install | tee "$work/install-from-path/log"
check "the ref from the action's path: downloads v9.9.9" contains "$work/install-from-path/log" "^contentlint version v9.9.9 (commit "

for ref in feature v9.9.8 ""; do
  name="install-fallback-${ref:-local}"
  runner_env "$name"
  echo "-- ACTION_REF=${ref:-(empty: uses: ./)}"
  ACTION_REF=$ref GITHUB_ACTION_REF="" ACTION_PATH="$root" bash "$script" install 2>&1 | tee "$work/$name/log"
  check "${ref:-local}: falls back to go build" test "$(out "$name" build)" = true
  check "${ref:-local}: with go.mod's Go" test "$(out "$name" go-version)" = "$(awk '$1 == "go" {print $2}' go.mod)"
done
check "v9.9.8 (no release): says the download failed" contains "$work/install-fallback-v9.9.8/log" "could not download the contentlint v9.9.8 release"

runner_env install-tampered
echo "-- ACTION_REF=v9.9.7 (the archive does not match checksums.txt)"
if ACTION_REF=v9.9.7 bash "$script" install >"$work/install-tampered/log" 2>&1; then tampered=0; else tampered=1; fi
cat "$work/install-tampered/log"
check "a tampered archive fails the step" test "$tampered" = 1
check "a tampered archive is named" contains "$work/install-tampered/log" "checksum mismatch for contentlint_9.9.7_"
check "a tampered archive is never run" lacks "$work/install-tampered/log" "contentlint version"

echo
echo "== build (the fallback)"
runner_env build
bash "$script" go-env
bash "$script" build | tee "$work/build/log"
check "go-env names the module cache" test -n "$(out build gomodcache)"
check "build writes the binary" test -x "$(out build bin)"

echo
echo "== lint: a pull request in a content repository"
entry() { # entry FILE FEATURED: a valid entry but for featured, with its own title, website and email
  local n
  n=$(basename "$1" .md) # unique-value would otherwise warn on every copy of the seed
  sed -e "s/^featured: true$/featured: $2/" -e "s/^title: .*/title: \"Group $n\"/" \
    -e "s#^website: .*#website: \"https://$n.glasgowopendata.org\"#" \
    -e "s/^contact_email: .*/contact_email: \"$n@glasgowopendata.org\"/" "$root/testdata/ok/seed.md" > "$1"
}
origin="$work/content-origin.git"
git init -q --bare "$origin"
src="$work/content-src"
git init -q "$src"
(
  cd "$src"
  mkdir content
  # main: 30 old entries with errors, 2 clean ones.
  for i in $(seq -w 1 30); do entry "content/old-$i.md" '"old"'; done
  entry content/clean.md true
  entry content/to-edit.md true
  git add -A
  git commit -q -m "base: 32 entries, 30 of them broken"
  git remote add origin "$origin"
  git push -q origin main
  # The pull request: 12 new broken entries, one edited to break, one new warning.
  git checkout -q -b pr
  for i in $(seq -w 1 12); do entry "content/new-$i.md" '"new"'; done
  entry content/to-edit.md '"edited"'
  sed 's#^website: "https://glasgowopendata.org"#website: "http://glasgowopendata.org"#' "$root/testdata/ok/seed.md" > content/insecure.md
  git add -A
  git commit -q -m "pr: 12 new entries, one edited"
  git push -q origin pr
  # main moves on after the branch point.
  git checkout -q main
  entry content/later-on-main.md '"later"'
  git add -A
  git commit -q -m "main: one more"
  git push -q origin main
)
base_sha=$(git -C "$src" rev-parse main)
head_sha=$(git -C "$src" rev-parse pr)

event() { # event FILE HEAD-REPO
  cat > "$1" <<EOF
{
  "pull_request": {
    "number": 7,
    "head": {"sha": "$head_sha", "ref": "pr", "repo": {"full_name": "$2"}},
    "base": {"sha": "$base_sha", "ref": "main", "repo": {"full_name": "example/content"}}
  },
  "repository": {"full_name": "example/content"}
}
EOF
}

lint_run() { # lint_run NAME EVENT HEAD-REPO: the lint step in a fresh shallow checkout
  local name=$1
  runner_env "$name"
  local ws="$work/$name/workspace"
  # actions/checkout: one commit, detached.
  git clone -q --depth 1 --branch pr "file://$origin" "$ws"
  event "$work/$name/event.json" "$3"
  (
    cd "$ws"
    export GITHUB_EVENT_NAME=$2 GITHUB_EVENT_PATH="$work/$name/event.json" GITHUB_SHA=$head_sha GITHUB_REF=refs/heads/pr
    export GITHUB_BASE_REF=main GITHUB_WORKSPACE="$ws"
    export CONTENTLINT=$bin INPUT_PATHS=content INPUT_FAIL_ON=error INPUT_SARIF_FILE=contentlint.sarif INPUT_CATEGORY=contentlint
    export INPUT_UPLOAD_SARIF=true INPUT_SCOPE=${SCOPE:-changed} INPUT_FORMAT=sarif
    bash "$script" lint
  ) > "$work/$name/log" 2>&1
  echo "-- $name: the step's log"
  cat "$work/$name/log"
  echo "-- $name: \$GITHUB_OUTPUT"
  cat "$work/$name/output"
}

lint_run pr pull_request example/content
log="$work/pr/log"
check "the shallow clone fetched the base branch to find the branch point" contains "$log" "fetching the base branch main"
check "reports the pull request's files" contains "$log" "content/new-01.md"
check "reports an edited file" contains "$log" "content/to-edit.md:7:11: error: "
check "does not report files the pull request did not touch" lacks "$log" "old-0"
check "does not report files main added since" lacks "$log" "later-on-main"
check "10 error annotations, GitHub's per-step limit" test "$(grep -c '^::error ' "$log")" = 10
check "then the warning annotation" test "$(grep -c '^::warning ' "$log")" = 1
check "one notice counts the rest and says where they are" contains "$log" "^::notice title=contentlint::3 more findings not shown as annotations: GitHub shows at most 10 errors, 10 warnings and 10 notices per step. Read them all in the job summary, code scanning once contentlint.sarif is uploaded or the log of this step."
check "the rest are in the log" contains "$log" "^content/new-12.md:7:11: error: "
check "annotation columns: endColumn is inclusive" contains "$log" "line=7,col=11,endLine=7,endColumn=15,title=schema-type"
check "exit code 1 (errors)" test "$(out pr exit-code)" = 1
check "upload requested" test "$(out pr upload)" = true
ws="$work/pr/workspace"
check "the SARIF has 14 results" test "$(jq '.runs[0].results | length' "$ws/contentlint.sarif")" = 14
check "SARIF fingerprints use contentlint's own key" test "$(jq '[.runs[0].results[].partialFingerprints | keys[]] | unique' -c "$ws/contentlint.sarif")" = '["contentlint/v1"]'
check "SARIF version is the release's" test "$(jq -r '.runs[0].tool.driver.semanticVersion' "$ws/contentlint.sarif")" = 9.9.9
check "SARIF helpUris point at the tag's docs" contains "$ws/contentlint.sarif" '"helpUri": "https://github.com/glasgow-open-data/contentlint/blob/v9.9.9/docs/rules.md#schema-type"'
summary="$work/pr/summary"
check "the job summary has the counts" contains "$summary" "^### ❌ contentlint: 13 errors, 1 warning in 14 of 14 files (31 files unchanged since ${base_sha:0:12} not reported)"
check "the job summary links lines on the pull request's head" contains "$summary" "(https://github.com/example/content/blob/$head_sha/content/insecure.md#L5)"
echo "-- pr: \$GITHUB_STEP_SUMMARY (first lines)"
head -n 24 "$summary"

echo
lint_run fork pull_request someone/content-fork
check "fork: one line says the upload is skipped" test "$(grep -c 'skipping the code scanning upload' "$work/fork/log")" = 1
check "fork: no upload" test "$(out fork upload)" = false
check "fork: still annotates" contains "$work/fork/log" "^::error file=content/new-01.md"

echo
SCOPE=all lint_run audit pull_request example/content
check "scope all: reports every file" test "$(jq '.runs[0].results | length' "$work/audit/workspace/contentlint.sarif")" = 44
check "scope all: the pull request's files are annotated first" test "$(grep -c '^::error file=content/\(new\|to-edit\)' "$work/audit/log")" = 10

echo
lint_run push push example/content
check "push: audits every file" test "$(jq '.runs[0].results | length' "$work/push/workspace/contentlint.sarif")" = 44

echo
echo "action-test: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
