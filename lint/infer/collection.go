package infer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
)

// collection is what was inferred for one group of entries.
type collection struct {
	name             string
	group            *group
	include, exclude []string
	schemaFile       string
	requiredPercent  int

	entries     int // readable entries
	broken      int
	withFM      int
	frontMatter string // "required" or "optional"
	root        *node

	sections    *sectionStats
	recommended []section
	rules       []ruleChoice
}

// inferCollection gathers the statistics of one group's entries and
// decides its schema, field kinds and sections.
func inferCollection(g *group, name string, opts Options, sel selection) *collection {
	c := &collection{name: name, group: g, requiredPercent: opts.RequiredPercent, root: &node{}, sections: newSectionStats()}
	c.include = g.includeGlobs()
	c.exclude = excludeGlobs(c.include, sel)
	for _, f := range g.files {
		if f.broken {
			c.broken++
			continue
		}
		c.entries++
		if f.entry.Data != nil {
			c.withFM++
			c.root.add(f.entry.Data, "", f.entry)
		}
		c.sections.add(f.entry)
	}
	c.frontMatter = "optional"
	if atLeast(c.withFM, c.entries, frontMatterTenths) {
		c.frontMatter = "required"
	}
	c.root.finish("", "", "", true)
	c.recommended = c.sections.recommended(c.entries)
	return c
}

// fields lists the nodes whose kind was decided, in field order, each
// field pattern once (an array's items share their array's). A field no
// pattern can name (an empty key) is left out.
func (c *collection) fields() []*node {
	var out []*node
	seen := map[string]bool{}
	c.walk(func(n *node) {
		if n.decl != nil && n.decl.kind != "" && !seen[n.field] && namable(n.field) {
			seen[n.field] = true
			out = append(out, n)
		}
	})
	return out
}

// namable reports whether a field pattern names its field: a valid pattern
// without an empty segment (which an empty key makes).
func namable(field string) bool {
	return lint.ValidFieldPattern(field) && !slices.Contains(strings.Split(field, "."), "")
}

// walk visits every node below the root, depth first in field order, an
// array's items after the array.
func (c *collection) walk(visit func(*node)) {
	var rec func(n *node)
	rec = func(n *node) {
		visit(n)
		for _, k := range n.order {
			rec(n.props[k])
		}
		if n.elems != nil {
			rec(n.elems)
		}
	}
	for _, k := range c.root.order {
		rec(c.root.props[k])
	}
}

// defects lists the likely defects the inference saw in the collection:
// misspelt and misnamed keys, quoted booleans and values that fail their
// field's kind, sorted by entry and line.
func (c *collection) defects() []defect {
	var out []defect
	typos := func(parent string, n *node) {
		for _, t := range n.typos {
			for _, at := range t.at {
				field := t.key
				if parent != "" {
					field = parent + "." + t.key
				}
				out = append(out, defect{path: at.path, line: at.line, field: field,
					message: fmt.Sprintf("key %q is one edit from %q, the key %d entries use; if it is a typo, rename it", t.key, t.like, len(c.keyUsers(n, t.like)))})
			}
		}
	}
	typos("", c.root)
	c.walk(func(n *node) {
		typos(n.name, n)
		for _, s := range n.boolTypos {
			out = append(out, defect{path: s.path, line: s.line, field: n.name,
				message: fmt.Sprintf("%q is a string in a field that otherwise holds true or false; write %s without quotes", s.value, boolFor(s.value))})
		}
		if n.decl != nil && n.decl.kind != "" && namable(n.field) {
			for _, d := range n.decl.defects {
				d.field = n.name
				out = append(out, d)
			}
		}
	})
	out = append(out, c.misnamedKeys()...)
	slices.SortStableFunc(out, func(a, b defect) int {
		return cmp.Or(strings.Compare(a.path, b.path), cmp.Compare(a.line, b.line))
	})
	return out
}

// keyUsers lists the entries whose objects under n hold key.
func (c *collection) keyUsers(n *node, key string) []string {
	child := n.props[key]
	if child == nil {
		return nil
	}
	var out []string
	for _, i := range child.seenIn {
		if !slices.Contains(out, n.occ[i]) {
			out = append(out, n.occ[i])
		}
	}
	return out
}
