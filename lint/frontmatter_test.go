package lint

import "testing"

// TestForSplitting: lone CRs become line ends and indented delimiter
// look-alikes are masked, with every offset unchanged.
func TestForSplitting(t *testing.T) {
	cases := []struct{ in, want string }{
		{"---\na: 1\n---\n", "---\na: 1\n---\n"},
		{"---\ra: 1\r---\r", "---\na: 1\n---\n"},
		{"---\r\na: |\r\n  ---\r\n---\r\n", "---\r\na: |\r\n  #--\r\n---\r\n"},
		{"{\n\"a\": {\n  }\n\n}\n", "{\n\"a\": {\n  #\n\n}\n"},
		{"---\nx: \"---\"\n---\n", "---\nx: \"---\"\n---\n"},
		{"\t+++\n", "\t#++\n"},
	}
	for _, tc := range cases {
		got := string(forSplitting([]byte(tc.in)))
		if got != tc.want {
			t.Errorf("forSplitting(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestIndentedDelimiterInBlockScalar: "  ---" inside a block scalar does not
// close the front matter.
func TestIndentedDelimiterInBlockScalar(t *testing.T) {
	e := NewParser().Parse("x.md", []byte("---\ndescription: |\n  one\n  ---\n  two\ntitle: \"T\"\n---\nBody\n"))
	if len(e.Problems) != 0 {
		t.Fatalf("problems: %+v", e.Problems)
	}
	if e.Data["description"] != "one\n---\ntwo\n" || e.Data["title"] != "T" {
		t.Fatalf("data: %#v", e.Data)
	}
	if e.Close.Start.Line != 7 {
		t.Fatalf("closing delimiter on line %d, want 7", e.Close.Start.Line)
	}
}

// TestJSONDuplicateValueProblems: a problem inside a duplicate key's value
// names the key's own path, and the first occurrence keeps its position.
func TestJSONDuplicateValueProblems(t *testing.T) {
	e := NewParser().Parse("x.md", []byte(";;;\n{\"a\": 1,\n \"a\": 1e400}\n;;;\n"))
	var fields []string
	for _, p := range e.Problems {
		fields = append(fields, p.Rule.ID+" "+p.Field)
	}
	if len(fields) != 2 || fields[0] != "frontmatter-duplicate-key a" || fields[1] != "frontmatter-number a" {
		t.Fatalf("problems %q", fields)
	}
	if line := e.Locate("/a").Value.Start.Line; line != 2 {
		t.Fatalf("/a located on line %d, want the first occurrence's line 2", line)
	}
}
