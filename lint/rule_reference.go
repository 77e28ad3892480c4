package lint

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/schema"
)

// ruleReferenceMissing reports references to entries that do not exist.
var ruleReferenceMissing = &Rule{
	ID:     "reference-missing",
	Family: "reference",
	Title:  "References name existing entries",
	Doc: "A collection's `references:` declare fields whose values name entries of a collection (the same one or " +
		"another): a talk's `speakers`, an event's `organiser`. Each value (each item of a list) must name an " +
		"existing entry, by its file name without the extension (`organisers/ada-lovelace.md` is `ada-lovelace`; " +
		"`index.md` and `_index.md` stand for their folder's name) or, with `key:`, by the value of that field in " +
		"the named entry. A name that matches nothing is reported with the closest existing one. The named " +
		"collection's entries are found in the file system even when the run does not lint them, so a pre-commit " +
		"run over one changed file still resolves its references.",
	Config: "collections:\n  - name: organisers\n    include: [\"organisers/*.md\"]\n  - name: events\n    include: [\"*.md\"]\n" +
		"    references:\n      - {field: organisers, collection: organisers}\n",
	Files: map[string]string{
		"organisers/ada-lovelace.md": "---\ntitle: \"Ada Lovelace\"\n---\n\nOrganises the monthly hack night.\n",
	},
	Bad:      "---\ntitle: \"Monthly Hack Night\"\norganisers: [ada-lovelave]\n---\n\nCome and build things.\n",
	Good:     "---\ntitle: \"Monthly Hack Night\"\norganisers: [ada-lovelace]\n---\n\nCome and build things.\n",
	Severity: SeverityError,
	Tags:     []string{"frontmatter", "cross-entry"},
}

// referenceFacts is what the reference check keeps of an entry: the names
// it uses, and the names it is known by when its collection is named.
type referenceFacts struct {
	uses []referenceUse
	keys map[string][]string // key field path → its values in this entry
}

type referenceUse struct {
	ref   int // index in the entry's collection's References
	value string
	at    Place
}

// collectReferences keeps the entry's references and, when other entries
// may name it by a key field, that field's values.
func collectReferences(p *Pass) any {
	c := p.Collection
	if c == nil {
		return nil
	}
	var f referenceFacts
	if len(c.References) > 0 && p.Enabled(ruleReferenceMissing) {
		eachField(p.Entry.Data, func(ptr string, keys []string, v any) {
			s, ok := scalarText(v)
			if !ok || strings.TrimSpace(s) == "" {
				return
			}
			for i, ref := range c.References {
				if matchField(ref.Field, keys) {
					f.uses = append(f.uses, referenceUse{ref: i, value: s, at: p.PlaceField(ptr)})
				}
			}
		})
	}
	if p.linter != nil {
		for _, key := range referenceKeys(p.linter.config, c.Name) {
			eachMatch(p.Entry.Data, []string{key}, func(_, _ string, _ []string, v any) {
				if s, ok := scalarText(v); ok {
					if f.keys == nil {
						f.keys = map[string][]string{}
					}
					// A copy: the decoded string may share memory with the whole file.
					f.keys[key] = append(f.keys[key], strings.Clone(s))
				}
			})
		}
	}
	if f.uses == nil && f.keys == nil {
		return nil
	}
	return &f
}

// referenceKeys returns the key fields other collections name entries of
// the collection called name by.
func referenceKeys(cfg *Config, name string) []string {
	var keys []string
	for _, c := range cfg.Collections {
		for _, r := range c.References {
			if r.Collection == name && r.Key != "" && !slices.Contains(keys, r.Key) {
				keys = append(keys, r.Key)
			}
		}
	}
	return keys
}

// EntrySlug returns the name an entry is referred to by: its file name
// without the extension, or its folder's name for index.md and _index.md
// (a page bundle).
func EntrySlug(p string) string {
	base := path.Base(p)
	name := strings.TrimSuffix(base, path.Ext(base))
	if (name == "index" || name == "_index") && path.Dir(p) != "." {
		return path.Base(path.Dir(p))
	}
	return name
}

// referenceNames is the names one collection's entries are known by, under
// one key ("" for slugs), with the place each is defined.
type referenceNames map[string]Place

