package source

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// A YAML syntax error is explained from the source, not from go-yaml's
// message: go-yaml often names the line where the enclosing block starts,
// always without a column, and in a parser's words. yamlScanner reads the
// text line by line the way a person does (indentation, keys, quotes,
// brackets, block scalars) and notes each thing that breaks the YAML people
// write in front matter, at the character at fault, with the fix in plain
// words. Each note is then confirmed with go-yaml itself (the text before
// the construct parses, the text through it does not), so a mistaken guess
// is never reported in place of the real error.

// yamlIssue is one syntax problem the scanner suspects.
type yamlIssue struct {
	start, end int // byte range in the scanned text
	// from and to are the first and last lines (1-based) of the construct
	// the problem belongs to: the text before line from must parse, and
	// the text through line to must not, for the issue to be the error.
	from, to int
	message  string
}

// yamlOpen is a quote or bracket that has not closed yet.
type yamlOpen struct {
	char   byte // '"', '\'', '[' or '{'
	offset int  // where it opened
	line   int
	indent int // the indentation of the line it opened on
}

// yamlLevel is one open block collection: the column its keys or items start at.
type yamlLevel struct {
	indent     int
	seq        bool // a list ("- " items), else a mapping
	indentless bool // a list at the same indentation as its key
	key        string
}

// yamlLine is what the last line with content left open for the next one.
type yamlLine struct {
	number int
	indent int // the column (0-based) of the node the line's value belongs to
	key    string
	opens  bool // ended after "key:" or "-" alone: a nested block may follow
	plain  bool // ended in a plain value, which more-indented lines continue
	closed byte // ended in a value closed by this quote or bracket
}

type yamlScanner struct {
	src     []byte
	x       *LineIndex
	issues  []yamlIssue
	anchors map[string]bool
	levels  []yamlLevel
	prev    yamlLine
	quote   *yamlOpen  // an open quoted scalar
	flow    []yamlOpen // open flow collections, innermost last
	// blockParent is the indentation a block scalar's lines must exceed;
	// -1 outside a block scalar.
	blockParent int
	// line state
	n, lineStart, indent int
	failed               bool // a problem was reported on this line
	// firstLine is the file's line number of src's first line: messages
	// name lines of the file, not of the front matter.
	firstLine  int
	valueStart int // where the last quoted or flow value started
}

// yamlSyntaxIssue explains why src, which go-yaml cannot parse, is not
// valid YAML: the first problem the scanner finds that go-yaml confirms.
// firstLine is the line of the file src starts on, for the line numbers
// messages quote.
func yamlSyntaxIssue(src []byte, firstLine int) (yamlIssue, bool) {
	if i, r := firstYAMLControl(src); i >= 0 {
		if r == utf8.RuneError {
			return yamlIssue{start: i, end: i + 1, message: fmt.Sprintf("invalid UTF-8 byte 0x%02x; save the file as UTF-8", src[i])}, true
		}
		return yamlIssue{start: i, end: i + utf8.RuneLen(r), message: fmt.Sprintf("control character %U is not allowed in YAML; remove it (only tabs and line breaks may appear)", r)}, true
	}
	s := &yamlScanner{src: src, x: NewLineIndex(src), anchors: map[string]bool{}, blockParent: -1, firstLine: firstLine}
	s.scan()
	// Each check parses up to the whole text twice; a few are enough, as
	// the real error is among the first issues the scanner sees.
	const maxChecks = 16
	for k, is := range s.issues {
		if k == maxChecks {
			break
		}
		if yamlParses(src[:s.x.LineStart(is.from)]) && !yamlParses(src[:s.lineEndWithBreak(is.to)]) {
			return is, true
		}
	}
	return yamlIssue{}, false
}

func yamlParses(b []byte) bool {
	var n yaml.Node
	return yaml.Unmarshal(b, &n) == nil
}

