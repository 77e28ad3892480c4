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
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/glasgow-open-data/contentlint/lint/source"
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

// Load compiles the schema named by name: a builtin: name, or a
// slash-separated path in fsys. A file's $ref may read only files of fsys in
// the schema's own folder and below; nothing is ever fetched from the network.
func Load(fsys fs.FS, name string, opts Options) (*Validator, error) {
	if strings.HasPrefix(name, BuiltinPrefix) {
		src, err := BuiltinSource(name)
		if err != nil {
			return nil, err
		}
		return compile(name, builtinURL(name), src, nil, "", opts)
	}
	if fsys == nil {
		return nil, fmt.Errorf("read schema %s: no file system to read it from", name)
	}
	clean := path.Clean(name)
	src, err := fs.ReadFile(fsys, clean)
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	return compile(name, fileURL(clean), src, fsys, path.Dir(clean), opts)
}

// Compile compiles a schema from its source, named name in messages, as
// init does before writing it. Its $ref may read only the built-in schemas.
func Compile(name string, src []byte, opts Options) (*Validator, error) {
	return compile(name, "mem:///"+url.PathEscape(path.Base(name)), src, nil, "", opts)
}

func builtinURL(name string) string {
	return "builtin:///" + strings.TrimPrefix(name, BuiltinPrefix) + ".schema.json"
}

// fileURL names a path of the file system as a URL, so that $ref resolves
// against it like any relative reference.
func fileURL(p string) string {
	return (&url.URL{Scheme: "file", Path: "/" + strings.TrimPrefix(p, "/")}).String()
}

// CompileError is a schema that does not compile, with the position of the
// problem in the schema file when it is known.
type CompileError = source.Error

func compile(name, id string, src []byte, fsys fs.FS, dir string, opts Options) (*Validator, error) {
	x := source.NewLineIndex(src)
	var doc any
	if err := json.Unmarshal(src, &doc); err != nil {
		cerr := &CompileError{Path: name, Message: "not valid JSON: " + err.Error()}
		var serr *json.SyntaxError
		if errors.As(err, &serr) {
			off := max(int(serr.Offset)-1, 0)
			cerr = source.ErrorAt(name, x.Span(off, off), "not valid JSON: %v", err)
		}
		return nil, cerr
	}
	load := localLoader(fsys, dir)
	c := jsonschema.NewCompiler()
	c.AssertFormat = true
	c.LoadURL = load
	formats := map[string]func(string) error{}
	for fname, check := range opts.Formats {
		formats[fname] = check
		c.Formats[fname] = func(v any) bool {
			s, ok := v.(string)
			return !ok || check(s) == nil
		}
	}
	if err := c.AddResource(id, bytes.NewReader(src)); err != nil {
		return nil, &CompileError{Path: name, Message: err.Error()}
	}
	root, err := c.Compile(id)
	if err != nil {
		// A $ref that cannot be loaded is the usual cause: find it, to
		// point at it. Only then, as it reads the schema a second time.
		if refErr := checkRefs(name, x, id, load); refErr != nil {
			return nil, refErr
		}
		return nil, compileError(name, x, err)
	}
	v := &Validator{Name: name, root: root, byLoc: map[string]*jsonschema.Schema{}, formats: formats}
	v.index(root)
	return v, nil
}

// compileError locates a compilation failure in the schema source.
func compileError(name string, x *source.LineIndex, err error) error {
	cerr := &CompileError{Path: name, Message: strings.TrimPrefix(err.Error(), "jsonschema: ")}
	locate := func(ptr string) {
		doc := source.Decode(x, source.FormatJSON, 0, len(x.Source()), "the schema")
		if loc, ok := doc.Locations[ptr]; ok {
			span := loc.Key
			if span.IsZero() {
				span = loc.Value
			}
			cerr.Line, cerr.Column, cerr.Offset = span.Start.Line, span.Start.Column, span.Start.Offset
			cerr.Length = span.End.Offset - span.Start.Offset
		}
	}
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		// The schema broke a meta-schema rule: point at the offending value.
		leaf := verr
		for len(leaf.Causes) > 0 {
			leaf = leaf.Causes[0]
		}
		cerr.Message = fmt.Sprintf("invalid schema at %s: %s", displayPointer(leaf.InstanceLocation), leaf.Message)
		locate(leaf.InstanceLocation)
		return cerr
	}
	var serr *jsonschema.SchemaError
	if errors.As(err, &serr) && serr.Err != nil {
		cerr.Message = strings.TrimPrefix(serr.Err.Error(), "jsonschema: ")
	}
	return cerr
}

