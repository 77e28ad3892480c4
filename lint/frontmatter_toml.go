package lint

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

func decodeTOML(e *Entry, start, end int) (any, bool) {
	var m map[string]any
	firstLine := e.Lines.Pos(start).Line
	if tomlNesting(e.Src[start:end]) > maxDepth {
		// The TOML decoder's time grows with the square of the nesting of
		// inline tables: 10,000 levels take half a minute.
		e.problem("frontmatter-limit", e.Open, "", "%s nests arrays or inline tables more than %d levels deep; simplify it", e.subjectName(), maxDepth)
		return nil, false
	}
	if _, err := toml.NewDecoder(bytes.NewReader(e.Src[start:end])).Decode(&m); err != nil {
		var perr toml.ParseError
		line, msg := firstLine, err.Error()
		if errors.As(err, &perr) {
			line = firstLine + perr.Position.Line - 1
			msg = perr.Message
		}
		e.problem("frontmatter-syntax", e.Lines.LineSpan(line), "", "TOML syntax error: %s", msg)
		return nil, false
	}
	locateTOMLKeys(e, start, end)
	d := &tomlConverter{e: e, budget: maxValues}
	v := d.convert(m, "")
	if d.budget < 0 {
		e.problem("frontmatter-limit", e.Open, "", "%s has more than %d values; simplify it", e.subjectName(), maxValues)
		return nil, false
	}
	return v, true
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
func locateTOMLKeys(e *Entry, start, end int) {
	first, last := e.Lines.Pos(start).Line, e.Lines.Pos(end).Line
	inTable := false
	for line := first; line <= last; line++ {
		text := e.Lines.LineText(line)
		trimmed := bytes.TrimLeft(text, " \t")
		indent := len(text) - len(trimmed)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		lineStart := e.Lines.LineStart(line)
		if trimmed[0] == '[' {
			inTable = true
			name := strings.Trim(string(trimmed), "[] \t")
			if i := strings.IndexAny(name, ".]"); i >= 0 {
				name = name[:i]
			}
			name = strings.Trim(strings.TrimSpace(name), `"'`)
			ptr := "/" + pointerToken(name)
			if _, seen := e.Locations[ptr]; !seen {
				span := e.Lines.Span(lineStart+indent, lineStart+len(text))
				e.Locations[ptr] = Location{Key: span, Value: span}
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
		ptr := "/" + pointerToken(name)
		if _, seen := e.Locations[ptr]; !seen {
			e.Locations[ptr] = Location{
				Key:   e.Lines.Span(lineStart+indent, lineStart+indent+keyLen),
				Value: e.Lines.Span(lineStart+valueStart, lineStart+len(text)),
			}
		}
	}
}

type tomlConverter struct {
	e      *Entry
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
			out[k] = c.convert(v[k], ptr+"/"+pointerToken(k))
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = c.convert(x, ptr+"/"+strconv.Itoa(i))
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = c.convert(x, ptr+"/"+strconv.Itoa(i))
		}
		return out
	case int64:
		return json.Number(strconv.FormatInt(v, 10))
	case float64:
		if math.IsInf(v, 0) || math.IsNaN(v) {
			c.e.problem("frontmatter-number", c.e.KeySpan(ptr), FieldPath(nil, ptr), "%v is not a finite number; JSON Schema cannot check it, quote it if it is text", v)
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
