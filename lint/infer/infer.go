// Package infer writes a starting configuration and front matter schema for
// a folder of existing entries (contentlint init): it reads what the entries
// already have in common and turns it into a schema and a .contentlint.yaml
// whose comments explain every choice.
package infer

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/glasgow-open-data/contentlint/schema"
)

// Thresholds of the inference, as fractions in tenths.
const (
	requiredTenths    = 9 // a key in at least 90% of its parent objects is required
	frontMatterTenths = 9 // front matter in at least 90% of entries is required
	sectionTenths     = 6 // a level-2 heading in at least 60% of entries is recommended

	enumMaxValues  = 8  // at most this many distinct strings make an enum...
	enumMinSeen    = 10 // ...seen at least this many times...
	enumMinRepeats = 2  // ...each value at least this many times

	sectionLevel = 2
)

// Options for Infer.
type Options struct {
	// FS holds the entries; Root and ConfigDir are slash-separated paths in it.
	FS fs.FS
	// Show turns a path of FS into the name messages use (as the user wrote
	// it); nil shows the path itself.
	Show func(path string) string
	// Root is the folder scanned for entries, walked as lint walks a folder.
	Root string
	// Name is the collection name; default the base name of Root, or "entries".
	Name string
	// SchemaFile is the path of the schema file to write, relative to
	// ConfigDir (default "contentlint.schema.json").
	SchemaFile string
	// ConfigDir is the folder the configuration is written to (default "."):
	// include globs are relative to it.
	ConfigDir string
}

// Result is what was inferred.
type Result struct {
	// Entries is how many entries the inference read (skipped ones excluded).
	Entries int
	// Skipped is how many files were left out because they do not parse.
	Skipped int
	// Failing is how many of the read entries the inferred schema rejects.
	Failing int
	// Schema is a JSON Schema (draft 2020-12), indented, in a deterministic key order.
	Schema []byte
	// Config is .contentlint.yaml text following schema/config.schema.json,
	// with comments explaining each inferred choice.
	Config []byte
	// Report is human-readable lines saying what was inferred and why.
	Report []string
}

// Infer reads the entries under opts.Root and infers a schema and a
// configuration from them. Errors are problems running the inference (no
// such folder, no entries, unreadable files); content problems are reported.
func Infer(ctx context.Context, opts Options) (Result, error) {
	opts = withDefaults(opts)
	if info, err := fs.Stat(opts.FS, opts.Root); err != nil {
		return Result{}, fmt.Errorf("infer: %s: %w", opts.Show(opts.Root), unwrapPath(err))
	} else if !info.IsDir() {
		return Result{}, fmt.Errorf("infer: %s is not a folder", opts.Show(opts.Root))
	}
	rel, err := relativeRoot(opts)
	if err != nil {
		return Result{}, err
	}
	var paths []string
	w := lint.Walker{FS: opts.FS}
	if err := w.Walk(ctx, []string{opts.Root}, func(p string) bool { paths = append(paths, p); return true }); err != nil {
		return Result{}, fmt.Errorf("walk %s: %w", opts.Show(opts.Root), err)
	}
	if len(paths) == 0 {
		return Result{}, fmt.Errorf("infer: no Markdown files under %s", opts.Show(opts.Root))
	}
	parser := lint.NewParser()
	var entries []*lint.Entry
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		src, err := fs.ReadFile(opts.FS, p)
		if err != nil {
			return Result{}, fmt.Errorf("read %s: %w", opts.Show(p), unwrapPath(err))
		}
		entries = append(entries, parser.Parse(opts.Show(p), src))
	}
	res, err := inferEntries(entries, opts, rel)
	if err != nil {
		return Result{}, err
	}
	if err := checkSchema(&res, entries); err != nil {
		return Result{}, err
	}
	return res, nil
}

