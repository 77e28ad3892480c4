package main

import (
	"os"
	"testing"
)

// TestLintGolden runs the CLI over every fixture, as a user would, and
// compares the whole report with testdata/cli/lint.golden: every rule that
// fires on a fixture fires at its line and column, front matter and body
// findings interleaved in line order. -update rewrites the golden.
func TestLintGolden(t *testing.T) {
	skipOnWindows(t)
	code, out, errOut := run(t, "", "lint", "--jobs", "2", "../../testdata/err", "../../testdata/ok")
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d\n%s", code, ExitFindings, errOut)
	}
	const golden = "../../testdata/cli/lint.golden"
	got := out + "-- stderr --\n" + errOut
	if *updateScripts {
		os.MkdirAll("../../testdata/cli", 0o755)
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/contentlint -run TestLintGolden -update)", err)
	}
	if got != string(want) {
		t.Fatalf("report differs from %s; run with -update and read the diff", golden)
	}
}
