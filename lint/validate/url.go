package validate

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"unicode/utf8"
)

const urlExample = `"https://glasgowopendata.org"`

// URL checks an absolute http(s) URL.
//
// The URL must be an RFC 3986 §4.3 absolute URI with the http or https scheme
// (RFC 9110 §4.2), an authority whose host is a public DNS name (see
// checkHost) or a public IP address, an optional port from 1 to 65535, and no
// user information. Characters outside the RFC 3986 §2 repertoire and broken
// percent-encodings are reported with their encoded replacement. See the
// package documentation for where this is stricter than the WHATWG URL
// Standard. The final structure is confirmed with net/url.
func URL(s string) error {
	if s == "" {
		return errors.New("is empty; write a full web address like " + urlExample)
	}
	if i := findInvisible(s); i >= 0 {
		return invisibleError(s, i, `remove it (inside a path, write a space as "%20")`)
	}
	if strings.IndexByte(s, '\\') >= 0 {
		return errors.New(`contains a backslash "\"; web addresses use forward slashes "/"`)
	}
	scheme, rest, ok := splitScheme(s)
	if !ok || strings.IndexByte(scheme, '.') >= 0 || looksLikePort(rest) {
		return missingScheme(s)
	}
	if !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") {
		if schemeTypo(scheme) {
			return fmt.Errorf("%q looks like a typo for \"https:\"; write %q", scheme+":", "https://"+strings.TrimLeft(rest, "/"))
		}
		return otherScheme(scheme)
	}
	if !strings.HasPrefix(rest, "//") {
		return fmt.Errorf("%q must be followed by \"//\"; write %q", scheme+":", scheme+"://"+strings.TrimLeft(rest, "/"))
	}
	prefix := s[:len(scheme)+3]
	rest = rest[2:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth, tail := rest[:end], rest[end:]
	// RFC 3986 §3.2.1 userinfo: "user:password@" is deprecated for http(s)
	// (RFC 9110 §4.2.4) and leaks credentials into a public directory.
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		if at == len(auth)-1 {
			return fmt.Errorf("has a user name but no host name after %q; write the address like %s", prefix, urlExample)
		}
		return fmt.Errorf("contains a user name or password before the host; remove it and write %q", prefix+auth[at+1:]+tail)
	}
	host, port, hasPort := auth, "", false
	if strings.HasPrefix(auth, "[") {
		rb := strings.IndexByte(auth, ']')
		if rb < 0 {
			return fmt.Errorf("host %q has an opening \"[\" without a closing \"]\"", auth)
		}
		host = auth[:rb+1]
		if after := auth[rb+1:]; after != "" {
			if after[0] != ':' {
				return fmt.Errorf("has %q after the IPv6 address; only a port like \":8080\" may follow it", after)
			}
			port, hasPort = after[1:], true
		}
	} else if c := strings.IndexByte(auth, ':'); c >= 0 {
		host, port, hasPort = auth[:c], auth[c+1:], true
	}
	if host == "" {
		return fmt.Errorf("has no host name after %q; write the address like %s", prefix, urlExample)
	}
	if hasPort {
		if err := checkPort(port); err != nil {
			return err
		}
	}
	if err := checkURLHost(host); err != nil {
		return err
	}
	if err := checkURLTail(tail); err != nil {
		return err
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		// Not expected after the checks above; kept as a safety net so an
		// accepted value always parses.
		return errors.New("is not a valid web address; open it in a browser and copy the address bar")
	}
	return nil
}

// splitScheme splits an RFC 3986 §3.1 scheme, ALPHA *( ALPHA / DIGIT / "+" /
// "-" / "." ), from the rest of s.
func splitScheme(s string) (scheme, rest string, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isAlpha(c):
		case i > 0 && (isDigit(c) || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return s[:i], s[i+1:], true
		default:
			return "", s, false
		}
	}
	return "", s, false
}

// looksLikePort reports whether rest (what follows "scheme:") starts with a
// port number, as in "localhost:8080", which is a host without a scheme.
func looksLikePort(rest string) bool {
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	return allDigits(rest[:end])
}

// missingScheme explains a value that is not an absolute URI, suggesting the
// https:// form when the value starts with something that looks like a host.
func missingScheme(s string) error {
	if strings.HasPrefix(s, "//") {
		return fmt.Errorf(`is missing "https:" at the start; write %q`, "https:"+s)
	}
	for _, p := range [...]string{"https//", "http//"} {
		if hasPrefixFold(s, p) {
			return fmt.Errorf(`is missing the ":" after %q; write %q`, s[:len(p)-2], s[:len(p)-2]+"://"+s[len(p):])
		}
	}
	if i := strings.Index(s, "://"); i >= 0 {
		if i == 0 {
			return errors.New(`is missing the scheme before "://"; start the address with "https://"`)
		}
		return fmt.Errorf(`%q before "://" is not a valid scheme; start the address with "https://"`, s[:i])
	}
	end := strings.IndexAny(s, "/?#")
	if end < 0 {
		end = len(s)
	}
	first := s[:end]
	colon := strings.IndexByte(first, ':')
	if strings.IndexByte(first, '.') > 0 && !strings.HasSuffix(first, ".") || colon > 0 && allDigits(first[colon+1:]) {
		return fmt.Errorf(`is missing "https://" at the start; write %q`, "https://"+s)
	}
	return errors.New(`is not a full web address; it must start with "https://", like ` + urlExample)
}

// schemeTypo reports a near miss of "http" or "https" (one or two letters
// dropped, doubled or swapped, as in "htps", "htp", "hhttps", "htpps"),
// which deserves a suggestion rather than "scheme not supported".
func schemeTypo(scheme string) bool {
	s := strings.ToLower(scheme)
	if len(s) < 3 || len(s) > 7 || s[0] != 'h' {
		return false
	}
	// Every letter is one of h, t, p, s, and there is at least a t and a p.
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("htps", rune(s[i])) {
			return false
		}
	}
	return strings.ContainsRune(s, 't') && strings.ContainsRune(s, 'p')
}

