package lint

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzAnchors computes the anchors of arbitrary bodies: never a panic, and
// every anchor placed inside the file with an id GitHub could produce (or
// one written explicitly).
func FuzzAnchors(f *testing.F) {
	for _, s := range []string{
		"## Get Involved\n\n[x](#get-involved)\n",
		"# A {#id}\n\nText {: #k}\n===\n\n<a id=\"x\" name='y'></a>\n",
		"## `code` & *em* ![img](a.png) <b id=z>b</b>\n## Get Involved\n## Get Involved\n",
		"> ## Quoted\n\n- ## In a list\n\n<h2 id=\"raw\">Raw</h2>\n",
	} {
		f.Add(s)
	}
	p := NewParser()
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		src := "---\ntitle: x\n---\n" + body
		e := p.Parse("entry.md", []byte(src))
		for _, a := range entryAnchors(e) {
			sp := a.at.Span
			if sp.Start.Offset < 0 || sp.End.Offset > len(src) || sp.Start.Line < 1 || sp.Start.Line > e.Lines.Lines() {
				t.Fatalf("anchor %q placed at %+v, outside the file of %d bytes", a.id, sp, len(src))
			}
		}
		for _, l := range bodyLinks(e) {
			file, fragment, ok := linkFragment(l.dest)
			if ok && (fragment == "" || strings.HasPrefix(file, "/")) {
				t.Fatalf("linkFragment(%q) = %q, %q", l.dest, file, fragment)
			}
		}
	})
}

// FuzzNormalizeValue normalises arbitrary values as every kind: never a
// panic, and the same value always gives the same key.
func FuzzNormalizeValue(f *testing.F) {
	for _, s := range []string{"https://www.Example.org:443/a/", "@Name", "user@Server.social", "https://x.com/Name",
		"http://[::1]:80/", "%zz", "https://bsky.app/profile/a.bsky.social", "Café  Coders", "mailto:A@B.org"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		for _, kind := range []string{"", "email", "url", "social"} {
			for _, network := range []string{"twitter", "mastodon", "bluesky", "slack", "discord", "github"} {
				keys := []string{"social", network}
				first := normalizeValue(kind, keys, v)
				if again := normalizeValue(kind, keys, v); again != first {
					t.Fatalf("normalizeValue(%q, %q) gave %q, then %q", kind, v, first, again)
				}
			}
		}
		_ = slugSpellings(v)
		_ = vocabularyForm(v)
		_ = GitHubAnchor(v)
		_, _, _ = explicitID(v)
		_ = htmlIDs(v)
		_ = ValidFilenameTemplate(v)
	})
}
