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

	"github.com/BurntSushi/toml"
)

func decodeTOML(doc *Document, x *LineIndex, start, end int, subject string) {
	var m map[string]any
	firstLine := x.Pos(start).Line
	if tomlNesting(x.src[start:end]) > MaxDepth {
		// The TOML decoder's time grows with the square of the nesting of
		// inline tables: 10,000 levels take half a minute.
		doc.fail(ProblemLimit, Span{}, fmt.Sprintf("%s nests arrays or inline tables more than %d levels deep; simplify it", subject, MaxDepth))
		return
	}
	if _, err := toml.NewDecoder(bytes.NewReader(x.src[start:end])).Decode(&m); err != nil {
		var perr toml.ParseError
		line, msg := firstLine, err.Error()
		if errors.As(err, &perr) {
			line = firstLine + perr.Position.Line - 1
			msg = perr.Message
		}
		doc.fail(ProblemSyntax, x.LineSpan(line), "TOML syntax error: "+msg)
		return
	}
	locateTOMLKeys(doc, x, start, end)
	d := &tomlConverter{doc: doc, budget: MaxValues}
	v := d.convert(m, "")
	if d.budget < 0 {
		doc.fail(ProblemLimit, Span{}, fmt.Sprintf("%s has more than %d values; simplify it", subject, MaxValues))
		return
	}
	doc.Value = v
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
			if i+2 < len(b) && b[i+1] == c && b[i+2] == c {
				end := bytes.Index(b[i+3:], []byte{c, c, c})
				if end < 0 {
					return deepest
				}
				i += 3 + end + 2
				continue
			}
			for i++; i < len(b) && b[i] != c && b[i] != '\n'; i++ {
				if c == '"' && b[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
			deepest = max(deepest, depth)
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return deepest
}

// locateTOMLKeys records the line of each top-level key and table header;
// the TOML decoder keeps no positions, so deeper values fall back to these.
func locateTOMLKeys(doc *Document, x *LineIndex, start, end int) {
	first, last := x.Pos(start).Line, x.Pos(end).Line
	inTable := false
	for line := first; line <= last; line++ {
		text := x.LineText(line)
		trimmed := bytes.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		lineStart := x.LineStart(line)
		if trimmed[0] == '[' {
			inTable = true
			name := strings.Trim(string(trimmed), "[] \t")
			if i := strings.IndexAny(name, ".]"); i >= 0 {
				name = name[:i]
			}
			name = strings.Trim(strings.TrimSpace(name), `"'`)
			ptr := Child("", name)
			if _, seen := doc.Locations[ptr]; !seen {
				span := x.Span(lineStart+indent, lineStart+len(text))
				doc.Locations[ptr] = Location{Key: span, Value: span}
			}
			continue
		}
		if inTable {
			continue
		}
		eq := bytes.IndexByte(trimmed, '=')
		if eq <= 0 {
			continue
		}
		name := strings.TrimSpace(string(trimmed[:eq]))
		if i := strings.IndexByte(name, '.'); i >= 0 && name[0] != '"' && name[0] != '\'' {
			name = name[:i]
		}
		keyLen := len(name)
		name = strings.Trim(name, `"'`)
		valueStart := indent + eq + 1
		for valueStart < len(text) && (text[valueStart] == ' ' || text[valueStart] == '\t') {
			valueStart++
		}
		ptr := Child("", name)
		if _, seen := doc.Locations[ptr]; !seen {
			doc.Locations[ptr] = Location{
				Key:   x.Span(lineStart+indent, lineStart+indent+keyLen),
				Value: x.Span(lineStart+valueStart, lineStart+len(text)),
			}
		}
	}
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
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = c.convert(x, Index(ptr, i))
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
			loc := Nearest(c.doc.Locations, ptr, Span{})
			span := loc.Key
			if span.IsZero() {
				span = loc.Value
			}
			c.doc.problem(ProblemNumber, span, ptr, fmt.Sprintf("%v is not a finite number; JSON Schema cannot check it, quote it if it is text", v))
			return fmt.Sprint(v)
		}
		return json.Number(strconv.FormatFloat(v, 'g', -1, 64))
	case time.Time:
		// The decoder marks local dates and times with named locations.
		switch v.Location().String() {
		case "date-local":
			return v.Format("2006-01-02")
		case "time-local":
			return v.Format("15:04:05.999999999")
		case "datetime-local":
			return v.Format("2006-01-02T15:04:05.999999999")
		}
		return v.Format(time.RFC3339Nano)
	}
	return v
}
