package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
)

func TestGitIgnore(t *testing.T) {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	fsys := fstest.MapFS{
		"repo/.git/HEAD":           file("ref: refs/heads/main\n"),
		"repo/.git/info/exclude":   file("# comment\nlocal.md\n"),
		"repo/.gitignore":          file("/build/\n*.tmp.md\n\n# drafts are kept\n!keep.tmp.md\nsub/deep/\n"),
		"repo/a.md":                file("x"),
		"repo/local.md":            file("x"),
		"repo/x.tmp.md":            file("x"),
		"repo/keep.tmp.md":         file("x"),
		"repo/build/out.md":        file("x"),
		"repo/sub/build/in.md":     file("x"), // /build/ is anchored to the root
		"repo/sub/.gitignore":      file("secret.md\r\n"),
		"repo/sub/secret.md":       file("x"),
		"repo/sub/deep/z.md":       file("x"),
		"repo/sub/other/secret.md": file("x"), // unanchored: any depth below sub
		// A worktree: .git is a file naming the git directory, whose
		// commondir holds the shared info/exclude.
		"wt/.git":                          file("gitdir: ../repo/.git/worktrees/wt\n"),
		"repo/.git/worktrees/wt/commondir": file("../..\n"),
		"wt/local.md":                      file("x"),
		"wt/b.md":                          file("x"),
		"plain/local.md":                   file("x"),
	}
	g := &GitIgnore{FS: fsys}
	var skipped []string
	w := &Walker{FS: fsys, Git: g, Skipped: func(p, reason string) { skipped = append(skipped, p+": "+reason) }}
	var got []string
	if err := w.Walk(context.Background(), []string{"repo", "wt", "plain"}, func(p string) bool { got = append(got, p); return true }); err != nil {
		t.Fatal(err)
	}
	want := []string{"repo/a.md", "repo/keep.tmp.md", "repo/sub/build/in.md", "wt/b.md", "plain/local.md"}
	if !slices.Equal(got, want) {
		t.Errorf("walked %q\nwant %q\nskipped %q", got, want, skipped)
	}
	// Named explicitly: linted whatever git says.
	got = nil
	w.Walk(context.Background(), []string{"repo/local.md", "repo/build"}, func(p string) bool { got = append(got, p); return true })
	if want := []string{"repo/local.md", "repo/build/out.md"}; !slices.Equal(got, want) {
		t.Errorf("named explicitly: walked %q, want %q", got, want)
	}
	// An absolute gitdir needs FromOS to be read.
	fsys["abs/.git"] = file("gitdir: /elsewhere/.git\n")
	fsys["elsewhere/.git/info/exclude"] = file("hidden.md\n")
	fsys["abs/hidden.md"] = file("x")
	for _, tc := range []struct {
		fromOS func(string) (string, bool)
		want   bool
	}{
		{nil, false},
		{func(p string) (string, bool) { return p[1:], true }, true},
	} {
		g := &GitIgnore{FS: fsys, FromOS: tc.fromOS}
		if got := g.Ignored("abs/hidden.md", false); got != tc.want {
			t.Errorf("FromOS set %v: Ignored = %v, want %v", tc.fromOS != nil, got, tc.want)
		}
	}
}

// BenchmarkWalkGitIgnore measures what honouring .gitignore adds to a walk
// of 10,000 entries in 100 folders on disk (the walk alone, no linting).
func BenchmarkWalkGitIgnore(b *testing.B) {
	dir := b.TempDir()
	write := func(name, text string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	write("repo/.git/HEAD", "ref: refs/heads/main\n")
	write("repo/.git/info/exclude", "local.md\n")
	write("repo/.gitignore", "drafts/\n*.tmp.md\n!keep.tmp.md\n")
	for d := range 100 {
		for f := range 100 {
			write(fmt.Sprintf("repo/content/d%03d/e%03d.md", d, f), "x")
		}
	}
	fsys := os.DirFS(dir)
	for _, git := range []bool{false, true} {
		b.Run(fmt.Sprintf("gitignore=%v", git), func(b *testing.B) {
			for b.Loop() {
				w := &Walker{FS: fsys}
				if git {
					w.Git = &GitIgnore{FS: fsys}
				}
				n := 0
				w.Walk(context.Background(), []string{"repo"}, func(string) bool { n++; return true })
				if n != 10000 {
					b.Fatalf("walked %d files", n)
				}
			}
		})
	}
}
