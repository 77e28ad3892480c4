package lint

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// The section rules: the body's outline, its headings against the sections
// the collection declares, and the heading structure itself. Every one of
// them is skipped when the collection declares no sections.
var (
	ruleSectionRequired = &Rule{
		ID:     "section-required",
		Family: "section",
		Title:  "Required sections are present",
		Doc: "Every section the collection declares as required must have its heading in the body, at the declared level. " +
			"Headings match their declared title or one of its aliases ignoring case, extra whitespace, trailing punctuation " +
			"and inline markup, so \"## **Our** mission:\" is \"Our Mission\". " +
			"The finding points at the heading after which the section belongs (the last declared section present before it), " +
			"so the fix is to add the heading there. Only top-level headings count: a heading inside a blockquote or list " +
			"is not a section of the page. An empty body is reported once, by body-empty, not once per missing section.",
		Config:   exampleSections,
		Bad:      titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n"),
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "structure"},
	}
	ruleSectionRecommended = &Rule{
		ID:     "section-recommended",
		Family: "section",
		Title:  "Recommended sections are present",
		Doc: "Every section the collection recommends should have its heading in the body. Entries that follow the same " +
			"outline are easier to read and compare; a missing recommended section is a warning, not an error, because " +
			"not every group has, say, regular activities. Matching and placement work as for section-required.",
		Config:   exampleSections,
		Bad:      titled("## Our Mission\n\nWe open up data.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Severity: SeverityWarning,
		Tags:     []string{"markdown", "structure"},
	}
	ruleSectionOrder = &Rule{
		ID:     "section-order",
		Family: "section",
		Title:  "Declared sections appear in the declared order",
		Doc: "When the collection asks for ordered sections, the declared sections that are present must appear in " +
			"declaration order (required sections first, then recommended ones). contentlint finds the fewest sections " +
			"to move (those outside the longest run already in order) and reports each at its heading, naming the one " +
			"move that puts it in place: before the next section it belongs ahead of, or after the last one it follows.",
		Config:   exampleOrdered,
		Bad:      titled("## Get Involved\n\nCome to a hack night.\n\n## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n"),
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Get Involved\n\nCome to a hack night.\n\n## Current Projects\n\nA transport dashboard.\n\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "structure"},
	}
	ruleSectionLevel = &Rule{
		ID:     "section-level",
		Family: "section",
		Title:  "Declared sections use the declared heading level",
		Doc: "A declared section's heading must be at the collection's section level (## by default). Site templates " +
			"build navigation and anchors from that level, so a \"### Our Mission\" is as good as missing to them. " +
			"Such a heading still counts as present, so it gets this one finding and not also a missing-section one. " +
			"A heading at the wrong level is ignored when the same section also appears at the right level, " +
			"so a \"### Resources\" sub-heading inside a project is fine.",
		Config:   exampleSections,
		Bad:      titled("## Current Projects\n\nA transport dashboard.\n\n### Our Mission\n\nWe open up data.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Good:     titled("## Current Projects\n\nA transport dashboard.\n\n## Our Mission\n\nWe open up data.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "structure"},
	}
	ruleSectionEmpty = &Rule{
		ID:     "section-empty",
		Family: "section",
		Title:  "Sections have content",
		Doc: "A heading must be followed by some content before the next heading of the same or a higher level. " +
			"Sub-headings count only when they have content of their own. Link reference definitions, HTML comments " +
			"and thematic breaks render nothing, so they are not content. An empty section is usually a template " +
			"placeholder that was never filled in. " +
			"Off by default: a collection turns it on in its rules (the built-in configuration does, as a warning); it does not need declared sections.",
		Config:   exampleBare + "    rules:\n      section-empty: warning\n",
		Bad:      titled("## Our Mission\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Severity: SeverityOff,
		Tags:     []string{"markdown", "structure"},
	}
	ruleSectionDuplicate = &Rule{
		ID:     "section-duplicate",
		Family: "section",
		Title:  "Headings are not repeated within a section",
		Doc: "The same heading must not appear twice at the same level within the same parent section: the second " +
			"copy gets a clashing anchor and readers cannot tell which one is meant. Headings are compared like " +
			"declared sections (ignoring case, whitespace, trailing punctuation and markup), and a declared title and " +
			"its alias count as the same heading. The finding points at the second heading and names the first's line. " +
			"Off by default: a collection turns it on in its rules (the built-in configuration does, as an error); it does not need declared sections.",
		Config:   exampleBare + "    rules:\n      section-duplicate: error\n",
		Bad:      titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n\n## Get Involved\n\nOr write to us.\n"),
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n\nOr write to us.\n"),
		Severity: SeverityOff,
		Tags:     []string{"markdown", "structure"},
	}
	ruleHeadingSkip = &Rule{
		ID:     "heading-skip",
		Family: "section",
		Title:  "Heading levels go down one at a time",
		Doc: "A heading may be at most one level deeper than the heading before it (## then ###, not ## then ####). " +
			"Screen readers and tables of contents present headings as an outline, and a skipped level leaves a hole " +
			"in it. When the front matter has a title, it is the page's level-1 heading, so the body's first heading " +
			"should be level 2. " +
			"Off by default: a collection turns it on in its rules (the built-in configuration does, as a warning); it does not need declared sections.",
		Config:   exampleBare + "    rules:\n      heading-skip: warning\n",
		Bad:      titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n#### Transport Dashboard\n\nLive bus data.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n### Transport Dashboard\n\nLive bus data.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Severity: SeverityOff,
		Tags:     []string{"markdown", "structure", "accessibility"},
	}
	ruleHeadingTitle = &Rule{
		ID:     "heading-title",
		Family: "section",
		Title:  "No level-1 heading when the front matter has a title",
		Doc: "When the front matter has a non-empty title, the site renders it as the page's level-1 heading, so a " +
			"level-1 heading in the body makes a second page title. Use level-2 headings for the body's sections. " +
			"Off by default: a collection turns it on in its rules (the built-in configuration does, as a warning); it does not need declared sections.",
		Config:   exampleBare + "    rules:\n      heading-title: warning\n",
		Bad:      titled("# Glasgow Open Data Group\n\n## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Severity: SeverityOff,
		Tags:     []string{"markdown", "structure"},
	}
)

// sectionsOf returns the sections pass's collection declares, or nil when
// section rules do not apply (no collection, no declaration, no body).
func sectionsOf(p *Pass) *Sections {
	if p.Collection == nil || p.Collection.Sections == nil || p.Entry == nil || p.Entry.body == nil {
		return nil
	}
	return p.Collection.Sections
}

// sectionLevel is the level declared sections sit at.
func sectionLevel(s *Sections) int {
	if s.Level >= 1 && s.Level <= 6 {
		return s.Level
	}
	return 2
}

// headingMarker is the ATX marker for level, e.g. "##".
func headingMarker(level int) string { return strings.Repeat("#", max(level, 1)) }

// declaredSection is one declared section with its match keys.
type declaredSection struct {
	Section
	required bool
	keys     []string // normalised title and aliases
}

// sectionOutline is the body's top-level headings matched against the
// collection's declared sections.
type sectionOutline struct {
	headings []bodyHeading     // the top-level headings
	decls    []declaredSection // required first, then recommended: declaration order
	present  []int             // per decl: index into headings of its first match, or -1
	wrong    []bool            // per decl: matched only at the wrong level
}

// declare lists s's sections in declaration order, computed once per s.
func declare(s *Sections) []declaredSection {
	s.declared.once.Do(func() { s.declared.list = declareSections(s) })
	return s.declared.list
}

// declareSections lists s's sections in declaration order.
func declareSections(s *Sections) []declaredSection {
	var out []declaredSection
	add := func(sec Section, required bool) {
		d := declaredSection{Section: sec, required: required, keys: []string{NormalizeHeading(sec.Title)}}
		for _, a := range sec.Aliases {
			d.keys = append(d.keys, NormalizeHeading(a))
		}
		out = append(out, d)
	}
	for _, sec := range s.Required {
		add(sec, true)
	}
	for _, sec := range s.Recommended {
		add(sec, false)
	}
	return out
}

// matchDecl returns the index of the first declared section norm names, or -1.
func matchDecl(decls []declaredSection, norm string) int {
	if norm == "" {
		return -1
	}
	for i, d := range decls {
		for _, k := range d.keys {
			if k == norm {
				return i
			}
		}
	}
	return -1
}

// topHeadings returns the headings that are direct children of the body:
// the page's sections. Headings inside blockquotes and list items are
// quoted or listed material, not sections.
func topHeadings(e *Entry) []bodyHeading {
	m := &e.memo
	if !m.topDone {
		all := bodyHeadings(e)
		m.top, m.topDone = all, true
		for i, h := range all {
			if !h.Top {
				// Copy the top-level ones, only when some are not.
				m.top = slices.Clip(all[:i])
				for _, h := range all[i+1:] {
					if h.Top {
						m.top = append(m.top, h)
					}
				}
				break
			}
		}
	}
	return m.top
}

// buildOutline matches e's top-level headings against s.
func buildOutline(e *Entry, s *Sections) *sectionOutline {
	o := &sectionOutline{headings: topHeadings(e), decls: declare(s)}
	level := sectionLevel(s)
	o.present = make([]int, len(o.decls))
	o.wrong = make([]bool, len(o.decls))
	for i := range o.present {
		o.present[i] = -1
	}
	// A match at the declared level wins over an earlier one at another
	// level, so look for those first.
	for i, h := range o.headings {
		if d := matchDecl(o.decls, h.norm); d >= 0 && h.Level == level && o.present[d] < 0 {
			o.present[d] = i
		}
	}
	for i, h := range o.headings {
		if d := matchDecl(o.decls, h.norm); d >= 0 && h.Level != level && o.present[d] < 0 {
			o.present[d], o.wrong[d] = i, true
		}
	}
	return o
}

// headingRange returns the body-relative byte range of heading h, from its
// "#" marker (or the first character of a setext heading's text) to the end
// of its text line, without the line break.
func headingRange(body []byte, h *ast.Heading) (start, end int) {
	lines := h.Lines()
	start = h.Pos()
	if start < 0 || start > len(body) {
		start = 0
		if lines.Len() > 0 {
			// Back from the text over the marker's spaces and hashes.
			start = min(max(lines.At(0).Start, 0), len(body))
			for start > 0 && (body[start-1] == ' ' || body[start-1] == '\t') {
				start--
			}
			for start > 0 && body[start-1] == '#' {
				start--
			}
		}
	}
	end = start
	if lines.Len() > 0 {
		end = max(end, min(lines.At(lines.Len()-1).Stop, len(body)))
	}
	for end < len(body) && body[end] != '\n' && body[end] != '\r' {
		end++
	}
	for end > start && (body[end-1] == ' ' || body[end-1] == '\t') {
		end--
	}
	return start, end
}

// bodyBlank reports whether e's body has nothing but whitespace.
func bodyBlank(e *Entry) bool { return len(bytes.TrimSpace(e.BodySource())) == 0 }

// bodyStartSpan is where findings about the body as a whole point: the
// closing front matter delimiter, or line 1 when there is no front matter.
func bodyStartSpan(e *Entry) Span {
	if !e.Close.IsZero() {
		return e.Close
	}
	return e.Lines.LineSpan(1)
}

// bodyEndSpan is the last line of the body's content, where a section
// missing from a body without headings belongs.
func bodyEndSpan(e *Entry) Span {
	body := e.BodySource()
	end := len(bytes.TrimRight(body, " \t\r\n\f\v"))
	if end == 0 {
		return bodyStartSpan(e)
	}
	start := bytes.LastIndexAny(body[:end], "\r\n") + 1
	for start < end && (body[start] == ' ' || body[start] == '\t') {
		start++
	}
	return e.BodySpan(start, end)
}

// runSectionPresence reports the missing required (or recommended) sections.
func runSectionPresence(p *Pass, required bool) {
	s := sectionsOf(p)
	if s == nil {
		return
	}
	e := p.Entry
	if bodyBlank(e) && len(s.Required) > 0 {
		return // body-empty says it once
	}
	o := outline(e, s)
	marker := headingMarker(sectionLevel(s))
	kind, rule := "recommended", ruleSectionRecommended
	if required {
		kind, rule = "required", ruleSectionRequired
	}
	for i, d := range o.decls {
		if d.required != required || o.present[i] >= 0 {
			continue
		}
		add := fmt.Sprintf("%s %s", marker, d.Title)
		anchor := -1
		for j := i - 1; j >= 0 && anchor < 0; j-- {
			anchor = o.present[j]
		}
		switch {
		case anchor >= 0:
			h := o.headings[anchor]
			p.Report(rule, h.Span, "missing %s section %q; add %q after %q", kind, d.Title, add, h.Text)
		case len(o.headings) > 0:
			h := o.headings[0]
			where := "before"
			if h.Level < sectionLevel(s) {
				where = "after" // a level-1 heading heads the page; sections go under it
			}
			p.Report(rule, h.Span, "missing %s section %q; add %q %s %q", kind, d.Title, add, where, h.Text)
		default:
			p.Report(rule, bodyEndSpan(e), "missing %s section %q; add %q to the body", kind, d.Title, add)
		}
	}
}

// runSectionOrder reports the declared sections to move to put the body
// in the declared order: those outside a longest run already in order, so
// that each finding names the one move that places its section, and the
// fewest sections move.
func runSectionOrder(p *Pass) {
	s := sectionsOf(p)
	if s == nil || !s.Order {
		return
	}
	o := outline(p.Entry, s)
	// The declared sections present, in body order, with their declaration index.
	type placed struct{ heading, decl int }
	var seq []placed
	for i := range o.headings {
		for d, h := range o.present {
			if h == i {
				seq = append(seq, placed{i, d})
			}
		}
	}
	// Longest increasing run by declaration index; on a tie the one that
	// keeps earlier headings in place, so the later heading is the one moved.
	n := len(seq)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i := range seq {
		length[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if seq[j].decl < seq[i].decl && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	keep := make([]bool, n)
	for i := best; i >= 0; i = prev[i] {
		keep[i] = true
	}
	for i, x := range seq {
		if keep[i] {
			continue
		}
		h := o.headings[x.heading]
		move := ""
		for j := range seq {
			if keep[j] && seq[j].decl > x.decl {
				move = fmt.Sprintf("move it before %q", o.headings[seq[j].heading].Text)
				break
			}
		}
		if move == "" {
			for j := n - 1; j >= 0; j-- {
				if keep[j] && seq[j].decl < x.decl {
					move = fmt.Sprintf("move it after %q", o.headings[seq[j].heading].Text)
					break
				}
			}
		}
		p.Report(ruleSectionOrder, h.Span, "section %q is out of order; %s (sections go in the order %s)", h.Text, move, declaredOrder(o.decls))
	}
}

// declaredOrder lists the declared titles for messages.
func declaredOrder(decls []declaredSection) string {
	titles := make([]string, len(decls))
	for i, d := range decls {
		titles[i] = fmt.Sprintf("%q", d.Title)
	}
	return strings.Join(titles, ", ")
}

// runSectionLevel reports declared sections found only at the wrong level.
func runSectionLevel(p *Pass) {
	s := sectionsOf(p)
	if s == nil {
		return
	}
	o := outline(p.Entry, s)
	marker := headingMarker(sectionLevel(s))
	for d, wrong := range o.wrong {
		if !wrong {
			continue
		}
		h := o.headings[o.present[d]]
		p.Report(ruleSectionLevel, h.Span, "%q is a level-%d heading; make it %q", h.Text, h.Level, marker+" "+h.Text)
	}
}

// runSectionEmpty reports top-level headings with no content before the next
// heading of the same or a higher level.
func runSectionEmpty(p *Pass) {
	for _, h := range topHeadings(p.Entry) {
		if h.empty {
			p.Report(ruleSectionEmpty, h.Span, "section %q is empty; write its content under the heading, or remove the heading", h.Text)
		}
	}
}

// runSectionDuplicate reports a heading repeated at the same level under the
// same parent heading.
func runSectionDuplicate(p *Pass) {
	e := p.Entry
	var decls []declaredSection
	if s := sectionsOf(p); s != nil {
		decls = declare(s)
	}
	type key struct {
		parent, level int
		name          string
	}
	headings := topHeadings(e)
	// The first heading of each key: a map for long outlines, a list
	// searched in order (no allocation per entry) for the usual few dozen.
	var firstMap map[key]int
	if len(headings) > 64 {
		firstMap = make(map[key]int, len(headings))
	}
	var firstList []key
	var firstAt []int
	find := func(k key) int {
		if firstMap != nil {
			if i, ok := firstMap[k]; ok {
				return i
			}
			return -1
		}
		for j, x := range firstList {
			if x == k {
				return firstAt[j]
			}
		}
		return -1
	}
	var stackBuf [8]int
	stack := stackBuf[:0] // indexes of the open ancestors' headings
	for i, h := range headings {
		for len(stack) > 0 && headings[stack[len(stack)-1]].Level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		parent := -1
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		stack = append(stack, i)
		if h.norm == "" {
			continue
		}
		name := h.norm
		if d := matchDecl(decls, h.norm); d >= 0 {
			name = decls[d].keys[0] // an alias is the same section as its title
		}
		k := key{parent, h.Level, name}
		if j := find(k); j >= 0 {
			prev := headings[j]
			p.Report(ruleSectionDuplicate, h.Span, "duplicate heading %q; %q is already on line %d; merge the two sections or rename one",
				h.Text, prev.Text, prev.Span.Start.Line)
			continue
		}
		if firstMap != nil {
			firstMap[k] = i
		} else {
			firstList, firstAt = append(firstList, k), append(firstAt, i)
		}
	}
}

// frontMatterTitle returns the entry's non-empty front matter title, or "".
func frontMatterTitle(e *Entry) string {
	t, _ := e.Data["title"].(string)
	return strings.TrimSpace(t)
}

// runHeadingSkip reports headings more than one level deeper than the
// heading before them.
func runHeadingSkip(p *Pass) {
	e := p.Entry
	prev := 0 // unknown: the first heading may be at any level
	if frontMatterTitle(e) != "" {
		prev = 1 // the title is rendered as the page's level-1 heading
	}
	for i, h := range bodyHeadings(e) {
		if prev > 0 && h.Level > prev+1 {
			from := fmt.Sprintf("a level-%d heading", prev)
			if i == 0 {
				from = "the page title (level 1)"
			}
			p.Report(ruleHeadingSkip, h.Span, "heading %q is level %d after %s; make it %q", h.Text, h.Level, from,
				headingMarker(prev+1)+" "+h.Text)
		}
		prev = h.Level
	}
}

// runHeadingTitle reports level-1 headings when the front matter has a title.
func runHeadingTitle(p *Pass) {
	e := p.Entry
	title := frontMatterTitle(e)
	if title == "" {
		return
	}
	for _, h := range bodyHeadings(e) {
		if h.Level == 1 {
			p.Report(ruleHeadingTitle, h.Span, "level-1 heading %q repeats the page heading: the front matter title %q already is one; make it %q",
				h.Text, title, "## "+h.Text)
		}
	}
}
