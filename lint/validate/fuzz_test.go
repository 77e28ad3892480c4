package validate

import (
	"fmt"
	"net/url"
	"slices"
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

// urlFuzzRules are the field rules FuzzURL tries on every input.
var urlFuzzRules = []URLRules{
	{},
	{Relative: true},
	{Schemes: []string{"https"}},
	{Schemes: []string{"https", "http", "mailto", "xmpp", "tel"}, Relative: true},
	{Schemes: []string{"git", "ssh", "file", "urn"}},
	{Schemes: []string{}, Relative: true},
}

func FuzzURL(f *testing.F) {
	for _, cases := range [][]tcase{urlCases, httpsURLCases, insecureCases, hostnameCases} {
		for _, tc := range cases {
			f.Add(tc.in)
		}
	}
	for _, c := range urlRuleCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, "InsecureURL", InsecureURL, s)
		httpsErr := checkInvariants(t, "https-url", Formats["https-url"], s)
		urlErr := checkInvariants(t, "URL", URL, s)
		for _, r := range urlFuzzRules {
			err := checkInvariants(t, fmt.Sprintf("CheckURL %+v", r), func(s string) error { return CheckURL(s, r) }, s)
			if r.Schemes == nil && !r.Relative && (err == nil) != (urlErr == nil) {
				t.Fatalf("URL(%q) = %v but CheckURL with zero rules = %v", s, urlErr, err)
			}
			if err != nil {
				continue
			}
			if findInvisible(s) >= 0 || strings.ContainsAny(s, "\\ ") {
				t.Fatalf("CheckURL %+v accepted %q, which contains spaces or backslashes", r, s)
			}
			u, perr := url.Parse(s)
			if perr != nil {
				t.Fatalf("CheckURL %+v accepted %q, which net/url rejects: %v", r, s, perr)
			}
			switch {
			case u.Scheme != "" && !r.allows(strings.ToLower(u.Scheme)):
				t.Fatalf("CheckURL %+v accepted %q with scheme %q", r, s, u.Scheme)
			case u.Scheme == "" && !r.Relative:
				t.Fatalf("CheckURL %+v accepted the relative reference %q", r, s)
			case u.Scheme == "" && strings.HasPrefix(s, "//"):
				t.Fatalf("CheckURL %+v accepted the protocol-relative %q", r, s)
			}
		}
		if urlErr != nil {
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
		if (httpsErr == nil) != (u.Scheme == "https") {
			t.Fatalf("https-url on %q = %v, scheme %q", s, httpsErr, u.Scheme)
		}
	})
}

// FuzzHandles checks every network in every form. which picks the
// network; the forms are all tried on each input.
func FuzzHandles(f *testing.F) {
	for i, n := range Networks {
		for _, tc := range networkCases[n.Name] {
			f.Add(uint8(i), tc.in)
		}
	}
	for _, c := range formCases {
		n, _ := NetworkByName(c.network)
		f.Add(uint8(slices.IndexFunc(Networks, func(m Network) bool { return m.Name == n.Name })), c.in)
	}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		n := Networks[int(which)%len(Networks)]
		var errs [3]error
		for _, form := range []Form{FormAny, FormHandle, FormURL} {
			err := checkInvariants(t, n.Name+" "+form.String(), n.Checker(form), s)
			errs[form] = err
			if err != nil {
				continue
			}
			if findInvisible(s) >= 0 {
				t.Fatalf("%s %v accepted %q, which contains whitespace or invisible characters", n.Name, form, s)
			}
			// A link a network accepts is a sound web address on that
			// network's site (or, for federated Mastodon, on no other
			// known network's).
			if strings.Contains(s, "://") {
				if err := URL(s); err != nil {
					t.Fatalf("%s %v accepted %q, which URL rejects: %v", n.Name, form, s, err)
				}
				other := NetworkOfURL(s)
				o, _ := NetworkByName(other)
				switch {
				case n.Federated && other != "" && other != n.Name:
					t.Fatalf("%s accepted %q, a %s link", n.Name, s, other)
				case !n.Federated && (other == "" || other != n.Name && !n.onHost(o.Hosts[0])):
					t.Fatalf("%s accepted %q, which NetworkOfURL says is %q", n.Name, s, other)
				}
			}
		}
		// The forms split what FormAny accepts.
		if (errs[FormHandle] == nil || errs[FormURL] == nil) && errs[FormAny] != nil {
			t.Fatalf("%s: %q passes in a narrower form but not in FormAny: %v", n.Name, s, errs[FormAny])
		}
		if errs[FormAny] == nil {
			checkSuggestion(t, n, s, FormHandle)
			checkSuggestion(t, n, s, FormURL)
		}
		_ = NetworkOfURL(s)
		_, _ = NetworkByName(s)
	})
}
