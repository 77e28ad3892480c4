package lint

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Bounds on what front matter may expand to. A real entry has tens of
// values; these stop alias ("billion laughs") and merge-key bombs quickly.
const (
	maxValues = 10_000
	maxDepth  = 200
)

var errTooLarge = errors.New("front matter too large")

// yamlDecoder converts positioned YAML nodes into JSON-typed values by the
// YAML 1.2 core schema, recording where each value sits.
type yamlDecoder struct {
	e         *Entry
	firstLine int // file line of the YAML's first line
	budget    int
	limitHit  bool
}

// yamlErrorLine matches the line number in go-yaml's error messages.
var yamlErrorLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func decodeYAML(e *Entry, start, end int) (any, bool) {
	var doc yaml.Node
	firstLine := e.Lines.Pos(start).Line
	if err := yaml.Unmarshal(e.Src[start:end], &doc); err != nil {
		line, msg := firstLine, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlErrorLine.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = firstLine+n-1, m[2]
		}
		if line >= e.Lines.Pos(end).Line && end > start {
			// go-yaml reports some errors on the line after the last one.
			line = e.Lines.Pos(end - 1).Line
		}
		span := e.Lines.LineSpan(line)
		e.problem("frontmatter-syntax", span, "", "YAML syntax error: %s%s", msg, yamlHint(msg, e.Lines.LineText(line)))
		return nil, false
	}
	if len(doc.Content) == 0 {
		return nil, true
	}
	d := &yamlDecoder{e: e, firstLine: firstLine, budget: maxValues}
	v := d.value(doc.Content[0], nil, "", 0)
	if d.limitHit {
		e.problem("frontmatter-limit", e.Open, "", "%s expands to more than %d values or %d levels (an alias or merge-key bomb?); simplify it", e.subjectName(), maxValues, maxDepth)
		return nil, false
	}
	return v, true
}

// yamlHint adds advice for the YAML mistakes people make most in front matter.
func yamlHint(msg string, line []byte) string {
	switch {
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "found character that cannot start any token") && strings.ContainsRune(string(line), '\t'):
		return "; YAML does not allow tabs for indentation, use spaces"
	case strings.Contains(msg, "mapping values are not allowed"):
		return "; a value containing \": \" must be quoted"
	}
	return ""
}

// span returns the file span of node n: the token's own text where it can be
// measured, else the rest of its line.
func (d *yamlDecoder) span(n *yaml.Node) Span {
	x := d.e.Lines
	start := x.Offset(d.firstLine+n.Line-1, n.Column)
	lineEnd := x.LineEnd(d.firstLine + n.Line - 1)
	src := d.e.Src
	end := lineEnd
	switch {
	case n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode:
		end = start + 1
		if n.Style&yaml.FlowStyle == 0 && n.Kind == yaml.SequenceNode {
			end = start + 1 // the "-" of the first item
		}
	case n.Kind == yaml.AliasNode:
		end = start + 1 + len(n.Value)
	case start < len(src) && (src[start] == '"' || src[start] == '\''):
		end = closingQuote(src[:lineEnd], start)
	case strings.HasPrefix(string(src[start:lineEnd]), n.Value) && n.Value != "":
		end = start + len(n.Value)
	}
	if end > lineEnd || end < start {
		end = lineEnd
	}
	return x.Span(start, end)
}

// closingQuote returns the offset just past the quote closing the string opening at start.
func closingQuote(src []byte, start int) int {
	q := src[start]
	for i := start + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q && q == '\'' && i+1 < len(src) && src[i+1] == '\'':
			i++
		case src[i] == q:
			return i + 1
		}
	}
	return len(src)
}

// value converts n; at, when set, is the alias through which n was reached,
// whose position stands for n and everything inside it.
func (d *yamlDecoder) value(n, at *yaml.Node, ptr string, depth int) any {
	d.budget--
	if d.budget < 0 || depth > maxDepth {
		d.limitHit = true
		return nil
	}
	pos := n
	if at != nil {
		pos = at
	}
	loc := d.e.Locations[ptr]
	loc.Value = d.span(pos)
	d.e.Locations[ptr] = loc
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		if at == nil {
			at = n
		}
		return d.value(n.Alias, at, ptr, depth+1)
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return d.value(n.Content[0], at, ptr, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, item := range n.Content {
			out = append(out, d.value(item, at, ptr+"/"+strconv.Itoa(i), depth+1))
			if d.limitHit {
				return nil
			}
		}
		return out
	case yaml.MappingNode:
		return d.mapping(n, at, ptr, depth)
	}
	return d.scalar(n, pos, ptr)
}

