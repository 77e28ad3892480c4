package lint_test

import (
	"cmp"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

var bodyCases = []bodyRuleCase{
	// link-url
	{name: "scheme typo", rule: "link-url", src: "Read the [charter](htps://glasgowopendata.org/charter) now.\n",
		want: []string{`7:10 link "htps://glasgowopendata.org/charter": "htps:" looks like a typo for "https:"`}},
	{name: "image, columns in code points", rule: "link-url", src: "Café ![map](<https://data glasgow.org/map.png>)\n",
		want: []string{`7:6 image "https://data glasgow.org/map.png": `}},
	{name: "nested containers", rule: "link-url", src: "Intro.\n\n> - See [it](javascript:alert(1))\n",
		want: []string{`9:9 link "javascript:alert(1)": "javascript:" links run code`}},
	{name: "protocol-relative works on an https site", rule: "link-url", src: "[Forum](//forum.glasgowopendata.org)\n"},
	{name: "protocol-relative to a private host", rule: "link-url", src: "[Router](//192.168.1.1/admin)\n",
		want: []string{`7:1 link "//192.168.1.1/admin": `}},
	{name: "other applications' schemes", rule: "link-url", src: "[Join](zoommtg://zoom.us/join?confno=1) [src](view-source:https://example.org/) [irc](irc://irc.libera.chat/#x)\n"},
	{name: "autolinks", rule: "link-url", src: "Try <http://localhost:8080/> or\nvisit https://intranet.local/admin today.\n",
		want: []string{`8:7 link "https://intranet.local/admin": host "intranet.local" only works on a local network`}},
	{name: "localhost in instructions", rule: "link-localhost", src: "Run it, then open <http://localhost:8080/> or [this](http://127.0.0.1:1111/a).\n",
		want: []string{`7:47 link "http://127.0.0.1:1111/a" points at the reader's own computer`}}, // the autolink shows its address
	{name: "public hosts are not local", rule: "link-localhost", src: "[a](https://localhost.example.org/) [b](http://10.0.0.1/) [c](mailto:a@localhost)\n"},
	{name: "table and heading", rule: "link-url", src: "## [Docs](htps://a.org)\n\n| a | b |\n|---|---|\n| x | [y](htps://b.org) |\n",
		want: []string{`7:4 link "htps://a.org"`, `11:7 link "htps://b.org"`}},
	{name: "reference definition", rule: "link-url", src: "See [the portal][p].\n\n[p]: htps://data.glasgow.gov.uk/\n",
		want: []string{`7:5 link "htps://data.glasgow.gov.uk/"`}},
	{name: "valid and ignored", rule: "link-url", src: "[a](#get-involved) [b](tel:+441412345678) [c](mailto:contact@glasgowopendata.org)\n" +
		"[d](docs/a.md) [e](/about) www.glasgowopendata.org <https://github.com/glasgow-open-data>\n" +
		"![Logo](https://glasgowopendata.org/logo.png \"Logo\") [f](https://data.glasgow.gov.uk/?a=1&amp;b=2)\n" +
		"`[g](htps://in.code)`\n\n    [h](htps://in.code.block)\n"},

	// link-email
	{name: "mailto without a domain", rule: "link-email", src: "[Email us](mailto:contact@glasgowopendata)\n",
		want: []string{`7:1 link "mailto:contact@glasgowopendata": `}},
	{name: "email autolink", rule: "link-email", src: "Write to <contact..us@glasgowopendata.org>.\n",
		want: []string{`7:10 link "contact..us@glasgowopendata.org": the part before the "@" has two dots in a row`}},
	{name: "second of two addresses", rule: "link-email", src: "- [Both](mailto:a@glasgowopendata.org,b@@glasgowopendata.org)\n",
		want: []string{`7:3 address "b@@glasgowopendata.org" has more than one "@"`}},
	{name: "valid", rule: "link-email", src: "[Email](mailto:contact@glasgowopendata.org?subject=Hello%20there) " +
		"<contact@glasgowopendata.org> [Encoded](mailto:contact%40glasgowopendata.org) [Web](https://glasgowopendata.org)\n"},

	// link-missing-file
	{name: "missing targets", rule: "link-missing-file",
		exists: map[string]bool{"docs/guide.md": true, "images/logo.png": true, "files/a b.pdf": true, "docs": true},
		src: "[guide](docs/guide.md#intro), [missing](docs/missing.md), ![logo](./images/logo.png)\n" +
			"[pdf](files/a%20b.pdf?dl=1), [about](/about), [sec](#x), [up](../other.md)\n\n" +
			"![Our logo](images/missing.png) [folder](docs/) [space](my%20file.md)\n",
		want: []string{
			`7:31 link target "docs/missing.md" does not exist (looked for "docs/missing.md" relative to this file's folder)`,
			`8:58 link target "../other.md" does not exist`,
			`10:1 image target "images/missing.png" does not exist`,
			`10:49 looked for "my file.md"`,
		}},
	{name: "no file system", rule: "link-missing-file", noExists: true, src: "[missing](docs/missing.md)\n"},
	{name: "present", rule: "link-missing-file", exists: map[string]bool{"docs/guide.md": true},
		src: "[Guide](docs/guide.md) [site](/docs/other.md) [web](https://glasgowopendata.org/a.md)\n"},

	// link-empty-text
	{name: "no text", rule: "link-empty-text", src: "Join the [](https://forum.glasgowopendata.org) or\n[ ](https://github.com/glasgow-open-data).\n",
		want: []string{`7:10 link to "https://forum.glasgowopendata.org" has no text`, `8:1 link to "https://github.com/glasgow-open-data" has no text`}},
	{name: "image and code count as text", rule: "link-empty-text",
		src: "[![Logo](images/logo.png)](https://glasgowopendata.org) [`repo`](https://github.com/glasgow-open-data) <https://glasgowopendata.org>\n"},

	// link-empty-destination
	{name: "empty", rule: "link-empty-destination", src: "See the [data portal]() and [map](<>).\n\n![chart]()\n",
		want: []string{`7:9 link "data portal" has an empty destination`, `7:29 link "map" has an empty destination`, `9:1 image "chart" has an empty destination`}},
	{name: "present", rule: "link-empty-destination", src: "[Portal](https://data.glasgow.gov.uk/) [Top](#top)\n"},

	// link-reference-undefined
	{name: "full and collapsed", rule: "link-reference-undefined",
		src: "Read the [charter][charter] and the [FAQ][].\n\n" +
			"`[a][b]` and [ok][PORTAL] and [x] and \\[a\\]\\[b\\] and ![alt][nope].\n\n" +
			"- [ ] task\n- [x] done\n\n```\n[code][block]\n```\n" +
			"> *[em][phasis]* and [multi\n> line][gone] and [foo][bar][baz]\n\n" +
			"[Portal]: https://data.glasgow.gov.uk/\n",
		want: []string{
			`7:10 reference link "[charter][charter]" has no definition for "charter"; add a line "[charter]: https://..."`,
			`7:37 reference link "[FAQ][]" has no definition for "FAQ"`,
			`9:55 reference link "[alt][nope]" has no definition for "nope"`,
			`17:4 no definition for "phasis"`,
			`17:22 reference link "[multi > line][gone]" has no definition for "gone"`,
			`18:19 reference link "[foo][bar]" has no definition for "bar"`,
		}},
	{name: "defined", rule: "link-reference-undefined",
		src: "[Charter][c], [c][], [c], [a `]` b][c] and `[x][y]`.\n\n```\n[x][y]\n```\n\n[C]: https://glasgowopendata.org/charter\n"},

	// link-anchor (within the entry; across files: testdata/rules/link-anchor)
	{name: "heading renamed", rule: "link-anchor",
		src: "## Get Involved\n\nSee [how to join](#get-involed), [the top](#top), [this](#) and [X](#Get-Involved).\n\n## Café & Co.\n\n[cafe](#cafe--co)\n",
		want: []string{
			`9:5 link "#get-involed": this file has no heading or anchor "#get-involed"; did you mean "#get-involved"?`,
			`9:65 link "#Get-Involved": this file has no heading or anchor "#Get-Involved"; did you mean "#get-involved"? (anchors are lowercase)`,
			`13:1 link "#cafe--co": this file has no heading or anchor "#cafe--co"; did you mean "#café--co"?`,
		}},
	{name: "no headings", rule: "link-anchor", src: "See [below](#below).\n",
		want: []string{`7:5 link "#below": this file has no heading or anchor "#below"; it has no headings`}},
	{name: "anchors that exist", rule: "link-anchor",
		src: "## FAQ\n\n## FAQ\n\n## `go vet` & C++ {#tools}\n\n<a id=\"old-name\"></a>\n\n### Émigré: 1. Über_cool?\n\n" +
			"[a](#faq) [b](#faq-1) [c](#tools) [d](#go-vet--c) [e](#old-name) [f](#%C3%A9migr%C3%A9-1-%C3%BCber_cool) " +
			"[g](#user-content-faq) [h](https://example.org/#nope) [i](/about#nope) [j](notes.txt#nope) ![k](img.svg#nope)\n"},

	// image-alt
	{name: "no alt", rule: "image-alt", src: "![](images/logo.png) and ![ ](x.png)\n\n[![](badge.svg)](https://glasgowopendata.org)\n",
		want: []string{`7:1 image "images/logo.png" has no alt text`, `7:26 image "x.png" has no alt text`, `9:2 image "badge.svg"`}},
	{name: "alt", rule: "image-alt", src: "![Logo](images/logo.png) ![**Bold** logo](x.png)\n"},

	// body-empty
	{name: "front matter only", rule: "body-empty", src: "---\ntitle: Glasgow\n---\n",
		want: []string{`3:1 body is empty; write the entry's sections after the front matter, starting with "## Our Mission", "## Get Involved"`}},
	{name: "whitespace", rule: "body-empty", src: "\n   \n\t\n",
		want: []string{`6:1 body is empty`}},
	{name: "content", rule: "body-empty", src: fullBody},
	{name: "no sections declared", rule: "body-empty", src: "\n", noSecs: true},
	{name: "no required sections", rule: "body-empty", src: "\n", sections: &lint.Sections{Recommended: []lint.Section{{Title: "Resources"}}}},
}

func TestBodyRules(t *testing.T) {
	runBodyRuleCases(t, bodyCases)
}

// TestBodyRulesBOM checks that a byte-order mark before the front matter
// moves no body position.
func TestBodyRulesBOM(t *testing.T) {
	for _, c := range slices.Concat(sectionCases(t), bodyCases) {
		if len(c.want) == 0 {
			continue
		}
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			c.check(t, c.run(t, "\uFEFF"+c.file()))
		})
	}
}

