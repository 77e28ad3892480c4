package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/config"
	"github.com/glasgow-open-data/contentlint/lint/linttest"
)

// crossDirs are the fixture folders of the checks across entries, and the
// directory the README shows.
var crossDirs = []string{
	"testdata/rules/unique", "testdata/rules/reference", "testdata/rules/link-anchor",
	"testdata/rules/vocabulary", "testdata/rules/filename", "../testdata/directory",
}

// lintDir lints paths of dir with its configuration.
func lintDir(t *testing.T, dir string, jobs int, paths ...string) *lint.Result {
	t.Helper()
	fsys := os.DirFS(dir)
	cat := lint.DefaultCatalogue()
	cfg, err := linttest.Config(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: paths, Config: cfg, Catalogue: cat, Jobs: jobs})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// renderRelated renders findings with their related places.
func renderRelated(t *testing.T, fs []lint.Finding) string {
	var b strings.Builder
	b.Write(render(t, fs))
	for _, f := range fs {
		for _, r := range f.Related {
			b.WriteString(f.Path + " -> " + r.Path + ":" + r.Message + "\n")
		}
	}
	return b.String()
}

// TestCrossDeterministic: the checks across entries give the same bytes
// whatever the number of workers.
func TestCrossDeterministic(t *testing.T) {
	for _, dir := range crossDirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			first := renderRelated(t, lintDir(t, dir, 1).Findings)
			for _, jobs := range []int{2, 8, 1} {
				if got := renderRelated(t, lintDir(t, dir, jobs).Findings); got != first {
					t.Fatalf("with %d jobs:\n%s\nwith 1:\n%s", jobs, got, first)
				}
			}
		})
	}
}

// TestDirectory: the README's directory shows one finding or more of each
// check across entries, and nothing else.
func TestDirectory(t *testing.T) {
	res := lintDir(t, "../testdata/directory", 2)
	got := map[string]int{}
	for _, f := range res.Findings {
		got[f.Rule.ID]++
		if want := strings.SplitN(f.Path, "/", 2)[0]; f.Collection != want {
			t.Errorf("%s: collection %q, want %q", f.Path, f.Collection, want)
		}
	}
	want := map[string]int{"unique-value": 4, "reference-missing": 1, "link-anchor": 1, "vocabulary-near-miss": 1, "filename-mismatch": 1}
	for id, n := range want {
		if got[id] != n {
			t.Errorf("%s: %d findings, want %d", id, got[id], n)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("%s fires too:\n%s", id, render(t, res.Findings))
		}
	}
}

