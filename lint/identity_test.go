package lint

import "testing"

func TestFindingValue(t *testing.T) {
	for _, tc := range []struct {
		name                            string
		line                            string
		startLine, col, endLine, endCol int
		want                            string
	}{
		{"a value", `featured: "yes"`, 1, 11, 1, 16, `"yes"`},
		{"trimmed", `  - data  `, 1, 3, 1, 11, `- data`},
		{"code points, not bytes", `title: "Café Ünï"`, 1, 8, 1, 18, `"Café Ünï"`},
		{"several lines: to the end of the first", "```go", 1, 1, 3, 4, "```go"},
		{"empty span", `social:`, 1, 8, 1, 8, ""},
		{"no position", `x`, 0, 0, 0, 0, ""},
		{"past the end", `abc`, 1, 2, 1, 99, "bc"},
		{"reversed", `abc`, 1, 3, 1, 1, "c"},
	} {
		f := Finding{SourceLine: tc.line, Diagnostic: Diagnostic{Span: Span{
			Start: Pos{Line: tc.startLine, Column: tc.col}, End: Pos{Line: tc.endLine, Column: tc.endCol}}}}
		if got := f.Value(); got != tc.want {
			t.Errorf("%s: Value() = %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestFindingSection: body findings carry the heading they sit under,
// front matter findings none.
func TestFindingSection(t *testing.T) {
	src := "---\ntitle: \"T\"\nfeatured: \"yes\"\n---\nIntro ![](a.png)\n\n## Our Mission\n\n![](b.png)\n\n### Detail\n\n![](c.png)\n"
	l := NewLinter(DefaultCatalogue(), &Config{}, nil, 0)
	coll := &Collection{Name: "c", Include: []string{"**"}}
	want := map[string]string{"a.png": "", "b.png": "Our Mission", "c.png": "Detail"}
	seen := 0
	for _, f := range l.LintSource("e.md", []byte(src), coll) {
		if f.Rule.ID != "image-alt" {
			continue
		}
		for img, section := range want {
			if f.Value() == "![]("+img+")" {
				seen++
				if f.Section != section {
					t.Errorf("%s: section %q, want %q", img, f.Section, section)
				}
			}
		}
	}
	if seen != 3 {
		t.Errorf("found %d of the 3 image-alt findings", seen)
	}
}
