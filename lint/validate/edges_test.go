package validate

import (
	"strings"
	"testing"
)

// Cases at the edges of each rule: a length exactly at its limit, the
// character that matters at index 0, the first and last letters of a range.
// Mutation testing (gremlins, issue 19) showed that the tables elsewhere
// never reach these edges, so a comparison could move by one unnoticed.

var emailEdgeCases = []tcase{
	invalid("RFC6068 mailto: with nothing after it", "mailto:", `is a "mailto:" link without an address; write just the address, like "name@example.org"`),
	invalid("RFC6068 mailto: with only header fields", "mailto:?subject=Hello", `is a "mailto:" link without an address; write just the address, like "name@example.org"`),
	invalid("RFC5322 3.4 angle brackets without a display name", "<info@example.org>", `has angle brackets around the address; write just "info@example.org"`),
	invalid("RFC5322 3.4 name-addr with nothing before the @", "Name <@example.org>", "contains a space; an address cannot contain spaces, so remove it"),
	invalid("RFC5322 3.2.2 comment at the start", "(comment)info@example.org", `contains the comment "(comment)"; remove the text in brackets`),
	invalid("closing bracket at the start", ")info@example.org", `contains ")"; remove it`),
	invalid("spelled-out [at] at the start", "[at]example.org", `writes the "@" as "[at]" to hide it from spam robots`),
	invalid("RFC5322 3.4.1 @ at the start", "@example.org", `has nothing before the "@"; add the mailbox name, like "info@example.org"`),
}

func TestEmailEdges(t *testing.T) { runCases(t, Email, emailEdgeCases) }

var placeholderEdgeCases = []tcase{
	invalid("RFC2606 3 placeholder domain with nothing before the @", "@example.org", `"example.org" is a placeholder domain reserved for examples (RFC 2606)`),
	valid("no @ at all is for Email to report", "example.org"),
}

func TestPlaceholderEmailEdges(t *testing.T) { runCases(t, PlaceholderEmail, placeholderEdgeCases) }

var hostnameEdgeCases = []tcase{
	invalid("leading space", " example.org", "starts with a space; remove it"),
	invalid("RFC4291 2.2 IPv6 address starting with a colon", "::1", `"::1" is an IP address, not a host name; use the domain name`),
}

func TestHostnameEdges(t *testing.T) { runCases(t, Formats["hostname"], hostnameEdgeCases) }

var urlEdgeCases = []tcase{
	invalid("RFC3986 4.2 site-relative path where a full address is needed", "/img/photo.png", `is not a full web address; it must start with "https://", like "https://example.org"`),
	invalid("leading dot", ".example.org", `is not a full web address; it must start with "https://", like "https://example.org"`),
	invalid("port without a host", ":8080", `is not a full web address; it must start with "https://", like "https://example.org"`),
	invalid("RFC3986 3.1 scheme typo of seven letters hhttpss", "hhttpss://example.org", `"hhttpss:" looks like a typo for "https:"; write "https://example.org"`),
	valid("RFC6335 6 lowest port 1", "https://example.org:1/"),
	valid("RFC6335 6 port of five digits with leading zeros", "https://example.org:00080/"),
	invalid("RFC6335 6 port of six digits", "https://example.org:000080/", `port "000080" is not valid; a port is a number from 1 to 65535`),
	invalid("RFC3986 2.1 broken percent-encoding quotes two characters after the %", "https://example.org/a%zzzz", `has a broken percent-encoding "%zz";`),
	invalid("RFC3986 3.2.2 text after an IPv6 literal", "https://[2606:4700:4700::1111]x/", `has "x" after the IPv6 address; only a port like ":8080" may follow it`),
	valid("RFC3986 3.2.2 IPv6 literal with a port", "https://[2606:4700:4700::1111]:8443/"),
}

func TestURLEdges(t *testing.T) { runCases(t, URL, urlEdgeCases) }

