package linttest

import (
	"slices"
	"strconv"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

func TestExpectations(t *testing.T) {
	src := "---\n" +
		"title: 42  # want \"expected a string\"\n" +
		"tags: [a, a]  # want \"repeats\" \"\\\\[schema-constraint\\\\]\"\n" +
		"# want:1 \"opened\"\n" +
		"---\n" +
		"[link](htps://x.org) <!-- want \"unsupported scheme\" --> <!-- want \"second comment\" -->\n" +
		"<!-- want:9 \"far away\" -->\n" +
		"<!--want \"no space\"-->\n" +
		"not a want: # wants \"x\" and want \"y\"\n"
	wants, err := Expectations([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range wants {
		got = append(got, strconv.Itoa(w.Line)+" "+w.Pattern.String())
	}
	want := []string{
		"2 expected a string",
		"3 repeats", `3 \[schema-constraint\]`,
		"1 opened",
		"6 unsupported scheme", "6 second comment",
		"9 far away",
		"8 no space",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Expectations =\n  %q\nwant\n  %q", got, want)
	}
	for _, bad := range []string{"# want \"unclosed [\"\n", "x <!-- want \"\\q\" -->\n"} {
		if _, err := Expectations([]byte(bad)); err == nil {
			t.Errorf("Expectations(%q) accepted a bad want", bad)
		}
	}
}

func TestMatch(t *testing.T) {
	r := &lint.Rule{ID: "demo"}
	at := func(line int, msg string) lint.Finding {
		return lint.Finding{Diagnostic: lint.Diagnostic{Rule: r, Message: msg, Span: lint.Span{Start: lint.Pos{Line: line, Column: 3}}}}
	}
	wants, err := Expectations([]byte("a # want \"one\" \"one\"\nb # want \"^two \\\\[demo\\\\]$\"\nc # want \"three\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	// Each want meets one finding; a finding on another line than its want
	// does not meet it.
	if p := Match(wants, []lint.Finding{at(1, "one"), at(1, "one again"), at(2, "two"), at(3, "three")}); len(p) != 0 {
		t.Errorf("Match reported %q, want nothing", p)
	}
	got := Match(wants, []lint.Finding{at(1, "one"), at(1, "one"), at(1, "one"), at(2, "two!"), at(4, "three")})
	want := []string{
		"1:3: unexpected finding: one [demo]",
		"2:3: unexpected finding: two! [demo]",
		"4:3: unexpected finding: three [demo]",
		`2: no finding matches want "^two \\[demo\\]$"`,
		`3: no finding matches want "three"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("Match =\n  %q\nwant\n  %q", got, want)
	}
}

// TestRun lints a fixture folder of package lint, whose wants hold.
func TestRun(t *testing.T) {
	cat := lint.DefaultCatalogue()
	Run(t, cat.Rule("description-length"), "../testdata/rules/description-length")
}
