// Package baseline lets a repository adopt contentlint without fixing every
// old finding first: a baseline file records today's findings, and a later
// run reports only the findings that are not in it. A finding matches an
// entry by its lint.Identity — rule, file, field path or section heading,
// and the offending text — never by line or column, so entries survive
// unrelated edits (lines moving, other fields changing). An identity that
// occurs several times in a file is recorded with a count, and only that
// many occurrences are hidden.
package baseline

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Version is the version of the baseline file's shape.
const Version = 1

// DefaultFile is the baseline file's name when none is given.
const DefaultFile = ".contentlint-baseline.json"

// Baseline is a set of known findings.
type Baseline struct {
	Entries []Entry
}

// Entry is one known finding (Count times in its file).
type Entry struct {
	Rule string `json:"rule"`
	// Path is the file, slash-separated and relative to the baseline
	// file's folder.
	Path    string `json:"path"`
	Field   string `json:"field,omitempty"`
	Section string `json:"section,omitempty"`
	Value   string `json:"value"`
	// Count is how many times the identity occurs in the file; 0 means 1.
	Count int `json:"count,omitempty"`
	// Message is the finding's message when it was recorded, for people
	// reading the file; it takes no part in matching.
	Message string `json:"message"`

	span source.Span // where the entry is in the file it was read from
}

// Span is where the entry sits in the baseline file it was read from.
func (e Entry) Span() source.Span { return e.span }

func (e Entry) identity() lint.Identity {
	return lint.Identity{Rule: e.Rule, Path: e.Path, Field: e.Field, Section: e.Section, Value: e.Value}
}

func (e Entry) count() int { return max(e.Count, 1) }

// PathFunc names a finding's file as the baseline does: relative to the
// baseline file's folder.
type PathFunc func(f *lint.Finding) string

// New records findings (suppressed ones are left out: they are already
// silenced where they occur).
func New(findings []lint.Finding, pathOf PathFunc) *Baseline {
	counts := map[lint.Identity]int{}
	messages := map[lint.Identity]string{}
	for i := range findings {
		f := &findings[i]
		if f.Suppressed {
			continue
		}
		id := f.Identity(pathOf(f))
		if counts[id] == 0 {
			messages[id] = f.Message
		}
		counts[id]++
	}
	b := &Baseline{}
	for id, n := range counts {
		e := Entry{Rule: id.Rule, Path: id.Path, Field: id.Field, Section: id.Section, Value: id.Value, Message: messages[id]}
		if n > 1 {
			e.Count = n
		}
		b.Entries = append(b.Entries, e)
	}
	b.sort()
	return b
}

func (b *Baseline) sort() {
	slices.SortFunc(b.Entries, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.Path, y.Path), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Field, y.Field),
			cmp.Compare(x.Section, y.Section), cmp.Compare(x.Value, y.Value))
	})
}

