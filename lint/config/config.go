// Package config reads contentlint's configuration: collections of entries,
// each with its schema, sections and field kinds; rule settings; ignores.
// The built-in defaults are themselves a configuration file (default.yaml).
package config

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/glasgow-open-data/contentlint/lint"
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
	Collections []CollectionSpec  `json:"collections"`
	Rules       map[string]string `json:"rules,omitempty"`
	Ignore      []string          `json:"ignore,omitempty"`
	MaxFileSize int64             `json:"max-file-size,omitempty"`
}

// CollectionSpec is one collection as written.
type CollectionSpec struct {
	Name        string            `json:"name"`
	Include     []string          `json:"include"`
	Exclude     []string          `json:"exclude,omitempty"`
	Schema      string            `json:"schema,omitempty"`
	FrontMatter string            `json:"frontmatter,omitempty"`
	Sections    *SectionsSpec     `json:"sections,omitempty"`
	Fields      *FieldsSpec       `json:"fields,omitempty"`
	Rules       map[string]string `json:"rules,omitempty"`
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

// FieldsSpec names the fields checked as emails, URLs and social accounts.
type FieldsSpec struct {
	Email  []string `json:"email,omitempty"`
	URL    []string `json:"url,omitempty"`
	Social []string `json:"social,omitempty"`
}

// Config is a loaded, validated configuration ready to lint with.
type Config struct {
	// Path is the configuration file, or DefaultName.
	Path string
	// Dir is the absolute folder that globs and schema paths are relative to.
	Dir         string
	File        File
	Collections []*Collection
	Severities  lint.Severities

	schemas *schemaCache
}

// Collection is a configured collection with its compiled settings.
type Collection struct {
	Spec CollectionSpec
	*lint.Collection
}

// Error is a configuration problem with its position in the file.
type Error struct {
	Path         string
	Line, Column int // 1-based; 0 when unknown
	Message      string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Message)
}

// Find returns the nearest configuration file from dir up to the
// repository root (the first folder holding .git), or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p, nil
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Default returns the built-in configuration, relative to dir.
func Default(dir string, cat *lint.Catalogue) (*Config, error) {
	return parse(DefaultName, dir, defaultYAML, cat)
}

// Load reads and validates the configuration file at path.
func Load(path string, cat *lint.Catalogue) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read configuration: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return parse(path, filepath.Dir(abs), src, cat)
}

var (
	configSchemaOnce sync.Once
	configSchema     *schema.Validator
	configSchemaErr  error
)

func parse(name, dir string, src []byte, cat *lint.Catalogue) (*Config, error) {
	format := lint.FormatYAML
	if strings.HasSuffix(name, ".json") {
		format = lint.FormatJSON
	}
	doc := lint.ParseDocument(name, src, format)
	if len(doc.Problems) > 0 {
		p := doc.Problems[0]
		if p.Rule == "frontmatter-empty" {
			return nil, docError(doc, p.Span, "the configuration is empty; it needs at least a collections list")
		}
		return nil, docError(doc, p.Span, p.Message)
	}
	if doc.Data == nil {
		return nil, &Error{Path: name, Message: "the configuration is empty; it needs at least a collections list"}
	}
	configSchemaOnce.Do(func() { configSchema, configSchemaErr = schema.Load(schema.BuiltinPrefix+"config", schema.Options{}) })
	if configSchemaErr != nil {
		return nil, configSchemaErr
	}
	if vs := configSchema.Validate(doc.Data); len(vs) > 0 {
		v := vs[0]
		field := lint.FieldPath(doc.Data, v.Pointer)
		if field == "" {
			field = "configuration"
		}
		return nil, docError(doc, lint.ViolationSpan(doc, v), field+": "+v.Message)
	}
	raw, _ := json.Marshal(doc.Data)
	var f File
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, &Error{Path: name, Message: err.Error()}
	}
	c := &Config{Path: name, Dir: dir, File: f, schemas: newSchemaCache()}
	var err error
	if c.Severities, err = severities(doc, "/rules", f.Rules, cat); err != nil {
		return nil, err
	}
	for i, spec := range f.Collections {
		coll, err := c.collection(doc, i, spec, cat)
		if err != nil {
			return nil, err
		}
		c.Collections = append(c.Collections, coll)
	}
	return c, nil
}

func docError(doc *lint.Entry, span lint.Span, msg string) *Error {
	return &Error{Path: doc.Path, Line: span.Start.Line, Column: span.Start.Column, Message: msg}
}

// severities reads a rules mapping, rejecting unknown rule ids and families.
func severities(doc *lint.Entry, ptr string, rules map[string]string, cat *lint.Catalogue) (lint.Severities, error) {
	out := lint.Severities{}
	for _, id := range sortedKeys(rules) {
		key := ptr + "/" + schema.EscapeToken(id)
		if !cat.Known(id) {
			msg := fmt.Sprintf("%s: no rule or family %q", lint.FieldPath(doc.Data, key), id)
			if best := closestRule(id, cat); best != "" {
				msg += fmt.Sprintf("; did you mean %q?", best)
			}
			return nil, docError(doc, doc.KeySpan(key), msg)
		}
		sev, err := lint.ParseSeverity(rules[id])
		if err != nil {
			return nil, docError(doc, doc.Locate(key).Value, err.Error())
		}
		out[id] = sev
	}
	return out, nil
}

