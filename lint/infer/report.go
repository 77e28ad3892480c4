package infer

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"
)

// defectCap is how many likely defects the report lists per collection;
// lint lists them all.
const defectCap = 50

// buildReport says what was inferred and why, collection by collection,
// with the likely defects seen, and what lint finds with the result.
func buildReport(opts Options, res Result, sel selection, colls []*collection, chk *check) []string {
	var r []string
	add := func(format string, args ...any) { r = append(r, fmt.Sprintf(format, args...)) }
	head := fmt.Sprintf("read %d %s under %s", res.Entries, plural(res.Entries, "entry", "entries"), opts.Show(opts.Root))
	var left []string
	if k := len(sel.listings); k > 0 {
		left = append(left, fmt.Sprintf("%d listing %s", k, plural(k, "page", "pages")))
	}
	if k := len(sel.documents); k > 0 {
		left = append(left, fmt.Sprintf("%d repository %s", k, plural(k, "document", "documents")))
	}
	if len(left) > 0 {
		head += " (" + strings.Join(left, " and ") + " left out)"
	}
	add("%s", head)
	if len(sel.listings) > 0 {
		add("listing pages, not entries: %s", nameList(names(sel.listings)))
	}
	if len(colls) > 1 {
		add("%d collections: the entries of each folder share a collection with sibling folders whose entries share most of their keys", len(colls))
		if opts.Name != "" {
			add("--name %s not used: each collection is named after its folder", opts.Name)
		}
	}
	for _, c := range colls {
		add("collection %s: %s in %s (%s)", c.name, ratioOrCount(c.entries, "entry", "entries"), c.group.dir, strings.Join(c.include, ", "))
		reportCollection(add, c)
	}
	var broken []*file
	for _, f := range sel.entries {
		if f.broken {
			broken = append(broken, f)
		}
	}
	if k := len(broken); k > 0 {
		add("skipped %d %s that %s not parse; fix %s and run init again to include %s:",
			k, plural(k, "file", "files"), plural(k, "does", "do"), plural(k, "it", "them"), plural(k, "it", "them"))
		for _, f := range broken {
			for _, d := range f.entry.Problems {
				add("  %s:%d:%d: %s [%s]", f.entry.Path, d.Span.Start.Line, d.Span.Start.Column, d.Message, d.Rule.ID)
				break
			}
		}
	}
	for _, p := range chk.unclaimed {
		add("bug: no collection claims %s; please report it", p)
	}
	for _, p := range chk.misplaced {
		add("bug: %s lands in another collection than inferred; please report it", p)
	}
	total := 0
	var ids []string
	for id, n := range chk.byRule {
		total += n
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(chk.byRule[b], chk.byRule[a]), strings.Compare(a, b)) })
	if total == 0 {
		add("lint with this configuration: no findings in %d %s", res.Entries+res.Skipped, plural(res.Entries+res.Skipped, "entry", "entries"))
		return r
	}
	var parts []string
	for _, id := range ids {
		parts = append(parts, fmt.Sprintf("%s %d (%s)", id, chk.byRule[id], chk.severity[id]))
	}
	add("lint with this configuration: %d %s in %d of %d entries, %d with errors: %s", total, plural(total, "finding", "findings"),
		chk.affected, res.Entries+res.Skipped, chk.failing, strings.Join(parts, ", "))
	return r
}

func names(fs []*file) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.entry.Path)
	}
	return out
}

func ratioOrCount(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, plural(n, one, many))
}