// TestCheckURLEdges: the edges of the relative, generic, xmpp and tel forms.
func TestCheckURLEdges(t *testing.T) {
	relative := URLRules{Relative: true}
	ftp := URLRules{Schemes: []string{"ftp"}}
	xmpp := URLRules{Schemes: []string{"xmpp"}}
	tel := URLRules{Schemes: []string{"tel"}}
	cases := []struct {
		name  string
		rules URLRules
		in    string
		want  string // "" means valid
	}{
		{"RFC3986 4.2 network-path reference with an empty host", relative, "//?page=2",
			`starts with "//", so browsers read "" as a host name; write "/?page=2" for a path on this site, or start with "https://" for another site`},
		{"RFC3986 4.2 colon after the first segment of a path", relative, "/events/2024-05-01T10:00", ""},
		{"RFC3986 3.2.2 port without a host", ftp, "ftp://:21/x", `has no host name before ":21"`},
		{"RFC3986 3.2.1 empty userinfo holds no password", ftp, "ftp://@example.org/x", ""},
		{"RFC3986 3.2.1 password with an empty user name", ftp, "ftp://:secret@example.org/x", `contains a password before the host; remove it and write "ftp://example.org/x"`},
		{"RFC5122 2.2 account without an address", xmpp, "xmpp://account@example.org", `has no address after the account; write it like "xmpp:name@example.org"`},
		{"RFC7622 3.3.1 & at the start of a localpart", xmpp, "xmpp:&a@example.org", `character "&" is not allowed before the "@" of an XMPP address`},
		{"RFC3966 3 leading plus and separators", tel, "tel:+1-(201).555-0123", ""},
		{"RFC3966 3 plus inside the number", tel, "tel:1+2015550123", `character "+" is not allowed in a phone number`},
		{"RFC3966 3 three digits", tel, "tel:112", ""},
		{"RFC3966 3 two digits", tel, "tel:11", `"11" has too few digits for a phone number`},
		{"ITU-T E.164 15 digits", tel, "tel:+123456789012345", ""},
		{"ITU-T E.164 16 digits", tel, "tel:+1234567890123456", `"+1234567890123456" has 16 digits, but international numbers have at most 15`},
		{"RFC3966 5.1.4 local number of 16 digits", tel, "tel:1234567890123456", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckURL(tc.in, tc.rules)
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("%q: unexpected error: %v", tc.in, err)
			case tc.want != "" && err == nil:
				t.Errorf("%q: accepted; want an error containing %q", tc.in, tc.want)
			case tc.want != "" && !strings.Contains(err.Error(), tc.want):
				t.Errorf("%q:\n got: %v\nwant substring: %s", tc.in, err, tc.want)
			}
		})
	}
}

