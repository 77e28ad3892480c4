package report

import (
	"bytes"
	"slices"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestRegistry: every format is found by its name, writes a clean run and
// the golden run without error, and only SARIF, Markdown and HTML see
// suppressed findings (marked).
func TestRegistry(t *testing.T) {
	if got, want := Names(), []string{"text", "json", "sarif", "github", "markdown", "html"}; !slices.Equal(got, want) {
		t.Fatalf("formats %v, want %v", got, want)
	}
	for _, f := range Formats() {
		got, ok := Lookup(f.Name)
		if !ok || got.Name != f.Name || got.Help == "" {
			t.Errorf("Lookup(%q) = %+v, %v", f.Name, got, ok)
		}
		if f.KeepsSuppressed != (f.Name == "sarif" || f.Name == "markdown" || f.Name == "html") {
			t.Errorf("%s: KeepsSuppressed = %v", f.Name, f.KeepsSuppressed)
		}
		for _, run := range []Run{{Catalogue: lint.DefaultCatalogue()}, goldenRun()} {
			var buf bytes.Buffer
			if err := f.Reporter.Report(&buf, run); err != nil {
				t.Errorf("%s: %v", f.Name, err)
			}
		}
	}
	if _, ok := Lookup("xml"); ok {
		t.Error("Lookup found a format that does not exist")
	}
}
