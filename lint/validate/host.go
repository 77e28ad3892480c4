package validate

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"

	"golang.org/x/net/idna"
)

// hostKind selects the noun and the advice used in host-name messages, so one
// checker serves the email domain, the URL host, the "hostname" format and a
// Mastodon server.
type hostKind uint8

const (
	hostEmail hostKind = iota
	hostURL
	hostName
	hostServer
)

func (k hostKind) noun() string {
	switch k {
	case hostEmail:
		return "domain"
	case hostURL:
		return "host"
	case hostServer:
		return "server"
	default:
		return "host name"
	}
}

// hostname is the "hostname" format: a public DNS host name, IDNA-checked.
func hostname(s string) error {
	if s == "" {
		return errors.New(`is empty; write a host name like "example.org"`)
	}
	if i := findInvisible(s); i >= 0 {
		return invisibleError(s, i, "host names cannot contain spaces, so remove it")
	}
	_, err := checkHost(s, hostName)
	return err
}

// checkHost validates a public DNS host name and returns the length of its
// ASCII (A-label) form, which is what the RFC 5321 and RFC 1035 length limits
// count. The rules are the RFC 1123 §2.1 host name syntax (letters, digits and
// hyphens; labels of 1–63 octets that neither start nor end with a hyphen;
// at most 253 octets in all, RFC 1035 §2.3.4 less the root's dot), plus what a
// directory of public contacts needs: at least two labels, and a top-level
// label that is alphabetic or an IDNA "xn--" label (RFC 3696 §2: "a TLD ...
// is not all-numeric"; every delegated TLD is letters or punycode).
// Internationalised names are converted with the UTS #46 lookup profile of
// golang.org/x/net/idna (RFC 5891 §5), which also validates "xn--" labels.
func checkHost(h string, k hostKind) (int, error) {
	noun := k.noun()
	if h == "" {
		return 0, errors.New(noun + " is empty")
	}
	// A dotted string of digits is an attempt at an IPv4 address (RFC 1123
	// §2.1 says to check for the numeric form first); IPv6 contains colons.
	if isIPish(h) || strings.IndexByte(h, ':') >= 0 && validIP(h) {
		switch k {
		case hostEmail:
			return 0, fmt.Errorf("uses the numeric address %q instead of a domain name; use the organisation's domain, like \"name@example.org\"", h)
		case hostName:
			return 0, fmt.Errorf("%q is an IP address, not a host name; use the domain name", h)
		default:
			return 0, fmt.Errorf("%s %q is an IP address; use the domain name", noun, h)
		}
	}
	idn, err := checkLabels(h, noun, true)
	if err != nil {
		return 0, err
	}
	if idn {
		a, err := idna.Lookup.ToASCII(h)
		if err != nil {
			return 0, fmt.Errorf("%s %q is not a valid internationalised domain name; check its spelling", noun, h)
		}
		// The conversion may map characters (upper case, full-width
		// dots), so the structural rules are checked again on the result.
		if _, err := checkLabels(a, noun, false); err != nil {
			return 0, fmt.Errorf("%s %q is not a valid internationalised domain name; check its spelling", noun, h)
		}
		h = a
	}
	dot := strings.LastIndexByte(h, '.')
	if dot < 0 {
		if strings.EqualFold(h, "localhost") {
			return 0, fmt.Errorf("%s \"localhost\" only works on your own computer; use the organisation's public domain name", noun)
		}
		switch k {
		case hostEmail:
			return 0, fmt.Errorf("domain %q has no dot; use the full domain, like \"name@example.org\"", h)
		case hostURL:
			return 0, fmt.Errorf("host %q has no dot; a public web address needs a full domain name, like \"https://example.org\"", h)
		default:
			return 0, fmt.Errorf("%s %q has no dot; use the full domain name, like \"example.org\"", noun, h)
		}
	}
	tld := h[dot+1:]
	if allDigits(tld) {
		return 0, fmt.Errorf("%s %q ends in the number %q, but a top-level domain is never numeric; check for a typing mistake", noun, h, tld)
	}
	if !allAlpha(tld) && !hasPrefixFold(tld, "xn--") {
		return 0, fmt.Errorf("%s %q ends in %q, but a top-level domain is letters only; check for a typing mistake", noun, h, tld)
	}
	if len(h) > 253 {
		return 0, fmt.Errorf("%s is %d characters long; the limit is 253", noun, len(h))
	}
	return len(h), nil
}

