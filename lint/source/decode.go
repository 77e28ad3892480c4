package source

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
)

// Format is a structured-data format front matter and configuration use.
type Format string

// Formats.
const (
	FormatNone Format = ""
	FormatYAML Format = "yaml"
	FormatTOML Format = "toml"
	FormatJSON Format = "json"
)

// Location is where a decoded value sits.
type Location struct {
	Key   Span // the key, for mapping members; zero for list items and the root
	Value Span // the value
}

// ProblemKind says what went wrong while decoding; callers map kinds to
// their own rules or errors.
type ProblemKind int

// Kinds of decoding problem.
const (
	ProblemSyntax       ProblemKind = iota + 1 // the text is not valid YAML, TOML or JSON
	ProblemDuplicateKey                        // a key appears twice in one mapping
	ProblemKeyType                             // a key is not a string
	ProblemNumber                              // a number JSON cannot hold (.nan, .inf, 1e400), or a tagged non-number
	ProblemLimit                               // too many values or too deeply nested
)

// Problem is one thing wrong with decoded text.
type Problem struct {
	Kind    ProblemKind
	Span    Span
	Pointer string // the value the problem is about, when it is about one
	Message string
}

// Document is data decoded from a span of text with the position of every
// key and value.
type Document struct {
	// Value is JSON-typed: map[string]any, []any, string, json.Number, bool,
	// nil. A YAML or TOML number JSON cannot hold (.inf, nan, 1e400) is nil,
	// with a ProblemNumber at it; JSON keeps such a number as written.
	Value any
	// Locations maps pointers to positions. Values reached through a YAML
	// alias are located at the alias.
	Locations map[string]Location
	Problems  []Problem
	// Failed is set when decoding stopped (a syntax error or a limit); Value
	// is then nil.
	Failed bool
}

// Bounds on what a document may expand to. Real front matter has tens of
// values; these stop alias ("billion laughs") and merge-key bombs quickly.
const (
	MaxValues = 10_000
	MaxDepth  = 200
)

var errTooLarge = errors.New("too large")

// Decode reads src[start:end] of the text x indexes in format. Subject names
// the text in messages ("front matter", "the configuration").
func Decode(x *LineIndex, format Format, start, end int, subject string) *Document {
	d := &Document{Locations: map[string]Location{}}
	switch format {
	case FormatYAML:
		decodeYAML(d, x, start, end, subject)
	case FormatTOML:
		decodeTOML(d, x, start, end, subject)
	case FormatJSON:
		decodeJSON(d, x, start, end, subject)
	}
	if d.Failed {
		// A decoder that stops half way leaves keys without values behind.
		d.Value = nil
		clear(d.Locations)
	}
	return d
}

func (d *Document) problem(kind ProblemKind, span Span, ptr, message string) {
	d.Problems = append(d.Problems, Problem{Kind: kind, Span: span, Pointer: ptr, Message: message})
}

// fail records a problem that stops decoding.
func (d *Document) fail(kind ProblemKind, span Span, message string) {
	d.problem(kind, span, "", message)
	d.Failed = true
}

// Locate returns the location of the value at ptr, falling back to the
// nearest enclosing value whose position is known, and to root for the root.
func (d *Document) Locate(ptr string, root Span) Location {
	return Nearest(d.Locations, ptr, root)
}

// Nearest returns the location of ptr in locs, falling back to the nearest
// enclosing value whose position is known, and to root for the root.
func Nearest(locs map[string]Location, ptr string, root Span) Location {
	for {
		if loc, ok := locs[ptr]; ok {
			return loc
		}
		if ptr == "" {
			return Location{Value: root}
		}
		ptr, _ = Parent(ptr)
	}
}

// finiteNumber reports whether a JSON number literal fits a 64-bit float;
// numbers too small to represent round to zero and are fine.
func finiteNumber(num json.Number) bool {
	f, err := strconv.ParseFloat(string(num), 64)
	return !math.IsInf(f, 0) && !math.IsNaN(f) && (err == nil || errors.Is(err, strconv.ErrRange))
}
