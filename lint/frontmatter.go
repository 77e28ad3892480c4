package lint

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/adrg/frontmatter"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// splitter finds the front matter with adrg/frontmatter. Our unmarshal
// functions only capture the raw bytes: decoding happens here, with
// positions, so that every key and value can be located in the file.
type splitter struct {
	formats []*frontmatter.Format
	opening map[string]source.Format // opening delimiter line → format
}

// captured is what a splitter's unmarshal function receives.
type captured struct {
	format source.Format
	data   []byte
}

func newSplitter() *splitter {
	capture := func(format source.Format) frontmatter.UnmarshalFunc {
		return func(data []byte, v any) error {
			c := v.(*captured)
			c.format, c.data = format, data
			return nil
		}
	}
	s := &splitter{opening: map[string]source.Format{}}
	add := func(start, end string, format source.Format) {
		s.formats = append(s.formats, frontmatter.NewFormat(start, end, capture(format)))
		s.opening[start] = format
	}
	add("---", "---", source.FormatYAML)
	add("---yaml", "---", source.FormatYAML)
	add("+++", "+++", source.FormatTOML)
	add("---toml", "---", source.FormatTOML)
	add(";;;", ";;;", source.FormatJSON)
	add("---json", "---", source.FormatJSON)
	// A bare JSON object, as Hugo writes it, is found by splitJSON.
	return s
}

// split locates and decodes the front matter of e.
func (s *splitter) split(e *Entry) {
	src := e.Src
	bom := 0
	if bytes.HasPrefix(src, utf8BOM) {
		bom = len(utf8BOM)
	}
	openLine := firstNonBlankLine(e.Lines, bom)
	lineText := e.Lines.LineText(openLine)
	lineStart := e.Lines.LineStart(openLine)
	if openLine == e.Lines.Pos(bom).Line {
		lineText, lineStart = src[bom:e.Lines.LineEnd(openLine)], bom
	}
	openText := string(bytes.TrimSpace(lineText))
	indent := len(lineText) - len(bytes.TrimLeft(lineText, " \t"))
	if strings.HasPrefix(openText, "{") {
		s.splitJSON(e, bom, lineStart+indent)
		return
	}
	// frontmatter reads only the front matter's lines, in a copy prepared
	// for it; every byte offset stays the same (see forSplitting).
	region := e.Lines.LineEnd(openLine) // enough to see there is no front matter
	if _, opens := s.opening[openText]; opens {
		region = frontMatterEnd(src, region, closingFor(openText))
	}
	split := forSplitting(src[:region], lineStart)
	var c captured
	rest, err := frontmatter.Parse(bytes.NewReader(split[bom:]), &c, s.formats...)
	if err != nil {
		// Reading from memory cannot fail and our unmarshal functions never
		// return errors; treat anything else as a file without front matter.
		e.BodyOffset = bom
		return
	}
	if c.data == nil {
		e.BodyOffset = bom
		if format, ok := s.opening[openText]; ok {
			// An opening delimiter that frontmatter did not close.
			e.Format = format
			e.Open = e.Lines.Span(lineStart+indent, e.Lines.LineEnd(openLine))
			e.problem(ruleFrontMatterUnterminated, e.Open, "", "front matter opened with %q is never closed; add a line %q after the last field%s", openText, closingFor(openText), indentedCloser(e, openLine, closingFor(openText)))
		}
		return
	}
	e.Format = c.format
	e.Open = e.Lines.Span(lineStart+indent, e.Lines.LineEnd(openLine))
	checkStart(e, bom, lineStart, indent, openText)
	e.BodyOffset = region - len(rest)
	start := e.Lines.LineStart(openLine + 1)
	end := start + len(c.data)
	if end > len(split) || !bytes.Equal(split[start:end], c.data) {
		// frontmatter skips blank lines we did not expect; find the data itself.
		if i := bytes.Index(split, c.data); i >= 0 {
			start = i
			end = start + len(c.data)
		}
		end = min(end, len(src))
	}
	closeLine := e.Lines.Pos(end).Line
	e.Close = e.Lines.LineSpan(closeLine)
	decode(e, c.format, start, end)
}

