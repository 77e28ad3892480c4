package lint

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
)

// The online audit: what lint hands to a Prober and what it gets back. The
// network code lives in package online; lint only finds the targets in the
// entries, asks a Prober about each distinct one, and reports the verdicts
// where the targets are named. Without a Prober nothing is looked up.

// TargetKind says what an online check looks at.
type TargetKind uint8

// Target kinds.
const (
	TargetURL        TargetKind = iota + 1 // an absolute http(s) URL
	TargetAccount                          // an account on a social network
	TargetMailDomain                       // the domain of an email address
)

// Target is one thing checked online. Equal targets are checked once per
// run, however many entries name them.
type Target struct {
	Kind TargetKind
	// Network names an account's network: "github", "mastodon" or "bluesky".
	Network string
	// Value is, for a URL, the address without its fragment, with the
	// scheme and host in lower case and an empty path written "/"; for an
	// account, the handle as its network resolves it ("octocat",
	// "user@mastodon.social", "name.bsky.social"); for a mail domain, the
	// domain in lower-case ASCII ("xn--" labels for international names).
	Value string
}

// String names the target in messages and logs: the URL, the account's
// profile address, or "mail domain example.org".
func (t Target) String() string {
	switch t.Kind {
	case TargetAccount:
		return AccountURL(t.Network, t.Value)
	case TargetMailDomain:
		return "mail domain " + t.Value
	}
	return t.Value
}

// AccountURL is the public profile address of an account, which is also
// what the configuration's online exclude patterns match for accounts.
func AccountURL(network, handle string) string {
	switch network {
	case "github":
		return "https://github.com/" + handle
	case "mastodon":
		user, server, _ := strings.Cut(handle, "@")
		return "https://" + server + "/@" + user
	case "bluesky":
		return "https://bsky.app/profile/" + handle
	}
	return network + ":" + handle
}

// Status is what an online check concluded. The zero value is
// StatusUnknown, which is never a finding.
type Status uint8

// Statuses.
const (
	// StatusUnknown: the check could not tell (rate limited, a bot wall,
	// out of time, the service unavailable). Counted, never reported.
	StatusUnknown Status = iota
	// StatusOK: the page answers, the account exists, the domain takes mail.
	StatusOK
	// StatusDead: the page is gone (404, 410, a host that does not exist),
	// the account does not exist, or the domain takes no mail.
	StatusDead
	// StatusMoved: the URL redirects permanently; Verdict.Location is the
	// address to write instead.
	StatusMoved
	// StatusUnreachable: timeouts, TLS and connection failures, server
	// errors after retries.
	StatusUnreachable
	// StatusRefused: not connected to, because the host resolves to a
	// loopback, private, link-local or cloud-metadata address.
	StatusRefused
)

// String returns the status in lower case, for logs and the cache.
func (s Status) String() string {
	switch s {
	case StatusOK:
		return "ok"
	case StatusDead:
		return "dead"
	case StatusMoved:
		return "moved"
	case StatusUnreachable:
		return "unreachable"
	case StatusRefused:
		return "refused"
	}
	return "unknown"
}

// Verdict is the outcome of checking one target.
type Verdict struct {
	Status Status
	// Detail says what was seen, for people: "404 Not Found", "the host
	// \"old.example.org\" does not exist", "timed out after 10s (3 tries)".
	Detail string
	// Location is the address a moved URL should be replaced with.
	Location string
}

// Prober checks targets online for Run. Implementations do the network
// work (package online is the real one; tests use fakes); rules never do.
type Prober interface {
	// Probe checks every target received from targets until the channel
	// is closed or ctx is done, and returns a verdict for each target it
	// received. Each distinct target is sent once. Verdicts must not depend
	// on the order targets arrive in or on timing, beyond what the servers
	// answered.
	Probe(ctx context.Context, targets <-chan Target) map[Target]Verdict
}

// Online is the configuration's online section: what the online audit
// leaves alone and how politely it works. The zero value means the
// defaults; WithDefaults fills them in.
type Online struct {
	// Exclude are regular expressions; a URL that one matches, as written
	// or as checked (normalised), is not checked. An account is matched as
	// written and by its profile address (AccountURL), an email address as
	// written and as "mailto:" followed by the address.
	Exclude []*regexp.Regexp
	// Accept lists status codes that count as alive on some hosts.
	Accept []OnlineAccept
	// Timeout bounds each request; RunTimeout the whole audit, after which
	// what is left is unknown.
	Timeout, RunTimeout time.Duration
	// Concurrency is how many checks run at once; PerHost how many of them
	// may talk to one host.
	Concurrency, PerHost int
	// Retries is how many times a timeout or a server error is retried,
	// with backoff; 0 means the default and a negative number none.
	Retries int
	// MaxRedirects bounds a redirect chain.
	MaxRedirects int
	// CacheTTL is how long a success is remembered; CacheTTLFailure how
	// long a failure is. Unknown outcomes are never remembered.
	CacheTTL, CacheTTLFailure time.Duration
}

// OnlineAccept makes some status codes count as alive on some hosts.
type OnlineAccept struct {
	// Hosts are host name patterns: "*" matches any run of characters, so
	// "*.example.org" matches every subdomain and "*" every host.
	Hosts []string
	// Status are HTTP status codes.
	Status []int
}

// The online defaults, documented in docs/online.md.
const (
	DefaultOnlineTimeout         = 10 * time.Second
	DefaultOnlineRunTimeout      = 10 * time.Minute
	DefaultOnlineConcurrency     = 64
	DefaultOnlinePerHost         = 2
	DefaultOnlineRetries         = 2
	DefaultOnlineMaxRedirects    = 10
	DefaultOnlineCacheTTL        = 24 * time.Hour
	DefaultOnlineCacheTTLFailure = time.Hour
)

// WithDefaults returns o with every unset limit at its default.
func (o Online) WithDefaults() Online {
	set := func(v *time.Duration, d time.Duration) {
		if *v <= 0 {
			*v = d
		}
	}
	set(&o.Timeout, DefaultOnlineTimeout)
	set(&o.RunTimeout, DefaultOnlineRunTimeout)
	set(&o.CacheTTL, DefaultOnlineCacheTTL)
	set(&o.CacheTTLFailure, DefaultOnlineCacheTTLFailure)
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultOnlineConcurrency
	}
	if o.PerHost <= 0 {
		o.PerHost = DefaultOnlinePerHost
	}
	switch {
	case o.Retries == 0:
		o.Retries = DefaultOnlineRetries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultOnlineMaxRedirects
	}
	return o
}

// Excluded reports whether an exclude pattern matches s.
func (o *Online) Excluded(s string) bool {
	for _, re := range o.Exclude {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}

// Accepts reports whether status counts as alive on host.
func (o *Online) Accepts(host string, status int) bool {
	for _, a := range o.Accept {
		if !slices.Contains(a.Status, status) {
			continue
		}
		for _, p := range a.Hosts {
			if MatchHost(p, host) {
				return true
			}
		}
	}
	return false
}

// MatchHost reports whether host matches pattern, ignoring case: "*"
// matches any run of characters, dots included.
func MatchHost(pattern, host string) bool {
	pattern, host = strings.ToLower(pattern), strings.ToLower(strings.TrimSuffix(host, "."))
	// Classic wildcard matching with one backtrack point: linear in practice.
	p, h, star, mark := 0, 0, -1, 0
	for h < len(host) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, h
			p++
		case p < len(pattern) && pattern[p] == host[h]:
			p++
			h++
		case star >= 0:
			p = star + 1
			mark++
			h = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
