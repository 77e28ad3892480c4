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
