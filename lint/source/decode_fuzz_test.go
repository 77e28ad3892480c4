package source

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// The decoder targets fuzz one format each: the fuzzer's input is what goes
// between front matter delimiters, so that it does not spend its time
// rediscovering them. Each checks the decoder's contract with its callers:
// positions inside the decoded text, JSON-typed data, every location a
// value of the data, and the same result twice.

// frontMatterSeeds adds the front matter of every fixture written in the
// format that opens with delim, plus the extra seeds given.
func frontMatterSeeds(f *testing.F, delim string, extra ...string) {
	f.Helper()
	for _, pattern := range []string{
		"../../testdata/ok/*.md", "../../testdata/err/*.md", "../../testdata/examples/*.md",
		"../testdata/rules/*/*.md",
	} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			text := strings.ReplaceAll(strings.TrimPrefix(string(src), "\uFEFF"), "\r\n", "\n")
			rest, ok := strings.CutPrefix(text, delim+"\n")
			if !ok {
				continue
			}
			if data, _, found := strings.Cut(rest, "\n"+delim+"\n"); found {
				f.Add([]byte(data))
			}
		}
	}
	for _, s := range extra {
		f.Add([]byte(s))
	}
}

// fuzzDecode decodes the data of delim+"\n"+data+"\n"+delim+"\n" as the
// front matter splitter hands it over, and checks the document.
func fuzzDecode(f *testing.F, format Format, delim string) {
	f.Fuzz(func(t *testing.T, data []byte) {
		src := []byte(delim + "\n" + string(data) + "\n" + delim + "\n")
		start, end := len(delim)+1, len(delim)+1+len(data)
		d := Decode(NewLineIndex(src), format, start, end, "front matter")
		checkDocument(t, src, start, end, d)
		again := Decode(NewLineIndex(bytes.Clone(src)), format, start, end, "front matter")
		if !reflect.DeepEqual(d.Value, again.Value) {
			t.Fatalf("two decodes give different data:\n%#v\n%#v", d.Value, again.Value)
		}
		if !reflect.DeepEqual(d.Problems, again.Problems) {
			t.Fatalf("two decodes give different problems:\n%v\n%v", d.Problems, again.Problems)
		}
		if !reflect.DeepEqual(d.Locations, again.Locations) {
			t.Fatalf("two decodes give different locations:\n%v\n%v", d.Locations, again.Locations)
		}
	})
}

// checkSpan fails when a span lies outside src or is malformed.
func checkSpan(t *testing.T, src []byte, what string, s Span) {
	t.Helper()
	if s.Start.Offset < 0 || s.End.Offset > len(src) || s.Start.Offset > s.End.Offset {
		t.Fatalf("%s: span %+v outside the %d-byte file", what, s, len(src))
	}
	if s.Start.Line < 1 || s.Start.Column < 1 || s.End.Line < s.Start.Line || s.End.Column < 1 ||
		(s.End.Line == s.Start.Line && s.End.Column < s.Start.Column) {
		t.Fatalf("%s: bad position %+v", what, s)
	}
}

// checkDocument fails when a location or problem lies outside the file,
// a location names no value, or the data is not JSON-typed.
func checkDocument(t *testing.T, src []byte, start, end int, d *Document) {
	t.Helper()
	for ptr, loc := range d.Locations {
		checkSpan(t, src, "value at "+ptr, loc.Value)
		if !loc.Key.IsZero() {
			checkSpan(t, src, "key at "+ptr, loc.Key)
		}
		if _, ok := Lookup(d.Value, ptr); !ok {
			t.Fatalf("location %q names no value of %#v", ptr, d.Value)
		}
	}
	for _, p := range d.Problems {
		if !p.Span.IsZero() {
			checkSpan(t, src, p.Message, p.Span)
		}
		if p.Kind < ProblemSyntax || p.Kind > ProblemLimit || p.Message == "" {
			t.Fatalf("problem without a kind or message: %+v", p)
		}
	}
	if d.Failed {
		if d.Value != nil || len(d.Locations) != 0 || len(d.Problems) == 0 {
			t.Fatalf("a failed decode keeps data or has no problem: %+v", d)
		}
		return
	}
	reported := map[string]bool{}
	for _, p := range d.Problems {
		if p.Kind == ProblemNumber {
			reported[p.Pointer] = true
		}
	}
	checkJSONTyped(t, "", d.Value, reported)
	if _, err := json.Marshal(d.Value); err != nil {
		t.Fatalf("data is not JSON: %v\n%#v", err, d.Value)
	}
}

// checkJSONTyped fails on a value jsonschema would not accept; a number
// too large for a float is kept only with a problem reported at it.
func checkJSONTyped(t *testing.T, ptr string, v any, reported map[string]bool) {
	t.Helper()
	switch v := v.(type) {
	case nil, bool, string:
	case json.Number:
		if !finiteNumber(v) && !reported[ptr] {
			t.Fatalf("%s: number %s is not finite, and no problem says so", ptr, v)
		}
	case []any:
		for i, x := range v {
			checkJSONTyped(t, Index(ptr, i), x, reported)
		}
	case map[string]any:
		for k, x := range v {
			checkJSONTyped(t, Child(ptr, k), x, reported)
		}
	default:
		t.Fatalf("%s: %T is not a JSON type", ptr, v)
	}
}

