package main

import (
	"os"
	"strings"
	"testing"
)

// TestLintGolden runs the CLI over every fixture, as a user would, and
// compares the whole report with testdata/cli/lint.golden: every rule that
// fires on a fixture fires at its line and column, front matter and body
// findings interleaved in line order. -update rewrites the golden.
func TestLintGolden(t *testing.T) {
	code, out, errOut := run(t, "", "lint", "--jobs", "2", "../../testdata/err", "../../testdata/ok")
	out, errOut = withSlashes(out), withSlashes(errOut)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
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

// TestReadmeExample: the findings the README shows at the top are what
// "contentlint lint testdata/examples" prints, line for line.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, block, _ := strings.Cut(string(readme), "```\n")
	block, _, _ = strings.Cut(block, "```")
	_, out, _ := run(t, "", "lint", "../../testdata/examples")
	out = strings.ReplaceAll(withSlashes(out), "../../testdata/", "testdata/")
	lines := strings.Split(strings.TrimSpace(block), "\n")
	if len(lines) < 3 || !strings.Contains(block, "dundee-data-circle.md") {
		t.Fatalf("the README's first block should show the examples' findings, the broken Dundee entry's among them:\n%s", block)
	}
	for _, line := range lines {
		if !strings.Contains(out, line+"\n") {
			t.Errorf("the README shows a finding the examples do not give:\n%s\nthey give:\n%s", line, out)
		}
	}
}
