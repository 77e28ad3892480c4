package lint_test

import (
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestPanickingRule: a panic inside a rule becomes an internal-error finding
// naming the rule, and every other rule still runs.
func TestPanickingRule(t *testing.T) {
	boom := &lint.Rule{ID: "boom", Family: "test", Severity: lint.SeverityError, Run: func(*lint.Pass) { panic("kaboom") }}
	after := &lint.Rule{ID: "after", Family: "test", Severity: lint.SeverityWarning, Run: func(p *lint.Pass) {
		p.Report(p.Entry.Lines.LineSpan(1), "", "still ran")
	}}
	l := defaultLinter(t, 1)
	l.Catalogue = lint.NewCatalogue(lint.FileRules, []*lint.Rule{boom, after})
	findings := l.LintSource("x.md", []byte("---\ntitle: x\n---\nBody\n"), nil)
	var rules []string
	for _, f := range findings {
		rules = append(rules, f.Rule)
		if f.Rule == "internal-error" && (!strings.Contains(f.Message, "rule boom failed: kaboom") || f.Severity != lint.SeverityError) {
			t.Errorf("internal-error finding: %+v", f)
		}
	}
	if strings.Join(rules, ",") != "after,internal-error" {
		t.Fatalf("findings %v, want after and internal-error", rules)
	}
}
