// Package schema compiles JSON Schemas for front matter and turns validation
// errors into plain-worded violations located by JSON pointer.
package schema

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

//go:embed *.schema.json
var builtins embed.FS

// BuiltinPrefix marks the name of a schema shipped inside the binary.
const BuiltinPrefix = "builtin:"

// DefaultName is the built-in schema for community directory entries.
const DefaultName = BuiltinPrefix + "community-entry"

// Options tunes compilation.
type Options struct {
	// Formats adds or replaces JSON Schema formats; each returns an error
	// whose text explains what is wrong with the value.
	Formats map[string]func(string) error
}

// Validator checks front matter data against one compiled schema. It is
// safe for concurrent use.
type Validator struct {
	// Name is the schema's file path or builtin: name, for messages.
	Name    string
	root    *jsonschema.Schema
	byLoc   map[string]*jsonschema.Schema
	formats map[string]func(string) error
}

// BuiltinSource returns the JSON text of a built-in schema such as "community-entry".
func BuiltinSource(name string) ([]byte, error) {
	name = strings.TrimPrefix(name, BuiltinPrefix)
	b, err := builtins.ReadFile(name + ".schema.json")
	if err != nil {
		return nil, fmt.Errorf("no built-in schema %q; the built-in schemas are: %s", name, strings.Join(BuiltinNames(), ", "))
	}
	return b, nil
}

// BuiltinNames lists the built-in schemas, each with its builtin: prefix.
func BuiltinNames() []string {
	entries, _ := builtins.ReadDir(".")
	var names []string
	for _, e := range entries {
		names = append(names, BuiltinPrefix+strings.TrimSuffix(e.Name(), ".schema.json"))
	}
	return names
}

// Load compiles the schema named by name: a builtin: name or a file path.
// A file's $ref may read only files in the schema's own folder and below;
// nothing is ever fetched from the network.
func Load(name string, opts Options) (*Validator, error) {
	if strings.HasPrefix(name, BuiltinPrefix) {
		src, err := BuiltinSource(name)
		if err != nil {
			return nil, err
		}
		return compile(name, "builtin:///"+strings.TrimPrefix(name, BuiltinPrefix)+".schema.json", src, "", opts)
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return nil, fmt.Errorf("schema %s: %w", name, err)
	}
	src, err := os.ReadFile(abs)
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	return compile(name, fileURL(abs), src, filepath.Dir(abs), opts)
}

func fileURL(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// CompileError is a schema that does not compile, with the position of the
// problem in the schema file when it is known.
type CompileError struct {
	Name         string // the schema's path or builtin: name
	Line, Column int    // 1-based; 0 when unknown
	Message      string
}

func (e *CompileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.Name, e.Line, e.Column, e.Message)
	}
	return fmt.Sprintf("%s: %s", e.Name, e.Message)
}

func compile(name, id string, src []byte, dir string, opts Options) (*Validator, error) {
	var doc any
	if err := json.Unmarshal(src, &doc); err != nil {
		cerr := &CompileError{Name: name, Message: "not valid JSON: " + err.Error()}
		var serr *json.SyntaxError
		if errors.As(err, &serr) {
			cerr.Line, cerr.Column = lineCol(src, int(serr.Offset)-1)
		}
		return nil, cerr
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	c.LoadURL = localLoader(dir)
	formats := map[string]func(string) error{}
	for fname, check := range opts.Formats {
		formats[fname] = check
		c.Formats[fname] = func(v any) bool {
			s, ok := v.(string)
			return !ok || check(s) == nil
		}
	}
	if err := c.AddResource(id, bytes.NewReader(src)); err != nil {
		return nil, &CompileError{Name: name, Message: err.Error()}
	}
	root, err := c.Compile(id)
	if err != nil {
		return nil, compileError(name, src, err)
	}
	v := &Validator{Name: name, root: root, byLoc: map[string]*jsonschema.Schema{}, formats: formats}
	v.index(root)
	return v, nil
}

// compileError locates a compilation failure in the schema source.
func compileError(name string, src []byte, err error) error {
	cerr := &CompileError{Name: name, Message: strings.TrimPrefix(err.Error(), "jsonschema: ")}
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		// The schema broke a meta-schema rule: point at the offending value.
		leaf := verr
		for len(leaf.Causes) > 0 {
			leaf = leaf.Causes[0]
		}
		cerr.Message = fmt.Sprintf("invalid schema at %s: %s", displayPointer(leaf.InstanceLocation), leaf.Message)
		if off, ok := pointerOffset(src, leaf.InstanceLocation); ok {
			cerr.Line, cerr.Column = lineCol(src, off)
		}
		return cerr
	}
	var serr *jsonschema.SchemaError
	if errors.As(err, &serr) && serr.Err != nil {
		cerr.Message = strings.TrimPrefix(serr.Err.Error(), "jsonschema: ")
		// A bad $ref or pattern names its keyword location after a '#'.
		if i := strings.LastIndex(cerr.Message, "#/"); i >= 0 {
			ptr := cerr.Message[i+1:]
			if j := strings.IndexAny(ptr, " '\""); j >= 0 {
				ptr = ptr[:j]
			}
			if off, ok := pointerOffset(src, ptr); ok {
				cerr.Line, cerr.Column = lineCol(src, off)
			}
		}
	}
	return cerr
}