// lineEndWithBreak is the offset just past line n's terminator.
func (s *yamlScanner) lineEndWithBreak(n int) int {
	if n >= s.x.Lines() {
		return len(s.src)
	}
	return s.x.LineStart(n + 1)
}

// firstYAMLControl returns the first character YAML does not allow in a
// stream (what go-yaml's reader rejects) and its offset, or -1; an invalid
// UTF-8 byte is utf8.RuneError.
func firstYAMLControl(src []byte) (int, rune) {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x85:
		case r >= 0x20 && r <= 0x7E:
		case r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD && !(r == utf8.RuneError && size == 1), r >= 0x10000 && r <= 0x10FFFF:
		default:
			return i, r
		}
		i += size
	}
	return -1, 0
}

func (s *yamlScanner) issue(start, end, from int, format string, args ...any) {
	s.failed = true
	s.issues = append(s.issues, yamlIssue{start: start, end: max(end, start), from: from, to: s.n, message: fmt.Sprintf(format, args...)})
}

// scan reads every line, then reports what is still open at the end.
func (s *yamlScanner) scan() {
	for s.n = 1; s.n <= s.x.Lines(); s.n++ {
		s.line()
	}
	s.n = s.x.Lines()
	if q := s.quote; q != nil {
		s.issue(q.offset, s.x.LineEnd(q.line), q.line, "the quote opened here is never closed; add the closing %c at the end of the value: %s", q.char, s.closedText(q))
	}
	if len(s.flow) > 0 {
		s.unclosedFlow(s.flow[len(s.flow)-1], "never closed")
	}
}

// fileLine turns a line number of src into the file's.
func (s *yamlScanner) fileLine(n int) int { return n + max(s.firstLine, 1) - 1 }

func (s *yamlScanner) unclosedFlow(o yamlOpen, how string) {
	what, closer := "list", ']'
	if o.char == '{' {
		what, closer = "mapping", '}'
	}
	s.issue(o.offset, s.x.LineEnd(o.line), o.line, "the %s opened here with %s is %s; add %s after its last item", what, quoteChar(o.char), how, quoteChar(byte(closer)))
}