// checkLabels applies the per-label RFC 1123 rules to h. Non-ASCII bytes are
// allowed when allowIDN is set (they are validated by IDNA afterwards), and
// idn reports whether IDNA processing is needed: for non-ASCII text, or for
// an "xn--" label whose punycode must be decoded to be validated.
func checkLabels(h, noun string, allowIDN bool) (idn bool, err error) {
	start := 0
	labelIDN := false
	for i := 0; i <= len(h); i++ {
		if i < len(h) && h[i] != '.' {
			c := h[i]
			switch {
			case c >= 0x80 && allowIDN:
				labelIDN = true
			case !isAlnum(c) && c != '-':
				return false, fmt.Errorf("%s %q contains %q, which cannot be used in domain names; use only letters, digits, hyphens and dots", noun, h, charAt(h, i))
			}
			continue
		}
		label := h[start:i]
		switch {
		case label == "" && start == 0:
			return false, fmt.Errorf("%s %q starts with a dot; remove it", noun, h)
		case label == "" && i == len(h):
			return false, fmt.Errorf("%s %q ends with a dot; remove it", noun, h)
		case label == "":
			return false, fmt.Errorf("%s %q has two dots in a row; remove one", noun, h)
		case label[0] == '-':
			return false, fmt.Errorf("%s %q has a part starting with a hyphen (%q); a hyphen may only appear inside a name", noun, h, label)
		case label[len(label)-1] == '-':
			return false, fmt.Errorf("%s %q has a part ending with a hyphen (%q); a hyphen may only appear inside a name", noun, h, label)
		case !labelIDN && len(label) > 63:
			return false, fmt.Errorf("%s %q has a part %d characters long; the limit is 63 between dots", noun, h, len(label))
		}
		if labelIDN || hasPrefixFold(label, "xn--") {
			idn = true
		}
		labelIDN = false
		start = i + 1
	}
	return idn, nil
}

// isIPish reports whether h is made only of digits and dots, the shape of a
// (possibly mistyped) IPv4 address.
func isIPish(h string) bool {
	if h == "" {
		return false
	}
	for i := 0; i < len(h); i++ {
		if !isDigit(h[i]) && h[i] != '.' {
			return false
		}
	}
	return true
}

func validIP(h string) bool {
	_, err := netip.ParseAddr(h)
	return err == nil
}

// Special-purpose ranges from the IANA IPv4 and IPv6 Special-Purpose Address
// Registries (RFC 6890) that net/netip has no predicate for. None of them is
// reachable from the public internet, so none belongs in a directory entry.
var nonPublicPrefixes = [...]struct {
	p    netip.Prefix
	desc string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), `a "this network" address`},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "a reserved protocol address"},
	{netip.MustParsePrefix("192.0.2.0/24"), "a documentation address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("198.51.100.0/24"), "a documentation address"},
	{netip.MustParsePrefix("203.0.113.0/24"), "a documentation address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("2001:db8::/32"), "a documentation address"},
	{netip.MustParsePrefix("100::/64"), "a discard-only address"},
}

// nonPublic describes why a is not a public unicast address, or returns "".
func nonPublic(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case a.IsUnspecified():
		return "an unspecified address"
	case a.IsLoopback():
		return "a loopback address (your own computer)"
	case a.IsPrivate():
		return "a private network address"
	case a.IsMulticast(), a.IsInterfaceLocalMulticast(), a.IsLinkLocalMulticast():
		return "a multicast address"
	case a.IsLinkLocalUnicast():
		return "a link-local address"
	}
	for _, np := range nonPublicPrefixes {
		if np.p.Contains(a) {
			return np.desc
		}
	}
	return ""
}
