package report

import (
	"bytes"
	"fmt"
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
			want: "::error file=content/a.md,line=2,col=3,endLine=2,endColumn=4,title=schema-type::featured: expected boolean\n",
		},
		{
			name: "percent",
			path: "content/100%.md", rule: "r%1", msg: "100% sure",
			want: "::error file=content/100%25.md,line=2,col=3,endLine=2,endColumn=4,title=r%251::100%25 sure\n",
		},
		{
			name: "newlines",
			path: "a\r\nb.md", rule: "r\nx", msg: "one\r\ntwo\nthree\r",
			want: "::error file=a%0D%0Ab.md,line=2,col=3,endLine=2,endColumn=4,title=r%0Ax::one%0D%0Atwo%0Athree%0D\n",
		},
		{
			name: "colon and comma",
			path: "c:/a,b.md", rule: "a:b,c", msg: "a: b, c::d",
			want: "::error file=c%3A/a%2Cb.md,line=2,col=3,endLine=2,endColumn=4,title=a%3Ab%2Cc::a: b, c::d\n",
		},
		{
			name: "control characters",
			path: "a.md", rule: "r", msg: "title \x1b]0;owned\x07 \u202e",
			want: "::error file=a.md,line=2,col=3,endLine=2,endColumn=4,title=r::title \\x1b]0;owned\\x07 \\u202e\n",
		},
		{
			name: "escape order",
			path: "%3A.md", rule: "r", msg: "%0A",
			want: "::error file=%253A.md,line=2,col=3,endLine=2,endColumn=4,title=r::%250A\n",
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
		// An empty span still marks one column; GitHub's endColumn is inclusive.
		if !strings.Contains(buf.String(), "col=1,endLine=1,endColumn=1,") {
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

// TestGitHubEndColumnInclusive: GitHub's endColumn defaults to the start
// column (actions/toolkit AnnotationProperties), so it is inclusive: a
// finding over columns 11 to 15 (exclusive end 16) ends at 15.
func TestGitHubEndColumnInclusive(t *testing.T) {
	f := finding("a.md", lint.SeverityError, rule("r"), 7, 11, 7, 16, "m", "", `featured: "yes"`)
	var buf bytes.Buffer
	if err := (GitHub{}).Report(&buf, Run{Findings: []lint.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "line=7,col=11,endLine=7,endColumn=15,") {
		t.Errorf("got %q, want col=11 ... endColumn=15", buf.String())
	}
}

// TestGitHubBudget: at most PerKind annotations of each kind, errors first,
// changed files first; the rest in the log and one notice counting them.
func TestGitHubBudget(t *testing.T) {
	var fs []lint.Finding
	for i := 1; i <= 4; i++ {
		fs = append(fs, finding("a.md", lint.SeverityWarning, rule("w"), i, 1, i, 2, fmt.Sprintf("warning a%d", i), "", ""))
		fs = append(fs, finding("b.md", lint.SeverityError, rule("e"), i, 1, i, 2, fmt.Sprintf("error b%d", i), "", ""))
		fs = append(fs, finding("c.md", lint.SeverityError, rule("e"), i, 1, i, 2, fmt.Sprintf("error c%d", i), "", ""))
	}
	fs = lint.SortFindings(fs)
	run := Run{Findings: fs, Invocation: Invocation{
		Changed: func(p string) bool { return p == "c.md" },
		MoreAt:  "the job summary",
	}}
	var buf bytes.Buffer
	if err := (GitHub{PerKind: 3}).Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	var commands []string
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		if strings.HasPrefix(line, "::error ") || strings.HasPrefix(line, "::warning ") || strings.HasPrefix(line, "::notice ") {
			commands = append(commands, line[strings.LastIndex(line, "::")+2:])
		}
	}
	want := []string{
		"error c1", "error c2", "error c3", // changed file first
		"warning a1", "warning a2", "warning a3",
		"6 more findings not shown as annotations: GitHub shows at most 3 errors, 3 warnings and 3 notices per step. Read them all in the job summary.",
	}
	if strings.Join(commands, "\n") != strings.Join(want, "\n") {
		t.Errorf("annotations:\n%s\nwant:\n%s\nwhole output:\n%s", strings.Join(commands, "\n"), strings.Join(want, "\n"), buf.String())
	}
	for _, rest := range []string{"c.md:4:1: error: error c4 [e]", "b.md:1:1: error: error b1 [e]", "a.md:4:1: warning: warning a4 [w]"} {
		if !strings.Contains(buf.String(), "\n"+rest+"\n") {
			t.Errorf("the log lacks %q:\n%s", rest, buf.String())
		}
	}
	if !strings.Contains(buf.String(), "::group::6 more findings not shown as annotations\n") {
		t.Errorf("no collapsed group for the rest:\n%s", buf.String())
	}

	// Within the budget: no notice.
	buf.Reset()
	if err := (GitHub{}).Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "::notice") || strings.Contains(buf.String(), "::group::") {
		t.Errorf("12 findings within the default budget still got a notice:\n%s", buf.String())
	}
}

// TestGitHubRepoRelative: annotation paths are relative to the repository
// root, whatever folder contentlint ran in.
func TestGitHubRepoRelative(t *testing.T) {
	f := finding("a.md", lint.SeverityError, rule("r"), 1, 1, 1, 2, "m", "", "")
	var buf bytes.Buffer
	inv := Invocation{RepoRoot: "/repo", WorkingDirectory: "/repo/content/groups"}
	if err := (GitHub{}).Report(&buf, Run{Findings: []lint.Finding{f}, Invocation: inv}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), "::error file=content/groups/a.md,") {
		t.Errorf("got %q, want the path from the repository root", buf.String())
	}
}

// TestGitHubOverflowEscaped: the findings past the annotation budget print
// as log lines, with a file name's or a message's control characters
// escaped as in the annotations: the runner's log renders escape sequences.
func TestGitHubOverflowEscaped(t *testing.T) {
	fs := []lint.Finding{
		finding("a.md", lint.SeverityError, rule("r"), 1, 1, 1, 2, "first", "", ""),
		finding("b\x1b[2J.md", lint.SeverityError, rule("r"), 2, 3, 2, 4, "title \x1b]0;owned\x07\nnext", "", ""),
	}
	var buf bytes.Buffer
	if err := (GitHub{PerKind: 1}).Report(&buf, Run{Findings: fs}); err != nil {
		t.Fatal(err)
	}
	want := "b\\x1b[2J.md:2:3: error: title \\x1b]0;owned\\x07 next [r]\n"
	if !strings.Contains(buf.String(), "::group::1 more finding not shown as annotations\n"+want+"::endgroup::\n") {
		t.Errorf("overflow lines not escaped:\n%s", buf.String())
	}
}
