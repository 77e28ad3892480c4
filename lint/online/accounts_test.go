package online

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
)

func account(network, handle string) lint.Target {
	return lint.Target{Kind: lint.TargetAccount, Network: network, Value: handle}
}

// fakeGitHub is the GitHub REST API's /users/{name}, with a rate limit of
// limit requests (0: none).
func fakeGitHub(t *testing.T, limit int, log *requestLog) *httptest.Server {
	var used atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.add(r)
		if r.Header.Get("Accept") != "application/vnd.github+json" || r.Header.Get("X-Github-Api-Version") == "" {
			t.Errorf("request without the API's headers: %v", r.Header)
		}
		n := int(used.Add(1))
		if limit > 0 {
			w.Header().Set("X-RateLimit-Limit", strconv.Itoa(limit))
			w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(max(limit-n, 0)))
			w.Header().Set("X-RateLimit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
			if n > limit {
				w.WriteHeader(http.StatusForbidden)
				return
			}
		}
		switch strings.TrimPrefix(r.URL.Path, "/users/") {
		case "octocat", "glasgow-open-data":
			w.Write([]byte(`{"login":"octocat"}`))
		case "abuse":
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusForbidden)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestGitHub(t *testing.T) {
	log := &requestLog{}
	api := fakeGitHub(t, 0, log)
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver()})
	// The API is trusted: on loopback here, without AllowPrivate.
	opts.AllowPrivate = false
	opts.GitHubAPI, opts.GitHubToken = api.URL, "secret-token"
	got := probe(t, New(opts), account("github", "octocat"), account("github", "ghost-org"), account("github", "abuse"))
	if v := got[account("github", "octocat")]; v.Status != lint.StatusOK {
		t.Errorf("octocat: %s %q", v.Status, v.Detail)
	}
	if v := got[account("github", "ghost-org")]; v.Status != lint.StatusDead || v.Detail != "the GitHub API answers 404 Not Found" {
		t.Errorf("ghost-org: %s %q", v.Status, v.Detail)
	}
	if v := got[account("github", "abuse")]; v.Status != lint.StatusUnknown || v.Detail != "the GitHub API answers 403 Forbidden" {
		t.Errorf("abuse (a secondary rate limit): %s %q", v.Status, v.Detail)
	}
	if n := log.count("/users/abuse"); n != 2 {
		t.Errorf("a secondary rate limit was asked %d times, want twice", n)
	}
}

func TestGitHubToken(t *testing.T) {
	var auth atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth.Store(r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver()})
	opts.GitHubAPI, opts.GitHubToken = srv.URL+"/", "secret-token"
	probe(t, New(opts), account("github", "octocat"))
	if got := auth.Load(); got != "Bearer secret-token" {
		t.Errorf("Authorization %q", got)
	}
}

// TestGitHubRateLimit: an exhausted rate limit is unknown, never missing,
// and no more requests are sent until it resets.
func TestGitHubRateLimit(t *testing.T) {
	log := &requestLog{}
	api := fakeGitHub(t, 2, log)
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver()})
	opts.GitHubAPI = api.URL
	opts.Config.Concurrency = 1
	var targets []lint.Target
	for _, name := range []string{"a-missing", "b-missing", "c-missing", "d-missing", "e-missing"} {
		targets = append(targets, account("github", name))
	}
	got := probe(t, New(opts), targets...)
	dead, unknown := 0, 0
	for _, tg := range targets {
		switch v := got[tg]; v.Status {
		case lint.StatusDead:
			dead++
		case lint.StatusUnknown:
			unknown++
			if v.Detail != "the GitHub API rate limit is used up; set GITHUB_TOKEN for a higher limit" {
				t.Errorf("%s: %q", tg, v.Detail)
			}
		default:
			t.Errorf("%s: %s %q", tg, v.Status, v.Detail)
		}
	}
	if dead != 2 || unknown != 3 {
		t.Errorf("%d missing and %d unknown, want 2 and 3", dead, unknown)
	}
	if n := len(log.all()); n != 2 {
		t.Errorf("%d requests, want 2: none once the limit is used up", n)
	}
}