func FuzzDecodeYAML(f *testing.F) {
	frontMatterSeeds(f, "---",
		"a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]",
		"base: &b {x: 1}\nm:\n  <<: [*b, *b]\n  y: 2",
		"a: 1e400\nb: 1606938044258990275541962092341162602522202993782792835301376\nc: .nan\nd: -.inf\ne: 0xFFFFFFFFFFFFFFFFFFFF",
		"? [a]\n: 1\n1: 2\ntrue: 3\nnull: 4\na: 1\na: 2",
		"a:\n\tb: 1",
		"a: \"x\\\"\"\nb: 'it''s'\nc: |\n  ---\n  x\n",
		"a: [[[[[[1]]]]]]\nb: {c: {d: {e: 1}}}",
		"- a\n- b",
		"a: 1\r\nb: 2\rc: 3",
	)
	fuzzDecode(f, FormatYAML, "---")
}

func FuzzDecodeTOML(f *testing.F) {
	frontMatterSeeds(f, "+++",
		"title = \"x\"\n[social]\ntwitter = \"y\"",
		"a = nan\nb = -inf\nc = +inf\nd = 1e400",
		"a = 1979-05-27T07:32:00Z\nb = 1979-05-27\nc = 07:32:00\nd = 1979-05-27T07:32:00",
		"[[x]]\na = 1\n[[x]]\na = 2",
		"a = [[[[1]]]]\nb = {c = {d = 1}}",
		"\"quoted.key\" = 1\na.b.c = 2",
		"a = 1\na = 2",
		"[s]\na = 1\n[s]\nb = 2",
		"s = {a = 1, a = 2, b = [1, {c = 3}]}\n[s.d]\ne = 1",
		"e = [1]\n[[e]]\nx = 1",
		"t = \"\"\"\nmulti\"\"\"\nu = '''x'''\nw = 1979-05-27 07:32:00",
		"title: \"x\"",
		"title = Glasgow",
	)
	fuzzDecode(f, FormatTOML, "+++")
}

// FuzzTOMLLocations holds the TOML decoder to a stricter contract than the
// others: every value it decodes has a location inside the TOML text.
func FuzzTOMLLocations(f *testing.F) {
	frontMatterSeeds(f, "+++",
		"a = [[1, {b = [2]}], []]\n[[c]]\nd = {e = 1}\n[c.f]\ng = 1",
		"s = {a = 1, a = 2, b = 3}\n[x.y]\n[x]\nz = 1",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		src := []byte("+++\n" + string(data) + "\n+++\n")
		d := Decode(NewLineIndex(src), FormatTOML, 4, 4+len(data), "front matter")
		if d.Failed {
			return
		}
		var walk func(v any, ptr string)
		walk = func(v any, ptr string) {
			loc, ok := d.Locations[ptr]
			if !ok {
				t.Fatalf("%q has no location in %#v", ptr, d.Value)
			}
			if loc.Value.Start.Offset < 4 || loc.Value.End.Offset > 4+len(data) {
				t.Fatalf("%q at %+v, outside the TOML text", ptr, loc.Value)
			}
			switch v := v.(type) {
			case map[string]any:
				for k, x := range v {
					walk(x, Child(ptr, k))
				}
			case []any:
				for i, x := range v {
					walk(x, Index(ptr, i))
				}
			}
		}
		walk(d.Value, "")
	})
}

func FuzzDecodeJSON(f *testing.F) {
	frontMatterSeeds(f, ";;;",
		`{"title": "x", "social": {"twitter": "y"}}`,
		`{"a": 1e400, "b": 1606938044258990275541962092341162602522202993782792835301376, "c": -0.0}`,
		`{"a": 1, "a": {"b": [1, 2]}}`,
		`{"a": [[[[1]]]], "b": {"c": {"d": null}}}`,
		`[1, 2]`,
		`{"a": "\u00e9\ud83d\ude00"} trailing`,
		`{"a": 1,}`,
	)
	fuzzDecode(f, FormatJSON, ";;;")
}

// FuzzLineIndex checks that Pos and Offset are inverses at every rune
// boundary, whatever mix of "\n", "\r\n" and lone "\r" ends the lines.
func FuzzLineIndex(f *testing.F) {
	for _, s := range []string{"", "a", "\n", "\r", "\r\n", "a\r\nb\rc\nd", "é\r\n€\r\r\n\n😀", "\xff\xfe\r\n\x80", "x\n\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		x := NewLineIndex(src)
		prev := Pos{Line: 1, Column: 0}
		for off := 0; ; {
			p := x.Pos(off)
			if p.Offset != off || p.Line < 1 || p.Line > x.Lines() || p.Column < 1 {
				t.Fatalf("Pos(%d) = %+v in a %d-line file", off, p, x.Lines())
			}
			if p.Line < prev.Line || (p.Line == prev.Line && p.Column <= prev.Column) {
				t.Fatalf("Pos(%d) = %+v does not follow %+v", off, p, prev)
			}
			if got := x.Offset(p.Line, p.Column); got != off {
				t.Fatalf("Offset(%d, %d) = %d, want %d (Pos(%d) = %+v)", p.Line, p.Column, got, off, off, p)
			}
			if start := x.LineStart(p.Line); start > off || x.LineEnd(p.Line) < start {
				t.Fatalf("line %d: start %d end %d around offset %d", p.Line, start, x.LineEnd(p.Line), off)
			}
			prev = p
			if off == len(src) {
				break
			}
			_, size := utf8.DecodeRune(src[off:])
			off += size
		}
		// A column past the end of a line clamps to the end of its text.
		for line := 1; line <= x.Lines(); line++ {
			if got, want := x.Offset(line, 1<<30), x.LineEnd(line); got != want {
				t.Fatalf("Offset(%d, huge) = %d, want the line end %d", line, got, want)
			}
		}
	})
}
