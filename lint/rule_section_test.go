package lint_test

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
)

// The section and body rules' table tests: each case is one entry, linted
// with a collection that declares only sections (the built-in
// configuration's, unless the case says otherwise), and the findings of the
// rule under test must be exactly the case's.

// bodyTestFrontMatter is six lines long, so every body fixture starts on line 7.
const bodyTestFrontMatter = "---\n" +
	"title: \"Glasgow Open Data Group\"\n" +
	"location: Glasgow\n" +
	"tags:\n" +
	"  - civic tech\n" +
	"---\n"

// entryPath is where a case's entry sits; the files a case says exist are
// next to it.
const entryPath = "content/groups/glasgow.md"

// bodyRuleCase is one table-test case for a section or body rule.
type bodyRuleCase struct {
	name string
	rule string // the rule id under test
	// src is the body, after bodyTestFrontMatter; with a leading "---" it is the whole file.
	src      string
	sections *lint.Sections  // nil means the built-in configuration's
	noSecs   bool            // run with a collection that declares no sections
	exists   map[string]bool // files next to the entry; nil means an empty folder
	noExists bool            // no file system: Pass.Exists is nil
	// want lists the expected findings, each "line:col message-substring".
	want []string
}

// file returns the file a case lints.
func (c bodyRuleCase) file() string {
	if strings.HasPrefix(c.src, "---") {
		return c.src
	}
	return bodyTestFrontMatter + c.src
}

// folder makes a file system holding the given files (and folders) next to
// the entry.
func folder(exists map[string]bool) fs.FS {
	fsys := fstest.MapFS{}
	for p := range exists {
		isDir := false
		for q := range exists {
			isDir = isDir || strings.HasPrefix(q, p+"/")
		}
		if !isDir { // a folder appears with the files in it
			fsys["content/groups/"+p] = &fstest.MapFile{}
		}
	}
	return fsys
}

// sectionsCollection is a collection that declares s, and nothing else.
func sectionsCollection(s *lint.Sections) *lint.Collection {
	// The built-in collection's rule settings turn the heading rules on.
	cfg, err := builtinConfig()
	if err != nil {
		panic(err)
	}
	return &lint.Collection{Name: "test", Sections: s, Severities: cfg.Collections[0].Severities}
}

// run lints src with the case's collection and folder and returns the
// findings of the rule under test. A check that panics fails the test.
func (c bodyRuleCase) run(t testing.TB, src string) []lint.Finding {
	t.Helper()
	cat, cfg := builtin(t)
	if cat.Rule(c.rule) == nil {
		t.Fatalf("no rule %q", c.rule)
	}
	if e := lint.NewParser().Parse(entryPath, []byte(src)); e.Fatal || !e.BodyChecked() {
		t.Fatalf("fixture does not parse: %v", e.Problems)
	}
	coll := sectionsCollection(cmp.Or(c.sections, defaultSections(t)))
	if c.noSecs {
		coll.Sections = nil
	}
	var fsys fs.FS
	if !c.noExists {
		fsys = folder(c.exists)
	}
	var out []lint.Finding
	for _, f := range lint.NewLinter(cat, cfg, fsys, 0).LintSource(entryPath, []byte(src), coll) {
		if f.Rule.ID == "internal-error" {
			t.Fatalf("a check failed: %s", f.Message)
		}
		if f.Rule.ID == c.rule {
			out = append(out, f)
		}
	}
	return out
}

