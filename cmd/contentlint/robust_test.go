package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestRobustCLI runs hostile inputs through the whole command in-process:
// each run ends within a generous deadline, names the bad file with its
// rule, and still lints the seed beside it.
func TestRobustCLI(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/ok/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, src []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Each file is an entry of its own, so that the title, website and
	// email the built-in configuration makes unique do not repeat.
	n := 0
	distinct := func(src []byte) []byte {
		n++
		s := strings.ReplaceAll(string(src), "glasgowopendata.org", fmt.Sprintf("glasgowopendata%d.org", n))
		return []byte(strings.Replace(s, "Glasgow Open Data Group", fmt.Sprintf("Glasgow Open Data Group %d", n), 1))
	}
	broken := []byte(strings.Replace(string(seed), "featured: true", `featured: "yes"`, 1))
	write("seed.md", seed)
	write("-dash.md", distinct(broken))
	write("my entry.md", distinct(broken))
	write("café ŁÓDŹ 東京.md", distinct(broken))
	write("big.md", distinct(append(seed, strings.Repeat("\n", 1000)...)))
	write("empty.md", nil)
	huge := filepath.Join(dir, "huge.md")
	if f, err := os.Create(huge); err != nil {
		t.Fatal(err)
	} else {
		// A sparse 50 MB file: only its size is ever looked at.
		if err := f.Truncate(50 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	t.Chdir(dir)

	schemaType := func(path string) string {
		return "(?m)^" + regexp.QuoteMeta(path) + `:7:11: error: featured: .*\[schema-type\]$`
	}
	cases := []struct {
		name   string
		stdin  string
		args   []string
		code   int
		stdout []string // regexps that must match
		stderr string   // regexp that must match the summary: files with findings of files linted
	}{
		{"leading dash after --", "", []string{"lint", "--", "-dash.md", "seed.md"}, 1,
			[]string{schemaType("-dash.md")}, `^1 error in 1 of 2 files`},
		{"leading dash as ./", "", []string{"lint", "./-dash.md", "seed.md"}, 1,
			[]string{schemaType("./-dash.md")}, `^1 error in 1 of 2 files`},
		{"space in the name", "", []string{"lint", "my entry.md", "seed.md"}, 1,
			[]string{schemaType("my entry.md")}, `^1 error in 1 of 2 files`},
		{"non-ASCII name", "", []string{"lint", "café ŁÓDŹ 東京.md", "seed.md"}, 1,
			[]string{schemaType("café ŁÓDŹ 東京.md")}, `^1 error in 1 of 2 files`},
		{"all of them, walked", "", []string{"lint", "--max-file-size", "4194304", "."}, 1,
			[]string{schemaType("-dash.md"), schemaType("my entry.md"), schemaType("café ŁÓDŹ 東京.md"),
				`(?m)^huge.md:1:1: error: file is larger than the 4194304-byte limit; .*\[file-too-large\]$`,
				`(?m)^empty.md:1:1: error: file is empty; .*\[file-empty\]$`},
			`^5 errors in 5 of 7 files`},
		{"50 MB file", "", []string{"lint", "huge.md", "seed.md"}, 1,
			[]string{`(?m)^huge.md:1:1: error: file is larger than the \d+-byte limit; raise --max-file-size if it really is an entry \[file-too-large\]$`},
			`^1 error in 1 of 2 files`},
		{"--max-file-size below the file", "", []string{"lint", "--max-file-size", "4000", "big.md", "seed.md"}, 1,
			[]string{`(?m)^big.md:1:1: error: file is larger than the 4000-byte limit; .*\[file-too-large\]$`},
			`^1 error in 1 of 2 files`},
		{"--max-file-size at the file", "", []string{"lint", "--max-file-size", "4000", "seed.md"}, 0,
			nil, `^no problems in 1 file`},
		{"empty stdin", "", []string{"lint", "--stdin-filename", "in.md", "-", "seed.md"}, 1,
			[]string{`(?m)^in.md:1:1: error: file is empty; .*\[file-empty\]$`}, `^1 error in 1 of 2 files`},
		{"binary stdin", "---\x00\x01", []string{"lint", "-", "seed.md"}, 1,
			[]string{`(?m)^<stdin>:1:4: error: file contains a NUL byte at offset 3; .*\[file-binary\]$`}, `^1 error in 1 of 2 files`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			code, out, errOut := run(t, tc.stdin, tc.args...)
			elapsed := time.Since(start)
			t.Logf("%v", elapsed.Round(time.Microsecond))
			if elapsed > 5*time.Second {
				t.Errorf("took %v, more than 5s", elapsed)
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d", code, tc.code)
			}
			for _, re := range tc.stdout {
				if !regexp.MustCompile(re).MatchString(out) {
					t.Errorf("stdout does not match %s", re)
				}
			}
			if strings.Contains(out, "seed.md") {
				t.Errorf("the seed has findings")
			}
			if !regexp.MustCompile(tc.stderr).MatchString(errOut) {
				t.Errorf("stderr does not match %s", tc.stderr)
			}
			if t.Failed() {
				t.Logf("stdout:\n%s\nstderr:\n%s", out, errOut)
			}
		})
	}
}
