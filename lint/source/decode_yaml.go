package source

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlDecoder converts positioned YAML nodes into JSON-typed values by the
// YAML 1.2 core schema, recording where each value sits.
type yamlDecoder struct {
	doc       *Document
	x         *LineIndex
	firstLine int // line of the YAML's first line in the file
	budget    int
	limitHit  bool
}

func decodeYAML(doc *Document, x *LineIndex, start, end int, subject string) {
	src := x.src[start:end]
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		if is, ok := yamlSyntaxIssue(src, x.Pos(start).Line); ok {
			doc.fail(ProblemSyntax, x.Span(start+is.start, start+max(is.end, is.start+1)), "YAML syntax error: "+is.message)
			return
		}
		// Not one of the mistakes the scanner knows: the first line that
		// cannot follow the ones before it, at its first character.
		line := x.Pos(start).Line + yamlErrorLine(src) - 1
		text := x.LineText(line)
		col := len(text) - len(bytes.TrimLeft(text, " \t"))
		doc.fail(ProblemSyntax, x.Span(x.LineStart(line)+col, x.LineEnd(line)), "YAML syntax error: "+yamlMessage(err)+"; check the indentation and quoting of this line")
		return
	}
	if len(root.Content) == 0 {
		return
	}
	d := &yamlDecoder{doc: doc, x: x, firstLine: x.Pos(start).Line, budget: MaxValues}
	v := d.value(root.Content[0], nil, "", 0)
	if d.limitHit {
		doc.fail(ProblemLimit, Span{}, fmt.Sprintf("%s expands to more than %d values or %d levels (an alias or merge-key bomb?); simplify it", subject, MaxValues, MaxDepth))
		return
	}
	doc.Value = v
}

// yamlErrorLine finds the 1-based line of src where a YAML syntax error is:
// the line after the longest prefix of whole lines that still parses. A
// prefix that parses cannot hold the error, and a multi-line string only
// makes shorter prefixes fail, not longer. Short texts are searched from
// the end, one parse per line; long ones by bisection, so that a hostile
// document costs a few dozen parses, not thousands.
func yamlErrorLine(src []byte) int {
	var ends []int // offsets just past each line's terminator
	for i, c := range src {
		if c == '\n' {
			ends = append(ends, i+1)
		}
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(src) {
		ends = append(ends, len(src))
	}
	const linear = 200
	if len(ends) <= linear {
		for k := len(ends) - 1; k >= 1; k-- {
			if yamlParses(src[:ends[k-1]]) {
				return k + 1
			}
		}
		return 1
	}
	// The first k lines parse for k < lo; they do not for k >= hi.
	lo, hi := 0, len(ends)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if yamlParses(src[:ends[mid-1]]) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// yamlMessage is go-yaml's description of a syntax error without its
// "yaml: line N: " prefix: the line is computed from the source instead.
func yamlMessage(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		if _, rest, ok := strings.Cut(msg, ": "); ok {
			return rest
		}
	}
	return msg
}

// span returns the file span of node n: the token's own text where it can be
// measured, else the rest of its line.
func (d *yamlDecoder) span(n *yaml.Node) Span {
	x := d.x
	start := x.Offset(d.firstLine+n.Line-1, n.Column)
	lineEnd := x.LineEnd(d.firstLine + n.Line - 1)
	src := x.src
	end := lineEnd
	switch {
	case n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode:
		end = start + 1 // the "{", "[", "-" or the first key's first character
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
	if d.budget < 0 || depth > MaxDepth {
		d.limitHit = true
		return nil
	}
	pos := n
	if at != nil {
		pos = at
	}
	loc := d.doc.Locations[ptr]
	loc.Value = d.span(pos)
	d.doc.Locations[ptr] = loc
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
			out = append(out, d.value(item, at, Index(ptr, i), depth+1))
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
		child := Child(ptr, key)
		if _, dup := out[key]; dup {
			if at == nil {
				first := firstKey(n, key)
				d.doc.problem(ProblemDuplicateKey, d.span(k), child, fmt.Sprintf("duplicate key %q; it is first defined on line %d, remove one of them", key, d.firstLine+first.Line-1))
			}
			continue
		}
		d.doc.Locations[child] = Location{Key: d.span(kpos)}
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
				d.doc.problem(ProblemSyntax, d.span(src), ptr, "a merge key (<<) must refer to a mapping")
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

// firstKey returns the first key of mapping n that reads as key: the one
// a duplicate repeats.
func firstKey(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind == yaml.ScalarNode && k.Value == key && k.ShortTag() != "!!merge" {
			return n.Content[i]
		}
	}
	return n
}

// key returns a mapping key as a string, reporting keys that are not strings.
func (d *yamlDecoder) key(k, pos *yaml.Node, ptr string) (string, bool) {
	if k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		d.doc.problem(ProblemKeyType, d.span(pos), ptr, fmt.Sprintf("a key must be a plain name, not a %s", kindName(k)))
		return "", false
	}
	if tag := yamlTag(k); tag != "!!str" && tagWords[tag] != "" {
		d.doc.problem(ProblemKeyType, d.span(pos), ptr, fmt.Sprintf("key %s is %s, not a string; quote it (%q) if it is meant as a name", k.Value, tagWords[tag], k.Value))
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
