package online

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/online/onlinetest"
)

// TestRefusal: what may be connected to, by address.
func TestRefusal(t *testing.T) {
	for _, tc := range []struct {
		addr         string
		allowPrivate bool
		want         string
	}{
		{"93.184.215.14", false, ""},
		{"2606:2800:21f:cb07:6820:80da:af6b:8b2c", false, ""},
		{"127.0.0.1", false, "a loopback address"},
		{"127.8.9.10", false, "a loopback address"},
		{"::1", false, "a loopback address"},
		{"10.1.2.3", false, "a private address"},
		{"172.16.0.1", false, "a private address"},
		{"192.168.1.1", false, "a private address"},
		{"fd12:3456::1", false, "a private address"},
		{"169.254.10.10", false, "a link-local address"},
		{"fe80::1", false, "a link-local address"},
		{"0.0.0.0", false, "an unspecified address"},
		{"::", false, "an unspecified address"},
		{"100.64.1.1", false, "a carrier-grade NAT address"},
		{"224.0.0.1", false, "a multicast address"},
		{"255.255.255.255", false, "the broadcast address"},
		{"::ffff:10.0.0.1", false, "a private address"},          // IPv4-mapped
		{"64:ff9b::a00:1", false, "a private address"},           // NAT64 of 10.0.0.1
		{"2002:7f00:1::1", false, "a loopback address"},          // 6to4 of 127.0.0.1
		{"64:ff9b::a9fe:a9fe", true, "a cloud metadata address"}, // NAT64 of 169.254.169.254, even when private is allowed
		{"2002:a9fe:a9fe::1", true, "a cloud metadata address"},  // 6to4 of it
		{"64:ff9b::a00:1", true, ""},                             // NAT64 of 10.0.0.1, private allowed
		{"169.254.169.254", false, "a cloud metadata address"},   // the usual one
		{"169.254.169.254", true, "a cloud metadata address"},    // even when private is allowed
		{"168.63.129.16", true, "a cloud metadata address"},      // Azure's, a public address
		{"fd00:ec2::254", true, "a cloud metadata address"},
		{"100.100.100.200", true, "a cloud metadata address"},
		{"127.0.0.1", true, ""},
		{"10.1.2.3", true, ""},
	} {
		if got := refusal(netip.MustParseAddr(tc.addr), tc.allowPrivate); got != tc.want {
			t.Errorf("refusal(%s, allowPrivate=%v) = %q, want %q", tc.addr, tc.allowPrivate, got, tc.want)
		}
	}
}

// TestPrivateRefused: a link to a name that resolves to a private address
// is refused before any connection and reported; with AllowPrivate it is
// checked; the server never hears of the refused one.
func TestPrivateRefused(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	res := onlinetest.NewResolver().Loopback("intranet.test")
	res.Addrs["metadata.test"] = []netip.Addr{netip.MustParseAddr("169.254.169.254")}
	n := Network{Resolver: res, Dial: onlinetest.RouteTo(srv.Listener.Addr().String())}
	opts := fastOptions(n)
	opts.AllowPrivate = false
	got := probe(t, New(opts), urlTarget("http://intranet.test/ok"), urlTarget("http://metadata.test/latest/meta-data/"))
	want := map[string]string{
		"http://intranet.test/ok":                "intranet.test resolves to 127.0.0.1, a loopback address; contentlint connects to such addresses only with --online-allow-private",
		"http://metadata.test/latest/meta-data/": "metadata.test resolves to 169.254.169.254, a cloud metadata address; contentlint never connects to cloud metadata services",
	}
	for u, detail := range want {
		if v := got[urlTarget(u)]; v.Status != lint.StatusRefused || v.Detail != detail {
			t.Errorf("%s: %s %q, want refused %q", u, v.Status, v.Detail, detail)
		}
	}
	if reqs := log.all(); len(reqs) != 0 {
		t.Errorf("the server was asked %v", reqs)
	}
	opts.AllowPrivate = true
	got = probe(t, New(opts), urlTarget("http://intranet.test/ok"), urlTarget("http://metadata.test/latest/meta-data/"))
	if v := got[urlTarget("http://intranet.test/ok")]; v.Status != lint.StatusOK {
		t.Errorf("allowed: %s %q", v.Status, v.Detail)
	}
	if v := got[urlTarget("http://metadata.test/latest/meta-data/")]; v.Status != lint.StatusRefused {
		t.Errorf("metadata with private allowed: %s %q", v.Status, v.Detail)
	}
}

