package lint

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

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
// Inline markup is not its business: pass the text of Heading.Text.
// It runs for every heading of every entry, so it makes one pass and
// allocates only the result, and nothing when s is already normal.
func NormalizeHeading(s string) string {
	s = trimFunc(withoutAttributes(s), func(r rune) bool { return unicode.IsSpace(r) || isEmoji(r) })
	var stack [128]byte
	out := stack[:0]
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space = false
		out = utf8.AppendRune(out, unicode.ToLower(r))
	}
	for len(out) > 0 {
		r, size := utf8.DecodeLastRune(out)
		if !strings.ContainsRune(":.!?… ", r) {
			break
		}
		out = out[:len(out)-size]
	}
	if string(out) == s {
		return s
	}
	return string(out)
}

// trimFunc is strings.TrimFunc, which the compiler cannot see through.
func trimFunc(s string, cut func(rune) bool) string {
	for s != "" {
		r, size := utf8.DecodeRuneInString(s)
		if !cut(r) {
			break
		}
		s = s[size:]
	}
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		if !cut(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// withoutAttributes drops the attribute block that Pandoc, kramdown and
// goldmark's attribute extension let a heading end with: "{#id}",
// "{.class}", "{#id .class key=value}", with the white space around it.
func withoutAttributes(s string) string {
	t := strings.TrimRight(s, asciiSpace)
	open := strings.LastIndexByte(t, '{')
	if !strings.HasSuffix(t, "}") || open < 0 {
		return s
	}
	inner := t[open+1 : len(t)-1]
	attrs := 0
	for inner != "" {
		inner = strings.TrimLeft(inner, asciiSpace)
		end := strings.IndexAny(inner, asciiSpace)
		if end < 0 {
			end = len(inner)
		}
		if inner == "" {
			break
		}
		if !isAttribute(inner[:end]) {
			return s
		}
		attrs++
		inner = inner[end:]
	}
	if attrs == 0 {
		return s
	}
	return strings.TrimRight(t[:open], asciiSpace)
}

// asciiSpace is what \s matches in Go's regular expressions.
const asciiSpace = " \t\n\f\r"

// isAttribute reports whether a is one attribute of a heading's attribute
// block: "#id" or ".class" (any characters but braces and white space), or
// "key=value" with a key of letters, digits, "_" and "-" starting with a letter.
func isAttribute(a string) bool {
	if strings.ContainsAny(a, "{}") {
		return false
	}
	if a[0] == '#' || a[0] == '.' {
		return len(a) > 1
	}
	key, _, ok := strings.Cut(a, "=")
	if !ok || key == "" || !isASCIILetter(key[0]) {
		return false
	}
	for i := 1; i < len(key); i++ {
		if c := key[i]; !isASCIILetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isEmoji reports whether r is a pictograph or part of one: symbols
// ("🚀", "✨", "★"), modifiers, and the joiners and selectors emoji are
// built from.
func isEmoji(r rune) bool {
	return unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) || r == '\u200d' || r == '\ufe0f' || r == '\u20e3'
}

// headingText returns the plain text of a heading (or any node with inline
// children) as a reader sees it: emphasis, links and code-span backticks
// dropped, an image's alt text kept, backslash escapes and character
// references resolved, and whitespace collapsed. src is the source the node's
// segments refer to (Entry.BodySource for the body).
func headingText(n ast.Node, src []byte) string {
	text, _ := inlineText(n, src, textOptions{maxBytes: -1, maxNodes: -1, lineBreak: ' ', images: true})
	return strings.Join(strings.Fields(text), " ")
}

// textOptions choose what inlineText takes and how far it goes.
type textOptions struct {
	// maxBytes and maxNodes stop the walk once the text has maxBytes bytes
	// including some non-space text, or maxNodes nodes were visited
	// (negative: no limit).
	maxBytes, maxNodes int
	lineBreak          byte // written for a soft or hard line break
	images             bool // keep an image's alt text
}

// inlineText concatenates the text under n as a reader sees it: emphasis,
// links and code-span backticks dropped, escapes and character references
// resolved outside code, raw HTML dropped; complete is false when a limit
// stopped it. Rules that look at every link use the limits: images nest
// inside image alt text, and walking each one's whole subtree would be
// quadratic. The walk is iterative: inline nesting (emphasis inside
// emphasis) is as deep as the input makes it.
func inlineText(n ast.Node, src []byte, o textOptions) (text string, complete bool) {
	var b strings.Builder
	inCode, nodes, visible := 0, 0, false
	complete = true
	walkNodes(n, func(c ast.Node, entering bool) ast.WalkStatus {
		if entering {
			nodes++
			if (o.maxNodes >= 0 && nodes > o.maxNodes) || (o.maxBytes >= 0 && visible && b.Len() >= o.maxBytes) {
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
				v = append(v[:len(v):len(v)], o.lineBreak)
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
		case *ast.Image:
			if !o.images && c != n {
				return ast.WalkSkipChildren
			}
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

// anchorText is a heading's text as GitHub's anchors see it: the rendered
// text, so without markup, with code spans' text, without images and raw
// HTML, line breaks kept.
func anchorText(h ast.Node, src []byte) string {
	text, _ := inlineText(h, src, textOptions{maxBytes: -1, maxNodes: -1, lineBreak: '\n'})
	return text
}
