package lint_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
	"github.com/glasgow-open-data/contentlint/lint/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// builtinConfig reads the built-in configuration (lint/config's
// default.yaml) once: tests that need the defaults take them from there,
// never from a copy.
var builtinConfig = sync.OnceValues(func() (*lint.Config, error) {
	return config.Default(".", lint.DefaultCatalogue())
})

// builtin returns the rule catalogue and the built-in configuration,
// relative to the root of the file system a test lints.
func builtin(t testing.TB) (*lint.Catalogue, *lint.Config) {
	t.Helper()
	cfg, err := builtinConfig()
	if err != nil {
		t.Fatal(err)
	}
	return lint.DefaultCatalogue(), cfg
}

// defaultSections are the sections the built-in configuration declares.
func defaultSections(t testing.TB) *lint.Sections {
	t.Helper()
	_, cfg := builtin(t)
	if len(cfg.Collections) != 1 || cfg.Collections[0].Sections == nil {
		t.Fatalf("the built-in configuration has no one collection with sections: %+v", cfg.Collections)
	}
	return cfg.Collections[0].Sections
}

func render(t testing.TB, findings []lint.Finding) []byte {
	t.Helper()
	var buf bytes.Buffer
	run := report.Run{Findings: findings, Invocation: report.Invocation{ShowSource: true}}
	if err := (report.Text{}).Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestGolden lints each testdata/err/x.md and compares the text report, with
// source lines and carets, to x.out: every finding's rule and line:column.
func TestGolden(t *testing.T) {
	const dir = "../testdata/err"
	cat, cfg := builtin(t)
	l := lint.NewLinter(cat, cfg, os.DirFS(dir), 0)
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) < 25 {
		t.Fatalf("want at least 25 broken fixtures, have %d", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			findings := l.LintFile(name, cfg.CollectionFor(name))
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
	const dir = "../testdata/ok"
	cat, cfg := builtin(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) < 3 {
		t.Fatalf("want the seed and its CRLF and BOM variants, have %d files", len(files))
	}
	l := lint.NewLinter(cat, cfg, os.DirFS(dir), 0)
	for _, path := range files {
		name := filepath.Base(path)
		if f := l.LintFile(name, cfg.CollectionFor(name)); len(f) != 0 {
			t.Errorf("%s: want no findings, got\n%s", path, render(t, f))
		}
	}
}

// TestDeterministic lints the fixtures with one and with several workers,
// twice each: the report must be byte-identical.
func TestDeterministic(t *testing.T) {
	cat, cfg := builtin(t)
	run := func(jobs int) []byte {
		res, err := lint.Run(context.Background(), lint.Options{
			FS: os.DirFS("../testdata"), Paths: []string{"."}, Config: cfg, Catalogue: cat, Jobs: jobs,
		})
		if err != nil {
			t.Fatal(err)
		}
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
