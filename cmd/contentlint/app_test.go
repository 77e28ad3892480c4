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

// TestExitCodes pins every exit code of the CLI, run in-process. The codes
// are a public contract (README: 0 clean, 1 findings at the failing level,
// 2 usage, configuration or I/O failure), so they are written as numbers,
// not as the constants the code uses: changing a constant must fail here.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	badSchema := write("bad.json", "{")
	seed := "../../testdata/ok/seed.md"
	broken := "../../testdata/err/type-boolean.md"
	seedText, _ := os.ReadFile(seed)
	// One warning (image-alt) and no error.
	warned := write("warned.md", string(seedText)+"\n![](https://glasgowopendata.org/logo.png)\n")
	badYAML := write("bad.yaml", "collections:\n  - name: [unclosed\n")
	unknownKey := write("unknown.yaml", "collections:\n  - name: groups\n    include: [\"*.md\"]\n    colour: blue\n")
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"clean file", "", []string{"lint", seed}, 0},
		{"clean stdin", string(seedText), []string{"lint", "-"}, 0},
		{"error finding", "", []string{"lint", broken}, 1},
		{"error finding with --quiet", "", []string{"lint", "--quiet", broken}, 1},
		{"broken stdin", "no front matter", []string{"lint", "-"}, 1},
		{"warning only", "", []string{"lint", warned}, 0},
		{"--fail-on never with an error", "", []string{"lint", "--fail-on", "never", broken}, 0},
		{"--fail-on warning with a warning", "", []string{"lint", "--fail-on", "warning", warned}, 1},
		{"--fail-on note with a warning", "", []string{"lint", "--fail-on", "note", warned}, 1},
		{"--fail-on error with a warning", "", []string{"lint", "--fail-on", "error", warned}, 0},
		{"unknown --fail-on", "", []string{"lint", "--fail-on", "sometimes", seed}, 2},
		{"--max-warnings 0 with a warning", "", []string{"lint", "--max-warnings", "0", warned}, 1},
		{"--max-warnings 1 with a warning", "", []string{"lint", "--max-warnings", "1", warned}, 0},
		{"--max-warnings 0 clean", "", []string{"lint", "--max-warnings", "0", seed}, 0},
		{"negative --max-warnings", "", []string{"lint", "--max-warnings", "-1", seed}, 2},
		{"negative --max-warnings after the path", "", []string{"lint", seed, "--max-warnings=-3"}, 2},
		{"missing path", "", []string{"lint", filepath.Join(dir, "missing.md")}, 2},
		{"unknown flag", "", []string{"lint", "--bogus"}, 2},
		{"unknown command", "", []string{"bogus"}, 2},
		{"bad jobs", "", []string{"lint", "--jobs", "0", seed}, 2},
		{"unknown --format", "", []string{"lint", "--format", "xml", seed}, 2},
		{"unknown format with a file", "", []string{"lint", "--format", "xml=out.xml", seed}, 2},
		{"two formats on standard output", "", []string{"lint", "--format", "text", "--format", "json", seed}, 2},
		{"missing configuration", "", []string{"lint", "--config", filepath.Join(dir, "none.yaml"), seed}, 2},
		{"configuration that is a folder", "", []string{"lint", "--config", dir, seed}, 2},
		{"configuration with a syntax error", "", []string{"lint", "--config", badYAML, seed}, 2},
		{"configuration with an unknown key", "", []string{"lint", "--config", unknownKey, seed}, 2},
		{"unreadable schema", "", []string{"lint", "--schema", filepath.Join(dir, "none.json"), seed}, 2},
		{"schema not compiling", "", []string{"lint", "--schema", badSchema, seed}, 2},
		{"--output in a missing folder", "", []string{"lint", "--output", filepath.Join(dir, "no", "such", "out.txt"), seed}, 2},
		{"--format FILE in a missing folder", "", []string{"lint", "--format", "json=" + filepath.Join(dir, "no", "out.json"), seed}, 2},
		{"--output in a missing folder, with findings", "", []string{"lint", "--output", filepath.Join(dir, "no", "out.txt"), broken}, 2},
		{"standard input twice", string(seedText), []string{"lint", "-", "-"}, 2},
		{"print-config of a missing file", "", []string{"print-config", filepath.Join(dir, "missing.md")}, 2},
		{"print-config", "", []string{"print-config", seed}, 0},
		{"missing baseline", "", []string{"lint", "--baseline", filepath.Join(dir, "none.json"), seed}, 2},
		{"broken baseline", "", []string{"lint", "--baseline", badSchema, seed}, 2},
		{"unknown ref for --changed-since", "", []string{"lint", "--changed-since", "no-such-ref-anywhere", seed}, 2},
		{"baseline written", "", []string{"baseline", "--output", filepath.Join(dir, "b.json"), broken}, 0},
		{"prune without a baseline", "", []string{"baseline", "--prune", "--output", filepath.Join(dir, "none.json"), broken}, 2},
		{"explain an unknown rule", "", []string{"explain", "no-such-rule"}, 2},
		{"completion for an unknown shell", "", []string{"completion", "tcsh"}, 2},
		{"help", "", []string{"--help"}, 0},
		{"version", "", []string{"--version"}, 0},
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

// TestQuiet: --quiet drops the warning and keeps the error, in text and in
// JSON, and does not change the exit code.
func TestQuiet(t *testing.T) {
	seed, err := os.ReadFile("../../testdata/ok/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	entry := filepath.Join(t.TempDir(), "entry.md")
	src := strings.Replace(string(seed), "featured: true", `featured: "yes"`, 1) + "\n![](https://glasgowopendata.org/logo.png)\n"
	if err := os.WriteFile(entry, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args         []string
		error, warn  string
		wantWarnings bool
	}{
		{[]string{"lint", entry}, "[schema-type]", "[image-alt]", true},
		{[]string{"lint", "--quiet", entry}, "[schema-type]", "[image-alt]", false},
		{[]string{"lint", "-q", entry}, "[schema-type]", "[image-alt]", false},
		{[]string{"lint", "--format", "json", entry}, `"rule": "schema-type"`, `"rule": "image-alt"`, true},
		{[]string{"lint", "--quiet", "--format", "json", entry}, `"rule": "schema-type"`, `"rule": "image-alt"`, false},
	} {
		code, out, errOut := run(t, "", tc.args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1\n%s", tc.args, code, errOut)
		}
		if !strings.Contains(out, tc.error) {
			t.Errorf("%v: the error is missing:\n%s", tc.args, out)
		}
		if got := strings.Contains(out, tc.warn); got != tc.wantWarnings {
			t.Errorf("%v: warning shown %v, want %v:\n%s", tc.args, got, tc.wantWarnings, out)
		}
	}
}
