package online

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
)

// site is a local web server whose paths each behave one way: the cases
// the URL check must tell apart.
func site(t *testing.T, log *requestLog) *httptest.Server {
	var flaky, limited atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusGone) })
	redirect := func(to string, code int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, to, code) }
	}
	// /moved -> 301 /step -> 308 /new (200): moved to /new.
	mux.HandleFunc("/moved", redirect("/step", http.StatusMovedPermanently))
	mux.HandleFunc("/step", redirect("/new", http.StatusPermanentRedirect))
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {})
	// /moved-then-temporary -> 301 /lang -> 302 /lang/en (200): moved to /lang.
	mux.HandleFunc("/moved-then-temporary", redirect("/lang", http.StatusMovedPermanently))
	mux.HandleFunc("/lang", redirect("/lang/en", http.StatusFound))
	mux.HandleFunc("/lang/en", func(w http.ResponseWriter, r *http.Request) {})
	mux.HandleFunc("/temporary", redirect("/new", http.StatusFound))
	mux.HandleFunc("/moved-dead", redirect("/missing-too", http.StatusMovedPermanently))
	mux.HandleFunc("/missing-too", http.NotFound)
	mux.HandleFunc("/loop-a", redirect("/loop-b", http.StatusFound))
	mux.HandleFunc("/loop-b", redirect("/loop-a", http.StatusFound))
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/chain/%d", &n)
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
	})
	// A cookie, then a redirect to itself: a loop only without a cookie jar.
	mux.HandleFunc("/cookie", func(w http.ResponseWriter, r *http.Request) {
		if _, err := r.Cookie("seen"); err == nil {
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "seen", Value: "1", Path: "/"})
		http.Redirect(w, r, "/cookie", http.StatusFound)
	})
	mux.HandleFunc("/rate-limited-once", func(w http.ResponseWriter, r *http.Request) {
		if limited.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		}
	})
	mux.HandleFunc("/rate-limited", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/rate-limited-long", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	})
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusServiceUnavailable) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/no-head", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
		}
	})
	mux.HandleFunc("/head-404", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusNotFound)
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		chunk := []byte(strings.Repeat("x", 64<<10))
		for i := 0; i < 16<<10; i++ { // 1 GiB, if anyone read it all
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
		t.Errorf("the whole huge body was sent")
	})
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusUnauthorized) })
	mux.HandleFunc("/forbidden", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusForbidden) })
	mux.HandleFunc("/linkedin", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(999) })
	mux.HandleFunc("/challenge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Server", "cloudflare")
		w.Header().Set("Cf-Mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
		io.WriteString(w, "<title>Just a moment...</title>")
	})
	mux.HandleFunc("/bad-request", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadRequest) })
	mux.HandleFunc("/to-intranet", redirect("http://intranet.test/admin", http.StatusFound))
	mux.HandleFunc("/to-mailto", redirect("mailto:someone@example.org", http.StatusFound))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.add(r)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// TestURLVerdicts: each kind of answer gets its verdict, the message
