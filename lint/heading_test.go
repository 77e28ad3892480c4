package lint

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestNormalizeHeading(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Our Mission", "our mission"},
		{"case", "OUR MISSION", "our mission"},
		{"surrounding space", "  Our Mission \t", "our mission"},
		{"internal space", "Our   \t Mission", "our mission"},
		{"non-breaking space", "Our\u00a0Mission", "our mission"},
		{"trailing colon", "Our Mission:", "our mission"},
		{"trailing period", "Our Mission.", "our mission"},
		{"trailing exclamation", "Get Involved!", "get involved"},
		{"trailing question", "Who We Are?", "who we are"},
		{"trailing ellipsis", "Resources…", "resources"},
		{"punctuation run with spaces", "Get Involved ! ?", "get involved"},
		{"inner punctuation kept", "Q&A: Data.Gov", "q&a: data.gov"},
		{"leading punctuation kept", "...Resources", "...resources"},
		{"non-ASCII", "ÉQUIPE", "équipe"},
		{"only punctuation", "?!", ""},
		{"id attribute", "Our Mission {#mission}", "our mission"},
		{"class attribute", "Our Mission {.lead}", "our mission"},
		{"several attributes", "Our Mission { #mission .lead data-x=1 }", "our mission"},
		{"braces that are text", "Our {Mission}", "our {mission}"},
		{"trailing emoji", "Get Involved 🙌", "get involved"},
		{"leading emoji", "🚀 Current Projects", "current projects"},
		{"emoji with selector and joiner", "Who We Are 👩\u200d💻\ufe0f", "who we are"},
		{"emoji and attribute", "✨ Our Mission ✨ {#mission}", "our mission"},
		{"inner emoji kept", "Data ❤ Glasgow", "data ❤ glasgow"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NormalizeHeading(tt.in); got != tt.want {
				t.Errorf("NormalizeHeading(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHeadingText(t *testing.T) {
	tests := []struct {
		name, md, want, norm string
	}{
		{"plain", "## Our Mission", "Our Mission", "our mission"},
		{"strong", "## **Our** Mission", "Our Mission", "our mission"},
		{"emphasis nested", "## *Our **Mission***", "Our Mission", "our mission"},
		{"link", "## [Our](https://glasgowopendata.org) Mission", "Our Mission", "our mission"},
		{"code span", "## `Our` Mission", "Our Mission", "our mission"},
		{"code span keeps escapes", "## `a\\*b`", "a\\*b", "a\\*b"},
		{"escape", "## Our \\*Mission\\*", "Our *Mission*", "our *mission*"},
		{"entity", "## Q&amp;A", "Q&A", "q&a"},
		{"numeric reference", "## Caf&#233;", "Café", "café"},
		{"closing hashes", "## Our Mission ##", "Our Mission", "our mission"},
		{"image alt", "## ![Logo](logo.png) Resources", "Logo Resources", "logo resources"},
		{"raw html dropped", "## <span>Our</span> Mission", "Our Mission", "our mission"},
		{"autolink", "## See <https://glasgowopendata.org>", "See https://glasgowopendata.org", "see https://glasgowopendata.org"},
		{"strikethrough", "## ~~Old~~ Resources", "Old Resources", "old resources"},
		{"trailing colon in markup", "## **Our Mission:**", "Our Mission:", "our mission"},
		{"setext", "Our\nMission\n---", "Our Mission", "our mission"},
		{"empty", "##", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewParser().Parse("h.md", []byte(tt.md+"\n"))
			hs := e.Headings()
			if len(hs) != 1 {
				t.Fatalf("%q did not parse as one heading: %+v", tt.md, hs)
			}
			got := hs[0].Text
			if got != tt.want {
				t.Errorf("heading text of %q = %q, want %q", tt.md, got, tt.want)
			}
			if n := NormalizeHeading(got); n != tt.norm {
				t.Errorf("NormalizeHeading of the text of %q = %q, want %q", tt.md, n, tt.norm)
			}
		})
	}
}

func TestHeadingRange(t *testing.T) {
	tests := []struct {
		name, md, want string
	}{
		{"atx", "## Our Mission\n", "## Our Mission"},
		{"closing hashes", "## Our Mission ##  \n", "## Our Mission ##"},
		{"indented", "   ## Our Mission\n", "## Our Mission"},
		{"empty", "##\n", "##"},
		{"setext", "Our Mission\n===\n", "Our Mission"},
		{"crlf", "## Our Mission\r\n\r\ntext\r\n", "## Our Mission"},
		{"in blockquote", "> ## Our Mission\n", "## Our Mission"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := NewParser().Parse("h.md", []byte(tt.md))
			hs := e.Headings()
			if len(hs) == 0 {
				t.Fatalf("no heading in %q", tt.md)
			}
			span := hs[0].Span
			if got := string(e.Src[span.Start.Offset:span.End.Offset]); got != tt.want {
				t.Errorf("heading span of %q covers %q, want %q", tt.md, got, tt.want)
			}
		})
	}
}

func TestWalkNodesMatchesASTWalk(t *testing.T) {
	src := []byte("# A\n\n> quote *with **nested** emphasis* and [a link](x)\n>\n> - item\n>   1. deep `code`\n\n| a | b |\n|---|---|\n| c | d |\n")
	doc := newMarkdownParser().parse(src)
	type step struct {
		kind     ast.NodeKind
		entering bool
	}
	var want, got []step
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		want = append(want, step{n.Kind(), entering})
		if _, ok := n.(*ast.Emphasis); ok && entering {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	walkNodes(doc, func(n ast.Node, entering bool) ast.WalkStatus {
		got = append(got, step{n.Kind(), entering})
		if _, ok := n.(*ast.Emphasis); ok && entering {
			return ast.WalkSkipChildren
		}
		return ast.WalkContinue
	})
	if len(got) != len(want) {
		t.Fatalf("walkNodes made %d steps, ast.Walk %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("step %d: walkNodes %v, ast.Walk %v", i, got[i], want[i])
		}
	}
	// WalkStop ends the walk at once.
	n := 0
	walkNodes(doc, func(ast.Node, bool) ast.WalkStatus { n++; return ast.WalkStop })
	if n != 1 {
		t.Errorf("walkNodes after WalkStop made %d calls, want 1", n)
	}
}
