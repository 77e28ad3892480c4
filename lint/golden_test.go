package lint_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
	"github.com/glasgow-open-data/contentlint/lint/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// defaultLinter is the linter of the built-in configuration.
func defaultLinter(t testing.TB, jobs int) *lint.Linter {
	t.Helper()
	cat := lint.DefaultCatalogue()
	cfg, err := config.Default(".", cat)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.Linter(cat, jobs, 0)
}

func render(t testing.TB, findings []lint.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.Text(&buf, report.Run{Findings: findings}, report.TextOptions{ShowSource: true}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden lints each testdata/err/x.md and compares the text report, with
// source lines and carets, to x.out: every finding's rule and line:column.
func TestGolden(t *testing.T) {
	l := defaultLinter(t, 1)
	files, _ := filepath.Glob("../testdata/err/*.md")
	if len(files) < 25 {
		t.Fatalf("want at least 25 broken fixtures, have %d", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			c := l.CollectionFor(path)
			findings := l.LintFile(path, c)
			for i := range findings {
				findings[i].Path = name
			}
			if len(findings) == 0 {
				t.Fatalf("%s: no findings; a broken fixture must produce at least one", name)
			}
			got := render(t, findings)
			golden := strings.TrimSuffix(path, ".md") + ".out"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./lint -run TestGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: report differs from %s\n--- got\n%s--- want\n%s", name, golden, got, want)
			}
		})
	}
}

// TestOKClean holds the seed entry, and its CRLF and BOM variants, to zero findings.
func TestOKClean(t *testing.T) {
	l := defaultLinter(t, 1)
	files, _ := filepath.Glob("../testdata/ok/*.md")
	if len(files) < 3 {
		t.Fatalf("want the seed and its CRLF and BOM variants, have %d files", len(files))
	}
	for _, path := range files {
		if f := l.LintFile(path, l.CollectionFor(path)); len(f) != 0 {
			t.Errorf("%s: want no findings, got\n%s", path, render(t, f))
		}
	}
}

// TestDeterministic lints the fixtures with one and with several workers,
// twice each: the report must be byte-identical.
func TestDeterministic(t *testing.T) {
	run := func(jobs int) []byte {
		l := defaultLinter(t, jobs)
		files := make(chan string)
		go func() {
			defer close(files)
			w := &lint.Walker{}
			_ = w.Walk(context.Background(), []string{"../testdata"}, func(p string) bool { files <- p; return true })
		}()
		res := l.LintFiles(context.Background(), files)
		return render(t, res.Findings)
	}
	first := run(1)
	if len(first) == 0 {
		t.Fatal("no findings over testdata")
	}
	for _, jobs := range []int{1, 2, 8} {
		if got := run(jobs); !bytes.Equal(got, first) {
			t.Fatalf("report with %d jobs differs from the first run", jobs)
		}
	}
}
