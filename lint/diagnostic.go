package lint

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Positions come from the source toolkit; these names save rules an import.
type (
	// Span is a range in a file; see source.Span.
	Span = source.Span
	// Pos is a position in a file; see source.Pos.
	Pos = source.Pos
	// Location is where a front matter key and value sit; see source.Location.
	Location = source.Location
)

// Severity is how much a finding matters. The zero value is SeverityOff.
type Severity int

// Severities, from least to most severe.
const (
	SeverityOff Severity = iota
	SeverityNote
	SeverityWarning
	SeverityError
)

// String returns the lowercase name used in text output and configuration.
func (s Severity) String() string {
	switch s {
	case SeverityNote:
		return "note"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "off", "note", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "off":
		return SeverityOff, nil
	case "note", "info":
		return SeverityNote, nil
	case "warning", "warn":
		return SeverityWarning, nil
	case "error":
		return SeverityError, nil
	}
	return SeverityOff, fmt.Errorf("unknown severity %q; use off, note, warning or error", s)
}

// Diagnostic is one problem found in one file. It has no severity: the
// linter assigns one from the rule's default and the configuration.
type Diagnostic struct {
	Rule    *Rule
	Span    Span
	Message string
	Field   string // front matter field path such as "social.twitter", when the problem is in a field
	// Related are other places the finding refers to, such as the other
	// copies of a duplicate value, in other files or the same one.
	Related []Related
}

// Related is another place a finding refers to (SARIF's relatedLocations).
type Related struct {
	Path       string
	Span       Span
	Message    string // what is there, e.g. `title "Glasgow Open Data Group"`
	SourceLine string // the text of the line the span starts on
}

// Finding is a diagnostic placed in a file with its effective severity.
type Finding struct {
	Path     string // as the user gave it
	Severity Severity
	// Collection is the name of the collection the file belongs to; "" for
	// a file read from standard input outside every collection.
	Collection string
	Diagnostic
	// SourceLine is the text of the line the finding starts on, kept so that
	// reporters can show it and fingerprint it without the file in memory.
	SourceLine string
	// Section is the text of the nearest heading above the finding in the
	// body ("" in the front matter): part of its Identity.
	Section string
	// Suppressed is set when an inline comment silences the finding; it is
	// then kept for SARIF's suppressions and the summary, not reported.
	Suppressed    bool
	Justification string // the text after "--" in the suppression comment
}

// Compare orders findings by path, line, column, rule and message.
func Compare(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Span.Start.Line, b.Span.Start.Line),
		cmp.Compare(a.Span.Start.Column, b.Span.Start.Column),
		cmp.Compare(a.Rule.ID, b.Rule.ID),
		cmp.Compare(a.Message, b.Message),
		cmp.Compare(a.Span.End.Offset, b.Span.End.Offset),
		cmp.Compare(a.Field, b.Field),
		cmp.Compare(a.Severity, b.Severity),
	)
}

// SortFindings sorts findings into report order and drops duplicates: the
// same message at the same place is one problem, even when two rules found
// it (a field validator and the schema format that shares it).
func SortFindings(fs []Finding) []Finding {
	slices.SortFunc(fs, Compare)
	return slices.CompactFunc(fs, func(a, b Finding) bool {
		return a.Path == b.Path && a.Span == b.Span && a.Message == b.Message
	})
}
