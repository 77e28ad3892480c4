#!/usr/bin/env bash
# The logic of contentlint's GitHub Action (action.yml runs one phase per step):
#
#   install  download the release binary for the action's own ref and verify its
#            checksum; when the ref names no release (a branch, or a commit no
#            release tag points at), say that Go must build it instead
#   go-env   print the Go module and build cache folders, for actions/cache
#   build    go build contentlint from the action's checkout
#   lint     run contentlint once: annotations, the SARIF report, the job summary;
#            only the pull request's files by default; decide whether to upload
#
# Everything comes from the environment, as the runner sets it: GITHUB_* and
# RUNNER_* variables, the event payload at GITHUB_EVENT_PATH, INPUT_* for the
# action's inputs, and GITHUB_OUTPUT for step outputs. .ci/action-test.sh runs
# every phase with a fake environment over temporary git repositories.
#
# Overrides, for tests and mirrors: CONTENTLINT_RELEASES_URL (default
# https://github.com/OWNER/REPO/releases/download), CONTENTLINT_REPOSITORY_URL
# (the action's repository, for git ls-remote).
set -euo pipefail

action_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

log() { printf 'contentlint: %s\n' "$*"; }
# Workflow-command data escaping (actions/toolkit command.ts escapeData).
escape_data() {
  local s=$1
  s=${s//'%'/'%25'}
  s=${s//$'\r'/'%0D'}
  s=${s//$'\n'/'%0A'}
  printf '%s' "$s"
}
warn() { printf '::warning title=contentlint::%s\n' "$(escape_data "$*")"; }
fail() { printf '::error title=contentlint::%s\n' "$(escape_data "$*")"; exit 1; }
output() { printf '%s=%s\n' "$1" "$2" >> "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"; }

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# event_field JQ-PATH prints a field of the event payload, or nothing.
event_field() {
  local file=${GITHUB_EVENT_PATH:-}
  [ -n "$file" ] && [ -f "$file" ] || return 0
  if command -v jq >/dev/null 2>&1; then
    jq -r "($1) // empty" "$file"
  else
    python3 -c 'import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
for k in sys.argv[2].lstrip(".").split("."):
    v = v.get(k) if isinstance(v, dict) else None
print("" if v is None else v)' "$file" "$1"
  fi
}

# --- install -----------------------------------------------------------------

# release_version REF prints the release version (without "v") that REF names:
# REF itself when it is a full version tag (v1.2.3, v1.3.0-rc.1); else the
# newest full version tag that points at the same commit as REF (a major or
# minor tag such as v1 or v1.2, or a commit SHA). Prints nothing when no
# release matches: then contentlint is built from source.
release_version() {
  local ref=$1 refs sha
  if [[ $ref =~ ^v([0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?)$ ]]; then
    printf '%s\n' "${BASH_REMATCH[1]}"
    return
  fi
  [ -n "$ref" ] || return 0
  local url=${CONTENTLINT_REPOSITORY_URL:-${GITHUB_SERVER_URL:-https://github.com}/${ACTION_REPOSITORY}}
  refs=$(git ls-remote --tags "$url" 2>/dev/null) || return 0
  if [[ $ref =~ ^[0-9a-f]{40}$ ]]; then
    sha=$ref
  else
    # An annotated tag's commit is on its peeled line (refs/tags/v1^{}).
    sha=$(awk -v t="refs/tags/$ref" '$2 == t "^{}" {p = $1} $2 == t {l = $1} END {print (p != "" ? p : l)}' <<< "$refs")
  fi
  [ -n "$sha" ] || return 0
  awk -v sha="$sha" '
    { name = $2; sub(/^refs\/tags\//, "", name); peeled = sub(/\^\{\}$/, "", name)
      if (peeled) commit[name] = $1; else if (!(name in commit)) commit[name] = $1 }
    END { for (n in commit) if (commit[n] == sha && n ~ /^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$/) print substr(n, 2) }
  ' <<< "$refs" | sort -V | tail -n 1
}

# platform prints the release's OS_ARCH for this runner.
platform() {
  local os arch
  case "${RUNNER_OS:-$(uname -s)}" in
    Linux) os=linux ;;
    macOS | Darwin) os=darwin ;;
    Windows | MINGW* | MSYS*) os=windows ;;
    *) return 1 ;;
  esac
  case "${RUNNER_ARCH:-$(uname -m)}" in
    X64 | x86_64 | amd64) arch=amd64 ;;
    ARM64 | arm64 | aarch64) arch=arm64 ;;
    *) return 1 ;;
  esac
  printf '%s_%s\n' "$os" "$arch"
}

