package validate

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"

	"golang.org/x/net/publicsuffix"
)

const urlExample = `"https://example.org"`

// URLRules says what a URL field may hold besides an absolute http(s) URL.
type URLRules struct {
	// Schemes lists the allowed schemes in lower case; nil means http and
	// https. "mailto" values are checked as email addresses, "xmpp" as
	// user@host, "tel" as a phone number, and any other scheme with the
	// generic RFC 3986 syntax.
	Schemes []string
	// Relative allows relative references: site-relative paths
	// ("/img/a.png") and paths relative to the page ("img/a.png",
	// "../a.pdf", "a.png?x#y"). A protocol-relative "//host/path" is
	// still an error.
	Relative bool
}

// ErrLocalHost is what errors.Is finds in an error of URL or CheckURL about
// a host that only works on the writer's own computer or network
// (localhost, .local, loopback, private and link-local addresses), so that
// a caller can treat instructions such as "open http://localhost:8080"
// differently from a broken link.
var ErrLocalHost = errors.New("host only works locally")

// localHostError is an error message that matches ErrLocalHost.
type localHostError string

func (e localHostError) Error() string        { return string(e) }
func (e localHostError) Is(target error) bool { return target == ErrLocalHost }

// URL checks an absolute http(s) URL; it is CheckURL with the zero URLRules.
//
// The URL must be an RFC 3986 §4.3 absolute URI with the http or https scheme
// (RFC 9110 §4.2), an authority whose host is a public DNS name (see
// checkHost) or a public IP address, an optional port from 1 to 65535, and no
// user information. Characters outside the RFC 3986 §2 repertoire and broken
// percent-encodings are reported with their encoded replacement; non-ASCII
// text, which browsers encode, is accepted. See the package documentation
// for where this is stricter than the WHATWG URL Standard. The final
// structure is confirmed with net/url.
func URL(s string) error { return CheckURL(s, URLRules{}) }

// CheckURL checks a URL field's value under the field's rules: an absolute
// URL with one of the allowed schemes or, when r.Relative is set, a relative
// reference. A value with a scheme the field does not allow is an error
// that names the schemes it allows.
func CheckURL(s string, r URLRules) error {
	if s == "" {
		if r.Relative {
			return errors.New(`is empty; write a web address like ` + urlExample + ` or a path like "/img/photo.png"`)
		}
		return errors.New("is empty; write a full web address like " + urlExample)
	}
	if i := findInvisible(s); i >= 0 {
		if hasPrefixFold(s, "tel:") {
			return invisibleError(s, i, `remove it, or write "-" between groups of digits`)
		}
		return invisibleError(s, i, `remove it (inside a path, write a space as "%20")`)
	}
	if strings.IndexByte(s, '\\') >= 0 {
		return errors.New(`contains a backslash "\"; web addresses use forward slashes "/"`)
	}
	scheme, rest, ok := splitScheme(s)
	// "localhost:8080" and "example.org:8080" are hosts and ports without a
	// scheme, unless the field allows that "scheme" ("tel:112").
	if !ok || !r.allows(strings.ToLower(scheme)) && (strings.IndexByte(scheme, '.') >= 0 || looksLikePort(rest)) {
		if r.Relative {
			return checkRelative(s)
		}
		return missingScheme(s)
	}
	name := strings.ToLower(scheme)
	if !r.allows(name) {
		switch {
		case name == "http" && r.allows("https"):
			return fmt.Errorf(`uses "http:", but this field takes only https links; write %q`, "https:"+rest)
		case schemeTypo(name) && r.allows("https"):
			return fmt.Errorf("%q looks like a typo for \"https:\"; write %q", scheme+":", "https://"+strings.TrimLeft(rest, "/"))
		}
		return r.otherScheme(name)
	}
	var err error
	switch name {
	case "http", "https":
		err = checkHTTP(s, scheme, rest)
	case "mailto":
		err = checkMailto(rest)
	case "xmpp":
		err = checkXMPP(rest)
	case "tel":
		err = checkTel(rest)
	default:
		err = checkGeneric(scheme, rest)
	}
	if err != nil || name == "http" || name == "https" {
		return err // checkHTTP has parsed it already
	}
	if _, err := url.Parse(s); err != nil {
		// Not expected after the checks above; kept as a safety net so an
		// accepted value always parses.
		return errors.New("is not a valid address; open it in a browser and copy the address bar")
	}
	return nil
}

// allows reports whether the scheme (lower case) is allowed.
func (r URLRules) allows(scheme string) bool {
	if r.Schemes == nil {
		return scheme == "http" || scheme == "https"
	}
	for _, s := range r.Schemes {
		if strings.EqualFold(s, scheme) {
			return true
		}
	}
	return false
}

