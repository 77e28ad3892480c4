package online

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"syscall"
	"time"
)

// Resolver looks names up in DNS; *net.Resolver is one. Tests use fakes.
type Resolver interface {
	LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error)
	LookupMX(ctx context.Context, name string) ([]*net.MX, error)
	LookupTXT(ctx context.Context, name string) ([]string, error)
}

// DialFunc opens a connection to address, an IP address and port that the
// checker has already resolved and allowed.
type DialFunc func(ctx context.Context, network, address string) (net.Conn, error)

// Network is every way the checker reaches the network: this file is the
// only one that touches package net's resolver and dialer, and a test
// checks that. A nil field means the machine's own.
type Network struct {
	Resolver Resolver
	// Dial connects to an allowed address; nil uses a net.Dialer that
	// checks each address again as the socket connects.
	Dial DialFunc
	// TLS is the TLS configuration to start from (tests add their
	// certificate authority); nil means the system's roots.
	TLS *tls.Config
}

// resolver returns n's resolver or the system's.
func (n Network) resolver() Resolver {
	if n.Resolver != nil {
		return n.Resolver
	}
	return net.DefaultResolver
}

// RefusedError is a connection the checker would not make: every address
// the host resolved to is one an entry must not reach.
type RefusedError struct {
	Host string
	Addr netip.Addr
	Why  string // "a loopback address", ...
}

func (e *RefusedError) Error() string {
	if e.Host == e.Addr.String() {
		return fmt.Sprintf("%s is %s", e.Host, e.Why)
	}
	return fmt.Sprintf("%s resolves to %s, %s", e.Host, e.Addr, e.Why)
}

// trustedKey marks requests to endpoints the environment chose (the GitHub
// API), which may be on a private network, unlike what entries name.
type trustedKey struct{}

func trusted(ctx context.Context) context.Context { return context.WithValue(ctx, trustedKey{}, true) }

func isTrusted(ctx context.Context) bool { v, _ := ctx.Value(trustedKey{}).(bool); return v }

// cloudMetadata are the instance metadata services of the large clouds:
// they hand out credentials to whoever asks from inside, so they are
// refused even with AllowPrivate.
var cloudMetadata = []netip.Prefix{
	netip.MustParsePrefix("169.254.169.254/32"), // AWS, GCP, Azure, Oracle, DigitalOcean, ...
	netip.MustParsePrefix("169.254.170.2/32"),   // AWS ECS task metadata
	netip.MustParsePrefix("169.254.169.253/32"), // AWS DNS
	netip.MustParsePrefix("100.100.100.200/32"), // Alibaba Cloud
	netip.MustParsePrefix("168.63.129.16/32"),   // Azure WireServer (a public address)
	netip.MustParsePrefix("192.0.0.192/32"),     // Oracle Cloud (classic)
	netip.MustParsePrefix("fd00:ec2::254/128"),  // AWS over IPv6
	netip.MustParsePrefix("fd00:ec2::23/128"),   // AWS DNS over IPv6
}

// internal are ranges not reachable from the public internet that
// netip has no predicate for (RFC 6890 special-purpose registries).
var internal = []struct {
	p   netip.Prefix
	why string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), `a "this network" address`},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "a reserved protocol address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local address"},
}

// nat64 and sixToFour are IPv6 prefixes that carry an IPv4 address in
// their last 32 bits (NAT64, RFC 6052) or after the prefix (6to4, RFC
// 3056), through which a private or metadata IPv4 address could otherwise
// be reached.
var nat64 = netip.MustParsePrefix("64:ff9b::/96")
var sixToFour = netip.MustParsePrefix("2002::/16")

// metadataAddress is refusal's reason for a cloud metadata service, which
// no flag allows.
const metadataAddress = "a cloud metadata address"

// refusal says why the checker will not connect to a, or "" when it may.
// Loopback, private, link-local and other internal addresses are allowed
// only with allowPrivate; cloud metadata services never.
func refusal(a netip.Addr, allowPrivate bool) string {
	a = a.Unmap()
	// The IPv4 address inside comes first: a metadata service wrapped in
	// IPv6 is refused even with allowPrivate.
	if a.Is6() {
		b := a.As16()
		switch {
		case nat64.Contains(a):
			return refusal(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}), allowPrivate)
		case sixToFour.Contains(a):
			return refusal(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}), allowPrivate)
		}
	}
	for _, p := range cloudMetadata {
		if p.Contains(a) {
			return metadataAddress
		}
	}
	if allowPrivate {
		return ""
	}
	switch {
	case !a.IsValid():
		return "not an address"
	case a.IsUnspecified():
		return "an unspecified address"
	case a.IsLoopback():
		return "a loopback address"
	case a.IsPrivate():
		return "a private address"
	case a.IsLinkLocalUnicast():
		return "a link-local address"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast(), a.IsLinkLocalMulticast():
		return "a multicast address"
	case a == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "the broadcast address"
	}
	for _, r := range internal {
		if r.p.Contains(a) {
			return r.why
		}
	}
	return ""
}

// dialer opens connections for the checker's HTTP transport: it resolves
// the host itself, refuses addresses an entry must not reach, and dials
// the allowed addresses only, so that a name cannot resolve to one address
// when checked and another when connected (DNS rebinding). The default
// dial checks each address once more as the socket connects.
type dialer struct {
	resolver     Resolver
	dial         DialFunc
	allowPrivate bool
	timeout      time.Duration
}

func newDialer(n Network, allowPrivate bool, timeout time.Duration, resolver Resolver) *dialer {
	d := &dialer{resolver: resolver, dial: n.Dial, allowPrivate: allowPrivate, timeout: timeout}
	if d.dial == nil {
		nd := &net.Dialer{Timeout: timeout, KeepAlive: 30 * time.Second, ControlContext: d.control}
		d.dial = nd.DialContext
	}
	return d
}

// control is the last check, on the address the socket is about to
// connect to, whatever led there.
func (d *dialer) control(ctx context.Context, _, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("cannot check the address %q: %w", address, err)
	}
	if why := refusal(ap.Addr(), d.allowPrivate || isTrusted(ctx)); why != "" {
		return &RefusedError{Host: ap.Addr().String(), Addr: ap.Addr(), Why: why}
	}
	return nil
}

// DialContext resolves address's host, keeps the allowed addresses and
// connects to the first that answers.
func (d *dialer) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	host, portText, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portText, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("bad port in %q", address)
	}
	addrs, err := d.lookup(ctx, host)
	if err != nil {
		return nil, err
	}
	allowPrivate := d.allowPrivate || isTrusted(ctx)
	var refused *RefusedError
	var firstErr error
	for _, a := range addrs {
		if why := refusal(a, allowPrivate); why != "" {
			if refused == nil {
				refused = &RefusedError{Host: host, Addr: a.Unmap(), Why: why}
			}
			continue
		}
		conn, err := d.dial(ctx, network, netip.AddrPortFrom(a.Unmap(), uint16(port)).String())
		if err == nil {
			return conn, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	switch {
	case firstErr != nil:
		return nil, firstErr
	case refused != nil:
		return nil, refused
	}
	return nil, &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
}

// lookup resolves host, or parses it when it is an address.
func (d *dialer) lookup(ctx context.Context, host string) ([]netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		return []netip.Addr{a}, nil
	}
	return d.resolver.LookupNetIP(ctx, "ip", host)
}

// errNotFound reports whether err says a DNS name does not exist.
func errNotFound(err error) bool {
	var dns *net.DNSError
	return errors.As(err, &dns) && dns.IsNotFound
}
