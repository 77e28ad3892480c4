package lint

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestWalkOnce: a file reached through several arguments is linted once;
// the order is the arguments' order, then the walk's.
func TestWalkOnce(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{"b.md", "a.md", "sub/c.markdown", "sub/notes.txt"} {
		fsys[name] = &fstest.MapFile{Data: []byte("x")}
	}
	var got []string
	w := &Walker{FS: fsys}
	args := []string{"sub/c.markdown", ".", "a.md"}
	if err := w.Walk(context.Background(), args, func(p string) bool {
		got = append(got, p)
		return true
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{"sub/c.markdown", "a.md", "b.md"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("walked %v, want %v", got, want)
	}
}

// TestWalkPatterns: a glob argument walks the folder it starts with and
// yields the files the whole pattern matches, braces and escapes included;
// hidden and dependency folders are skipped and reported.
func TestWalkPatterns(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, name := range []string{
		"content/a.md", "content/g/b.markdown", "content/g/c.txt", "content/*.md",
		"content/.hidden/d.md", "content/node_modules/e.md", "other/f.md",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte("x")}
	}
	cases := []struct {
		pattern string
		want    []string
	}{
		{"content/**/*.md", []string{"content/*.md", "content/a.md"}},
		{"content/**/*.{md,markdown}", []string{"content/*.md", "content/a.md", "content/g/b.markdown"}},
		{`content/\*.md`, []string{"content/*.md"}},
		{"**/f.md", []string{"other/f.md"}},
	}
	for _, tc := range cases {
		var got, skipped []string
		w := &Walker{FS: fsys, Skipped: func(p, reason string) { skipped = append(skipped, p) }}
		if err := w.Check([]string{tc.pattern}, func(s string) string { return s }); err != nil {
			t.Errorf("Check(%q): %v", tc.pattern, err)
		}
		if err := w.Walk(context.Background(), []string{tc.pattern}, func(p string) bool {
			got = append(got, p)
			return true
		}); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Walk(%q) = %q, want %q", tc.pattern, got, tc.want)
		}
		if strings.HasPrefix(tc.pattern, "content/") && !reflect.DeepEqual(skipped, []string{"content/.hidden", "content/node_modules"}) {
			t.Errorf("Walk(%q) skipped %q, want the hidden and dependency folders", tc.pattern, skipped)
		}
	}
	w := &Walker{FS: fsys}
	for arg, want := range map[string]string{
		"content/missing.md": "content/missing.md: no such file or directory",
		"content/**/*.pdf":   "content/**/*.pdf: the pattern matches no files",
		"content/[":          "content/[: not a valid glob pattern",
	} {
		if err := w.Check([]string{arg}, func(s string) string { return s }); err == nil || err.Error() != want {
			t.Errorf("Check(%q) = %v, want %q", arg, err, want)
		}
	}
}

