package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
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
	cat, cfg := builtin(b)
	l := lint.NewLinter(cat, cfg, nil, 0)
	src := seedEntry(b)
	c := cfg.CollectionFor("seed.md")
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if f := l.LintSource("seed.md", src, c); len(f) != 0 {
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
	_, cfg := builtin(b)
	c := cfg.CollectionFor("seed.md")
	e := lint.NewParser().Parse("seed.md", seedEntry(b))
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
		if e := p.Parse("body.md", body); !e.BodyChecked() {
			b.Fatal("no body")
		}
	}
}

// BenchmarkRules runs every check of the catalogue on a pre-parsed seed entry.
func BenchmarkRules(b *testing.B) {
	cat, cfg := builtin(b)
	l := lint.NewLinter(cat, cfg, nil, 0)
	c := cfg.CollectionFor("seed.md")
	src := seedEntry(b)
	p := lint.NewParser()
	b.ReportAllocs()
	for b.Loop() {
		// A fresh entry each time: checks share what they derive from one.
		b.StopTimer()
		e := p.Parse("seed.md", src)
		b.StartTimer()
		if f := l.CheckEntry(e, c, nil); len(f) != 0 {
			b.Fatalf("seed has findings: %v", f)
		}
	}
}

func BenchmarkCorpus1k(b *testing.B)  { benchCorpus(b, 1000) }
func BenchmarkCorpus10k(b *testing.B) { benchCorpus(b, 10000) }

// writeCorpus writes n clean generated entries (seed 1) to a new
// temporary folder and returns it.
func writeCorpus(b *testing.B, n int) string {
	dir := b.TempDir()
	files, _ := corpus.Build(n, 1, 0)
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

// benchCorpus writes n clean entries to a folder once, outside the timer,
// and lints the folder with Run, with one and with two workers.
func benchCorpus(b *testing.B, n int) {
	dir := writeCorpus(b, n)
	cat, cfg := builtin(b)
	fsys := os.DirFS(dir)
	for _, jobs := range []int{1, 2} {
		b.Run("jobs="+strconv.Itoa(jobs), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: cfg, Catalogue: cat, Jobs: jobs})
				if err != nil {
					b.Fatal(err)
				}
				if res.Files != n || len(res.Findings) != 0 {
					b.Fatalf("linted %d files with %d findings, want %d and 0", res.Files, len(res.Findings), n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}
