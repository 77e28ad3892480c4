package lint_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/glasgow-open-data/contentlint/lint"
)

// The robustness tests put one hostile file next to a copy of the seed entry
// and lint the folder as the CLI does. Each asserts that the run finishes
// (a hang fails the test after robustDeadline instead of stalling the
// suite), that the hostile file gets a finding under a specific rule (or
// none, for inputs that are fine), and that the seed is still linted,
// clean. How long the runs take is BenchmarkRobustInputs' business.

// robustDeadline tells a hang from a slow run on a shared, loaded machine:
// every run here takes milliseconds; a hang, or a blow-up that makes one
// take minutes, is what it catches.
const robustDeadline = time.Minute

func seedSource(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile("../testdata/ok/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// seedParts splits the seed into its front matter (with both delimiter
// lines) and its body.
func seedParts(t testing.TB) (frontMatter, body string) {
	t.Helper()
	src := string(seedSource(t))
	i := strings.Index(src[4:], "\n---\n")
	if !strings.HasPrefix(src, "---\n") || i < 0 {
		t.Fatal("the seed does not start with YAML front matter")
	}
	return src[:4+i+5], src[4+i+5:]
}

// runResult is what one run over a set of files gave.
type runResult struct {
	res     *lint.Result
	walkErr error
}

// within runs f, failing the test when it has not returned after the
// deadline (it then keeps running in the background: a hang must not stop
// the rest of the suite).
func within(t *testing.T, deadline time.Duration, what string, f func() runResult) runResult {
	t.Helper()
	done := make(chan runResult, 1)
	go func() { done <- f() }()
	select {
	case r := <-done:
		return r
	case <-time.After(deadline):
		t.Fatalf("%s did not finish within %v: it hangs", what, deadline)
	}
	return runResult{}
}

// runOptions are what a robustness run may change of the CLI's defaults.
type runOptions struct {
	maxFileSize int64
	skipped     func(path, reason string)
}

// lintPaths lints paths of fsys with the built-in configuration and two
// workers, as the CLI does.
func lintPaths(t *testing.T, fsys fs.FS, paths []string, opts runOptions) runResult {
	cat, cfg := builtin(t)
	res, err := lint.Run(context.Background(), lint.Options{
		FS: fsys, Paths: paths, Config: cfg, Catalogue: cat, Jobs: 2,
		MaxFileSize: opts.maxFileSize, Skipped: opts.skipped,
	})
	return runResult{res: res, walkErr: err}
}

// lintNames lints the named files of fsys one by one, bypassing the walker.
func lintNames(t *testing.T, fsys fs.FS, names ...string) runResult {
	cat, cfg := builtin(t)
	l := lint.NewLinter(cat, cfg, fsys, 0)
	res := &lint.Result{}
	for _, n := range names {
		res.Findings = append(res.Findings, l.LintFile(n, cfg.CollectionFor(n))...)
		res.Files++
	}
	res.Findings = lint.SortFindings(res.Findings)
	return runResult{res: res}
}

// vanishingFS deletes one file from the disk right after a folder listing
// has shown it, as if someone removed it between the walk and the read.
type vanishingFS struct {
	fs.FS
	file string // the file to delete, a path on the disk
}

func (v vanishingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(v.FS, name)
	os.Remove(v.file)
	return entries, err
}

// robustDir makes a temporary folder holding the seed as seed.md and src
// as name; it returns the folder and both paths, relative to the folder.
func robustDir(t *testing.T, name string, src []byte) (dir, bad, seed string) {
	t.Helper()
	dir = t.TempDir()
	seed = "seed.md"
	if err := os.WriteFile(filepath.Join(dir, seed), seedSource(t), 0o644); err != nil {
		t.Fatal(err)
	}
	bad = name
	if src != nil {
		if err := os.WriteFile(filepath.Join(dir, bad), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, bad, seed
}

// findingsFor returns the findings on path.
func findingsFor(fs []lint.Finding, path string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.Path == path {
			out = append(out, f)
		}
	}
	return out
}

// checkRun asserts the run covered files files, left the seed clean, and
// found rule on bad ("" means bad must be clean too). It returns bad's findings.
func checkRun(t *testing.T, r runResult, files int, bad, seed, rule string) []lint.Finding {
	t.Helper()
	if r.walkErr != nil {
		t.Fatalf("run: %v", r.walkErr)
	}
	// The hostile files are variants of the seed, so they share its title,
	// website and email; unique-value's finding on that is right, and not
	// what these cases test.
	r.res.Findings = slices.DeleteFunc(slices.Clone(r.res.Findings), func(f lint.Finding) bool { return f.Rule.ID == "unique-value" })
	if r.res.Files != files {
		t.Errorf("the run linted %d files, want %d (skipped %v)", r.res.Files, files, r.res.Skipped)
	}
	for _, f := range r.res.Findings {
		if f.Path != bad && f.Path != seed {
			t.Errorf("finding on an unexpected path: %s:%d:%d: %s [%s]", f.Path, f.Span.Start.Line, f.Span.Start.Column, f.Message, f.Rule.ID)
		}
	}
	if got := findingsFor(r.res.Findings, seed); len(got) != 0 {
		t.Errorf("the seed next to the bad file has findings:\n%s", render(t, got))
	}
	got := findingsFor(r.res.Findings, bad)
	if rule == "" {
		if len(got) != 0 {
			t.Errorf("want no findings on %s, got\n%s", bad, render(t, got))
		}
		return got
	}
	if !slices.ContainsFunc(got, func(f lint.Finding) bool { return f.Rule.ID == rule }) {
		t.Errorf("want a %s finding naming %s, got\n%s", rule, bad, render(t, got))
	}
	for _, f := range got {
		if f.Rule.ID == "internal-error" {
			t.Errorf("a check panicked: %s", f.Message)
		}
	}
	return got
}

// wantAt asserts that a finding of rule starts at byte offset off of src, at
// the line and column counted independently of the line index.
func wantAt(t *testing.T, got []lint.Finding, src []byte, rule string, off int) {
	t.Helper()
	line, col := lineColumn(src, off)
	for _, f := range got {
		if f.Rule.ID == rule && f.Span.Start.Offset == off {
			if f.Span.Start.Line != line || f.Span.Start.Column != col {
				t.Errorf("%s at offset %d: %d:%d, want %d:%d", rule, off, f.Span.Start.Line, f.Span.Start.Column, line, col)
			}
			return
		}
	}
	t.Errorf("want %s at offset %d (%d:%d), got\n%s", rule, off, line, col, render(t, got))
}

// lineColumn counts lines ("\n", "\r\n" and a lone "\r" each end one) and
// code points up to off.
func lineColumn(src []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < off; i++ {
		switch c := src[i]; {
		case c == '\n', c == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			line, col = line+1, 1
		case c == '\r':
		case utf8.RuneStart(c):
			col++
		}
	}
	return line, col
}

// withEndings rejoins src's lines with the given endings in turn. A "\r"
// followed by "\n" on an empty line would make one "\r\n": callers choose
// orders where that cannot happen.
func withEndings(src string, endings ...string) string {
	lines := strings.Split(src, "\n")
	var b strings.Builder
	for i, line := range lines {
		b.WriteString(line)
		if i < len(lines)-1 {
			b.WriteString(endings[i%len(endings)])
		}
	}
	return b.String()
}

func utf16Bytes(s string, order binary.AppendByteOrder, bom []byte) []byte {
	out := slices.Clone(bom)
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// robustCase is one hostile file, linted next to the seed.
type robustCase struct {
	name string
	file string // the file's name; "bad.md" when empty
	src  func(t testing.TB) []byte
	rule string // the rule the file must break; "" when it must be clean
	// check, when set, looks closer at the file's findings.
	check func(t *testing.T, src []byte, got []lint.Finding)
}

func robustCases() []robustCase {
	text := func(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }
	seedWith := func(old, new string) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			src := string(seedSource(t))
			if !strings.Contains(src, old) {
				t.Fatalf("the seed has no %q", old)
			}
			return []byte(strings.Replace(src, old, new, 1))
		}
	}
	frontMatter := func(yaml string) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			_, body := seedParts(t)
			return []byte("---\n" + yaml + "\n---\n" + body)
		}
	}
	body := func(b string) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			fm, _ := seedParts(t)
			return []byte(fm + b)
		}
	}
	at := func(rule, marker string) func(*testing.T, []byte, []lint.Finding) {
		return func(t *testing.T, src []byte, got []lint.Finding) {
			i := bytes.Index(src, []byte(marker))
			if i < 0 {
				t.Fatalf("no %q in the file", marker)
			}
			wantAt(t, got, src, rule, i)
		}
	}
	count := func(rule string, n int) func(*testing.T, []byte, []lint.Finding) {
		return func(t *testing.T, _ []byte, got []lint.Finding) {
			if c := len(findingsFor(filterRule(got, rule), got[0].Path)); c != n {
				t.Errorf("%d %s findings, want %d:\n%s", c, rule, n, render(t, got))
			}
		}
	}
	billionLaughs := "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i, prev := 'b', 'a'; i <= 'i'; i, prev = i+1, i {
		billionLaughs += fmt.Sprintf("%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	mergeBomb := "m0: &m0 {k: v}\n"
	for i := 1; i <= 30; i++ {
		mergeBomb += fmt.Sprintf("m%d: &m%d {<<: [*m%d, *m%d, *m%d, *m%d], k%d: v}\n", i, i, i-1, i-1, i-1, i-1, i)
	}
	const pow200 = "1606938044258990275541962092341162602522202993782792835301376" // 2^200

	return []robustCase{
		{name: "empty", src: text(""), rule: "file-empty", check: at("file-empty", "")},
		{name: "whitespace only", src: text(" \n\t\r\n  \r\n\n"), rule: "file-empty"},
		{name: "NUL bytes", src: seedWith("Glasgow Open Data Group", "Glasgow\x00\x00Open"), rule: "file-binary", check: at("file-binary", "\x00")},
		{name: "invalid UTF-8", src: seedWith("Glasgow Open Data Group", "Glasgow \xff\xfe Group"), rule: "file-encoding", check: at("file-encoding", "\xff")},
		{name: "UTF-16LE with BOM", src: func(t testing.TB) []byte {
			return utf16Bytes(string(seedSource(t)), binary.LittleEndian, []byte{0xFF, 0xFE})
		}, rule: "file-encoding", check: at("file-encoding", "\xff\xfe")},
		{name: "UTF-16BE with BOM", src: func(t testing.TB) []byte {
			return utf16Bytes(string(seedSource(t)), binary.BigEndian, []byte{0xFE, 0xFF})
		}, rule: "file-encoding", check: at("file-encoding", "\xfe\xff")},
		{name: "UTF-8 BOM", src: func(t testing.TB) []byte { return append([]byte("\uFEFF"), seedSource(t)...) }},
		{name: "CRLF", src: func(t testing.TB) []byte { return []byte(withEndings(string(seedSource(t)), "\r\n")) }},
		{name: "lone CR", src: func(t testing.TB) []byte { return []byte(withEndings(string(seedSource(t)), "\r")) }},
		{name: "mixed line endings", src: func(t testing.TB) []byte {
			return []byte(withEndings(string(seedSource(t)), "\r\n", "\n", "\r"))
		}},
		{name: "mixed line endings, findings placed", src: func(t testing.TB) []byte {
			src := strings.Replace(string(seedSource(t)), "featured: true", `featured: "yes"`, 1)
			src = strings.Replace(src, "Join us in making", "Join us in [making](htps://glasgowopendata.org)", 1)
			return []byte(withEndings(src, "\r", "\r\n", "\n"))
		}, rule: "schema-type", check: func(t *testing.T, src []byte, got []lint.Finding) {
			wantAt(t, got, src, "schema-type", bytes.Index(src, []byte(`"yes"`)))
			wantAt(t, got, src, "link-url", bytes.Index(src, []byte(`[making]`)))
			if len(got) != 2 {
				t.Errorf("want exactly the two planted findings, got\n%s", render(t, got))
			}
		}},
		{name: "thematic breaks in the body", src: func(t testing.TB) []byte {
			return append(seedSource(t), "\n---\n\ntitle: \"Not front matter\"\n\n---\n\n***\n\n- - -\n---\n"...)
		}},
		{name: "front matter only", src: body(""), rule: "body-empty"},
		{name: "front matter only, no final newline", src: func(t testing.TB) []byte {
			fm, _ := seedParts(t)
			return []byte(strings.TrimSuffix(fm, "\n"))
		}, rule: "body-empty"},
		{name: "unterminated front matter", src: seedWith("\n---\n", "\n\n"), rule: "frontmatter-unterminated", check: at("frontmatter-unterminated", "---")},
		{name: "unterminated TOML front matter", src: text("+++\ntitle = \"x\"\n\nBody.\n"), rule: "frontmatter-unterminated"},
		{name: "1 MB line in the body", src: func(t testing.TB) []byte {
			return append(seedSource(t), "\n"+strings.Repeat("open data ", 100_000)+"\n"...)
		}},
		{name: "1 MB single-line file", src: text(strings.Repeat("open data ", 100_000)), rule: "frontmatter-missing"},
		{name: "10,000 levels of block YAML", src: frontMatter("title: x\nnested:\n  " + strings.Repeat("- ", 10_000) + "x"), rule: "frontmatter-syntax"},
		{name: "2,000 levels of indented YAML", src: frontMatter("title: x\n" + indentedMapping(2000)), rule: "frontmatter-limit"},
		{name: "10,000 levels of flow YAML lists", src: frontMatter("title: x\nnested: " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)), rule: "frontmatter-limit"},
		{name: "10,000 levels of flow YAML mappings", src: frontMatter("title: x\nnested: " + strings.Repeat("{a: ", 10_000) + "1" + strings.Repeat("}", 10_000)), rule: "frontmatter-limit"},
		{name: "10,000 levels of JSON", src: func(t testing.TB) []byte {
			_, body := seedParts(t)
			return []byte(";;;\n{\"title\": " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "}\n;;;\n" + body)
		}, rule: "frontmatter-limit"},
		{name: "10,000 levels of TOML", src: func(t testing.TB) []byte {
			_, body := seedParts(t)
			return []byte("+++\ntitle = " + strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000) + "\n+++\n" + body)
		}, rule: "frontmatter-limit"},
		{name: "alias bomb", src: frontMatter(billionLaughs), rule: "frontmatter-limit"},
		{name: "merge-key bomb", src: frontMatter(mergeBomb), rule: "frontmatter-limit"},
		{name: "duplicate key", src: seedWith("location: \"Glasgow\"\n", "location: \"Glasgow\"\nlocation: \"Edinburgh\"\n"), rule: "frontmatter-duplicate-key", check: at("frontmatter-duplicate-key", "location: \"Edinburgh\"")},
		{name: "duplicate key in a nested mapping", src: seedWith("  twitter:", "  slack: \"x\"\n  twitter:"), rule: "frontmatter-duplicate-key"},
		{name: "non-string keys", src: seedWith("featured: true\n", "featured: true\n2024: founded\n? [a, b]\n: list key\n"), rule: "frontmatter-key-type", check: func(t *testing.T, src []byte, got []lint.Finding) {
			at("frontmatter-key-type", "2024:")(t, src, got)
			at("frontmatter-key-type", "[a, b]")(t, src, got)
		}},
		{name: "tab indentation", src: seedWith("  twitter:", "\ttwitter:"), rule: "frontmatter-syntax", check: func(t *testing.T, _ []byte, got []lint.Finding) {
			if !strings.Contains(got[0].Message, "tabs") {
				t.Errorf("the message does not mention tabs: %s", got[0].Message)
			}
		}},
		{name: "1e400", src: seedWith("featured: true", "featured: 1e400"), rule: "frontmatter-number", check: at("frontmatter-number", "1e400")},
		{name: "1e400 in JSON", src: func(t testing.TB) []byte {
			_, body := seedParts(t)
			return []byte(";;;\n{\"title\": \"x\", \"featured\": 1e400}\n;;;\n" + body)
		}, rule: "frontmatter-number", check: at("frontmatter-number", "1e400")},
		{name: "1e400 in TOML", src: func(t testing.TB) []byte {
			_, body := seedParts(t)
			return []byte("+++\ntitle = \"x\"\nfeatured = 1e400\n+++\n" + body)
		}, rule: "frontmatter-syntax"},
		{name: "2^200, an integer", src: seedWith("featured: true", "featured: "+pow200), rule: "schema-type", check: func(t *testing.T, src []byte, got []lint.Finding) {
			at("schema-type", pow200)(t, src, got)
			if !strings.Contains(got[0].Message, "the number "+pow200) {
				t.Errorf("2^200 is not kept exactly as a number: %s", got[0].Message)
			}
		}},
		{name: "2^200 as hexadecimal", src: seedWith("featured: true", "featured: 0x1"+strings.Repeat("0", 50)), rule: "schema-type", check: func(t *testing.T, _ []byte, got []lint.Finding) {
			if !strings.Contains(got[0].Message, "the number "+pow200) {
				t.Errorf("hexadecimal 2^200 is not read as a number: %s", got[0].Message)
			}
		}},
		{name: "NaN and infinities", src: seedWith("featured: true\n", "featured: true\nsocial_counts: [.nan, .inf, -.inf, .NaN, +.Inf]\n"), rule: "frontmatter-number", check: count("frontmatter-number", 5)},
		{name: "100,000 nested block quotes", src: body("## Our Mission\n\n" + strings.Repeat("> ", 100_000) + "deep\n"), rule: "body-nesting", check: at("body-nesting", "> > ")},
		{name: "100,000 nested list items", src: body("## Our Mission\n\n" + strings.Repeat("- ", 100_000) + "deep\n"), rule: "body-nesting", check: at("body-nesting", "- - ")},
		{name: "100,000 nested ordered list items", src: body("## Our Mission\n\n" + strings.Repeat("1. ", 100_000) + "deep\n"), rule: "body-nesting"},
		{name: "5,000 nested list items, parsed", src: func(t testing.TB) []byte {
			return []byte(string(seedSource(t)) + "\n" + strings.Repeat("- ", 5000) + "[deep](htps://a.org)\n")
		}, rule: "link-url", check: at("link-url", "[deep]")},
		{name: "indented list nesting, 1,000 levels", src: body("## Our Mission\n\n" + indentedList(1000)), rule: "body-nesting"},
		{name: "space in the name", file: "my entry.md", src: seedWith("featured: true", `featured: "yes"`), rule: "schema-type"},
		{name: "non-ASCII name", file: "café-ŁÓDŹ-東京.md", src: seedWith("featured: true", `featured: "yes"`), rule: "schema-type"},
		{name: "leading dash", file: "-dash.md", src: seedWith("featured: true", `featured: "yes"`), rule: "schema-type"},
	}
}