// line reads line s.n.
func (s *yamlScanner) line() {
	s.lineStart = s.x.LineStart(s.n)
	s.failed = false
	t := s.src[s.lineStart:s.x.LineEnd(s.n)]
	ind := 0
	for ind < len(t) && t[ind] == ' ' {
		ind++
	}
	s.indent = ind
	blank := len(bytes.TrimSpace(t)) == 0
	if s.blockParent >= 0 {
		if blank || ind > s.blockParent {
			return // a line of the block scalar's text
		}
		s.blockParent = -1
	}
	i := 0
	if s.quote != nil || len(s.flow) > 0 {
		if !blank && (looksLikeBlockKey(t) || (s.quote != nil && bytes.HasPrefix(bytes.TrimLeft(t, " \t"), []byte("#")))) {
			// A new field, or a comment, where the value goes on: the
			// quote or bracket above was meant to close on its own line.
			if q := s.quote; q != nil && ind <= q.indent {
				s.issue(q.offset, s.x.LineEnd(q.line), q.line, "the quote opened here is not closed on its line, so the lines below are read as part of the value; add the closing %c at the end of the value: %s", q.char, s.closedText(q))
				s.quote, s.flow = nil, nil
			} else if len(s.flow) > 0 && s.quote == nil && ind <= s.flow[0].indent && (s.flow[0].char == '[' || !bytes.ContainsAny(t, "},")) {
				s.unclosedFlow(s.flow[len(s.flow)-1], "not closed on its line, so the lines below are read as part of it")
				s.flow = nil
			}
		}
		if s.quote != nil || len(s.flow) > 0 {
			end, ok := s.continueOpen(t, 0)
			if s.failed {
				s.resetLine()
			}
			if !ok || s.failed {
				return
			}
			s.afterValue(t, end, s.prev.key, s.prev.indent)
			return
		}
	}
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	empty := i == len(t) || t[i] == '#' // blank or a comment: no structure
	if tab := bytes.IndexByte(t[:i], '\t'); tab >= 0 && (empty || !(s.prev.plain && ind > s.prev.indent)) {
		// go-yaml rejects a tab before a comment, or on a blank line, too.
		s.issue(s.lineStart+tab, s.lineStart+tab+1, s.n, "a tab in the indentation; YAML indents with spaces, never tabs: replace the tab with spaces")
		if !empty {
			s.resetLine()
		}
		return
	}
	if empty {
		return
	}
	if ind == 0 && (hasPrefixWord(t, "---") || hasPrefixWord(t, "...")) {
		s.levels, s.prev = nil, yamlLine{}
		return
	}
	prev := s.prev
	// A more-indented line after a plain value continues that value.
	if prev.plain && ind > prev.indent {
		if c := plainColon(t, ind); c >= 0 {
			end := s.lineStart + len(bytes.TrimRight(t, " \t"))
			if prev.key != "" {
				s.issue(s.lineStart+ind, end, s.n,
					"this line is indented more than %q on line %d, so YAML reads it as more of that value, and a value cannot contain \": \"; indent it like %q to make it a field of its own",
					prev.key, s.fileLine(prev.number), prev.key)
			} else {
				s.issue(s.lineStart+ind, end, s.n,
					"this line is indented more than the list item on line %d, so YAML reads it as more of that item, and a value cannot contain \": \"; quote the value, or line it up with the item",
					s.fileLine(prev.number))
			}
			s.resetLine()
		}
		return
	}
	if prev.closed != 0 && ind > prev.indent {
		s.issue(s.lineStart+ind, s.lineStart+len(bytes.TrimRight(t, " \t")), prev.number,
			"this line is indented under %q (line %d), whose value already ended with its closing %s; move the text inside the value, or indent it like %q to make it a field of its own",
			prev.key, s.fileLine(prev.number), quoteChar(closerOf(prev.closed)), prev.key)
		s.resetLine()
		return
	}
	if !s.structure(t, ind, prev) {
		s.resetLine()
		return
	}
	s.node(t, ind, ind, prev)
}

// resetLine forgets what the last line left open after a problem, so that
// one problem does not make every later line look wrong.
func (s *yamlScanner) resetLine() {
	s.prev = yamlLine{number: s.n, indent: s.indent}
	s.quote, s.flow, s.blockParent = nil, nil, -1
}

// structure checks the indentation of a line starting at column ind
// against the open blocks, updating them; false means it reported a problem.
func (s *yamlScanner) structure(t []byte, ind int, prev yamlLine) bool {
	item := startsItem(t[ind:])
	if prev.opens {
		switch {
		case ind > prev.indent:
			s.levels = append(s.levels, yamlLevel{indent: ind, seq: item, key: prev.key})
			return true
		case ind == prev.indent && item && prev.key != "":
			// "key:" then "- item" at the key's own indentation.
			s.levels = append(s.levels, yamlLevel{indent: ind, seq: true, indentless: true, key: prev.key})
			return true
		}
	}
	open := slices.Clone(s.levels)
	popped := false
	for len(s.levels) > 0 && s.levels[len(s.levels)-1].indent > ind {
		s.levels = s.levels[:len(s.levels)-1]
		popped = true
	}
	if len(s.levels) == 0 {
		s.levels = append(s.levels, yamlLevel{indent: ind, seq: item})
		return true
	}
	top := &s.levels[len(s.levels)-1]
	switch {
	case top.indent == ind && top.indentless && !item:
		s.levels = s.levels[:len(s.levels)-1]
		return s.structure(t, ind, yamlLine{})
	case top.indent == ind && !top.seq && item:
		s.issue(s.lineStart+ind, s.lineStart+ind+1, s.n, "a list item where a \"key: value\" field is expected; put the list under a key: the key and \":\" on a line of its own, then the items indented below it")
		return false
	case top.indent == ind && top.seq && !item:
		s.issue(s.lineStart+ind, s.lineStart+ind+1, s.n, "a \"key: value\" field where a list item (\"- ...\") is expected; the lines above at this indentation are list items")
		return false
	case top.indent == ind:
		return true
	case top.indent < ind && !popped:
		s.issue(s.lineStart, s.lineStart+ind, s.n, "this line is indented more than the one above, which does not open a nested block; indent it by %s like the line above", Plural(top.indent, "space"))
		return false
	}
	// Between two levels: say which indentations would work.
	var options []string
	for k := len(open) - 1; k >= 0 && len(options) < 3; k-- {
		l := open[k]
		if l.key != "" {
			options = append(options, fmt.Sprintf("%d, like the fields under %q", l.indent, l.key))
		} else {
			options = append(options, fmt.Sprintf("%d", l.indent))
		}
	}
	s.issue(s.lineStart, s.lineStart+ind, s.n, "the indentation (%s) matches no block above; indent this line by %s", Plural(ind, "space"), strings.Join(options, ", or "))
	return false
}

