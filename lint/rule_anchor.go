package lint

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/glasgow-open-data/contentlint/schema"
)

// ruleLinkAnchor reports links to headings that do not exist.
var ruleLinkAnchor = &Rule{
	ID:     "link-anchor",
	Family: "link",
	Title:  "Links to a heading name an anchor that exists",
	Doc: "A link with a fragment, within the entry (`#get-involved`) or to another Markdown file " +
		"(`other-group.md#get-involved`), must name an anchor of its target: a heading's anchor by GitHub's rules " +
		"(the heading's text lowercased, punctuation dropped, spaces turned into hyphens, and `-1`, `-2` added to " +
		"repeats), an explicit `{#id}` attribute at the end of a heading, or an `id` or `name` attribute in raw " +
		"HTML. Fragments are percent-decoded, and GitHub's `user-content-` prefix is accepted. A missing anchor is " +
		"reported with the closest existing one: the usual cause is a heading renamed after the link was written. " +
		"`#` alone and `#top` (the top of the page) are fine; links to files that are not Markdown, to folders and " +
		"to other sites are not checked, and a missing file is link-missing-file's finding.",
	Config:   exampleBare,
	Bad:      titled("## Get Involved\n\nCome to a hack night.\n\n## Contact\n\nSee [how to join](#get-involed).\n"),
	Good:     titled("## Get Involved\n\nCome to a hack night.\n\n## Contact\n\nSee [how to join](#get-involved).\n"),
	Severity: SeverityError,
	Tags:     []string{"markdown", "links", "cross-entry"},
}

// anchor is one anchor of a file: its id and where it is defined.
type anchor struct {
	id string
	at Place
}

// fragmentLink is a link, kept by Collect, to an anchor in another file.
type fragmentLink struct {
	target   string // the target file's path in the file system
	dest     string // the destination as written, for messages
	fragment string // decoded, without "#"
	at       Place
}

// linkFragment splits a link destination into the relative file it names
// ("" for the entry itself) and its decoded fragment; ok is false when the
// link has no fragment worth checking.
func linkFragment(dest string) (file, fragment string, ok bool) {
	i := strings.IndexByte(dest, '#')
	if i < 0 {
		return "", "", false
	}
	raw := dest[i+1:]
	if uriScheme(dest) != "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "\\") {
		return "", "", false // another site, or a site-absolute path the router resolves
	}
	if i > 0 {
		file = relativeTarget(dest)
		if file == "" || !IsMarkdown(file) {
			return "", "", false
		}
	}
	fragment = raw
	if dec, err := url.PathUnescape(raw); err == nil {
		fragment = dec
	}
	fragment = strings.TrimPrefix(fragment, "user-content-")
	if fragment == "" || strings.EqualFold(fragment, "top") || strings.HasPrefix(fragment, ":~:") {
		return "", "", false // the top of the page, or a text fragment
	}
	return file, fragment, true
}

// runLinkAnchor checks links to anchors within the entry.
func runLinkAnchor(p *Pass) {
	e := p.Entry
	var anchors []anchor
	done := false
	for _, l := range bodyLinks(e) {
		if l.image || l.autolink {
			continue
		}
		file, fragment, ok := linkFragment(l.dest)
		if !ok || file != "" {
			continue
		}
		if !done {
			anchors, done = entryAnchors(e), true
		}
		if msg, related := missingAnchor(anchors, fragment, "this file"); msg != "" {
			p.ReportDiagnostic(Diagnostic{Rule: ruleLinkAnchor, Span: l.span(e), Related: related,
				Message: fmt.Sprintf("link %q: %s", l.dest, msg)})
		}
	}
}

