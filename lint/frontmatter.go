package lint

import (
	"bytes"

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
	delims bool // the data includes its delimiters (JSON's bare braces)
}

func newSplitter() *splitter {
	capture := func(format source.Format, delims bool) frontmatter.UnmarshalFunc {
		return func(data []byte, v any) error {
			c := v.(*captured)
			c.format, c.data, c.delims = format, data, delims
			return nil
		}
	}
	s := &splitter{opening: map[string]source.Format{}}
	add := func(start, end string, format source.Format) {
		s.formats = append(s.formats, frontmatter.NewFormat(start, end, capture(format, false)))
		s.opening[start] = format
	}
	add("---", "---", source.FormatYAML)
	add("---yaml", "---", source.FormatYAML)
	add("+++", "+++", source.FormatTOML)
	add("---toml", "---", source.FormatTOML)
	add(";;;", ";;;", source.FormatJSON)
	add("---json", "---", source.FormatJSON)
	// A bare JSON object followed by a blank line, as Hugo writes it.
	s.formats = append(s.formats, &frontmatter.Format{Start: "{", End: "}", Unmarshal: capture(source.FormatJSON, true), UnmarshalDelims: true, RequiresNewLine: true})
	s.opening["{"] = source.FormatJSON
	return s
}

// split locates and decodes the front matter of e.
func (s *splitter) split(e *Entry) {
	src := e.Src
	bom := 0
	if bytes.HasPrefix(src, utf8BOM) {
		bom = len(utf8BOM)
	}
	// frontmatter sees lines our way only in a copy prepared for it; every
	// byte offset stays the same (see forSplitting).
	split := forSplitting(src)
	var c captured
	rest, err := frontmatter.Parse(bytes.NewReader(split[bom:]), &c, s.formats...)
	if err != nil {
		// Reading from memory cannot fail and our unmarshal functions never
		// return errors; treat anything else as a file without front matter.
		e.BodyOffset = bom
		return
	}
	openLine := firstNonBlankLine(e.Lines, bom)
	openText := string(bytes.TrimSpace(e.Lines.LineText(openLine)))
	if openLine == 1 {
		openText = string(bytes.TrimSpace(bytes.TrimPrefix(e.Lines.LineText(1), utf8BOM)))
	}
	if c.data == nil {
		e.BodyOffset = bom
		if format, ok := s.opening[openText]; ok && format != source.FormatJSON {
			// An opening delimiter that frontmatter did not close.
			e.Format = format
			e.Open = e.Lines.LineSpan(openLine)
			e.problem(ruleFrontMatterUnterminated, e.Open, "", "front matter opened with %q is never closed; add a line %q after the last field", openText, closingFor(openText))
		}
		return
	}
	e.Format = c.format
	e.Open = e.Lines.LineSpan(openLine)
	e.BodyOffset = len(src) - len(rest)
	start := e.Lines.LineStart(openLine + 1)
	if c.delims {
		start = e.Lines.LineStart(openLine)
	}
	end := start + len(c.data)
	if end > len(src) || !bytes.Equal(split[start:end], c.data) {
		// frontmatter skips blank lines we did not expect; find the data itself.
		if i := bytes.Index(split, c.data); i >= 0 {
			start = i
			end = start + len(c.data)
		}
		end = min(end, len(src))
	}
	closeLine := e.Lines.Pos(end).Line
	if c.delims {
		closeLine = e.Lines.Pos(end - 1).Line
	}
	e.Close = e.Lines.LineSpan(closeLine)
	decode(e, c.format, start, end)
}

// forSplitting returns the bytes frontmatter should split, with the same
// offsets as src: frontmatter ends lines at "\n" only, while the line index,
// YAML and CommonMark also end a line at a lone "\r", so each lone "\r"
// becomes "\n"; and frontmatter trims lines before comparing them with a
// delimiter, so an indented "---" inside a YAML block scalar (or an
// indented "}" inside a JSON object) would close the front matter early,
// so such lines are masked. src itself is returned when nothing changes.
func forSplitting(src []byte) []byte {
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
		if c := lines[start]; c == ' ' || c == '\t' {
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
		if len(bytes.TrimSpace(x.LineText(line))) > 0 {
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
