package main

import (
	"os"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// manPage renders the app's man page without the build-dependent version,
// so that the committed docs/contentlint.1 is reproducible. Only this test
// renders it: the man-page renderer stays out of the shipped binary.
func manPage(app *cli.App) (string, error) {
	app.Version = ""
	page, err := app.ToManWithSection(1)
	return strings.TrimSpace(page) + "\n", err
}

// TestManPageCommitted fails when docs/contentlint.1 no longer matches the
// command-line definition; -update rewrites it.
func TestManPageCommitted(t *testing.T) {
	page, err := manPage((&Command{}).app())
	if err != nil {
		t.Fatal(err)
	}
	const path = "../../docs/contentlint.1"
	if *updateScripts {
		if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	committed, err := os.ReadFile(path)
	if err != nil || string(committed) != page {
		t.Fatalf("%s is stale; run go test ./cmd/contentlint -run TestManPageCommitted -update", path)
	}
	for _, want := range []string{"lint", "--fail-on", "print-config", "init"} {
		if !strings.Contains(page, want) {
			t.Errorf("man page does not mention %q", want)
		}
	}
}

// TestCompletion prints each shell's script.
func TestCompletion(t *testing.T) {
	for shell, want := range map[string]string{"bash": "complete -o bashdefault", "zsh": "#compdef contentlint", "fish": "complete -c contentlint"} {
		code, out, errOut := run(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("completion %s: exit %d, stdout %q, stderr %q", shell, code, out, errOut)
		}
	}
	if code, _, _ := run(t, "", "completion", "tcsh"); code != 2 {
		t.Errorf("completion tcsh: exit %d, want 2", code)
	}
	// Candidates themselves depend on os.Args inside urfave/cli, so they
	// are tested in a subprocess: testdata/script/completion.txtar.
}
