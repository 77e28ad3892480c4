package lint

import (
	"slices"
	"strings"
	"testing"
)

// The value-level helpers of the checks across entries: how values are
// normalised before they are compared, GitHub's anchors, slugs and near
// misses. Each case names the rule it follows.

func TestNormalizeValue(t *testing.T) {
	same := []struct {
		name       string
		kind       string
		keys       []string
		a, b       string
		equal      bool
		normalized string
	}{
		// Text: case, Unicode form (NFC) and runs of white space.
		{"text case and spaces", "", []string{"title"}, "Glasgow Open Data Group", " glasgow  open DATA\tgroup ", true, "glasgow open data group"},
		{"text NFC", "", []string{"title"}, "Caf\u00e9", "Cafe\u0301", true, ""},
		{"text punctuation matters", "", []string{"title"}, "Open-Data", "Open Data", false, ""},
		// Emails: case-insensitive as published addresses are (the rule).
		{"email case", "email", []string{"contact_email"}, "Contact@GlasgowOpenData.org", "contact@glasgowopendata.org", true, "contact@glasgowopendata.org"},
		{"email sniffed", "", []string{"email"}, "Hello@Example.org", "hello@example.org", true, ""},
		{"email local part differs", "email", []string{"contact_email"}, "a@x.org", "b@x.org", false, ""},
		// URLs: scheme difference, www., default ports, trailing slash, host case.
		{"url scheme www port slash", "url", []string{"website"}, "http://www.GlasgowOpenData.org:80/", "https://glasgowopendata.org", true, "web://glasgowopendata.org"},
		{"url https default port", "url", []string{"website"}, "https://glasgowopendata.org:443/about/", "https://glasgowopendata.org/about", true, ""},
		{"url sniffed", "", []string{"homepage"}, "HTTPS://Example.org/", "http://example.org", true, ""},
		{"url path case matters", "url", []string{"website"}, "https://x.org/About", "https://x.org/about", false, ""},
		{"url other port", "url", []string{"website"}, "https://x.org:8443/", "https://x.org/", false, ""},
		{"url query kept", "url", []string{"website"}, "https://meetup.com/?g=a", "https://meetup.com/?g=b", false, ""},
		{"url subdomain", "url", []string{"website"}, "https://meetup.x.org", "https://x.org", false, ""},
		{"url without scheme", "url", []string{"website"}, "glasgowopendata.org/", "https://glasgowopendata.org", true, ""},
		// Handles: "@", profile URLs, case where the network ignores it.
		{"twitter at and case", "social", []string{"social", "twitter"}, "@GlasgowOpenData", "glasgowopendata", true, "twitter:glasgowopendata"},
		{"twitter profile URL", "social", []string{"social", "twitter"}, "https://x.com/GlasgowOpenData", "GlasgowOpenData", true, ""},
		{"twitter profile URL www", "social", []string{"social", "twitter"}, "https://www.twitter.com/GlasgowOpenData/", "@glasgowopendata", true, ""},
		{"github repository is not the account", "social", []string{"social", "github"}, "https://github.com/glasgow-open-data/site", "glasgow-open-data", false, ""},
		{"mastodon forms", "social", []string{"social", "mastodon"}, "@Glasgow@Mastodon.Social", "https://mastodon.social/@glasgow", true, "mastodon:glasgow@mastodon.social"},
		{"bluesky profile", "social", []string{"social", "bluesky"}, "https://bsky.app/profile/glasgow.bsky.social", "Glasgow.bsky.social", true, ""},
		{"slack workspaces differ", "social", []string{"social", "slack"}, "https://glasgowtech.slack.com/channels/open-data", "https://edinburghtech.slack.com/channels/open-data", false, ""},
		{"slack same channel", "social", []string{"social", "slack"}, "https://GlasgowTech.slack.com/channels/open-data/", "https://glasgowtech.slack.com/channels/open-data", true, ""},
		{"discord codes are case-sensitive", "social", []string{"social", "discord"}, "https://discord.gg/AbCd", "https://discord.gg/abcd", false, ""},
	}
	for _, c := range same {
		t.Run(c.name, func(t *testing.T) {
			a, b := normalizeValue(c.kind, c.keys, c.a), normalizeValue(c.kind, c.keys, c.b)
			if (a == b) != c.equal {
				t.Errorf("normalize(%q) = %q, normalize(%q) = %q; equal %v, want %v", c.a, a, c.b, b, a == b, c.equal)
			}
			if c.normalized != "" && a != c.normalized {
				t.Errorf("normalize(%q) = %q, want %q", c.a, a, c.normalized)
			}
		})
	}
}

