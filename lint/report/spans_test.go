package report

import (
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestJSONSpans: JSON keeps a real range as it is, even one over several
// lines that ends in an earlier column than it starts, and reports a
// reversed or unset end as the start.
func TestJSONSpans(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		line, col, endLine, endCol int
		want                       [4]int // line, column, endLine, endColumn
	}{
		{"one line", 4, 7, 4, 12, [4]int{4, 7, 4, 12}},
		{"several lines, earlier end column", 2, 5, 4, 1, [4]int{2, 5, 4, 1}},
		{"empty", 4, 7, 4, 7, [4]int{4, 7, 4, 7}},
		{"reversed on one line", 4, 7, 4, 2, [4]int{4, 7, 4, 7}},
		{"ends on an earlier line", 4, 7, 3, 9, [4]int{4, 7, 4, 7}},
		{"unset end", 4, 7, 0, 0, [4]int{4, 7, 4, 7}},
	} {
		f := finding("a.md", lint.SeverityError, rule("r"), tc.line, tc.col, tc.endLine, tc.endCol, "m", "", "")
		got, _ := decodeJSONShape(t, Run{Findings: []lint.Finding{f}, Files: 1})
		e := got.Findings[0]
		if g := [4]int{*e.Line, *e.Column, *e.EndLine, *e.EndColumn}; g != tc.want {
			t.Errorf("%s: %d:%d-%d:%d is reported as %v, want %v", tc.name, tc.line, tc.col, tc.endLine, tc.endCol, g, tc.want)
		}
	}
}

// TestSplitSpan: the HTML report marks a finding's span in its source line,
// counting columns in code points; a span that goes on to another line is
// marked to the end of this one, an empty span marks the character it
// points at, and a point past the end of the line marks nothing.
func TestSplitSpan(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		src                        string
		line, col, endLine, endCol int
		before, mark, after        string
	}{
		{"inside", "contact", 1, 3, 1, 6, "co", "nta", "ct"},
		{"code points", "日本語です", 1, 2, 1, 4, "日", "本語", "です"},
		{"empty span", "social:", 1, 7, 1, 7, "social", ":", ""},
		{"just past the end", "social:", 1, 8, 1, 8, "social:", "", ""},
		{"far past the end", "social:", 1, 20, 1, 25, "social:", "", ""},
		{"end past the end", "social:", 1, 3, 1, 40, "so", "cial:", ""},
		{"column 0", "abc", 1, 0, 1, 0, "", "a", "bc"},
		{"several lines", "```go", 1, 2, 3, 1, "`", "``go", ""},
		{"reversed", "abcdef", 1, 4, 1, 2, "abc", "d", "ef"},
	} {
		f := finding("a.md", lint.SeverityError, rule("r"), tc.line, tc.col, tc.endLine, tc.endCol, "m", "", tc.src)
		before, mark, after := splitSpan(f)
		if before != tc.before || mark != tc.mark || after != tc.after {
			t.Errorf("%s: splitSpan = %q, %q, %q; want %q, %q, %q", tc.name, before, mark, after, tc.before, tc.mark, tc.after)
		}
	}
}
