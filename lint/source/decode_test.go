package source

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestDecode decodes one document per format and checks the data, where
// each value and key sits, and the problems by kind.
func TestDecode(t *testing.T) {
	cases := []struct {
		name   string
		format Format
		src    string
		value  string            // the data as JSON; "" when decoding fails
		at     map[string]string // pointer → "key line:col, value line:col" ("-" for no key)
		kinds  []ProblemKind
	}{
		{
			name: "YAML", format: FormatYAML,
			src:   "title: \"Glasgow\"\nsocial:\n  twitter: x\ntags: [a, b]\nn: 12\nbig: 1606938044258990275541962092341162602522202993782792835301376\n",
			value: `{"big":1606938044258990275541962092341162602522202993782792835301376,"n":12,"social":{"twitter":"x"},"tags":["a","b"],"title":"Glasgow"}`,
			at:    map[string]string{"/title": "1:1 1:8", "/social/twitter": "3:3 3:12", "/tags/1": "- 4:11", "": "- 1:1"},
		},
		{
			name: "YAML core schema", format: FormatYAML,
			src:   "a: yes\nb: ~\nc: 0x10\nd: 2024-05-01\ne: 1e3\nf: '12'\n",
			value: `{"a":"yes","b":null,"c":16,"d":"2024-05-01","e":1e3,"f":"12"}`,
		},
		{
			name: "YAML aliases are located at the alias", format: FormatYAML,
			src:   "a: &x [1]\nb: *x\n",
			value: `{"a":[1],"b":[1]}`,
			at:    map[string]string{"/b": "2:1 2:4"},
		},
		{
			// The first of two keys wins, a number key is kept as its text,
			// and a number JSON cannot hold is null.
			name: "YAML problems keep the data", format: FormatYAML,
			src:   "a: 1\na: 2\n3: x\nn: .nan\n",
			value: `{"3":"x","a":1,"n":null}`,
			kinds: []ProblemKind{ProblemDuplicateKey, ProblemKeyType, ProblemNumber},
		},
		{
			name: "YAML syntax", format: FormatYAML,
			src:   "a: b: c\n",
			kinds: []ProblemKind{ProblemSyntax},
		},
		{
			name: "TOML", format: FormatTOML,
			src:   "title = \"Glasgow\"\ndate = 2024-05-01\n[social]\ntwitter = \"x\"\n",
			value: `{"date":"2024-05-01","social":{"twitter":"x"},"title":"Glasgow"}`,
			at:    map[string]string{"/title": "1:1 1:9"},
		},
		{
			name: "TOML syntax", format: FormatTOML,
			src:   "a = \n",
			kinds: []ProblemKind{ProblemSyntax},
		},
		{
			name: "TOML nesting", format: FormatTOML,
			src:   "a = " + strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1) + "\n",
			kinds: []ProblemKind{ProblemLimit},
		},
		{
			name: "JSON", format: FormatJSON,
			src:   "{\"title\": \"Glasgow\",\n \"tags\": [\"a\", {\"b\": null}]}\n",
			value: `{"tags":["a",{"b":null}],"title":"Glasgow"}`,
			at:    map[string]string{"/title": "1:2 1:11", "/tags/1/b": "2:17 2:22"},
		},
		{
			name: "JSON duplicate keys keep the first", format: FormatJSON,
			src:   "{\"a\": 1,\n \"a\": 2}\n",
			value: `{"a":1}`,
			at:    map[string]string{"/a": "1:2 1:7"},
			kinds: []ProblemKind{ProblemDuplicateKey},
		},
		{
			name: "JSON syntax", format: FormatJSON,
			src:   "{\"a\": 1,}\n",
			kinds: []ProblemKind{ProblemSyntax},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := NewLineIndex([]byte(tc.src))
			d := Decode(x, tc.format, 0, len(tc.src), "front matter")
			var kinds []ProblemKind
			for _, p := range d.Problems {
				kinds = append(kinds, p.Kind)
				if p.Message == "" {
					t.Errorf("problem without a message: %+v", p)
				}
			}
			if fmt.Sprint(kinds) != fmt.Sprint(tc.kinds) {
				t.Errorf("problems %+v, want kinds %v", d.Problems, tc.kinds)
			}
			if tc.value == "" {
				if !d.Failed || d.Value != nil || len(d.Locations) != 0 {
					t.Errorf("want a failed decode without data, got %+v", d)
				}
				return
			}
			if d.Failed {
				t.Fatalf("decoding failed: %+v", d.Problems)
			}
			got, err := json.Marshal(d.Value)
			if err != nil {
				t.Fatalf("data is not JSON: %v", err)
			}
			if !jsonEqual(t, got, tc.value) {
				t.Errorf("data %s, want %s", got, tc.value)
			}
			for ptr, want := range tc.at {
				loc := d.Locate(ptr, x.Span(0, 0))
				key := "-"
				if !loc.Key.IsZero() {
					key = fmt.Sprintf("%d:%d", loc.Key.Start.Line, loc.Key.Start.Column)
				}
				if got := fmt.Sprintf("%s %d:%d", key, loc.Value.Start.Line, loc.Value.Start.Column); got != want {
					t.Errorf("%q at %s, want %s", ptr, got, want)
				}
			}
		})
	}
}

