// Package config reads contentlint's configuration file into a
// lint.Config: collections of entries, each with its schema, sections and
// field kinds; rule settings and options; ignores. The built-in defaults
// are themselves a configuration file (default.yaml).
package config

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/glasgow-open-data/contentlint/schema"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultName names the built-in configuration in messages.
const DefaultName = "builtin:default"

// FileNames are the configuration files looked for, in order, in each folder.
var FileNames = []string{".contentlint.yaml", "contentlint.yaml"}

// File is a configuration file as written.
type File struct {
	Collections []CollectionSpec   `json:"collections"`
	Rules       map[string]RuleSet `json:"rules,omitempty"`
	Ignore      []string           `json:"ignore,omitempty"`
	MaxFileSize int64              `json:"max-file-size,omitempty"`
	Online      *OnlineSpec        `json:"online,omitempty"`
}

// CollectionSpec is one collection as written.
type CollectionSpec struct {
	Name        string               `json:"name"`
	Include     []string             `json:"include"`
	Exclude     []string             `json:"exclude,omitempty"`
	Schema      string               `json:"schema,omitempty"`
	FrontMatter string               `json:"frontmatter,omitempty"`
	Sections    *SectionsSpec        `json:"sections,omitempty"`
	Fields      map[string]FieldSpec `json:"fields,omitempty"`
	Empty       string               `json:"empty,omitempty"`
	Rules       map[string]RuleSet   `json:"rules,omitempty"`
	Unique      []string             `json:"unique,omitempty"`
	References  []ReferenceSpec      `json:"references,omitempty"`
	Vocabulary  []string             `json:"vocabulary,omitempty"`
	Filename    string               `json:"filename,omitempty"`
}

// ReferenceSpec declares a field whose values name entries of a collection.
type ReferenceSpec struct {
	Field      string `json:"field"`
	Collection string `json:"collection"`
	Key        string `json:"key,omitempty"`
}

// RuleSet is one rule's setting: a severity, written alone ("warning") or
// with options ({severity: warning, options: {max: 300}}).
type RuleSet struct {
	Severity string         `json:"severity"`
	Options  map[string]any `json:"options,omitempty"`
}

// UnmarshalJSON accepts a bare severity as well as {severity, options}.
func (r *RuleSet) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &r.Severity)
	}
	type plain RuleSet
	return json.Unmarshal(b, (*plain)(r))
}

// SectionsSpec declares a collection's sections.
type SectionsSpec struct {
	Required    []SectionSpec `json:"required,omitempty"`
	Recommended []SectionSpec `json:"recommended,omitempty"`
	Order       bool          `json:"order,omitempty"`
	Level       int           `json:"level,omitempty"`
}

// SectionSpec is a heading title, written as a string or as {title, aliases}.
type SectionSpec struct {
	Title   string   `json:"title"`
	Aliases []string `json:"aliases,omitempty"`
}

// UnmarshalJSON accepts a bare title as well as {title, aliases}.
func (s *SectionSpec) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &s.Title)
	}
	type plain SectionSpec
	return json.Unmarshal(b, (*plain)(s))
}

// FieldSpec declares what the fields a key of fields: names hold: a kind
// ("url"), a declaration ({kind: social, network: linkedin, form: handle}),
// or, under the keys email, url and social, a list of field patterns of
// that kind.
type FieldSpec struct {
	Kind     string   `json:"kind"`
	Network  string   `json:"network,omitempty"`
	Form     string   `json:"form,omitempty"`
	Schemes  []string `json:"schemes,omitempty"`
	Relative bool     `json:"relative,omitempty"`
	Prefix   string   `json:"prefix,omitempty"`
	Empty    string   `json:"empty,omitempty"`
	// Patterns is the list form: every pattern holds the kind the key names.
	Patterns []string `json:"-"`
}

