package lint

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// referenceNormalizeHeading is NormalizeHeading as first written, with a
// regular expression and one string function per step: slow, but each step
// plainly what the documentation says. The one-pass version must agree.
func referenceNormalizeHeading(s string) string {
	s = referenceHeadingAttributes.ReplaceAllString(s, "")
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isEmoji(r) })
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ":.!?… ")
	return strings.ToLower(s)
}

var referenceHeadingAttributes = regexp.MustCompile(`\s*\{\s*(?:[#.][^{}\s]+|[A-Za-z][\w-]*=[^{}\s]*)(?:\s+(?:[#.][^{}\s]+|[A-Za-z][\w-]*=[^{}\s]*))*\s*\}\s*$`)

var normalizeSeeds = []string{
	"Our Mission", "  OUR   Mission ", "Our mission:", "🚀 Our Mission {#mission}", "Our Mission ✨",
	"Our Mission { #mission .lead data-x=1 }", "Our {Mission}", "x {#a}{#b}", "x { }", "x {#}", "x {1=2}",
	"x {a=}", "x {a-b_c=d=e}", "x {#a\u00a0b}", "Get Involved ! ?", "?!", "Résumé…", "ÉQUIPE", "a\u2028b",
	"x {#a} ", "{#a}", "x\t{.c}\n", "İstanbul", "ǅ", "Who We Are 👩\u200d💻\ufe0f", "Data ❤ Glasgow",
	strings.Repeat("Long heading ", 20),
}

func TestNormalizeHeadingMatchesReference(t *testing.T) {
	for _, s := range normalizeSeeds {
		if got, want := NormalizeHeading(s), referenceNormalizeHeading(s); got != want {
			t.Errorf("NormalizeHeading(%q) = %q, reference %q", s, got, want)
		}
	}
}

func FuzzNormalizeHeading(f *testing.F) {
	for _, s := range normalizeSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // heading text is decoded from a file already checked to be UTF-8
		}
		if got, want := NormalizeHeading(s), referenceNormalizeHeading(s); got != want {
			t.Errorf("NormalizeHeading(%q) = %q, reference %q", s, got, want)
		}
	})
}

func TestNormalizeHeadingAllocations(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { NormalizeHeading("Our Mission {#mission}") }); n > 1 {
		t.Errorf("NormalizeHeading allocates %v times, want at most 1 (the result)", n)
	}
	if n := testing.AllocsPerRun(100, func() { NormalizeHeading("our mission") }); n != 0 {
		t.Errorf("NormalizeHeading of a normal heading allocates %v times, want 0", n)
	}
}
