package lint

import (
	"bytes"

	"github.com/glasgow-open-data/contentlint/schema"
)

// ParseDocument decodes a whole YAML or JSON document, such as a
// configuration file, into an entry with positioned data: the same decoder
// as front matter, so the same limits and messages apply.
func ParseDocument(path string, src []byte, format string) *Entry {
	e := &Entry{Path: path, Src: src, Lines: NewLineIndex(src), Format: format, subject: "the configuration"}
	e.Open = e.Lines.Span(0, 0)
	e.Close = e.Lines.Span(len(src), len(src))
	e.BodyOffset = len(src)
	// A blank document is decode's "empty" problem, not an empty entry file.
	if p := (&Parser{}); len(bytes.TrimSpace(src)) > 0 && !p.checkEncoding(e) {
		e.Fatal = true
		return e
	}
	decode(e, format, 0, len(src))
	return e
}

// ViolationSpan is where a schema violation points in an entry: a missing
// field at the mapping that should hold it, an unknown field at its key,
// anything else at the value.
func ViolationSpan(e *Entry, v schema.Violation) Span {
	switch v.Kind {
	case schema.KindRequired:
		parent := v.Pointer[:max(0, lastSlash(v.Pointer))]
		if parent == "" {
			return e.Open
		}
		return e.KeySpan(parent)
	case schema.KindUnknownField:
		return e.KeySpan(v.Pointer)
	}
	return e.Locate(v.Pointer).Value
}