func displayPointer(p string) string {
	if p == "" {
		return "the top level"
	}
	return p
}

// localLoader lets $ref read files only inside dir, and never the network.
func localLoader(dir string) func(string) (io.ReadCloser, error) {
	return func(s string) (io.ReadCloser, error) {
		u, err := url.Parse(s)
		if err != nil {
			return nil, err
		}
		if u.Scheme == "builtin" {
			src, err := BuiltinSource(strings.TrimSuffix(strings.TrimPrefix(u.Path, "/"), ".schema.json"))
			if err != nil {
				return nil, err
			}
			return io.NopCloser(bytes.NewReader(src)), nil
		}
		if u.Scheme != "file" || dir == "" {
			return nil, fmt.Errorf("$ref %q is not allowed: a schema may refer only to local files in its own folder, never to the network", s)
		}
		path := filepath.Clean(filepath.FromSlash(u.Path))
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return nil, fmt.Errorf("$ref %q is outside the schema's folder %s; move the referenced schema next to it", s, dir)
		}
		// Resolve symbolic links too, so a link cannot lead out of the folder.
		if real, err := filepath.EvalSymlinks(path); err == nil {
			if realDir, err := filepath.EvalSymlinks(dir); err == nil {
				if r, err := filepath.Rel(realDir, real); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
					return nil, fmt.Errorf("$ref %q leads outside the schema's folder %s through a symbolic link", s, dir)
				}
			}
		}
		return os.Open(path)
	}
}

// index records every compiled schema by location so that a validation
// error's keyword location can be traced back to its schema.
func (v *Validator) index(s *jsonschema.Schema) {
	if s == nil {
		return
	}
	if _, seen := v.byLoc[s.Location]; seen {
		return
	}
	v.byLoc[s.Location] = s
	for _, sub := range children(s) {
		v.index(sub)
	}
}

func children(s *jsonschema.Schema) []*jsonschema.Schema {
	out := []*jsonschema.Schema{s.Ref, s.RecursiveRef, s.DynamicRef, s.Not, s.If, s.Then, s.Else,
		s.PropertyNames, s.UnevaluatedProperties, s.Items2020, s.Contains, s.UnevaluatedItems, s.ContentSchema}
	out = append(out, s.AllOf...)
	out = append(out, s.AnyOf...)
	out = append(out, s.OneOf...)
	out = append(out, s.PrefixItems...)
	for _, p := range s.Properties {
		out = append(out, p)
	}
	for _, p := range s.PatternProperties {
		out = append(out, p)
	}
	for _, p := range s.DependentSchemas {
		out = append(out, p)
	}
	for _, d := range s.Dependencies {
		if p, ok := d.(*jsonschema.Schema); ok {
			out = append(out, p)
		}
	}
	for _, x := range []any{s.AdditionalProperties, s.Items, s.AdditionalItems} {
		switch x := x.(type) {
		case *jsonschema.Schema:
			out = append(out, x)
		case []*jsonschema.Schema:
			out = append(out, x...)
		}
	}
	return out
}

// lineCol converts a byte offset in src to a 1-based line and column (in code points).
func lineCol(src []byte, off int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > len(src) {
		off = len(src)
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return line, 1 + len([]rune(string(src[start:off])))
}
