package main

import (
	"flag"
	"os"
	"runtime"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite testscript golden output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"contentlint": func() {
			c := &Command{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv,
				Network: testnet(os.Getenv("CONTENTLINT_TESTNET"))}
			os.Exit(c.Main(os.Args))
		},
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script.
func TestScripts(t *testing.T) {
	skipOnWindows(t)
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
	})
}

// skipOnWindows skips tests that compare text output: it prints paths with
// the OS separator, so on Windows every path differs from the scripts'. The
// JSON and SARIF tests, which always use "/", run everywhere.
func skipOnWindows(t *testing.T) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("text output uses \\ in paths on Windows; the scripts expect /")
	}
}