// check asserts that the findings are exactly the case's want list. Findings
// come sorted by position and message; wants at one position may be listed
// in any order.
func (c bodyRuleCase) check(t *testing.T, fs []lint.Finding) {
	t.Helper()
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%d:%d %s [%s]", f.Span.Start.Line, f.Span.Start.Column, f.Message, f.Rule.ID))
	}
	if len(fs) != len(c.want) {
		t.Fatalf("got %d findings, want %d:\n  got:  %s\n  want: %s", len(fs), len(c.want),
			strings.Join(got, "\n        "), strings.Join(c.want, "\n        "))
	}
	used := make([]bool, len(fs))
	for _, w := range c.want {
		pos, msg, _ := strings.Cut(w, " ")
		found := false
		for i, f := range fs {
			if used[i] || fmt.Sprintf("%d:%d", f.Span.Start.Line, f.Span.Start.Column) != pos || !strings.Contains(f.Message, msg) {
				continue
			}
			used[i], found = true, true
			if f.Span.End.Offset < f.Span.Start.Offset {
				t.Errorf("finding ends before it starts: %s %+v", got[i], f.Span)
			}
			break
		}
		if !found {
			t.Errorf("no finding at %s containing %q; got:\n        %s", pos, msg, strings.Join(got, "\n        "))
		}
	}
	if !slices.IsSortedFunc(fs, lint.Compare) {
		t.Errorf("findings are not sorted: %s", got)
	}
}

// runBodyRuleCases runs each case on its file as written and with CRLF line
// endings: positions must not change.
func runBodyRuleCases(t *testing.T, cases []bodyRuleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			c.check(t, c.run(t, c.file()))
		})
		t.Run(c.rule+"/"+c.name+"/crlf", func(t *testing.T) {
			c.check(t, c.run(t, strings.ReplaceAll(c.file(), "\n", "\r\n")))
		})
	}
}

// orderedSections asks for the built-in required sections, in order, with
// one recommended section.
func orderedSections(t testing.TB) *lint.Sections {
	return &lint.Sections{
		Required:    defaultSections(t).Required,
		Recommended: []lint.Section{{Title: "Resources"}},
		Order:       true,
	}
}

// fullBody has every default section, so only the finding under test shows.
const fullBody = `## Our Mission

We open up data.

## Current Projects

A transport dashboard.

## Regular Activities

Hack nights.

## Who We Are

Developers and planners.

## Get Involved

Come along.

## Resources

- [Portal](https://data.glasgow.gov.uk/)
`

