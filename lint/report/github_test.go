package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

func TestGitHubGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := (GitHub{}).Report(&buf, goldenRun()); err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "golden.github", buf.Bytes())
}

// TestGitHubEscaping follows the runner's rules (actions/toolkit
// packages/core/src/command.ts): data escapes %, CR and LF; properties
// escape ":" and "," as well.
func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct {
		name, path, rule, msg string
		want                  string
	}{
		{
			name: "plain",
			path: "content/a.md", rule: "schema-type", msg: "featured: expected boolean",
			want: "::error file=content/a.md,line=2,col=3,endLine=2,endColumn=5,title=schema-type::featured: expected boolean\n",
		},
		{
			name: "percent",
			path: "content/100%.md", rule: "r%1", msg: "100% sure",
			want: "::error file=content/100%25.md,line=2,col=3,endLine=2,endColumn=5,title=r%251::100%25 sure\n",
		},
		{
			name: "newlines",
			path: "a\r\nb.md", rule: "r\nx", msg: "one\r\ntwo\nthree\r",
			want: "::error file=a%0D%0Ab.md,line=2,col=3,endLine=2,endColumn=5,title=r%0Ax::one%0D%0Atwo%0Athree%0D\n",
		},
		{
			name: "colon and comma",
			path: "c:/a,b.md", rule: "a:b,c", msg: "a: b, c::d",
			want: "::error file=c%3A/a%2Cb.md,line=2,col=3,endLine=2,endColumn=5,title=a%3Ab%2Cc::a: b, c::d\n",
		},
		{
			name: "control characters",
			path: "a.md", rule: "r", msg: "title \x1b]0;owned\x07 \u202e",
			want: "::error file=a.md,line=2,col=3,endLine=2,endColumn=5,title=r::title \\x1b]0;owned\\x07 \\u202e\n",
		},
		{
			name: "escape order",
			path: "%3A.md", rule: "r", msg: "%0A",
			want: "::error file=%253A.md,line=2,col=3,endLine=2,endColumn=5,title=r::%250A\n",
		},
	} {
		f := finding(tc.path, lint.SeverityError, rule(tc.rule), 2, 3, 2, 5, tc.msg, "", "")
		var buf bytes.Buffer
		if err := (GitHub{}).Report(&buf, Run{Findings: []lint.Finding{f}}); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestGitHubCommands(t *testing.T) {
	for sev, want := range map[lint.Severity]string{
		lint.SeverityError:   "::error ",
		lint.SeverityWarning: "::warning ",
		lint.SeverityNote:    "::notice ",
	} {
		var buf bytes.Buffer
		f := finding("a.md", sev, rule("r"), 1, 1, 1, 1, "m", "", "")
		if err := (GitHub{}).Report(&buf, Run{Findings: []lint.Finding{f}}); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(buf.String(), want) {
			t.Errorf("%s: %q does not start with %q", sev, buf.String(), want)
		}
		// An empty span still marks one column.
		if !strings.Contains(buf.String(), "col=1,endLine=1,endColumn=2,") {
			t.Errorf("%s: empty span not widened: %q", sev, buf.String())
		}
	}
}

// TestGitHubMultiLine: GitHub ignores columns on annotations spanning lines.
func TestGitHubMultiLine(t *testing.T) {
	var buf bytes.Buffer
	f := finding("a.md", lint.SeverityWarning, rule("r"), 2, 5, 4, 1, "m", "", "")
	if err := (GitHub{}).Report(&buf, Run{Findings: []lint.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	if want := "::warning file=a.md,line=2,endLine=4,title=r::m\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestGitHubEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := (GitHub{}).Report(&buf, Run{Files: 2}); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("clean run wrote %q", buf.String())
	}
}
