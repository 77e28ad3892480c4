package validate

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
	"sync"

	"golang.org/x/net/publicsuffix"
)

// Form says what a social field stores: the handle, from which the site's
// template builds the address, or the full profile URL.
type Form int

const (
	// FormAny accepts a handle or a profile URL on the network (the default).
	FormAny Form = iota
	// FormHandle accepts the handle only: the site's template adds the URL.
	FormHandle
	// FormURL accepts a full profile URL only.
	FormURL
)

// ParseForm returns the Form named "any", "handle" or "url".
func ParseForm(s string) (Form, error) {
	switch s {
	case "any":
		return FormAny, nil
	case "handle":
		return FormHandle, nil
	case "url":
		return FormURL, nil
	}
	return FormAny, fmt.Errorf(`unknown form %q; use "any", "handle" or "url"`, s)
}

// String returns the name ParseForm accepts.
func (f Form) String() string {
	switch f {
	case FormAny:
		return "any"
	case FormHandle:
		return "handle"
	case FormURL:
		return "url"
	}
	return fmt.Sprintf("Form(%d)", int(f))
}

// MarshalText implements encoding.TextMarshaler with the names of String.
func (f Form) MarshalText() ([]byte, error) {
	if f < FormAny || f > FormURL {
		return nil, fmt.Errorf("unknown form %d", int(f))
	}
	return []byte(f.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseForm, so that
// configuration decoders read a form directly.
func (f *Form) UnmarshalText(b []byte) error {
	v, err := ParseForm(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// Network is one social network: its names, the hosts of its profile pages,
// its handle rule and the functions that check a handle, read the handle
// out of a profile URL and build the profile URL of a handle. Networks
// lists them all; adding a network is adding one Network there.
type Network struct {
	Name    string   // the front matter key and the rule id suffix (social-<Name>): "twitter", "x", "github", ...
	Title   string   // the network's own spelling: "Twitter", "X", "GitHub", ...
	Article string   // "a" or "an", by the sound of Title: "an X handle"
	Aliases []string // other front matter keys that name the network ("fediverse" for mastodon)

	// Hosts serve the network's profile pages: the first is the one
	// profile URLs are built on, and "www." before any of them is always
	// accepted. In a host, a label "*" matches any one label and "?" any
	// one character ("??.linkedin.com" is uk.linkedin.com, de.linkedin.com, ...).
	Hosts []string
	// Federated is set when profiles may live on any server (Mastodon);
	// Hosts then lists only well-known servers, so that NetworkOfURL can
	// name them.
	Federated bool

	Rule    string // the published handle rule in one line, ending with its source URL in parentheses
	Example string // a neutral handle, written as a field holds it: "example", "@example@mastodon.social"

	handle  func(h string) error               // checks a handle as a field holds it ("@" already allowed where the network shows one)
	profile func(l link) (h string, err error) // checks a link on Hosts and returns the handle it names, "" when it names none
	url     func(h string) string              // the profile URL of a valid handle
}

// NetworkByName returns the network whose Name or one of whose Aliases is
// name, ignoring case, and whether there is one.
func NetworkByName(name string) (Network, bool) {
	for _, n := range Networks {
		if strings.EqualFold(n.Name, name) {
			return n, true
		}
		for _, a := range n.Aliases {
			if strings.EqualFold(a, name) {
				return n, true
			}
		}
	}
	return Network{}, false
}

// NetworkOfURL returns the Name of the network whose site serves the URL
// (e.g. "github" for https://github.com/x), or "".
//
// It is liberal about the form (with or without a scheme, any case) because
// it is used to explain mistakes, such as a GitHub link in a Twitter field.
// A host is the network's when it matches one of its Hosts, or else when it
// is under the same registered domain (gist.github.com, a.b.slack.com).
// Mastodon is federated, so only a few large servers are recognised.
func NetworkOfURL(s string) string {
	rest := s
	if i := strings.Index(s, "://"); i >= 0 {
		rest = s[i+3:]
	} else if strings.HasPrefix(s, "//") {
		rest = s[2:]
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth := rest[:end]
	if rest == s && strings.ContainsAny(auth, "@:") {
		return "" // "mailto:a@github.com", "user@host": not a web address
	}
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		auth = auth[at+1:]
	}
	if c := strings.IndexByte(auth, ':'); c >= 0 {
		auth = auth[:c]
	}
	if n := ownerOf(strings.ToLower(strings.TrimSuffix(auth, "."))); n != nil {
		return n.Name
	}
	return ""
}

// ownerOf returns the network serving host h (lower case), or nil. A host
// listed first by a network is that network's even when another lists it
// too: twitter.com is Twitter's and x.com is X's, though both accept both.
func ownerOf(h string) *Network {
	if h == "" || strings.ContainsAny(h, "@:/ ") || strings.IndexByte(h, '.') < 0 {
		return nil // a handle such as "@name@server" or "name", not a host
	}
	bare := strings.TrimPrefix(h, "www.")
	for i := range Networks {
		if matchHost(Networks[i].Hosts[0], bare) {
			return &Networks[i]
		}
	}
	for i := range Networks {
		if Networks[i].onHost(h) {
			return &Networks[i]
		}
	}
	site, err := publicsuffix.EffectiveTLDPlusOne(bare)
	if err != nil {
		return nil
	}
	for i := range Networks {
		if siteOf(Networks[i].Hosts[0]) == site {
			return &Networks[i]
		}
	}
	for i := range Networks {
		for _, p := range Networks[i].Hosts {
			if siteOf(p) == site {
				return &Networks[i]
			}
		}
	}
	return nil
}

// siteOf returns the part of a Hosts pattern after its wildcard labels
// ("slack.com" for "*.slack.com"), which names the network's own domain
// when it is a registered domain. The networks' own patterns are worked
// out once: a public suffix lookup costs more than the rest of a check,
// and ownerOf asks for every pattern of every network when a host is no
// network's.
func siteOf(p string) string {
	if s, ok := knownSites()[p]; ok {
		return s
	}
	return patternSite(p)
}

var knownSites = sync.OnceValue(func() map[string]string {
	sites := map[string]string{}
	for _, n := range Networks {
		for _, p := range n.Hosts {
			sites[p] = patternSite(p)
		}
	}
	return sites
})

func patternSite(p string) string {
	for strings.ContainsAny(p, "*?") {
		_, p, _ = strings.Cut(p, ".")
	}
	if s, err := publicsuffix.EffectiveTLDPlusOne(p); err == nil {
		return s
	}
	return p
}

// onHost reports whether h (lower case) is one of n's Hosts.
func (n Network) onHost(h string) bool {
	for _, p := range n.Hosts {
		if matchHost(p, h) || matchHost(p, strings.TrimPrefix(h, "www.")) {
			return true
		}
	}
	return false
}

// ownsSite reports whether h (lower case) is under the registered domain
// of one of n's Hosts, such as developer.x.com for X.
func (n Network) ownsSite(h string) bool {
	site, err := publicsuffix.EffectiveTLDPlusOne(strings.TrimPrefix(h, "www."))
	if err != nil {
		return false
	}
	for _, p := range n.Hosts {
		if siteOf(p) == site {
			return true
		}
	}
	return false
}

// matchHost matches host h against pattern p label by label; see Network.Hosts.
func matchHost(p, h string) bool {
	for p != "" && h != "" {
		var pl, hl string
		pl, p, _ = strings.Cut(p, ".")
		hl, h, _ = strings.Cut(h, ".")
		if hl == "" {
			return false
		}
		if ok, _ := path.Match(pl, hl); !ok {
			return false
		}
	}
	return p == "" && h == ""
}

// Check reports whether value is a valid handle or profile URL on the
// network, in the form the field stores.
//
// A value in the wrong form is an error that gives the converted value. An
// empty value is an error too: whether an empty field is absent is the
// caller's decision.
func (n Network) Check(value string, form Form) error {
	if n.handle == nil {
		return errors.New("cannot be checked: the network is not one of Networks")
	}
	if value == "" {
		return errors.New("is empty; give " + n.wanted(form))
	}
	if i := findInvisible(value); i >= 0 {
		if value[i] == ' ' && i > 0 && i < len(value)-1 && !strings.Contains(value, "://") {
			// "Twitter username", "LinkedIn URL": an archetype's placeholder
			// is the usual reason for words in a handle field.
			return fmt.Errorf("contains a space, which %s %s never has; if this is text left from a template, replace it with the handle, like %q", n.Article, n.Title+" handle", n.Example)
		}
		return invisibleError(value, i, "handles and links cannot contain spaces, so remove it")
	}
	l, isLink, err := n.asLink(value)
	if err != nil {
		return err
	}
	if !isLink {
		if err := n.handle(value); err != nil {
			return err
		}
		if err := n.checkServer(value); err != nil {
			return err
		}
		if err := n.checkProfileOf(value); err != nil {
			return err
		}
		if form == FormURL {
			return fmt.Errorf("is a handle, but this field holds a full profile URL; write %q", n.url(value))
		}
		return nil
	}
	h, err := n.profile(l)
	if err != nil {
		return err
	}
	if h != "" {
		if err := n.checkServer(h); err != nil {
			return err
		}
	}
	if !l.schemed {
		// "github.com/name": a link without its scheme.
		if form == FormHandle && h != "" {
			return n.toHandle(h)
		}
		if err := URL("https://" + value); err != nil {
			return err
		}
		return fmt.Errorf(`is missing "https://" at the start; write %q`, "https://"+value)
	}
	// Whatever the network accepts must also be a sound web address.
	if err := URL(value); err != nil {
		return err
	}
	if form == FormHandle {
		if h == "" {
			return fmt.Errorf("is a link that names no handle, but this field holds the handle (the site's template adds the address); give the %s handle, like %q", n.Title, n.Example)
		}
		return n.toHandle(h)
	}
	return nil
}

// checkServer makes sure that the server of a valid handle on a federated
// network ("@name@server") is not the site of another network.
func (n Network) checkServer(h string) error {
	if !n.Federated {
		return nil
	}
	host := strings.TrimPrefix(n.url(h), "https://")
	if end := strings.IndexAny(host, "/?#"); end >= 0 {
		host = host[:end]
	}
	host = strings.ToLower(host)
	if other := ownerOf(host); other != nil && other.Name != n.Name {
		return fmt.Errorf("%q is %s, not %s %s server; give the %s handle, like %q", host, other.Title, n.Article, n.Title, n.Title, n.Example)
	}
	return nil
}

// checkProfileOf makes sure that the profile URL of a valid handle is one
// the network accepts: a handle such as "explore" or "groups" is a name
// the network keeps for its own pages, and its address is no profile.
func (n Network) checkProfileOf(h string) error {
	u := n.url(h)
	l, isLink, err := n.asLink(u)
	if err == nil && isLink {
		_, err = n.profile(l)
	}
	if err == nil {
		err = URL(u)
	}
	if err != nil {
		return fmt.Errorf("%q is not a possible %s handle, because %q is not a profile page; give the handle, like %q", h, n.Title, u, n.Example)
	}
	return nil
}

func (n Network) toHandle(h string) error {
	return fmt.Errorf("is a profile URL, but this field holds the handle (the site's template adds the address); write %q", h)
}

// Checker returns Check with the form fixed, in the func(string) error shape
// of Formats.
func (n Network) Checker(form Form) func(string) error {
	return func(s string) error { return n.Check(s, form) }
}

// wanted describes what the field should hold, for an empty value.
func (n Network) wanted(form Form) string {
	h := fmt.Sprintf("the %s handle, like %q", n.Title, n.Example)
	u := fmt.Sprintf("the %s profile URL, like %q", n.Title, n.url(n.Example))
	switch form {
	case FormHandle:
		return h
	case FormURL:
		return u
	}
	return h + ", or " + u
}

// link is a profile URL split into the parts the network checks look at.
// Query and fragment are kept apart so that tracking parameters
// ("?utm_source=...", "?si=...") and trailing slashes do not matter.
type link struct {
	host    string // lower case, without a trailing dot
	path    string // without the leading "/" and any trailing "/"
	query   string // without the "?"
	schemed bool   // false for "github.com/name", written without "https://"
}

// asLink decides whether s is a link and splits it: a value with "://", or
// one that starts with a host name of a known network, or of any site
// followed by a path. Links on another network's site are reported here.
func (n Network) asLink(s string) (l link, isLink bool, err error) {
	rest, schemed := s, false
	if i := strings.Index(s, "://"); i >= 0 {
		scheme := s[:i]
		if !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") {
			if scheme == "" {
				return l, false, fmt.Errorf(`is missing "https:" before "://"; write %q`, "https"+s)
			}
			if schemeTypo(scheme) {
				return l, false, fmt.Errorf("%q looks like a typo for \"https:\"; write %q", scheme+":", "https://"+s[i+3:])
			}
			return l, false, fmt.Errorf("%q links are not profile addresses; give an https:// link or just the handle", strings.ToLower(scheme)+":")
		}
		rest, schemed = s[i+3:], true
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth, tail := rest[:end], rest[end:]
	if !schemed {
		// A value without a scheme is a link when it starts with a known
		// network's host ("twitter.com/x", "www.github.com"), or with a
		// dotted name followed by a path ("mastodon.example/@x"); anything
		// else is a handle, which may itself be a domain name (Bluesky).
		host := strings.ToLower(auth)
		if ownerOf(host) == nil && (tail == "" || strings.IndexByte(host, '.') <= 0 || strings.ContainsAny(host, "@:")) {
			return l, false, nil
		}
	}
	if auth == "" {
		return l, false, fmt.Errorf("has no host name after %q", s[:len(s)-len(rest)])
	}
	if strings.ContainsAny(auth, "@:") {
		return l, false, n.userinfoError(auth)
	}
	l.host = strings.ToLower(strings.TrimSuffix(auth, "."))
	l.schemed = schemed
	if h, _, ok := strings.Cut(tail, "#"); ok {
		tail = h
	}
	p, q, _ := strings.Cut(tail, "?")
	l.path = strings.Trim(p, "/")
	l.query = q
	if owner := ownerOf(l.host); owner != nil && !n.onHost(l.host) {
		if n.ownsSite(l.host) {
			return l, false, fmt.Errorf("%q is not %s %s profile address; give a link like %q", l.host, n.Article, n.Title, n.url(n.Example))
		}
		return l, false, n.wrongNetwork(*owner)
	}
	if !n.onHost(l.host) {
		kind := hostURL
		if n.Federated {
			kind = hostServer
		}
		if _, err := checkHost(l.host, kind); err != nil {
			return l, false, err
		}
		if !n.Federated {
			return l, false, fmt.Errorf("%q is not %s %s address; give a link like %q, or just the handle", l.host, n.Article, n.Title, n.url(n.Example))
		}
	}
	// "https://x.com/twitter.com/name": two addresses run together.
	if first, more := seg(l.path); strings.IndexByte(first, '.') > 0 {
		if owner := ownerOf(strings.ToLower(first)); owner != nil && more != "" {
			return l, false, fmt.Errorf("has a second address %q inside it; write %q", first+"/"+more, "https://"+auth+"/"+more)
		}
	}
	return l, true, nil
}

// userinfoError explains an "@" or ":" before the host. For a federated
// network it is usually a handle written into the URL
// ("https://name@server.example", "https://server.example@name").
func (n Network) userinfoError(auth string) error {
	if n.Federated {
		if before, after, ok := strings.Cut(auth, "@"); ok && strings.IndexByte(after, '@') < 0 {
			switch {
			case strings.IndexByte(before, '.') > 0 && strings.IndexByte(after, '.') < 0 && after != "":
				return fmt.Errorf("has the user name after the server; write %q", "https://"+before+"/@"+after)
			case strings.IndexByte(after, '.') > 0 && strings.IndexByte(before, '.') < 0 && before != "":
				return fmt.Errorf("has the user name before the server; write %q", "https://"+after+"/@"+before)
			}
		}
	}
	return fmt.Errorf("host %q must not contain a login or a port; write just the site's name", auth)
}

func (n Network) wrongNetwork(other Network) error {
	return fmt.Errorf("this is %s %s URL, not %s %s profile; put it in the %s field, or give the %s profile here",
		other.Article, other.Title, n.Article, n.Title, other.Title, n.Title)
}

// foldIn reports whether s equals, ignoring ASCII case, one of the
// space-separated words; it avoids allocating a lower-cased copy.
func foldIn(s, words string) bool {
	for words != "" {
		var w string
		w, words, _ = strings.Cut(words, " ")
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// seg splits the first path segment from the rest.
func seg(path string) (first, rest string) {
	first, rest, _ = strings.Cut(path, "/")
	return first, rest
}

// unescape decodes the percent-encodings of a path segment, which the
// caller has already checked are well formed or will be by URL.
func unescape(s string) (string, error) {
	if strings.IndexByte(s, '%') < 0 {
		return s, nil
	}
	d, err := url.PathUnescape(s)
	if err != nil {
		return "", fmt.Errorf("%q has a broken percent-encoding; \"%%\" must be followed by two hex digits", s)
	}
	return d, nil
}

// onlyChars explains the first byte of name that is neither an ASCII
// letter or digit nor one of extra; what and allowed are as for badChar.
func onlyChars(name, extra, what, allowed string) error {
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isAlnum(c) && strings.IndexByte(extra, c) < 0 {
			return badChar(name, i, what, allowed)
		}
	}
	return nil
}

// onlyWordChars is onlyChars for names whose letters and digits may be in
// any script (isWordRune).
func onlyWordChars(name, extra, what, allowed string) error {
	for i, r := range name {
		if !isWordRune(r) && !strings.ContainsRune(extra, r) {
			return badChar(name, i, what, allowed)
		}
	}
	return nil
}

// badChar explains the first character of name outside the allowed set.
func badChar(name string, i int, what, allowed string) error {
	return fmt.Errorf("character %q is not allowed; %s use only %s", charAt(name, i), what, allowed)
}

// queryParam returns the value of the first key=value pair named key.
func queryParam(q, key string) string {
	for q != "" {
		var kv string
		kv, q, _ = strings.Cut(q, "&")
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}