// node reads the node at column i: list item markers, then a key and its
// value or a lone value. col is the column of the node the line belongs to.
func (s *yamlScanner) node(t []byte, i, col int, prev yamlLine) {
	inItem := false
	for startsItem(t[i:]) {
		col = i
		i++
		for i < len(t) && t[i] == ' ' {
			i++
		}
		if i == len(t) || t[i] == '#' {
			s.prev = yamlLine{number: s.n, indent: col, key: s.prev.key, opens: true}
			return
		}
		if startsItem(t[i:]) {
			s.levels = append(s.levels, yamlLevel{indent: i, seq: true})
		}
		inItem = true
	}
	if t[i] == '?' && (i+1 == len(t) || t[i+1] == ' ') {
		s.prev = yamlLine{number: s.n, indent: col} // an explicit key: too rare to follow
		return
	}
	keyEnd, valueStart, ok := s.key(t, i)
	switch {
	case ok:
		if inItem {
			// A mapping inside a list item: its keys line up with this one.
			s.levels = append(s.levels, yamlLevel{indent: i})
			col = i
		}
		key := string(bytes.Trim(t[i:keyEnd], `"' `))
		s.value(t, valueStart, col, key, true)
	case inItem:
		s.value(t, i, col, "", false)
	case prev.opens && s.indent > prev.indent:
		// "key:" with its value on the next line, not a nested block.
		s.levels = s.levels[:len(s.levels)-1]
		s.value(t, i, prev.indent, prev.key, false)
	case prev.number > 0 && len(s.levels) > 0 && !s.levels[len(s.levels)-1].seq:
		s.notAField(t, i)
	default:
		s.value(t, i, col, "", false)
	}
}

// notAField reports a line at a mapping's indentation that has no "key:".
func (s *yamlScanner) notAField(t []byte, i int) {
	text := bytes.TrimRight(t, " \t")
	if c := bytes.IndexByte(text[i:], ':'); c > 0 && i+c+1 < len(text) && text[i+c+1] != ' ' {
		c += i
		s.issue(s.lineStart+c, s.lineStart+c+1, s.n, "a colon without a space after it; add one to make this a field: %q", string(text[i:c+1])+" "+string(text[c+1:]))
		return
	}
	s.issue(s.lineStart+i, s.lineStart+len(text), s.n, "this line is not a \"key: value\" field; add its key and \": \", or indent it to continue the value above")
}

