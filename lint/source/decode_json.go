package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// jsonDecoder reads JSON token by token, so that every key and value gets
// its exact position and duplicate keys are caught.
type jsonDecoder struct {
	doc   *Document
	x     *LineIndex
	dec   *json.Decoder
	data  []byte
	base  int // file offset of data
	count int
	// afterValue is set when the last token read completed a value, and
	// afterKey when it was an object key: what a syntax error follows.
	afterValue, afterKey bool
	expectKey            bool // the next token is an object key
}

func decodeJSON(doc *Document, x *LineIndex, start, end int, subject string) {
	d := &jsonDecoder{doc: doc, x: x, data: x.src[start:end], base: start}
	d.dec = json.NewDecoder(bytes.NewReader(d.data))
	d.dec.UseNumber()
	v, err := d.value("", 0)
	if err == nil {
		if _, extra := d.dec.Token(); extra != io.EOF {
			off := d.skipSpace(int(d.dec.InputOffset()))
			err = fmt.Errorf("unexpected text after the closing brace at offset %d", off)
		}
	}
	if err == nil {
		doc.Value = v
		return
	}
	if errors.Is(err, errTooLarge) {
		doc.fail(ProblemLimit, Span{}, fmt.Sprintf("%s has more than %d values or %d levels; simplify it", subject, MaxValues, MaxDepth))
		return
	}
	if off, c, inString := jsonControl(d.data); off >= 0 {
		msg := fmt.Sprintf("control character %U is not allowed in JSON; remove it", c)
		if inString {
			msg = fmt.Sprintf("control character %U is not allowed inside a JSON string; write it as %s, or remove it", c, jsonEscape(c))
		}
		doc.fail(ProblemSyntax, x.Span(start+off, start+off+1), "JSON syntax error: "+msg)
		return
	}
	off := d.skipSpace(int(d.dec.InputOffset()))
	var serr *json.SyntaxError
	if errors.As(err, &serr) {
		off = d.skipSpace(max(0, int(serr.Offset)-1))
	}
	msg := err.Error()
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		msg = "unexpected end of JSON; check for a missing closing brace or bracket"
	case d.startsValue(off) && d.afterValue:
		msg += "; add a comma after the previous value"
	case d.startsValue(off) && d.afterKey:
		msg += "; add a colon after the key"
	}
	doc.fail(ProblemSyntax, x.Span(start+off, start+off+1), "JSON syntax error: "+msg)
}

// startsValue reports whether the byte at off can start a JSON value or key.
func (d *jsonDecoder) startsValue(off int) bool {
	return off < len(d.data) && bytes.IndexByte([]byte(`"{[-0123456789tfn`), d.data[off]) >= 0
}

// skipSpace returns the offset of the next token at or after off.
func (d *jsonDecoder) skipSpace(off int) int {
	for off < len(d.data) {
		switch d.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

// next returns the next token and its offsets in data.
func (d *jsonDecoder) next() (json.Token, int, int, error) {
	start := d.skipSpace(int(d.dec.InputOffset()))
	tok, err := d.dec.Token()
	if err == nil {
		_, isKey := tok.(string)
		isKey = isKey && d.expectKey
		delim, isDelim := tok.(json.Delim)
		d.afterKey = isKey
		d.afterValue = !isKey && (!isDelim || delim == '}' || delim == ']')
	}
	return tok, start, int(d.dec.InputOffset()), err
}

func (d *jsonDecoder) value(ptr string, depth int) (any, error) {
	d.count++
	if d.count > MaxValues || depth > MaxDepth {
		return nil, errTooLarge
	}
	tok, start, end, err := d.next()
	if err != nil {
		return nil, err
	}
	loc := d.doc.Locations[ptr]
	loc.Value = d.x.Span(d.base+start, d.base+end)
	switch tok {
	case json.Delim('{'):
		loc.Value = d.x.Span(d.base+start, d.base+start+1)
		d.doc.Locations[ptr] = loc
		return d.object(ptr, depth)
	case json.Delim('['):
		loc.Value = d.x.Span(d.base+start, d.base+start+1)
		d.doc.Locations[ptr] = loc
		out := []any{}
		for i := 0; d.dec.More(); i++ {
			v, err := d.value(Index(ptr, i), depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, d.close()
	}
	d.doc.Locations[ptr] = loc
	if num, ok := tok.(json.Number); ok && !finiteNumber(num) {
		// Valid JSON, but every consumer that reads numbers as 64-bit floats sees infinity.
		d.doc.problem(ProblemNumber, loc.Value, ptr, fmt.Sprintf("%s is out of range for a 64-bit floating-point number; JSON Schema cannot check it, quote it if it is text", num))
	}
	return tok, nil
}

func (d *jsonDecoder) object(ptr string, depth int) (any, error) {
	out := map[string]any{}
	firstLine := map[string]int{}
	for d.dec.More() {
		d.expectKey = true
		tok, start, end, err := d.next()
		d.expectKey = false
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		child := Child(ptr, key)
		span := d.x.Span(d.base+start, d.base+end)
		if line, dup := firstLine[key]; dup {
			d.doc.problem(ProblemDuplicateKey, span, child, fmt.Sprintf("duplicate key %q; it is first defined on line %d, remove one of them", key, line))
			// The duplicate's value is read (and checked) under its own
			// path, but its positions go to a scratch map: the first
			// occurrence's are the ones findings point at.
			kept := d.doc.Locations
			d.doc.Locations = map[string]Location{}
			_, err := d.value(child, depth+1)
			d.doc.Locations = kept
			if err != nil {
				return nil, err
			}
			continue
		}
		firstLine[key] = span.Start.Line
		d.doc.Locations[child] = Location{Key: span}
		v, err := d.value(child, depth+1)
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
	return out, d.close()
}

// close reads the "}" or "]" that ends the current object or list.
func (d *jsonDecoder) close() error {
	_, err := d.dec.Token()
	if err == nil {
		d.afterValue, d.afterKey = true, false
	}
	return err
}

// jsonControl returns the offset of the first control character JSON does
// not allow (any inside a string; outside, all but tab, CR and LF), the
// character, and whether it is inside a string; -1 when there is none.
// encoding/json reports such an error at the start of the string.
func jsonControl(b []byte) (int, rune, bool) {
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case c < 0x20 && (inString || (c != '\t' && c != '\n' && c != '\r')):
			return i, rune(c), inString
		}
	}
	return -1, 0, false
}

// jsonEscape is how JSON writes a control character inside a string.
func jsonEscape(c rune) string {
	switch c {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	return fmt.Sprintf(`\u%04x`, c)
}
