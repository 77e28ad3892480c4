package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFind: .contentlint.yaml before contentlint.yaml, the nearest folder
// first, and never above the repository root.
func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "content", "groups")
	write(t, filepath.Join(root, ".contentlint.yaml"), "outside the repository")
	write(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	os.MkdirAll(deep, 0o755)

	if got, _ := Find(deep); got != "" {
		t.Fatalf("found %q above the repository root", got)
	}
	write(t, filepath.Join(repo, "contentlint.yaml"), "x")
	if got, _ := Find(deep); got != filepath.Join(repo, "contentlint.yaml") {
		t.Fatalf("Find = %q, want the repository's contentlint.yaml", got)
	}
	write(t, filepath.Join(repo, ".contentlint.yaml"), "x")
	if got, _ := Find(deep); got != filepath.Join(repo, ".contentlint.yaml") {
		t.Fatalf("Find = %q, want .contentlint.yaml before contentlint.yaml", got)
	}
	write(t, filepath.Join(repo, "content", "contentlint.yaml"), "x")
	if got, _ := Find(deep); got != filepath.Join(repo, "content", "contentlint.yaml") {
		t.Fatalf("Find = %q, want the nearest folder's file", got)
	}
}

// TestCollections: first matching collection wins, exclude and ignore
// apply, and severities resolve collection before global, id before family.
func TestCollections(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "c.yaml"), `
collections:
  - name: drafts
    include: ["content/groups/draft-*.md"]
    frontmatter: optional
    rules:
      schema: off
  - name: groups
    include: ["content/groups/**/*.md"]
    exclude: ["content/groups/archive/**"]
    rules:
      social-twitter: note
rules:
  social: warning
  url-insecure: error
ignore: ["content/tmp/**"]
`)
	cat := lint.DefaultCatalogue()
	cfg, err := Load(filepath.Join(dir, "c.yaml"), cat)
	if err != nil {
		t.Fatal(err)
	}
	at := func(rel string) string {
		if c := cfg.CollectionFor(filepath.Join(dir, filepath.FromSlash(rel))); c != nil {
			return c.Name
		}
		return ""
	}
	for rel, want := range map[string]string{
		"content/groups/a.md":         "groups",
		"content/groups/x/y/b.md":     "groups",
		"content/groups/draft-1.md":   "drafts",
		"content/groups/archive/a.md": "",
		"content/events/a.md":         "",
	} {
		if got := at(rel); got != want {
			t.Errorf("%s: collection %q, want %q", rel, got, want)
		}
	}
	if !cfg.Ignored(filepath.Join(dir, "content", "tmp", "a.md")) || cfg.Ignored(filepath.Join(dir, "content", "a.md")) {
		t.Error("ignore globs do not apply")
	}
	l := cfg.Linter(cat, 1, 0)
	groups := cfg.CollectionFor(filepath.Join(dir, "content/groups/a.md")).Collection
	drafts := cfg.CollectionFor(filepath.Join(dir, "content/groups/draft-1.md")).Collection
	for _, tc := range []struct {
		rule string
		coll *lint.Collection
		want lint.Severity
	}{
		{"social-twitter", groups, lint.SeverityNote},   // collection id
		{"social-github", groups, lint.SeverityWarning}, // global family
		{"url-insecure", groups, lint.SeverityError},    // global id over default warning
		{"schema-type", drafts, lint.SeverityOff},       // collection family
		{"schema-type", groups, lint.SeverityError},     // default
	} {
		if got := l.Severity(cat.Rule(tc.rule), tc.coll); got != tc.want {
			t.Errorf("%s in %s: %v, want %v", tc.rule, tc.coll.Name, got, tc.want)
		}
	}
	if drafts.FrontMatterRequired || !groups.FrontMatterRequired {
		t.Error("frontmatter: optional/required not applied")
	}
}

// TestDefaultIsAConfigFile: the built-in defaults come from default.yaml.
func TestDefaultIsAConfigFile(t *testing.T) {
	cfg, err := Default(t.TempDir(), lint.DefaultCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Collections[0]
	if cfg.Path != DefaultName || c.Name != "community-entry" || c.Schema.Name != "builtin:community-entry" {
		t.Fatalf("default configuration: %+v", c.Spec)
	}
	if len(c.Sections.Required) != 2 || c.Sections.Required[1].Aliases[0] != "How to Get Involved" {
		t.Fatalf("default sections: %+v", c.Sections)
	}
}

// TestInvalid: each bad configuration names its line and column.
func TestInvalid(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"collections: []\n":                                                       "c.yaml:1:14: collections: must have at least 1 items",
		"collections:\n  - name: x\n    include: [1]\n":                           "c.yaml:3:15: collections[0].include[0]: expected a string (text), got the number 1",
		"collections:\n  - {name: x, include: [a], level: 3}\n":                   `c.yaml:2:29: collections[0].level: unknown field`,
		"collections:\n  - {name: x, include: [a], frontmatter: maybe}\n":         `c.yaml:2:42: collections[0].frontmatter: must be one of "required", "optional"`,
		"collections:\n  - name: x\n    include: [a]\n    sections: {level: 9}\n": "c.yaml:4:23: collections[0].sections.level: must be at most 6; got the number 9",
		"rules: {schema: off}\n":                                                  "c.yaml:1:1: collections: required field is missing",
	}
	for src, want := range cases {
		path := filepath.Join(dir, "c.yaml")
		write(t, path, src)
		_, err := Load(path, lint.DefaultCatalogue())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
}
