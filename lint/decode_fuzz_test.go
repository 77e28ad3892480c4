package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/glasgow-open-data/contentlint/lint"
)

// The decoder targets fuzz one front matter format each: the fuzzer's input
// is what goes between the delimiters, so that it does not spend its time
// rediscovering them. Each checks the decoder's contract with the rules:
// positions inside the file, JSON-typed data, and the same result twice.

// frontMatterSeeds returns the front matter of every fixture written in the
// format that opens with delim, plus the extra seeds given.
func frontMatterSeeds(f *testing.F, delim string, extra ...string) {
	f.Helper()
	for _, pattern := range []string{"../testdata/ok/*.md", "../testdata/err/*.md", "../testdata/examples/*.md", "../testdata/rules/*/*.md"} {
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

// fuzzDecode parses delim+"\n"+data+"\n"+delim+"\n" and checks the entry.
func fuzzDecode(f *testing.F, delim string) {
	p := lint.NewParser()
	f.Fuzz(func(t *testing.T, data []byte) {
		src := []byte(delim + "\n" + string(data) + "\n" + delim + "\n")
		e := p.Parse("fuzz.md", src)
		checkEntry(t, src, e)
		again := p.Parse("fuzz.md", bytes.Clone(src))
		if !reflect.DeepEqual(e.Data, again.Data) {
			t.Fatalf("two parses give different data:\n%#v\n%#v", e.Data, again.Data)
		}
		if !reflect.DeepEqual(e.Problems, again.Problems) {
			t.Fatalf("two parses give different problems:\n%v\n%v", e.Problems, again.Problems)
		}
		if !reflect.DeepEqual(e.Locations, again.Locations) {
			t.Fatalf("two parses give different locations:\n%v\n%v", e.Locations, again.Locations)
		}
	})
}

// checkEntry fails when a location or problem lies outside src or the data
// cannot be written as JSON.
func checkEntry(t *testing.T, src []byte, e *lint.Entry) {
	t.Helper()
	for ptr, loc := range e.Locations {
		checkSpan(t, src, "value at "+ptr, loc.Value)
		if !loc.Key.IsZero() {
			checkSpan(t, src, "key at "+ptr, loc.Key)
		}
	}
	for _, d := range e.Problems {
		checkSpan(t, src, d.Rule, d.Span)
		if d.Rule == "" || d.Message == "" {
			t.Fatalf("problem without a rule or message: %+v", d)
		}
	}
	if e.Data != nil {
		if _, err := json.Marshal(e.Data); err != nil {
			t.Fatalf("data is not JSON: %v\n%#v", err, e.Data)
		}
	}
	if e.BodyOffset < 0 || e.BodyOffset > len(src) {
		t.Fatalf("body offset %d outside the %d-byte file", e.BodyOffset, len(src))
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
	fuzzDecode(f, "---")
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
	)
	fuzzDecode(f, "+++")
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
	fuzzDecode(f, ";;;")
}

// FuzzLineIndex checks that Pos and Offset are inverses at every rune
// boundary, whatever mix of "\n", "\r\n" and lone "\r" ends the lines.
func FuzzLineIndex(f *testing.F) {
	for _, s := range []string{"", "a", "\n", "\r", "\r\n", "a\r\nb\rc\nd", "é\r\n€\r\r\n\n😀", "\xff\xfe\r\n\x80", "x\n\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		x := lint.NewLineIndex(src)
		prev := lint.Pos{Line: 1, Column: 0}
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
