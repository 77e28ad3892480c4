package lint

import (
	"bytes"
	"strings"
)

// The fast path: most bodies are paragraphs, headings, lists and links, and
// for those a scan of the lines gives the same index as goldmark's full
// parse (indexSyntax) in a fraction of the time. The scanner knows a small,
// common part of CommonMark exactly and gives up on anything else, which
// goldmark then parses:
//
//   - blocks: paragraphs; ATX headings outside lists; bullet and ordered
//     lists nested by indentation; fenced code outside lists; thematic
//     breaks after a blank line; HTML comments on their own lines outside
//     lists;
//   - inline: links and images with plain text and a destination without
//     spaces, angle brackets or a title; code spans closed on their line;
//     URI and email autolinks; bare addresses.
//
// It gives up on block quotes, tables, setext headings, indented code,
// other raw HTML, reference links and definitions, footnotes, backslash
// escapes, character references, tabs and carriage returns, and on
// anything else it is not sure of: giving up costs only time.

// scanBody returns the index of e's body, or false when the body holds
// something the scanner does not decide.
func scanBody(e *Entry) (*bodyIndex, bool) {
	src := e.BodySource()
	if bytes.ContainsAny(src, "\t\r\\") || bytes.Contains(src, []byte("][")) || bytes.Contains(src, []byte("[^")) {
		return nil, false
	}
	s := &scanner{e: e, src: src, x: &bodyIndex{}, blank: true, html: -1}
	// Room for every heading from the start: the index's largest items.
	s.x.headings = make([]bodyHeading, 0, bytes.Count(src, []byte("\n#"))+1)
	for off := 0; off <= len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		if off < end || end < len(src) {
			if !s.line(off, end) {
				return nil, false
			}
		}
		off = end + 1
	}
	if s.html >= 0 {
		s.x.html = append(s.x.html, htmlSpan{s.html, len(src)})
	}
	s.markEmpty()
	if len(s.x.headings) == 0 {
		s.x.headings = nil
	}
	return s.x, true
}

// scanner holds the block state between lines.
type scanner struct {
	e   *Entry
	src []byte
	x   *bodyIndex
	// items are the content columns of the open list items, innermost last.
	items []int
	// para is set when the last line was paragraph text, which the next
	// line may continue; blank when it was blank.
	para, blank bool
	// fence is the open code fence's character and length (0: none).
	fenceChar byte
	fenceLen  int
	// html is the start of an open HTML comment block, -1 when none.
	html int
	// top are the body's top-level blocks, for section emptiness.
	top []topBlock
}

// topBlock is one direct child of the body: a heading (its index in the
// index's headings) or a block with or without visible content.
type topBlock struct {
	heading int // -1 when not a heading
	content bool
}