// TestGitHubAnchor follows GitHub's rule for heading anchors (the
// TableOfContentsFilter of html-pipeline, which github-slugger mirrors):
// lowercase, drop every character but letters, marks, digits, "_", "-"
// and spaces, turn each space into "-".
func TestGitHubAnchor(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Get Involved", "get-involved"},
		{"What's new?", "whats-new"},
		{"C++ & Go", "c--go"},
		{"Café Déjà vu", "café-déjà-vu"},
		{"snake_case and kebab-case", "snake_case-and-kebab-case"},
		{"1. Numbered", "1-numbered"},
		{"Emoji 🎉 party", "emoji--party"},
		{"Hello—World", "helloworld"},
		{"ÜBER", "über"},
		{"東京 Meetup", "東京-meetup"},
		{"", ""},
	} {
		if got := GitHubAnchor(c.text); got != c.want {
			t.Errorf("GitHubAnchor(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestExplicitID(t *testing.T) {
	for _, c := range []struct{ text, id, rest string }{
		{"How to Get Involved {#get-involved}", "get-involved", "How to Get Involved"},
		{"Title {: #kramdown .class}", "kramdown", "Title"},
		{"Title {.class #late data-x=1}", "late", "Title"},
		{"Title {.class}", "", "Title {.class}"},
		{"Braces {in} the middle", "", "Braces {in} the middle"},
		{"Lone #", "", "Lone #"},
	} {
		id, rest, ok := explicitID(c.text)
		if id != c.id || rest != c.rest || ok != (c.id != "") {
			t.Errorf("explicitID(%q) = %q, %q, %v; want %q, %q", c.text, id, rest, ok, c.id, c.rest)
		}
	}
}

func TestHTMLIDs(t *testing.T) {
	for _, c := range []struct {
		html string
		want []string
	}{
		{`<a id="old-name"></a>`, []string{"old-name"}},
		{`<a name='legacy'>`, []string{"legacy"}},
		{`<h2 class="x" ID=bare>Title</h2>`, []string{"bare"}},
		{`<div data-id="nope" aria-labelledby="nope">`, nil},
		{`<p>no attributes</p>`, nil},
	} {
		got := htmlIDs(c.html)
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("htmlIDs(%q) = %q, want %q", c.html, got, c.want)
		}
	}
}

func TestLinkFragment(t *testing.T) {
	for _, c := range []struct {
		dest, file, fragment string
		ok                   bool
	}{
		{"#get-involved", "", "get-involved", true},
		{"other.md#get-involved", "other.md", "get-involved", true},
		{"./a/../other.markdown#x", "other.markdown", "x", true},
		{"other.md#caf%C3%A9", "other.md", "café", true},
		{"#user-content-faq", "", "faq", true},
		{"#", "", "", false},
		{"#top", "", "", false},
		{"#Top", "", "", false},
		{"#:~:text=hello", "", "", false},
		{"other.md", "", "", false},
		{"notes.txt#x", "", "", false},
		{"folder/#x", "", "", false},
		{"/about#x", "", "", false},
		{"https://example.org/a.md#x", "", "", false},
		{"mailto:a@b.org#x", "", "", false},
	} {
		file, fragment, ok := linkFragment(c.dest)
		if file != c.file || fragment != c.fragment || ok != c.ok {
			t.Errorf("linkFragment(%q) = %q, %q, %v; want %q, %q, %v", c.dest, file, fragment, ok, c.file, c.fragment, c.ok)
		}
	}
}

func TestSlugSpellings(t *testing.T) {
	for _, c := range []struct {
		value string
		want  []string // the first is the one suggested
	}{
		{"Glasgow Open Data Group", []string{"glasgow-open-data-group"}},
		{"Café Coders", []string{"cafe-coders", "café-coders"}},
		{"Women's Tech Network", []string{"womens-tech-network", "women-s-tech-network"}},
		{"Women’s Tech", []string{"womens-tech", "women-s-tech"}},
		{"  C++ / Go -- Glasgow!  ", []string{"c-go-glasgow"}},
		{"2024-05-01T18:00:00Z", []string{"2024-05-01"}},
		{"2024-05-01", []string{"2024-05-01"}},
		{"2024-05-01 meetup", []string{"2024-05-01-meetup"}},
		{"東京 Meetup", []string{"東京-meetup"}},
		{"!!!", []string{""}},
	} {
		got := slugSpellings(c.value)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("slugSpellings(%q) = %q, want %q", c.value, got, c.want)
		}
	}
}

func TestParseFilename(t *testing.T) {
	for _, c := range []struct{ template, err string }{
		{"{title}", ""},
		{"{date}-{title}", ""},
		{"event-{meta.slug}", ""},
		{"title", "names no field"},
		{"{}", "not a field path"},
		{"{social.*}", "not a field path"},
		{"{title", "unmatched brace"},
		{"title}", "unmatched brace"},
		{"groups/{title}", "names folders"},
		{"{.title}", "not a field path"},
	} {
		err := ValidFilenameTemplate(c.template)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%q: %v", c.template, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%q: error %v, want one containing %q", c.template, err, c.err)
		}
	}
}

