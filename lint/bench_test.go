package lint_test

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/corpus"
)

const seedPath = "../testdata/ok/seed.md"

func seedEntry(b *testing.B) []byte {
	b.Helper()
	src, err := os.ReadFile(seedPath)
	if err != nil {
		b.Fatal(err)
	}
	return src
}

// splitSeed returns the seed's front matter (with delimiters) and its body.
func splitSeed(b *testing.B) (fm, body []byte) {
	src := seedEntry(b)
	i := bytes.Index(src[3:], []byte("\n---\n"))
	if i < 0 {
		b.Fatal("seed has no closing delimiter")
	}
	return src[:i+8], src[i+8:]
}

// BenchmarkEntry lints the seed entry end to end (parse, every rule, findings).
func BenchmarkEntry(b *testing.B) {
	l := defaultLinter(b, 1)
	src := seedEntry(b)
	c := l.CollectionFor(seedPath)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if f := l.LintSource(seedPath, src, c); len(f) != 0 {
			b.Fatalf("seed has findings: %v", f)
		}
	}
}

// BenchmarkSplit parses a front-matter-only entry with an empty body: the
// splitter and the YAML decoder, with a trivial Markdown parse.
func BenchmarkSplit(b *testing.B) {
	fm, _ := splitSeed(b)
	p := lint.NewParser()
	b.ReportAllocs()
	b.SetBytes(int64(len(fm)))
	for b.Loop() {
		if e := p.Parse("fm.md", fm); e.Data == nil {
			b.Fatal("no front matter data")
		}
	}
}

// BenchmarkYAML is BenchmarkSplit under the name the stage has in docs/performance.md.
func BenchmarkYAML(b *testing.B) { BenchmarkSplit(b) }

// BenchmarkSchema validates decoded front matter against the default schema.
func BenchmarkSchema(b *testing.B) {
	c := defaultLinter(b, 1).CollectionFor(seedPath)
	e := lint.NewParser().Parse(seedPath, seedEntry(b))
	b.ReportAllocs()
	for b.Loop() {
		if v := c.Schema.Validate(e.Data); len(v) != 0 {
			b.Fatalf("violations: %v", v)
		}
	}
}

// BenchmarkMarkdown parses a body-only file (no front matter): CommonMark + GFM.
func BenchmarkMarkdown(b *testing.B) {
	_, body := splitSeed(b)
	p := lint.NewParser()
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if e := p.Parse("body.md", body); e.Body == nil {
			b.Fatal("no body")
		}
	}
}

// BenchmarkRules runs every catalogue rule on a pre-parsed seed entry.
func BenchmarkRules(b *testing.B) {
	l := defaultLinter(b, 1)
	c := l.CollectionFor(seedPath)
	src := seedEntry(b)
	rules := l.Catalogue.Rules()
	b.ReportAllocs()
	for b.Loop() {
		// A fresh entry each time: rules share what they derive from one.
		b.StopTimer()
		e := l.Parser.Parse(seedPath, src)
		b.StartTimer()
		for _, r := range rules {
			if d := r.Check(e, c, nil); len(d) != 0 {
				b.Fatalf("%s: %v", r.ID, d)
			}
		}
	}
}

func BenchmarkCorpus1k(b *testing.B)  { benchCorpus(b, 1000) }
func BenchmarkCorpus10k(b *testing.B) { benchCorpus(b, 10000) }

// benchCorpus generates n clean entries once, outside the timer, and lints
// them all with LintFiles, with one and with two workers.
func benchCorpus(b *testing.B, n int) {
	dir := b.TempDir()
	if _, err := corpus.Generate(dir, n, 1, 0); err != nil {
		b.Fatal(err)
	}
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, jobs := range []int{1, 2} {
		b.Run("jobs="+string(rune('0'+jobs)), func(b *testing.B) {
			l := defaultLinter(b, jobs)
			b.ReportAllocs()
			for b.Loop() {
				ch := make(chan string, 64)
				go func() {
					for _, f := range files {
						ch <- f
					}
					close(ch)
				}()
				res := l.LintFiles(context.Background(), ch)
				if res.Files != n || len(res.Findings) != 0 {
					b.Fatalf("linted %d files with %d findings, want %d and 0", res.Files, len(res.Findings), n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}
