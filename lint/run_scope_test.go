package lint_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestRunConfigForAndScope: each file is linted with the configuration
// ConfigFor gives it; Scope leaves files out (counted, not linted); a
// configuration that fails to load stops the run.
func TestRunConfigForAndScope(t *testing.T) {
	cat := lint.DefaultCatalogue()
	strict := &lint.Config{Name: "strict", Dir: "a", Collections: []*lint.Collection{{Name: "s", Include: []string{"*.md"}, FrontMatterRequired: true}}}
	lax := &lint.Config{Name: "lax", Dir: "b", Collections: []*lint.Collection{{Name: "l", Include: []string{"*.md"}}}}
	fsys := fstest.MapFS{
		"a/one.md": {Data: []byte("no front matter\n")},
		"a/two.md": {Data: []byte("no front matter\n")},
		"b/one.md": {Data: []byte("no front matter\n")},
		"c/bad.md": {Data: []byte("x\n")},
	}
	configFor := func(p string) (*lint.Config, error) {
		switch {
		case strings.HasPrefix(p, "a/"):
			return strict, nil
		case strings.HasPrefix(p, "b/"):
			return lax, nil
		}
		return nil, errors.New("c/.contentlint.yaml:1:1: broken")
	}
	run := func(paths []string, scope func(string) bool) (*lint.Result, error) {
		return lint.Run(context.Background(), lint.Options{FS: fsys, Paths: paths, Catalogue: cat, ConfigFor: configFor, Scope: scope, Jobs: 2, ListLinted: true})
	}
	res, err := run([]string{"a", "b"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Path+" "+f.Rule.ID)
	}
	if want := []string{"a/one.md frontmatter-missing", "a/two.md frontmatter-missing"}; !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q (b/ is lax)", got, want)
	}
	if res.Files != 3 || !slices.Equal(res.Linted, []string{"a/one.md", "a/two.md", "b/one.md"}) {
		t.Errorf("linted %d: %q", res.Files, res.Linted)
	}

	res, err = run([]string{"a", "b"}, func(p string) bool { return p == "a/two.md" })
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != 1 || res.OutOfScope != 2 || len(res.Findings) != 1 || res.Findings[0].Path != "a/two.md" {
		t.Errorf("scoped: %d files, %d out of scope, findings %v", res.Files, res.OutOfScope, res.Findings)
	}

	if _, err := run([]string{"a", "c"}, nil); err == nil || !strings.Contains(err.Error(), "c/.contentlint.yaml:1:1: broken") {
		t.Errorf("a broken configuration: %v", err)
	}
}

// TestLintedListedOnRequest: the names of the linted files are kept only
// when asked for; the count always is.
func TestLintedListedOnRequest(t *testing.T) {
	fsys := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: A\n---\n")}, "b.md": {Data: []byte("---\ntitle: B\n---\n")}}
	_, cfg := builtin(t)
	for _, list := range []bool{false, true} {
		res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, ListLinted: list})
		if err != nil {
			t.Fatal(err)
		}
		want := []string(nil)
		if list {
			want = []string{"a.md", "b.md"}
		}
		if res.Files != 2 || !slices.Equal(res.Linted, want) {
			t.Errorf("ListLinted %v: %d files, linted %q, want 2 and %q", list, res.Files, res.Linted, want)
		}
	}
}

// TestNoFileLintedNamesItsConfiguration: when nothing is linted because no
// collection claims the files, the warning names the configuration that
// passed them over (the file's nearest one), not the run's.
func TestNoFileLintedNamesItsConfiguration(t *testing.T) {
	cat := lint.DefaultCatalogue()
	runCfg := &lint.Config{Name: "builtin:default", Dir: ".", Collections: []*lint.Collection{{Name: "all", Include: []string{"**/*.md"}}}}
	site := &lint.Config{Name: "site/.contentlint.yaml", Dir: "site", Collections: []*lint.Collection{{Name: "entries", Include: []string{"entries/*.md"}}}}
	docs := &lint.Config{Name: "docs/.contentlint.yaml", Dir: "docs", Collections: []*lint.Collection{{Name: "pages", Include: []string{"pages/*.md"}}}}
	fsys := fstest.MapFS{
		"site/notes.md": {Data: []byte("---\ntitle: x\n---\n")},
		"docs/notes.md": {Data: []byte("---\ntitle: x\n---\n")},
	}
	configFor := func(p string) (*lint.Config, error) {
		switch {
		case strings.HasPrefix(p, "site/"):
			return site, nil
		case strings.HasPrefix(p, "docs/"):
			return docs, nil
		}
		return runCfg, nil
	}
	for _, tc := range []struct {
		paths []string
		stdin string
		want  string
	}{
		{[]string{"site/notes.md"}, "", "no file was linted: 1 file in no collection of site/.contentlint.yaml (--verbose lists them)"},
		{[]string{"site/notes.md", "docs/notes.md"}, "", "no file was linted: 2 files in no collection of docs/.contentlint.yaml or site/.contentlint.yaml (--verbose lists them)"},
		{[]string{"-"}, "site/notes.md", "no file was linted: 1 file in no collection of site/.contentlint.yaml (--verbose lists them)"},
	} {
		opts := lint.Options{FS: fsys, Paths: tc.paths, Catalogue: cat, Config: runCfg, ConfigFor: configFor, Jobs: 2}
		if tc.stdin != "" {
			opts.Stdin, opts.StdinName = strings.NewReader("---\ntitle: x\n---\n"), tc.stdin
		}
		res, err := lint.Run(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Warnings) == 0 || res.Warnings[len(res.Warnings)-1] != tc.want {
			t.Errorf("lint %v (stdin %q): warnings %q, want last %q", tc.paths, tc.stdin, res.Warnings, tc.want)
		}
	}
}

// TestScopeAndUniqueValues: unique-value compares the entries a run lints;
// an entry Scope leaves out is not compared (Options.Scope says so), and
// the same two entries in scope are.
func TestScopeAndUniqueValues(t *testing.T) {
	cfg := &lint.Config{Name: "c", Dir: ".", Collections: []*lint.Collection{{Name: "e", Include: []string{"*.md"}, Unique: []string{"title"}}}}
	fsys := fstest.MapFS{
		"a.md": {Data: []byte("---\ntitle: Same\n---\n")},
		"b.md": {Data: []byte("---\ntitle: Same\n---\n")},
	}
	count := func(scope func(string) bool) int {
		res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, Catalogue: lint.DefaultCatalogue(), Scope: scope})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range res.Findings {
			if f.Rule.ID == "unique-value" {
				n++
			}
		}
		return n
	}
	if n := count(nil); n != 2 {
		t.Errorf("both in scope: %d unique-value findings, want 2", n)
	}
	if n := count(func(p string) bool { return p == "a.md" }); n != 0 {
		t.Errorf("b.md out of scope: %d unique-value findings, want 0", n)
	}
}
