// Package onlinetest helps test online checks without a network: a DNS
// resolver answered from maps, a dial that sends every connection to a
// local server, and TLS servers with certificates for any host name, as
// net/http/httptest does for HTTP.
package onlinetest

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync"
	"time"
)

// Resolver answers DNS from maps; a name in none of them does not exist
// (NXDOMAIN). It is safe for concurrent use; set its maps before use.
type Resolver struct {
	Addrs map[string][]netip.Addr
	MX    map[string][]*net.MX
	TXT   map[string][]string
	// Failing names answer every lookup with a temporary error.
	Failing map[string]bool

	mu    sync.Mutex
	calls int
}

// NewResolver returns an empty resolver.
func NewResolver() *Resolver {
	return &Resolver{Addrs: map[string][]netip.Addr{}, MX: map[string][]*net.MX{}, TXT: map[string][]string{}, Failing: map[string]bool{}}
}

// Loopback makes names resolve to 127.0.0.1.
func (r *Resolver) Loopback(names ...string) *Resolver {
	for _, n := range names {
		r.Addrs[n] = []netip.Addr{netip.MustParseAddr("127.0.0.1")}
	}
	return r
}

// Lookups returns the number of lookups made.
func (r *Resolver) Lookups() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.calls
}

func lookup[T any](r *Resolver, m map[string]T, name string) (T, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls++
	var zero T
	if r.Failing[name] {
		return zero, &net.DNSError{Err: "server misbehaving", Name: name, IsTemporary: true}
	}
	if v, ok := m[name]; ok {
		return v, nil
	}
	return zero, &net.DNSError{Err: "no such host", Name: name, IsNotFound: true}
}

// LookupNetIP answers from Addrs.
func (r *Resolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	return lookup(r, r.Addrs, host)
}

// LookupMX answers from MX.
func (r *Resolver) LookupMX(_ context.Context, name string) ([]*net.MX, error) {
	return lookup(r, r.MX, name)
}

// LookupTXT answers from TXT.
func (r *Resolver) LookupTXT(_ context.Context, name string) ([]string, error) {
	return lookup(r, r.TXT, name)
}

// RouteTo returns a dial that connects every address to addr, a local
// server, whatever the address the checker resolved and allowed.
func RouteTo(addr string) func(ctx context.Context, network, address string) (net.Conn, error) {
	return func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, addr)
	}
}

// RouteByPort connects addresses on port 80 to plain and on port 443 to
// tls (host:port of local servers); other ports go to plain.
func RouteByPort(plain, tls string) func(ctx context.Context, network, address string) (net.Conn, error) {
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		to := plain
		if _, port, _ := net.SplitHostPort(address); port == "443" {
			to = tls
		}
		var d net.Dialer
		return d.DialContext(ctx, network, to)
	}
}

// NewTLSServer starts an HTTPS server on loopback with a certificate for
// hosts, signed by a new authority, and returns the server and a TLS
// configuration that trusts that authority. Leave the configuration out
// and the server's certificate is as untrusted as a self-signed one.
func NewTLSServer(h http.Handler, hosts ...string) (*httptest.Server, *tls.Config) {
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	now := time.Now()
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "onlinetest authority"},
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		panic(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: hosts[0]}, DNSNames: hosts,
		NotBefore: now.Add(-time.Hour), NotAfter: now.Add(24 * time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	leafDER, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		panic(err)
	}
	srv := httptest.NewUnstartedServer(h)
	// The chain ends with the authority, as AuthorityPEM expects.
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{leafDER, caDER}, PrivateKey: key}}}
	srv.StartTLS()
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	return srv, &tls.Config{RootCAs: pool}
}

// AuthorityPEM returns, PEM-encoded, the authority that signed the
// certificate of a server NewTLSServer started, for a process that must
// trust it too.
func AuthorityPEM(srv *httptest.Server) []byte {
	chain := srv.TLS.Certificates[0].Certificate
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: chain[len(chain)-1]})
}

// Port returns the port a local server listens on.
func Port(srv *httptest.Server) string {
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	return port
}

// Farm is a link farm for benchmarks: one handler that answers for any
// number of host names, each answer after Delay, and records how many
// requests were in flight at once for each host.
type Farm struct {
	Delay time.Duration

	mu        sync.Mutex
	inFlight  map[string]int
	maxFlight map[string]int
	requests  int
}

// ServeHTTP answers 200 after the delay (sooner if the client gives up).
func (f *Farm) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host
	}
	f.mu.Lock()
	if f.inFlight == nil {
		f.inFlight, f.maxFlight = map[string]int{}, map[string]int{}
	}
	f.requests++
	f.inFlight[host]++
	f.maxFlight[host] = max(f.maxFlight[host], f.inFlight[host])
	f.mu.Unlock()
	select {
	case <-time.After(f.Delay):
	case <-r.Context().Done():
	}
	f.mu.Lock()
	f.inFlight[host]--
	f.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte("<!doctype html><title>farm</title><p>ok</p>\n"))
}

// Stats returns the requests served and the most in flight at once for
// any one host.
func (f *Farm) Stats() (requests, maxPerHost int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, n := range f.maxFlight {
		maxPerHost = max(maxPerHost, n)
	}
	return f.requests, maxPerHost
}

// Reset forgets the counts.
func (f *Farm) Reset() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.inFlight, f.maxFlight, f.requests = nil, nil, 0
}