// networkEdgeCases are checked in FormAny, like networkCases.
var networkEdgeCases = map[string][]tcase{
	"twitter": {
		invalid("leading space", " GlasgowOpenData", "starts with a space; remove it"),
		invalid("empty scheme before ://", "://twitter.com/example", `is missing "https:" before "://"; write "https://twitter.com/example"`),
		invalid("RFC3986 3.2 no host after the scheme", "https:///example", `has no host name after "https://"`),
		invalid("value starting with a dot is a handle, not a host", ".example/x", `character "." is not allowed; Twitter user names use only letters, digits and "_"`),
	},
	"mastodon": {
		invalid("remote account without its server", "https://mastodon.social/@name@", "server is empty"),
		invalid("two @ before the server", "https://name@@mastodon.social", `host "name@@mastodon.social" must not contain a login or a port; write just the site's name`),
		// A user name and server swapped round are put right only when the
		// server's dots are inside it; otherwise the value is just refused.
		invalid("server starting with a dot before the user name", "https://.example@name", `host ".example@name" must not contain a login or a port; write just the site's name`),
		invalid("user name starting with a dot after the server", "https://mastodon.social@.name", `host "mastodon.social@.name" must not contain a login or a port; write just the site's name`),
		invalid("server starting with a dot after the user name", "https://name@.social", `host "name@.social" must not contain a login or a port; write just the site's name`),
		invalid("user name starting with a dot before the server", "https://.name@mastodon.social", `host ".name@mastodon.social" must not contain a login or a port; write just the site's name`),
		invalid("user name after the server", "https://mastodon.social@name", `has the user name after the server; write "https://mastodon.social/@name"`),
		invalid("user name before the server", "https://name@mastodon.social", `has the user name before the server; write "https://mastodon.social/@name"`),
	},
	"bluesky": {
		invalid("atproto handle: percent-encoded byte that is not text", "https://bsky.app/profile/%80x.bsky.social", `is not allowed; Bluesky handles are plain ASCII`),
		invalid("atproto handle: leading dot", ".example.bsky.social", `handle ".example.bsky.social" starts with a dot; remove it`),
		valid("atproto did:plc with a and x", "did:plc:abcdefghijklmnopqrstuvwx"),
	},
	"linkedin": {
		invalid("school page type with the name", "school/example", `has the page type as well as the name; write "example" for the handle, or "https://www.linkedin.com/school/example" for the link`),
		invalid("showcase page type with the name", "showcase/example", `has the page type as well as the name; write "example" for the handle, or "https://www.linkedin.com/showcase/example" for the link`),
		invalid("old /pub/ link without the profile", "https://www.linkedin.com/pub/", `is not a LinkedIn profile or page; use a link like "https://www.linkedin.com/in/example"`),
		invalid("company name starting with an encoded slash", "https://www.linkedin.com/company/%2Fexample", `character "/" is not allowed in a LinkedIn page name; copy the page's link again`),
		valid("LinkedIn help a542685 custom URL of 3 characters", "abc"),
	},
	"slack": {
		invalid("app id of 13 characters after /team/", "https://example.slack.com/team/A0123456789BC", `"A0123456789BC" after /team/ is the id of a channel or conversation, not of a member`),
		invalid("channel id with a Z after /team/", "https://example.slack.com/team/CZ1234567", `"CZ1234567" after /team/ is the id of a channel or conversation`),
		valid("older /team/ link with a user name", "https://example.slack.com/team/johnsmith"),
		valid("older /team/ link with digits, which no id starts with", "https://example.slack.com/team/123456789"),
		valid("RFC1035 2.3.1 workspace name of 63 characters", strings.Repeat("a", 63)),
		invalid("RFC1035 2.3.1 workspace name of 64 characters", strings.Repeat("a", 64), "is 64 characters long; the limit is 63"),
	},
	"discord": {
		valid("invite code of 100 characters", strings.Repeat("a", 100)),
	},
	"meetup": {
		valid("group name of 100 characters", strings.Repeat("a", 100)),
	},
	"facebook": {
		invalid("fb.me short link without a page", "https://fb.me/", `short link has no page name; write it like "https://www.facebook.com/example"`),
		invalid("group name with a symbol", "https://www.facebook.com/groups/open!data", `character "!" is not allowed; Facebook group names use only letters, digits, ".", "_" and "-"`),
		invalid("group name with a broken percent-encoding", "https://www.facebook.com/groups/%zz", `"%zz" has a broken percent-encoding`),
		valid("group name with a dot, an underscore and a hyphen", "https://www.facebook.com/groups/glasgow.open_data-group"),
		invalid("link to a video", "https://www.facebook.com/GlasgowOpenData/videos/123456", `links to a post, not the page; use "https://www.facebook.com/GlasgowOpenData"`),
		invalid("link to a photo", "https://www.facebook.com/GlasgowOpenData/photos/123456", `links to a post, not the page; use "https://www.facebook.com/GlasgowOpenData"`),
		valid("photos tab", "https://www.facebook.com/GlasgowOpenData/photos"),
		invalid("numeric id after a hyphen", "-123456", `character "-" is not allowed; Facebook page names use only letters, digits and "."`),
		valid("Name-<id> page with a 5-digit id", "Glasgow-Open-Data-12345"),
		valid("Name-<id> page with a dot in the name", "Glasgow.Open-Data-123456789"),
		invalid("Facebook help 105399436216001 .com at the start", ".comglasgow", `".comglasgow" contains ".com"; Facebook page names cannot contain domain endings`),
		valid("Facebook help 105399436216001 name of 50 characters", strings.Repeat("a", 50)),
	},
	"youtube": {
		valid("YouTube help 11585688 handle of 30 characters", "@"+strings.Repeat("a", 30)),
		invalid("UC and 22 characters that are no channel id", "UCabcdefghijklmnopqrst!v", `character "!" is not allowed; YouTube channel names use only letters, digits, "_", "-" and "."`),
		valid("channel id with hyphens", "https://www.youtube.com/channel/UC-9-kyTW8ZkZNDHQJ6FgpwQ"),
		invalid("/c/ name with a symbol", "https://www.youtube.com/c/Glasgow!Data", `character "!" is not allowed; YouTube channel names use only letters, digits, "_", "-" and "."`),
		invalid("/c/ name with a broken percent-encoding", "https://www.youtube.com/c/%zz", `"%zz" has a broken percent-encoding`),
		valid("/c/ name with a hyphen and a dot", "https://www.youtube.com/c/glasgow-open.data"),
		valid("/c/ name of 100 characters", "https://www.youtube.com/c/"+strings.Repeat("a", 100)),
	},
}