// sectionCases are the section and heading rules' cases; t gives the
// built-in sections to the cases that derive theirs from them.
func sectionCases(t testing.TB) []bodyRuleCase {
	return []bodyRuleCase{
		// section-required
		{name: "missing after present section", rule: "section-required", src: "Intro paragraph.\n\n## Our Mission\n\nWe open up data.\n\n## Resources\n\n- a\n",
			want: []string{`9:1 missing required section "Get Involved"; add "## Get Involved" after "Our Mission"`}},
		{name: "missing before first heading", rule: "section-required", src: "Intro.\n\n## Current Projects\n\nA dashboard.\n",
			want: []string{
				`9:1 missing required section "Our Mission"; add "## Our Mission" before "Current Projects"`,
				`9:1 missing required section "Get Involved"; add "## Get Involved" before "Current Projects"`,
			}},
		{name: "missing after page heading", rule: "section-required", src: "# Welcome\n\nHello.\n\n## Our Mission\n\nData.\n",
			want: []string{`11:1 add "## Get Involved" after "Our Mission"`}},
		{name: "missing under level-1 heading", rule: "section-required", src: "\n# Welcome\n\nHello.\n\n## How to help\n\nCome.\n",
			want: []string{`8:1 add "## Our Mission" after "Welcome"`, `8:1 add "## Get Involved" after "Welcome"`}},
		{name: "no headings", rule: "section-required", src: "Just a paragraph\nover two lines.\n\n\n",
			want: []string{`8:1 missing required section "Our Mission"; add "## Our Mission" to the body`, `8:1 "## Get Involved" to the body`}},
		{name: "present", rule: "section-required", src: fullBody},
		{name: "markup, punctuation and alias", rule: "section-required", src: "## **Our** mission:\n\nData.\n\n##   How to get   INVOLVED?\n\nCome.\n"},
		{name: "wrong level counts as present", rule: "section-required", src: "### Our Mission\n\nData.\n\n## Get Involved\n\nCome.\n"},
		{name: "quoted heading is not a section", rule: "section-required", src: "> ## Our Mission\n\n## Get Involved\n\nCome.\n",
			want: []string{`9:1 add "## Our Mission" before "Get Involved"`}},
		{name: "blank body left to body-empty", rule: "section-required", src: "\n  \n"},
		{name: "no sections declared", rule: "section-required", src: "Text.\n", noSecs: true},

		// section-recommended
		{name: "missing", rule: "section-recommended", src: "## Our Mission\n\nData.\n\n## Current Projects\n\nDash.\n\n## Who We Are\n\nUs.\n\n## Get Involved\n\nCome.\n",
			want: []string{
				`11:1 missing recommended section "Regular Activities"; add "## Regular Activities" after "Current Projects"`,
				`15:1 missing recommended section "Resources"; add "## Resources" after "Who We Are"`,
			}},
		{name: "blank body without required sections", rule: "section-recommended", src: "\n",
			sections: &lint.Sections{Recommended: []lint.Section{{Title: "Resources"}}},
			want:     []string{`6:1 missing recommended section "Resources"; add "## Resources" to the body`}},
		{name: "present", rule: "section-recommended", src: fullBody},

		// section-order
		{name: "out of order", rule: "section-order", sections: orderedSections(t),
			src:  "## Get Involved\n\nCome.\n\n## Resources\n\n- a\n\n## Our Mission\n\nData.\n",
			want: []string{`15:1 section "Our Mission" is out of order; move it before "Get Involved" (sections go in the order "Our Mission", "Get Involved", "Resources")`}},
		// The fewest moves, each named so that one step places the section.
		{name: "first section last", rule: "section-order", sections: orderedSections(t),
			src:  "## Resources\n\n- a\n\n## Our Mission\n\nData.\n\n## Get Involved\n\nCome.\n",
			want: []string{`7:1 section "Resources" is out of order; move it after "Get Involved"`}},
		{name: "middle section late", rule: "section-order", sections: orderedSections(t),
			src:  "## Our Mission\n\nData.\n\n## Resources\n\n- a\n\n## Get Involved\n\nCome.\n",
			want: []string{`15:1 section "Get Involved" is out of order; move it before "Resources"`}},
		{name: "reversed", rule: "section-order", sections: orderedSections(t),
			src: "## Resources\n\n- a\n\n## Get Involved\n\nCome.\n\n## Our Mission\n\nData.\n",
			want: []string{`11:1 section "Get Involved" is out of order; move it before "Resources"`,
				`15:1 section "Our Mission" is out of order; move it before "Resources"`}},
		{name: "undeclared headings in between", rule: "section-order", sections: orderedSections(t),
			src:  "## Get Involved\n\nCome.\n\n## History\n\nOld.\n\n## Our Mission\n\nData.\n",
			want: []string{`15:1 section "Our Mission" is out of order; move it before "Get Involved"`}},
		{name: "in order", rule: "section-order", sections: orderedSections(t),
			src: "## Our Mission\n\nData.\n\n## Other\n\nx\n\n## Get Involved\n\nCome.\n\n## Resources\n\n- a\n"},
		{name: "order not asked for", rule: "section-order",
			src: "## Get Involved\n\nCome.\n\n## Our Mission\n\nData.\n"},

		// section-level
		{name: "too deep", rule: "section-level", src: "## Intro\n\nHi.\n\n### Our Mission\n\nData.\n\n## Get Involved\n\nCome.\n",
			want: []string{`11:1 "Our Mission" is a level-3 heading; make it "## Our Mission"`}},
		{name: "level 1 with markup", rule: "section-level", src: "# **Get** involved!\n\nCome.\n",
			want: []string{`7:1 "Get involved!" is a level-1 heading; make it "## Get involved!"`}},
		{name: "sub-heading beside the real section", rule: "section-level",
			src: "## Current Projects\n\n### Resources\n\nSlides.\n\n## Resources\n\n- a\n"},
		{name: "declared level 3", rule: "section-level", sections: &lint.Sections{Required: []lint.Section{{Title: "Our Mission"}}, Level: 3},
			src:  "## Our Mission\n\nData.\n",
			want: []string{`7:1 "Our Mission" is a level-2 heading; make it "### Our Mission"`}},
		{name: "right level", rule: "section-level", src: fullBody},

		// section-empty
		{name: "empty before sibling", rule: "section-empty", src: "## Our Mission\n\n## Get Involved\n\nCome.\n",
			want: []string{`7:1 section "Our Mission" is empty`}},
		{name: "last heading", rule: "section-empty", src: "## Our Mission\n\nData.\n\n  ## Get Involved  \n\n",
			want: []string{`11:3 section "Get Involved" is empty`}},
		{name: "only empty sub-heading", rule: "section-empty", src: "## Current Projects\n### Dashboard\n## Get Involved\n\nCome.\n",
			want: []string{`7:1 section "Current Projects" is empty`, `8:1 section "Dashboard" is empty`}},
		{name: "comment, definition and rule are not content", rule: "section-empty",
			src:  "## Resources\n\n<!-- TODO -->\n\n[portal]: https://data.glasgow.gov.uk/\n\n***\n\n## Get Involved\n\nCome.\n",
			want: []string{`7:1 section "Resources" is empty`}},
		{name: "sub-heading with content", rule: "section-empty", src: "## Current Projects\n\n### Dashboard\n\nBuses.\n"},
		{name: "seed-like", rule: "section-empty", src: fullBody},

		// section-duplicate
		{name: "same level same parent", rule: "section-duplicate", src: "## Resources\n\n- a\n\n## Other\n\nx\n\n## resources:\n\n- b\n",
			want: []string{`15:1 duplicate heading "resources:"; "Resources" is already on line 7`}},
		{name: "alias of the same section", rule: "section-duplicate", src: "## Get Involved\n\nCome.\n\n## How to Get Involved\n\nPlease.\n",
			want: []string{`11:1 duplicate heading "How to Get Involved"; "Get Involved" is already on line 7`}},
		{name: "different parents", rule: "section-duplicate", src: "## Project A\n\n### Resources\n\na\n\n## Project B\n\n### Resources\n\nb\n"},
		{name: "different levels", rule: "section-duplicate", src: "## Resources\n\n### Resources\n\na\n"},

		// heading-skip
		{name: "two levels down", rule: "heading-skip", src: "## Current Projects\n\nx\n\n#### Housing Data\n\ny\n",
			want: []string{`11:1 heading "Housing Data" is level 4 after a level-2 heading; make it "### Housing Data"`}},
		{name: "first heading under the title", rule: "heading-skip", src: "Intro.\n\n### Our Mission\n\nx\n",
			want: []string{`9:1 heading "Our Mission" is level 3 after the page title (level 1); make it "## Our Mission"`}},
		{name: "first heading without a title", rule: "heading-skip", src: "---\nlocation: Glasgow\n---\n### Our Mission\n\nx\n"},
		{name: "back up is fine", rule: "heading-skip", src: "## A\n\n### B\n\n#### C\n\n## D\n\n### E\n"},

		// heading-title
		{name: "level 1 with title", rule: "heading-title", src: "# Glasgow Open Data Group\n\nHello.\n\nWelcome\n=======\n",
			want: []string{
				`7:1 level-1 heading "Glasgow Open Data Group" repeats the page heading: the front matter title "Glasgow Open Data Group"`,
				`11:1 make it "## Welcome"`,
			}},
		{name: "no title", rule: "heading-title", src: "---\nlocation: Glasgow\ntitle: \"  \"\n---\n# Glasgow Open Data Group\n"},
		{name: "level 2", rule: "heading-title", src: fullBody},
	}
}