// jsonEqual compares JSON texts as data.
func jsonEqual(t *testing.T, got []byte, want string) bool {
	t.Helper()
	var a, b any
	if err := json.Unmarshal(got, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(want), &b); err != nil {
		t.Fatalf("want %s: %v", want, err)
	}
	return fmt.Sprint(a) == fmt.Sprint(b)
}

// TestDecodeEmpty: blank text decodes to nothing, without a problem; the
// caller decides whether that is an empty front matter or configuration.
func TestDecodeEmpty(t *testing.T) {
	for _, f := range []Format{FormatYAML, FormatTOML, FormatJSON} {
		d := Decode(NewLineIndex([]byte("  \n")), f, 0, 3, "front matter")
		if d.Value != nil && fmt.Sprint(d.Value) != "map[]" {
			t.Errorf("%s: blank text decodes to %#v", f, d.Value)
		}
	}
}

// TestDecodeOffsets: a document inside a larger text is located in it.
func TestDecodeOffsets(t *testing.T) {
	src := "---\ntitle: x\nsocial:\n  twitter: y\n---\nbody\n"
	start := len("---\n")
	end := strings.Index(src, "---\nbody")
	d := Decode(NewLineIndex([]byte(src)), FormatYAML, start, end, "front matter")
	loc := d.Locations["/social/twitter"]
	if loc.Value.Start.Line != 4 || loc.Value.Start.Column != 12 || src[loc.Value.Start.Offset:loc.Value.End.Offset] != "y" {
		t.Errorf("/social/twitter at %+v, want 4:12", loc.Value)
	}
}

func TestPointers(t *testing.T) {
	for key, tok := range map[string]string{"a": "a", "a/b": "a~1b", "m~n": "m~0n", "~/": "~0~1", "": ""} {
		if got := EscapeToken(key); got != tok {
			t.Errorf("EscapeToken(%q) = %q, want %q", key, got, tok)
		}
		if got := UnescapeToken(tok); got != key {
			t.Errorf("UnescapeToken(%q) = %q, want %q", tok, got, key)
		}
	}
	data := map[string]any{"social": map[string]any{"twitter": "x", "a.b": "y"}, "tags": []any{"a", map[string]any{"b/c": 1}}, "3": "three"}
	for _, tc := range []struct{ ptr, path string }{
		{"", ""},
		{"/social/twitter", "social.twitter"},
		{"/social/a.b", `social."a.b"`},
		{"/tags/1/b~1c", "tags[1].b/c"},
		{"/3", "3"},
		{Child(Index("/tags", 1), "b/c"), "tags[1].b/c"},
	} {
		if got := FieldPath(data, tc.ptr); got != tc.path {
			t.Errorf("FieldPath(%q) = %q, want %q", tc.ptr, got, tc.path)
		}
		if _, ok := Lookup(data, tc.ptr); !ok {
			t.Errorf("Lookup(%q) found nothing", tc.ptr)
		}
	}
	if got := FieldPath(nil, "/tags/2/name"); got != "tags[2].name" {
		t.Errorf("FieldPath without data = %q, want tags[2].name", got)
	}
	if _, ok := Lookup(data, "/tags/9"); ok {
		t.Errorf("Lookup(/tags/9) found an item")
	}
	if p, last := Parent("/a/b~1c"); p != "/a" || last != "b~1c" {
		t.Errorf("Parent = %q, %q", p, last)
	}
}

// TestJSONControlCharacters: a control character in JSON front matter is
// reported at the character, with how to write it.
func TestJSONControlCharacters(t *testing.T) {
	for src, want := range map[string]string{
		"{\"a\": \"x\x01y\"}":      "1:9 JSON syntax error: control character U+0001 is not allowed inside a JSON string; write it as \\u0001, or remove it",
		"{\"a\": \"x\ty\"}":        "1:9 JSON syntax error: control character U+0009 is not allowed inside a JSON string; write it as \\t, or remove it",
		"{\"a\":\n \"x\\\"\x1b\"}": "2:6 JSON syntax error: control character U+001B is not allowed inside a JSON string; write it as \\u001b, or remove it",
		"{\"a\": 1\x0c}":           "1:8 JSON syntax error: control character U+000C is not allowed in JSON; remove it",
	} {
		d := Decode(NewLineIndex([]byte(src)), FormatJSON, 0, len(src), "front matter")
		if len(d.Problems) != 1 {
			t.Errorf("%q: %+v", src, d.Problems)
			continue
		}
		p := d.Problems[0]
		if got := fmt.Sprintf("%d:%d %s", p.Span.Start.Line, p.Span.Start.Column, p.Message); got != want {
			t.Errorf("%q: %s, want %s", src, got, want)
		}
	}
}
