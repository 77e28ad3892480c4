package lint

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint/corpus"
)

// scanAgrees parses src both ways and, when the fast scanner accepts the
// body, requires the index goldmark's parse gives; it reports whether the
// scanner accepted.
func scanAgrees(t testing.TB, name string, src []byte) bool {
	t.Helper()
	p := NewParser()
	e := p.Parse(name, src)
	if e.body == nil {
		return false
	}
	fast, ok := scanBody(e)
	if !ok {
		return false
	}
	full := indexSyntax(e, p.markdown.parse(withoutLoneCR(e.BodySource())))
	if diff := indexDiff(fast, full); diff != "" {
		t.Errorf("%s: the fast scanner and goldmark disagree:\n%s\nbody:\n%s", name, diff, e.BodySource())
	}
	return true
}

// indexDiff describes how two indexes differ, "" when they do not.
func indexDiff(fast, full *bodyIndex) string {
	if reflect.DeepEqual(fast, full) {
		return ""
	}
	var b strings.Builder
	compare := func(what string, n, m int, item func(x *bodyIndex, i int) any) {
		for i := range max(n, m) {
			var f, g any
			if i < n {
				f = item(fast, i)
			}
			if i < m {
				g = item(full, i)
			}
			if !reflect.DeepEqual(f, g) {
				fmt.Fprintf(&b, "%s %d:\n  fast %+v\n  full %+v\n", what, i, f, g)
			}
		}
	}
	compare("heading", len(fast.headings), len(full.headings), func(x *bodyIndex, i int) any { return x.headings[i] })
	compare("link", len(fast.links), len(full.links), func(x *bodyIndex, i int) any { return x.links[i] })
	compare("html", len(fast.html), len(full.html), func(x *bodyIndex, i int) any { return x.html[i] })
	compare("reference", len(fast.undefinedRefs), len(full.undefinedRefs), func(x *bodyIndex, i int) any { return x.undefinedRefs[i] })
	if b.Len() == 0 {
		fmt.Fprintf(&b, "fast %#v\nfull %#v", fast, full)
	}
	return b.String()
}

// scanCases are bodies at the edges of what the scanner accepts.
var scanCases = []string{
	"## Our Mission\n\nWe open up data.\n",
	"## Our Mission ##\n\ntext\n",
	"## Our Mission #\n", "## Mission#\n", "## #\n", "##\n", "#hashtag\n", "####### seven\n",
	"   ## Indented\n", "##  Spaces  \n",
	"para\n## Heading\n", "para\n---\n", "para\n===\n", "=\n", "---\n\n***\n\n_ _ _\n",
	"- a\n- b\n\n  c\n\n- d\n", "- a\n  - b\n    - c\n", "- a\nlazy\n", "- a\n\n      code\n", "1. one\n2. two\n",
	"para\n2. not a list\n", "para\n1. a list\n", "-\n", "-  five  spaces\n", "-     x\n", "* * *\n", "- - a\n",
	"1) paren\n", "0. zero\n", "1234567890. long\n",
	"- ## heading in item\n", "- a\n## after\n",
	"```\ncode https://example.org\n```\n", "```go\nx\n```\ntext\n", "~~~\nunclosed\n", "``` a`b\n```\n",
	"````\n```\n````\n", "- a\n  ```\n  b\n  ```\n",
	"<!-- a comment -->\n", "<!-- open\nmore\n-->\ntext\n", "<!-->\n", "<!---->\n", "<div>x</div>\n", "  <!-- indented -->\n",
	"<!-- contentlint-disable-next-line link-url -->\n[x](htps://a.org)\n",
	"text <!-- inline -->\n",
	"[a](https://example.org)\n", "[a](https://example.org/wiki/Foo_(bar))\n", "[a](<b>)\n", "[a](b \"t\")\n",
	"[a]( b )\n", "[](https://example.org)\n", "[ ](https://example.org)\n", "[a]()\n", "[**a**]()\n", "[a b c]()\n",
	"![alt](img.png)\n", "![](img.png)\n", "![a](b)![c](d)\n", "[![a](b)](c)\n", "[a\nb](c)\n", "[a](b\n",
	"[sic] and [x]\n", "- [ ] task\n- [x] done\n", "[a][b]\n", "[a]: https://example.org\n", "note[^1]\n",
	"x `code [a](b)` y\n", "x ``a`b`` y\n", "x `open\nclose` y\n", "[a `b](c)` d\n",
	"<https://example.org>\n", "<contact@example.org>\n", "<mailto:a@b.org>\n", "<a b>\n", "x < y\n", "<https://a.org/<b>\n",
	"see https://example.org/page.\n", "see www.example.org and http://example.org/a_(b)\n",
	"(https://example.org)\n", "x https://example.org/a*b*c\n", "**https://example.org**\n", "_https://example.org_\n",
	"a_https://example.org\n", "foo_bar@example.org\n", "_foo@example.org_\n", "mail contact@example.org.\n",
	"a@b\n", "x@y.z-\n", "http://127.0.0.1:8080/\n", "https://localhost/\n", "https://example.org/&amp;\n",
	"Q&A and R&D\n", "caf&eacute;\n", "&#233;\n", "https://example.org/?a=1&b=2\n",
	"a\\*b\n", "tab\there\n", "cr\r\nlf\n", "| a | b |\n|---|---|\n| c | d |\n", "> quote\n",
	"## Our Mission\n\n## Get Involved\n\nCome.\n", "# T\n\n## A\n\n### B\n\ntext\n\n## C\n",
	"## A\n\n<!-- only a comment -->\n\n## B\n\n---\n\n## C\n\n```\ncode\n```\n",
	"## A\n- item\n## B\n", "text\n\n    indented code\n",
	"## Get Involved!\n", "## Q&A\n", "## See https://example.org\n", "## ~~old~~\n", "## `code`\n", "## **bold**\n",
	"x\n", "", "\n\n\n",
}

// TestScanAgreesWithGoldmark holds the fast scanner to goldmark's index on
// hand-picked edge cases, every Markdown file of the repository's test
// data, and a generated corpus with defects.
func TestScanAgreesWithGoldmark(t *testing.T) {
	accepted := 0
	for _, body := range scanCases {
		if scanAgrees(t, "case.md", []byte(titled(body))) {
			accepted++
		}
	}
	t.Logf("hand-picked cases: the scanner decided %d of %d", accepted, len(scanCases))

	files := 0
	accepted = 0
	for _, root := range []string{"testdata", "../testdata"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !IsMarkdown(p) {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files++
			if scanAgrees(t, p, src) {
				accepted++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("test data: the scanner decided %d of %d files", accepted, files)

	generated, _ := corpus.Build(1000, 1, 0.1)
	accepted = 0
	for _, f := range generated {
		if scanAgrees(t, f.Path, f.Data) {
			accepted++
		}
	}
	// The generated corpus is what the benchmarks measure: the fast path
	// must take all of it, or they measure goldmark.
	if accepted != len(generated) {
		t.Errorf("the scanner decided %d of %d generated entries, want all", accepted, len(generated))
	}
}

// FuzzScanBody: wherever the fast scanner decides a body, goldmark's parse
// gives the same index.
func FuzzScanBody(f *testing.F) {
	for _, body := range scanCases {
		f.Add([]byte(body))
	}
	generated, _ := corpus.Build(20, 3, 0.5)
	for _, g := range generated {
		f.Add(g.Data)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		scanAgrees(t, "fuzz.md", append([]byte("---\ntitle: Fuzz\n---\n"), body...))
	})
}