// fuzzCollections are the collections the fuzz target lints with: the
// built-in sections, and the same in order so that section-order runs too.
func fuzzCollections(t testing.TB) []*lint.Collection {
	s := defaultSections(t)
	ordered := &lint.Sections{Required: s.Required, Recommended: s.Recommended, Level: s.Level, Order: true}
	return []*lint.Collection{sectionsCollection(s), sectionsCollection(ordered)}
}

// lintBodyRules lints src with each fuzz collection, in a folder where
// everything under docs/ exists, and checks every finding's span.
func lintBodyRules(t testing.TB, src []byte) [][]lint.Finding {
	cat, cfg := builtin(t)
	docs := fstest.MapFS{"docs/a.md": {}, "docs/b/c.png": {}}
	l := lint.NewLinter(cat, cfg, docs, 0)
	var out [][]lint.Finding
	for _, coll := range fuzzCollections(t) {
		fs := l.LintSource("fuzz.md", src, coll)
		for _, f := range fs {
			sp := f.Span
			if sp.Start.Offset < 0 || sp.End.Offset > len(src) || sp.Start.Offset > sp.End.Offset ||
				sp.Start.Line < 1 || sp.Start.Column < 1 || sp.End.Line < 1 || sp.End.Column < 1 {
				t.Fatalf("%s: bad span %+v in %d-byte file: %s", f.Rule.ID, sp, len(src), f.Message)
			}
			if f.Rule.ID == "internal-error" || f.Message == "" {
				t.Fatalf("%s: bad finding %+v", f.Rule.ID, f)
			}
		}
		out = append(out, fs)
	}
	return out
}