// checkRefs opens, before compiling, every file or built-in schema a $ref
// in the schema source names, so that one that may not or cannot be read is
// reported at the $ref itself, with the loader's reason.
func checkRefs(name string, x *source.LineIndex, id string, load func(string) (io.ReadCloser, error)) error {
	doc := source.Decode(x, source.FormatJSON, 0, len(x.Source()), "the schema")
	base, err := url.Parse(id)
	if err != nil {
		return nil
	}
	var found error
	var walk func(v any, ptr string)
	walk = func(v any, ptr string) {
		switch v := v.(type) {
		case map[string]any:
			for _, k := range sortedKeys(v) {
				child := source.Child(ptr, k)
				if ref, ok := v[k].(string); ok && k == "$ref" && found == nil && !strings.HasPrefix(ref, "#") {
					found = checkRef(name, doc, child, base, ref, load)
				}
				walk(v[k], child)
			}
		case []any:
			for i, item := range v {
				walk(item, source.Index(ptr, i))
			}
		}
	}
	walk(doc.Value, "")
	return found
}

// checkRef opens the document one $ref names, at ptr in doc.
func checkRef(name string, doc *source.Document, ptr string, base *url.URL, ref string, load func(string) (io.ReadCloser, error)) error {
	u, err := base.Parse(ref)
	if err != nil {
		return source.ErrorAt(name, doc.Locations[ptr].Value, "$ref %q is not a valid URL: %v", ref, err)
	}
	u.Fragment = ""
	if u.Host == "json-schema.org" {
		return nil // the meta-schemas, which the validator carries itself
	}
	r, err := load(u.String())
	if err != nil {
		return source.ErrorAt(name, doc.Locations[ptr].Value, "$ref %q %v", ref, err)
	}
	r.Close()
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func displayPointer(p string) string {
	if p == "" {
		return "the top level"
	}
	return p
}

// localLoader lets $ref read the built-in schemas and files of fsys inside
// dir, never the network. Its errors say what is wrong with the reference,
// to follow "$ref \"x.json\"".
func localLoader(fsys fs.FS, dir string) func(string) (io.ReadCloser, error) {
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
		if u.Scheme != "file" || fsys == nil {
			return nil, errors.New("is not allowed: a schema may refer only to local files in its own folder, never to the network")
		}
		p := path.Clean(strings.TrimPrefix(u.Path, "/"))
		if !inside(dir, p) {
			return nil, fmt.Errorf("is outside the schema's folder %s; move the referenced schema next to it", dir)
		}
		// Resolve symbolic links too, so a link cannot lead out of the folder.
		real, err := realPath(fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("names no file in the schema's folder %s", dir)
		}
		if realDir, derr := realPath(fsys, dir); err != nil || derr != nil || !inside(realDir, real) {
			return nil, fmt.Errorf("leads outside the schema's folder %s through a symbolic link", dir)
		}
		return fsys.Open(p)
	}
}

// inside reports whether slash-separated path p is dir or below it.
func inside(dir, p string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, dir+"/")
}

// realPath resolves the symbolic links in p, component by component, where
// fsys can read links; otherwise p is returned as it is.
func realPath(fsys fs.FS, p string) (string, error) {
	if _, ok := fsys.(fs.ReadLinkFS); !ok {
		return p, nil
	}
	resolved := "."
	rest := strings.Split(p, "/")
	for hops := 0; len(rest) > 0; {
		next := path.Join(resolved, rest[0])
		rest = rest[1:]
		info, err := fs.Lstat(fsys, next)
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			resolved = next
			continue
		}
		if hops++; hops > 40 {
			return "", errors.New("too many symbolic links")
		}
		target, err := fs.ReadLink(fsys, next)
		if err != nil {
			return "", err
		}
		if path.IsAbs(target) {
			return "", fmt.Errorf("symbolic link %s points outside the file system: %s", next, target)
		}
		rest = append(strings.Split(path.Join(path.Dir(next), target), "/"), rest...)
		resolved = "."
	}
	return resolved, nil
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
