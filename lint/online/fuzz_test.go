package online

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

// FuzzCache: whatever the cache file holds, reading it never panics, a
// verdict from it is a real one, and what is written back reads without
// a warning.
func FuzzCache(f *testing.F) {
	f.Add([]byte(`{"format":"contentlint-online-cache","version":1,"entries":{"k url https://x.org/":{"status":"dead","detail":"404 Not Found","checked":"2026-01-01T00:00:00Z"}}}`))
	f.Add([]byte(`{"format":"contentlint-online-cache","version":1,"entries":{"x":{"status":5}}}`))
	f.Add([]byte(`{"format":"contentlint-online-cache","version":2}`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte("\x00\xff{"))
	now := time.Date(2026, 1, 1, 1, 0, 0, 0, time.UTC)
	cfg := lint.Online{}.WithDefaults()
	f.Fuzz(func(t *testing.T, data []byte) {
		file := &memCache{data: data}
		var warn bytes.Buffer
		c := newCache(file, "k", cfg, func() time.Time { return now }, &warn)
		c.load()
		target := lint.Target{Kind: lint.TargetURL, Value: "https://x.org/"}
		if v, ok := c.get(target); ok && (v.Status < lint.StatusOK || v.Status > lint.StatusRefused) {
			t.Fatalf("verdict %+v from the cache", v)
		}
		c.put(lint.Target{Kind: lint.TargetURL, Value: "https://y.org/"}, lint.Verdict{Status: lint.StatusOK})
		c.save()
		warn.Reset()
		again := newCache(file, "k", cfg, func() time.Time { return now }, &warn)
		again.load()
		if warn.Len() != 0 {
			t.Fatalf("the cache written back warns: %s", warn.String())
		}
		if v, ok := again.get(lint.Target{Kind: lint.TargetURL, Value: "https://y.org/"}); !ok || v.Status != lint.StatusOK {
			t.Fatalf("the verdict written is not read back: %+v %v", v, ok)
		}
	})
}

// FuzzAnswer: whatever a server answers (status, Retry-After, Location,
// Server and a body), classifying it never panics, a wait asked for is
// within bounds, and only 404 and 410 are dead.
func FuzzAnswer(f *testing.F) {
	f.Add(404, "", "", "", "")
	f.Add(429, "120", "", "", "")
	f.Add(503, "Wed, 21 Oct 2015 07:28:00 GMT", "", "", "")
	f.Add(403, "", "", "cloudflare", "<title>Just a moment...</title>")
	f.Add(301, "", "//evil.example/%zz", "", "")
	f.Add(999, "-5", "", "", "captcha")
	f.Add(200, "99999999999999999999", "", "", "")
	f.Add(429, "9999999999", "", "", "")
	c := New(Options{Backoff: time.Millisecond, MaxWait: time.Minute})
	u, _ := url.Parse("https://x.org/page")
	f.Fuzz(func(t *testing.T, status int, retry, location, server, body string) {
		h := http.Header{}
		h.Set("Retry-After", retry)
		h.Set("Location", location)
		h.Set("Server", server)
		r := &response{url: u, status: status, header: h, body: []byte(body)}
		for attempt := range 3 {
			out := c.classify(r, 0, attempt, "", "")
			if out.retry < 0 || out.retry > time.Minute {
				t.Fatalf("wait %s", out.retry)
			}
			if out.verdict.Status == lint.StatusDead && status != 404 && status != 410 {
				t.Fatalf("%d is dead: %+v", status, out.verdict)
			}
			if strings.Contains(out.verdict.Detail, "\n") {
				t.Fatalf("detail on two lines: %q", out.verdict.Detail)
			}
		}
		if next, err := u.Parse(location); err == nil {
			_ = next.String()
		}
	})
}
