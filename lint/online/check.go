package online

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
)

// bodyPrefix is as much of a body as is ever read: enough to recognise a
// challenge page or a DID, and to let a small answer's connection be
// reused. A larger body is cut off, never downloaded.
const bodyPrefix = 16 << 10

// hostOf returns what the per-host limit counts for t: the host the check
// talks to.
func (c *Checker) hostOf(t lint.Target) string {
	switch t.Kind {
	case lint.TargetURL:
		if u, err := url.Parse(t.Value); err == nil {
			return strings.ToLower(u.Hostname())
		}
	case lint.TargetAccount:
		switch t.Network {
		case "github":
			if u, err := url.Parse(c.opts.GitHubAPI); err == nil {
				return strings.ToLower(u.Hostname())
			}
		case "mastodon":
			_, server, _ := strings.Cut(t.Value, "@")
			return server
		}
	case lint.TargetMailDomain:
		return "dns " + t.Value // DNS lookups are not a host's load
	}
	return t.Value
}

// check makes one try at j's target.
func (c *Checker) check(ctx context.Context, j *job) outcome {
	var out outcome
	switch t := j.target; t.Kind {
	case lint.TargetURL:
		out = c.checkURL(ctx, t.Value, j.attempt)
	case lint.TargetAccount:
		out = c.checkAccount(ctx, t, j.attempt)
	case lint.TargetMailDomain:
		out = c.checkMail(ctx, t.Value, j.attempt)
	}
	if ctx.Err() != nil {
		// The run is out of time: whatever failed, it was not the site.
		return outcome{verdict: c.outOfTime()}
	}
	return out
}

func verdict(s lint.Status, format string, args ...any) lint.Verdict {
	return lint.Verdict{Status: s, Detail: fmt.Sprintf(format, args...)}
}

// outOfTime is the verdict of a target the run's timeout left unchecked.
func (c *Checker) outOfTime() lint.Verdict {
	return unknown("not checked within the online run timeout (%s)", c.cfg.RunTimeout)
}

func unknown(format string, args ...any) lint.Verdict {
	return verdict(lint.StatusUnknown, format, args...)
}

// statusText is "404 Not Found", or the bare code when it has no name.
func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return strconv.Itoa(code) + " " + t
	}
	return strconv.Itoa(code)
}

// tries says how many tries a verdict took, when more than one.
func tries(attempt int) string {
	if attempt == 0 {
		return ""
	}
	return fmt.Sprintf(" after %d tries", attempt+1)
}

// response is what one request got.
type response struct {
	url    *url.URL
	status int
	header http.Header
	body   []byte // at most the prefix asked for
}

// do sends one request within the per-request timeout and reads at most
// readBody bytes of the answer.
func (c *Checker) do(ctx context.Context, client *http.Client, method string, u *url.URL, header http.Header, readBody int64) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", c.opts.UserAgent)
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	r := &response{url: u, status: res.StatusCode, header: res.Header}
	if readBody > 0 {
		r.body, _ = io.ReadAll(io.LimitReader(res.Body, readBody))
	}
	return r, nil
}

// isRedirect reports whether code sends the client elsewhere with Location.
func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther, http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// isPermanent reports whether a redirect says the resource moved for good.
func isPermanent(code int) bool {
	return code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect
}

var htmlAccept = http.Header{"Accept": {"text/html,application/xhtml+xml,*/*;q=0.8"}}

// checkURL requests a URL, following redirects by hand: each hop is
// checked like the first (the dialer refuses private addresses on every
// one), permanent redirects from the start are remembered as the address
// to write instead, and a chain is bounded and never revisits a URL.
func (c *Checker) checkURL(ctx context.Context, raw string, attempt int) outcome {
	u, err := url.Parse(raw)
	if err != nil {
		return outcome{verdict: verdict(lint.StatusUnreachable, "not a URL: %v", err)}
	}
	// Some sites set a cookie and redirect to themselves: a jar per chain
	// keeps that from looking like a loop.
	jar, _ := cookiejar.New(nil)
	client := *c.client
	client.Jar = jar
	// A URL may come back once (after a cookie is set); a third visit is a loop.
	visits := map[string]int{u.String(): 1}
	moved, movedBy := "", ""
	permanent := true
	for hops := 0; ; hops++ {
		r, err := c.fetch(ctx, &client, u)
		if err != nil {
			out := c.networkFailure(err, u, attempt)
			if hops > 0 {
				out.verdict.Detail += " after a redirect to " + u.String()
			}
			return out
		}
		if !isRedirect(r.status) || c.cfg.Accepts(r.url.Hostname(), r.status) {
			return c.classify(r, hops, attempt, moved, movedBy)
		}
		loc := r.header.Get("Location")
		if loc == "" {
			return outcome{verdict: verdict(lint.StatusUnreachable, "%s without a Location to go to", statusText(r.status))}
		}
		next, err := u.Parse(loc)
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return outcome{verdict: verdict(lint.StatusUnreachable, "%s to %q, which is not a web address", statusText(r.status), loc)}
		}
		next.Fragment, next.RawFragment = "", ""
		if visits[next.String()] >= 2 {
			return outcome{verdict: verdict(lint.StatusUnreachable, "redirect loop: %s leads back to %s", u, next)}
		}
		if hops+1 > c.cfg.MaxRedirects {
			return outcome{verdict: verdict(lint.StatusUnreachable, "more than %d redirects", c.cfg.MaxRedirects)}
		}
		visits[next.String()]++
		if permanent && isPermanent(r.status) {
			if moved == "" {
				movedBy = statusText(r.status)
			}
			moved = next.String()
		} else {
			permanent = false
		}
		u = next
	}
}