func withDefaults(opts Options) Options {
	if opts.Root == "" {
		opts.Root = "."
	}
	if opts.ConfigDir == "" {
		opts.ConfigDir = "."
	}
	if opts.SchemaFile == "" {
		opts.SchemaFile = "contentlint.schema.json"
	}
	if opts.Show == nil {
		opts.Show = func(p string) string { return p }
	}
	if opts.Name == "" {
		// Named after the folder as the user wrote it: "." is no name.
		opts.Name = path.Base(path.Clean(strings.ReplaceAll(opts.Show(opts.Root), `\`, "/")))
		if opts.Name == "." || opts.Name == ".." || opts.Name == "/" || strings.HasSuffix(opts.Name, ":") {
			opts.Name = "entries"
		}
	}
	return opts
}

// brokenProblem returns the problem that makes an entry unusable for
// inference, if any: a file that cannot be read as text or front matter
// that does not parse.
func brokenProblem(e *lint.Entry) (lint.Diagnostic, bool) {
	for _, d := range e.Problems {
		if e.Fatal || d.Rule.Family == "frontmatter" {
			return d, true
		}
	}
	return lint.Diagnostic{}, false
}

// inferEntries does the inference on parsed entries; broken ones are marked
// skipped in place (set to nil) so that checkSchema sees only the rest.
func inferEntries(entries []*lint.Entry, opts Options, rel string) (Result, error) {
	var res Result
	var skipped []string
	root := &node{props: map[string]*node{}}
	sections := newSectionStats()
	withFM := 0
	exts := map[string]bool{}
	for i, e := range entries {
		if d, broken := brokenProblem(e); broken {
			res.Skipped++
			skipped = append(skipped, fmt.Sprintf("  %s:%d:%d: %s [%s]", e.Path, d.Span.Start.Line, d.Span.Start.Column, d.Message, d.Rule.ID))
			entries[i] = nil
			continue
		}
		res.Entries++
		exts[strings.ToLower(path.Ext(e.Path))] = true
		if e.Data != nil {
			withFM++
			root.add(e.Data, "", e)
		}
		sections.add(e)
	}
	if res.Entries == 0 {
		return res, fmt.Errorf("infer: none of the %d Markdown files under %s parses; fix their front matter first", res.Skipped, opts.Show(opts.Root))
	}

	frontMatter := "optional"
	if atLeast(withFM, res.Entries, frontMatterTenths) {
		frontMatter = "required"
	}
	root.finish("", "", true)
	recommended := sections.recommended(res.Entries)
	fields := collectFields(root)

	var err error
	res.Schema, err = buildSchema(root, opts.Name, rel)
	if err != nil {
		return res, err
	}
	res.Config = buildConfig(configInput{
		opts: opts, entries: res.Entries, withFM: withFM, frontMatter: frontMatter,
		root: rel, include: includeGlobs(rel, exts), recommended: recommended, fields: fields,
	})

	r := &res.Report
	*r = append(*r, fmt.Sprintf("read %d %s under %s", res.Entries, plural(res.Entries, "entry", "entries"), opts.Show(opts.Root)))
	if res.Skipped > 0 {
		*r = append(*r, fmt.Sprintf("skipped %d %s that %s not parse; fix %s and run init again to include %s:",
			res.Skipped, plural(res.Skipped, "file", "files"), plural(res.Skipped, "does", "do"), plural(res.Skipped, "it", "them"), plural(res.Skipped, "it", "them")))
		*r = append(*r, skipped...)
	}
	*r = append(*r, fmt.Sprintf("front matter: in %s → %s", ratio(withFM, res.Entries, "entries"), frontMatter))
	if withFM > 0 {
		reportFields(r, root)
	}
	reportSections(r, sections, recommended, res.Entries)
	return res, nil
}

// checkSchema compiles the inferred schema as lint will and counts the
// entries it rejects, so that a too-strict inference shows at once.
func checkSchema(res *Result, entries []*lint.Entry) error {
	v, err := schema.Compile("inferred schema", res.Schema, lint.SchemaOptions())
	if err != nil {
		return fmt.Errorf("inferred schema does not compile (a bug in contentlint init): %w", err)
	}
	var lines []string
	for _, e := range entries {
		if e == nil || e.Data == nil {
			continue
		}
		vs := v.Validate(e.Data)
		if len(vs) == 0 {
			continue
		}
		res.Failing++
		for _, x := range vs {
			field := source.FieldPath(e.Data, x.Pointer)
			if field == "" {
				field = "(front matter)"
			}
			lines = append(lines, fmt.Sprintf("  %s: %s: %s [schema-%s]", e.Path, field, x.Message, x.Kind))
		}
	}
	res.Report = append(res.Report, fmt.Sprintf("%d of %d entries would fail the inferred schema", res.Failing, res.Entries))
	res.Report = append(res.Report, lines...)
	return nil
}

// node gathers what was seen at one place in the front matter: a field, or
// the items of an array field.
type node struct {
	key    string // the member's key; for items, the array's key
	field  string // dotted field path as lint's field patterns see it (items share their array's)
	nested bool   // the member of a mapping other than the front matter itself
	items  bool   // this node is an array's items

	present int            // values seen other than null
	nulls   int            // null values seen
	kinds   map[string]int // JSON types seen

	strs  map[string]int // each string value and how often it was seen
	empty bool           // an empty string was seen

	objects int // object values seen (the denominator of required)
	props   map[string]*node
	order   []string // property keys, merged from the entries' source orders

	arrays  int
	elems   *node
	repeats bool // some array repeats a string item

	// Decided by finish.
	format string
	enum   []string
}

// add records one non-root value (or, for the root, the front matter).
func (n *node) add(v any, ptr string, e *lint.Entry) {
	if v == nil {
		n.nulls++
		return
	}
	n.present++
	if n.kinds == nil {
		n.kinds = map[string]int{}
	}
	switch v := v.(type) {
	case map[string]any:
		n.kinds["object"]++
		n.objects++
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
			c.add(v[k], source.Child(ptr, k), e)
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
			n.elems.add(x, fmt.Sprintf("%s/%d", ptr, i), e)
		}
	case string:
		n.kinds["string"]++
		if n.strs == nil {
			n.strs = map[string]int{}
		}
		n.strs[v]++
		if v == "" {
			n.empty = true
		}
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

// finish names the nodes and decides formats and enums, depth first. An
// array's items share its key and field path, as lint's field patterns do.
func (n *node) finish(key, field string, root bool) {
	n.key, n.field = key, field
	n.format = n.detectFormat()
	if !n.items && n.format == "" {
		n.enum = n.detectEnum()
	}
	for _, k := range n.order {
		child := escapeGlob(k)
		if !root {
			child = field + "." + child
		}
		c := n.props[k]
		// The front matter's own members are not nested; members of any
		// mapping below it are.
		c.nested = !root
		c.finish(k, child, false)
	}
	if n.elems != nil {
		n.elems.nested = n.nested
		n.elems.finish(n.key, n.field, false)
	}
}

// escapeGlob escapes a key for lint's field patterns (doublestar globs).
func escapeGlob(k string) string {
	if !strings.ContainsAny(k, `*?[{\`) {
		return k
	}
	var b strings.Builder
	for _, r := range k {
		if strings.ContainsRune(`*?[{\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// detectFormat returns the format every string value satisfies: a network's
// handle for a member of a nested mapping keyed by a network (social.twitter),
// then email, then https-url or uri.
func (n *node) detectFormat() string {
	if len(n.strs) == 0 {
		return ""
	}
	all := func(check func(string) error) bool {
		for s := range n.strs {
			if check(s) != nil {
				return false
			}
		}
		return true
	}
	if n.nested {
		if net, ok := validate.NetworkByName(n.key); ok && all(net.Checker(validate.FormAny)) {
			return net.Name + "-handle"
		}
	}
	switch {
	case all(validate.Email):
		return "email"
	case all(validate.Formats["https-url"]):
		return "https-url"
	case all(validate.URL):
		return "uri"
	}
	return ""
}

// detectEnum returns the values of a small closed set of strings: few
// distinct values, seen often, each more than once.
func (n *node) detectEnum() []string {
	if len(n.kinds) != 1 || n.kinds["string"] == 0 || len(n.strs) > enumMaxValues || n.kinds["string"] < enumMinSeen {
		return nil
	}
	var vals []string
	for s, c := range n.strs {
		if c < enumMinRepeats {
			return nil
		}
		vals = append(vals, s)
	}
	slices.Sort(vals)
	return vals
}

// typeOrder is the order of JSON Schema type names in a type array.
var typeOrder = []string{"string", "integer", "number", "boolean", "array", "object"}

// types lists the JSON types seen, an integer counting as a number when
// both were seen (every integer is one).
func (n *node) types() []string {
	var out []string
	for _, t := range typeOrder {
		if n.kinds[t] == 0 || (t == "integer" && n.kinds["number"] > 0) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// required lists the members present (not null) in at least 90% of the objects.
func (n *node) required() []string {
	var out []string
	for _, k := range n.order {
		if atLeast(n.props[k].present, n.objects, requiredTenths) {
			out = append(out, k)
		}
	}
	return out
}

func (n *node) uniqueItems() bool {
	return n.elems != nil && !n.repeats && slices.Equal(n.elems.types(), []string{"string"})
}

// atLeast reports whether count is at least tenths/10 of total.
func atLeast(count, total, tenths int) bool {
	return total > 0 && count*10 >= total*tenths
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

// buildSchema writes the schema of the front matter; dir is the entries'
// folder relative to the schema's, for its description.
func buildSchema(root *node, name, dir string) ([]byte, error) {
	s := ordered{}
	s.set("$schema", "https://json-schema.org/draft/2020-12/schema")
	s.set("title", name+" entry")
	s.set("description", fmt.Sprintf("Front matter of one %s entry. Inferred by contentlint init from the entries in %s: review it, and add a description to each field.", name, dir))
	s.set("type", "object")
	props := ordered{}
	props.set("$schema", ordered{
		{"description", "A path to another schema for this entry, relative to the entry."},
		{"type", "string"},
	})
	if req := root.required(); len(req) > 0 {
		s.set("required", req)
	}
	s.set("additionalProperties", false)
	for _, k := range root.order {
		props.set(k, nodeSchema(root.props[k]))
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

// nodeSchema is the schema of one field or of an array's items.
func nodeSchema(n *node) ordered {
	s := ordered{}
	switch ts := n.types(); len(ts) {
	case 0:
		// Only nulls were seen: nothing to say about the type.
	case 1:
		s.set("type", ts[0])
	default:
		s.set("type", ts)
	}
	if n.kinds["string"] > 0 {
		switch {
		case n.enum != nil:
			s.set("enum", n.enum)
		default:
			if n.format != "" {
				s.set("format", n.format)
			}
			if !n.empty {
				s.set("minLength", 1)
			}
		}
	}
	if n.arrays > 0 {
		if n.uniqueItems() {
			s.set("uniqueItems", true)
		}
		if n.elems != nil && n.elems.present > 0 {
			s.set("items", nodeSchema(n.elems))
		}
	}
	if n.objects > 0 {
		if req := n.required(); len(req) > 0 {
			s.set("required", req)
		}
		s.set("additionalProperties", false)
		props := ordered{}
		for _, k := range n.order {
			props.set(k, nodeSchema(n.props[k]))
		}
		s.set("properties", props)
	}
	return s
}

// fieldPatterns are the fields config: exact dotted paths per kind.
type fieldPatterns struct {
	email, url, social []string
}

func (f fieldPatterns) empty() bool {
	return len(f.email) == 0 && len(f.url) == 0 && len(f.social) == 0
}

// collectFields maps the detected formats to lint's field kinds: a mapping
// with a network-handle member becomes "<mapping>.*" (lint takes the network
// from each member's key and passes over keys that name none).
func collectFields(root *node) fieldPatterns {
	var f fieldPatterns
	var walk func(n *node, parent string)
	walk = func(n *node, parent string) {
		switch {
		case strings.HasSuffix(n.format, "-handle"):
			if p := parent + ".*"; !slices.Contains(f.social, p) {
				f.social = append(f.social, p)
			}
		case n.format == "email":
			if !slices.Contains(f.email, n.field) {
				f.email = append(f.email, n.field)
			}
		case n.format == "uri" || n.format == "https-url":
			if !slices.Contains(f.url, n.field) {
				f.url = append(f.url, n.field)
			}
		}
		for _, k := range n.order {
			walk(n.props[k], n.field)
		}
		if n.elems != nil {
			walk(n.elems, parent)
		}
	}
	for _, k := range root.order {
		walk(root.props[k], "")
	}
	return f
}

// sectionStats counts the level-2 headings of the entries.
type sectionStats struct {
	count     map[string]int            // normalized title → entries that have it
	spellings map[string]map[string]int // normalized → original text → entries
	order     []string                  // normalized titles, first seen first
	spellSeen map[string][]string       // normalized → spellings, first seen first
}

func newSectionStats() *sectionStats {
	return &sectionStats{count: map[string]int{}, spellings: map[string]map[string]int{}, spellSeen: map[string][]string{}}
}

// add records the top-level level-2 headings of one entry, each title once:
// like the section rules, a heading in a list or blockquote is no section.
func (s *sectionStats) add(e *lint.Entry) {
	if e.Body == nil {
		return
	}
	src := e.BodySource()
	seen := map[string]bool{}
	for c := e.Body.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok || h.Level != sectionLevel {
			continue
		}
		text := lint.HeadingText(h, src)
		norm := lint.NormalizeHeading(text)
		if norm == "" || seen[norm] {
			continue
		}
		seen[norm] = true
		if s.count[norm] == 0 {
			s.order = append(s.order, norm)
			s.spellings[norm] = map[string]int{}
		}
		s.count[norm]++
		if s.spellings[norm][text] == 0 {
			s.spellSeen[norm] = append(s.spellSeen[norm], text)
		}
		s.spellings[norm][text]++
	}
}

// section is one recommended section with its support.
type section struct {
	title string
	count int
}

// recommended lists the headings in at least 60% of the entries, in the
// order first seen, each in its most common spelling (the first seen on a tie).
func (s *sectionStats) recommended(entries int) []section {
	var out []section
	for _, norm := range s.order {
		if !atLeast(s.count[norm], entries, sectionTenths) {
			continue
		}
		best := ""
		for _, sp := range s.spellSeen[norm] {
			if best == "" || s.spellings[norm][sp] > s.spellings[norm][best] {
				best = sp
			}
		}
		out = append(out, section{best, s.count[norm]})
	}
	return out
}

// relativeRoot returns Root relative to ConfigDir with forward slashes: the
// configuration's globs are relative to its own folder.
func relativeRoot(opts Options) (string, error) {
	rel := lint.RelPath(path.Clean(opts.ConfigDir), path.Clean(opts.Root))
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", errors.New("infer: the entries folder " + opts.Show(opts.Root) + " is outside the configuration's folder " + opts.Show(opts.ConfigDir) + "; run init from a folder that contains it")
	}
	return rel, nil
}

// unwrapPath drops the path from an *fs.PathError: the message names the file.
func unwrapPath(err error) error {
	var perr *fs.PathError
	if errors.As(err, &perr) {
		return perr.Err
	}
	return err
}

// includeGlobs makes the include patterns for the entries' folder rel,
// adding .markdown files when there are some (lint walks both extensions).
func includeGlobs(rel string, exts map[string]bool) []string {
	prefix := ""
	if rel != "." {
		prefix = rel + "/"
	}
	globs := []string{prefix + "**/*.md"}
	if exts[".markdown"] {
		globs = append(globs, prefix+"**/*.markdown")
	}
	return globs
}

// ratio writes "9 of 11 entries (81%)".
func ratio(count, total int, noun string) string {
	return fmt.Sprintf("%d of %d %s (%d%%)", count, total, noun, percent(count, total))
}

// percent rounds down, so that a share just under a threshold never prints as it.
func percent(count, total int) int {
	if total == 0 {
		return 0
	}
	return count * 100 / total
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// reportFields says, field by field, what the schema declares and why.
func reportFields(r *[]string, root *node) {
	var walk func(n *node, parentObjects int, parentName string)
	walk = func(n *node, parentObjects int, parentName string) {
		var parts []string
		parts = append(parts, describeTypes(n))
		req := "optional"
		if atLeast(n.present, parentObjects, requiredTenths) {
			req = "required"
		}
		in := "entries"
		if parentName != "" {
			in = "entries with " + parentName
		}
		parts = append(parts, fmt.Sprintf("%s: in %s", req, ratio(n.present, parentObjects, in)))
		parts = append(parts, describeConstraints(n)...)
		if n.nulls > 0 {
			parts = append(parts, fmt.Sprintf("%d null %s ignored for the type (such entries fail the schema)", n.nulls, plural(n.nulls, "value", "values")))
		}
		*r = append(*r, "field "+n.field+": "+strings.Join(parts, "; "))
		for _, k := range n.order {
			walk(n.props[k], n.objects, n.field)
		}
		if n.elems != nil {
			for _, k := range n.elems.order {
				walk(n.elems.props[k], n.elems.objects, n.field+" items")
			}
		}
	}
	for _, k := range root.order {
		walk(root.props[k], root.objects, "")
	}
}

func describeTypes(n *node) string {
	ts := n.types()
	if len(ts) == 0 {
		return "no type (only null values)"
	}
	for i, t := range ts {
		if t == "array" && n.elems != nil {
			if its := n.elems.types(); len(its) > 0 {
				ts[i] = "array of " + strings.Join(its, " or ")
			}
		}
	}
	return strings.Join(ts, " or ")
}

func describeConstraints(n *node) []string {
	var out []string
	add := func(n *node, prefix string) {
		if n.enum != nil {
			out = append(out, fmt.Sprintf("%senum %s (%d distinct values, each seen at least %d times)", prefix, quoteList(n.enum), len(n.enum), enumMinRepeats))
		}
		if n.format != "" {
			out = append(out, fmt.Sprintf("%sformat %s (every value passes)", prefix, n.format))
		}
		if n.kinds["string"] > 0 && n.enum == nil && !n.empty {
			out = append(out, prefix+"minLength 1 (no empty value)")
		}
	}
	add(n, "")
	if n.elems != nil {
		if n.uniqueItems() {
			out = append(out, "uniqueItems (no entry repeats an item)")
		}
		add(n.elems, "items: ")
	}
	return out
}

func quoteList(vals []string) string {
	q := make([]string, len(vals))
	for i, v := range vals {
		q[i] = fmt.Sprintf("%q", v)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func reportSections(r *[]string, s *sectionStats, rec []section, entries int) {
	if len(rec) == 0 {
		*r = append(*r, fmt.Sprintf("sections: no level-%d heading is in at least %d%% of the entries; none recommended", sectionLevel, sectionTenths*10))
	}
	for _, sec := range rec {
		*r = append(*r, fmt.Sprintf("section %q: in %s → recommended", sec.title, ratio(sec.count, entries, "entries")))
	}
	if others := len(s.order) - len(rec); others > 0 {
		*r = append(*r, fmt.Sprintf("sections: %d other level-%d %s in fewer than %d%% of the entries, not declared", others, sectionLevel, plural(others, "heading", "headings"), sectionTenths*10))
	}
	*r = append(*r, "sections: none required; move a title from recommended to required to make it an error when missing")
}
