#!/usr/bin/env python3
"""Apply gremlins-style mutants one at a time and run a package's tests.

Used to check what gremlins v0.6.0 cannot tell apart:
  - mutants it reports NOT COVERED because Go's coverage profile has no
    counter for a tagless switch's case conditions or for constant
    expressions (go-gremlins/gremlins#298, #299);
  - mutants it reports KILLED because they do not compile (a string "+"
    turned into "-"): go test exits 1 on a build failure, which gremlins
    reads as a failed test; only exit code 2 counts as NOT VIABLE.

Usage: mutcheck.py ROOT PKGDIR GREMLINS_JSON STATUS[,STATUS...] [TYPE[,TYPE...]]
ROOT is a scratch copy of the module (it is edited and restored), PKGDIR
the package directory relative to it (lint/report), GREMLINS_JSON a
gremlins -o file; STATUS selects the mutants to check ("NOT COVERED",
"KILLED", ...), TYPE optionally their mutator types. Prints one line per
mutant: file:line:col TYPE original->mutated RESULT. With
MUTCHECK_BUILD_ONLY=1 it only builds (VIABLE or NOT VIABLE); MUTCHECK_TAGS
passes build tags to both commands.
"""
import json
import os
import subprocess
import sys

# gremlins v0.6.0 internal/engine/mappings.go, tokenMutations.
MUTATIONS = {
    "ARITHMETIC_BASE": {"+": "-", "*": "/", "/": "*", "%": "*", "-": "+"},
    "CONDITIONALS_BOUNDARY": {">=": ">", ">": ">=", "<=": "<", "<": "<="},
    "CONDITIONALS_NEGATION": {"==": "!=", ">=": "<", ">": "<=", "<=": ">", "<": ">=", "!=": "=="},
    "INCREMENT_DECREMENT": {"--": "++", "++": "--"},
    "INVERT_NEGATIVES": {"-": "+"},
}
OPERATORS = ["<=", ">=", "==", "!=", "++", "--", "<", ">", "+", "-", "*", "/", "%"]

TIMEOUT = int(os.environ.get("MUTCHECK_TIMEOUT", "300"))
# Build tags for go build and go test, as gremlins' --tags (e.g. nobrowser).
TAGS = ["-tags", os.environ["MUTCHECK_TAGS"]] if os.environ.get("MUTCHECK_TAGS") else []


def operator_at(line, col):
    rest = line[col - 1:]
    for op in OPERATORS:
        if rest.startswith(op):
            return op
    raise SystemExit(f"no operator at column {col} of {line!r}")


def run(cmd, cwd):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, ""
    return p.returncode, p.stdout + p.stderr


def main():
    root, pkgdir, report, statuses = sys.argv[1:5]
    types = set(sys.argv[5].split(",")) if len(sys.argv) > 5 else None
    statuses = set(statuses.split(","))
    doc = json.load(open(report))
    counts = {}
    for f in doc["files"]:
        path = os.path.join(root, pkgdir, f["file_name"])
        for m in sorted(f["mutations"], key=lambda m: (m["line"], m["column"], m["type"])):
            if m["status"] not in statuses or (types and m["type"] not in types):
                continue
            src = open(path, encoding="utf-8", newline="").read()
            lines = src.split("\n")
            # Columns are byte offsets in go/token; work on bytes.
            raw = lines[m["line"] - 1].encode()
            op = operator_at(raw.decode("latin-1"), m["column"])
            new = MUTATIONS[m["type"]][op]
            col = m["column"] - 1
            lines[m["line"] - 1] = (raw[:col] + new.encode() + raw[col + len(op):]).decode()
            try:
                with open(path, "w", encoding="utf-8", newline="") as out:
                    out.write("\n".join(lines))
                rc, _ = run(["go", "build", *TAGS, "./" + pkgdir], root)
                if rc != 0:
                    result = "NOT VIABLE"
                elif os.environ.get("MUTCHECK_BUILD_ONLY"):
                    result = "VIABLE"
                else:
                    rc, _ = run(["go", "test", *TAGS, "-count=1", "-failfast", "./" + pkgdir], root)
                    result = {None: "TIMED OUT", 0: "LIVED"}.get(rc, "KILLED")
            finally:
                with open(path, "w", encoding="utf-8", newline="") as out:
                    out.write(src)
            counts[result] = counts.get(result, 0) + 1
            print(f"{f['file_name']}:{m['line']}:{m['column']} {m['type']} {op}->{new} {result}", flush=True)
    print("totals:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
