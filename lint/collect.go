package lint

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// The cross-entry phase. Checks that need every entry of a run (a value that
// must not repeat, a reference to another entry, an anchor in another file)
// have a Collect step, run on each entry in its worker after the per-entry
// checks, that keeps only what they need, as small as it can be (a hash of
// a value, the number of a spelling); once every file is linted, each such
// check's Finish step runs over what was kept, in path order, and reads
// again the few entries it reports on. So the run's memory grows with those
// values, not with the entries, and the findings do not depend on the
// number of workers.

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

// Rereadable reports whether a Finish step can read the pass's entry again
// with Collected.ReadEntry and get the same text: true for a file of the
// file system, false for standard input and sources linted from memory.
// Collect may then keep less (a hash of a value instead of the value and
// where it is) and let Finish find the rest in the few entries it reports.
func (p *Pass) Rereadable() bool { return p.reread }

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
// every entry of the run, and ways to read files again.
type Collected struct {
	// Entries are the entries Collect kept something of, in path order.
	Entries []Kept

	linter  *Linter
	check   *Check
	run     *crossRun
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
func (c *Collected) Linted(p string) bool {
	_, ok := c.run.file(p)
	return ok
}

// Files returns the files of the run that belong to collection coll, in
// path order, whether or not Collect kept anything of them (a file that
// could not be parsed is still an entry that exists).
func (c *Collected) Files(coll *Collection) []string {
	var out []string
	for _, f := range c.run.linted {
		if f.coll == coll {
			out = append(out, f.path)
		}
	}
	return out
}

// Config returns the run's configuration.
func (c *Collected) Config() *Config { return c.linter.config }

// Report records a finding of rule r at a place in an entry of the run,
// with related places; a place in a file the run did not lint is not
// reported. The rule must be one the check declares.
func (c *Collected) Report(r *Rule, at Place, related []Related, format string, args ...any) {
	if !slices.Contains(c.check.Rules, r) {
		panic(fmt.Sprintf("a check reported rule %s, which it does not declare", r.ID))
	}
	file, ok := c.run.file(at.Path)
	if !ok {
		return
	}
	sev := c.linter.config.Severity(r, file.coll)
	if sev == SeverityOff {
		return
	}
	f := Finding{Path: at.Path, Severity: sev, Collection: file.collectionName(), SourceLine: at.Line,
		Diagnostic: Diagnostic{Rule: r, Span: at.Span, Message: fmt.Sprintf(format, args...), Field: at.Field, Related: related}}
	if extra := c.run.extras[at.Path]; extra != nil {
		ds := make([]*directive, len(extra.directives))
		for i, d := range extra.directives {
			ds[i] = d.directive
		}
		if d := suppressor(ds, r.ID, r.Family, at.Span.Start.Line); d != nil {
			d.used = true
			f.Suppressed, f.Justification = true, d.justification
		}
	}
	*c.out = append(*c.out, f)
}

// ReadEntry reads and parses the file at path of the run's file system
// again, for a Finish step that needs more of a file than its Collect kept
// (where a duplicate value is, the headings of a link's target). It
// returns nil when the file cannot be read or parsed far enough to check.
func (c *Collected) ReadEntry(p string) *Entry {
	src, err := c.linter.readFile(p)
	if err != nil {
		return nil
	}
	if e := c.linter.parser.Parse(p, src); !e.Fatal {
		return e
	}
	return nil
}

// Pass returns a pass over an entry read with ReadEntry, in collection
// coll, for a Finish step that derives what it reports from the entry the
// way Collect did.
func (c *Collected) Pass(e *Entry, coll *Collection) *Pass {
	return c.linter.collectPass(e, coll, c.linter.existsNear(e.Path))
}

// Outside calls fn, in path order, with what the check's Collect keeps of
// each entry of collection coll that the run did not lint (a nil Value
// when it keeps nothing, as the entry still exists): a reference names an
// entry whether or not this run lints it (a pre-commit run lints only the
// files that changed). The files are found once per collection.
func (c *Collected) Outside(coll *Collection, fn func(Kept)) {
	paths, ok := c.outside[coll]
	if !ok {
		paths = c.linter.collectionFiles(coll)
		c.outside[coll] = paths
	}
	for _, p := range paths {
		if c.Linted(p) {
			continue
		}
		e := c.ReadEntry(p)
		if e == nil {
			fn(Kept{Path: p, Collection: coll})
			continue
		}
		k := &keptEntry{path: p, coll: coll}
		fn(Kept{Path: p, Collection: coll, Value: c.linter.collectOne(c.check, c.Pass(e, coll), k)})
	}
}

// keptEntry is what the cross-entry checks collected from one entry, on
// its way from a worker to the run's crossRun.
type keptEntry struct {
	path   string
	coll   *Collection // as the run assigned it (not the entry's own $schema copy)
	values []any       // by index in Catalogue.cross; nil when every value is
	extra  *keptExtra
}

// keptExtra is what is kept of the rare entry with suppression comments
// naming cross-entry rules, or whose Collect step panicked.
type keptExtra struct {
	directives []keptDirective
	internal   []Finding
}

func (k *keptEntry) more() *keptExtra {
	if k.extra == nil {
		k.extra = &keptExtra{}
	}
	return k.extra
}

func (k *keptEntry) collectionName() string { return lintedFile{k.path, k.coll}.collectionName() }

// keptDirective is a suppression comment kept with the text of its line.
type keptDirective struct {
	*directive
	line string
}

// lintedFile is one file a run linted, and its collection.
type lintedFile struct {
	path string
	coll *Collection
}

func (f lintedFile) collectionName() string {
	if f.coll == nil {
		return ""
	}
	return f.coll.Name
}

// crossRun is what a run keeps for the cross-entry phase, gathered in the
// run's own goroutine as workers finish entries: for each check, one list
// of what its Collect kept, with no object per entry of its own; every
// file linted; and the rare entries with more.
type crossRun struct {
	kept   [][]Kept // by index in Catalogue.cross
	linted []lintedFile
	extras map[string]*keptExtra
}

func newCrossRun(cat *Catalogue) *crossRun {
	return &crossRun{kept: make([][]Kept, len(cat.cross)), extras: map[string]*keptExtra{}}
}

// add keeps what was collected from one entry.
func (r *crossRun) add(k *keptEntry) {
	r.linted = append(r.linted, lintedFile{k.path, k.coll})
	for i, v := range k.values {
		if v != nil {
			r.kept[i] = append(r.kept[i], Kept{Path: k.path, Collection: k.coll, Value: v})
		}
	}
	if k.extra != nil {
		r.extras[k.path] = k.extra
	}
}

// file finds a linted file by path; the list is sorted by finish.
func (r *crossRun) file(p string) (lintedFile, bool) {
	i, ok := slices.BinarySearchFunc(r.linted, p, func(f lintedFile, p string) int { return strings.Compare(f.path, p) })
	if !ok {
		return lintedFile{}, false
	}
	return r.linted[i], true
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
// the run's workers, from the file system.
func (l *Linter) collectPass(e *Entry, c *Collection, exists func(string) bool) *Pass {
	return &Pass{Entry: e, Collection: c, Exists: exists, reread: true, linter: l}
}

// ruleOptions returns rule r's options in collection c (see Pass.Options).
func (l *Linter) ruleOptions(c *Collection, r *Rule) any {
	if c != nil {
		if o, ok := c.Options[r]; ok {
			return o
		}
	}
	return l.catalogue.defaults[r]
}

// collect runs every cross-entry check's Collect step on the pass's entry.
func (l *Linter) collect(k *keptEntry, p *Pass) {
	for i, ch := range l.catalogue.cross {
		if ch.Collect == nil {
			continue
		}
		if v := l.collectOne(ch, p, k); v != nil {
			if k.values == nil {
				k.values = make([]any, len(l.catalogue.cross))
			}
			k.values[i] = v
		}
	}
}

// collectOne runs one Collect step; a panic becomes an internal-error
// finding of the entry, as in runSafely.
func (l *Linter) collectOne(ch *Check, p *Pass, k *keptEntry) (v any) {
	defer func() {
		if r := recover(); r != nil {
			v = nil
			k.more().internal = append(k.more().internal, l.internalError(ch, k, p.Entry.Lines.Span(0, 0), "", r))
		}
	}()
	p.check = ch
	p.report = func(Diagnostic) { panic("a Collect step reported a finding; report from Run or Finish") }
	return ch.Collect(p)
}

// internalError is the finding that says a check broke.
func (l *Linter) internalError(ch *Check, k *keptEntry, span Span, line string, v any) Finding {
	return Finding{Path: k.path, Severity: l.config.Severity(ruleInternalError, k.coll), Collection: k.collectionName(), SourceLine: line,
		Diagnostic: Diagnostic{Rule: ruleInternalError, Span: span, Message: ch.failed(v)}}
}

// finish runs every cross-entry check's Finish step over what the run
// kept and returns their findings, then reports the suppression comments
// naming cross-entry rules that silenced nothing. name names files in
// messages (nil: their paths).
func (l *Linter) finish(run *crossRun, name func(string) string) []Finding {
	var out []Finding
	slices.SortFunc(run.linted, func(a, b lintedFile) int { return strings.Compare(a.path, b.path) })
	extras := slices.Sorted(maps.Keys(run.extras))
	for _, p := range extras {
		out = append(out, run.extras[p].internal...)
	}
	outside := map[*Collection][]string{}
	for i, ch := range l.catalogue.cross {
		slices.SortFunc(run.kept[i], func(a, b Kept) int { return strings.Compare(a.Path, b.Path) })
		c := &Collected{Entries: run.kept[i], linter: l, check: ch, run: run, name: name, out: &out, outside: outside}
		l.finishSafely(ch, c, run.linted)
	}
	for _, p := range extras {
		f, _ := run.file(p)
		for _, d := range run.extras[p].directives {
			if d.used || d.kind == "enable" {
				continue
			}
			if sev := l.config.Severity(ruleUnusedSuppression, f.coll); sev != SeverityOff {
				out = append(out, Finding{Path: p, Severity: sev, Collection: f.collectionName(), SourceLine: d.line,
					Diagnostic: Diagnostic{Rule: ruleUnusedSuppression, Span: d.span,
						Message: d.unused()}})
			}
		}
	}
	return out
}

// finishSafely runs one Finish step; a panic becomes one internal-error
// finding at the top of the run's first file, so that one bug cannot stop
// the run or hide the other checks' findings.
func (l *Linter) finishSafely(ch *Check, c *Collected, linted []lintedFile) {
	defer func() {
		if v := recover(); v != nil && len(linted) > 0 {
			k := &keptEntry{path: linted[0].path, coll: linted[0].coll}
			*c.out = append(*c.out, l.internalError(ch, k, source.Span{Start: source.Pos{Line: 1, Column: 1}, End: source.Pos{Line: 1, Column: 1}}, "", v))
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
	w := &Walker{FS: l.fsys}
	seen := map[string]bool{}
	var out []string
	for _, inc := range coll.Include {
		pattern := inc
		if l.config.Dir != "" && l.config.Dir != "." {
			pattern = path.Join(l.config.Dir, inc)
		}
		_ = w.walkPattern(context.Background(), pattern, func(p string) bool {
			if !seen[p] && !l.config.Ignored(p) && l.config.CollectionFor(p) == coll {
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

// eachMatch calls fn for every scalar of front matter data whose field
// matches one of patterns (list items count as their list), with the
// first pattern it matches. Plain paths ("title", "social.twitter") are
// looked up directly, so that an entry's other fields cost nothing.
func eachMatch(data map[string]any, patterns []string, fn func(pattern, ptr string, keys []string, v any)) {
	if data == nil || len(patterns) == 0 {
		return
	}
	for _, p := range patterns {
		if strings.ContainsAny(p, "*?[{\\") {
			eachField(data, func(ptr string, keys []string, v any) {
				for _, pattern := range patterns {
					if matchField(pattern, keys) {
						fn(pattern, ptr, keys, v)
						return
					}
				}
			})
			return
		}
	}
	for i, pattern := range patterns {
		if slices.Contains(patterns[:i], pattern) {
			continue
		}
		keys := strings.Split(pattern, ".")
		var cur any = data
		ptr := ""
		for _, k := range keys {
			m, ok := cur.(map[string]any)
			if !ok {
				cur = nil
				break
			}
			cur, ptr = m[k], source.Child(ptr, k)
		}
		var emit func(v any, ptr string)
		emit = func(v any, ptr string) {
			switch x := v.(type) {
			case []any:
				for j, item := range x {
					emit(item, source.Index(ptr, j))
				}
			case string, json.Number, bool:
				fn(pattern, ptr, keys, x)
			}
		}
		emit(cur, ptr)
	}
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