// schemes returns the allowed schemes, for messages.
func (r URLRules) schemes() []string {
	if r.Schemes == nil {
		return []string{"https", "http"}
	}
	return r.Schemes
}

// checkHTTP checks an http(s) URL after its scheme.
func checkHTTP(s, scheme, rest string) error {
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
	if auth == "" || auth[0] == ':' {
		return fmt.Errorf("has no host name after %q; write the address like %s", prefix, urlExample)
	}
	if err := checkHostPort(auth); err != nil {
		return err
	}
	if err := checkURLTail(tail); err != nil {
		return err
	}
	if u, err := url.Parse(s); err != nil || u.Host == "" || u.Opaque != "" {
		return errors.New("is not a valid web address; open it in a browser and copy the address bar")
	}
	return nil
}

// checkHostPort checks an authority without user information: a host and an
// optional port.
func checkHostPort(auth string) error {
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
		return fmt.Errorf("has no host name before %q; write the address like %s", auth, urlExample)
	}
	if hasPort {
		if err := checkPort(port); err != nil {
			return err
		}
	}
	return checkURLHost(host)
}

// checkRelative checks a relative reference (RFC 3986 §4.2): a path, query
// and fragment without a scheme or a host.
func checkRelative(s string) error {
	if strings.HasPrefix(s, "//") {
		// A network-path reference: the first segment becomes a host name.
		host := s[2:]
		if end := strings.IndexAny(host, "/?#"); end >= 0 {
			host = host[:end]
		}
		return fmt.Errorf(`starts with "//", so browsers read %q as a host name; write %q for a path on this site, or start with "https://" for another site`, host, "/"+strings.TrimLeft(s, "/"))
	}
	for _, p := range [...]string{"https//", "http//"} {
		if hasPrefixFold(s, p) {
			return missingScheme(s)
		}
	}
	end := strings.IndexAny(s, "/?#")
	if end < 0 {
		end = len(s)
	}
	first := s[:end]
	if strings.IndexByte(first, ':') >= 0 {
		// RFC 3986 §4.2: a relative path's first segment has no ":"; here
		// it is a host and port ("localhost:8080") or a broken scheme.
		return missingScheme(s)
	}
	if looksLikeDomain(first) {
		return fmt.Errorf(`looks like a web address without "https://"; write %q (or %q if it is a file beside the page)`, "https://"+s, "./"+s)
	}
	return checkURLTail(s)
}

// fileExtensions are top-level domains that are far more often file
// extensions in a relative link: "LICENSE.md", "setup.py", "a.zip".
var fileExtensions = map[string]bool{
	"am": true, "bz": true, "cat": true, "cc": true, "do": true, "in": true, "md": true, "mk": true, "ml": true,
	"mov": true, "pl": true, "pm": true, "ps": true, "py": true, "rs": true, "sh": true, "so": true, "tf": true, "zip": true,
}

// looksLikeDomain reports whether the first segment of a relative reference
// is a domain name written without "https://" ("example.org",
// "www.example.org/events"), rather than a file name ("photo.png").
// LooksLikeDomain reports whether the first segment of a reference without
// a scheme is a host name rather than a file name: "www.example.org",
// "sec.gov", "arc.codes", but not "notes.md" or "photo.png" (endings that
// are file extensions more often than top-level domains count as files).
func LooksLikeDomain(first string) bool { return looksLikeDomain(first) }

func looksLikeDomain(first string) bool {
	if strings.IndexByte(first, '.') <= 0 {
		return false
	}
	if _, err := checkLabels(first, "host", false); err != nil {
		return false
	}
	if hasPrefixFold(first, "www.") {
		return true
	}
	tld := strings.ToLower(first[strings.LastIndexByte(first, '.')+1:])
	if !allAlpha(tld) || fileExtensions[tld] {
		return false
	}
	_, icann := publicsuffix.PublicSuffix(tld)
	return icann
}

