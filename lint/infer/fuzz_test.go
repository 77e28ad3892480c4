package infer

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// FuzzInfer feeds arbitrary entries to Infer beside a well-formed one:
// whatever they hold, it must not panic, and when it succeeds the
// configuration it wrote loads as lint loads it (Infer checks that itself
// and fails otherwise).
func FuzzInfer(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/fixtures/*/*/*.md")
	more, _ := filepath.Glob("testdata/fixtures/*/*/*/*.md")
	for i, p := range append(seeds, more...) {
		if i%4 != 0 {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src, []byte("---\ntitle: x\nlink: \"hhttps://a.org\"\n---\n"))
	}
	f.Add([]byte("---\n\"\": 1\n\"a.b\": [null, \"\", {}]\n---\n"), []byte("+++\n[extra]\nhomepage = \"\"\n+++\n"))
	good := []byte("---\ntitle: \"Group\"\nwebsite: \"https://group.org\"\nsocial:\n  twitter: \"group\"\n---\n\n## About\n\nText.\n")
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fsys := fstest.MapFS{
			"repo/content/a/one.md":          {Data: a},
			"repo/content/a/two.md":          {Data: good},
			"repo/content/b/three/_index.md": {Data: b},
			"repo/content/b/four/_index.md":  {Data: good},
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			_, _ = Infer(context.Background(), Options{FS: fsys, Root: "repo", ConfigDir: "repo"})
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Infer hangs on %q and %q", a, b)
		}
	})
}