// UnmarshalJSON accepts a kind, a declaration or a list of patterns.
func (f *FieldSpec) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) > 0 && b[0] == '"':
		return json.Unmarshal(b, &f.Kind)
	case len(b) > 0 && b[0] == '[':
		return json.Unmarshal(b, &f.Patterns)
	}
	type plain FieldSpec
	return json.Unmarshal(b, (*plain)(f))
}

// Find returns the nearest configuration file from dir up to the
// repository root (the first folder holding .git), or "" when there is
// none. dir and the result are slash-separated paths of fsys. A Finder
// does the same for many folders, remembering each.
func Find(fsys fs.FS, dir string) (string, error) {
	return (&Finder{FS: fsys}).File(dir), nil
}

// isVolume reports whether a path is a Windows volume ("C:"), the top of
// such a file system.
func isVolume(p string) bool { return len(p) == 2 && p[1] == ':' }

// Default returns the built-in configuration, relative to dir (a path of
// the file system entries are read from).
func Default(dir string, cat *lint.Catalogue) (*lint.Config, error) {
	// The built-in configuration is checked against the configuration
	// schema by the tests (TestDefaultIsAConfigFile), not at every start:
	// compiling that schema is a third of a one-file run.
	return parse(nil, DefaultName, dir, defaultYAML, cat, false)
}

// Load reads and validates the configuration file at p, a path of fsys;
// name is how messages call it (the path as the user wrote it).
func Load(fsys fs.FS, p, name string, cat *lint.Catalogue) (*lint.Config, error) {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, fmt.Errorf("read configuration: %w", renamePath(err, name))
	}
	return Parse(fsys, name, path.Dir(p), src, cat)
}

// Parse reads a configuration from its text, named name in messages, whose
// globs and schema paths are relative to dir, a path of fsys.
func Parse(fsys fs.FS, name, dir string, src []byte, cat *lint.Catalogue) (*lint.Config, error) {
	return parse(fsys, name, dir, src, cat, true)
}

// parse is Parse, validating the document against the configuration schema
// when validate is set.
func parse(fsys fs.FS, name, dir string, src []byte, cat *lint.Catalogue, validate bool) (*lint.Config, error) {
	x := source.NewLineIndex(src)
	format := source.FormatYAML
	if strings.HasSuffix(name, ".json") {
		format = source.FormatJSON
	}
	empty := source.ErrorAt(name, x.Span(0, 0), "the configuration is empty; it needs at least a collections list")
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, empty
	}
	doc := source.Decode(x, format, 0, len(src), "the configuration")
	if len(doc.Problems) > 0 {
		p := doc.Problems[0]
		span := p.Span
		if span.IsZero() {
			span = x.Span(0, 0)
		}
		return nil, source.ErrorAt(name, span, "%s", p.Message)
	}
	p := &parser{name: name, doc: doc, root: x.Span(0, 0), cat: cat}
	if doc.Value == nil {
		return nil, empty
	}
	if validate {
		configSchema, err := schema.Load(nil, schema.BuiltinPrefix+"config", schema.Options{})
		if err != nil {
			return nil, err
		}
		if vs := configSchema.Validate(doc.Value); len(vs) > 0 {
			return nil, p.violation("", vs[0])
		}
	}
	raw, _ := json.Marshal(doc.Value)
	var f File
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, &source.Error{Path: name, Message: err.Error()}
	}
	c := &lint.Config{Name: name, Dir: dir, Ignore: f.Ignore, MaxFileSize: f.MaxFileSize}
	if err := p.globs("/ignore", f.Ignore); err != nil {
		return nil, err
	}
	var err error
	if c.Severities, _, err = p.rules("/rules", f.Rules, false); err != nil {
		return nil, err
	}
	if c.Online, err = p.online(f.Online); err != nil {
		return nil, err
	}
	schemas := map[string]*schema.Validator{}
	for i, spec := range f.Collections {
		coll, err := p.collection(fsys, dir, i, spec, schemas)
		if err != nil {
			return nil, err
		}
		c.Collections = append(c.Collections, coll)
	}
	if err := p.references(c, f.Collections); err != nil {
		return nil, err
	}
	return c, nil
}

