package lint

// entryMemo holds what rules derive from an entry: computed the first time a
// rule asks, then shared by the others. An entry is checked by one goroutine,
// so no locking is needed.
type entryMemo struct {
	top       []bodyHeading
	topDone   bool
	outline   *sectionOutline
	outlineOf *Sections
	// directives are the entry's suppression comments.
	directives     []*directive
	directivesDone bool
}

// entryDirectives returns e's suppression comments.
func entryDirectives(e *Entry) []*directive {
	m := &e.memo
	if !m.directivesDone {
		m.directives, m.directivesDone = directives(e), true
	}
	return m.directives
}

// outline returns e's top-level headings matched against s.
func outline(e *Entry, s *Sections) *sectionOutline {
	m := &e.memo
	if m.outline == nil || m.outlineOf != s {
		m.outline, m.outlineOf = buildOutline(e, s), s
	}
	return m.outline
}
