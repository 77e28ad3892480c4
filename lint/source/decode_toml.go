package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// TOML is read in two passes over the same text. go-toml's unstable parser
// gives every key and value its byte range: one pass over its expressions
// records where each value sits and catches duplicate keys, which TOML
// forbids and which are reported like YAML's and JSON's (the first
// definition kept). go-toml's decoder then reads the values from the text
// with each duplicate blanked out (offsets unchanged), so that values,
// dates and every remaining rule of TOML are the decoder's, not ours.

func decodeTOML(doc *Document, x *LineIndex, start, end int, subject string) {
	src := x.src[start:end:end]
	if tomlNesting(src) > MaxDepth {
		// Deep nesting costs the decoder time and stack; no entry needs it.
		doc.fail(ProblemLimit, Span{}, fmt.Sprintf("%s nests arrays or inline tables more than %d levels deep; simplify it", subject, MaxDepth))
		return
	}
	w := &tomlWalker{doc: doc, x: x, src: src, base: start, defs: map[string]*tomlDef{}}
	first := w.skipSpace(0)
	doc.Locations[""] = Location{Value: w.span(first, min(first+1, len(src)))}
	var p unstable.Parser
	p.Reset(src)
	for p.NextExpression() {
		w.expression(p.Expression())
	}
	if err := p.Error(); err != nil {
		var perr *unstable.ParserError
		off := 0
		n := 1
		if errors.As(err, &perr) {
			off, n = w.offsetOf(perr.Highlight), max(len(perr.Highlight), 1)
		}
		if q := tomlUnclosedQuote(src, off); q >= 0 {
			doc.fail(ProblemSyntax, x.Span(start+q, start+q+1), "TOML syntax error: the string opened here is not closed on its line; add the closing quote at the end of the value")
			return
		}
		doc.fail(ProblemSyntax, x.Span(start+off, start+min(off+n, len(src))), "TOML syntax error: "+tomlExplain(src, off, err.Error()))
		return
	}
	text := src
	if len(w.blank) > 0 {
		text = bytes.Clone(src)
		for _, r := range w.blank {
			for i := r[0]; i < r[1]; i++ {
				if text[i] != '\n' && text[i] != '\r' {
					text[i] = ' '
				}
			}
		}
	}
	var m map[string]any
	if err := toml.Unmarshal(text, &m); err != nil {
		off := 0
		var derr *toml.DecodeError
		if errors.As(err, &derr) {
			row, col := derr.Position()
			off = tomlOffset(src, row, col)
		}
		msg := strings.TrimPrefix(err.Error(), "toml: ")
		doc.fail(ProblemSyntax, x.Span(start+off, start+min(off+1, len(src))), "TOML syntax error: "+tomlExplain(src, off, msg))
		return
	}
	c := &tomlConverter{doc: doc, budget: MaxValues}
	v := c.convert(m, "")
	if c.budget < 0 {
		doc.fail(ProblemLimit, Span{}, fmt.Sprintf("%s has more than %d values; simplify it", subject, MaxValues))
		return
	}
	doc.Value = v
}

// tomlOffset turns go-toml's 1-based line and byte column into an offset.
func tomlOffset(src []byte, row, col int) int {
	off := 0
	for line := 1; line < row; line++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return min(off+max(col-1, 0), len(src))
}

// tomlUnclosedQuote returns the offset of the quote that opens a one-line
// string left open on the line holding off, or -1.
func tomlUnclosedQuote(src []byte, off int) int {
	off = min(off, len(src))
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	open := -1
	for i := lineStart; i < len(src) && src[i] != '\n'; i++ {
		c := src[i]
		switch {
		case open >= 0 && src[open] == '"' && c == '\\':
			i++
		case open >= 0 && c == src[open]:
			open = -1
		case open < 0 && c == '#':
			return -1
		case open < 0 && (c == '"' || c == '\''):
			if bytes.HasPrefix(src[i:], []byte{c, c, c}) {
				return -1 // a multi-line string: its own error
			}
			open = i
		}
	}
	return open
}