// parser turns a decoded configuration into a lint.Config, locating every
// problem in the file.
type parser struct {
	name string
	doc  *source.Document
	root source.Span
	cat  *lint.Catalogue
}

// errorAt returns an error at the value at ptr (its key with atKey).
func (p *parser) errorAt(ptr string, atKey bool, format string, args ...any) error {
	loc := p.doc.Locate(ptr, p.root)
	span := loc.Value
	if atKey && !loc.Key.IsZero() {
		span = loc.Key
	}
	return source.ErrorAt(p.name, span, format, args...)
}

// violation locates a schema violation of the value at base.
func (p *parser) violation(base string, v schema.Violation) error {
	v.Pointer = base + v.Pointer
	field := source.FieldPath(p.doc.Value, v.Pointer)
	if field == "" {
		field = "configuration"
	}
	return source.ErrorAt(p.name, lint.ViolationSpan(p.doc.Locations, p.root, v), "%s: %s", field, v.Message)
}

// globs rejects malformed globs.
func (p *parser) globs(ptr string, globs []string) error {
	for i, g := range globs {
		if !lint.ValidGlob(g) {
			return p.errorAt(source.Index(ptr, i), false, "%s: %q is not a valid glob; check its brackets and braces", source.FieldPath(p.doc.Value, source.Index(ptr, i)), g)
		}
	}
	return nil
}

// rules reads a rules mapping, rejecting unknown rule ids and families and
// options a rule does not take; withOptions allows options (collections).
func (p *parser) rules(ptr string, rules map[string]RuleSet, withOptions bool) (lint.Severities, map[*lint.Rule]any, error) {
	out := lint.Severities{}
	var options map[*lint.Rule]any
	for _, id := range sortedKeys(rules) {
		key := source.Child(ptr, id)
		field := source.FieldPath(p.doc.Value, key)
		if !p.cat.Known(id) {
			msg := fmt.Sprintf("%s: no rule or family %q", field, id)
			if best := closestRule(id, p.cat); best != "" {
				msg += fmt.Sprintf("; did you mean %q?", best)
			}
			return nil, nil, p.errorAt(key, true, "%s", msg)
		}
		set := rules[id]
		sevPtr := key
		if _, isObject := p.doc.Locations[source.Child(key, "severity")]; isObject {
			sevPtr = source.Child(key, "severity")
		}
		sev, err := lint.ParseSeverity(set.Severity)
		if err != nil {
			return nil, nil, p.errorAt(sevPtr, false, "%s", err.Error())
		}
		out[id] = sev
		if set.Options == nil {
			continue
		}
		optPtr := source.Child(key, "options")
		r := p.cat.Rule(id)
		switch {
		case r == nil || r.Options == nil:
			return nil, nil, p.errorAt(optPtr, true, "%s: %s takes no options", field, id)
		case !withOptions:
			return nil, nil, p.errorAt(optPtr, true, "%s: set a rule's options in a collection's rules, not in the top-level rules", field)
		}
		value, err := p.options(r, optPtr, set.Options)
		if err != nil {
			return nil, nil, err
		}
		if options == nil {
			options = map[*lint.Rule]any{}
		}
		options[r] = value
	}
	return out, options, nil
}

// options validates a rule's options against the schema it declares and
// decodes them onto its defaults.
func (p *parser) options(r *lint.Rule, ptr string, set map[string]any) (any, error) {
	s, err := schema.Compile(r.ID+" options", []byte(r.Options.Schema), schema.Options{})
	if err != nil {
		return nil, fmt.Errorf("rule %s declares a broken options schema: %w", r.ID, err)
	}
	if vs := s.Validate(set); len(vs) > 0 {
		return nil, p.violation(ptr, vs[0])
	}
	value := r.Options.Default()
	raw, _ := json.Marshal(set)
	if err := json.Unmarshal(raw, value); err != nil {
		return nil, p.errorAt(ptr, false, "%s: %v", source.FieldPath(p.doc.Value, ptr), err)
	}
	return value, nil
}