// fetch asks for u with HEAD, then with GET when HEAD is refused or its
// answer is one that GET might contradict: many servers mishandle HEAD
// (405, 501, 403, even 404), and a dead or blocked verdict is only given
// on a GET's word. A rate limit (429) is not asked twice.
func (c *Checker) fetch(ctx context.Context, client *http.Client, u *url.URL) (*response, error) {
	r, err := c.do(ctx, client, http.MethodHead, u, htmlAccept, 0)
	if err == nil && (r.status < 400 || r.status == http.StatusTooManyRequests || r.status == http.StatusUnauthorized) {
		return r, nil
	}
	if err != nil && !retryableWithGET(err) {
		return nil, err
	}
	return c.do(ctx, client, http.MethodGet, u, htmlAccept, bodyPrefix)
}

// retryableWithGET reports whether a HEAD that failed this way is worth a
// GET: the server broke the exchange (some close the connection on HEAD),
// not the network.
func retryableWithGET(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET)
}

// classify turns the last answer of a chain into a verdict.
func (c *Checker) classify(r *response, hops, attempt int, moved, movedBy string) outcome {
	code := r.status
	text := statusText(code)
	if hops > 0 {
		text += " at " + r.url.String()
	}
	switch {
	case code >= 200 && code < 300, code == http.StatusUnauthorized, c.cfg.Accepts(r.url.Hostname(), code):
		// 401: the page is there, behind a login.
		if moved != "" {
			return outcome{verdict: lint.Verdict{Status: lint.StatusMoved, Detail: movedBy, Location: moved}}
		}
		return outcome{verdict: lint.Verdict{Status: lint.StatusOK}}
	case code == http.StatusNotFound || code == http.StatusGone:
		return outcome{verdict: verdict(lint.StatusDead, "%s", text)}
	case code == http.StatusTooManyRequests:
		return c.politely(r, attempt, text+", rate limited")
	case code == 999:
		return c.politely(r, attempt, "999, the site turns link checkers away")
	}
	if wall := botWall(r); wall != "" {
		return c.politely(r, attempt, text+", "+wall)
	}
	switch {
	case code == http.StatusForbidden:
		return c.politely(r, attempt, text+", the site refuses robots")
	case code >= 500:
		return c.later(r.header, attempt, verdict(lint.StatusUnreachable, "%s%s", text, tries(attempt)))
	}
	return outcome{verdict: verdict(lint.StatusUnreachable, "%s", text)}
}

// politely answers a rate limit or a bot wall: unknown, never dead, after
// one more try when the server asked for a wait that is short enough.
func (c *Checker) politely(r *response, attempt int, why string) outcome {
	out := outcome{verdict: unknown("%s", why)}
	if attempt > 0 {
		return out
	}
	wait, asked := retryAfter(r.header, c.opts.Now())
	if !asked {
		wait = 2 * c.opts.Backoff
	}
	if wait > c.opts.MaxWait {
		out.verdict.Detail += fmt.Sprintf(" (asked to wait %s)", wait.Round(time.Second))
		return out
	}
	out.retry, out.holdHost = max(wait, time.Millisecond), asked
	return out
}

