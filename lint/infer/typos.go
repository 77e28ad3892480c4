package infer

import (
	"fmt"
	"slices"
	"strings"
)

// keyTypo is a member left out of the schema as a likely misspelling of a
// more common one.
type keyTypo struct {
	key, like string
	at        []sample // where the key is
}

// Typo thresholds: a key is a likely typo of another when it is one edit
// away, at least typoRatio times rarer, never beside it in one object, and
// both are at least typoMinLength characters long (short keys such as url
// and uri are too close to tell apart by spelling).
const (
	typoRatio     = 5
	typoMinLength = 4
)

// detectTypos leaves out of an object node the members that look like
// misspellings of more common ones (contactemail beside contact_email), so
// that the schema does not allow them and lint names the key to use. Keys
// that differ only in case are not typos: site generators such as Hugo
// read front matter keys in any case.
func (n *node) detectTypos() {
	for _, rare := range slices.Clone(n.order) {
		r := n.props[rare]
		best := ""
		for _, common := range n.order {
			c := n.props[common]
			if common == rare || len(r.seenIn)*typoRatio > len(c.seenIn) ||
				min(len([]rune(rare)), len([]rune(common))) < typoMinLength ||
				strings.EqualFold(rare, common) || !oneEdit(rare, common) || overlaps(r.seenIn, c.seenIn) {
				continue
			}
			if best == "" || len(c.seenIn) > len(n.props[best].seenIn) {
				best = common
			}
		}
		if best == "" {
			continue
		}
		n.typos = append(n.typos, keyTypo{key: rare, like: best, at: r.keyAt})
		delete(n.props, rare)
		n.order = slices.DeleteFunc(n.order, func(k string) bool { return k == rare })
	}
}

// overlaps reports whether two sorted index lists share an index.
func overlaps(a, b []int) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// oneEdit reports whether a and b differ by exactly one inserted, deleted
// or replaced character, or two neighbours swapped.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		if i == len(ra) {
			return false // equal
		}
		if slices.Equal(ra[i+1:], rb[i+1:]) {
			return true // replaced
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && slices.Equal(ra[i+2:], rb[i+2:]) // swapped
	}
	return slices.Equal(ra[i:], rb[i+1:]) // inserted
}

// booleanWords are strings people write for true or false.
var booleanWords = []string{"true", "false", "yes", "no", "on", "off", "y", "n"}

// detectBoolTypos finds quoted booleans ("yes", "false") in a field that
// otherwise holds true or false: at least 90% of its values are booleans
// and every string is a boolean word. They are left out of the field's
// types and reported.
func (n *node) detectBoolTypos() {
	bools, strs := n.kinds["boolean"], n.kinds["string"]
	if bools == 0 || strs == 0 || len(n.samples) != strs || !atLeast(bools, n.present, kindTenths) {
		return
	}
	for k, c := range n.kinds {
		if c > 0 && k != "boolean" && k != "string" {
			return
		}
	}
	for _, s := range n.samples {
		if !slices.Contains(booleanWords, strings.ToLower(strings.TrimSpace(s.value))) {
			return
		}
	}
	n.boolTypos = n.samples
}

// boolFor is the boolean a word stands for.
func boolFor(word string) string {
	switch strings.ToLower(strings.TrimSpace(word)) {
	case "true", "yes", "on", "y":
		return "true"
	}
	return "false"
}

// rareKeyMax is how many entries at most hold a key for it to be checked
// as a misnamed one.
const rareKeyMax = 2

// misnamedKeys reports a top-level key that only one or two entries have,
// holding the kind of value of a key nearly every other entry has and
// these entries lack (site: where the others have homepage:). The key
// stays allowed, as it may be a field of its own; the report says which
// key it may stand for.
func (c *collection) misnamedKeys() []defect {
	n := c.root
	var out []defect
	for _, k := range n.order {
		rare := n.props[k]
		if len(rare.seenIn) > rareKeyMax || rare.decl == nil || rare.decl.kind == "" {
			continue
		}
		for j, i := range rare.seenIn {
			for _, m := range n.order {
				common := n.props[m]
				if m == k || common.decl == nil || common.decl.kind != rare.decl.kind ||
					!nearlyRequired(len(common.filledIn), n.objects()) || slices.Contains(common.filledIn, i) {
					continue
				}
				at := rare.keyAt[j]
				out = append(out, defect{path: at.path, line: at.line, field: k,
					message: fmt.Sprintf("key %q, which only %d %s, holds %s like %q, which %s have and this entry lacks; if it is %q under another name, rename it",
						k, len(rare.seenIn), plural(len(rare.seenIn), "entry has", "entries have"), kindNoun(rare.decl), m, ratio(len(common.filledIn), n.objects(), "entries"), m)})
			}
		}
	}
	return out
}

// kindNoun names what a declared field holds, for messages.
func kindNoun(d *decision) string {
	switch d.kind {
	case "email":
		return "an email address"
	case "social":
		return d.network.Article + " " + d.network.Title + " account"
	}
	return "a link"
}
