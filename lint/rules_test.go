package lint_test

import (
	"context"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/linttest"
)

// The rule fixtures: each folder of testdata/rules holds entries whose
// expected findings are written in them (see package linttest), with the
// folder's .contentlint.yaml or the built-in configuration. Entries without
// a want comment must stay clean of the rules under test.

// rule returns a rule of the catalogue by id.
func rule(t *testing.T, id string) *lint.Rule {
	t.Helper()
	r := lint.DefaultCatalogue().Rule(id)
	if r == nil {
		t.Fatalf("no rule %q", id)
	}
	return r
}

// rules returns the rules of the catalogue with the given ids.
func rules(t *testing.T, ids ...string) []*lint.Rule {
	t.Helper()
	out := make([]*lint.Rule, len(ids))
	for i, id := range ids {
		out[i] = rule(t, id)
	}
	return out
}

// family returns every rule of the catalogue in family fam, but those in except.
func family(t *testing.T, fam string, except ...string) []*lint.Rule {
	t.Helper()
	var out []*lint.Rule
	for _, r := range lint.DefaultCatalogue().Rules() {
		if r.Family == fam && !slices.Contains(except, r.ID) {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no rules in family %q", fam)
	}
	return out
}

// fixture is one folder of testdata/rules and the rules its entries test.
type fixture struct {
	dir   string
	rules []*lint.Rule
	// crlf is set when the wants still hold with CRLF line ends (they do
	// not where a message names a byte offset).
	crlf bool
}

func fixtures(t *testing.T) []fixture {
	return []fixture{
		{"description-length", rules(t, "description-length"), true},
		{"frontmatter", family(t, "frontmatter", "description-length"), true},
		{"file", family(t, "file"), false},
		{"schema", family(t, "schema"), true},
		{"schema-local", family(t, "schema"), true},
		{"email", family(t, "email"), true},
		{"url", family(t, "url"), true},
		{"social", family(t, "social"), true},
		{"section", family(t, "section"), true},
		{"section-order", family(t, "section"), true},
		{"body", slices.Concat(family(t, "link"), family(t, "image"), family(t, "body")), true},
		{"suppression", slices.Concat(family(t, "suppression"), rules(t, "link-url", "image-alt", "schema-type")), true},
		{"unique", rules(t, "unique-value", "unused-suppression"), true},
		{"reference", rules(t, "reference-missing"), true},
		{"link-anchor", rules(t, "link-anchor", "link-missing-file"), true},
		{"vocabulary", rules(t, "vocabulary-near-miss"), true},
		{"filename", rules(t, "filename-mismatch"), true},
	}
}

// TestRuleFixtures runs every fixture folder through linttest. Each folder
// has entries that fire its rules and entries that must stay clean.
func TestRuleFixtures(t *testing.T) {
	for _, fx := range fixtures(t) {
		t.Run(fx.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", "rules", fx.dir)
			linttest.Run(t, fx.rules[0], dir, fx.rules[1:]...)
			clean, dirty := 0, 0
			_ = fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || !lint.IsMarkdown(p) {
					return err
				}
				src, err := os.ReadFile(filepath.Join(dir, p))
				if err != nil {
					return err
				}
				if wants, _ := linttest.Expectations(src); len(wants) == 0 {
					clean++
				} else {
					dirty++
				}
				return nil
			})
			if clean == 0 || dirty == 0 {
				t.Errorf("%s has %d entries with findings and %d clean ones; it needs both", dir, dirty, clean)
			}
		})
	}
}

// TestRuleFixturesCRLF lints every fixture with CRLF line ends: the same
// findings must land on the same lines.
func TestRuleFixturesCRLF(t *testing.T) {
	cat := lint.DefaultCatalogue()
	for _, fx := range fixtures(t) {
		if !fx.crlf {
			continue
		}
		t.Run(fx.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", "rules", fx.dir)
			fsys := fstest.MapFS{}
			err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				src, err := os.ReadFile(filepath.Join(dir, p))
				if lint.IsMarkdown(p) {
					src = []byte(strings.ReplaceAll(string(src), "\n", "\r\n"))
				}
				fsys[p] = &fstest.MapFile{Data: src}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := linttest.Config(fsys, cat)
			if err != nil {
				t.Fatal(err)
			}
			res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: cfg, Catalogue: cat, Jobs: 1})
			if err != nil {
				t.Fatal(err)
			}
			for p, f := range fsys {
				if !lint.IsMarkdown(p) {
					continue
				}
				wants, err := linttest.Expectations(f.Data)
				if err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				var got []lint.Finding
				for _, finding := range res.Visible(false, false) {
					if finding.Path == p && slices.Contains(fx.rules, finding.Rule) {
						got = append(got, finding)
					}
				}
				for _, problem := range linttest.Match(wants, got) {
					t.Errorf("%s (CRLF):%s", path.Join(dir, p), problem)
				}
			}
		})
	}
}

// TestEveryRuleHasFixtures: every rule fires in some fixture folder that
// tests it, but those whose files cannot be fixtures (TestFileRulesInMemory
// makes them) and internal-error (TestPanickingCheck).
func TestEveryRuleHasFixtures(t *testing.T) {
	cat := lint.DefaultCatalogue()
	fired := map[*lint.Rule]bool{}
	for _, fx := range fixtures(t) {
		dir := filepath.Join("testdata", "rules", fx.dir)
		fsys := os.DirFS(dir)
		cfg, err := linttest.Config(fsys, cat)
		if err != nil {
			t.Fatal(err)
		}
		res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: cfg, Catalogue: cat})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Visible(false, false) {
			if slices.Contains(fx.rules, f.Rule) {
				fired[f.Rule] = true
			}
		}
	}
	elsewhere := []string{"file-empty", "file-too-large", "file-unreadable", "internal-error",
		"link-dead", "link-redirect", "link-unreachable", "social-account-missing", "email-domain"} // the online ones: TestOnlineFixtures
	for _, r := range cat.Rules() {
		if !fired[r] && !slices.Contains(elsewhere, r.ID) {
			t.Errorf("%s fires in no fixture under testdata/rules", r.ID)
		}
	}
}

func TestSocialFixturesCoverEveryNetwork(t *testing.T) {
	const dir = "testdata/rules/social"
	bad, err := os.ReadFile(filepath.Join(dir, "invalid.md"))
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join(dir, "clean.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range family(t, "social") {
		network := strings.TrimPrefix(r.ID, "social-")
		if !strings.Contains(string(bad), "\n  "+network+": ") || !strings.Contains(string(bad), `\\[`+r.ID+`\\]`) {
			t.Errorf("%s/invalid.md has no bad %s value", dir, network)
		}
		if !strings.Contains(string(good), "\n  "+network+": ") {
			t.Errorf("%s/clean.md has no good %s value", dir, network)
		}
	}
}

// TestFieldDeclarations: fields declare what they hold, in which form, with
// which schemes; empty values are absent unless the configuration says.
func TestFieldDeclarations(t *testing.T) {
	linttest.Run(t, rule(t, "url-invalid"), "testdata/rules/fields", slices.Concat(family(t, "email"), family(t, "url"), family(t, "social"))...)
}
