package source

import (
	"fmt"
	"strings"
)

// Error is a problem at a place in a named text: a configuration file, a
// schema, an entry. Error() is terse, for logs ("path:line:col: message");
// WithSource adds the line and a caret for people.
type Error struct {
	Path    string // the file, as the user named it, or a builtin: name
	Message string
	// Line and Column are 1-based (columns count code points); 0 when unknown.
	Line, Column int
	// Offset is the 0-based byte offset of the problem; Length its length in
	// bytes (0 for a point). Both are 0 when the position is unknown.
	Offset, Length int
}

// ErrorAt returns an error at span; a zero span means the position is unknown.
func ErrorAt(path string, span Span, format string, args ...any) *Error {
	e := &Error{Path: path, Message: fmt.Sprintf(format, args...)}
	if !span.IsZero() {
		e.Line, e.Column = span.Start.Line, span.Start.Column
		e.Offset, e.Length = span.Start.Offset, max(0, span.End.Offset-span.Start.Offset)
	}
	return e
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Message)
}

// WithSource returns Error() followed by the offending line of src and a
// caret under the problem, for people reading a terminal.
func (e *Error) WithSource(src []byte) string {
	if e.Line < 1 {
		return e.Error()
	}
	x := NewLineIndex(src)
	if e.Line > x.Lines() {
		return e.Error()
	}
	line := string(x.LineText(e.Line))
	// The line prints escaped where it holds control characters; the caret
	// counts the escapes.
	pad := strings.Repeat(" ", max(0, len([]rune(Visible(safePrefix(line, e.Column-1))))))
	return fmt.Sprintf("%s\n  %s\n  %s^", Visible(e.Error()), Visible(line), pad)
}

// safePrefix returns the first n code points of s (all of s when shorter).
func safePrefix(s string, n int) string {
	r := []rune(s)
	return string(r[:min(max(n, 0), len(r))])
}
