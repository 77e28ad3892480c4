package source

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestYAMLSyntaxErrors: each class of YAML mistake people make in front
// matter is reported at the character at fault (line:col of the YAML text)
// with a message that names the cause and the fix. Several cases per class,
// so that the class is covered and not just one example.
func TestYAMLSyntaxErrors(t *testing.T) {
	cases := []struct {
		name, src string
		at        string // line:col
		want      string // a fragment of the message
	}{
		// Text after a closing quote.
		{"text after double quote", "title: \"Glasgow\"\ncontact_email: \"contact@glasgowopendata.org\" extra\n", "2:46", `"extra" follows the closing quote`},
		{"text after single quote", "title: 'Glasgow' Open Data\n", "1:18", `"Open Data" follows the closing quote`},
		{"apostrophe in single quotes", "title: 'It's here'\n", "1:12", "an apostrophe is written twice"},
		{"text after a quote, comment kept out", "title: \"a\" b # note\n", "1:12", `"b" follows the closing quote`},
		{"text after a quoted list item", "tags:\n  - \"civic\" tech\n", "2:13", `"tech" follows the closing quote`},
		{"text after a multi-line quote", "a: 1\ntitle: \"Glasgow\n  Open\" Data\n", "3:9", `"Data" follows the closing quote`},
		{"text after a quote in brackets", "tags: [\"civic\" tech, b]\n", "1:16", `"tech" follows the closing quote, but a quoted item`},
		{"text after a quote on the next line", "title: \"Glasgow\"\n  Open Data\n", "2:3", `indented under "title" (line 1), whose value already ended with its closing "\""`},
		// Unclosed quotes and brackets point where they opened.
		{"unclosed quote, next line a key", "title: \"x\"\ndescription: \"A reading group\nlocation: \"Dundee\"\n", "2:14", `the quote opened here is not closed on its line, so the lines below are read as part of the value; add the closing " at the end of the value: "A reading group"`},
		{"unclosed quote at the end", "title: x\ndescription: \"A reading group\n", "2:14", "the quote opened here is never closed; add the closing \""},
		{"unclosed single quote", "title: 'Glasgow\nwebsite: https://x.org\n", "1:8", "not closed on its line"},
		{"unclosed bracket, next line a key", "tags: [civic, tech\nwebsite: https://x.org\n", "1:7", `the list opened here with "[" is not closed on its line`},
		{"unclosed bracket at the end", "title: x\ntags: [civic, tech\n", "2:7", `the list opened here with "[" is never closed; add "]"`},
		{"unclosed brace", "social: {twitter: x\nwebsite: https://x.org\n", "1:9", `the mapping opened here with "{" is not closed`},
		{"unclosed inner bracket", "tags: [a, [b, c]\n", "1:7", "never closed"},
		{"wrong closing bracket", "tags: [a, b}\n", "1:12", `"}" does not close the "[" opened at column 7; use "]"`},
		{"wrong closing brace", "social: {a: 1]\n", "1:14", `"]" does not close the "{"`},
		{"text after a closing bracket", "title: [Draft] Glasgow Open Data\n", "1:16", `"Glasgow Open Data" follows the closing "]", but a value starting with "[" is a list in YAML; quote the whole value if it is text: "[Draft] Glasgow Open Data"`},
		{"text after a closing brace", "title: {x} y\n", "1:12", "is a mapping in YAML"},
		// Values that start with an indicator need quotes.
		{"@ handle", "social:\n  twitter: @glasgow\n", "2:12", `a value cannot start with "@" in YAML; quote it: "@glasgow"`},
		{"backtick", "title: `code`\n", "1:8", "cannot start with \"`\""},
		{"percent", "title: %50 off\n", "1:8", `cannot start with "%"`},
		{"star text", "title: *bold* news\n", "1:8", `a value starting with "*" is read as an alias`},
		{"star alone", "rating: * * *\n", "1:9", `read as an alias`},
		{"ampersand", "title: & Co\n", "1:8", `a value starting with "&" is read as an anchor name; quote the value: "& Co"`},
		{"ampersand glued", "title: &Co. Ltd\n", "1:8", "read as an anchor name"},
		{"pipe with text", "title: | pipes\n", "1:8", `a value starting with "|" begins a block of text`},
		{"greater-than with text", "quote: > to be\n", "1:8", `a value starting with ">"`},
		{"list item after a key", "tags: - civic\n", "1:7", "a list item cannot start on the same line as its key"},
		// Aliases.
		{"unknown alias", "a: 1\nb: *missing\n", "2:4", "unknown alias *missing: no anchor &missing is defined above it"},
		{"alias before its anchor", "b: *x\na: &x 1\n", "1:4", "unknown alias *x"},
		// Colons.
		{"colon in a value", "title: Glasgow: Open Data\n", "1:15", `a value containing ": " must be quoted: "Glasgow: Open Data"`},
		{"colon in a list item", "tags:\n  - a: b: c\n", "2:9", `must be quoted`},
		{"colon without a space", "title: x\nwebsite:https://x.org\n", "2:8", `a colon without a space after it; add one to make this a field: "website: https://x.org"`},
		// Indentation.
		{"tab indentation", "social:\n\ttwitter: x\n", "2:1", "a tab in the indentation"},
		{"tab after spaces", "social:\n  twitter: x\n  \tgithub: y\n", "3:3", "a tab in the indentation"},
		{"tab before a list item", "tags:\n\t- a\n", "2:1", "a tab in the indentation"},
		{"tab before a comment", "a: 1\n\t# note\nb: 2\n", "2:1", "a tab in the indentation"},
		{"tab after a block scalar", "a: |\n  x\n\t# note\nb: 1\n", "3:1", "a tab in the indentation"},
		{"unclosed quote before a comment", "title: \"Glasgow\n# a comment \"quoted\"\nb: 1\n", "1:8", "the quote opened here is not closed on its line"},
		{"text after a quote, nested", "people:\n  - name: A\n    links:\n      slack: \"s\"\n      github: \"g\" extra\n", "5:19", `"extra" follows the closing quote`},
		{"indented under a value", "title: x\n  description: y\n", "2:3", `this line is indented more than "title" on line 1`},
		{"indentation between levels", "social:\n  twitter: x\n github: y\n", "3:1", `the indentation (1 space) matches no block above; indent this line by 2, like the fields under "social", or 0`},
		{"deeper indentation between levels", "a:\n  b:\n    c: 1\n   d: 2\n", "4:1", "matches no block above"},
		{"list item among fields", "title: x\n- civic\n", "2:1", `a list item where a "key: value" field is expected`},
		{"field among list items", "- a\nb: c\n", "2:1", `a "key: value" field where a list item`},
		{"colon in a list item's continuation", "tags:\n  - a\n    - b: c\n", "3:5", "indented more than the list item on line 2"},
		{"more indented without a block", "tags:\n  - a\n  - [b]\n    c\n", "4:5", `indented under`},
		{"not a field", "title: x\njust some text\n", "2:1", `this line is not a "key: value" field`},
		// Escapes.
		{"unknown escape", "path: \"C:\\path\\to\"\n", "1:10", `"\\p" is not an escape sequence in double quotes`},
		{"short unicode escape", "a: \"\\u12\"\n", "1:5", "is not an escape sequence"},
		// Control characters, at the character.
		{"control character in a value", "title: \"Glasgow\x01Open\"\n", "1:16", "control character U+0001 is not allowed in YAML"},
		{"escape character", "a: 1\nb: x\x1b[2J\n", "2:5", "control character U+001B"},
		{"DEL", "a: x\x7f\n", "1:5", "U+007F"},
		{"C1 control", "a: x\u0085y\u0090\n", "1:7", "U+0090"},
		{"invalid UTF-8", "a: caf\xe9\n", "1:7", "invalid UTF-8 byte 0xe9; save the file as UTF-8"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			x := NewLineIndex([]byte(tc.src))
			d := Decode(x, FormatYAML, 0, len(tc.src), "front matter")
			if !d.Failed || len(d.Problems) != 1 || d.Problems[0].Kind != ProblemSyntax {
				t.Fatalf("want one syntax problem, got %+v (failed %v)", d.Problems, d.Failed)
			}
			p := d.Problems[0]
			got := fmt.Sprintf("%d:%d", p.Span.Start.Line, p.Span.Start.Column)
			if got != tc.at || !strings.Contains(p.Message, tc.want) || !strings.HasPrefix(p.Message, "YAML syntax error: ") {
				t.Errorf("%s: %s\nwant %s: ...%s...", got, p.Message, tc.at, tc.want)
			}
			if strings.Contains(p.Message, "line 1:") || strings.Contains(p.Message, "yaml:") {
				t.Errorf("message leaks go-yaml's wording: %s", p.Message)
			}
		})
	}
}