func filterRule(fs []lint.Finding, rule string) []lint.Finding {
	var out []lint.Finding
	for _, f := range fs {
		if f.Rule.ID == rule {
			out = append(out, f)
		}
	}
	return out
}

// indentedMapping nests a YAML block mapping depth levels by indentation.
func indentedMapping(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat(" ", i))
		b.WriteString("a:\n")
	}
	b.WriteString(strings.Repeat(" ", depth) + "x")
	return b.String()
}

// indentedList nests Markdown list items depth levels by indentation.
func indentedList(depth int) string {
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat("  ", i))
		b.WriteString("- item\n")
	}
	return b.String()
}

// TestRobustInputs lints each hostile file next to the seed.
func TestRobustInputs(t *testing.T) {
	for _, tc := range robustCases() {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file
			if file == "" {
				file = "bad.md"
			}
			src := tc.src(t)
			dir, bad, seed := robustDir(t, file, src)
			r := within(t, robustDeadline, fmt.Sprintf("%s (%d bytes)", tc.name, len(src)), func() runResult {
				return lintPaths(t, os.DirFS(dir), []string{"."}, runOptions{})
			})
			got := checkRun(t, r, 2, bad, seed, tc.rule)
			if tc.check != nil && len(got) > 0 {
				tc.check(t, src, got)
			}
		})
	}
}

