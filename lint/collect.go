package lint

import (
	"context"
	"encoding/json"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// The cross-entry phase. Checks that need every entry of a run (a value that
// must not repeat, a reference to another entry, an anchor in another file)
// have a Collect step, run on each entry in its worker after the per-entry
// checks, that keeps only the values they need; once every file is linted,
// each such check's Finish step runs over what was kept, in path order. So
// the run's memory grows with those values, not with the entries, and the
// findings do not depend on the number of workers.

// Place is a position in an entry kept for a Finish step, with what a
// finding there needs once the entry is gone: the text of its line and the
// front matter field path it is about.
type Place struct {
	Path  string
	Span  Span
	Line  string // the text of the line the span starts on
	Field string // the field path ("social.twitter"), or ""
}

// Place returns the place of span in the pass's entry.
func (p *Pass) Place(span Span) Place {
	return Place{Path: p.Entry.Path, Span: span, Line: lineText(p.Entry, span.Start.Line)}
}

// PlaceField returns the place of the front matter value at pointer ptr.
func (p *Pass) PlaceField(ptr string) Place {
	pl := p.Place(p.Entry.Locate(ptr).Value)
	pl.Field = source.FieldPath(p.Entry.Data, ptr)
	return pl
}

// Enabled reports whether rule r is on (not "off") for the pass's entry:
// Collect keeps nothing for a rule nobody will see.
func (p *Pass) Enabled(r *Rule) bool {
	if p.linter == nil {
		return true
	}
	return p.linter.config.Severity(r, p.Collection) != SeverityOff
}

// Related returns the place as a related location of a finding.
func (pl Place) Related(format string, args ...any) Related {
	return Related{Path: pl.Path, Span: pl.Span, Message: fmt.Sprintf(format, args...), SourceLine: pl.Line}
}

func lineText(e *Entry, line int) string {
	if line < 1 || line > e.Lines.Lines() {
		return ""
	}
	return string(e.Lines.LineText(line))
}

// Kept is what one check's Collect kept of one entry.
type Kept struct {
	Path       string
	Collection *Collection
	Value      any
}

// Collected is what a Finish step sees: what its check's Collect kept of
// every entry of the run, and a way to read files the run did not lint.
type Collected struct {
	// Entries are the entries Collect kept something of, in path order.
	Entries []Kept

	linter  *Linter
	check   *Check
	run     map[string]*keptEntry
	name    func(string) string
	out     *[]Finding
	outside map[*Collection][]string
}

// Name returns how findings name the file at path (the path as the user
// wrote it), for messages that name other files.
func (c *Collected) Name(p string) string {
	if c.name == nil {
		return p
	}
	return c.name(p)
}

// Linted reports whether the run linted the file at path.
func (c *Collected) Linted(p string) bool { return c.run[p] != nil }

// Config returns the run's configuration.
func (c *Collected) Config() *Config { return c.linter.config }

// Report records a finding of rule r at a place in an entry of the run,
// with related places; a place in a file the run did not lint is not
// reported. The rule must be one the check declares.
func (c *Collected) Report(r *Rule, at Place, related []Related, format string, args ...any) {
	if !slices.Contains(c.check.Rules, r) {
		panic(fmt.Sprintf("a check reported rule %s, which it does not declare", r.ID))
	}
	k := c.run[at.Path]
	if k == nil {
		return
	}
	sev := c.linter.config.Severity(r, k.coll)
	if sev == SeverityOff {
		return
	}
	f := Finding{Path: at.Path, Severity: sev, Collection: k.collectionName(), SourceLine: at.Line,
		Diagnostic: Diagnostic{Rule: r, Span: at.Span, Message: fmt.Sprintf(format, args...), Field: at.Field, Related: related}}
	ds := make([]*directive, len(k.directives))
	for i, d := range k.directives {
		ds[i] = d.directive
	}
	if d := suppressor(ds, r.ID, r.Family, at.Span.Start.Line); d != nil {
		d.used = true
		f.Suppressed, f.Justification = true, d.justification
	}
	*c.out = append(*c.out, f)
}

// ReadEntry reads and parses the file at path of the run's file system, for
// a Finish step that needs more of a file than any Collect kept (the
// headings of a link's target). It returns nil when the file cannot be read.
func (c *Collected) ReadEntry(p string) *Entry {
	src, err := c.linter.readFile(p)
	if err != nil {
		return nil
	}
	return c.linter.parser.Parse(p, src)
}

// Outside calls fn, in path order, with what the check's Collect keeps of
// each entry of collection coll that the run did not lint (a nil Value
// when it keeps nothing, as the entry still exists): a reference
// names an entry whether or not this run lints it (a pre-commit run lints
// only the files that changed). The files are found once per collection.
func (c *Collected) Outside(coll *Collection, fn func(Kept)) {
	paths, ok := c.outside[coll]
	if !ok {
		paths = c.linter.collectionFiles(coll)
		c.outside[coll] = paths
	}
	for _, p := range paths {
		if c.run[p] != nil {
			continue
		}
		src, err := c.linter.readFile(p)
		if err != nil {
			fn(Kept{Path: p, Collection: coll})
			continue
		}
		e := c.linter.parser.Parse(p, src)
		if e.Fatal {
			fn(Kept{Path: p, Collection: coll})
			continue
		}
		k := &keptEntry{path: p, coll: coll}
		pass := c.linter.collectPass(e, coll, c.linter.existsNear(p))
		fn(Kept{Path: p, Collection: coll, Value: c.linter.collectOne(c.check, pass, k)})
	}
}

// keptEntry is what the run keeps of one linted entry for the cross-entry
// phase: its collection, each cross-entry check's collected value, and the
// suppression comments that name cross-entry rules.
type keptEntry struct {
	path       string
	coll       *Collection // as the run assigned it (not the entry's own $schema copy)
	values     []any       // by index in Catalogue.cross
	directives []keptDirective
	internal   []Finding // a Collect step that panicked
}

// keptDirective is a suppression comment kept with the text of its line.
type keptDirective struct {
	*directive
	line string
}

func (k *keptEntry) collectionName() string {
	if k.coll == nil {
		return ""
	}
	return k.coll.Name
}

// namesCross reports whether a suppression names a cross-entry rule or a
// family that has one.
func (c *Catalogue) namesCross(names []string) bool {
	for _, n := range names {
		if c.crossIDs[n] {
			return true
		}
	}
	return false
}

// collectPass is the pass a Collect step sees for an entry read outside
// the run's workers.
func (l *Linter) collectPass(e *Entry, c *Collection, exists func(string) bool) *Pass {
	return &Pass{Entry: e, Collection: c, Exists: exists,
		options: func(r *Rule) any {
			if c != nil {
				if o, ok := c.Options[r]; ok {
					return o
				}
			}
			return l.catalogue.defaults[r]
		},
		linter: l}
}

// collect runs every cross-entry check's Collect step on the pass's entry.
func (l *Linter) collect(k *keptEntry, p *Pass) {
	if len(l.catalogue.cross) == 0 {
		return
	}
	k.values = make([]any, len(l.catalogue.cross))
	for i, ch := range l.catalogue.cross {
		if ch.Collect != nil {
			k.values[i] = l.collectOne(ch, p, k)
		}
	}
}

// collectOne runs one Collect step; a panic becomes an internal-error
// finding of the entry, as in runSafely.
func (l *Linter) collectOne(ch *Check, p *Pass, k *keptEntry) (v any) {
	defer func() {
		if r := recover(); r != nil {
			v = nil
			k.internal = append(k.internal, l.internalError(ch, k, p.Entry.Lines.Span(0, 0), "", r))
		}
	}()
	p.check = ch
	p.report = func(Diagnostic) { panic("a Collect step reported a finding; report from Run or Finish") }
	return ch.Collect(p)
}

// internalError is the finding that says a check broke.
func (l *Linter) internalError(ch *Check, k *keptEntry, span Span, line string, v any) Finding {
	ids := make([]string, len(ch.Rules))
	for i, r := range ch.Rules {
		ids[i] = r.ID
	}
	return Finding{Path: k.path, Severity: l.config.Severity(ruleInternalError, k.coll), Collection: k.collectionName(), SourceLine: line,
		Diagnostic: Diagnostic{Rule: ruleInternalError, Span: span,
			Message: fmt.Sprintf("the check for %s failed: %v; please report this with the file", strings.Join(ids, ", "), v)}}
}

// finish runs every cross-entry check's Finish step over the kept entries
// and returns their findings, then reports the suppression comments naming
// cross-entry rules that silenced nothing. name names files in messages
// (nil: their paths).
func (l *Linter) finish(kept []*keptEntry, name func(string) string) []Finding {
	var out []Finding
	run := make(map[string]*keptEntry, len(kept))
	for _, k := range kept {
		run[k.path] = k
		out = append(out, k.internal...)
	}
	kept = slices.Clone(kept)
	slices.SortFunc(kept, func(a, b *keptEntry) int { return strings.Compare(a.path, b.path) })
	outside := map[*Collection][]string{}
	for i, ch := range l.catalogue.cross {
		c := &Collected{linter: l, check: ch, run: run, name: name, out: &out, outside: outside}
		for _, k := range kept {
			if k.values != nil && k.values[i] != nil {
				c.Entries = append(c.Entries, Kept{Path: k.path, Collection: k.coll, Value: k.values[i]})
			}
		}
		l.finishSafely(ch, c, kept)
	}
	for _, k := range kept {
		for _, d := range k.directives {
			if d.used || d.kind == "enable" {
				continue
			}
			if sev := l.config.Severity(ruleUnusedSuppression, k.coll); sev != SeverityOff {
				out = append(out, Finding{Path: k.path, Severity: sev, Collection: k.collectionName(), SourceLine: d.line,
					Diagnostic: Diagnostic{Rule: ruleUnusedSuppression, Span: d.span,
						Message: fmt.Sprintf("contentlint-%s %s silences nothing; remove it", d.kind, strings.Join(d.rules, ", "))}})
			}
		}
	}
	return out
}

// finishSafely runs one Finish step; a panic becomes one internal-error
// finding at the top of the run's first entry, so that one bug cannot stop
// the run or hide the other checks' findings.
func (l *Linter) finishSafely(ch *Check, c *Collected, kept []*keptEntry) {
	defer func() {
		if v := recover(); v != nil && len(kept) > 0 {
			*c.out = append(*c.out, l.internalError(ch, kept[0], source.Span{Start: source.Pos{Line: 1, Column: 1}, End: source.Pos{Line: 1, Column: 1}}, "", v))
		}
	}()
	ch.Finish(c)
}

// collectionFiles returns, in path order, the files of the file system that
// belong to coll: matched by one of its include globs (relative to the
// configuration's folder), claimed by no collection before it, and not
// ignored. Hidden and dependency folders and symbolic links are skipped,
// as when walking a folder.
func (l *Linter) collectionFiles(coll *Collection) []string {
	if l.fsys == nil || coll == nil {
		return nil
	}
	w := &Walker{FS: l.fsys, Ignore: l.config.Ignored}
	seen := map[string]bool{}
	var out []string
	for _, inc := range coll.Include {
		pattern := inc
		if l.config.Dir != "" && l.config.Dir != "." {
			pattern = path.Join(l.config.Dir, inc)
		}
		_ = w.walkPattern(context.Background(), pattern, func(p string) bool {
			if !seen[p] && !w.Ignore(p) && l.config.CollectionFor(p) == coll {
				seen[p] = true
				out = append(out, p)
			}
			return true
		})
	}
	slices.Sort(out)
	return out
}

// eachField calls fn for every scalar of front matter data (strings,
// numbers, booleans) with its JSON pointer and its keys from the top (list
// items count as their list, as in FieldKind patterns).
func eachField(data map[string]any, fn func(ptr string, keys []string, v any)) {
	var walk func(v any, ptr string, keys []string)
	walk = func(v any, ptr string, keys []string) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range sortedMapKeys(x) {
				walk(x[k], source.Child(ptr, k), append(keys[:len(keys):len(keys)], k))
			}
		case []any:
			for i, item := range x {
				walk(item, source.Index(ptr, i), keys)
			}
		case string, json.Number, bool:
			fn(ptr, keys, x)
		}
	}
	if data != nil {
		walk(data, "", nil)
	}
}

func sortedMapKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// matchField reports whether the field at keys matches a field path
// pattern ("title", "social.*", "**.email"), with a fast path for plain paths.
func matchField(pattern string, keys []string) bool {
	if !strings.ContainsAny(pattern, "*?[{\\") {
		segs := strings.Split(pattern, ".")
		return slices.Equal(segs, keys)
	}
	return FieldKind{Match: pattern}.Matches(keys)
}

// scalarText returns a front matter scalar as text: a string as it is, a
// number as written, and "" for anything else (booleans name nothing).
func scalarText(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case json.Number:
		return x.String(), true
	}
	return "", false
}

// listNames joins names as "a, b and c", with at most max of them and
// "and N more" for the rest.
func listNames(names []string, most int) string {
	if len(names) > most {
		return strings.Join(names[:most], ", ") + fmt.Sprintf(" and %d more", len(names)-most)
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// placeName names a place in messages: "groups/b.md:4".
func (c *Collected) placeName(pl Place) string {
	return fmt.Sprintf("%s:%d", c.Name(pl.Path), pl.Span.Start.Line)
}