func (c *Config) collection(doc *lint.Entry, i int, spec CollectionSpec, cat *lint.Catalogue) (*Collection, error) {
	ptr := fmt.Sprintf("/collections/%d", i)
	lc := &lint.Collection{Name: spec.Name, FrontMatterRequired: spec.FrontMatter != "optional"}
	schemaName := spec.Schema
	if schemaName == "" {
		schemaName = schema.DefaultName
	}
	v, err := c.schemas.load(c.resolve(schemaName))
	if err != nil {
		return nil, docError(doc, doc.Locate(ptr+"/schema").Value, fmt.Sprintf("collections[%d].schema: %v", i, err))
	}
	lc.Schema = v
	if s := spec.Sections; s != nil {
		lc.Sections = &lint.Sections{Order: s.Order, Level: s.Level, Required: sections(s.Required), Recommended: sections(s.Recommended)}
	}
	if f := spec.Fields; f != nil {
		for _, kind := range []struct {
			name     string
			patterns []string
		}{{"email", f.Email}, {"url", f.URL}, {"social", f.Social}} {
			for _, p := range kind.patterns {
				lc.Fields = append(lc.Fields, lint.FieldKind{Match: p, Kind: kind.name})
			}
		}
	}
	if lc.Severities, err = severities(doc, ptr+"/rules", spec.Rules, cat); err != nil {
		return nil, err
	}
	return &Collection{Spec: spec, Collection: lc}, nil
}

func sections(specs []SectionSpec) []lint.Section {
	out := make([]lint.Section, len(specs))
	for i, s := range specs {
		out[i] = lint.Section{Title: s.Title, Aliases: s.Aliases}
	}
	return out
}

// resolve makes a schema path relative to the configuration's folder.
func (c *Config) resolve(name string) string {
	if strings.HasPrefix(name, schema.BuiltinPrefix) || filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(c.Dir, filepath.FromSlash(name))
}

// rel returns path relative to the configuration's folder, slash-separated.
func (c *Config) rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

func matchAny(patterns []string, rel string) bool {
	for _, p := range patterns {
		if lint.MatchGlob(p, rel) {
			return true
		}
	}
	return false
}

// CollectionFor returns the first collection that claims path, or nil.
func (c *Config) CollectionFor(path string) *Collection {
	rel := c.rel(path)
	for _, coll := range c.Collections {
		if matchAny(coll.Spec.Include, rel) && !matchAny(coll.Spec.Exclude, rel) {
			return coll
		}
	}
	return nil
}

// Ignored reports whether path matches an ignore glob.
func (c *Config) Ignored(path string) bool {
	return len(c.File.Ignore) > 0 && matchAny(c.File.Ignore, c.rel(path))
}

// Linter returns a linter over this configuration.
func (c *Config) Linter(cat *lint.Catalogue, jobs int, maxFileSize int64) *lint.Linter {
	if maxFileSize <= 0 {
		maxFileSize = c.File.MaxFileSize
	}
	return &lint.Linter{
		Catalogue:  cat,
		Severities: c.Severities,
		Parser:     lint.NewParser(),
		CollectionFor: func(path string) *lint.Collection {
			if coll := c.CollectionFor(path); coll != nil {
				return coll.Collection
			}
			return nil
		},
		MaxFileSize: maxFileSize,
		Jobs:        jobs,
		SchemaFor:   c.entrySchema,
	}
}

// entrySchema loads the schema an entry names with its "$schema" key,
// relative to the entry; like a configured schema, it must stay inside the
// configuration's folder.
func (c *Config) entrySchema(entryPath, ref string) (*schema.Validator, error) {
	if strings.Contains(ref, "://") {
		return nil, fmt.Errorf("%q is a URL; only a schema file in the repository may be named", ref)
	}
	p := ref
	if !strings.HasPrefix(ref, schema.BuiltinPrefix) {
		abs, err := filepath.Abs(filepath.Join(filepath.Dir(entryPath), filepath.FromSlash(ref)))
		if err != nil {
			return nil, err
		}
		if r, err := filepath.Rel(c.Dir, abs); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("%q is outside the repository folder %s", ref, c.Dir)
		}
		p = abs
	}
	return c.schemas.load(p)
}

// schemaCache compiles each schema once per run, for every worker.
type schemaCache struct {
	mu   sync.Mutex
	byID map[string]*cachedSchema
}

type cachedSchema struct {
	once sync.Once
	v    *schema.Validator
	err  error
}

func newSchemaCache() *schemaCache { return &schemaCache{byID: map[string]*cachedSchema{}} }

func (s *schemaCache) load(name string) (*schema.Validator, error) {
	s.mu.Lock()
	cs := s.byID[name]
	if cs == nil {
		cs = &cachedSchema{}
		s.byID[name] = cs
	}
	s.mu.Unlock()
	cs.once.Do(func() {
		cs.v, cs.err = schema.Load(name, lint.SchemaOptions())
		var cerr *schema.CompileError
		if errors.As(cs.err, &cerr) {
			cs.err = cerr
		}
	})
	return cs.v, cs.err
}

func sortedKeys(m map[string]string) []string {
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
