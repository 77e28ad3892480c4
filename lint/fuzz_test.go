package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
)

// seedCorpus adds every fixture in testdata to a fuzz target.
func seedCorpus(f *testing.F) {
	for _, pattern := range []string{"../testdata/ok/*.md", "../testdata/err/*.md", "../testdata/examples/*.md", "testdata/rules/*/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if src, err := os.ReadFile(name); err == nil {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("+++\ntitle = 1\n+++\n"))
	f.Add([]byte("{\n\"a\": [1, {\"b\": null}]\n}\n\nbody"))
	f.Add([]byte(";;;\n{\"a\": 1,\n \"a\": 1e400}\n;;;\n"))
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

// checkEntry fails when a location or problem lies outside src, a problem
// names a rule the catalogue does not have, or the data cannot be written
// as JSON.
func checkEntry(t *testing.T, cat *lint.Catalogue, src []byte, e *lint.Entry) {
	t.Helper()
	for ptr, loc := range e.Locations {
		checkSpan(t, src, "value at "+ptr, loc.Value)
		if !loc.Key.IsZero() {
			checkSpan(t, src, "key at "+ptr, loc.Key)
		}
	}
	for _, d := range e.Problems {
		if d.Rule == nil || d.Message == "" {
			t.Fatalf("problem without a rule or message: %+v", d)
		}
		if cat.Rule(d.Rule.ID) != d.Rule {
			t.Fatalf("problem of rule %s, which is not the catalogue's", d.Rule.ID)
		}
		checkSpan(t, src, d.Rule.ID, d.Span)
	}
	if e.Data != nil {
		if _, err := json.Marshal(e.Data); err != nil {
			t.Fatalf("data is not JSON: %v\n%#v", err, e.Data)
		}
	}
	if e.BodyOffset < 0 || e.BodyOffset > len(src) {
		t.Fatalf("body offset %d outside the %d-byte file", e.BodyOffset, len(src))
	}
}

// FuzzParse checks front matter detection, splitting and decoding: every
// recorded location and problem lies inside the file.
func FuzzParse(f *testing.F) {
	seedCorpus(f)
	cat := lint.DefaultCatalogue()
	p := lint.NewParser()
	f.Fuzz(func(t *testing.T, src []byte) {
		e := p.Parse("fuzz.md", src)
		checkEntry(t, cat, src, e)
	})
}

// FuzzLint runs the whole "lint one file" path with the default
// configuration: findings lie inside the file, name a rule of the
// catalogue, are sorted, and are the same on a second run.
func FuzzLint(f *testing.F) {
	seedCorpus(f)
	cat, cfg := builtin(f)
	// An empty folder: relative links are checked, and all missing.
	l := lint.NewLinter(cat, cfg, fstest.MapFS{}, 0)
	c := cfg.CollectionFor("fuzz.md")
	f.Fuzz(func(t *testing.T, src []byte) {
		first := l.LintSource("fuzz.md", src, c)
		for _, fd := range first {
			if fd.Rule == nil || cat.Rule(fd.Rule.ID) != fd.Rule {
				t.Fatalf("finding with a rule that is not the catalogue's: %+v", fd)
			}
			checkSpan(t, src, fd.Rule.ID, fd.Span)
			if fd.Rule.ID == "internal-error" {
				t.Fatalf("a check panicked: %s", fd.Message)
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
