package lint_test

import (
	"context"
	"os"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// BenchmarkCrossEntries10k lints 10,000 generated entries with the
// built-in configuration three ways: with the checks across entries off
// (nothing collected, no finish step), as built in (title, website and
// contact_email unique; links to anchors checked), and with tags and
// location as vocabularies too. The ratio of the last two to the first is
// what the checks across entries cost (docs/performance.md).
func BenchmarkCrossEntries10k(b *testing.B) {
	const n = 10000
	dir := writeCorpus(b, n)
	cat, builtinCfg := builtin(b)
	// Copies: the built-in configuration is shared by every test.
	variant := func(severities lint.Severities, vocabulary []string) *lint.Config {
		cfg := *builtinCfg
		coll := *builtinCfg.Collections[0]
		coll.Vocabulary = vocabulary
		cfg.Collections = []*lint.Collection{&coll}
		cfg.Severities = severities
		return &cfg
	}
	fsys := os.DirFS(dir)
	for _, v := range []struct {
		name string
		cfg  *lint.Config
	}{
		{"off", variant(lint.Severities{"unique-value": lint.SeverityOff, "link-anchor": lint.SeverityOff}, nil)},
		{"builtin", variant(nil, nil)},
		{"all", variant(nil, []string{"tags", "location"})},
	} {
		b.Run(v.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				res, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: []string{"."}, Config: v.cfg, Catalogue: cat, Jobs: 2})
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
