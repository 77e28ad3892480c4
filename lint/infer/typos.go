package infer

import (
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
