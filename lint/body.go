package lint

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Heading is one heading of an entry's Markdown body.
type Heading struct {
	Level int
	// Text is the heading as a reader sees it: inline markup dropped, image
	// alt text kept, escapes and character references resolved, white
	// space collapsed (see NormalizeHeading for the form sections match in).
	Text string
	// Top is set for a direct child of the body, a section of the page; a
	// heading quoted in a block quote or written in a list item is not one.
	Top bool
	// Span runs from the "#" marker (a setext heading's first character) to
	// the end of its text line.
	Span Span
}

// BodyChecked reports whether e's Markdown body was parsed and its rules
// run: not for an unterminated front matter, a file that is not text, or
// nesting too deep to parse.
func (e *Entry) BodyChecked() bool { return e.body != nil }

// Headings returns the headings of e's body in document order; none when
// the body is not checked (an unterminated front matter, a file that is
// not text, nesting too deep to parse).
func (e *Entry) Headings() []Heading {
	if e.body == nil {
		return nil
	}
	out := make([]Heading, len(e.body.headings))
	for i, h := range e.body.headings {
		out[i] = h.Heading
	}
	return out
}

// bodyIndex is everything the rules read from a Markdown body, made once
// per entry: from one walk of goldmark's syntax tree (indexSyntax), or
// straight from the source by the fast scanner (scanBody) when the body
// holds nothing it cannot decide. Both give the same index for a body the
// scanner accepts: the differential tests and fuzz targets hold them to it.
// Offsets are relative to the body (Entry.BodySource).
type bodyIndex struct {
	headings []bodyHeading
	// links are the links, images and autolinks, written or bare, ordered
	// by where they start.
	links []bodyLink
	// html are the ranges of raw HTML, blocks and inline, in document order.
	html []htmlSpan
	// undefinedRefs are the full and collapsed reference links without a
	// definition.
	undefinedRefs []refCandidate
}

// bodyHeading is a heading with what the rules derive from it.
type bodyHeading struct {
	Heading
	norm string // NormalizeHeading(Text)
	// textStart and textEnd are the range of the heading's text lines,
	// without the marker.
	textStart, textEnd int
	// anchorText is the text GitHub makes the heading's anchor from: code
	// spans' text kept, images and raw HTML dropped, line breaks kept.
	anchorText string
	// empty is set for a top-level heading followed by nothing that renders
	// before the next heading at its level or above; a sub-heading counts
	// only with content of its own.
	empty bool
}

// bodyLink is one link, image or autolink of the body.
type bodyLink struct {
	image    bool
	autolink bool   // <https://example.org>, or a bare address in the text
	email    bool   // an email autolink: <contact@example.org>, or a bare address
	dest     string // the destination as rendered: escapes and character references resolved
	// start and end are the link's range: "[" (or "![") to the closing ")"
	// of an inline link or the "]" of a reference, an autolink with its
	// angle brackets, a bare address itself.
	start, end int
	// textEmpty is set for a link or image without text (a link whose text
	// is an image has text: image-alt checks the image).
	textEmpty bool
	// text is the link's text, shortened, for messages; only kept for
	// links without a destination, the only ones whose messages quote it.
	text string
}

// htmlSpan is a range of raw HTML.
type htmlSpan struct{ start, stop int }

// Limits on the work done per link for its text and extent, so that images
// nested in image alt text cannot make a rule quadratic.
const (
	linkTextBytes = 60  // of link text quoted in messages
	linkNodes     = 512 // nodes walked under one link
)

// noun names l in messages.
func (l bodyLink) noun() string {
	if l.image {
		return "image"
	}
	return "link"
}

// span returns where l is in e's file.
func (l bodyLink) span(e *Entry) Span { return e.BodySpan(l.start, l.end) }

// bodyLinks returns every link, image and autolink of e's body.
func bodyLinks(e *Entry) []bodyLink {
	if e == nil || e.body == nil {
		return nil
	}
	return e.body.links
}