func FuzzBodyRules(f *testing.F) {
	seed, err := os.ReadFile("../testdata/ok/seed.md")
	if err != nil {
		f.Fatal(err)
	}
	_, seedBody, _ := strings.Cut(string(seed), "\n---\n")
	f.Add([]byte(seedBody))
	for _, c := range slices.Concat(sectionCases(f), bodyCases) {
		if !strings.HasPrefix(c.src, "---") {
			f.Add([]byte(c.src))
		}
	}
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "rules", "*", "*.md"))
	for _, name := range fixtures {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		src := append([]byte(bodyTestFrontMatter), body...)
		first := lintBodyRules(t, src)
		if again := lintBodyRules(t, src); !reflect.DeepEqual(first, again) {
			t.Fatalf("two runs differ:\n%v\n%v", first, again)
		}
	})
}

// TestBodyRulesDeepNesting builds the tree goldmark makes of 100,000 nested
// blockquotes or list items directly (goldmark itself takes seconds to parse
// that much nesting) and runs every check over it.
func TestBodyRulesDeepNesting(t *testing.T) {
	const depth = 100_000
	cat, cfg := builtin(t)
	l := lint.NewLinter(cat, cfg, nil, 0)
	for _, kind := range []string{"blockquote", "list"} {
		t.Run(kind, func(t *testing.T) {
			prefix := strings.Repeat("> ", depth)
			if kind == "list" {
				prefix = strings.Repeat("- ", depth)
			}
			leaf := "# Title [x](htps://a.org) ![](docs/a.png) [y][z]\n"
			src := bodyTestFrontMatter + prefix + leaf
			off := len(bodyTestFrontMatter)
			body := []byte(src[off:])

			doc := ast.NewDocument()
			var parent ast.Node = doc
			for range depth {
				var n ast.Node = ast.NewBlockquote()
				if kind == "list" {
					list := ast.NewList('-')
					parent.AppendChild(parent, list)
					parent = list
					n = ast.NewListItem(2)
				}
				parent.AppendChild(parent, n)
				parent = n
			}
			at := len(prefix)
			seg := func(from, to int) text.Segment { return text.NewSegment(at+from, at+to) }
			h := ast.NewHeading(1)
			h.SetPos(at)
			h.Lines().Append(seg(2, len(leaf)-1))
			h.AppendChild(h, ast.NewTextSegment(seg(2, 8)))
			link := ast.NewLink()
			link.Destination = []byte("htps://a.org")
			link.SetPos(at + 8)
			link.AppendChild(link, ast.NewTextSegment(seg(9, 10)))
			h.AppendChild(h, link)
			img := ast.NewImage(ast.NewLink())
			img.Destination = []byte("docs/a.png")
			img.SetPos(at + 26)
			h.AppendChild(h, img)
			h.AppendChild(h, ast.NewTextSegment(seg(40, len(leaf)-1)))
			parent.AppendChild(parent, h)
			if string(body[at+8:at+10]) != "[x" || string(body[at+26:at+28]) != "![" {
				t.Fatalf("fixture offsets are off: %q", body[at:])
			}

			e := &lint.Entry{Path: "deep.md", Src: []byte(src), Lines: source.NewLineIndex([]byte(src)), BodyOffset: off,
				Data: map[string]any{"title": "Deep"}}
			e.Close = e.Lines.LineSpan(6)
			e.SetSyntax(doc)
			coll := sectionsCollection(defaultSections(t))
			got := map[string]int{}
			for _, f := range l.CheckEntry(e, coll, func(string) bool { return false }) {
				got[f.Rule.ID]++
			}
			// The heading is nested, so it is no section: the required ones are missing.
			want := map[string]int{"section-required": 2, "section-recommended": 4, "heading-title": 1,
				"link-url": 1, "link-missing-file": 1, "image-alt": 1, "link-reference-undefined": 1}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("findings %v, want %v", got, want)
			}
		})
	}
}