func TestMatchGlob(t *testing.T) {
	cases := []struct {
		pattern, name string
		want          bool
	}{
		{"**/*.md", "a.md", true},
		{"**/*.md", "x/y/a.md", true},
		{"**/*.md", "../x/a.md", true},
		{"content/**/*.md", "content/a.md", true},
		{"content/**/*.md", "content/g/h/a.md", true},
		{"content/**/*.md", "other/a.md", false},
		{"content/*.md", "content/g/a.md", false},
		{"content/**", "content/g/a.md", true},
		{"**", "anything/at/all", true},
		{"*.markdown", "a.md", false},
		{"content/[ab].md", "content/a.md", true},
		{"content/[", "content/[", false},
		// Brace alternatives.
		{"content/**/*.{md,markdown}", "content/a.md", true},
		{"content/**/*.{md,markdown}", "content/g/h/a.markdown", true},
		{"content/**/*.{md,markdown}", "content/g/a.txt", false},
		{"{content,docs}/*.md", "docs/a.md", true},
		{"{content,docs}/*.md", "blog/a.md", false},
		// Escapes: "\*" is a literal star, "\{" a literal brace.
		{`content/\*.md`, "content/*.md", true},
		{`content/\*.md`, "content/a.md", false},
		{`content/\{a,b\}.md`, "content/{a,b}.md", true},
		{`content/\{a,b\}.md`, "content/a.md", false},
		// A star stays inside one segment.
		{"content/*", "content/g/a.md", false},
		{"*.md", "a.md", true},
	}
	for _, tc := range cases {
		if got := MatchGlob(tc.pattern, tc.name); got != tc.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
	for p, want := range map[string]bool{"content/**/*.{md,markdown}": true, `content/\*.md`: true, "content/[": false, "content/{a,b": false} {
		if got := ValidGlob(p); got != want {
			t.Errorf("ValidGlob(%q) = %v, want %v", p, got, want)
		}
	}
}

// sixStars is the pattern that made the hand-rolled matcher backtrack: six
// "**" segments against a deep path that does not match took 0.86 s.
const sixStars = "**/**/**/**/**/**/*.md"

var deepPath = strings.Repeat("folder/", 40) + "notes.txt"

// TestMatchGlobSixDoubleStars: the worst case of the hand-rolled matcher
// gives the right answers (BenchmarkMatchGlobSixDoubleStars times it: about
// a microsecond per match with doublestar, against 0.86 s before).
func TestMatchGlobSixDoubleStars(t *testing.T) {
	if MatchGlob(sixStars, deepPath) {
		t.Fatalf("MatchGlob(%q, %q) matched", sixStars, deepPath)
	}
	if !MatchGlob(sixStars, strings.TrimSuffix(deepPath, ".txt")+".md") {
		t.Fatalf("MatchGlob(%q, a deep .md) did not match", sixStars)
	}
}

func BenchmarkMatchGlobSixDoubleStars(b *testing.B) {
	for b.Loop() {
		MatchGlob(sixStars, deepPath)
	}
}

// TestFieldKindMatches: field patterns match segment by segment, as the
// README says.
func TestFieldKindMatches(t *testing.T) {
	cases := []struct {
		pattern string
		keys    []string
		want    bool
	}{
		{"social.*", []string{"social", "twitter"}, true},
		{"social.*", []string{"social", "links", "twitter"}, false},
		{"social.*", []string{"social"}, false},
		{"social.*", []string{"other", "twitter"}, false},
		{"*email", []string{"contact_email"}, true},
		{"*email", []string{"email"}, true},
		{"*email", []string{"contact", "email"}, false}, // a top-level key only
		{"*email", []string{"email_verified"}, false},
		{"**.email", []string{"email"}, true},
		{"**.email", []string{"contact", "email"}, true},
		{"**.email", []string{"a", "b", "email"}, true},
		{"**.email", []string{"a", "contact_email"}, false},
		{"website", []string{"website"}, true},
		{"website", []string{"links", "website"}, false},
		{"*url", []string{"donate_url"}, true},
		// A "/" inside a key is part of the key, not a separator.
		{"social.*", []string{"social/x", "twitter"}, false},
		{"social.*", []string{"social", "a/b"}, true},
		{"social.{twitter,mastodon}", []string{"social", "mastodon"}, true},
		{"social.{twitter,mastodon}", []string{"social", "slack"}, false},
	}
	for _, tc := range cases {
		if got := (FieldKind{Match: tc.pattern, Kind: "email"}).Matches(tc.keys); got != tc.want {
			t.Errorf("FieldKind{%q}.Matches(%q) = %v, want %v", tc.pattern, tc.keys, got, tc.want)
		}
	}
	for p, want := range map[string]bool{"social.*": true, "**.email": true, "": false, "social.[": false} {
		if got := ValidFieldPattern(p); got != want {
			t.Errorf("ValidFieldPattern(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestCollectionFieldKind: the first pattern that matches decides.
func TestCollectionFieldKind(t *testing.T) {
	c := &Collection{Fields: []FieldKind{{Match: "*email", Kind: "email"}, {Match: "website", Kind: "url"}, {Match: "*url", Kind: "url"}, {Match: "social.*", Kind: "social"}}}
	for path, want := range map[string]string{
		"contact_email":        "email",
		"website":              "url",
		"social.twitter":       "social",
		"social.links.twitter": "",
		"title":                "",
	} {
		got := ""
		if k := c.FieldKind(strings.Split(path, ".")); k != nil {
			got = k.Kind
		}
		if got != want {
			t.Errorf("FieldKind(%s) = %q, want %q", path, got, want)
		}
	}
}

// TestClaims: include and exclude globs are relative to the configuration's
// folder; the first collection that claims a file wins; ignore globs too.
func TestClaims(t *testing.T) {
	cfg := &Config{Dir: "site", Ignore: []string{"**/drafts/**"}, Collections: []*Collection{
		{Name: "events", Include: []string{"content/events/**/*.{md,markdown}"}, Exclude: []string{"**/_index.md"}},
		{Name: "groups", Include: []string{"content/**/*.md"}},
	}}
	for name, want := range map[string]string{
		"site/content/events/2024/a.md":        "events",
		"site/content/events/a.markdown":       "events",
		"site/content/events/_index.md":        "groups",
		"site/content/groups/glasgow.md":       "groups",
		"site/other/a.md":                      "",
		"elsewhere/content/events/2024/a.md":   "",
		"site/content/groups/glasgow.markdown": "",
	} {
		got := ""
		if c := cfg.CollectionFor(name); c != nil {
			got = c.Name
		}
		if got != want {
			t.Errorf("CollectionFor(%q) = %q, want %q", name, got, want)
		}
	}
	if !cfg.Ignored("site/content/drafts/a.md") || cfg.Ignored("site/content/a.md") {
		t.Errorf("Ignored does not follow the ignore globs")
	}
}

func TestRelPath(t *testing.T) {
	for _, tc := range []struct{ base, target, want string }{
		{".", "a/b.md", "a/b.md"},
		{"", "a/b.md", "a/b.md"},
		{"site", "site/a.md", "a.md"},
		{"site", "site", "."},
		{"site/x", "site/y/a.md", "../y/a.md"},
		{"site", "other/a.md", "../other/a.md"},
		{"site", ".", ".."},
		{"site/x", "site", ".."},
		{"a/b", ".", "../.."},
	} {
		if got := RelPath(tc.base, tc.target); got != tc.want {
			t.Errorf("RelPath(%q, %q) = %q, want %q", tc.base, tc.target, got, tc.want)
		}
	}
}