// later asks for another try with backoff while tries are left; v stands
// otherwise. A Retry-After header sets the wait, for the whole host.
func (c *Checker) later(h http.Header, attempt int, v lint.Verdict) outcome {
	out := outcome{verdict: v}
	if attempt >= c.cfg.Retries {
		return out
	}
	wait, asked := retryAfter(h, c.opts.Now())
	if !asked {
		wait = c.opts.Backoff << attempt
	}
	if wait <= c.opts.MaxWait {
		out.retry, out.holdHost = max(wait, time.Millisecond), asked
	}
	return out
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(min(s, 1<<30)) * time.Second, true // no overflow: decades are as long as forever
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

// botWall recognises the challenge pages of the common bot-protection
// services, which answer link checkers with 403, 429 or 503 whatever the
// page: such an answer says nothing about the link.
func botWall(r *response) string {
	h := r.header
	server := strings.ToLower(h.Get("Server"))
	body := bytes.ToLower(r.body)
	has := func(s string) bool { return bytes.Contains(body, []byte(s)) }
	switch {
	case h.Get("Cf-Mitigated") != "",
		strings.Contains(server, "cloudflare") && (has("just a moment") || has("cf-chl") || has("challenge-platform") || has("attention required")):
		return "a Cloudflare challenge page"
	case h.Get("X-Amzn-Waf-Action") != "":
		return "an AWS WAF challenge"
	case h.Get("X-Datadome") != "" || strings.Contains(server, "datadome"):
		return "a DataDome challenge"
	case has("px-captcha") || has("_pxcaptcha"):
		return "a PerimeterX challenge"
	case has("sucuri website firewall"):
		return "a Sucuri firewall page"
	case strings.Contains(server, "ddos-guard"):
		return "a DDoS-Guard challenge"
	case has("captcha"):
		return "a CAPTCHA page"
	}
	return ""
}

// networkFailure turns a failed request into a verdict: a host that does
// not exist is dead; a refused address is reported as such; timeouts and
// dropped connections are retried, then unreachable; TLS problems are
// unreachable at once.
func (c *Checker) networkFailure(err error, u *url.URL, attempt int) outcome {
	host := u.Hostname()
	var refused *RefusedError
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &refused):
		how := "contentlint connects to such addresses only with --online-allow-private"
		if refused.Why == metadataAddress {
			how = "contentlint never connects to cloud metadata services"
		}
		return outcome{verdict: verdict(lint.StatusRefused, "%s; %s", refused, how)}
	case errNotFound(err):
		return outcome{verdict: verdict(lint.StatusDead, "the host %q does not exist", host)}
	case errors.As(err, &dnsErr):
		out := c.later(nil, attempt, verdict(lint.StatusUnreachable, "looking up %q failed%s", host, tries(attempt)))
		out.local = true
		return out
	}
	if problem := tlsProblem(err); problem != "" {
		return outcome{verdict: verdict(lint.StatusUnreachable, "TLS: %s", problem)}
	}
	var why string
	switch {
	case isTimeout(err):
		why = fmt.Sprintf("timed out after %s", c.cfg.Timeout)
	case errors.Is(err, syscall.ECONNREFUSED):
		why = "connection refused"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		why = "the server closed the connection"
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		out := c.later(nil, attempt, verdict(lint.StatusUnreachable, "no route to the host%s", tries(attempt)))
		out.local = true
		return out
	default:
		why = innermost(err)
	}
	return c.later(nil, attempt, verdict(lint.StatusUnreachable, "%s%s", why, tries(attempt)))
}

// isTimeout reports whether err is a timeout.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

// innermost drops the wrappers that name the request and the socket's
// addresses, which change from run to run, keeping what went wrong.
func innermost(err error) string {
	for {
		var ue *url.Error
		var oe *net.OpError
		switch {
		case errors.As(err, &ue) && ue.Err != nil:
			err = ue.Err
		case errors.As(err, &oe) && oe.Err != nil:
			err = oe.Err
		default:
			return err.Error()
		}
	}
}

// tlsProblem describes a failed TLS handshake, without the times and
// addresses some of Go's messages carry, or returns "".
func tlsProblem(err error) string {
	var unknownCA x509.UnknownAuthorityError
	var host x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	var alert tls.AlertError
	var record tls.RecordHeaderError
	switch {
	case errors.As(err, &unknownCA):
		return "the certificate is signed by an unknown authority"
	case errors.As(err, &host):
		return "the certificate is for another host (" + host.Error() + ")"
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return "the certificate has expired or is not valid yet"
	case errors.As(err, &invalid):
		return "the certificate is not valid"
	case errors.As(err, &verify):
		return "the certificate could not be verified"
	case errors.As(err, &alert):
		return "the handshake failed (" + alert.Error() + ")"
	case errors.As(err, &record):
		return "the server does not speak TLS"
	}
	return ""
}
