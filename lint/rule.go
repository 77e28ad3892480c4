package lint

import (
	"fmt"
	"slices"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Rule is one kind of finding: a stable id, its documentation and a default
// severity. Rules are values that code reports under
// (p.Report(ruleSchemaType, ...)); the code lives in a Check, so that one
// check can report several related rules (the schema check reports every
// schema-* rule from one validation) and a rule's documentation does not
// depend on how it is found.
type Rule struct {
	ID     string // stable kebab-case id: the SARIF ruleId, suppression key and docs anchor
	Family string // the group a configuration can switch as one, e.g. "schema" or "social"
	Title  string // one line
	Doc    string // what the rule checks and why
	// Bad is a complete entry that fires the rule, and only it; Good is the
	// same entry, fixed, which is clean. Both are linted by a test and Bad's
	// real output is shown in docs/rules.md.
	Bad, Good string
	// Config is a configuration (YAML) the examples are linted with; empty
	// means the built-in defaults. Files are other files the examples need
	// (a schema), by path relative to the configuration.
	Config string
	Files  map[string]string
	// ExampleName is the file name Bad and Good are linted under, for a
	// rule about file names; "" means entry.md.
	ExampleName string
	// ExampleNote replaces Bad and Good where a file cannot be shown inline
	// (binary, unreadable, too large): it says what such a file is and how
	// the example test makes one.
	ExampleNote string
	Severity    Severity // default severity
	Tags        []string // SARIF properties.tags
	// Options declares what the rule can be told in the configuration; nil
	// when it takes none.
	Options *RuleOptions
}

// RuleOptions declares a rule's options: a JSON Schema for the options
// object, validated with the rest of the configuration, and the defaults.
type RuleOptions struct {
	// Schema is the JSON Schema (draft 2020-12) of the options object.
	Schema string
	// Default returns a new options value (a pointer to the rule's options
	// struct) holding the defaults; configured options are decoded onto it.
	Default func() any
}

// Check is code that runs on every entry and reports under the rules it
// declares. A check without Run declares rules that the parser or the
// linter reports itself (a file that cannot be read, an unused suppression).
//
// A check that needs every entry of a run (duplicates, references) also
// has Collect and Finish: Collect keeps, from each entry as it is linted,
// only the values Finish needs, and Finish runs once after every file is
// linted, over what was kept (see Collected).
type Check struct {
	Rules []*Rule
	Run   func(*Pass)
	// Collect returns what Finish needs of the pass's entry, holding no
	// reference to the entry itself (copy strings, keep Places), or nil
	// for nothing. It runs in the entry's worker, after Run, and must not
	// report.
	Collect func(*Pass) any
	// Finish runs once per run, after every entry is collected.
	Finish func(*Collected)
}

// Pass is what a check sees of one entry while it runs.
type Pass struct {
	Entry      *Entry
	Collection *Collection
	// Exists reports whether a file or folder exists at a slash-separated
	// path relative to the entry's folder. Checks never touch the file
	// system themselves; nil means "cannot tell" and such checks are skipped.
	Exists func(rel string) bool

	check  *Check
	report func(Diagnostic)
	// online is the online audit's configuration and verdicts.
	online *onlineRun
	// unchecked records where a rule could have fired had its target been
	// checked, so that suppressions there are not called unused.
	unchecked func(Diagnostic)
	// fieldKinds remembers the collection's field kinds; nil for a
	// collection the linter was not configured with.
	fieldKinds *fieldKindCache
	linter     *Linter // nil in passes built by hand
	reread     bool    // see Rereadable
}

// fieldKind returns the declaration that claims the field at keys, or nil.
func (p *Pass) fieldKind(keys []string) *FieldKind {
	if p.fieldKinds != nil {
		return p.fieldKinds.fieldKind(keys)
	}
	return p.Collection.FieldKind(keys)
}

// Report records a finding of rule r at span.
func (p *Pass) Report(r *Rule, span source.Span, format string, args ...any) {
	p.ReportDiagnostic(Diagnostic{Rule: r, Span: span, Message: fmt.Sprintf(format, args...)})
}

// ReportField records a finding of rule r about the front matter value at
// pointer ptr: at the value, naming the field path, with the message
// prefixed by it ("social.twitter: ...").
func (p *Pass) ReportField(r *Rule, ptr string, format string, args ...any) {
	e := p.Entry
	field := source.FieldPath(e.Data, ptr)
	msg := fmt.Sprintf(format, args...)
	if field != "" {
		msg = field + ": " + msg
	}
	p.ReportDiagnostic(Diagnostic{Rule: r, Span: e.Locate(ptr).Value, Field: field, Message: msg})
}

// ReportDiagnostic records d. Its rule must be one the running check
// declares: reporting another is a bug, and panics.
func (p *Pass) ReportDiagnostic(d Diagnostic) {
	if p.check != nil && !slices.Contains(p.check.Rules, d.Rule) {
		id := "<nil>"
		if d.Rule != nil {
			id = d.Rule.ID
		}
		panic(fmt.Sprintf("a check reported rule %s, which it does not declare", id))
	}
	p.report(d)
}

// Options returns rule r's options for the entry's collection: a pointer
// to the value r.Options.Default returns, with the configured options
// decoded onto it. It is nil for a rule without options.
func (p *Pass) Options(r *Rule) any {
	if p.linter == nil {
		return nil
	}
	return p.linter.ruleOptions(p.Collection, r)
}

// Catalogue is the ordered set of every rule and check the linter knows.
type Catalogue struct {
	checks   []*Check
	cross    []*Check        // the checks with a Finish step, in catalogue order
	crossIDs map[string]bool // the ids and families of their rules
	rules    []*Rule
	byID     map[string]*Rule
	families map[string]bool
	defaults map[*Rule]any // each rule's default options
}

// NewCatalogue indexes checks and their rules; ids must be unique.
func NewCatalogue(checks ...Check) *Catalogue {
	c := &Catalogue{byID: map[string]*Rule{}, families: map[string]bool{}, defaults: map[*Rule]any{}, crossIDs: map[string]bool{}}
	for i := range checks {
		ch := &checks[i]
		c.checks = append(c.checks, ch)
		if ch.Finish != nil {
			c.cross = append(c.cross, ch)
			for _, r := range ch.Rules {
				c.crossIDs[r.ID], c.crossIDs[r.Family] = true, true
			}
		}
		for _, r := range ch.Rules {
			if _, dup := c.byID[r.ID]; dup {
				panic("lint: duplicate rule id " + r.ID)
			}
			c.byID[r.ID] = r
			c.families[r.Family] = true
			c.rules = append(c.rules, r)
			if r.Options != nil {
				c.defaults[r] = r.Options.Default()
			}
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
func (c *Catalogue) Known(name string) bool { return c.byID[name] != nil || c.families[name] }

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