// key finds a mapping key at column i: a plain or quoted key followed by
// ":" and a space or the end of the line. It returns where the key ends
// and its value starts.
func (s *yamlScanner) key(t []byte, i int) (keyEnd, valueStart int, ok bool) {
	j := skipProperties(t, i)
	if j < 0 {
		return 0, 0, false
	}
	if j < len(t) && (t[j] == '"' || t[j] == '\'') {
		end, closed := s.scanQuoted(t, j, false)
		if !closed {
			return 0, 0, false
		}
		k := end
		for k < len(t) && t[k] == ' ' {
			k++
		}
		if k < len(t) && t[k] == ':' && (k+1 == len(t) || t[k+1] == ' ' || t[k+1] == '\t') {
			return end, k + 1, true
		}
		return 0, 0, false
	}
	if j < len(t) && bytes.IndexByte([]byte("[{*&!|>@`%"), t[j]) >= 0 {
		return 0, 0, false // a value, which value() explains
	}
	c := plainColon(t, j)
	if c < 0 {
		return 0, 0, false
	}
	return c, c + 1, true
}

// properties skips an anchor ("&name") and a tag ("!tag") at i, noting
// anchors; -1 means an anchor without a name, which it reports.
func (s *yamlScanner) properties(t []byte, i int) int {
	j := skipProperties(t, i)
	if j < 0 {
		s.issue(s.lineStart+i, s.lineStart+i+1, s.n, "a value starting with \"&\" is read as an anchor name; quote the value: %s", yamlQuote(plainText(t, i)))
		return -1
	}
	for k := i; k < j; k++ {
		if t[k] == '&' && (k == i || t[k-1] == ' ' || t[k-1] == '\t') {
			s.anchors[anchorName(t[k+1:])] = true
		}
	}
	return j
}

// skipProperties returns the offset after the anchor and tag at i, or -1
// for an anchor without a valid name.
func skipProperties(t []byte, i int) int {
	for i < len(t) {
		switch t[i] {
		case '&':
			name := anchorName(t[i+1:])
			if name == "" || (i+1+len(name) < len(t) && t[i+1+len(name)] != ' ' && t[i+1+len(name)] != '\t') {
				return -1
			}
			i += 1 + len(name)
		case '!':
			for i < len(t) && t[i] != ' ' && t[i] != '\t' {
				i++
			}
		default:
			return i
		}
		for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
			i++
		}
	}
	return i
}

// value reads the value at column i of a node at column col; key is the
// key it belongs to ("" for a list item), afterKey whether "key:" precedes it.
func (s *yamlScanner) value(t []byte, i, col int, key string, afterKey bool) {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	if i = s.properties(t, i); i < 0 {
		s.resetLine()
		return
	}
	line := yamlLine{number: s.n, indent: col, key: key}
	if i == len(t) || (t[i] == '#' && (i == 0 || t[i-1] == ' ' || t[i-1] == '\t')) {
		line.opens = true
		s.prev = line
		return
	}
	shown := plainText(t, i)
	switch c := t[i]; {
	case c == '@' || c == '`' || c == '%':
		s.issue(s.lineStart+i, s.lineStart+i+1, s.n, "a value cannot start with %s in YAML; quote it: %s", quoteChar(c), yamlQuote(shown))
	case c == '*':
		name := anchorName(t[i+1:])
		rest := bytes.TrimSpace(t[i+1+len(name):])
		switch {
		case name == "" || (len(rest) > 0 && rest[0] != '#' && rest[0] != ':'):
			s.issue(s.lineStart+i, s.lineStart+i+1, s.n, "a value starting with \"*\" is read as an alias (a reference to an &anchor); quote it: %s", yamlQuote(shown))
		case !s.anchors[name]:
			s.issue(s.lineStart+i, s.lineStart+i+1+len(name), s.n, "unknown alias *%s: no anchor &%s is defined above it; define the anchor, or quote the value if the \"*\" is text: %s", name, name, yamlQuote(shown))
		default:
			s.prev = line
			return
		}
	case c == '|' || c == '>':
		j := i + 1
		for j < len(t) && (t[j] == '+' || t[j] == '-' || (t[j] >= '1' && t[j] <= '9')) {
			j++
		}
		rest := bytes.TrimLeft(t[j:], " \t")
		if len(rest) > 0 && !(rest[0] == '#' && len(rest) < len(t[j:])) {
			s.issue(s.lineStart+i, s.lineStart+i+1, s.n, "a value starting with %s begins a block of text on the lines below; quote the value: %s, or move the text to the next line, indented", quoteChar(c), yamlQuote(shown))
			break
		}
		s.blockParent = col
		s.prev = line
		return
	case c == '-' && afterKey && (i+1 == len(t) || t[i+1] == ' '):
		s.issue(s.lineStart+i, s.lineStart+i+1, s.n, "a list item cannot start on the same line as its key; put %q on the next line, indented under %q", string(bytes.TrimRight(t[i:], " \t")), key)
	case c == '"' || c == '\'' || c == '[' || c == '{':
		s.valueStart = s.lineStart + i
		end, closed := s.open(t, i)
		switch {
		case s.failed:
			s.resetLine()
		case !closed:
			s.prev = line // the value goes on below
		default:
			s.afterValue(t, end, key, col)
		}
		return
	default:
		if colon := plainColon(t, i); colon >= 0 {
			s.issue(s.lineStart+colon, s.lineStart+colon+1, s.n, "a value containing \": \" must be quoted: %s", yamlQuote(shown))
			break
		}
		line.plain = true
		s.prev = line
		return
	}
	s.resetLine()
}

