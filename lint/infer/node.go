package infer

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// sample is one value and where it is.
type sample struct {
	path  string // the entry, as messages name it
	line  int
	value string
}

// node gathers what was seen at one place in the front matter: a field, or
// the items of an array field.
type node struct {
	key   string // the member's key; for items, the array's key
	field string // the field pattern lint matches (items share their array's)
	name  string // the field as people read it: social.twitter, links[].url
	items bool   // this node is an array's items

	present     int            // values seen other than null
	nulls       int            // null values seen
	empties     int            // empty values seen: "", [] and {}
	kinds       map[string]int // JSON types seen
	strs        map[string]int // each non-empty string value and how often it was seen
	emptyString bool           // an empty string was seen
	samples     []sample       // the non-empty strings, where they are
	keyAt       []sample       // where the key is, once per occurrence (members only)

	occ      []string // the entry of each object value, in order (the denominator of required)
	props    map[string]*node
	order    []string // property keys, merged from the entries' source orders
	seenIn   []int    // the parent's object values holding this key (indexes into its occ)
	filledIn []int    // ...holding it with a non-empty value

	arrays  int
	elems   *node
	repeats bool // some array repeats a string item

	// Decided by finish.
	enum      []string
	decl      *decision
	boolTypos []sample  // strings that are a boolean word in a true/false field
	typos     []keyTypo // members left out as likely typos
}

func (n *node) objects() int { return len(n.occ) }

// isEmpty reports whether a value counts as no value: null, a blank string,
// an empty list or mapping.
func isEmpty(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(v) == ""
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

// add records one value found at ptr in entry e.
func (n *node) add(v any, ptr string, e *lint.Entry) {
	if v == nil {
		n.nulls++
		return
	}
	n.present++
	if isEmpty(v) {
		n.empties++
	}
	if n.kinds == nil {
		n.kinds = map[string]int{}
	}
	switch v := v.(type) {
	case map[string]any:
		n.kinds["object"]++
		idx := len(n.occ)
		n.occ = append(n.occ, e.Path)
		if n.props == nil {
			n.props = map[string]*node{}
		}
		prev := -1 // index in n.order of the previous key of this object
		for _, k := range sourceOrder(v, ptr, e) {
			if ptr == "" && k == "$schema" {
				continue // always allowed: it names the entry's own schema
			}
			c, ok := n.props[k]
			if !ok {
				// A key new to the field list goes after the key it follows
				// here, so optional fields sit where entries put them.
				c = &node{key: k}
				n.props[k] = c
				n.order = slices.Insert(n.order, prev+1, k)
			}
			prev = slices.Index(n.order, k)
			at := source.Child(ptr, k)
			loc := e.Locate(at)
			line := loc.Key.Start.Line
			if loc.Key.IsZero() {
				line = loc.Value.Start.Line
			}
			c.keyAt = append(c.keyAt, sample{path: e.Path, line: line, value: k})
			c.seenIn = append(c.seenIn, idx)
			if !isEmpty(v[k]) {
				c.filledIn = append(c.filledIn, idx)
			}
			c.add(v[k], at, e)
		}
	case []any:
		n.kinds["array"]++
		n.arrays++
		if n.elems == nil {
			n.elems = &node{items: true}
		}
		seen := map[string]bool{}
		for i, x := range v {
			if s, ok := x.(string); ok {
				if seen[s] {
					n.repeats = true
				}
				seen[s] = true
			}
			n.elems.add(x, source.Index(ptr, i), e)
		}
	case string:
		n.kinds["string"]++
		if strings.TrimSpace(v) == "" {
			n.emptyString = true
			return
		}
		if n.strs == nil {
			n.strs = map[string]int{}
		}
		n.strs[v]++
		n.samples = append(n.samples, sample{path: e.Path, line: e.Locate(ptr).Value.Start.Line, value: v})
	case json.Number:
		if isInteger(string(v)) {
			n.kinds["integer"]++
		} else {
			n.kinds["number"]++
		}
	case bool:
		n.kinds["boolean"]++
	case float64, float32:
		n.kinds["number"]++
	case int, int64, int32, uint, uint64, uint32:
		n.kinds["integer"]++
	}
}

func isInteger(s string) bool {
	return !strings.ContainsAny(s, ".eE")
}

// sourceOrder lists an object's keys in the order the file has them, so the
// schema reads like the entries; keys without a recorded position (TOML
// records only top-level ones) come after, by name.
func sourceOrder(m map[string]any, ptr string, e *lint.Entry) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	offset := func(k string) int {
		if loc, ok := e.Locations[source.Child(ptr, k)]; ok && !loc.Key.IsZero() {
			return loc.Key.Start.Offset
		}
		return -1
	}
	slices.SortFunc(keys, func(a, b string) int {
		oa, ob := offset(a), offset(b)
		switch {
		case oa >= 0 && ob >= 0 && oa != ob:
			return cmp.Compare(oa, ob)
		case oa >= 0 && ob < 0:
			return -1
		case oa < 0 && ob >= 0:
			return 1
		}
		return strings.Compare(a, b)
	})
	return keys
}

