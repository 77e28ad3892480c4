package lint_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// seedCorpus adds every fixture in testdata to a fuzz target.
func seedCorpus(f *testing.F) {
	for _, pattern := range []string{"../testdata/ok/*.md", "../testdata/err/*.md", "../testdata/examples/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if src, err := os.ReadFile(name); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("+++\ntitle = 1\n+++\n"))
	f.Add([]byte("{\n\"a\": [1, {\"b\": null}]\n}\n\nbody"))
}

// checkSpan fails when a span lies outside the file or is malformed.
func checkSpan(t *testing.T, src []byte, what string, s lint.Span) {
	t.Helper()
	if s.Start.Offset < 0 || s.End.Offset > len(src) || s.Start.Offset > s.End.Offset {
		t.Fatalf("%s: span %+v outside the %d-byte file", what, s, len(src))
	}
	if s.Start.Line < 1 || s.Start.Column < 1 || s.End.Line < s.Start.Line || s.End.Column < 1 ||
		(s.End.Line == s.Start.Line && s.End.Column < s.Start.Column) {
		t.Fatalf("%s: bad position %+v", what, s)
	}
}

// FuzzParse checks front matter detection, splitting and decoding: every
// recorded location and problem lies inside the file.
func FuzzParse(f *testing.F) {
	seedCorpus(f)
	p := lint.NewParser()
	f.Fuzz(func(t *testing.T, src []byte) {
		e := p.Parse("fuzz.md", src)
		if e.BodyOffset < 0 || e.BodyOffset > len(src) {
			t.Fatalf("body offset %d outside the file", e.BodyOffset)
		}
		checkEntry(t, src, e)
	})
}

// FuzzLint runs the whole "lint one file" path with the default
// configuration: findings lie inside the file, are sorted, and are the same
// on a second run.
func FuzzLint(f *testing.F) {
	seedCorpus(f)
	l := defaultLinter(f, 1)
	c := l.CollectionFor("fuzz.md")
	f.Fuzz(func(t *testing.T, src []byte) {
		first := l.LintSource("fuzz.md", src, c)
		for _, fd := range first {
			checkSpan(t, src, fd.Rule, fd.Span)
			if l.Catalogue.Rule(fd.Rule) == nil {
				t.Fatalf("finding with unknown rule id %q", fd.Rule)
			}
			if fd.Rule == "internal-error" {
				t.Fatalf("a rule panicked: %s", fd.Message)
			}
		}
		if !slices.IsSortedFunc(first, lint.Compare) {
			t.Fatal("findings are not sorted")
		}
		second := l.LintSource("fuzz.md", src, c)
		if !bytes.Equal(render(t, first), render(t, second)) {
			t.Fatal("two runs over the same input differ")
		}
	})
}