// reportCollection says, field by field, what the schema and the
// configuration declare and why, then the likely defects.
func reportCollection(add func(string, ...any), c *collection) {
	add("  front matter: in %s → %s", ratio(c.withFM, c.entries, "entries"), c.frontMatter)
	var walk func(n *node, parent *node, parentName string)
	walk = func(n *node, parent *node, parentName string) {
		filled := len(n.filledIn)
		in := "entries"
		if parentName != "" {
			in = "entries with " + parentName
			if parent.items {
				in = parentName + " items"
			}
		}
		parts := []string{describeTypes(n)}
		switch {
		case isRequired(filled, parent.objects(), c.requiredPercent):
			parts = append(parts, "required: filled in "+ratio(filled, parent.objects(), in))
		case nearlyRequired(filled, parent.objects()):
			parts = append(parts, fmt.Sprintf("optional: filled in %s; missing or empty in %s", ratio(filled, parent.objects(), in), nameList(parent.missingIn(n))))
		default:
			parts = append(parts, "optional: filled in "+ratio(filled, parent.objects(), in))
		}
		if k := n.emptyCount(); k > 0 {
			parts = append(parts, fmt.Sprintf("%d empty", k))
		}
		parts = append(parts, describeConstraints(n)...)
		add("  field %s: %s", n.name, strings.Join(parts, "; "))
		for _, k := range n.order {
			walk(n.props[k], n, n.name)
		}
		if n.elems != nil {
			for _, k := range n.elems.order {
				walk(n.elems.props[k], n.elems, n.name+"[]")
			}
		}
	}
	for _, k := range c.root.order {
		walk(c.root.props[k], c.root, "")
	}
	reportCaseVariants(add, c)
	if len(c.recommended) == 0 {
		add("  sections: none declared; no level-%d heading is in at least %d%% of the entries", sectionLevel, sectionTenths*10)
	}
	for _, s := range c.recommended {
		add("  section %q: in %s → recommended", s.title, ratio(s.count, c.entries, "entries"))
	}
	if others := len(c.sections.order) - len(c.recommended); others > 0 {
		add("  sections: %d other level-%d %s in fewer than %d%% of the entries, not declared", others, sectionLevel, plural(others, "heading", "headings"), sectionTenths*10)
	}
	// Rules decided for the same reason share one line.
	var lines []string
	ids := map[string][]string{}
	breaking := map[string][]string{}
	for _, r := range c.rules {
		var l string
		switch {
		case r.write:
			l = fmt.Sprintf("%s; %s", r.severity, r.why)
		case r.why != "":
			l = fmt.Sprintf("%s; %s", r.byDefault, r.why)
		default:
			continue
		}
		if ids[l] == nil {
			lines = append(lines, l)
		}
		ids[l] = append(ids[l], r.id)
		breaking[l] = r.breaking
	}
	for _, l := range lines {
		add("  %s: %s", strings.Join(ids[l], ", "), l)
		if len(breaking[l]) > 0 {
			add("    %s", nameList(breaking[l]))
		}
	}
	defects := append(c.fileProblems(), c.defects()...)
	slices.SortStableFunc(defects, func(a, b defect) int {
		return cmp.Or(strings.Compare(a.path, b.path), cmp.Compare(a.line, b.line))
	})
	if len(defects) == 0 {
		add("  likely defects: none seen")
		return
	}
	add("  likely defects (%d): files, keys and values unlike the rest of the collection; check each", len(defects))
	for i, d := range defects {
		if i == defectCap {
			add("    and %d more", len(defects)-defectCap)
			break
		}
		if d.field == "" {
			add("    %s:%d: %s", d.path, d.line, d.message)
		} else {
			add("    %s:%d: %s: %s", d.path, d.line, d.field, d.message)
		}
	}
}

// fileProblems lists what the parser found in the entries it could read
// (a duplicate key, say), and file names with a doubled extension, as
// defects.
func (c *collection) fileProblems() []defect {
	var out []defect
	for _, f := range c.group.files {
		if ext := doubledExtension(f.rel); ext != "" {
			base := path.Base(f.rel)
			out = append(out, defect{path: f.entry.Path, line: 1, message: fmt.Sprintf("the file name ends in %q, one extension too many for a site generator to read it as the page it names; rename it to %q", ext, base[:len(base)-len(path.Ext(base))])})
		}
		if f.broken {
			continue
		}
		for _, d := range f.entry.Problems {
			out = append(out, defect{path: f.entry.Path, line: d.Span.Start.Line, message: d.Message + " [" + d.Rule.ID + "]"})
		}
	}
	return out
}

// doubledExtension returns a doubled Markdown extension that ends a file
// name (".md.md"), or "".
func doubledExtension(rel string) string {
	base := strings.ToLower(path.Base(rel))
	for _, a := range []string{".md", ".markdown"} {
		for _, b := range []string{".md", ".markdown"} {
			if strings.HasSuffix(base, a+b) && len(base) > len(a+b) {
				return a + b
			}
		}
	}
	return ""
}

// emptyCount is how many values of a field are empty (null, "", [] or {}).
func (n *node) emptyCount() int { return n.empties + n.nulls }

// reportCaseVariants names keys that differ only in case: the schema
// allows each spelling, as site generators that ignore case read them alike.
func reportCaseVariants(add func(string, ...any), c *collection) {
	var rec func(n *node)
	rec = func(n *node) {
		seen := map[string]bool{}
		for _, k := range n.order {
			lower := strings.ToLower(k)
			if seen[lower] {
				continue
			}
			var spellings []string
			for _, o := range n.order {
				if strings.ToLower(o) == lower {
					spellings = append(spellings, fmt.Sprintf("%s (%d)", o, len(n.props[o].seenIn)))
				}
			}
			if len(spellings) > 1 {
				seen[lower] = true
				where := "the front matter"
				if n.name != "" {
					where = n.name
				}
				add("  keys %s in %s differ only in case: each is allowed, as Hugo reads them as one key; write one spelling if your generator does not", strings.Join(spellings, ", "), where)
			}
		}
		for _, k := range n.order {
			rec(n.props[k])
		}
		if n.elems != nil {
			rec(n.elems)
		}
	}
	rec(c.root)
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
		if n.kinds["string"] > 0 && n.enum == nil && !n.emptyString && n.boolTypos == nil {
			out = append(out, prefix+"minLength 1 (no empty value)")
		}
		if d := n.decl; d != nil {
			switch {
			case d.kind != "":
				out = append(out, fmt.Sprintf("%sfields: %s (%s)", prefix, declaration(d), d.why))
			case d.why != "":
				out = append(out, prefix+d.why)
			}
		}
		if n.boolTypos != nil {
			out = append(out, fmt.Sprintf("%s%d quoted %s left out of the type", prefix, len(n.boolTypos), plural(len(n.boolTypos), "boolean", "booleans")))
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
