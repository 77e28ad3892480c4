package lint

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestWalkOnce: a file reached through several arguments is linted once;
// the order is the arguments' order, then the walk's.
func TestWalkOnce(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.md", "a.md", "sub/c.markdown", "sub/notes.txt"} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	var got []string
	w := &Walker{}
	args := []string{filepath.Join(dir, "sub", "c.markdown"), dir, filepath.Join(dir, "a.md")}
	if err := w.Walk(context.Background(), args, func(p string) bool {
		rel, _ := filepath.Rel(dir, p)
		got = append(got, filepath.ToSlash(rel))
		return true
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{"sub/c.markdown", "a.md", "b.md"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("walked %v, want %v", got, want)
	}
}
