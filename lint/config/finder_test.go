package config

import (
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestFinder: the nearest configuration from a path's folder up to the
// repository root governs it; each file is loaded once; none means Default.
func TestFinder(t *testing.T) {
	cat := lint.DefaultCatalogue()
	fsys := files(map[string]string{
		"repo/.git/HEAD":                 "ref: refs/heads/main\n",
		"repo/.contentlint.yaml":         "collections:\n  - name: root\n    include: [\"**/*.md\"]\n",
		"repo/content/.contentlint.yaml": "collections:\n  - name: content\n    include: [\"**/*.md\"]\n",
		"repo/content/deep/a.md":         "x",
		"repo/docs/b.md":                 "x",
		"other/contentlint.yaml":         "collections:\n  - name: other\n    include: [\"*.md\"]\n",
		"other/sub/c.md":                 "x",
		"lone/repo/.git/HEAD":            "x",
		"lone/.contentlint.yaml":         "collections:\n  - name: above-the-root\n    include: [\"**\"]\n",
		"lone/repo/d.md":                 "x",
		"broken/.contentlint.yaml":       "collections: 3\n",
	})
	def, err := Default(".", cat)
	if err != nil {
		t.Fatal(err)
	}
	adjusted := 0
	f := &Finder{FS: fsys, Catalogue: cat, Default: def, Name: func(p string) string { return "./" + p },
		Adjust: func(*lint.Config) error { adjusted++; return nil }}
	for _, tc := range []struct{ path, want string }{
		{"repo/content/deep/a.md", "./repo/content/.contentlint.yaml"},
		{"repo/content/a.md", "./repo/content/.contentlint.yaml"},
		{"repo/docs/b.md", "./repo/.contentlint.yaml"},
		{"other/sub/c.md", "./other/contentlint.yaml"},
		{"lone/repo/d.md", DefaultName}, // the search stops at the repository root
	} {
		cfg, err := f.For(tc.path)
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if cfg.Name != tc.want {
			t.Errorf("%s: governed by %s, want %s", tc.path, cfg.Name, tc.want)
		}
	}
	a, _ := f.For("repo/content/deep/a.md")
	b, _ := f.For("repo/content/x.md")
	if a != b || adjusted != 3 {
		t.Errorf("a configuration loaded more than once (%d adjustments, want 3)", adjusted)
	}
	if _, err := f.For("broken/x.md"); err == nil {
		t.Error("a broken configuration loaded without error")
	}
	if got := f.File("repo/docs"); got != "repo/.contentlint.yaml" {
		t.Errorf("File(repo/docs) = %q", got)
	}
}
