package ruledoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

func TestRulesMarkdownAnchors(t *testing.T) {
	cat := lint.DefaultCatalogue()
	doc := string(RulesMarkdown(cat))
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
	}
}

func TestRulesMarkdownDeterministic(t *testing.T) {
	a, b := RulesMarkdown(lint.DefaultCatalogue()), RulesMarkdown(lint.DefaultCatalogue())
	if !bytes.Equal(a, b) {
		t.Error("two renderings of the same catalogue differ")
	}
}

func TestRulesMarkdownGolden(t *testing.T) {
	checkGolden(t, "golden.rules.md", RulesMarkdown(goldenCatalogue()))
}

// TestRulesDocCommitted fails when docs/rules.md no longer matches the
// catalogue; go test -update rewrites it.
func TestRulesDocCommitted(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "rules.md")
	got := RulesMarkdown(lint.DefaultCatalogue())
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("docs/rules.md not generated yet; run go test ./lint/report -run TestRulesDocCommitted -update")
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("docs/rules.md is out of date; run go test ./lint/report -run TestRulesDocCommitted -update")
	}
}

func TestFenced(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\n", "```md\na\n```"},
		{"```go\nx\n```", "````md\n```go\nx\n```\n````"},
		{"`````", "``````md\n`````\n``````"},
	} {
		if got := fenced(tc.in, "md"); got != tc.want {
			t.Errorf("fenced(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRulesText(t *testing.T) {
	cat := lint.DefaultCatalogue()
	var buf bytes.Buffer
	if err := RulesText(&buf, cat); err != nil {
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

func TestRulesJSON(t *testing.T) {
	cat := lint.DefaultCatalogue()
	var buf bytes.Buffer
	if err := RulesJSON(&buf, cat); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version int
		Rules   []struct {
			ID, Family, Severity, Title, Doc, Bad, Good string
			Tags                                        []string
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
		if g.ID != r.ID || g.Family != r.Family || g.Severity != r.Severity.String() || g.Title != r.Title || g.Doc != r.Doc || g.Bad != r.Bad || g.Good != r.Good {
			t.Errorf("rule %d = %+v, want %s", i, g, r.ID)
		}
		if g.Tags == nil {
			t.Errorf("%s: tags is null, want an array", r.ID)
		}
	}
}

func TestExplainText(t *testing.T) {
	r := goldenCatalogue().Rule("demo-error")
	var buf bytes.Buffer
	if err := ExplainText(&buf, r); err != nil {
		t.Fatal(err)
	}
	want := "demo-error: A demonstration error\n\n" +
		"Family: demo\nDefault severity: error\nTags: correctness, demo\n\n" +
		"Fires on `bad` values. The message says what is expected.\n\n" +
		"Bad:\n\n    ---\n    value: bad\n    ---\n\n    ```go\n    x := 1\n    ```\n\n" +
		"Good:\n\n    ---\n    value: good\n    ---\n"
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}
	if err := ExplainText(&buf, nil); err == nil {
		t.Error("ExplainText(nil) succeeded")
	}
}
