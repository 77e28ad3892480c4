package lint

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// The body rules: the Markdown body's links, images and content.
var (
	ruleLinkURL = &Rule{
		ID:     "link-url",
		Family: "link",
		Title:  "Web links are valid addresses",
		Doc: "Every web link, image and autolink destination in the body must be a valid public http(s) address, " +
			"checked by the same validator as URL fields in the front matter: a typo in the scheme (htps:, hhttps:), a space, a missing " +
			"host, a private address, or a scheme that runs code (javascript:, data:) is a broken or unsafe link for every reader. " +
			"A protocol-relative link (\"//example.org/page\") works on a site served over https, so only its host and path are checked; " +
			"a destination without a scheme that starts with a web address (\"www.example.org\", \"example.org/page\") is a web address missing its \"https://\", not a file. " +
			"Links within the page (\"#section\") are fine; mailto: links are checked by link-email, links to localhost by " +
			"link-localhost; links of other applications' schemes (tel:, sms:, zoommtg:, irc:, view-source:, ...) are left alone. " +
			"Raw HTML tags are not checked. The finding points at the link.",
		Config:   exampleBare,
		Bad:      titled("Read our [data charter](htps://glasgowopendata.org/charter).\n"),
		Good:     titled("Read our [data charter](https://glasgowopendata.org/charter).\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "links"},
	}
	ruleLinkEmail = &Rule{
		ID:       "link-email",
		Family:   "link",
		Title:    "Email links are valid addresses",
		Doc:      "The address of every mailto: link and email autolink (<contact@example.org>) must be a valid public email address, checked by the same validator as email fields in the front matter. Query parameters such as ?subject= are allowed; several addresses may be separated by commas.",
		Config:   exampleBare,
		Bad:      titled("[Email us](mailto:contact@glasgowopendata)\n"),
		Good:     titled("[Email us](mailto:contact@glasgowopendata.org)\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "links"},
	}
	ruleLinkMissingFile = &Rule{
		ID:     "link-missing-file",
		Family: "link",
		Title:  "Relative links point at files that exist",
		Doc: "A relative link or image (\"files/charter.pdf\", \"../logo.png\") must name a file or folder that exists, " +
			"relative to the entry's folder; the query and fragment are ignored and percent-escapes decoded before " +
			"looking. Site-absolute paths (\"/about\") are skipped: they are resolved by the site's router against " +
			"pages that may not exist as files in this repository, so checking them would only produce false alarms. " +
			"An entry read from standard input is checked as the file its --stdin-filename names, from that file's folder; " +
			"without a name the rule is skipped, as it is whenever the linter cannot look at the file system.",
		Config:   exampleBare,
		Bad:      titled("![Our logo](images/logo.png)\n"),
		Files:    map[string]string{"images/glasgow-open-data.png": "(an image)"},
		Good:     titled("![Our logo](images/glasgow-open-data.png)\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "links"},
	}
	ruleLinkEmptyText = &Rule{
		ID:     "link-empty-text",
		Family: "link",
		Title:  "Links have text",
		Doc: "A link must have text to click: \"[](https://example.org)\" renders as nothing visible, and screen readers " +
			"announce just \"link\". An image inside the link counts as its text (image-alt checks the image has alt text).",
		Config:   exampleBare,
		Bad:      titled("Join the [](https://forum.glasgowopendata.org).\n"),
		Good:     titled("Join the [community forum](https://forum.glasgowopendata.org).\n"),
		Severity: SeverityWarning,
		Tags:     []string{"markdown", "links", "accessibility"},
	}
	ruleLinkEmptyDestination = &Rule{
		ID:       "link-empty-destination",
		Family:   "link",
		Title:    "Links have a destination",
		Doc:      "A link or image must say where it goes: \"[text]()\" and \"[text](<>)\" render as a link to the page itself, which is almost always an address someone meant to paste later.",
		Config:   exampleBare,
		Bad:      titled("See the [data portal]().\n"),
		Good:     titled("See the [data portal](https://data.glasgow.gov.uk/).\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "links"},
	}
	ruleLinkReferenceUndefined = &Rule{
		ID:     "link-reference-undefined",
		Family: "link",
		Title:  "Reference links have a definition",
		Doc: "A full (\"[text][ref]\") or collapsed (\"[ref][]\") reference link needs a definition line \"[ref]: https://...\" " +
			"somewhere in the body; without one the brackets are printed as they are. Labels match ignoring case and " +
			"extra whitespace, as in CommonMark. Code spans and code blocks are not checked. Shortcut references " +
			"(\"[ref]\" alone) are not checked either: plain bracketed text such as \"[sic]\" or a task list's \"[x]\" is " +
			"far more common than a forgotten definition.",
		Config:   exampleBare,
		Bad:      titled("Read the [charter][charter].\n"),
		Good:     titled("Read the [charter][charter].\n\n[charter]: https://glasgowopendata.org/charter\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "links"},
	}
	ruleImageAlt = &Rule{
		ID:     "image-alt",
		Family: "image",
		Title:  "Images have alt text",
		Doc: "An image must describe itself in its alt text (\"![alt](src)\"): screen readers read it, and it shows when " +
			"the image fails to load. Raw HTML <img> tags are not checked.",
		Config:   exampleBare,
		Bad:      titled("![](images/hack-night.jpg)\n"),
		Files:    map[string]string{"images/hack-night.jpg": "(an image)"},
		Good:     titled("![People coding at a monthly hack night](images/hack-night.jpg)\n"),
		Severity: SeverityWarning,
		Tags:     []string{"markdown", "accessibility"},
	}
	ruleBodyEmpty = &Rule{
		ID:     "body-empty",
		Family: "body",
		Title:  "The body is not empty when sections are expected",
		Doc: "When the collection declares required sections, an entry whose Markdown body is empty or only whitespace " +
			"is reported once, at the closing front matter delimiter, instead of once per missing section.",
		Config:   exampleSections,
		Bad:      "---\ntitle: \"Glasgow Open Data Group\"\n---\n",
		Good:     titled("## Our Mission\n\nWe open up data.\n\n## Current Projects\n\nA transport dashboard.\n\n## Get Involved\n\nCome to a hack night.\n"),
		Severity: SeverityError,
		Tags:     []string{"markdown", "structure"},
	}
)

// hasImageChild reports whether an image is among n's descendants. Links do
// not nest, so over all links this walks each node at most once.
func hasImageChild(n ast.Node) bool {
	found := false
	walkNodes(n, func(c ast.Node, entering bool) ast.WalkStatus {
		if _, ok := c.(*ast.Image); ok && entering {
			found = true
			return ast.WalkStop
		}
		return ast.WalkContinue
	})
	return found
}

// blockLimit returns the end of the source of n's enclosing block, the
// furthest a scan for n's closing bracket may go.
func blockLimit(src []byte, n ast.Node) int {
	steps := 0
	for b := n.Parent(); b != nil && steps < linkNodes; b, steps = b.Parent(), steps+1 {
		if b.Type() == ast.TypeBlock {
			if lines := b.Lines(); lines != nil && lines.Len() > 0 {
				return min(max(lines.At(lines.Len()-1).Stop, 0), len(src))
			}
			break
		}
	}
	return len(src)
}

// linkRange returns the body-relative byte range of a link or image from
// its "[" (or "![") to the closing ")" of an inline link, or the "]" closing
// the reference label of a reference link. goldmark records where a link
// starts; the end is found by scanning the source after the link text.
func linkRange(src []byte, n ast.Node, image bool) (start, end int) {
	limit := blockLimit(src, n)
	open := 1
	if image {
		open = 2
	}
	// textStop is where the link text ends: after its last text segment.
	start, textStop, nodes := n.Pos(), -1, 0
	walkNodes(n, func(c ast.Node, entering bool) ast.WalkStatus {
		if !entering {
			return ast.WalkContinue
		}
		if nodes++; nodes > linkNodes {
			return ast.WalkStop // the end found below is then only approximate
		}
		switch c := c.(type) {
		case *ast.Text:
			if start < 0 || start > len(src) {
				start = max(c.Segment.Start-open, 0)
			}
			textStop = max(textStop, c.Segment.Stop)
		case *ast.RawHTML:
			if c.Segments.Len() > 0 {
				textStop = max(textStop, c.Segments.At(c.Segments.Len()-1).Stop)
			}
		}
		return ast.WalkContinue
	})
	if start < 0 || start > len(src) {
		return 0, 0 // nothing positioned: cannot happen for parsed input
	}
	limit = max(limit, start)
	i := max(textStop, start+open)
	for i < limit && src[i] != ']' {
		if src[i] == '\\' {
			i++
		}
		i++
	}
	if i >= limit {
		return start, min(max(textStop, start+open), limit)
	}
	end = i + 1
	if end < limit && (src[end] == '(' || src[end] == '[') {
		closer, depth := byte(')'), 0
		if src[end] == '[' {
			closer = ']'
		}
		for j := end; j < limit; j++ {
			switch src[j] {
			case '\\':
				j++
			case src[end]:
				depth++
			case closer:
				if depth--; depth == 0 {
					return start, j + 1
				}
			}
		}
	}
	return start, end
}

// autoLinkRange returns the body-relative byte range of an autolink:
// "<https://example.org>" with its angle brackets, or a bare URL Linkify
// recognised. goldmark's position for the latter can be a few bytes early, so
// the label is looked for from there.
func autoLinkRange(src []byte, n *ast.AutoLink) (start, end int) {
	label := n.Label(src)
	start = min(max(n.Pos(), 0), len(src))
	if i := strings.Index(string(src[start:min(len(src), start+len(label)+8)]), string(label)); i >= 0 {
		start += i
	}
	end = min(start+len(label), len(src))
	if start > 0 && src[start-1] == '<' && end < len(src) && src[end] == '>' {
		start, end = start-1, end+1
	}
	return start, end
}

// uriScheme returns the RFC 3986 §3.1 scheme of dest, lowercased, or "".
func uriScheme(dest string) string {
	for i := 0; i < len(dest); i++ {
		c := dest[i]
		switch {
		case c|0x20 >= 'a' && c|0x20 <= 'z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(dest[:i])
		default:
			return ""
		}
	}
	return ""
}

// runLinkURL checks web link destinations with validate.URL: http and
// https links, their misspellings and the schemes that run code. Links of
// other schemes name other applications (tel:, zoommtg:, view-source:) and
// are left alone; a protocol-relative link ("//host/path") works on the
// site, which is served over https, so only its host and path are checked.
func runLinkURL(p *Pass) {
	for _, l := range bodyLinks(p.Entry) {
		d := l.dest
		if l.email || d == "" || strings.HasPrefix(d, "#") {
			continue
		}
		scheme := uriScheme(d)
		switch {
		case scheme == "" && bareDomain(d):
			p.Report(ruleLinkURL, l.span(p.Entry), "%s %q has no scheme, so it opens as a file next to this page; add https://: %q", l.noun(), d, "https://"+d)
		case localhostLink(d):
			continue // link-localhost
		case scheme == "" && strings.HasPrefix(d, "//"):
			if err := validate.URL("https:" + d); err != nil {
				p.Report(ruleLinkURL, l.span(p.Entry), "%s %q: %v", l.noun(), d, err)
			}
		case scheme != "" && validate.WebScheme(scheme):
			if err := validate.URL(d); err != nil {
				p.Report(ruleLinkURL, l.span(p.Entry), "%s %q: %v", l.noun(), d, err)
			}
		}
	}
}

// runLinkEmail checks the addresses of mailto: links and email autolinks.
func runLinkEmail(p *Pass) {
	for _, l := range bodyLinks(p.Entry) {
		list, ok := mailtoAddresses(l)
		if !ok {
			continue
		}
		for _, a := range list {
			err := validate.Email(a)
			switch {
			case err == nil:
			case len(list) == 1:
				p.Report(ruleLinkEmail, l.span(p.Entry), "%s %q: %v", l.noun(), l.dest, err)
			default:
				p.Report(ruleLinkEmail, l.span(p.Entry), "%s %q: address %q %v", l.noun(), l.dest, a, err)
			}
		}
	}
}

// mailtoAddresses returns the addresses a link sends mail to, trimmed: an
// email autolink's address, or those of a mailto: link (RFC 6068:
// comma-separated before any "?", percent-encoded). ok is false for a
// link of another kind.
func mailtoAddresses(l bodyLink) (addrs []string, ok bool) {
	list := l.dest
	switch {
	case l.email:
	case uriScheme(l.dest) == "mailto":
		list, _, _ = strings.Cut(l.dest[len("mailto:"):], "?")
		if dec, err := url.PathUnescape(list); err == nil {
			list = dec
		}
	default:
		return nil, false
	}
	addrs = strings.Split(list, ",")
	for i, a := range addrs {
		addrs[i] = strings.TrimSpace(a)
	}
	return addrs, true
}

// bareDomain reports whether a destination without a scheme is a web
// address someone forgot the scheme of: "www.example.org/page",
// "example.org" (a name under a real top-level domain, not a file name
// such as "notes.md").
func bareDomain(dest string) bool {
	first, _, _ := strings.Cut(dest, "/")
	first, _, _ = strings.Cut(first, "?")
	first, _, _ = strings.Cut(first, "#")
	return validate.LooksLikeDomain(first)
}

// relativeTarget returns the slash-separated path relative to the entry's
// folder that dest names, or "" when dest is not a relative file reference.
func relativeTarget(dest string) string {
	if dest == "" || dest[0] == '#' || dest[0] == '/' || dest[0] == '\\' || uriScheme(dest) != "" || bareDomain(dest) {
		return "" // a fragment, site-absolute, protocol-relative or absolute URI, or a web address (link-url)
	}
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	if dec, err := url.PathUnescape(dest); err == nil {
		dest = dec
	}
	if dest == "" {
		return ""
	}
	return path.Clean(dest)
}

// runLinkMissingFile checks that relative link targets exist.
func runLinkMissingFile(p *Pass) {
	if p.Exists == nil {
		return
	}
	for _, l := range bodyLinks(p.Entry) {
		if l.autolink {
			continue
		}
		rel := relativeTarget(l.dest)
		if rel == "" || p.Exists(rel) {
			continue
		}
		p.Report(ruleLinkMissingFile, l.span(p.Entry), "%s target %q does not exist (looked for %q relative to this file's folder); fix the path or add the file",
			l.noun(), l.dest, rel)
	}
}

// runLinkEmptyText reports links without text.
func runLinkEmptyText(p *Pass) {
	for _, l := range bodyLinks(p.Entry) {
		if l.image || !l.textEmpty {
			continue
		}
		p.Report(ruleLinkEmptyText, l.span(p.Entry), "link to %q has no text; write what it links to between the brackets", l.dest)
	}
}

// runLinkEmptyDestination reports links and images without a destination.
func runLinkEmptyDestination(p *Pass) {
	for _, l := range bodyLinks(p.Entry) {
		if l.autolink || strings.TrimSpace(l.dest) != "" {
			continue
		}
		p.Report(ruleLinkEmptyDestination, l.span(p.Entry), "%s %q has an empty destination; put the address between the parentheses", l.noun(), l.text)
	}
}

// runImageAlt reports images without alt text.
func runImageAlt(p *Pass) {
	for _, l := range bodyLinks(p.Entry) {
		if !l.image || !l.textEmpty {
			continue
		}
		p.Report(ruleImageAlt, l.span(p.Entry), "image %q has no alt text; describe the image between the brackets: ![what it shows](%s)",
			l.dest, l.dest)
	}
}

// runBodyEmpty reports a blank body when the collection expects sections.
func runBodyEmpty(p *Pass) {
	s := sectionsOf(p)
	if s == nil || len(s.Required) == 0 || !bodyBlank(p.Entry) {
		return
	}
	want := make([]string, len(s.Required))
	for i, sec := range s.Required {
		want[i] = fmt.Sprintf("%q", headingMarker(sectionLevel(s))+" "+sec.Title)
	}
	p.Report(ruleBodyEmpty, bodyStartSpan(p.Entry), "body is empty; write the entry's sections after the front matter, starting with %s",
		strings.Join(want, ", "))
}

// runLinkReferenceUndefined reports full and collapsed reference links whose
// label has no definition.
func runLinkReferenceUndefined(p *Pass) {
	e := p.Entry
	if e.body == nil {
		return
	}
	for _, c := range e.body.undefinedRefs {
		p.Report(ruleLinkReferenceUndefined, e.BodySpan(c.start, c.end), "reference link %q has no definition for %q; add a line \"[%s]: https://...\" to the body, or write an inline link",
			c.raw, c.rawLabel, c.rawLabel)
	}
}

// refCandidate is a literal "[text][ref]" or "[ref][]" in the body's text.
type refCandidate struct {
	start, end int    // body-relative byte range, "[" to "]"
	raw        string // the source text
	rawLabel   string // the label as written
	label      string // the normalised label
}

// collapseSpace turns the line breaks and indentation of a label spanning
// lines into single spaces, for messages.
func collapseSpace(b []byte) string { return strings.Join(strings.Fields(string(b)), " ") }

// shorten cuts s to about n characters for a message, keeping both ends.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n/2]) + "…" + string(r[len(r)-n/2:])
}

// escapedAt reports whether the byte at off is escaped by a backslash.
func escapedAt(src []byte, off int) bool {
	n := 0
	for i := off - 1; i >= 0 && src[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// findRefCandidates scans one block's literal text (buf, whose bytes sit at
// body offsets offs) for full and collapsed reference links.
func findRefCandidates(src, buf []byte, offs []int) []refCandidate {
	var out []refCandidate
	bracket := func(k int, c byte) bool { return buf[k] == c && !escapedAt(src, offs[k]) }
	// match[k] is the "[" that the "]" at k closes, or -1; one pass with a
	// stack keeps this linear however many brackets the text has.
	match := make([]int, len(buf))
	var stack []int
	for k := range buf {
		match[k] = -1
		switch {
		case bracket(k, '['):
			stack = append(stack, k)
		case bracket(k, ']') && len(stack) > 0:
			match[k] = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
		}
	}
	floor := 0 // text before floor belongs to a reference already found
	for i := 0; i+1 < len(buf); i++ {
		if !bracket(i, ']') || !bracket(i+1, '[') || offs[i+1] != offs[i]+1 {
			continue
		}
		open := match[i]
		if open < floor {
			open = -1
		}
		closing := -1
		for k := i + 2; k < len(buf) && closing < 0; k++ {
			if bracket(k, '[') {
				break
			}
			if bracket(k, ']') {
				closing = k
			}
		}
		if open < 0 || closing < 0 {
			continue
		}
		var raw []byte
		if closing == i+2 && offs[closing] == offs[i+1]+1 {
			raw = src[offs[open]+1 : offs[i]] // collapsed: "[ref][]"
		} else {
			raw = src[offs[i+1]+1 : offs[closing]]
		}
		label := util.ToLinkReference(raw)
		// CommonMark §4.7: a label has a non-blank character and at most 999.
		if label == "" || len(raw) > 999 {
			continue
		}
		out = append(out, refCandidate{start: offs[open], end: offs[closing] + 1,
			raw: shorten(collapseSpace(src[offs[open]:offs[closing]+1]), 80), rawLabel: collapseSpace(raw), label: label})
		floor, i = closing+1, closing
	}
	return out
}
