package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint/corpus"
)

// BenchmarkOneEntry is the pre-commit case inside the process: a run of the
// whole command on one clean generated entry with the built-in
// configuration, from argument parsing to the report. Process start-up and
// package initialisation come on top (docs/performance.md).
func BenchmarkOneEntry(b *testing.B) {
	files, _ := corpus.Build(1, 1, 0)
	dir := b.TempDir()
	entry := filepath.Join(dir, "entry.md")
	if err := os.WriteFile(entry, files[0].Data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := &Command{Stdin: os.Stdin, Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }, UserCacheDir: os.UserCacheDir}
		if code := c.Main([]string{"contentlint", "lint", entry}); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}
