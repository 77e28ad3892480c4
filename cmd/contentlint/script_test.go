package main

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite testscript golden output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"contentlint": func() {
			c := &Command{Stdin: os.Stdin, Stdout: slashes(os.Stdout), Stderr: slashes(os.Stderr), Getenv: os.Getenv,
				Network: testnet(os.Getenv("CONTENTLINT_TESTNET"))}
			os.Exit(c.Main(os.Args))
		},
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script, on
// every platform: the few that need Unix tools or wording skip themselves
// on Windows, where paths in the output are compared with "/" (slashes).
func TestScripts(t *testing.T) {
	net := startTestnet(t)
	testscript.Run(t, testscript.Params{
		Dir:           "../../testdata/script",
		UpdateScripts: *updateScripts,
		Setup: func(env *testscript.Env) error {
			seed, err := os.ReadFile("../../testdata/ok/seed.md")
			if err != nil {
				return err
			}
			env.Setenv("NO_COLOR", "")
			env.Setenv("CONTENTLINT_TESTNET", net)
			return os.WriteFile(env.WorkDir+"/seed.md", seed, 0o644)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"exits": exits},
	})
}

// exits is the scripts' "exits N PROGRAM [ARG...]": it runs the program
// like exec and fails unless it exits with status N exactly ("! exec" only
// says the status was not 0). Its output is kept for stdout and stderr.
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %q is not an exit status", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	ts.Logf("[exit status %d]", got)
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// slashes returns w, or on Windows a writer that turns every "\\" into
// "/": text output names files with the system's separator, and the
// expected output in the tests is written with "/".
func slashes(w io.Writer) io.Writer {
	if runtime.GOOS != "windows" {
		return w
	}
	return slashWriter{w}
}

type slashWriter struct{ w io.Writer }

func (s slashWriter) Write(p []byte) (int, error) {
	if _, err := s.w.Write(bytes.ReplaceAll(p, []byte{'\\'}, []byte{'/'})); err != nil {
		return 0, err
	}
	return len(p), nil
}

// withSlashes is slashes for text already captured.
func withSlashes(s string) string {
	if runtime.GOOS != "windows" {
		return s
	}
	return strings.ReplaceAll(s, "\\", "/")
}
