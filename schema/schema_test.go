package schema

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// shout is a custom format for the tests: text in capitals.
var shout = Options{Formats: map[string]func(string) error{
	"shout": func(s string) error {
		if strings.ToUpper(s) != s {
			return errors.New("must be in capitals")
		}
		return nil
	},
}}

// load compiles a built-in schema, or the file name of fsys.
func load(t *testing.T, fsys fs.FS, name string) *Validator {
	t.Helper()
	v, err := Load(fsys, name, shout)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// files is an in-memory file system of schemas.
func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range m {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

func decode(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestViolations pins the plain-worded message and pointer of each kind of
// leaf cause against the built-in community-entry schema.
func TestViolations(t *testing.T) {
	v := load(t, nil, DefaultName)
	base := `"title": "T", "description": "D", "location": "L", "website": "https://a.org", "contact_email": "a@a.org"`
	cases := []struct {
		name, data string
		want       []Violation
	}{
		{"clean", `{` + base + `}`, nil},
		{"missing required", `{"title": "T", "description": "D", "location": "L", "website": "https://a.org"}`,
			[]Violation{{"/contact_email", KindRequired, `required field is missing; add "contact_email: ..."`}}},
		{"unknown field with suggestion", `{` + base + `, "contactemail": "x"}`,
			[]Violation{{"/contactemail", KindUnknownField, `unknown field; did you mean "contact_email"?`}}},
		{"unknown nested field", `{` + base + `, "social": {"twiter": "x"}}`,
			[]Violation{{"/social/twiter", KindUnknownField, `unknown field; did you mean "twitter"?`}}},
		{"boolean as string", `{` + base + `, "featured": "yes"}`,
			[]Violation{{"/featured", KindType, `expected a boolean (true or false), got the string "yes"; write true`}}},
		{"quoted true", `{` + base + `, "featured": "true"}`,
			[]Violation{{"/featured", KindType, `expected a boolean (true or false), got the string "true"; remove the quotes`}}},
		{"string as number", `{` + base + `, "location": 12}`,
			[]Violation{{"/location", KindType, `expected a string (text), got the number 12; put the value in quotes`}}},
		{"list as string", `{` + base + `, "tags": "a"}`,
			[]Violation{{"/tags", KindType, `expected a list, got the string "a"; write it as a list, one "- item" per line`}}},
		{"empty string", `{` + base + `, "tags": [""]}`,
			[]Violation{{"/tags/0", KindConstraint, `must not be empty`}}},
		{"duplicate item", `{` + base + `, "tags": ["a", "b", "a"]}`,
			[]Violation{{"/tags/2", KindConstraint, `repeats item 1 (the string "a"); remove the duplicate`}}},
		{"every duplicate item", `{` + base + `, "tags": ["a", "b", "a", "b", "a"]}`,
			[]Violation{
				{"/tags/2", KindConstraint, `repeats item 1 (the string "a"); remove the duplicate`},
				{"/tags/3", KindConstraint, `repeats item 2 (the string "b"); remove the duplicate`},
				{"/tags/4", KindConstraint, `repeats item 1 (the string "a"); remove the duplicate`},
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := v.Validate(decode(t, tc.data))
			if len(got) != len(tc.want) {
				t.Fatalf("got %d violations %+v, want %+v", len(got), got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("violation %d:\n got %+v\nwant %+v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestFormatsExplain: a format's validator message is the violation's message.
func TestFormatsExplain(t *testing.T) {
	v := load(t, files(map[string]string{"s.json": `{"properties": {"name": {"type": "string", "format": "shout"}, "when": {"format": "date"}}}`}), "s.json")
	got := v.Validate(decode(t, `{"name": "quiet", "when": "2024-02-31"}`))
	want := []Violation{
		{"/name", KindFormat, "must be in capitals"},
		{"/when", KindFormat, `"2024-02-31" is not a valid date`},
	}
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

// TestRefConfinement: $ref reads only files in the schema's folder, never
// a parent folder, a symbolic link out of it, or the network.
func TestRefConfinement(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "schemas")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(root, "secret.json"), []byte(`{"type": "object"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "part.json"), []byte(`{"type": "string"}`), 0o644)
	canLink := os.Symlink(filepath.Join(root, "secret.json"), filepath.Join(dir, "link.json")) == nil
	cases := map[string]string{
		`{"properties": {"a": {"$ref": "part.json"}}}`:                    "",
		`{"$ref": "../secret.json"}`:                                      "outside the schema's folder",
		`{"$ref": "link.json"}`:                                           "through a symbolic link",
		`{"$ref": "https://example.org/s.json"}`:                          "never to the network",
		`{"$ref": "file:///etc/passwd"}`:                                  "outside the schema's folder",
		`{"properties": {"a": {"$ref": "http://127.0.0.1:1/s.json#/x"}}}`: "never to the network",
	}
	for src, want := range cases {
		if strings.Contains(src, "link.json") && !canLink {
			continue // no symbolic links on this system (Windows without the privilege)
		}
		os.WriteFile(filepath.Join(dir, "main.json"), []byte(src), 0o644)
		_, err := Load(os.DirFS(root), "schemas/main.json", Options{})
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", src, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: error %v, want it to say %q", src, err, want)
		}
	}
}

// TestCompileErrorPositions: a schema that is not JSON, or breaks the
// meta-schema, is reported at its line and column.
func TestCompileErrorPositions(t *testing.T) {
	cases := []struct{ src, want string }{
		{"{\n  \"type\": \"object\"\n  \"x\": 1\n}", ":3:3: not valid JSON"},
		{"{\n  \"properties\": {\n    \"a\": {\"type\": \"text\"}\n  }\n}", ":3:11: invalid schema at /properties/a/type"},
		{"{\"minLength\": -1}", ":1:2: invalid schema at /minLength"},
	}
	for i, tc := range cases {
		name := "s" + string(rune('a'+i)) + ".json"
		_, err := Load(files(map[string]string{name: tc.src}), name, Options{})
		var cerr *CompileError
		if !errors.As(err, &cerr) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestClosest(t *testing.T) {
	keys := []string{"contact_email", "title", "website"}
	for name, want := range map[string]string{"contactemail": "contact_email", "Title": "title", "webiste": "website", "zzzzzz": ""} {
		if got := Closest(name, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestBuiltins(t *testing.T) {
	names := BuiltinNames()
	if strings.Join(names, ",") != "builtin:community-entry,builtin:config" {
		t.Fatalf("built-in schemas: %v", names)
	}
	for _, n := range names {
		load(t, nil, n)
	}
	if _, err := Load(nil, "builtin:nope", Options{}); err == nil || !strings.Contains(err.Error(), "community-entry") {
		t.Fatalf("unknown built-in: %v", err)
	}
}

// TestUnknownKeysOddNames: unknown keys with quotes, backslashes and digits
// are named exactly, in a stable order (the validator's own message lists
// them in map order).
func TestUnknownKeysOddNames(t *testing.T) {
	v := load(t, nil, DefaultName)
	data := decode(t, `{"title": "T", "description": "D", "location": "L", "website": "https://a.org", "contact_email": "a@a.org", "\\": 1, "0": 2, "it's": 3, "a\"b": 4}`)
	var first []Violation
	for i := 0; i < 20; i++ {
		got := v.Validate(data)
		if i == 0 {
			first = got
			var ptrs []string
			for _, g := range got {
				ptrs = append(ptrs, g.Pointer)
			}
			if strings.Join(ptrs, " ") != `/0 /\ /a"b /it's` {
				t.Fatalf("pointers %q", ptrs)
			}
		} else if !slices.Equal(got, first) {
			t.Fatalf("run %d differs: %+v vs %+v", i, got, first)
		}
	}
}

// TestUnevaluatedProperties: each key unevaluatedProperties rejects is an
// unknown field at its own pointer, odd names included, found from the
// validator's instance location and not from its message.
func TestUnevaluatedProperties(t *testing.T) {
	v := load(t, files(map[string]string{"s.json": `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "allOf": [{"properties": {"title": {"type": "string"}}}],
  "properties": {"social": {"properties": {"twitter": {}}, "unevaluatedProperties": false}},
  "unevaluatedProperties": false
}`}), "s.json")
	got := v.Validate(decode(t, `{"title": "T", "titel": 1, "it's \"x\"": 2, "a/b~c": 3, "social": {"twiter": "x"}}`))
	want := []Violation{
		{`/a~1b~0c`, KindUnknownField, `unknown field; allowed fields are social`},
		{`/it's "x"`, KindUnknownField, `unknown field; allowed fields are social`},
		{`/social/twiter`, KindUnknownField, `unknown field; did you mean "twitter"?`},
		{`/titel`, KindUnknownField, `unknown field; allowed fields are social`},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

// TestRepeatsCompareAsJSON: repeated items are found by JSON equality, so
// 1 and 1.0 are the same item and objects compare by members.
func TestRepeatsCompareAsJSON(t *testing.T) {
	list := decode(t, `[1, 1.0, {"a": [1, "x"]}, {"a": [1, "x"]}, "1", true, true, null, null, {"a": [1]}]`).([]any)
	want := []int{-1, 0, -1, 2, -1, -1, 5, -1, 7, -1}
	if got := repeats(list); !slices.Equal(got, want) {
		t.Fatalf("repeats = %v, want %v", got, want)
	}
}

// TestCompileFromBytes: init compiles the schema it infers from memory; its
// $ref may read the built-in schemas but no file.
func TestCompileFromBytes(t *testing.T) {
	if _, err := Compile("inferred", []byte(`{"$ref": "builtin:///community-entry.schema.json"}`), Options{}); err != nil {
		t.Fatalf("built-in $ref: %v", err)
	}
	_, err := Compile("inferred", []byte(`{"$ref": "other.json"}`), Options{})
	if err == nil || !strings.Contains(err.Error(), "never to the network") && !strings.Contains(err.Error(), "not allowed") {
		t.Fatalf("file $ref from memory: %v", err)
	}
}

func TestKindNames(t *testing.T) {
	for k, want := range map[Kind]string{KindConstraint: "constraint", KindRequired: "required", KindUnknownField: "unknown-field", KindType: "type", KindFormat: "format", KindEnum: "enum", Kind(99): "constraint"} {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, k.String(), want)
		}
	}
}

// TestOddKeysLocated: a violation inside a key with spaces, quotes or "%"
// names the key exactly and describes its value. (The validator
// percent-encodes instance locations; read as plain pointers they named no
// value, and the message said "null".)
func TestOddKeysLocated(t *testing.T) {
	v := load(t, files(map[string]string{"s.json": `{"additionalProperties": {"type": "string"}}`}), "s.json")
	got := v.Validate(decode(t, `{"my key": 1, "100%": true, "a\"b": [1]}`))
	want := []Violation{
		{`/100%`, KindType, `expected a string (text), got the boolean true; put the value in quotes`},
		{`/a"b`, KindType, `expected a string (text), got a list`},
		{`/my key`, KindType, `expected a string (text), got the number 1; put the value in quotes`},
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

// TestRefErrorsLocated: a $ref that may not or cannot be read is reported
// at the $ref, found from the schema itself; meta-schema refs are fine.
func TestRefErrorsLocated(t *testing.T) {
	fsys := files(map[string]string{
		"s/main.json": "{\n  \"properties\": {\n    \"a\": {\"$ref\": \"missing.json\"}\n  }\n}",
		"s/net.json":  "{\"allOf\": [{\"$ref\": \"https://example.org/x.json\"}]}",
		"s/meta.json": "{\"$ref\": \"https://json-schema.org/draft/2020-12/schema\"}",
	})
	for name, want := range map[string]string{
		"s/main.json": `s/main.json:3:19: $ref "missing.json" names no file in the schema's folder s`,
		"s/net.json":  `s/net.json:1:21: $ref "https://example.org/x.json" is not allowed`,
		"s/meta.json": "",
	} {
		_, err := Load(fsys, name, Options{})
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: error %v, want %q", name, err, want)
		}
	}
}

// TestCountWording: counts in messages agree with their number.
func TestCountWording(t *testing.T) {
	cases := []struct{ schema, data, want string }{
		{`{"minItems": 1}`, `[]`, "must have at least 1 item; it has 0"},
		{`{"minItems": 2}`, `[1]`, "must have at least 2 items; it has 1"},
		{`{"maxItems": 1}`, `[1, 2]`, "must have at most 1 item; it has 2"},
		{`{"minLength": 2}`, `"a"`, "must be at least 2 characters long; it has 1"},
		{`{"maxLength": 1}`, `"ab"`, "must be at most 1 character long; it has 2"},
	}
	for _, tc := range cases {
		v, err := Compile("s.json", []byte(tc.schema), Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := v.Validate(decode(t, tc.data))
		if len(got) != 1 || got[0].Message != tc.want {
			t.Errorf("%s on %s: %+v, want %q", tc.schema, tc.data, got, tc.want)
		}
	}
}
