package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestTextSafeSource: a source line from an untrusted entry prints its
// control characters, escape sequences and bidirectional controls escaped,
// so it cannot set the window title, clear the screen or forge output, and
// the caret still lines up under the finding.
func TestTextSafeSource(t *testing.T) {
	cases := []struct {
		name, src   string
		col, endCol int
		want        string // the source line and the caret line
	}{
		{"plain", `title: "x"`, 8, 11, "  title: \"x\"\n         ^~~\n"},
		{"window title", "title: \"\x1b]0;owned\x07\" bad", 8, 20, "  title: \"\\x1b]0;owned\\x07\" bad\n         ^~~~~~~~~~~~~~~~~~\n"},
		{"clear screen before", "\x1b[2Jwebsite: x", 14, 15, "  \\x1b[2Jwebsite: x\n" + strings.Repeat(" ", 2+16) + "^\n"},
		{"bidi override", "a\u202eb: c", 3, 4, "  a\\u202eb: c\n         ^\n"},
		{"carriage return", "ok\rforged", 3, 4, "  ok\\x0dforged\n    ^~~~\n"},
		{"C1 control", "a\u009bb", 3, 4, "  a\\u009bb\n         ^\n"},
		{"invalid byte", "caf\xe9 x", 4, 5, "  caf\\xe9 x\n     ^~~~\n"},
		{"tab and wide", "\t日本: x", 3, 4, "      日本: x\n        ^~\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := finding("a.md", lint.SeverityError, rule("r"), 1, tc.col, 1, tc.endCol, "msg", "", tc.src)
			var buf bytes.Buffer
			if err := (Text{}).Report(&buf, Run{Findings: []lint.Finding{f}, Invocation: Invocation{ShowSource: true}}); err != nil {
				t.Fatal(err)
			}
			_, got, _ := strings.Cut(buf.String(), "\n")
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if strings.ContainsAny(buf.String(), "\x1b\x07\r\u202e\u009b") {
				t.Errorf("raw control characters in %q", buf.String())
			}
		})
	}
}

// TestTextSafeMessage: a message keeps to its line and escapes control characters.
func TestTextSafeMessage(t *testing.T) {
	f := finding("a.md", lint.SeverityError, rule("r"), 1, 1, 1, 1, "bad \x1b[31mred\x1b[0m\nline", "", "")
	var buf bytes.Buffer
	if err := (Text{}).Report(&buf, Run{Findings: []lint.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	if want := "a.md:1:1: error: bad \\x1b[31mred\\x1b[0m line [r]\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

// TestTextSafePath: a file name with control characters prints escaped.
func TestTextSafePath(t *testing.T) {
	f := finding("a\x1b[2J.md", lint.SeverityError, rule("r"), 1, 1, 1, 1, "msg", "", "")
	var buf bytes.Buffer
	if err := (Text{}).Report(&buf, Run{Findings: []lint.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	if want := "a\\x1b[2J.md:1:1: error: msg [r]\n"; buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}
