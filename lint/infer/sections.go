package infer

import (
	"github.com/glasgow-open-data/contentlint/lint"
)

// sectionStats counts the level-2 headings of the entries.
type sectionStats struct {
	count     map[string]int            // normalized title → entries that have it
	spellings map[string]map[string]int // normalized → original text → entries
	order     []string                  // normalized titles, first seen first
	spellSeen map[string][]string       // normalized → spellings, first seen first
	headed    int                       // entries with at least one heading of any level
}

func newSectionStats() *sectionStats {
	return &sectionStats{count: map[string]int{}, spellings: map[string]map[string]int{}, spellSeen: map[string][]string{}}
}

// add records the top-level level-2 headings of one entry, each title once:
// like the section rules, a heading in a list or blockquote is no section.
func (s *sectionStats) add(e *lint.Entry) {
	seen := map[string]bool{}
	headed := false
	for _, h := range e.Headings() {
		if !h.Top {
			continue
		}
		headed = true
		if h.Level != sectionLevel {
			continue
		}
		text := h.Text
		norm := lint.NormalizeHeading(text)
		if norm == "" || seen[norm] {
			continue
		}
		seen[norm] = true
		if s.count[norm] == 0 {
			s.order = append(s.order, norm)
			s.spellings[norm] = map[string]int{}
		}
		s.count[norm]++
		if s.spellings[norm][text] == 0 {
			s.spellSeen[norm] = append(s.spellSeen[norm], text)
		}
		s.spellings[norm][text]++
	}
	if headed {
		s.headed++
	}
}

// section is one recommended section with its support.
type section struct {
	title string
	count int
}

// recommended lists the headings in at least 60% of the entries, in the
// order first seen, each in its most common spelling (the first seen on a tie).
func (s *sectionStats) recommended(entries int) []section {
	var out []section
	for _, norm := range s.order {
		if !atLeast(s.count[norm], entries, sectionTenths) {
			continue
		}
		best := ""
		for _, sp := range s.spellSeen[norm] {
			if best == "" || s.spellings[norm][sp] > s.spellings[norm][best] {
				best = sp
			}
		}
		out = append(out, section{best, s.count[norm]})
	}
	return out
}
