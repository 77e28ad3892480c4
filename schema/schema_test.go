package schema

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func load(t *testing.T, name string) *Validator {
	t.Helper()
	v, err := Load(name, Options{Formats: map[string]func(string) error{
		"shout": func(s string) error {
			if strings.ToUpper(s) != s {
				return errors.New("must be in capitals")
			}
			return nil
		},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return v
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
	v := load(t, DefaultName)
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
	dir := t.TempDir()
	path := filepath.Join(dir, "s.json")
	os.WriteFile(path, []byte(`{"properties": {"name": {"type": "string", "format": "shout"}, "when": {"format": "date"}}}`), 0o644)
	v := load(t, path)
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
		path := filepath.Join(dir, "main.json")
		os.WriteFile(path, []byte(src), 0o644)
		_, err := Load(path, Options{})
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
	dir := t.TempDir()
	cases := []struct{ src, want string }{
		{"{\n  \"type\": \"object\"\n  \"x\": 1\n}", ":3:3: not valid JSON"},
		{"{\n  \"properties\": {\n    \"a\": {\"type\": \"text\"}\n  }\n}", ":3:11: invalid schema at /properties/a/type"},
		{"{\"minLength\": -1}", ":1:2: invalid schema at /minLength"},
	}
	for i, tc := range cases {
		path := filepath.Join(dir, "s"+string(rune('a'+i))+".json")
		os.WriteFile(path, []byte(tc.src), 0o644)
		_, err := Load(path, Options{})
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
		load(t, n)
	}
	if _, err := Load("builtin:nope", Options{}); err == nil || !strings.Contains(err.Error(), "community-entry") {
		t.Fatalf("unknown built-in: %v", err)
	}
}

// TestUnknownKeysOddNames: unknown keys with quotes, backslashes and digits
// are named exactly, in a stable order (the validator's own message lists
// them in map order).
func TestUnknownKeysOddNames(t *testing.T) {
	v := load(t, DefaultName)
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
