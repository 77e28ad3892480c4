package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// recordingT runs testscript scripts and records whether they failed,
// instead of failing the test: the scripts' exits command must fail a
// script on a wrong status.
type recordingT struct {
	mu     sync.Mutex
	failed bool
	log    strings.Builder
}

func (r *recordingT) Skip(args ...any) { panic(fmt.Sprint(args...)) }
func (r *recordingT) Fatal(args ...any) {
	r.Log(args...)
	r.FailNow()
}
func (r *recordingT) Parallel() {}
func (r *recordingT) Log(args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintln(&r.log, args...)
}
func (r *recordingT) FailNow() {
	r.mu.Lock()
	r.failed = true
	r.mu.Unlock()
	runtime.Goexit()
}
func (r *recordingT) Run(name string, f func(testscript.T)) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
}
func (r *recordingT) Verbose() bool { return false }

// TestExitsCommand: "exits N" passes on status N only; a clean lint is 0,
// a lint with an error finding 1, an unknown flag 2.
func TestExitsCommand(t *testing.T) {
	cases := []struct {
		script string
		fails  bool
	}{
		{"exits 0 contentlint lint seed.md", false},
		{"exits 1 contentlint lint seed.md", true},
		{"exits 1 contentlint lint bad.md", false},
		{"exits 2 contentlint lint bad.md", true},
		{"exits 0 contentlint lint bad.md", true},
		{"exits 2 contentlint lint --bogus", false},
		{"exits 1 contentlint lint --bogus", true},
	}
	seed, err := os.ReadFile("../../testdata/ok/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		dir := t.TempDir()
		script := tc.script + "\n-- bad.md --\nno front matter\n"
		if err := os.WriteFile(filepath.Join(dir, "case.txtar"), []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		r := &recordingT{}
		testscript.RunT(r, testscript.Params{
			Dir:   dir,
			Setup: func(env *testscript.Env) error { return os.WriteFile(env.WorkDir+"/seed.md", seed, 0o644) },
			Cmds:  map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits},
		})
		if r.failed != tc.fails {
			t.Errorf("%q: failed %v, want %v\n%s", tc.script, r.failed, tc.fails, r.log.String())
		}
	}
}