func (p *parser) collection(fsys fs.FS, dir string, i int, spec CollectionSpec, schemas map[string]*schema.Validator) (*lint.Collection, error) {
	var err error
	ptr := source.Index("/collections", i)
	lc := &lint.Collection{Name: spec.Name, Include: spec.Include, Exclude: spec.Exclude, FrontMatterRequired: spec.FrontMatter != "optional"}
	for _, g := range []string{"include", "exclude"} {
		list := spec.Include
		if g == "exclude" {
			list = spec.Exclude
		}
		if err := p.globs(source.Child(ptr, g), list); err != nil {
			return nil, err
		}
	}
	if name := spec.Schema; name != "" {
		if !strings.HasPrefix(name, schema.BuiltinPrefix) {
			name = path.Join(dir, name)
		}
		v, ok := schemas[name]
		if !ok {
			var err error
			if v, err = schema.Load(fsys, name, lint.SchemaOptions()); err != nil {
				return nil, p.errorAt(source.Child(ptr, "schema"), false, "collections[%d].schema: %v", i, err)
			}
			schemas[name] = v
		}
		lc.Schema = v
	}
	for j := range spec.Include {
		if p.name == DefaultName {
			break // generic globs: a repository without .markdown files is fine
		}
		lc.IncludeSpans = append(lc.IncludeSpans, p.doc.Locate(source.Index(source.Child(ptr, "include"), j), p.root).Value)
	}
	if s := spec.Sections; s != nil {
		if err := p.distinctSections(source.Child(ptr, "sections"), s); err != nil {
			return nil, err
		}
		lc.Sections = &lint.Sections{Order: s.Order, Level: s.Level, Required: sections(s.Required), Recommended: sections(s.Recommended)}
	}
	if lc.Fields, err = p.fields(source.Child(ptr, "fields"), spec.Fields); err != nil {
		return nil, err
	}
	lc.EmptyIsError = spec.Empty == "error"
	if lc.Severities, lc.Options, err = p.rules(source.Child(ptr, "rules"), spec.Rules, true); err != nil {
		return nil, err
	}
	if err := p.acrossEntries(ptr, spec, lc); err != nil {
		return nil, err
	}
	return lc, nil
}

// fields reads a collection's field declarations, in the order written: a
// field takes the first that matches.
func (p *parser) fields(ptr string, specs map[string]FieldSpec) ([]lint.FieldKind, error) {
	keys := make([]string, 0, len(specs))
	for k := range specs {
		keys = append(keys, k)
	}
	offset := func(k string) int { return p.doc.Locations[source.Child(ptr, k)].Key.Start.Offset }
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(offset(a), offset(b)) })
	var out []lint.FieldKind
	for _, key := range keys {
		spec, at := specs[key], source.Child(ptr, key)
		field := source.FieldPath(p.doc.Value, at)
		if spec.Patterns != nil {
			for j, pattern := range spec.Patterns {
				if !lint.ValidFieldPattern(pattern) {
					return nil, p.badFieldPattern(source.Index(at, j), false, fmt.Sprintf("%s[%d]", field, j), pattern)
				}
				out = append(out, lint.FieldKind{Match: pattern, Kind: key})
			}
			continue
		}
		if !lint.ValidFieldPattern(key) {
			return nil, p.badFieldPattern(at, true, field, key)
		}
		k, err := p.field(at, key, spec)
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, nil
}

