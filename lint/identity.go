package lint

import (
	"strings"
	"unicode/utf8"
)

// Identity is what makes a finding the same finding after unrelated edits:
// its rule, its file, where it is in the entry's structure (the front matter
// field, or for the body the section heading it sits under) and the
// offending text. Line and column are left out on purpose, so that a
// finding keeps its identity when lines above it move. Baselines match on
// it and SARIF fingerprints hash it.
type Identity struct {
	Rule  string
	Path  string
	Field string // the front matter field path, or ""
	// Section is the text of the nearest heading above the finding in the
	// body, or "" for the front matter and text before the first heading.
	Section string
	// Value is the text the finding's span covers on its first line,
	// trimmed: the offending value.
	Value string
}

// Identity returns f's identity. path names the file (callers choose the
// form: as shown, relative to a baseline's folder, ...).
func (f *Finding) Identity(path string) Identity {
	id := Identity{Rule: f.Rule.ID, Path: path, Field: f.Field, Value: f.Value()}
	if f.Field == "" {
		id.Section = f.Section
	}
	return id
}

// Value returns the text f's span covers on its first line, trimmed of
// surrounding white space ("" for an empty span). Columns count code points
// and the end is exclusive, as in Span.
func (f *Finding) Value() string {
	line := f.SourceLine
	start, end := f.Span.Start.Column, f.Span.End.Column
	if start < 1 {
		return ""
	}
	if f.Span.End.Line != f.Span.Start.Line || end < start {
		end = -1 // to the end of the first line
	}
	from, to := runeOffset(line, start-1), len(line)
	if end >= 0 {
		to = runeOffset(line, end-1)
	}
	if from >= to {
		return ""
	}
	return strings.TrimSpace(line[from:to])
}

// runeOffset returns the byte offset of code point n (0-based) in s,
// clamped to len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// sectionAt returns the text of the last heading (a direct child of the
// body: not one quoted or in a list) at or before offset in e's body, or "" for the front matter, text before the first
// heading, and entries without a body.
func sectionAt(e *Entry, offset int) string {
	if e.body == nil || offset < e.BodyOffset {
		return ""
	}
	section := ""
	for _, h := range topHeadings(e) {
		if h.Span.Start.Offset > offset {
			break
		}
		section = h.Text
	}
	if !utf8.ValidString(section) {
		return strings.ToValidUTF8(section, "\uFFFD")
	}
	return section
}
