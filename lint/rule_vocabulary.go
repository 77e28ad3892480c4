package lint

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// VocabularyOptions are vocabulary-near-miss's options.
type VocabularyOptions struct {
	// MinCommon is how many entries must use a spelling for it to count as
	// the common one.
	MinCommon int `json:"min-common"`
}

// ruleVocabularyNearMiss reports one-off spellings of common values.
var ruleVocabularyNearMiss = &Rule{
	ID:     "vocabulary-near-miss",
	Family: "vocabulary",
	Title:  "A one-off value is not a near miss of a common one",
	Doc: "In the fields a collection declares as a shared vocabulary (`vocabulary: [tags, location]`), a value that " +
		"only one entry uses is reported when it is a near miss of a value many entries use (at least `min-common`, " +
		"3 by default): the same once case, accents, spaces, hyphens and punctuation are dropped (`opendata`, " +
		"`Open-Data` and `open data`), or one edit away for values of 6 to 11 letters and digits, two for longer " +
		"ones (`transparancy` and `transparency`). Values that differ in their digits (`python2`, `python3`) are " +
		"never near misses. The finding points at the one-off value and names the common spelling and where it is " +
		"used; if the one-off value is right, suppress the finding on its line. Only the entries of one run are " +
		"counted: lint the whole directory to see every near miss.",
	Config: exampleBare + "    vocabulary: [tags]\n",
	Files: map[string]string{
		"edinburgh.md": "---\ntitle: \"Edinburgh Civic Hackers\"\ntags: [open data, civic tech]\n---\n\nAbout the group.\n",
		"dundee.md":    "---\ntitle: \"Dundee Data Circle\"\ntags: [open data]\n---\n\nAbout the group.\n",
		"aberdeen.md":  "---\ntitle: \"Aberdeen Open Data\"\ntags: [open data, transparency]\n---\n\nAbout the group.\n",
	},
	Bad:      "---\ntitle: \"Glasgow Open Data Group\"\ntags: [opendata, civic tech]\n---\n\nAbout the group.\n",
	Good:     "---\ntitle: \"Glasgow Open Data Group\"\ntags: [open data, civic tech]\n---\n\nAbout the group.\n",
	Severity: SeverityWarning,
	Tags:     []string{"frontmatter", "cross-entry"},
	Options: &RuleOptions{
		Schema: `{
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "min-common": {"type": "integer", "minimum": 2, "description": "How many entries must use a spelling for it to be the common one (default 3)."}
  }
}`,
		Default: func() any { return &VocabularyOptions{MinCommon: 3} },
	},
}

// vocabularyValue is one value of a vocabulary field, as collected.
type vocabularyValue struct {
	group string // the field path with list indices dropped
	raw   string
}

// vocabularyIDs is what the check keeps of an entry Finish can read again
// (it reads the few entries it reports): the numbers of its values in the
// run's vocabularyTable, four bytes a value.
type vocabularyIDs []uint32

// vocabularyKept is what it keeps of an entry that cannot be read again
// (standard input): the numbers and where each value is.
type vocabularyKept struct {
	ids    vocabularyIDs
	places []Place
}

// vocabularyOf returns the numbers of the values an entry's kept value holds.
func vocabularyOf(v any) vocabularyIDs {
	switch v := v.(type) {
	case vocabularyIDs:
		return v
	case *vocabularyKept:
		return v.ids
	}
	return nil
}

// minCommon is how many entries of a collection make a spelling common.
func minCommon(l *Linter, c *Collection) int {
	if o, ok := l.ruleOptions(c, ruleVocabularyNearMiss).(*VocabularyOptions); ok && o.MinCommon > 0 {
		return o.MinCommon
	}
	return 3
}

// vocabularyTable numbers the vocabulary values of a run: the same few
// hundred tags recur in thousands of entries, so each entry keeps four
// bytes per value and the run one copy of each spelling.
type vocabularyTable struct {
	mu     sync.Mutex
	ids    map[vocabularyValue]uint32
	values []vocabularyValue
}

// id returns the number of a value, numbering it the first time.
func (t *vocabularyTable) id(v vocabularyValue) uint32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	id, ok := t.ids[v]
	if !ok {
		if t.ids == nil {
			t.ids = map[vocabularyValue]uint32{}
		}
		// A copy: the decoded string may share memory with the whole file.
		v = vocabularyValue{strings.Clone(v.group), strings.Clone(v.raw)}
		id = uint32(len(t.values))
		t.ids[v] = id
		t.values = append(t.values, v)
	}
	return id
}

// value returns the value numbered id.
func (t *vocabularyTable) value(id uint32) vocabularyValue {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.values[id]
}

// eachVocabularyValue calls fn with each value of the collection's
// vocabulary fields in the pass's entry, once per field and spelling.
func eachVocabularyValue(p *Pass, fn func(group, raw, ptr string)) {
	var seen []vocabularyValue
	eachMatch(p.Entry.Data, p.Collection.Vocabulary, func(pattern, ptr string, keys []string, v any) {
		raw, ok := v.(string)
		if !ok || strings.TrimSpace(raw) == "" {
			return
		}
		group := fieldGroup(pattern, keys)
		if slices.Contains(seen, vocabularyValue{group, raw}) {
			return // one entry counts once
		}
		seen = append(seen, vocabularyValue{group, raw})
		fn(group, raw, ptr)
	})
}