// field reads one field declaration.
func (p *parser) field(at, key string, spec FieldSpec) (lint.FieldKind, error) {
	field := source.FieldPath(p.doc.Value, at)
	k := lint.FieldKind{Match: key, Kind: spec.Kind, Network: strings.ToLower(spec.Network)}
	// A declaration written as a bare kind has its position on the value;
	// one written as a mapping, on its members.
	member := func(names ...string) string {
		for _, name := range names {
			if _, ok := p.doc.Locations[source.Child(at, name)]; ok {
				return source.Child(at, name)
			}
		}
		return at
	}
	switch spec.Empty {
	case "error":
		k.Empty = lint.EmptyError
	case "ignore":
		k.Empty = lint.EmptyAbsent
	}
	if spec.Kind != lint.KindSocial && (spec.Network != "" || spec.Form != "") {
		return k, p.errorAt(member("network", "form"), true, "%s: network and form apply to social fields; add kind: social", field)
	}
	if spec.Kind != lint.KindURL && (spec.Schemes != nil || spec.Relative || spec.Prefix != "") {
		return k, p.errorAt(member("schemes", "relative", "prefix"), true, "%s: schemes, relative and prefix apply to url fields; add kind: url", field)
	}
	k.Prefix = spec.Prefix
	if spec.Form != "" {
		form, err := validate.ParseForm(spec.Form)
		if err != nil {
			return k, p.errorAt(member("form"), false, "%s.form: %v", field, err)
		}
		k.Form = form
	}
	k.URL = validate.URLRules{Schemes: spec.Schemes, Relative: spec.Relative}
	if spec.Kind != lint.KindSocial {
		return k, nil
	}
	name := k.Network
	if name == "" {
		segments := strings.Split(key, ".")
		name = segments[len(segments)-1]
		if strings.ContainsAny(name, "*?[{") {
			return k, nil // a pattern such as social.*: each key names its network
		}
	}
	if _, ok := validate.NetworkByName(name); !ok {
		var names []string
		for _, n := range validate.Networks {
			names = append(names, n.Name)
		}
		msg := fmt.Sprintf("%s: %q is not a network contentlint knows", field, name)
		if best := schema.Closest(name, names); best != "" {
			msg += fmt.Sprintf("; did you mean %q?", best)
		} else {
			msg += "; say which one it is with network: (" + strings.Join(names, ", ") + ")"
		}
		return k, p.errorAt(member("network"), false, "%s", msg)
	}
	return k, nil
}

// distinctSections rejects a section declared twice, under its title or an
// alias, compared as headings are (case, spacing and trailing punctuation
// aside): a body could never satisfy both, and the order would be ambiguous.
func (p *parser) distinctSections(ptr string, s *SectionsSpec) error {
	first := map[string]string{} // normalised title → field path of its first declaration
	for _, list := range []struct {
		name  string
		specs []SectionSpec
	}{{"required", s.Required}, {"recommended", s.Recommended}} {
		for j, sec := range list.specs {
			at := source.Index(source.Child(ptr, list.name), j)
			names := []string{sec.Title}
			paths := []string{at}
			if _, isObject := p.doc.Locations[source.Child(at, "title")]; isObject {
				paths[0] = source.Child(at, "title")
			}
			for k, a := range sec.Aliases {
				names = append(names, a)
				paths = append(paths, source.Index(source.Child(at, "aliases"), k))
			}
			for k, name := range names {
				key := lint.NormalizeHeading(name)
				field := source.FieldPath(p.doc.Value, paths[k])
				if prev, dup := first[key]; dup {
					return p.errorAt(paths[k], false, "%s: section %q is already declared at %s; declare each section once (an alias counts)", field, name, prev)
				}
				first[key] = field
			}
		}
	}
	return nil
}

func sections(specs []SectionSpec) []lint.Section {
	out := make([]lint.Section, len(specs))
	for i, s := range specs {
		out[i] = lint.Section{Title: s.Title, Aliases: s.Aliases}
	}
	return out
}

// renamePath names the file in an *fs.PathError as the user did.
func renamePath(err error, name string) error {
	if perr, ok := err.(*fs.PathError); ok {
		return &fs.PathError{Op: perr.Op, Path: name, Err: perr.Err}
	}
	return err
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// closestRule suggests a rule id or family for a misspelt one.
func closestRule(name string, cat *lint.Catalogue) string {
	candidates := cat.Families()
	for _, r := range cat.Rules() {
		candidates = append(candidates, r.ID)
	}
	return schema.Closest(name, candidates)
}