// line scans the line src[off:end]; false means give up.
func (s *scanner) line(off, end int) bool {
	line := s.src[off:end]
	indent := 0
	for indent < len(line) && line[indent] == ' ' {
		indent++
	}
	rest := line[indent:]
	if s.fenceLen > 0 {
		if indent < 4 && closesFence(rest, s.fenceChar, s.fenceLen) {
			s.fenceLen = 0
		}
		return true
	}
	if s.html >= 0 {
		if bytes.Contains(line, []byte("-->")) {
			s.x.html = append(s.x.html, htmlSpan{s.html, min(end+1, len(s.src))})
			s.html = -1
		}
		return true
	}
	if len(rest) == 0 {
		s.blank, s.para = true, false
		return true
	}
	continues := s.para && !s.blank
	s.blank = false
	depth := 0 // how many open list items the line's indentation is inside
	for depth < len(s.items) && s.items[depth] <= indent {
		depth++
	}
	base := 0
	if depth > 0 {
		base = s.items[depth-1]
	}
	if indent-base >= 4 {
		if !continues {
			return false // indented code
		}
		return s.text(off+indent, end)
	}
	switch {
	case continues && setextUnderline(rest):
		return false // a setext heading
	case thematicBreak(rest):
		if continues || depth > 0 {
			return false // a break that ends a paragraph, or one inside a list
		}
		s.items, s.para = nil, false
		s.top = append(s.top, topBlock{heading: -1})
		return true
	case rest[0] == '#':
		level := 0
		for level < len(rest) && rest[level] == '#' {
			level++
		}
		if level <= 6 && (level == len(rest) || rest[level] == ' ') {
			if depth > 0 {
				return false // a heading inside a list item
			}
			s.items, s.para = nil, false
			return s.heading(off+indent, end, level)
		}
	case rest[0] == '`' || rest[0] == '~':
		if n := fenceRun(rest); n >= 3 {
			if depth > 0 || rest[0] == '`' && bytes.IndexByte(rest[n:], '`') >= 0 {
				return false
			}
			s.items, s.para = nil, false
			s.fenceChar, s.fenceLen = rest[0], n
			s.top = append(s.top, topBlock{heading: -1, content: true})
			return true
		}
	case rest[0] == '>', rest[0] == '|':
		return false
	case rest[0] == '<':
		// "<!-->" and "<!--->" are whole comments in CommonMark: the
		// closer overlaps the opener.
		closer := bytes.Index(rest, []byte("-->"))
		if depth > 0 || !bytes.HasPrefix(rest, []byte("<!--")) || 0 <= closer && closer < 4 {
			return false
		}
		s.items, s.para = nil, false
		s.top = append(s.top, topBlock{heading: -1})
		if bytes.Contains(rest[4:], []byte("-->")) {
			s.x.html = append(s.x.html, htmlSpan{off, min(end+1, len(s.src))})
		} else {
			s.html = off
		}
		return true
	case rest[0] == '[' && bytes.Contains(rest, []byte("]:")):
		return false // perhaps a link reference definition
	}
	if bytes.IndexByte(rest, '|') >= 0 && len(bytes.Trim(rest, "|:- ")) == 0 {
		return false // a table's delimiter row
	}
	if width, number, ok := listMarker(rest); ok {
		spaces := 0
		for width+spaces < len(rest) && rest[width+spaces] == ' ' {
			spaces++
		}
		content := rest[width+spaces:]
		if spaces == 0 || spaces > 4 || len(content) == 0 || continues && number > 1 {
			return false // not a marker, an empty item, code in an item, or not a list
		}
		if startsBlock(content) {
			return false
		}
		if depth == 0 {
			if len(s.items) == 0 {
				s.top = append(s.top, topBlock{heading: -1, content: true})
			}
		}
		s.items = append(s.items[:depth], indent+width+spaces)
		s.para = true
		return s.text(off+indent+width+spaces, end)
	}
	if !continues {
		s.items = s.items[:depth]
		if depth == 0 {
			s.top = append(s.top, topBlock{heading: -1, content: true})
		}
	}
	s.para = true
	return s.text(off+indent, end)
}

// heading records the ATX heading whose marker of level hashes starts at
// start, on a line ending at end.
func (s *scanner) heading(start, end, level int) bool {
	src := s.src
	lineEnd := end
	for lineEnd > start && src[lineEnd-1] == ' ' {
		lineEnd--
	}
	textStart := start + level
	for textStart < lineEnd && src[textStart] == ' ' {
		textStart++
	}
	textEnd := lineEnd
	k := textEnd
	for k > textStart && src[k-1] == '#' {
		k--
	}
	switch {
	case k == textStart:
		textEnd = textStart // only a closing sequence: an empty heading
	case src[k-1] == ' ':
		textEnd = k
		for textEnd > textStart && src[textEnd-1] == ' ' {
			textEnd--
		}
	}
	text := src[textStart:textEnd]
	if bytes.ContainsAny(text, "*_~`[]<") || hasCharacterReference(text) || textEnd == textStart {
		return false
	}
	plain := strings.Join(strings.Fields(string(text)), " ")
	s.x.headings = append(s.x.headings, bodyHeading{
		Heading:    Heading{Level: level, Text: plain, Top: true, Span: s.e.BodySpan(start, lineEnd)},
		norm:       NormalizeHeading(plain),
		textStart:  textStart,
		textEnd:    textEnd,
		anchorText: string(text),
	})
	s.top = append(s.top, topBlock{heading: len(s.x.headings) - 1})
	return s.flushRun(textStart, textEnd)
}

// text scans the inline content src[start:end] of a paragraph line.
func (s *scanner) text(start, end int) bool {
	src := s.src
	run := start // the plain text run since the last inline element
	for i := start; i < end; {
		switch src[i] {
		case '`':
			n := fenceRun(src[i:end])
			closing := codeSpanEnd(src[i+n:end], n)
			if closing < 0 {
				return false // may close on a later line, or be literal
			}
			if !s.flushRun(run, i) {
				return false
			}
			i += n + closing + n
			run = i
		case '<':
			l, ok := autolinkAt(src, i, end)
			if !ok || !s.flushRun(run, i) {
				return false
			}
			s.x.links = append(s.x.links, l)
			i, run = l.end, l.end
		case '&':
			if characterReferenceAt(src[i:end]) {
				return false
			}
			i++
		case '!', '[':
			image := src[i] == '!'
			if image && (i+1 >= end || src[i+1] != '[') {
				i++
				continue
			}
			l, literal, ok := s.link(i, end, image)
			switch {
			case !ok:
				return false
			case literal:
				i++
				continue
			}
			if !s.flushRun(run, i) {
				return false
			}
			s.x.links = append(s.x.links, l)
			i, run = l.end, l.end
		default:
			next := bytes.IndexAny(src[i:end], "`<&![")
			if next < 0 {
				i = end
			} else {
				i += next
			}
		}
	}
	return s.flushRun(run, end)
}