// otherScheme explains why a non-http(s) URI does not belong in a web address
// field, naming the scheme.
func otherScheme(scheme string) error {
	name := strings.ToLower(scheme)
	q := fmt.Sprintf("%q", name+":")
	switch name {
	case "mailto":
		return errors.New(q + ` is an email link; put the address itself (without "mailto:") in an email field`)
	case "javascript", "vbscript":
		return errors.New(q + " links run code and are not allowed; give an https:// web address")
	case "data", "blob":
		return errors.New(q + " addresses embed content instead of linking to it; give an https:// web address")
	case "file":
		return errors.New(q + " addresses point to a file on one computer; publish the file and give its https:// address")
	case "ftp", "ftps", "sftp":
		return errors.New(q + " addresses are not supported by browsers any more; give an https:// web address")
	case "tel", "sms":
		return errors.New(q + " is a phone link; put the number in a phone field")
	default:
		return errors.New(q + " addresses are not supported here; give an https:// web address")
	}
}

// checkPort checks an RFC 3986 §3.2.3 port, restricted to the TCP range
// 1–65535 (RFC 6335 §6; port 0 is reserved).
func checkPort(port string) error {
	if port == "" {
		return errors.New(`has a ":" after the host but no port number; remove the ":"`)
	}
	n := 0
	for i := 0; i < len(port); i++ {
		if !isDigit(port[i]) || i >= 5 {
			return fmt.Errorf("port %q is not valid; a port is a number from 1 to 65535", port)
		}
		n = n*10 + int(port[i]-'0')
	}
	if n < 1 || n > 65535 {
		return fmt.Errorf("port %q is not valid; a port is a number from 1 to 65535", port)
	}
	return nil
}

// checkURLHost checks the host of a URL: a bracketed IPv6 address (RFC 3986
// §3.2.2 IP-literal), a dotted IPv4 address, or a DNS name; addresses must be
// public and names must not be local-only.
func checkURLHost(host string) error {
	if host[0] == '[' {
		a, err := netip.ParseAddr(host[1 : len(host)-1])
		if err != nil || !a.Is6() || a.Zone() != "" {
			return fmt.Errorf("host %q is not a valid IPv6 address; use the site's domain name", host)
		}
		if why := nonPublic(a); why != "" {
			return fmt.Errorf("host %q is %s, which cannot be reached from the internet; use the site's public address", host, why)
		}
		return nil
	}
	if isIPish(host) {
		a, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("host %q is not a valid IP address (four numbers from 0 to 255, without leading zeros); use the site's domain name", host)
		}
		if why := nonPublic(a); why != "" {
			return fmt.Errorf("host %q is %s, which cannot be reached from the internet; use the site's public address", host, why)
		}
		return nil
	}
	// RFC 6761 §6.3 localhost; RFC 6762 .local (mDNS), ICANN's .internal and
	// RFC 8375 home.arpa only resolve on a local network.
	if strings.EqualFold(host, "localhost") || hasSuffixFold(host, ".localhost") {
		return fmt.Errorf("host %q only works on your own computer; use the site's public address", host)
	}
	for _, sfx := range [...]string{".local", ".internal", ".home.arpa"} {
		if hasSuffixFold(host, sfx) {
			return fmt.Errorf("host %q only works on a local network; use the site's public address", host)
		}
	}
	_, err := checkHost(host, hostURL)
	return err
}

// checkURLTail checks the path, query and fragment: percent-encodings must
// be complete (RFC 3986 §2.1) and characters outside the RFC 3986 repertoire
// (§2, appendix A; "excluded" in RFC 2396 §2.4.3) must be percent-encoded.
func checkURLTail(tail string) error {
	for i := 0; i < len(tail); i++ {
		c := tail[i]
		switch {
		case c == '%':
			if i+2 >= len(tail) || !isHex(tail[i+1]) || !isHex(tail[i+2]) {
				// Quote the "%" and the (at most two) characters after it.
				bad, j := "%", i+1
				for k := 0; k < 2 && j < len(tail); k++ {
					ch := charAt(tail, j)
					bad += ch
					j += len(ch)
				}
				return fmt.Errorf(`has a broken percent-encoding %q; "%%" must be followed by two hex digits (write "%%25" for a literal "%%")`, bad)
			}
		case c >= utf8.RuneSelf:
			ch := charAt(tail, i)
			return fmt.Errorf("character %q must be percent-encoded in a web address; write %q instead", ch, pctEncode(ch))
		case strings.IndexByte("\"<>^`{|}", c) >= 0:
			return fmt.Errorf("character %q is not allowed in a web address; write %q instead", string(c), pctEncode(string(c)))
		}
	}
	return nil
}

// InsecureURL returns an error when s uses http:// where https:// would do (a separate warning rule).
//
// It only looks at the scheme: whether the site actually serves https needs
// the network, which validators do not use, and nearly every site does today.
func InsecureURL(s string) error {
	if hasPrefixFold(s, "http://") {
		return fmt.Errorf(`uses "http://", which is not encrypted; use %q`, "https://"+s[len("http://"):])
	}
	return nil
}

// httpsURL is the "https-url" format: a valid URL that also uses https.
func httpsURL(s string) error {
	if err := URL(s); err != nil {
		return err
	}
	if hasPrefixFold(s, "http://") {
		return fmt.Errorf(`must use "https://" instead of "http://"; write %q`, "https://"+s[len("http://"):])
	}
	return nil
}