// TestBodyRulesParsedNesting runs the rules on nesting goldmark parses in
// reasonable time (5,000 levels): the heading at the bottom is quoted or
// listed, so it is no section, and its link is still checked.
// BenchmarkBodyRulesParsedNesting measures the time.
func TestBodyRulesParsedNesting(t *testing.T) {
	want := map[string]int{"link-url": 1, "section-required": 2, "section-recommended": 4}
	for _, unit := range nestingUnits {
		src := []byte(bodyTestFrontMatter + strings.Repeat(unit, 5000) + "## Our Mission [x](htps://a.org)\n")
		for i, fs := range lintBodyRules(t, src) {
			got := map[string]int{}
			for _, f := range fs {
				got[f.Rule.ID]++
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q x 5000, collection %d: findings %v, want %v", unit, i, got, want)
			}
		}
	}
}

// nestingUnits are the containers nested in the nesting tests.
var nestingUnits = []string{"> ", "- ", "1. ", "* > "}

func BenchmarkBodyRulesParsedNesting(b *testing.B) {
	for _, unit := range nestingUnits {
		src := []byte(bodyTestFrontMatter + strings.Repeat(unit, 5000) + "## Our Mission [x](htps://a.org)\n")
		b.Run(strings.TrimSpace(unit), func(b *testing.B) {
			for b.Loop() {
				lintBodyRules(b, src)
			}
		})
	}
}

// TestBodyRulesSpansCoverSource checks where each finding ends: links and
// images end at their closing parenthesis or bracket, headings at the end of
// their text.
func TestBodyRulesSpansCoverSource(t *testing.T) {
	src := bodyTestFrontMatter + "Go [to *it*](htps://a.org \"t (x)\") or ![a](<htps://b.org>), [c][d], <htps://c.org>.\n\n" +
		"#### Deep Heading ####   \n\n[d]: htps://d.org\n"
	cat, cfg := builtin(t)
	var got []string
	for _, f := range lint.NewLinter(cat, cfg, nil, 0).LintSource("spans.md", []byte(src), sectionsCollection(defaultSections(t))) {
		if f.Rule.ID == "link-url" || f.Rule.ID == "heading-skip" {
			got = append(got, src[f.Span.Start.Offset:f.Span.End.Offset])
		}
	}
	want := []string{`[to *it*](htps://a.org "t (x)")`, `![a](<htps://b.org>)`, `[c][d]`, `<htps://c.org>`, `#### Deep Heading ####`}
	slices.SortFunc(got, func(a, b string) int { return cmp.Compare(strings.Index(src, a), strings.Index(src, b)) })
	if !reflect.DeepEqual(got, want) {
		t.Errorf("spans cover\n  %q\nwant\n  %q", got, want)
	}
}