// frontMatterEnd returns the offset just past the line that closes front
// matter whose opening line ends at openEnd: the first later line that
// starts with the closing delimiter closer and has nothing else but white
// space (an indented delimiter closes nothing, see forSplitting); len(src)
// when no line does. Lines end at "\n", "\r\n" or a lone "\r".
func frontMatterEnd(src []byte, openEnd int, closer string) int {
	for start := openEnd; start < len(src); {
		if src[start] == '\r' && start+1 < len(src) && src[start+1] == '\n' {
			start++
		}
		start++ // past the line break
		end := start
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
		if line := src[start:end]; bytes.HasPrefix(line, []byte(closer)) && len(bytes.TrimSpace(line[len(closer):])) == 0 {
			if end < len(src) && src[end] == '\r' && end+1 < len(src) && src[end+1] == '\n' {
				end++
			}
			return min(end+1, len(src))
		}
		start = end
	}
	return len(src)
}

// forSplitting returns the bytes frontmatter should split, with the same
// offsets as src: frontmatter ends lines at "\n" only, while the line index,
// YAML and CommonMark also end a line at a lone "\r", so each lone "\r"
// becomes "\n"; and frontmatter trims lines before comparing them with a
// delimiter, so an indented "---" inside a YAML block scalar would close
// the front matter early, so such lines are masked, except the opening
// line starting at opener (an indented opener is reported, not missed).
// src itself is returned when nothing changes.
func forSplitting(src []byte, opener int) []byte {
	var out []byte
	edit := func(i int, b byte) {
		if out == nil {
			out = bytes.Clone(src)
		}
		out[i] = b
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		for i := bytes.IndexByte(src, '\r'); i >= 0; {
			if i+1 == len(src) || src[i+1] != '\n' {
				edit(i, '\n')
			}
			j := bytes.IndexByte(src[i+1:], '\r')
			if j < 0 {
				break
			}
			i += 1 + j
		}
	}
	lines := src
	if out != nil {
		lines = out
	}
	// Only lines that start with a space or tab can be indented delimiters.
	for start := 0; start < len(lines); {
		end := bytes.IndexByte(lines[start:], '\n')
		if end < 0 {
			end = len(lines)
		} else {
			end += start
		}
		if c := lines[start]; (c == ' ' || c == '\t') && start != opener {
			line := lines[start:end]
			if trimmed := bytes.TrimSpace(line); isDelimiter(trimmed) {
				edit(start+len(line)-len(bytes.TrimLeft(line, " \t")), '#')
			}
		}
		start = end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// isDelimiter reports whether a trimmed line could open or close front matter.
func isDelimiter(line []byte) bool {
	switch string(line) {
	case "---", "+++", ";;;", "}", "{", "---yaml", "---toml", "---json":
		return true
	}
	return false
}

// closingFor returns the closing delimiter for an opening one.
func closingFor(open string) string {
	switch open {
	case "+++", ";;;":
		return open
	}
	return "---"
}

// firstNonBlankLine returns the first line at or after offset off with text on it.
func firstNonBlankLine(x *source.LineIndex, off int) int {
	line := x.Pos(off).Line
	for ; line < x.Lines(); line++ {
		text := x.LineText(line)
		if line == 1 {
			text = bytes.TrimPrefix(text, utf8BOM)
		}
		if len(bytes.TrimSpace(text)) > 0 {
			break
		}
	}
	return line
}

// decode turns the front matter bytes src[start:end] into JSON-typed data
// and locations; the decoder's problems become findings of their rules.
func decode(e *Entry, format source.Format, start, end int) {
	data := e.Src[start:end]
	if len(bytes.TrimSpace(data)) == 0 || (format == source.FormatJSON && isEmptyObjectText(data)) {
		e.problem(ruleFrontMatterEmpty, e.Open, "", "front matter is empty; add the entry's fields between the delimiters")
		return
	}
	doc := source.Decode(e.Lines, format, start, end, "front matter")
	e.Locations = doc.Locations
	for _, p := range doc.Problems {
		span := p.Span
		if span.IsZero() {
			span = e.Open
		}
		e.problem(decodeRules[p.Kind], span, source.FieldPath(nil, p.Pointer), "%s", p.Message)
		if p.Kind == source.ProblemNumber {
			if e.unusable == nil {
				e.unusable = map[string]bool{}
			}
			e.unusable[p.Pointer] = true
		}
	}
	if doc.Failed {
		return
	}
	m, isMap := doc.Value.(map[string]any)
	switch {
	case doc.Value == nil || (isMap && len(m) == 0):
		e.problem(ruleFrontMatterEmpty, e.Open, "", "front matter holds no fields; add the entry's fields between the delimiters")
	case !isMap:
		e.problem(ruleFrontMatterNotMapping, e.Locate("").Value, "", "front matter is %s, not a mapping of fields; write it as \"key: value\" lines", source.Describe(doc.Value))
	default:
		e.Data = m
	}
}

func isEmptyObjectText(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		return false
	}
	return len(bytes.TrimSpace(b[1:len(b)-1])) == 0
}

// withoutLoneCR returns src with every "\r" not followed by "\n" replaced
// by "\n" (goldmark does not end a line at a lone "\r"); src itself when it
// has none. Offsets are unchanged.
func withoutLoneCR(src []byte) []byte {
	var out []byte
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 == len(src) || src[i+1] != '\n' {
			if out == nil {
				out = bytes.Clone(src)
			}
			out[i] = '\n'
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	if out == nil {
		return src
	}
	return out
}

// indentedCloser explains an unterminated front matter whose closing
// delimiter is there but indented, which does not close it.
func indentedCloser(e *Entry, openLine int, closer string) string {
	for n := openLine + 1; n <= e.Lines.Lines(); n++ {
		text := e.Lines.LineText(n)
		if string(bytes.TrimSpace(text)) == closer && len(bytes.TrimLeft(text, " \t")) < len(text) {
			return fmt.Sprintf(" (the indented %q on line %d does not close it: remove its indentation)", closer, n)
		}
	}
	return ""
}

// checkStart reports front matter that does not open on the file's first
// line, first column, where most tools that read "---" front matter look
// for it. Only Hugo and Zola skip leading white space, and they are the
// only readers of "+++" (TOML) front matter: real Zola sites start every
// page with a blank line, so "+++" is never reported.
func checkStart(e *Entry, bom, lineStart, indent int, openText string) {
	blank := e.Lines.Pos(lineStart).Line - e.Lines.Pos(bom).Line
	if (blank == 0 && indent == 0) || openText == "+++" {
		return
	}
	var before []string
	if blank > 0 {
		before = append(before, source.Plural(blank, "blank line"))
	}
	if ws := e.Src[lineStart : lineStart+indent]; bytes.Count(ws, []byte(" ")) == len(ws) && indent > 0 {
		before = append(before, source.Plural(indent, "space"))
	} else if indent > 0 {
		before = append(before, "indentation")
	}
	e.problem(ruleFrontMatterStart, e.Open, "", "%s before the opening %q: Jekyll, GitHub and tools built on gray-matter (Eleventy, Docusaurus, Gatsby) then show the front matter as text (Hugo reads it); start the file with %q", strings.Join(before, " and "), openText, openText)
}

// splitJSON reads front matter that is a bare JSON object, as Hugo writes
// it: from the "{" at open to its matching "}", on one line or many; the
// body starts after it. A "{" that does not start a JSON object (a
// template's "{{") is body text.
func (s *splitter) splitJSON(e *Entry, bom, open int) {
	src := e.Src
	next := open + 1
	for next < len(src) && (src[next] == ' ' || src[next] == '\t' || src[next] == '\r' || src[next] == '\n') {
		next++
	}
	if next < len(src) && src[next] != '"' && src[next] != '}' {
		e.BodyOffset = bom
		return
	}
	e.Format = source.FormatJSON
	end := jsonObjectEnd(src, open)
	if end < 0 {
		e.Open = e.Lines.Span(open, open+1)
		e.BodyOffset = len(src)
		e.problem(ruleFrontMatterUnterminated, e.Open, "", "front matter opened with \"{\" is never closed; add the closing \"}\" after the last field")
		return
	}
	e.Open = e.Lines.Span(open, open+1)
	e.Close = e.Lines.Span(end-1, end)
	body := end
	if rest := e.Lines.LineEnd(e.Lines.Pos(end - 1).Line); len(bytes.TrimSpace(src[end:rest])) == 0 {
		body = e.Lines.LineStart(e.Lines.Pos(end-1).Line + 1)
	}
	e.BodyOffset = max(body, end)
	decode(e, source.FormatJSON, open, end)
}

// jsonObjectEnd returns the offset just past the "}" that closes the JSON
// object opening at open, skipping strings, or -1.
func jsonObjectEnd(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '"':
			for i++; i < len(src) && src[i] != '"'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}
