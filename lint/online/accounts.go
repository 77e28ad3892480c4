package online

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

// checkAccount looks an account up by its network's protocol. Only a
// clear "no such account" is missing: rate limits, errors and anything
// unexpected are unknown.
func (c *Checker) checkAccount(ctx context.Context, t lint.Target, attempt int) outcome {
	var out outcome
	switch t.Network {
	case "github":
		out = c.checkGitHub(ctx, t.Value, attempt)
	case "mastodon":
		out = c.checkMastodon(ctx, t.Value, attempt)
	case "bluesky":
		out = c.checkBluesky(ctx, t.Value, attempt)
	default:
		return outcome{verdict: unknown("%s accounts cannot be looked up", t.Network)}
	}
	// An account that cannot be looked up is not missing, whatever the
	// reason (a server down, a refused address).
	if s := out.verdict.Status; s == lint.StatusUnreachable || s == lint.StatusRefused || s == lint.StatusMoved {
		out.verdict.Status = lint.StatusUnknown
	}
	return out
}

// checkGitHub asks the REST API for the user or organisation
// (GET /users/{name} answers for both), with GITHUB_TOKEN when given. An
// exhausted rate limit makes this and every later GitHub account unknown
// until it resets: the API says when.
func (c *Checker) checkGitHub(ctx context.Context, name string, attempt int) outcome {
	c.mu.Lock()
	blocked := c.githubBlocked
	c.mu.Unlock()
	if c.opts.Now().Before(blocked) {
		return outcome{verdict: unknown("the GitHub API rate limit is used up%s", tokenHint(c.opts.GitHubToken))}
	}
	api, err := url.Parse(strings.TrimSuffix(c.opts.GitHubAPI, "/") + "/users/" + url.PathEscape(name))
	if err != nil {
		return outcome{verdict: unknown("GITHUB_API_URL %q is not a URL", c.opts.GitHubAPI)}
	}
	h := http.Header{"Accept": {"application/vnd.github+json"}, "X-Github-Api-Version": {"2022-11-28"}}
	if c.opts.GitHubToken != "" {
		h.Set("Authorization", "Bearer "+c.opts.GitHubToken)
	}
	// The API is where the environment points, not where an entry does: it
	// may be a GitHub Enterprise server on a private network.
	r, err := c.follow(trusted(ctx), api, h, false)
	if err != nil {
		return c.networkFailure(err, api, attempt)
	}
	if r.header.Get("X-Ratelimit-Remaining") == "0" {
		if reset, err := strconv.ParseInt(r.header.Get("X-Ratelimit-Reset"), 10, 64); err == nil {
			c.mu.Lock()
			c.githubBlocked = time.Unix(reset, 0)
			c.mu.Unlock()
		}
	}
	switch code := r.status; {
	case code == http.StatusOK:
		return outcome{verdict: lint.Verdict{Status: lint.StatusOK}}
	case code == http.StatusNotFound:
		return outcome{verdict: verdict(lint.StatusDead, "the GitHub API answers %s", statusText(code))}
	case (code == http.StatusForbidden || code == http.StatusTooManyRequests) && r.header.Get("X-Ratelimit-Remaining") == "0":
		return outcome{verdict: unknown("the GitHub API rate limit is used up%s", tokenHint(c.opts.GitHubToken))}
	case code == http.StatusForbidden || code == http.StatusTooManyRequests:
		// A secondary rate limit, which says how long to wait.
		return c.politely(r, attempt, "the GitHub API answers "+statusText(code))
	case code >= 500:
		return c.later(r.header, attempt, unknown("the GitHub API answers %s%s", statusText(code), tries(attempt)))
	}
	return outcome{verdict: unknown("the GitHub API answers %s", statusText(r.status))}
}

func tokenHint(token string) string {
	if token == "" {
		return "; set GITHUB_TOKEN for a higher limit"
	}
	return ""
}