// says what was seen, and nothing is dead that might be alive.
func TestURLVerdicts(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	port := srv.Listener.Addr().(interface{ String() string }).String()
	port = port[strings.LastIndexByte(port, ':')+1:]
	base := "http://site.test:" + port
	res := onlinetest.NewResolver().Loopback("site.test")
	c := New(fastOptions(Network{Resolver: res}))
	cases := []struct {
		path     string
		status   lint.Status
		detail   string
		location string
	}{
		{"/ok", lint.StatusOK, "", ""},
		{"/missing", lint.StatusDead, "404 Not Found", ""},
		{"/gone", lint.StatusDead, "410 Gone", ""},
		{"/moved", lint.StatusMoved, "301 Moved Permanently", base + "/new"},
		{"/moved-then-temporary", lint.StatusMoved, "301 Moved Permanently", base + "/lang"},
		{"/temporary", lint.StatusOK, "", ""},
		{"/moved-dead", lint.StatusDead, "404 Not Found at " + base + "/missing-too", ""},
		{"/loop-a", lint.StatusUnreachable, "redirect loop: " + base + "/loop-b leads back to " + base + "/loop-a", ""},
		{"/chain/0", lint.StatusUnreachable, "more than 10 redirects", ""},
		{"/cookie", lint.StatusOK, "", ""},
		{"/rate-limited-once", lint.StatusOK, "", ""},
		{"/rate-limited", lint.StatusUnknown, "429 Too Many Requests, rate limited", ""},
		{"/rate-limited-long", lint.StatusUnknown, "429 Too Many Requests, rate limited (asked to wait 1h0m0s)", ""},
		{"/flaky", lint.StatusOK, "", ""},
		{"/down", lint.StatusUnreachable, "503 Service Unavailable after 2 tries", ""},
		{"/no-head", lint.StatusOK, "", ""},
		{"/head-404", lint.StatusOK, "", ""},
		{"/huge", lint.StatusOK, "", ""},
		{"/login", lint.StatusOK, "", ""},
		{"/forbidden", lint.StatusUnknown, "403 Forbidden, the site refuses robots", ""},
		{"/linkedin", lint.StatusUnknown, "999, the site turns link checkers away", ""},
		{"/challenge", lint.StatusUnknown, "403 Forbidden, a Cloudflare challenge page", ""},
		{"/bad-request", lint.StatusUnreachable, "400 Bad Request", ""},
		{"/to-mailto", lint.StatusUnreachable, `302 Found to "mailto:someone@example.org", which is not a web address`, ""},
	}
	var targets []lint.Target
	for _, tc := range cases {
		targets = append(targets, urlTarget(base+tc.path))
	}
	start := time.Now()
	got := probe(t, c, targets...)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("probe took %s", d)
	}
	for _, tc := range cases {
		v := got[urlTarget(base+tc.path)]
		if v.Status != tc.status || v.Detail != tc.detail || v.Location != tc.location {
			t.Errorf("%s: got %s %q %q, want %s %q %q", tc.path, v.Status, v.Detail, v.Location, tc.status, tc.detail, tc.location)
		}
	}
	t.Run("HEAD first, GET when HEAD is refused or doubtful", func(t *testing.T) {
		for path, want := range map[string]string{"/ok": "HEAD", "/no-head": "HEAD GET", "/head-404": "HEAD GET", "/missing": "HEAD GET"} {
			var methods []string
			for _, r := range log.all() {
				if strings.HasSuffix(r, " "+path) {
					methods = append(methods, strings.Fields(r)[0])
				}
			}
			if got := strings.Join(methods, " "); got != want {
				t.Errorf("%s: requests %q, want %q", path, got, want)
			}
		}
	})
	t.Run("a rate limit is retried once, after Retry-After", func(t *testing.T) {
		if n := log.count(" /rate-limited "); n != 0 {
			t.Fatal("prefix clash")
		}
		if n := log.count("HEAD site.test:" + port + " /rate-limited"); n < 2 {
			t.Errorf("rate-limited paths asked %d times", n)
		}
		var times []time.Time
		log.mu.Lock()
		for i, r := range log.reqs {
			if strings.HasSuffix(r, " /rate-limited-once") {
				times = append(times, log.at[i])
			}
		}
		log.mu.Unlock()
		if len(times) != 2 || times[1].Sub(times[0]) < 900*time.Millisecond {
			t.Errorf("/rate-limited-once asked at %v, want twice, a second apart", times)
		}
		if n := log.count(" /rate-limited-long"); n != 1 {
			t.Errorf("/rate-limited-long asked %d times, want once: an hour is too long to wait", n)
		}
	})
	t.Run("every request names contentlint", func(t *testing.T) {
		log.mu.Lock()
		defer log.mu.Unlock()
		for i, ua := range log.ua {
			if ua != DefaultUserAgent {
				t.Fatalf("%s: User-Agent %q", log.reqs[i], ua)
			}
		}
	})
}