// collectVocabulary keeps the values of the collection's vocabulary fields.
func collectVocabulary(p *Pass) any {
	c := p.Collection
	if c == nil || len(c.Vocabulary) == 0 || !p.Enabled(ruleVocabularyNearMiss) {
		return nil
	}
	table := &vocabularyTable{}
	if p.linter != nil {
		table = &p.linter.vocabulary
	}
	var ids vocabularyIDs
	var places []Place
	eachVocabularyValue(p, func(group, raw, ptr string) {
		ids = append(ids, table.id(vocabularyValue{group, raw}))
		if !p.Rereadable() {
			places = append(places, p.PlaceField(ptr))
		}
	})
	switch {
	case ids == nil:
		return nil
	case places != nil:
		return &vocabularyKept{ids, places}
	}
	return slices.Clip(ids)
}

// vocabularyPlace finds where an entry has a value: kept, or read again.
func vocabularyPlace(c *Collected, k Kept, v vocabularyValue) (Place, bool) {
	if kept, ok := k.Value.(*vocabularyKept); ok {
		for i, id := range kept.ids {
			if c.linter.vocabulary.value(id) == v {
				return kept.places[i], true
			}
		}
		return Place{}, false
	}
	e := c.ReadEntry(k.Path)
	if e == nil {
		return Place{}, false
	}
	p := c.Pass(e, k.Collection)
	var at Place
	found := false
	eachVocabularyValue(p, func(group, raw, ptr string) {
		if !found && group == v.group && raw == v.raw {
			at, found = p.PlaceField(ptr), true
		}
	})
	return at, found
}

// finishVocabulary reports values used once that are near misses of values
// used often, within each field of each collection.
func finishVocabulary(c *Collected) {
	type groupKey struct {
		coll  *Collection
		group string
	}
	type spelling struct {
		raw   string
		norm  []rune
		count int
		first int // the first entry that uses it, an index in c.Entries
	}
	groups := map[groupKey]map[string]*spelling{}
	var order []groupKey
	for i, k := range c.Entries {
		for _, id := range vocabularyOf(k.Value) {
			v := c.linter.vocabulary.value(id)
			gk := groupKey{k.Collection, v.group}
			if groups[gk] == nil {
				groups[gk] = map[string]*spelling{}
				order = append(order, gk)
			}
			s := groups[gk][v.raw]
			if s == nil {
				s = &spelling{raw: v.raw, norm: []rune(vocabularyForm(v.raw)), first: i}
				groups[gk][v.raw] = s
			}
			s.count++
		}
	}
	for _, gk := range order {
		var common, once []*spelling
		atLeast := minCommon(c.linter, gk.coll)
		for _, s := range groups[gk] {
			switch {
			case s.count >= atLeast:
				common = append(common, s)
			case s.count == 1:
				once = append(once, s)
			}
		}
		if len(common) == 0 {
			continue
		}
		slices.SortFunc(common, func(a, b *spelling) int {
			return cmp.Or(cmp.Compare(b.count, a.count), strings.Compare(a.raw, b.raw))
		})
		slices.SortFunc(once, func(a, b *spelling) int { return strings.Compare(a.raw, b.raw) })
		for _, s := range once {
			var best *spelling
			bestDist := 0
			for _, cs := range common {
				d, ok := nearMiss(s.norm, cs.norm)
				if ok && (best == nil || d < bestDist) {
					best, bestDist = cs, d
				}
			}
			if best == nil {
				continue
			}
			at, ok := vocabularyPlace(c, c.Entries[s.first], vocabularyValue{gk.group, s.raw})
			if !ok {
				continue // gone or changed since it was linted
			}
			var related []Related
			if there, ok := vocabularyPlace(c, c.Entries[best.first], vocabularyValue{gk.group, best.raw}); ok {
				related = append(related, there.Related("%s %q", there.Field, best.raw))
			}
			c.Report(ruleVocabularyNearMiss, at, related, "%s: %q is used by this entry only, and %q by %d entries of %s; write %q if it means the same",
				at.Field, s.raw, best.raw, best.count, collectionLabel(gk.coll), best.raw)
		}
	}
}

// vocabularyForm is the form near misses are compared in: lowercase
// letters and digits, without accents, spaces or punctuation.
func vocabularyForm(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// nearMiss reports whether a is a near miss of b, and how far: equal
// forms (distance 0), or within the edit distance their length allows,
// never when their digits differ.
func nearMiss(a, b []rune) (int, bool) {
	if slices.Equal(a, b) {
		return 0, len(a) > 0
	}
	n := min(len(a), len(b))
	limit := 0
	switch {
	case n >= 12:
		limit = 2
	case n >= 6:
		limit = 1
	}
	if limit == 0 || !slices.Equal(digitsOf(a), digitsOf(b)) {
		return 0, false
	}
	d := boundedDistance(a, b, limit)
	return d, d <= limit
}

func digitsOf(rs []rune) []rune {
	var out []rune
	for _, r := range rs {
		if unicode.IsDigit(r) {
			out = append(out, r)
		}
	}
	return out
}

// boundedDistance is the Levenshtein distance between a and b when it is
// at most limit, and limit+1 otherwise, computed in a band of width
// 2*limit+1 so that comparing many values stays cheap.
func boundedDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	const inf = 1 << 30
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
		if j > limit {
			prev[j] = inf
		}
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-limit), min(len(b), i+limit)
		for j := range cur {
			cur[j] = inf
		}
		if i <= limit {
			cur[0] = i
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], limit+1)
}
