package lint

import (
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/idna"

	"github.com/glasgow-open-data/contentlint/lint/validate"
)

// The online rules: what contentlint lint --online finds about the URLs,
// accounts and mail domains entries name. A Prober does the network work
// before the checks run; checkOnline only reports its verdicts, at every
// place each target is named.
var (
	ruleLinkDead = &Rule{
		ID: "link-dead", Family: "online", Severity: SeverityError, Config: exampleFields,
		Title: "A link points at a page that is gone (online)",
		Doc: "With --online, every http(s) URL in a URL field and every web link and image in the body is requested (HEAD, then GET when HEAD is refused or " +
			"unreliable). 404 Not Found, 410 Gone and a host name that does not exist (NXDOMAIN) are dead links. Rate limits (429), bot walls " +
			"(999, challenge pages, 403) and timeouts are never reported as dead. The finding points at the value or the link, wherever the URL is named.",
		ExampleNote: "The example test lints `website: \"https://glasgowopendata.org/old-site\"` with --online against a local server that answers 404 for that page; " +
			"contentlint prints `entry.md:2:10: error: website: \"https://glasgowopendata.org/old-site\" is dead (404 Not Found); fix the address or remove it [link-dead]`.",
		Tags: []string{"online", "links"},
	}
	ruleLinkRedirect = &Rule{
		ID: "link-redirect", Family: "online", Severity: SeverityWarning, Config: exampleFields,
		Title: "A link redirects permanently (online)",
		Doc: "With --online, a URL that answers 301 Moved Permanently or 308 Permanent Redirect has moved: the message gives the address the " +
			"permanent redirects lead to, to write instead. Temporary redirects (302, 303, 307) are followed silently. Redirect chains are " +
			"followed up to the configured bound (10) with loop detection, and every hop is checked like the first.",
		ExampleNote: "The example test lints `website: \"https://glasgowopendata.org/\"` with --online against a local server that answers 301 with " +
			"`Location: https://www.glasgowopendata.org/`, which answers 200; contentlint prints `entry.md:2:10: warning: website: \"https://glasgowopendata.org/\" " +
			"moved permanently (301 Moved Permanently) to \"https://www.glasgowopendata.org/\"; write the new address [link-redirect]`.",
		Tags: []string{"online", "links"},
	}
	ruleLinkUnreachable = &Rule{
		ID: "link-unreachable", Family: "online", Severity: SeverityWarning, Config: exampleFields,
		Title: "A link could not be reached (online)",
		Doc: "With --online, a URL whose server times out, refuses the connection, fails the TLS handshake (an expired or self-signed certificate), " +
			"loops in redirects or keeps answering 5xx after the retries is reported as a warning: it may be down for a while, so check it by hand. " +
			"A host that resolves to a loopback, private, link-local or cloud-metadata address is not connected to (an entry must not become a way " +
			"into the network that lints it) and is reported here too, unless --online-allow-private is given.",
		ExampleNote: "The example test lints `website: \"https://glasgowopendata.org/\"` with --online against a local server whose certificate " +
			"is self-signed; contentlint prints `entry.md:2:10: warning: website: \"https://glasgowopendata.org/\" could not be reached (TLS: " +
			"the certificate is signed by an unknown authority); check it in a browser [link-unreachable]`.",
		Tags: []string{"online", "links"},
	}
	ruleSocialAccountMissing = &Rule{
		ID: "social-account-missing", Family: "online", Severity: SeverityError, Config: exampleFields,
		Title: "A social account does not exist (online)",
		Doc: "With --online, accounts are looked up where the network has a reliable protocol for it: GitHub users and organisations through the " +
			"REST API (GITHUB_API_URL, GITHUB_TOKEN), Mastodon accounts through WebFinger on the handle's server, Bluesky handles through atproto " +
			"handle resolution (DNS TXT _atproto.<handle>, then https://<handle>/.well-known/atproto-did). Other networks (X, Instagram, LinkedIn, " +
			"Facebook, ...) have none and are not checked. An exhausted rate limit is unknown, never missing. The finding points at the value.",
		ExampleNote: "The example test lints `social: {github: \"glasgow-open-data-old\"}` with --online against a local GitHub API that answers 404 " +
			"for that user; contentlint prints `entry.md:3:11: error: social.github: GitHub account \"glasgow-open-data-old\" does not exist " +
			"(the GitHub API answers 404 Not Found); fix the handle or remove it [social-account-missing]`.",
		Tags: []string{"online", "correctness"},
	}
	ruleEmailDomain = &Rule{
		ID: "email-domain", Family: "online", Severity: SeverityError, Config: exampleFields,
		Title: "An email address's domain takes no mail (online)",
		Doc: "With --online, the domain of every email field and mailto: link is looked up in DNS: its MX records, else its A and AAAA records " +
			"(the implicit MX of RFC 5321 §5.1). A domain that does not exist, has none of them, or publishes a null MX (RFC 7505) cannot receive " +
			"mail. No mail server is ever contacted. Placeholder domains are left to email-placeholder. The finding points at the value or the link.",
		ExampleNote: "The example test lints `contact_email: \"contact@glasgowopendata.org\"` with --online and a resolver in which glasgowopendata.org " +
			"does not exist; contentlint prints `entry.md:2:16: error: contact_email: mail to \"contact@glasgowopendata.org\" cannot be delivered " +
			"(the domain \"glasgowopendata.org\" does not exist or has no MX, A or AAAA record); give an address at a domain that takes mail [email-domain]`.",
		Tags: []string{"online", "correctness"},
	}
)