// bodyHeadings returns every heading of e's body, top-level or not.
func bodyHeadings(e *Entry) []bodyHeading {
	if e == nil || e.body == nil {
		return nil
	}
	return e.body.headings
}

// indexSyntax makes the index of a body from goldmark's syntax tree in one
// walk.
func indexSyntax(e *Entry, doc ast.Node) *bodyIndex {
	src := e.BodySource()
	x := &bodyIndex{}
	var text textRuns
	inLink := 0 // link and image labels are not searched for bare addresses
	walkNodes(doc, func(n ast.Node, entering bool) ast.WalkStatus {
		t, isText := n.(*ast.Text)
		if !isText {
			x.links = text.flush(src, x.links)
		}
		switch n := n.(type) {
		case *ast.Text:
			if entering && inLink == 0 {
				seg := t.Segment
				x.links = text.add(src, x.links, seg.Start, seg.Stop, t.SoftLineBreak() || t.HardLineBreak())
			}
		case *ast.Heading:
			if entering {
				x.headings = append(x.headings, headingOf(e, src, n, n.Parent() == doc))
			}
		case *ast.Link, *ast.Image:
			if entering {
				inLink++
				x.links = append(x.links, linkOf(src, n))
			} else {
				inLink--
			}
		case *ast.AutoLink:
			if entering {
				start, end := autoLinkRange(src, n)
				x.links = append(x.links, bodyLink{autolink: true, email: n.AutoLinkType == ast.AutoLinkEmail, dest: string(n.URL(src)), start: start, end: end})
			}
			return ast.WalkSkipChildren
		case *ast.CodeSpan:
			return ast.WalkSkipChildren
		case *ast.HTMLBlock:
			if lines := n.Lines(); entering && lines.Len() > 0 {
				stop := lines.At(lines.Len() - 1).Stop
				if n.HasClosure() {
					stop = n.ClosureLine.Stop
				}
				x.html = append(x.html, htmlSpan{lines.At(0).Start, stop})
			}
			return ast.WalkSkipChildren
		case *ast.RawHTML:
			if entering && n.Segments.Len() > 0 {
				x.html = append(x.html, htmlSpan{n.Segments.At(0).Start, n.Segments.At(n.Segments.Len() - 1).Stop})
			}
		}
		return ast.WalkContinue
	})
	x.links = text.flush(src, x.links)
	sortLinks(x.links)
	markEmptySections(doc, x.headings)
	if bytes.Contains(src, []byte("][")) {
		x.undefinedRefs = undefinedReferences(src, doc)
	}
	return x
}

// sortLinks orders links by where they start: bare addresses are found
// when a run of text ends, after the links that follow them.
func sortLinks(links []bodyLink) {
	slices.SortStableFunc(links, func(a, b bodyLink) int { return a.start - b.start })
}

// headingOf describes heading h.
func headingOf(e *Entry, src []byte, h *ast.Heading, top bool) bodyHeading {
	text := headingText(h, src)
	start, end := headingRange(src, h)
	textStart, textEnd := max(h.Pos(), 0), max(h.Pos(), 0)
	if lines := h.Lines(); lines != nil && lines.Len() > 0 {
		textStart, textEnd = lines.At(0).Start, lines.At(lines.Len()-1).Stop
	}
	return bodyHeading{
		Heading:    Heading{Level: h.Level, Text: text, Top: top, Span: e.BodySpan(start, end)},
		norm:       NormalizeHeading(text),
		textStart:  textStart,
		textEnd:    textEnd,
		anchorText: anchorText(h, src),
	}
}

// markEmptySections sets empty on the top-level headings, which are, in
// order, the headings among doc's children.
func markEmptySections(doc ast.Node, headings []bodyHeading) {
	i := 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		h, ok := c.(*ast.Heading)
		if !ok {
			continue
		}
		for !headings[i].Top {
			i++
		}
		content := false
		for n := c.NextSibling(); n != nil && !content; n = n.NextSibling() {
			if next, ok := n.(*ast.Heading); ok {
				if next.Level <= h.Level {
					break
				}
				continue
			}
			content = isContentBlock(n)
		}
		headings[i].empty = !content
		i++
	}
}

