package schema

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// pointerOffset finds the byte offset in the JSON document src of the value
// at JSON pointer ptr (of its key, for object members), so that a schema
// error can be shown at its line and column.
func pointerOffset(src []byte, ptr string) (int, bool) {
	dec := json.NewDecoder(bytes.NewReader(src))
	want := ptr
	var walk func(cur string) (int, bool, error)
	next := func() (json.Token, int, error) {
		off := int(dec.InputOffset())
		for off < len(src) && bytes.IndexByte([]byte(" \t\r\n,:"), src[off]) >= 0 {
			off++
		}
		tok, err := dec.Token()
		return tok, off, err
	}
	walk = func(cur string) (int, bool, error) {
		tok, _, err := next()
		if err != nil {
			return 0, false, err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, off, err := next()
				if err != nil {
					return 0, false, err
				}
				child := cur + "/" + EscapeToken(key.(string))
				if child == want {
					return off, true, nil
				}
				if off, found, err := walk(child); found || err != nil {
					return off, found, err
				}
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				child := cur + "/" + strconv.Itoa(i)
				if child == want {
					_, off, _ := peek(dec, src)
					return off, true, nil
				}
				if off, found, err := walk(child); found || err != nil {
					return off, found, err
				}
			}
			_, err = dec.Token()
		}
		return 0, false, err
	}
	if ptr == "" {
		return 0, true
	}
	off, found, _ := walk("")
	return off, found
}

// peek returns the offset of the next token without consuming it.
func peek(dec *json.Decoder, src []byte) (json.Token, int, error) {
	off := int(dec.InputOffset())
	for off < len(src) && bytes.IndexByte([]byte(" \t\r\n,:"), src[off]) >= 0 {
		off++
	}
	return nil, off, nil
}