// open reads a quoted or flow value starting at i; closed is false when it
// continues on the next line (or a problem inside was reported).
func (s *yamlScanner) open(t []byte, i int) (end int, closed bool) {
	if t[i] == '"' || t[i] == '\'' {
		s.quote = &yamlOpen{char: t[i], offset: s.lineStart + i, line: s.n, indent: s.indent}
	} else {
		s.flow = append(s.flow, yamlOpen{char: t[i], offset: s.lineStart + i, line: s.n, indent: s.indent})
	}
	if t[i] == '"' || t[i] == '\'' {
		end, ok := s.scanQuoted(t, i, true)
		if !ok {
			return 0, false
		}
		s.quote = nil
		return end, true
	}
	return s.scanFlow(t, i+1)
}

// continueOpen continues an open quote or flow collection on a new line.
func (s *yamlScanner) continueOpen(t []byte, i int) (end int, closed bool) {
	if s.quote != nil {
		end, ok := s.scanQuotedFrom(t, i, s.quote.char, true)
		if !ok {
			return 0, false
		}
		s.quote = nil
		if len(s.flow) == 0 {
			return end, true
		}
		i = end
		if !s.afterFlowQuote(t, i) {
			return 0, false
		}
	}
	return s.scanFlow(t, i)
}

// afterValue checks what follows a value that closed at end: nothing, a
// comment, or (after a quoted key) the ":".
func (s *yamlScanner) afterValue(t []byte, end int, key string, col int) {
	k := end
	for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
		k++
	}
	closer := t[end-1]
	from := s.n
	if s.prev.number > 0 && s.prev.closed == 0 && !s.prev.opens && !s.prev.plain && s.prev.number < s.n {
		from = s.prev.number // the value started on an earlier line
	}
	if k == len(t) || (t[k] == '#' && k > end) {
		s.prev = yamlLine{number: s.n, indent: col, key: key, closed: closer}
		return
	}
	textEnd := len(bytes.TrimRight(t, " \t"))
	if c := bytes.Index(t[k:], []byte(" #")); c >= 0 {
		textEnd = len(bytes.TrimRight(t[:k+c], " \t"))
	}
	extra := string(t[k:textEnd])
	switch {
	case closer == '\'' && k == end && isLetter(t[k]):
		s.issue(s.lineStart+k, s.lineStart+textEnd, from, "text after the closing quote: inside single quotes an apostrophe is written twice ('It''s'), or use double quotes (\"It's\")")
	case closer == '"' || closer == '\'':
		s.issue(s.lineStart+k, s.lineStart+textEnd, from, "%q follows the closing quote, but a quoted value ends at its closing quote; move the text inside the quotes, or remove it (a comment starts with \" #\")", extra)
	default:
		s.issue(s.lineStart+k, s.lineStart+textEnd, from, "%q follows the closing %s, but a value starting with %s is a %s in YAML; quote the whole value if it is text%s", extra, quoteChar(closer), quoteChar(openerOf(closer)), map[byte]string{']': "list", '}': "mapping"}[closer], suggest(s.valueText(textEnd)))
	}
	s.resetLine()
}

