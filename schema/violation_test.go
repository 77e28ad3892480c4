package schema

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestKeywordMessages pins the message of each keyword explain words itself,
// on a one-keyword schema. Bounds are written as the schema wrote them (1.5,
// not the 3/2 they once were), and only a string-typed field that holds a
// scalar gets the hint to quote it.
func TestKeywordMessages(t *testing.T) {
	cases := []struct {
		name, schema, data string
		want               []Violation
	}{
		{"const", `{"const": "x"}`, `"y"`,
			[]Violation{{"", KindEnum, `must be "x"; got the string "y"`}}},
		{"enum", `{"enum": ["a", 1, null]}`, `"y"`,
			[]Violation{{"", KindEnum, `must be one of "a", 1, null; got the string "y"`}}},
		{"pattern", `{"pattern": "^a+$"}`, `"b"`,
			[]Violation{{"", KindConstraint, `the string "b" does not match the pattern ^a+$`}}},
		{"minimum", `{"minimum": 1.5}`, `1`,
			[]Violation{{"", KindConstraint, `must be at least 1.5; got the number 1`}}},
		{"exclusiveMinimum", `{"exclusiveMinimum": 1}`, `1`,
			[]Violation{{"", KindConstraint, `must be more than 1; got the number 1`}}},
		{"maximum", `{"maximum": 2}`, `3`,
			[]Violation{{"", KindConstraint, `must be at most 2; got the number 3`}}},
		{"exclusiveMaximum", `{"exclusiveMaximum": -0.25}`, `0`,
			[]Violation{{"", KindConstraint, `must be less than -0.25; got the number 0`}}},
		{"multipleOf", `{"multipleOf": 0.5}`, `0.7`,
			[]Violation{{"", KindConstraint, `must be a multiple of 0.5; got the number 0.7`}}},
		{"string given null", `{"type": "string"}`, `null`,
			[]Violation{{"", KindType, `expected a string (text), got null (an empty value)`}}},
		{"string given a number", `{"type": "string"}`, `7`,
			[]Violation{{"", KindType, `expected a string (text), got the number 7; put the value in quotes`}}},
		{"string given a mapping", `{"type": "string"}`, `{"a": 1}`,
			[]Violation{{"", KindType, `expected a string (text), got a mapping`}}},
		{"string or null given a number", `{"type": ["string", "null"]}`, `1`,
			[]Violation{{"", KindType, `expected a string (text) or null, got the number 1; put the value in quotes`}}},
		{"boolean given off", `{"type": "boolean"}`, `"Off"`,
			[]Violation{{"", KindType, `expected a boolean (true or false), got the string "Off"; write false`}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Compile("s.json", []byte(tc.schema), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Validate(decode(t, tc.data)); !slices.Equal(got, tc.want) {
				t.Fatalf("got  %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestUnknownFieldWording: an unknown field with no likely typo lists the
// allowed fields when there are 1 to 15 of them, and says only "unknown
// field" when there are none or more than 15.
func TestUnknownFieldWording(t *testing.T) {
	fifteen := `"alpha": {}, "bravo": {}, "charlie": {}, "delta": {}, "echo": {}, "foxtrot": {}, "golf": {}, "hotel": {},
		"india": {}, "juliett": {}, "kilo": {}, "lima": {}, "mike": {}, "november": {}, "oscar": {}`
	cases := []struct{ name, schema, want string }{
		{"no fields", `{"additionalProperties": false}`, `unknown field`},
		{"one field", `{"properties": {"alpha": {}}, "additionalProperties": false}`,
			`unknown field; allowed fields are alpha`},
		{"fifteen fields", `{"properties": {` + fifteen + `}, "additionalProperties": false}`,
			`unknown field; allowed fields are alpha, bravo, charlie, delta, echo, foxtrot, golf, hotel, india, juliett, kilo, lima, mike, november, oscar`},
		{"sixteen fields", `{"properties": {` + fifteen + `, "papa": {}}, "additionalProperties": false}`,
			`unknown field`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v, err := Compile("s.json", []byte(tc.schema), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := v.Validate(decode(t, `{"zzzzzzzzzzzz": 1}`))
			want := []Violation{{"/zzzzzzzzzzzz", KindUnknownField, tc.want}}
			if !slices.Equal(got, want) {
				t.Fatalf("got  %+v\nwant %+v", got, want)
			}
		})
	}
}

// TestUniqueItemsFallback: when the validator finds equal items that
// repeats does not (json.Number 1 and float64 1 in one list), its own message
// is kept rather than the violation being lost.
func TestUniqueItemsFallback(t *testing.T) {
	v, err := Compile("s.json", []byte(`{"uniqueItems": true}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := v.Validate([]any{json.Number("1"), float64(1)})
	want := []Violation{{"", KindConstraint, "items at index 0 and 1 are equal"}}
	if !slices.Equal(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

// TestClosestTies: of candidates at the same distance, the first wins, so
// the suggestion does not depend on anything but the order of keys.
func TestClosestTies(t *testing.T) {
	cases := []struct {
		name string
		keys []string
		want string
	}{
		{"ab", []string{"ac", "ad"}, "ac"},
		{"ab", []string{"ad", "ac"}, "ad"},
		{"ab", []string{"xyz", "ad", "ac"}, "ad"},
		{"ab", nil, ""},
	}
	for _, tc := range cases {
		if got := Closest(tc.name, tc.keys); got != tc.want {
			t.Errorf("Closest(%q, %q) = %q, want %q", tc.name, tc.keys, got, tc.want)
		}
	}
}

func TestKeywordOf(t *testing.T) {
	cases := []struct{ abs, loc, keyword string }{
		{"file:///s.json#/properties/a/type", "file:///s.json#/properties/a", "type"},
		{"/type", "", "type"},
		{"type", "type", ""},
	}
	for _, tc := range cases {
		if loc, keyword := keywordOf(tc.abs); loc != tc.loc || keyword != tc.keyword {
			t.Errorf("keywordOf(%q) = %q, %q, want %q, %q", tc.abs, loc, keyword, tc.loc, tc.keyword)
		}
	}
}

// TestKindNamesOutOfRange: a Kind outside the named ones, just past the end
// or negative, is a constraint and does not panic.
func TestKindNamesOutOfRange(t *testing.T) {
	for _, k := range []Kind{6, -1} {
		if got := k.String(); got != "constraint" {
			t.Errorf("Kind(%d).String() = %q, want \"constraint\"", int(k), got)
		}
	}
}