// TestReferencesOutsideTheRun: a run over one changed file (pre-commit)
// resolves its references against the named collection on disk.
func TestReferencesOutsideTheRun(t *testing.T) {
	const dir = "testdata/rules/reference"
	if fs := lintDir(t, dir, 1, "talks/open-data-101.md").Findings; len(fs) != 0 {
		t.Errorf("a clean talk linted alone has findings:\n%s", render(t, fs))
	}
	alone := lintDir(t, dir, 1, "talks/data-walks.md").Findings
	all := lintDir(t, dir, 1).Findings
	var whole []lint.Finding
	for _, f := range all {
		if f.Path == "talks/data-walks.md" {
			whole = append(whole, f)
		}
	}
	if a, w := renderRelated(t, alone), renderRelated(t, whole); a != w || len(alone) != 5 {
		t.Errorf("linted alone:\n%s\nlinted with the directory:\n%s", a, w)
	}
	// The library's single-file entry point finishes a run of one.
	fsys := os.DirFS(dir)
	cat := lint.DefaultCatalogue()
	cfg, err := linttest.Config(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	l := lint.NewLinter(cat, cfg, fsys, 0)
	if got := l.LintFile("talks/data-walks.md", cfg.CollectionFor("talks/data-walks.md")); renderRelated(t, got) != renderRelated(t, alone) {
		t.Errorf("LintFile:\n%s\nwant:\n%s", render(t, got), render(t, alone))
	}
}

// TestAnchorsAlone: LintFile checks links into other files too.
func TestAnchorsAlone(t *testing.T) {
	const dir = "testdata/rules/link-anchor"
	fsys := os.DirFS(dir)
	cat := lint.DefaultCatalogue()
	cfg, err := linttest.Config(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	got := lint.NewLinter(cat, cfg, fsys, 0).LintFile("links.md", cfg.CollectionFor("links.md"))
	n := 0
	for _, f := range got {
		if f.Rule.ID == "link-anchor" {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d link-anchor findings linting links.md alone, want 4:\n%s", n, render(t, got))
	}
}

// TestRelatedNamed: related places are named as the user named the files,
// like the findings themselves.
func TestRelatedNamed(t *testing.T) {
	fsys := os.DirFS("testdata/rules/unique")
	cat := lint.DefaultCatalogue()
	cfg, err := linttest.Config(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"groups"}, Config: cfg, Catalogue: cat,
		Name: func(p string) string { return "./content/" + p }})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range res.Findings {
		if f.Rule.ID != "unique-value" {
			continue
		}
		if len(f.Related) == 0 {
			t.Errorf("%s:%d: no related places", f.Path, f.Span.Start.Line)
		}
		for _, r := range f.Related {
			seen++
			if !strings.HasPrefix(r.Path, "./content/groups/") || r.Path == f.Path || r.Span.Start.Line < 1 || r.SourceLine == "" {
				t.Errorf("%s: related %+v", f.Path, r)
			}
			if !strings.Contains(f.Message, r.Path+":") {
				t.Errorf("%s: message %q does not name %s", f.Path, f.Message, r.Path)
			}
		}
		if f.Collection != "groups" {
			t.Errorf("%s: collection %q, want groups", f.Path, f.Collection)
		}
	}
	if seen == 0 {
		t.Fatal("no related places at all")
	}
}

// TestVocabularyOptions: min-common is read per collection.
func TestVocabularyOptions(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, tags := range map[string]string{"a.md": "civic tech", "b.md": "civic tech", "c.md": "Civic-Tech"} {
		fsys[name] = &fstest.MapFile{Data: []byte("---\ntitle: " + name + "\ntags: [" + tags + "]\n---\n")}
	}
	count := func(min string) int {
		src := "collections:\n  - name: g\n    include: [\"*.md\"]\n    vocabulary: [tags]\n"
		if min != "" {
			src += "    rules:\n      vocabulary-near-miss: {severity: warning, options: {min-common: " + min + "}}\n"
		}
		cat := lint.DefaultCatalogue()
		cfg, err := config.Parse(fsys, "c.yaml", ".", []byte(src), cat)
		if err != nil {
			t.Fatal(err)
		}
		res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, Catalogue: cat})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, f := range res.Findings {
			if f.Rule.ID == "vocabulary-near-miss" && f.Path == "c.md" {
				n++
			}
		}
		return n
	}
	if n := count(""); n != 0 {
		t.Errorf("default min-common 3: %d findings, want 0 (two entries are not common)", n)
	}
	if n := count("2"); n != 1 {
		t.Errorf("min-common 2: %d findings, want 1", n)
	}
}

// TestCrossCheckPanics: a Collect or Finish step that panics is an
// internal-error finding; the other checks' findings are still reported.
func TestCrossCheckPanics(t *testing.T) {
	boom := &lint.Rule{ID: "boom", Family: "test", Severity: lint.SeverityError}
	pairs := &lint.Rule{ID: "pairs", Family: "test", Severity: lint.SeverityError}
	internal := lint.DefaultCatalogue().Rule("internal-error")
	for _, step := range []string{"collect", "finish"} {
		t.Run(step, func(t *testing.T) {
			cat := lint.NewCatalogue(
				lint.Check{Rules: []*lint.Rule{internal}},
				lint.Check{Rules: []*lint.Rule{boom},
					Collect: func(p *lint.Pass) any {
						if step == "collect" && p.Entry.Path == "b.md" {
							panic("on purpose")
						}
						return true
					},
					Finish: func(c *lint.Collected) {
						if step == "finish" {
							panic("on purpose")
						}
					}},
				lint.Check{Rules: []*lint.Rule{pairs},
					Collect: func(p *lint.Pass) any { return p.Place(p.Entry.Lines.Span(0, 3)) },
					Finish: func(c *lint.Collected) {
						for _, k := range c.Entries {
							c.Report(pairs, k.Value.(lint.Place), nil, "seen with %d others", len(c.Entries)-1)
						}
					}},
			)
			fsys := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: a\n---\n")}, "b.md": {Data: []byte("---\ntitle: b\n---\n")}}
			cfg := &lint.Config{Collections: []*lint.Collection{{Name: "all", Include: []string{"*.md"}}}}
			res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, Catalogue: cat})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, f := range res.Findings {
				ids = append(ids, f.Path+" "+f.Rule.ID)
				if f.Rule == internal && !strings.Contains(f.Message, "the check for boom failed: on purpose") {
					t.Errorf("message %q", f.Message)
				}
			}
			want := []string{"a.md pairs", "b.md internal-error", "b.md pairs"}
			if step == "finish" {
				want = []string{"a.md internal-error", "a.md pairs", "b.md pairs"}
			}
			if !slices.Equal(ids, want) {
				t.Errorf("findings %q, want %q", ids, want)
			}
		})
	}
}