// BenchmarkRobustInputs times the lint of each hostile file next to the seed.
func BenchmarkRobustInputs(b *testing.B) {
	for _, tc := range robustCases() {
		file := tc.file
		if file == "" {
			file = "bad.md"
		}
		src := tc.src(b)
		dir := b.TempDir()
		if err := os.WriteFile(filepath.Join(dir, file), src, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "seed.md"), seedSource(b), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(tc.name, func(b *testing.B) {
			cat, cfg := builtin(b)
			for b.Loop() {
				if _, err := lint.Run(context.Background(), lint.Options{FS: os.DirFS(dir), Paths: []string{"."}, Config: cfg, Catalogue: cat, Jobs: 2}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestRobustTooLarge lints a 50 MB entry: it is reported by its size
// without being read, so the run allocates a small fraction of it.
func TestRobustTooLarge(t *testing.T) {
	builtin(t) // read the configuration before measuring
	dir, bad, seed := robustDir(t, "huge.md", nil)
	f, err := os.Create(filepath.Join(dir, bad))
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("Open data for Glasgow, line after line.\n"), 1<<14)
	f.Write(seedSource(t))
	for written := 0; written < 50<<20; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	r := within(t, robustDeadline, "50 MB entry", func() runResult {
		return lintPaths(t, os.DirFS(dir), []string{"."}, runOptions{})
	})
	runtime.ReadMemStats(&after)
	got := checkRun(t, r, 2, bad, seed, "file-too-large")
	if len(got) != 1 || got[0].Span.Start.Line != 1 || got[0].Span.Start.Column != 1 {
		t.Errorf("want one file-too-large finding at 1:1, got\n%s", render(t, got))
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated %d KiB while linting the 50 MB file and the seed", allocated>>10)
	if allocated > 8<<20 {
		t.Errorf("allocated %d MiB: the file was read, not just measured", allocated>>20)
	}
}

// TestRobustMaxFileSize checks the limit is the run's to set, and that a
// file of exactly the limit is still read.
func TestRobustMaxFileSize(t *testing.T) {
	seedLen := int64(len(seedSource(t)))
	for _, tc := range []struct {
		name  string
		extra int   // bytes the bad file has beyond the seed
		limit int64 // Options.MaxFileSize
		rule  string
	}{
		{"one byte over", 1, seedLen, "file-too-large"},
		{"exactly the limit", 0, seedLen, ""},
		{"well over a small limit", 4096, seedLen + 10, "file-too-large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := append(seedSource(t), bytes.Repeat([]byte("\n"), tc.extra)...)
			dir, bad, seed := robustDir(t, "bad.md", src)
			r := within(t, robustDeadline, tc.name, func() runResult {
				return lintPaths(t, os.DirFS(dir), []string{"."}, runOptions{maxFileSize: tc.limit})
			})
			got := checkRun(t, r, 2, bad, seed, tc.rule)
			if tc.rule != "" && !strings.Contains(got[0].Message, fmt.Sprintf("the %d-byte limit", tc.limit)) {
				t.Errorf("the message does not name the limit: %s", got[0].Message)
			}
		})
	}
}

// TestRobustSymlinks walks a folder with a symbolic link loop, a link to
// itself, and links out of the folder: none is followed and the walk ends.
func TestRobustSymlinks(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("no front matter"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir, _, seed := robustDir(t, "unused", nil)
	links := map[string]string{
		"loop":          ".",                                    // the folder itself
		"up":            "..",                                   // its parent
		"a.md":          "b.md",                                 // a loop of two links
		"b.md":          "a.md",                                 //
		"self.md":       "self.md",                              // a link to itself
		"out":           outside,                                // a folder outside
		"out.md":        filepath.Join(outside, "secret.md"),    // a file outside
		"sub/back":      "..",                                   // a loop from a subfolder
		"sub/escape.md": filepath.Join("..", "..", "secret.md"), // relative, out of the tree
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
	}
	fsys := os.DirFS(dir)
	var skipped []string
	skip := func(p, reason string) { skipped = append(skipped, path.Base(p)+": "+reason) }
	var emitted []string
	w := &lint.Walker{FS: fsys, Skipped: skip}
	within(t, robustDeadline, "walk with symbolic link loops", func() runResult {
		return runResult{walkErr: w.Walk(context.Background(), []string{"."}, func(name string) bool {
			emitted = append(emitted, name)
			return true
		})}
	})
	if !slices.Equal(emitted, []string{seed}) {
		t.Errorf("the walk emitted %q, want only the seed", emitted)
	}
	slices.Sort(skipped)
	for _, name := range []string{"a.md", "b.md", "self.md", "out.md", "escape.md"} {
		if !slices.ContainsFunc(skipped, func(s string) bool { return strings.HasPrefix(s, name+": symbolic link") }) {
			t.Errorf("%s is not reported as a skipped link; skipped: %q", name, skipped)
		}
	}
	r := within(t, robustDeadline, "lint with symbolic link loops", func() runResult {
		return lintPaths(t, fsys, []string{"."}, runOptions{})
	})
	checkRun(t, r, 1, "", seed, "")
}

// TestRobustUnreadable covers files that cannot be read: one that vanishes
// between the walk and the read, a dangling link and a folder given by name,
// and a named pipe found in a walk. Each is a finding (or, in a walk, a
// skip), and the seed is still linted.
func TestRobustUnreadable(t *testing.T) {
	t.Run("vanishes after the walk", func(t *testing.T) {
		dir, bad, seed := robustDir(t, "vanish.md", seedSource(t))
		fsys := vanishingFS{FS: os.DirFS(dir), file: filepath.Join(dir, bad)}
		r := within(t, robustDeadline, "vanishing file", func() runResult {
			return lintPaths(t, fsys, []string{"."}, runOptions{})
		})
		got := checkRun(t, r, 2, bad, seed, "file-unreadable")
		if len(got) != 1 || !strings.Contains(got[0].Message, "no such file or directory") {
			t.Errorf("want one finding saying the file is gone, got\n%s", render(t, got))
		}
	})

	t.Run("dangling link given by name", func(t *testing.T) {
		dir, bad, seed := robustDir(t, "gone.md", nil)
		if err := os.Symlink(filepath.Join(dir, "nowhere.md"), filepath.Join(dir, bad)); err != nil {
			t.Fatal(err)
		}
		r := within(t, robustDeadline, "dangling link", func() runResult {
			return lintPaths(t, os.DirFS(dir), []string{bad, seed}, runOptions{})
		})
		checkRun(t, r, 2, bad, seed, "file-unreadable")
	})

	t.Run("folder given as a file", func(t *testing.T) {
		dir, bad, seed := robustDir(t, "folder.md", nil)
		if err := os.Mkdir(filepath.Join(dir, bad), 0o755); err != nil {
			t.Fatal(err)
		}
		r := within(t, robustDeadline, "folder through LintFile", func() runResult { return lintNames(t, os.DirFS(dir), bad, seed) })
		got := checkRun(t, r, 2, bad, seed, "file-unreadable")
		if len(got) != 1 || !strings.Contains(got[0].Message, "directory") {
			t.Errorf("want one finding saying it is a directory, got\n%s", render(t, got))
		}
	})

	t.Run("folder named like an entry is walked", func(t *testing.T) {
		dir, _, seed := robustDir(t, "unused", nil)
		inner := "x.md/inner.md"
		if err := os.Mkdir(filepath.Join(dir, "x.md"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, inner), []byte("no front matter\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"."}, {"x.md", seed}} {
			r := within(t, robustDeadline, "walk with a folder x.md", func() runResult {
				return lintPaths(t, os.DirFS(dir), args, runOptions{})
			})
			got := checkRun(t, r, 2, inner, seed, "frontmatter-missing")
			for _, f := range got {
				if f.Rule.ID == "file-unreadable" {
					t.Errorf("the folder x.md was read as a file: %s", f.Message)
				}
			}
		}
	})

	t.Run("named pipe in a walk", func(t *testing.T) {
		dir, bad, seed := robustDir(t, "pipe.md", nil)
		if err := mkfifo(filepath.Join(dir, bad)); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		var skipped []string
		skip := func(p, reason string) { skipped = append(skipped, p+": "+reason) }
		r := within(t, robustDeadline, "walk with a named pipe", func() runResult {
			return lintPaths(t, os.DirFS(dir), []string{"."}, runOptions{skipped: skip})
		})
		checkRun(t, r, 1, bad, seed, "")
		if !slices.ContainsFunc(skipped, func(s string) bool { return strings.HasPrefix(s, bad+": named pipe") }) {
			t.Errorf("the pipe is not reported as skipped: %q", skipped)
		}
	})

	t.Run("named pipe given by name", func(t *testing.T) {
		dir, bad, seed := robustDir(t, "pipe.md", nil)
		if err := mkfifo(filepath.Join(dir, bad)); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		done := make(chan runResult, 1)
		go func() { done <- lintNames(t, os.DirFS(dir), bad, seed) }()
		var r runResult
		select {
		case r = <-done:
		case <-time.After(robustDeadline):
			// Opening a pipe for reading waits for a writer: be that writer,
			// so that the linter and this test can go on, and report the hang.
			releaseFIFO(filepath.Join(dir, bad))
			r = <-done
			t.Errorf("LintFile blocked for %v opening a named pipe given by name: Linter.readFile must not open anything but a regular file (stat before open, or open with O_NONBLOCK)", robustDeadline)
		}
		got := checkRun(t, r, 2, bad, seed, "file-unreadable")
		if len(got) == 1 && !strings.Contains(got[0].Message, "named pipe") {
			t.Errorf("the finding does not say it is a named pipe: %s", got[0].Message)
		}
	})
}

// TestRobustPositions checks spans in files with mixed line endings against
// an independent count, for every finding of a broken entry.
func TestRobustPositions(t *testing.T) {
	cat, cfg := builtin(t)
	// An empty folder, so that the relative image is a finding too.
	l := lint.NewLinter(cat, cfg, fstest.MapFS{}, 0)
	c := cfg.CollectionFor("x.md")
	broken := strings.NewReplacer(
		`featured: true`, `featured: "yes"`,
		`website: "https://glasgowopendata.org"`, `website: "glasgowopendata.org"`,
		"## Who We Are", "#### Who We Are",
		"[Community Forum](https://forum.glasgowopendata.org)", "[Community Forum](htps://forum.glasgowopendata.org) ![](x.png)",
	).Replace(string(seedSource(t)))
	// Where each finding is, read off the seed by hand: line 5 is
	// `website: "glasgowopendata.org"` (the value's quote at column 10),
	// line 7 `featured: "yes"`, line 51 the "####" heading, line 77
	// `- [Community Forum](htps://...) ![](x.png)` (the link at column 3,
	// the image at 55).
	want := []struct {
		rule         string
		line, column int
	}{
		{"url-invalid", 5, 10},
		{"schema-type", 7, 11},
		{"heading-skip", 51, 1},
		{"section-level", 51, 1},
		{"link-url", 77, 3},
		{"image-alt", 77, 55},
		{"link-missing-file", 77, 55},
	}
	for _, endings := range [][]string{{"\n"}, {"\r\n"}, {"\r"}, {"\r\n", "\n", "\r"}, {"\r", "\r\n", "\n"}} {
		src := []byte(withEndings(broken, endings...))
		got := l.LintSource("lf.md", src, c)
		if len(got) != len(want) {
			t.Errorf("%q: %d findings, want %d:\n%s", endings, len(got), len(want), render(t, got))
			continue
		}
		for i, f := range got {
			// The offset, counted independently, must agree with the line and column.
			line, col := lineColumn(src, f.Span.Start.Offset)
			if f.Rule.ID != want[i].rule || f.Span.Start.Line != want[i].line || f.Span.Start.Column != want[i].column ||
				line != f.Span.Start.Line || col != f.Span.Start.Column {
				t.Errorf("%q: %s at %d:%d (offset %d, counted %d:%d), want %s at %d:%d", endings, f.Rule.ID,
					f.Span.Start.Line, f.Span.Start.Column, f.Span.Start.Offset, line, col,
					want[i].rule, want[i].line, want[i].column)
			}
		}
	}
}