// file is the baseline as written.
type file struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Write writes the baseline as JSON, one entry per object, sorted by path,
// rule, field, section and value, so that it diffs well in review.
func (b *Baseline) Write(w io.Writer) error {
	entries := b.Entries
	if entries == nil {
		entries = []Entry{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(file{Version: Version, Findings: entries}); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Parse reads a baseline file's text; name is how messages call it. A
// malformed file is an error with its position.
func Parse(name string, src []byte) (*Baseline, error) {
	x := source.NewLineIndex(src)
	doc := source.Decode(x, source.FormatJSON, 0, len(src), "the baseline")
	if len(doc.Problems) > 0 {
		p := doc.Problems[0]
		return nil, source.ErrorAt(name, p.Span, "%s", p.Message)
	}
	at := func(ptr string) source.Span {
		if loc, ok := doc.Locations[ptr]; ok {
			return loc.Value
		}
		return x.Span(0, 0)
	}
	top, ok := doc.Value.(map[string]any)
	if !ok {
		return nil, source.ErrorAt(name, at(""), "a baseline is a JSON object with \"version\" and \"findings\"; write one with contentlint baseline")
	}
	if v, ok := top["version"].(json.Number); !ok || v.String() != fmt.Sprint(Version) {
		return nil, source.ErrorAt(name, at("/version"), "unsupported baseline version %v; this contentlint reads version %d (write a new one with contentlint baseline)", top["version"], Version)
	}
	raw, _ := json.Marshal(top["findings"])
	var entries []Entry
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&entries); err != nil {
		return nil, source.ErrorAt(name, at("/findings"), "findings: %v", strings.TrimPrefix(err.Error(), "json: "))
	}
	for i := range entries {
		ptr := source.Index("/findings", i)
		if entries[i].Rule == "" || entries[i].Path == "" {
			return nil, source.ErrorAt(name, at(ptr), "findings[%d]: an entry needs a rule and a path", i)
		}
		if entries[i].Count < 0 {
			return nil, source.ErrorAt(name, at(source.Child(ptr, "count")), "findings[%d].count: must not be negative; leave it out for one occurrence", i)
		}
		entries[i].span = at(ptr)
	}
	return &Baseline{Entries: entries}, nil
}

// Stale is an entry, or part of one, that no longer occurs.
type Stale struct {
	Entry
	Missing int // how many of the entry's occurrences are gone
}

// Outcome is a run's findings with the baseline applied.
type Outcome struct {
	// Findings are those not in the baseline, in their original order.
	Findings []lint.Finding
	// Baselined counts the findings the baseline hid.
	Baselined int
	// Stale are the entries whose file was linted but that no longer
	// occur there, in the baseline's order.
	Stale []Stale
}

// Apply hides the findings the baseline knows. linted reports whether a
// file (as the baseline names it) was linted in this run: entries of other
// files cannot be judged and are never stale.
func (b *Baseline) Apply(findings []lint.Finding, pathOf PathFunc, linted func(path string) bool) Outcome {
	left := map[lint.Identity]int{}
	for _, e := range b.Entries {
		left[e.identity()] += e.count()
	}
	out := Outcome{Findings: make([]lint.Finding, 0, len(findings))}
	for i := range findings {
		f := &findings[i]
		if !f.Suppressed {
			id := f.Identity(pathOf(f))
			if left[id] > 0 {
				left[id]--
				out.Baselined++
				continue
			}
		}
		out.Findings = append(out.Findings, *f)
	}
	for _, e := range b.Entries {
		id := e.identity()
		if n := min(left[id], e.count()); n > 0 && linted(e.Path) {
			out.Stale = append(out.Stale, Stale{Entry: e, Missing: n})
			left[id] -= n
		}
	}
	return out
}

// Prune returns the baseline without what no longer occurs: entries whose
// file was linted keep at most as many occurrences as the findings have.
func (b *Baseline) Prune(findings []lint.Finding, pathOf PathFunc, linted func(path string) bool) (pruned *Baseline, dropped int) {
	stale := b.Apply(findings, pathOf, linted).Stale
	gone := map[lint.Identity]int{}
	for _, s := range stale {
		gone[s.identity()] += s.Missing
	}
	pruned = &Baseline{}
	for _, e := range b.Entries {
		id := e.identity()
		n := e.count()
		cut := min(gone[id], n)
		gone[id] -= cut
		dropped += cut
		if n -= cut; n == 0 {
			continue
		}
		e.Count = 0
		if n > 1 {
			e.Count = n
		}
		pruned.Entries = append(pruned.Entries, e)
	}
	return pruned, dropped
}

// Describe says what a stale entry was, for a note: `schema-type in
// content/a.md at featured: "\"yes\""`.
func (s Stale) Describe() string {
	where := s.Field
	if where == "" && s.Section != "" {
		where = fmt.Sprintf("section %q", s.Section)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s in %s", s.Rule, s.Path)
	if where != "" {
		fmt.Fprintf(&b, " at %s", where)
	}
	if s.Value != "" {
		fmt.Fprintf(&b, ": %q", s.Value)
	}
	if s.Missing > 1 {
		fmt.Fprintf(&b, " (%d times)", s.Missing)
	}
	return b.String()
}
