package lint

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// parserRules are the rules the parser or the linter reports, not a check.
var parserRules = []string{
	"file-unreadable", "file-too-large", "file-empty", "file-binary", "file-encoding", "internal-error",
	"frontmatter-start", "frontmatter-unterminated", "frontmatter-syntax", "frontmatter-not-mapping", "frontmatter-empty",
	"frontmatter-duplicate-key", "frontmatter-key-type", "frontmatter-number", "frontmatter-limit",
	"body-nesting", "unused-suppression", "suppression-invalid",
}

// TestCatalogue checks the one list of rules: each rule is declared by one
// check, ids are unique kebab-case, every rule is documented with examples
// (or says how its example test makes the file), options have a schema
// and defaults, and only the parser's rules lack a check that runs.
func TestCatalogue(t *testing.T) {
	cat := DefaultCatalogue()
	declared := map[*Rule]int{}
	for _, ch := range cat.checks {
		if len(ch.Rules) == 0 {
			t.Errorf("a check declares no rules")
		}
		for _, r := range ch.Rules {
			declared[r]++
			reported := ch.Run != nil || ch.Finish != nil
			if !reported != slices.Contains(parserRules, r.ID) {
				t.Errorf("%s: reported by a check %v, want %v", r.ID, reported, !slices.Contains(parserRules, r.ID))
			}
			if (ch.Collect == nil) != (ch.Finish == nil) {
				t.Errorf("%s: a check across entries needs both Collect and Finish", r.ID)
			}
		}
	}
	if len(cat.Rules()) < 50 {
		t.Errorf("only %d rules in the catalogue", len(cat.Rules()))
	}
	for _, r := range cat.Rules() {
		if declared[r] != 1 {
			t.Errorf("%s: declared by %d checks, want 1", r.ID, declared[r])
		}
		if cat.Rule(r.ID) != r || !cat.Known(r.ID) || !cat.Known(r.Family) {
			t.Errorf("%s: not found by its id or family", r.ID)
		}
		for _, part := range strings.Split(r.ID, "-") {
			if part == "" || strings.ToLower(part) != part {
				t.Errorf("%s: id is not kebab-case", r.ID)
			}
		}
		if r.Family == "" {
			t.Errorf("%s: no family", r.ID)
		}
		if r.Title == "" || strings.Contains(r.Title, "\n") || r.Doc == "" {
			t.Errorf("%s: needs a one-line title and docs", r.ID)
		}
		if (r.Bad == "") != (r.Good == "") || (r.Bad == "" && r.ExampleNote == "") {
			t.Errorf("%s: needs Bad and Good examples, or a note saying how its example is made", r.ID)
		}
		if r.Severity == SeverityOff && !strings.Contains(strings.ToLower(r.Doc), "off by default") && !strings.Contains(r.Doc, "off unless") {
			t.Errorf("%s: off by default, and its docs do not say how to turn it on", r.ID)
		}
		if r.Options != nil {
			var s map[string]any
			if err := json.Unmarshal([]byte(r.Options.Schema), &s); err != nil {
				t.Errorf("%s: options schema: %v", r.ID, err)
			}
			if r.Options.Default == nil || r.Options.Default() == nil || cat.defaults[r] == nil {
				t.Errorf("%s: options without defaults", r.ID)
			}
		}
	}
	if cat.Known("no-such-rule") {
		t.Errorf("Known(no-such-rule) = true")
	}
	if got := cat.Families(); !slices.Equal(got[:3], []string{"file", "internal", "frontmatter"}) {
		t.Errorf("Families() starts %q, want the catalogue's order", got)
	}
}

// TestSocialRules: one rule per network, each found by its network's name.
func TestSocialRules(t *testing.T) {
	for _, r := range socialRules {
		name := strings.TrimPrefix(r.ID, "social-")
		if socialRule(name) != r || r.Family != "social" {
			t.Errorf("socialRule(%q) does not return %s", name, r.ID)
		}
	}
	if socialRule("myspace") != nil {
		t.Errorf("socialRule(myspace) is not nil")
	}
}