// finish names the nodes and decides typos, kinds and enums, depth first.
// An array's items share its key and field pattern, as lint's field
// patterns do.
func (n *node) finish(key, field, name string, root bool) {
	n.key, n.field, n.name = key, field, name
	if n.props != nil {
		n.detectTypos()
	}
	for _, k := range n.order {
		child, childName := fieldPattern(k), k
		if !root {
			child = field + "." + child
			childName = name + "." + k
		}
		n.props[k].finish(k, child, childName, false)
	}
	if n.elems != nil {
		n.elems.finish(n.key, n.field, n.name+"[]", false)
	}
	n.detectBoolTypos()
	switch {
	case n.kinds["string"] > 0 && len(n.samples) > 0 && n.boolTypos == nil:
		n.decl = inferKind(n.key, n.samples)
	case n.kinds["string"] > 0 && len(n.kinds) == 1:
		n.decl = emptyNetworkField(n.key)
	}
	if !n.items && (n.decl == nil || n.decl.kind == "") {
		n.enum = n.detectEnum()
	}
}

// fieldPattern writes a key as one segment of lint's field patterns
// (doublestar globs over dotted paths): glob characters are escaped, and a
// "." or "/" inside the key, which would split it, matches as "?".
func fieldPattern(k string) string {
	var b strings.Builder
	for _, r := range k {
		switch {
		case strings.ContainsRune(`*?[]{}\`, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '.' || r == '/':
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeGlob escapes a file path for lint's globs.
func escapeGlob(p string) string {
	if !strings.ContainsAny(p, `*?[]{}\`) {
		return p
	}
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(`*?[]{}\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// detectEnum returns the values of a small closed set of strings: two to
// eight distinct values, seen at least ten times, each more than once, none
// a date. Empty strings are no value: they never make an enum, and stay
// allowed beside one.
func (n *node) detectEnum() []string {
	var other bool
	for k := range n.kinds {
		if k != "string" {
			other = true
		}
	}
	seen := 0
	for _, c := range n.strs {
		seen += c
	}
	if other || len(n.strs) < 2 || len(n.strs) > enumMaxValues || seen < enumMinSeen {
		return nil
	}
	var vals []string
	for s, c := range n.strs {
		if c < enumMinRepeats || isDateLike(s) {
			return nil
		}
		vals = append(vals, s)
	}
	slices.Sort(vals)
	return vals
}

// isDateLike reports whether a string starts with a date (2025-02-05):
// dates are never a closed set, however few of them the entries hold.
func isDateLike(s string) bool {
	if len(s) < 10 {
		return false
	}
	for i, c := range s[:10] {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// typeOrder is the order of JSON Schema type names in a type array.
var typeOrder = []string{"string", "integer", "number", "boolean", "array", "object"}

// types lists the JSON types seen, an integer counting as a number when
// both were seen (every integer is one), and null when entries use it.
// A string that is a likely typo in a true/false field is left out.
func (n *node) types() []string {
	var out []string
	for _, t := range typeOrder {
		if n.kinds[t] == 0 || (t == "integer" && n.kinds["number"] > 0) || (t == "string" && n.boolTypos != nil) {
			continue
		}
		out = append(out, t)
	}
	if len(out) > 0 && n.nulls > 0 {
		out = append(out, "null")
	}
	return out
}

// required lists the members present and non-empty in at least percent
// of the objects.
func (n *node) required(percent int) []string {
	var out []string
	for _, k := range n.order {
		if isRequired(len(n.props[k].filledIn), n.objects(), percent) {
			out = append(out, k)
		}
	}
	return out
}

func isRequired(filled, objects, percent int) bool {
	return objects > 0 && filled*100 >= objects*percent
}

// nearlyRequired reports whether a member that is not required misses only
// a few objects: at most 3, or a tenth of them.
func nearlyRequired(filled, objects int) bool {
	missing := objects - filled
	return filled > 0 && missing > 0 && missing <= max(3, objects/10)
}

// missingIn lists the entries whose object lacks member c or leaves it empty.
func (n *node) missingIn(c *node) []string {
	var out []string
	j := 0
	for i, p := range n.occ {
		for j < len(c.filledIn) && c.filledIn[j] < i {
			j++
		}
		if j < len(c.filledIn) && c.filledIn[j] == i {
			continue
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func (n *node) uniqueItems() bool {
	return n.elems != nil && !n.repeats && slices.Equal(n.elems.types(), []string{"string"})
}

// ordered is a JSON object that keeps its keys in insertion order.
type ordered []member

type member struct {
	key   string
	value any
}

func (o *ordered) set(key string, value any) { *o = append(*o, member{key, value}) }

// MarshalJSON writes the members in order.
func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := marshal(m.key)
		if err != nil {
			return nil, err
		}
		v, err := marshal(m.value)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// marshal encodes v without HTML escaping, so "<" stays readable.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// buildSchema writes the schema of a collection's front matter.
func (c *collection) buildSchema() ([]byte, error) {
	s := ordered{}
	s.set("$schema", "http://json-schema.org/draft-07/schema#")
	s.set("title", c.name+" entry")
	s.set("description", fmt.Sprintf("Front matter of one %s entry. Inferred by contentlint init from the entries in %s: review it, and add a description to each field.", c.name, strings.Join(c.include, ", ")))
	s.set("type", "object")
	props := ordered{}
	props.set("$schema", ordered{
		{"description", "A path to another schema for this entry, relative to the entry."},
		{"type", "string"},
	})
	if req := c.root.required(c.requiredPercent); len(req) > 0 {
		s.set("required", req)
	}
	s.set("additionalProperties", false)
	for _, k := range c.root.order {
		props.set(k, c.nodeSchema(c.root.props[k]))
	}
	s.set("properties", props)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, fmt.Errorf("encode schema: %w", err)
	}
	return b.Bytes(), nil
}

// nodeSchema is the schema of one field or of an array's items. Kinds
// (email, URL, account) are not formats here: the configuration's fields
// declare them, so that each value is checked once, in the form it is
// stored.
func (c *collection) nodeSchema(n *node) ordered {
	s := ordered{}
	switch ts := n.types(); len(ts) {
	case 0:
		// Only nulls were seen: nothing to say about the type.
	case 1:
		s.set("type", ts[0])
	default:
		s.set("type", ts)
	}
	if n.kinds["string"] > 0 && n.boolTypos == nil {
		switch {
		case n.enum != nil:
			// Empty values stay allowed beside the set: they are no value.
			var vals []any
			for _, v := range n.enum {
				vals = append(vals, v)
			}
			if n.emptyString {
				vals = append(vals, "")
			}
			if n.nulls > 0 {
				vals = append(vals, nil)
			}
			s.set("enum", vals)
		case !n.emptyString:
			s.set("minLength", 1)
		}
	}
	if n.arrays > 0 {
		if n.uniqueItems() {
			s.set("uniqueItems", true)
		}
		if n.elems != nil && n.elems.present > 0 {
			s.set("items", c.nodeSchema(n.elems))
		}
	}
	if n.objects() > 0 {
		if req := n.required(c.requiredPercent); len(req) > 0 {
			s.set("required", req)
		}
		s.set("additionalProperties", false)
		props := ordered{}
		for _, k := range n.order {
			props.set(k, c.nodeSchema(n.props[k]))
		}
		s.set("properties", props)
	}
	return s
}
