package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestGitHubNoticeBudget: when findings are left over, the notice that
// counts them is one of the step's notices, so one note fewer is annotated
// and the notices stay within the limit; exactly PerKind of a kind all fit.
func TestGitHubNoticeBudget(t *testing.T) {
	notes := func(n int) []lint.Finding {
		var fs []lint.Finding
		for i := 1; i <= n; i++ {
			fs = append(fs, finding("a.md", lint.SeverityNote, rule("n"), i, 1, i, 2, fmt.Sprintf("note %d", i), "", ""))
		}
		return fs
	}
	for _, tc := range []struct {
		name  string
		notes int
		want  string
	}{
		{"at the limit", 2,
			"::notice file=a.md,line=1,col=1,endLine=1,endColumn=1,title=n::note 1\n" +
				"::notice file=a.md,line=2,col=1,endLine=2,endColumn=1,title=n::note 2\n"},
		{"over the limit", 3,
			"::notice file=a.md,line=1,col=1,endLine=1,endColumn=1,title=n::note 1\n" +
				"::group::2 more findings not shown as annotations\n" +
				"a.md:2:1: note: note 2 [n]\n" +
				"a.md:3:1: note: note 3 [n]\n" +
				"::endgroup::\n" +
				"::notice title=contentlint::2 more findings not shown as annotations: GitHub shows at most 2 errors, 2 warnings and 2 notices per step. Read them all in the log of this step.\n"},
	} {
		var buf bytes.Buffer
		if err := (GitHub{PerKind: 2}).Report(&buf, Run{Findings: notes(tc.notes)}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestMarkdownByteLimit: a row that fits exactly within MaxBytes (with the
// room kept for the closing lines) is written; one byte less and it is
// left out and counted.
func TestMarkdownByteLimit(t *testing.T) {
	const (
		docs = "https://github.com/glasgow-open-data/contentlint/blob/main/docs/rules.md"
		head = "### ❌ contentlint: 1 error in 1 of 1 file\n\n" +
			"| severity | findings |\n| --- | ---: |\n| error | 1 |\n\n" +
			"| rule | severity | findings |\n| --- | --- | ---: |\n| [`e`](" + docs + "#e) | error | 1 |\n\n" +
			"| file | severity | rule | message |\n| --- | --- | --- | --- |\n"
		row = "| `a.md:1` | error | [`e`](" + docs + "#e) | m |\n"
		// The room Markdown keeps for its closing lines.
		closing = 256
	)
	f := finding("a.md", lint.SeverityError, rule("e"), 1, 1, 1, 2, "m", "", "")
	for _, tc := range []struct {
		name     string
		maxBytes int
		want     string
	}{
		{"fits exactly", len(head) + len(row) + closing, head + row},
		{"one byte short", len(head) + len(row) + closing - 1,
			head + "\n1 more finding not listed: GitHub limits a job summary to 1 MiB. Every finding is in the log and the SARIF report.\n"},
	} {
		var buf bytes.Buffer
		if err := (Markdown{MaxBytes: tc.maxBytes}).Report(&buf, Run{Findings: []lint.Finding{f}, Files: 1}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestMarkdownDefaultLimit: by default the summary stops at 983040 bytes
// (1 MiB less 64 KiB, under GitHub's 1 MiB per step), and gets close to it.
func TestMarkdownDefaultLimit(t *testing.T) {
	var fs []lint.Finding
	for i := 1; i <= 1200; i++ {
		fs = append(fs, finding("content/a.md", lint.SeverityError, rule("e"), i, 1, i, 2, strings.Repeat("x", 1000), "", ""))
	}
	var buf bytes.Buffer
	if err := (Markdown{}).Report(&buf, Run{Findings: fs, Files: 1}); err != nil {
		t.Fatal(err)
	}
	if n := buf.Len(); n > 983040 || n < 980000 {
		t.Errorf("summary of 1200 long findings is %d bytes, want at most 983040 and more than 980000", n)
	}
	if !strings.Contains(buf.String(), " more findings not listed: GitHub limits a job summary to 1 MiB.") {
		t.Errorf("the summary does not say that it left findings out")
	}
}

// TestSARIFTags: a rule's tags, then its family, without duplicates or
// empty ones, and no more than the 10 GitHub shows.
func TestSARIFTags(t *testing.T) {
	for _, tc := range []struct {
		name   string
		tags   []string
		family string
		want   []string
	}{
		{"none", nil, "", nil},
		{"family only", nil, "email", []string{"email"}},
		{"duplicates and empty", []string{"a", "", "a", "email"}, "email", []string{"a", "email"}},
		{"twelve", []string{"t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12"}, "fam",
			[]string{"t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10"}},
	} {
		d := ruleDescriptor(&lint.Rule{ID: "x", Family: tc.family, Tags: tc.tags}, "")
		var got []string
		if d.Properties != nil {
			got = d.Properties.Tags
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: tags %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestTruncate: text of at most n characters is kept whole; longer text
// is cut to n characters, the last one "…".
func TestTruncate(t *testing.T) {
	for _, tc := range []struct {
		s    string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"ééé", 3, "ééé"},
		{"éééé", 3, "éé…"},
		{"", 3, ""},
	} {
		if got := truncate(tc.s, tc.n); got != tc.want {
			t.Errorf("truncate(%q, %d) = %q, want %q", tc.s, tc.n, got, tc.want)
		}
	}
}
