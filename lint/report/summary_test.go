package report

import (
	"bytes"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestCount: findings by severity, suppressed ones apart, and the files
// with at least one unsuppressed finding, counted by hand.
func TestCount(t *testing.T) {
	suppressed := finding("a.md", lint.SeverityError, rule("e"), 1, 1, 1, 2, "quiet", "", "")
	suppressed.Suppressed = true
	for _, tc := range []struct {
		name     string
		findings []lint.Finding
		want     Counts
	}{
		{"none", nil, Counts{}},
		{"suppressed only", []lint.Finding{suppressed}, Counts{Suppressed: 1}},
		{"one of each", []lint.Finding{
			suppressed,
			finding("b.md", lint.SeverityWarning, rule("w"), 1, 1, 1, 2, "w", "", ""),
			finding("b.md", lint.SeverityNote, rule("n"), 2, 1, 2, 2, "n", "", ""),
			finding("c.md", lint.SeverityError, rule("e"), 1, 1, 1, 2, "e", "", ""),
		}, Counts{Errors: 1, Warnings: 1, Notes: 1, FilesWithFindings: 2, Suppressed: 1}},
		// The first file counts even when its name is the empty string the
		// count starts from.
		{"no path", []lint.Finding{
			finding("", lint.SeverityNote, rule("n"), 1, 1, 1, 2, "n", "", ""),
			finding("", lint.SeverityError, rule("e"), 2, 1, 2, 2, "e", "", ""),
			finding("a.md", lint.SeverityNote, rule("n"), 1, 1, 1, 2, "n", "", ""),
		}, Counts{Errors: 1, Notes: 2, FilesWithFindings: 2}},
	} {
		if got := Count(tc.findings); got != tc.want {
			t.Errorf("%s: Count = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestSummaryLine: the line people read on stderr, word for word.
func TestSummaryLine(t *testing.T) {
	const commit = "0123456789abcdef0123456789abcdef01234567"
	e := finding("a.md", lint.SeverityError, rule("e"), 1, 1, 1, 2, "e", "", "")
	w := finding("b.md", lint.SeverityWarning, rule("w"), 1, 1, 1, 2, "w", "", "")
	n := finding("b.md", lint.SeverityNote, rule("n"), 2, 1, 2, 2, "n", "", "")
	quiet := e
	quiet.Suppressed = true
	for _, tc := range []struct {
		run  Run
		want string
	}{
		{Run{}, "no problems in 0 files"},
		{Run{Files: 1}, "no problems in 1 file"},
		{Run{Findings: []lint.Finding{e}, Files: 3}, "1 error in 1 of 3 files"},
		{Run{Findings: []lint.Finding{e, e, w, n}, Files: 12}, "2 errors, 1 warning, 1 note in 2 of 12 files"},
		{Run{Findings: []lint.Finding{w, w, n, n}, Files: 1}, "2 warnings, 2 notes in 1 of 1 file"},
		{Run{Findings: []lint.Finding{quiet}, Files: 2}, "no problems in 2 files (1 suppressed)"},
		{Run{Files: 1, Baselined: 4}, "no problems in 1 file (4 baselined)"},
		{Run{Files: 2, Unchanged: 1, ChangedSince: commit}, "no problems in 2 files (1 file unchanged since 0123456789ab not reported)"},
		{Run{Findings: []lint.Finding{quiet, quiet, e}, Files: 1, Baselined: 3, Unchanged: 7, ChangedSince: "origin/main"},
			"1 error in 1 of 1 file (2 suppressed, 3 baselined, 7 files unchanged since origin/main not reported)"},
	} {
		if got := SummaryLine(tc.run); got != tc.want {
			t.Errorf("SummaryLine = %q, want %q", got, tc.want)
		}
	}

	var buf bytes.Buffer
	if err := Summary(&buf, []lint.Finding{e, w}, 4); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "1 error, 1 warning in 2 of 4 files\n"; got != want {
		t.Errorf("Summary wrote %q, want %q", got, want)
	}
}

// TestShortRef: only a full commit hash (40 lowercase hex digits, as git
// prints it) is shortened; branch names, short hashes and other 40-character
// refs are left alone.
func TestShortRef(t *testing.T) {
	for _, tc := range []struct{ ref, want string }{
		{"0123456789abcdef0123456789abcdef01234567", "0123456789ab"},
		{"origin/main", "origin/main"},
		{"abc1234", "abc1234"},
		{"refs/heads/a-branch-name-of-forty-chars!", "refs/heads/a-branch-name-of-forty-chars!"},
		{"0123456789abcdef0123456789abcdef0123456g", "0123456789abcdef0123456789abcdef0123456g"},
		{"", ""},
	} {
		if got := ShortRef(tc.ref); got != tc.want {
			t.Errorf("ShortRef(%q) = %q, want %q", tc.ref, got, tc.want)
		}
	}
}

// TestMarkdownSeverityTable: the counts table lists only the severities
// that occur, and the heading's mark is the worst of them.
func TestMarkdownSeverityTable(t *testing.T) {
	const docs = "https://github.com/glasgow-open-data/contentlint/blob/main/docs/rules.md"
	e1 := finding("a.md", lint.SeverityError, rule("e"), 1, 1, 1, 2, "first", "", "")
	e2 := finding("a.md", lint.SeverityError, rule("e"), 2, 1, 2, 2, "second", "", "")
	w := finding("a.md", lint.SeverityWarning, rule("w"), 3, 1, 3, 2, "third", "", "")
	n := finding("a.md", lint.SeverityNote, rule("n"), 4, 1, 4, 2, "fourth", "", "")
	for _, tc := range []struct {
		name     string
		findings []lint.Finding
		want     string
	}{
		{"errors only", []lint.Finding{e1, e2}, "### ❌ contentlint: 2 errors in 1 of 1 file\n\n" +
			"| severity | findings |\n| --- | ---: |\n| error | 2 |\n\n" +
			"| rule | severity | findings |\n| --- | --- | ---: |\n| [`e`](" + docs + "#e) | error | 2 |\n\n" +
			"| file | severity | rule | message |\n| --- | --- | --- | --- |\n" +
			"| `a.md:1` | error | [`e`](" + docs + "#e) | first |\n" +
			"| `a.md:2` | error | [`e`](" + docs + "#e) | second |\n"},
		{"warnings and notes", []lint.Finding{w, n}, "### ⚠️ contentlint: 1 warning, 1 note in 1 of 1 file\n\n" +
			"| severity | findings |\n| --- | ---: |\n| warning | 1 |\n| note | 1 |\n\n" +
			"| rule | severity | findings |\n| --- | --- | ---: |\n| [`w`](" + docs + "#w) | warning | 1 |\n| [`n`](" + docs + "#n) | note | 1 |\n\n" +
			"| file | severity | rule | message |\n| --- | --- | --- | --- |\n" +
			"| `a.md:3` | warning | [`w`](" + docs + "#w) | third |\n" +
			"| `a.md:4` | note | [`n`](" + docs + "#n) | fourth |\n"},
		{"notes only", []lint.Finding{n}, "### ✅ contentlint: 1 note in 1 of 1 file\n\n" +
			"| severity | findings |\n| --- | ---: |\n| note | 1 |\n\n" +
			"| rule | severity | findings |\n| --- | --- | ---: |\n| [`n`](" + docs + "#n) | note | 1 |\n\n" +
			"| file | severity | rule | message |\n| --- | --- | --- | --- |\n" +
			"| `a.md:4` | note | [`n`](" + docs + "#n) | fourth |\n"},
	} {
		var buf bytes.Buffer
		if err := (Markdown{}).Report(&buf, Run{Findings: tc.findings, Files: 1}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestMarkdownCategory: a category other than the default names the
// summary, escaped like any other text.
func TestMarkdownCategory(t *testing.T) {
	for _, tc := range []struct{ category, want string }{
		{"", "### ✅ contentlint: no problems in 1 file\n\n"},
		{"contentlint", "### ✅ contentlint: no problems in 1 file\n\n"},
		{"events|*x*", "### ✅ contentlint (events\\|\\*x\\*): no problems in 1 file\n\n"},
	} {
		var buf bytes.Buffer
		if err := (Markdown{}).Report(&buf, Run{Files: 1, Invocation: Invocation{Category: tc.category}}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("category %q: got %q, want %q", tc.category, got, tc.want)
		}
	}
}
