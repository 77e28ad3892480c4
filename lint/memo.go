package lint

// entryMemo holds what rules derive from an entry: computed the first time a
// rule asks, then shared by the others. An entry is checked by one goroutine,
// so no locking is needed.
type entryMemo struct {
	links     []bodyLink
	linksDone bool
	top, all  []outlineHeading
	topDone   bool
	allDone   bool
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

// bodyLinks returns every link, image and autolink of e's body.
func bodyLinks(e *Entry) []bodyLink {
	m := &e.memo
	if !m.linksDone {
		m.links, m.linksDone = collectBodyLinks(e), true
	}
	return m.links
}

// topHeadings returns the headings that are direct children of the body.
func topHeadings(e *Entry) []outlineHeading {
	m := &e.memo
	if !m.topDone {
		m.top, m.topDone = collectTopHeadings(e), true
	}
	return m.top
}

// allHeadings returns every heading of the body outside inline content.
func allHeadings(e *Entry) []outlineHeading {
	m := &e.memo
	if !m.allDone {
		m.all, m.allDone = collectAllHeadings(e), true
	}
	return m.all
}

// outline returns e's top-level headings matched against s.
func outline(e *Entry, s *Sections) *sectionOutline {
	m := &e.memo
	if m.outline == nil || m.outlineOf != s {
		m.outline, m.outlineOf = buildOutline(e, s), s
	}
	return m.outline
}