// onlineRules are the rules checkOnline reports under.
func onlineRules() []*Rule {
	return []*Rule{ruleLinkDead, ruleLinkRedirect, ruleLinkUnreachable, ruleSocialAccountMissing, ruleEmailDomain}
}

// rulesOf are the rules a target of kind k can be reported under.
func rulesOf(k TargetKind) []*Rule {
	switch k {
	case TargetAccount:
		return []*Rule{ruleSocialAccountMissing}
	case TargetMailDomain:
		return []*Rule{ruleEmailDomain}
	}
	return []*Rule{ruleLinkDead, ruleLinkRedirect, ruleLinkUnreachable}
}

// onlineRun is what the linter knows of the online audit: the
// configuration and, when the run is online, the verdicts.
type onlineRun struct {
	config   *Online
	verdicts map[Target]Verdict // nil: offline
}

// occurrence is one place an entry names a target.
type occurrence struct {
	target Target
	span   Span
	ptr    string // the front matter value's pointer; "" in the body
	noun   string // "link" or "image" in the body
	shown  string // the value as written: a URL, an address, a handle
	// excluded is set when a configured exclude pattern matches.
	excluded bool
}

// onlineOccurrences finds what an entry names that can be checked online:
// URL, email and social fields (the collection's field kinds), web links,
// images and mailto: links in the body. Values the offline rules reject
// are left to them.
func onlineOccurrences(e *Entry, c *Collection, cfg *Online) []occurrence {
	var out []occurrence
	// add records o; exclude patterns see the value as written and as
	// checked (a URL normalised, an account as its profile URL).
	add := func(o occurrence, match string) {
		o.excluded = cfg != nil && (cfg.Excluded(o.shown) || cfg.Excluded(match))
		out = append(out, o)
	}
	if c != nil && e.Data != nil && len(c.Fields) > 0 {
		walkFieldKinds(e.Data, c.FieldKind, func(k *FieldKind, value, ptr, key string) {
			if strings.TrimSpace(value) == "" {
				return
			}
			span := e.Locate(ptr).Value
			switch k.Kind {
			case KindURL:
				if k.Prefix != "" && uriScheme(value) == "" && !strings.HasPrefix(value, "/") {
					value = k.Prefix + value // as the template writes it
				}
				if t, ok := urlTarget(value); ok {
					add(occurrence{target: t, span: span, ptr: ptr, shown: value}, t.Value)
				}
			case KindEmail:
				if t, ok := mailTarget(value); ok {
					add(occurrence{target: t, span: span, ptr: ptr, shown: value}, "mailto:"+value)
				}
			case KindSocial:
				network := k.Network
				if network == "" {
					network = strings.ToLower(key)
				}
				if t, ok := accountTarget(network, value); ok {
					add(occurrence{target: t, span: span, ptr: ptr, shown: value}, AccountURL(t.Network, t.Value))
				}
			}
		})
	}
	for _, l := range bodyLinks(e) {
		d := l.dest
		if addrs, ok := mailtoAddresses(l); ok {
			for _, a := range addrs {
				if t, ok := mailTarget(a); ok {
					add(occurrence{target: t, span: l.span(e), noun: l.noun(), shown: a}, "mailto:"+a)
				}
			}
			continue
		}
		if scheme := uriScheme(d); scheme == "http" || scheme == "https" {
			if t, ok := urlTarget(d); ok {
				add(occurrence{target: t, span: l.span(e), noun: l.noun(), shown: d}, t.Value)
			}
		}
	}
	return out
}

