// Command contentlint-corpus writes a generated corpus of community entries
// for benchmarks: go run ./testdata/perf/corpus -n 10000 -seed 1 -defects 0.1 DIR.
// It lives under testdata so that "go install ./...", which is how pre-commit
// installs the hook, builds contentlint alone.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/glasgow-open-data/contentlint/lint/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of entries")
	seed := flag.Int64("seed", 1, "random seed")
	defects := flag.Float64("defects", 0, "fraction of entries with one seeded defect")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: contentlint-corpus [-n N] [-seed S] [-defects F] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *n < 0 || *defects < 0 || *defects > 1 {
		flag.Usage()
		os.Exit(2)
	}
	m, err := corpus.Generate(writeUnder(flag.Arg(0)), *n, *seed, *defects)
	if err != nil {
		fmt.Fprintln(os.Stderr, "contentlint-corpus:", err)
		os.Exit(1)
	}
	bad := 0
	for _, r := range m {
		if r != "" {
			bad++
		}
	}
	fmt.Printf("wrote %d entries (%d with a seeded defect) to %s\n", len(m), bad, flag.Arg(0))
}

// writeUnder returns a function that writes files below dir, making the
// folders they need once each.
func writeUnder(dir string) func(string, []byte) error {
	made := map[string]bool{}
	return func(p string, data []byte) error {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if d := filepath.Dir(full); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(full, data, 0o644)
	}
}