// webFinger is a Mastodon server's WebFinger endpoint, over TLS.
func webFinger(t *testing.T, log *requestLog) *httptest.Server {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.add(r)
		if r.URL.Path == "/.well-known/atproto-did" {
			switch r.Host {
			case "bob.bsky.test":
				w.Write([]byte("did:plc:ewvi7nxzyoun6zhxrhs64oiz\n"))
			case "notadid.test":
				w.Write([]byte("<html>welcome</html>"))
			case "busy.test":
				w.WriteHeader(http.StatusServiceUnavailable)
			default:
				http.NotFound(w, r)
			}
			return
		}
		if r.URL.Path != "/.well-known/webfinger" {
			http.NotFound(w, r)
			return
		}
		switch r.URL.Query().Get("resource") {
		case "acct:alice@mastodon.test":
			w.Header().Set("Content-Type", "application/jrd+json")
			w.Write([]byte(`{"subject":"acct:alice@mastodon.test"}`))
		case "acct:suspended@mastodon.test":
			w.WriteHeader(http.StatusGone)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestMastodon(t *testing.T) {
	log := &requestLog{}
	srv := webFinger(t, log)
	n := Network{Resolver: onlinetest.NewResolver().Loopback("mastodon.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String()), TLS: trustServer(srv)}
	n.TLS.ServerName = "example.com" // httptest's certificate
	got := probe(t, New(fastOptions(n)),
		account("mastodon", "alice@mastodon.test"), account("mastodon", "bob@mastodon.test"),
		account("mastodon", "suspended@mastodon.test"), account("mastodon", "carol@gone.test"))
	for handle, want := range map[string]lint.Verdict{
		"alice@mastodon.test":     {Status: lint.StatusOK},
		"bob@mastodon.test":       {Status: lint.StatusDead, Detail: "WebFinger on mastodon.test answers 404 Not Found"},
		"suspended@mastodon.test": {Status: lint.StatusDead, Detail: "WebFinger on mastodon.test answers 410 Gone"},
		"carol@gone.test":         {Status: lint.StatusDead, Detail: `the server "gone.test" does not exist`},
	} {
		if v := got[account("mastodon", handle)]; v != want {
			t.Errorf("%s: %+v, want %+v", handle, v, want)
		}
	}
	if n := log.count("GET mastodon.test /.well-known/webfinger?resource=acct%3Aalice%40mastodon.test"); n != 1 {
		t.Errorf("WebFinger requests: %v", log.all())
	}
}

func TestBluesky(t *testing.T) {
	log := &requestLog{}
	srv := webFinger(t, log)
	res := onlinetest.NewResolver().Loopback("bob.bsky.test", "carol.bsky.test", "notadid.test", "busy.test")
	res.TXT["_atproto.alice.example.org"] = []string{"did=did:plc:z72i7hdynmk6r22z27h6tvur"}
	res.Failing["_atproto.busy.test"] = true
	n := Network{Resolver: res, Dial: onlinetest.RouteTo(srv.Listener.Addr().String()), TLS: trustServer(srv)}
	n.TLS.ServerName = "example.com"
	got := probe(t, New(fastOptions(n)),
		account("bluesky", "alice.example.org"), account("bluesky", "bob.bsky.test"), account("bluesky", "carol.bsky.test"),
		account("bluesky", "dave.gone.test"), account("bluesky", "notadid.test"), account("bluesky", "busy.test"))
	for handle, want := range map[string]lint.Verdict{
		"alice.example.org": {Status: lint.StatusOK},
		"bob.bsky.test":     {Status: lint.StatusOK},
		"carol.bsky.test":   {Status: lint.StatusDead, Detail: "no _atproto TXT record, and https://carol.bsky.test/.well-known/atproto-did answers 404 Not Found"},
		"dave.gone.test":    {Status: lint.StatusDead, Detail: `no _atproto TXT record, and the host "dave.gone.test" does not exist`},
		"notadid.test":      {Status: lint.StatusDead, Detail: "no _atproto TXT record, and https://notadid.test/.well-known/atproto-did serves no DID"},
		"busy.test":         {Status: lint.StatusUnknown, Detail: "looking up _atproto.busy.test failed, and https://busy.test/.well-known/atproto-did answers 503 Service Unavailable"},
	} {
		if v := got[account("bluesky", handle)]; v != want {
			t.Errorf("%s: %+v, want %+v", handle, v, want)
		}
	}
	if n := log.count("alice.example.org"); n != 0 {
		t.Errorf("a handle resolved by DNS was asked over HTTPS too")
	}
}

func TestMailDomain(t *testing.T) {
	res := onlinetest.NewResolver()
	res.MX["glasgowopendata.org"] = []*net.MX{{Host: "mx1.glasgowopendata.org.", Pref: 10}}
	res.Loopback("a-only.org")
	res.MX["nullmx.org"] = []*net.MX{{Host: ".", Pref: 0}}
	res.Failing["flaky.org"] = true
	c := New(fastOptions(Network{Resolver: res}))
	mail := func(d string) lint.Target { return lint.Target{Kind: lint.TargetMailDomain, Value: d} }
	got := probe(t, c, mail("glasgowopendata.org"), mail("a-only.org"), mail("nullmx.org"), mail("gone.org"), mail("flaky.org"))
	for d, want := range map[string]lint.Verdict{
		"glasgowopendata.org": {Status: lint.StatusOK},
		"a-only.org":          {Status: lint.StatusOK},
		"nullmx.org":          {Status: lint.StatusDead, Detail: `the domain "nullmx.org" publishes a null MX record (RFC 7505): it accepts no mail`},
		"gone.org":            {Status: lint.StatusDead, Detail: `the domain "gone.org" does not exist or has no MX, A or AAAA record`},
		"flaky.org":           {Status: lint.StatusUnknown, Detail: `looking up "flaky.org" failed after 2 tries`},
	} {
		if v := got[mail(d)]; v != want {
			t.Errorf("%s: %+v, want %+v", d, v, want)
		}
	}
}
