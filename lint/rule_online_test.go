package lint

import "testing"

// TestURLTarget: URLs that name the same resource are one target.
func TestURLTarget(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://glasgowopendata.org", "https://glasgowopendata.org/"},
		{"HTTPS://GlasgowOpenData.ORG/About", "https://glasgowopendata.org/About"},
		{"https://glasgowopendata.org:443/a", "https://glasgowopendata.org/a"},
		{"http://glasgowopendata.org:80/a", "http://glasgowopendata.org/a"},
		{"https://glasgowopendata.org:8443/a", "https://glasgowopendata.org:8443/a"},
		{"https://glasgowopendata.org/a#mission", "https://glasgowopendata.org/a"},
		{"https://glasgowopendata.org/a?b=1&c=2", "https://glasgowopendata.org/a?b=1&c=2"},
		{"https://bücher.example/katalog", "https://xn--bcher-kva.example/katalog"},
		{"https://glasgowopendata.org/a%20b", "https://glasgowopendata.org/a%20b"},
		{"glasgowopendata.org", ""},         // url-invalid's
		{"ftp://glasgowopendata.org/x", ""}, // not the web
		{"https://192.168.1.1/", ""},        // url-invalid's: a private address
	} {
		got, ok := urlTarget(tc.in)
		if !ok {
			got.Value = ""
		}
		if got.Value != tc.want || (ok && got.Kind != TargetURL) {
			t.Errorf("urlTarget(%q) = %+v, want %q", tc.in, got, tc.want)
		}
	}
}

// TestAccountTarget: every form a network's rule accepts names the account
// the lookup uses; networks without a lookup have no targets.
func TestAccountTarget(t *testing.T) {
	for _, tc := range []struct{ network, in, want string }{
		{"github", "glasgow-open-data", "glasgow-open-data"},
		{"github", "@Glasgow-Open-Data", "glasgow-open-data"},
		{"github", "https://github.com/glasgow-open-data/", "glasgow-open-data"},
		{"github", "https://github.com/orgs/glasgow-open-data", "glasgow-open-data"},
		{"GitHub", "octocat", "octocat"},
		{"mastodon", "@GlasgowOpenData@mastodon.scot", "glasgowopendata@mastodon.scot"},
		{"mastodon", "glasgowopendata@mastodon.scot", "glasgowopendata@mastodon.scot"},
		{"mastodon", "https://mastodon.scot/@GlasgowOpenData", "glasgowopendata@mastodon.scot"},
		{"mastodon", "https://mastodon.social/@god@mastodon.scot", "god@mastodon.scot"},
		{"mastodon", "https://mastodon.scot/users/god", "god@mastodon.scot"},
		{"bluesky", "glasgowopendata.bsky.social", "glasgowopendata.bsky.social"},
		{"bluesky", "@GlasgowOpenData.bsky.social", "glasgowopendata.bsky.social"},
		{"bluesky", "https://bsky.app/profile/glasgowopendata.bsky.social", "glasgowopendata.bsky.social"},
		{"bluesky", "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur", ""}, // an id, not a handle
		{"twitter", "GlasgowOpenData", ""},
		{"linkedin", "https://www.linkedin.com/company/glasgow-open-data", ""},
		{"github", "not a handle", ""},
		{"website", "https://glasgowopendata.org", ""},
	} {
		got, ok := accountTarget(tc.network, tc.in)
		if !ok {
			got.Value = ""
		}
		if got.Value != tc.want {
			t.Errorf("accountTarget(%q, %q) = %+v, want %q", tc.network, tc.in, got, tc.want)
		}
	}
}

func TestMailTarget(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"contact@glasgowopendata.org", "glasgowopendata.org"},
		{"Contact@GlasgowOpenData.ORG", "glasgowopendata.org"},
		{"info@bücher.example", ""}, // .example is a placeholder
		{"info@bücher.de", "xn--bcher-kva.de"},
		{"hello@example.com", ""}, // email-placeholder's
		{"not an address", ""},
	} {
		got, ok := mailTarget(tc.in)
		if !ok {
			got.Value = ""
		}
		if got.Value != tc.want {
			t.Errorf("mailTarget(%q) = %+v, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatchHost(t *testing.T) {
	for _, tc := range []struct {
		pattern, host string
		want          bool
	}{
		{"*", "anything.example.org", true},
		{"*.linkedin.com", "www.linkedin.com", true},
		{"*.linkedin.com", "linkedin.com", false},
		{"*.LinkedIn.com", "uk.LINKEDIN.com.", true},
		{"meetup.com", "meetup.com", true},
		{"meetup.com", "www.meetup.com", false},
		{"*meetup*", "secure.meetup.com", true},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
	} {
		if got := MatchHost(tc.pattern, tc.host); got != tc.want {
			t.Errorf("MatchHost(%q, %q) = %v", tc.pattern, tc.host, got)
		}
	}
}

func TestWithFragment(t *testing.T) {
	for _, tc := range []struct{ location, written, want string }{
		{"https://x.org/new", "http://x.org/old#scope", "https://x.org/new#scope"},
		{"https://x.org/new#top", "http://x.org/old#scope", "https://x.org/new#top"},
		{"https://x.org/new", "http://x.org/old", "https://x.org/new"},
	} {
		if got := withFragment(tc.location, tc.written); got != tc.want {
			t.Errorf("withFragment(%q, %q) = %q", tc.location, tc.written, got)
		}
	}
}
