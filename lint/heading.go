package lint

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// NormalizeHeading reduces a heading's plain text to the form declared
// section titles are compared in: a trailing attribute block ("{#mission}",
// "{.lead}", "{id=x}") and emoji at either end dropped, surrounding
// whitespace trimmed, internal whitespace (including non-breaking spaces)
// collapsed to one space, trailing punctuation (":", ".", "!", "?", "…")
// dropped and letters lowercased, so that "Our mission:", "  OUR   Mission ",
// "🚀 Our Mission {#mission}" and "Our Mission ✨" all match "Our Mission".
// Inline markup is not its business: pass the text HeadingText extracts.
func NormalizeHeading(s string) string {
	s = headingAttributes.ReplaceAllString(s, "")
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || isEmoji(r) })
	s = strings.Join(strings.Fields(s), " ")
	s = strings.TrimRight(s, ":.!?… ")
	return strings.ToLower(s)
}

// headingAttributes matches the attribute block that Pandoc, kramdown and
// goldmark's attribute extension let a heading end with: "{#id}",
// "{.class}", "{#id .class key=value}".
var headingAttributes = regexp.MustCompile(`\s*\{\s*(?:[#.][^{}\s]+|[A-Za-z][\w-]*=[^{}\s]*)(?:\s+(?:[#.][^{}\s]+|[A-Za-z][\w-]*=[^{}\s]*))*\s*\}\s*$`)

// isEmoji reports whether r is a pictograph or part of one: symbols
// ("🚀", "✨", "★"), modifiers, and the joiners and selectors emoji are
// built from.
func isEmoji(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\u200d' || r == '\ufe0f' || r == '\u20e3'
}

// HeadingText returns the plain text of a heading (or any node with inline
// children) as a reader sees it: emphasis, links and code-span backticks
// dropped, an image's alt text kept, backslash escapes and character
// references resolved, and whitespace collapsed. src is the source the node's
// segments refer to (Entry.BodySource for the body).
func HeadingText(n ast.Node, src []byte) string {
	return strings.Join(strings.Fields(inlinePlainText(n, src)), " ")
}

// inlinePlainText concatenates the text under n without collapsing
// whitespace.
func inlinePlainText(n ast.Node, src []byte) string {
	text, _ := inlineTextLimited(n, src, -1, -1)
	return text
}

// inlineTextLimited is inlinePlainText that stops once it has maxBytes bytes
// including some non-space text, or has visited maxNodes nodes (negative:
// no limit); complete is false when it stopped early. Rules that look at
// every link use the limits: images nest inside image alt text, and walking
// each one's whole subtree would be quadratic. The walk is iterative: inline
// nesting (emphasis inside emphasis) is as deep as the input makes it.
func inlineTextLimited(n ast.Node, src []byte, maxBytes, maxNodes int) (text string, complete bool) {
	var b strings.Builder
	inCode, nodes, visible := 0, 0, false
	complete = true
	walkNodes(n, func(c ast.Node, entering bool) ast.WalkStatus {
		if entering {
			nodes++
			if (maxNodes >= 0 && nodes > maxNodes) || (maxBytes >= 0 && visible && b.Len() >= maxBytes) {
				complete = false
				return ast.WalkStop
			}
		}
		var v []byte
		switch c := c.(type) {
		case *ast.CodeSpan:
			if entering {
				inCode++
			} else {
				inCode--
			}
		case *ast.Text:
			if !entering {
				break
			}
			v = safeSegment(c.Segment.Start, c.Segment.Stop, src)
			if inCode == 0 {
				v = resolveInlineText(v)
			}
			if c.SoftLineBreak() || c.HardLineBreak() {
				v = append(v[:len(v):len(v)], ' ')
			}
		case *ast.String:
			if entering {
				v = c.Value
			}
		case *ast.AutoLink:
			if entering {
				b.Write(c.Label(src))
				visible = true
			}
			return ast.WalkSkipChildren
		case *ast.RawHTML:
			// Tags are not text; a heading's raw HTML renders as markup.
			return ast.WalkSkipChildren
		}
		if len(v) > 0 {
			b.Write(v)
			visible = visible || len(bytes.TrimSpace(v)) > 0
		}
		return ast.WalkContinue
	})
	return b.String(), complete
}

// resolveInlineText applies what rendering does to literal text: backslash
// escapes ("\*" is "*") and entity and numeric character references.
func resolveInlineText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

// safeSegment returns src[start:stop], clamped so that a malformed segment
// can never panic a rule.
func safeSegment(start, stop int, src []byte) []byte {
	start = max(0, min(start, len(src)))
	stop = max(start, min(stop, len(src)))
	return src[start:stop]
}

// walkNodes visits root and its descendants in document order like ast.Walk
// (fn sees each node entering and leaving; WalkSkipChildren skips the
// children but still leaves the node; WalkStop ends the walk), but without
// recursion: goldmark builds one level per nested blockquote or list item,
// and Markdown from the outside can nest as deep as it likes.
func walkNodes(root ast.Node, fn func(n ast.Node, entering bool) ast.WalkStatus) {
	if root == nil {
		return
	}
	n := root
	for {
		status := fn(n, true)
		if status == ast.WalkStop {
			return
		}
		if status != ast.WalkSkipChildren && n.FirstChild() != nil {
			n = n.FirstChild()
			continue
		}
		// Leave n, then every ancestor whose children are done, until a
		// next sibling to enter turns up.
		for {
			if fn(n, false) == ast.WalkStop || n == root {
				return
			}
			if next := n.NextSibling(); next != nil {
				n = next
				break
			}
			n = n.Parent()
			if n == nil {
				return
			}
		}
	}
}
