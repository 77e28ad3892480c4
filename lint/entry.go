package lint

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Entry is one file, parsed once and shared by every rule.
type Entry struct {
	Path  string
	Src   []byte // the whole file, as read
	Lines *source.LineIndex

	// Format is the front matter format, source.FormatNone when the file has none.
	Format source.Format
	// Open and Close are the front matter's delimiter lines; Close is zero when unterminated.
	Open, Close Span
	// Data is the front matter as JSON-typed values (map[string]any, []any,
	// string, json.Number, bool, nil); nil when absent or unusable.
	Data map[string]any
	// Locations maps JSON pointers ("/social/twitter") to positions.
	Locations map[string]Location

	// BodyOffset is the byte offset at which the Markdown body starts.
	BodyOffset int
	// body is what the rules read from the Markdown body; nil when the body
	// is not checked.
	body *bodyIndex

	// Problems are what the parser found: each is a diagnostic of a parser rule.
	Problems []Diagnostic
	// unusable are the pointers of values the decoder could not represent
	// (.inf, 1e400): already reported, so the schema says nothing more.
	unusable map[string]bool
	// Fatal is set when the file cannot be linted further (binary, empty, wrong encoding).
	Fatal bool

	memo entryMemo // what rules derive once and share
}

// BodySource returns the Markdown body's bytes.
func (e *Entry) BodySource() []byte { return e.Src[e.BodyOffset:] }

// BodySpan converts a range of body-relative byte offsets to a file span.
func (e *Entry) BodySpan(start, end int) Span {
	return e.Lines.Span(e.BodyOffset+start, e.BodyOffset+end)
}

// Locate returns the location of the value at JSON pointer ptr, falling back
// to the nearest enclosing value whose position is known (TOML records only
// top-level keys), and to the opening delimiter for the root.
func (e *Entry) Locate(ptr string) Location {
	return source.Nearest(e.Locations, ptr, e.Open)
}

// KeySpan is where a finding about the member at ptr points: its key when it has one.
func (e *Entry) KeySpan(ptr string) Span {
	loc := e.Locate(ptr)
	if !loc.Key.IsZero() {
		return loc.Key
	}
	return loc.Value
}