// link reads an inline link (an image when image is set, at its "!")
// starting at start; literal means the brackets are text, ok false that
// the scanner is not sure.
func (s *scanner) link(start, end int, image bool) (l bodyLink, literal, ok bool) {
	src := s.src
	open := start
	if image {
		open++
	}
	j := open + 1
	for j < end && src[j] != ']' {
		switch src[j] {
		case '[', '`', '<':
			return l, false, false
		}
		j++
	}
	if j >= end {
		return l, false, false // the text may go on over the next line
	}
	if j+1 >= end || src[j+1] != '(' {
		if image {
			return l, false, false
		}
		return l, true, true // "[sic]", "[x]": text, as no definitions exist
	}
	text := src[open+1 : j]
	k, depth := j+2, 0
	for ; k < end; k++ {
		c := src[k]
		if c <= ' ' || c == '<' || c == '`' {
			return l, false, false
		}
		if c == '(' {
			depth++
		} else if c == ')' {
			if depth == 0 {
				break
			}
			depth--
		}
	}
	if k >= end {
		return l, false, false
	}
	dest := src[j+2 : k]
	if hasCharacterReference(dest) || hasCharacterReference(text) {
		return l, false, false
	}
	l = bodyLink{image: image, dest: string(dest), start: start, end: k + 1}
	l.textEmpty = len(bytes.TrimSpace(text)) == 0
	if len(bytes.TrimSpace(dest)) == 0 {
		if bytes.ContainsAny(text, "*_~!&") {
			return l, false, false
		}
		l.text = shortLinkText(string(text), true)
	}
	return l, false, true
}

// flushRun finds the bare addresses of the plain text src[start:end]. An
// address whose text holds emphasis delimiters could read differently once
// emphasis is parsed: the scanner gives up on it.
func (s *scanner) flushRun(start, end int) bool {
	if start >= end {
		return true
	}
	run := s.src[start:end]
	if !mayHoldAddress(run) {
		return true
	}
	for i := range run {
		if i > 0 && !bareBoundary(run[i-1]) {
			continue
		}
		token := run[i : i+bareToken(run[i:])]
		if (bytes.HasPrefix(token, []byte("http")) || bytes.HasPrefix(token, []byte("www.")) || bytes.IndexByte(token, '@') >= 0) && emphasisIn(token) {
			return false
		}
	}
	s.x.links = bareLinks(s.src, start, end, s.x.links)
	return true
}

// emphasisIn reports whether token holds a character that can delimit
// emphasis: "*", "~", or a "_" not between two letters or digits.
func emphasisIn(token []byte) bool {
	for i, c := range token {
		switch c {
		case '*', '~':
			return true
		case '_':
			if i == 0 || i == len(token)-1 || !isAlnum(token[i-1]) || !isAlnum(token[i+1]) {
				return true
			}
		}
	}
	return false
}

// markEmpty sets empty on the headings followed by nothing that renders
// before the next heading at their level or above.
func (s *scanner) markEmpty() {
	for i, b := range s.top {
		if b.heading < 0 {
			continue
		}
		h := &s.x.headings[b.heading]
		content := false
		for _, n := range s.top[i+1:] {
			if n.heading >= 0 {
				if s.x.headings[n.heading].Level <= h.Level {
					break
				}
				continue
			}
			if n.content {
				content = true
				break
			}
		}
		h.empty = !content
	}
}