func TestSectionRules(t *testing.T) {
	runBodyRuleCases(t, sectionCases(t))
}

// sectionBodyRule reports whether r is a section or body rule that a check
// reports (body-nesting is the parser's, covered by the robustness tests).
func sectionBodyRule(r *lint.Rule) bool {
	switch r.Family {
	case "section", "link", "image", "body":
		return r.ID != "body-nesting"
	}
	return false
}

// TestSectionBodyRulesHaveCases makes sure every rule has a failing and a
// passing case.
func TestSectionBodyRulesHaveCases(t *testing.T) {
	fails, passes := map[string]bool{}, map[string]bool{}
	for _, c := range slices.Concat(sectionCases(t), bodyCases) {
		if len(c.want) > 0 {
			fails[c.rule] = true
		} else {
			passes[c.rule] = true
		}
	}
	n := 0
	for _, r := range lint.DefaultCatalogue().Rules() {
		if !sectionBodyRule(r) {
			continue
		}
		n++
		if !fails[r.ID] || !passes[r.ID] {
			t.Errorf("rule %s needs a failing and a passing case (failing %v, passing %v)", r.ID, fails[r.ID], passes[r.ID])
		}
	}
	if n < 15 {
		t.Errorf("only %d section and body rules in the catalogue", n)
	}
}