// scanQuoted reads a quoted scalar opening at i; with multi it may continue
// on the next line (closed false, quote left open).
func (s *yamlScanner) scanQuoted(t []byte, i int, multi bool) (end int, closed bool) {
	return s.scanQuotedFrom(t, i+1, t[i], multi)
}

func (s *yamlScanner) scanQuotedFrom(t []byte, i int, q byte, multi bool) (end int, closed bool) {
	for ; i < len(t); i++ {
		switch {
		case q == '"' && t[i] == '\\':
			if i+1 == len(t) {
				return 0, false // an escaped line break
			}
			if n, ok := yamlEscape(t[i+1:]); !ok {
				if multi {
					s.issue(s.lineStart+i, s.lineStart+i+1+n, s.n, "%q is not an escape sequence in double quotes; write \"\\\\\" for a backslash, or use single quotes", string(t[i:i+1+n]))
					s.quote = nil
				}
				return 0, false
			} else {
				i += n
			}
		case q == '\'' && t[i] == '\'' && i+1 < len(t) && t[i+1] == '\'':
			i++
		case t[i] == q:
			return i + 1, true
		}
	}
	return 0, false
}

// yamlEscape checks the escape sequence after a backslash in b, returning
// its length.
func yamlEscape(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, true
	}
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[b[0]]
	if digits == 0 {
		return 1, bytes.IndexByte([]byte("0abt\tnvfre \"/\\N_LP"), b[0]) >= 0
	}
	for k := 1; k <= digits; k++ {
		if k >= len(b) || !isHex(b[k]) {
			return min(k, len(b)), false
		}
	}
	return 1 + digits, true
}

// scanFlow reads a flow collection's text from i until the outermost
// bracket closes.
func (s *yamlScanner) scanFlow(t []byte, i int) (end int, closed bool) {
	for ; i < len(t); i++ {
		switch c := t[i]; c {
		case '"', '\'':
			s.quote = &yamlOpen{char: c, offset: s.lineStart + i, line: s.n, indent: s.indent}
			end, ok := s.scanQuoted(t, i, true)
			if !ok {
				return 0, false
			}
			s.quote = nil
			if !s.afterFlowQuote(t, end) {
				s.flow = nil
				return 0, false
			}
			i = end - 1
		case '[', '{':
			s.flow = append(s.flow, yamlOpen{char: c, offset: s.lineStart + i, line: s.n, indent: s.indent})
		case ']', '}':
			if len(s.flow) == 0 {
				return i + 1, true
			}
			o := s.flow[len(s.flow)-1]
			if c != closerOf(o.char) {
				where := fmt.Sprintf("column %d", s.x.Pos(o.offset).Column)
				if o.line != s.n {
					where = fmt.Sprintf("line %d, column %d", s.fileLine(o.line), s.x.Pos(o.offset).Column)
				}
				s.issue(s.lineStart+i, s.lineStart+i+1, o.line, "%s does not close the %s opened at %s; use %s", quoteChar(c), quoteChar(o.char), where, quoteChar(closerOf(o.char)))
				s.flow = nil
				return 0, false
			}
			s.flow = s.flow[:len(s.flow)-1]
			if len(s.flow) == 0 {
				return i + 1, true
			}
		case '#':
			if i > 0 && (t[i-1] == ' ' || t[i-1] == '\t') {
				return 0, false // a comment: the collection goes on below
			}
		}
	}
	return 0, false
}

