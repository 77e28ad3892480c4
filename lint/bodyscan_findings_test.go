package lint_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/corpus"
	"github.com/glasgow-open-data/contentlint/lint/linttest"
)

// sameFindings lints the file at name of fsys twice, with the fast body
// scanner and with goldmark's full parse, and requires the same findings.
func sameFindings(t *testing.T, cfg *lint.Config, fsys fs.FS, name string) {
	t.Helper()
	cat := lint.DefaultCatalogue()
	fast := lint.NewLinter(cat, cfg, fsys, 0)
	full := lint.NewLinter(cat, cfg, fsys, 0)
	full.UseFullParse()
	c := cfg.CollectionFor(name)
	if got, want := fast.LintFile(name, c), full.LintFile(name, c); !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the fast path finds\n%v\ngoldmark's parse\n%v", name, got, want)
	}
}

// TestFastPathSameFindings: every rule fixture and a generated corpus with
// defects get the same findings whether bodies go through the fast scanner
// or through goldmark.
func TestFastPathSameFindings(t *testing.T) {
	cat := lint.DefaultCatalogue()
	root := filepath.Join("testdata", "rules")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		fsys := os.DirFS(filepath.Join(root, d.Name()))
		cfg, err := linttest.Config(fsys, cat)
		if err != nil {
			t.Fatal(err)
		}
		_ = fs.WalkDir(fsys, ".", func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && lint.IsMarkdown(p) {
				sameFindings(t, cfg, fsys, p)
			}
			return err
		})
	}
	files, _ := corpus.Build(500, 7, 0.3)
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.Path] = &fstest.MapFile{Data: f.Data}
	}
	_, cfg := builtin(t)
	for _, f := range files {
		sameFindings(t, cfg, fsys, f.Path)
	}
}

// FuzzFastPathSameFindings: any body gets the same findings from the fast
// scanner as from goldmark's parse, with the built-in configuration.
func FuzzFastPathSameFindings(f *testing.F) {
	files, _ := corpus.Build(10, 5, 0.5)
	for _, g := range files {
		f.Add(g.Data)
	}
	f.Add([]byte("---\ntitle: x\n---\n## Our Mission\n\n- [a](htps://b.org) see www.example.org\n"))
	_, cfg := builtin(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		sameFindings(t, cfg, fstest.MapFS{"entry.md": &fstest.MapFile{Data: src}}, "entry.md")
	})
}
