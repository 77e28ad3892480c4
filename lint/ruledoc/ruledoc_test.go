package ruledoc

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/report"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md")

// TestExamples runs every rule's examples as complete entries with the
// configuration they name: Bad fires that rule and no other, Good is
// clean. Examples that cannot be text are made by madeExamples.
func TestExamples(t *testing.T) {
	cat := lint.DefaultCatalogue()
	for _, r := range cat.Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if r.ExampleNote != "" {
				if example, ok := onlineExamples[r.ID]; ok {
					checkOnlineExample(t, cat, r, example)
					return
				}
				make := madeExamples[r.ID]
				if make == nil {
					t.Fatalf("%s has an example note but no maker in madeExamples", r.ID)
				}
				if r.Bad != "" || r.Good != "" {
					t.Errorf("%s has both an example note and text examples", r.ID)
				}
				exCat, fsys := make(cat, r)
				findings, out, err := ExampleFS(exCat, r, fsys, ExampleFile)
				if err != nil {
					t.Fatal(err)
				}
				onlyRule(t, r, findings, out)
				return
			}
			if r.Bad == "" || r.Good == "" {
				t.Fatalf("%s lacks a Bad or Good example", r.ID)
			}
			findings, out, err := Example(cat, r, r.Bad)
			if err != nil {
				t.Fatal(err)
			}
			onlyRule(t, r, findings, out)
			findings, out, err = Example(cat, r, r.Good)
			if err != nil {
				t.Fatal(err)
			}
			if len(findings) != 0 {
				t.Errorf("Good example is not clean:\n%s", out)
			}
		})
	}
}

// onlyRule fails unless findings are one or more findings of r.
func onlyRule(t *testing.T, r *lint.Rule, findings []lint.Finding, out string) {
	t.Helper()
	if len(findings) == 0 {
		t.Fatalf("Bad example fires nothing")
	}
	for _, f := range findings {
		if f.Rule != r {
			t.Errorf("Bad example fires %s too:\n%s", f.Rule.ID, out)
		}
	}
}

// madeExamples make the examples that cannot be written as text, as each
// rule's ExampleNote says, with the catalogue to lint them with.
var madeExamples = map[string]func(*lint.Catalogue, *lint.Rule) (*lint.Catalogue, fstest.MapFS){
	"file-unreadable": func(cat *lint.Catalogue, _ *lint.Rule) (*lint.Catalogue, fstest.MapFS) {
		return cat, fstest.MapFS{ExampleFile: {Mode: fs.ModeNamedPipe}}
	},
	"file-too-large": func(cat *lint.Catalogue, _ *lint.Rule) (*lint.Catalogue, fstest.MapFS) {
		return cat, fstest.MapFS{ExampleFile: {Data: bytes.Repeat([]byte("x"), 3<<20)}}
	},
	"file-empty": func(cat *lint.Catalogue, _ *lint.Rule) (*lint.Catalogue, fstest.MapFS) {
		return cat, fstest.MapFS{ExampleFile: {Data: []byte{}}}
	},
	"file-binary": func(cat *lint.Catalogue, _ *lint.Rule) (*lint.Catalogue, fstest.MapFS) {
		return cat, fstest.MapFS{ExampleFile: {Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")}}
	},
	"file-encoding": func(cat *lint.Catalogue, _ *lint.Rule) (*lint.Catalogue, fstest.MapFS) {
		return cat, fstest.MapFS{ExampleFile: {Data: []byte("\xff\xfe-\x00-\x00-\x00\n\x00")}}
	},
	"internal-error": func(cat *lint.Catalogue, r *lint.Rule) (*lint.Catalogue, fstest.MapFS) {
		boom := &lint.Rule{ID: "boom", Family: "test", Severity: lint.SeverityError}
		panics := lint.NewCatalogue(lint.Check{Rules: []*lint.Rule{r}}, lint.Check{Rules: []*lint.Rule{boom}, Run: func(*lint.Pass) { panic("on purpose") }})
		return panics, fstest.MapFS{ExampleFile: {Data: []byte("---\ntitle: x\n---\n")}}
	},
	"body-nesting": func(cat *lint.Catalogue, _ *lint.Rule) (*lint.Catalogue, fstest.MapFS) {
		return cat, fstest.MapFS{ExampleFile: {Data: []byte("---\ntitle: x\n---\n" + strings.Repeat("> ", 20000) + "deep\n")}}
	},
}

// TestExamplesLatin1: file-encoding's note promises a Latin-1 example too.
func TestExamplesLatin1(t *testing.T) {
	cat := lint.DefaultCatalogue()
	r := cat.Rule("file-encoding")
	findings, out, err := ExampleFS(cat, r, fstest.MapFS{ExampleFile: {Data: []byte("---\ntitle: caf\xe9\n---\n")}}, ExampleFile)
	if err != nil {
		t.Fatal(err)
	}
	onlyRule(t, r, findings, out)
}

func TestMarkdownAnchors(t *testing.T) {
	cat := lint.DefaultCatalogue()
	doc := string(markdown(t, cat))
	for _, r := range cat.Rules() {
		for _, want := range []string{
			`<a id="` + r.ID + `"></a>`,
			"\n## " + r.ID + "\n",
			"[`" + r.ID + "`](#" + r.ID + ")",
		} {
			if strings.Count(doc, want) != 1 {
				t.Errorf("%s: want exactly one %q", r.ID, want)
			}
		}
		if r.Bad != "" && !strings.Contains(doc, "```markdown\n"+strings.TrimRight(r.Bad, "\n")+"\n```") {
			t.Errorf("%s: Bad example not fenced", r.ID)
		}
		if r.Bad != "" && !strings.Contains(doc, "["+r.ID+"]\n```") {
			t.Errorf("%s: the Bad example's output is not shown", r.ID)
		}
	}
}

func markdown(t *testing.T, cat *lint.Catalogue) []byte {
	t.Helper()
	doc, err := Markdown(cat)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestMarkdownDeterministic(t *testing.T) {
	a, b := markdown(t, lint.DefaultCatalogue()), markdown(t, lint.DefaultCatalogue())
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same catalogue differ")
	}
}

// TestRulesDocCommitted fails when docs/rules.md no longer matches the
// catalogue, examples' output included; go test -update rewrites it.
func TestRulesDocCommitted(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "rules.md")
	got := markdown(t, lint.DefaultCatalogue())
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v: docs/rules.md is the project's own file; run go test ./lint/ruledoc -run TestRulesDocCommitted -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/rules.md is out of date; run go test ./lint/ruledoc -run TestRulesDocCommitted -update")
	}
}

