package config

import (
	"strings"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

const onlineBase = "collections:\n  - name: x\n    include: [a]\n"

// TestOnline: the online section is read onto lint.Online, durations in
// Go's units or days, retries: 0 meaning none.
func TestOnline(t *testing.T) {
	src := onlineBase + `online:
  exclude: ['^https://(www\.)?linkedin\.com/', '@example\.org$']
  accept:
    - hosts: ["*.meetup.com", "meetup.com"]
      status: [403, 999]
  timeout: 5s
  run-timeout: 1h30m
  concurrency: 16
  per-host: 1
  retries: 0
  max-redirects: 5
  cache-ttl: 7d
  cache-ttl-failure: 30m
`
	cfg, err := Parse(nil, "c.yaml", ".", []byte(src), lint.DefaultCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	o := cfg.Online
	if len(o.Exclude) != 2 || !o.Excluded("https://www.linkedin.com/company/x") || !o.Excluded("mailto:a@example.org") || o.Excluded("https://glasgowopendata.org/") {
		t.Errorf("exclude %v", o.Exclude)
	}
	if !o.Accepts("www.meetup.com", 999) || !o.Accepts("meetup.com", 403) || o.Accepts("meetup.com", 404) || o.Accepts("notmeetup.com", 403) {
		t.Errorf("accept %+v", o.Accept)
	}
	d := o.WithDefaults()
	if d.Timeout != 5*time.Second || d.RunTimeout != 90*time.Minute || d.Concurrency != 16 || d.PerHost != 1 || d.Retries != 0 ||
		d.MaxRedirects != 5 || d.CacheTTL != 7*24*time.Hour || d.CacheTTLFailure != 30*time.Minute {
		t.Errorf("settings %+v", d)
	}
	none, err := Parse(nil, "c.yaml", ".", []byte(onlineBase), lint.DefaultCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	if d := none.Online.WithDefaults(); d.Concurrency != lint.DefaultOnlineConcurrency || d.PerHost != lint.DefaultOnlinePerHost ||
		d.Retries != lint.DefaultOnlineRetries || d.Timeout != lint.DefaultOnlineTimeout {
		t.Errorf("defaults %+v", d)
	}
}

// TestOnlineInvalid: each mistake in the online section names its line
// and column.
func TestOnlineInvalid(t *testing.T) {
	cases := map[string]string{
		"online:\n  exclude: ['(unclosed']\n":                   `c.yaml:5:13: online.exclude[0]: "(unclosed" is not a regular expression: missing closing ): ` + "`(unclosed`",
		"online:\n  timeout: 10\n":                              "c.yaml:5:12: online.timeout: expected a string (text), got the number 10",
		"online:\n  timeout: soon\n":                            `c.yaml:5:12: online.timeout: "soon" is not a duration; write it like 10s, 5m, 24h or 7d`,
		"online:\n  cache-ttl: 0s\n":                            `c.yaml:5:14: online.cache-ttl: "0s" is not a duration; write it like 10s, 5m, 24h or 7d`,
		"online:\n  per-host: 0\n":                              "c.yaml:5:13: online.per-host: must be at least 1; got the number 0",
		"online:\n  concurency: 8\n":                            `c.yaml:5:3: online.concurency: unknown field; did you mean "concurrency"?`,
		"online:\n  accept: [{hosts: [x.org]}]\n":               "online.accept[0].status: required field is missing",
		"online:\n  accept: [{hosts: [x.org], status: [42]}]\n": "online.accept[0].status[0]: must be at least 100; got the number 42",
	}
	for src, want := range cases {
		_, err := Parse(nil, "c.yaml", ".", []byte(onlineBase+src), lint.DefaultCatalogue())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
}
