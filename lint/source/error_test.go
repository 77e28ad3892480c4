package source

import "testing"

// TestError: the terse form names the place; WithSource adds the line and a
// caret under the column, counting characters, not bytes.
func TestError(t *testing.T) {
	src := []byte("a: 1\ncafé: [\n")
	x := NewLineIndex(src)
	e := ErrorAt("c.yaml", x.Span(12, 13), "unclosed %s", "bracket")
	if got, want := e.Error(), "c.yaml:2:7: unclosed bracket"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if e.Offset != 12 || e.Length != 1 {
		t.Errorf("offset %d length %d, want 12 and 1", e.Offset, e.Length)
	}
	if got, want := e.WithSource(src), "c.yaml:2:7: unclosed bracket\n  café: [\n        ^"; got != want {
		t.Errorf("WithSource() =\n%s\nwant\n%s", got, want)
	}
	unknown := &Error{Path: "c.yaml", Message: "empty"}
	if got := unknown.Error(); got != "c.yaml: empty" {
		t.Errorf("without a position: %q", got)
	}
	if got := unknown.WithSource(src); got != "c.yaml: empty" {
		t.Errorf("WithSource without a position: %q", got)
	}
	if got := ErrorAt("c.yaml", Span{}, "x").Error(); got != "c.yaml: x" {
		t.Errorf("a zero span is an unknown position: %q", got)
	}
}

// TestWithSourceVisible: a line with control characters prints them
// escaped, and the caret still points at the column.
func TestWithSourceVisible(t *testing.T) {
	src := []byte("a: \x1b[2J[\n")
	e := ErrorAt("c.yaml", NewLineIndex(src).Span(7, 8), "unclosed bracket")
	if got, want := e.WithSource(src), "c.yaml:1:8: unclosed bracket\n  a: \\x1b[2J[\n            ^"; got != want {
		t.Errorf("WithSource() =\n%s\nwant\n%s", got, want)
	}
}

// TestVisible: what is escaped, and what is left alone.
func TestVisible(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, é and 日本": "plain text, é and 日本",
		"tab\tstays":           "tab\tstays",
		"\x1b]0;x\x07":         `\x1b]0;x\x07`,
		"\x00\x7f":             `\x00\x7f`,
		"\u0085\u009f":         `\u0085\u009f`,
		"\u202e\u2066\u200f":   `\u202e\u2066\u200f`,
		"a\u2028b":             `a\u2028b`,
		"bad \xff byte":        `bad \xff byte`,
	} {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
}
