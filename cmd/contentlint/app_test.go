package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := &Command{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	code := c.Main(append([]string{"contentlint"}, args...))
	return code, out.String(), errOut.String()
}

// TestExitCodes pins every exit code of the CLI, run in-process.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	badSchema := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(badSchema, []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	seed := "../../testdata/ok/seed.md"
	broken := "../../testdata/err/type-boolean.md"
	seedText, _ := os.ReadFile(seed)
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"clean file", "", []string{"lint", seed}, ExitClean},
		{"clean stdin", string(seedText), []string{"lint", "-"}, ExitClean},
		{"error finding", "", []string{"lint", broken}, ExitFindings},
		{"error finding with --quiet", "", []string{"lint", "--quiet", broken}, ExitFindings},
		{"broken stdin", "no front matter", []string{"lint", "-"}, ExitFindings},
		{"missing path", "", []string{"lint", filepath.Join(dir, "missing.md")}, ExitUsage},
		{"unknown flag", "", []string{"lint", "--bogus"}, ExitUsage},
		{"unknown command", "", []string{"bogus"}, ExitUsage},
		{"bad jobs", "", []string{"lint", "--jobs", "0", seed}, ExitUsage},
		{"negative --max-warnings", "", []string{"lint", "--max-warnings", "-1", seed}, ExitUsage},
		{"negative --max-warnings after the path", "", []string{"lint", seed, "--max-warnings=-3"}, ExitUsage},
		{"--max-warnings 0", "", []string{"lint", "--max-warnings", "0", seed}, ExitClean},
		{"unreadable schema", "", []string{"lint", "--schema", filepath.Join(dir, "none.json"), seed}, ExitUsage},
		{"schema not compiling", "", []string{"lint", "--schema", badSchema, seed}, ExitUsage},
		{"standard input twice", string(seedText), []string{"lint", "-", "-"}, ExitUsage},
		{"print-config of a missing file", "", []string{"print-config", filepath.Join(dir, "missing.md")}, ExitUsage},
		{"print-config", "", []string{"print-config", seed}, ExitClean},
		{"two formats on standard output", "", []string{"lint", "--format", "text", "--format", "json", seed}, ExitUsage},
		{"unknown format with a file", "", []string{"lint", "--format", "xml=out.xml", seed}, ExitUsage},
		{"missing baseline", "", []string{"lint", "--baseline", filepath.Join(dir, "none.json"), seed}, ExitUsage},
		{"broken baseline", "", []string{"lint", "--baseline", badSchema, seed}, ExitUsage},
		{"unknown ref for --changed-since", "", []string{"lint", "--changed-since", "no-such-ref-anywhere", seed}, ExitUsage},
		{"baseline written", "", []string{"baseline", "--output", filepath.Join(dir, "b.json"), broken}, ExitClean},
		{"prune without a baseline", "", []string{"baseline", "--prune", "--output", filepath.Join(dir, "none.json"), broken}, ExitUsage},
		{"help", "", []string{"--help"}, ExitClean},
		{"version", "", []string{"--version"}, ExitClean},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, tc.stdin, tc.args...)
			if code != tc.want {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.want, out, errOut)
			}
		})
	}
}

// TestOutputStable runs the same lint twice in-process: same bytes.
func TestOutputStable(t *testing.T) {
	_, first, _ := run(t, "", "lint", "--jobs", "1", "../../testdata")
	for _, jobs := range []string{"1", "2", "4"} {
		if _, got, _ := run(t, "", "lint", "--jobs", jobs, "../../testdata"); got != first {
			t.Fatalf("output with --jobs %s differs", jobs)
		}
	}
}

// TestColorWanted: colour on a terminal; TERM=dumb turns it off,
// FORCE_COLOR on (standard output only), NO_COLOR and --no-color win.
func TestColorWanted(t *testing.T) {
	cases := []struct {
		terminal, stdout, flag bool
		env                    map[string]string
		want                   bool
	}{
		{true, true, false, nil, true},
		{false, true, false, nil, false},
		{true, false, false, nil, false},
		{true, true, true, nil, false},
		{true, true, false, map[string]string{"NO_COLOR": "1"}, false},
		{true, true, false, map[string]string{"TERM": "dumb"}, false},
		{true, true, false, map[string]string{"TERM": "xterm-256color"}, true},
		{false, true, false, map[string]string{"FORCE_COLOR": "1"}, true},
		{false, true, false, map[string]string{"FORCE_COLOR": "true"}, true},
		{false, true, false, map[string]string{"FORCE_COLOR": "0"}, false},
		{true, true, false, map[string]string{"FORCE_COLOR": "1", "TERM": "dumb"}, true},
		{false, true, false, map[string]string{"FORCE_COLOR": "1", "NO_COLOR": "1"}, false},
		{false, true, true, map[string]string{"FORCE_COLOR": "1"}, false},
		{false, false, false, map[string]string{"FORCE_COLOR": "1"}, false},
	}
	for _, tc := range cases {
		getenv := func(k string) string { return tc.env[k] }
		if got := colorWanted(tc.terminal, tc.stdout, tc.flag, getenv); got != tc.want {
			t.Errorf("terminal %v, stdout %v, --no-color %v, env %v: colour %v, want %v", tc.terminal, tc.stdout, tc.flag, tc.env, got, tc.want)
		}
	}
}