// TestCrossCheckReportsUndeclared: reporting a rule the check does not
// declare is a bug, caught like a panic.
func TestCrossCheckReportsUndeclared(t *testing.T) {
	own := &lint.Rule{ID: "own", Family: "test", Severity: lint.SeverityError}
	other := &lint.Rule{ID: "other", Family: "test", Severity: lint.SeverityError}
	internal := lint.DefaultCatalogue().Rule("internal-error")
	cat := lint.NewCatalogue(lint.Check{Rules: []*lint.Rule{internal, other}},
		lint.Check{Rules: []*lint.Rule{own},
			Collect: func(p *lint.Pass) any { return p.Place(p.Entry.Lines.Span(0, 1)) },
			Finish: func(c *lint.Collected) {
				c.Report(other, c.Entries[0].Value.(lint.Place), nil, "not mine")
			}})
	fsys := fstest.MapFS{"a.md": {Data: []byte("---\ntitle: a\n---\n")}}
	cfg := &lint.Config{Collections: []*lint.Collection{{Name: "all", Include: []string{"*.md"}}}}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, Catalogue: cat})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Rule != internal {
		t.Fatalf("findings %v, want one internal error", res.Findings)
	}
}

// TestCrossOff: a rule switched off costs nothing and reports nothing.
func TestCrossOff(t *testing.T) {
	src, err := os.ReadFile("../testdata/directory/.contentlint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src = append(src, []byte("rules:\n  unique: off\n  reference: off\n  link-anchor: off\n  vocabulary: off\n  filename: off\n")...)
	fsys := os.DirFS("../testdata/directory")
	cat := lint.DefaultCatalogue()
	cfg, err := config.Parse(fsys, "c.yaml", ".", src, cat)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, Catalogue: cat})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 0 {
		t.Errorf("findings with the checks across entries off:\n%s", render(t, res.Findings))
	}
}

// TestCrossStdin: an entry read from standard input takes part in the
// checks across entries with the files linted beside it.
func TestCrossStdin(t *testing.T) {
	fsys := os.DirFS("../testdata/directory")
	cat := lint.DefaultCatalogue()
	cfg, err := linttest.Config(fsys, cat)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("../testdata/directory/groups/aberdeen-open-data.md")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.Replace(src, []byte(`"open data", "transparency"`), []byte(`"Open-Data", "transparency"`), 1)
	res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Config: cfg, Catalogue: cat,
		Paths: []string{"-", "groups"}, Stdin: bytes.NewReader(src), StdinName: "groups/copy.md"})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, f := range res.Findings {
		if f.Path == "groups/copy.md" {
			got[f.Rule.ID]++
			if f.SourceLine == "" || f.Span.Start.Line < 2 {
				t.Errorf("finding on standard input not placed: %+v", f)
			}
		}
	}
	// The title, website and email, each a duplicate of the Aberdeen entry's.
	if got["unique-value"] != 3 || got["vocabulary-near-miss"] != 1 {
		t.Errorf("on standard input %v, want 3 unique-value and 1 vocabulary-near-miss:\n%s", got, render(t, res.Findings))
	}
}