# action_ref prints the action's own ref: github.action_ref, else
# GITHUB_ACTION_REF, else the last folder of the path the runner checked the
# action out to (_actions/OWNER/REPO/REF), which composite actions always have.
action_ref() {
  local ref=${ACTION_REF:-${GITHUB_ACTION_REF:-}}
  if [ -z "$ref" ] && [[ ${ACTION_PATH:-} =~ _actions[/\\][^/\\]+[/\\][^/\\]+[/\\]([^/\\]+)$ ]]; then
    ref=${BASH_REMATCH[1]}
  fi
  printf '%s\n' "$ref"
}

install() {
  local ref version plat ext archive base tmp want got bin
  ref=$(action_ref)
  ACTION_REPOSITORY=${ACTION_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-glasgow-open-data/contentlint}}
  local gomod="$action_dir/go.mod"
  # The Go the fallback build pins: go.mod's toolchain line, else its go line.
  local go_version
  go_version=$(awk '$1 == "toolchain" {sub(/^go/, "", $2); t = $2} $1 == "go" {g = $2} END {print (t != "" ? t : g)}' "$gomod")
  output go-version "${INPUT_GO_VERSION:-$go_version}"
  output cache-key "contentlint-go-${RUNNER_OS:-unknown}-${RUNNER_ARCH:-unknown}-${INPUT_GO_VERSION:-$go_version}-$(sha256 "$action_dir/go.sum")"

  version=$(release_version "$ref")
  plat=$(platform) || version=""
  if [ -z "$version" ]; then
    log "the action's ref ${ref:-(local)} names no release: building contentlint with Go ${INPUT_GO_VERSION:-$go_version}"
    output build true
    return
  fi
  ext=tar.gz
  [[ $plat == windows_* ]] && ext=zip
  archive="contentlint_${version}_${plat}.${ext}"
  base=${CONTENTLINT_RELEASES_URL:-${GITHUB_SERVER_URL:-https://github.com}/${ACTION_REPOSITORY}/releases/download}
  base="${base%/}/v${version}"
  tmp="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/contentlint-${version}"
  rm -rf "$tmp" && mkdir -p "$tmp"
  log "downloading contentlint v${version} for ${plat}: ${base}/${archive}"
  if ! curl -fsSL --retry 3 --retry-delay 2 -o "$tmp/checksums.txt" "$base/checksums.txt" ||
    ! curl -fsSL --retry 3 --retry-delay 2 -o "$tmp/$archive" "$base/$archive"; then
    warn "could not download the contentlint v${version} release (${base}/${archive}); building it from the action's source instead"
    output build true
    return
  fi
  want=$(awk -v f="$archive" '$2 == f || $2 == "*" f {print $1}' "$tmp/checksums.txt")
  got=$(sha256 "$tmp/$archive")
  if [ -z "$want" ]; then
    fail "checksums.txt of v${version} lists no ${archive}; refusing to run an unverified binary"
  fi
  if [ "$want" != "$got" ]; then
    fail "checksum mismatch for ${archive}: checksums.txt says ${want}, the download is ${got}; refusing to run it"
  fi
  log "checksum verified: sha256 ${got}"
  if [ "$ext" = zip ]; then
    if command -v unzip >/dev/null 2>&1; then
      unzip -q -o "$tmp/$archive" -d "$tmp"
    else
      7z x -y -o"$tmp" "$tmp/$archive" >/dev/null
    fi
    bin="$tmp/contentlint.exe"
  else
    tar -xzf "$tmp/$archive" -C "$tmp"
    bin="$tmp/contentlint"
  fi
  "$bin" --version
  output build false
  output bin "$bin"
}

# --- go-env and build ----------------------------------------------------------

go_env() {
  output gomodcache "$(go env GOMODCACHE)"
  output gocache "$(go env GOCACHE)"
}

build() {
  local bin="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/contentlint"
  [[ ${RUNNER_OS:-} == Windows ]] && bin="$bin.exe"
  (cd "$action_dir" && GOFLAGS=-mod=readonly CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs -o "$bin" ./cmd/contentlint)
  "$bin" --version
  output bin "$bin"
}

# --- lint ----------------------------------------------------------------------

# has_merge_base BASE says whether BASE and HEAD share history here; in a
# shallow clone (actions/checkout fetches one commit by default) it fetches
# the base branch and deepens both sides until they meet.
has_merge_base() {
  local base=$1 branch=$2 depth
  local -a refspecs=()
  [ -n "$branch" ] && refspecs+=("+refs/heads/${branch}:refs/remotes/origin/${branch}")
  [[ ${GITHUB_REF:-} == refs/* ]] && refspecs+=("+${GITHUB_REF}:refs/remotes/contentlint/head")
  local shallow
  shallow=$(git rev-parse --is-shallow-repository)
  if ! git cat-file -e "${base}^{commit}" 2>/dev/null; then
    log "fetching the base branch ${branch:-$base}"
    if [ "$shallow" = true ]; then
      git fetch --no-tags --quiet --depth=50 origin "${refspecs[@]}" 2>/dev/null || true
    else
      git fetch --no-tags --quiet origin "${refspecs[@]}" 2>/dev/null || true
    fi
  fi
  for depth in 50 200 1000; do
    git merge-base "$base" HEAD >/dev/null 2>&1 && return 0
    [ "$(git rev-parse --is-shallow-repository)" = true ] || return 1
    log "fetching ${depth} more commits of history to find where the pull request branched off"
    git fetch --no-tags --quiet --deepen="$depth" origin "${refspecs[@]}" 2>/dev/null || return 1
  done
  if [ "$(git rev-parse --is-shallow-repository)" = true ]; then
    git fetch --no-tags --quiet --unshallow origin "${refspecs[@]}" 2>/dev/null || return 1
  fi
  git merge-base "$base" HEAD >/dev/null 2>&1
}

lint() {
  local bin=${CONTENTLINT:?CONTENTLINT names the binary}
  local event=${GITHUB_EVENT_NAME:-} scope=${INPUT_SCOPE:-changed} upload=${INPUT_UPLOAD_SARIF:-true}
  local format=${INPUT_FORMAT:-sarif} report=${INPUT_SARIF_FILE:-contentlint.sarif}
  local -a paths=() args=()

  case "$scope" in changed | all) ;; *) fail "unknown scope \"$scope\"; use changed or all" ;; esac
  [ "$format" = sarif ] || upload=false

  # Pull requests: their base, and whether they come from a fork.
  local base="" base_ref="" head_repo="" base_repo=""
  if [[ $event == pull_request || $event == pull_request_target ]]; then
    base=$(event_field .pull_request.base.sha)
    base_ref=$(event_field .pull_request.base.ref)
    base_ref=${base_ref:-${GITHUB_BASE_REF:-}}
    base=${base:-${base_ref:+origin/$base_ref}}
    head_repo=$(event_field .pull_request.head.repo.full_name)
    base_repo=$(event_field .pull_request.base.repo.full_name)
    base_repo=${base_repo:-${GITHUB_REPOSITORY:-}}
    if [ "$upload" = true ] && [ -n "$head_repo" ] && [ "$head_repo" != "$base_repo" ]; then
      log "pull request from the fork ${head_repo}: skipping the code scanning upload (a fork's token is read-only); the annotations and the job summary have the findings"
      upload=false
    fi
  fi

  if [ -n "$base" ]; then
    if has_merge_base "$base" "$base_ref"; then
      args+=(--changed-since "$base")
      if [ "$scope" = all ]; then
        args+=(--include-unchanged)
      else
        log "reporting the files this pull request changes (since $(git merge-base "$base" HEAD | cut -c1-12)); scope: all audits every file"
      fi
    else
      warn "could not find where this pull request branched off ${base_ref:-its base}; linting every file (fetch-depth: 0 in actions/checkout avoids this)"
    fi
  fi

  # Globs are contentlint's to expand (it understands **), never the shell's.
  set -f
  read -r -d '' -a paths <<< "${INPUT_PATHS:-.}" || true
  set +f
  [ "${#paths[@]}" -gt 0 ] || paths=(.)
  [ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
  [ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
  args+=(--format github --format "${format}=${report}" --fail-on "${INPUT_FAIL_ON:-error}")
  if [ "$format" = sarif ]; then
    args+=(--sarif-category "${INPUT_CATEGORY:-contentlint}" --sarif-suppressed "${INPUT_SARIF_SUPPRESSED:-omit}")
  fi
  args+=(--step-summary "${GITHUB_STEP_SUMMARY:-}")

  local code=0
  "$bin" lint "${args[@]}" -- "${paths[@]}" || code=$?
  log "exit code ${code}"
  [ "$code" -le 1 ] || upload=false
  output exit-code "$code"
  output sarif-file "$report"
  output upload "$upload"
}

case "${1:-}" in
  install) install ;;
  go-env) go_env ;;
  build) build ;;
  lint) lint ;;
  *)
    echo "usage: $0 install|go-env|build|lint" >&2
    exit 2
    ;;
esac