// TestYAMLSyntaxLinesOfTheFile: the lines a message names are the file's,
// counted from its first line, not from the front matter's: the opener
// "---" and anything above it come first.
func TestYAMLSyntaxLinesOfTheFile(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		at, want   string
	}{
		{"indented under a value", "title: x\n  description: y\n", "4:3", `this line is indented more than "title" on line 3,`},
		{"continuation of a list item", "tags:\n  - a\n    - b: c\n", "5:5", "indented more than the list item on line 4,"},
		{"text after a quote on the next line", "title: \"Glasgow\"\n  Open Data\n", "4:3", `indented under "title" (line 3),`},
		{"wrong closer on a later line", "tags: [a,\n  b}\n", "4:4", `"}" does not close the "[" opened at line 3, column 7`},
	} {
		// Two lines before the YAML: a blank line and the opener.
		src := "\n---\n" + tc.yaml + "---\n"
		x := NewLineIndex([]byte(src))
		start := len("\n---\n")
		d := Decode(x, FormatYAML, start, start+len(tc.yaml), "front matter")
		if len(d.Problems) == 0 {
			t.Errorf("%s: no problem reported", tc.name)
			continue
		}
		p := d.Problems[0]
		if at := fmt.Sprintf("%d:%d", p.Span.Start.Line, p.Span.Start.Column); at != tc.at || !strings.Contains(p.Message, tc.want) {
			t.Errorf("%s: got %s %q, want %s and %q", tc.name, at, p.Message, tc.at, tc.want)
		}
	}
}

