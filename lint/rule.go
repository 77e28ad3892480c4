package lint

import (
	"fmt"
)

// Rule is one check: a stable id, its documentation and a default severity.
// Run is nil for problems the parser reports while reading a file (broken
// front matter, an unreadable file); they are still rules so that they can be
// documented, configured and suppressed like any other.
type Rule struct {
	ID       string   // stable kebab-case id: the SARIF ruleId, suppression key and docs anchor
	Family   string   // the group a configuration can switch as one, e.g. "schema" or "social"
	Title    string   // one line
	Doc      string   // what the rule checks and why
	Bad      string   // an example that fires the rule
	Good     string   // the same example, fixed
	Severity Severity // default severity
	Tags     []string // SARIF properties.tags
	Run      func(*Pass)
}

// Pass is what a rule sees of one entry while it runs.
type Pass struct {
	Entry      *Entry
	Collection *Collection
	// Exists reports whether a file or folder exists at a slash-separated
	// path relative to the entry's folder. Rules never touch the file system
	// themselves; nil means "cannot tell" and such checks are skipped.
	Exists func(rel string) bool
	rule   *Rule
	report func(Diagnostic)
}

// Report records a diagnostic for the running rule.
func (p *Pass) Report(span Span, field string, format string, args ...any) {
	p.ReportRule(p.rule.ID, span, field, format, args...)
}

// ReportRule records a diagnostic under another rule id of the same family,
// for rules that check one thing with several outcomes.
func (p *Pass) ReportRule(id string, span Span, field string, format string, args ...any) {
	p.report(Diagnostic{Rule: id, Span: span, Field: field, Message: fmt.Sprintf(format, args...)})
}

// Catalogue is the ordered set of every rule the linter knows.
type Catalogue struct {
	rules []*Rule
	byID  map[string]*Rule
}

// NewCatalogue indexes rules; ids must be unique.
func NewCatalogue(rules ...[]*Rule) *Catalogue {
	c := &Catalogue{byID: map[string]*Rule{}}
	for _, group := range rules {
		for _, r := range group {
			if _, dup := c.byID[r.ID]; dup {
				panic("lint: duplicate rule id " + r.ID)
			}
			c.byID[r.ID] = r
			c.rules = append(c.rules, r)
		}
	}
	return c
}

// Rules returns every rule in catalogue order.
func (c *Catalogue) Rules() []*Rule { return c.rules }

// Rule returns the rule with id, or nil.
func (c *Catalogue) Rule(id string) *Rule { return c.byID[id] }

// Families returns the distinct rule families in catalogue order.
func (c *Catalogue) Families() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range c.rules {
		if !seen[r.Family] {
			seen[r.Family] = true
			out = append(out, r.Family)
		}
	}
	return out
}

// Known reports whether name is a rule id or a family.
func (c *Catalogue) Known(name string) bool {
	if c.byID[name] != nil {
		return true
	}
	for _, r := range c.rules {
		if r.Family == name {
			return true
		}
	}
	return false
}

// Severities maps rule ids and families to the severity a user chose.
// A rule id wins over its family; anything not listed keeps its default.
type Severities map[string]Severity

// For returns the effective severity of rule r.
func (s Severities) For(r *Rule) Severity {
	if sev, ok := s[r.ID]; ok {
		return sev
	}
	if sev, ok := s[r.Family]; ok {
		return sev
	}
	return r.Severity
}

// Check runs rule r on one entry and returns what it reported.
func (r *Rule) Check(e *Entry, c *Collection, exists func(string) bool) []Diagnostic {
	var out []Diagnostic
	r.run(&Pass{Entry: e, Collection: c, Exists: exists, report: func(d Diagnostic) { out = append(out, d) }})
	return out
}

// run runs r with pass p, which it claims for the duration.
func (r *Rule) run(p *Pass) {
	if r.Run == nil {
		return
	}
	p.rule = r
	r.Run(p)
}