// TestRedirectToPrivate: a public page that redirects into the private
// network is refused at the redirect, and the private page is never asked.
func TestRedirectToPrivate(t *testing.T) {
	log := &requestLog{}
	srv := site(t, log)
	res := onlinetest.NewResolver()
	res.Addrs["public.test"] = []netip.Addr{netip.MustParseAddr("93.184.215.14")}
	res.Addrs["intranet.test"] = []netip.Addr{netip.MustParseAddr("10.0.0.5")}
	// Every allowed connection goes to the local server, whatever the
	// public address: the test never leaves the machine.
	opts := fastOptions(Network{Resolver: res, Dial: onlinetest.RouteTo(srv.Listener.Addr().String())})
	opts.AllowPrivate = false
	target := urlTarget("http://public.test/to-intranet")
	v := probe(t, New(opts), target)[target]
	want := "intranet.test resolves to 10.0.0.5, a private address; contentlint connects to such addresses only with --online-allow-private after a redirect to http://intranet.test/admin"
	if v.Status != lint.StatusRefused || v.Detail != want {
		t.Errorf("got %s %q, want refused %q", v.Status, v.Detail, want)
	}
	if n := log.count("/admin"); n != 0 {
		t.Errorf("the private page was asked %d times", n)
	}
}

// rebinding answers a public address the first time a name is looked up
// and a private one after: the trick that beats a check made before the
// connection. Each connection resolves and checks again, so it fails.
type rebinding struct {
	*onlinetest.Resolver
	mu    sync.Mutex
	calls int
}

func (r *rebinding) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	r.mu.Lock()
	r.calls++
	n := r.calls
	r.mu.Unlock()
	if n == 1 {
		return []netip.Addr{netip.MustParseAddr("93.184.215.14")}, nil
	}
	return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
}

func TestDNSRebinding(t *testing.T) {
	var dialed []string
	var mu sync.Mutex
	d := newDialer(Network{Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
		mu.Lock()
		dialed = append(dialed, address)
		mu.Unlock()
		return nil, errors.New("no network in tests")
	}}, false, 0, &rebinding{Resolver: onlinetest.NewResolver()})
	_, err := d.DialContext(context.Background(), "tcp", "rebind.test:80")
	if err == nil || err.Error() != "no network in tests" {
		t.Fatalf("first dial: %v", err)
	}
	_, err = d.DialContext(context.Background(), "tcp", "rebind.test:80")
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("second dial: %v, want refused", err)
	}
	if len(dialed) != 1 || dialed[0] != "93.184.215.14:80" {
		t.Errorf("dialed %v, want only the public address", dialed)
	}
}

// TestControlRefuses: the default dialer checks the address once more as
// the socket connects, so nothing reaches a refused address whatever led
// to it.
func TestControlRefuses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		t.Error("the server was reached")
	}))
	defer srv.Close()
	d := newDialer(Network{}, false, 0, onlinetest.NewResolver())
	if err := d.control(context.Background(), "tcp", "127.0.0.1:80", nil); err == nil || !strings.Contains(err.Error(), "loopback") {
		t.Errorf("control(127.0.0.1) = %v", err)
	}
	if err := d.control(context.Background(), "tcp", "93.184.215.14:443", nil); err != nil {
		t.Errorf("control(public) = %v", err)
	}
	if err := d.control(trusted(context.Background()), "tcp", "127.0.0.1:80", nil); err != nil {
		t.Errorf("control(trusted loopback) = %v", err)
	}
	// Past the resolver's check, straight at the socket.
	_, err := d.dial(context.Background(), "tcp", srv.Listener.Addr().String())
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Errorf("dial of the loopback server: %v, want refused", err)
	}
}