// TestYAMLSyntaxValid: text that parses is never explained as an error,
// however odd it looks to the scanner.
func TestYAMLSyntaxValid(t *testing.T) {
	for _, src := range []string{
		"title: \"x\" # comment\n",
		"title: 'It''s'\n",
		"description: |\n  a: b \"unclosed\n  - item\n  \tand a tab\nnext: 1\n",
		"description: >-\n  folded\n  text\n",
		"title: \"multi\n  line\"\n",
		"tags: [a,\n  b]\n",
		"tags:\n- a\n- b\nnext: 1\n",
		"a: &x 1\nb: *x\n",
		"a: !!str 12\n",
		"url: https://x.org/a:b\n",
		"description:\n  plain on the next line\n  and more\n",
		"items:\n  - name: a\n    url: b\n  - name: c\n",
		"- - a\n  - b\n- c\n",
		"title: x\n\n\ndescription: y\n",
		"a: \"\\x41\\u00e9\\U0001F600\\ttab\"\n",
	} {
		if d := Decode(NewLineIndex([]byte(src)), FormatYAML, 0, len(src), "front matter"); len(d.Problems) > 0 {
			t.Errorf("%q: %+v", src, d.Problems)
		}
	}
}

// TestYAMLCoreSchema: plain scalars resolve by the YAML 1.2 core schema,
// every form of it, and only by it; a number JSON cannot hold is one
// problem and a null value.
func TestYAMLCoreSchema(t *testing.T) {
	cases := []struct {
		src, value string // value as JSON
		problems   int
	}{
		// null
		{"~", "null", 0}, {"null", "null", 0}, {"Null", "null", 0}, {"NULL", "null", 0}, {"", "null", 0},
		{"nULL", `"nULL"`, 0}, {"'null'", `"null"`, 0},
		// bool
		{"true", "true", 0}, {"True", "true", 0}, {"TRUE", "true", 0},
		{"false", "false", 0}, {"False", "false", 0}, {"FALSE", "false", 0},
		{"tRUE", `"tRUE"`, 0}, {"yes", `"yes"`, 0}, {"No", `"No"`, 0}, {"on", `"on"`, 0}, {"OFF", `"OFF"`, 0}, {"y", `"y"`, 0},
		{`"true"`, `"true"`, 0},
		// int: decimal (leading zeros are decimal, not octal), 0o octal, 0x hex
		{"0", "0", 0}, {"12", "12", 0}, {"+12", "12", 0}, {"-12", "-12", 0}, {"-0", "0", 0},
		{"0100", "100", 0}, {"02024", "2024", 0}, {"007", "7", 0}, {"0o17", "15", 0}, {"0o0", "0", 0},
		{"0x1F", "31", 0}, {"0xff", "255", 0}, {"0x0", "0", 0},
		{"123456789012345678901234567890", "123456789012345678901234567890", 0},
		// not core-schema numbers: YAML 1.1 forms are strings
		{"0b101", `"0b101"`, 0}, {"1_000", `"1_000"`, 0}, {"0O17", `"0O17"`, 0}, {"0X1F", `"0X1F"`, 0},
		{"1:20", `"1:20"`, 0}, {"0o8", `"0o8"`, 0}, {"0xg", `"0xg"`, 0}, {"+0x1", `"+0x1"`, 0}, {"1e", `"1e"`, 0},
		{"2024-05-01", `"2024-05-01"`, 0}, {"12 monkeys", `"12 monkeys"`, 0}, {"'12'", `"12"`, 0},
		// float
		{"1.5", "1.5", 0}, {"-1.5", "-1.5", 0}, {"+1.5", "1.5", 0}, {".5", "0.5", 0}, {"-.5", "-0.5", 0}, {"5.", "5", 0},
		{"1e3", "1e3", 0}, {"1E3", "1E3", 0}, {"1.5e-3", "1.5e-3", 0}, {"2.5E+2", "2.5E+2", 0}, {"01.5", "1.5", 0}, {"1e-400", "1e-400", 0},
		// floats JSON cannot hold: one problem each, and null
		{".inf", "null", 1}, {".Inf", "null", 1}, {".INF", "null", 1}, {"+.inf", "null", 1}, {"-.inf", "null", 1}, {"-.Inf", "null", 1},
		{".nan", "null", 1}, {".NaN", "null", 1}, {".NAN", "null", 1}, {"1e400", "null", 1}, {"-1e400", "null", 1},
		{"1" + strings.Repeat("0", 400), "null", 1},
		{".Nan", `".Nan"`, 0}, {"inf", `"inf"`, 0}, {"nan", `"nan"`, 0},
		// explicit tags win
		{"!!str 12", `"12"`, 0}, {"!!int '12'", "12", 0}, {"!!float 1", "1", 0}, {"!!bool true", "true", 0}, {"!!null ''", "null", 0},
		{"!!int abc", "null", 1},
	}
	for _, tc := range cases {
		src := "v: " + tc.src + "\n"
		d := Decode(NewLineIndex([]byte(src)), FormatYAML, 0, len(src), "front matter")
		if d.Failed {
			t.Errorf("%q: %+v", tc.src, d.Problems)
			continue
		}
		got, _ := json.Marshal(d.Value.(map[string]any)["v"])
		if string(got) != tc.value || len(d.Problems) != tc.problems {
			t.Errorf("%q = %s with %d problems %v, want %s with %d", tc.src, got, len(d.Problems), d.Problems, tc.value, tc.problems)
		}
		for _, p := range d.Problems {
			if p.Kind != ProblemNumber || p.Pointer != "/v" || p.Span.Start.Column != 4 {
				t.Errorf("%q: problem %+v, want a number problem at /v, column 4", tc.src, p)
			}
		}
	}
}

// TestYAMLIndicatorValues: a value YAML reads as a tag or a bare anchor
// parses, but is reported where it is, not silently changed.
func TestYAMLIndicatorValues(t *testing.T) {
	for src, want := range map[string]string{
		"title: !Important notice\n": `YAML reads !Important as a tag, not as part of the value; quote the value if the "!" is text: "!Important notice"`,
		"title: &Co\n":               `YAML reads &Co as an anchor name, leaving the value empty; quote the value if the "&" is text: "&Co"`,
	} {
		d := Decode(NewLineIndex([]byte(src)), FormatYAML, 0, len(src), "front matter")
		if d.Failed || len(d.Problems) != 1 || d.Problems[0].Message != want || d.Problems[0].Span.Start.Column != 8 {
			t.Errorf("%q: %+v", src, d.Problems)
		}
	}
}