func TestNetworkEdges(t *testing.T) {
	for name, cases := range networkEdgeCases {
		n, ok := NetworkByName(name)
		if !ok {
			t.Fatalf("no network %q", name)
		}
		t.Run(name, func(t *testing.T) { runCases(t, n.Checker(FormAny), cases) })
	}
}

// TestMeetupLocale: a language-region tag before the group is skipped, so
// the handle is the group's name.
func TestMeetupLocale(t *testing.T) {
	n, _ := NetworkByName("meetup")
	err := n.Check("https://www.meetup.com/de-DE/example/", FormHandle)
	want := `is a profile URL, but this field holds the handle (the site's template adds the address); write "example"`
	if err == nil || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

func TestIsLocale(t *testing.T) {
	for s, want := range map[string]bool{
		"de-DE": true, "az-AZ": true, "en-ZA": true, "zh-TW": true, "ja-JP": true,
		"de_DE": false, "de-de": false, "DE-DE": false, "deu-D": false, "de-DEU": false, "de-D": false,
		"`e-DE": false, "{e-DE": false, "d`-DE": false, "d{-DE": false,
		"de-@E": false, "de-[E": false, "de-D@": false, "de-D[": false,
	} {
		if got := isLocale(s); got != want {
			t.Errorf("isLocale(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestTrailingID(t *testing.T) {
	for path, want := range map[string]bool{
		"Glasgow-Open-Data/123456789": true,
		"Glasgow-Open-Data-123456789": true,
		"-123456789":                  true,
		"123":                         true,
		"Glasgow-Open-Data":           false,
		"Name-":                       false,
		"123/Name":                    false,
	} {
		if got := trailingID(path); got != want {
			t.Errorf("trailingID(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestSiteOf(t *testing.T) {
	for pattern, want := range map[string]string{
		"*.slack.com":            "slack.com",
		"*.enterprise.slack.com": "slack.com",
		"??.linkedin.com":        "linkedin.com",
		"??-??.facebook.com":     "facebook.com",
		"gist.github.com":        "github.com",
		"mastodon.social":        "mastodon.social",
		"*.github.io":            "github.io",
		"github.io":              "github.io",
	} {
		if got := siteOf(pattern); got != want {
			t.Errorf("siteOf(%q) = %q, want %q", pattern, got, want)
		}
	}
}

func TestNetworkOfURLEdges(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"://github.com/x", "github"},       // an empty scheme is still a web address
		{"https://@github.com/x", "github"}, // an empty user name before the host
		{"https://#x.slack.com", ""},        // a fragment right after "//": no host
		{"https://?x.linkedin.com", ""},     // a query right after "//": no host
	} {
		if got := NetworkOfURL(tc.in); got != tc.want {
			t.Errorf("NetworkOfURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFoldAffixes(t *testing.T) {
	cases := []struct {
		s, affix       string
		prefix, suffix bool
	}{
		{"MAILTO:", "mailto:", true, true},
		{"MAILTO:x", "mailto:", true, false},
		{"mailto", "mailto:", false, false},
		{"X.COM", "x.com", true, true},
		{"a.x.com", "X.com", false, true},
		{"com", "x.com", false, false},
		{"", "", true, true},
	}
	for _, tc := range cases {
		if got := hasPrefixFold(tc.s, tc.affix); got != tc.prefix {
			t.Errorf("hasPrefixFold(%q, %q) = %v, want %v", tc.s, tc.affix, got, tc.prefix)
		}
		if got := hasSuffixFold(tc.s, tc.affix); got != tc.suffix {
			t.Errorf("hasSuffixFold(%q, %q) = %v, want %v", tc.s, tc.affix, got, tc.suffix)
		}
	}
}

func TestFindInvisible(t *testing.T) {
	for s, want := range map[string]int{
		"abc":          -1,
		"a\x80b":       1, // a lone continuation byte is not UTF-8
		"a\x7fb":       1,
		"a b":          1,
		"\u00a0ab":     0,
		"ab\u200b":     2,
		"é\u2028":      2,
		"Köln~!\"#$%&": -1,
	} {
		if got := findInvisible(s); got != want {
			t.Errorf("findInvisible(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestPctEncode(t *testing.T) {
	for s, want := range map[string]string{"": "", `"`: "%22", "é": "%C3%A9", "|~": "%7C%7E"} {
		if got := pctEncode(s); got != want {
			t.Errorf("pctEncode(%q) = %q, want %q", s, got, want)
		}
	}
}
