package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestDirectoryInREADME runs the README's command over testdata/directory
// from the repository root, as the README shows it: every line the README
// quotes is what the command prints, and it exits 1.
func TestDirectoryInREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const command = "go run ./cmd/contentlint lint --config testdata/directory/.contentlint.yaml testdata/directory\n"
	_, after, ok := strings.Cut(string(readme), command+"```\n\n```\n")
	if !ok {
		t.Fatalf("README.md does not show the output of %q", command)
	}
	shown, _, _ := strings.Cut(after, "```\n")
	t.Chdir("../..")
	code, out, errOut := run(t, "", "lint", "--config", "testdata/directory/.contentlint.yaml", "testdata/directory")
	out, errOut = withSlashes(out), withSlashes(errOut)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, errOut)
	}
	lines := 0
	for _, line := range strings.Split(strings.TrimSpace(shown), "\n") {
		if line == "..." {
			continue
		}
		lines++
		if !strings.Contains(out, line+"\n") {
			t.Errorf("README.md shows a line the command does not print:\n%s\nit prints:\n%s", line, out)
		}
	}
	if lines < 5 {
		t.Errorf("README.md shows %d lines of the directory's output", lines)
	}
	if errOut != "3 errors, 5 warnings in 5 of 6 files\n" {
		t.Errorf("summary %q", errOut)
	}
}

// TestDirectoryFormats: the related places of the findings across entries
// reach JSON, and the HTML report is written.
func TestDirectoryFormats(t *testing.T) {
	t.Chdir("../..")
	_, out, _ := run(t, "", "lint", "--config", "testdata/directory/.contentlint.yaml", "--format", "json", "testdata/directory")
	var doc struct {
		Findings []struct {
			Path, Rule string
			Related    []struct {
				Path    string
				Line    int
				Message string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	related := 0
	for _, f := range doc.Findings {
		for _, r := range f.Related {
			related++
			if !strings.HasPrefix(r.Path, "testdata/directory/") || r.Line < 1 || r.Message == "" {
				t.Errorf("%s [%s]: related %+v", f.Path, f.Rule, r)
			}
		}
	}
	if related < 6 {
		t.Errorf("%d related places in the JSON report, want one per duplicate and suggestion", related)
	}
	report := t.TempDir() + "/report.html"
	if code, _, errOut := run(t, "", "lint", "--config", "testdata/directory/.contentlint.yaml", "--format", "html", "--output", report, "testdata/directory"); code != 1 {
		t.Fatalf("html: exit %d: %s", code, errOut)
	}
	page, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<title>contentlint report: 8 findings in 6 files</title>", `data-rule="reference-missing"`, "Content-Security-Policy"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
}
