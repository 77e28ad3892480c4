package lint

import (
	"testing"

	"github.com/bmatcuk/doublestar/v4"
)

var globPatterns = []string{
	"**/*.md", "**/README.md", "**/{README,readme}.{md,markdown}", "**/_index.md", "**/*", "**/.*",
	"**/[Rr]eadme.md", "**/\\*.md", "**/a/*.md", "**/**/*.md", "**/", "**/*.{md", "*.md", "content/**/*.md",
}

var globNames = []string{
	"README.md", "docs/README.md", "a/b/c/readme.markdown", "x.md", "a/x.md", "a/.hidden", ".hidden", "a/b",
	"*.md", "a/*.md", "_index.md", "content/groups/x.md", "a/README.md.bak", "", "a/",
}

// TestMatchGlobShortcut: the "**/X" shortcut matches as doublestar does.
func TestMatchGlobShortcut(t *testing.T) {
	for _, p := range globPatterns {
		for _, n := range globNames {
			if got, want := MatchGlob(p, n), doublestar.MatchUnvalidated(p, n); got != want {
				t.Errorf("MatchGlob(%q, %q) = %v, doublestar says %v", p, n, got, want)
			}
		}
	}
}

func FuzzMatchGlobShortcut(f *testing.F) {
	for _, p := range globPatterns {
		f.Add(p, "docs/README.md")
	}
	for _, n := range globNames {
		f.Add("**/*.md", n)
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		if !ValidGlob(pattern) {
			return
		}
		if got, want := MatchGlob(pattern, name), doublestar.MatchUnvalidated(pattern, name); got != want {
			t.Errorf("MatchGlob(%q, %q) = %v, doublestar says %v", pattern, name, got, want)
		}
	})
}