// tomlExplain says what is wrong for the TOML mistakes people make most in
// front matter, read from the text at the error; else the parser's message.
func tomlExplain(src []byte, off int, parserMessage string) string {
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	lineEnd := bytes.IndexByte(src[off:], '\n')
	if lineEnd < 0 {
		lineEnd = len(src)
	} else {
		lineEnd += off
	}
	line := bytes.TrimSpace(src[lineStart:lineEnd])
	key, value, found := bytes.Cut(line, []byte(":"))
	if eq := bytes.IndexByte(line, '='); found && (eq < 0 || eq > len(key)) && isBareKey(bytes.TrimSpace(key)) {
		return fmt.Sprintf("TOML writes \"key = value\", not \"key: value\": %s = %s", bytes.TrimSpace(key), bytes.TrimSpace(value))
	}
	key, value, found = bytes.Cut(line, []byte("="))
	if c := bytes.IndexByte(value, '#'); c >= 0 {
		value = value[:c]
	}
	value = bytes.TrimSpace(value)
	if found && len(value) == 0 {
		return fmt.Sprintf("%s has no value after \"=\"; write one, such as %s = \"...\"", bytes.TrimSpace(key), bytes.TrimSpace(key))
	}
	if found && len(value) > 0 && isLetter(value[0]) && !bytes.HasPrefix(value, []byte("true")) && !bytes.HasPrefix(value, []byte("false")) && !bytes.HasPrefix(value, []byte("inf")) && !bytes.HasPrefix(value, []byte("nan")) {
		return fmt.Sprintf("text must be quoted: %s = %q", bytes.TrimSpace(key), value)
	}
	return parserMessage
}

func isBareKey(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !isLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.' {
			return false
		}
	}
	return true
}

// tomlStringEnd returns the offset just past the TOML string whose opening
// quote is at off: basic or literal, on one line or multi-line, with a
// basic string's escapes. An unclosed one-line string ends at its line's
// end, an unclosed multi-line one at the end of src. The scanners that skip
// strings (comments, nesting, value ends) share it so that they agree.
func tomlStringEnd(src []byte, off int) int {
	c := src[off]
	if bytes.HasPrefix(src[off:], []byte{c, c, c}) {
		for i := off + 3; i < len(src); i++ {
			if c == '"' && src[i] == '\\' {
				i++
				continue
			}
			if bytes.HasPrefix(src[i:], []byte{c, c, c}) {
				// Up to two more quotes belong to the content.
				j := i + 3
				for j < len(src) && j < i+5 && src[j] == c {
					j++
				}
				return j
			}
		}
		return len(src)
	}
	for i := off + 1; i < len(src); i++ {
		switch {
		case c == '"' && src[i] == '\\':
			i++
		case src[i] == c:
			return i + 1
		case src[i] == '\n':
			return i
		}
	}
	return len(src)
}