// TestSectionBodyRulesCatalogue checks each rule's metadata, and that its Bad
// example fires it and its Good example does not with the built-in
// required sections in order (ruledoc's TestExamples runs the examples
// with their own configuration).
func TestSectionBodyRulesCatalogue(t *testing.T) {
	docSections := &lint.Sections{
		Required:    defaultSections(t).Required,
		Recommended: []lint.Section{{Title: "Current Projects"}},
		Order:       true,
	}
	exists := map[string]bool{"images/glasgow-open-data.png": true}
	for _, r := range lint.DefaultCatalogue().Rules() {
		if !sectionBodyRule(r) {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			for _, part := range strings.Split(r.ID, "-") {
				if part == "" || strings.ToLower(part) != part {
					t.Errorf("id is not kebab-case")
				}
			}
			if r.Family == "" || r.Title == "" || r.Doc == "" || r.Bad == "" || r.Good == "" || len(r.Tags) == 0 {
				t.Errorf("incomplete rule: %+v", *r)
			}
			if strings.Contains(r.Title, "\n") {
				t.Errorf("title is not one line")
			}
			bad := bodyRuleCase{rule: r.ID, src: r.Bad, sections: docSections, exists: exists}
			if fs := bad.run(t, bad.file()); len(fs) == 0 {
				t.Errorf("Bad example does not fire the rule:\n%s", r.Bad)
			}
			good := bodyRuleCase{rule: r.ID, src: r.Good, sections: docSections, exists: exists}
			if fs := good.run(t, good.file()); len(fs) != 0 {
				t.Errorf("Good example fires the rule: %v\n%s", fs, r.Good)
			}
		})
	}
}

// TestSectionBodyRulesSeedClean lints the seed, with every line ending and
// with a byte-order mark, with the built-in sections and the built-in
// collection: no rule may fire.
func TestSectionBodyRulesSeedClean(t *testing.T) {
	cat, cfg := builtin(t)
	src := string(seedSource(t))
	variants := map[string]string{
		"lf":   src,
		"crlf": strings.ReplaceAll(src, "\n", "\r\n"),
		"bom":  "\uFEFF" + src,
		"both": "\uFEFF" + strings.ReplaceAll(src, "\n", "\r\n"),
	}
	l := lint.NewLinter(cat, cfg, fstest.MapFS{}, 0)
	for name, v := range variants {
		e := lint.NewParser().Parse("glasgow-open-data.md", []byte(v))
		if !e.BodyChecked() || e.Data["title"] == nil {
			t.Fatalf("%s: seed did not parse: %v", name, e.Problems)
		}
		for _, c := range []*lint.Collection{sectionsCollection(defaultSections(t)), cfg.Collections[0]} {
			for _, f := range l.LintSource("glasgow-open-data.md", []byte(v), c) {
				t.Errorf("%s: %s: %d:%d %s", name, f.Rule.ID, f.Span.Start.Line, f.Span.Start.Column, f.Message)
			}
		}
	}
}
