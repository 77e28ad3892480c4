package lint

import (
	"net/netip"
	"net/url"
	"strings"
)

// ruleLinkLocalhost is a body link to this computer: wrong in content, but
// instructions ("run it, then open http://localhost:8000") show such links
// on purpose, so it is a warning of its own rather than a link-url error.
// In a front matter field, where no instruction is meant, url-invalid
// still reports it as an error.
var ruleLinkLocalhost = &Rule{
	ID: "link-localhost", Family: "link", Severity: SeverityWarning,
	Title: "A body link points at localhost or a loopback address",
	Doc: "A link to localhost, a *.localhost name, a loopback address (127.0.0.0/8, ::1) or the unspecified address " +
		"(0.0.0.0, ::) opens the reader's own computer. Installation instructions show such links on purpose, so this " +
		"is a warning and link-url leaves them alone; elsewhere link the public address. The finding points at the link.",
	Config: exampleBare,
	Bad:    titled("Our dashboard is at [the live site](http://localhost:8000/dashboard).\n"),
	Good:   titled("Our dashboard is at [the live site](https://dashboard.glasgowopendata.org/).\n"),
	Tags:   []string{"markdown", "links"},
}

// localhostLink reports whether an absolute http(s) or protocol-relative
// link goes to this computer.
func localhostLink(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil || (u.Scheme != "" && !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	addr, err := netip.ParseAddr(host)
	return err == nil && (addr.IsLoopback() || addr.IsUnspecified())
}

func runLinkLocalhost(p *Pass) {
	for _, l := range bodyLinks(p.Entry) {
		if l.email || !localhostLink(l.dest) {
			continue
		}
		p.Report(ruleLinkLocalhost, l.span(p.Entry), "%s %q points at the reader's own computer; fine in instructions, otherwise link the public address", l.noun(), l.dest)
	}
}