// TestURLTimeout: a server slower than the timeout is unreachable, after
// the retries, without waiting for it.
func TestURLTimeout(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver().Loopback("slow.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.Config.Timeout = 200 * time.Millisecond
	c := New(opts)
	start := time.Now()
	v := probe(t, c, urlTarget("http://slow.test/slow"))[urlTarget("http://slow.test/slow")]
	if v.Status != lint.StatusUnreachable || v.Detail != "timed out after 200ms after 2 tries" {
		t.Errorf("got %s %q", v.Status, v.Detail)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
}

// TestHostNotFound: a host that does not exist is a dead link; a lookup
// that fails is not.
func TestHostNotFound(t *testing.T) {
	res := onlinetest.NewResolver()
	res.Failing["flaky-dns.test"] = true
	c := New(fastOptions(Network{Resolver: res}))
	got := probe(t, c, urlTarget("https://gone.test/"), urlTarget("https://flaky-dns.test/"))
	if v := got[urlTarget("https://gone.test/")]; v.Status != lint.StatusDead || v.Detail != `the host "gone.test" does not exist` {
		t.Errorf("gone.test: %s %q", v.Status, v.Detail)
	}
	if v := got[urlTarget("https://flaky-dns.test/")]; v.Status != lint.StatusUnreachable || v.Detail != `looking up "flaky-dns.test" failed after 2 tries` {
		t.Errorf("flaky-dns.test: %s %q", v.Status, v.Detail)
	}
}

// TestSelfSignedCertificate: a certificate nobody vouches for is
// unreachable, never dead; trusted, the same server is fine.
func TestSelfSignedCertificate(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	srv.Config.ErrorLog = quietLog()
	// httptest's certificate is for example.com.
	n := Network{Resolver: onlinetest.NewResolver().Loopback("example.com", "tls.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String())}
	target := urlTarget("https://example.com/")
	v := probe(t, New(fastOptions(n)), target)[target]
	if v.Status != lint.StatusUnreachable || v.Detail != "TLS: the certificate is signed by an unknown authority" {
		t.Errorf("untrusted: %s %q", v.Status, v.Detail)
	}
	n.TLS = trustServer(srv)
	if v = probe(t, New(fastOptions(n)), target)[target]; v.Status != lint.StatusOK {
		t.Errorf("trusted: %s %q", v.Status, v.Detail)
	}
	other := urlTarget("https://tls.test/")
	v = probe(t, New(fastOptions(n)), other)[other]
	if v.Status != lint.StatusUnreachable || v.Detail != "TLS: the certificate is for another host (x509: certificate is valid for example.com, *.example.com, not tls.test)" {
		t.Errorf("wrong host: %s %q", v.Status, v.Detail)
	}
}

// TestLimits: never more than PerHost requests at once to one host, nor
// more than Concurrency in all, and hosts take turns.
func TestLimits(t *testing.T) {
	var mu sync.Mutex
	perHost := map[string]int{}
	maxPerHost, total, maxTotal := 0, 0, 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		perHost[r.Host]++
		total++
		maxPerHost, maxTotal = max(maxPerHost, perHost[r.Host]), max(maxTotal, total)
		mu.Unlock()
		time.Sleep(20 * time.Millisecond)
		mu.Lock()
		perHost[r.Host]--
		total--
		mu.Unlock()
	}))
	defer srv.Close()
	res := onlinetest.NewResolver()
	var targets []lint.Target
	for h := range 6 {
		host := fmt.Sprintf("h%d.test", h)
		res.Loopback(host)
		for p := range 10 {
			targets = append(targets, urlTarget(fmt.Sprintf("http://%s/%d", host, p)))
		}
	}
	opts := fastOptions(Network{Resolver: res, Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.Config.Concurrency, opts.Config.PerHost = 8, 2
	got := probe(t, New(opts), targets...)
	for _, tg := range targets {
		if got[tg].Status != lint.StatusOK {
			t.Errorf("%s: %s %q", tg, got[tg].Status, got[tg].Detail)
		}
	}
	if maxPerHost != 2 || maxTotal > 8 {
		t.Errorf("at most %d at once on one host and %d in all, want 2 and at most 8", maxPerHost, maxTotal)
	}
}

// TestRunTimeout: past the run's time limit, what is left is unknown and
// the probe returns at once.
func TestRunTimeout(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver().Loopback("slow.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.Config.RunTimeout = 300 * time.Millisecond
	opts.Config.PerHost = 1
	var targets []lint.Target
	for i := range 5 {
		targets = append(targets, urlTarget(fmt.Sprintf("http://slow.test/slow?%d", i)))
	}
	start := time.Now()
	got := probe(t, New(opts), targets...)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %s", d)
	}
	for _, tg := range targets {
		if v := got[tg]; v.Status != lint.StatusUnknown || v.Detail != "not checked within the online run timeout (300ms)" {
			t.Errorf("%s: %s %q", tg, v.Status, v.Detail)
		}
	}
}

// TestDeterministic: the same targets give the same verdicts whatever the
// limits, and so whatever the order the checks ran in.
func TestDeterministic(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	res := onlinetest.NewResolver().Loopback("a.test", "b.test")
	var targets []lint.Target
	for _, h := range []string{"a.test", "b.test"} {
		for _, p := range []string{"/ok", "/missing", "/moved", "/loop-a", "/down", "/no-head"} {
			targets = append(targets, urlTarget("http://"+h+p))
		}
	}
	var first map[lint.Target]lint.Verdict
	for _, limits := range [][2]int{{1, 1}, {4, 2}, {32, 8}} {
		opts := fastOptions(Network{Resolver: res, Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
		opts.Config.Concurrency, opts.Config.PerHost = limits[0], limits[1]
		got := probe(t, New(opts), targets...)
		if first == nil {
			first = got
			continue
		}
		for _, tg := range targets {
			if got[tg] != first[tg] {
				t.Errorf("limits %v: %s = %+v, before %+v", limits, tg, got[tg], first[tg])
			}
		}
	}
}

// TestAccept: status codes a host pattern accepts count as alive,
// redirects included (they are then not followed).
func TestAccept(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	opts := fastOptions(Network{Resolver: onlinetest.NewResolver().Loopback("site.test", "other.test"), Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.Config.Accept = []lint.OnlineAccept{{Hosts: []string{"site.*"}, Status: []int{403, 301, 400}}}
	targets := []lint.Target{urlTarget("http://site.test/forbidden"), urlTarget("http://site.test/moved"), urlTarget("http://site.test/bad-request"),
		urlTarget("http://other.test/bad-request")}
	got := probe(t, New(opts), targets...)
	for i, want := range []lint.Status{lint.StatusOK, lint.StatusOK, lint.StatusOK, lint.StatusUnreachable} {
		if v := got[targets[i]]; v.Status != want {
			t.Errorf("%s: %s %q, want %s", targets[i], v.Status, v.Detail, want)
		}
	}
	if n := log.count(" /step"); n != 0 {
		t.Errorf("an accepted redirect was followed")
	}
}
