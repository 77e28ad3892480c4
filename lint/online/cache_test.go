package online

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
)

// TestCacheSecondRun: a second run is answered from the cache entirely:
// no request, no lookup. Unknown outcomes are not kept.
func TestCacheSecondRun(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	res := onlinetest.NewResolver().Loopback("site.test")
	file := &memCache{}
	opts := fastOptions(Network{Resolver: res, Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.Cache = file
	targets := []lint.Target{urlTarget("http://site.test/ok"), urlTarget("http://site.test/missing"), urlTarget("http://site.test/moved"),
		urlTarget("http://gone.test/")}
	first := probe(t, New(opts), targets...)
	requests, lookups := len(log.all()), res.Lookups()
	c := New(opts)
	second := probe(t, c, targets...)
	if n := len(log.all()) - requests; n != 0 {
		t.Errorf("second run sent %d requests", n)
	}
	if n := res.Lookups() - lookups; n != 0 {
		t.Errorf("second run made %d lookups", n)
	}
	for _, tg := range targets {
		if first[tg] != second[tg] {
			t.Errorf("%s: %+v, then from the cache %+v", tg, first[tg], second[tg])
		}
	}
	if s := c.Stats(); s.Cached != len(targets) || s.Requests != 0 || s.Lookups != 0 || s.Targets != len(targets) {
		t.Errorf("stats %+v", s)
	}
	if file.saves != 1 {
		t.Errorf("the cache was written %d times, want once: a run that learnt nothing writes nothing", file.saves)
	}
	// An unknown outcome is checked again next time.
	limited := urlTarget("http://site.test/rate-limited")
	probe(t, New(opts), limited)
	before := log.count("/rate-limited")
	probe(t, New(opts), limited)
	if log.count("/rate-limited") == before {
		t.Error("an unknown outcome was answered from the cache")
	}
}

// TestCacheExpiry: successes live longer than failures.
func TestCacheExpiry(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver().Loopback("site.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.Cache = &memCache{}
	opts.Now = func() time.Time { return now }
	ok, missing := urlTarget("http://site.test/ok"), urlTarget("http://site.test/missing")
	probe(t, New(opts), ok, missing)
	asked := func() (int, int) { return log.count(" /ok"), log.count(" /missing") }
	a, b := asked()
	now = now.Add(2 * time.Hour) // past the failure TTL (1h), within the success TTL (24h)
	probe(t, New(opts), ok, missing)
	if a2, b2 := asked(); a2 != a || b2 == b {
		t.Errorf("after 2h: /ok asked again %v, /missing asked again %v; want false, true", a2 != a, b2 != b)
	}
	a, _ = asked()
	now = now.Add(25 * time.Hour)
	probe(t, New(opts), ok, missing)
	if a2, _ := asked(); a2 == a {
		t.Error("after 27h /ok was not asked again")
	}
}

// TestCacheUnreadable: a corrupt, foreign or other-version cache is
// ignored with a warning, and replaced; never a crash.
func TestCacheUnreadable(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	for _, tc := range []struct{ name, data, warning string }{
		{"truncated", `{"format":"contentlint-online-cache","version":1,"entries":{`, "it is not valid JSON"},
		{"binary", "\x00\x01\x02", "it is not valid JSON"},
		{"foreign", `{"name":"some other tool","entries":[1,2,3]}`, "it is not a contentlint online cache"},
		{"other version", `{"format":"contentlint-online-cache","version":99,"entries":{}}`, "it was written by another version of contentlint (cache version 99, this one reads 1)"},
		{"wrong types", `{"format":"contentlint-online-cache","version":1,"entries":{"x":{"status":5}}}`, "its entries are not what this version of contentlint writes"},
		{"not an object", `[1, 2]`, "it is not a contentlint online cache"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var warn bytes.Buffer
			file := &memCache{data: []byte(tc.data)}
			opts := fastOptions(Network{Resolver: onlinetest.NewResolver().Loopback("site.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
			opts.Cache, opts.Warn = file, &warn
			target := urlTarget("http://site.test/ok")
			if v := probe(t, New(opts), target)[target]; v.Status != lint.StatusOK {
				t.Errorf("verdict %+v", v)
			}
			if !strings.Contains(warn.String(), "contentlint: warning: ignoring the online cache memory: "+tc.warning) || !strings.HasSuffix(warn.String(), "; it will be replaced\n") {
				t.Errorf("warning %q", warn.String())
			}
			var doc cacheDoc
			if err := json.Unmarshal(file.data, &doc); err != nil || doc.Format != cacheFormat || len(doc.Entries) != 1 {
				t.Errorf("not replaced by a good cache: %s", file.data)
			}
		})
	}
}

// TestCacheSettings: results found with other settings are not used.
func TestCacheSettings(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver().Loopback("site.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.Cache = &memCache{}
	forbidden := urlTarget("http://site.test/bad-request")
	if v := probe(t, New(opts), forbidden)[forbidden]; v.Status != lint.StatusUnreachable {
		t.Fatalf("%+v", v)
	}
	opts.Config.Accept = []lint.OnlineAccept{{Hosts: []string{"*.test"}, Status: []int{400}}}
	if v := probe(t, New(opts), forbidden)[forbidden]; v.Status != lint.StatusOK {
		t.Errorf("with 400 accepted: %+v", v)
	}
}