// isContentBlock reports whether block n renders something a reader sees.
func isContentBlock(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.LinkReferenceDefinition, *ast.ThematicBreak:
		return false
	case *ast.HTMLBlock:
		return n.HTMLBlockType != ast.HTMLBlockType2 // type 2 is an HTML comment
	}
	return true
}

// linkOf describes a link or image node.
func linkOf(src []byte, n ast.Node) bodyLink {
	var l bodyLink
	switch n := n.(type) {
	case *ast.Link:
		l.dest = string(resolveInlineText(n.Destination))
	case *ast.Image:
		l.image, l.dest = true, string(resolveInlineText(n.Destination))
	}
	image, dest := l.image, l.dest
	l.start, l.end = linkRange(src, n, image)
	t, complete := inlineText(n, src, textOptions{maxBytes: 1, maxNodes: linkNodes, lineBreak: ' ', images: true})
	l.textEmpty = complete && strings.TrimSpace(t) == "" && (image || !hasImageChild(n))
	if strings.TrimSpace(dest) == "" {
		t, complete := inlineText(n, src, textOptions{maxBytes: linkTextBytes, maxNodes: linkNodes, lineBreak: ' ', images: true})
		l.text = shortLinkText(t, complete)
	}
	return l
}

// shortLinkText collapses a link's text and cuts it to linkTextBytes
// characters; complete is false when the text was cut already.
func shortLinkText(t string, complete bool) string {
	t = strings.Join(strings.Fields(t), " ")
	if r := []rune(t); !complete || len(r) > linkTextBytes {
		t = string(r[:min(len(r), linkTextBytes)]) + "…"
	}
	return t
}

// textRuns gathers the runs of plain text, adjacent text nodes on one
// line, that bare web and email addresses are searched in.
type textRuns struct {
	start, stop int
	open        bool
}

// add extends the current run with src[start:stop], or starts a new one;
// lineEnd says the text ends its line. Addresses found in a finished run
// are appended to links.
func (r *textRuns) add(src []byte, links []bodyLink, start, stop int, lineEnd bool) []bodyLink {
	if !r.open || r.stop != start {
		links = r.flush(src, links)
		r.start, r.open = start, true
	}
	r.stop = stop
	if lineEnd {
		links = r.flush(src, links)
	}
	return links
}

// flush searches the current run, if any, and ends it.
func (r *textRuns) flush(src []byte, links []bodyLink) []bodyLink {
	if r.open && r.stop > r.start {
		links = bareLinks(src, r.start, r.stop, links)
	}
	r.open = false
	return links
}

// undefinedReferences finds the full and collapsed reference links whose
// label has no definition. goldmark leaves them as literal text, so the
// text of each block (outside code spans) is scanned for "][" pairs.
func undefinedReferences(src []byte, doc ast.Node) []refCandidate {
	defined := map[string]bool{}
	var found []refCandidate
	var buf []byte // the current block's literal text
	var offs []int // the body offset of each byte of buf
	walkNodes(doc, func(n ast.Node, entering bool) ast.WalkStatus {
		switch n := n.(type) {
		case *ast.LinkReferenceDefinition:
			if entering {
				defined[util.ToLinkReference(n.Label)] = true
			}
		case *ast.CodeSpan:
			return ast.WalkSkipChildren // code is not text
		case *ast.Text:
			if entering {
				for i := max(n.Segment.Start, 0); i < min(n.Segment.Stop, len(src)); i++ {
					buf = append(buf, src[i])
					offs = append(offs, i)
				}
			}
		default:
			if n.Type() == ast.TypeBlock && !entering && len(buf) > 0 {
				found = append(found, findRefCandidates(src, buf, offs)...)
				buf, offs = buf[:0], offs[:0]
			}
		}
		return ast.WalkContinue
	})
	var out []refCandidate
	for _, c := range found {
		if !defined[c.label] {
			out = append(out, c)
		}
	}
	return out
}