func (d *yamlDecoder) mapping(n, at *yaml.Node, ptr string, depth int) map[string]any {
	out := make(map[string]any, len(n.Content)/2)
	firstSeen := map[string]*yaml.Node{}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.ShortTag() == "!!merge" {
			merges = append(merges, v)
			continue
		}
		kpos := k
		if at != nil {
			kpos = at
		}
		key, ok := d.key(k, kpos, ptr)
		if !ok {
			continue
		}
		child := ptr + "/" + pointerToken(key)
		if first, dup := firstSeen[key]; dup {
			if at == nil {
				d.e.problem("frontmatter-duplicate-key", d.span(k), FieldPath(nil, child), "duplicate key %q; it is first defined on line %d, remove one of them", key, d.firstLine+first.Line-1)
			}
			continue
		}
		firstSeen[key] = k
		d.e.Locations[child] = Location{Key: d.span(kpos)}
		out[key] = d.value(v, at, child, depth+1)
		if d.limitHit {
			return nil
		}
	}
	// Merged keys ("<<: *defaults") fill in what the mapping does not set itself.
	for _, m := range merges {
		sources := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			sources = m.Content
		}
		for _, src := range sources {
			merged, ok := d.value(src, at, ptr, depth+1).(map[string]any)
			if d.limitHit {
				return nil
			}
			if !ok {
				d.e.problem("frontmatter-syntax", d.span(src), FieldPath(nil, ptr), "a merge key (<<) must refer to a mapping")
				continue
			}
			for k, v := range merged {
				if _, set := out[k]; !set {
					out[k] = v
				}
			}
		}
	}
	return out
}

// key returns a mapping key as a string, reporting keys that are not strings.
func (d *yamlDecoder) key(k, pos *yaml.Node, ptr string) (string, bool) {
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		d.e.problem("frontmatter-key-type", d.span(pos), FieldPath(nil, ptr), "a key must be a plain name, not a %s", kindName(k))
		return "", false
	}
	if tag := k.ShortTag(); tag != "!!str" {
		d.e.problem("frontmatter-key-type", d.span(pos), FieldPath(nil, ptr), "key %s is %s, not a string; quote it (%q) if it is meant as a name", k.Value, tagWords[tag], k.Value)
	}
	return k.Value, true
}

var tagWords = map[string]string{
	"!!int": "a number", "!!float": "a number", "!!bool": "a boolean", "!!null": "null",
	"!!timestamp": "a date", "!!binary": "binary data",
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// scalar applies the YAML 1.2 core schema: yes/no/on/off stay strings,
// dates stay strings, numbers become json.Number.
func (d *yamlDecoder) scalar(n, pos *yaml.Node, ptr string) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int", "!!float":
		if num, ok := yamlNumber(n.Value); ok {
			return num
		}
		if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
			d.e.problem("frontmatter-number", d.span(pos), FieldPath(nil, ptr), "%s is not a finite number; JSON Schema cannot check it, quote it if it is text", n.Value)
		}
	case "!!str":
		// go-yaml resolves a number it cannot hold in 64 bits (1e400, a
		// 20-digit hexadecimal) as a string; by the YAML 1.2 core schema a
		// plain scalar written like a number is one.
		if n.Style == 0 && yamlCoreNumber.MatchString(n.Value) {
			if num, ok := yamlNumber(n.Value); ok {
				return num
			}
			d.e.problem("frontmatter-number", d.span(pos), FieldPath(nil, ptr), "%s is out of range for a 64-bit floating-point number; JSON Schema cannot check it, quote it if it is text", n.Value)
		}
	}
	return n.Value
}

// yamlCoreNumber matches the integer and float forms of the YAML 1.2 core
// schema, with the underscores go-yaml also accepts.
var yamlCoreNumber = regexp.MustCompile(`^(?:[-+]?[0-9][0-9_]*|0o[0-7_]+|0x[0-9a-fA-F_]+|[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?)$`)

// yamlNumber converts a YAML number literal to a json.Number, rejecting
// values JSON cannot hold (.nan, .inf) and numbers beyond the range of a
// 64-bit float (1e400), which other tools read as infinity.
func yamlNumber(s string) (json.Number, bool) {
	var num json.Number
	if json.Valid([]byte(s)) && s != "" && (s[0] == '-' || (s[0] >= '0' && s[0] <= '9')) && !(len(s) > 1 && s[0] == '0' && s[1] >= '0' && s[1] <= '9') {
		num = json.Number(s)
	} else if i, ok := new(big.Int).SetString(s, 0); ok {
		num = json.Number(i.String())
	} else {
		f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return "", false
		}
		num = json.Number(strconv.FormatFloat(f, 'g', -1, 64))
	}
	if !finiteNumber(num) {
		return "", false
	}
	return num, true
}

// finiteNumber reports whether a JSON number literal fits a 64-bit float;
// numbers too small to represent round to zero and are fine.
func finiteNumber(num json.Number) bool {
	f, err := strconv.ParseFloat(string(num), 64)
	return !math.IsInf(f, 0) && !math.IsNaN(f) && (err == nil || errors.Is(err, strconv.ErrRange))
}