// afterFlowQuote checks the text after a quoted scalar inside brackets.
func (s *yamlScanner) afterFlowQuote(t []byte, end int) bool {
	k := end
	for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
		k++
	}
	if k == len(t) || bytes.IndexByte([]byte(",]}:#"), t[k]) >= 0 {
		return true
	}
	stop := k
	for stop < len(t) && bytes.IndexByte([]byte(",]}"), t[stop]) < 0 {
		stop++
	}
	s.issue(s.lineStart+k, s.lineStart+len(bytes.TrimRight(t[:stop], " \t")), s.flow[0].line, "%q follows the closing quote, but a quoted item ends at its closing quote; move the text inside the quotes, or separate the items with a comma", string(bytes.TrimRight(t[k:stop], " \t")))
	return false
}

// plainColon returns the offset of the first ": " (or a final ":") in the
// plain text starting at i, before any comment, or -1.
func plainColon(t []byte, i int) int {
	for j := i; j < len(t); j++ {
		switch t[j] {
		case ':':
			if j+1 == len(t) || t[j+1] == ' ' || t[j+1] == '\t' {
				return j
			}
		case '#':
			if j > i && (t[j-1] == ' ' || t[j-1] == '\t') {
				return -1
			}
		}
	}
	return -1
}

// plainText is the text of a value starting at i, without a trailing comment.
func plainText(t []byte, i int) string {
	text := t[i:]
	if c := bytes.Index(text, []byte(" #")); c >= 0 {
		text = text[:c]
	}
	return string(bytes.TrimSpace(text))
}

// yamlQuote writes s as a YAML double-quoted value.
func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// anchorName returns the anchor or alias name at the start of b, as go-yaml
// reads it: letters, digits, "-" and "_".
func anchorName(b []byte) string {
	n := 0
	for n < len(b) && (isLetter(b[n]) || (b[n] >= '0' && b[n] <= '9') || b[n] == '-' || b[n] == '_') {
		n++
	}
	return string(b[:n])
}

// looksLikeBlockKey reports whether a line reads as "key: value" or "key:".
func looksLikeBlockKey(t []byte) bool {
	t = bytes.TrimLeft(t, " ")
	if len(t) == 0 || bytes.IndexByte([]byte("#'\"[]{},-"), t[0]) >= 0 {
		return false
	}
	c := plainColon(t, 0)
	return c > 0 && !bytes.ContainsAny(t[:c], "\"'[]{},#")
}

func startsItem(t []byte) bool {
	return len(t) > 0 && t[0] == '-' && (len(t) == 1 || t[1] == ' ' || t[1] == '\t')
}

func hasPrefixWord(t []byte, w string) bool {
	return bytes.HasPrefix(t, []byte(w)) && (len(t) == len(w) || t[len(w)] == ' ' || t[len(w)] == '\t')
}

func closerOf(c byte) byte {
	switch c {
	case '[':
		return ']'
	case '{':
		return '}'
	}
	return c
}

func openerOf(c byte) byte {
	switch c {
	case ']':
		return '['
	case '}':
		return '{'
	}
	return c
}

// closedText is the rest of the line a quote opened on, closed: the fix.
func (s *yamlScanner) closedText(q *yamlOpen) string {
	text := strings.TrimRight(string(s.src[q.offset:s.x.LineEnd(q.line)]), " \t")
	return text + string(q.char)
}

// valueText is the text of the value that started at s.valueStart, up to
// end on the current line, or "" when it started on an earlier line.
func (s *yamlScanner) valueText(end int) string {
	if s.valueStart < s.lineStart {
		return ""
	}
	return string(s.src[s.valueStart : s.lineStart+end])
}

// suggest is ": " and s quoted, or "" without s.
func suggest(s string) string {
	if s == "" {
		return ""
	}
	return ": " + yamlQuote(s)
}

// quoteChar shows a character in a message: "[".
func quoteChar(c byte) string { return strconv.Quote(string(rune(c))) }

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isHex(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f' }
