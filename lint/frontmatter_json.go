package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// jsonDecoder reads JSON front matter token by token, so that every key and
// value gets its exact position and duplicate keys are caught.
type jsonDecoder struct {
	e     *Entry
	dec   *json.Decoder
	data  []byte
	base  int // file offset of data
	count int
}

func decodeJSON(e *Entry, start, end int) (any, bool) {
	d := &jsonDecoder{e: e, data: e.Src[start:end], base: start}
	d.dec = json.NewDecoder(bytes.NewReader(d.data))
	d.dec.UseNumber()
	v, err := d.value("", 0)
	if err == nil {
		if _, extra := d.dec.Token(); extra != io.EOF {
			off := d.skipSpace(int(d.dec.InputOffset()))
			err = fmt.Errorf("unexpected text after the closing brace at offset %d", off)
		}
	}
	if err != nil {
		off := d.skipSpace(int(d.dec.InputOffset()))
		var serr *json.SyntaxError
		if errors.As(err, &serr) {
			off = d.skipSpace(max(0, int(serr.Offset)-1))
		}
		if errors.Is(err, errTooLarge) {
			e.problem("frontmatter-limit", e.Open, "", "%s has more than %d values or %d levels; simplify it", e.subjectName(), maxValues, maxDepth)
			return nil, false
		}
		if off < 0 {
			off = 0
		}
		msg := err.Error()
		if strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element") {
			msg += "; add a comma after the previous value"
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			msg = "unexpected end of JSON; check for a missing closing brace or bracket"
		}
		e.problem("frontmatter-syntax", e.Lines.Span(start+off, start+off+1), "", "JSON syntax error: %s", msg)
		return nil, false
	}
	return v, true
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

// tokenSpan returns the span of the token that starts at the decoder's position.
func (d *jsonDecoder) next() (json.Token, int, int, error) {
	start := d.skipSpace(int(d.dec.InputOffset()))
	tok, err := d.dec.Token()
	return tok, start, int(d.dec.InputOffset()), err
}

func (d *jsonDecoder) value(ptr string, depth int) (any, error) {
	d.count++
	if d.count > maxValues || depth > maxDepth {
		return nil, errTooLarge
	}
	tok, start, end, err := d.next()
	if err != nil {
		return nil, err
	}
	loc := d.e.Locations[ptr]
	loc.Value = d.e.Lines.Span(d.base+start, d.base+end)
	switch tok {
	case json.Delim('{'):
		loc.Value.End = loc.Value.Start
		loc.Value = d.e.Lines.Span(d.base+start, d.base+start+1)
		d.e.Locations[ptr] = loc
		return d.object(ptr, depth)
	case json.Delim('['):
		loc.Value = d.e.Lines.Span(d.base+start, d.base+start+1)
		d.e.Locations[ptr] = loc
		out := []any{}
		for i := 0; d.dec.More(); i++ {
			v, err := d.value(ptr+"/"+strconv.Itoa(i), depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		_, err := d.dec.Token()
		return out, err
	}
	d.e.Locations[ptr] = loc
	if num, ok := tok.(json.Number); ok && !finiteNumber(num) {
		// Valid JSON, but every consumer that reads numbers as 64-bit floats sees infinity.
		d.e.problem("frontmatter-number", loc.Value, FieldPath(nil, ptr), "%s is out of range for a 64-bit floating-point number; JSON Schema cannot check it, quote it if it is text", num)
	}
	return tok, nil
}

func (d *jsonDecoder) object(ptr string, depth int) (any, error) {
	out := map[string]any{}
	firstLine := map[string]int{}
	for d.dec.More() {
		tok, start, end, err := d.next()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		child := ptr + "/" + pointerToken(key)
		span := d.e.Lines.Span(d.base+start, d.base+end)
		if line, dup := firstLine[key]; dup {
			d.e.problem("frontmatter-duplicate-key", span, FieldPath(nil, child), "duplicate key %q; it is first defined on line %d, remove one of them", key, line)
			// The duplicate's value is read (and checked) under its own
			// path, but its positions go to a scratch map: the first
			// occurrence's are the ones findings point at.
			kept := d.e.Locations
			d.e.Locations = map[string]Location{}
			_, err := d.value(child, depth+1)
			d.e.Locations = kept
			if err != nil {
				return nil, err
			}
			continue
		}
		firstLine[key] = span.Start.Line
		d.e.Locations[child] = Location{Key: span}
		v, err := d.value(child, depth+1)
		if err != nil {
			return nil, err
		}
		out[key] = v
	}
	_, err := d.dec.Token()
	return out, err
}