// checkMailto checks what follows "mailto:" (RFC 6068 §2): comma-separated
// addresses, then header fields such as "?subject=...&cc=...". Every
// address, in the path or in a to, cc or bcc field, must pass Email.
func checkMailto(rest string) error {
	if err := checkURLTail(rest); err != nil {
		return err
	}
	rest, _, _ = strings.Cut(rest, "#")
	to, query, _ := strings.Cut(rest, "?")
	n := 0
	addrs := func(list string) error {
		dec, err := url.PathUnescape(list)
		if err != nil {
			return fmt.Errorf("has a broken percent-encoding in %q", list)
		}
		for _, a := range strings.Split(dec, ",") {
			if a = strings.TrimSpace(a); a == "" {
				continue
			}
			if err := Email(a); err != nil {
				return fmt.Errorf("mailto: address %q %v", a, err)
			}
			n++
		}
		return nil
	}
	if err := addrs(to); err != nil {
		return err
	}
	for query != "" {
		var field string
		field, query, _ = strings.Cut(query, "&")
		name, value, ok := strings.Cut(field, "=")
		if !ok || name == "" {
			return fmt.Errorf("mailto: header %q is not a name=value pair; write it like %q", field, "subject=Hello")
		}
		if foldIn(name, "to cc bcc") {
			if err := addrs(value); err != nil {
				return err
			}
		}
	}
	if n == 0 {
		return errors.New(`has no address after "mailto:"; write it like "mailto:name@example.org"`)
	}
	return nil
}

// checkXMPP checks what follows "xmpp:" (RFC 5122 §2.2): an address
// user@host, optionally with a /resource, a ?query and a #fragment, and
// optionally preceded by //account/ naming the account to use.
func checkXMPP(rest string) error {
	const example = `"xmpp:name@example.org"`
	if err := checkURLTail(rest); err != nil {
		return err
	}
	if strings.HasPrefix(rest, "//") {
		_, after, ok := strings.Cut(rest[2:], "/")
		if !ok {
			return errors.New("has no address after the account; write it like " + example)
		}
		rest = after
	}
	jid, _, _ := strings.Cut(rest, "?")
	jid, _, _ = strings.Cut(jid, "#")
	jid, err := url.PathUnescape(jid)
	if err != nil {
		return errors.New("has a broken percent-encoding; write it like " + example)
	}
	bare, _, _ := strings.Cut(jid, "/")
	local, domain, ok := strings.Cut(bare, "@")
	if !ok || local == "" || domain == "" {
		return fmt.Errorf("%q is not an XMPP address; it needs a user and a server, like %s", bare, example)
	}
	// RFC 7622 §3.3.1: these characters are not allowed in a localpart.
	if i := strings.IndexAny(local, "\"&'/:<>@"); i >= 0 {
		return fmt.Errorf("character %q is not allowed before the \"@\" of an XMPP address", string(local[i]))
	}
	_, err = checkHost(domain, hostServer)
	return err
}

// checkTel checks what follows "tel:" (RFC 3966 §3), loosely: digits with an
// optional leading "+" and the visual separators "-", ".", "(" and ")",
// then ";"-separated parameters such as ";ext=12". A local number without
// ";phone-context=" is accepted, as phones dial it.
func checkTel(rest string) error {
	const example = `"tel:+1-201-555-0123"`
	number, params, _ := strings.Cut(rest, ";")
	if number == "" {
		return errors.New(`has no number after "tel:"; write it like ` + example)
	}
	digits := 0
	for i := 0; i < len(number); i++ {
		switch c := number[i]; {
		case isDigit(c):
			digits++
		case c == '+' && i == 0:
		case c == '-' || c == '.' || c == '(' || c == ')':
		default:
			return fmt.Errorf(`character %q is not allowed in a phone number; use digits, a leading "+" and "-", ".", "(" or ")" between groups, like %s`, charAt(number, i), example)
		}
	}
	switch {
	case digits < 3:
		return fmt.Errorf("%q has too few digits for a phone number; write it like %s", number, example)
	case number[0] == '+' && digits > 15:
		return fmt.Errorf(`%q has %d digits, but international numbers have at most 15; put an extension in ";ext="`, number, digits)
	}
	return checkURLTail(params)
}

