package validate

import (
	"net/url"
	"strings"
	"testing"
)

// checkInvariants asserts what every validator promises whatever the input:
// the result is deterministic and an error is a well-formed message.
func checkInvariants(t *testing.T, name string, fn func(string) error, s string) error {
	t.Helper()
	err := fn(s)
	again := fn(s)
	if (err == nil) != (again == nil) || err != nil && err.Error() != again.Error() {
		t.Fatalf("%s(%q) is not deterministic: %v, then %v", name, s, err, again)
	}
	if err != nil {
		if problem := messageProblem(err.Error()); problem != "" {
			t.Fatalf("%s(%q): message %q %s", name, s, err, problem)
		}
	}
	return err
}

func FuzzEmail(f *testing.F) {
	for _, cases := range [][]tcase{emailCases, idnEmailCases, placeholderCases} {
		for _, tc := range cases {
			f.Add(tc.in)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []struct {
			name string
			fn   func(string) error
		}{{"Email", Email}, {"idn-email", Formats["idn-email"]}} {
			if checkInvariants(t, v.name, v.fn, s) != nil {
				continue
			}
			if strings.Count(s, "@") != 1 {
				t.Fatalf("%s accepted %q, which does not have exactly one @", v.name, s)
			}
			if i := findInvisible(s); i >= 0 {
				t.Fatalf("%s accepted %q, which contains whitespace or invisible characters", v.name, s)
			}
			if len(s) > 254*4 {
				t.Fatalf("%s accepted a %d-byte address", v.name, len(s))
			}
		}
		checkInvariants(t, "PlaceholderEmail", PlaceholderEmail, s)
		checkInvariants(t, "hostname", Formats["hostname"], s)
	})
}

func FuzzURL(f *testing.F) {
	for _, cases := range [][]tcase{urlCases, httpsURLCases, insecureCases, hostnameCases} {
		for _, tc := range cases {
			f.Add(tc.in)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, "InsecureURL", InsecureURL, s)
		httpsErr := checkInvariants(t, "https-url", Formats["https-url"], s)
		if checkInvariants(t, "URL", URL, s) != nil {
			if httpsErr == nil {
				t.Fatalf("https-url accepted %q, which URL rejects", s)
			}
			return
		}
		u, err := url.Parse(s)
		if err != nil {
			t.Fatalf("URL accepted %q, which net/url rejects: %v", s, err)
		}
		if scheme := u.Scheme; scheme != "http" && scheme != "https" {
			t.Fatalf("URL accepted %q with scheme %q", s, scheme)
		}
		if u.Host == "" || u.User != nil {
			t.Fatalf("URL accepted %q with host %q and user %v", s, u.Host, u.User)
		}
		if findInvisible(s) >= 0 || strings.ContainsAny(s, "\\ ") {
			t.Fatalf("URL accepted %q, which contains spaces or backslashes", s)
		}
		if (httpsErr == nil) != (u.Scheme == "https") {
			t.Fatalf("https-url on %q = %v, scheme %q", s, httpsErr, u.Scheme)
		}
	})
}

func FuzzHandles(f *testing.F) {
	for i, n := range Networks {
		for _, tc := range networkCases[n.Name] {
			f.Add(uint8(i), tc.in)
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		n := Networks[int(which)%len(Networks)]
		err := checkInvariants(t, n.Name, n.Check, s)
		if err == nil && findInvisible(s) >= 0 {
			t.Fatalf("%s accepted %q, which contains whitespace or invisible characters", n.Name, s)
		}
		// A link accepted by a network must be on that network's hosts (or,
		// for federated Mastodon, on no other known network's).
		if err == nil && strings.Contains(s, "://") {
			other := NetworkOfURL(s)
			if n.Name == "mastodon" {
				if other != "" && other != "mastodon" {
					t.Fatalf("mastodon accepted %q, a %s link", s, other)
				}
			} else if !sameService(n.Name, other) {
				t.Fatalf("%s accepted %q, which NetworkOfURL says is %q", n.Name, s, other)
			}
		}
		_ = NetworkOfURL(s)
		_, _ = NetworkByName(s)
	})
}
