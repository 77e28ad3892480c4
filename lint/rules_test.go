package lint_test

import (
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/linttest"
)

// rule returns a rule of the catalogue by id.
func rule(t *testing.T, id string) *lint.Rule {
	t.Helper()
	r := lint.DefaultCatalogue().Rule(id)
	if r == nil {
		t.Fatalf("no rule %q", id)
	}
	return r
}

func TestDescriptionLength(t *testing.T) {
	linttest.Run(t, rule(t, "description-length"), "testdata/rules/description-length")
}