// thematicBreak reports whether a line (without its indentation) is a
// thematic break: three or more "-", "*" or "_", spaces between allowed.
func thematicBreak(rest []byte) bool {
	c := rest[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for _, b := range rest {
		switch b {
		case c:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// setextUnderline reports whether a line could underline a setext
// heading: "=" or "-" repeated, then spaces.
func setextUnderline(rest []byte) bool {
	c := rest[0]
	if c != '=' && c != '-' {
		return false
	}
	t := bytes.TrimRight(rest, " ")
	return len(bytes.Trim(t, string(c))) == 0
}

// fenceRun returns the length of the run of rest[0] at the start of rest.
func fenceRun(rest []byte) int {
	n := 0
	for n < len(rest) && rest[n] == rest[0] {
		n++
	}
	return n
}

// closesFence reports whether a line (without its indentation) closes a
// fence of n characters c.
func closesFence(rest []byte, c byte, n int) bool {
	if len(rest) == 0 || rest[0] != c {
		return false
	}
	m := fenceRun(rest)
	return m >= n && len(bytes.TrimRight(rest[m:], " ")) == 0
}

// codeSpanEnd returns the offset in s of the first run of exactly n
// backticks, or -1.
func codeSpanEnd(s []byte, n int) int {
	for i := 0; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := fenceRun(s[i:])
		if m == n {
			return i
		}
		i += m
	}
	return -1
}

// listMarker reads a list marker at the start of rest, followed by a space
// or the end of the line: its width, and its number for an ordered list (0
// for a bullet).
func listMarker(rest []byte) (width, number int, ok bool) {
	switch rest[0] {
	case '-', '+', '*':
		width = 1
	default:
		for width < len(rest) && width < 9 && rest[width] >= '0' && rest[width] <= '9' {
			number = number*10 + int(rest[width]-'0')
			width++
		}
		if width == 0 || width >= len(rest) || rest[width] != '.' && rest[width] != ')' {
			return 0, 0, false
		}
		width++
		number = max(number, 1) // "0." starts a list too; only the number 1 matters
	}
	if width < len(rest) && rest[width] != ' ' {
		return 0, 0, false
	}
	return width, number, true
}

// startsBlock reports whether a list item's content starts with something
// other than paragraph text.
func startsBlock(content []byte) bool {
	switch content[0] {
	case '#', '>', '<', '`', '~', '|':
		return true
	case '[':
		return bytes.Contains(content, []byte("]:")) // perhaps a definition
	}
	if _, _, ok := listMarker(content); ok {
		return true
	}
	return thematicBreak(content)
}

// hasCharacterReference reports whether b may hold an entity or numeric
// character reference.
func hasCharacterReference(b []byte) bool {
	for i := bytes.IndexByte(b, '&'); i >= 0; {
		if characterReferenceAt(b[i:]) {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '&')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// characterReferenceAt reports whether b starts with "&", letters, digits
// or "#", and ";".
func characterReferenceAt(b []byte) bool {
	i := 1
	for i < len(b) && (isAlnum(b[i]) || b[i] == '#') {
		i++
	}
	return i > 1 && i < len(b) && b[i] == ';'
}

// autolinkAt reads a CommonMark autolink at src[i] ("<"): a URI
// ("<https://example.org>") or an email address ("<contact@example.org>").
func autolinkAt(src []byte, i, end int) (bodyLink, bool) {
	close := bytes.IndexByte(src[i:end], '>')
	if close < 0 {
		return bodyLink{}, false
	}
	label := src[i+1 : i+close]
	l := bodyLink{autolink: true, dest: string(label), start: i, end: i + close + 1}
	switch {
	case uriAutolink(label):
		return l, true
	case emailAutolink(label):
		l.email = true
		return l, true
	}
	return bodyLink{}, false
}

// uriAutolink reports whether label is an absolute URI as CommonMark's
// autolinks take it: a scheme of 2 to 32 characters, ":", then no spaces,
// controls or angle brackets.
func uriAutolink(label []byte) bool {
	colon := bytes.IndexByte(label, ':')
	if colon < 2 || colon > 32 || !isASCIILetter(label[0]) {
		return false
	}
	for _, c := range label[1:colon] {
		if !isAlnum(c) && c != '+' && c != '.' && c != '-' {
			return false
		}
	}
	for _, c := range label[colon+1:] {
		if c <= ' ' || c == '<' || c == '>' || c == 0x7f {
			return false
		}
	}
	return true
}

// emailAutolink reports whether label is an email address as CommonMark's
// autolinks take it.
func emailAutolink(label []byte) bool {
	at := bytes.IndexByte(label, '@')
	if at < 1 {
		return false
	}
	for _, c := range label[:at] {
		if !isAlnum(c) && !strings.ContainsRune(".!#$%&'*+/=?^_`{|}~-", rune(c)) {
			return false
		}
	}
	for _, part := range bytes.Split(label[at+1:], []byte(".")) {
		if len(part) == 0 || len(part) > 63 || part[0] == '-' || part[len(part)-1] == '-' {
			return false
		}
		for _, c := range part {
			if !isAlnum(c) && c != '-' {
				return false
			}
		}
	}
	return true
}
