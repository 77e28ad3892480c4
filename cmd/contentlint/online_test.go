package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/glasgow-open-data/contentlint/lint/online"
	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
)

// The scripts' network: local servers for a few real-looking hosts, so
// that testdata/script/online*.txtar run contentlint lint --online end to
// end without leaving the machine. TestScripts starts the servers; the
// contentlint the scripts run (a copy of this test binary) finds them
// through CONTENTLINT_TESTNET, which only tests set.

// testnetHosts resolve to 127.0.0.1; every other name does not exist.
var testnetHosts = []string{"glasgowopendata.org", "www.glasgowopendata.org", "data.glasgow.gov.uk", "api.github.test", "mastodon.scot"}

// testnetHandler answers for every host of the scripts' network.
func testnetHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.Host)
		if err != nil {
			host = r.Host
		}
		switch host + r.URL.Path {
		case "glasgowopendata.org/", "glasgowopendata.org/charter/", "www.glasgowopendata.org/", "data.glasgow.gov.uk/":
		case "glasgowopendata.org/charter":
			http.Redirect(w, r, "/charter/", http.StatusMovedPermanently)
		case "glasgowopendata.org/slow":
			time.Sleep(300 * time.Millisecond)
		case "glasgowopendata.org/busy":
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		case "api.github.test/users/glasgow-open-data":
			w.Write([]byte(`{"login":"glasgow-open-data"}`))
		case "mastodon.scot/.well-known/webfinger":
			if r.URL.Query().Get("resource") == "acct:glasgowopendata@mastodon.scot" {
				w.Write([]byte(`{"subject":"acct:glasgowopendata@mastodon.scot"}`))
				return
			}
			http.NotFound(w, r)
		default:
			http.NotFound(w, r)
		}
	})
}

// startTestnet starts the scripts' servers (plain HTTP and HTTPS) and
// returns the value of CONTENTLINT_TESTNET that points at them.
func startTestnet(t *testing.T) string {
	plain := httptest.NewServer(testnetHandler())
	secure, _ := onlinetest.NewTLSServer(testnetHandler(), testnetHosts...)
	t.Cleanup(plain.Close)
	t.Cleanup(secure.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, onlinetest.AuthorityPEM(secure), 0o644); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%s %s %s", plain.Listener.Addr(), secure.Listener.Addr(), ca)
}

// testnet is the network the scripts' contentlint uses: their servers
// and names, else the machine's.
func testnet(spec string) online.Network {
	f := strings.Fields(spec)
	if len(f) != 3 {
		return online.Network{}
	}
	pool := x509.NewCertPool()
	if data, err := os.ReadFile(f[2]); err == nil {
		pool.AppendCertsFromPEM(data)
	}
	res := onlinetest.NewResolver().Loopback(testnetHosts...)
	res.MX["glasgowopendata.org"] = []*net.MX{{Host: "mx.glasgowopendata.org.", Pref: 10}}
	return online.Network{Resolver: res, Dial: onlinetest.RouteByPort(f[0], f[1]), TLS: &tls.Config{RootCAs: pool}}
}

// TestProgressBar: on a terminal, --online draws a progress bar on
// standard error (checked / total, failures, time left) and clears it;
// not on a terminal, nor with --quiet.
func TestProgressBar(t *testing.T) {
	network := testnet(startTestnet(t))
	dir := t.TempDir()
	entry := "---\ntitle: \"Glasgow Open Data\"\nwebsite: \"https://glasgowopendata.org/old-site\"\n---\n\n" +
		"[Portal](https://data.glasgow.gov.uk/) and [a slow page](https://glasgowopendata.org/slow).\n"
	if err := os.WriteFile(filepath.Join(dir, "entry.md"), []byte(entry), 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(config, []byte("collections:\n  - name: all\n    include: [\"*.md\"]\n    fields:\n      url: [website]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		terminal bool
		args     []string
		bar      bool
	}{
		{"terminal", true, nil, true},
		{"not a terminal", false, nil, false},
		{"quiet", true, []string{"--quiet"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			c := &Command{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
				Network: network, ErrTerminal: tc.terminal}
			args := append([]string{"contentlint", "lint", "--config", config, "--online", "--online-allow-private", "--no-online-cache"}, tc.args...)
			if code := c.Main(append(args, dir)); code != 1 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			// The bar is throttled: the slow page lets it be drawn after the
			// dead link failed, then it is cleared before the summary.
			stderr := errOut.String()
			drawn := strings.Contains(stderr, "online: 1 failed, 0 unknown") && strings.Contains(stderr, "/3) [")
			if drawn && !strings.Contains(stderr, "\r"+strings.Repeat(" ", 40)) {
				t.Errorf("the bar was not cleared:\n%q", stderr)
			}
			if drawn != tc.bar {
				t.Errorf("progress bar drawn: %v, want %v; stderr:\n%q", drawn, tc.bar, stderr)
			}
			if !strings.Contains(out.String(), "[link-dead]") {
				t.Errorf("report: %s", out.String())
			}
		})
	}
}