// checkMastodon asks the handle's server with WebFinger (RFC 7033), as
// Mastodon servers do of each other; a server may delegate to another
// host by redirecting.
func (c *Checker) checkMastodon(ctx context.Context, handle string, attempt int) outcome {
	user, server, _ := strings.Cut(handle, "@")
	u := &url.URL{Scheme: "https", Host: server, Path: "/.well-known/webfinger", RawQuery: "resource=" + url.QueryEscape("acct:"+user+"@"+server)}
	r, err := c.follow(ctx, u, http.Header{"Accept": {"application/jrd+json, application/json"}}, true)
	if err != nil {
		if errNotFound(err) {
			return outcome{verdict: verdict(lint.StatusDead, "the server %q does not exist", server)}
		}
		return c.networkFailure(err, u, attempt)
	}
	switch code := r.status; {
	case code == http.StatusOK:
		return outcome{verdict: lint.Verdict{Status: lint.StatusOK}}
	case code == http.StatusNotFound || code == http.StatusGone:
		return outcome{verdict: verdict(lint.StatusDead, "WebFinger on %s answers %s", server, statusText(code))}
	case code == http.StatusTooManyRequests:
		return c.politely(r, attempt, "WebFinger on "+server+" answers "+statusText(code))
	case code >= 500:
		return c.later(r.header, attempt, unknown("WebFinger on %s answers %s%s", server, statusText(code), tries(attempt)))
	}
	return outcome{verdict: unknown("WebFinger on %s answers %s", server, statusText(r.status))}
}

// checkBluesky resolves a handle as atproto does
// (https://atproto.com/specs/handle): a DNS TXT record at
// _atproto.<handle> holding "did=...", else a DID served at
// https://<handle>/.well-known/atproto-did, without following redirects.
// The handle is missing only when both answer clearly that there is none.
func (c *Checker) checkBluesky(ctx context.Context, handle string, attempt int) outcome {
	lctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	txts, err := c.resolver.LookupTXT(lctx, "_atproto."+handle)
	cancel()
	for _, txt := range txts {
		if strings.HasPrefix(strings.TrimSpace(txt), "did=did:") {
			return outcome{verdict: lint.Verdict{Status: lint.StatusOK}}
		}
	}
	noTXT := err == nil || errNotFound(err)
	u := &url.URL{Scheme: "https", Host: handle, Path: "/.well-known/atproto-did"}
	r, herr := c.do(ctx, c.client, http.MethodGet, u, nil, 1024)
	var refused *RefusedError
	switch {
	case errors.As(herr, &refused):
		return outcome{verdict: unknown("%s", refused)}
	case herr != nil && errNotFound(herr) && noTXT:
		return outcome{verdict: verdict(lint.StatusDead, "no _atproto TXT record, and the host %q does not exist", handle)}
	case herr != nil:
		return c.later(nil, attempt, unknown("handle resolution failed%s", tries(attempt)))
	case r.status == http.StatusOK && bytes.HasPrefix(bytes.TrimSpace(r.body), []byte("did:")):
		return outcome{verdict: lint.Verdict{Status: lint.StatusOK}}
	case !noTXT:
		return c.later(nil, attempt, unknown("looking up _atproto.%s failed, and %s answers %s", handle, u, statusText(r.status)))
	case r.status == http.StatusOK:
		return outcome{verdict: verdict(lint.StatusDead, "no _atproto TXT record, and %s serves no DID", u)}
	case r.status == http.StatusNotFound || r.status == http.StatusGone:
		return outcome{verdict: verdict(lint.StatusDead, "no _atproto TXT record, and %s answers %s", u, statusText(r.status))}
	case isRedirect(r.status):
		return outcome{verdict: verdict(lint.StatusDead, "no _atproto TXT record, and %s redirects, which handle resolution does not follow", u)}
	case r.status == http.StatusTooManyRequests:
		return c.politely(r, attempt, u.String()+" answers "+statusText(r.status))
	case r.status >= 500:
		return c.later(r.header, attempt, unknown("%s answers %s%s", u, statusText(r.status), tries(attempt)))
	}
	return outcome{verdict: unknown("%s answers %s", u, statusText(r.status))}
}

// follow requests u with GET and follows redirects, bounded and without
// loops, for the lookups whose final answer is all that matters; unless
// anyHost, the chain stays on u's host.
func (c *Checker) follow(ctx context.Context, u *url.URL, h http.Header, anyHost bool) (*response, error) {
	seen := map[string]bool{u.String(): true}
	for hops := 0; ; hops++ {
		r, err := c.do(ctx, c.client, http.MethodGet, u, h, bodyPrefix)
		if err != nil || !isRedirect(r.status) || hops >= c.cfg.MaxRedirects {
			return r, err
		}
		next, err := u.Parse(r.header.Get("Location"))
		if err != nil || next.Scheme != "https" && next.Scheme != "http" || seen[next.String()] || (!anyHost && next.Host != u.Host) {
			return r, nil
		}
		seen[next.String()] = true
		u = next
	}
}
