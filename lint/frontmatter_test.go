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
