package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

func TestMarkdownGolden(t *testing.T) {
	run := goldenSARIFRun()
	run.Invocation.LinkBase = "https://github.com/o/r/blob/0123456789abcdef/"
	run.Invocation.DocsRef = "v1.2.3"
	run.Baselined, run.StaleBaseline, run.Unchanged, run.ChangedSince = 4, 1, 7, "origin/main"
	var buf bytes.Buffer
	if err := (Markdown{MaxRows: 3}).Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "golden.md", buf.Bytes())
}

func TestMarkdownClean(t *testing.T) {
	var buf bytes.Buffer
	if err := (Markdown{}).Report(&buf, Run{Files: 3}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "### ✅ contentlint: no problems in 3 files\n\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMarkdownLimit: the summary stays under MaxBytes and says how many
// findings it left out.
func TestMarkdownLimit(t *testing.T) {
	var fs []lint.Finding
	for i := 1; i <= 2000; i++ {
		fs = append(fs, finding("content/a.md", lint.SeverityError, rule("e"), i, 1, i, 2, strings.Repeat("x", 100), "", ""))
	}
	var buf bytes.Buffer
	if err := (Markdown{MaxBytes: 50000}).Report(&buf, Run{Findings: fs, Files: 1}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() > 50000 {
		t.Errorf("summary is %d bytes, over the 50000 asked", buf.Len())
	}
	rows := strings.Count(buf.String(), "\n| `content/a.md:")
	if want := fmt.Sprintf("%d more findings not listed", 2000-rows); !strings.Contains(buf.String(), want) {
		t.Errorf("%d rows written; the summary does not say %q", rows, want)
	}
	if !strings.Contains(buf.String(), "<details><summary>1950 more findings</summary>") || !strings.HasSuffix(buf.String(), "SARIF report.\n") {
		t.Errorf("rows beyond 50 are not collapsed, or the end is missing:\n%s", buf.String()[buf.Len()-500:])
	}
}

// TestMarkdownEscaping: a message cannot break the table or inject markup.
func TestMarkdownEscaping(t *testing.T) {
	f := finding("a|b.md", lint.SeverityError, rule("r"), 1, 1, 1, 2, "a | b\n<script>*x*</script> `c`", "", "")
	var buf bytes.Buffer
	if err := (Markdown{}).Report(&buf, Run{Findings: []lint.Finding{f}, Files: 1}); err != nil {
		t.Fatal(err)
	}
	want := "| `a\\|b.md:1` | error | [`r`](https://github.com/glasgow-open-data/contentlint/blob/main/docs/rules.md#r) | a \\| b \\<script\\>\\*x\\*\\</script\\> \\`c\\` |\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("got:\n%s\nwant the row:\n%s", buf.String(), want)
	}
}
