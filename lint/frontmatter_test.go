package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// TestForSplitting: lone CRs become line ends and indented delimiter
// look-alikes are masked, with every offset unchanged.
func TestForSplitting(t *testing.T) {
	cases := []struct{ in, want string }{
		{"---\na: 1\n---\n", "---\na: 1\n---\n"},
		{"---\ra: 1\r---\r", "---\na: 1\n---\n"},
		{"---\r\na: |\r\n  ---\r\n---\r\n", "---\r\na: |\r\n  #--\r\n---\r\n"},
		{"{\n\"a\": {\n  }\n\n}\n", "{\n\"a\": {\n  #\n\n}\n"},
		{"---\nx: \"---\"\n---\n", "---\nx: \"---\"\n---\n"},
		{"\t+++\n", "\t#++\n"},
	}
	for _, tc := range cases {
		got := string(forSplitting([]byte(tc.in), -1))
		if got != tc.want {
			t.Errorf("forSplitting(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// The opening line itself is left alone, indented or not.
	if got := string(forSplitting([]byte("  ---\na: |\n  ---\n---\n"), 0)); got != "  ---\na: |\n  #--\n---\n" {
		t.Errorf("forSplitting with the opener at 0 = %q", got)
	}
}

// TestSplit: where the front matter is found, in what format, what the
// body is, and what the splitter reports, for each way an entry can start.
func TestSplit(t *testing.T) {
	cases := []struct {
		name, src string
		format    source.Format
		open      string // "line:col" of the opening delimiter, "" for none
		body      string // the body's first line
		rules     string // the problems' rule ids
	}{
		{"YAML", "---\ntitle: x\n---\nBody\n", source.FormatYAML, "1:1", "Body", ""},
		{"blank line before YAML", "\n---\ntitle: x\n---\nBody\n", source.FormatYAML, "2:1", "Body", "[frontmatter-start]"},
		{"blank lines with spaces before YAML", "  \n\t\n---\ntitle: x\n---\nBody\n", source.FormatYAML, "3:1", "Body", "[frontmatter-start]"},
		{"indented YAML opener, closed", "  ---\ntitle: x\n---\nBody\n", source.FormatYAML, "1:3", "Body", "[frontmatter-start]"},
		{"tab-indented opener", "\t---\ntitle: x\n---\nBody\n", source.FormatYAML, "1:2", "Body", "[frontmatter-start]"},
		{"BOM then a blank line", "\ufeff\n---\ntitle: x\n---\nBody\n", source.FormatYAML, "2:1", "Body", "[frontmatter-start]"},
		{"BOM", "\ufeff---\ntitle: x\n---\nBody\n", source.FormatYAML, "1:2", "Body", ""},
		{"blank line before ;;;", "\n;;;\n{\"title\": \"x\"}\n;;;\nBody\n", source.FormatJSON, "2:1", "Body", "[frontmatter-start]"},
		{"Zola: blank line and trailing spaces", "\n+++\ntitle = \"x\"\n+++        \nBody\n        \n", source.FormatTOML, "2:1", "Body", ""},
		{"indented +++", "  +++\ntitle = \"x\"\n+++\nBody\n", source.FormatTOML, "1:3", "Body", ""},
		{"one-line JSON", "{ \"title\": \"x\" }\n\nBody\n", source.FormatJSON, "1:1", "Body", ""},
		{"one-line JSON, body next line", "{\"title\": \"x\"}\nBody\n", source.FormatJSON, "1:1", "Body", ""},
		{"JSON over lines", "{\n  \"title\": \"x\",\n  \"tags\": [\"}\"]\n}\nBody\n", source.FormatJSON, "1:1", "Body", ""},
		{"JSON after a blank line", "\n{\"title\": \"x\"}\nBody\n", source.FormatJSON, "2:1", "Body", ""},
		{"JSON never closed", "{ \"title\": \"x\"\n\nBody\n", source.FormatJSON, "1:1", "", "[frontmatter-unterminated]"},
		{"a template, not JSON", "{{< figure src=\"x\" >}}\n", source.FormatNone, "", "{{< figure src=\"x\" >}}", ""},
		{"indented closer", "---\ntitle: x\n  ---\nBody\n", source.FormatYAML, "1:1", "---", "[frontmatter-unterminated]"},
		{"no front matter", "# Title\n", source.FormatNone, "", "# Title", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := NewParser().Parse("x.md", []byte(tc.src))
			var rules []string
			for _, p := range e.Problems {
				rules = append(rules, p.Rule.ID)
			}
			open := ""
			if !e.Open.IsZero() {
				open = fmt.Sprintf("%d:%d", e.Open.Start.Line, e.Open.Start.Column)
			}
			body, _, _ := strings.Cut(strings.TrimLeft(string(e.BodySource()), "\n"), "\n")
			if e.Format != tc.format || open != tc.open || body != tc.body || (tc.rules != "" && fmt.Sprint(rules) != tc.rules) || (tc.rules == "" && len(rules) > 0) {
				t.Errorf("format %q, open %s, body %q, problems %v\nwant %q, %s, %q, %s", e.Format, open, body, e.Problems, tc.format, tc.open, tc.body, tc.rules)
			}
			if tc.format != source.FormatNone && tc.rules == "" && e.Data["title"] != "x" {
				t.Errorf("data %#v", e.Data)
			}
			if strings.Contains(tc.rules, "unterminated") && tc.name == "indented closer" && !strings.Contains(e.Problems[0].Message, "the indented \"---\" on line 3 does not close it") {
				t.Errorf("message %q", e.Problems[0].Message)
			}
		})
	}
}

// TestFrontMatterStartMessage: frontmatter-start says what stands before
// the opener, counted, and what to do.
func TestFrontMatterStartMessage(t *testing.T) {
	const rest = ` before the opening "---": Jekyll, GitHub and tools built on gray-matter (Eleventy, Docusaurus, Gatsby) then show the front matter as text (Hugo reads it); start the file with "---"`
	for _, tc := range []struct{ src, want string }{
		{"\n---\ntitle: x\n---\n", "1 blank line" + rest},
		{"\n\n---\ntitle: x\n---\n", "2 blank lines" + rest},
		{" ---\ntitle: x\n---\n", "1 space" + rest},
		{"\t---\ntitle: x\n---\n", "indentation" + rest},
		{"\n  ---\ntitle: x\n---\n", "1 blank line and 2 spaces" + rest},
	} {
		e := NewParser().Parse("x.md", []byte(tc.src))
		if len(e.Problems) != 1 || e.Problems[0].Rule != ruleFrontMatterStart || e.Problems[0].Message != tc.want {
			t.Errorf("%q: problems %v, want %q", tc.src, e.Problems, tc.want)
		}
	}
}

// TestIndentedDelimiterInBlockScalar: "  ---" inside a block scalar does not
// close the front matter.
func TestIndentedDelimiterInBlockScalar(t *testing.T) {
	e := NewParser().Parse("x.md", []byte("---\ndescription: |\n  one\n  ---\n  two\ntitle: \"T\"\n---\nBody\n"))
	if len(e.Problems) != 0 {
		t.Fatalf("problems: %+v", e.Problems)
	}
	if e.Data["description"] != "one\n---\ntwo\n" || e.Data["title"] != "T" {
		t.Fatalf("data: %#v", e.Data)
	}
	if e.Close.Start.Line != 7 {
		t.Fatalf("closing delimiter on line %d, want 7", e.Close.Start.Line)
	}
}

// TestJSONDuplicateValueProblems: a problem inside a duplicate key's value
// names the key's own path, and the first occurrence keeps its position.
func TestJSONDuplicateValueProblems(t *testing.T) {
	e := NewParser().Parse("x.md", []byte(";;;\n{\"a\": 1,\n \"a\": 1e400}\n;;;\n"))
	var fields []string
	for _, p := range e.Problems {
		fields = append(fields, p.Rule.ID+" "+p.Field)
	}
	if len(fields) != 2 || fields[0] != "frontmatter-duplicate-key a" || fields[1] != "frontmatter-number a" {
		t.Fatalf("problems %q", fields)
	}
	if line := e.Locate("/a").Value.Start.Line; line != 2 {
		t.Fatalf("/a located on line %d, want the first occurrence's line 2", line)
	}
}