// problem records a parser diagnostic of rule r.
func (e *Entry) problem(r *Rule, span Span, field, format string, args ...any) {
	e.Problems = append(e.Problems, Diagnostic{Rule: r, Span: span, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Parser reads files into entries. It is built once per run and safe for
// concurrent use.
type Parser struct {
	split    *splitter
	markdown markdownParser
	// fullParse sends every body to goldmark, skipping the fast scanner
	// (bodyscan.go): for the tests that compare the two.
	fullParse bool
}

// NewParser returns a parser for YAML, TOML and JSON front matter and a
// CommonMark body with the GFM extensions.
func NewParser() *Parser {
	return &Parser{split: newSplitter(), markdown: newMarkdownParser()}
}

// Parse reads src, the contents of path, into an entry. Problems with the
// content are recorded on the entry, never returned as errors.
func (p *Parser) Parse(path string, src []byte) *Entry {
	e := &Entry{Path: path, Src: src, Lines: source.NewLineIndex(src)}
	if !p.checkEncoding(e) {
		e.Fatal = true
		return e
	}
	p.split.split(e)
	if e.Format != source.FormatNone && e.Close.IsZero() {
		// Without a closing delimiter the whole file would be front matter;
		// one finding is clearer than a cascade from the body.
		return e
	}
	if depth, start, end, work := bodyNesting(e.BodySource()); work > maxNestingWork {
		// goldmark's time grows with the square of the nesting depth; such a
		// body is generated or hostile, never an entry someone wrote.
		e.problem(ruleBodyNesting, e.BodySpan(start, end), "", "lists and block quotes nest too deeply to parse in reasonable time (about %d levels on this line); flatten them", depth)
		return e
	}
	if !p.fullParse {
		if x, ok := scanBody(e); ok {
			e.body = x
			return e
		}
	}
	// CommonMark ends a line at a lone "\r" too, goldmark does not; it
	// parses a copy with "\n" in its place, which keeps every offset.
	e.body = indexSyntax(e, p.markdown.parse(withoutLoneCR(e.BodySource())))
	return e
}

// maxNestingWork bounds the parsing work nesting costs: goldmark spends time
// proportional to the square of the depth on each line that opens nested
// lists or block quotes, so a line of 100,000 levels takes tens of seconds.
// The bound, the sum of the squared depths, allows a single line of 10,000
// levels (a fifth of a second) and is thousands of times what real entries use.
const maxNestingWork = 10_000 * 10_000

// bodyNesting estimates, in one pass, how deeply block quotes and list items
// nest in a Markdown body: on each line, the container markers at its start
// (">", "-", "+", "*", "1." or "1)") plus the leading white space in steps of
// two columns, which nests list items opened on earlier lines. It returns the
// deepest line's depth and the body-relative range of its container prefix,
// and the sum of the squared depths of all lines. It is a bound, not a
// parse: it overestimates rather than under.
func bodyNesting(body []byte) (depth, start, end, work int) {
	for line := 0; line < len(body); {
		i, markers, spaces := line, 0, 0
	prefix:
		for i < len(body) {
			switch c := body[i]; {
			case c == ' ':
				spaces++
				i++
			case c == '\t':
				spaces += 4
				i++
			case c == '>':
				markers++
				i++
				if i < len(body) && body[i] == ' ' {
					i++ // the optional space after ">" is not indentation
				}
			case c == '-' || c == '+' || c == '*' || (c >= '0' && c <= '9'):
				j := i
				for j < len(body) && j-i < 9 && body[j] >= '0' && body[j] <= '9' {
					j++
				}
				if j > i && (j == len(body) || (body[j] != '.' && body[j] != ')')) {
					break prefix // digits, but not an ordered list marker
				}
				j++ // the bullet, or the "." or ")" after the digits
				if j < len(body) && body[j] != ' ' && body[j] != '\t' && body[j] != '\n' && body[j] != '\r' {
					break prefix
				}
				markers++
				i = j
				if i < len(body) && body[i] == ' ' {
					i++ // the space a marker needs is not indentation
				}
			default:
				break prefix
			}
		}
		if d := markers + spaces/2; markers > 0 {
			work += d * d
			if d > depth {
				depth, start, end = d, line, i
			}
		}
		next := bytes.IndexAny(body[i:], "\r\n")
		if next < 0 {
			break
		}
		line = i + next + 1
	}
	return depth, start, end, work
}

// checkEncoding reports files that are not UTF-8 text; false means stop.
func (p *Parser) checkEncoding(e *Entry) bool {
	src := e.Src
	switch {
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}), bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		e.problem(ruleFileEncoding, e.Lines.Span(0, 2), "", "file is UTF-16 encoded; save it as UTF-8 (without a byte-order mark)")
		return false
	case len(src) == 0:
		e.problem(ruleFileEmpty, e.Lines.Span(0, 0), "", "file is empty; an entry needs front matter and a Markdown body")
		return false
	case len(bytes.TrimSpace(bytes.TrimPrefix(src, utf8BOM))) == 0:
		e.problem(ruleFileEmpty, e.Lines.Span(0, 0), "", "file contains only whitespace; an entry needs front matter and a Markdown body")
		return false
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		e.problem(ruleFileBinary, e.Lines.Span(i, i+1), "", "file contains a NUL byte at offset %d; it looks binary, not Markdown text", i)
		return false
	}
	if !utf8.Valid(src) {
		i := firstInvalidUTF8(src)
		e.problem(ruleFileEncoding, e.Lines.Span(i, i+1), "", "invalid UTF-8 byte 0x%02x; save the file as UTF-8", src[i])
		return false
	}
	return true
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return 0
}
