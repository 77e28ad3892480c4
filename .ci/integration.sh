#!/usr/bin/env bash
# Integration checks for contentlint's integrations (see docs/integrations.md):
#   1. actionlint (pinned) over .github/workflows; through ci.yml's `uses: ./` it also runs
#      actionlint's basic metadata checks on action.yml.
#   2. action.yml's own checks: actionlint does not lint a composite action's steps, so a small
#      script checks the keys, the pins, that no ${{ }} reaches a script, and shellchecks the scripts
#      (and the Action's logic in .github/action/contentlint-action.sh, which .ci/action-test.sh runs).
#   3. the pre-commit hook end to end: TestPreCommitTryRepo must run (not skip) and pass.
# Installs pre-commit and shellcheck with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONLINT_VERSION=v1.7.12

echo "== tools"
missing=()
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
command -v shellcheck >/dev/null 2>&1 || missing+=(shellcheck)
if [ "${#missing[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "missing ${missing[*]} and no apt-get to install them" >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  echo "installing ${missing[*]} with apt-get"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "$(pre-commit --version), shellcheck $(shellcheck --version | sed -n 's/^version: //p'), $(go version)"

echo "== actionlint $ACTIONLINT_VERSION"
# `go run pkg@version` ignores the current module; -mod from .ci/run does not apply to it.
GOFLAGS='' go run "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" .github/workflows/*.yml
echo "actionlint: no problems"

echo "== action.yml"
# PyYAML comes with pre-commit.
scripts=$(mktemp -d)
trap 'rm -rf "$scripts"' EXIT
"$(command -v /usr/bin/python3 || command -v python3)" - action.yml "$scripts" <<'PY'
import re, sys, yaml

path, out = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    doc = yaml.safe_load(f)
errs = []

def need(cond, msg):
    if not cond:
        errs.append(msg)

need(isinstance(doc, dict), "top level must be a mapping")
top = {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
for k in doc:
    need(k in top, f"unexpected top-level key {k!r}")
for k in ("name", "description", "runs"):
    need(k in doc, f"missing required key {k!r}")
inputs = doc.get("inputs") or {}
for name, spec in inputs.items():
    need(isinstance(spec, dict) and "description" in spec, f"input {name!r} needs a description")
    for k in spec or {}:
        need(k in {"description", "required", "default", "deprecationMessage"}, f"input {name!r}: unexpected key {k!r}")
runs = doc.get("runs") or {}
need(runs.get("using") == "composite", "runs.using must be 'composite'")
steps = runs.get("steps") or []
need(len(steps) > 0, "runs.steps is empty")
ids = [s.get("id") for s in steps if isinstance(s, dict) and s.get("id")]
need(len(ids) == len(set(ids)), f"duplicate step ids in {ids}")
for name, spec in (doc.get("outputs") or {}).items():
    need(isinstance(spec, dict) and "value" in spec and "description" in spec, f"output {name!r} needs description and value")

run_keys = {"name", "id", "if", "run", "shell", "working-directory", "env", "continue-on-error"}
uses_keys = {"name", "id", "if", "uses", "with", "env", "continue-on-error"}
for i, s in enumerate(steps, 1):
    label = f"step {i} ({s.get('name') or s.get('id') or '?'})"
    if "run" in s:
        need("uses" not in s, f"{label}: has both run and uses")
        need(s.get("shell") == "bash", f"{label}: run steps need shell: bash")
        for k in s:
            need(k in run_keys, f"{label}: unexpected key {k!r} for a run step")
        # Script injection: inputs and other expressions reach scripts only through env.
        need("${{" not in s["run"], f"{label}: expression inside run:, pass it through env instead")
        with open(f"{out}/step{i}.sh", "w", encoding="utf-8") as f:
            f.write("#!/usr/bin/env bash\n" + s["run"])
    elif "uses" in s:
        for k in s:
            need(k in uses_keys, f"{label}: unexpected key {k!r} for a uses step")
        need(re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+(\.\d+)*", s["uses"]) is not None, f"{label}: pin uses to a version tag, got {s['uses']!r}")
    else:
        errs.append(f"{label}: needs run or uses")

# Every expression names declared inputs and existing steps.
text = open(path, encoding="utf-8").read()
for m in re.finditer(r"\binputs\.([\w-]+)", text):
    need(m.group(1) in inputs, f"undeclared input {m.group(1)!r}")
for m in re.finditer(r"\bsteps\.([\w-]+)\.", text):
    need(m.group(1) in ids, f"unknown step id {m.group(1)!r}")

for e in errs:
    print(f"{path}: {e}", file=sys.stderr)
if errs:
    sys.exit(1)
print(f"{path}: {len(inputs)} inputs, {len(doc.get('outputs') or {})} outputs, {len(steps)} steps: ok")
PY
shellcheck --shell=bash "$scripts"/*.sh .github/action/contentlint-action.sh .ci/action-test.sh
echo "shellcheck on action.yml's scripts, .github/action/contentlint-action.sh and .ci/action-test.sh: no problems"

echo "== pre-commit hook (TestPreCommitTryRepo)"
log="$scripts/precommit.log"
start=$SECONDS
go test ./cmd/contentlint -run '^TestPreCommitTryRepo$' -count=1 -v 2>&1 | tee "$log"
# The test skips without pre-commit; here it was installed above, so a skip is a failure.
if ! grep -q -- '--- PASS: TestPreCommitTryRepo' "$log"; then
  echo "TestPreCommitTryRepo did not run and pass" >&2
  exit 1
fi
echo "pre-commit hook: ok in $((SECONDS - start))s"
