package config

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// OnlineSpec is the online section as written: what contentlint lint
// --online leaves alone and how politely it works.
type OnlineSpec struct {
	Exclude         []string     `json:"exclude,omitempty"`
	Accept          []AcceptSpec `json:"accept,omitempty"`
	Timeout         string       `json:"timeout,omitempty"`
	RunTimeout      string       `json:"run-timeout,omitempty"`
	Concurrency     int          `json:"concurrency,omitempty"`
	PerHost         int          `json:"per-host,omitempty"`
	Retries         *int         `json:"retries,omitempty"`
	MaxRedirects    int          `json:"max-redirects,omitempty"`
	CacheTTL        string       `json:"cache-ttl,omitempty"`
	CacheTTLFailure string       `json:"cache-ttl-failure,omitempty"`
}

// AcceptSpec makes status codes count as alive on some hosts.
type AcceptSpec struct {
	Hosts  []string `json:"hosts"`
	Status []int    `json:"status"`
}

// online reads the online section; the schema has checked its shape, so
// what is left is what a schema cannot say: regular expressions that
// compile and durations that parse.
func (p *parser) online(spec *OnlineSpec) (lint.Online, error) {
	var o lint.Online
	if spec == nil {
		return o, nil
	}
	const ptr = "/online"
	for i, pattern := range spec.Exclude {
		re, err := regexp.Compile(pattern)
		if err != nil {
			at := source.Index(source.Child(ptr, "exclude"), i)
			return o, p.errorAt(at, false, "%s: %q is not a regular expression: %v", source.FieldPath(p.doc.Value, at), pattern, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		}
		o.Exclude = append(o.Exclude, re)
	}
	for _, a := range spec.Accept {
		o.Accept = append(o.Accept, lint.OnlineAccept{Hosts: a.Hosts, Status: a.Status})
	}
	for _, d := range []struct {
		key  string
		text string
		to   *time.Duration
	}{
		{"timeout", spec.Timeout, &o.Timeout},
		{"run-timeout", spec.RunTimeout, &o.RunTimeout},
		{"cache-ttl", spec.CacheTTL, &o.CacheTTL},
		{"cache-ttl-failure", spec.CacheTTLFailure, &o.CacheTTLFailure},
	} {
		if d.text == "" {
			continue
		}
		v, err := parseDuration(d.text)
		if err != nil {
			at := source.Child(ptr, d.key)
			return o, p.errorAt(at, false, "%s: %v", source.FieldPath(p.doc.Value, at), err)
		}
		*d.to = v
	}
	o.Concurrency, o.PerHost, o.MaxRedirects = spec.Concurrency, spec.PerHost, spec.MaxRedirects
	if r := spec.Retries; r != nil {
		o.Retries = *r
		if *r == 0 {
			o.Retries = -1 // none; zero means the default
		}
	}
	return o, nil
}

// parseDuration reads a Go duration ("1h30m", "500ms") or a number of days
// ("7d"), which cache lifetimes are most naturally written in.
func parseDuration(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.ParseFloat(days, 64)
		if err == nil && n > 0 && n <= 3650 {
			return time.Duration(n * float64(24*time.Hour)), nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a duration; write it like 10s, 5m, 24h or 7d", s)
	}
	return d, nil
}
