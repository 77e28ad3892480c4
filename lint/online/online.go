// Package online checks what entries name against the network: whether
// URLs answer, where they moved, whether GitHub, Mastodon and Bluesky
// accounts exist and whether mail domains take mail. Its Checker is the
// lint.Prober that "contentlint lint --online" uses.
//
// It is polite (a global and a per-host concurrency limit, Retry-After
// honoured, retries with backoff, one User-Agent that names the tool), safe
// (it does not connect to loopback, private, link-local or cloud-metadata
// addresses unless allowed, checked on the resolved address at dial time
// and on every redirect) and cached (a CacheFile keeps results between
// runs). Everything it reaches goes through a Network, so that tests run
// against local servers and a fake resolver.
package online

import (
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

// DefaultUserAgent names contentlint and where to read about it, so that a
// site owner who sees the requests knows what they are.
const DefaultUserAgent = "contentlint (+https://github.com/glasgow-open-data/contentlint)"

// DefaultGitHubAPI is the public GitHub REST API.
const DefaultGitHubAPI = "https://api.github.com"

// Options configure a Checker. The zero value checks with the defaults,
// over the machine's network, without a cache.
type Options struct {
	// Config is the configuration's online section; unset limits take
	// their defaults.
	Config lint.Online
	// AllowPrivate allows connections to loopback, private and link-local
	// addresses (intranets, tests). Cloud metadata addresses stay refused.
	AllowPrivate bool
	// Network is how the network is reached; its zero value is the machine's.
	Network Network
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
	// GitHubAPI is the GitHub REST API's base URL (GITHUB_API_URL); ""
	// means DefaultGitHubAPI. GitHubToken, when set, authenticates to it
	// (GITHUB_TOKEN); it is never sent anywhere else.
	GitHubAPI, GitHubToken string
	// Cache keeps results between runs; nil keeps none.
	Cache CacheFile
	// Warn receives warnings, such as a cache that could not be read; nil
	// discards them.
	Warn io.Writer
	// Progress, when set, is told of the progress after every target; it
	// is called from one goroutine at a time.
	Progress func(Progress)
	// Backoff is the wait before the first retry, doubled for each next
	// one; 0 means one second. MaxWait bounds a wait a server asks for with
	// Retry-After; a longer one is not waited for (the target is unknown);
	// 0 means one minute.
	Backoff, MaxWait time.Duration
	// Now is the clock the cache's ages are measured by; nil means time.Now.
	Now func() time.Time
}

// Progress is how far a Probe has got.
type Progress struct {
	Done, Total int // targets decided, and known so far
	Failed      int // decided with a finding (dead, moved, unreachable, refused)
	Unknown     int // could not be decided
}

// Stats describe a finished Probe, for the run's summary.
type Stats struct {
	Targets  int // distinct targets
	Cached   int // answered from the cache
	Requests int // HTTP requests sent
	Lookups  int // DNS lookups made for MX, TXT and addresses
	// Unknown are the targets that could not be decided, with why.
	Unknown []Unknown
}

// Unknown is a target that could not be decided.
type Unknown struct {
	Target lint.Target
	Why    string
}

// Checker checks targets online. It is a lint.Prober; one Checker serves
// one run.
type Checker struct {
	opts      Options
	cfg       lint.Online
	resolver  *countingResolver
	client    *http.Client
	transport *http.Transport
	requests  atomic.Int64
	cache     *cache

	mu    sync.Mutex
	stats Stats
	// githubBlocked is when the GitHub API's exhausted rate limit resets;
	// until then GitHub accounts are unknown without a request.
	githubBlocked time.Time
}

// New returns a Checker with opts.
func New(opts Options) *Checker {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.GitHubAPI == "" {
		opts.GitHubAPI = DefaultGitHubAPI
	}
	if opts.Backoff <= 0 {
		opts.Backoff = time.Second
	}
	if opts.MaxWait <= 0 {
		opts.MaxWait = time.Minute
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Warn == nil {
		opts.Warn = io.Discard
	}
	c := &Checker{opts: opts, cfg: opts.Config.WithDefaults()}
	c.resolver = &countingResolver{Resolver: opts.Network.resolver()}
	d := newDialer(opts.Network, opts.AllowPrivate, c.cfg.Timeout, c.resolver)
	var tlsConfig *tls.Config
	if opts.Network.TLS != nil {
		tlsConfig = opts.Network.TLS.Clone()
	}
	c.transport = &http.Transport{
		// Never a proxy: the address checks must see where the
		// connection really goes.
		Proxy:                  nil,
		DialContext:            d.DialContext,
		TLSClientConfig:        tlsConfig,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    c.cfg.Timeout,
		ResponseHeaderTimeout:  c.cfg.Timeout,
		MaxIdleConns:           c.cfg.Concurrency * 2,
		MaxIdleConnsPerHost:    c.cfg.PerHost,
		IdleConnTimeout:        30 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
	}
	c.client = &http.Client{
		Transport: countingTransport{c.transport, &c.requests},
		// Redirects are followed by hand: each hop is classified
		// (permanent or not) and bounded.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	c.cache = newCache(opts.Cache, c.fingerprint(), c.cfg, opts.Now, opts.Warn)
	return c
}

// Stats returns what the last Probe did.
func (c *Checker) Stats() Stats {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.stats
	s.Requests = int(c.requests.Load())
	s.Lookups = int(c.resolver.lookups.Load())
	return s
}

// countingTransport counts the requests sent, for the summary and for the
// test that a cached run sends none.
type countingTransport struct {
	http.RoundTripper
	n *atomic.Int64
}

func (t countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.RoundTripper.RoundTrip(r)
}

// countingResolver counts the lookups made.
type countingResolver struct {
	Resolver
	lookups atomic.Int64
}

func (r *countingResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	r.lookups.Add(1)
	return r.Resolver.LookupNetIP(ctx, network, host)
}

func (r *countingResolver) LookupMX(ctx context.Context, name string) ([]*net.MX, error) {
	r.lookups.Add(1)
	return r.Resolver.LookupMX(ctx, name)
}

func (r *countingResolver) LookupTXT(ctx context.Context, name string) ([]string, error) {
	r.lookups.Add(1)
	return r.Resolver.LookupTXT(ctx, name)
}