// urlTarget returns the target of a valid absolute http(s) URL: without
// its fragment, scheme and host in lower case, the default port dropped,
// an empty path written "/".
func urlTarget(s string) (Target, bool) {
	if validate.URL(s) != nil {
		return Target{}, false
	}
	u, err := url.Parse(s)
	if err != nil {
		return Target{}, false
	}
	if u.Scheme = strings.ToLower(u.Scheme); u.Scheme != "http" && u.Scheme != "https" {
		return Target{}, false
	}
	host := strings.ToLower(u.Hostname())
	if ascii, err := idna.Lookup.ToASCII(host); err == nil {
		host = ascii
	}
	port := u.Port()
	if (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.Fragment, u.RawFragment, u.User = "", "", nil
	if u.Path == "" && u.RawPath == "" {
		u.Path = "/"
	}
	return Target{Kind: TargetURL, Value: u.String()}, true
}

// mailTarget returns the mail-domain target of a valid, real address;
// placeholder addresses are email-placeholder's and are not looked up.
func mailTarget(addr string) (Target, bool) {
	if validate.Email(addr) != nil || validate.PlaceholderEmail(addr) != nil {
		return Target{}, false
	}
	domain := strings.ToLower(strings.TrimSuffix(addr[strings.LastIndexByte(addr, '@')+1:], "."))
	if ascii, err := idna.Lookup.ToASCII(domain); err == nil {
		domain = ascii
	}
	return Target{Kind: TargetMailDomain, Value: domain}, true
}

// accountTarget returns the target of a valid handle on a network whose
// accounts can be looked up reliably (GitHub, Mastodon, Bluesky), in the
// form the lookup uses. Values the network's offline rule rejects, and
// Bluesky profile links by DID, are not targets.
func accountTarget(network, value string) (Target, bool) {
	n, ok := validate.NetworkByName(network)
	if !ok || n.Check(value, validate.FormAny) != nil {
		return Target{}, false
	}
	handle := ""
	link, isLink := profilePath(value)
	switch n.Name {
	case "github":
		handle = strings.TrimPrefix(value, "@")
		if isLink {
			first, rest, _ := strings.Cut(link.path, "/")
			if strings.EqualFold(first, "orgs") {
				first, _, _ = strings.Cut(rest, "/")
			}
			handle = first
		}
	case "mastodon":
		if isLink {
			first, rest, _ := strings.Cut(link.path, "/")
			user := strings.TrimPrefix(first, "@")
			if first == "users" {
				user, _, _ = strings.Cut(rest, "/")
			}
			// https://a.example/@user@b.example shows b.example's account.
			if u, server, remote := strings.Cut(user, "@"); remote {
				handle = u + "@" + server
			} else {
				handle = user + "@" + link.host
			}
		} else {
			handle = strings.TrimPrefix(value, "@")
		}
	case "bluesky":
		handle = strings.TrimPrefix(value, "@")
		if isLink {
			_, rest, _ := strings.Cut(link.path, "/")
			handle, _, _ = strings.Cut(rest, "/")
			handle = strings.TrimPrefix(handle, "@")
		}
		if strings.HasPrefix(handle, "did:") {
			return Target{}, false // an account id, not a handle: nothing to resolve by name
		}
	default:
		return Target{}, false
	}
	if handle == "" {
		return Target{}, false
	}
	return Target{Kind: TargetAccount, Network: n.Name, Value: strings.ToLower(strings.TrimSuffix(handle, "."))}, true
}

// profileLink is a profile URL's host and path, without slashes at the ends.
type profileLink struct{ host, path string }

// profilePath splits a profile URL that a network's check accepted.
func profilePath(s string) (profileLink, bool) {
	if !strings.Contains(s, "://") {
		return profileLink{}, false
	}
	u, err := url.Parse(s)
	if err != nil {
		return profileLink{}, false
	}
	return profileLink{host: strings.ToLower(strings.TrimSuffix(u.Host, ".")), path: strings.Trim(u.Path, "/")}, true
}

// checkOnline reports the online verdicts of an entry's targets at every
// place each is named. A target that was not checked, or whose check could
// not tell (offline runs, exclusions, rate limits), is recorded as
// unchecked, so that a suppression comment for it is not called unused.
func checkOnline(p *Pass) {
	if p.online == nil {
		return
	}
	// Offline, what the targets are matters only to a suppression comment
	// that names an online rule: finding them costs a tenth of linting an
	// entry, which the pre-commit hook should not pay for nothing.
	if p.online.verdicts == nil && !namesOnlineRule(entryDirectives(p.Entry)) {
		return
	}
	for _, o := range onlineOccurrences(p.Entry, p.Collection, p.online.config) {
		v, checked := p.online.verdicts[o.target]
		if checked && !o.excluded && (v.Status == StatusOK || reportVerdict(p, o, v)) {
			continue
		}
		if p.unchecked != nil {
			for _, r := range rulesOf(o.target.Kind) {
				p.unchecked(Diagnostic{Rule: r, Span: o.span})
			}
		}
	}
}

// reportVerdict reports one occurrence of a target whose check found a
// problem, and says whether the verdict was one to report.
func reportVerdict(p *Pass, o occurrence, v Verdict) bool {
	// In the body, a link is named by its noun; a field by its path, which
	// ReportField puts in front.
	report := func(r *Rule, subject, format string, args ...any) {
		if o.ptr != "" {
			p.ReportField(r, o.ptr, format, args...)
			return
		}
		p.Report(r, o.span, subject+format, args...)
	}
	switch k, s := o.target.Kind, v.Status; {
	case k == TargetURL && s == StatusDead:
		report(ruleLinkDead, o.noun+" ", "%q is dead (%s); fix the address or remove it", o.shown, v.Detail)
	case k == TargetURL && s == StatusMoved:
		report(ruleLinkRedirect, o.noun+" ", "%q moved permanently (%s) to %q; write the new address", o.shown, v.Detail, withFragment(v.Location, o.shown))
	case k == TargetURL && s == StatusUnreachable:
		report(ruleLinkUnreachable, o.noun+" ", "%q could not be reached (%s); check it in a browser", o.shown, v.Detail)
	case k == TargetURL && s == StatusRefused:
		report(ruleLinkUnreachable, o.noun+" ", "%q was not checked: %s", o.shown, v.Detail)
	case k == TargetAccount && s == StatusDead:
		n, _ := validate.NetworkByName(o.target.Network)
		report(ruleSocialAccountMissing, "", "%s account %q does not exist (%s); fix the handle or remove it", n.Title, o.target.Value, v.Detail)
	case k == TargetMailDomain && s == StatusDead:
		report(ruleEmailDomain, "", "mail to %q cannot be delivered (%s); give an address at a domain that takes mail", o.shown, v.Detail)
	default:
		return false
	}
	return true
}

// withFragment gives a new address the fragment the old one was written
// with: the check leaves fragments out, the reader's link should not.
func withFragment(location, written string) string {
	_, fragment, ok := strings.Cut(written, "#")
	if !ok || strings.Contains(location, "#") {
		return location
	}
	return location + "#" + fragment
}

// namesOnlineRule reports whether a suppression comment names an online
// rule or their family.
func namesOnlineRule(ds []*directive) bool {
	for _, d := range ds {
		for _, name := range d.rules {
			if name == ruleLinkDead.Family || slices.ContainsFunc(onlineRules(), func(r *Rule) bool { return r.ID == name }) {
				return true
			}
		}
	}
	return false
}