// collectFragmentLinks keeps the entry's links to anchors in other files.
func collectFragmentLinks(p *Pass) any {
	if p.Exists == nil || !p.Enabled(ruleLinkAnchor) {
		return nil
	}
	var out []fragmentLink
	for _, l := range bodyLinks(p.Entry) {
		if l.image || l.autolink {
			continue
		}
		file, fragment, ok := linkFragment(l.dest)
		if !ok || file == "" || !p.Exists(file) {
			continue
		}
		out = append(out, fragmentLink{target: path.Join(path.Dir(p.Entry.Path), file), dest: l.dest, fragment: fragment, at: p.Place(l.span(p.Entry))})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// finishFragmentLinks reads each linked file once for its anchors.
func finishFragmentLinks(c *Collected) {
	type target struct {
		anchors []anchor
		known   bool
	}
	targets := map[string]*target{}
	for _, k := range c.Entries {
		for _, l := range k.Value.([]fragmentLink) {
			t := targets[l.target]
			if t == nil {
				t = &target{}
				if e := c.ReadEntry(l.target); e != nil && e.body != nil {
					t.anchors, t.known = entryAnchors(e), true
				}
				targets[l.target] = t
			}
			if !t.known {
				continue // binary, unreadable or unparsable: its own findings say so
			}
			// The file as the link writes it: what the reader looks for.
			name, _, _ := strings.Cut(l.dest, "#")
			if msg, related := missingAnchor(t.anchors, l.fragment, name); msg != "" {
				c.Report(ruleLinkAnchor, l.at, related, "link %q: %s", l.dest, msg)
			}
		}
	}
}

// missingAnchor returns what is wrong when no anchor is fragment, and the
// closest anchor as a related place; "" when it exists.
func missingAnchor(anchors []anchor, fragment, where string) (string, []Related) {
	ids := make([]string, 0, len(anchors))
	for _, a := range anchors {
		if a.id == fragment {
			return "", nil
		}
		if !slices.Contains(ids, a.id) {
			ids = append(ids, a.id)
		}
	}
	msg := fmt.Sprintf("%s has no heading or anchor %q", where, "#"+fragment)
	best := closestAnchor(fragment, ids)
	switch {
	case best != "":
		msg += fmt.Sprintf("; did you mean %q?", "#"+best)
		if strings.EqualFold(best, fragment) {
			msg += " (anchors are lowercase)"
		}
		for _, a := range anchors {
			if a.id == best {
				return msg, []Related{a.at.Related("anchor %q", "#"+best)}
			}
		}
	case len(ids) == 0:
		msg += "; it has no headings"
	default:
		hashed := make([]string, len(ids))
		for i, id := range ids {
			hashed[i] = "#" + id
		}
		msg += "; its anchors are " + quotedList(hashed, 5)
	}
	return msg, nil
}

// closestAnchor suggests the anchor a fragment probably meant: the closest
// by edit distance, else one that contains it or that it contains (a
// heading that grew words: "#get-involved" for "How to Get Involved"),
// else the one sharing most of its words, at least half of them.
func closestAnchor(fragment string, ids []string) string {
	if best := schema.Closest(fragment, ids); best != "" {
		return best
	}
	lower := strings.ToLower(fragment)
	for _, id := range ids {
		if len(lower) >= 3 && (strings.Contains(id, lower) || strings.Contains(lower, id) && len(id) >= 3) {
			return id
		}
	}
	words := strings.FieldsFunc(lower, func(r rune) bool { return r == '-' || r == '_' })
	best, shared := "", 0
	for _, id := range ids {
		n := 0
		for _, w := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
			if len(w) > 2 && slices.Contains(words, w) {
				n++
			}
		}
		if n > shared {
			best, shared = id, n
		}
	}
	if shared*2 >= len(words) && shared > 0 {
		return best
	}
	return ""
}

// entryAnchors returns every anchor of an entry's body in document order:
// each heading's GitHub anchor (and its explicit {#id}), and the id and
// name attributes of raw HTML.
func entryAnchors(e *Entry) []anchor {
	if e.body == nil {
		return nil
	}
	src := e.BodySource()
	var out []anchor
	seen := map[string]int{}
	place := func(start, end int) Place {
		at := Place{Path: e.Path, Span: e.BodySpan(start, end)}
		at.Line = lineText(e, at.Span.Start.Line)
		return at
	}
	headings, html := e.body.headings, e.body.html
	for len(headings) > 0 || len(html) > 0 {
		// A heading comes before raw HTML that starts where its text does.
		if len(headings) > 0 && (len(html) == 0 || headings[0].textStart <= html[0].start) {
			h := headings[0]
			headings = headings[1:]
			at := place(h.textStart, h.textEnd)
			text := strings.TrimSpace(h.anchorText)
			if id, rest, ok := explicitID(text); ok {
				out = append(out, anchor{id, at})
				text = rest
			}
			slug := GitHubAnchor(text)
			id := slug
			if k := seen[slug]; k > 0 {
				id = slug + "-" + strconv.Itoa(k)
			}
			seen[slug]++
			out = append(out, anchor{id, at})
			continue
		}
		h := html[0]
		html = html[1:]
		at := place(h.start, h.start)
		for _, id := range htmlIDs(string(safeSegment(h.start, h.stop, src))) {
			out = append(out, anchor{id, at})
		}
	}
	return out
}

// GitHubAnchor turns a heading's text into the anchor GitHub gives it:
// lowercased, every character but letters, marks, digits, "_", "-" and
// spaces dropped, and each space turned into a hyphen. Repeats get "-1",
// "-2", ... from the caller, which knows the headings before.
func GitHubAnchor(text string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(text) {
		switch {
		case r == ' ':
			b.WriteByte('-')
		case r == '-' || isWordRune(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// headingAttribute is a trailing attribute list, "{#id .class}" or
// kramdown's "{: #id}".
var headingAttribute = regexp.MustCompile(`\s*\{:?([^{}]*)\}\s*$`)

// explicitID returns the id of a heading's trailing attribute list and the
// text before it.
func explicitID(text string) (id, rest string, ok bool) {
	m := headingAttribute.FindStringSubmatchIndex(text)
	if m == nil {
		return "", text, false
	}
	for _, tok := range strings.Fields(text[m[2]:m[3]]) {
		if strings.HasPrefix(tok, "#") && len(tok) > 1 {
			return tok[1:], strings.TrimSpace(text[:m[0]]), true
		}
	}
	return "", text, false
}

// htmlAnchor matches id and name attributes in raw HTML.
var htmlAnchor = regexp.MustCompile(`(?i)(?:^|[\s"'])(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+))`)

// htmlIDs returns the id and name attribute values of raw HTML.
func htmlIDs(html string) []string {
	if !strings.Contains(html, "=") {
		return nil
	}
	var out []string
	for _, m := range htmlAnchor.FindAllStringSubmatch(html, -1) {
		if v := m[1] + m[2] + m[3]; v != "" {
			out = append(out, v)
		}
	}
	return out
}