// finishReferences reports references that name no entry.
func finishReferences(c *Collected) {
	cfg := c.Config()
	type target struct {
		coll *Collection
		key  string
	}
	names := map[target]referenceNames{}
	outside := map[*Collection]bool{}
	add := func(k Kept) {
		for _, key := range append([]string{""}, referenceKeys(cfg, k.Collection.Name)...) {
			t := target{k.Collection, key}
			if names[t] == nil {
				names[t] = referenceNames{}
			}
			if key == "" {
				if _, dup := names[t][EntrySlug(k.Path)]; !dup {
					names[t][EntrySlug(k.Path)] = Place{Path: k.Path}
				}
				continue
			}
			if f, ok := k.Value.(*referenceFacts); ok {
				for _, v := range f.keys[key] {
					if _, dup := names[t][v]; !dup {
						names[t][v] = Place{Path: k.Path, Field: key}
					}
				}
			}
		}
	}
	targets := map[string]bool{}
	for _, coll := range cfg.Collections {
		for _, r := range coll.References {
			targets[r.Collection] = true
		}
	}
	if len(targets) == 0 {
		return
	}
	// Every entry of a named collection in the run is named by its slug,
	// even one Collect kept nothing of; in path order, so that of two
	// entries with one name, the first is the one a suggestion points at.
	for _, coll := range cfg.Collections {
		if targets[coll.Name] {
			for _, p := range c.Files(coll) {
				add(Kept{Path: p, Collection: coll})
			}
		}
	}
	for _, k := range c.Entries {
		if k.Collection != nil && targets[k.Collection.Name] {
			add(k)
		}
	}
	for _, k := range c.Entries {
		f := k.Value.(*referenceFacts)
		for _, u := range f.uses {
			ref := k.Collection.References[u.ref]
			coll := cfg.Collection(ref.Collection)
			if coll == nil {
				continue // the configuration is validated; nothing to resolve against
			}
			t := target{coll, ref.Key}
			if _, ok := names[t][u.value]; ok {
				continue
			}
			if !outside[coll] {
				outside[coll] = true
				c.Outside(coll, func(o Kept) { add(o) })
				if _, ok := names[t][u.value]; ok {
					continue
				}
			}
			reportReference(c, u, ref, names[t])
		}
	}
}

// reportReference reports a name that matches no entry, with the closest.
func reportReference(c *Collected, u referenceUse, ref Reference, known referenceNames) {
	by := "file name"
	if ref.Key != "" {
		by = ref.Key
	}
	msg := fmt.Sprintf("%s: %q names no entry of collection %s (by %s)", u.at.Field, u.value, ref.Collection, by)
	candidates := make([]string, 0, len(known))
	for n := range known {
		candidates = append(candidates, n)
	}
	slices.Sort(candidates)
	var related []Related
	switch best := schema.Closest(u.value, candidates); {
	case best != "":
		msg += fmt.Sprintf("; did you mean %q?", best)
		related = append(related, namePlace(c, known[best], best).Related("the entry %q", best))
	case len(candidates) == 0:
		msg += "; the collection has no entries"
	default:
		msg += fmt.Sprintf("; its entries include %s", quotedList(candidates, 3))
	}
	c.Report(ruleReferenceMissing, u.at, related, "%s", msg)
}

// namePlace places the name of an entry a suggestion points at: its key
// field's value, found by reading the entry again, or the top of the file
// for a file name.
func namePlace(c *Collected, at Place, name string) Place {
	key := at.Field
	at.Field = ""
	if at.Span.Start.Line == 0 {
		at.Span = Span{Start: Pos{Line: 1, Column: 1}, End: Pos{Line: 1, Column: 1}}
	}
	if key == "" {
		return at
	}
	if e := c.ReadEntry(at.Path); e != nil {
		found := at
		eachField(e.Data, func(ptr string, keys []string, v any) {
			if s, ok := scalarText(v); ok && s == name && matchField(key, keys) && found.Line == "" {
				found = c.Pass(e, nil).PlaceField(ptr)
			}
		})
		return found
	}
	return at
}

// quotedList quotes names and joins them as "a", "b" and 3 more.
func quotedList(names []string, most int) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return listNames(q, most)
}
