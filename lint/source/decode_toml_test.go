package source

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestTOMLPositions: every key and value of TOML front matter has its own
// line and column, inside tables, arrays of tables, inline tables and
// arrays, dotted keys included.
func TestTOMLPositions(t *testing.T) {
	src := `title = "Glasgow"
tags = ["civic", "data",
  "open"]
date = 2024-05-01T10:00:00Z
when = 1979-05-27 07:32:00
"quoted key" = 'x'
site.url = "https://x.org"
matrix = [[1, 2], [3, {a = 4}]]
note = """
multi
line"""

[social]
twitter = "bad name"
links = { mastodon = "@a@b.c", more = [ "x" ] }

[extra.author]
name = "A"

[[events]]
name = "first"
[[events]]
name = "second"
[events.place]
city = "Glasgow"
`
	want := map[string]string{ // pointer → "key line:col, value line:col"
		"/title":                 "1:1 1:9",
		"/tags":                  "2:1 2:8",
		"/tags/0":                "- 2:9",
		"/tags/1":                "- 2:18",
		"/tags/2":                "- 3:3",
		"/date":                  "4:1 4:8",
		"/when":                  "5:1 5:8",
		"/quoted key":            "6:1 6:16",
		"/site":                  "7:1 7:1",
		"/site/url":              "7:1 7:12",
		"/matrix":                "8:1 8:10",
		"/matrix/0":              "- 8:11",
		"/matrix/0/1":            "- 8:15",
		"/matrix/1/0":            "- 8:20",
		"/matrix/1/1":            "- 8:23",
		"/matrix/1/1/a":          "8:24 8:28",
		"/note":                  "9:1 9:8",
		"/social":                "13:2 13:1",
		"/social/twitter":        "14:1 14:11",
		"/social/links":          "15:1 15:9",
		"/social/links/more/0":   "- 15:41",
		"/social/links/mastodon": "15:11 15:22",
		"/extra":                 "17:2 17:2",
		"/extra/author":          "17:2 17:1",
		"/extra/author/name":     "18:1 18:8",
		"/events":                "20:3 20:1",
		"/events/0/name":         "21:1 21:8",
		"/events/1":              "- 22:1",
		"/events/1/name":         "23:1 23:8",
		"/events/1/place/city":   "25:1 25:8",
	}
	x := NewLineIndex([]byte(src))
	d := Decode(x, FormatTOML, 0, len(src), "front matter")
	if d.Failed || len(d.Problems) > 0 {
		t.Fatalf("problems: %+v", d.Problems)
	}
	got, _ := json.Marshal(d.Value)
	if !jsonEqual(t, got, `{"title":"Glasgow","tags":["civic","data","open"],"date":"2024-05-01T10:00:00Z","when":"1979-05-27T07:32:00",`+
		`"quoted key":"x","site":{"url":"https://x.org"},"matrix":[[1,2],[3,{"a":4}]],"note":"multi\nline",`+
		`"social":{"twitter":"bad name","links":{"mastodon":"@a@b.c","more":["x"]}},"extra":{"author":{"name":"A"}},`+
		`"events":[{"name":"first"},{"name":"second","place":{"city":"Glasgow"}}]}`) {
		t.Errorf("data %s", got)
	}
	for ptr, w := range want {
		loc, ok := d.Locations[ptr]
		if !ok {
			t.Errorf("%q has no location", ptr)
			continue
		}
		key := "-"
		if !loc.Key.IsZero() {
			key = fmt.Sprintf("%d:%d", loc.Key.Start.Line, loc.Key.Start.Column)
		}
		if got := fmt.Sprintf("%s %d:%d", key, loc.Value.Start.Line, loc.Value.Start.Column); got != w {
			t.Errorf("%q at %s, want %s", ptr, got, w)
		}
	}
	// Every value, however deep, has a location of its own.
	var walk func(v any, ptr string)
	walk = func(v any, ptr string) {
		if _, ok := d.Locations[ptr]; !ok {
			t.Errorf("%q has no location", ptr)
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
	// Values span exactly their text.
	for ptr, text := range map[string]string{"/title": `"Glasgow"`, "/tags/2": `"open"`, "/date": "2024-05-01T10:00:00Z", "/when": "1979-05-27 07:32:00", "/matrix/1/0": "3"} {
		v := d.Locations[ptr].Value
		if got := src[v.Start.Offset:v.End.Offset]; got != text {
			t.Errorf("%q spans %q, want %q", ptr, got, text)
		}
	}
}

// TestTOMLProblems: duplicate keys of every kind are frontmatter problems
// naming the first line, with the first definition kept; syntax errors are
// at the character, with advice for the common mistakes.
func TestTOMLProblems(t *testing.T) {
	cases := []struct {
		name, src string
		value     string // JSON data; "" when decoding fails
		at        string // the first problem's line:col
		want      string // a fragment of its message
	}{
		{"duplicate key", "title = \"a\"\ntitle = \"b\"\n", `{"title":"a"}`, "2:1", `duplicate key "title"; it is first defined on line 1, remove one of them`},
		{"duplicate in a table", "[social]\ntwitter = \"a\"\ngithub = \"g\"\ntwitter = \"b\"\n", `{"social":{"twitter":"a","github":"g"}}`, "4:1", `duplicate key "twitter"; it is first defined on line 2`},
		{"duplicate table", "[social]\ntwitter = \"a\"\n[social]\ngithub = \"b\"\n", `{"social":{"twitter":"a"}}`, "3:2", "duplicate table [social]; it is first defined on line 1, merge the two"},
		{"value then table", "social = \"a\"\n[social]\ngithub = \"b\"\n", `{"social":"a"}`, "2:2", `duplicate key "social"; it is first defined on line 1`},
		{"table then dotted value", "[a]\nb = 1\n[c]\nx = 1\n", `{"a":{"b":1},"c":{"x":1}}`, "", ""},
		{"value then dotted key", "site = \"x\"\nsite.url = \"y\"\n", `{"site":"x"}`, "2:1", `duplicate key "site"; it is first defined on line 1`},
		{"dotted duplicate", "site.url = \"x\"\nsite.url = \"y\"\n", `{"site":{"url":"x"}}`, "2:1", `duplicate key "site.url"; it is first defined on line 1`},
		{"duplicate in an inline table", "s = {a = 1, a = 2, b = 3}\n", `{"s":{"a":1,"b":3}}`, "1:13", `duplicate key "a"; it is first defined on line 1`},
		{"inline table then header", "a = {b = 1}\n[a.c]\nd = 1\n", `{"a":{"b":1}}`, "2:2", `duplicate key "a"`},
		{"array of tables after a value", "e = [1]\n[[e]]\nx = 1\n", `{"e":[1]}`, "2:3", `duplicate key "e"; it is first defined on line 1`},
		{"key: value", "title: \"Glasgow\"\n", "", "1:6", `TOML writes "key = value", not "key: value": title = "Glasgow"`},
		{"unquoted text", "title = Glasgow Open Data\n", "", "1:9", `text must be quoted: title = "Glasgow Open Data"`},
		{"missing value", "title =\n", "", "1:8", "TOML syntax error"},
		{"unclosed string", "a = 1\ntitle = \"Glasgow\n", "", "2:9", "the string opened here is not closed on its line"},
		{"unclosed array", "tags = [\"a\", \"b\"\nx = 1\n", "", "2:1", "TOML syntax error"},
		{"bad date", "date = 2024-13-45\n", "", "1:13", "TOML syntax error"},
		{"integer overflow", "n = 99999999999999999999\n", "", "1:5", "TOML syntax error"},
		{"control character", "a = \"x\x01y\"\n", "", "1:7", "TOML syntax error"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := NewLineIndex([]byte(tc.src))
			d := Decode(x, FormatTOML, 0, len(tc.src), "front matter")
			if tc.value == "" {
				if !d.Failed {
					t.Fatalf("want a failed decode, got %+v", d.Value)
				}
			} else {
				if d.Failed {
					t.Fatalf("decoding failed: %+v", d.Problems)
				}
				got, _ := json.Marshal(d.Value)
				if !jsonEqual(t, got, tc.value) {
					t.Errorf("data %s, want %s", got, tc.value)
				}
			}
			if tc.at == "" {
				if len(d.Problems) > 0 {
					t.Errorf("problems: %+v", d.Problems)
				}
				return
			}
			if len(d.Problems) == 0 {
				t.Fatal("no problem")
			}
			p := d.Problems[0]
			if got := fmt.Sprintf("%d:%d", p.Span.Start.Line, p.Span.Start.Column); got != tc.at || !strings.Contains(p.Message, tc.want) {
				t.Errorf("%s: %s\nwant %s: ...%s...", got, p.Message, tc.at, tc.want)
			}
		})
	}
}

// TestTOMLNumbers: inf and nan are one problem each, at the value, and null.
func TestTOMLNumbers(t *testing.T) {
	src := "a = inf\nb = -inf\nc = nan\nd = [1.5, +inf]\ne = 0x1F\nf = 1_000\ng = 0o17\nh = 0b11\ni = 1e3\n"
	d := Decode(NewLineIndex([]byte(src)), FormatTOML, 0, len(src), "front matter")
	got, _ := json.Marshal(d.Value)
	if !jsonEqual(t, got, `{"a":null,"b":null,"c":null,"d":[1.5,null],"e":31,"f":1000,"g":15,"h":3,"i":1000}`) {
		t.Errorf("data %s", got)
	}
	var at []string
	for _, p := range d.Problems {
		at = append(at, fmt.Sprintf("%s@%d:%d", p.Pointer, p.Span.Start.Line, p.Span.Start.Column))
	}
	if fmt.Sprint(at) != "[/a@1:5 /b@2:5 /c@3:5 /d/1@4:11]" {
		t.Errorf("problems at %v", at)
	}
}

// TestTOMLStringEnd: every scanner that skips TOML strings ends them in the
// same place, escapes and closing quote runs included; brackets inside a
// multi-line string after an escaped quote are text, not nesting.
func TestTOMLStringEnd(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want int
	}{
		{`"a" x`, 3},
		{`"a\"b" x`, 6},
		{`'a\' x`, 4}, // literal: no escapes
		{"\"open\nb = 1", 5},
		{`"""a"""x`, 7},
		{`"""a \""" b""" x`, 14},
		{`"""a""""" x`, 9}, // up to two more quotes belong to the content
		{`'''a'''x`, 7},
		{`"""never closed`, 15},
	} {
		if got := tomlStringEnd([]byte(tc.src), 0); got != tc.want {
			t.Errorf("tomlStringEnd(%q) = %d, want %d", tc.src, got, tc.want)
		}
	}
	deep := "a = \"\"\"x \\\"\"\" " + strings.Repeat("[", MaxDepth+1) + " y\"\"\"\n"
	if n := tomlNesting([]byte(deep)); n != 0 {
		t.Errorf("tomlNesting counts %d levels inside a multi-line string", n)
	}
	x := NewLineIndex([]byte(deep))
	if d := Decode(x, FormatTOML, 0, len(deep), "front matter"); len(d.Problems) != 0 {
		t.Errorf("valid TOML with brackets in a string: %v", d.Problems)
	}
}
