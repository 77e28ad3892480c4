package config

import (
	"fmt"
	"io"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
	"github.com/glasgow-open-data/contentlint/schema"
)

// acrossEntries reads a collection's settings for the checks across its
// entries: unique and vocabulary field patterns and the filename template.
// References are read by references, once every collection is known.
func (p *parser) acrossEntries(ptr string, spec CollectionSpec, lc *lint.Collection) error {
	for _, list := range []struct {
		key      string
		patterns []string
	}{{"unique", spec.Unique}, {"vocabulary", spec.Vocabulary}} {
		for j, pattern := range list.patterns {
			if !lint.ValidFieldPattern(pattern) {
				at := source.Index(source.Child(ptr, list.key), j)
				return p.badFieldPattern(at, false, source.FieldPath(p.doc.Value, at), pattern)
			}
		}
	}
	lc.Unique, lc.Vocabulary = spec.Unique, spec.Vocabulary
	if spec.Filename != "" {
		if err := lint.ValidFilenameTemplate(spec.Filename); err != nil {
			at := source.Child(ptr, "filename")
			return p.errorAt(at, false, "%s: %v", source.FieldPath(p.doc.Value, at), err)
		}
		lc.Filename = spec.Filename
	}
	return nil
}

// references reads every collection's references: each must name a
// collection of the configuration, with field paths for the field and key.
func (p *parser) references(c *lint.Config, specs []CollectionSpec) error {
	names := make([]string, len(c.Collections))
	for i, coll := range c.Collections {
		names[i] = coll.Name
	}
	for i, spec := range specs {
		for j, r := range spec.References {
			at := source.Index(source.Child(source.Index("/collections", i), "references"), j)
			if !lint.ValidFieldPattern(r.Field) {
				return p.badFieldPattern(source.Child(at, "field"), false, source.FieldPath(p.doc.Value, source.Child(at, "field")), r.Field)
			}
			if r.Key != "" && (strings.ContainsAny(r.Key, "*?[]{}\\") || !lint.ValidFieldPattern(r.Key)) {
				return p.errorAt(source.Child(at, "key"), false, "%s: %q is not a field path; name the field of the named entries that holds their name, such as id, or leave key out to use file names",
					source.FieldPath(p.doc.Value, source.Child(at, "key")), r.Key)
			}
			if c.Collection(r.Collection) == nil {
				msg := fmt.Sprintf("%s: no collection is named %q", source.FieldPath(p.doc.Value, source.Child(at, "collection")), r.Collection)
				if best := schema.Closest(r.Collection, names); best != "" {
					msg += fmt.Sprintf("; did you mean %q?", best)
				} else {
					msg += fmt.Sprintf("; the collections are %s", strings.Join(quoteAll(names), ", "))
				}
				return p.errorAt(source.Child(at, "collection"), false, "%s", msg)
			}
			c.Collections[i].References = append(c.Collections[i].References, lint.Reference{Field: r.Field, Collection: r.Collection, Key: r.Key})
		}
	}
	return nil
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}

// printAcross writes a collection's settings for the checks across its
// entries, for print-config; nothing when it has none.
func printAcross(w io.Writer, coll *lint.Collection) {
	if len(coll.Unique) > 0 {
		fmt.Fprintf(w, "unique: %s\n", strings.Join(coll.Unique, ", "))
	}
	if len(coll.References) > 0 {
		fmt.Fprintln(w, "references:")
		for _, r := range coll.References {
			by := "file name"
			if r.Key != "" {
				by = r.Key
			}
			fmt.Fprintf(w, "  %s: names entries of %s by %s\n", r.Field, r.Collection, by)
		}
	}
	if len(coll.Vocabulary) > 0 {
		fmt.Fprintf(w, "vocabulary: %s\n", strings.Join(coll.Vocabulary, ", "))
	}
	if coll.Filename != "" {
		fmt.Fprintf(w, "filename: %s\n", coll.Filename)
	}
}

// badFieldPattern is the error for a field pattern (of the field named
// label) that does not parse; key says the pattern is a mapping key.
func (p *parser) badFieldPattern(at string, key bool, label, pattern string) error {
	return p.errorAt(at, key, "%s: %q is not a valid field pattern; write keys separated by \".\", with * for any one key and ** for any depth, and close every \"[\" and \"{\"", label, pattern)
}
