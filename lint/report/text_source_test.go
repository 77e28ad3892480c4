package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestTextCaretAtPoint: a finding that marks a point (an empty span, or a
// span that goes on to another line) underlines the whole character it
// starts at, however wide that prints: a wide character, an expanded tab or
// an escaped control character.
func TestTextCaretAtPoint(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		src                        string
		line, col, endLine, endCol int
		want                       string
	}{
		{"empty span on a wide character", "名前: x", 1, 1, 1, 1, "  名前: x\n  ^~\n"},
		{"empty span on a narrow character", "ab: x", 1, 2, 1, 2, "  ab: x\n   ^\n"},
		{"several lines from a tab", "\tx", 1, 1, 2, 1, "      x\n  ^~~~\n"},
		{"several lines from a narrow character", "abc", 1, 2, 5, 1, "  abc\n   ^\n"},
		{"empty span on an escape", "a\x1bb", 1, 2, 1, 2, "  a\\x1bb\n   ^~~~\n"},
		{"reversed on a wide character", "x名", 1, 2, 1, 1, "  x名\n   ^~\n"},
	} {
		f := finding("a.md", lint.SeverityError, rule("r"), tc.line, tc.col, tc.endLine, tc.endCol, "m", "", tc.src)
		var buf bytes.Buffer
		if err := (Text{}).Report(&buf, Run{Findings: []lint.Finding{f}, Invocation: Invocation{ShowSource: true}}); err != nil {
			t.Fatal(err)
		}
		if _, got, _ := strings.Cut(buf.String(), "\n"); got != tc.want {
			t.Errorf("%s: got\n%s\nwant\n%s", tc.name, got, tc.want)
		}
	}
}

// TestTextColor: with colour, the location is bold, the severity bold in
// its colour, the rule dim and the underline green; related places follow,
// each after a dim "see".
func TestTextColor(t *testing.T) {
	fs := []lint.Finding{
		related(finding("a.md", lint.SeverityError, rule("r"), 1, 3, 1, 5, "bad", "", "x: yz"),
			lint.Related{Path: "b.md", Span: lint.Span{Start: lint.Pos{Line: 2, Column: 1}}, Message: "also here"}),
		finding("a.md", lint.SeverityWarning, rule("w"), 2, 1, 2, 2, "meh", "", ""),
		finding("a.md", lint.SeverityNote, rule("n"), 3, 1, 3, 2, "fyi", "", ""),
	}
	var buf bytes.Buffer
	if err := (Text{}).Report(&buf, Run{Findings: fs, Invocation: Invocation{ShowSource: true, Color: true}}); err != nil {
		t.Fatal(err)
	}
	want := "\x1b[1ma.md:1:3\x1b[0m: \x1b[1m\x1b[31merror\x1b[0m: bad \x1b[2m[r]\x1b[0m\n" +
		"  x: yz\n    \x1b[32m^~\x1b[0m\n" +
		"  \x1b[2msee\x1b[0m b.md:2:1: also here\n" +
		"\x1b[1ma.md:2:1\x1b[0m: \x1b[1m\x1b[33mwarning\x1b[0m: meh \x1b[2m[w]\x1b[0m\n" +
		"\x1b[1ma.md:3:1\x1b[0m: \x1b[1m\x1b[34mnote\x1b[0m: fyi \x1b[2m[n]\x1b[0m\n"
	if got := buf.String(); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}

	// A related place's file name is escaped like the finding's own.
	buf.Reset()
	evil := related(finding("a.md", lint.SeverityError, rule("r"), 1, 3, 1, 5, "bad", "", ""),
		lint.Related{Path: "b\x1b[2J.md", Span: lint.Span{Start: lint.Pos{Line: 2, Column: 1}}, Message: "also here"})
	if err := (Text{}).Report(&buf, Run{Findings: []lint.Finding{evil}, Invocation: Invocation{ShowSource: true}}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "a.md:1:3: error: bad [r]\n  see b\\x1b[2J.md:2:1: also here\n"; got != want {
		t.Errorf("related path: got %q, want %q", got, want)
	}

	// Without colour and without the source: the plain line only.
	buf.Reset()
	if err := (Text{}).Report(&buf, Run{Findings: fs[:1]}); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "a.md:1:3: error: bad [r]\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
