package infer

import (
	"fmt"
	"path"

	"github.com/glasgow-open-data/contentlint/lint"
)

// ruleChoice is init's decision on one rule whose fit depends on the
// collection: written in the collection's rules: when it differs from the
// rule's default, and explained either way.
type ruleChoice struct {
	id        string
	severity  lint.Severity // the severity written
	byDefault lint.Severity // the rule's own severity
	write     bool          // whether the collection sets it
	why       string        // for the configuration's comment and the report
	breaking  []string      // entries that break the rule today
}

// probedRules are the rules init runs over the entries before deciding:
// the heading rules, off unless a collection turns them on (init turns
// them on, at the built-in configuration's severities, where the entries
// show they fit), link-localhost, which tutorials break on purpose, and
// frontmatter-start, which entries of a site whose generator reads front
// matter after blank lines (Hugo) break without harm.
var probedRules = []struct {
	id       string
	severity lint.Severity
}{
	{"heading-title", lint.SeverityWarning},
	{"heading-skip", lint.SeverityWarning},
	{"section-empty", lint.SeverityWarning},
	{"section-duplicate", lint.SeverityError},
	{"link-localhost", lint.SeverityWarning},
	{"frontmatter-start", lint.SeverityWarning},
}

// Thresholds of the rule decisions.
const (
	headedTenths   = 1 // heading rules need headings in at least 10% of the entries...
	headedMin      = 3 // ...and in at least 3 of them
	localhostMin   = 1 // entries linking to localhost that make it the collection's habit
	insecureTenths = 1 // http in at least 10% of a collection's web addresses is its habit
	insecureMin    = 3 // ...when there are at least 3
)

// decideRules runs the probed rules over each collection's entries and
// decides: a heading rule is turned on where enough entries have headings
// and none breaks it (a rule entries break today describes the collection's
// habit, not a slip); link-localhost is turned off where entries
// links to localhost (instructions); url-insecure is turned off where plain
// http is common in the link fields (old project sites).
func decideRules(colls []*collection, opts Options) error {
	cat := opts.Catalogue
	cfg := &lint.Config{Name: "contentlint init", Dir: path.Clean(opts.ConfigDir), Severities: lint.Severities{}}
	for _, r := range cat.Rules() {
		cfg.Severities[r.ID] = lint.SeverityOff
	}
	probe := &lint.Collection{Name: "probe", Include: []string{"**"}, Severities: lint.Severities{}}
	for _, h := range probedRules {
		if cat.Rule(h.id) == nil {
			return fmt.Errorf("infer: the catalogue has no rule %s (a bug in contentlint init)", h.id)
		}
		probe.Severities[h.id] = h.severity
	}
	linter := lint.NewLinter(cat, cfg, opts.FS, 0)
	for _, c := range colls {
		breaking := map[string][]string{}
		for _, f := range c.group.files {
			if f.broken {
				continue
			}
			seen := map[string]bool{}
			for _, x := range linter.LintSource(f.fsPath, f.entry.Src, probe) {
				if id := x.Rule.ID; probe.Severities[id] != lint.SeverityOff && !seen[id] {
					seen[id] = true
					breaking[id] = append(breaking[id], f.entry.Path)
				}
			}
		}
		headed := c.sections.headed
		enoughHeadings := headed >= headedMin && atLeast(headed, c.entries, headedTenths)
		for _, h := range probedRules {
			ch := ruleChoice{id: h.id, byDefault: cat.Rule(h.id).Severity, breaking: breaking[h.id]}
			k := len(ch.breaking)
			switch {
			case h.id == "link-localhost":
				ch.severity = h.severity
				if k >= localhostMin {
					ch.severity, ch.write = lint.SeverityOff, true
					ch.why = fmt.Sprintf("%d %s to localhost, as instructions do", k, plural(k, "entry links", "entries link"))
				}
			case h.id == "frontmatter-start":
				// Published entries that open their front matter late show
				// that the site's generator reads it there.
				ch.severity = h.severity
				if k >= 1 {
					ch.severity, ch.write = lint.SeverityOff, true
					ch.why = fmt.Sprintf("%d %s front matter after blank lines or indentation, which the site's generator reads (Hugo does)", k, plural(k, "entry opens its", "entries open their"))
				}
			case headed == 0:
				ch.why = "no entry has a heading"
			case !enoughHeadings:
				ch.why = fmt.Sprintf("only %d of the %d entries %s headings", headed, c.entries, plural(headed, "has", "have"))
			case k > 0:
				ch.why = fmt.Sprintf("%d of the %d entries with headings %s", k, headed, headingHabit[h.id])
			default:
				ch.severity, ch.write = h.severity, true
				ch.why = fmt.Sprintf("none of the %d entries with headings breaks it", headed)
			}
			c.rules = append(c.rules, ch)
		}
		if r := cat.Rule("url-insecure"); r != nil {
			ch := c.insecureChoice()
			ch.byDefault = r.Severity
			c.rules = append(c.rules, ch)
		}
	}
	return nil
}

// headingHabit says what breaking each heading rule looks like.
var headingHabit = map[string]string{
	"heading-title":     "have a level-1 heading beside the front matter's title",
	"heading-skip":      "skip a heading level",
	"section-empty":     "have a heading with nothing under it",
	"section-duplicate": "repeat a heading within a section",
}

// insecureChoice turns url-insecure off where http is common in the
// collection's link fields.
func (c *collection) insecureChoice() ruleChoice {
	ch := ruleChoice{id: "url-insecure", severity: lint.SeverityWarning}
	web, http := 0, 0
	for _, n := range c.fields() {
		if d := n.decl; d.kind == lint.KindURL {
			web += d.web
			http += d.http
		}
	}
	switch {
	case web == 0:
	case http >= insecureMin && atLeast(http, web, insecureTenths):
		ch.severity, ch.write = lint.SeverityOff, true
		ch.why = fmt.Sprintf("%s in the link fields use plain http: a habit here, not a slip", ratio(http, web, "web addresses"))
	case http > 0:
		ch.why = fmt.Sprintf("%d of %d web addresses in the link fields %s plain http", http, web, plural(http, "uses", "use"))
	}
	return ch
}
