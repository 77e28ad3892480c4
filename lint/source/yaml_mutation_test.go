package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestYAMLMutations breaks every line of real front matter (the repository's
// fixtures and examples) in each of the common ways, one at a time, and
// requires the syntax error at the exact line and column of the mistake,
// explained (never go-yaml's generic message). It tests the class, not a
// few examples: nested mappings, lists of mappings, block scalars and
// long values included.
func TestYAMLMutations(t *testing.T) {
	var sources []string
	for _, pattern := range []string{"../../testdata/ok/*.md", "../../testdata/examples/*.md", "../testdata/rules/*/*.md", "../infer/testdata/repo/content/*/*.md"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				continue
			}
			text := strings.ReplaceAll(strings.TrimPrefix(string(src), "\uFEFF"), "\r\n", "\n")
			rest, ok := strings.CutPrefix(text, "---\n")
			if !ok {
				continue
			}
			if fm, _, found := strings.Cut(rest, "\n---\n"); found && yamlParses([]byte(fm)) {
				sources = append(sources, fm+"\n")
			}
		}
	}
	if len(sources) < 20 {
		t.Fatalf("only %d front matters to mutate", len(sources))
	}
	// Each mutation returns the broken line and the byte offset in it where
	// the finding must point, or false when it does not apply to the line.
	mutations := map[string]func(line string) (string, int, bool){
		"text after a closing quote": func(l string) (string, int, bool) {
			if !strings.HasSuffix(l, `"`) || strings.Count(l, `"`) < 2 {
				return "", 0, false
			}
			return l + " extra", len(l) + 1, true
		},
		"closing quote dropped": func(l string) (string, int, bool) {
			k, v, ok := strings.Cut(l, `: "`)
			if !ok || !strings.HasSuffix(v, `"`) || strings.Count(v, `"`) != 1 {
				return "", 0, false
			}
			return k + `: "` + strings.TrimSuffix(v, `"`), len(k) + 2, true
		},
		"tab indentation": func(l string) (string, int, bool) {
			if !strings.HasPrefix(l, "  ") {
				return "", 0, false
			}
			return "\t" + strings.TrimLeft(l, " "), 0, true
		},
		"colon in a plain value": func(l string) (string, int, bool) {
			k, v, ok := strings.Cut(l, ": ")
			if !ok || v == "" || strings.ContainsAny(v[:1], `"'[{|>&*!`) || strings.Contains(v, " #") || strings.HasPrefix(strings.TrimSpace(k), "- ") {
				return "", 0, false
			}
			return k + ": Note: " + v, len(k) + 6, true
		},
		"value starting with @": func(l string) (string, int, bool) {
			k, v, ok := strings.Cut(l, ": ")
			if !ok || v == "" || strings.ContainsAny(v[:1], "[{|>") {
				return "", 0, false
			}
			return k + ": @" + strings.Trim(v, `"'`), len(k) + 2, true
		},
		"unknown alias": func(l string) (string, int, bool) {
			k, v, ok := strings.Cut(l, ": ")
			if !ok || v == "" || strings.ContainsAny(v[:1], "[{|>") {
				return "", 0, false
			}
			return k + ": *nowhere", len(k) + 2, true
		},
		"unclosed bracket": func(l string) (string, int, bool) {
			k, v, ok := strings.Cut(l, ": [")
			if !ok || !strings.HasSuffix(v, "]") || strings.Count(v, "]") != 1 {
				return "", 0, false
			}
			return k + ": [" + strings.TrimSuffix(v, "]"), len(k) + 2, true
		},
	}
	counts := map[string]int{}
	for _, src := range sources {
		lines := strings.Split(strings.TrimSuffix(src, "\n"), "\n")
		for i, line := range lines {
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue // a comment: breaking it is not a mistake people make
			}
			for name, mutate := range mutations {
				broken, at, ok := mutate(line)
				if !ok {
					continue
				}
				mutated := append(append(append([]string{}, lines[:i]...), broken), lines[i+1:]...)
				text := strings.Join(mutated, "\n") + "\n"
				d := Decode(NewLineIndex([]byte(text)), FormatYAML, 0, len(text), "front matter")
				if !d.Failed || d.Problems[0].Kind != ProblemSyntax {
					continue // still valid YAML (a mutation inside a block scalar)
				}
				counts[name]++
				p := d.Problems[0]
				col := utf8.RuneCountInString(broken[:at]) + 1
				if p.Span.Start.Line != i+1 || p.Span.Start.Column != col || strings.Contains(p.Message, "check the indentation and quoting") {
					t.Errorf("%s on line %d (%q): got %d:%d %s, want %d:%d", name, i+1, broken, p.Span.Start.Line, p.Span.Start.Column, p.Message, i+1, col)
				}
			}
		}
	}
	for name := range mutations {
		if counts[name] < 5 {
			t.Errorf("%s: only %d broken front matters tried", name, counts[name])
		}
	}
	t.Logf("broken front matters checked: %v", counts)
}