func TestFenced(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\n", "```md\na\n```"},
		{"```go\nx\n```", "````md\n```go\nx\n```\n````"},
		{"`````", "``````md\n`````\n``````"},
	} {
		if got := report.Fenced(tc.in, "md"); got != tc.want {
			t.Errorf("Fenced(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestText(t *testing.T) {
	cat := lint.DefaultCatalogue()
	var buf bytes.Buffer
	if err := Text(&buf, cat); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != len(cat.Rules())+1 {
		t.Fatalf("%d lines for %d rules:\n%s", len(lines), len(cat.Rules()), buf.String())
	}
	for i, r := range cat.Rules() {
		if f := strings.Fields(lines[i+1]); len(f) < 3 || f[0] != r.ID || f[1] != r.Family || f[2] != r.Severity.String() {
			t.Errorf("line %q, want %s %s %s ...", lines[i+1], r.ID, r.Family, r.Severity)
		}
	}
}

// TestJSON: every rule with its complete examples, every key present.
func TestJSON(t *testing.T) {
	cat := lint.DefaultCatalogue()
	var buf bytes.Buffer
	if err := JSON(&buf, cat); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version int
		Rules   []struct {
			ID, Family, Severity, Title, Doc, Bad, Good, Config, Note, File string
			Files                                                           map[string]string
			Options                                                         json.RawMessage
			Tags                                                            []string
		}
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || len(got.Rules) != len(cat.Rules()) {
		t.Fatalf("version %d with %d rules, want 1 with %d", got.Version, len(got.Rules), len(cat.Rules()))
	}
	for i, r := range cat.Rules() {
		g := got.Rules[i]
		if g.ID != r.ID || g.Family != r.Family || g.Severity != r.Severity.String() || g.Title != r.Title || g.Doc != r.Doc ||
			g.Bad != r.Bad || g.Good != r.Good || g.Config != r.Config || g.Note != r.ExampleNote || len(g.Files) != len(r.Files) ||
			g.File != cmp.Or(r.ExampleName, ExampleFile) {
			t.Errorf("rule %d = %+v, want %s", i, g, r.ID)
		}
		if g.Tags == nil || g.Files == nil {
			t.Errorf("%s: tags or files is null, want an array and an object", r.ID)
		}
		if (r.Options == nil) != (string(g.Options) == "null") {
			t.Errorf("%s: options %s", r.ID, g.Options)
		}
	}
}

// TestExplain shows the rule's documentation, its options and its Bad
// example with what contentlint prints for it.
func TestExplain(t *testing.T) {
	cat := lint.DefaultCatalogue()
	var buf bytes.Buffer
	if err := Explain(&buf, cat, cat.Rule("description-length")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"description-length: The description is short enough for a listing\n\nFamily: frontmatter\nDefault severity: off\n",
		"Options (JSON Schema):\n\n    {\n",
		"With this configuration:\n\n    collections:\n",
		"contentlint prints:\n\n    entry.md:3:14: warning: description: 99 characters, more than 60; shorten it to what a listing shows [description-length]\n",
		"Good:\n\n    ---\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("explain lacks %q:\n%s", want, buf.String())
		}
	}
}