// checkGeneric checks a URI of a scheme without a validator of its own with
// the RFC 3986 generic syntax: an authority when "//" follows the scheme
// (with a public host, as for http, and no password), then a path, query
// and fragment of valid characters.
func checkGeneric(scheme, rest string) error {
	if rest == "" {
		return fmt.Errorf("has nothing after %q", scheme+":")
	}
	if !strings.HasPrefix(rest, "//") {
		return checkURLTail(rest)
	}
	rest = rest[2:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth, tail := rest[:end], rest[end:]
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		if strings.IndexByte(auth[:at], ':') >= 0 {
			return fmt.Errorf("contains a password before the host; remove it and write %q", scheme+"://"+auth[at+1:]+tail)
		}
		auth = auth[at+1:]
	}
	// An empty host is allowed: "file:///path" names the local machine's
	// root, and the scheme was allowed on purpose.
	if auth != "" {
		if err := checkHostPort(auth); err != nil {
			return err
		}
	}
	return checkURLTail(tail)
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
// WebScheme reports whether a URI scheme is one a web link checker should
// look at: http and https, their misspellings ("htps", "hhttps"), and the
// schemes that run code or embed content in place of a page (javascript:,
// vbscript:, data:, blob:). Other schemes (tel:, zoommtg:, irc:, ...) name
// other applications and are not web addresses.
func WebScheme(scheme string) bool {
	switch s := strings.ToLower(scheme); s {
	case "http", "https", "javascript", "vbscript", "data", "blob":
		return true
	}
	return schemeTypo(scheme)
}

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

// otherScheme explains why a URI of a scheme the field does not allow does
// not belong there, names the schemes it allows and, where it makes sense,
// how to allow this one.
func (r URLRules) otherScheme(name string) error {
	q := fmt.Sprintf("%q", name+":")
	allowed := r.schemes()
	takes := "this field takes no absolute addresses, only paths on this site"
	if len(allowed) > 0 {
		list := make([]string, len(allowed))
		for i, a := range allowed {
			list[i] = strings.ToLower(a)
		}
		takes = "this field takes " + strings.Join(list[:len(list)-1], ", ")
		if len(list) > 1 {
			takes += " and "
		}
		takes += list[len(list)-1] + " links"
	}
	allow := fmt.Sprintf("to allow %s links, add it to the field's schemes in the configuration (schemes: [%s])",
		q, strings.Join(append(append([]string(nil), allowed...), name), ", "))
	switch name {
	case "javascript", "vbscript":
		return errors.New(q + " links run code and are not allowed; give an https:// web address")
	case "data", "blob":
		return errors.New(q + " addresses embed content instead of linking to it; give an https:// web address")
	case "file":
		return errors.New(q + " addresses point to a file on one computer; publish the file and give its https:// address")
	case "mailto":
		return fmt.Errorf(`%s is an email link, and %s; put the address itself (without "mailto:") in an email field, or %s`, q, takes, allow)
	case "ftp", "ftps", "sftp":
		return fmt.Errorf("%s addresses are not supported by browsers any more, and %s; give an https:// web address, or %s", q, takes, allow)
	case "tel", "sms":
		return fmt.Errorf("%s is a phone link, and %s; put the number in a phone field, or %s", q, takes, allow)
	}
	return fmt.Errorf("%s addresses are not allowed here: %s; %s", q, takes, allow)
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
		return publicAddr(host, a)
	}
	if isIPish(host) {
		a, err := netip.ParseAddr(host)
		if err != nil {
			return fmt.Errorf("host %q is not a valid IP address (four numbers from 0 to 255, without leading zeros); use the site's domain name", host)
		}
		return publicAddr(host, a)
	}
	// RFC 6761 §6.3 localhost; RFC 6762 .local (mDNS), ICANN's .internal and
	// RFC 8375 home.arpa only resolve on a local network.
	if strings.EqualFold(host, "localhost") || hasSuffixFold(host, ".localhost") {
		return localHostError(fmt.Sprintf("host %q only works on your own computer; use the site's public address", host))
	}
	for _, sfx := range [...]string{".local", ".internal", ".home.arpa"} {
		if hasSuffixFold(host, sfx) {
			return localHostError(fmt.Sprintf("host %q only works on a local network; use the site's public address", host))
		}
	}
	_, err := checkHost(host, hostURL)
	return err
}

// publicAddr reports an address that cannot be reached from the internet;
// the local ones (loopback, private, link-local, unspecified) match
// ErrLocalHost.
func publicAddr(host string, a netip.Addr) error {
	why := nonPublic(a)
	if why == "" {
		return nil
	}
	msg := fmt.Sprintf("host %q is %s, which cannot be reached from the internet; use the site's public address", host, why)
	if u := a.Unmap(); u.IsLoopback() || u.IsPrivate() || u.IsLinkLocalUnicast() || u.IsUnspecified() {
		return localHostError(msg)
	}
	return errors.New(msg)
}

// checkURLTail checks the path, query and fragment: percent-encodings must
// be complete (RFC 3986 §2.1) and the ASCII characters outside the RFC 3986
// repertoire (§2, appendix A; "excluded" in RFC 2396 §2.4.3) must be
// percent-encoded. Non-ASCII text is left alone: browsers percent-encode it
// as UTF-8 (WHATWG URL, path and query percent-encode sets), every site
// that publishes such links relies on that, and findInvisible has already
// refused the spaces and invisible characters among it.
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