func TestNearMiss(t *testing.T) {
	for _, c := range []struct {
		a, b string
		ok   bool
	}{
		{"opendata", "Open Data", true},
		{"Open-Data", "open data", true},
		{"Café", "cafe", true},
		{"transparancy", "transparency", true},        // one edit, 12 letters
		{"visualisation", "visualization", true},      // one edit
		{"data sciences", "data science", true},       // one edit
		{"machine lerning", "machine learning", true}, // one edit
		{"infrastracture", "infrastructure", true},    // one edit, 14 letters
		{"infrastrakture", "infrastructure", true},    // two edits, 14 letters
		{"pythn", "python", false},                    // five letters: too short for an edit
		{"Perth", "Porth", false},                     // real places, five letters
		{"Leeds", "Leeks", false},
		{"python2", "python3", false}, // digits differ
		{"rust", "ruby", false},
		{"security", "secure", false}, // two edits, eight letters
		{"", "", false},
	} {
		_, ok := nearMiss([]rune(vocabularyForm(c.a)), []rune(vocabularyForm(c.b)))
		if ok != c.ok {
			t.Errorf("nearMiss(%q, %q) = %v, want %v", c.a, c.b, ok, c.ok)
		}
	}
}

// TestBoundedDistance compares the banded distance with the plain one.
func TestBoundedDistance(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "kitten", "sitting", "transparency", "transparancy", "tranparency", "xtransparency", "flaw", "lawn"}
	plain := func(a, b []rune) int {
		prev := make([]int, len(b)+1)
		for j := range prev {
			prev[j] = j
		}
		for i := 1; i <= len(a); i++ {
			cur := make([]int, len(b)+1)
			cur[0] = i
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			}
			prev = cur
		}
		return prev[len(b)]
	}
	for _, a := range words {
		for _, b := range words {
			for limit := 0; limit <= 3; limit++ {
				want := min(plain([]rune(a), []rune(b)), limit+1)
				if got := boundedDistance([]rune(a), []rune(b), limit); got != want {
					t.Errorf("boundedDistance(%q, %q, %d) = %d, want %d", a, b, limit, got, want)
				}
			}
		}
	}
}

func TestEntrySlug(t *testing.T) {
	for _, c := range []struct{ path, want string }{
		{"organisers/ada-lovelace.md", "ada-lovelace"},
		{"ada.markdown", "ada"},
		{"venues/the-lighthouse/index.md", "the-lighthouse"},
		{"venues/the-lighthouse/_index.md", "the-lighthouse"},
		{"index.md", "index"},
	} {
		if got := EntrySlug(c.path); got != c.want {
			t.Errorf("EntrySlug(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

func TestMatchField(t *testing.T) {
	for _, c := range []struct {
		pattern string
		keys    []string
		want    bool
	}{
		{"title", []string{"title"}, true},
		{"title", []string{"meta", "title"}, false},
		{"social.twitter", []string{"social", "twitter"}, true},
		{"social.*", []string{"social", "github"}, true},
		{"**.email", []string{"contact", "email"}, true},
		{"tags", []string{"tags"}, true},
		{"a.b", []string{"a.b"}, false},
	} {
		if got := matchField(c.pattern, c.keys); got != c.want {
			t.Errorf("matchField(%q, %q) = %v, want %v", c.pattern, c.keys, got, c.want)
		}
	}
}

// TestEachMatch: looking plain paths up directly finds what walking every
// field finds.
func TestEachMatch(t *testing.T) {
	e := NewParser().Parse("e.md", []byte("---\ntitle: T\ntags: [a, [b, c], {d: e}]\nsocial:\n  twitter: x\n  github: [y]\nn: 3\nb: true\nm: {title: nested}\n---\n"))
	for _, patterns := range [][]string{{"title"}, {"tags", "social.twitter", "n", "b"}, {"social.github", "m.title", "missing", "title.x"}, {"tags", "tags"}} {
		var direct, walked []string
		eachMatch(e.Data, patterns, func(pattern, ptr string, keys []string, v any) {
			direct = append(direct, pattern+" "+ptr+" "+strings.Join(keys, "."))
		})
		eachField(e.Data, func(ptr string, keys []string, v any) {
			for _, p := range patterns {
				if matchField(p, keys) {
					walked = append(walked, p+" "+ptr+" "+strings.Join(keys, "."))
					return
				}
			}
		})
		slices.Sort(direct)
		slices.Sort(walked)
		if !slices.Equal(direct, walked) || len(direct) == 0 {
			t.Errorf("%q: looked up %q, walked %q", patterns, direct, walked)
		}
	}
}