// tomlNesting returns how deeply arrays and inline tables nest in TOML
// text, skipping strings and comments; table headers count as one or two.
func tomlNesting(b []byte) int {
	depth, deepest := 0, 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; c {
		case '#':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case '"', '\'':
			i = tomlStringEnd(b, i) - 1
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return deepest
}

// tomlKind is how a TOML key was defined.
type tomlKind int

const (
	tomlValue      tomlKind = iota // key = value
	tomlInline                     // key = { ... }: sealed
	tomlTable                      // [key]
	tomlImplicit                   // a super-table of a header: [key.sub]
	tomlDotted                     // a table made by a dotted key: key.sub = value
	tomlArrayTable                 // [[key]]
)

type tomlDef struct {
	kind  tomlKind
	line  int // where it was first defined
	count int // elements of an array of tables
}

// tomlWalker records positions and duplicate keys from the parser's
// expressions.
type tomlWalker struct {
	doc   *Document
	x     *LineIndex
	src   []byte
	base  int // file offset of src
	defs  map[string]*tomlDef
	table string   // the pointer of the table key-values go into
	blank [][2]int // byte ranges of src the decoder must not see
	// skipping is set inside a duplicate table, whose key-values go with it.
	skipping bool
}

func (w *tomlWalker) offsetOf(b []byte) int {
	off := cap(w.src) - cap(b)
	if off < 0 || off > len(w.src) {
		return 0
	}
	return off
}

// span returns the file span of a range of src.
func (w *tomlWalker) span(start, end int) Span { return w.x.Span(w.base+start, w.base+end) }

func (w *tomlWalker) line(off int) int { return w.x.Pos(w.base + off).Line }

// rawRange returns a node's byte range in src.
func rawRange(n *unstable.Node) (int, int) {
	return int(n.Raw.Offset), int(n.Raw.Offset + n.Raw.Length)
}

// keyParts returns a key's parts and the range of each in src.
func keyParts(it unstable.Iterator) (parts []string, ranges [][2]int) {
	for it.Next() {
		k := it.Node()
		s, e := rawRange(k)
		parts = append(parts, string(k.Data))
		ranges = append(ranges, [2]int{s, e})
	}
	return parts, ranges
}

func (w *tomlWalker) expression(n *unstable.Node) {
	switch n.Kind {
	case unstable.KeyValue:
		if w.skipping {
			s, e := rawRange(n)
			w.blank = append(w.blank, [2]int{s, e})
			return
		}
		w.keyValue(n, w.table)
	case unstable.Table, unstable.ArrayTable:
		w.skipping = false
		w.header(n)
	}
}

// resolve walks the intermediate parts of a key from ptr, creating
// implicit tables as kind; it returns the pointer of the table the last
// part goes in, or the index of a part that clashes with a value.
func (w *tomlWalker) resolve(ptr string, parts []string, ranges [][2]int, kind tomlKind) (string, int) {
	for i, part := range parts[:len(parts)-1] {
		child := Child(ptr, part)
		d := w.defs[child]
		switch {
		case d == nil:
			w.defs[child] = &tomlDef{kind: kind, line: w.line(ranges[i][0])}
			span := w.span(ranges[i][0], ranges[i][1])
			w.doc.Locations[child] = Location{Key: span, Value: span}
		case d.kind == tomlValue || d.kind == tomlInline:
			return "", i
		case d.kind == tomlArrayTable:
			child = Index(child, d.count-1)
		}
		ptr = child
	}
	return ptr, -1
}

// duplicate reports a key defined twice and hides the second definition
// from the decoder.
func (w *tomlWalker) duplicate(name string, keyStart, keyEnd int, d *tomlDef, ptr string, hide [2]int) {
	msg := fmt.Sprintf("duplicate key %q; it is first defined on line %d, remove one of them", name, d.line)
	if d.kind == tomlTable || d.kind == tomlArrayTable || d.kind == tomlImplicit {
		msg = fmt.Sprintf("duplicate key %q; it is first defined as a table on line %d, merge the two", name, d.line)
	}
	w.doc.problem(ProblemDuplicateKey, w.span(keyStart, keyEnd), ptr, msg)
	// Inside an inline table, the comma after the pair goes with it.
	if next := w.skipTo(hide[1], ','); next > hide[1] && w.src[next-1] == ',' {
		hide[1] = next
	}
	w.blank = append(w.blank, hide)
}

func (w *tomlWalker) keyValue(n *unstable.Node, table string) {
	parts, ranges := keyParts(n.Key())
	if len(parts) == 0 {
		return
	}
	exprStart, exprEnd := rawRange(n)
	parent, clash := w.resolve(table, parts, ranges, tomlDotted)
	if clash >= 0 {
		ptr := Child(table, parts[0])
		for _, p := range parts[1 : clash+1] {
			ptr = Child(ptr, p)
		}
		w.duplicate(strings.Join(parts[:clash+1], "."), ranges[0][0], ranges[clash][1], w.defs[ptr], ptr, [2]int{exprStart, exprEnd})
		return
	}
	ptr := Child(parent, parts[len(parts)-1])
	keyStart, keyEnd := ranges[0][0], ranges[len(ranges)-1][1]
	if d := w.defs[ptr]; d != nil {
		w.duplicate(strings.Join(parts, "."), keyStart, keyEnd, d, ptr, [2]int{exprStart, exprEnd})
		return
	}
	value := n.Value()
	kind := tomlValue
	if value.Kind == unstable.InlineTable {
		kind = tomlInline
	}
	w.defs[ptr] = &tomlDef{kind: kind, line: w.line(keyStart)}
	w.doc.Locations[ptr] = Location{Key: w.span(keyStart, keyEnd)}
	w.value(value, ptr, w.skipTo(keyEnd, '='))
}

// value records the position of the value starting at off and of everything inside it.
func (w *tomlWalker) value(n *unstable.Node, ptr string, off int) int {
	start := w.skipSpace(off)
	loc := w.doc.Locations[ptr]
	switch n.Kind {
	case unstable.Array:
		loc.Value = w.span(start, start+1)
		w.doc.Locations[ptr] = loc
		cur := start + 1
		i := 0
		for it := n.Children(); it.Next(); {
			item := it.Node()
			if item.Kind == unstable.Comment {
				continue
			}
			cur = w.value(item, Index(ptr, i), cur)
			i++
		}
		return w.valueEnd(start)
	case unstable.InlineTable:
		loc.Value = w.span(start, start+1)
		w.doc.Locations[ptr] = loc
		for it := n.Children(); it.Next(); {
			if kv := it.Node(); kv.Kind == unstable.KeyValue {
				w.keyValue(kv, ptr)
			}
		}
		return w.valueEnd(start)
	}
	s, e := rawRange(n)
	if e <= s {
		s, e = start, w.valueEnd(start)
	}
	loc.Value = w.span(s, e)
	w.doc.Locations[ptr] = loc
	return e
}

// header records a [table] or [[array of tables]] header.
func (w *tomlWalker) header(n *unstable.Node) {
	parts, ranges := keyParts(n.Key())
	if len(parts) == 0 {
		return
	}
	keyStart, keyEnd := ranges[0][0], ranges[len(ranges)-1][1]
	open := bytes.LastIndexByte(w.src[:keyStart], '[')
	if n.Kind == unstable.ArrayTable && open > 0 && w.src[open-1] == '[' {
		open--
	}
	closing := w.skipTo(keyEnd, ']')
	if n.Kind == unstable.ArrayTable && closing < len(w.src) && w.src[closing] == ']' {
		closing++
	}
	headerSpan := w.span(max(open, 0), closing)
	whole := [2]int{max(open, 0), closing}
	name := strings.Join(parts, ".")
	parent, clash := w.resolve("", parts, ranges, tomlImplicit)
	if clash >= 0 {
		ptr := ""
		for _, p := range parts[:clash+1] {
			ptr = Child(ptr, p)
		}
		w.duplicate(strings.Join(parts[:clash+1], "."), keyStart, ranges[clash][1], w.defs[ptr], ptr, whole)
		w.skipping = true
		return
	}
	ptr := Child(parent, parts[len(parts)-1])
	d := w.defs[ptr]
	if n.Kind == unstable.ArrayTable {
		switch {
		case d == nil:
			d = &tomlDef{kind: tomlArrayTable, line: w.line(keyStart)}
			w.defs[ptr] = d
			w.doc.Locations[ptr] = Location{Key: w.span(keyStart, keyEnd), Value: headerSpan}
		case d.kind != tomlArrayTable:
			w.duplicate(name, keyStart, keyEnd, d, ptr, whole)
			w.skipping = true
			return
		}
		d.count++
		w.table = Index(ptr, d.count-1)
		w.doc.Locations[w.table] = Location{Value: headerSpan}
		return
	}
	switch {
	case d == nil, d.kind == tomlImplicit:
		w.defs[ptr] = &tomlDef{kind: tomlTable, line: w.line(keyStart)}
		w.doc.Locations[ptr] = Location{Key: w.span(keyStart, keyEnd), Value: headerSpan}
	case d.kind == tomlValue || d.kind == tomlInline:
		w.duplicate(name, keyStart, keyEnd, d, ptr, whole)
		w.skipping = true
		return
	default:
		w.doc.problem(ProblemDuplicateKey, w.span(keyStart, keyEnd), ptr, fmt.Sprintf("duplicate table [%s]; it is first defined on line %d, merge the two", name, d.line))
		w.blank = append(w.blank, whole)
		w.skipping = true
		return
	}
	w.table = ptr
}

// skipSpace returns the offset of the next value character at or after
// off: past white space, line breaks, commas and comments.
func (w *tomlWalker) skipSpace(off int) int {
	for off < len(w.src) {
		switch w.src[off] {
		case ' ', '\t', '\r', '\n', ',':
			off++
		case '#':
			for off < len(w.src) && w.src[off] != '\n' {
				off++
			}
		default:
			return off
		}
	}
	return off
}

// skipTo returns the offset just past the next c at or after off, outside
// nothing but white space.
func (w *tomlWalker) skipTo(off int, c byte) int {
	for off < len(w.src) && (w.src[off] == ' ' || w.src[off] == '\t') {
		off++
	}
	if off < len(w.src) && w.src[off] == c {
		off++
	}
	return off
}

// valueEnd returns the end of the TOML value starting at off, which has
// parsed: a string, an array or inline table, or a bare scalar.
func (w *tomlWalker) valueEnd(off int) int {
	src := w.src
	if off >= len(src) {
		return off
	}
	switch c := src[off]; c {
	case '"', '\'':
		return tomlStringEnd(src, off)
	case '[', '{':
		closer := byte(']')
		if c == '{' {
			closer = '}'
		}
		i := w.skipSpace(off + 1)
		for i < len(src) && src[i] != closer {
			if c == '{' {
				// key = value pairs: skip to the value, then past it.
				for i < len(src) && src[i] != '=' && src[i] != closer {
					if src[i] == '"' || src[i] == '\'' {
						i = w.valueEnd(i)
						continue
					}
					i++
				}
				if i < len(src) && src[i] == '=' {
					i = w.skipSpace(i + 1)
				}
				if i >= len(src) || src[i] == closer {
					break
				}
			}
			i = w.skipSpace(w.valueEnd(i))
		}
		return min(i+1, len(src))
	}
	i := off
	for i < len(src) && bytes.IndexByte([]byte(" \t\r\n,]}#"), src[i]) < 0 {
		i++
	}
	// A date and time may be separated by a space.
	if i+1 < len(src) && src[i] == ' ' && src[i+1] >= '0' && src[i+1] <= '9' && bytes.Count(src[off:i], []byte("-")) == 2 {
		return w.valueEnd(i + 1)
	}
	return i
}

type tomlConverter struct {
	doc    *Document
	budget int // values left before the front matter is too large
}

// convert maps TOML's Go values onto JSON types: integers and floats become
// json.Number, dates and times stay strings as written.
func (c *tomlConverter) convert(v any, ptr string) any {
	if c.budget--; c.budget < 0 {
		return nil
	}
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		// In key order, so that problems come out in the same order every run.
		for _, k := range slices.Sorted(maps.Keys(v)) {
			out[k] = c.convert(v[k], Child(ptr, k))
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = c.convert(x, Index(ptr, i))
		}
		return out
	case int64:
		return json.Number(strconv.FormatInt(v, 10))
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			what := "infinity"
			if math.IsNaN(v) {
				what = "not a number (NaN)"
			}
			loc := Nearest(c.doc.Locations, ptr, Span{})
			c.doc.problem(ProblemNumber, loc.Value, ptr, fmt.Sprintf("%s is %s, which JSON cannot hold, so the schema cannot check it; write a finite number, or quote it if it is text", tomlNumberText(v), what))
			return nil
		}
		return json.Number(strconv.FormatFloat(v, 'g', -1, 64))
	case toml.LocalDate:
		return v.String()
	case toml.LocalTime:
		return time.Date(0, 1, 1, v.Hour, v.Minute, v.Second, v.Nanosecond, time.UTC).Format("15:04:05.999999999")
	case toml.LocalDateTime:
		return v.LocalDate.String() + "T" + time.Date(0, 1, 1, v.Hour, v.Minute, v.Second, v.Nanosecond, time.UTC).Format("15:04:05.999999999")
	case time.Time:
		return v.Format(time.RFC3339Nano)
	}
	return v
}

func tomlNumberText(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case f > 0:
		return "inf"
	}
	return "-inf"
}
